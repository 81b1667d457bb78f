"""Issue #14 (claims, language, withheld originals, relations), through a real export of the demo case.

One vault per module: the fictional demo case, plus an e-mail with an attachment (a parent and its
child), a second copy of one demo screenshot (a duplicate) and a photo dated 2011 (an outlier of
the period). It is exported twice: in Dutch with the withheld original left out (the default),
and in English with it included.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from evidence_kit.domain import ItemKind
from evidence_kit.dossier.export import ExportResult, export_dossier
from evidence_kit.dossier.pdf_context import ItemHead
from evidence_kit.dossier.pdf_front import split_period
from evidence_kit.dossier.texts import TEXTS
from evidence_kit.importers.batch import add_paths
from evidence_kit.resources import demo_dir
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from evidence_kit.verify.package import verify_package
from evidence_kit.verify.package_format import CUSTODY_LOG_NAME, WITHHELD_REASON
from tests.functional.fixtures import email_with_attachment

LOCALE = Path(__file__).resolve().parents[2] / "evidence_kit" / "locale" / "nl.json"


def _old_photo(path: Path) -> Path:
    image = Image.new("RGB", (80, 60), "#335577")
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2011:06:01 10:00:00"  # DateTimeOriginal, far before the case
    image.save(path, format="JPEG", exif=exif)
    return path


class Case:
    def __init__(self, root: Path) -> None:
        inputs = root / "inputs"
        shutil.copytree(demo_dir(), inputs)
        shutil.copy(inputs / "Screenshot 2026-10-17 at 08.05.png", inputs / "copy of screenshot.png")
        email_with_attachment(inputs / "threat.eml")
        _old_photo(inputs / "old photo.jpg")
        vault, _code = Vault.create(
            root / "case.ekvault", "correct horse battery", kdf=KdfParams.insecure_fast()
        )
        self.vault = vault
        list(add_paths(vault, [inputs]))
        self.by_name = {item.original_name: item for item in vault.items()}
        self.withheld = self.by_name["Screenshot 2026-10-03 at 23.41.png"]
        self.nl: ExportResult = export_dossier(vault, root / "nl", lang="nl", withhold=[self.withheld.id])
        self.en: ExportResult = export_dossier(
            vault, root / "en", lang="en", withhold=[self.withheld.id], include_withheld=True
        )
        self.nl_text = _pdf_text(self.nl.folder / "dossier.pdf")
        self.en_text = _pdf_text(self.en.folder / "dossier.pdf")


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    made = Case(tmp_path_factory.mktemp("claims"))
    yield made
    made.vault.close()


def _manifest(folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- the custody log


def _chain_codes(folder: Path) -> list[str]:
    report = verify_package(folder)
    return [r.code for r in report.results if r.subject == CUSTODY_LOG_NAME]


def test_the_package_ships_the_whole_custody_log_and_verify_package_walks_it(case: Case) -> None:
    lines = (case.nl.folder / CUSTODY_LOG_NAME).read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    manifest = _manifest(case.nl.folder)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[-1]["hash"] == manifest["custody_log_head"]
    assert all(e["prev_hash"] == before["hash"] for before, e in itertools.pairwise(events))
    assert all(e["body"] and e["signature"] for e in events)  # every item of the case is exported
    assert CUSTODY_LOG_NAME in {f["file"] for f in manifest["support_files"]}
    assert _chain_codes(case.nl.folder) == ["file_ok", "custody_chain_ok"]


@pytest.mark.parametrize("damage", ["change", "drop", "reorder"])
def test_verify_package_fails_on_one_event_changed_dropped_or_reordered(
    case: Case, tmp_path: Path, damage: str
) -> None:
    folder = tmp_path / "package"
    shutil.copytree(case.nl.folder, folder)
    path = folder / CUSTODY_LOG_NAME
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if damage == "change":
        event = json.loads(lines[2])
        event["body"] = event["body"].replace('"item":', '"item": ', 1) or event["body"] + " "
        lines[2] = json.dumps(event) + "\n"
    elif damage == "drop":
        del lines[3]
    else:
        lines[3], lines[4] = lines[4], lines[3]
    path.write_text("".join(lines), encoding="utf-8")
    report = verify_package(folder)
    assert not report.ok
    chain = [r for r in report.results if r.subject == CUSTODY_LOG_NAME and r.code == "custody_chain_broken"]
    assert chain, [r.format() for r in report.results]
    wanted = {"change": "was changed", "drop": "missing", "reorder": "out of order"}[damage]
    assert any(wanted in r.format() for r in chain), [r.format() for r in chain]


# ----------------------------------------------------------------------------- withheld originals


def test_a_withheld_original_is_left_out_by_default_and_named_in_the_manifest(case: Case) -> None:
    entry = next(i for i in _manifest(case.nl.folder)["items"] if i["id"] == case.withheld.id)
    assert entry["withheld_in_pdf"] is True
    assert entry["original_in_package"] is False
    assert entry["withheld_reason"] == WITHHELD_REASON
    assert entry["sha256"] == case.withheld.sha256
    assert not (case.nl.folder / entry["file"]).exists()
    assert case.withheld.sha256 not in (case.nl.folder / "SHA256SUMS").read_text()
    assert case.withheld.sha256 in (case.nl.folder / "VERIFY.txt").read_text(encoding="utf-8")
    assert "origineel niet in dit pakket" in case.nl_text
    report = verify_package(case.nl.folder)
    assert report.ok, [r.format() for r in report.failures]
    assert any(r.code == "original_withheld" for r in report.results)


def test_a_withheld_original_is_in_the_package_when_the_user_asks(case: Case) -> None:
    entry = next(i for i in _manifest(case.en.folder)["items"] if i["id"] == case.withheld.id)
    assert entry["original_in_package"] is True
    assert (case.en.folder / entry["file"]).read_bytes() == b"".join(
        case.vault.iter_original(case.withheld.id)
    )
    assert "original in package" in case.en_text
    assert verify_package(case.en.folder).ok


# ----------------------------------------------------------------------------- language


def _fragments(template: str) -> Iterator[str]:
    """The fixed words of a template, between its placeholders, of three words or more."""
    for piece in re.split(r"\{[^}]*\}", template):
        words = piece.split()
        if len(words) >= 3:
            yield " ".join(words)


def test_the_dutch_dossier_shows_no_english_phrase_of_either_catalogue(case: Case) -> None:
    nl_json = json.loads(LOCALE.read_text(encoding="utf-8"))
    english = [text for key, text in TEXTS["en"].items() if text != TEXTS["nl"][key]]
    english += [key for key, value in nl_json.items() if isinstance(value, str) and value != key]
    found = sorted({f for template in english for f in _fragments(template) if f in case.nl_text})
    assert found == []
    for technical in ("application/octet-stream", "Platform whatsapp", "Platform email", "day/month/year"):
        assert technical not in case.nl_text
    assert "PDF-document" in case.nl_text  # the e-mail's attachment, in words
    assert "Tekstbestand" in case.nl_text


# ----------------------------------------------------------------------------- relations and period


def test_attachments_name_their_parent_and_the_message_links_to_them(case: Case) -> None:
    number = {item.id: n for n, item in enumerate(case.vault.items(), start=1)}
    parent = case.by_name["threat.eml"]
    child = case.by_name["map.pdf"]
    assert child.parent_id == parent.id
    assert f"Afkomstig uit stuk {number[parent.id]} (threat.eml)" in case.nl_text
    assert f"Bijlage: map.pdf → stuk {number[child.id]}" in case.nl_text
    assert f"Taken from item {number[parent.id]} (threat.eml)" in case.en_text


def test_items_with_the_same_sha256_are_listed_together(case: Case) -> None:
    number = {item.id: n for n, item in enumerate(case.vault.items(), start=1)}
    copy = case.by_name["copy of screenshot.png"]
    assert f"also imported as item {number[copy.id]} (copy of screenshot.png)" in case.en_text
    assert "ook geïmporteerd als stuk" in case.nl_text


def test_the_period_comes_from_the_content_and_names_the_outlier(case: Case) -> None:
    number = {item.id: n for n, item in enumerate(case.vault.items(), start=1)}
    old = number[case.by_name["old photo.jpg"].id]
    assert "03-10-2026 tot en met 20-10-2026" in case.nl_text
    assert f"Ver buiten deze periode: stuk {old} (01-06-2011)" in case.nl_text
    assert "2026-10-03 to 2026-10-20" in case.en_text


def test_split_period_keeps_the_case_span_and_lists_far_items_apart() -> None:
    def head(number: int, day: date | None) -> ItemHead:
        head = ItemHead(number, ItemKind.IMAGE, "", "", "", "0" * 64, False, None)
        if day is not None:
            from datetime import datetime

            head.first_message = head.last_message = datetime(day.year, day.month, day.day)
        return head

    heads = [
        head(1, date(2026, 10, 3)),
        head(2, date(2011, 6, 1)),
        head(3, date(2026, 10, 20)),
        head(4, None),
    ]
    assert split_period(heads) == (date(2026, 10, 3), date(2026, 10, 20), [(2, date(2011, 6, 1))])
    assert split_period([head(4, None)]) == (None, None, [])


# ----------------------------------------------------------------------------- honest claims


def test_the_cover_and_items_say_who_vouches_for_each_time_and_what_the_signature_proves(case: Case) -> None:
    for text, phrases in (
        (
            case.en_text,
            [
                "made on the user’s own computer (a self-made key",
                "It does not prove who the person is",
                "Only a trusted timestamp from a time-stamp authority (TSA) proves",
                "from the clock of the user’s computer; not proven",
                "pdfsig dossier.pdf",
                "Adobe Acrobat Reader",
                "Trusted timestamps: this package holds none.",
                "custody_log.jsonl",
            ],
        ),
        (
            case.nl_text,
            [
                "op de eigen computer van de gebruiker heeft gemaakt (een zelfgemaakte sleutel",
                "Ze bewijst niet wie de persoon is",
                "Alleen een vertrouwd tijdstempel van een tijdstempelautoriteit (TSA) bewijst",
                "van de klok van de computer van de gebruiker; niet bewezen",
                "pdfsig dossier.pdf",
                "Adobe Acrobat Reader",
            ],
        ),
    ):
        missing = [p for p in phrases if p not in text]
        assert missing == []
