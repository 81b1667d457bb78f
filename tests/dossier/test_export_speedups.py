"""What makes the export faster must not change what it makes: pictures made ahead on another
core (over a vault connection of the worker's own, within a memory budget) equal those made in
turn, and a label drawn as a plain table string is the same words."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from evidence_kit.dossier import pictures_ahead
from evidence_kit.dossier.pdf_fonts import register_fonts
from evidence_kit.dossier.pdf_layout import Styles, kv_table
from evidence_kit.dossier.pictures_ahead import PicturesAhead, in_turn, make
from evidence_kit.errors import VaultDamagedError
from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

from .pdf_tools import pdftotext


def _screenshot(seed: int, height: int) -> bytes:
    picture = Image.new("RGB", (540, height), (200 - seed, 30, 40))
    draw = ImageDraw.Draw(picture)
    for row in range(0, height, 120):
        draw.rounded_rectangle((20, row + 10, 400 - seed, row + 70), 12, fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


class _Originals:
    """A stand-in for the vault's second reader: which thread reads, what, and when it is closed."""

    def __init__(self, originals: dict[int, bytes]) -> None:
        self.originals = originals
        self.reads: list[int] = []
        self.threads: set[str] = set()
        self.closed = False

    def read(self, item_id: int) -> bytes:
        self.threads.add(threading.current_thread().name)
        self.reads.append(item_id)
        return self.originals[item_id]

    def __enter__(self) -> _Originals:
        return self

    def __exit__(self, *exc: object) -> None:
        self.closed = True


def test_pictures_made_ahead_equal_pictures_made_in_turn() -> None:
    originals = {
        0: _screenshot(1, 2400),
        2: b"not a picture at all",
        3: _screenshot(2, 300),
        5: _screenshot(3, 1800),
    }  # indices 1 and 4: not an image, or withheld
    wanted = {index: 100 + index for index in originals}
    source = _Originals({100 + index: data for index, data in originals.items()})
    with PicturesAhead(wanted, lambda: source) as ahead:
        made = {index: ahead.picture(index) for index in range(6)}
    expected = in_turn(originals)
    assert {index: made[index] for index in originals} == expected
    assert made[1] is None and made[4] is None and made[2] is None
    picture, rows = made[0]  # type: ignore[misc]
    assert picture.startswith(b"\xff\xd8") and len(rows) == 2400
    # Read on the worker's thread, over its own reader, each original once, in dossier order.
    assert source.threads == {"dossier-pictures"} and source.reads == [100, 102, 103, 105]
    assert source.closed


def test_the_worker_stays_within_its_memory_budget_and_stops_when_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pictures_ahead, "AHEAD_BYTES", 1)  # one finished picture at a time
    source = _Originals({index: _screenshot(index, 200) for index in range(50)})
    with PicturesAhead({index: index for index in range(50)}, lambda: source) as ahead:
        assert ahead.picture(0) is not None
        time.sleep(0.5)  # time enough to run far ahead, were it not held back
    # The first picture, then the one made once the first was taken: never the whole case.
    assert source.reads == [0, 1]
    assert source.closed


def test_a_vault_that_cannot_be_read_reaches_the_layout_as_the_vault_error() -> None:
    class Broken(_Originals):
        def read(self, item_id: int) -> bytes:
            if item_id == 3:
                raise VaultDamagedError(path="case.ekvault", detail="file is not a database")
            return super().read(item_id)

    source = Broken({index: _screenshot(index, 200) for index in range(5)})
    with PicturesAhead({index: index for index in range(5)}, lambda: source) as ahead:
        assert ahead.picture(1) is not None  # pictures before the damage are shown
        with pytest.raises(VaultDamagedError):
            ahead.picture(3)


def test_the_pictures_worker_reads_the_vault_over_a_connection_of_its_own(tmp_path: Path) -> None:
    vault, _code = Vault.create(
        tmp_path / "case.ekvault", "correct horse battery", kdf=KdfParams.insecure_fast()
    )
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(_screenshot(4, 1200))
    with vault:
        (result,) = list(add_paths(vault, [shot]))
        (item,) = result.items
        with vault.original_reader() as reader:
            assert reader.read(item.id) == shot.read_bytes()
            assert reader.read(item.id + 1000) == b""  # no such item: nothing, not another's bytes
        with PicturesAhead({0: item.id}, vault.original_reader) as ahead:
            made = ahead.picture(0)
            vault.set_note(item.id, "written while the reader is open")  # the vault still writes
    assert made == make(shot.read_bytes())


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
