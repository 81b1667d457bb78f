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
from datetime import datetime, timedelta

from evidence_kit.domain import ParseWarning
from evidence_kit.importers.whatsapp.characters import DIGIT, SP, M, strip_marks

_DATE_PARTS = re.compile(rf"({DIGIT}+){M}([./\-]){M}({DIGIT}+){M}[./\-]{M}([RH]?)({DIGIT}+)(?:{SP}BE)?")

# Japanese eras iOS writes as a letter before the year ("3/18/R4" is 18 March 2022): the year
# before era year 1. Reiwa began in 2019, Heisei in 1989.
ERA_YEAR_ZERO = {"R": 2018, "H": 1988}
# Thai phones count years in the Buddhist era: 2567 BE is 2024.
BUDDHIST_OFFSET = 543
BUDDHIST_FROM = 2400  # a four-digit year from here on is a Buddhist-era year

# How the calendars are named in the conversation's `extra` and in warnings.
CALENDAR_WORDS = {"buddhist": "Buddhist era", "japanese": "Japanese era"}
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
    calendar: str = ""  # "" (Gregorian), "buddhist" or "japanese": the year is already converted
    number: int = 0  # its place in the parse's `raw.Caches` (a kept message refers to it by it)


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
    second_of_day: int = 0  # for comparing times of one day cheaply
    number: int = field(default=0, compare=False)  # its place in the parse's `raw.Caches`
    # The same as a timedelta: a message's time is its day's midnight plus this (cheaper than
    # making a datetime of six numbers for each message).
    since_midnight: timedelta = field(default=timedelta(0), compare=False)


def date_info(written: str) -> DateInfo:
    parts = _DATE_PARTS.match(written)
    assert parts is not None  # the header expression only captures what this matches
    d1, separator, d2, era, d3 = parts.groups()
    fields = [int(d1), int(d2), int(d3)]
    calendar = ""
    if era:
        fields[2] += ERA_YEAR_ZERO[era]
        calendar = "japanese"
    elif len(d1) > 2 and fields[0] >= BUDDHIST_FROM:
        fields[0] -= BUDDHIST_OFFSET
        calendar = "buddhist"
    elif len(d3) > 2 and fields[2] >= BUDDHIST_FROM:
        fields[2] -= BUDDHIST_OFFSET
        calendar = "buddhist"
    return DateInfo(
        fields=(fields[0], fields[1], fields[2]),
        separator=separator,
        joiner=strip_marks(written[parts.end() :]),
        year_first=len(d1) > 2,
        unpadded=len(d1) == 1 or len(d2) == 1,
        short_year=len(d3) <= 2 and not era,
        calendar=calendar,
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
        second_of_day=hour * 3600 + minute * 60 + second,
        since_midnight=timedelta(seconds=hour * 3600 + minute * 60 + second),
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
    """How often, in file order, a date reads earlier than the one before it, per date order.

    `counts` (every date as written) decides the day/month order. `late` counts the messages a
    reader would see out of time order in each date order (dates that cannot exist skipped), with
    the line of the first; `same_day` the times earlier than the one before them on the same date.
    Fed one date at a time (only when it changes), so deciding the order keeps no list of dates.
    """

    counts: dict[str, int] = field(default_factory=lambda: {"dmy": 0, "mdy": 0})
    late: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ORDER_WORDS, 0))
    first_late: dict[str, int] = field(default_factory=dict)
    # per date (by id, one entry per distinct date): [how many times earlier than the one before, first line]
    same_day: dict[int, list[int]] = field(default_factory=dict)
    _last: DateInfo | None = None
    _last_valid: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def feed(self, date: DateInfo, line: int = 0) -> None:
        last = self._last
        if last is not None and date is not last:
            for order in ("dmy", "mdy"):
                if year_month_day(date.fields, order) < year_month_day(last.fields, order):
                    self.counts[order] += 1
        self._last = date
        for order in ORDER_WORDS:
            ymd = year_month_day(date.fields, order)
            if not valid_ymd(*ymd):
                continue
            before = self._last_valid.get(order)
            if before is not None and ymd < before:
                self.late[order] += 1
                self.first_late.setdefault(order, line)
            self._last_valid[order] = ymd

    def earlier_time(self, date: DateInfo, line: int) -> None:
        """A time earlier than the one before it, on the same `date`."""
        found = self.same_day.setdefault(id(date), [0, line])
        found[0] += 1

    def out_of_order(self, order: str, dates: dict[int, DateInfo]) -> tuple[int, int]:
        """(how many messages read earlier than the one before them, the line of the first) in
        `order`, once each of `dates` (by id) knows its day; a date that cannot exist has no time order."""
        count = self.late[order]
        lines = [self.first_late[order]] if order in self.first_late else []
        for date_id, (times, line) in self.same_day.items():
            if dates[date_id].day is not None:
                count += times
                lines.append(line)
        return count, min(lines, default=0)


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
