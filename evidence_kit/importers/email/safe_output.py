"""The last step of an e-mail import: every string it hands over can be written as UTF-8.

Rule: the standard library keeps bytes it cannot decode as lone surrogates (surrogateescape), in
header values, file names, media types and character set names alike; one of them reaching the
vault made storing the conversation fail after parsing. Whatever path produced a string, it
leaves the importer with such characters escaped as `\\xNN`. Attachment names are escaped the
same way in the messages and in the files, so the links between them still match.
"""

from __future__ import annotations

from dataclasses import replace

from evidence_kit.domain import AttachmentRef, EmbeddedFile, Message, ParseWarning, Participant
from evidence_kit.importers.email.header_text import without_surrogates as _safe


def safe_text(text: str | None) -> str | None:
    """`text` with lone surrogates escaped (None stays None)."""
    return None if text is None else _safe(text)


def safe_pairs(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((_safe(key), _safe(value)) for key, value in pairs)


def safe_person(person: Participant) -> Participant:
    return Participant(safe_text(person.name), safe_text(person.identifier))


def _attachment(ref: AttachmentRef) -> AttachmentRef:
    return replace(ref, name=_safe(ref.name), media_type=safe_text(ref.media_type), url=safe_text(ref.url))


def safe_message(message: Message) -> Message:
    return replace(
        message,
        sender=safe_text(message.sender),
        sender_id=safe_text(message.sender_id),
        text=_safe(message.text),
        message_id=safe_text(message.message_id),
        reply_to=safe_text(message.reply_to),
        url=safe_text(message.url),
        attachments=tuple(_attachment(ref) for ref in message.attachments),
        extra=safe_pairs(message.extra),
    )


def safe_warning(warning: ParseWarning) -> ParseWarning:
    return replace(warning, params=safe_pairs(warning.params))


def safe_file(embedded: EmbeddedFile) -> EmbeddedFile:
    return replace(embedded, name=_safe(embedded.name), media_type=safe_text(embedded.media_type))
