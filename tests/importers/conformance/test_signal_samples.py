"""Every signal-export sample under ../shared/samples/signal parses; chat-miner's target holds."""

from __future__ import annotations

import json
from pathlib import Path

from evidence_kit.domain import MessageKind
from evidence_kit.importers import signal_export, whatsapp


def test_every_sample_is_recognised_and_parses(samples_dir: Path) -> None:
    files = sorted(
        p for p in (samples_dir / "signal").rglob("*")
        if p.suffix in (".txt", ".md") and p.name not in ("SOURCES.md", "README.md")
    )
    assert files
    for path in files:
        head = path.read_bytes()[:65536]
        assert signal_export.sniff(head, path.name), path
        assert not whatsapp.sniff(head, path.name), path
        parsed = signal_export.read(path)
        assert parsed.conversation.messages, path


def test_chat_miner_target(samples_dir: Path) -> None:
    folder = samples_dir / "signal" / "chat-miner"
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    messages = signal_export.read(folder / "test_export.txt").conversation.messages
    # chat-miner joins the lines of a message with a space and lists newest first.
    ours = [
        {
            "timestamp": m.sent_at.isoformat() if m.sent_at else None,
            "author": m.sender,
            "message": " ".join(m.text.split("\n")),
        }
        for m in reversed(messages)
        if m.kind is MessageKind.MESSAGE
    ]
    assert ours == target
    assert [m.text for m in messages] == ["Hello John!", "Hello\nJane!"]
