"""Conformance: every SMS Backup & Restore sample under samples_dir parses, and upstream expectations hold.

The memacs samples carry their expectations in memacs/tests/sms_test.py and phonecalls_test.py
(novoid/Memacs): SMS times in UTC with direction and number, and per call the UTC minute, the
duration and the number as written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import defusedxml.ElementTree as DefusedET

from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import sms


def _samples(samples_dir: Path) -> list[Path]:
    return sorted(
        p for p in (samples_dir / "sms_backup_restore").rglob("*") if p.is_file() and p.suffix != ".md"
    )


def test_every_sample_parses_without_crashing(samples_dir: Path) -> None:
    paths = _samples(samples_dir)
    assert paths
    for path in paths:
        assert sms.sniff(path.read_bytes()[:65536], path.name), path
        try:
            parsed = sms.read(path)
        except ImportFormatError as exc:  # pragma: no cover - a sample must not fail
            raise AssertionError(f"{path}: {exc}") from exc
        assert parsed.conversation.messages, path


# Every sample with the exact number of messages it holds (one per record; counted by hand).
EXPECTED_COUNTS = {
    "memacs/calls.xml": 8,
    "memacs/smsxml.txt": 4,
}


def test_every_sample_has_its_exact_message_count(samples_dir: Path) -> None:
    root = samples_dir / "sms_backup_restore"
    counts = {}
    for path in _samples(samples_dir):
        streamed = sms.read_stream(path)
        counts[path.relative_to(root).as_posix()] = sum(1 for _ in streamed.conversation.messages)
        assert len(sms.read(path).conversation.messages) == counts[path.relative_to(root).as_posix()]
    assert counts == EXPECTED_COUNTS


def test_memacs_sms_expectations(samples_dir: Path) -> None:
    parsed = sms.read(samples_dir / "sms_backup_restore" / "memacs" / "smsxml.txt")
    rows = []
    for message in parsed.conversation.messages:
        extra = dict(message.extra)
        number = message.sender_id if extra["direction"] == "incoming" else extra["to"]
        assert message.sent_at is not None
        # memacs shows whole seconds; the wall time keeps the epoch's milliseconds.
        rows.append((message.sent_at.replace(microsecond=0), extra["direction"], number, message.text))
    # "** <2011-08-04 Thu 10:05:53> SMS from +436812314123: did you see the new sms memacs module?" etc.
    assert rows == [
        (
            datetime(2011, 8, 4, 10, 5, 53),
            "incoming",
            "+436812314123",
            "did you see the new sms memacs module?",
        ),
        (datetime(2011, 8, 4, 16, 4, 55), "outgoing", "+43612341234", "Memacs FTW!"),
        (datetime(2011, 8, 4, 20, 25, 50), "outgoing", "+43612341238", "i like memacs"),
        (datetime(2011, 8, 5, 18, 32, 1), "outgoing", "+4312341234", "http://google.at"),
    ]
    assert all(dict(m.extra)["wall_time"] == "utc" for m in parsed.conversation.messages)
    assert parsed.conversation.warnings == ()


def test_memacs_call_expectations(samples_dir: Path) -> None:
    path = samples_dir / "sms_backup_restore" / "memacs" / "calls.xml"
    root = DefusedET.parse(path).getroot()
    assert root is not None
    calls = root.findall("call")
    parsed = sms.read(path)
    assert len(parsed.conversation.messages) == len(calls) == 8
    by_time = {}
    for message in parsed.conversation.messages:
        assert message.sent_at_utc is not None
        by_time[message.sent_at_utc.strftime("%Y-%m-%d %a %H:%M")] = message
    for call in calls:
        epoch_ms = int(call.get("date") or 0)
        minute = datetime.fromtimestamp(epoch_ms / 1000, UTC).strftime("%Y-%m-%d %a %H:%M")
        message = by_time[minute]
        extra = dict(message.extra)
        assert extra["duration_seconds"] == call.get("duration")
        number = call.get("number")
        if number == "-1":
            assert message.sender_id is None and extra["number_presentation"] == "withheld"
        elif call.get("type") == "2":
            assert extra["to"] == number and message.text.startswith("Outgoing call, ")
        else:
            assert message.sender_id == number
    assert [m.text.split(",")[0] for m in parsed.conversation.messages] == [
        "Outgoing call",
        "Missed call",
        "Outgoing call",
        "Incoming call",
        "Incoming call",
        "Incoming call",
        "Outgoing call",
        "Incoming call",
    ]
