"""The commands about the evidence in a vault: `add`, `list`, `extract`, `withhold`, `messages`
and `log`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from evidence_kit.cli.common import UsageError, err, json_text, out, printable, printable_params
from evidence_kit.cli.session import open_vault, stamp_quietly
from evidence_kit.domain import AddResult, CustodyEntry, ItemSummary, Timestamp
from evidence_kit.i18n import _, fmt, nfmt
from evidence_kit.importers.batch import Duplicates, add_paths
from evidence_kit.importers.chat_children import is_chat_item
from evidence_kit.storage.conversation_json import message_json

# ----------------------------------------------------------------- add


# Every file name and link target printed here comes from outside: `printable` escapes the
# control characters that would otherwise reach the terminal raw.


def _report_line(result: AddResult) -> str:
    path = printable(result.path)
    if result.error is not None and result.duplicate_of is not None:
        return fmt(
            "{path}: already in the vault as item {item}; not added again",
            {"path": path, "item": str(result.duplicate_of)},
        )
    if result.error is not None:
        reason = fmt(result.error, printable_params(result.error_params))
        if result.skipped:
            return fmt("{path}: skipped: {reason}", {"path": path, "reason": reason})
        return fmt("{path}: NOT added: {reason}", {"path": path, "reason": reason})
    parts = [fmt("recognised as {format}", {"format": _(result.recognised_as or "file")})]
    if result.message_count is not None:
        parts.append(nfmt("{count} message", "{count} messages", result.message_count))
    chats = sum(1 for item in result.items if is_chat_item(item))
    if chats:
        parts.append(nfmt("{count} chat, its own item", "{count} chats, each its own item", chats))
    attached = len(result.items) - chats - 1
    if attached > 0:
        parts.append(nfmt("{count} attached file stored", "{count} attached files stored", attached))
    return f"{path}: " + ", ".join(parts)


def print_import_report(results: Sequence[AddResult]) -> None:
    """The import report: per file what it was recognised as, how much was kept, every warning."""
    err(_("Import report:"))
    for result in results:
        err("  " + _report_line(result))
        for warning in result.warnings:
            err("    - " + fmt(warning.message, printable_params(warning.params)))


def _print_duplicates(results: Sequence[AddResult]) -> None:
    """Files already in the vault are never added silently: say how many, and what was done."""
    skipped = sum(1 for r in results if r.duplicate_of is not None and r.skipped)
    kept = sum(1 for r in results if r.duplicate_of is not None and not r.skipped)
    if skipped:
        err(
            nfmt(
                "{count} file was already in the vault and was not added again (listed above).",
                "{count} files were already in the vault and were not added again (listed above).",
                skipped,
            )
        )
    if kept:
        err(
            nfmt(
                "{count} file was already in the vault and was stored again as a new item; "
                "--skip-duplicates leaves such files out.",
                "{count} files were already in the vault and were stored again as new items; "
                "--skip-duplicates leaves such files out.",
                kept,
            )
        )


def cmd_add(args: argparse.Namespace) -> int:
    results = []
    with open_vault(args) as vault:
        duplicates = Duplicates.SKIP if args.skip_duplicates else Duplicates.KEEP
        note, forced = args.note or "", args.format
        added = add_paths(vault, args.paths, note=note, forced_format=forced, duplicates=duplicates)
        for result in added:
            results.append(result)
            for item in result.items:
                out(f"{item.id}\t{item.sha256}\t{printable(item.original_path)}")
        stamp_quietly(vault)
    print_import_report(results)
    _print_duplicates(results)
    # A link or special file found inside a folder was left out on purpose: listed, not failed.
    skipped = sum(1 for r in results if r.skipped and r.duplicate_of is None)
    if skipped:
        err(
            fmt(
                "{count} links or special files inside the folders were skipped (listed above); "
                "nothing was read from them.",
                {"count": str(skipped)},
            )
        )
    failed = sum(1 for r in results if r.failed)
    if failed:
        err(
            nfmt(
                "{count} file could not be added; all other files were stored.",
                "{count} files could not be added; all other files were stored.",
                failed,
            )
        )
        return 1
    return 0


# ----------------------------------------------------------------- list


def _time_text(stamp: Timestamp) -> str:
    if stamp.utc is not None:
        return stamp.utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return stamp.local.strftime("%Y-%m-%dT%H:%M:%S") if stamp.local else ""


def _stamp_json(stamp: Timestamp) -> dict[str, Any]:
    return {
        "source": str(stamp.source),
        "utc": stamp.utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if stamp.utc else None,
        "local": stamp.local.isoformat() if stamp.local else None,
        "offset_minutes": stamp.offset_minutes,
        "assumption": stamp.assumption,
    }


def item_json(item: ItemSummary) -> dict[str, Any]:
    return {
        "id": item.id,
        "uuid": item.uuid,
        "kind": str(item.kind),
        "sha256": item.sha256,
        "size": item.size,
        "original_name": item.original_name,
        "original_path": item.original_path,
        "media_type": item.media_type,
        "importer": f"{item.importer}/{item.importer_version}",
        "note": item.note,
        "category": item.category,
        "withhold_reason": item.withhold_reason,
        "offences": list(item.offences),
        "parent_id": item.parent_id,
        "imported_at_utc": _stamp_json(item.imported_at)["utc"],
        "imported_at_offset_minutes": item.imported_at.offset_minutes,
        "times": [_stamp_json(t) for t in item.times],
    }


def print_items(items: Sequence[ItemSummary]) -> None:
    if not items:
        out(_("The vault holds no items yet."))
        return
    header = (_("ID"), _("Kind"), _("Size"), _("Imported (UTC)"), _("SHA-256"), _("Name"))
    out(f"{header[0]:<3} {header[1]:<6} {header[2]:>11} {header[3]:<21} {header[4]:<64}  {header[5]}")
    for item in items:
        out(
            f"{item.id:<3} {_(str(item.kind)):<6} {item.size:>11,} {_time_text(item.imported_at):<21} "
            f"{item.sha256}  {printable(item.original_name)}"
        )


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        items = vault.items()
    if args.json:
        out(json_text([item_json(i) for i in items]))
    else:
        print_items(items)
    return 0


# ----------------------------------------------------------------- extract


def cmd_extract(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        stamp_quietly(vault)
        item = vault.extract(args.item_id, args.out_path)
    out(
        fmt(
            "Item {id} written to {path} (SHA-256 {sha256}, checked).",
            {"id": str(item.id), "path": printable(args.out_path), "sha256": item.sha256},
        )
    )
    return 0


# ----------------------------------------------------------------- withhold


def cmd_withhold(args: argparse.Namespace) -> int:
    if args.clear == (args.reason is not None):
        raise UsageError(
            detail=_("give either --reason TEXT (to mark the item) or --clear (to take the mark off)")
        )
    reason = None if args.clear else args.reason.strip()
    if reason == "":
        raise UsageError(detail=_("the reason may not be empty (for example: intimate image)"))
    with open_vault(args) as vault:
        changed = vault.set_withhold(args.item_id, reason)
        stamp_quietly(vault)
    item = {"id": str(args.item_id), "reason": printable(reason or "")}
    if reason is not None:
        out(fmt("Item {id} is marked sensitive: dossiers withhold it ({reason}).", item))
    elif changed:
        out(fmt("Item {id} is no longer marked sensitive.", item))
    else:
        out(fmt("Item {id} was not marked sensitive.", item))
    return 0


# ----------------------------------------------------------------- messages


def cmd_messages(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.item(args.item_id)
        try:
            stored = vault.conversation(args.item_id)
        except (ValueError, KeyError, TypeError, AttributeError):
            raise UsageError(
                detail=fmt(
                    "The parsed messages of item {id} are damaged and cannot be shown; "
                    "`evidence-kit verify` names what changed. The original is kept unchanged.",
                    {"id": str(args.item_id)},
                )
            ) from None
    if stored is None:
        raise UsageError(
            detail=fmt(
                "Item {id} holds no messages (it is not a chat, SMS or e-mail export).",
                {"id": str(args.item_id)},
            )
        )
    conversation, links, _missing = stored
    if args.json:
        out(json_text([message_json(m, links) for m in conversation.messages]))
        return 0
    for message in conversation.messages:
        when = message.sent_at.isoformat(sep=" ") if message.sent_at else "?"
        # One message, one line: a newline inside a message is shown as \n, like every control.
        who = printable(message.sender) if message.sender else _("(system)")
        flags = [
            _(name) for name in ("deleted", "edited", "media_omitted", "forwarded") if getattr(message, name)
        ]
        suffix = f"  [{', '.join(flags)}]" if flags else ""
        attachment = f"  <{printable(message.attachment)}>" if message.attachment else ""
        out(f"{when}  {who}: {printable(message.text)}{attachment}{suffix}")
    return 0


# ----------------------------------------------------------------- log


def _entry_json(entry: CustodyEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "type": entry.event_type,
        "at_utc": entry.at_utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "offset_minutes": entry.offset_minutes,
        "actor": entry.actor,
        "item_id": entry.item_id,
        "data": dict(entry.data),
        "hash": entry.hash,
    }


def cmd_log(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        entries = vault.custody_log()
    if args.json:
        out(json_text([_entry_json(e) for e in entries]))
        return 0
    for entry in entries:
        item = fmt(" item {id}", {"id": str(entry.item_id)}) if entry.item_id is not None else ""
        out(
            f"{entry.seq:>5}  {entry.at_utc.strftime('%Y-%m-%d %H:%M:%S')}Z  {_(entry.event_type)}{item}  "
            f"{entry.hash}"
        )
    return 0
