"""Every WhatsApp sample under ../shared/samples/whatsapp parses; upstream expectations hold.

Upstream data used as expectations: chat-miner's `target.json` (the messages of each of its
five test exports) and whatstk's `header_format_support.json` (the header layouts that library
reads; each is turned into a small chat here and must parse to the exact times). The other
samples carry their expectations in code upstream, so the facts checked for them are the ones
their file names and SOURCES.md state.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.domain import MessageKind
from evidence_kit.importers import whatsapp


def _files(samples_dir: Path) -> list[Path]:
    return sorted(p for p in (samples_dir / "whatsapp").rglob("*") if p.suffix in (".txt", ".zip"))


# Every sample, with how many messages it holds and how many of them are WhatsApp's own (system)
# lines, counted by hand from the files.
COUNTS = {
    "chat-analytics/2A_5M.txt": (5, 0),
    "chat-analytics/4A_11M.txt": (14, 3),
    "chat-analytics/4A_11M.zip": (14, 3),
    "chat-miner/test_brackets_mmddyy_24hrs.txt": (9, 3),
    "chat-miner/test_ddmmyy_24hrs.txt": (9, 3),
    "chat-miner/test_mmddyy_24hrs.txt": (9, 3),
    "chat-miner/test_mmddyyyy_12hrs.txt": (9, 3),
    "chat-miner/test_yyyymmdd_24hrs.txt": (9, 3),
    "rwhatsapp/sample.txt": (9, 2),
    "whatsapp-chat-parser-website/example_ios_2019_chat.txt": (100, 3),
    "whatsapp-chat-parser-website/example_ios_2024_chat.txt": (52, 4),
    "whatsapp-chat-parser-website/whatsapp-chat-parser-example.zip": (52, 4),
    "whatstk/lorem.txt": (500, 0),
    "whatstk/pokemon.txt": (20, 2),
}


def test_every_sample_is_recognised_and_parses_to_its_exact_message_count(samples_dir: Path) -> None:
    files = _files(samples_dir)
    assert {p.relative_to(samples_dir / "whatsapp").as_posix() for p in files} == set(COUNTS)
    for path in files:
        head = path.read_bytes()[:65536]
        assert whatsapp.sniff(head, path.name), path
        parsed = whatsapp.read(path)
        messages = parsed.conversation.messages
        system = sum(m.kind is MessageKind.SYSTEM for m in messages)
        assert (len(messages), system) == COUNTS[path.relative_to(samples_dir / "whatsapp").as_posix()], path
        assert all(m.sent_at is not None for m in messages), path
        assert not any(dict(m.extra).get("header") for m in messages), path  # no unreadable header
        for warning in parsed.conversation.warnings:
            assert warning.format()


@pytest.mark.parametrize(
    "name",
    [
        "test_brackets_mmddyy_24hrs.txt",
        "test_ddmmyy_24hrs.txt",
        "test_mmddyy_24hrs.txt",
        "test_mmddyyyy_12hrs.txt",
        "test_yyyymmdd_24hrs.txt",
    ],
)
def test_chat_miner_target(samples_dir: Path, name: str) -> None:
    folder = samples_dir / "whatsapp" / "chat-miner"
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    messages = whatsapp.read(folder / name).conversation.messages
    # chat-miner drops system lines (and the "John Doe:." line, which has no ": "), joins the lines
    # of a message with a space and lists newest first.
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
    system = [m.text for m in messages if m.kind is MessageKind.SYSTEM]
    assert system == ["John Doe:.", '+12 345 578 created group "Groupname"', "You were added"]


def test_chat_analytics_samples(samples_dir: Path) -> None:
    folder = samples_dir / "whatsapp" / "chat-analytics"
    two = whatsapp.read(folder / "2A_5M.txt").conversation
    # "2A_5M": two authors, five messages; the last one is earlier than the one before it and
    # stays where the export put it.
    assert [(m.sender, m.text, m.media_omitted) for m in two.messages] == [
        ("A", "Hi", False),
        ("B", "Whats up?", False),
        ("A", "All good", False),
        ("B", "", True),
        ("A", "This message should be reordered", False),
    ]
    assert [m.sent_at for m in two.messages][-2:] == [
        datetime(2021, 1, 1, 12, 3), datetime(2021, 1, 1, 12, 2),
    ]
    # ...and is marked, with a warning naming its line.
    assert [dict(m.extra).get("time_order") for m in two.messages] == [None] * 4 + [
        "earlier than the message before it"
    ]
    late = [(w.code, w.line) for w in two.warnings if w.code == "time_out_of_order"]
    assert late == [("time_out_of_order", 5)]
    for name in ("4A_11M.txt", "4A_11M.zip"):
        four = whatsapp.read(folder / name).conversation
        people = [m for m in four.messages if m.kind is MessageKind.MESSAGE]
        assert len(people) == 11
        assert [m.text for m in four.messages if m.kind is MessageKind.SYSTEM] == [
            "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
            "can read or listen to them. Tap to learn more.",
            'Alice created group "Some cool group chat"',
            "Alice added you",
        ]
        # US m/d/yy, every message on one day: read as 9 December 2020 and reported as ambiguous.
        assert people[0].sent_at == datetime(2020, 12, 9, 23, 55)
        # "created group" (23:16) comes after a line at 23:55: kept in place and marked.
        assert [w.code for w in four.warnings] == ["ambiguous_date_order", "time_out_of_order"]
        assert [i for i, m in enumerate(four.messages) if m.extra] == [1]
        assert people[8].text == "👩🏻\u200d⚖️"


def test_ios_example_zip_with_media(samples_dir: Path) -> None:
    path = samples_dir / "whatsapp" / "whatsapp-chat-parser-website" / "whatsapp-chat-parser-example.zip"
    parsed = whatsapp.read(path)
    assert [(f.name, f.media_type) for f in parsed.files] == [
        ("00000001-PHOTO-2019-06-20-16-00-15.jpg", "image/jpeg"),
        ("00000002-VIDEO-2019-06-20-16-01-42.mp4", "video/mp4"),
        ("00000003-AUDIO-2019-06-20-16-03-55.mp3", "audio/mpeg"),
        ("00000004-whatsapp-chat-parser-example.zip", "application/zip"),
    ]
    assert parsed.missing == ()
    linked = [m.attachment for m in parsed.conversation.messages if m.attachment]
    assert linked == [f.name for f in parsed.files]
    with parsed.files[0].open() as stream:
        assert stream.read(3) == b"\xff\xd8\xff"
    poll = [m for m in parsed.conversation.messages if m.text.startswith("POLL:")]
    assert poll[0].text.splitlines()[:2] == ["POLL:", "When can we meet?"]
    assert parsed.conversation.messages[0].kind is MessageKind.SYSTEM
    assert parsed.conversation.messages[0].sent_at == datetime(2019, 6, 20, 15, 58, 47)


def test_whatstk_samples(samples_dir: Path) -> None:
    folder = samples_dir / "whatsapp" / "whatstk"
    pokemon = whatsapp.read(folder / "pokemon.txt").conversation
    assert pokemon.title == "Pokemon Chat"  # the group, writing the encryption notice on Android
    assert [m.sender for m in pokemon.messages[:3]] == [None, None, "Ash Ketchum"]
    assert pokemon.messages[-1].text == "Wo-bbu-ffet"
    lorem = whatsapp.read(folder / "lorem.txt").conversation
    assert len(lorem.messages) == 500
    phone = [m for m in lorem.messages if m.sender == "+1 123 456 789"]
    assert phone and all(m.sender_id == "+1 123 456 789" for m in phone)


def _line(layout: str, stamp: datetime, second_text: str) -> str:
    values = {
        "%y": str(stamp.year),
        "%m": f"{stamp.month:02d}",
        "%d": f"{stamp.day:02d}",
        "%H": f"{stamp.hour:02d}",
        "%I": str(stamp.hour % 12 or 12),
        "%M": f"{stamp.minute:02d}",
        "%S": f"{stamp.second:02d}",
        "%p": "PM" if stamp.hour >= 12 else "AM",
        "%name": "Anna de Vries",
    }
    line = layout
    for code in ("%name", "%y", "%m", "%d", "%H", "%I", "%M", "%S", "%p"):
        line = line.replace(code, values[code])
    return f"{line} {second_text}"


def test_whatstk_header_formats(samples_dir: Path) -> None:
    formats = json.loads((samples_dir / "whatsapp" / "whatstk" / "header_format_support.json").read_text())
    assert len(formats) >= 90
    first, second = datetime(2024, 1, 25, 21, 5, 7), datetime(2024, 2, 3, 8, 30, 9)
    for entry in formats:
        layout = entry["format"]
        text = _line(layout, first, "first message") + "\n" + _line(layout, second, "second\nline") + "\n"
        messages = whatsapp.parse_text(text).conversation.messages
        seconds = "%S" in layout
        expected = [
            (first if seconds else first.replace(second=0), "Anna de Vries", "first message"),
            (second if seconds else second.replace(second=0), "Anna de Vries", "second\nline"),
        ]
        assert [(m.sent_at, m.sender, m.text) for m in messages] == expected, layout
