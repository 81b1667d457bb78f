"""Reading a JSON export as a stream of parser events, never as one document in memory.

Rule: a JSON chat export (Telegram's `result.json`, Meta's `message_N.json`) is walked with
`ijson` one value at a time, so memory follows the largest *message*, not the file; the readers
build one message record at a time with `JsonStream.value` and let it go. The text rules of
`load_json` still hold, decided by a first pass over the bytes (`_survey`) before any value is
read: a UTF-8 byte-order mark is skipped, UTF-16 (by its mark) is read, bytes that are not
UTF-8 become U+FFFD and are counted in one `invalid_utf8` warning, and a lone UTF-16 surrogate
written as an escape (`\\ud83d`) reaches the reader as that surrogate, which `clean_text` turns
into U+FFFD and counts where it occurs. ijson's fast C backend (yajl) would silently turn such an
escape into "?", so a file holding any surrogate escape is parsed by ijson's pure-Python backend,
which keeps it; only damaged exports are slower.

Hostile input ends in `ImportFormatError`, never another exception: nesting deeper than
`MAX_DEPTH` (no export nests more than a few levels; the C parser would follow a million), a
truncated or malformed file, and data after the document.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import ijson

from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import _chat_support
from evidence_kit.importers._chat_support import TOO_LARGE, WarningLog

MAX_DEPTH = 200
_CHUNK = 1024 * 1024
# What the parser is given at a time (see `_Reads`).
_SMALL_READ = 64 * 1024
_LARGE_READ = 16 * 1024 * 1024
_DELIMITER = re.compile(rb'(?<!\\)"')  # a quote no backslash escapes: a string starts or ends there
_ERRORS = "evidence_kit.json_count_replace"
_count = threading.local()


def _count_replace(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: like "replace" (one U+FFFD per bad sequence), and counts each."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _count.bad = getattr(_count, "bad", 0) + 1
    return "\ufffd", error.end


codecs.register_error(_ERRORS, _count_replace)

# What the parser raises for a file that is not JSON: its own errors, bad numbers (ValueError,
# ArithmeticError), a file that ends too early (StopIteration), a value past memory.
_PARSE_FAILURES = (StopIteration, ijson.JSONError, ValueError, ArithmeticError, MemoryError)


# An escape of a UTF-16 surrogate, \\uD800-\\uDFFF. Found even where the backslash is itself escaped
# ("\\\\ud800" is text, not an escape): then the slower backend is chosen for nothing, never wrongly.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass(frozen=True)
class _Survey:
    encoding: str  # "utf-8", "utf-16-le" or "utf-16-be"
    skip: int  # bytes of the byte-order mark
    bad_bytes: int  # replacements made for bytes that could not be decoded
    surrogate_escapes: bool


def _decoder(first: bytes) -> tuple[str, int]:
    if first.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if first.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if first.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    return "utf-8", 0


def _survey(open_stream: Callable[[], BinaryIO]) -> _Survey:
    """One pass over the bytes: the encoding, how many bytes are not text, any surrogate escape."""
    with open_stream() as raw:
        first = raw.read(_CHUNK)
        encoding, skip = _decoder(first)
        decoder = codecs.getincrementaldecoder(encoding)(_ERRORS)
        _count.bad = 0
        surrogates = False
        tail = ""
        chunk = first[skip:]
        while True:
            final = not chunk
            text = decoder.decode(chunk, final=final)
            # A few characters of the previous chunk are kept so an escape cut in two is still seen.
            if not surrogates and _SURROGATE_ESCAPE.search(tail + text) is not None:
                surrogates = True
            tail = text[-5:]
            if final:
                break
            chunk = raw.read(_CHUNK)
        return _Survey(encoding, skip, _count.bad, surrogates)


class _Transcoded:
    """The export's text as UTF-8 bytes for the parser: decoded (bad bytes as U+FFFD), re-encoded."""

    def __init__(self, raw: BinaryIO, survey: _Survey) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(survey.encoding)(_ERRORS)
        raw.read(survey.skip)
        self._done = False

    def read(self, size: int = -1) -> bytes:
        # About `size` bytes of text are returned (ijson reads 0 bytes first, to learn whether the
        # stream gives bytes or text).
        while size and not self._done:
            chunk = self._raw.read(size if size > 0 else _CHUNK)
            self._done = not chunk
            text = self._decoder.decode(chunk, final=self._done)
            if text:
                return text.encode("utf-8")
        return b""


