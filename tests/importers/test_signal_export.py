"""signal-export's Markdown chats: exact expected messages, attachments from the chat's folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.domain import Message
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import signal_export, whatsapp

FIXTURE = Path(__file__).parent / "fixtures" / "signal" / "Anna de Vries"

Row = tuple[
    str | None, str | None, str | None, str, str, bool, str | None,
    tuple[str, ...], tuple[tuple[str, str], ...],
]


def row(message: Message) -> Row:
    return (
        message.sent_at.isoformat(sep=" ") if message.sent_at else None,
        message.sender,
        message.sender_id,
        message.text,
        message.kind.value,
        message.deleted,
        message.reply_to,
        tuple(a.name for a in message.attachments),
        message.extra,
    )


def test_old_format_from_the_tool_readme() -> None:
    text = (
        "[2019-05-29, 15:04] Me: How is everyone?\n"
        "[2019-05-29, 15:10] Aya: We're great!\n"
        "[2019-05-29, 15:20] Jim: I'm not.\n"
        "Really not.\n"
    )
    conversation, referenced = signal_export.parse_text(text)
    assert [row(m) for m in conversation.messages] == [
        ("2019-05-29 15:04:00", "Me", None, "How is everyone?", "message", False, None, (), ()),
        ("2019-05-29 15:10:00", "Aya", None, "We're great!", "message", False, None, (), ()),
        ("2019-05-29 15:20:00", "Jim", None, "I'm not.\nReally not.", "message", False, None, (), ()),
    ]
    assert referenced == ()
    assert conversation.platform == "signal"
    assert conversation.timezone_assumption == signal_export.TIMEZONE_ASSUMPTION
    assert [p.name for p in conversation.participants] == ["Me", "Aya", "Jim"]


def test_new_format_folder_with_quote_reactions_media_deletion_and_calls(tmp_path: Path) -> None:
    folder = tmp_path / "Anna de Vries"
    (folder / "media").mkdir(parents=True)
    photo = b"\xff\xd8\xff\xe0fictional photo"
    (folder / "media" / "2024-01-15T21-07-30.000_00_IMG_0001.jpg").write_bytes(photo)
    (folder / "chat.md").write_bytes((FIXTURE / "chat.md").read_bytes())
    assert signal_export.sniff_dir(folder)
    parsed = signal_export.read(folder)
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:12", "Anna de Vries", None,
         "Are you coming tonight?", "message", False, None, (), ()),
        ("2024-01-15 21:06:00", "Me", None,
         "No, I am staying home", "message", False, "Are you coming tonight?",
         (), (("reactions", "Anna de Vries: 👍"),)),
        ("2024-01-15 21:07:30", "Anna de Vries", None, "Look at this", "message", False, None,
         ("media/2024-01-15T21-07-30.000_00_IMG_0001.jpg",), ()),
        ("2024-01-15 21:08:00", "Anna de Vries", None, "", "message", True, None, (), ()),
        ("2024-01-15 21:09:00", "Anna de Vries", None, "Missed voice call", "system", False, None, (), ()),
        ("2024-01-16 08:00:00", "+31 6 00000000", "+31 6 00000000",
         "First line\nsecond line\n[2023-12-31 10:00] someone: quoted old-style line", "message", False, None,
         (), ()),
    ]
    assert parsed.conversation.title == "Anna de Vries"
    assert [(f.name, f.size, f.media_type) for f in parsed.files] == [
        ("media/2024-01-15T21-07-30.000_00_IMG_0001.jpg", len(photo), "image/jpeg"),
    ]
    with parsed.files[0].open() as stream:
        assert stream.read() == photo
    assert parsed.missing == ()
    assert parsed.conversation.warnings == ()


def test_reading_the_chat_md_file_alone_finds_media_beside_it_and_reports_the_rest(tmp_path: Path) -> None:
    chat = tmp_path / "chat.md"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "voice note.m4a").write_bytes(b"m4a")
    outside = tmp_path.parent / "outside-secret.txt"
    outside.write_text("must never be read", encoding="utf-8")
    chat.write_text(
        "[2024-01-15 21:05:12] Me: two files  [voice note.m4a](./media/voice%20note.m4a)  "
        "[gone.pdf](./media/gone.pdf)  \n\n"
        "[2024-01-15 21:06:00] Me: escape  [x](../outside-secret.txt)  \n\n"
        "[2024-01-15 21:07:00] Me: a web link stays text [site](https://example.com/a)  \n",
        encoding="utf-8",
    )
    parsed = signal_export.read(chat)
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:12", "Me", None, "two files", "message", False, None,
         ("media/voice note.m4a", "media/gone.pdf"), ()),
        ("2024-01-15 21:06:00", "Me", None, "escape", "message", False, None, ("../outside-secret.txt",), ()),
        ("2024-01-15 21:07:00", "Me", None, "a web link stays text [site](https://example.com/a)", "message",
         False, None, (), ()),
    ]
    assert [f.name for f in parsed.files] == ["media/voice note.m4a"]
    assert parsed.missing == ("media/gone.pdf", "../outside-secret.txt")
    assert [(w.code, w.format()) for w in parsed.conversation.warnings] == [
        ("attachments_missing",
         "2 files the messages refer to are not in the export: media/gone.pdf, ../outside-secret.txt."),
    ]


def test_symlinked_media_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    folder = tmp_path / "chat"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "link.jpg").symlink_to(secret)
    (folder / "chat.md").write_text(
        "[2024-01-15 21:05:12] Me: x  ![link.jpg](./media/link.jpg)  \n", "utf-8"
    )
    parsed = signal_export.read(folder)
    assert parsed.files == ()
    assert parsed.missing == ("media/link.jpg",)


def test_sticker_and_bidi_marks() -> None:
    text = "[2024-01-15 21:05:12] \u2068Anna de Vries\u2069: \u200eHi \u202eevil\u202c  \n(( 😀 ))\n"
    conversation, _ = signal_export.parse_text(text)
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:05:12", "Anna de Vries", None,
         "Hi evil", "message", False, None, (), (("sticker", "😀"),)),
    ]


def test_text_keeps_everything_typed(uncommon_text: tuple[str, ...]) -> None:
    text = "".join(f"[2024-01-15 21:{i:02d}:00] Me: {sample}  \n\n" for i, sample in enumerate(uncommon_text))
    conversation, _ = signal_export.parse_text(text)
    assert [m.text for m in conversation.messages] == [whatsapp.strip_marks(s) for s in uncommon_text]


def test_invalid_dates_and_preamble_are_reported() -> None:
    text = "# Chat\n[2024-01-15 21:05:12] Me: hi\n[2024-02-30 10:00:00] Me: no such day\n"
    conversation, _ = signal_export.parse_text(text)
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:05:12", "Me", None,
         "hi\n[2024-02-30 10:00:00] Me: no such day", "message", False, None, (), ()),
    ]
    assert [(w.code, w.line) for w in conversation.warnings] == [
        ("unparsed_preamble", 1), ("invalid_header_date", 3),
    ]


def test_not_signal() -> None:
    with pytest.raises(ImportFormatError, match="no signal-export message lines were found"):
        signal_export.parse_text("15/01/2024, 21:05 - Anna: WhatsApp, not Signal\n")


def test_sniff_tells_signal_export_from_whatsapp() -> None:
    assert signal_export.sniff(b"[2019-05-29, 15:04] Me: How is everyone?\n", "chat.md")
    assert signal_export.sniff(b"[2019-05-29, 15:04] Me: renamed\n", "notes.txt")
    assert signal_export.sniff((FIXTURE / "chat.md").read_bytes(), "renamed.dat")
    # A WhatsApp iOS export with year-first dates has seconds and no two-space line ends.
    ios_swedish = b"[2024-01-15 21:05:12] Anna de Vries: Hej\n[2024-01-15 21:06:00] Bram: Hej hej\n"
    assert not signal_export.sniff(ios_swedish, "_chat.txt")
    assert whatsapp.sniff(ios_swedish, "_chat.txt")
    assert not signal_export.sniff(b"15/01/2024, 21:05 - Anna: hi\n", "chat.md")
    assert not signal_export.sniff(b"\x89PNG\r\n\x1a\n" + bytes(100), "chat.md")
    assert not signal_export.sniff_dir(Path("/nonexistent/folder"))


def test_missing_chat_md(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"the folder holds no chat\.md"):
        signal_export.read(tmp_path)


def test_help_text_explains_there_is_no_official_export() -> None:
    help_text = signal_export.NO_OFFICIAL_EXPORT_HELP
    assert help_text.startswith("Signal has no official way to export a chat.")
    assert "signal-export" in help_text and "sigexport" in help_text and "chat.md" in help_text
    assert "\n" not in help_text


def test_times_are_naive_wall_times() -> None:
    conversation, _ = signal_export.parse_text("[2024-03-31 02:30:00] Me: in a DST gap somewhere\n")
    assert conversation.messages[0].sent_at == datetime(2024, 3, 31, 2, 30)
    assert conversation.messages[0].sent_at_utc is None
