"""Reading a WhatsApp export from disk: recognising it (`sniff`), decoding its text, the `.txt`
file and the export `.zip` (chat text plus media).

Rule: `sniff` looks only at the first 64 KiB and never raises for odd bytes; `read_stream`
decodes the text as it reads it (UTF-8, iOS with a BOM; UTF-16 with a BOM for re-saved files),
parses it with `stream.parse_stream` (messages read when used: memory does not depend on the
file's size) and, for a zip, reads the chat member in place and lists every other member as a
file of the export, warning about files the messages refer to that are not there. `read` is the
same with every message read into memory (tests, small inputs).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from evidence_kit.domain import (
    ConversationStream,
    EmbeddedFile,
    ParsedExport,
    ParseWarning,
    StreamedExport,
    TimeSource,
    Timestamp,
)
from evidence_kit.errors import FileUnreadableError, ImportFormatError
from evidence_kit.importers.archive import MIB, ArchiveMember, ZipArchive
from evidence_kit.importers.signal_export import looks_like_signal_export
from evidence_kit.importers.whatsapp.blocks import Decoded, decoded_text, line_blocks
from evidence_kit.importers.whatsapp.header import HEADER
from evidence_kit.importers.whatsapp.parser import FORMAT, media_type_of
from evidence_kit.importers.whatsapp.stream import TextSource, parse_stream
from evidence_kit.importers.whatsapp.titles import title_from_name

MAX_TEXT_BYTES = 256 * MIB
ZIP_TIME_ASSUMPTION = (
    "The time the zip stores for this file: the local time of the phone that made the export, "
    "in a time zone the zip does not state."
)


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


def decode_export(data: bytes) -> tuple[str, int]:
    """The text of an export and how many undecodable bytes became U+FFFD.

    WhatsApp writes UTF-8 (iOS with a BOM); UTF-16 with a BOM is accepted for files re-saved by
    other tools.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
        bad = text.count("\ufffd")
    else:
        try:
            text = data.decode("utf-8-sig")
            bad = 0
        except UnicodeDecodeError:
            text = data.decode("utf-8-sig", errors="replace")
            bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return text.removeprefix("\ufeff"), max(bad, 0)


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_LOCAL_HEADER = re.compile(rb"PK\x03\x04")


def _looks_like_chat_text(text: str, name: str = "") -> bool:
    for line in text.split("\n", 20)[:20]:
        if HEADER.match(line):
            return not looks_like_signal_export(text, name)
    return False


def _zip_names_in_head(head: bytes) -> list[tuple[str, bytes]]:
    """Names (and the bytes after each local header) of the zip members that start in `head`."""
    found: list[tuple[str, bytes]] = []
    for match in _LOCAL_HEADER.finditer(head):
        start = match.start()
        if start + 30 > len(head):
            break
        name_len = int.from_bytes(head[start + 26 : start + 28], "little")
        extra_len = int.from_bytes(head[start + 28 : start + 30], "little")
        raw_name = head[start + 30 : start + 30 + name_len]
        name = raw_name.decode("utf-8", errors="replace")
        data_start = start + 30 + name_len + extra_len
        found.append((name, head[data_start : data_start + 16384] if data_start < len(head) else b""))
        if len(found) > 64:
            break
    return found


def _is_chat_member_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    if name.startswith("__MACOSX/") or base.startswith("._") or not base.lower().endswith(".txt"):
        return False
    return base == "_chat.txt" or "whatsapp" in base.lower() or title_from_name(base) is not None


def sniff(head: bytes, name: str) -> bool:
    """True when `head` (the first 64 KiB) is a WhatsApp export text or export zip."""
    try:
        if head[:4] in _ZIP_MAGIC:
            for member, data in _zip_names_in_head(head):
                if _is_chat_member_name(member):
                    return True
                if member.lower().endswith(".txt") and data:
                    try:
                        text = zlib.decompressobj(-15).decompress(data, 65536).decode("utf-8", "replace")
                    except zlib.error:
                        text = data.decode("utf-8", "replace")
                    if _looks_like_chat_text(text.removeprefix("\ufeff")):
                        return True
            return False
        text, _ = decode_export(head)
        return _looks_like_chat_text(text, name)
    except (ValueError, LookupError):
        return False


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


def _checked_size(path: Path, limit: int) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None
    if size > limit:
        raise ImportFormatError(
            path=str(path), format=FORMAT, detail="too large to parse as a chat; stored as a plain file"
        )


def _text_source(open_binary: Callable[[], BinaryIO], shown: str) -> TextSource:
    """Each call opens the chat text afresh and hands on its blocks (one pass of the parser)."""

    def source(found: Decoded) -> Iterator[str]:
        try:
            handle = open_binary()
        except OSError as exc:
            raise FileUnreadableError(path=shown, detail=exc.strerror or str(exc)) from None
        with handle:
            text, bad_bytes = decoded_text(handle)
            yield from line_blocks(text, found, boms=2)
            found.bad_bytes = bad_bytes(found.replaced)

    return source


def _decode_warning(bad: int) -> list[ParseWarning]:
    if not bad:
        return []
    return [
        ParseWarning(
            code="invalid_utf8",
            message="The chat text is not valid UTF-8: {count} unreadable bytes were shown as U+FFFD.",
            params=(("count", str(bad)),),
        )
    ]


