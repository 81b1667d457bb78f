"""Fictional evidence made in the tests: screenshots, a photo with EXIF, a WhatsApp export, an e-mail."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

from PIL import Image


def screenshot(path: Path, colour: str, size: tuple[int, int] = (360, 640)) -> Path:
    image = Image.new("RGB", size, colour)
    image.save(path, format="PNG")
    return path


def photo_with_exif(path: Path) -> Path:
    image = Image.new("RGB", (800, 600), "#446688")
    exif = Image.Exif()
    exif[0x010F] = "FictionalPhone Inc."  # Make
    exif[0x0110] = "Model Z"  # Model
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = "2026:10:05 21:14:09"  # DateTimeOriginal
    exif_ifd[0x9011] = "+02:00"  # OffsetTimeOriginal
    image.save(path, format="JPEG", exif=exif)
    return path


WHATSAPP_LINES = [
    "03/10/2026, 23:05 - Mark Fictief: Why are you not answering?",
    "03/10/2026, 23:07 - Mark Fictief: I know where you work.",
    "I will wait outside tomorrow.",
    "03/10/2026, 23:09 - Sanne: Leave me alone.",
    "04/10/2026, 07:30 - Mark Fictief: IMG-20261004-WA0001.jpg (file attached)",
    "04/10/2026, 07:31 - Mark Fictief: IMG-20261004-WA0002.jpg (file attached)",
    "14/10/2026, 13:00 - Mark Fictief: <Media omitted>",
]


def whatsapp_zip(path: Path, extra_lines: list[str] | None = None) -> tuple[Path, bytes]:
    """An Android-style export zip with one of its two referenced photos (the other is missing)."""
    lines = list(WHATSAPP_LINES)
    for text in extra_lines or []:
        lines.append(f"15/10/2026, 09:00 - Mark Fictief: {text}")
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), "#aa3333").save(photo, format="JPEG")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Mark Fictief.txt", "\n".join(lines) + "\n")
        archive.writestr("IMG-20261004-WA0001.jpg", photo.getvalue())
    return path, photo.getvalue()


def email_with_attachment(path: Path) -> Path:
    message = EmailMessage()
    message["From"] = "Anonymous <throwaway@example.net>"
    message["To"] = "Sanne de Vries <sanne@example.org>"
    message["Subject"] = "Ik weet waar je woont"
    message["Date"] = "Tue, 20 Oct 2026 02:14:02 +0200"
    message["Message-ID"] = "<fictional-1@example.net>"
    message.set_content("I know where you live now.\nThe house with the blue door.\n")
    message.add_attachment(b"%PDF-1.4 fictional\n", maintype="application", subtype="pdf", filename="map.pdf")
    path.write_bytes(bytes(message))
    return path
