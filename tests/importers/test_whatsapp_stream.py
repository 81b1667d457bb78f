"""The streaming WhatsApp parser: the same messages as the whole-text parser, bounded state, cut lines.

The whole-text parser the importer had before is kept as an oracle
(`whatsapp_whole_text_oracle.py`). The streaming parser must give exactly its conversation
(every message, participant, warning and fact) for the fixtures, a generated corpus of every
layout and trap, and any generated chat-like text, also when its blocks are made tiny so that
every message, header and line end falls across block boundaries.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings

from evidence_kit.domain import Conversation
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import whatsapp
from evidence_kit.importers.whatsapp import blocks, raw, stream

from .test_chat_text_fuzz import whatsapp_text
from .whatsapp_fixtures import FIXTURES, LRM, NNBSP
from .whatsapp_whole_text_oracle import oracle_parse_text


@contextmanager
def tiny_blocks(size: int) -> Iterator[None]:
    with mock.patch.object(blocks, "BLOCK_CHARS", size):
        yield


# What the rules added since the oracle (issue #13) add to a conversation without changing it:
# marks on messages and notes in the conversation.
ADDED_EXTRA = {"time_order", "attachment_note", "date_formats", "calendar"}
ADDED_WARNINGS = {"time_out_of_order", "calendar_converted"}
# Where these rules apply, messages are cut differently than before: a header whose date cannot
# exist, or that cannot be read, starts its own message; a second header format is read.
CHANGED_RULES = {"invalid_header_date", "unreadable_header", "date_format_changed"}


def _without_additions(conversation: Conversation) -> Conversation:
    messages = tuple(
        replace(m, extra=tuple(e for e in m.extra if e[0] not in ADDED_EXTRA)) for m in conversation.messages
    )
    return replace(
        conversation,
        messages=messages,
        warnings=tuple(w for w in conversation.warnings if w.code not in ADDED_WARNINGS),
        extra=tuple(e for e in conversation.extra if e[0] not in ADDED_EXTRA),
    )


def both(text: str) -> tuple[Conversation | None, Conversation | None]:
    """(expected, streaming) conversation of `text`; None where the parser found no message.

    Expected is the oracle's, where the oracle's rules are still the rules; where the rules added
    since apply, it is the stream's own in one block of the whole text (so tiny blocks must still
    give exactly it), and those rules are tested in `test_whatsapp_text.py`.
    """
    try:
        found: Conversation | None = whatsapp.parse_text(text).conversation
    except ImportFormatError:
        found = None
    if found is not None and any(w.code in CHANGED_RULES for w in found.warnings):
        with tiny_blocks(1 << 30):
            return whatsapp.parse_text(text).conversation, found
    try:
        expected: Conversation | None = oracle_parse_text(text).conversation
    except ImportFormatError:
        expected = None
    return expected, None if found is None else _without_additions(found)


def corpus(rng: random.Random, messages: int) -> str:
    """A fictional export with the traps the parser decides over the whole file."""
    names = ["Anna de Vries", "+31 6 12345678", "Bram", "Chloé 🌷"]
    android = "{d:02d}/{m:02d}/2024, {h:02d}:{mi:02d} - "
    lines = ["This line comes before the first message", ""]
    day, month = 1, 1
    for index in range(messages):
        if rng.random() < 0.05:
            day, month = (day % 28) + 1, (month % 12) + 1 if day == 28 else month
        header = android.format(d=day, m=month, h=rng.randint(0, 23), mi=rng.randint(0, 59))
        roll = rng.random()
        if roll < 0.05:
            lines.append(f"{header}{rng.choice(names)}: <Media omitted>")
        elif roll < 0.08:
            lines.append(
                f"{header}{rng.choice(names)}: IMG-2024010{index % 9}-WA{index:04d}.jpg (file attached)"
            )
        elif roll < 0.10:
            lines.append(f"{header}Bram added Anna")  # a system line
        elif roll < 0.12:
            # (A date that cannot exist now starts a message of its own: test_whatsapp_text.py.)
            lines.append(f"{header}Pasted: a date that does exist {index}")
        elif roll < 0.14:
            lines.append(f"[{day:02d}/{month:02d}/2024, 10:00:00] Quoted: another shape {index}")
        elif roll < 0.20:
            lines.append(f"{header}{rng.choice(names)}: first line\n\nthird line {index}\n  indented")
        elif roll < 0.22:
            lines.append(f"{header}{rng.choice(names)}: {LRM}This message was deleted")
        else:
            lines.append(f"{header}{rng.choice(names)}: message {index} {'x' * rng.randint(0, 90)}")
    return "\r\n".join(lines[:3]) + "\n" + "\n".join(lines[3:]) + "\n\n"


IOS_GROUP = (
    "\ufeff[15/01/2024, 21:05:12] Plan B: \u200eMessages and calls are end-to-end encrypted.\n"
    "[15/01/2024, 21:05:13] Plan B: \u200eAnna created group “Plan B”\n"
    "[15/01/2024, 21:06:00] Anna de Vries: hoi\n"
    "[15/01/2024, 21:07:00] Bram: \u200eimage omitted\n"
    "[16/01/2024, 9:07:00\u202fPM] Bram: other clock\n"
    "[16/01/2024, 21:08:00] Anna de Vries: \u200e<attached: 00000012-PHOTO-2024-01-16.jpg>\n"
)


def texts() -> list[tuple[str, str]]:
    found = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]
    found.append(("corpus", corpus(random.Random(5), 3000)))
    found.append(("ios group", IOS_GROUP))
    found.append(("ambiguous", f"01/02/2024, 10:00 - A: x\n01/03/2024, 10{NNBSP}00 - B: y\n"))
    found.append(
        ("order from sequence", "01/02/2024, 10:00 - A: x\n02/02/2024, 10:00 - B: y\n03/02/2024, 1:00 - A: z")
    )
    return found


@pytest.mark.parametrize("block", [blocks.BLOCK_CHARS, 1, 7, 64])
def test_the_stream_gives_what_the_whole_text_parser_gave(block: int) -> None:
    for name, text in texts():
        expected, _ = both(text)
        with tiny_blocks(block):
            _, found = both(text)
        assert expected is not None, name
        assert found == expected, name


def test_a_large_generated_chat_crosses_blocks_identically() -> None:
    text = corpus(random.Random(11), 40_000)  # about 3 MiB: several real blocks
    assert len(text) > 2 * blocks.BLOCK_CHARS
    expected, found = both(text)
    assert expected is not None and found == expected
    assert len(found.messages) > 30_000


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(whatsapp_text())
def test_any_chat_like_text_parses_as_before_even_in_tiny_blocks(text: str) -> None:
    expected, found = both(text)
    assert found == expected
    with tiny_blocks(3):
        assert both(text)[1] == expected


def test_reading_a_file_streams_the_same_messages(tmp_path: Path) -> None:
    text = corpus(random.Random(3), 2000)
    path = tmp_path / "WhatsApp Chat with Anna de Vries.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8") + b"\xff tail\n")
    streamed = whatsapp.read_stream(path).conversation
    messages = iter(streamed.messages)
    assert not isinstance(streamed.messages, tuple)  # read when iterated, not held
    expected = oracle_parse_text(text + "\ufffd tail\n", title="Anna de Vries").conversation
    without = tuple(replace(m, extra=tuple(e for e in m.extra if e[0] not in ADDED_EXTRA)) for m in messages)
    assert without == expected.messages
    assert streamed.participants == expected.participants
    assert [w.code for w in streamed.warnings][:2] == ["invalid_utf8", "attachments_missing"]
    assert dict(streamed.warnings[0].params) == {"count": "1"}


def test_warnings_stay_bounded_however_many_lines_are_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks, "MAX_LINE_CHARS", 40)
    monkeypatch.setattr(blocks, "BLOCK_CHARS", 16)
    monkeypatch.setattr(raw, "MAX_MESSAGE_CHARS", 400)
    lines = []
    for index in range(300):
        lines.append(f"15/01/2024, 10:00 - Anna: short {index}")
        lines.append("y" * 100)  # a line over 40 characters: cut
        if index % 3 == 0:
            lines.extend(["z" * 39] * 12)  # a message over 400 characters: cut
    conversation = whatsapp.parse_text("\n".join(lines) + "\n").conversation
    cut = [w for w in conversation.warnings if w.code in ("long_line_cut", "long_message_cut")]
    more = [w for w in conversation.warnings if w.code == "long_text_cut"]
    assert len(cut) == stream.MAX_LINE_WARNINGS
    assert cut[0].format() == (
        "Line 2 is 100 characters long; only its first 40 characters are shown. "
        "The original file is stored unchanged."
    )
    assert [dict(w.params) for w in more] == [{"count": str(300 + 100 - stream.MAX_LINE_WARNINGS)}]
    assert len(conversation.messages) == 300
    assert conversation.messages[1].text == "short 1\n" + "y" * 40
    assert all(len(m.text) <= 400 for m in conversation.messages)


def test_a_line_longer_than_the_limit_is_cut_and_reading_continues(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks, "MAX_LINE_CHARS", 50)
    monkeypatch.setattr(blocks, "BLOCK_CHARS", 8)
    long = "15/01/2024, 10:00 - Anna: " + "é" * 200
    text = f"{long}\r\n15/01/2024, 10:01 - Bram: next\n" + "q" * 77
    found = blocks.Decoded()
    joined = "".join(blocks.line_blocks(io.StringIO(text), found))
    assert joined == long[:50] + "\n15/01/2024, 10:01 - Bram: next\n" + "q" * 50
    assert [(c.line, c.length) for c in found.cut_lines] == [(1, len(long) + 1), (3, 77)]


def _streamed_both_ways(text: str) -> tuple[Conversation | None, Conversation | None]:
    """(re-read in a last pass, made from the first pass's reading) conversations of `text`."""
    from evidence_kit.importers.whatsapp.stream import parse_stream

    results: list[Conversation | None] = []
    for keep in (False, True):
        try:
            chat = parse_stream(
                lambda found: blocks.line_blocks(io.StringIO(text), found, boms=1), title="Anna", keep=keep
            )
        except ImportFormatError:
            results.append(None)
            continue
        results.append(chat.conversation.read_whole())
    return results[0], results[1]


@pytest.mark.parametrize("block", [blocks.BLOCK_CHARS, 5])
def test_keeping_the_first_reading_gives_exactly_what_reading_again_gives(block: int) -> None:
    """`read` and `parse_text` keep the first pass's reading instead of a last pass over the file;
    every fixture, the generated corpus and the odd cases (mixed formats, iOS groups, unreadable
    headers, impossible dates) come out the same either way."""
    checked = 0
    with tiny_blocks(block):
        for name, text in [*texts(), ("mixed", MIXED_FORMATS), ("unreadable", UNREADABLE_HEADERS)]:
            again, kept = _streamed_both_ways(text)
            assert kept == again, name
            checked += again is not None
    assert checked == len(texts()) + 2  # every text has messages


MIXED_FORMATS = (
    "15/01/2024, 21:05 - Anna: before the change\n15/01/2024, 21:06 - Bram: again\n"
    "[1/16/24, 9:07:00 PM] Anna: after the change\n[1/16/24, 9:08:00 PM] Bram: and after\n"
)
UNREADABLE_HEADERS = (
    "15/01/2024, 21:05 - Anna: first\n15/01/2024, 3:22_AM - Bram: broken header\n"
    "15/01/2024, 21:07 - Anna: 31/02/2024, 10:00 - quoted\n32/01/2024, 21:08 - Bram: impossible\n"
)
