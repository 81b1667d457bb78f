"""The pieces behind the readable item pages: the picture and text renditions made at export,
line breaking of long tokens, rows kept whole, and right-to-left text in the index and header.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Spacer

from evidence_kit.dossier.pdf_fonts import SANS, register_fonts
from evidence_kit.dossier.pdf_layout import FRAME_HEIGHT, Styles, kv_table, plain
from evidence_kit.dossier.pdf_picture import FULL_PAGE, MAX_PAGES, Picture, PictureSource
from evidence_kit.dossier.pdf_text import wrap_logical
from evidence_kit.dossier.picture import TEXT_LIMIT_BYTES, is_text_file, pdf_picture, text_excerpt
from tests.dossier import pdf_tools
from tests.dossier.sample_dossier import Sample, build_sample


def _encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _size(data: bytes | None) -> tuple[int, int]:
    assert data is not None
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG" and img.mode == "RGB"
        return img.size


def test_picture_keeps_a_phone_screenshot_native_reduces_a_photo_and_never_enlarges() -> None:
    assert _size(pdf_picture(_encoded(Image.new("RGB", (1080, 2400), "white"), "PNG"))) == (1080, 2400)
    assert _size(pdf_picture(_encoded(Image.new("RGB", (4000, 3000), "grey"), "JPEG"))) == (1600, 1200)
    assert _size(pdf_picture(_encoded(Image.new("RGB", (200, 100), "grey"), "PNG"))) == (200, 100)


def test_picture_is_upright_and_flattened_and_garbage_gives_none() -> None:
    sideways = Image.new("RGB", (100, 50), "red")
    exif = sideways.getexif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to view
    assert _size(pdf_picture(_encoded(sideways, "JPEG", exif=exif))) == (50, 100)
    transparent = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    with Image.open(io.BytesIO(pdf_picture(_encoded(transparent, "PNG")) or b"")) as img:
        assert img.getpixel((10, 10)) == (255, 255, 255)  # transparent shows as the white page
    assert pdf_picture(b"\x89PNG\r\n\x1a\n not a picture") is None


def test_text_excerpt_cuts_at_the_limit_without_half_a_character() -> None:
    text = "é" * TEXT_LIMIT_BYTES  # two bytes each: the limit falls on a character boundary
    whole = text.encode("utf-8")
    excerpt = text_excerpt([whole[:1000], whole[1000:]], len(whole))
    assert excerpt is not None and not excerpt.complete
    assert excerpt.shown_bytes == TEXT_LIMIT_BYTES and excerpt.text == "é" * (TEXT_LIMIT_BYTES // 2)
    odd = b"a" + whole  # now the limit cuts an "é" in two: its first byte is dropped, not shown as junk
    cut = text_excerpt([odd], len(odd))
    assert cut is not None and cut.text == "a" + "é" * (TEXT_LIMIT_BYTES // 2 - 1)
    short = text_excerpt([b"caf\xe9\n"], 5)  # not UTF-8: read as Windows-1252
    assert short is not None and short.complete and short.text == "café\n"
    assert text_excerpt([b"\x00\x01binary"], 8) is None
    assert is_text_file("log.TXT", None) and is_text_file("x", "text/csv")
    assert not is_text_file("a.png", "image/png")


def test_long_urls_and_names_break_after_a_separator_not_inside_a_word() -> None:
    register_fonts()
    url = "https://example.org/" + "/".join(f"segment{n:02d}" for n in range(12)) + "?query=value&more=yes"
    lines = wrap_logical(url, SANS, 8, 120)
    assert "".join(lines) == url and len(lines) > 2
    for line in lines[:-1]:
        assert line[-1] in "/.?&=", lines
    name = "IMG_20261003_234112_" + "_".join(["Afbeelding"] * 8) + ".png"
    name_lines = wrap_logical(name, SANS, 8, 100)
    assert "".join(name_lines) == name and len(name_lines) > 2
    for line in name_lines[:-1]:
        assert line[-1] in "_.", name_lines


def test_a_row_that_fits_on_a_page_moves_whole_to_the_next(tmp_path: Path) -> None:
    register_fonts()
    styles = Styles()
    value = " ".join(f"woord{n}" for n in range(400))  # about ten lines in the value column
    first = kv_table([("Eerste", plain("kort", styles.cell))], 80, styles.cell_bold)
    second = kv_table([("Tweede", plain(value, styles.cell))], 80, styles.cell_bold)
    path = tmp_path / "rows.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    # Room for the first table and a few lines, not for the whole row of the second, which
    # ReportLab alone (splitInRow) would cut in two across the page break.
    doc.build([Spacer(1, FRAME_HEIGHT - 90), first, second])
    pages = pdf_tools.pdftotext(path).split("\f")
    assert "Eerste" in pages[0] and "woord" not in pages[0]
    assert "Tweede" in pages[1] and "woord0" in pages[1] and "woord399" in pages[1]


@pytest.fixture
def sample(uncommon_text: tuple[str, ...]) -> Sample:
    return build_sample("en", uncommon_text)


def test_right_to_left_case_title_and_note_read_in_order(tmp_path: Path, sample: Sample) -> None:
    info = dataclasses.replace(sample.info, case_title="תיק הטרדה ברשת")
    item = dataclasses.replace(sample.items[0], note="ملاحظة عن رسالة تهديد")
    pdf = pdf_tools.render(tmp_path / "rtl.pdf", info, [item], [])
    pages = [pdf_tools.normalise(page) for page in pdf_tools.pdftotext(pdf).split("\f")[:-1]]
    # Drawn in visual order, a reader (and poppler) reads the words in their logical order;
    # drawn as stored, poppler would give "תשרב הדרטה קית".
    for page in pages:
        assert "Case: תיק הטרדה ברשת" in page
    index = next(page for page in pages if "Index of items" in page)
    assert "ملاحظة عن رسالة تهديد" in index


def test_a_very_long_strip_takes_at_most_max_pages() -> None:
    strip = _encoded(Image.new("RGB", (10, 20_000), "grey"), "JPEG")
    picture = Picture(PictureSource(strip, 10, 20_000))
    _width, height = picture.wrap(470, FULL_PAGE)
    assert MAX_PAGES * FULL_PAGE * 0.99 <= height <= MAX_PAGES * FULL_PAGE
    small = Picture(PictureSource(_encoded(Image.new("RGB", (300, 400), "grey"), "JPEG"), 300, 400))
    assert small.wrap(470, FULL_PAGE) == (300, 400)  # one point per pixel, never enlarged
