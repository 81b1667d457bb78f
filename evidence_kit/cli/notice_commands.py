"""Notices to platforms on the command line: `notice`, `notice-status`, `notices`, `notice-show`.

A notice (EU Digital Services Act, Article 16) asks a platform to remove illegal content: the
exact web addresses, why it is illegal, who asks, and a statement of good faith
(`case/notice_text.py`). It is saved in the vault, and each step (sent, answered, removed) is a
sealed version, so the custody log says when the keeper recorded it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from evidence_kit.case.notice_sources import NoticeSource, from_incident, from_item
from evidence_kit.case.notice_text import default_explanation, notice_text, routes
from evidence_kit.case.platform_routes import route_for
from evidence_kit.case.taxonomy import load_taxonomy
from evidence_kit.cli.case_commands import check_categories
from evidence_kit.cli.common import json_text, out, printable
from evidence_kit.cli.session import open_vault
from evidence_kit.i18n import _, fmt, get_language
from evidence_kit.storage.notices import STATUSES, Notice, NoticeFields

VaultCommand = Callable[[str, str], argparse.ArgumentParser]


def add_notice_commands(vault_command: VaultCommand) -> None:
    draft = vault_command("notice", _("draft a notice asking a platform to remove illegal content (DSA)"))
    draft.add_argument(
        "target",
        nargs="?",
        type=_target,
        metavar="ITEM_OR_INCIDENT",
        help=_(
            "an item number (7 or item:7) or an incident (incident:2): the platform, addresses and "
            "categories written down for it are taken"
        ),
    )
    draft.add_argument("--platform", help=_("the platform: Instagram, TikTok, ..."))
    draft.add_argument(
        "--url", action="append", metavar="URL", help=_("the exact web address of the content (repeat)")
    )
    draft.add_argument(
        "--item",
        action="append",
        type=int,
        metavar="ITEM_ID",
        help=_("an evidence item it is about (repeat)"),
    )
    draft.add_argument(
        "--category",
        action="append",
        metavar="ID",
        help=_("an offence category, see `evidence-kit categories` (repeat)"),
    )
    draft.add_argument(
        "--explanation", help=_("why the content is illegal, in your words (default: from the categories)")
    )
    draft.add_argument("--name", default="", help=_("your name (optional)"))
    draft.add_argument("--email", default="", help=_("your e-mail address (optional)"))
    draft.add_argument(
        "--lang", dest="notice_lang", choices=("nl", "en"), help=_("the language of the notice")
    )
    draft.set_defaults(func=cmd_notice_draft)

    status = vault_command(
        "notice-status", _("record a step of a notice: sent, answered, removed or refused")
    )
    status.add_argument("notice_id", type=int, metavar="NOTICE_ID")
    status.add_argument("status", choices=STATUSES[1:])
    status.add_argument("--note", default="", help=_("e.g. the platform's reference number or answer"))
    status.set_defaults(func=cmd_notice_status)

    listing = vault_command("notices", _("the notices to platforms and their status"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=cmd_notices)

    show = vault_command("notice-show", _("print a notice's text, to send it"))
    show.add_argument("notice_id", type=int, metavar="NOTICE_ID")
    show.set_defaults(func=cmd_notice_show)


def _target(text: str) -> tuple[str, int]:
    """("item", 7) for "7" or "item:7", ("incident", 2) for "incident:2"."""
    kind, _sep, number = text.strip().lower().rpartition(":")
    kind = kind or "item"
    if kind not in ("item", "incident") or not number.isdigit():
        raise argparse.ArgumentTypeError(
            fmt("not an item (7, item:7) or an incident (incident:2): {text}", {"text": text})
        )
    return kind, int(number)


def cmd_notice_draft(args: argparse.Namespace) -> int:
    lang = args.notice_lang or get_language()
    taxonomy = load_taxonomy()
    check_categories(args.category or ())
    with open_vault(args) as vault:
        source = NoticeSource("", (), (), ())
        if args.target is not None:
            kind, number = args.target
            source = from_incident(vault, number) if kind == "incident" else from_item(vault, number)
        platform = args.platform or source.platform
        urls = tuple(args.url or ()) or source.urls
        items = tuple(args.item or ()) or source.items
        categories = tuple(args.category or ()) or source.categories
        explanation = args.explanation or default_explanation(categories, lang, taxonomy)
        fields = NoticeFields(
            platform=platform, urls=urls, explanation=explanation, categories=categories, name=args.name,
            email=args.email, language=lang, incident=source.incident, items=items,
        )  # fmt: skip
        notice = vault.save_notice(fields)
    out(fmt("Notice {id} saved as a draft. Its text:", {"id": str(notice.notice_id)}))
    out()
    out(notice_text(notice.fields, date.today(), taxonomy))
    platform = route_for(notice.fields.platform)
    if platform is not None:
        out(platform.text(get_language()))
    for route in routes(notice.fields.categories, get_language()):
        out(route)
    out(_("After sending it, record it: evidence-kit notice-status VAULT ID sent."))
    return 0


def cmd_notice_status(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        before = vault.notice_history(args.notice_id)[-1]
        notice = vault.save_notice(
            replace(before.fields, status=args.status, status_note=args.note), args.notice_id
        )
    out(fmt("Notice {id}: {status} (version {version}).", _ids(notice)))
    return 0


def cmd_notices(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        notices = vault.notices()
        history = {n.notice_id: vault.notice_history(n.notice_id) for n in notices}
    if args.json:
        rows = [_notice_json(n, history[n.notice_id]) for n in notices]
        out(json_text(rows))
        return 0
    if not notices:
        out(_("No notices yet (evidence-kit notice)."))
        return 0
    for notice in notices:
        out(fmt("Notice {id} to {platform}: {status} (version {version}).", _ids(notice)))
        for url in notice.fields.urls:
            out("   " + printable(url))
    return 0


def _notice_json(notice: Notice, versions: list[Notice]) -> dict[str, object]:
    fields = notice.fields
    return {
        "notice": notice.notice_id,
        "version": notice.version,
        "sha256": notice.sha256,
        "platform": fields.platform,
        "urls": list(fields.urls),
        "status": fields.status,
        "status_note": fields.status_note,
        "incident": fields.incident,
        "items": list(fields.items),
        "steps": [
            {"status": v.fields.status, "recorded_at_utc": v.recorded_at.isoformat()} for v in versions
        ],
    }


def cmd_notice_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        notice = vault.notice_history(args.notice_id)[-1]
    out(notice_text(notice.fields, notice.recorded_at.date()))
    return 0


def _status_word(status: str) -> str:
    return {
        "draft": _("draft"), "sent": _("sent"), "answered": _("answered"), "removed": _("content removed"),
        "refused": _("refused"),
    }[status]  # fmt: skip


def _ids(notice: Notice) -> dict[str, str]:
    return {
        "id": str(notice.notice_id),
        "version": str(notice.version),
        "platform": printable(notice.fields.platform or "-"),
        "status": _status_word(notice.fields.status),
    }
