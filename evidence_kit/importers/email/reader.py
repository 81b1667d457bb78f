"""Reading an .eml or .mbox into a `ParsedExport`: every message parsed (headers, body,
attachments), the conversation put together, and `headers_of` for the evidence headers alone.

A file whose first line starts with `From ` is an mbox; a piece of it that has no header fields
is kept as a message with no sender whose text is the piece as written, with a warning that names
the line. mbox messages keep the file's (arrival) order; Date headers are the senders' claims and
do not reorder them.

An mbox is read from the open file one message at a time (`mbox.py`); an .eml is one message and
is read whole. Every message goes through `limits.py` before the standard library sees it. No
exception leaves `read` or `read_bytes` but the typed ones (`ImportFormatError`, which the batch
turns into "stored as a plain file with a warning", and `FileUnreadableError`).
"""

from __future__ import annotations

import email
import email.policy
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.errors import CloseBoundaryNotFoundDefect
from email.message import Message as MimeMessage
from pathlib import Path
from typing import BinaryIO, TypeVar

from evidence_kit.domain import Conversation, Message, ParsedExport, Participant
from evidence_kit.errors import EvidenceKitError, FileUnreadableError, ImportFormatError
from evidence_kit.importers.email.body import MAX_DEPTH, render
from evidence_kit.importers.email.headers import (
    NOT_VERIFIED,
    STRUCTURE_POLICY,
    EmailHeaders,
    parse_headers,
    show_person,
)
from evidence_kit.importers.email.limits import MAX_LINE, bound_message, cap_part_headers
from evidence_kit.importers.email.mbox import MAX_MESSAGE, MboxStream, Piece, is_mbox
from evidence_kit.importers.email.parse_warnings import Collector
from evidence_kit.importers.email.recognition import FORMAT, KNOWN_HEADERS
from evidence_kit.importers.email.safe_output import safe_export
from evidence_kit.importers.email.state import Body, Export
from evidence_kit.importers.email.text_parts import clean_text
from evidence_kit.storage.folder import display_path

MAX_INPUT = 256 * 1024 * 1024  # the protocol's cap for exports parsed in memory

_T = TypeVar("_T")
_TOO_LARGE = "too large to parse as e-mail; stored as a plain file"


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


@dataclass(frozen=True)
class _Parsed:
    headers: EmailHeaders
    message: Message


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


def _parse_one(msg: MimeMessage, export: Export) -> _Parsed:
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
    return _Parsed(headers, message)


@dataclass(frozen=True)
class _Source:
    """The messages of one file: its pieces (streamed for an mbox) and what the file is."""

    pieces: Iterable[Piece]
    is_mbox: bool
    linesep: str
    stream: MboxStream | None = None


def _source(handle: BinaryIO, path: Path) -> _Source:
    head = handle.read(65536)
    linesep = "\r\n" if b"\r\n" in head else "\n"
    handle.seek(0)
    if is_mbox(head):
        stream = MboxStream(handle)
        return _Source(stream, True, linesep, stream)
    data = handle.read()
    return _Source([Piece(data)], False, linesep)


def _note_cuts(piece: Piece, export: Export) -> None:
    collect = export.collect
    if piece.lines_cut:
        collect.add("line_cut", limit=str(MAX_LINE), name=collect.file)
    if piece.truncated:
        collect.add("message_cut", limit=str(MAX_MESSAGE), name=collect.file)


def _parse_all(source: _Source, path: Path) -> tuple[list[_Parsed], Export]:
    export = Export(linesep=source.linesep)
    collect = export.collect
    collect.file = display_path(path.name)
    results: list[_Parsed] = []
    for index, piece in enumerate(source.pieces, start=1):
        collect.message = index
        _note_cuts(piece, export)
        bounded = bound_message(piece.data, collect, lines_checked=source.is_mbox)
        export.cut_message = piece.lines_cut or piece.truncated or bounded.body_cut
        msg = _message_from_bytes(bounded.data)
        del bounded
        cap_part_headers(msg, collect)
        _note_unclosed(msg, collect)
        if not _has_known_header(msg):
            if not source.is_mbox:
                raise ImportFormatError(path=path, format=FORMAT, detail="no e-mail header fields found")
            results.append(_headerless(piece, collect))
            continue
        results.append(_parse_one(msg, export))
    if source.stream is not None and source.stream.leading:
        collect.message = 0
        collect.add("mbox_leading_text", size=str(source.stream.leading))
    return results, export


