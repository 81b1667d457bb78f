"""Splitting an mbox into its messages, exactly where Python's `mailbox.mbox` splits it.

Every line starting with `From `, also an unescaped one inside a body, is a separator; a blank
line before it belongs to the separator; here a CRLF line counts as blank on every platform, as it
does for Python on Windows; `>From ` lines are left as written. Bytes before the first separator
belong to no message (a warning says how many).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from evidence_kit.importers.email.parse_warnings import Collector


@dataclass(frozen=True)
class Piece:
    """One message's bytes; `from_line` is the mbox separator line without "From " (or None)."""

    data: bytes
    from_line: str | None = None


def split_mbox(data: bytes) -> tuple[list[Piece], int]:
    """Split like CPython's `mailbox.mbox._generate_toc`: every line (up to b"\n") starting with
    b"From " opens a message; a blank line right before it belongs to the separator. Returns the
    pieces and the number of bytes before the first "From " line (which belong to no message)."""
    pieces: list[Piece] = []
    position = 0
    leading = 0
    body_start: int | None = None
    from_line = ""
    last_was_empty = False
    last_length = 0
    for line in io.BytesIO(data):
        if line.startswith(b"From "):
            if body_start is not None:
                stop = position - last_length if last_was_empty else position
                pieces.append(Piece(data[body_start : max(stop, body_start)], from_line))
            else:
                leading = position
            from_line = line[5:].rstrip(b"\r\n").decode("utf-8", errors="replace")
            body_start = position + len(line)
            last_was_empty = False
        else:
            last_was_empty = line in (b"\n", b"\r\n")
        last_length = len(line)
        position += len(line)
    if body_start is not None:
        stop = position - last_length if last_was_empty else position
        pieces.append(Piece(data[body_start : max(stop, body_start)], from_line))
    return pieces, leading


def pieces_of(data: bytes, collect: Collector) -> tuple[list[Piece], bool]:
    if data.lstrip(b" \t\r\n").startswith(b"From "):  # blank lines before the first separator are harmless
        pieces, leading = split_mbox(data)
        if leading:
            collect.add("mbox_leading_text", size=str(leading))
        return pieces, True
    return [Piece(data)], False
