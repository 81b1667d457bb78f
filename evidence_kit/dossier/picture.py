"""The picture and the text the dossier PDF shows of an item, made from the original at export.

Rule: these are derived renditions, made in memory for the PDF only and never stored: the
original in the vault is not touched, re-encoded or replaced. A picture keeps the original's
resolution up to `PICTURE_MAX_WIDTH` pixels wide (a phone screenshot, about 1080 pixels, stays
at its native size, so its text prints as sharp as on the phone; a 12-megapixel photo is
reduced) and is never enlarged. It is stored in the PDF as a JPEG at high quality without chroma
subsampling, because coloured text (links, chat bubbles) blurs with 4:2:0; JPEG keeps a
100-screenshot dossier within tens of megabytes, where lossless PNG of photos would not.
A text file is shown up to `TEXT_LIMIT_BYTES` and says so when it is longer.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageOps

PICTURE_MAX_WIDTH = 1600  # pixels; ~240 dpi at the full text width of an A4 page
PICTURE_MAX_PIXELS = 40_000_000  # a very long scrolling screenshot is reduced, not refused
PICTURE_JPEG_QUALITY = 85
TEXT_LIMIT_BYTES = 24_000  # about ten pages of text
TEXT_MEDIA_TYPES = ("application/json", "application/xml", "application/csv", "application/x-ndjson")
TEXT_SUFFIXES = (".txt", ".text", ".log", ".csv", ".json", ".xml", ".md", ".html", ".htm", ".vcf", ".ics")


def pdf_picture(data: bytes) -> bytes | None:
    """The original image, upright, in RGB, at most `PICTURE_MAX_WIDTH` wide, as JPEG bytes.

    None when the bytes are not a picture Pillow can decode (the exporter then falls back to the
    thumbnail made at import).
    """
    made = pdf_picture_with_rows(data)
    return None if made is None else made[0]


def rows_of(image: Image.Image) -> bytes:
    """How busy each pixel row of `image` is, one byte a row: the mean difference between
    horizontal neighbours (0 for a blank band, where a tall picture is best cut). Made in
    Pillow's C code: the dossier makes it on a worker thread, which should hold the interpreter
    lock as little as it can while the pages are laid out."""
    gray = image.convert("L")
    diff = ImageChops.difference(gray, ImageChops.offset(gray, 1, 0))
    return diff.resize((1, gray.height), Image.Resampling.BOX).tobytes()


def pdf_picture_with_rows(data: bytes) -> tuple[bytes, bytes] | None:
    """`pdf_picture` and the picture's row profile (`rows_of`), from the pixels before JPEG
    encoding: a blank band stays blank (0) there, and the JPEG is not decoded again."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            scale = min(1.0, PICTURE_MAX_WIDTH / max(width, 1))
            scale = min(scale, (PICTURE_MAX_PIXELS / max(width * height, 1)) ** 0.5)
            target = (max(1, round(width * scale)), max(1, round(height * scale)))
            if img.format in ("JPEG", "MPO"):
                # Decode at a reduced scale straight from the DCT data where that is enough.
                img.draft("RGB", target)
            upright = ImageOps.exif_transpose(img)
            if upright.mode in ("RGBA", "LA", "PA", "P") or "transparency" in upright.info:
                # Transparent pixels over white, as a viewer shows them on a white page.
                rgba = upright.convert("RGBA")
                flat = Image.new("RGB", rgba.size, "white")
                flat.paste(rgba, mask=rgba.getchannel("A"))
                upright = flat
            elif upright.mode != "RGB":
                upright = upright.convert("RGB")
            if upright.size != target and (upright.width > target[0] or upright.height > target[1]):
                # Orientation may have swapped the sides: fit the upright picture the same way.
                fit = min(1.0, PICTURE_MAX_WIDTH / upright.width)
                fit = min(fit, (PICTURE_MAX_PIXELS / (upright.width * upright.height)) ** 0.5)
                size = (max(1, round(upright.width * fit)), max(1, round(upright.height * fit)))
                if size != upright.size:
                    upright = upright.resize(size, Image.Resampling.LANCZOS)
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=PICTURE_JPEG_QUALITY, subsampling=0, optimize=True)
            return out.getvalue(), rows_of(upright)
    except Exception:  # a damaged or unsupported picture: the thumbnail from import is shown
        return None


@dataclass(frozen=True)
class TextExcerpt:
    """The start of a text file as the PDF prints it; `complete` is False when it was cut."""

    text: str
    shown_bytes: int
    complete: bool


def is_text_file(name: str, media_type: str | None) -> bool:
    lowered = name.lower()
    if media_type and (media_type.startswith("text/") or media_type in TEXT_MEDIA_TYPES):
        return True
    return lowered.endswith(TEXT_SUFFIXES)


def text_excerpt(chunks: Iterable[bytes], size: int) -> TextExcerpt | None:
    """The first `TEXT_LIMIT_BYTES` of a text file, decoded; None when it is not text after all.

    UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark are read as
    such; anything else that is not valid UTF-8 is read as Windows-1252, which never fails, and
    a file with NUL bytes (binary, or UTF-16 without a mark) is not shown as text.
    """
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        if len(buffer) >= TEXT_LIMIT_BYTES:
            break
    head = bytes(buffer[:TEXT_LIMIT_BYTES])
    complete = size <= TEXT_LIMIT_BYTES
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace")
    elif b"\x00" in head:
        return None
    else:
        try:
            text = head.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if not complete and exc.start >= len(head) - 3:
                # The limit cut a character in two: drop its first bytes.
                text = head[: exc.start].decode("utf-8-sig", errors="replace")
            else:
                text = head.decode("cp1252", errors="replace")
    return TextExcerpt(text=text, shown_bytes=len(head), complete=complete)
