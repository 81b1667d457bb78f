"""Exports that are odd but real: read exactly what they say, flag what is odd, never guess silently.

Dates in other calendars and orders, a date format that changes mid-file, iOS group events under
the group's name, the attachment's own note before it, byte-order and direction marks at a line
start, a header that cannot be read, and messages out of time order (flagged, also in the
dossier). All names and messages are fictional.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.domain import Conversation, MessageKind
from evidence_kit.importers import whatsapp
from evidence_kit.importers.whatsapp import blocks
from evidence_kit.storage.conversation_json import conversation_from_json, conversation_to_json
from tests.dossier import pdf_tools
from tests.dossier.sample_dossier import build_sample

from .whatsapp_fixtures import LRM, NNBSP, RLM


def _parse(text: str, title: str | None = None) -> Conversation:
    return whatsapp.parse_text(text, title=title).conversation


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Vietnamese Android writes the time before the date.
        "21:05, 15/01/2024 - Anna: xin chào\n09:10, 16/01/2024 - Bình: Tin nhắn này đã bị xóa\n",
        # ...and iOS, in brackets.
        "[21:05:00 15/01/2024] Anna: xin chào\n[09:10:00 16/01/2024] Bình: \u200eTin nhắn này đã bị xóa\n",
    ],
)
def test_the_time_before_the_date(text: str) -> None:
    conversation = _parse(text)
    assert [(m.sent_at, m.sender, m.deleted) for m in conversation.messages] == [
        (datetime(2024, 1, 15, 21, 5), "Anna", False),
        (datetime(2024, 1, 16, 9, 10), "Bình", True),
    ]
    assert dict(conversation.extra)["date_order"] == "day/month/year"
    assert dict(conversation.extra)["language"] == "vi"


@pytest.mark.parametrize(
    ("text", "calendar", "day"),
    [
        # Thai phones count years in the Buddhist era: 2567 is 2024.
        ("15/1/2567 21:05 - สมชาย: สวัสดี\n16/1/2567 21:06 - สมหญิง: ok\n", "Buddhist era", "2024-01-15"),
        # iOS with the Buddhist calendar writes "BE" after the year.
        (
            "[3/27/2565 BE, 21:41:35] Dmitri: hello\n[3/28/2565 BE, 09:00:00] Eva: hi\n",
            "Buddhist era",
            "2022-03-27",
        ),
        # iOS with the Japanese calendar writes the era: Reiwa 4 is 2022, Heisei 31 is 2019.
        ("[3/18/R4, 14:56:01] 花子: こんにちは\n[3/19/R4, 08:00:00] 太郎: はい\n", "Japanese era",
         "2022-03-18"),
        ("[4/13/H31, 10:00:00] 花子: こんにちは\n[4/14/H31, 11:00:00] 太郎: はい\n", "Japanese era",
         "2019-04-13"),
    ],
)
def test_other_calendars_are_converted_and_said(text: str, calendar: str, day: str) -> None:
    conversation = _parse(text)
    assert conversation.messages[0].sent_at is not None
    assert conversation.messages[0].sent_at.date().isoformat() == day
    assert dict(conversation.extra)["calendar"] == calendar
    warning = next(w for w in conversation.warnings if w.code == "calendar_converted")
    assert calendar in warning.format() and text.split("\n")[0].strip("[")[:8] in warning.format()


def test_a_date_format_that_changes_mid_file_is_read_line_by_line_and_recorded() -> None:
    text = (
        "15/01/2024, 21:05 - Anna: before the phone's settings changed\n"
        "16/01/2024, 21:06 - Bram: still day first\n"
        f"1/17/24, 9:05{NNBSP}PM - Anna: now month first, 12-hour\n"
        f"1/18/24, 9:07{NNBSP}AM - Bram: and again\n"
    )
    conversation = _parse(text)
    assert [m.sent_at for m in conversation.messages] == [
        datetime(2024, 1, 15, 21, 5),
        datetime(2024, 1, 16, 21, 6),
        datetime(2024, 1, 17, 21, 5),
        datetime(2024, 1, 18, 9, 7),
    ]
    assert [dict(m.extra)["header_format"] for m in conversation.messages] == [
        "day/month/year, 24-hour",
        "day/month/year, 24-hour",
        "month/day/year, 12-hour",
        "month/day/year, 12-hour",
    ]
    assert dict(conversation.extra)["date_formats"] == "day/month/year, 24-hour; month/day/year, 12-hour"
    assert [(w.code, w.line) for w in conversation.warnings] == [("date_format_changed", 3)]


def test_a_quote_of_another_chat_between_messages_stays_text() -> None:
    text = (
        "15/01/2024, 21:05 - Anna: look what she sent\n"
        "[14/01/2024, 10:00:00] Eva: quoted line one\n"
        "[14/01/2024, 10:01:00] Eva: quoted line two\n"
        "15/01/2024, 21:06 - Bram: wow\n"
    )
    conversation = _parse(text)
    assert len(conversation.messages) == 2
    assert conversation.messages[0].text.endswith("[14/01/2024, 10:01:00] Eva: quoted line two")
    assert not conversation.warnings


# ---------------------------------------------------------------------------------------------
# iOS group exports
# ---------------------------------------------------------------------------------------------


def test_ios_group_lines_under_the_groups_name_are_system_events() -> None:
    text = (
        f"[15/01/2024, 21:05:12] Plan B: {LRM}Messages and calls are end-to-end encrypted. No one outside "
        "of this chat, not even WhatsApp, can read or listen to them.\n"
        f"[15/01/2024, 21:05:13] Plan B: {LRM}Anna created group “Plan B”\n"
        f"[15/01/2024, 21:05:14] Plan B: {LRM}Anna added Bram\n"
        "[15/01/2024, 21:06:00] Anna: hoi\n"
        "[15/01/2024, 21:07:00] Bram: hey\n"
    )
    conversation = _parse(text)  # no title from a file name: the group is found by its lines
    assert [(m.sender, m.kind) for m in conversation.messages] == [
        (None, MessageKind.SYSTEM),
        (None, MessageKind.SYSTEM),
        (None, MessageKind.SYSTEM),
        ("Anna", MessageKind.MESSAGE),
        ("Bram", MessageKind.MESSAGE),
    ]
    assert [p.name for p in conversation.participants] == ["Anna", "Bram"]
    assert conversation.title == "Plan B"


def test_a_group_event_alone_is_enough_to_know_the_group() -> None:
    text = f"[15/01/2024, 21:05:14] Plan B: {LRM}Anna added Bram\n[15/01/2024, 21:06:00] Anna: hoi\n"
    conversation = _parse(text)
    assert conversation.messages[0].sender is None and conversation.messages[0].kind is MessageKind.SYSTEM
    # A person who writes words like a group event without WhatsApp's mark is still a person.
    person = _parse("[15/01/2024, 21:05:14] Eva: Anna added Bram\n[15/01/2024, 21:06:00] Anna: hoi\n")
    assert person.messages[0].sender == "Eva"


# ---------------------------------------------------------------------------------------------
# Attachments
# ---------------------------------------------------------------------------------------------


def test_the_attachments_own_note_belongs_to_the_attachment() -> None:
    text = (
        f"[15/01/2024, 21:05:12] Anna: {LRM}document.pdf • 1 page {LRM}<attached: 00000012-document.pdf>\n"
        f"[15/01/2024, 21:05:20] Anna: {LRM}Plan.docx {LRM}<attached: 00000013-Plan.docx>\n"
        f"[15/01/2024, 21:06:00] Bram: look at this {LRM}<attached: 00000014-PHOTO-2024-01-15-21-06-00.jpg>\n"
    )
    messages = _parse(text).messages
    assert [(m.text, m.attachment, dict(m.extra).get("attachment_note")) for m in messages] == [
        ("", "00000012-document.pdf", "document.pdf • 1 page"),
        ("", "00000013-Plan.docx", "Plan.docx"),
        # Words a person typed before a photo stay the message's text.
        ("look at this", "00000014-PHOTO-2024-01-15-21-06-00.jpg", None),
    ]
    android = _parse("15/01/2024, 21:05 - Anna: Report.pdf • 3 pages (file attached)\nthe caption\n").messages
    assert [(m.text, m.attachment, dict(m.extra).get("attachment_note")) for m in android] == [
        ("the caption", "Report.pdf", "Report.pdf • 3 pages"),
    ]


# ---------------------------------------------------------------------------------------------
# Marks at a line start, headers that cannot be read
# ---------------------------------------------------------------------------------------------


def test_a_byte_order_or_direction_mark_never_hides_a_header() -> None:
    ios = (
        "\ufeff[15/01/2024, 21:05:12] Anna: one\n"
        "[\ufeff15/01/2024, 21:05:13] Bram: BOM inside the bracket\n"
        f"[{LRM}15/01/2024, 21:05:14] Anna: mark inside the bracket\n"
        f"{RLM}[15/01/2024, 21:05:15] Bram: mark before the bracket\n"
        "\ufeff[15/01/2024, 21:05:16] Anna: BOM at the start of a later line\n"
    )
    assert [m.text for m in _parse(ios).messages] == [
        "one", "BOM inside the bracket", "mark inside the bracket", "mark before the bracket",
        "BOM at the start of a later line",
    ]
    android = (
        f"15/01/2024, 21:05 - Anna: one\n\ufeff15/01/2024, 21:06 - Bram: two\n"
        f"{LRM}15/01/2024, 21:07 - Anna: 3\n"
    )
    assert [m.sender for m in _parse(android).messages] == ["Anna", "Bram", "Anna"]


@pytest.mark.parametrize("block", [blocks.BLOCK_CHARS, 5])
def test_a_header_that_cannot_be_read_is_kept_as_its_own_message_with_its_line(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blocks, "BLOCK_CHARS", block)
    text = (
        "15/01/2024, 3:20 AM - Anna: first\n"
        "a second line of Anna's\n"
        "15/01/2024, 3:22_AM - Bram: the time is broken\n"
        "and this line belongs to it\n"
        "15/01/2024, 3:25 AM - Anna: next\n"
    )
    conversation = _parse(text)
    assert [(m.sent_at, m.sender, m.text, dict(m.extra).get("header")) for m in conversation.messages] == [
        (datetime(2024, 1, 15, 3, 20), "Anna", "first\na second line of Anna's", None),
        (None, None, "15/01/2024, 3:22_AM - Bram: the time is broken\nand this line belongs to it",
         "unreadable"),
        (datetime(2024, 1, 15, 3, 25), "Anna", "next", None),
    ]
    assert [(w.code, w.line) for w in conversation.warnings] == [("unreadable_header", 3)]
    assert "Line 3 " in conversation.warnings[0].format()


def test_an_impossible_date_in_the_exports_own_shape_keeps_its_own_message() -> None:
    text = (
        "15/01/2024, 21:05 - Anna: one\n31/02/2024, 21:06 - Bram: February 31st\n"
        "15/01/2024, 21:07 - Anna: 3\n"
    )
    conversation = _parse(text)
    assert [(m.sender, m.sent_at is None) for m in conversation.messages] == [
        ("Anna", False), ("Bram", True), ("Anna", False),
    ]
    assert [(w.code, w.line) for w in conversation.warnings] == [("invalid_header_date", 2)]


# ---------------------------------------------------------------------------------------------
# Time order
# ---------------------------------------------------------------------------------------------

OUT_OF_ORDER = (
    "15/01/2024, 21:05 - Anna: one\n"
    "15/01/2024, 21:07 - Bram: two\n"
    "15/01/2024, 21:06 - Anna: pasted in later, one minute earlier\n"
    "14/01/2024, 09:00 - Bram: a day earlier\n"
    "15/01/2024, 21:08 - Anna: back in order\n"
)


def test_a_message_earlier_than_the_one_before_it_is_kept_in_place_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Anna.txt"
    path.write_text(OUT_OF_ORDER, encoding="utf-8")
    conversation = whatsapp.read(path).conversation
    assert [m.text for m in conversation.messages] == [
        "one", "two", "pasted in later, one minute earlier", "a day earlier", "back in order",
    ]
    assert [dict(m.extra).get("time_order") for m in conversation.messages] == [
        None, None, "earlier than the message before it", "earlier than the message before it", None,
    ]
    late = [w for w in conversation.warnings if w.code == "time_out_of_order"]
    assert [(dict(w.params), w.line) for w in late] == [({"count": "2", "line": "3"}, 3)]


def test_the_dossier_shows_the_out_of_order_flag(tmp_path: Path) -> None:
    parsed = _parse(OUT_OF_ORDER)
    # Through storage, as the dossier reads it.
    stored, _links, _missing = conversation_from_json(conversation_to_json(parsed))
    sample = build_sample("en", ())
    chat = next(item for item in sample.items if item.conversation is not None)
    item = dataclasses.replace(chat, conversation=stored)
    pdf = pdf_tools.render(tmp_path / "dossier.pdf", sample.info, [item], sample.events[:1])
    text = " ".join(pdf_tools.pdftotext(pdf).split())
    assert text.count("(time earlier than the message before)") == 2
    assert "21:06 Anna (time earlier than the message before)" in text
