"""Splitting an mbox into its messages, exactly where Python's `mailbox.mbox` splits it, one
message at a time from the open file.

Every line starting with `From `, also an unescaped one inside a body, is a separator; a blank
line before it belongs to the separator; here a CRLF line counts as blank on every platform, as it
does for Python on Windows; `>From ` lines are left as written. Bytes before the first separator
belong to no message (a warning says how many). A UTF-8 byte-order mark at the very start of the
file (an mbox saved by a Windows editor) is not content: the first line after it is read as if
the mark were not there.

Memory is bounded whatever the file: it is read in chunks of at most `CHUNK` bytes, never whole;
only the message being split is held, a line longer than `MAX_LINE` keeps its first `MAX_LINE`
bytes and a message its first `MAX_MESSAGE` bytes (each cut is reported by the reader; the stored
original is unchanged). Each byte is looked at a constant number of times.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from evidence_kit.importers.email.limits import MAX_LINE

CHUNK = 64 * 1024  # at least 5, so the first chunk of a line shows whether it starts with "From "
# A message of a mailbox held in memory for parsing. Providers refuse mail over 25 to 50 MB;
# a larger message is kept whole in the stored original and read up to here.
MAX_MESSAGE = 64 * 1024 * 1024
_BLANK = (b"\n", b"\r\n")
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Piece:
    """One message's bytes; `from_line` is the mbox separator line without "From " (or None).
    `lines_cut` says lines longer than `MAX_LINE` lost their end, `truncated` that the message
    lost everything after `MAX_MESSAGE` bytes. `start` is where its separator line starts in the
    file, so the message can be read again alone (`MboxStream(handle, start=...)`)."""

    data: bytes
    from_line: str | None = None
    lines_cut: bool = False
    truncated: bool = False
    start: int = 0


@dataclass
class _Message:
    """The message being split: its kept lines and what was cut from it."""

    from_line: str
    lines: list[bytes]
    start: int = 0
    size: int = 0
    lines_cut: bool = False
    truncated: bool = False
    blank_last: bool = False  # the last kept line is blank (it belongs to a following separator)

    def add(self, chunk: bytes, line_so_far: int) -> None:
        """Keep `chunk`, the part of a line after its first `line_so_far` bytes, within the limits."""
        room = MAX_LINE - line_so_far
        if len(chunk) > room:
            self.lines_cut = True
            end = b"\r\n" if chunk.endswith(b"\r\n") else b"\n" if chunk.endswith(b"\n") else b""
            chunk = chunk[: max(room, 0)] + end
        if self.size + len(chunk) > MAX_MESSAGE:
            self.truncated = True
            self.blank_last = False
            return
        if chunk:
            self.lines.append(chunk)
            self.size += len(chunk)
            self.blank_last = line_so_far == 0 and chunk in _BLANK

    def piece(self) -> Piece:
        if self.blank_last:
            self.lines.pop()
        return Piece(b"".join(self.lines), self.from_line, self.lines_cut, self.truncated, self.start)


@dataclass
class MboxStream:
    """The messages of an mbox read from `handle` (from offset `start`, where a separator line
    begins, when only the messages from there on are wanted); after the iteration `leading` is
    the number of bytes before the first "From " line (a byte-order mark not counted)."""

    handle: BinaryIO
    start: int = 0
    leading: int = 0

    def __iter__(self) -> Iterator[Piece]:
        current: _Message | None = None
        self.handle.seek(self.start)
        position = self.start
        line_so_far = 0  # bytes of the current line before this chunk
        in_separator = False  # the rest of a long "From " line is not message content
        bom = 0
        while chunk := self.handle.readline(CHUNK):
            if position == 0 and chunk.startswith(BOM):
                bom = len(BOM)
                chunk = chunk[bom:]
                position = bom
            if line_so_far == 0 and chunk.startswith(b"From "):
                if current is not None:
                    yield current.piece()
                else:
                    self.leading = position - bom - self.start
                from_line = chunk[5:].rstrip(b"\r\n").decode("utf-8", errors="replace")
                current = _Message(from_line, [], position)
                in_separator = True
            elif current is not None and not in_separator:
                current.add(chunk, line_so_far)
            position += len(chunk)
            ended = chunk.endswith(b"\n")
            line_so_far = 0 if ended else line_so_far + len(chunk)
            in_separator = in_separator and not ended
        if current is not None:
            yield current.piece()


def split_mbox(data: bytes) -> tuple[list[Piece], int]:
    """Split like CPython's `mailbox.mbox._generate_toc`: every line (up to b"\\n") starting with
    b"From " opens a message; a blank line right before it belongs to the separator. Returns the
    pieces and the number of bytes before the first "From " line (which belong to no message)."""
    stream = MboxStream(io.BytesIO(data))
    pieces = list(stream)
    return pieces, stream.leading


def is_mbox(head: bytes) -> bool:
    """True when a file starting with `head` is a mailbox (blank lines before the first separator
    are harmless)."""
    return head.removeprefix(BOM).lstrip(b" \t\r\n").startswith(b"From ")