class _Reads:
    """What the parser is handed: small reads, growing only while one long string goes on.

    Two costs pull apart here. ijson's C backend turns a whole read into events before it yields
    the first, so a large read of ordinary JSON holds hundreds of thousands of events at once
    (8 MiB reads cost 100 MB). And yajl scans a string cut across reads again from its start at
    every read, so one huge string in small reads costs (size / read)² / 2: a 100 MB message text
    in 64 KiB reads took 80 s. So reads are 64 KiB, double while no string ends in them (up to
    16 MiB), and what follows the end of a long string is handed on in small reads again.
    """

    def __init__(self, read: Callable[[int], bytes]) -> None:
        self._read = read
        self._size = _SMALL_READ
        self._carry = memoryview(b"")

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson reads 0 bytes first, to learn whether the stream gives bytes or text
            return b""
        if self._carry:
            data, self._carry = bytes(self._carry[:_SMALL_READ]), self._carry[_SMALL_READ:]
        else:
            data = self._read(self._size)
        end = _string_delimiter(data)
        if end == -1:
            self._size = min(self._size * 2, _LARGE_READ)
        else:
            if len(data) > _SMALL_READ and len(data) - end > _SMALL_READ:
                self._carry = memoryview(data)[end:]
                data = data[:end]
            self._size = _SMALL_READ
        return data


def _string_delimiter(data: bytes) -> int:
    """Where the first quote no backslash escapes ends in `data`, or -1 (memchr first: fast)."""
    at = data.find(b'"')
    if at == -1:
        return -1
    if at == 0 or data[at - 1] != 0x5C:
        return at + 1
    found = _DELIMITER.search(data, at)
    return found.end() if found is not None else -1


