"""The `chats` command: the chats read from an export of several, the list the user chooses from.

Each chat is an item of its own (`importers/chat_children.py`), so what the user picks here is
passed on by item number: `messages ITEM_ID` shows one, `export --items ID,...` puts the chosen
ones in a dossier.
"""

from __future__ import annotations

import argparse

from evidence_kit.cli.common import json_text, out, printable
from evidence_kit.cli.session import open_vault
from evidence_kit.i18n import _, fmt
from evidence_kit.importers.chat_children import export_chats


def cmd_chats(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        export, chats = export_chats(vault, args.item_id)
    if args.json:
        rows = [
            {"chat": c.number, "item": c.item.id, "title": c.title, "messages": c.messages} for c in chats
        ]
        out(json_text({"export": export.id, "chats": rows}))
        return 0
    if not chats:
        out(fmt("Item {id} holds no chats read as items of their own.", {"id": str(export.id)}))
        return 0
    out(
        fmt(
            "Item {id} ({name}) holds {count} chats, each an item of its own:",
            {"id": str(export.id), "name": printable(export.original_name), "count": str(len(chats))},
        )
    )
    for chat in chats:
        messages = "?" if chat.messages is None else str(chat.messages)
        title = printable(chat.title) if chat.title else _("(no title)")
        out(
            "  "
            + fmt(
                "chat {number}: item {item}, {title}, {count} messages",
                {"number": str(chat.number), "item": str(chat.item.id), "title": title, "count": messages},
            )
        )
    out(
        _(
            "Show one with `evidence-kit messages VAULT ITEM_ID`; "
            "choose them for a dossier with `export --items ID,...`."
        )
    )
    return 0
