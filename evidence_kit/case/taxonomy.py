"""The offence taxonomy: forms of digital violence, each with the Dutch offences that may apply.

Rule: the taxonomy is data (resources/case/categories.toml), never code, and it is read strictly.
A file with a missing or empty language, a duplicate id or article, a source that is not an
official address, a value of the wrong type, a date that is not YYYY-MM-DD or an unknown key is
refused whole, with one `TaxonomyError` naming the file and the problem; nothing is guessed. Every
legal reference carries its official source, the date it was checked, what it was checked against
and whether its text could be verified, so a face never shows an article without them. None of it
is legal advice: every face shows `Taxonomy.disclaimer` first.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from evidence_kit.errors import EvidenceKitError
from evidence_kit.resources import case_dir

LANGUAGES = ("nl", "en")
# Where a legal reference may point: the official publications of Dutch law and government, and
# the Council of Europe (GREVIO). A commercial law site may have been read to check a text; it is
# named in `checked_against`, never given as the source.
OFFICIAL_HOSTS = frozenset(
    {
        "wetten.overheid.nl",
        "zoek.officielebekendmakingen.nl",
        "www.rijksoverheid.nl",
        "rm.coe.int",
        "www.coe.int",
    }
)
_ID = re.compile(r"[a-z][a-z0-9_]*")
_ARTICLE = re.compile(r"(\d+[a-z]*) [A-Za-z][A-Za-z.]*")  # "285b Sr": number, letters, the code
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LINKED_ARTICLE = re.compile(r"[?&]artikel=([^&#]+)")


class TaxonomyError(EvidenceKitError):
    template = "The offence categories file {path} cannot be used: {problem}"


@dataclass(frozen=True)
class Text:
    """One sentence or name in Dutch and in English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class Offence:
    article: str  # "285b Sr"
    names: Text
    explanations: Text
    source: str  # the official text of the article
    checked: date
    verified: bool  # True only when the article's text itself was read
    checked_against: str  # where and what was checked, in English

    def name(self, lang: str) -> str:
        return self.names.get(lang)

    def explanation(self, lang: str) -> str:
        return self.explanations.get(lang)


@dataclass(frozen=True)
class Category:
    id: str
    names: Text
    descriptions: Text
    grevio_form: str  # the form of digital violence as GREVIO General Recommendation No. 1 names it
    grevio_paragraphs: tuple[int, ...]  # only paragraph numbers that were verified; often none
    offences: tuple[Offence, ...]  # most relevant first

    def name(self, lang: str) -> str:
        return self.names.get(lang)

    def description(self, lang: str) -> str:
        return self.descriptions.get(lang)

    def articles(self) -> tuple[str, ...]:
        return tuple(offence.article for offence in self.offences)


@dataclass(frozen=True)
class LawChange:
    texts: Text
    effective: date  # when the change took effect
    source: str
    checked: date
    verified: bool
    checked_against: str

    def text(self, lang: str) -> str:
        return self.texts.get(lang)


