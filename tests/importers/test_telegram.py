"""Telegram Desktop importer: exact messages for every trap, whole-account exports, HTML, fuzzing.

Fixtures are fictional (tests/importers/fixtures/telegram/): `single/` is a one-chat JSON
export with media, `account/` a whole-account JSON export, `html/` a two-page HTML export
written with `telegram_html_writer` (an imitation of Telegram Desktop's HTML writer).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.domain import AttachmentRef, Message, MessageKind, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import telegram
from evidence_kit.importers.telegram import TelegramMultipleChatsError

from .chat_oracle import is_concatenation, strings_in, strip_marks
from .telegram_html_writer import Page, serialize

FIXTURES = Path(__file__).parent / "fixtures" / "telegram"
SINGLE = FIXTURES / "single"
ACCOUNT = FIXTURES / "account"
HTML = FIXTURES / "html"
NOT_INCLUDED = "File not included. Change data exporting settings to download."
PHOTO = "photos/photo_1@29-11-2026_10-16-30.jpg"
ANNA = {"sender": "Anna de Vries", "sender_id": "user4000000001"}
BRAM = {"sender": "Bram Jansen", "sender_id": "user4000000002"}
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def local(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second)


def utc(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=UTC)


def at(day: int, hour: int, minute: int, second: int = 0) -> dict[str, datetime]:
    """The export's wall time (+01:00) and its UTC time."""
    return {"sent_at": local(day, hour, minute, second), "sent_at_utc": utc(day, hour - 1, minute, second)}


# ---------------------------------------------------------------------------------------------
# result.json, one chat
# ---------------------------------------------------------------------------------------------

SINGLE_MESSAGES = [
    Message(
        text="Anna de Vries joined Telegram",
        kind=MessageKind.SYSTEM,
        message_id="1",
        extra=(("action", "joined_telegram"),),
        **ANNA,
        **at(28, 8, 0),
    ),
    Message(text="Hoi! Ben je er? 👋🏽", message_id="2", **ANNA, **at(29, 10, 15, 1)),
    Message(
        text="Zie dit en deze pagina\n\nregel 3 bidi",
        edited=True,
        message_id="3",
        reply_to="2",
        extra=(
            ("edited_at", "2026-11-29T10:20:00"),
            ("edited_at_utc", "2026-11-29T09:20:00Z"),
            ("link", "https://example.com/p?x=1"),
        ),
        **BRAM,
        **at(29, 10, 15, 30),
    ),
    Message(
        text="Doorgestuurd bericht",
        forwarded=True,
        message_id="4",
        extra=(("forwarded_from", "Kanaal Voorbeeld"),),
        **ANNA,
        **at(29, 10, 16),
    ),
    Message(
        text="",
        message_id="5",
        attachments=(AttachmentRef(PHOTO, "image/jpeg"),),
        extra=(("width", "4"), ("height", "3")),
        **BRAM,
        **at(29, 10, 16, 30),
    ),
    Message(
        text="Het contract",
        message_id="6",
        attachments=(AttachmentRef("files/contract.pdf", "application/pdf"),),
        extra=(("mime_type", "application/pdf"),),
        **ANNA,
        **at(29, 10, 17),
    ),
    Message(
        text="",
        media_omitted=True,
        message_id="7",
        extra=(("media_not_included", NOT_INCLUDED), ("width", "960"), ("height", "1280")),
        **BRAM,
        **at(29, 10, 17, 30),
    ),
    Message(
        text="",
        media_omitted=True,
        message_id="8",
        attachments=(AttachmentRef("bedreiging.mp4", "video/mp4"),),
        extra=(
            ("media_not_included", NOT_INCLUDED),
            ("media_type", "video_file"),
            ("mime_type", "video/mp4"),
            ("file_name", "bedreiging.mp4"),
            ("duration_seconds", "12"),
        ),
        **BRAM,
        **at(29, 10, 18),
    ),
    Message(
        text="Phone call by Bram Jansen, 56 seconds (ended: hangup)",
        kind=MessageKind.SYSTEM,
        message_id="9",
        extra=(("action", "phone_call"), ("duration_seconds", "56"), ("discard_reason", "hangup")),
        **BRAM,
        **at(29, 10, 19),
    ),
    Message(
        text="Anna de Vries pinned message 3",
        kind=MessageKind.SYSTEM,
        message_id="10",
        reply_to="3",
        extra=(("action", "pin_message"),),
        **ANNA,
        **at(29, 10, 21),
    ),
    Message(
        text="Bram Jansen took a screenshot",
        kind=MessageKind.SYSTEM,
        message_id="11",
        extra=(("action", "take_screenshot"),),
        **BRAM,
        **at(29, 10, 22),
    ),
    # Only date_unixtime: the wall time is shown in UTC and says so.
    Message(
        text="Alleen unixtijd",
        message_id="12",
        extra=(("wall_time", "utc"),),
        sent_at=local(29, 9, 23),
        sent_at_utc=utc(29, 9, 23),
        **BRAM,
    ),
    Message(
        text="",
        message_id="13",
        attachments=(AttachmentRef("stickers/sticker.webp", "image/webp"),),
        extra=(("media_type", "sticker"), ("mime_type", "image/webp"), ("sticker_emoji", "😡")),
        **BRAM,
        **at(29, 10, 24),
    ),
    Message(text="kapot \ufffd teken", message_id="14", **ANNA, **at(29, 10, 25)),
    Message(
        text="Anna de Vries: boost apply",
        kind=MessageKind.SYSTEM,
        message_id="16",
        extra=(("action", "boost_apply"),),
        **ANNA,
        **at(29, 10, 26),
    ),
    Message(
        sender=None,
        sender_id="user4000000009",
        text="Van verwijderd account",
        message_id="17",
        **at(29, 10, 27),
    ),
    Message(text="Pad buiten de export", message_id="18", **BRAM, **at(29, 10, 28)),
]


