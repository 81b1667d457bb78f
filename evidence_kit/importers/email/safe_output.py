"""The last step of an e-mail import: every string it hands over can be written as UTF-8.

Rule: the standard library keeps bytes it cannot decode as lone surrogates (surrogateescape), in
header values, file names, media types and character set names alike; one of them reaching the
vault made storing the conversation fail after parsing. Whatever path produced a string, it
leaves the importer with such characters escaped as `\\xNN`. Attachment names are escaped the
same way in the messages and in the files, so the links between them still match.
"""

from __future__ import annotations

from dataclasses import replace

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    EmbeddedFile,
    Message,
    ParsedExport,
    ParseWarning,
    Participant,
)
from evidence_kit.importers.email.header_text import without_surrogates as _safe


def _optional(text: str | None) -> str | None:
    return None if text is None else _safe(text)


def _pairs(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((_safe(key), _safe(value)) for key, value in pairs)


def _person(person: Participant) -> Participant:
    return Participant(_optional(person.name), _optional(person.identifier))


def _attachment(ref: AttachmentRef) -> AttachmentRef:
    return replace(ref, name=_safe(ref.name), media_type=_optional(ref.media_type), url=_optional(ref.url))


def _message(message: Message) -> Message:
    return replace(
        message,
        sender=_optional(message.sender),
        sender_id=_optional(message.sender_id),
        text=_safe(message.text),
        message_id=_optional(message.message_id),
        reply_to=_optional(message.reply_to),
        url=_optional(message.url),
        attachments=tuple(_attachment(ref) for ref in message.attachments),
        extra=_pairs(message.extra),
    )


def _warning(warning: ParseWarning) -> ParseWarning:
    return replace(warning, params=_pairs(warning.params))


def _file(embedded: EmbeddedFile) -> EmbeddedFile:
    return replace(embedded, name=_safe(embedded.name), media_type=_optional(embedded.media_type))


def safe_export(parsed: ParsedExport) -> ParsedExport:
    """`parsed` with every lone surrogate in its strings escaped."""
    conversation: Conversation = parsed.conversation
    conversation = replace(
        conversation,
        messages=tuple(_message(message) for message in conversation.messages),
        title=_optional(conversation.title),
        participants=tuple(_person(person) for person in conversation.participants),
        warnings=tuple(_warning(warning) for warning in conversation.warnings),
        extra=_pairs(conversation.extra),
    )
    return ParsedExport(
        conversation=conversation,
        files=tuple(_file(embedded) for embedded in parsed.files),
        missing=tuple(_safe(name) for name in parsed.missing),
    )
