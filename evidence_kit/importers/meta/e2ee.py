"""Messenger's end-to-end-encrypted chat download (messenger.com "secure storage").

One JSON file per chat with `participants` (names), `threadName` and `messages[]` with
`senderName`, `timestamp` (milliseconds), `text`, `type`, `isUnsent`, `media[].uri` (`./media/...`,
relative to the file) and `reactions`. No official description exists; this shape follows what
the open-source msgvault importer reads, and unknown fields are kept as warnings. The file as a
whole (participants, title, mojibake) is read in `json_export.py`; here, each message.
"""

from __future__ import annotations

from evidence_kit.domain import AttachmentRef, Message, MessageKind
from evidence_kit.importers._chat_support import dicts, get_int, get_list, get_str
from evidence_kit.importers.meta.json_common import SYSTEM_TYPES, message_time, reactions
from evidence_kit.importers.meta.mojibake import Text
from evidence_kit.importers.meta.thread import Thread


def e2ee_message(raw: dict[str, object], thread: Thread, text_of: Text, base: str) -> Message:
    """One message of the download (media `uri`s are relative to `base`)."""
    utc = message_time(
        thread, get_int(raw, "timestamp") if "timestamp" in raw else get_int(raw, "timestampMs")
    )
    sender_raw = get_str(raw, "senderName")
    sender = text_of(sender_raw) if sender_raw is not None else None
    sender = thread.person(sender)
    body = get_str(raw, "text")
    extra: list[tuple[str, str]] = []
    kind_name = get_str(raw, "type")
    if kind_name:
        extra.append(("type", kind_name))
    attachments: list[AttachmentRef] = []
    for item in dicts(get_list(raw, "media")):
        uri = get_str(item, "uri")
        if uri:
            ref = thread.attach(text_of(uri), base)
            if ref is not None:
                attachments.append(ref)
    extra.extend(reactions(raw, text_of))
    return Message(
        sender=sender,
        text=text_of(body) if body is not None else "",
        sent_at=utc.replace(tzinfo=None) if utc is not None else None,
        sent_at_utc=utc,
        kind=MessageKind.SYSTEM if kind_name in SYSTEM_TYPES else MessageKind.MESSAGE,
        deleted=raw.get("isUnsent") is True,
        attachments=tuple(attachments),
        extra=tuple(extra),
    )