def test_single_chat_json_exact_messages() -> None:
    export = telegram.read(SINGLE / "result.json")
    conversation = export.conversation
    assert list(conversation.messages) == SINGLE_MESSAGES
    assert conversation.platform == "telegram"
    assert conversation.title == "Anna de Vries"
    assert conversation.timezone_assumption == telegram.TZ_JSON_MIXED
    assert conversation.extra == (
        ("export_format", "json"),
        ("chat_type", "personal_chat"),
        ("chat_id", "4000000001"),
    )
    assert conversation.participants == (
        Participant("Anna de Vries", "user4000000001"),
        Participant("Bram Jansen", "user4000000002"),
        Participant(None, "user4000000009"),
    )
    assert [(f.name, f.size, f.media_type) for f in export.files] == [
        (PHOTO, 28, "image/jpeg"),
        ("stickers/sticker.webp", 25, "image/webp"),
    ]
    with export.files[0].open() as stream:
        assert stream.read() == (SINGLE / PHOTO).read_bytes()
    assert export.missing == ("files/contract.pdf", "bedreiging.mp4")
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [
        ("media_omitted", {"count": "2"}),
        ("invalid_character", {"count": "1"}),
        ("unreadable_record", {"count": "1"}),
        ("unsafe_path", {"count": "1", "name": "../../../etc/passwd"}),
        ("attachments_missing", {"count": "2", "names": "files/contract.pdf, bedreiging.mp4"}),
    ]
    assert all(w.format() for w in conversation.warnings)


