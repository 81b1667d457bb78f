"""The export's text read in bounded blocks of whole lines, for the streaming parser.

Rule: memory never depends on the file's size. The text is decoded as it is read (UTF-8, iOS
with a BOM; UTF-16 with a BOM for re-saved files), CRLF becomes LF, and it is handed on in
blocks that end at a line end, each about `BLOCK_CHARS` long. A single line longer than
`MAX_LINE_CHARS` keeps only its first `MAX_LINE_CHARS` characters here (for display) and is
reported in `Decoded.cut_lines`; the original file is never touched, it is stored byte-exact by
the vault. How many undecodable bytes became U+FFFD is counted as `decode_export` counts them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

BLOCK_CHARS = 1 << 18  # text read per block (its split into pieces takes a few times this)
MAX_LINE_CHARS = 1 << 20  # a line longer than this is cut for display (the original is kept whole)
MAX_CUT_RECORDS = 20  # cut lines remembered by line number; past this only counted
_REPLACEMENT = b"\xef\xbf\xbd"  # U+FFFD as UTF-8: already in the file, so not a decoding error


# Opens the export's text afresh for one pass: its blocks of whole lines, and what reading found.
TextSource = Callable[["Decoded"], Iterator[str]]


@dataclass
class Cut:
    """A line or message longer than its limit: where it starts and how long it really was."""

    line: int
    length: int


@dataclass
class Decoded:
    """What reading the text found besides the text: undecodable bytes and cut lines."""

    bad_bytes: int = 0  # undecodable bytes, known once the text is read to its end
    replaced: int = 0  # U+FFFD characters in the decoded text (see `decoded_text` for the bytes)
    cut_lines: list[Cut] = field(default_factory=list)
    more_cut_lines: int = 0


class _CountingReader(io.RawIOBase):
    """A raw stream that counts the U+FFFD characters already written in the file's UTF-8."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._tail = b""
        self.literal = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._source.read(len(buffer))
        if not data:
            return 0
        window = self._tail + data
        self.literal += window.count(_REPLACEMENT)
        # Keep the last two bytes: a U+FFFD may straddle two reads (never counted twice, since a
        # whole one needs three bytes and the kept tail has two).
        self._tail = window[-2:]
        buffer[: len(data)] = data
        return len(data)


def decoded_text(source: BinaryIO) -> tuple[io.TextIOBase, Callable[[int], int]]:
    """A text stream over `source` and the function that turns the U+FFFD read into `bad` bytes."""
    head = source.read(2)
    prefix = io.BytesIO(head)
    joined = _Joined(prefix, source)
    # newline="\n": the text as written (no line end translated, as with newline=""), without the
    # universal-newlines decoder layer that scans every decoded chunk for "\r" (only `read` is
    # used, never `readline`; CRLF becomes LF in `line_blocks`).
    if head in (b"\xff\xfe", b"\xfe\xff"):
        wide = io.TextIOWrapper(io.BufferedReader(joined), encoding="utf-16", errors="replace", newline="\n")
        return wide, lambda replaced: replaced
    counting = _CountingReader(joined)  # type: ignore[arg-type]
    text = io.TextIOWrapper(io.BufferedReader(counting), encoding="utf-8-sig", errors="replace", newline="\n")
    return text, lambda replaced: max(replaced - counting.literal, 0)


class _Joined(io.RawIOBase):
    """The two bytes already read to look for a BOM, then the rest of the source."""

    def __init__(self, first: io.BytesIO, rest: BinaryIO) -> None:
        self._first = first
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._first.read(len(buffer)) or self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def line_blocks(text: io.TextIOBase, found: Decoded, *, boms: int = 1) -> Iterator[str]:
    """The text in blocks of whole lines (the last may lack its "\\n"), CRLF read as LF.

    A line longer than MAX_LINE_CHARS is handed on cut to its first MAX_LINE_CHARS characters
    and recorded in `found`. The first block loses up to `boms` leading BOMs (after the decoder's
    own), as `decode_export` and `parse_text` drop them.
    """
    carry = ""  # the start of an unfinished line, never longer than MAX_LINE_CHARS
    dropping = False  # inside a cut line, skipping up to its end
    length = 0  # the full length of the line being cut
    newlines = 0  # line ends handed on so far: the line being read is number newlines + 1
    first = True
    while True:
        chunk = text.read(BLOCK_CHARS)
        if not chunk:
            break
        if "\ufffd" in chunk:  # (`in` is a fast scan in C; `count`, a slower one, only when needed)
            found.replaced += chunk.count("\ufffd")
        if first:
            for _ in range(boms):
                chunk = chunk.removeprefix("\ufeff")
            first = False
        if dropping:
            end = chunk.find("\n")
            if end < 0:
                length += len(chunk)
                continue
            length += end
            _record(found, newlines + 1, length)
            chunk, dropping = chunk[end:], False
        end = chunk.find("\n")
        head = len(carry) + (end if end >= 0 else len(chunk))
        if head > MAX_LINE_CHARS:
            keep = MAX_LINE_CHARS - len(carry)
            if end >= 0:
                _record(found, newlines + 1, head)
                chunk, carry = carry + chunk[:keep] + chunk[end:], ""
            else:
                carry, dropping, length = carry + chunk[:keep], True, head
                continue
        else:
            chunk, carry = carry + chunk, ""
        last = chunk.rfind("\n")
        if last < 0:
            carry = chunk
            continue
        block, carry = chunk[: last + 1], chunk[last + 1 :]
        if "\r" in block:
            block = block.replace("\r\n", "\n")
        newlines += block.count("\n")
        yield block
    if dropping:
        _record(found, newlines + 1, length)
    if carry:
        yield carry.replace("\r\n", "\n") if "\r" in carry else carry


def _record(found: Decoded, line: int, length: int) -> None:
    if len(found.cut_lines) < MAX_CUT_RECORDS:
        found.cut_lines.append(Cut(line, length))
    else:
        found.more_cut_lines += 1
