"""What makes the export faster must not change what it makes: pictures made ahead on another
core equal those made in turn, and a label drawn as a plain table string is the same words."""

from __future__ import annotations

import io
import threading
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from evidence_kit.dossier.pdf_fonts import register_fonts
from evidence_kit.dossier.pdf_layout import Styles, kv_table
from evidence_kit.dossier.pictures_ahead import AHEAD, PicturesAhead, in_turn

from .pdf_tools import pdftotext


def _screenshot(seed: int, height: int) -> bytes:
    picture = Image.new("RGB", (540, height), (200 - seed, 30, 40))
    draw = ImageDraw.Draw(picture)
    for row in range(0, height, 120):
        draw.rounded_rectangle((20, row + 10, 400 - seed, row + 70), 12, fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def test_pictures_made_ahead_equal_pictures_made_in_turn() -> None:
    originals: list[bytes | None] = [
        _screenshot(1, 2400),
        None,  # not an image, or withheld
        b"not a picture at all",
        _screenshot(2, 300),
        None,
        _screenshot(3, 1800),
    ]
    read_on: list[str] = []

    def original(index: int) -> bytes | None:
        read_on.append(threading.current_thread().name)  # the vault is only read on this thread
        return originals[index]

    with PicturesAhead(len(originals), original) as ahead:
        made = [ahead.picture(index) for index in range(len(originals))]
    assert made == in_turn(originals)
    assert made[0] is not None and made[1] is None and made[2] is None
    picture, rows = made[0]
    assert picture.startswith(b"\xff\xd8") and len(rows) == 2400
    assert set(read_on) == {threading.current_thread().name} and len(read_on) == len(originals)


def test_leaving_early_reads_no_more_than_it_looks_ahead() -> None:
    reads: list[int] = []

    def original(index: int) -> bytes:
        reads.append(index)
        return _screenshot(index, 200)

    with PicturesAhead(50, original) as ahead:
        assert ahead.picture(0) is not None
    assert reads == list(range(AHEAD + 1))  # bounded: never the whole case in memory


def test_labels_that_fit_are_table_strings_and_read_the_same(tmp_path: Path) -> None:
    register_fonts()
    styles = Styles()
    long_label = "Tijd volgens de tijdstempelautoriteit, bevestigd"
    table = kv_table(
        [("SHA-256", Paragraph("ab12", styles.cell)), (long_label, Paragraph("value", styles.cell))],
        3.6 * cm,
        styles.cell_bold,
    )
    cells = [row[0] for row in table._cellvalues]  # type: ignore[attr-defined]
    assert cells[0] == "SHA-256"  # drawn by the table itself
    assert isinstance(cells[1], Paragraph)  # too long for one line: wraps as a Paragraph
    out = tmp_path / "labels.pdf"
    SimpleDocTemplate(str(out)).build([table])
    text = " ".join(pdftotext(out).split())
    assert "SHA-256 ab12" in text and "tijdstempelautoriteit" in text
