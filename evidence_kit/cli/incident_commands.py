"""The incident log on the command line: `incident add`, `incident edit`, `incident list`, `incident show`.

An incident is what the keeper writes down about something that happened (when, what, where,
who, the impact, witnesses, the steps taken) with the evidence items it refers to and its
offence categories (`evidence-kit categories`). Every change is a new version; `incident-show
--history` shows them all (`storage/incidents.py`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from evidence_kit.case.taxonomy import load_taxonomy
from evidence_kit.cli.case_commands import check_categories
from evidence_kit.cli.common import json_text, out, printable
from evidence_kit.cli.session import open_vault
from evidence_kit.i18n import _, fmt, get_language
from evidence_kit.storage.incidents import Incident, IncidentFields, with_changes

VaultCommand = Callable[[str, str], argparse.ArgumentParser]  # (name, help) -> a command taking VAULT


def add_incident_commands(vault_command: VaultCommand) -> None:
    """Register the incident commands on the parser (`cli/parser.py`)."""
    add = vault_command("add", _("write an incident down in the incident log"))
    _field_options(add, required=True)
    add.set_defaults(func=cmd_incident_add)

    edit = vault_command("edit", _("change an incident: a new version, the earlier ones are kept"))
    edit.add_argument("incident_id", type=int, metavar="INCIDENT_ID")
    _field_options(edit, required=False)
    edit.set_defaults(func=cmd_incident_edit)

    listing = vault_command("list", _("list the incidents written down, latest versions"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=cmd_incidents)

    show = vault_command("show", _("show one incident, and with --history every version"))
    show.add_argument("incident_id", type=int, metavar="INCIDENT_ID")
    show.add_argument("--history", action="store_true", help=_("show every version, oldest first"))
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(func=cmd_incident_show)


def _field_options(command: argparse.ArgumentParser, *, required: bool) -> None:
    command.add_argument("--title", required=required, help=_("a few words to list it by"))
    command.add_argument("--text", "--what", dest="what", help=_("what happened, in your own words"))
    command.add_argument(
        "--when", help=_("when: 2026-11-03, or 2026-11-03 21:15 (this computer's time zone)")
    )
    command.add_argument("--until", help=_("the end, when it went on for a while (same form)"))
    command.add_argument("--platform", help=_("where online: WhatsApp, Instagram, ..."))
    command.add_argument(
        "--url", metavar="URL", help=_("the exact web address (repeat for more)"), action="append"
    )
    command.add_argument("--place", help=_("where, when it happened offline"))
    command.add_argument(
        "--who",
        metavar="NAME",
        help=_("the other person: a name, number or account (repeat)"),
        action="append",
    )
    command.add_argument("--impact", help=_("what it did to you"))
    command.add_argument("--witness", metavar="NAME", help=_("someone who saw it (repeat)"), action="append")
    command.add_argument(
        "--step",
        metavar="TEXT",
        help=_("a step you took: blocked, reported, told someone (repeat)"),
        action="append",
    )
    command.add_argument(
        "--item", metavar="ITEM_ID", type=int, help=_("an evidence item (repeat)"), action="append"
    )
    command.add_argument(
        "--category",
        metavar="ID",
        help=_("an offence category, see `evidence-kit categories` (repeat)"),
        action="append",
    )


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The fields the options give (None: not given)."""

    def listed(values: list[Any] | None) -> tuple[Any, ...] | None:
        return None if values is None else tuple(values)

    categories = listed(args.category)
    check_categories(categories or ())
    return {
        "title": args.title,
        "what": args.what,
        "started": args.when,
        "ended": args.until,
        "platform": args.platform,
        "urls": listed(args.url),
        "place": args.place,
        "people": listed(args.who),
        "impact": args.impact,
        "witnesses": listed(args.witness),
        "steps": listed(args.step),
        "items": listed(args.item),
        "categories": categories,
    }


def cmd_incident_add(args: argparse.Namespace) -> int:
    fields = with_changes(IncidentFields(what=""), **_changes(args))  # clean() asks for a title or text
    with open_vault(args) as vault:
        incident = vault.record_incident(fields)
    out(fmt("Incident {id} written down (version 1, SHA-256 {sha256}).", _ids(incident)))
    return 0