def test_folder_and_file_read_the_same(tmp_path: Path) -> None:
    by_file = telegram.read(SINGLE / "result.json")
    by_folder = telegram.read(SINGLE)
    assert by_folder.conversation == by_file.conversation
    assert [f.name for f in by_folder.files] == [f.name for f in by_file.files]
    # A zip of the export folder (as a user might send it) reads the same, media included.
    archive = tmp_path / "ChatExport_2026-11-30.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(SINGLE.rglob("*")):
            if path.is_file():
                zf.write(path, "ChatExport_2026-11-30/" + path.relative_to(SINGLE).as_posix())
    by_zip = telegram.read(archive)
    assert by_zip.conversation == by_file.conversation
    assert [f.name for f in by_zip.files] == [PHOTO, "stickers/sticker.webp"]
    with by_zip.files[1].open() as stream:
        assert stream.read() == (SINGLE / "stickers" / "sticker.webp").read_bytes()
    assert telegram.sniff(archive.read_bytes()[:65536], archive.name)


def test_zip_with_hostile_and_windows_names(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    doc = {
        "messages": [
            {"id": 1, "type": "message", "date": "2026-01-01T00:00:00", "from": "A", "photo": "photos/p.jpg"}
        ]
    }
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("result.json", json.dumps(doc))
        zf.writestr("photos\\p.jpg", b"\xff\xd8 windows zipper")
        zf.writestr("../../evil.txt", b"never written anywhere")
    export = telegram.read(archive)
    assert [f.name for f in export.files] == ["photos/p.jpg"]
    with export.files[0].open() as stream:
        assert stream.read() == b"\xff\xd8 windows zipper"
    assert [(w.code, dict(w.params)) for w in export.conversation.warnings] == [
        ("archive_unsafe_name", {"name": "../../evil.txt"})
    ]
    assert not (tmp_path.parent / "evil.txt").exists()


def test_text_as_string_list_and_entities(tmp_path: Path) -> None:
    messages = [
        {
            "id": 1,
            "type": "message",
            "date": "2026-01-02T03:04:05",
            "from": "A",
            "from_id": "user1",
            "text": [
                "a ",
                {"type": "italic", "text": "b"},
                {"type": "mention_name", "text": "@c", "user_id": 7},
                " d",
            ],
        },
        # No "text" at all: text_entities are used.
        {
            "id": 2,
            "type": "message",
            "date": "2026-01-02T03:04:06",
            "from": "A",
            "from_id": "user1",
            "text_entities": [{"type": "plain", "text": "uit "}, {"type": "code", "text": "entities"}],
        },
        # An unexpected text value is reported, not a crash.
        {
            "id": 3,
            "type": "message",
            "date": "2026-01-02T03:04:07",
            "from": "A",
            "from_id": "user1",
            "text": 5,
        },
    ]
    path = tmp_path / "result.json"
    path.write_text(
        json.dumps({"name": "A", "type": "personal_chat", "id": 1, "messages": messages}), "utf-8"
    )
    conversation = telegram.read(path).conversation
    assert [m.text for m in conversation.messages] == ["a b@c d", "uit entities", ""]
    assert conversation.timezone_assumption == telegram.TZ_JSON_LOCAL_ONLY
    assert [m.sent_at_utc for m in conversation.messages] == [None, None, None]
    assert [w.code for w in conversation.warnings] == ["unexpected_value"]


def test_json_text_keeps_uncommon_text(tmp_path: Path, uncommon_text: tuple[str, ...]) -> None:
    messages = []
    for index, text in enumerate(uncommon_text):
        value: object = text if index % 2 else [text[:5], {"type": "bold", "text": text[5:9]}, text[9:]]
        messages.append(
            {
                "id": index,
                "type": "message",
                "date": "2026-01-01T00:00:00",
                "date_unixtime": "1767225600",
                "from": "Anna",
                "from_id": "user1",
                "text": value,
            }
        )
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"messages": messages}, ensure_ascii=False), "utf-8")
    got = [m.text for m in telegram.read(path).conversation.messages]
    assert got == [strip_marks(text) for text in uncommon_text]


# ---------------------------------------------------------------------------------------------
# Whole-account export
# ---------------------------------------------------------------------------------------------

ACCOUNT_EXTRA = (
    ("account_id", "user4000000002"),
    ("account_name", "Bram Jansen"),
    ("account_phone", "+31 6 00000000"),
    ("account_username", "@bramjansen_example"),
)


