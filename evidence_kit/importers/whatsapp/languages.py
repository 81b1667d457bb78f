"""WhatsApp's own words in every language: `languages.toml`, read once and checked.

Rule: every per-language string lives in the data file, one table per language, with the public
source it came from (`source`, kept in `Languages.sources`); this module only reads it (with the
standard library's `tomllib`), refuses a table with an unknown key or a value that is not a
non-empty string or list of them, and hands out one kind of string at a time
as {locale: phrases}, in the file's order of languages (which decides ties: the first table wins).
What is built from the words (lookup tables, compiled expressions) is built where it is used:
`markers.py`, `header.py`, `titles.py`.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

DATA_FILE = Path(__file__).with_name("languages.toml")

# Every kind of string a language table may hold; dotted keys in the file ("attached.android").
KINDS = frozenset(
    {
        "attached.android",
        "attached.ios",
        "omitted.android",
        "omitted.ios",
        "omitted.ios_document",
        "deleted",
        "missed_calls",
        "edited",
        "encryption_notices",
        "group_events",
        "header_time_words",
        "file_name_patterns",
    }
)
_LOCALE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")

Phrases = tuple[str, ...]


@dataclass(frozen=True)
class Languages:
    """The data file as read: locale -> kind -> phrases, languages in the file's order."""

    source: Path
    tables: Mapping[str, Mapping[str, Phrases]]
    # locale -> where its strings come from ("github:owner/name path@commit"), as the file says.
    sources: Mapping[str, Phrases] = field(default_factory=dict)

    def table(self, kind: str) -> dict[str, Phrases]:
        """{locale: phrases} for one kind, for the languages that have it."""
        if kind not in KINDS:
            raise KeyError(kind)
        return {locale: kinds[kind] for locale, kinds in self.tables.items() if kind in kinds}

    def phrases(self, kind: str) -> Phrases:
        """Every phrase of one kind, in the file's order, each once."""
        return tuple(dict.fromkeys(p for phrases in self.table(kind).values() for p in phrases))


@functools.cache
def load(path: Path = DATA_FILE) -> Languages:
    """The language tables in `path` (the shipped `languages.toml` unless told otherwise).

    ValueError names the table and key when the file's shape is wrong; tomllib.TOMLDecodeError when
    it is not TOML at all.
    """
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    tables: dict[str, Mapping[str, Phrases]] = {}
    sources: dict[str, Phrases] = {}
    for locale, table in data.items():
        if not _LOCALE.fullmatch(locale) or not isinstance(table, dict):
            raise ValueError(f"{path}: [{locale}] is not a language table (a locale code such as [nl])")
        table = dict(table)
        if "source" in table:
            sources[locale] = _phrases(path, locale, "source", table.pop("source"))
        tables[locale] = MappingProxyType(_kinds(path, locale, table))
    return Languages(source=Path(path), tables=MappingProxyType(tables), sources=MappingProxyType(sources))


def _kinds(path: Path, locale: str, table: dict[str, object], prefix: str = "") -> dict[str, Phrases]:
    """The kinds of one language table, dotted keys ("attached": {"ios": ...}) flattened."""
    found: dict[str, Phrases] = {}
    for key, value in table.items():
        kind = prefix + key
        if isinstance(value, dict) and not prefix:
            found.update(_kinds(path, locale, value, kind + "."))
            continue
        if kind not in KINDS:
            raise ValueError(f"{path}: [{locale}] {kind}: unknown key; known: {', '.join(sorted(KINDS))}")
        found[kind] = _phrases(path, locale, kind, value)
    return found


def _phrases(path: Path, locale: str, kind: str, value: object) -> Phrases:
    phrases = [value] if isinstance(value, str) else value
    if (
        not isinstance(phrases, list)
        or not phrases
        or not all(isinstance(p, str) and p.strip() for p in phrases)
    ):
        raise ValueError(f"{path}: [{locale}] {kind}: not a non-empty string or list of non-empty strings")
    return tuple(phrases)
