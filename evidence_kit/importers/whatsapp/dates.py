"""Dates and times as a header writes them, and the day/month order of a whole export.

Rule: each distinct date and time string is read once (`date_info`, `time_info`); the order
(day/month/year, month/day/year, year/month/day, rarely year/day/month) is decided over the whole
file: a field above 12 decides; otherwise the order in which the messages read oldest-first;
otherwise the order usual for the export's shape and language, with the warning
`ambiguous_date_order`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from evidence_kit.domain import ParseWarning
from evidence_kit.importers.whatsapp.characters import DIGIT, SP, M, strip_marks

_DATE_PARTS = re.compile(rf"({DIGIT}+){M}([./\-]){M}({DIGIT}+){M}[./\-]{M}({DIGIT}+)")
_TIME_PARTS = re.compile(
    rf"({DIGIT}+)([:.])({DIGIT}+)(?:[:.]({DIGIT}+))?"
    rf"(?:{M}{SP}?{M}(?P<ap>[AaPp]\.?{SP}?[Mm]\.?|\u0635|\u0645|[Öö][ÖöSs]))?"
)


@dataclass(eq=False)
class DateInfo:
    """One date as written: its three numbers and how it is written; `day` once the order is known."""

    fields: tuple[int, int, int]
    separator: str
    joiner: str  # what stands between date and time, marks left out
    year_first: bool
    unpadded: bool  # a one-digit day or month (1/5/24), as US exports write it
    short_year: bool
    day: tuple[int, int, int] | None = None  # (year, month, day); None when it cannot exist


@dataclass(frozen=True)
class TimeInfo:
    """One time as written, already on the 24-hour clock; `valid` is False for 25:61 and such."""

    hour: int
    minute: int
    second: int
    separator: str
    ending: str  # what ends the header ("] ", " - ", ": "), marks left out
    seconds: bool
    twelve_hour: bool
    latin_ampm: bool
    valid: bool


def date_info(written: str) -> DateInfo:
    parts = _DATE_PARTS.match(written)
    assert parts is not None  # the header expression only captures what this matches
    d1, separator, d2, d3 = parts.groups()
    return DateInfo(
        fields=(int(d1), int(d2), int(d3)),
        separator=separator,
        joiner=strip_marks(written[parts.end() :]),
        year_first=len(d1) > 2,
        unpadded=len(d1) == 1 or len(d2) == 1,
        short_year=len(d3) <= 2,
    )


def time_info(written: str) -> TimeInfo:
    parts = _TIME_PARTS.match(written)
    assert parts is not None
    hour, minute = int(parts.group(1)), int(parts.group(3))
    second = int(parts.group(4) or 0)
    ap = parts.group("ap")
    latin = False
    if ap is not None:
        first, last = ap[0], ap[-1]
        latin = first in "AaPp"
        pm = first in "Pp" or ap == "\u0645" or last in "Ss"
        if pm and hour < 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    return TimeInfo(
        hour=hour,
        minute=minute,
        second=second,
        separator=parts.group(2),
        ending=strip_marks(written[parts.end() :]),
        seconds=parts.group(4) is not None,
        twelve_hour=ap is not None,
        latin_ampm=latin,
        valid=hour <= 23 and minute <= 59 and second <= 59,
    )


# (bracketed, date separator, date-time joiner, year first, time separator, ending, seconds, 12-hour)
Shape = tuple[bool, str, str, bool, str, str, bool, bool]


def header_shape(bracketed: bool, date: DateInfo, clock: TimeInfo) -> Shape:
    return (
        bracketed,
        date.separator,
        date.joiner,
        date.year_first,
        clock.separator,
        clock.ending,
        clock.seconds,
        clock.twelve_hour,
    )


# How the orders are named in the conversation's `extra` and in warnings: one vocabulary for every
# export, whatever its language (not WhatsApp's words, so not in languages.toml).
ORDER_WORDS = {
    "dmy": "day/month/year",
    "mdy": "month/day/year",
    "ymd": "year/month/day",
    "ydm": "year/day/month",
}


def year_month_day(fields: tuple[int, int, int], order: str) -> tuple[int, int, int]:
    a, b, c = fields
    if order == "ymd":
        year, month, day = a, b, c
    elif order == "ydm":
        year, day, month = a, b, c
    elif order == "mdy":
        month, day, year = a, b, c
    else:
        day, month, year = a, b, c
    return (year + 2000 if year < 100 else year), month, day


def valid_ymd(year: int, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2999):
        return False
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return True


@dataclass
class Inversions:
    """How often, in file order, a date reads earlier than the one before it, per day/month order.

    Fed one date at a time (only when it changes), so deciding the order keeps no list of dates.
    """

    counts: dict[str, int] = field(default_factory=lambda: {"dmy": 0, "mdy": 0})
    _last: DateInfo | None = None

    def feed(self, date: DateInfo) -> None:
        last = self._last
        if last is not None and date is not last:
            for order in ("dmy", "mdy"):
                if year_month_day(date.fields, order) < year_month_day(last.fields, order):
                    self.counts[order] += 1
        self._last = date


def decide_order(
    dates: list[DateInfo],
    inversions: Inversions,
    locales: Callable[[], Counter[str]],
    example: str,
) -> tuple[str, list[ParseWarning]]:
    """Day/month order for the whole file. `dates`: each date once; `inversions`: over file order."""
    if dates[0].year_first:
        # Year first is year/month/day, unless only the middle field ever goes above 12.
        middle = any(d.fields[1] > 12 for d in dates)
        return ("ydm" if middle and not any(d.fields[2] > 12 for d in dates) else "ymd"), []
    over_first = sum(1 for d in dates if d.fields[0] > 12)
    over_second = sum(1 for d in dates if d.fields[1] > 12)
    if over_first and not over_second:
        return "dmy", []
    if over_second and not over_first:
        return "mdy", []
    if over_first and over_second:
        # Both orders break somewhere: take the one that breaks less (the rest are reported).
        return ("dmy" if over_first >= over_second else "mdy"), []
    # No field above 12: the order that puts the messages in time order wins.
    by_order = inversions.counts
    if by_order["dmy"] != by_order["mdy"]:
        order = "dmy" if by_order["dmy"] < by_order["mdy"] else "mdy"
        return order, [
            ParseWarning(
                code="date_order_from_sequence",
                message="No date in the export shows whether it is written day/month or month/day; "
                "dates were read as {order} because the messages are then in time order.",
                params=(("order", ORDER_WORDS[order]),),
            )
        ]
    order = _usual_order(dates, locales())
    return order, [
        ParseWarning(
            code="ambiguous_date_order",
            message="No date in the export shows whether it is written day/month or month/day; "
            "dates were read as {order}, which is usual for this kind of export. "
            "Check one date you know, for example {example}.",
            params=(("order", ORDER_WORDS[order]), ("example", example)),
        )
    ]


def _usual_order(dates: list[DateInfo], locales: Counter[str]) -> str:
    """The order an export of this shape and language usually has: month first only in the US."""
    if dates[0].separator != "/":
        return "dmy"
    language = locales.most_common(1)[0][0] if locales else ""
    if language not in ("", "en"):
        return "dmy"
    # US exports write 1/5/24 (no leading zeros, two-digit year); British ones 05/01/2024.
    unpadded = any(d.unpadded for d in dates) and all(d.short_year for d in dates)
    return "mdy" if unpadded else "dmy"