class JsonStream:
    """The events of one JSON file, read as a stream, with the walking helpers the readers use.

    `next()` gives the next (event, value) pair; `value(first)` builds the value that starts with
    the event `first` (depth-checked); `skip(first)` passes over it without building it, `scan`
    likewise while handing on its strings;
    `members()` and `items()` walk the object or array just opened; `end()` checks nothing follows
    the document. Every parse failure becomes an `ImportFormatError` naming the file.
    """

    def __init__(self, open_stream: Callable[[], BinaryIO], *, path: str, format_name: str) -> None:
        self.path = path
        self.format_name = format_name
        self._open = open_stream
        self._handle: BinaryIO | None = None
        self._events: Iterator[tuple[str, Any]] = iter(())
        self.bad_bytes = 0

    def __enter__(self) -> JsonStream:
        survey = _survey(self._open)
        self.bad_bytes = survey.bad_bytes
        handle = self._open()
        self._handle = handle
        read: Callable[[int], bytes] = handle.read
        if survey.bad_bytes or survey.encoding != "utf-8":
            read = _Transcoded(handle, survey).read
        else:
            handle.read(survey.skip)
        backend: Any = ijson.get_backend("python") if survey.surrogate_escapes else ijson
        self._events = backend.basic_parse(_Reads(read), buf_size=_SMALL_READ, use_float=True)
        return self

    def __exit__(self, *_: object) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def note_bad_bytes(self, log: WarningLog) -> None:
        """The file's `invalid_utf8` warning (as `load_json` gives it), when it has bad bytes."""
        if self.bad_bytes:
            log.add(
                "invalid_utf8",
                message="The export is not valid UTF-8: {count} unreadable bytes were shown as U+FFFD.",
                count=str(self.bad_bytes),
            )

    def error(self, detail: str) -> ImportFormatError:
        return ImportFormatError(path=self.path, format=self.format_name, detail=detail)

    def _failure(self, exc: BaseException) -> ImportFormatError:
        """What a parse failure tells the user."""
        if isinstance(exc, StopIteration):
            return self.error("not valid JSON (the file ends too early)")
        if isinstance(exc, MemoryError):
            return self.error("not valid JSON (a value is too large)")
        text = str(exc)
        if isinstance(exc, ijson.IncompleteJSONError) and ("premature EOF" in text or "Incomplete" in text):
            return self.error("not valid JSON (the file ends too early)")
        return self.error(f"not valid JSON ({_first_line(text)})")

    def next(self) -> tuple[str, Any]:
        try:
            return next(self._events)
        except _PARSE_FAILURES as exc:
            raise self._failure(exc) from None

    def value(self, first: tuple[str, Any], depth: int = 0) -> object:
        """The value starting with event `first`, built iteratively; `depth` is where it sits."""
        event, scalar = first
        if event == "start_map":
            root: Any = {}
        elif event == "start_array":
            root = []
        else:
            return scalar
        stack: list[Any] = [root]
        key = ""
        limit = MAX_DEPTH - depth
        following = self._events.__next__  # the hot loop: one call per event, errors caught once
        try:
            while stack:
                event, scalar = following()
                if event == "map_key":
                    key = scalar
                    continue
                if event == "end_map" or event == "end_array":
                    stack.pop()
                    continue
                if event == "start_map" or event == "start_array":
                    new: Any = {} if event == "start_map" else []
                    if len(stack) >= limit:
                        raise self.error("the JSON is nested too deeply")
                    top = stack[-1]
                    if type(top) is list:
                        top.append(new)
                    else:
                        top[key] = new
                    stack.append(new)
                    continue
                top = stack[-1]
                if type(top) is list:
                    top.append(scalar)
                else:
                    top[key] = scalar
        except _PARSE_FAILURES as exc:
            raise self._failure(exc) from None
        return root

    def skip(self, first: tuple[str, Any], depth: int = 0) -> None:
        """Pass over the value starting with `first` without keeping it."""
        self.scan(first, None, depth)

    def scan(self, first: tuple[str, Any], see: Callable[[str], None] | None, depth: int = 0) -> None:
        """Pass over the value starting with `first`, handing each string value (not key) to `see`."""
        event, scalar = first
        if event == "string" and see is not None:
            see(scalar)
        if event != "start_map" and event != "start_array":
            return
        level = 1
        limit = MAX_DEPTH - depth
        following = self._events.__next__
        try:
            while level:
                event, scalar = following()
                if event == "string":
                    if see is not None:
                        see(scalar)
                elif event == "start_map" or event == "start_array":
                    level += 1
                    if level > limit:
                        raise self.error("the JSON is nested too deeply")
                elif event == "end_map" or event == "end_array":
                    level -= 1
        except _PARSE_FAILURES as exc:
            raise self._failure(exc) from None

    def members(self) -> Iterator[str]:
        """The keys of the object just opened (after its start_map); the caller reads each value."""
        while True:
            event, scalar = self.next()
            if event == "end_map":
                return
            yield scalar

    def items(self) -> Iterator[tuple[str, Any]]:
        """The first event of each item of the array just opened; the caller reads each item."""
        while True:
            first = self.next()
            if first[0] == "end_array":
                return
            yield first

    def end(self) -> None:
        """Nothing but white space may follow the document."""
        try:
            extra = next(self._events, None)
        except _PARSE_FAILURES as exc:
            raise self._failure(exc) from None
        if extra is not None:
            raise self.error("not valid JSON (extra data after the document)")


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:120] if text.strip() else "unreadable"


def check_size(size: int | None, *, path: str, format_name: str) -> None:
    """The cap `load_json` kept: a JSON export past MAX_EXPORT_BYTES is stored as a plain file."""
    if size is not None and size > _chat_support.MAX_EXPORT_BYTES:
        raise ImportFormatError(path=path, format=format_name, detail=TOO_LARGE)