def test_whole_account_is_one_export_per_chat() -> None:
    chats = telegram.read_all(ACCOUNT)
    assert [c.conversation.title for c in chats] == ["Anna de Vries", "Buurtgroep", "Oude groep"]
    first, group, left = chats
    assert first.conversation.extra == (
        ("export_format", "json"),
        ("chat_type", "personal_chat"),
        ("chat_id", "4000000001"),
        *ACCOUNT_EXTRA,
    )
    assert left.conversation.extra == (
        ("export_format", "json"),
        ("chat_type", "private_supergroup"),
        ("chat_id", "4000000200"),
        ("left_chat", "true"),
        *ACCOUNT_EXTRA,
    )
    photo = "chats/chat_001/photos/photo_1@29-11-2026_10-16-00.jpg"
    assert list(first.conversation.messages) == [
        Message(text="Hoi Bram", message_id="1", **ANNA, **at(29, 10, 15, 1)),
        Message(
            text="",
            message_id="2",
            attachments=(AttachmentRef(photo, "image/jpeg"),),
            **ANNA,
            **at(29, 10, 16),
        ),
    ]
    assert [f.name for f in first.files] == [photo]
    assert group.files == () and group.missing == ()
    assert list(group.conversation.messages) == [
        Message(
            text="Bram Jansen created group «Buurtgroep» with members Bram Jansen and Anna de Vries",
            kind=MessageKind.SYSTEM,
            message_id="1",
            extra=(
                ("action", "create_group"),
                ("title", "Buurtgroep"),
                ("member", "Bram Jansen"),
                ("member", "Anna de Vries"),
            ),
            **BRAM,
            **at(20, 9, 0),
        ),
        Message(
            text="Bram Jansen invited Chris Peters",
            kind=MessageKind.SYSTEM,
            message_id="2",
            extra=(("action", "invite_members"), ("member", "Chris Peters")),
            **BRAM,
            **at(20, 9, 1),
        ),
        Message(text="Welkom allemaal", message_id="3", **BRAM, **at(20, 9, 2)),
    ]
    assert [m.text for m in left.conversation.messages] == ["Ik ga weg", "Bram Jansen removed Bram Jansen"]


def test_read_refuses_to_merge_several_chats() -> None:
    with pytest.raises(TelegramMultipleChatsError) as caught:
        telegram.read(ACCOUNT / "result.json")
    assert caught.value.params["count"] == "3"
    assert "3 chats" in str(caught.value)
    assert isinstance(caught.value, ImportFormatError)


