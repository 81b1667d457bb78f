"""Every user-visible message of the core and the CLI has a Dutch translation with the same placeholders."""

from __future__ import annotations

import json
import string

from evidence_kit.i18n import LOCALE_DIR, _, fmt
from tests.i18n_messages import all_messages, messages_in


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_translated_to_dutch() -> None:
    catalog = json.loads((LOCALE_DIR / "nl.json").read_text(encoding="utf-8"))
    missing = sorted(m for m in all_messages() if not catalog.get(m))
    assert missing == []
    wrong = sorted(m for m in all_messages() if _placeholders(m) != _placeholders(catalog[m]))
    assert wrong == []


def test_the_extractor_finds_messages() -> None:
    found = messages_in(
        'x = _("Hello {name}")\nclass E:\n    template = "Bad {path}"\nParseWarning("c", "W")\n'
    )
    assert found == {"Hello {name}", "Bad {path}", "W"}


def test_translation_and_formatting() -> None:
    assert _("The vault is locked.", "nl") == "De kluis is vergrendeld."
    assert (
        fmt("There is no item {item_id} in this vault.", {"item_id": "7"}, "nl")
        == "Er is geen item 7 in deze kluis."
    )
    assert fmt("Unknown {x}", {"x": "1"}, "nl") == "Unknown 1"
