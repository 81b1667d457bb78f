"""The dossier read as police or a lawyer read it: legible screenshots, an index that finds every
item, text files and mailbox messages shown, every page labelled, and PDF/A-3b after signing.

One vault (a 1080 x 2400 phone screenshot, a text file, a two-message mailbox, a long file name)
is exported once through the CLI, in Dutch; every test looks at that one signed PDF with poppler
and qpdf, as a sceptical reader would.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from evidence_kit.cli import main
from evidence_kit.importers.batch import add_paths
from evidence_kit.vault import Vault
from tests.dossier import pdf_tools
from tests.helpers import cli_env
from tests.vault.conftest import FAST, PASSPHRASE

CASE_TITLE = "Intimidatie via Instagram (fictief)"
SCREEN = (1080, 2400)
TEXT_LINE_PX = 30  # the height of a line of body text in the synthetic screenshot
TEXT_NOTE = "Logboek regel één\nTweede regel: https://example.org/een/heel/lang/pad?met=parameters&en=meer"
LONG_NAME = "IMG_20261003_234112_bewijs_van_de_bedreiging_via_instagram_direct.txt"
MBOX = (
    "From sender@example.net Tue Oct 20 02:14:02 2026\n"
    "From: Afzender Een <sender@example.net>\n"
    "To: Sanne <sanne@example.org>\n"
    "Subject: Eerste bericht in de mailbox\n"
    "Date: Tue, 20 Oct 2026 02:14:02 +0200\n"
    "Message-ID: <one@example.net>\n"
    "\n"
    "Tekst van het eerste bericht.\n"
    "\n"
    "From other@example.net Wed Oct 21 09:00:00 2026\n"
    "From: Afzender Twee <other@example.net>\n"
    "To: Sanne <sanne@example.org>\n"
    "Subject: Tweede bericht in de mailbox\n"
    "Date: Wed, 21 Oct 2026 09:00:00 +0200\n"
    "Message-ID: <two@example.net>\n"
    "\n"
    "Tekst van het tweede bericht.\n"
)


def phone_screenshot() -> Image.Image:
    """A 1080 x 2400 chat screenshot: bubbles with 30-pixel lines of 'text' and gaps between."""
    image = Image.new("RGB", SCREEN, "#ECE5DD")
    draw = ImageDraw.Draw(image)
    y = 200
    while y < SCREEN[1] - 200:
        draw.rounded_rectangle((40, y, 900, y + 150), radius=20, fill="white")
        for line in range(2):
            top = y + 30 + line * 50
            draw.rectangle((80, top, 820, top + TEXT_LINE_PX), fill="#222222")
        y += 200
    return image


@dataclass(frozen=True)
class Exported:
    pdf: Path
    names: tuple[str, ...]
    pages: list[str]  # pdftotext per page


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    tmp = tmp_path_factory.mktemp("readability")
    source = tmp / "in"
    source.mkdir()
    phone_screenshot().save(source / "Screenshot_20261003-234112.png")
    (source / "Logboek.txt").write_text(TEXT_NOTE + "\n", encoding="utf-8")
    (source / LONG_NAME).write_text("kort\n", encoding="utf-8")
    (source / "inbox.mbox").write_text(MBOX, encoding="utf-8")
    vault_path = tmp / "case.ekvault"
    vault, _code = Vault.create(vault_path, PASSPHRASE, kdf=FAST)
    with vault:
        results = list(add_paths(vault, [source]))
        assert not [r for r in results if r.error]
        names = tuple(item.original_name for item in vault.items())
    # The CLI's own entry point, in this process (a subprocess would add seconds of start-up).
    args = ["export", str(vault_path), str(tmp / "dossier"), "--lang", "nl", "--title", CASE_TITLE]
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env(tmp).items():
            patch.setenv(key, value)
        with pytest.raises(SystemExit) as exited:
            main(args)
    assert exited.value.code in (0, None)
    pdf = tmp / "dossier" / "dossier.pdf"
    pages = pdf_tools.pdftotext(pdf).split("\f")[:-1]
    return Exported(pdf, names, pages)


def test_screenshot_is_embedded_at_native_size_and_its_text_prints_at_least_9_pt(exported: Exported) -> None:
    uses = [u for u in pdf_tools.image_uses(exported.pdf) if (u.width, u.height) == SCREEN]
    # Not shrunk to a thumbnail, not enlarged: the phone's own 1080 pixels, stored once.
    assert pdf_tools.image_sizes(exported.pdf).count(SCREEN) == 1
    assert uses, pdf_tools.image_uses(exported.pdf)
    for use in uses:
        # x_ppi pixels per inch on the page: a 30-pixel line of text is 30 * 72 / x_ppi points.
        assert TEXT_LINE_PX * 72 / use.x_ppi >= 9, use
        assert use.x_ppi == use.y_ppi  # the aspect is kept
    # Taller than a page at full width: it runs on over pages, each further part headed "continued".
    assert len({u.page for u in uses}) >= 2
    continued = [p for p in exported.pages if "vervolg van de afbeelding" in p]
    assert len(continued) == len({u.page for u in uses}) - 1


def _title_page(exported: Exported, number: int, name: str) -> int:
    # Compared without spaces: a long file name wraps in the heading (after one of its "_").
    title = f"Stuk {number}: {name}".replace(" ", "")
    found = [i for i, page in enumerate(exported.pages, start=1) if title in "".join(page.split())]
    assert found, title
    return found[0]


def test_index_lists_every_item_with_its_file_name_and_the_page_it_starts_on(exported: Exported) -> None:
    layout = pdf_tools.run("pdftotext", "-layout", "-enc", "UTF-8", str(exported.pdf), "-").stdout.split("\f")
    index_pages = [page for page in layout if "Register van de bewijsstukken" in page]
    assert index_pages
    index_text = "\n".join(index_pages)
    flat = pdf_tools.normalise(pdf_tools.pdftotext(exported.pdf)).replace(" ", "")
    for number, name in enumerate(exported.names, start=1):
        page = _title_page(exported, number, name)
        # The row starts with the item's number and ends with the page its section starts on.
        row = re.search(rf"^\s*{number}\s+\S.*?\s(\d+)\s*$", index_text, re.MULTILINE)
        assert row is not None, (number, index_text)
        assert int(row.group(1)) == page, (name, row.group(0))
        assert name.replace(" ", "") in flat
    # Kinds are whole words in the Dutch index, never "Afbeeldin" + "g".
    assert "Afbeelding" in index_text


def test_every_item_has_a_bookmark_to_its_page(exported: Exported) -> None:
    result = pdf_tools.run("qpdf", "--json", "--json-key=outlines", str(exported.pdf))
    data = json.loads(result.stdout)

    def walk(entries: list[dict[str, object]]) -> list[dict[str, object]]:
        found: list[dict[str, object]] = []
        for entry in entries:
            found.append(entry)
            kids = entry.get("kids")
            if isinstance(kids, list):
                found += walk(kids)
        return found

    outlines = {str(e["title"]): e for e in walk(data["outlines"])}
    for number, name in enumerate(exported.names, start=1):
        entry = outlines[f"Stuk {number}: {name}"]
        assert entry["destpageposfrom1"] == _title_page(exported, number, name), name


def test_every_page_names_the_case_and_says_page_x_of_y(exported: Exported) -> None:
    total = len(exported.pages)
    for number, page in enumerate(exported.pages, start=1):
        assert f"Zaak: {CASE_TITLE}" in page, number
        assert f"Pagina {number} van {total}" in page, number


def test_text_file_content_is_shown(exported: Exported) -> None:
    text = pdf_tools.normalise(pdf_tools.pdftotext(exported.pdf, body_only=True))
    assert "Inhoud van het bestand" in text
    assert "Logboek regel één" in text
    assert "Tweede regel: https://example.org/een/heel/lang/pad?met=parameters&en=meer" in text
    assert "Het hele bestand als tekst" in text


def test_mailbox_shows_each_message_with_its_own_headers(exported: Exported) -> None:
    text = pdf_tools.normalise(pdf_tools.pdftotext(exported.pdf, body_only=True))
    assert "Bericht 1 van 2" in text and "Bericht 2 van 2" in text
    assert "Onderwerp Eerste bericht in de mailbox" in text
    assert "Onderwerp Tweede bericht in de mailbox" in text
    assert "Tekst van het tweede bericht." in text
    # No item-level header table that belongs to no message ("messages: 2").
    assert "Kopregels van de e-mail" not in text


def test_signed_dossier_is_identified_as_pdfa_3b_and_the_signature_verifies(exported: Exported) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    assert pdf_tools.run("qpdf", "--check", str(exported.pdf)).returncode == 0
    with exported.pdf.open("rb") as handle:
        reader = PdfFileReader(handle)
        root = reader.root
        xmp = root["/Metadata"].get_object().data.decode("utf-8")
        assert 'pdfaid:part="3"' in xmp or "<pdfaid:part>3</pdfaid:part>" in xmp
        assert 'pdfaid:conformance="B"' in xmp or "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
        intent = root["/OutputIntents"][0]
        assert intent["/S"] == "/GTS_PDFA1"
        assert len(intent["/DestOutputProfile"].get_object().data) > 100
        # The manifest is an associated file (PDF/A-3), listed in the catalog's /AF.
        spec = root["/AF"][0].get_object()
        assert spec["/AFRelationship"] == "/Data"
        assert "/ModDate" in spec["/EF"]["/F"].get_object()["/Params"]
        # The information dictionary and the XMP agree on the producer after signing.
        producer = str(reader.trailer["/Info"]["/Producer"])
        assert f'pdf:Producer="{producer}"' in xmp or f"<pdf:Producer>{producer}</pdf:Producer>" in xmp
        signature = reader.embedded_signatures[0]
        context = ValidationContext(trust_roots=[signature.signer_cert], allow_fetching=False)
        status = validate_pdf_signature(signature, context)
        assert status.intact and status.valid
        assert status.coverage.name == "ENTIRE_FILE"
