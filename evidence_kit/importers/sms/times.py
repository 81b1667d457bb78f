"""A record's times: the epoch time, and the phone's wall time when `readable_date` agrees with it.

* `date` is epoch milliseconds: it gives `sent_at_utc`. `readable_date` is the phone's local time
  as the app formatted it (in the phone's language). It becomes `sent_at` only when it agrees with
  the epoch time at a whole UTC offset, which also settles 12/24-hour and day/month order;
  otherwise (or when absent) `sent_at` is the UTC wall time and the message's extra says so.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # only for types: parsing goes through defusedxml
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from evidence_kit.importers.sms.parse_warnings import Collector
from evidence_kit.importers.sms.values import value_or_none

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECONDS_THRESHOLD = 100_000_000_000  # below this an epoch in ms would be before 1973: it is seconds
_TIME_OF_DAY = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)")
_PM = re.compile(r"(?i)(?<![a-z])p\.?\s?m\.?(?![a-z])|午後|下午|오후")
_AM = re.compile(r"(?i)(?<![a-z])a\.?\s?m\.?(?![a-z])|午前|上午|오전")
_NUMBER = re.compile(r"\d+")
_MIN_OFFSET = -12 * 3600
_MAX_OFFSET = 14 * 3600


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


def wall_time_from_readable(readable: str, utc: datetime) -> datetime | None:
    """The local wall time that `readable` shows for the instant `utc`, or None.

    `readable` is formatted in the phone's language, so it is not parsed by a fixed pattern:
    its time of day (h:mm[:ss], with AM/PM when marked) must equal `utc` shifted by a real UTC
    offset (a multiple of 15 minutes between -12:00 and +14:00), and the shifted date's day and
    year must appear among its numbers. Exactly one such wall time is accepted; none or several
    (an unmarked 12-hour clock that fits twice) give None.
    """
    times = list(_TIME_OF_DAY.finditer(readable))
    if not times:
        return None
    shown = times[-1]
    hour, minute = int(shown.group(1)), int(shown.group(2))
    second = int(shown.group(3)) if shown.group(3) is not None else None
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return None
    rest = readable[: shown.start()] + " " + readable[shown.end() :]
    numbers = {int(token) for token in _NUMBER.findall(rest) if len(token) <= 4}
    if _PM.search(rest) and 1 <= hour <= 12:
        hours = [hour % 12 + 12]
    elif _AM.search(rest) and 1 <= hour <= 12:
        hours = [hour % 12]
    elif 1 <= hour <= 12:
        hours = [hour % 12, hour % 12 + 12]
    else:
        hours = [hour]
    utc_seconds = utc.hour * 3600 + utc.minute * 60 + (utc.second if second is not None else 0)
    found: set[datetime] = set()
    for candidate_hour in hours:
        shown_seconds = candidate_hour * 3600 + minute * 60 + (second or 0)
        diff = (shown_seconds - utc_seconds) % 86400
        for offset in (diff, diff - 86400):
            if not (_MIN_OFFSET <= offset <= _MAX_OFFSET) or offset % 900:
                continue
            local = (utc + timedelta(seconds=offset)).replace(tzinfo=None, microsecond=0)
            if local.day in numbers and (local.year in numbers or local.year % 100 in numbers):
                found.add(local)
    return found.pop() if len(found) == 1 else None


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
        local = wall_time_from_readable(readable, utc)
        if local is not None:
            return When(local, utc, True)
        collect.add("readable_date_unmatched", value=readable[:100])
    return When(utc.replace(tzinfo=None, microsecond=0), utc, False)


def time_extra(when: When) -> tuple[tuple[str, str], ...]:
    if when.utc is None:
        return ()
    return (("wall_time", "readable_date" if when.from_readable else "utc"),)
