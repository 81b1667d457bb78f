"""A record's times: the epoch time is the truth; `readable_date` only tells the phone's offset.

* `date` is epoch milliseconds: it gives `sent_at_utc`, to the millisecond.
* `readable_date` is the phone's wall-clock time as the app formatted it, in the phone's
  language (Java's medium date-time format: "Nov 14, 2023 11:13:20 PM", "14.11.2023 23:13:20",
  "2023. 11. 14. 오후 11:13:20"). It is never parsed as a date by a fixed pattern. Only its time
  of day is read, and it must equal the epoch time shifted by a real UTC offset: a whole quarter
  hour between -12:00 and +14:00. The shifted date's day and year (and month, when the month is
  a number) must also appear among its numbers. `sent_at` is then exactly `sent_at_utc` plus that
  offset (milliseconds kept), so the offset a reader computes from the two is always the whole
  quarter hour found, on both sides of every daylight-saving change: each record carries its own.
* 12- or 24-hour clock: an AM/PM word next to the time of day, in any language (`day_periods`,
  from the Unicode CLDR), makes it a 12-hour clock; without one the hour is read as on a 24-hour
  clock (CLDR's 12-hour formats always write the word). Only when that reading fits no offset
  and the afternoon reading does, is the afternoon taken, and a warning says so.
* When nothing fits (or two readings fit equally), `sent_at` is the UTC wall time, and a warning
  and the message's extra say so. Nothing is guessed silently.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET  # only for types: parsing goes through defusedxml
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from evidence_kit.importers.sms.day_periods import AM, PM
from evidence_kit.importers.sms.parse_warnings import Collector
from evidence_kit.importers.sms.values import value_or_none

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECONDS_THRESHOLD = 100_000_000_000  # below this an epoch in ms would be before 1973: it is seconds
_TIME_OF_DAY = re.compile(r"(?<!\d)(\d{1,2})([:.])(\d{2})(?:[:.](\d{2}))?(?!\d)")
_NUMBER = re.compile(r"\d+")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200f": "", "\u200e": ""})
_LETTER = r"[^\W\d_]"
_MIN_OFFSET = -12 * 3600
_MAX_OFFSET = 14 * 3600
QUARTER_HOUR = 900


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in words)  # longest first (see day_periods)


# A marker stands right after the time ("11:13 PM") or right before it ("下午3:04", "오후 3:04").
_AFTER = re.compile(rf"\s*(?:(?P<pm>{_alternatives(PM)})|(?P<am>{_alternatives(AM)}))(?!{_LETTER})")
_BEFORE = re.compile(rf"(?<!{_LETTER})(?:(?P<pm>{_alternatives(PM)})|(?P<am>{_alternatives(AM)}))\s*\Z")


def epoch_time(value: str | None, collect: Collector) -> datetime | None:
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    if number <= 0:
        return None
    if number < _SECONDS_THRESHOLD:
        collect.add("date_in_seconds")
        number *= 1000
    try:
        return EPOCH + timedelta(milliseconds=number)
    except OverflowError:
        return None


@functools.lru_cache(maxsize=256)
def _marker(before: str, after: str) -> str | None:
    """The marker next to the time of day, "am" or "pm", or None (a backup repeats a few)."""
    for pattern, text in ((_AFTER, after), (_BEFORE, before)):
        found = pattern.match(text) if pattern is _AFTER else pattern.search(text)
        if found is not None:
            return "pm" if found.group("pm") is not None else "am"
    return None


_TAIL = re.compile(r"\D*\Z")
_HEAD = re.compile(r"\D*")


def _non_digits(text: str, *, tail: bool) -> str:
    """The run of text without digits at the end (tail) or start of `text`, casefolded."""
    match = _TAIL.search(text) if tail else _HEAD.match(text)
    return match.group(0).casefold() if match is not None else ""


@dataclass(frozen=True)
class Reading:
    """What a readable date says about one instant: the phone's offset in seconds, and whether
    the afternoon was assumed because no AM/PM word was found (`unmarked_pm`)."""

    offset: int
    unmarked_pm: bool = False


def offset_from_readable(readable: str, utc: datetime) -> Reading | None:
    """The phone's UTC offset that `readable` shows for the instant `utc`, or None (see the module)."""
    text = readable.translate(_SPACES)
    times = list(_TIME_OF_DAY.finditer(text))
    if not times:
        return None
    with_colon = [match for match in times if match.group(2) == ":"]
    shown = (with_colon or times)[-1]
    hour, minute = int(shown.group(1)), int(shown.group(3))
    second = int(shown.group(4)) if shown.group(4) is not None else None
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return None
    before, after = text[: shown.start()], text[shown.end() :]
    numbers = [int(token) for token in _NUMBER.findall(before + " " + after) if len(token) <= 4]
    marker = _marker(_non_digits(before, tail=True), _non_digits(after, tail=False))
    if marker is not None and 1 <= hour <= 12:
        found = _offsets(hour % 12 + (12 if marker == "pm" else 0), minute, second, utc, numbers)
        return Reading(found[0]) if len(found) == 1 else None
    found = _offsets(hour, minute, second, utc, numbers)
    if found:
        return Reading(found[0]) if len(found) == 1 else None
    if marker is None and 1 <= hour <= 11:
        afternoon = _offsets(hour + 12, minute, second, utc, numbers)
        if len(afternoon) == 1:
            return Reading(afternoon[0], unmarked_pm=True)
    return None


def _offsets(hour: int, minute: int, second: int | None, utc: datetime, numbers: list[int]) -> list[int]:
    """The whole-quarter-hour offsets that turn `utc` into the shown time on a shown date."""
    utc_seconds = utc.hour * 3600 + utc.minute * 60 + (utc.second if second is not None else 0)
    diff = (hour * 3600 + minute * 60 + (second or 0) - utc_seconds) % 86400
    found = []
    for offset in (diff, diff - 86400):
        if not (_MIN_OFFSET <= offset <= _MAX_OFFSET) or offset % QUARTER_HOUR:
            continue
        local = utc + timedelta(seconds=offset)
        if local.day not in numbers or (local.year not in numbers and local.year % 100 not in numbers):
            continue
        if len(numbers) >= 3 and local.month not in numbers:
            continue  # a numeric date ("14.11.2023") names its month too
        found.append(offset)
    return found


def wall_time_from_readable(readable: str, utc: datetime) -> datetime | None:
    """The local wall time that `readable` shows for the instant `utc` (naive, to the millisecond
    of `utc`), or None when no single real offset explains it."""
    reading = offset_from_readable(readable, utc)
    if reading is None:
        return None
    return (utc + timedelta(seconds=reading.offset)).replace(tzinfo=None)


@dataclass(frozen=True)
class When:
    local: datetime | None
    utc: datetime | None
    from_readable: bool


def record_when(elem: ET.Element, collect: Collector) -> When:
    utc = epoch_time(elem.get("date"), collect)
    if utc is None:
        collect.add("date_missing")
        return When(None, None, False)
    readable = value_or_none(collect.text(elem.get("readable_date")))
    if readable is not None:
        reading = offset_from_readable(readable, utc)
        if reading is not None:
            if reading.unmarked_pm:
                collect.add("readable_date_unmarked_pm", value=readable[:100])
            return When((utc + timedelta(seconds=reading.offset)).replace(tzinfo=None), utc, True)
        collect.add("readable_date_unmatched", value=readable[:100])
    return When(utc.replace(tzinfo=None), utc, False)


def time_extra(when: When) -> tuple[tuple[str, str], ...]:
    if when.utc is None:
        return ()
    return (("wall_time", "readable_date" if when.from_readable else "utc"),)
