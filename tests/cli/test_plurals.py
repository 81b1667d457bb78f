"""A number meets its noun in the right form in the CLI's words, in English and Dutch (issue #15)."""

from __future__ import annotations

import pytest

from evidence_kit import i18n
from evidence_kit.cli.evidence_commands import _report_line
from evidence_kit.domain import AddResult


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "chat.txt: recognised as whatsapp, 1 message", "chat.txt: recognised as whatsapp, 2 messages"),
        ("nl", "chat.txt: herkend als whatsapp, 1 bericht", "chat.txt: herkend als whatsapp, 2 berichten"),
    ],
)
def test_the_import_report_counts_messages_in_the_right_form(language: str, one: str, two: str) -> None:
    i18n.set_language(language)
    try:
        shown = [
            _report_line(AddResult(path="chat.txt", recognised_as="whatsapp", message_count=count))
            for count in (1, 2)
        ]
    finally:
        i18n.set_language("en")
    assert [line.replace("WhatsApp", "whatsapp") for line in shown] == [one, two]


def test_nfmt_picks_the_form_and_fills_the_count() -> None:
    one, other = "Vault NOT intact: {count} problem found.", "Vault NOT intact: {count} problems found."
    assert i18n.nfmt(one, other, 1, lang="en") == "Vault NOT intact: 1 problem found."
    assert i18n.nfmt(one, other, 0, lang="en") == "Vault NOT intact: 0 problems found."
    assert i18n.nfmt(one, other, 1, lang="nl") == "Kluis NIET intact: 1 probleem gevonden."
    assert i18n.nfmt(one, other, 3, lang="nl") == "Kluis NIET intact: 3 problemen gevonden."
