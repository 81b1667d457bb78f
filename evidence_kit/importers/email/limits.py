"""Size limits that keep reading an e-mail linear in time and bounded in memory.

Rule: the standard library never sees a header field, a header block or a line larger than the
limits below. What is larger is cut *for display* before parsing, with a warning naming the file,
the message and the header; the stored original is never changed (the batch stores the file
itself, byte-exact). Everything here scans each byte a constant number of times and copies
nothing when a message is within the limits.

Why these numbers:

* `MAX_HEADER` (64 KiB): RFC 5322 limits a line to 998 characters, and the longest real fields
  (a To or Cc of a thousand recipients, a long References chain, DKIM and ARC signatures) stay
  well under 64 KiB. Above it, Python's modern header parser, which is quadratic (CPython
  gh-136063), took over a second per field; at 64 KiB the linear code here does the work.
* `MAX_MIME_HEADER` (2 KiB): Content-Type, Content-Disposition and the other Content- fields
  steer the MIME parser, whose parameter parsing is quadratic with a large constant (a 32 KiB
  field of ";" took 26 s, CPython gh-87075). Long RFC 2231 file names still fit in 2 KiB.
* `MAX_HEADER_BLOCK` (1 MiB): a message's header fields together; real headers are a few KiB.
* `MAX_LINE` (1 MiB): a body line. Mail is wrapped at 78 or 998 characters; minified HTML and
  unwrapped base64 of a large image are the longest lines seen in practice. The parser holds
  about ten times a line in memory while reading it (CPython gh-115512).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message as MimeMessage

from evidence_kit.importers.email.parse_warnings import Collector

MAX_HEADER = 64 * 1024
MAX_MIME_HEADER = 2 * 1024
MAX_HEADER_BLOCK = 1024 * 1024
MAX_LINE = 1024 * 1024

_FIELD_END = re.compile(rb"\n(?![ \t])")  # a newline that a folded line does not follow
_CONTENT_FIELD = re.compile(rb"^content-[!-9;-~]*:", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Bounded:
    """A message's bytes as the parser gets them, and whether its body lost bytes to `MAX_LINE`."""

    data: bytes
    body_cut: bool = False


def _header_end(data: bytes) -> int:
    """Where the header block ends: after the newline of its last field (or the end of data)."""
    ends = [found + 1 for found in (data.find(b"\n\n"), data.find(b"\n\r\n")) if found >= 0]
    if data.startswith((b"\n", b"\r\n")):
        return 0
    return min(ends) if ends else len(data)


def _line_end(line: bytes) -> bytes:
    return b"\r\n" if line.endswith(b"\r\n") else b"\n" if line.endswith(b"\n") else b""


def _limit_of(data: bytes, start: int) -> int:
    """The limit of the field starting at `start`: Content- fields steer the MIME parser."""
    return MAX_MIME_HEADER if data[start : start + 8].lower() == b"content-" else MAX_HEADER


def _cut(data: bytes, start: int, stop: int, limit: int) -> bytes:
    """The field `data[start:stop]` cut to `limit` bytes, still ending with its line end."""
    return data[start : start + limit].rstrip(b"\r\n") + (_line_end(data[stop - 2 : stop]) or b"\n")


def _field_name(data: bytes, start: int) -> str:
    head = data[start : start + 100]
    return head.split(b":", 1)[0].strip().decode("ascii", "replace") or "?"


def _cut_headers(data: bytes, end: int, collect: Collector) -> bytes:
    """The header block `data[:end]` with each field cut to `MAX_HEADER` and the block to
    `MAX_HEADER_BLOCK`. A field runs to the first newline not followed by white space (a
    folded line continues it); each is found by one regular-expression search, so the work is
    per field, not per line, and only the kept bytes are copied."""
    kept: list[bytes] = []
    kept_size = 0
    position = 0
    while position < end:
        found = _FIELD_END.search(data, position, end)
        stop = end if found is None else found.start() + 1
        if kept_size + min(stop - position, MAX_HEADER) > MAX_HEADER_BLOCK:
            collect.add("header_block_cut", limit=str(MAX_HEADER_BLOCK), name=collect.file)
            break
        limit = _limit_of(data, position)
        if stop - position <= limit:
            piece = data[position:stop]
        else:
            collect.add("header_cut", header=_field_name(data, position), limit=str(limit), name=collect.file)
            piece = _cut(data, position, stop, limit)
        kept.append(piece)
        kept_size += len(piece)
        position = stop
    return b"".join(kept)