def test_whole_account_without_chats(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(
        json.dumps(
            {
                "about": "Telegram",
                "personal_information": {"user_id": 5, "first_name": "Anna"},
                "chats": {"about": "", "list": []},
            }
        ),
        "utf-8",
    )
    export = telegram.read(path)
    assert export.conversation.messages == ()
    assert export.conversation.extra == (
        ("export_format", "json"),
        ("account_id", "user5"),
        ("account_name", "Anna"),
    )
    assert [w.code for w in export.conversation.warnings] == ["no_chats"]


# ---------------------------------------------------------------------------------------------
# HTML export
# ---------------------------------------------------------------------------------------------

HTML_ANNA = {"sender": "Anna de Vries"}
HTML_BRAM = {"sender": "Bram Jansen"}
NOT_INCLUDED_HTML = "Not included, change data exporting settings to download."
HTML_MESSAGES = [
    Message(sender=None, text="Anna de Vries joined Telegram", kind=MessageKind.SYSTEM, message_id="1"),
    Message(
        text="Hoi! Ben je er? 👋🏽\nTweede regel met bel\x07 en <tag> & \"quotes\" 'x'",
        sent_at=local(29, 10, 15, 1),
        message_id="2",
        **HTML_ANNA,
    ),
    Message(
        text="Zie dit en deze pagina",
        sent_at=local(29, 10, 15, 20),
        message_id="3",
        extra=(("link", "https://example.com/p?x=1"),),
        **HTML_ANNA,
    ),
    Message(
        text="  twee spaties vooraan",
        sent_at=local(29, 10, 15, 30),
        message_id="4",
        reply_to="2",
        **HTML_BRAM,
    ),
    Message(
        text="Doorgestuurd",
        sent_at=local(29, 10, 16),
        message_id="5",
        forwarded=True,
        extra=(("forwarded_date", "2026-11-28T09:00:00"), ("forwarded_from", "Kanaal Voorbeeld")),
        **HTML_BRAM,
    ),
    Message(
        text="Bot-bericht",
        sent_at=local(29, 10, 16, 10),
        message_id="6",
        extra=(("via_bot", "examplebot"),),
        **HTML_ANNA,
    ),
    Message(
        text="",
        sent_at=local(29, 10, 16, 30),
        message_id="7",
        attachments=(AttachmentRef(PHOTO, "image/jpeg"),),
        **HTML_BRAM,
    ),
    Message(
        text="",
        sent_at=local(29, 10, 17, 30),
        message_id="8",
        media_omitted=True,
        extra=(("media_type", "photo"), ("media_not_included", NOT_INCLUDED_HTML)),
        **HTML_BRAM,
    ),
    Message(
        text="Zie bijlage",
        sent_at=local(29, 10, 18),
        message_id="9",
        media_omitted=True,
        attachments=(AttachmentRef("bedreiging.pdf", "application/pdf"),),
        extra=(("media_type", "file"), ("media_not_included", NOT_INCLUDED_HTML)),
        **HTML_BRAM,
    ),
    Message(
        text="",
        sent_at=local(29, 10, 18, 30),
        message_id="10",
        attachments=(AttachmentRef("files/contract.pdf", "application/pdf"),),
        extra=(("media_type", "file"),),
        **HTML_BRAM,
    ),
    Message(
        text="Phone call: Outgoing (56 seconds)",
        kind=MessageKind.SYSTEM,
        sent_at=local(29, 10, 19),
        message_id="11",
        extra=(("media_type", "call"), ("call_to", "Anna de Vries")),
        **HTML_BRAM,
    ),
    Message(
        sender=None,
        text="Anna de Vries pinned this message",
        kind=MessageKind.SYSTEM,
        message_id="12",
        reply_to="4",
    ),
    Message(text="Volgende dag", sent_at=local(30, 8, 0), message_id="13", **HTML_ANNA),
    Message(
        text="Antwoord elders",
        sent_at=local(30, 8, 1),
        message_id="14",
        extra=(("reply_to_other_chat", "true"),),
        **HTML_ANNA,
    ),
    Message(text="Oude stijl", sent_at=local(30, 8, 5), message_id="15", **HTML_ANNA),
    Message(
        text="",
        sent_at=local(30, 8, 6),
        message_id="16",
        extra=(
            ("link", "https://maps.google.com/maps?q=52.37,4.89&ll=52.37,4.89&z=16"),
            ("media_type", "location"),
            ("location", "Location 52.37, 4.89"),
        ),
        **HTML_BRAM,
    ),
]


def test_html_export_exact_messages() -> None:
    export = telegram.read(HTML)
    conversation = export.conversation
    assert list(conversation.messages) == HTML_MESSAGES
    assert conversation.title == "Anna de Vries"
    # No UTC: the stated offset is the zone's standard offset, wrong during daylight saving time.
    assert all(m.sent_at_utc is None for m in conversation.messages)
    assert conversation.timezone_assumption == telegram.TZ_HTML
    assert conversation.extra == (("export_format", "html"), ("stated_utc_offset", "UTC+01:00"))
    assert conversation.participants == (Participant("Anna de Vries"), Participant("Bram Jansen"))
    assert [f.name for f in export.files] == [PHOTO]
    assert export.missing == ("bedreiging.pdf", "files/contract.pdf")
    assert [w.code for w in conversation.warnings] == ["media_omitted", "attachments_missing"]


def test_html_single_page_warns_about_the_other_pages() -> None:
    export = telegram.read(HTML / "messages.html")
    assert list(export.conversation.messages) == HTML_MESSAGES[:12]
    assert [w.code for w in export.conversation.warnings] == [
        "pages_not_read",
        "media_omitted",
        "attachments_missing",
    ]


def test_html_whole_account_pages_name_files_from_the_root(tmp_path: Path) -> None:
    root = tmp_path / "DataExport_2026-11-30"
    chat = root / "chats" / "chat_001"
    (chat / "photos").mkdir(parents=True)
    (chat / "photos" / "photo_1.jpg").write_bytes(b"\xff\xd8 photo")
    (root / "export_results.html").write_text("<title>Exported Data</title>", "utf-8")
    page = Page("Bram Jansen")
    page.message(
        3,
        date_title="01.12.2026 09:00:00 UTC+01:00",
        time="09:00",
        from_name="Bram Jansen ",
        media=page.photo("../../chats/chat_001/photos/photo_1.jpg"),
        text="Kijk",
    )
    (chat / "messages.html").write_text(page.render(base="../../"), "utf-8")
    expected = [
        Message(
            sender="Bram Jansen",
            text="Kijk",
            sent_at=datetime(2026, 12, 1, 9, 0),
            message_id="3",
            attachments=(AttachmentRef("chats/chat_001/photos/photo_1.jpg", "image/jpeg"),),
        )
    ]
    for given_path in (root, chat / "messages.html"):
        (export,) = telegram.read_all(given_path)
        assert list(export.conversation.messages) == expected
        assert [f.name for f in export.files] == ["chats/chat_001/photos/photo_1.jpg"]
    assert telegram.sniff_dir(root)


def test_html_keeps_uncommon_text(tmp_path: Path, uncommon_text: tuple[str, ...]) -> None:
    page = Page("Anna")
    for index, text in enumerate(uncommon_text):
        page.message(
            index + 1,
            date_title="01.01.2026 00:00:00 UTC+01:00",
            time="00:00",
            from_name="Anna " if index == 0 else None,
            text=text,
        )
    (tmp_path / "messages.html").write_text(page.render(), "utf-8")
    got = [m.text for m in telegram.read(tmp_path).conversation.messages]
    assert got == [strip_marks(text) for text in uncommon_text]


# ---------------------------------------------------------------------------------------------
# Recognition and bad input
# ---------------------------------------------------------------------------------------------


def test_sniff_by_content() -> None:
    head = (SINGLE / "result.json").read_bytes()[:65536]
    assert telegram.sniff(head, "renamed.dat")
    assert telegram.sniff((ACCOUNT / "result.json").read_bytes()[:65536], "result.json")
    assert telegram.sniff((HTML / "messages2.html").read_bytes()[:65536], "page.htm")
    assert not telegram.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "result.json")
    assert not telegram.sniff(
        b'{"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": []}', "result.json"
    )
    assert not telegram.sniff(
        b'{"participants": [], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}', "x"
    )
    assert not telegram.sniff(
        b'<html><title>Exported Data</title><div class="page_wrap"></div>', "export_results.html"
    )
    assert not telegram.sniff(b"", "result.json")


