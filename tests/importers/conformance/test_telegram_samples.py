"""Conformance: every Telegram sample under samples_dir parses, and upstream expectations hold.

chat-miner's target.json lists, per message of its two samples, the author, the time (its
parser turns `date_unixtime` into a naive UTC time) and the text. chat-miner joins the pieces
of a `text` list with a space, while Telegram keeps the spaces as plain strings of the list
itself, so we keep the pieces as they are ("Link:https://telegram.org/" for two adjacent
entities) and compare the text with spaces removed. chat-analytics keeps its expectations in
TypeScript beside its samples; the facts checked for DM_2A_7M.json are read off the sample.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from evidence_kit.domain import MessageKind
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import telegram


def _samples(samples_dir: Path) -> list[Path]:
    folder = samples_dir / "telegram"
    return sorted(p for p in folder.rglob("*.json") if p.name != "target.json")


def test_every_sample_parses_without_crashing(samples_dir: Path) -> None:
    paths = _samples(samples_dir)
    assert paths
    for path in paths:
        assert telegram.sniff(path.read_bytes()[:65536], path.name), path
        try:
            exports = telegram.read_all(path)
        except ImportFormatError as exc:  # pragma: no cover - a sample must not fail
            raise AssertionError(f"{path}: {exc}") from exc
        assert all(e.conversation.messages for e in exports), path


def test_chat_miner_target(samples_dir: Path) -> None:
    folder = samples_dir / "telegram" / "chat-miner"
    target = json.loads((folder / "target.json").read_text("utf-8"))
    expected = [
        (
            row["author"],
            datetime.fromisoformat(row["timestamp"]).replace(tzinfo=UTC),
            row["message"].replace(" ", ""),
        )
        for row in target
    ]
    for name in ("test_single_export.json", "test_batch_export.json"):
        (export,) = telegram.read_all(folder / name)
        got = [(m.sender, m.sent_at_utc, m.text.replace(" ", "")) for m in export.conversation.messages]
        assert got == expected, name
        assert [m.text for m in export.conversation.messages] == [
            "Minimal Message",
            "Link:https://telegram.org/",
        ]
    assert telegram.read(folder / "test_batch_export.json").conversation.title == "Chatname"


def test_chat_analytics_dm(samples_dir: Path) -> None:
    export = telegram.read(samples_dir / "telegram" / "chat-analytics" / "DM_2A_7M.json")
    conversation = export.conversation
    assert conversation.title == "Bob"
    assert [(m.message_id, m.sender, m.sender_id, m.kind) for m in conversation.messages] == [
        ("2675", "Bob", "user700000000", MessageKind.SYSTEM),
        ("3644", "Bob", "user700000000", MessageKind.MESSAGE),
        ("3645", "Alice", "user300000000", MessageKind.MESSAGE),
        ("3662", "Bob", "user700000000", MessageKind.MESSAGE),
        ("3663", "Alice", "user300000000", MessageKind.MESSAGE),
        ("3672", "Alice", "user300000000", MessageKind.MESSAGE),
        ("3673", "Alice", "user300000000", MessageKind.MESSAGE),
        ("3674", "Alice", "user300000000", MessageKind.SYSTEM),
    ]
    texts = [m.text for m in conversation.messages]
    assert texts[0] == "Bob joined Telegram"
    assert texts[1] == "https://google.com 👀"  # a list mixing an entity object and a plain string
    assert texts[7] == "Phone call by Alice, 56 seconds (ended: hangup)"
    assert [m.media_omitted for m in conversation.messages] == [False] * 5 + [True, True, False]
    # Some messages carry only `date`, some only `date_unixtime`, one both.
    assert conversation.messages[2].sent_at == datetime(2022, 3, 8, 13, 7, 42)
    assert conversation.messages[2].sent_at_utc is None
    assert conversation.messages[3].sent_at_utc == datetime(2022, 5, 9, 22, 23, 53, tzinfo=UTC)
    assert dict(conversation.messages[3].extra)["wall_time"] == "utc"
    assert conversation.messages[7].sent_at == datetime(2023, 8, 10, 23, 11, 2)
    assert conversation.messages[7].sent_at_utc == datetime(2023, 8, 11, 2, 11, 2, tzinfo=UTC)
    assert conversation.timezone_assumption == telegram.TZ_JSON_MIXED
    assert export.files == () and export.missing == ()
