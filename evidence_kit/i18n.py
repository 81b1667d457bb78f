"""Translation of the core's and the CLI's user-visible text (the GUI uses Qt's tr()).

Rule: every sentence a user can see is an English literal passed to `_()` (or an error /
warning template, which is an English literal too), and the English text is the key into
`locale/<lang>.json`. A test walks the source and fails when a Dutch translation is missing,
so no Dutch user meets an English sentence by accident. Placeholders `{name}` are filled
after translation, never concatenated.
"""

from __future__ import annotations

import json
import locale
import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "nl")
_current = "en"


def detect_language() -> str:
    """EVIDENCE_KIT_LANG, else the system locale; Dutch when it says so, English otherwise."""
    explicit = os.environ.get("EVIDENCE_KIT_LANG", "")
    if explicit[:2] in LANGUAGES:
        return explicit[:2]
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    system = locale.getlocale()[0] or ""
    return "nl" if system.lower().startswith("nl") else "en"


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else "en"


def get_language() -> str:
    return _current


@cache
def catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = LOCALE_DIR / f"{lang}.json"
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in loaded.items()}


def _(message: str, lang: str | None = None) -> str:
    """The translation of an English message (the message itself when there is none)."""
    return catalog(lang or _current).get(message, message)


def fmt(template: str, params: dict[str, str] | tuple[tuple[str, str], ...], lang: str | None = None) -> str:
    """Translate a template and fill in its placeholders."""
    values = dict(params)
    translated = _(template, lang)
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)


def nfmt(
    one: str,
    other: str,
    count: int,
    params: dict[str, str] | tuple[tuple[str, str], ...] = (),
    lang: str | None = None,
) -> str:
    """A sentence where a number meets a noun: `one` for exactly 1, `other` otherwise.

    Both are English literals and keys into the catalogue ("1 file", never "1 files"); Dutch,
    like English, has one singular and one plural form. `{count}` is filled in.
    """
    values = {**dict(params), "count": str(count)}
    return fmt(one if count == 1 else other, values, lang)


def error_text(exc: BaseException, lang: str | None = None) -> str:
    """One translated sentence for a typed error."""
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if isinstance(template, str) and isinstance(params, dict):
        return fmt(template, params, lang)
    return str(exc)