def cmd_incident_edit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        before = vault.incident_history(args.incident_id)[-1]
        incident = vault.edit_incident(args.incident_id, with_changes(before.fields, **_changes(args)))
    if incident.version == before.version:
        out(fmt("Incident {id} is unchanged (still version {version}).", _ids(incident)))
    else:
        out(
            fmt(
                "Incident {id} changed: version {version} (SHA-256 {sha256}); the earlier versions are kept.",
                _ids(incident),
            )
        )
    return 0


def cmd_incidents(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        incidents = vault.incidents()
    if args.json:
        out(json_text([incident_json(i) for i in incidents]))
        return 0
    if not incidents:
        out(_("No incidents written down yet (evidence-kit incident add)."))
        return 0
    for incident in incidents:
        fields = incident.fields
        when = _period(fields) or _("time not given")
        out(
            fmt(
                "{id}. {when}: {what} (version {version})",
                {**_ids(incident), "when": when, "what": printable(_first_line(incident_title(fields)))},
            )
        )
    return 0


def cmd_incident_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        history = vault.incident_history(args.incident_id)
    shown = history if args.history else history[-1:]
    if args.json:
        out(json_text([incident_json(i) for i in shown]))
        return 0
    for number, incident in enumerate(shown):
        if number:
            out()
        _print_incident(incident)
    return 0


def _print_incident(incident: Incident) -> None:
    fields = incident.fields
    lang = get_language()
    taxonomy = load_taxonomy() if fields.categories else None
    out(
        fmt(
            "Incident {id}, version {version}, written down {at} UTC (SHA-256 {sha256})",
            {**_ids(incident), "at": incident.recorded_at.strftime("%Y-%m-%d %H:%M")},
        )
    )
    rows: list[tuple[str, str]] = [
        (_("Title"), printable(fields.title)),
        (_("When"), _period(fields) or _("time not given")),
        (_("What happened"), printable(fields.what)),
        (_("Platform"), printable(fields.platform)),
        (_("Web addresses"), ", ".join(printable(u) for u in fields.urls)),
        (_("Place"), printable(fields.place)),
        (_("Who"), ", ".join(printable(p) for p in fields.people)),
        (_("Impact"), printable(fields.impact)),
        (_("Witnesses"), ", ".join(printable(w) for w in fields.witnesses)),
        (_("Steps taken"), "; ".join(printable(s) for s in fields.steps)),
        (_("Items"), ", ".join(str(i) for i in fields.items)),
    ]
    if taxonomy is not None:
        names = [c.name(lang) if (c := taxonomy.get(cid)) is not None else cid for cid in fields.categories]
        rows.append((_("Categories"), ", ".join(names)))
    for label, value in rows:
        if value:
            out(f"  {label}: {value}")
    out("  " + _("Times are as the keeper gave them; only a trusted time stamp proves a time."))


def _ids(incident: Incident) -> dict[str, str]:
    return {"id": str(incident.incident_id), "version": str(incident.version), "sha256": incident.sha256}


def _period(fields: IncidentFields) -> str:
    start = fields.started.replace("T", " ")
    return f"{start} – {fields.ended.replace('T', ' ')}" if fields.ended else start


def incident_title(fields: IncidentFields) -> str:
    """What an incident is listed by: its title, or the start of what happened."""
    return fields.title or fields.what


def _first_line(text: str, limit: int = 80) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def incident_json(incident: Incident) -> dict[str, Any]:
    fields = incident.fields
    return {
        "incident": incident.incident_id,
        "version": incident.version,
        "sha256": incident.sha256,
        "recorded_at_utc": incident.recorded_at.isoformat(),
        "custody_event": incident.event_seq,
        "title": fields.title,
        "what": fields.what,
        "started": fields.started,
        "ended": fields.ended,
        "platform": fields.platform,
        "urls": list(fields.urls),
        "place": fields.place,
        "people": list(fields.people),
        "impact": fields.impact,
        "witnesses": list(fields.witnesses),
        "steps": list(fields.steps),
        "items": list(fields.items),
        "categories": list(fields.categories),
    }
