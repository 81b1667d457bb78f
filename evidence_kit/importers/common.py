"""Small helpers more than one text importer needs, kept in one place.

Rule: nothing here reads input or holds state of its own; callers pass in what they track.
"""

from __future__ import annotations

from evidence_kit.domain import ParseWarning


def numbered_unique(name: str, taken: set[str], next_number: dict[str, int]) -> str:
    """`name`, or "stem (2).ext", "stem (3).ext", ... when it is taken; the result is added to `taken`.

    Exports can carry two attachments with one name (two "image.jpg" parts); each becomes an item
    of its own, so each needs a name of its own that still says where it came from.
    """
    if name not in taken:
        taken.add(name)
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    number = next_number.get(name, 2)
    while True:
        candidate = f"{stem} ({number}).{suffix}" if suffix else f"{stem} ({number})"
        number += 1
        if candidate not in taken:
            next_number[name] = number
            taken.add(candidate)
            return candidate


def invalid_date_warning(line: int, *, merged: bool) -> ParseWarning:
    """A header-shaped line whose date or time cannot exist (kept as text, or kept without a time)."""
    if merged:
        return ParseWarning(
            code="invalid_header_date",
            message="Line {line} looks like the start of a message, but its date or time cannot exist; "
            "it was kept as part of the message before it.",
            params=(("line", str(line)),),
            line=line,
        )
    return ParseWarning(
        code="invalid_header_date",
        message="Line {line} starts a message whose date or time cannot exist; "
        "the message is kept without a time.",
        params=(("line", str(line)),),
        line=line,
    )