def _cut_lines(body: bytes, collect: Collector) -> bytes | None:
    """`body` with every line longer than `MAX_LINE` cut to it, or None when none is."""
    kept: list[bytes] = []
    position = 0
    cut = False
    while position < len(body):
        newline = body.find(b"\n", position)
        stop = len(body) if newline < 0 else newline + 1
        if stop - position > MAX_LINE:
            if not cut:
                collect.add("line_cut", limit=str(MAX_LINE), name=collect.file)
            cut = True
            kept.append(body[position : position + MAX_LINE] + _line_end(body[stop - 2 : stop]))
        else:
            kept.append(body[position:stop])
        position = stop
    return b"".join(kept) if cut else None


def _content_fields(buf: bytes, start: int, stop: int) -> list[tuple[int, int]]:
    """The spans of Content- fields in `buf[start:stop]` longer than `MAX_MIME_HEADER`, found
    by regular-expression searches (each byte looked at a constant number of times)."""
    spans = []
    for match in _CONTENT_FIELD.finditer(buf, start, stop):
        found = _FIELD_END.search(buf, match.start(), stop)
        end = stop if found is None else found.start() + 1
        if end - match.start() > MAX_MIME_HEADER:
            spans.append((match.start(), end))
    return spans


def _cut_content_fields(buf: bytes, start: int, collect: Collector) -> bytes | None:
    """`buf[start:]` with every Content- field of a MIME part's header cut to `MAX_MIME_HEADER`
    (the parser reads those while it splits the body), or None when none is longer. A body line
    that merely starts with "Content-" is cut the same way, for display only."""
    spans = _content_fields(buf, start, len(buf))
    if not spans:
        return None
    kept: list[bytes] = []
    position = start
    for field_start, field_end in spans:
        collect.add(
            "header_cut", header=_field_name(buf, field_start), limit=str(MAX_MIME_HEADER), name=collect.file
        )
        kept.append(buf[position:field_start])
        kept.append(_cut(buf, field_start, field_end, MAX_MIME_HEADER))
        position = field_end
    kept.append(buf[position:])
    return b"".join(kept)


def bound_message(data: bytes, collect: Collector, *, lines_checked: bool = False) -> Bounded:
    """`data` as the parser may see it: header fields, the header block, the Content- fields of
    MIME parts and body lines cut to the limits, each cut counted in `collect`. Returns `data`
    itself when nothing is too large. `lines_checked` says the caller already cut long lines
    while reading (an mbox)."""
    end = _header_end(data)
    head: bytes | None = None
    if end > MAX_HEADER or _content_fields(data, 0, end):
        head = _cut_headers(data, end, collect)
    lines: bytes | None = None
    if not lines_checked and len(data) - end > MAX_LINE:
        lines = _cut_lines(data[end:], collect)
    body = (
        _cut_content_fields(data, end, collect) if lines is None else _cut_content_fields(lines, 0, collect)
    )
    if body is None:
        body = lines
    if head is None and body is None:
        return Bounded(data)
    return Bounded(
        (data[:end] if head is None else head) + (data[end:] if body is None else body), lines is not None
    )


def cap_part_headers(msg: MimeMessage, collect: Collector) -> None:
    """Cut the Content- fields of every MIME part to `MAX_MIME_HEADER` before the body is read.
    A second line of defence: `bound_message` finds fields by their "\n" line ends, while the
    parser also splits lines at a lone "\r" (old Mac mail), so such a field can reach here long."""
    try:
        parts = list(msg.walk())
    except RecursionError:  # nesting deeper than Python's stack; the renderer reports the depth
        parts = [msg]
    for part in parts:
        long_names = {
            name.lower(): name
            for name, value in part.raw_items()
            if name.lower().startswith("content-") and len(value) > MAX_MIME_HEADER
        }
        for lower, name in long_names.items():
            values = [value for key, value in part.raw_items() if key.lower() == lower]
            collect.add("header_cut", header=name[:100], limit=str(MAX_MIME_HEADER), name=collect.file)
            del part[name]
            for value in values:  # every field of the name goes back, each cut, in its order
                part.set_raw(name, value[:MAX_MIME_HEADER])
