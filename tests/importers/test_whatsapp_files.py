"""WhatsApp importer: .txt and .zip files, bad and huge files, recognition, the fixtures exactly."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import whatsapp
from evidence_kit.importers.archive import ArchiveBombError
from evidence_kit.importers.whatsapp.blocks import MAX_LINE_CHARS
from evidence_kit.importers.whatsapp.stream import MAX_MESSAGE_CHARS

from .whatsapp_fixtures import (
    FIXTURES,
    LRM,
    NBSP,
    row,
    rows,
)

# ---------------------------------------------------------------------------------------------
# Files: .txt and .zip
# ---------------------------------------------------------------------------------------------


def test_read_txt_file_with_title_from_the_file_name_and_missing_media(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Anna de Vries (1).txt"
    path.write_text(
        "15/01/2024, 21:05 - Anna de Vries: IMG-20240115-WA0001.jpg (file attached)\n", encoding="utf-8"
    )
    parsed = whatsapp.read(path)
    assert parsed.conversation.title == "Anna de Vries"
    assert parsed.files == ()
    assert parsed.missing == ("IMG-20240115-WA0001.jpg",)
    assert [w.format() for w in parsed.conversation.warnings] == [
        "1 files the messages refer to are not in the export: IMG-20240115-WA0001.jpg.",
    ]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 16, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def test_read_ios_zip_links_media_and_reports_missing(tmp_path: Path) -> None:
    chat = (
        f"[15/01/2024, 21:05:12] Anna de Vries: {LRM}<attached: 00000001-PHOTO-2024-01-15-21-05-12.jpg>\r\n"
        f"[15/01/2024, 21:05:20] Anna de Vries: {LRM}<attached: 00000002-AUDIO-2024-01-15-21-05-20.opus>\r\n"
        "[15/01/2024, 21:06:00] Bram Jansen: Nice\r\n"
    ).encode()
    photo = b"\xff\xd8\xff\xe0fictional jpeg bytes"
    path = tmp_path / "WhatsApp Chat - Book Club.zip"
    path.write_bytes(
        _zip({
            "_chat.txt": chat,
            "00000001-PHOTO-2024-01-15-21-05-12.jpg": photo,
            "__MACOSX/._00000001-PHOTO-2024-01-15-21-05-12.jpg": b"apple double",
            "extra-unreferenced.txt": b"not a chat",
        })
    )
    assert whatsapp.sniff(path.read_bytes()[:65536], path.name)
    parsed = whatsapp.read(path)
    assert parsed.conversation.title == "Book Club"
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:12", "Anna de Vries", None,
         "", "message", "", "00000001-PHOTO-2024-01-15-21-05-12.jpg"),
        ("2024-01-15 21:05:20", "Anna de Vries", None,
         "", "message", "", "00000002-AUDIO-2024-01-15-21-05-20.opus"),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "Nice", "message", "", None),
    ]
    assert [(f.name, f.size, f.media_type) for f in parsed.files] == [
        ("00000001-PHOTO-2024-01-15-21-05-12.jpg", len(photo), "image/jpeg"),
        ("extra-unreferenced.txt", 10, "text/plain"),
    ]
    with parsed.files[0].open() as stream:
        assert stream.read() == photo
    modified = parsed.files[0].modified
    assert modified is not None and modified.local == datetime(2024, 1, 16, 10, 0, 0)
    assert modified.source.value == "file_metadata" and modified.utc is None
    with parsed.files[0].open() as again:
        assert again.read(4) == photo[:4]
    assert parsed.missing == ("00000002-AUDIO-2024-01-15-21-05-20.opus",)
    assert [w.code for w in parsed.conversation.warnings] == ["attachments_missing"]
    assert dict(parsed.conversation.extra)["chat_file"] == "_chat.txt"
    assert parsed.conversation.messages[0].attachments[0].media_type == "image/jpeg"


def test_read_android_zip_finds_the_named_chat_text(tmp_path: Path) -> None:
    chat = "15-01-2024 21:05 - Anna de Vries: IMG-20240115-WA0001.jpg (bestand bijgevoegd)\nFoto\n"
    path = tmp_path / "export.zip"
    path.write_bytes(
        _zip({
            "IMG-20240115-WA0001.jpg": b"jpeg",
            "WhatsApp-chat met Anna de Vries.txt": chat.encode("utf-8"),
        })
    )
    parsed = whatsapp.read(path)
    assert parsed.conversation.title == "Anna de Vries"
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "Foto", "message", "", "IMG-20240115-WA0001.jpg"),
    ]
    assert [f.name for f in parsed.files] == ["IMG-20240115-WA0001.jpg"]
    assert parsed.missing == ()


def test_zip_with_traversal_names_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "crafted.zip"
    chat = b"[15/01/2024, 21:05:12] Anna de Vries: hi\n"
    path.write_bytes(_zip({"_chat.txt": chat, "../../evil.jpg": b"x"}))
    parsed = whatsapp.read(path)
    assert [f.name for f in parsed.files] == ["../../evil.jpg"]
    assert [w.code for w in parsed.conversation.warnings] == ["archive_unsafe_name"]
    assert not (tmp_path.parent.parent / "evil.jpg").exists()


def test_zip_without_chat_and_zip_bomb_are_typed_errors(tmp_path: Path) -> None:
    no_chat = tmp_path / "photos.zip"
    no_chat.write_bytes(_zip({"IMG-1.jpg": b"jpeg"}))
    with pytest.raises(ImportFormatError, match="the zip holds no WhatsApp chat text"):
        whatsapp.read(no_chat)
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip({"_chat.txt": b"\0" * (32 * 1024 * 1024)}))
    started = time.perf_counter()
    with pytest.raises(ArchiveBombError):
        whatsapp.read(bomb)
    assert time.perf_counter() - started < 2.0
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(_zip({"_chat.txt": b"[15/01/2024, 21:05:12] A: hi\n" * 100})[:-40])
    with pytest.raises(ImportFormatError, match="damaged or truncated"):
        whatsapp.read(truncated)


def test_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ImportFormatError):
        whatsapp.read(empty)
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ImportFormatError):
        whatsapp.read(garbage)
    with pytest.raises(ImportFormatError, match="a folder is not a WhatsApp export"):
        whatsapp.read(tmp_path)


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"15/01/2024, 21:05 - Anna de Vries: caf\xe9 \xff\xfe ok\n")
    parsed = whatsapp.read(path)
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "caf\ufffd \ufffd\ufffd ok", "message", "", None),
    ]
    assert [(w.code, w.format()) for w in parsed.conversation.warnings] == [
        ("invalid_utf8", "The chat text is not valid UTF-8: 3 unreadable bytes were shown as U+FFFD."),
    ]


def test_utf16_export_resaved_by_another_tool(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes("15/01/2024, 21:05 - Anna de Vries: hoi\n".encode("utf-16"))
    assert [row(m) for m in whatsapp.read(path).conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "hoi", "message", "", None),
    ]


def test_a_50_mib_single_line(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    body = "x" * (50 * 1024 * 1024)
    path.write_text(f"15/01/2024, 21:05 - Anna de Vries: {body}\n", encoding="ascii")
    started = time.perf_counter()
    conversation = whatsapp.read(path).conversation
    assert time.perf_counter() - started < 10
    # The line is cut for display to its first MAX_LINE_CHARS characters (header included), with a
    # warning giving its real length; the file itself is never changed by reading it.
    line = len("15/01/2024, 21:05 - Anna de Vries: ") + len(body)
    kept = MAX_LINE_CHARS - len("15/01/2024, 21:05 - Anna de Vries: ")
    assert [len(m.text) for m in conversation.messages] == [kept]
    assert conversation.messages[0].text == body[:kept]
    cut = [w for w in conversation.warnings if w.code == "long_line_cut"]
    assert [dict(w.params) for w in cut] == [{"line": "1", "length": str(line), "limit": str(MAX_LINE_CHARS)}]
    headless = tmp_path / "headless.txt"
    headless.write_text(body, encoding="ascii")
    with pytest.raises(ImportFormatError):
        whatsapp.read(headless)


def test_many_lookalike_lines_stay_linear_and_warnings_are_counted() -> None:
    impossible = "\n".join(f"32/01/2024, 10:{i % 60:02d} - X: {i}" for i in range(10_000))
    quotes = "\n".join(f"[15/01/2024, 10:00:{i % 60:02d}] Y: {i} {'x' * 120}" for i in range(9_000))
    # The quotes (another header shape) come between messages of the export's own shape: text.
    end = "15/01/2024, 21:06 - Bram: end\n"
    text = f"15/01/2024, 21:05 - Anna de Vries: start\n{quotes}\n{impossible}\n{end}"
    started = time.perf_counter()
    conversation = whatsapp.parse_text(text).conversation
    assert time.perf_counter() - started < 5
    # Each header of the export's own shape with a date that cannot exist keeps its own message.
    assert len(conversation.messages) == 1 + 10_000 + 1
    assert conversation.messages[1].sent_at is None and conversation.messages[1].sender == "X"
    # Over 1 MiB of quoted text in one message: it is shown cut to MAX_MESSAGE_CHARS, with a warning.
    raw = "Anna de Vries: " + f"start\n{quotes}"  # the message as written after its header
    assert conversation.messages[0].text == raw[:MAX_MESSAGE_CHARS].removeprefix("Anna de Vries: ")
    codes = [w.code for w in conversation.warnings]
    assert codes == ["invalid_header_date"] * 21 + ["long_message_cut"]
    assert dict(conversation.warnings[-1].params) == {
        "line": "1",
        "length": str(len(raw)),
        "limit": str(MAX_MESSAGE_CHARS),
    }
    assert conversation.warnings[0].format() == (
        "Line 9002 starts a message whose date or time cannot exist; the message is kept without a time."
    )
    assert conversation.warnings[-2].format() == (
        "9980 more lines start a message whose date or time cannot exist; those messages are kept without "
        "a time."
    )


def test_a_long_run_of_marks_cannot_slow_the_header_down() -> None:
    marks = LRM * 200_000
    started = time.perf_counter()
    assert rows(f"15/01/2024, 21:05{marks} - Anna: x\n{marks}\n") == [
        ("2024-01-15 21:05:00", "Anna", None, "x\n", "message", "", None),
    ]
    with pytest.raises(ImportFormatError):
        whatsapp.parse_text(f"15/01/2024, 21:05{marks}{NBSP}{marks}x\n{marks}[15/01/2024{marks}\n")
    assert time.perf_counter() - started < 2.0


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------


def test_sniff_decides_by_content() -> None:
    android = b"15/01/2024, 21:05 - Anna de Vries: hi\n"
    assert whatsapp.sniff(android, "renamed.dat")
    assert whatsapp.sniff(b"\xef\xbb\xbf[15/01/2024, 21:05:12] Anna de Vries: hi\r\n", "_chat.txt")
    assert not whatsapp.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "chat.txt")
    assert not whatsapp.sniff(b"Hello, this is a letter.\nRegards\n", "WhatsApp Chat with Anna.txt")
    assert not whatsapp.sniff(b"[2019-05-29, 15:04] Me: How is everyone?\n", "chat.md")  # signal-export
    assert not whatsapp.sniff(b"", "empty.txt")
    zipped = _zip({"_chat.txt": android})
    assert whatsapp.sniff(zipped[:65536], "anything.bin")
    assert not whatsapp.sniff(_zip({"report.docx": b"PK"})[:65536], "report.zip")


def test_fixture_files_parse_exactly() -> None:
    parsed = whatsapp.read(FIXTURES / "WhatsApp Chat with Anna de Vries.txt")
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2023-12-31 23:59:00", None, None,
         "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
         "can read or listen to them. Tap to learn more.", "system", "", None),
        ("2024-01-01 00:01:00", "Anna de Vries", None, "Happy new year 🎉🎆", "message", "", None),
        ("2024-01-01 00:02:00", "+31 6 00000000", "+31 6 00000000",
         "Who gave you this number?\n\nStop writing to me.", "message", "", None),
        ("2024-01-01 00:03:00", "+31 6 00000000", "+31 6 00000000", "", "message", "O", None),
        ("2024-01-13 14:00:00", "Anna de Vries", None, "", "message", "D", None),
    ]
    assert parsed.conversation.title == "Anna de Vries"
    assert [w.code for w in parsed.conversation.warnings] == ["media_omitted"]