def test_sniff_dir(tmp_path: Path) -> None:
    assert telegram.sniff_dir(SINGLE)
    assert telegram.sniff_dir(ACCOUNT)
    assert telegram.sniff_dir(HTML)
    assert not telegram.sniff_dir(tmp_path)
    (tmp_path / "result.json").write_text('{"some": "other json"}', "utf-8")
    assert not telegram.sniff_dir(tmp_path)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02garbage\xff",
        b"{not json",
        b"[1, 2, 3]",
        b'{"messages": 5}',
        b'"text"',
        b'{"participants": [], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}',
        b"[" * 100_000,
        b'{"chats": {"list": 5}}',
        b"<html><body>not a chat</body></html>",
    ],
)
def test_not_telegram_is_a_typed_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError):
        telegram.read_all(path)


def test_absurdly_nested_html_is_refused_quickly(tmp_path: Path) -> None:
    head = '<title>Exported Data</title><div class="page_wrap"><div class="page_body chat_page">'
    block = '<div class="message default clearfix" id="message1"><div class="body"><div class="text">'
    (tmp_path / "messages.html").write_text(head + block * 50_000 + "x", "utf-8")
    with pytest.raises(ImportFormatError, match="nested too deeply"):
        telegram.read(tmp_path / "messages.html")


