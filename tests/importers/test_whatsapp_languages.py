"""`languages.toml`: its shape, and that it is really the file that drives recognition.

All names and phrases are fictional; the locale "xx" and the phrase "Zorp blip deleted" exist in
no WhatsApp.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from evidence_kit.importers import whatsapp
from evidence_kit.importers.whatsapp import header, languages, parser
from evidence_kit.importers.whatsapp.markers import Markers

CHAT = "15/01/2024, 21:05 - Anna de Vries: Zorp blip deleted\n15/01/2024, 21:06 - Bram Jansen: ok\n"
XX_TABLE = '\n[xx]\ndeleted = ["Zorp blip deleted"]\nheader_time_words = ["zorp"]\n'


def _raw() -> dict[str, dict[str, object]]:
    with open(languages.DATA_FILE, "rb") as handle:
        return tomllib.load(handle)


def _flat(table: dict[str, object], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


# ---------------------------------------------------------------------------------------------
# Shape
# ---------------------------------------------------------------------------------------------


def test_every_table_is_a_language_with_known_keys_and_non_empty_strings() -> None:
    data = _raw()
    assert {"en", "nl"} <= set(data)
    for locale, table in data.items():
        assert re.fullmatch(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*", locale), locale
        assert isinstance(table, dict), locale
        for kind, value in _flat(table).items():
            assert kind in languages.KINDS | {"source"}, f"[{locale}] {kind}"
            values = [value] if isinstance(value, str) else value
            assert isinstance(values, list) and values, f"[{locale}] {kind}"
            for phrase in values:
                assert isinstance(phrase, str) and phrase.strip(), f"[{locale}] {kind}: {phrase!r}"
                assert phrase == phrase.strip(), f"[{locale}] {kind}: {phrase!r}"


def test_every_table_names_the_public_source_of_its_strings() -> None:
    loaded = languages.load()
    assert set(loaded.sources) == set(loaded.tables)
    for locale, sources in loaded.sources.items():
        # "github:owner/name path@commit", or the first version's unrecorded strings (listed as a gap).
        for source in sources:
            assert re.fullmatch(r"github:[\w.-]+/[\w.-]+ \S.*@[0-9a-f]{40}", source) or source == (
                "earlier (not recorded)"
            ), (locale, source)
        assert any(s.startswith("github:") for s in sources), locale


def test_the_loader_reads_the_shipped_file_in_its_order() -> None:
    loaded = languages.load()
    assert list(loaded.tables) == list(_raw())
    assert loaded.table("deleted")["en"] == ("This message was deleted", "You deleted this message")


def _owners(kind: str, key: Callable[[str], str]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for locale, phrases in languages.load().table(kind).items():
        for phrase in phrases:
            owners.setdefault(key(phrase), set()).add(locale)
    return owners


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        # Looked up ignoring case, to tell the export's language.
        ("attached.android", str.lower),
        ("attached.ios", str.lower),
        # Looked up without a final "." and ignoring case.
        ("edited", lambda p: p.strip().rstrip(".").lower()),
        ("encryption_notices", str),
    ],
)
def test_phrases_that_tell_the_language_belong_to_one_language(kind: str, key: Callable[[str], str]) -> None:
    shared = {phrase: sorted(owners) for phrase, owners in _owners(kind, key).items() if len(owners) > 1}
    assert not shared, f"{kind}: {shared}"


def test_no_encryption_notice_starts_another_languages_notice() -> None:
    # The first notice a text starts with names the language: no two languages may overlap.
    notices = [(p, loc) for loc, ps in languages.load().table("encryption_notices").items() for p in ps]
    overlapping = [(a, b) for a, la in notices for b, lb in notices if la != lb and b.startswith(a)]
    assert not overlapping


def test_each_document_phrase_is_one_of_its_languages_omitted_phrases() -> None:
    loaded = languages.load()
    omitted = loaded.table("omitted.ios")
    for locale, phrases in loaded.table("omitted.ios_document").items():
        assert set(phrases) <= set(omitted[locale]), locale


def test_file_name_patterns_compile_and_give_a_title() -> None:
    for locale, patterns in languages.load().table("file_name_patterns").items():
        for pattern in patterns:
            assert "t" in re.compile(pattern).groupindex, (locale, pattern)


def test_invisible_characters_are_written_as_escapes() -> None:
    text = languages.DATA_FILE.read_text(encoding="utf-8")
    invisible = {
        f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cf", "Zs", "Zl", "Zp") and c != " "
    }
    assert not invisible


@pytest.mark.parametrize(
    "table",
    [
        '[xx]\ndeleeted = ["a"]\n',  # unknown key
        '[xx]\nattached.windows = ["a"]\n',  # unknown variant
        "[xx]\ndeleted = []\n",
        '[xx]\ndeleted = [""]\n',
        "[xx]\ndeleted = [1]\n",
        'deleted = ["a"]\n',  # not in a language table
    ],
)
def test_the_loader_refuses_a_wrong_shape(tmp_path: Path, table: str) -> None:
    path = tmp_path / "languages.toml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(ValueError, match=r"languages\.toml"):
        languages.load(path)


# ---------------------------------------------------------------------------------------------
# The data file drives recognition
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def with_xx(tmp_path: Path) -> Path:
    """A copy of the shipped data with one more, made-up, language."""
    path = tmp_path / "languages.toml"
    path.write_text(languages.DATA_FILE.read_text(encoding="utf-8") + XX_TABLE, encoding="utf-8")
    return path


def test_a_phrase_in_the_data_file_is_recognised(with_xx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = whatsapp.parse_text(CHAT).conversation
    assert [(m.text, m.deleted) for m in plain.messages] == [("Zorp blip deleted", False), ("ok", False)]
    assert dict(plain.extra)["language"] == "unknown"

    monkeypatch.setattr(parser, "MARKERS", Markers(languages.load(with_xx)))
    conversation = whatsapp.parse_text(CHAT).conversation
    assert [(m.text, m.deleted) for m in conversation.messages] == [("", True), ("ok", False)]
    assert dict(conversation.extra)["language"] == "xx"


def test_a_header_word_in_the_data_file_is_recognised(with_xx: Path) -> None:
    line = "15/01/2024 zorp 21:05 - Anna de Vries: hoi"
    assert header.HEADER.match(line) is None
    assert header.header_expression(languages.load(with_xx)).match(line) is not None
