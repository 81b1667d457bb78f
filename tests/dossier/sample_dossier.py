"""A fictional dossier for the PDF tests and for looking at the rendered pages.

Everything here is made up: "Anna de Vries", "+31 6 00000000", example.com. Images are drawn with
Pillow in memory. `WITHHELD_SIZE` is a pixel size no other image here has, so a test can look for
it among the PDF's image objects.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from PIL import Image, ImageDraw

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    ItemKind,
    Message,
    MessageKind,
    ParseWarning,
    Participant,
    TimeSource,
    Timestamp,
)
from evidence_kit.dossier.model import CustodyEventRow, DossierInfo, DossierItem, Language, TrustedTime

CET = timezone(timedelta(hours=1))
WITHHELD_SIZE = (123, 77)
SCREENSHOT_SIZE = (300, 560)
PHOTO_SIZE = (480, 360)
MANIFEST_SHA256 = hashlib.sha256(b"fictional manifest").hexdigest()
HEAD_HASH = hashlib.sha256(b"fictional custody head").hexdigest()
DOSSIER_ID = "EK-20240315-7F3A9C"


@dataclass(frozen=True)
class Sample:
    info: DossierInfo
    items: list[DossierItem]
    events: list[CustodyEventRow]
    withheld_thumbnail: bytes


def _sha(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def screenshot_png() -> bytes:
    """A made-up phone screenshot: a header bar and a few chat bubbles."""
    image = Image.new("RGB", SCREENSHOT_SIZE, "#FAFAFA")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SCREENSHOT_SIZE[0], 48), fill="#2F4F6F")
    draw.text((12, 16), "@troll_account_42", fill="white")
    for index in range(6):
        top = 70 + index * 78
        left = 20 if index % 2 == 0 else 110
        draw.rounded_rectangle(
            (left, top, left + 170, top + 56), radius=12, fill="#DDE6EE" if left == 20 else "#CFE8C8"
        )
        draw.text((left + 10, top + 10), f"message {index + 1}", fill="#222222")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def photo_jpeg() -> bytes:
    image = Image.new("RGB", PHOTO_SIZE, "#88AACC")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 240, PHOTO_SIZE[0], PHOTO_SIZE[1]), fill="#556B2F")
    draw.ellipse((320, 30, 400, 110), fill="#FFD700")
    draw.text((20, 20), "front door, 14 March", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def withheld_jpeg() -> bytes:
    """Distinctive pixels that must never reach the PDF."""
    image = Image.new("RGB", WITHHELD_SIZE, "#FF00FF")
    draw = ImageDraw.Draw(image)
    draw.line((0, 0, WITHHELD_SIZE[0], WITHHELD_SIZE[1]), fill="#00FF00", width=5)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def _import_time(day: int, hour: int) -> Timestamp:
    return Timestamp.from_aware(datetime(2024, 3, day, hour, 5, 12, tzinfo=CET), TimeSource.IMPORT_CLOCK)


def chat_messages(uncommon: tuple[str, ...]) -> tuple[Message, ...]:
    start = datetime(2024, 3, 1, 21, 14, 0)
    lines = [
        ("Anna de Vries", "Stop met mij berichten te sturen."),
        ("troll_account_42", "Ik weet waar je woont 😈"),
        ("troll_account_42", "Zie je morgen bij de voordeur."),
    ]
    messages: list[Message] = [
        Message(
            sender=None, text="Messages are end-to-end encrypted.", sent_at=start, kind=MessageKind.SYSTEM
        )
    ]
    for index, (sender, text) in enumerate(lines):
        messages.append(Message(sender=sender, text=text, sent_at=start + timedelta(minutes=3 * index + 1)))
    messages.append(
        Message(sender="troll_account_42", text="", sent_at=start + timedelta(days=2, hours=1), deleted=True)
    )
    messages.append(
        Message(
            sender="troll_account_42",
            text="Kijk wat ik heb 📷",
            sent_at=start + timedelta(days=2, hours=1, minutes=2),
            edited=True,
            attachments=(AttachmentRef("IMG-20240303-WA0007.jpg", "image/jpeg"),),
        )
    )
    messages.append(
        Message(
            sender="troll_account_42",
            text="",
            sent_at=start + timedelta(days=2, hours=1, minutes=3),
            media_omitted=True,
            forwarded=True,
        )
    )
    for index, text in enumerate(uncommon):
        messages.append(
            Message(sender="+31 6 00000000", text=text, sent_at=start + timedelta(days=5, minutes=index))
        )
    messages.append(
        Message(sender="مستخدم مجهول", text="مرحبا، هذا نص عربي للاختبار", sent_at=start + timedelta(days=6))
    )
    messages.append(
        Message(sender="דנה", text="שלום, זה טקסט בעברית", sent_at=start + timedelta(days=6, minutes=5))
    )
    return tuple(messages)


def build_sample(lang: Language, uncommon: tuple[str, ...]) -> Sample:
    withheld = withheld_jpeg()
    info = DossierInfo(
        dossier_id=DOSSIER_ID,
        case_title=(
            "Intimidatie via sociale media \u2014 Anna de Vries"
            if lang == "nl"
            else "Online harassment of Anna de Vries"
        ),
        compiler="Steunpunt Voorbeeldstad (fictional)",
        exported_at=datetime(2024, 3, 15, 10, 30, 0, tzinfo=CET),
        language=lang,
        tool_version="0.1.0",
        vault_id="5b1d3c0e-0000-4000-8000-000000000001",
        manifest_sha256=MANIFEST_SHA256,
        custody_head_hash=HEAD_HASH,
    )
    screenshot = DossierItem(
        number=1,
        item_id="item-0001",
        kind=ItemKind.IMAGE,
        original_name="Screenshot_20240301-211500_Instagram.png",
        media_type="image/png",
        size=284_113,
        sha256=_sha("screenshot"),
        times=(
            Timestamp(
                TimeSource.CONTENT,
                local=datetime(2024, 3, 1, 21, 15, 0),
                assumption="time taken from the file name; time zone not stated",
            ),
            Timestamp.from_aware(datetime(2024, 3, 1, 21, 15, 2, tzinfo=CET), TimeSource.FILE_METADATA),
            _import_time(2, 9),
        ),
        platform="Instagram",
        sender="@troll_account_42",
        description="Direct messages with threats",
        note="Screenshot made by Anna on her phone right after the messages arrived.",
        category="threat",
        thumbnail=screenshot_png(),
        image_size=(1080, 2016),
        trusted_time=TrustedTime(
            "Example TSA (freetsa.example.com)", datetime(2024, 3, 2, 8, 5, 13, tzinfo=UTC)
        ),
    )
    photo = DossierItem(
        number=2,
        item_id="item-0002",
        kind=ItemKind.IMAGE,
        original_name="IMG_4711.JPG",
        media_type="image/jpeg",
        size=1_912_334,
        sha256=_sha("photo"),
        times=(
            Timestamp(
                TimeSource.CONTENT,
                local=datetime(2024, 3, 4, 7, 42, 10),
                offset_minutes=60,
                utc=datetime(2024, 3, 4, 6, 42, 10, tzinfo=UTC),
            ),
            Timestamp.from_aware(datetime(2024, 3, 4, 7, 42, 10, tzinfo=CET), TimeSource.FILE_METADATA),
            _import_time(4, 12),
        ),
        platform="",
        sender="",
        description="Photo of the note left at the front door",
        note="\n".join(uncommon),
        category="property",
        thumbnail=photo_jpeg(),
        image_size=(4032, 3024),
        exif=(
            ("Camera make", "ExampleCam"),
            ("Camera model", "EC-100"),
            ("Date taken (DateTimeOriginal)", "2024:03:04 07:42:10"),
            ("Offset (OffsetTimeOriginal)", "+01:00"),
            ("Orientation", "Horizontal (normal)"),
        ),
    )
    chat = DossierItem(
        number=3,
        item_id="item-0003",
        kind=ItemKind.CHAT,
        original_name="WhatsApp Chat met troll_account_42.zip",
        media_type="application/zip",
        size=52_771,
        sha256=_sha("chat"),
        times=(_import_time(7, 18),),
        platform="WhatsApp",
        sender="troll_account_42",
        description="WhatsApp chat export with threats and a forwarded photo",
        conversation=Conversation(
            platform="whatsapp",
            messages=chat_messages(uncommon),
            title="troll_account_42",
            participants=(Participant("Anna de Vries"), Participant("troll_account_42", "+31 6 00000000")),
            timezone_assumption="time zone not stated in the export; times are the phone's local time",
            warnings=(
                ParseWarning(
                    "attachment_missing",
                    "The export refers to {name}, which is not in the export.",
                    (("name", "IMG-20240303-WA0007.jpg"),),
                ),
            ),
        ),
    )
    email = DossierItem(
        number=4,
        item_id="item-0004",
        kind=ItemKind.EMAIL,
        original_name="Re: je weet wel.eml",
        media_type="message/rfc822",
        size=8_120,
        sha256=_sha("email"),
        times=(
            Timestamp.from_aware(datetime(2024, 3, 9, 23, 1, 44, tzinfo=CET), TimeSource.CONTENT),
            _import_time(10, 11),
        ),
        platform="E-mail",
        sender="anon@example.com",
        description="Anonymous e-mail with a threat",
        email_headers=(
            ("From", "Anoniem <anon@example.com>"),
            ("To", "Anna de Vries <anna@example.com>"),
            ("Subject", "Re: je weet wel"),
            ("Date", "Sat, 09 Mar 2024 23:01:44 +0100"),
            ("Message-ID", "<20240309230144.12345@mail.example.com>"),
            (
                "Received",
                "from mail.example.com (mail.example.com [192.0.2.10]) by mx.example.com with ESMTPS "
                "id 4Tx9Qk0Z7Pz; Sat, 09 Mar 2024 23:01:45 +0100",
            ),
        ),
        conversation=Conversation(
            platform="email",
            messages=(
                Message(
                    sender="Anoniem <anon@example.com>",
                    text="Je weet precies wat je hebt gedaan.\n\nDit is nog maar het begin.",
                    sent_at=datetime(2024, 3, 9, 23, 1, 44),
                    sent_at_utc=datetime(2024, 3, 9, 22, 1, 44, tzinfo=UTC),
                ),
            ),
        ),
    )
    intimate = DossierItem(
        number=5,
        item_id="item-0005",
        kind=ItemKind.IMAGE,
        original_name="private_photo.jpg",
        media_type="image/jpeg",
        size=2_301_554,
        sha256=hashlib.sha256(withheld).hexdigest(),
        times=(
            Timestamp(TimeSource.CONTENT, local=datetime(2024, 3, 11, 1, 12, 0)),
            _import_time(11, 14),
        ),
        platform="Telegram",
        sender="troll_account_42",
        description="Intimate image shared without consent",
        withheld=True,
        thumbnail=withheld,
        image_size=WITHHELD_SIZE,
    )
    document = DossierItem(
        number=6,
        item_id="item-0006",
        kind=ItemKind.FILE,
        original_name="brief_aan_werkgever.pdf",
        media_type="application/pdf",
        size=120_448,
        sha256=_sha("document"),
        times=(
            Timestamp.from_aware(datetime(2024, 3, 12, 16, 0, 0, tzinfo=CET), TimeSource.FILE_METADATA),
            _import_time(12, 17),
        ),
        description="Letter sent to Anna's employer in her name",
    )
    items = [screenshot, photo, chat, email, intimate, document]
    events = [CustodyEventRow(1, datetime(2024, 3, 2, 8, 0, tzinfo=UTC), "vault_created", "", _sha("e1"))]
    for offset, item in enumerate(items, start=2):
        events.append(
            CustodyEventRow(
                offset,
                datetime(2024, 3, 2, 8, 0, tzinfo=UTC) + timedelta(days=offset),
                "item_added",
                f"item {item.number} ({item.original_name})",
                _sha(f"e{offset}"),
            )
        )
    events.append(
        CustodyEventRow(
            len(events) + 1,
            datetime(2024, 3, 15, 9, 30, tzinfo=UTC),
            "exported",
            "dossier",
            HEAD_HASH,
        )
    )
    return Sample(info, items, events, withheld)
