"""SMS backups are stored as streams: time order from passes over the file, never all held.

`order.in_time_order` hands messages on oldest first from passes that read the file again; how
many passes and how much it holds are checked here on fictional data, and the whole path (store
in a vault, read back, `verify --reparse` agreeing) runs with a tiny budget so every pass kind
is used.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from evidence_kit.domain import Message, StreamedExport
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import registry, sms
from evidence_kit.importers.batch import add_paths
from evidence_kit.importers.reading import parse
from evidence_kit.importers.reparse import ReparseVerdict, check_reparse
from evidence_kit.importers.sms import order
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

START = datetime(2025, 3, 30, 0, 30, tzinfo=UTC)  # Amsterdam's spring DST change falls inside


def _messages(times: list[int]) -> list[Message]:
    return [
        Message(sender=None, text=str(i), sent_at_utc=START + timedelta(minutes=t))
        for i, t in enumerate(times)
    ]


class Passes:
    """A file read again on demand, counting the passes, how far each read, and what it made."""

    def __init__(self, messages: list[Message]) -> None:
        self.messages = messages
        self.passes = 0
        self.read = 0
        self.made = 0

    def __call__(self, wanted: Callable[[int], bool]) -> Iterator[tuple[int, Message]]:
        self.passes += 1
        for ordinal, message in enumerate(self.messages):
            self.read += 1
            if wanted(ordinal):
                self.made += 1
                yield ordinal, message


def _listed(messages: list[Message]) -> Callable[[Callable[[int], bool]], Iterator[tuple[int, Message]]]:
    return lambda _wanted: enumerate(messages)


def _ranks(messages: list[Message]) -> array[int]:
    return order.ranks_of(array("q", (order.time_key(m.sent_at_utc) for m in messages)))


def _changed() -> Exception:
    return ImportFormatError(path="x", format="sms", detail="changed")


@pytest.mark.parametrize(
    ("times", "budget", "passes"),
    [
        (list(range(50)), 3, 1),  # in time order: one pass
        ([1, 0, 3, 2, 5, 4, 7, 6, 9, 8], 3, 1),  # nearly: one pass, one held at a time
        # newest first (a call log): passes of 3, and the last 4 in one pass that holds 3
        (list(range(10, 0, -1)), 3, 3),
        (list(range(10, 0, -1)), 10, 1),  # ... or one, when the budget holds them all
        ([5, 5, 1, 5, 1], 2, 2),  # equal times keep their file order; one pass would hold 3
    ],
)
def test_time_order_from_passes(times: list[int], budget: int, passes: int) -> None:
    messages = _messages(times)
    source = Passes(messages)
    out = list(order.in_time_order(_ranks(messages), source, _changed, budget))
    expected = sorted(messages, key=lambda m: m.sent_at_utc or START)  # stable, as before streaming
    assert [m.text for m in out] == [m.text for m in expected]
    assert source.passes == passes


def test_random_orders_hold_at_most_the_budget() -> None:
    rng = random.Random(13)
    for size in (1, 7, 60, 200):
        times = [rng.randrange(40) for _ in range(size)]
        messages = _messages(times)
        ranks = _ranks(messages)
        for budget in (1, 5, 64):
            out = list(order.in_time_order(ranks, Passes(messages), _changed, budget))
            assert [m.text for m in out] == [
                m.text for m in sorted(messages, key=lambda m: m.sent_at_utc or START)
            ]
            # every pass holds what `_peak` says it would, which is never more than the budget
            low = 0
            while low < size:
                high = size if order._peak(ranks, low, size) <= budget else min(size, low + budget)
                assert order._peak(ranks, low, high) <= budget
                low = high


def test_a_pass_stops_reading_once_its_messages_are_handed_on() -> None:
    messages = _messages([0, 1, 2, 3, 9, 8, 7, 6, 5, 4])
    source = Passes(messages)
    out = list(order.in_time_order(_ranks(messages), source, _changed, budget=4))
    assert [m.text for m in out] == ["0", "1", "2", "3", "9", "8", "7", "6", "5", "4"]
    # [0, 4) stops after the four oldest; [4, 8) reads to the end holding 3; [8, 10) stops once
    # the two newest (the 5th and 6th records) are handed on.
    assert source.passes == 3
    assert source.read == 4 + 10 + 6
    assert source.made == 4 + 4 + 2  # each pass makes only the messages it hands on


def test_a_file_that_changes_between_passes_is_refused() -> None:
    messages = _messages([3, 2, 1])
    ranks = _ranks(messages)
    with pytest.raises(ImportFormatError):
        list(order.in_time_order(ranks, _listed(messages[:2]), _changed, budget=1))
    with pytest.raises(ImportFormatError):  # more records than the first pass, before the last turn
        list(order.in_time_order(ranks[:2], _listed(messages), _changed, budget=1))


HEADER = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"


def _call_log(count: int) -> str:
    """A fictional call log, newest first as the app writes it, with readable dates at +01:00/+02:00."""
    rows = []
    for i in range(count, 0, -1):
        moment = START + timedelta(minutes=7 * i, milliseconds=i)
        local = moment + timedelta(hours=2 if moment >= datetime(2025, 3, 30, 1, tzinfo=UTC) else 1)
        rows.append(
            f'<call number="+3160000000{i % 3}" duration="{i}" date="{int(moment.timestamp() * 1000)}" '
            f'type="{1 + i % 3}" presentation="1" readable_date="{local:%d-%m-%Y %H:%M:%S}" '
            f'contact_name="{"Anna de Vries" if i % 3 == 1 else "null"}" />\n'
        )
    return HEADER + f'<calls count="{count}">\n' + "".join(rows) + "</calls>\n"


def _mms(i: int, moment: datetime) -> str:
    return (
        f'<mms date="{int(moment.timestamp() * 1000)}" msg_box="1" address="+31600000001" read="1" '
        f'contact_name="Anna de Vries"><parts><part seq="0" ct="text/plain" text="foto {i}" />'
        f'<part seq="1" ct="image/jpeg" cl="IMG_{i % 2}.jpg" data="/9j/4GZpY3Rpb25hbC1qcGVnLW9uZQ==" />'
        f'</parts><addrs><addr address="+31600000001" type="137" /></addrs></mms>\n'
    )


def _sms_backup() -> str:
    """SMS and MMS apart, each in time order (as the app writes them): interleaved in time."""
    rows = [
        f'<sms address="+31600000001" date="{int((START + timedelta(minutes=2 * i)).timestamp() * 1000)}" '
        f'type="{1 + i % 2}" body="bericht {i}" contact_name="Anna de Vries" />\n'
        for i in range(12)
    ]
    rows += [_mms(i, START + timedelta(minutes=2 * i + 1)) for i in range(6)]
    rows.append('<sms address="+31600000002" date="null" type="1" body="zonder datum" />\n')
    return HEADER + f'<smses count="{len(rows)}">\n' + "".join(rows) + "</smses>\n"


def test_read_stream_is_what_storing_uses_and_holds_nothing_yet(tmp_path: Path) -> None:
    path = tmp_path / "calls-20250330.xml"
    path.write_text(_call_log(30), encoding="utf-8")
    parsed = parse(registry.Recognition(path, sms.CALLS_FORMAT, None, forced=True), path)
    assert isinstance(parsed, StreamedExport)
    assert not isinstance(parsed.conversation.messages, tuple | list)
    times = [m.sent_at_utc for m in parsed.conversation.messages]
    assert len(times) == 30 and times == sorted(t for t in times if t is not None)


def test_stored_in_time_order_and_reparse_agrees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = tmp_path / "calls-20250330.xml"
    calls.write_text(_call_log(25), encoding="utf-8")
    backup = tmp_path / "sms-20250330.xml"
    backup.write_text(_sms_backup(), encoding="utf-8")
    # Read in one pass that makes every message (the budget holds them all) ...
    whole = {path.name: sms.read_bytes(path.read_bytes(), path) for path in (calls, backup)}
    # ... and stored with passes that skip most records: the same messages, MMS part names included.
    monkeypatch.setattr(order.in_time_order, "__defaults__", (4,))
    vault, _code = Vault.create(
        tmp_path / "case.ekvault", "correct horse battery", kdf=KdfParams.insecure_fast()
    )
    with vault:
        results = {Path(r.path).name: r for r in add_paths(vault, [calls, backup])}
        for name, result in results.items():
            assert result.error is None and result.recognised_as in (sms.FORMAT, sms.CALLS_FORMAT)
            stored = vault.conversation(result.items[0].id)
            assert stored is not None
            assert stored.conversation.messages == whole[name].conversation.messages
            assert stored.conversation.warnings == whole[name].conversation.warnings
            assert stored.conversation.participants == whole[name].conversation.participants
        sms_item = results[backup.name]
        named = {a.name for m in whole[backup.name].conversation.messages for a in m.attachments}
        assert named == {f.name for f in whole[backup.name].files}
        assert [i.original_name for i in sms_item.items[1:]] == [
            "IMG_0.jpg",
            "IMG_1.jpg",
            "IMG_0 (2).jpg",
            "IMG_1 (2).jpg",
            "IMG_0 (3).jpg",
            "IMG_1 (3).jpg",
        ]
        texts = [m.text for m in whole[backup.name].conversation.messages]
        assert texts[:4] == ["bericht 0", "foto 0", "bericht 1", "foto 1"] and texts[-1] == "zonder datum"
        findings = check_reparse(vault)
        assert {f.name: f.verdict for f in findings} == {
            calls.name: ReparseVerdict.SAME,
            backup.name: ReparseVerdict.SAME,
        }
