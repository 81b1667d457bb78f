"""Header text made safe to show: RFC 2047 encoded words decoded in one linear pass, and
characters that cannot be stored (lone surrogates, NUL) escaped as `\\xNN`.

Rule: decoding a header never raises and never takes more than linear time. The standard
library's modern header parser is quadratic on long values (CPython gh-136063, gh-87075), so
unstructured values (Subject, display names of long address lists) are decoded here instead. An
encoded word this program cannot decode (unknown character set, damaged base64 or
quoted-printable) is shown as written, with a warning; bytes that are invalid in a known
character set are shown as `\\xNN`, with a warning.
"""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Callable

# One encoded word (RFC 2047 section 2, with the RFC 2231 language suffix). Every part is a run
# of characters that excludes "?", so each attempt stops at the next "?" and the scan is linear.
_ENCODED_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=")
_ONLY_SPACE = re.compile(r"[ \t\r\n]*")
# Lone surrogates come from bytes the standard library could not decode (surrogateescape); they
# cannot be written as UTF-8. NUL ends strings in C code and is never part of a header's text.
# Other control characters are kept as written: the faces escape them when they show text.
_UNSAFE = re.compile(r"[\x00\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_QP_HEX = re.compile(rb"=([0-9A-Fa-f]{2})")

Note = Callable[[str, str], None]  # (warning code, detail) for the caller's collector


def _escape_one(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0xD800:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def escape_unsafe(text: str) -> tuple[str, bool]:
    """`text` with lone surrogates and NUL escaped; True when anything was."""
    if _UNSAFE.search(text) is None:
        return text, False
    return _UNSAFE.sub(_escape_one, text), True


def without_surrogates(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes) escaped, so it can be written as UTF-8."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape_one, text)


def _known_charset(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):
        return None


def _payload(encoding: str, text: str) -> bytes | None:
    """The bytes of one encoded word's text, or None when its base64 is damaged."""
    raw = text.encode("ascii", "replace")
    if encoding in "bB":
        try:
            return binascii.a2b_base64(raw + b"=" * (-len(raw) % 4), strict_mode=True)
        except (binascii.Error, ValueError):
            return None
    # Q: "_" is a space, "=XX" a byte; a stray "=" is kept as written (lenient, like mail programs).
    return _QP_HEX.sub(lambda m: bytes([int(m.group(1), 16)]), raw.replace(b"_", b" "))


def decode_words(value: str, note: Note | None = None) -> str:
    """`value` with its RFC 2047 encoded words decoded, linearly and without raising.

    Adjacent encoded words separated only by white space are joined (RFC 2047 section 6.2), and
    those of one character set are decoded together, so a character split across two words
    decodes. `note(code, detail)` hears of every word that could not be decoded.
    """
    if "=?" not in value:
        return value
    out: list[str] = []
    run: list[bytes] = []  # bytes of adjacent encoded words in one character set
    run_charset: str | None = None
    position = 0
    after_word = False

    def flush() -> None:
        nonlocal run_charset
        if run_charset is not None:
            data = b"".join(run)
            try:
                out.append(data.decode(run_charset))
            except UnicodeDecodeError:
                if note is not None:
                    note("encoded_word_bad", run_charset)
                out.append(data.decode(run_charset, errors="backslashreplace"))
        run.clear()
        run_charset = None

    for match in _ENCODED_WORD.finditer(value):
        gap = value[position : match.start()]
        if not (after_word and _ONLY_SPACE.fullmatch(gap)):  # white space between two words is dropped
            flush()
            out.append(gap)
        charset_name, encoding, text = match.groups()
        charset = _known_charset(charset_name)
        data = _payload(encoding, text) if charset is not None else None
        if charset is None or data is None:
            flush()
            if note is not None:
                note("encoded_word_charset" if charset is None else "encoded_word_bad", charset_name[:40])
            out.append(match.group(0))
        else:
            if charset != run_charset:
                flush()
                run_charset = charset
            run.append(data)
        position = match.end()
        after_word = True
    flush()
    out.append(value[position:])
    return "".join(out)