def test_folder_without_export_is_a_typed_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", "utf-8")
    with pytest.raises(ImportFormatError):
        telegram.read(tmp_path)


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    data = (
        json.dumps(
            {
                "messages": [
                    {
                        "id": 1,
                        "type": "message",
                        "date": "2026-01-01T00:00:00",
                        "from": "A",
                        "text": "goed BAD fout",
                    }
                ]
            }
        )
        .encode()
        .replace(b"BAD", b"\xff\xfe")
    )
    path = tmp_path / "result.json"
    path.write_bytes(data)
    conversation = telegram.read(path).conversation
    assert conversation.messages[0].text == "goed \ufffd\ufffd fout"
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [("invalid_utf8", {"count": "2"})]


def test_too_large_export_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evidence_kit.importers import _chat_support

    path = tmp_path / "result.json"
    shutil.copy(SINGLE / "result.json", path)
    monkeypatch.setattr(_chat_support, "MAX_EXPORT_BYTES", 1000)
    with pytest.raises(ImportFormatError, match="too large to parse as a chat"):
        telegram.read(path)


def test_symlinked_media_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of the export", "utf-8")
    export_dir = tmp_path / "export"
    (export_dir / "photos").mkdir(parents=True)
    (export_dir / "photos" / "photo.jpg").symlink_to(secret)
    (export_dir / "result.json").write_text(
        json.dumps(
            {
                "messages": [
                    {
                        "id": 1,
                        "type": "message",
                        "date": "2026-01-01T00:00:00",
                        "from": "A",
                        "photo": "photos/photo.jpg",
                    }
                ]
            }
        ),
        "utf-8",
    )
    export = telegram.read(export_dir)
    assert export.files == ()
    assert export.missing == ("photos/photo.jpg",)


# ---------------------------------------------------------------------------------------------
# Fuzzing
# ---------------------------------------------------------------------------------------------

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", "\u200e", "(File not included. Change data exporting settings to download.)", "../x", "photos/p.jpg"]
)
_SCALAR = st.none() | st.booleans() | st.integers(-(2**40), 2**40) | _TEXT
_ENTITY = st.fixed_dictionaries(
    {"type": st.sampled_from(["plain", "bold", "text_link"]), "text": _TEXT}, optional={"href": _TEXT}
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(-5, 10**12) | _TEXT,
        "type": st.sampled_from(["message", "service", "other"]) | _TEXT,
        "date": st.sampled_from(["2026-01-01T00:00:00", "2026-13-01T00:00:00", "nope"]) | _TEXT,
        "date_unixtime": st.sampled_from(["0", "1767225600", "-1", "99999999999999"]) | _SCALAR,
        "from": _SCALAR,
        "from_id": _SCALAR,
        "actor": _SCALAR,
        "action": st.sampled_from(["phone_call", "pin_message", "create_group", "invite_members"]) | _TEXT,
        "members": st.lists(_SCALAR, max_size=3) | _SCALAR,
        "text": _TEXT | st.lists(_TEXT | _ENTITY | _SCALAR, max_size=4) | _SCALAR,
        "text_entities": st.lists(_ENTITY, max_size=3) | _SCALAR,
        "photo": _TEXT | _SCALAR,
        "file": _TEXT | _SCALAR,
        "file_name": _SCALAR,
        "edited": _SCALAR,
        "forwarded_from": _SCALAR,
        "reply_to_message_id": _SCALAR,
        "poll": st.fixed_dictionaries(
            {}, optional={"question": _SCALAR, "answers": st.lists(_ENTITY, max_size=2)}
        ),
        "duration_seconds": _SCALAR,
    },
)
_DOCUMENT = st.one_of(
    st.fixed_dictionaries({"messages": st.lists(_RECORD | _SCALAR, max_size=5)}, optional={"name": _SCALAR}),
    st.fixed_dictionaries(
        {
            "chats": st.fixed_dictionaries(
                {
                    "list": st.lists(
                        st.fixed_dictionaries(
                            {"messages": st.lists(_RECORD, max_size=3)}, optional={"name": _SCALAR}
                        ),
                        max_size=3,
                    )
                }
            )
        }
    ),
    _SCALAR,
)


