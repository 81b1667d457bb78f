"""Telegram Desktop importer, HTML export: exact messages, pages, uncommon text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from evidence_kit.domain import AttachmentRef, Message, MessageKind, Participant
from evidence_kit.importers import telegram

from .chat_oracle import strip_marks
from .telegram_fixtures import (
    HTML,
    PHOTO,
    local,
)
from .telegram_html_writer import Page

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
