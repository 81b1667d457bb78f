"""The characters WhatsApp puts in and around what people typed: bidi marks, spaces, digits.

Rule: text loses only the invisible bidi marks (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069);
the pattern pieces here are shared by the header, date and marker expressions.
"""

from __future__ import annotations

import re

# The marks text loses (the importer protocol's list); headers also tolerate U+061C (ALM).
TEXT_MARKS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
MARKS = TEXT_MARKS + "\u061c"
MARKS_RE = re.compile(f"[{TEXT_MARKS}]")
# The same marks one by one: `holds_marks` looks for each in a long text with `in`, a scan in C
# that is over at once in a text without characters past U+00FF and quicker than the
# expression's scan in any other.
TEXT_MARK_CHARS = ("\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)))
SP = "[ \u00a0\u202f]"
DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
# Possessive (*+): a run of marks is never backtracked into, so no input can make the match slow.
M = f"[{MARKS}]*+"


def strip_marks(text: str) -> str:
    """Drop the invisible bidi marks (the only characters the importer removes from text)."""
    return MARKS_RE.sub("", text) if MARKS_RE.search(text) else text


def holds_marks(text: str) -> bool:
    """True when `text` holds a bidi mark `strip_marks` drops."""
    return any(mark in text for mark in TEXT_MARK_CHARS)
