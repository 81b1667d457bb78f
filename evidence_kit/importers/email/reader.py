"""Reading an .eml or .mbox: `read_stream` for the vault (messages read while they are stored),
`read` and `read_bytes` with every message in memory (tests, small inputs), `headers_of` for the
evidence headers alone.

A file whose first line starts with `From ` (after a byte-order mark, if any) is an mbox. mbox
messages keep the file's (arrival) order; Date headers are the senders' claims and do not reorder
them. Every message is read by `message.py`, through `limits.py`, before the standard library sees
it. No exception leaves this module but the typed ones (`ImportFormatError`, which the batch turns
into "stored as a plain file with a warning", and `FileUnreadableError`).

How an mbox streams with memory that does not grow with its size: the vault stores an export's
files (its attachments, as items of their own) before its messages, but an mbox names its
attachments only inside its messages. So the file is read twice, one message at a time:

1. The survey reads every message and keeps only what the whole export needs before its first
   message is stored: each attachment's name, size and place (where its message starts in the
   file, and its position among that message's attachments), the names referenced but missing,
   the participants, whether the Dates state an offset (the time-zone assumption), the title of a
   single message, and every warning. No message and no attachment's bytes are held.
2. The messages are read again as the vault stores them, oldest (first in the file) first; their
   attachments are named exactly as the survey named them, since the same bytes go through the
   same code (`Export.names_only`).

An attachment's file, when opened, reads its one message again from the file (`_Refinder`); the
attachments of the message read last are kept for the next open, since the vault opens a file a
few times (to recognise it, to read a picture, to store it). The cost is a second parse of the
file, in time only; the stored original is unchanged, and `reading.py` refuses the result if the
file changed while it was read.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TypeVar

from evidence_kit.domain import ConversationStream, Message, ParsedExport, Participant, StreamedExport
from evidence_kit.errors import EvidenceKitError, FileUnreadableError, ImportFormatError
from evidence_kit.importers.email.headers import EmailHeaders
from evidence_kit.importers.email.mbox import BOM, MboxStream, Piece, is_mbox
from evidence_kit.importers.email.message import Parsed, parse_piece
from evidence_kit.importers.email.recognition import FORMAT
from evidence_kit.importers.email.safe_output import (
    safe_file,
    safe_message,
    safe_pairs,
    safe_person,
    safe_text,
    safe_warning,
)
from evidence_kit.importers.email.state import Export
from evidence_kit.storage.folder import display_path

MAX_INPUT = 256 * 1024 * 1024  # the protocol's cap for exports parsed in memory

_T = TypeVar("_T")
_TOO_LARGE = "too large to parse as e-mail; stored as a plain file"
Opener = Callable[[], BinaryIO]


@dataclass(frozen=True)
class _Source:
    """The messages of one file: its pieces (streamed for an mbox) and what the file is."""

    pieces: Iterator[Piece] | list[Piece]
    is_mbox: bool
    linesep: str
    stream: MboxStream | None = None


def _source(handle: BinaryIO, path: Path) -> _Source:
    head = handle.read(65536)
    linesep = "\r\n" if b"\r\n" in head else "\n"
    handle.seek(0)
    if is_mbox(head):
        stream = MboxStream(handle)
        return _Source(iter(stream), True, linesep, stream)
    return _Source([Piece(handle.read().removeprefix(BOM))], False, linesep)


def _parsed_all(source: _Source, path: Path, export: Export) -> Iterator[Parsed]:
    collect = export.collect
    collect.file = display_path(path.name)
    for index, piece in enumerate(source.pieces, start=1):
        collect.message = index
        yield parse_piece(piece, export, in_mbox=source.is_mbox, path=path)
    if source.stream is not None and source.stream.leading:
        collect.message = 0
        collect.add("mbox_leading_text", size=str(source.stream.leading))


@dataclass
class _Refinder:
    """Opens a kept attachment by reading its one message again (see the module docstring)."""

    open_file: Opener
    path: Path
    is_mbox: bool
    linesep: str
    cached_start: int = -1
    cached: dict[int, bytes] = field(default_factory=dict)

    def keeper(self, start: int, ordinal: int, data: bytes) -> Opener:
        del data  # found again when the file is opened; never held by the survey
        return functools.partial(self.open, start, ordinal)

    def open(self, start: int, ordinal: int) -> BinaryIO:
        if start != self.cached_start:
            self.cached, self.cached_start = {}, -1
            self.cached = _typed(self.path, lambda: self._read(start))
            self.cached_start = start
        data = self.cached.get(ordinal)
        if data is None:
            raise FileUnreadableError(path=self.path, detail="the attachment was not found again")
        return io.BytesIO(data)

    def _read(self, start: int) -> dict[int, bytes]:
        found: dict[int, bytes] = {}

        def keep(_start: int, ordinal: int, data: bytes) -> Opener:
            found[ordinal] = data
            return functools.partial(io.BytesIO, data)

        with self.open_file() as handle:
            if self.is_mbox:
                piece = next(iter(MboxStream(handle, start=start)), None)
            else:
                piece = Piece(handle.read().removeprefix(BOM))
        if piece is not None:
            export = Export(linesep=self.linesep, keeper=keep)
            parse_piece(piece, export, in_mbox=self.is_mbox, path=self.path)
        return found


@dataclass
class _Survey:
    """The first pass: what the export needs before its first message is stored."""

    export: Export
    participants: dict[str, Participant] = field(default_factory=dict)
    with_offset: int = 0
    without: int = 0
    count: int = 0
    first: EmailHeaders | None = None

    def add(self, parsed: Parsed) -> None:
        self.count += 1
        if self.first is None:
            self.first = parsed.headers
        message = parsed.message
        if message.sent_at_utc is not None:
            self.with_offset += 1
        elif message.sent_at is not None:
            self.without += 1
        # by address (else name); a named entry beats a bare address
        headers = parsed.headers
        for person in (*headers.from_, *headers.to, *headers.cc):
            key = person.identifier or person.name or ""
            known = self.participants.get(key)
            if known is None or (known.name is None and person.name is not None):
                self.participants[key] = person


def _survey(open_file: Opener, path: Path) -> tuple[_Survey, bool]:
    with open_file() as handle:
        source = _source(handle, path)
        refinder = _Refinder(open_file, path, source.is_mbox, source.linesep)
        survey = _Survey(Export(linesep=source.linesep, keeper=refinder.keeper))
        for parsed in _parsed_all(source, path, survey.export):
            survey.add(parsed)
    return survey, source.is_mbox


def _messages(open_file: Opener, path: Path) -> Iterator[Message]:
    """The second pass: the messages, one at a time, as safe to store."""
    try:
        with open_file() as handle:
            source = _source(handle, path)
            export = Export(linesep=source.linesep, names_only=True)
            for parsed in _parsed_all(source, path, export):
                yield safe_message(parsed.message)
    except EvidenceKitError:
        raise
    except Exception as exc:  # typed, as `_typed` does for the survey
        raise _as_typed(path, exc) from exc


def _timezone_assumption(with_offset: int, without: int) -> str | None:
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


def _stream(open_file: Opener, path: Path) -> StreamedExport:
    survey, in_mbox = _typed(path, lambda: _survey(open_file, path))
    export = survey.export
    single = survey.first if survey.count == 1 and not in_mbox else None
    conversation = ConversationStream(
        platform="email",
        messages=_messages(open_file, path),
        title=safe_text(single.subject) if single is not None else None,
        participants=tuple(safe_person(person) for person in survey.participants.values()),
        timezone_assumption=_timezone_assumption(survey.with_offset, survey.without),
        warnings=tuple(safe_warning(warning) for warning in export.collect.warnings()),
        extra=safe_pairs(single.flatten() if single is not None else (("messages", str(survey.count)),)),
    )
    return StreamedExport(
        conversation=conversation,
        files=tuple(safe_file(embedded) for embedded in export.files),
        missing=tuple(safe_text(name) or "" for name in export.missing),
    )


def _as_typed(path: Path, exc: Exception) -> EvidenceKitError:
    if isinstance(exc, OSError):
        return FileUnreadableError(path=path, detail=exc.strerror or type(exc).__name__)
    return ImportFormatError(path=path, format=FORMAT, detail=f"unreadable ({type(exc).__name__})")


def _typed(path: Path, work: Callable[[], _T]) -> _T:
    """`work()`, with every failure a typed error: the standard library's e-mail code raises
    assorted types on hostile input, and one escaping would stop the original being stored."""
    try:
        return work()
    except EvidenceKitError:
        raise
    except Exception as exc:  # see the docstring: typed, never a traceback
        raise _as_typed(path, exc) from exc


def _file_opener(path: Path) -> Opener:
    def open_checked() -> BinaryIO:
        handle = open(path, "rb")  # noqa: SIM115 (handed to the caller, who closes it)
        if os.fstat(handle.fileno()).st_size > MAX_INPUT:
            handle.close()
            raise ImportFormatError(path=path, format=FORMAT, detail=_TOO_LARGE)
        return handle

    return open_checked


def _bytes_opener(data: bytes, path: Path) -> Opener:
    if len(data) > MAX_INPUT:
        raise ImportFormatError(path=path, format=FORMAT, detail=_TOO_LARGE)
    return functools.partial(io.BytesIO, data)


def _whole(streamed: StreamedExport) -> ParsedExport:
    return ParsedExport(
        conversation=streamed.conversation.read_whole(), files=streamed.files, missing=streamed.missing
    )


def read_stream(path: Path) -> StreamedExport:
    """The .eml or .mbox at `path` (decided by content), its messages read while they are used."""
    return _stream(_file_opener(path), path)


def read(path: Path) -> ParsedExport:
    """Parse the .eml or .mbox at `path` with every message in memory."""
    return _whole(read_stream(path))


def read_bytes(data: bytes, path: Path) -> ParsedExport:
    """Parse an .eml or .mbox already in memory (`path` only names it in errors)."""
    return _whole(_stream(_bytes_opener(data, path), path))


def headers_of(source: Path | bytes) -> list[EmailHeaders]:
    """The evidence headers of every message in an .eml or .mbox (a path or its bytes)."""
    if isinstance(source, Path):
        path, open_file = source, _file_opener(source)
    else:
        path = Path("<bytes>")
        open_file = _bytes_opener(source, path)

    def work() -> list[EmailHeaders]:
        with open_file() as handle:
            found = _source(handle, path)
            export = Export(linesep=found.linesep, names_only=True)
            return [parsed.headers for parsed in _parsed_all(found, path, export)]

    return _typed(path, work)
