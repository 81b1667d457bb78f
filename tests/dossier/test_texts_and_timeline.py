"""The dossier's words (both languages complete and alike) and the timeline's bins."""

from __future__ import annotations

import string
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from evidence_kit.domain import ItemKind, TimeSource
from evidence_kit.dossier.pdf_timeline import Bin, bin_start, choose_granularity, make_bins
from evidence_kit.dossier.texts import (
    TEXTS,
    format_aware,
    format_date,
    format_int,
    format_long_date,
    format_offset,
    format_size,
    t,
)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    assert TEXTS["en"].keys() == TEXTS["nl"].keys()
    for key, english in TEXTS["en"].items():
        assert _placeholders(english) == _placeholders(TEXTS["nl"][key]), key


def test_every_kind_time_source_and_custody_event_has_words() -> None:
    for lang in ("en", "nl"):
        for kind in ItemKind:
            assert t(lang, "kind." + kind.value)
            assert t(lang, "kinds." + kind.value)
        for source in TimeSource:
            assert t(lang, "source." + source.value)
        for event in ("vault_created", "item_added", "exported", "timestamp_obtained", "passphrase_changed"):
            assert t(lang, "event." + event)


def test_dutch_is_dutch() -> None:
    assert t("nl", "title") == "Bewijsdossier"
    assert t("nl", "item.withheld_box") == "Inhoud niet afgebeeld \u2014 origineel in het pakket"
    assert t("nl", "footer.page_of", page=3) == "Pagina 3 van"
    assert t("nl", "source.tsa") == "Vertrouwd tijdstempel (tijdstempelautoriteit)"
    assert "bewaarketen" in t("nl", "custody.title")


def test_honest_statement_says_what_is_and_is_not_proved() -> None:
    english = t("en", "statement.body")
    assert "bit for bit, the files stored in the evidence vault" in english
    assert "does not prove that the content of the files is true" in english
    dutch = t("nl", "statement.body")
    assert "bit voor bit de bestanden zijn die in de bewijskluis" in dutch
    assert "bewijst niet dat de inhoud van de bestanden waar" in dutch


def test_numbers_sizes_and_dates_per_language() -> None:
    assert format_int("en", 1234567) == "1,234,567"
    assert format_int("nl", 1234567) == "1.234.567"
    assert format_size("en", 999) == "999 bytes"
    assert format_size("en", 1_912_334) == "1.9 MB"
    assert format_size("nl", 1_912_334) == "1,9 MB"
    assert format_date("en", date(2024, 3, 5)) == "2024-03-05"
    assert format_date("nl", date(2024, 3, 5)) == "05-03-2024"
    assert format_long_date("en", date(2024, 3, 5)) == "Tuesday 5 March 2024"
    assert format_long_date("nl", date(2024, 3, 5)) == "dinsdag 5 maart 2024"
    assert format_offset(-330) == "-05:30"
    assert format_offset(120) == "+02:00"


def test_aware_times_show_local_offset_and_utc() -> None:
    moment = datetime(2024, 3, 31, 3, 30, tzinfo=timezone(timedelta(hours=2)))
    assert format_aware("en", moment) == "2024-03-31 03:30:00 (UTC+02:00) = 2024-03-31 01:30:00 UTC"
    assert format_aware("nl", moment) == "31-03-2024 03:30:00 (UTC+02:00) = 31-03-2024 01:30:00 UTC"
    assert format_aware("en", datetime(2024, 1, 1, tzinfo=UTC)) == "2024-01-01 00:00:00 UTC"


def test_unknown_key_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        t("en", "no.such.key")


def test_granularity_follows_the_span() -> None:
    start = date(2024, 1, 1)
    assert choose_granularity(start, start) == "day"
    assert choose_granularity(start, start + timedelta(days=61)) == "day"
    assert choose_granularity(start, start + timedelta(days=62)) == "week"
    assert choose_granularity(start, start + timedelta(days=433)) == "week"
    assert choose_granularity(start, start + timedelta(days=434)) == "month"


def test_bins_include_empty_periods() -> None:
    counts = Counter({date(2024, 3, 1): 2, date(2024, 3, 4): 1})
    assert make_bins(counts, "day", date(2024, 3, 1), date(2024, 3, 4)) == [
        Bin(date(2024, 3, 1), 2),
        Bin(date(2024, 3, 2), 0),
        Bin(date(2024, 3, 3), 0),
        Bin(date(2024, 3, 4), 1),
    ]
    # 2024-03-01 is a Friday: its week starts on Monday 26 February.
    assert make_bins(counts, "week", date(2024, 3, 1), date(2024, 3, 4)) == [
        Bin(date(2024, 2, 26), 2),
        Bin(date(2024, 3, 4), 1),
    ]
    yearly = Counter({date(2023, 12, 31): 1, date(2024, 2, 10): 4})
    assert make_bins(yearly, "month", date(2023, 12, 31), date(2024, 2, 10)) == [
        Bin(date(2023, 12, 1), 1),
        Bin(date(2024, 1, 1), 0),
        Bin(date(2024, 2, 1), 4),
    ]
    assert bin_start(date(2024, 3, 10), "week") == date(2024, 3, 4)