def _headerless(piece: Piece, collect: Collector) -> _Parsed:
    """An mbox piece without header fields: most likely a body line "From ..." split off."""
    line = f"From {piece.from_line}"
    collect.add("mbox_unescaped_from", line=line[:100])
    text = piece.data.decode("utf-8", errors="replace")
    full = clean_text(f"{line}\n{text}")
    return _Parsed(EmailHeaders(), Message(sender=None, text=full))


def headers_of(source: Path | bytes) -> list[EmailHeaders]:
    """The evidence headers of every message in an .eml or .mbox (a path or its bytes)."""
    if isinstance(source, Path):
        path = source
        results = _typed(
            path, lambda: _with_file(path, lambda handle: _parse_all(_source(handle, path), path)[0])
        )
    else:
        name, data = Path("<bytes>"), source
        results = _typed(name, lambda: _parse_all(_source(io.BytesIO(data), name), name)[0])
    return [result.headers for result in results]


def _timezone_assumption(messages: list[Message]) -> str | None:
    with_offset = sum(1 for message in messages if message.sent_at_utc is not None)
    without = sum(1 for message in messages if message.sent_at is not None and message.sent_at_utc is None)
    if with_offset and not without:
        return (
            "Times are the Date header as written by the sender's mail program, with the UTC offset it "
            "states; the Date header is the sender's claim, not a verified time."
        )
    if without and not with_offset:
        return (
            "Times are the Date header as written by the sender's mail program, which states no UTC "
            "offset; the Date header is the sender's claim, not a verified time."
        )
    if with_offset and without:
        return (
            "Times are the Date headers as written by the senders' mail programs; UTC is given where the "
            "header states an offset. Date headers are the senders' claims, not verified times."
        )
    return None


def _participants(results: list[_Parsed]) -> tuple[Participant, ...]:
    seen: dict[str, Participant] = {}  # by address (else name); a named entry beats a bare address
    for result in results:
        for person in (*result.headers.from_, *result.headers.to, *result.headers.cc):
            key = person.identifier or person.name or ""
            known = seen.get(key)
            if known is None or (known.name is None and person.name is not None):
                seen[key] = person
    return tuple(seen.values())


def _export(source: _Source, path: Path) -> ParsedExport:
    results, export = _parse_all(source, path)
    messages = [result.message for result in results]
    single = results[0].headers if len(results) == 1 and not source.is_mbox else None
    conversation = Conversation(
        platform="email",
        messages=tuple(messages),
        title=single.subject if single is not None else None,
        participants=_participants(results),
        timezone_assumption=_timezone_assumption(messages),
        warnings=export.collect.warnings(),
        extra=single.flatten() if single is not None else (("messages", str(len(messages))),),
    )
    parsed = ParsedExport(conversation=conversation, files=tuple(export.files), missing=tuple(export.missing))
    return safe_export(parsed)


def _typed(path: Path, work: Callable[[], _T]) -> _T:
    """`work()`, with every failure a typed error: the standard library's e-mail code raises
    assorted types on hostile input, and one escaping would stop the original being stored."""
    try:
        return work()
    except EvidenceKitError:
        raise
    except OSError as exc:
        raise FileUnreadableError(path=path, detail=exc.strerror or type(exc).__name__) from exc
    except Exception as exc:  # see the docstring: typed, never a traceback
        raise ImportFormatError(
            path=path, format=FORMAT, detail=f"unreadable ({type(exc).__name__})"
        ) from exc


def _with_file(path: Path, use: Callable[[BinaryIO], _T]) -> _T:
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > MAX_INPUT:
            raise ImportFormatError(path=path, format=FORMAT, detail=_TOO_LARGE)
        return use(handle)


def read(path: Path) -> ParsedExport:
    """Parse the .eml or .mbox at `path` (decided by content)."""
    return _typed(path, lambda: _with_file(path, lambda handle: _export(_source(handle, path), path)))


def read_bytes(data: bytes, path: Path) -> ParsedExport:
    """Parse an .eml or .mbox already in memory (`path` only names it in errors)."""
    if len(data) > MAX_INPUT:
        raise ImportFormatError(path=path, format=FORMAT, detail=_TOO_LARGE)
    return _typed(path, lambda: _export(_source(io.BytesIO(data), path), path))
