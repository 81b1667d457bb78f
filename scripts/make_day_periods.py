"""Write evidence_kit/importers/sms/day_periods.py: every locale's AM and PM words, from CLDR.

SMS Backup & Restore writes `readable_date` in the phone's language, so an AM/PM marker may be
"PM", "p. m.", "nachm.", "下午" or "오후". The words come from the Unicode CLDR as the Babel
package ships it (a tool used here only; the app does not depend on it). Abbreviated and wide
and wide forms of the format and stand-alone contexts are taken, and narrow forms of two letters
or more ("nachm."); one-letter narrow forms ("a", "p") and any word that is AM in one locale and
PM in another are left out, because they would mark nothing for sure.

    .venv/bin/pip install babel && .venv/bin/python scripts/make_day_periods.py
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import babel
from babel import Locale, localedata

TARGET = Path(__file__).resolve().parent.parent / "evidence_kit" / "importers" / "sms" / "day_periods.py"
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def normalised(word: str) -> str:
    return " ".join(word.translate(SPACES).casefold().split())


def quoted(word: str) -> str:
    """A double-quoted literal, invisible format characters written as escapes."""
    inner = word.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cf" else c for c in inner) + '"'


def main() -> None:
    am: set[str] = set()
    pm: set[str] = set()
    for name in localedata.locale_identifiers():
        periods = Locale.parse(name).day_periods
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide", "narrow"):
                forms = periods.get(context, {}).get(width, {})
                for key, words in (("am", am), ("pm", pm)):
                    word = normalised(forms.get(key, ""))
                    if width != "narrow" or len(word.replace(".", "").replace(" ", "")) >= 2:
                        words.add(word)
    both = am & pm
    am, pm = am - both, pm - both
    am = {w for w in am if w.strip(". ")}
    pm = {w for w in pm if w.strip(". ")}

    def listed(words: set[str]) -> str:
        return "".join(f"    {quoted(word)},\n" for word in sorted(words, key=lambda w: (-len(w), w)))

    TARGET.write_text(
        '"""Every locale\'s AM and PM words (casefolded, spaces normalised), generated from the Unicode\n'
        f"CLDR as Babel {babel.__version__} ships it by scripts/make_day_periods.py: do not edit by hand.\n"
        "Longest first, so a longer word wins over a word it starts with.\n"
        '"""\n\n'
        f"AM: tuple[str, ...] = (\n{listed(am)})\n"
        f"PM: tuple[str, ...] = (\n{listed(pm)})\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
