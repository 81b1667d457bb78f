"""The people in an address header (From, To, Cc, Reply-To), read without quadratic cost.

Rule: a short header (up to `WHOLE_LIMIT`) is read whole by the standard library's modern
parser, as mail programs read it; a longer one is first split into single addresses by a linear
scan that respects quoted strings, comments and angle brackets, and each address (up to
`ADDRESS_LIMIT`) is parsed on its own. The modern parser is quadratic in the length of what it is
given (CPython gh-136063), so bounding each call bounds the whole. At most `MAX_ADDRESSES` are
read per header. A value the parser rejects is read the lenient compat32 way, with a warning.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Callable
from typing import Any

from evidence_kit.domain import Participant
from evidence_kit.importers.email.header_text import decode_words

WHOLE_LIMIT = 4 * 1024
ADDRESS_LIMIT = 2 * 1024
MAX_ADDRESSES = 1000

# A quoted string, a bracketed address, an escaped character, one of the delimiters, or a run
# of anything else. Quoted strings and brackets run to their end (or the value's end), so every
# character is matched once.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|<[^>]*>?|\\.|[(),;:]|[^"<\\(),;:]+', re.DOTALL)


def split_addresses(value: str) -> list[str]:
    """The addresses in an address list, split at top-level commas and semicolons; a group's
    name ("Friends:") is dropped and its members kept. Linear in the length of `value`."""
    chunks: list[str] = []
    start = 0
    depth = 0  # comment nesting
    for match in _TOKEN.finditer(value):
        piece = match.group(0)
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and piece in (",", ";"):
            chunks.append(value[start : match.start()])
            start = match.end()
        elif depth == 0 and piece == ":":
            start = match.end()  # a group's display name, not an address
    chunks.append(value[start:])
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def _lenient(value: str) -> list[tuple[str, str]]:
    """compat32's address splitting. Python 3.11.10+ made it strict (a malformed list yields nothing);
    for evidence the lenient reading is kept, since it is only used after the modern parser failed."""
    try:
        return email.utils.getaddresses([value], strict=False)
    except TypeError:  # Python before 3.11.10 has no `strict` and is lenient already
        return email.utils.getaddresses([value])


Factory = Callable[[str, str], Any]  # the e-mail policy's header_factory
Note = Callable[[str, str], None]  # (warning code, detail), as `header_text.decode_words` gives them

# Defects of an encoded word the modern parser decoded anyway (into replacement characters, or
# base64 read as something else): such a header is read the lenient way, whose display names are
# decoded by `decode_words`, which shows what it cannot decode as written.
_WORD_DEFECTS = frozenset(
    {
        "CharsetError",
        "InvalidBase64CharactersDefect",
        "InvalidBase64LengthDefect",
        "UndecodableBytesDefect",
    }
)


def _parse(name: str, value: str, factory: Factory, note: Note) -> list[Participant]:
    try:
        header = factory(name, value)
        if not any(type(defect).__name__ in _WORD_DEFECTS for defect in header.defects):
            return [
                Participant(address.display_name or None, address.addr_spec or None)
                for address in header.addresses
            ]
    except Exception:  # the modern header parser raises on some malformed input: read it leniently
        note("header_unparsed", "")
    return [
        Participant(decode_words(display, note) or None, address or None)
        for display, address in _lenient(value)
    ]


def read_addresses(name: str, value: str, header_factory: Factory, note: Note) -> list[Participant]:
    """The people in one address header's value; problems are told to `note`, among them
    "header_unparsed" and "too_many_addresses"."""
    if len(value) <= WHOLE_LIMIT:
        people = _parse(name, value, header_factory, note)
        if len(people) > MAX_ADDRESSES:
            note("too_many_addresses", "")
        return people[:MAX_ADDRESSES]
    chunks = split_addresses(value)
    if len(chunks) > MAX_ADDRESSES:
        note("too_many_addresses", "")
    people = []
    for chunk in chunks[:MAX_ADDRESSES]:
        if len(chunk) > ADDRESS_LIMIT:
            note("header_unparsed", "")
            people.append(Participant(decode_words(chunk[:ADDRESS_LIMIT], note), None))
        else:
            people.extend(_parse(name, chunk, header_factory, note))
    return people
