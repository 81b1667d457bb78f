"""Telegram Desktop's `result.json`: one chat, or a whole account of chats.

What the JSON gives and how it is kept (field names are Telegram Desktop's):

* `id` -> message_id; `reply_to_message_id` -> reply_to; `from`/`from_id` ("user123456") ->
  sender/sender_id (`actor`/`actor_id` for service messages).
* `date` is the wall time of the computer that made the export (its zone is not written) ->
  sent_at; `date_unixtime` -> sent_at_utc. A message with only `date_unixtime` gets the UTC wall
  time as sent_at, and ("wall_time", "utc") in its extra. `edited`/`edited_unixtime` -> edited.
* `text` is a string or a list of strings and entity objects (`{"type": "bold", "text": ...}`);
  the text is their concatenation, exactly as typed (Telegram keeps the spaces between entities
  as plain strings). Link targets that differ from the shown text go to extra as ("link", url).
  (See `text.py`.)
* `photo`/`file` name a file relative to the export folder: a file the folder holds becomes an
  `EmbeddedFile` and an attachment; a missing one is listed in `missing`. The placeholder
  "(File not included. Change data exporting settings to download.)" sets media_omitted.
* `type: "service"` messages become system messages with a readable English text built from
  `action` (joined_telegram, phone_call, pin_message, take_screenshot, ...).
* Reactions, polls, locations, shared contacts, stickers' emoji, `via_bot` and the like are kept
  in the message's extra.

A whole-account export (`chats.list`, `left_chats.list`) gives one `ParsedExport` per chat, in
the export's order, chats the account left last; who made the export goes into each chat's extra.

This module turns records into messages (`iter_messages`, a generator: one record in, one message
out) and a chat read into its `ParsedExport` (`chat_export`); `json_document.py` walks the file
as a stream and hands it the records one at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime

from evidence_kit.domain import AttachmentRef, Message, MessageKind, ParsedExport
from evidence_kit.importers._chat_support import (
    WarningLog,
    clean_text,
    dicts,
    get_dict,
    get_int,
    get_list,
    get_str,
    id_text,
)
from evidence_kit.importers.common import tally_bad_time, tally_unreadable_record
from evidence_kit.importers.telegram.chat import Chat, finish
from evidence_kit.importers.telegram.text import entity_text, service_text

TZ_JSON = (
    "Wall times are the local time of the computer that made the export, in a time zone the export "
    "does not state; UTC times come from the Unix times the export gives."
)
TZ_JSON_MIXED = (
    "Wall times are the local time of the computer that made the export, in a time zone the export "
    "does not state, except for messages with only a Unix time, whose wall time is shown in UTC (see "
    "each message's wall_time detail); UTC times come from the Unix times."
)
TZ_JSON_UTC_ONLY = (
    "The export gives Unix times only: wall times are shown in UTC, not in the local time zone of the "
    "computer that made the export."
)
TZ_JSON_LOCAL_ONLY = (
    "Times are as shown in the export, in the local time zone of the computer that made it, which the "
    "export does not state; it gives no UTC times."
)

_NOT_INCLUDED = re.compile(r"\A\((?:File|Photo)[^()]*\)\Z|\A\(File not included[^)]*\)\Z")
_MIN_EPOCH, _MAX_EPOCH = 0, 253402300799  # 1970 .. 9999


def _epoch(value: int | None) -> datetime | None:
    if value is None or not _MIN_EPOCH <= value <= _MAX_EPOCH:
        return None
    return datetime.fromtimestamp(value, tz=UTC)


def _wall(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=None) if parsed.tzinfo is not None else parsed


def _media(
    raw: dict[str, object], chat: Chat, folder: str
) -> tuple[list[AttachmentRef], bool, list[tuple[str, str]]]:
    attachments: list[AttachmentRef] = []
    extra: list[tuple[str, str]] = []
    omitted = False
    for key in ("photo", "file"):
        written = get_str(raw, key)
        if written is None:
            continue
        written = clean_text(written, chat.log)
        if _NOT_INCLUDED.match(written.strip()) or (written.startswith("(") and written.endswith(")")):
            omitted = True
            chat.omitted()
            extra.append(("media_not_included", written.strip("()")))
            file_name = get_str(raw, "file_name")
            if file_name:
                name = clean_text(file_name, chat.log)
                attachments.append(AttachmentRef(name=name, media_type=get_str(raw, "mime_type")))
                chat.missing.append(name)
            continue
        ref = chat.attach(written, folder)
        if ref is not None:
            mime = get_str(raw, "mime_type")
            attachments.append(AttachmentRef(name=ref.name, media_type=mime or ref.media_type))
    for key in ("media_type", "mime_type", "file_name", "sticker_emoji", "performer", "title"):
        value = get_str(raw, key)
        if value:
            extra.append((key, clean_text(value, chat.log)))
    for key in ("duration_seconds", "file_size", "photo_file_size", "width", "height"):
        number = get_int(raw, key)
        if number is not None:
            extra.append((key, str(number)))
    location = get_dict(raw, "location_information")
    if location is not None and "latitude" in location and "longitude" in location:
        extra.append(("location", f"{location.get('latitude')},{location.get('longitude')}"))
    contact = get_dict(raw, "contact_information")
    if contact is not None:
        parts = [get_str(contact, key) or "" for key in ("first_name", "last_name", "phone_number")]
        extra.append(("contact", clean_text(" ".join(p for p in parts if p), chat.log)))
    for reaction in dicts(get_list(raw, "reactions")):
        emoji = get_str(reaction, "emoji") or get_str(reaction, "document_id") or get_str(reaction, "type")
        count = get_int(reaction, "count")
        if emoji:
            extra.append(
                ("reaction", clean_text(f"{emoji} ×{count}" if count is not None else emoji, chat.log))
            )
        for recent in dicts(get_list(reaction, "recent")):
            who = get_str(recent, "from") or id_text(recent, "from_id")
            if who and emoji:
                extra.append(("reaction_by", clean_text(f"{who}: {emoji}", chat.log)))
    poll = get_dict(raw, "poll")
    if poll is not None:
        question = get_str(poll, "question")
        if question:
            extra.append(("poll_question", clean_text(question, chat.log)))
        for answer in dicts(get_list(poll, "answers")):
            text = get_str(answer, "text")
            if text:
                extra.append(("poll_answer", clean_text(text, chat.log)))
    return attachments, omitted, extra


def _json_message(raw: dict[str, object], chat: Chat, folder: str) -> Message:
    log = chat.log
    kind_name = get_str(raw, "type") or "message"
    wall = _wall(get_str(raw, "date"))
    utc = _epoch(get_int(raw, "date_unixtime"))
    extra: list[tuple[str, str]] = []
    if raw.get("date") is not None and wall is None:
        tally_bad_time(log, str(raw.get("date")))
    if wall is None and utc is not None:
        wall = utc.replace(tzinfo=None)
        extra.append(("wall_time", "utc"))
        chat.utc_walls += 1
    elif wall is not None and utc is not None:
        chat.both += 1
    elif wall is not None:
        chat.local_only += 1
    edited = "edited" in raw or "edited_unixtime" in raw
    edited_wall = _wall(get_str(raw, "edited"))
    edited_utc = _epoch(get_int(raw, "edited_unixtime"))
    if edited_wall is not None:
        extra.append(("edited_at", edited_wall.isoformat()))
    if edited_utc is not None:
        extra.append(("edited_at_utc", edited_utc.strftime("%Y-%m-%dT%H:%M:%SZ")))

    links: list[str] = []
    text = entity_text(raw.get("text"), chat, links)
    if not text and "text" not in raw and isinstance(raw.get("text_entities"), list):
        text = entity_text(raw.get("text_entities"), chat, links)
    extra.extend(("link", link) for link in links)

    if kind_name == "service":
        sender = get_str(raw, "actor")
        sender_id = id_text(raw, "actor_id")
        action = get_str(raw, "action") or ""
        shown = text or service_text(raw, action, clean_text(sender, log) if sender else None)
        extra.append(("action", action))
        for key in ("duration_seconds", "discard_reason", "title", "inviter"):
            value = raw.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                extra.append((key, clean_text(str(value), log)))
        members = [clean_text(m, log) for m in get_list(raw, "members") if isinstance(m, str)]
        extra.extend(("member", member) for member in members)
        kind = MessageKind.SYSTEM
        attachments: list[AttachmentRef] = []
        omitted = False
        text = shown
        reply_to = id_text(raw, "message_id") if action == "pin_message" else None
    else:
        sender = get_str(raw, "from")
        sender_id = id_text(raw, "from_id")
        kind = MessageKind.MESSAGE
        attachments, omitted, media_extra = _media(raw, chat, folder)
        extra.extend(media_extra)
        reply_to = id_text(raw, "reply_to_message_id")
        if kind_name != "message":
            extra.append(("type", kind_name))
    sender = clean_text(sender, log) if sender is not None else None
    sender_id = clean_text(sender_id, log) if sender_id is not None else None
    sender, sender_id = chat.person(sender, sender_id)

    forwarded_from = get_str(raw, "forwarded_from")
    forwarded = forwarded_from is not None or "forwarded_from" in raw
    if forwarded_from:
        extra.append(("forwarded_from", clean_text(forwarded_from, log)))
    for key in ("forwarded_from_id", "saved_from", "via_bot", "author", "reply_to_peer_id"):
        value = id_text(raw, key)
        if value:
            extra.append((key, clean_text(value, log)))
    return Message(
        sender=sender,
        text=text,
        sent_at=wall,
        sent_at_utc=utc,
        sender_id=sender_id,
        kind=kind,
        edited=edited,
        media_omitted=omitted,
        forwarded=forwarded,
        message_id=id_text(raw, "id"),
        reply_to=reply_to,
        attachments=tuple(attachments),
        extra=tuple(extra),
    )


def looks_like_telegram_messages(records: list[object]) -> bool:
    """True when the first records of a message list (up to 200) are Telegram's."""
    found = dicts(records)
    if not found:
        return not records
    keys = ("date", "date_unixtime", "text_entities", "from_id", "actor_id")
    return any(any(key in record for key in keys) for record in found)