def _with_warnings(conversation: ConversationStream, extra: Iterable[ParseWarning]) -> ConversationStream:
    added = tuple(extra)
    return replace(conversation, warnings=added + conversation.warnings) if added else conversation


def _missing_warning(missing: list[str]) -> list[ParseWarning]:
    if not missing:
        return []
    shown = ", ".join(missing[:10]) + (", …" if len(missing) > 10 else "")
    return [
        ParseWarning(
            code="attachments_missing",
            message="{count} files the messages refer to are not in the export: {names}.",
            params=(("count", str(len(missing))), ("names", shown)),
        )
    ]


def _choose_chat_member(archive: ZipArchive) -> ArchiveMember | None:
    candidates = [
        m
        for m in archive.members
        if not m.is_dir
        and m.name.lower().endswith(".txt")
        and not m.name.startswith("__MACOSX/")
        and not m.name.rsplit("/", 1)[-1].startswith("._")
    ]
    for member in candidates:
        if member.name.rsplit("/", 1)[-1] == "_chat.txt" and "/" not in member.name:
            return member
    for member in candidates:
        if "/" not in member.name and _is_chat_member_name(member.name):
            return member
    for member in candidates:
        if "/" not in member.name:
            with archive.opener(member)() as stream:
                head = stream.read(65536)
            if _looks_like_chat_text(decode_export(head)[0]):
                return member
    return None


def _member_time(member: ArchiveMember) -> Timestamp | None:
    if member.modified is None:
        return None
    return Timestamp(
        source=TimeSource.FILE_METADATA,
        local=member.modified,
        assumption=ZIP_TIME_ASSUMPTION,
    )


def _read_zip(path: Path, keep: bool) -> StreamedExport:
    shown = str(path)
    with ZipArchive(path, display_name=shown, format_name=FORMAT) as archive:
        chat = _choose_chat_member(archive)
        if chat is None:
            raise ImportFormatError(path=shown, format=FORMAT, detail="the zip holds no WhatsApp chat text")
        if chat.size > MAX_TEXT_BYTES:
            raise ImportFormatError(
                path=shown, format=FORMAT, detail=f"member {chat.name} is too large to parse as a chat"
            )
        base = chat.name.rsplit("/", 1)[-1]
        title = title_from_name(base) or title_from_name(path.name)
        # The chat text is read from the zip in each pass, never whole (openers outlive the archive).
        parsed = parse_stream(_text_source(archive.opener(chat), shown), name=shown, title=title, keep=keep)

        media = [
            m
            for m in archive.members
            if not m.is_dir
            and m.index != chat.index
            and not m.name.startswith("__MACOSX/")
            and not m.name.rsplit("/", 1)[-1].startswith("._")
        ]
        basenames = Counter(m.name.rsplit("/", 1)[-1] for m in media)
        files: list[EmbeddedFile] = []
        for member in media:
            base_name = member.name.rsplit("/", 1)[-1]
            shown_name = base_name if basenames[base_name] == 1 and not member.unsafe_name else member.name
            files.append(
                EmbeddedFile(
                    name=shown_name,
                    open=archive.opener(member),  # by its entry: a name can be there twice
                    size=member.size,
                    media_type=media_type_of(base_name),
                    modified=_member_time(member),
                )
            )
        present = {f.name for f in files}
        missing = [name for name in parsed.referenced if name not in present]
        conversation = _with_warnings(
            parsed.conversation,
            [*archive.warnings, *_decode_warning(parsed.decoded.bad_bytes), *_missing_warning(missing)],
        )
        conversation = replace(conversation, extra=(*conversation.extra, ("chat_file", chat.name)))
        return StreamedExport(conversation=conversation, files=tuple(files), missing=tuple(missing))


def read_stream(path: Path, *, keep: bool = False) -> StreamedExport:
    """Parse a WhatsApp export `.txt` or `.zip` at `path`; its messages are read as they are used.

    The export is read once now (the facts: participants, date order, warnings) and once more
    when the messages are iterated; memory does not depend on its size. With `keep` the first
    reading is kept instead (`stream.parse_stream`): for a caller that holds every message anyway.
    """
    path = Path(path)
    if path.is_dir():
        raise ImportFormatError(path=str(path), format=FORMAT, detail="a folder is not a WhatsApp export")
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None
    if magic in _ZIP_MAGIC:
        return _read_zip(path, keep)
    _checked_size(path, MAX_TEXT_BYTES)
    parsed = parse_stream(
        _text_source(lambda: path.open("rb"), str(path)),
        name=str(path),
        title=title_from_name(path.name),
        keep=keep,
    )
    missing = list(parsed.referenced)
    conversation = _with_warnings(
        parsed.conversation, [*_decode_warning(parsed.decoded.bad_bytes), *_missing_warning(missing)]
    )
    return StreamedExport(conversation=conversation, files=(), missing=tuple(missing))


def read(path: Path) -> ParsedExport:
    """Parse a WhatsApp export `.txt` or `.zip` at `path`, every message read into memory."""
    streamed = read_stream(path, keep=True)
    return ParsedExport(
        conversation=streamed.conversation.read_whole(), files=streamed.files, missing=streamed.missing
    )
