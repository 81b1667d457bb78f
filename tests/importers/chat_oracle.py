"""Oracles shared by the Telegram, Meta and Discord importer tests.

`strip_marks` is the protocol's text rule written out again (independently of the importer),
and `is_concatenation` checks the fuzz property "every message's text is a faithful piece of
the input": the text must be made of strings that occur in the generated input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

BIDI = str.maketrans(
    dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
)
SURROGATE = re.compile("[\ud800-\udfff]")


def strip_marks(text: str) -> str:
    return SURROGATE.sub("\ufffd", text).translate(BIDI)


def strings_in(value: object) -> Iterator[str]:
    """Every string value (not key) in a JSON-like structure."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def is_concatenation(text: str, pieces: Iterable[str]) -> bool:
    """True when `text` is a concatenation of some of `pieces` (each usable any number of times)."""
    options = {piece for piece in pieces if piece}
    if not text:
        return True
    reachable = [False] * (len(text) + 1)
    reachable[0] = True
    for start in range(len(text)):
        if not reachable[start]:
            continue
        for piece in options:
            if text.startswith(piece, start):
                reachable[start + len(piece)] = True
    return reachable[len(text)]