def iter_messages(chat: Chat, records: Iterable[object]) -> Iterator[Message]:
    """The messages of a chat's message records, one by one, in the export's order; what they
    gather (participants, files, warnings, time counts) is kept on `chat`."""
    for raw in records:
        if not isinstance(raw, dict):
            tally_unreadable_record(chat.log)
            continue
        yield _json_message(raw, chat, chat.base)


def chat_export(
    chat: Chat, fields: Mapping[str, object], account: list[tuple[str, str]], *, left: bool
) -> ParsedExport:
    """A chat read as its `ParsedExport`; `fields` are the chat's own name, type and id."""
    tz: str | None
    if chat.utc_walls and (chat.both or chat.local_only):
        tz = TZ_JSON_MIXED
    elif chat.utc_walls:
        tz = TZ_JSON_UTC_ONLY
    elif chat.local_only and not chat.both:
        tz = TZ_JSON_LOCAL_ONLY
    else:
        tz = TZ_JSON if chat.both else None
    chat_type = get_str(fields, "type")
    name = get_str(fields, "name")
    title = (
        clean_text(name, chat.log) if name else ("Saved Messages" if chat_type == "saved_messages" else None)
    )
    extra: list[tuple[str, str]] = [("export_format", "json")]
    if chat_type:
        extra.append(("chat_type", chat_type))
    chat_id = id_text(fields, "id")
    if chat_id:
        extra.append(("chat_id", chat_id))
    if left:
        extra.append(("left_chat", "true"))
    extra.extend(account)
    return finish(chat, title=title, tz=tz, extra=extra)


def account_extra(info: object, log: WarningLog) -> list[tuple[str, str]]:
    """Who made a whole-account export (its personal_information), as conversation extra."""
    if not isinstance(info, dict):
        return []
    out: list[tuple[str, str]] = []
    user_id = id_text(info, "user_id")
    if user_id:
        out.append(("account_id", f"user{user_id}"))
    name = " ".join(p for p in (get_str(info, "first_name"), get_str(info, "last_name")) if p)
    if name:
        out.append(("account_name", clean_text(name, log)))
    for key, label in (("phone_number", "account_phone"), ("username", "account_username")):
        value = get_str(info, key)
        if value:
            out.append((label, clean_text(value, log)))
    return out
