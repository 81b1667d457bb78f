"""Issue #17: the dossier's case part, through a real export of the demo case with its case work.

The demo vault (`resources/demo/` imported, then `case/demo_case.py`: three incidents, one edited
to version 2, two people, offence categories on two items) is exported in Dutch and in English
with the known gaps. The PDF's text must show the incident log, the people register summary,
the categories with their legal references under the disclaimer, the timeline's incidents and
weekly chart, the known gaps, and each item's categories and incidents on its page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_kit.case.demo_case import add_demo_case
from evidence_kit.dossier.export import export_dossier
from evidence_kit.dossier.texts import TEXTS
from evidence_kit.importers.batch import add_paths
from evidence_kit.resources import demo_dir
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from tests.dossier.pdf_tools import normalise, pdftotext


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    root = tmp_path_factory.mktemp("case_part")
    vault, _code = Vault.create(root / "v", "pass phrase", case_title="Demo", kdf=KdfParams.insecure_fast())
    texts: dict[str, str] = {}
    with vault:
        list(add_paths(vault, [demo_dir()]))
        add_demo_case(vault, "nl")
        for lang in ("nl", "en"):
            export_dossier(vault, root / lang, lang=lang, with_gaps=True)  # type: ignore[arg-type]
            texts[lang] = normalise(pdftotext(root / lang / "dossier.pdf"))
        export_dossier(vault, root / "plain", lang="en")
        texts["plain"] = normalise(pdftotext(root / "plain" / "dossier.pdf"))
        export_dossier(vault, root / "one", lang="en", item_ids=[1])
        texts["one"] = normalise(pdftotext(root / "one" / "dossier.pdf"))
    yield root, texts


def test_the_incident_log_shows_every_incident_with_its_version_and_seal(
    demo: tuple[Path, dict[str, str]],
) -> None:
    text = demo[1]["nl"]
    assert "Logboek van incidenten" in text and "3 incident(en)" in text
    first = text.index("Incident 1: Berichten en dreigementen 's nachts via WhatsApp")
    second = text.index("Incident 2: Instagrambericht: hij zag me op het station")
    third = text.index("Incident 3: Anonieme e-mail met mijn nieuwe adres")
    assert first < second < third  # in the order they happened
    assert "03-10-2026 23:05 (+02:00) tot en met 04-10-2026 07:30 (+02:00)" in text
    assert "https://instagram.example/direct/t/000000001" in text
    assert "Lotte (mijn zus, fictief)" in text and "Zijn nummer geblokkeerd op 4 oktober" in text
    assert "versie 2, eerst vastgelegd" in text and "de eerdere versies blijven in de kluis bewaard" in text
    assert "Ik voel me thuis niet veilig." in text  # the edit: version 2's words


def test_the_people_register_says_where_each_person_appears(demo: tuple[Path, dict[str, str]]) -> None:
    text = demo[1]["en"]
    part = text[text.index("The other party") :]
    assert "Mark (fictief)" in part and "phone: +31 6 00000001" in part and "account: @mark_fictief" in part
    # Mark sent 5 of the demo chat's messages (item No. 2); the e-mail's sender is item No. 1.
    assert "No. 2 5 03-10-2026" not in part  # dates are ISO in English
    assert "No. 2 5 2026-10-03 23:05 to 2026-10-04 07:30" in part
    assert "throwaway.sender@example.net" in part and "No. 1 1 2026-10-20 02:14" in part


def test_the_categories_stand_under_the_disclaimer_with_their_articles(
    demo: tuple[Path, dict[str, str]],
) -> None:
    for lang, disclaimer_start, unverified in (
        ("nl", "geen juridisch advies", "(de verwijzing is niet aan de tekst van het artikel gecontroleerd)"),
        ("en", "not legal advice", "(the reference was not checked against the article's text)"),
    ):  # fmt: skip
        text = demo[1][lang]
        heading = TEXTS[lang]["case.offences"]
        part = text[text.index(heading) :]
        assert part.index(normalise(disclaimer_start)) < part.index("285b Sr")
        assert "https://wetten.overheid.nl/jci1.3:c:BWBR0001854&artikel=285b" in part.replace(" ", "")
        assert unverified in part  # 254ba Sr (intimate images) was not checked against its text
    en = demo[1]["en"]
    assert "Given to: incident(s) 1, 3; item(s) No. 1, 4" in en  # threats: two incidents, two items


def test_the_timeline_has_the_incidents_and_a_weekly_chart(demo: tuple[Path, dict[str, str]]) -> None:
    text = demo[1]["en"]
    timeline = text[text.index("Timeline") : text.index("The case: incidents, people and offences")]
    assert "Events per week: items, messages and incidents" in timeline
    assert "Incident 2 · 07:58 · Instagram message: he saw me at the station" not in timeline  # nl texts
    assert "Incident 2 · 07:58 · Instagrambericht: hij zag me op het station · Instagram" in timeline
    assert timeline.index("Incident 3 · 02:14") < timeline.index("No. 1 · 02:14")  # the day's incident first


def test_known_gaps_only_when_asked_and_named_by_dossier_number(demo: tuple[Path, dict[str, str]]) -> None:
    texts = demo[1]
    assert "Known gaps" in texts["en"] and "Known gaps" not in texts["plain"]
    gaps = texts["en"][texts["en"].index("Known gaps") :]
    assert "No. 2 This chat was exported without media" in gaps
    assert "No. 3 Nothing in it says when it happened" in gaps
    # Mark's number is in incident 1, which links the chat: no "name only" hint for him.
    assert "appears only under the name saved in the phone" not in gaps
    # E-mail and WhatsApp have no web addresses: no "add the URL" hint for incidents 1 and 3.
    assert "no web address is given" not in gaps


def test_each_item_page_names_its_categories_and_incidents(demo: tuple[Path, dict[str, str]]) -> None:
    text = demo[1]["en"]
    page = text[text.index("File name Email from unknown sender 2026-10-20.eml") :][:800]
    assert "Offence categories Doxing; Threats Incidents incident(s) 3" in page
    chat = text[text.index("File name WhatsApp-chat met Mark (fictief).txt") :][:800]
    assert "Incidents incident(s) 1" in chat and "Offence categories" not in chat


def test_the_contents_lists_the_case_part_and_a_smaller_selection_names_outside_items(
    demo: tuple[Path, dict[str, str]],
) -> None:
    assert "The case: incidents, people, offences" in demo[1]["en"]
    one = demo[1]["one"]  # only vault item 1, the e-mail
    assert "Evidence No. 1" in one  # incident 3 links the e-mail, which is No. 1 here too
    assert "Evidence vault item(s) 2, 4, not in this dossier" in one  # incident 1: the chat, a screenshot
    assert "Evidence vault item(s) 5, not in this dossier" in one  # incident 2
