"""One message of an .eml or .mbox read: its bytes bounded (`limits.py`), its MIME structure
parsed, its evidence headers, body text and attachments put into a `Message`.

Rule: the same bytes always give the same result, whichever pass of the reader reads them, so a
message read again to find one attachment's bytes (`reader.py`) finds exactly what the first
reading named. A piece of an mbox that has no header fields is kept as a message with no sender
whose text is the piece as written, with a warning that names the line.
"""

from __future__ import annotations

import email
from dataclasses import dataclass
from email.errors import CloseBoundaryNotFoundDefect
from email.message import Message as MimeMessage
from pathlib import Path

from evidence_kit.domain import Message, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers.email.body import MAX_DEPTH, render
from evidence_kit.importers.email.headers import (
    NOT_VERIFIED,
    STRUCTURE_POLICY,
    EmailHeaders,
    parse_headers,
    show_person,
)
from evidence_kit.importers.email.limits import MAX_LINE, bound_message, cap_part_headers
from evidence_kit.importers.email.mbox import MAX_MESSAGE, Piece
from evidence_kit.importers.email.parse_warnings import Collector
from evidence_kit.importers.email.recognition import FORMAT, KNOWN_HEADERS
from evidence_kit.importers.email.state import Body, Export
from evidence_kit.importers.email.text_parts import clean_text


@dataclass(frozen=True)
class Parsed:
    """One message as read: its evidence headers and the conversation's `Message`."""

    headers: EmailHeaders
    message: Message


def _has_known_header(msg: MimeMessage) -> bool:
    return any(key.lower().encode("ascii", "replace") in KNOWN_HEADERS for key in msg)


def _message_extra(headers: EmailHeaders, body: Body) -> tuple[tuple[str, str], ...]:
    extra: list[tuple[str, str]] = []
    if headers.subject is not None:
        extra.append(("subject", headers.subject))
    for key, people in (("to", headers.to), ("cc", headers.cc), ("reply_to", headers.reply_to)):
        extra.extend((key, show_person(person)) for person in people)
    if headers.return_path is not None:
        extra.append(("return_path", headers.return_path))
    extra.extend(("dkim_signature", signature.summary()) for signature in headers.dkim_signatures)
    extra.extend(("signature", f"{protocol} ({NOT_VERIFIED})") for protocol in body.signed)
    if body.encrypted:
        extra.append(("encrypted", "not decrypted"))
    return tuple(extra)


def _message_from_bytes(data: bytes) -> MimeMessage:
    """The MIME structure (see `headers.STRUCTURE_POLICY`); the parser records damage as defects."""
    return email.message_from_bytes(data, policy=STRUCTURE_POLICY)


def _note_unclosed(msg: MimeMessage, collect: Collector) -> None:
    """A multipart whose closing boundary never comes: the message (or the file) was cut short."""
    try:
        parts = list(msg.walk())
    except RecursionError:  # nesting deeper than Python's stack; the renderer reports the depth
        return
    if any(isinstance(defect, CloseBoundaryNotFoundDefect) for part in parts for defect in part.defects):
        collect.add("message_incomplete", name=collect.file)


def _parse_one(msg: MimeMessage, export: Export) -> Parsed:
    collect = export.collect
    headers = parse_headers(msg, collect)
    body = Body()
    try:
        render(msg, export, body, 0, True)
    except RecursionError:
        body.too_deep = True
    except Exception as exc:  # the stdlib MIME code raises assorted types on bad parts; keep what was read
        collect.add("body_unreadable", error=type(exc).__name__)
    if body.too_deep:
        collect.add("too_deep", limit=str(MAX_DEPTH))
    if body.encrypted:
        collect.add("encrypted")
    sender = headers.from_[0] if headers.from_ else Participant(None)
    message = Message(
        sender=sender.name,
        sender_id=sender.identifier,
        text="\n".join(body.texts),
        sent_at=headers.date_local,
        sent_at_utc=headers.date_utc,
        message_id=headers.message_id,
        reply_to=headers.in_reply_to,
        attachments=tuple(body.attachments),
        extra=_message_extra(headers, body),
    )
    return Parsed(headers, message)


def _note_cuts(piece: Piece, export: Export) -> None:
    collect = export.collect
    if piece.lines_cut:
        collect.add("line_cut", limit=str(MAX_LINE), name=collect.file)
    if piece.truncated:
        collect.add("message_cut", limit=str(MAX_MESSAGE), name=collect.file)


def parse_piece(piece: Piece, export: Export, *, in_mbox: bool, path: Path) -> Parsed:
    """Read one message (an .eml's bytes, or one piece of an mbox) into `export`'s state."""
    collect = export.collect
    _note_cuts(piece, export)
    bounded = bound_message(piece.data, collect, lines_checked=in_mbox)
    export.cut_message = piece.lines_cut or piece.truncated or bounded.body_cut
    export.message_start = piece.start
    msg = _message_from_bytes(bounded.data)
    del bounded
    cap_part_headers(msg, collect)
    _note_unclosed(msg, collect)
    if not _has_known_header(msg):
        if not in_mbox:
            raise ImportFormatError(path=path, format=FORMAT, detail="no e-mail header fields found")
        return _headerless(piece, collect)
    return _parse_one(msg, export)


def _headerless(piece: Piece, collect: Collector) -> Parsed:
    """An mbox piece without header fields: most likely a body line "From ..." split off."""
    line = f"From {piece.from_line}"
    collect.add("mbox_unescaped_from", line=line[:100])
    text = piece.data.decode("utf-8", errors="replace")
    full = clean_text(f"{line}\n{text}")
    return Parsed(EmailHeaders(), Message(sender=None, text=full))
