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


def _parse(name: str, value: str, factory: Factory, failed: list[bool]) -> list[Participant]:
    try:
        header = factory(name, value)
        return [
            Participant(address.display_name or None, address.addr_spec or None)
            for address in header.addresses
        ]
    except Exception:  # the modern header parser raises on some malformed input: read it leniently
        failed[0] = True
        return [
            Participant(decode_words(display) or None, address or None)
            for display, address in _lenient(value)
        ]


def read_addresses(name: str, value: str, header_factory: Factory) -> tuple[list[Participant], bool, bool]:
    """(people, whether the parser rejected part of the value, whether addresses were left out)."""
    failed = [False]
    if len(value) <= WHOLE_LIMIT:
        people = _parse(name, value, header_factory, failed)
        return people[:MAX_ADDRESSES], failed[0], len(people) > MAX_ADDRESSES
    chunks = split_addresses(value)
    people = []
    for chunk in chunks[:MAX_ADDRESSES]:
        if len(chunk) > ADDRESS_LIMIT:
            failed[0] = True
            people.append(Participant(decode_words(chunk[:ADDRESS_LIMIT]), None))
        else:
            people.extend(_parse(name, chunk, header_factory, failed))
    return people, failed[0], len(chunks) > MAX_ADDRESSES
