"""WhatsApp importer: day/month order, lines, marks and line ends, what is text and what is not."""

from __future__ import annotations

import dataclasses

import pytest

from evidence_kit.domain import Message
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import whatsapp

from .whatsapp_fixtures import (
    LRM,
    NBSP,
    codes,
    row,
    rows,
)

# ---------------------------------------------------------------------------------------------
# Day/month order
# ---------------------------------------------------------------------------------------------


def test_day_month_order_is_decided_by_the_whole_file_not_the_first_lines() -> None:
    lines = [f"{d:02d}/01/2024, 10:{d:02d} - Anna de Vries: line {d}" for d in range(1, 13)]
    lines += [f"{d:02d}/02/2024, 10:00 - Anna de Vries: day {d}" for d in range(1, 12)]
    lines.append("13/02/2024, 10:00 - Bram Jansen: the first field above 12")
    result = rows("\n".join(lines))
    assert result[0] == ("2024-01-01 10:01:00", "Anna de Vries", None, "line 1", "message", "", None)
    assert result[11] == ("2024-01-12 10:12:00", "Anna de Vries", None, "line 12", "message", "", None)
    assert result[-1] == (
        "2024-02-13 10:00:00", "Bram Jansen", None, "the first field above 12", "message", "", None
    )
    assert codes("\n".join(lines)) == []


def test_month_first_is_decided_by_a_second_field_above_12() -> None:
    text = "01/02/2024, 10:00 - Anna de Vries: a\n" * 30 + "01/25/2024, 10:00 - Anna de Vries: b\n"
    assert rows(text)[0][0] == "2024-01-02 10:00:00"
    assert rows(text)[-1][0] == "2024-01-25 10:00:00"


def test_order_from_the_sequence_of_messages() -> None:
    text = (
        "10/01/2024, 10:00 - Anna de Vries: a\n"
        "11/01/2024, 10:00 - Anna de Vries: b\n"
        "01/02/2024, 10:00 - Anna de Vries: c\n"
    )
    assert [r[0] for r in rows(text)] == ["2024-01-10 10:00:00", "2024-01-11 10:00:00", "2024-02-01 10:00:00"]
    warnings = whatsapp.parse_text(text).conversation.warnings
    assert [(w.code, w.format()) for w in warnings] == [
        ("date_order_from_sequence",
         "No date in the export shows whether it is written day/month or month/day; dates were read as "
         "day/month/year because the messages are then in time order."),
    ]


@pytest.mark.parametrize(
    ("text", "first", "order"),
    [
        ("05/06/2024, 10:00 - Anna de Vries: a\n05/06/2024, 10:01 - Anna de Vries: b\n",
         "2024-06-05 10:00:00", "day/month/year"),
        ("5/6/24, 10:00 - Anna de Vries: a\n5/6/24, 10:01 - Anna de Vries: hi\n",
         "2024-05-06 10:00:00", "month/day/year"),
        ("5/6/24, 10:00 AM - Anna de Vries: a\n", "2024-05-06 10:00:00", "month/day/year"),
        ("5/6/24, 10:00 - Anna de Vries: <Medien ausgeschlossen>\n", "2024-06-05 10:00:00", "day/month/year"),
        ("05.06.24, 10:00 - Anna de Vries: a\n", "2024-06-05 10:00:00", "day/month/year"),
    ],
    ids=["padded-british", "unpadded-us", "us-12-hour", "german-markers", "dotted"],
)
def test_ambiguous_order_takes_the_usual_one_and_says_so(text: str, first: str, order: str) -> None:
    conversation = whatsapp.parse_text(text).conversation
    assert row(conversation.messages[0])[0] == first
    ambiguous = [w for w in conversation.warnings if w.code == "ambiguous_date_order"]
    assert len(ambiguous) == 1
    assert dict(ambiguous[0].params)["order"] == order
    assert ambiguous[0].format().startswith(
        "No date in the export shows whether it is written day/month or month/day; dates were read as "
        f"{order}, which is usual for this kind of export. Check one date you know, for example "
    )


def test_year_first_dates() -> None:
    assert rows("2024/01/05, 10:00 - Anna de Vries: a\n[2024-01-05 10:00:01] x: y\n") == [
        ("2024-01-05 10:00:00", "Anna de Vries", None, "a\n[2024-01-05 10:00:01] x: y", "message", "", None),
    ]


# ---------------------------------------------------------------------------------------------
# Lines, marks and line ends
# ---------------------------------------------------------------------------------------------


