"""Conformance: every Instagram/Messenger sample under samples_dir parses; upstream expectations hold.

chat-miner's target.json gives author, time (its parser's naive UTC time from `timestamp_ms`)
and text per message in file order, which is newest first; we return oldest first. The
chat-analytics Messenger sample starts with a UTF-8 BOM and carries files, audio, a sticker and
a photo that are not part of the sample, so they are reported missing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import meta


def _samples(samples_dir: Path) -> list[Path]:
    folder = samples_dir / "instagram_messenger"
    return sorted(p for p in folder.rglob("*.json") if p.name != "target.json")


def test_every_sample_parses_without_crashing(samples_dir: Path) -> None:
    paths = _samples(samples_dir)
    assert paths
    for path in paths:
        assert meta.sniff(path.read_bytes()[:65536], path.name), path
        try:
            export = meta.read(path)
        except ImportFormatError as exc:  # pragma: no cover - a sample must not fail
            raise AssertionError(f"{path}: {exc}") from exc
        assert export.conversation.messages, path
        times = [m.sent_at_utc for m in export.conversation.messages]
        assert times == sorted(t for t in times if t is not None), path


def test_chat_miner_target(samples_dir: Path) -> None:
    folder = samples_dir / "instagram_messenger" / "chat-miner"
    target = json.loads((folder / "target.json").read_text("utf-8"))
    expected = [
        (row["author"], datetime.fromisoformat(row["timestamp"]).replace(tzinfo=UTC), row["message"])
        for row in reversed(target)
    ]
    export = meta.read(folder / "test_export.json")
    assert [(m.sender, m.sent_at_utc, m.text) for m in export.conversation.messages] == expected
    assert export.conversation.platform == "meta"  # nothing in the sample says which app it came from
    assert meta.read(folder / "test_export.json", platform="instagram").conversation.platform == "instagram"


def test_chat_analytics_messenger(samples_dir: Path) -> None:
    path = samples_dir / "instagram_messenger" / "chat-analytics" / "messenger_2A_7M.json"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    export = meta.read(path)
    conversation = export.conversation
    assert conversation.platform == "facebook"  # thread_type and ip are Messenger's
    assert conversation.title == "Alice"
    assert [(m.sender, m.text) for m in conversation.messages] == [
        ("Bob", ""),
        ("Bob", ""),
        ("Alice", ""),
        ("Bob", ""),
        ("Bob", "you what"),
        ("Bob", "Whats up!"),
        ("Alice", "Hello"),
    ]
    assert conversation.messages[0].sent_at_utc == datetime(2014, 11, 5, 0, 27, 20, 411000, tzinfo=UTC)
    assert [m.attachment for m in conversation.messages[:4]] == [
        "messages/inbox/alice_aaaaaaaaaa/photos/123123123123123.jpg",
        "messages/stickers_used/123123123123123.png",
        "messages/inbox/alice_aaaaaaaaaa/audio/audioclip11111.mp4",
        "messages/inbox/alice_aaaaaaaaaa/files/blabla.docx",
    ]
    assert dict(conversation.messages[0].extra)["ip"] == "1.1.1.1"
    assert len(export.missing) == 4 and export.files == ()
