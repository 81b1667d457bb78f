"""SMS Backup & Restore times: the epoch is the truth, readable_date gives only the phone's offset.

Readable dates are generated here the way the app writes them in several languages (Java's medium
date-time format), from fictional instants; the expected offset comes from zoneinfo.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidence_kit.domain import ConversationStream
from evidence_kit.importers import sms
from evidence_kit.importers.reading import content_time
from evidence_kit.importers.sms.times import offset_from_readable

EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NL_MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
NBSP, NNBSP = "\u00a0", "\u202f"


def _h12(moment: datetime) -> int:
    return moment.hour % 12 or 12


# Each writes the wall time `m` as one locale's medium date-time format would.
FORMATS: dict[str, Callable[[datetime], str]] = {
    "en_US": lambda m: (
        f"{EN_MONTHS[m.month - 1]} {m.day}, {m.year} {_h12(m)}:{m:%M:%S}{NNBSP}"
        + ("PM" if m.hour >= 12 else "AM")
    ),
    "nl_NL": lambda m: f"{m.day} {NL_MONTHS[m.month - 1]} {m.year} {m:%H:%M:%S}",
    "de_DE": lambda m: f"{m:%d.%m.%Y, %H:%M:%S}",
    "en_GB_no_seconds": lambda m: f"{m:%d/%m/%Y %H:%M}",
    "en_IN": lambda m: (
        f"{m.day:02d}-{EN_MONTHS[m.month - 1]}-{m.year} {_h12(m)}:{m:%M:%S} "
        + ("pm" if m.hour >= 12 else "am")
    ),
    "es_ES": lambda m: (
        f"{m.day} {m:%m} {m.year} {_h12(m)}:{m:%M:%S} " + ("p." if m.hour >= 12 else "a.") + f"{NBSP}m."
    ),
    "zh_CN": lambda m: (
        f"{m.year}年{m.month}月{m.day}日 " + ("下午" if m.hour >= 12 else "上午") + f"{_h12(m)}:{m:%M:%S}"
    ),
    "ko_KR": lambda m: (
        f"{m.year}. {m.month}. {m.day}. " + ("오후" if m.hour >= 12 else "오전") + f" {_h12(m)}:{m:%M:%S}"
    ),
    "de_legacy": lambda m: f"{m:%d.%m.%Y} {_h12(m)}:{m:%M:%S} " + ("nachm." if m.hour >= 12 else "vorm."),
    "fi_FI": lambda m: f"{m.day}.{m.month}.{m.year} klo {m.hour}.{m:%M.%S}",
}
STYLES = tuple(FORMATS)  # 10 styles: 8760 hours meet each style at every hour of the day
ZONES = ("Europe/Amsterdam", "America/New_York", "Asia/Kolkata")


def _readable(zone: ZoneInfo, instant: datetime, style: str) -> tuple[str, int]:
    local = instant.astimezone(zone)
    offset = local.utcoffset()
    assert offset is not None
    return FORMATS[style](local), int(offset.total_seconds())


@pytest.mark.parametrize("zone_name", ZONES)
def test_every_hour_of_a_year_gives_the_zone_offset(zone_name: str) -> None:
    """Property: for every hour of 2025, a readable date (from each locale above in turn, so each
    meets every hour of the day, 24-hour clocks in 01-12 too) gives exactly the zone's offset;
    both sides of each DST change included."""
    zone = ZoneInfo(zone_name)
    rng = random.Random(zone_name)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    wrong: list[tuple[str, int, int | None]] = []
    for hour in range(8760):
        instant = start + timedelta(hours=hour, milliseconds=rng.randrange(3_600_000))
        readable, expected = _readable(zone, instant, STYLES[hour % len(STYLES)])
        reading = offset_from_readable(readable, instant)
        if reading is None or reading.offset != expected or reading.unmarked_pm:
            wrong.append((readable, expected, None if reading is None else reading.offset))
    assert wrong == []


@pytest.mark.parametrize(
    ("zone_name", "instant", "expected_hours"),
    [
        # Amsterdam springs forward at 01:00 UTC on 30 March 2025 and falls back at 01:00 UTC on 26 October.
        ("Europe/Amsterdam", datetime(2025, 3, 30, 0, 59, 59, 999000, tzinfo=UTC), 1),
        ("Europe/Amsterdam", datetime(2025, 3, 30, 1, 0, 0, 0, tzinfo=UTC), 2),
        ("Europe/Amsterdam", datetime(2025, 10, 26, 0, 30, 0, 500000, tzinfo=UTC), 2),  # the first 02:30
        ("Europe/Amsterdam", datetime(2025, 10, 26, 1, 30, 0, 500000, tzinfo=UTC), 1),  # the second 02:30
        ("America/New_York", datetime(2025, 3, 9, 6, 59, 59, 999000, tzinfo=UTC), -5),
        ("America/New_York", datetime(2025, 3, 9, 7, 0, 0, 1000, tzinfo=UTC), -4),
        ("America/New_York", datetime(2025, 11, 2, 5, 30, tzinfo=UTC), -4),  # the first 01:30
        ("America/New_York", datetime(2025, 11, 2, 6, 30, tzinfo=UTC), -5),  # the second 01:30
    ],
)
@pytest.mark.parametrize("style", sorted(FORMATS))
def test_both_sides_of_a_dst_change(
    zone_name: str, instant: datetime, expected_hours: int, style: str
) -> None:
    readable, expected = _readable(ZoneInfo(zone_name), instant, style)
    assert expected == expected_hours * 3600
    reading = offset_from_readable(readable, instant)
    assert reading is not None and reading.offset == expected, readable


MOMENT = datetime(2023, 11, 14, 2, 13, 20, 123000, tzinfo=UTC)  # 03:13:20 in Amsterdam (CET)


@pytest.mark.parametrize(
    ("readable", "offset_hours"),
    [
        # A 24-hour clock in the hours 01-12: no AM/PM word, so never read as the afternoon.
        ("14-11-2023 03:13:20", 1),
        ("14.11.2023 3:13:20", 1),
        ("14 nov. 2023 03:13", 1),
        ("Nov 14, 2023 3:13:20\u202fAM", 1),
        ("14 nov. 2023 3:13:20 a.\u00a0m.", 1),  # Spanish
        ("14/11/2023 3:13:20 vorm.", 1),  # German (older Android)
        ("2023/11/14 午前3:13:20", 1),  # Japanese
        ("2023. 11. 14. 오전 3:13:20", 1),  # Korean
        ("14.11.2023 3:13:20 π.μ.", 1),  # Greek
        ("14/11/2023 3:13:20 PM", 13),  # Tonga: PM is the afternoon, whatever the offset
        ("13/11/2023 9:13:20 م", -5),  # Arabic PM word: 21:13 the day before
        ("14.11.2023 07:43:20", 5.5),  # Kolkata
        ("14.11.2023 08:58:20", 6.75),  # Chatham-like quarter hours
    ],
)
def test_readable_dates_in_several_languages(readable: str, offset_hours: float) -> None:
    reading = offset_from_readable(readable, MOMENT)
    assert reading is not None and reading.offset == int(offset_hours * 3600)
    assert not reading.unmarked_pm


@pytest.mark.parametrize(
    "readable",
    [
        "14/11/2023 03:14:20",  # a minute off: no offset explains it
        "14/11/2023 03:13:21",  # a second off
        "14/11/2023 03:20:20",  # 7 minutes: not a whole quarter hour
        "12/11/2023 03:13:20",  # the day does not match
        "14/10/2023 03:13:20",  # the month does not match
        "no time here",
    ],
)
def test_readable_dates_that_fit_no_real_offset(readable: str) -> None:
    assert offset_from_readable(readable, MOMENT) is None


@settings(max_examples=150, deadline=None)
@given(
    instant=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
    ),
    hour=st.integers(0, 30),
    minute=st.integers(0, 70),
    second=st.one_of(st.none(), st.integers(0, 61)),
    marker=st.sampled_from(["", " AM", " PM", " nachm.", "下午", " ?"]),
    day_shift=st.integers(-1, 1),
)
def test_an_offset_is_always_a_whole_quarter_hour(
    instant: datetime, hour: int, minute: int, second: int | None, marker: str, day_shift: int
) -> None:
    day = instant + timedelta(days=day_shift)
    seconds = "" if second is None else f":{second:02d}"
    readable = f"{day.day}.{day.month}.{day.year} {hour}:{minute:02d}{seconds}{marker}"
    reading = offset_from_readable(readable, instant)
    if reading is not None:
        assert reading.offset % 900 == 0 and -12 * 3600 <= reading.offset <= 14 * 3600


HEADER = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"


def _sms(date_ms: int, readable: str) -> str:
    return (
        f'<sms protocol="0" address="+31600000001" date="{date_ms}" type="1" subject="null" body="hoi" '
        f'read="1" status="-1" readable_date="{readable}" contact_name="Anna de Vries" />\n'
    )


def test_wall_times_and_offsets_through_the_reader() -> None:
    """The stored wall time is the epoch plus the offset, to the millisecond, so the offset a reader
    derives (the item's content time, the dossier) is the whole hour: never UTC+00:59 or UTC-00:01."""
    records = [
        _sms(1_700_000_000_123, "14-11-2023 23:13:20"),  # 22:13:20.123 UTC, Amsterdam, 24-hour clock
        _sms(1_699_924_400_999, "14-11-2023 02:13:20"),  # 01:13:20.999 UTC, hour 02 of a 24-hour clock
        _sms(1_699_920_800_500, "no date"),  # unmatched: UTC, with the warning
    ]
    data = (HEADER + f'<smses count="{len(records)}">\n' + "".join(records) + "</smses>\n").encode()
    parsed = sms.read_bytes(data, Path("sms-times.xml"))
    messages = parsed.conversation.messages
    offsets = []
    for message in messages:
        assert message.sent_at is not None and message.sent_at_utc is not None
        delta = message.sent_at - message.sent_at_utc.replace(tzinfo=None)
        offsets.append(delta / timedelta(minutes=1))
    assert offsets == [0.0, 60.0, 60.0]  # oldest first
    assert messages[1].sent_at == datetime(2023, 11, 14, 2, 13, 20, 999000)
    assert [w.code for w in parsed.conversation.warnings] == ["readable_date_unmatched"]
    times, _messages = content_time(ConversationStream.of(parsed.conversation))
    assert times[0].offset_minutes == 0  # the oldest is the unmatched one: UTC, exactly
    later, _rest = content_time(
        ConversationStream.of(parsed.conversation).__class__(platform="sms", messages=messages[1:])
    )
    assert later[0].offset_minutes == 60


def test_an_unmarked_afternoon_is_read_but_said() -> None:
    """No AM/PM word, and only the afternoon fits: taken, with a warning naming the record.
    (20:13:20 UTC in New York is 15:13:20; as 03:13:20 it would be the next day at +07:00.)"""
    data = HEADER + '<smses count="1">\n' + _sms(1_699_992_800_000, "11/14/2023 3:13:20") + "</smses>\n"
    parsed = sms.read_bytes(data.encode(), Path("sms-unmarked.xml"))
    assert parsed.conversation.messages[0].sent_at == datetime(2023, 11, 14, 15, 13, 20)
    warning = parsed.conversation.warnings[0]
    assert warning.code == "readable_date_unmarked_pm"
    assert dict(warning.params) == {"count": "1", "record": "1", "value": "11/14/2023 3:13:20"}
