"""The `categories` command: the offence taxonomy, disclaimer first, in Dutch or English; and
`categorise`, which gives an item its offence categories.

Rule: the disclaimer ("information to help the conversation with the police, not legal advice")
is the first thing printed, in text and in JSON, and every offence shows its official source and
whether its text was verified; an unverified reference is never shown as if it were checked.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Iterable
from typing import Any

from evidence_kit.case.taxonomy import Category, Offence, Taxonomy, load_taxonomy
from evidence_kit.cli.common import json_text, out
from evidence_kit.cli.session import open_vault
from evidence_kit.errors import UnknownCategoryError
from evidence_kit.i18n import _, fmt, get_language

WIDTH = 100


def cmd_categories(args: argparse.Namespace) -> int:
    lang = args.categories_lang or get_language()
    taxonomy = load_taxonomy()
    if args.json:
        out(json_text(taxonomy_json(taxonomy, lang)))
    else:
        print_taxonomy(taxonomy, lang)
    return 0


def print_taxonomy(taxonomy: Taxonomy, lang: str) -> None:
    _wrapped(taxonomy.disclaimer(lang), "")
    out()
    out(_("The law changes; check the text in force on wetten.overheid.nl:", lang))
    for change in taxonomy.law_changes:
        _wrapped(change.text(lang), "              ", first=f"  {change.effective.isoformat()}  ")
        out("              " + fmt("source: {url}", {"url": change.source}, lang))
        out("              " + _status(change.checked.isoformat(), change.verified, lang))
    for category in taxonomy.categories:
        out()
        _print_category(taxonomy, category, lang)


def _print_category(taxonomy: Taxonomy, category: Category, lang: str) -> None:
    out(f"{category.name(lang)} [{category.id}]")
    _wrapped(category.description(lang), "  ")
    out("  " + fmt("GREVIO General Recommendation No. 1: {form}", {"form": category.grevio_form}, lang))
    if category.grevio_paragraphs:
        numbers = ", ".join(str(p) for p in category.grevio_paragraphs)
        out(
            "    "
            + fmt("paragraphs {numbers}, {url}", {"numbers": numbers, "url": taxonomy.grevio_url}, lang)
        )
    else:
        out(f"    {taxonomy.grevio_url}")
    for offence in category.offences:
        _print_offence(offence, lang)


def _print_offence(offence: Offence, lang: str) -> None:
    indent = " " * 14
    out(f"  {offence.article:<10}  {offence.name(lang)}")
    _wrapped(offence.explanation(lang), indent)
    out(indent + fmt("source: {url}", {"url": offence.source}, lang))
    out(indent + _status(offence.checked.isoformat(), offence.verified, lang))


def _wrapped(text: str, indent: str, first: str | None = None) -> None:
    # Long sentences wrapped under their indent, so the list stays readable in a terminal.
    out(textwrap.fill(text, WIDTH, initial_indent=first or indent, subsequent_indent=indent))


def _status(checked: str, verified: bool, lang: str) -> str:
    if verified:
        return fmt("checked {date}: verified against a copy of the text", {"date": checked}, lang)
    return fmt("checked {date}: NOT verified against the law text", {"date": checked}, lang)


def taxonomy_json(taxonomy: Taxonomy, lang: str) -> dict[str, Any]:
    """The taxonomy in one language, the disclaimer as the first key."""
    return {
        "disclaimer": taxonomy.disclaimer(lang),
        "language": lang,
        "law_changes": [
            {
                "text": change.text(lang),
                "date": change.effective.isoformat(),
                "source": change.source,
                "checked": change.checked.isoformat(),
                "verified": change.verified,
                "checked_against": change.checked_against,
            }
            for change in taxonomy.law_changes
        ],
        "grevio": {"title": taxonomy.grevio_title, "url": taxonomy.grevio_url},
        "categories": [
            {
                "id": category.id,
                "name": category.name(lang),
                "description": category.description(lang),
                "grevio_form": category.grevio_form,
                "grevio_paragraphs": list(category.grevio_paragraphs),
                "offences": [_offence_json(offence, lang) for offence in category.offences],
            }
            for category in taxonomy.categories
        ],
    }


def _offence_json(offence: Offence, lang: str) -> dict[str, Any]:
    return {
        "article": offence.article,
        "name": offence.name(lang),
        "explanation": offence.explanation(lang),
        "source": offence.source,
        "checked": offence.checked.isoformat(),
        "verified": offence.verified,
        "checked_against": offence.checked_against,
    }


def check_categories(ids: Iterable[str]) -> None:
    """Refuse an offence category id the taxonomy does not have, in one translated sentence."""
    taxonomy = load_taxonomy()
    for category in ids:
        if taxonomy.get(category) is None:
            raise UnknownCategoryError(id=category)


def cmd_categorise(args: argparse.Namespace) -> int:
    """Give an item its offence categories (replacing the ones it had), logged."""
    wanted = () if args.clear else tuple(args.category or ())
    check_categories(wanted)
    with open_vault(args) as vault:
        changed = vault.set_offences(args.item_id, wanted)
        now = vault.item(args.item_id).offences
    lang = get_language()
    taxonomy = load_taxonomy()
    names = "; ".join(c.name(lang) if (c := taxonomy.get(i)) else i for i in now) or _("none")
    params = {"id": str(args.item_id), "names": names}
    if changed:
        out(fmt("Item {id}: offence categories {names} (logged).", params))
    else:
        out(fmt("Item {id} already has these offence categories: {names}.", params))
    return 0
