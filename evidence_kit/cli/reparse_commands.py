"""Reading sealed originals again: `reparse` (store what the parser makes of them now, logged)
and the `--reparse` part of `verify` (compare, write nothing).

Rule: an item's original is read from the vault, never from where it was imported from; what
changed is printed per item with the parser before and after. A difference under the same
parser version is an integrity failure (exit 1); under another version only a warning (exit 3).
"""

from __future__ import annotations

import argparse

from evidence_kit.cli.common import err, out, printable_params
from evidence_kit.cli.session import open_vault
from evidence_kit.i18n import fmt, nfmt
from evidence_kit.importers.reparse import ReparseFinding, ReparseVerdict, reparse_item
from evidence_kit.vault import Vault

_SAME = "Item {item} ({name}): read again by {now}, the same as stored."
_NEWER = (
    "Item {item} ({name}): WARNING: read again by {now}, it differs from what {stored} stored. "
    "The parser changed; `evidence-kit reparse` stores the new reading, logged."
)
_MISMATCH = (
    "Item {item} ({name}): NOT intact: read again by the same parser ({now}), the sealed original "
    "does not give what is stored. The stored messages were not made from this original."
)
_UNREADABLE = "Item {item} ({name}): WARNING: the parser could not read the sealed original again ({reason})."
_CHANGED = "Item {item}: read again by {parser}; what it holds CHANGED (was made by {before}). Logged."
_UNCHANGED = "Item {item}: read again by {parser}; the same as before. Logged."


def _verdict_text(verdict: ReparseVerdict, params: dict[str, str]) -> str:
    if verdict == ReparseVerdict.SAME:
        return fmt(_SAME, params)
    if verdict == ReparseVerdict.NEWER_PARSER:
        return fmt(_NEWER, params)
    if verdict == ReparseVerdict.MISMATCH:
        return fmt(_MISMATCH, params)
    return fmt(_UNREADABLE, params)


def print_findings(findings: list[ReparseFinding]) -> tuple[bool, int]:
    """Print one line per item read again. Returns whether one of them is an integrity failure
    (exit 1), and how many are warnings (a newer parser, or one that cannot read it now: exit 3)."""
    out(
        nfmt(
            "Read again from its sealed original: {count} item.",
            "Read again from their sealed originals: {count} items.",
            len(findings),
        )
    )
    for finding in findings:
        params = {
            "item": str(finding.item_id),
            "name": finding.name,
            "now": finding.parser_now,
            "stored": finding.parser_stored,
            "reason": finding.reason,
        }
        out("  - " + _verdict_text(finding.verdict, printable_params(params)))
    failed = any(f.verdict == ReparseVerdict.MISMATCH for f in findings)
    warned = sum(f.verdict in (ReparseVerdict.NEWER_PARSER, ReparseVerdict.UNREADABLE) for f in findings)
    return failed, warned


def cmd_reparse(args: argparse.Namespace) -> int:
    reason = args.reason or "requested with evidence-kit reparse"
    with open_vault(args) as vault:
        ids = args.item_ids or _readable_ids(vault)
        for item_id in ids:
            outcome = reparse_item(vault, item_id, reason)
            if outcome is None:
                err(fmt("Item {item}: nothing to read again (a plain file).", {"item": str(item_id)}))
                continue
            params = {"item": str(item_id), "parser": outcome.parser, "before": outcome.parser_before}
            out(fmt(_CHANGED, printable_params(params)) if outcome.changed else fmt(_UNCHANGED, params))
    return 0


def _readable_ids(vault: Vault) -> list[int]:
    return [item.id for item in vault.items() if item.parent_id is None and item.kind != "file"]