def test_multi_line_messages_keep_blank_lines_and_quotes_but_never_swallow_a_header() -> None:
    text = (
        "15/01/2024, 21:05 - Anna de Vries: First line\n"
        "\n"
        "   indented third line\n"
        "[15/01/2024, 21:00:00] Bram Jansen: quoted from another chat (iOS shape)\n"
        "15/01/2024 21:00 - Bram Jansen: quoted in another shape (no comma)\n"
        "32/13/2024, 25:61 - Nobody: a header with a date that cannot exist\n"
        "15/01/2024, 21:06 - Bram Jansen: Second message\n"
    )
    conversation = whatsapp.parse_text(text).conversation
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None,
         "First line\n\n   indented third line\n[15/01/2024, 21:00:00] Bram Jansen: quoted from another chat "
         "(iOS shape)\n15/01/2024 21:00 - Bram Jansen: quoted in another shape (no comma)",
         "message", "", None),
        # A header in the export's own shape whose date cannot exist is never merged into the message
        # before it: it keeps its own message, without a time.
        (None, "Nobody", None, "a header with a date that cannot exist", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "Second message", "message", "", None),
    ]
    assert [(w.code, w.line, w.format()) for w in conversation.warnings] == [
        ("invalid_header_date", 6,
         "Line 6 starts a message whose date or time cannot exist; the message is kept without a time."),
    ]


def test_bom_crlf_mixed_line_ends_and_invisible_marks() -> None:
    text = (
        "\ufeff15/01/2024, 21:05 - Anna de Vries: one\r\n"
        "two\n"
        f"{LRM}15/01/2024, 21:06 - {LRM}Bram Jansen{LRM}: {LRM}three {chr(0x2068)}@Anna{chr(0x2069)}\r\n"
        "lone\rcarriage return stays\n"
        f"15/01/2024, 21:07{NBSP}- Anna de Vries: no-break space before the dash is not a header\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "one\ntwo", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None,
         "three @Anna\nlone\rcarriage return stays\n15/01/2024, 21:07\u00a0- Anna de Vries: no-break "
         "space before the dash is not a header", "message", "", None),
    ]


def test_text_keeps_everything_typed(uncommon_text: tuple[str, ...]) -> None:
    lines = [f"15/01/2024, 21:{i:02d} - Anna de Vries: {sample}" for i, sample in enumerate(uncommon_text)]
    result = rows("\n".join(lines) + "\n")
    expected = [whatsapp.strip_marks(sample) for sample in uncommon_text]
    assert [r[3] for r in result] == expected
    assert result[0][3] == "Right-to-left override: evil.exe and back"
    assert "vertical\x0b formfeed\x0c escape\x1b" in result[-1][3]
    assert len(result) == len(uncommon_text)


def test_sender_name_with_colon_in_text_and_empty_text() -> None:
    text = (
        "15/01/2024, 21:05 - Anna de Vries: Note: bring ID\n"
        "15/01/2024, 21:06 - Bram Jansen:\n"
        "continued after an empty first line\n"
        '15/01/2024, 21:07 - Anna de Vries changed the subject from "Plans: old" to "Plans: new"\n'
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "Note: bring ID", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None,
         "continued after an empty first line", "message", "", None),
        ("2024-01-15 21:07:00", None, None,
         'Anna de Vries changed the subject from "Plans: old" to "Plans: new"', "system", "", None),
    ]


def test_preamble_before_the_first_message_is_reported() -> None:
    text = "Some note a tool added\nanother line\n15/01/2024, 21:05 - Anna de Vries: hi\n"
    conversation = whatsapp.parse_text(text).conversation
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "hi", "message", "", None),
    ]
    assert [(w.code, w.format()) for w in conversation.warnings] == [
        ("unparsed_preamble", "Lines 1 to 2 come before the first message and were not read as messages."),
    ]


def test_a_marker_in_the_middle_of_a_text_is_kept_in_place() -> None:
    text = "[15/01/2024, 21:05:12] Anna de Vries: see <attached: 00000001-PHOTO.jpg> above\n"
    assert rows(text) == [
        ("2024-01-15 21:05:12", "Anna de Vries", None,
         "see <attached: 00000001-PHOTO.jpg> above", "message", "", "00000001-PHOTO.jpg"),
    ]


def test_not_whatsapp_at_all() -> None:
    for text in ("", "just some text\nwithout headers\n", "\x00\x01\x02" * 100):
        with pytest.raises(ImportFormatError, match="no WhatsApp message lines were found"):
            whatsapp.parse_text(text, name="x.txt")


def test_messages_made_without_the_constructor_equal_constructed_ones() -> None:
    text = (
        "15/01/2024, 21:05 - Anna de Vries: hi <This message was edited>\n"
        "15/01/2024, 21:06 - Bram Jansen: IMG-1.jpg (file attached)\n"
        "15/01/2024, 21:07 - Bram Jansen added Anna de Vries\n"
    )
    names = [f.name for f in dataclasses.fields(Message)]
    for made in whatsapp.parse_text(text).conversation.messages:
        assert type(made) is Message
        assert sorted(vars(made)) == sorted(names)
        rebuilt = Message(**{name: getattr(made, name) for name in names})
        assert made == rebuilt and hash(made) == hash(rebuilt) and repr(made) == repr(rebuilt)
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.text = "changed"  # type: ignore[misc]
