"""Telegram Desktop importer: exact messages for every trap, whole-account exports, HTML, fuzzing.

Fixtures are fictional (tests/importers/fixtures/telegram/): `single/` is a one-chat JSON
export with media, `account/` a whole-account JSON export, `html/` a two-page HTML export
written with `telegram_html_writer` (an imitation of Telegram Desktop's HTML writer).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from evidence_kit.domain import AttachmentRef, Message, MessageKind, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import telegram
from evidence_kit.importers.telegram import TelegramMultipleChatsError

from .chat_oracle import strip_marks
from .telegram_fixtures import (
    ACCOUNT,
    ANNA,
    BRAM,
    NOT_INCLUDED,
    PHOTO,
    SINGLE,
    at,
    local,
    utc,
)

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
