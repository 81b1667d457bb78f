"""The people register on the command line: `person add`, `person edit`, `person list`.

`person list` says, for each person, in which items they appear and how many messages they sent
between which times (`case/people.py`): what a dossier needs to say "account X appears in 37
items between A and B".
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from evidence_kit.case.people import appearances, vault_items
from evidence_kit.cli.common import json_text, out, printable
from evidence_kit.cli.session import open_vault
from evidence_kit.i18n import _, fmt
from evidence_kit.storage.people import Person, PersonFields

VaultCommand = Callable[[str, str], argparse.ArgumentParser]
_OPTIONS = (
    ("name", "names", "NAME", "a name they use (repeat)"),
    ("phone", "phones", "NUMBER", "a phone number (repeat)"),
    ("handle", "handles", "ACCOUNT", "an account name, such as @name (repeat)"),
    ("email", "emails", "ADDRESS", "an e-mail address (repeat)"),
    ("url", "urls", "URL", "a profile address (repeat)"),
)


def add_people_commands(vault_command: VaultCommand) -> None:
    add = vault_command("add", _("add the other party to the people register"))
    _options(add)
    add.set_defaults(func=cmd_person_add)
    edit = vault_command(
        "edit", _("change a person in the register: a new version, the earlier ones are kept")
    )
    edit.add_argument("person_id", type=int, metavar="PERSON_ID")
    _options(edit)
    edit.set_defaults(func=cmd_person_edit)
    listing = vault_command("list", _("the people register, and where each person appears in the evidence"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=cmd_people)


def _options(command: argparse.ArgumentParser) -> None:
    for option, _field, metavar, help_text in _OPTIONS:
        command.add_argument(f"--{option}", metavar=metavar, action="append", help=_(help_text))
    command.add_argument("--note", help=_("a note about this person"))


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {
        name: tuple(getattr(args, option))
        for option, name, _m, _h in _OPTIONS
        if getattr(args, option) is not None
    }
    if args.note is not None:
        changes["note"] = args.note
    return changes


def cmd_person_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        person = vault.add_person(replace(PersonFields(), **_changes(args)))
    out(fmt("Person {id} added to the people register: {label}.", _ids(person)))
    return 0


def cmd_person_edit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        before = vault.person_history(args.person_id)[-1]
        person = vault.edit_person(args.person_id, replace(before.fields, **_changes(args)))
    if person.version == before.version:
        out(fmt("Person {id} is unchanged (still version {version}).", _ids(person)))
    else:
        out(fmt("Person {id} changed: version {version}; the earlier versions are kept.", _ids(person)))
    return 0


def cmd_people(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        people = vault.people()
        found = appearances(people, vault_items(vault)) if people else []
    if args.json:
        rows = [
            {
                "person": p.person_id,
                "version": p.version,
                "sha256": p.sha256,
                **{name: list(getattr(p.fields, name)) for _o, name, _m, _h in _OPTIONS},
                "note": p.fields.note,
                "items": a.items,
                "messages": a.messages,
                "first": a.first.isoformat() if a.first else None,
                "last": a.last.isoformat() if a.last else None,
            }
            for p, a in zip(people, found, strict=True)
        ]
        out(json_text(rows))
        return 0
    if not people:
        out(_("No one in the people register yet (evidence-kit person add)."))
        return 0
    for person, seen in zip(people, found, strict=True):
        identities = [
            *person.fields.names,
            *person.fields.phones,
            *person.fields.handles,
            *person.fields.emails,
        ]
        out(f"{person.person_id}. " + ", ".join(printable(i) for i in identities or [person.fields.label]))
        if not seen.items:
            out("   " + _("not found in any item"))
            continue
        items = ", ".join(str(i) for i in seen.items)
        line = fmt("appears in {count} item(s): {items}", {"count": str(len(seen.items)), "items": items})
        if seen.messages:
            line += "; " + fmt("{count} message(s) sent", {"count": str(seen.messages)})
        if seen.first is not None and seen.last is not None:
            line += "; " + fmt(
                "from {first} to {last}",
                {
                    "first": seen.first.strftime("%Y-%m-%d %H:%M"),
                    "last": seen.last.strftime("%Y-%m-%d %H:%M"),
                },
            )
        out("   " + line)
    return 0


def _ids(person: Person) -> dict[str, str]:
    return {
        "id": str(person.person_id),
        "version": str(person.version),
        "label": printable(person.fields.label),
    }