@dataclass(frozen=True)
class Taxonomy:
    path: Path
    disclaimers: Text
    grevio_title: str
    grevio_url: str
    grevio_checked: date
    grevio_checked_against: str
    law_changes: tuple[LawChange, ...]
    categories: tuple[Category, ...]
    offences: tuple[Offence, ...]  # each once, in the file's order

    def disclaimer(self, lang: str) -> str:
        return self.disclaimers.get(lang)

    def ids(self) -> tuple[str, ...]:
        return tuple(category.id for category in self.categories)

    def get(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def category(self, category_id: str) -> Category:
        found = self.get(category_id)
        if found is None:
            raise KeyError(category_id)
        return found

    def offence(self, article: str) -> Offence:
        found = next((o for o in self.offences if o.article == article), None)
        if found is None:
            raise KeyError(article)
        return found


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """The taxonomy in `path`, or the shipped one (read once, then cached: it is immutable)."""
    if path is None:
        return _shipped()
    return _load(Path(path))


def default_path() -> Path:
    return case_dir() / "categories.toml"


@cache
def _shipped() -> Taxonomy:
    return _load(default_path())


def _load(path: Path) -> Taxonomy:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TaxonomyError(path=path, problem=f"it cannot be read ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise TaxonomyError(path=path, problem="it is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(path=path, problem=f"it is not valid TOML ({exc})") from exc
    return _Reader(path).taxonomy(data)


class _Reader:
    """Checks one parsed file; every problem becomes a TaxonomyError naming the file and the place."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, problem: str) -> TaxonomyError:
        return TaxonomyError(path=self.path, problem=problem)

    def taxonomy(self, data: dict[str, Any]) -> Taxonomy:
        self.keys(data, "the file", {"schema", "disclaimer", "grevio", "law_change", "category", "offence"})
        if data.get("schema") != 1:
            raise self.fail(f"'schema' must be 1, not {data.get('schema')!r}")
        grevio = self.table(data, "grevio", "the file")
        self.keys(grevio, "[grevio]", {"title", "url", "checked", "checked_against"})
        offences = tuple(
            self.offence(o, n) for n, o in enumerate(self.tables(data, "offence", "the file"), 1)
        )
        by_article: dict[str, Offence] = {}
        for offence in offences:
            if offence.article in by_article:
                raise self.fail(f"offence {offence.article!r} appears twice")
            by_article[offence.article] = offence
        categories = tuple(
            self.category(c, n, by_article)
            for n, c in enumerate(self.tables(data, "category", "the file"), 1)
        )
        seen: set[str] = set()
        for category in categories:
            if category.id in seen:
                raise self.fail(f"category id {category.id!r} appears twice")
            seen.add(category.id)
        used = {offence.article for category in categories for offence in category.offences}
        for article in by_article:
            if article not in used:
                raise self.fail(f"offence {article!r} belongs to no category")
        return Taxonomy(
            path=self.path,
            disclaimers=self.text(data, "disclaimer", "the file"),
            grevio_title=self.string(grevio, "title", "[grevio]"),
            grevio_url=self.url(grevio, "url", "[grevio]"),
            grevio_checked=self.day(grevio, "checked", "[grevio]"),
            grevio_checked_against=self.string(grevio, "checked_against", "[grevio]"),
            law_changes=tuple(
                self.law_change(c, n) for n, c in enumerate(self.tables(data, "law_change", "the file"), 1)
            ),
            categories=categories,
            offences=offences,
        )

    def category(self, table: dict[str, Any], number: int, offences: Mapping[str, Offence]) -> Category:
        where = f"category {number}"
        self.keys(table, where, {"id", "name", "description", "grevio", "offences"})
        category_id = self.string(table, "id", where)
        if not _ID.fullmatch(category_id):
            raise self.fail(f"{where}: id {category_id!r} must be lower-case letters, digits and '_'")
        where = f"category {category_id!r}"
        grevio = self.table(table, "grevio", where)
        self.keys(grevio, f"{where} grevio", {"form", "paragraphs"})
        paragraphs = grevio.get("paragraphs")
        if not isinstance(paragraphs, list) or not all(
            isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in paragraphs
        ):
            raise self.fail(f"{where}: grevio 'paragraphs' must be a list of paragraph numbers")
        articles = table.get("offences")
        if not isinstance(articles, list) or not articles or not all(isinstance(a, str) for a in articles):
            raise self.fail(f"{where}: 'offences' must be a non-empty list of articles")
        if len(set(articles)) != len(articles):
            raise self.fail(f"{where}: 'offences' names an article twice")
        missing = [a for a in articles if a not in offences]
        if missing:
            raise self.fail(f"{where}: offence {missing[0]!r} is not defined under [[offence]]")
        return Category(
            id=category_id,
            names=self.text(table, "name", where),
            descriptions=self.text(table, "description", where),
            grevio_form=self.string(grevio, "form", f"{where} grevio"),
            grevio_paragraphs=tuple(paragraphs),
            offences=tuple(offences[a] for a in articles),
        )

    def offence(self, table: dict[str, Any], number: int) -> Offence:
        where = f"offence {number}"
        self.keys(
            table,
            where,
            {"article", "name", "explanation", "source", "checked", "verified", "checked_against"},
        )
        article = self.string(table, "article", where)
        match = _ARTICLE.fullmatch(article)
        if match is None:
            raise self.fail(f"{where}: article {article!r} must look like '285b Sr'")
        where = f"offence {article!r}"
        source = self.url(table, "source", where)
        # A link to one article on wetten.overheid.nl must be to this article (a copy-paste slip).
        # Its "jci" addresses carry `&artikel=` in the path, with no "?", so look at the whole text.
        linked = _LINKED_ARTICLE.search(source)
        if linked and linked.group(1) != match.group(1):
            raise self.fail(f"{where}: 'source' links article {linked.group(1)!r}, not {match.group(1)!r}")
        return Offence(
            article=article,
            names=self.text(table, "name", where),
            explanations=self.text(table, "explanation", where),
            source=source,
            checked=self.day(table, "checked", where),
            verified=self.boolean(table, "verified", where),
            checked_against=self.string(table, "checked_against", where),
        )

    def law_change(self, table: dict[str, Any], number: int) -> LawChange:
        where = f"law_change {number}"
        self.keys(table, where, {"nl", "en", "date", "source", "checked", "verified", "checked_against"})
        return LawChange(
            texts=Text(nl=self.string(table, "nl", where), en=self.string(table, "en", where)),
            effective=self.day(table, "date", where),
            source=self.url(table, "source", where),
            checked=self.day(table, "checked", where),
            verified=self.boolean(table, "verified", where),
            checked_against=self.string(table, "checked_against", where),
        )

    # --- single values -------------------------------------------------------------------------

    def keys(self, table: Mapping[str, Any], where: str, allowed: set[str]) -> None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.fail(f"{where}: unknown key {unknown[0]!r} (a typo?)")

    def table(self, table: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
        value = table.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"{where}: '{key}' is missing or not a table")
        return value

    def tables(self, table: Mapping[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = table.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"{where}: '[[{key}]]' is missing or not a list of tables")
        return value

    def string(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value = table.get(key)
        if value is None:
            raise self.fail(f"{where}: '{key}' is missing")
        if not isinstance(value, str):
            raise self.fail(f"{where}: '{key}' must be text, not {type(value).__name__}")
        if not value.strip():
            raise self.fail(f"{where}: '{key}' is empty")
        return value

    def text(self, table: Mapping[str, Any], key: str, where: str) -> Text:
        value = self.table(table, key, where)
        self.keys(value, f"{where} {key}", set(LANGUAGES))
        for lang in LANGUAGES:
            if lang not in value:
                raise self.fail(f"{where}: '{key}' has no {lang!r} text")
        return Text(
            nl=self.string(value, "nl", f"{where} {key}"), en=self.string(value, "en", f"{where} {key}")
        )

    def boolean(self, table: Mapping[str, Any], key: str, where: str) -> bool:
        value = table.get(key)
        if not isinstance(value, bool):
            raise self.fail(f"{where}: '{key}' must be true or false, not {value!r}")
        return value

    def day(self, table: Mapping[str, Any], key: str, where: str) -> date:
        value = table.get(key)
        # TOML gives a bare 2026-12-06 as a date; a quoted one is accepted in the same form only.
        if isinstance(value, date) and type(value) is date:
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(f"{where}: '{key}' must be a date written YYYY-MM-DD, not {value!r}")

    def url(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value = self.string(table, key, where)
        parts = urlsplit(value)
        if parts.scheme != "https" or parts.hostname not in OFFICIAL_HOSTS or parts.username or parts.port:
            raise self.fail(
                f"{where}: '{key}' must be an https address on an official site "
                f"({', '.join(sorted(OFFICIAL_HOSTS))}), not {value!r}"
            )
        return value