@FUZZ
@given(document=_DOCUMENT, cut=st.integers(0, 50), noise=st.binary(max_size=3))
def test_fuzz_json_never_crashes_and_text_comes_from_the_input(
    tmp_path: Path, document: object, cut: int, noise: bytes
) -> None:
    data = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if cut:  # sometimes damage the file: truncate and add noise
        data = data[: max(len(data) - cut, 0)] + noise
    path = tmp_path / "result.json"
    path.write_bytes(data)
    try:
        exports = telegram.read_all(path)
    except ImportFormatError:
        return
    pieces = [strip_marks(s) for s in strings_in(document)]
    for export in exports:
        for message in export.conversation.messages:
            if message.kind is MessageKind.MESSAGE:
                assert is_concatenation(message.text, pieces), message.text
            assert message.sent_at is None or message.sent_at.tzinfo is None
            assert message.sent_at_utc is None or message.sent_at_utc.utcoffset() is not None


_HTML_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\u2028\u2029"), max_size=40
)


@FUZZ
@given(texts=st.lists(_HTML_TEXT, min_size=1, max_size=4), name=st.text("Ab Cé-", min_size=1, max_size=10))
def test_fuzz_html_text_round_trips(tmp_path: Path, texts: list[str], name: str) -> None:
    page = Page("Chat")
    for index, text in enumerate(texts):
        page.message(
            index + 1,
            date_title="01.01.2026 00:00:00 UTC+01:00",
            time="00:00",
            from_name=name if index == 0 else None,
            text=text,
        )
    (tmp_path / "messages.html").write_text(page.render(), "utf-8")
    messages = telegram.read(tmp_path / "messages.html").conversation.messages
    assert [m.text for m in messages] == [strip_marks(t) for t in texts]
    assert {m.sender for m in messages} == {name.strip() or None}


@FUZZ
@given(
    soup=st.lists(
        st.sampled_from(
            [
                '<div class="message default clearfix" id="message1">',
                '<div class="body">',
                "</div>",
                "<br>",
                "&#x07;",
                '<div class="text">',
                '<div class="from_name">',
                "x",
                "\n ",
                '<div class="pull_right date details" title="',
                "31.02.2026 25:61:00 UTC+99:99",
                '">',
                '<div class="message service" id="message-5">',
                '<a href="../../../../etc/passwd" class="photo_wrap">',
                '<div class="forwarded body">',
                "\ue000",
                "&#xD800;",
            ]
        ),
        max_size=40,
    )
)
def test_fuzz_html_tag_soup_never_crashes(tmp_path: Path, soup: list[str]) -> None:
    page = '<title>Exported Data</title><div class="page_wrap"><div class="page_body chat_page">' + "".join(
        soup
    )
    (tmp_path / "messages.html").write_text(page, "utf-8")
    try:
        exports = telegram.read_all(tmp_path)
    except ImportFormatError:
        return
    for export in exports:
        assert export.files == ()  # nothing outside the folder is ever picked up


def test_serialize_matches_the_reader_rule() -> None:
    # The writer escapes like tdesktop; a typed newline is <br>, never a literal newline.
    assert serialize("a\nb\x07<&>'\"") == "a<br>b&#x07;&lt;&amp;&gt;&apos;&quot;"
