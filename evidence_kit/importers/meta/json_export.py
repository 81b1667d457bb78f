"""Meta's JSON message files: a DYI `message_N.json`, or an end-to-end-encrypted chat download.

The DYI ("Download your information") shape: `participants`, `title`, `thread_path`,
`messages[]` with `sender_name`, `timestamp_ms`, `content`, `photos`/`videos`/`gifs`/
`audio_files`/`files`/`sticker` (each with a `uri`), `share.link`, `reactions`, `is_unsent`,
`type` (Call, Subscribe, Unsubscribe become system messages), `call_duration`, `ip`. Its messages
are read here; the end-to-end-encrypted download's messages in `e2ee.py`. Which shape a file has,
and whether its text needs repair (`mojibake.py`), is decided for the whole file, in a first pass
over it; the messages are read in a second (`json_document.py`: the file is read as a stream).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from evidence_kit.domain import AttachmentRef, Message, MessageKind
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers._chat_support import dicts, get_dict, get_int, get_list, get_str
from evidence_kit.importers.common import folder_of, tally_unreadable_record
from evidence_kit.importers.meta.e2ee import e2ee_message
from evidence_kit.importers.meta.json_common import SYSTEM_TYPES, message_time, reactions
from evidence_kit.importers.meta.json_document import overview, records
from evidence_kit.importers.meta.mojibake import Text
from evidence_kit.importers.meta.platforms import FACEBOOK, FORMAT
from evidence_kit.importers.meta.thread import Thread, time_key

_MEDIA_KEYS = ("photos", "videos", "gifs", "audio_files", "files")


def _dyi_message(raw: dict[str, object], thread: Thread, text_of: Text) -> Message:
    """One message of a DYI thread file."""
    utc = message_time(
        thread, get_int(raw, "timestamp_ms") if "timestamp_ms" in raw else get_int(raw, "timestamp")
    )
    sender_raw = get_str(raw, "sender_name")
    sender = text_of(sender_raw) if sender_raw is not None else None
    sender = thread.person(sender)
    content = get_str(raw, "content")
    text = text_of(content) if content is not None else ""
    kind_name = get_str(raw, "type")
    extra: list[tuple[str, str]] = []
    if kind_name and kind_name != "Generic":
        extra.append(("type", kind_name))
    attachments: list[AttachmentRef] = []
    for key in _MEDIA_KEYS:
        for item in dicts(get_list(raw, key)):
            uri = get_str(item, "uri")
            if uri:
                thread.hints.append(uri)
                ref = thread.attach(text_of(uri))
                if ref is not None:
                    attachments.append(ref)
    sticker = get_dict(raw, "sticker")
    if sticker is not None and get_str(sticker, "uri"):
        uri = text_of(get_str(sticker, "uri") or "")
        thread.hints.append(uri)
        ref = thread.attach(uri)
        if ref is not None:
            attachments.append(ref)
            extra.append(("sticker", ref.name))
    url = None
    share = get_dict(raw, "share")
    if share is not None:
        link = get_str(share, "link")
        url = text_of(link) if link else None
        for key in ("share_text", "original_content_owner"):
            value = get_str(share, key)
            if value:
                extra.append((key, text_of(value)))
    extra.extend(reactions(raw, text_of))
    for user in dicts(get_list(raw, "users")):
        name = get_str(user, "name")
        if name:
            extra.append(("user", text_of(name)))
    duration = get_int(raw, "call_duration")
    if duration is not None:
        extra.append(("call_duration_seconds", str(duration)))
    if raw.get("missed") is True:
        extra.append(("missed", "true"))
    ip = get_str(raw, "ip")
    if ip:
        extra.append(("ip", text_of(ip)))
    if raw.get("is_geoblocked_for_viewer") is True:
        extra.append(("geoblocked_for_viewer", "true"))
    kind = MessageKind.SYSTEM if kind_name in SYSTEM_TYPES else MessageKind.MESSAGE
    return Message(
        sender=sender,
        text=text,
        sent_at=utc.replace(tzinfo=None) if utc is not None else None,
        sent_at_utc=utc,
        kind=kind,
        deleted=raw.get("is_unsent") is True,
        url=url,
        attachments=tuple(attachments),
        extra=tuple(extra),
    )


def iter_messages(
    thread: Thread, records: Iterable[object], text_of: Text, *, e2ee: bool, base: str
) -> Iterator[Message]:
    """The messages of a file's records, one by one, in the file's order (Meta writes newest
    first; `thread.finish` puts them oldest first). What they gather is kept on `thread`."""
    for raw in records:
        if not isinstance(raw, dict):
            tally_unreadable_record(thread.log)
        elif e2ee:
            yield e2ee_message(raw, thread, text_of, base)
        else:
            yield _dyi_message(raw, thread, text_of)


def json_file(thread: Thread, member: str, display: str, platform: list[str]) -> None:
    """Read the JSON file `member` of the thread's tree into `thread`; a file that shows it is
    Facebook's adds FACEBOOK to `platform` (the votes `platforms.platform_of` counts). A thread
    read for a stream (`thread.keep` False) keeps only each message's time (see
    `json_stream_export.py`)."""
    messages = json_messages(thread, member, display, platform)
    if thread.keep:
        thread.records.extend((message.sent_at_utc, message) for message in messages)
    else:
        thread.file_times.append(array("q", (time_key(message.sent_at_utc) for message in messages)))


def json_messages(thread: Thread, member: str, display: str, platform: list[str]) -> Iterator[Message]:
    """What `json_file` reads of the file, with its messages left to be read from the iterator
    returned, in the file's order (each made as it is taken)."""
    log = thread.log
    view = overview(thread.tree, member, display, log)
    data = view.fields
    head = view.head
    e2ee = any("senderName" in r for r in head) or "threadName" in data
    dyi = any("sender_name" in r for r in head)
    if head and not (e2ee or dyi):
        raise ImportFormatError(path=display, format=FORMAT, detail="its messages are not Meta messages")
    text_of = Text(log=log, mojibake=view.mojibake)
    if text_of.mojibake and ("encoding_repaired", "true") not in thread.extra:
        thread.extra.append(("encoding_repaired", "true"))
    base = folder_of(member)
    for person in get_list(data, "participants"):
        name = (
            person
            if isinstance(person, str)
            else get_str(person, "name")
            if isinstance(person, dict)
            else None
        )
        if name:
            thread.person(text_of(name))
    if e2ee:
        platform.append(FACEBOOK)
        if ("export_shape", "messenger_e2ee_json") not in thread.extra:
            thread.extra.append(("export_shape", "messenger_e2ee_json"))
    if thread.title is None:
        title = get_str(data, "threadName") if e2ee else get_str(data, "title")
        thread.title = text_of(title) if title else None
    for key in ("thread_path", "thread_type", "joinable_mode"):
        value = data.get(key)
        if isinstance(value, str) and (key, value) not in thread.extra:
            thread.extra.append((key, text_of(value)))
            thread.hints.append(value)
        elif isinstance(value, dict) and key == "joinable_mode":
            link = get_str(value, "link")
            if link:
                thread.extra.append(("group_link", text_of(link)))
    if "thread_type" in data or any("ip" in r for r in head):
        platform.append(FACEBOOK)
    if data.get("is_still_participant") is False:
        thread.extra.append(("is_still_participant", "false"))
    # Messages gather only participants, files and warnings, never these facts, so the order
    # of their reading changes nothing above (see thread.finish for the order of the messages).
    return iter_messages(thread, records(thread.tree, member, display), text_of, e2ee=e2ee, base=base)
