"""Helpers that look at a rendered dossier with the tools a sceptical reader would use.

qpdf and pdftotext/pdffonts/pdfinfo (Debian packages `qpdf` and `poppler-utils`) are external
programs on purpose: the dossier must satisfy them, not our own reading of it.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from evidence_kit.dossier.model import CustodyEventRow, DossierInfo, DossierItem
from evidence_kit.dossier.pdf import render_dossier

# The body of an A4 page without the header and footer, in points from the top-left (pdftotext
# -x/-y/-W/-H at its default 72 dpi). The header's rule is 1.45 cm (41 pt) below the top edge, the
# frame starts at 2 cm; the footer starts 2 cm above the bottom edge, the frame ends at 2.6 cm.
BODY_CROP = ("-x", "0", "-y", "48", "-W", "595", "-H", "722")

# Poppler wraps the right-to-left runs it detects in embedding marks (U+202A..U+202E) when it
# extracts text; the dossier itself never contains them (it prints such characters as codes).
_POPPLER_BIDI_MARKS = re.compile("[\u202a-\u202e]")


def render(
    path: Path, info: DossierInfo, items: Iterable[DossierItem], events: Iterable[CustodyEventRow]
) -> Path:
    buffer = io.BytesIO()
    render_dossier(info, items, events, buffer)
    path.write_bytes(buffer.getvalue())
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False, timeout=300)


def pdftotext(pdf: Path, *, body_only: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(BODY_CROP if body_only else ()), str(pdf), "-"]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def normalise(text: str) -> str:
    """NFKC (Arabic presentation forms back to letters), no poppler bidi marks, single spaces."""
    text = _POPPLER_BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def page_count(pdf: Path) -> int:
    result = run("pdfinfo", str(pdf))
    assert result.returncode == 0, result.stderr
    match = re.search(r"^Pages:\s+(\d+)$", result.stdout, re.MULTILINE)
    assert match is not None, result.stdout
    return int(match.group(1))


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name without subset tag, 'yes'/'no' embedded) for every font pdffonts lists."""
    result = run("pdffonts", str(pdf))
    assert result.returncode == 0, result.stderr
    rows: list[tuple[str, str]] = []
    for line in result.stdout.splitlines()[2:]:
        fields = line.split()
        name = fields[0].split("+", 1)[-1]
        # Columns from the right: object number, generation, uni, sub, emb.
        rows.append((name, fields[-5]))
    return rows


@dataclass(frozen=True)
class ImageUse:
    """One row of `pdfimages -list`: an image drawn on a page."""

    page: int
    width: int
    height: int
    encoding: str  # "jpeg", "image" (Flate), ...
    x_ppi: int  # pixels per inch as drawn: 72 means one pixel per point
    y_ppi: int


def image_uses(pdf: Path) -> list[ImageUse]:
    result = run("pdfimages", "-list", str(pdf))
    assert result.returncode == 0, result.stderr
    uses: list[ImageUse] = []
    for line in result.stdout.splitlines()[2:]:
        f = line.split()
        uses.append(ImageUse(int(f[0]), int(f[3]), int(f[4]), f[8], int(f[12]), int(f[13])))
    return uses


def image_sizes(pdf: Path) -> list[tuple[int, int]]:
    """(width, height) of every image XObject in the file, read by qpdf (used or not)."""
    result = run("qpdf", "--json", "--json-key=qpdf", str(pdf))
    assert result.returncode == 0, result.stderr
    objects = json.loads(result.stdout)["qpdf"][1]
    sizes: list[tuple[int, int]] = []
    for value in objects.values():
        stream = value.get("stream")
        if stream and stream["dict"].get("/Subtype") == "/Image":
            sizes.append((stream["dict"]["/Width"], stream["dict"]["/Height"]))
    return sorted(sizes)


def extracted_images(pdf: Path, tmp: Path) -> list[bytes]:
    """Every image's data as `pdfimages -all` writes it (JPEGs byte for byte as embedded)."""
    folder = tmp / (pdf.stem + "-images")
    folder.mkdir()
    result = run("pdfimages", "-all", str(pdf), str(folder / "img"))
    assert result.returncode == 0, result.stderr
    return [path.read_bytes() for path in sorted(folder.iterdir())]


def decoded_bytes(pdf: Path, tmp: Path) -> bytes:
    """The file with every stream qpdf can fully decode (ASCII85, Flate) decoded.

    Streams whose filters end in DCT (JPEG) stay as they are; see `extracted_images` for those.
    """
    out = tmp / (pdf.stem + ".qdf.pdf")
    result = run(
        "qpdf", "--qdf", "--object-streams=disable", "--decode-level=generalized", str(pdf), str(out)
    )
    assert result.returncode == 0, result.stderr
    return out.read_bytes()
