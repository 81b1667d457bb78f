"""Small helpers more than one text importer needs, kept in one place.

Rule: nothing here reads input or holds state of its own; callers pass in what they track.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from evidence_kit.domain import ParseWarning

if TYPE_CHECKING:
    from evidence_kit.importers._chat_support import WarningLog


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


# The invisible bidi marks the importer protocol drops from message text.
_BIDI_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# A character class, not str.translate: translate is about 20 times slower on text that is not
# all ASCII, and message text is read by every chat importer.
_BIDI = re.compile(f"[{_BIDI_MARKS}]")


def strip_marks(value: str) -> str:
    """`value` without the bidi marks U+200E/U+200F/U+202A-U+202E/U+2066-U+2069."""
    return _BIDI.sub("", value)


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


def starts_json_object(head: bytes) -> bool:
    """True when `head` starts a JSON object (after a UTF-8 byte-order mark and white space)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def folder_of(name: str) -> str:
    """The folder of a relative POSIX name inside an export ("" for a name at its root)."""
    return str(PurePosixPath(name).parent) if "/" in name else ""


def guess_media_type(name: str) -> str | None:
    """The media type a file name suggests (the common non-standard types too), or None."""
    return mimetypes.guess_type(name, strict=False)[0]


def tally_bad_time(log: WarningLog, value: str) -> None:
    """Count a message whose time cannot be read; the first one's time is kept as the example."""
    log.tally(
        "bad_time",
        message="{count} messages have a time that could not be read, for example {value}.",
        value=value[:60],
    )


def tally_unreadable_record(log: WarningLog) -> None:
    """Count an entry of an export's message list that is not a message record."""
    log.tally(
        "unreadable_record",
        message="{count} entries of the message list could not be read and were skipped.",
    )
