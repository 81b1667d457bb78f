"""The offence taxonomy: the shipped file is complete and honest, a broken file is refused with a
clear error naming the file and the problem, and `evidence-kit categories` shows the disclaimer
first in both languages."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from evidence_kit.case import taxonomy as taxonomy_module
from evidence_kit.case.taxonomy import OFFICIAL_HOSTS, TaxonomyError, default_path, load_taxonomy
from evidence_kit.cli import main
from evidence_kit.i18n import error_text, get_language, set_language

# Each form of digital violence issue #17 names (after GREVIO General Recommendation No. 1), and
# the category that holds it.
ISSUE_FORMS = {
    "online sexual harassment": "online_sexual_harassment",
    "non-consensual sharing or threat of sharing intimate images": "intimate_image_abuse",
    "sextortion": "sextortion",
    "cyberflashing": "cyberflashing",
    "online stalking and monitoring (spyware, GPS trackers, account access)": "online_stalking",
    "threats": "threats",
    "doxing": "doxing",
    "impersonation": "impersonation",
    "defamation": "defamation",
    "hate speech": "hate_speech",
    "economic abuse": "economic_abuse",
}
# The Dutch offences issue #17 names, and a category each must appear under.
ISSUE_OFFENCES = {
    "285b Sr": "online_stalking",  # belaging
    "285 Sr": "threats",  # bedreiging
    "285d Sr": "doxing",  # doxing
    "254ba Sr": "intimate_image_abuse",  # misbruik van seksueel beeldmateriaal
    "317 Sr": "sextortion",  # afpersing
    "318 Sr": "sextortion",  # afdreiging
    "261 Sr": "defamation",  # smaad
    "262 Sr": "defamation",  # laster
    "231b Sr": "impersonation",  # identiteitsfraude
    "429ter Sr": "online_sexual_harassment",  # seksuele intimidatie
}


def test_the_shipped_file_loads_once() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.path == default_path()
    assert default_path().parts[-2:] == ("case", "categories.toml")
    assert load_taxonomy() is taxonomy  # cached
    assert load_taxonomy(default_path()) == taxonomy  # an explicit path is read again, the same


def test_every_form_the_issue_names_is_a_category() -> None:
    taxonomy = load_taxonomy()
    assert sorted(taxonomy.ids()) == sorted(ISSUE_FORMS.values())
    for form, category_id in ISSUE_FORMS.items():
        assert taxonomy.category(category_id).grevio_form == form


def test_every_offence_the_issue_names_is_under_its_category() -> None:
    taxonomy = load_taxonomy()
    for article, category_id in ISSUE_OFFENCES.items():
        assert article in taxonomy.category(category_id).articles(), (article, category_id)


def test_every_category_has_dutch_and_english_names_and_descriptions() -> None:
    for category in load_taxonomy().categories:
        for lang in ("nl", "en"):
            assert category.name(lang).strip()
            assert category.description(lang).strip().endswith(".")
        assert category.description("nl") != category.description("en")
        assert category.offences


def test_every_offence_has_an_official_source_a_checked_date_and_says_whether_it_was_verified() -> None:
    taxonomy = load_taxonomy()
    for offence in taxonomy.offences:
        number = offence.article.removesuffix(" Sr")
        assert offence.source == f"https://wetten.overheid.nl/jci1.3:c:BWBR0001854&artikel={number}"
        assert date(2024, 7, 1) <= offence.checked <= date.today()
        assert isinstance(offence.verified, bool)
        assert offence.checked_against.strip()
        if not offence.verified:  # an unchecked reference says so, and why
            assert offence.checked_against.startswith("Not verified")
        for lang in ("nl", "en"):
            assert offence.name(lang).strip() and offence.explanation(lang).strip()
    # The check was real: some references could be verified, and some honestly could not.
    verified = {o.article for o in taxonomy.offences if o.verified}
    assert {"285b Sr", "261 Sr", "231b Sr", "138ab Sr"} <= verified
    assert {"285d Sr", "254ba Sr", "429ter Sr"}.isdisjoint(verified)


def test_ids_and_articles_are_unique() -> None:
    taxonomy = load_taxonomy()
    assert len(set(taxonomy.ids())) == len(taxonomy.ids())
    articles = [o.article for o in taxonomy.offences]
    assert len(set(articles)) == len(articles)
    assert taxonomy.get("no_such_category") is None
    with pytest.raises(KeyError):
        taxonomy.category("no_such_category")


def test_the_disclaimer_and_the_law_changes() -> None:
    taxonomy = load_taxonomy()
    assert "geen juridisch advies" in taxonomy.disclaimer("nl")
    assert "not legal advice" in taxonomy.disclaimer("en")
    assert "politie" in taxonomy.disclaimer("nl") and "police" in taxonomy.disclaimer("en")
    changes = {change.effective: change for change in taxonomy.law_changes}
    assert changes[date(2024, 7, 1)].verified  # Wet seksuele misdrijven, Stb. 2024, 59
    assert "stb-2024-59" in changes[date(2024, 7, 1)].source
    assert "285d" in changes[date(2024, 1, 1)].text("nl")  # doxing
    assert taxonomy.grevio_url.startswith("https://rm.coe.int/")


# --- broken files -------------------------------------------------------------------------------

VALID = """\
schema = 1
[disclaimer]
nl = "Geen juridisch advies."
en = "Not legal advice."
[grevio]
title = "GREVIO General Recommendation No. 1"
url = "https://rm.coe.int/grevio"
checked = 2026-12-06
checked_against = "the page"
[[law_change]]
nl = "Verandering."
en = "Change."
date = 2024-07-01
source = "https://zoek.officielebekendmakingen.nl/stb-2024-59.html"
checked = 2026-12-06
verified = true
checked_against = "the Staatsblad"
[[category]]
id = "doxing"
name = { nl = "Doxing", en = "Doxing" }
description = { nl = "Iemand verspreidt uw adres.", en = "Someone spreads your address." }
grevio = { form = "doxing", paragraphs = [] }
offences = ["285d Sr"]
[[category]]
id = "threats"
name = { nl = "Bedreiging", en = "Threats" }
description = { nl = "Iemand bedreigt u.", en = "Someone threatens you." }
grevio = { form = "threats", paragraphs = [12] }
offences = ["285d Sr"]
[[offence]]
article = "285d Sr"
name = { nl = "Doxing", en = "Doxing" }
explanation = { nl = "Gegevens verspreiden om bang te maken.", en = "Spreading data to frighten." }
source = "https://wetten.overheid.nl/jci1.3:c:BWBR0001854&artikel=285d"
checked = 2026-12-06
verified = false
checked_against = "Not verified: a test."
"""

BROKEN = {
    "duplicate id": (('id = "threats"', 'id = "doxing"'), "category id 'doxing' appears twice"),
    "missing language": (
        ('en = "Someone threatens you." }', 'de = "Jemand droht." }'),
        "unknown key 'de'",
    ),
    "no English at all": (
        ('{ nl = "Iemand bedreigt u.", en = "Someone threatens you." }', '{ nl = "Iemand bedreigt u." }'),
        "category 'threats': 'description' has no 'en' text",
    ),
    "empty language": (('en = "Not legal advice."', 'en = "  "'), "the file disclaimer: 'en' is empty"),
    "http address": (
        ("https://wetten.overheid.nl/jci1.3:c", "http://wetten.overheid.nl/jci1.3:c"),
        "offence '285d Sr': 'source' must be an https address on an official site",
    ),
    "unofficial site": (
        ("https://wetten.overheid.nl/jci1.3:c", "https://wetten.example.com/jci1.3:c"),
        "'source' must be an https address on an official site",
    ),
    "source of another article": (
        ("artikel=285d", "artikel=285b"),
        "offence '285d Sr': 'source' links article '285b', not '285d'",
    ),
    "verified is text": (
        ("verified = false", 'verified = "no"'),
        "offence '285d Sr': 'verified' must be true or false, not 'no'",
    ),
    "name is a number": (('name = { nl = "Bedreiging"', "name = { nl = 7"), "'nl' must be text, not int"),
    "date not ISO": (
        ("checked = 2026-12-06\nverified = false", 'checked = "06-12-2026"\nverified = false'),
        "offence '285d Sr': 'checked' must be a date written YYYY-MM-DD, not '06-12-2026'",
    ),
    "undefined offence": (
        ('offences = ["285d Sr"]\n[[offence]]', 'offences = ["999 Sr"]\n[[offence]]'),
        "'999 Sr' is not defined",
    ),
    "bad article": (('article = "285d Sr"', 'article = "stalking"'), "article 'stalking' must look like"),
    "bad id": (('id = "doxing"', 'id = "Doxing!"'), "id 'Doxing!' must be lower-case"),
    "paragraph not a number": (("paragraphs = [12]", 'paragraphs = ["12"]'), "list of paragraph numbers"),
    "wrong schema": (("schema = 1", "schema = 2"), "'schema' must be 1"),
    "no categories": (("[[category]]", "[[kategorie]]"), "unknown key 'kategorie'"),
    "not TOML": (("schema = 1", "schema = = 1"), "it is not valid TOML"),
}


def _write(folder: Path, text: str) -> Path:
    path = folder / "categories.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_small_valid_file_loads(tmp_path: Path) -> None:
    taxonomy = load_taxonomy(_write(tmp_path, VALID))
    assert taxonomy.ids() == ("doxing", "threats")
    assert taxonomy.category("threats").grevio_paragraphs == (12,)
    assert taxonomy.offence("285d Sr").verified is False
    assert taxonomy.category("doxing").name("nl") == "Doxing"


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_file_is_refused_naming_the_file_and_the_problem(tmp_path: Path, case: str) -> None:
    (old, new), problem = BROKEN[case]
    assert old in VALID
    path = _write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(TaxonomyError) as raised:
        load_taxonomy(path)
    message = str(raised.value)
    assert str(path) in message
    assert problem in message


def test_every_offence_must_belong_to_a_category(tmp_path: Path) -> None:
    extra = VALID.replace('article = "285d Sr"', 'article = "285b Sr"').replace(
        "artikel=285d", "artikel=285b"
    )
    path = _write(tmp_path, VALID + extra[extra.index("[[offence]]") :])
    with pytest.raises(TaxonomyError, match=re.escape("offence '285b Sr' belongs to no category")):
        load_taxonomy(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(TaxonomyError, match="cannot be read") as raised:
        load_taxonomy(path)
    assert str(path) in str(raised.value)


def test_the_error_reads_in_dutch(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("schema = 1", "schema = 3"))
    with pytest.raises(TaxonomyError) as raised:
        load_taxonomy(path)
    assert error_text(raised.value, "nl").startswith(
        f"Het bestand met de categorieën van strafbare feiten {path}"
    )


def test_official_hosts_are_official() -> None:
    # Only government and Council of Europe sites: a commercial law site is never a source.
    assert all(
        host.endswith(("overheid.nl", "officielebekendmakingen.nl", "coe.int")) for host in OFFICIAL_HOSTS
    )


# --- the command --------------------------------------------------------------------------------

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    """Runs `evidence-kit ARGS` in this process; gives (exit code, stdout, stderr)."""
    before = get_language()
    monkeypatch.setenv("EVIDENCE_KIT_LANG", "en")

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    yield run
    set_language(before)
    taxonomy_module._shipped.cache_clear()


def _paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_command_prints_the_disclaimer_first(cli: Run, lang: str) -> None:
    code, stdout, stderr = cli("categories", "--lang", lang)
    assert (code, stderr) == (0, "")
    assert _paragraphs(stdout)[0] == load_taxonomy().disclaimer(lang)
    assert ("bron:" in stdout) == (lang == "nl")
    assert ("source:" in stdout) == (lang == "en")


def test_the_command_lists_stalking_with_its_articles_and_sources(cli: Run) -> None:
    code, stdout, _err = cli("categories")
    assert code == 0
    block = next(b for b in stdout.split("\n\n") if "[online_stalking]" in b)
    assert block.startswith("Online stalking and monitoring")
    assert re.search(r"^  285b Sr +Stalking \(belaging\)$", block, re.MULTILINE)
    assert "source: https://wetten.overheid.nl/jci1.3:c:BWBR0001854&artikel=285b" in block
    checked = load_taxonomy().offence("285b Sr").checked.isoformat()
    assert f"checked {checked}: verified against a copy of the text" in block
    doxing = next(b for b in stdout.split("\n\n") if "[doxing]" in b)
    checked = load_taxonomy().offence("285d Sr").checked.isoformat()
    assert f"checked {checked}: NOT verified against the law text" in doxing
    assert stdout.count("\n\n") == len(load_taxonomy().categories) + 1  # disclaimer, law changes, each


def test_the_language_before_the_command_is_used(cli: Run) -> None:
    code, stdout, _err = cli("--lang", "nl", "categories")
    assert code == 0
    assert _paragraphs(stdout)[0] == load_taxonomy().disclaimer("nl")
    assert "Belaging (stalking)" in stdout


def test_the_command_prints_json(cli: Run) -> None:
    code, stdout, _err = cli("categories", "--json", "--lang", "nl")
    assert code == 0
    data = json.loads(stdout)
    assert next(iter(data)) == "disclaimer"
    assert data["disclaimer"] == load_taxonomy().disclaimer("nl")
    assert [c["id"] for c in data["categories"]] == list(load_taxonomy().ids())
    stalking = next(c for c in data["categories"] if c["id"] == "online_stalking")
    first = stalking["offences"][0]
    assert (first["article"], first["name"], first["verified"]) == ("285b Sr", "Belaging (stalking)", True)
    assert first["checked"] == load_taxonomy().offence("285b Sr").checked.isoformat()


def test_the_command_names_a_broken_file_in_one_line(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "case").mkdir()
    path = _write(tmp_path / "case", VALID.replace("verified = false", "verified = 1"))
    monkeypatch.setenv("EVIDENCE_KIT_RESOURCES", str(tmp_path))
    taxonomy_module._shipped.cache_clear()
    code, stdout, stderr = cli("categories")
    assert (code, stdout) == (2, "")
    assert stderr.count("\n") == 1
    assert str(path) in stderr and "'verified' must be true or false" in stderr
