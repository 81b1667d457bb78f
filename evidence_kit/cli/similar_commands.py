"""The `similar` command: pictures in a vault that show the same picture, and their shareable hashes.

Reads only (like `list`, it adds no custody event): each picture's original is decoded in memory
by `case/image_match.py`, nothing is written. The groups are what a person checks by eye; the
hashes (`--hashes`) are what can be given to a removal service instead of the picture.
"""

from __future__ import annotations

import argparse

from evidence_kit.case.image_match import ALGORITHM, THRESHOLD, scan_images, similar_groups
from evidence_kit.cli.common import err, json_text, out, printable
from evidence_kit.cli.session import open_vault
from evidence_kit.i18n import _, fmt, nfmt


def cmd_similar(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        items = {item.id: item for item in vault.items()}
        scan = scan_images(vault, items.values())
    groups = similar_groups(scan.hashes)
    if args.json:
        report: dict[str, object] = {
            "algorithm": ALGORITHM,
            "threshold": THRESHOLD,
            "groups": groups,
            "too_plain": scan.too_plain,
            "unreadable": [{"item": i, "reason": r} for i, r in sorted(scan.unreadable.items())],
        }
        if args.hashes:
            report["hashes"] = {str(i): h.shareable for i, h in sorted(scan.hashes.items())}
        out(json_text(report))
        return 0
    for item_id, reason in sorted(scan.unreadable.items()):
        name = printable(items[item_id].original_name)
        err(
            fmt(
                "Item {id} ({name}) could not be read as a picture and was not compared: {reason}",
                {"id": str(item_id), "name": name, "reason": printable(reason)},
            )
        )
    for item_id in scan.too_plain:
        name = printable(items[item_id].original_name)
        out(
            fmt(
                "Item {id} ({name}) is too plain (one colour or nearly) to compare with other pictures.",
                {"id": str(item_id), "name": name},
            )
        )
    if groups:
        for group in groups:
            out(
                fmt(
                    "Items {items} and {last} look like the same picture.",
                    {"items": ", ".join(str(i) for i in group[:-1]), "last": str(group[-1])},
                )
            )
    else:
        out(
            nfmt(
                "No pictures look alike ({count} picture compared).",
                "No pictures look alike ({count} pictures compared).",
                len(scan.hashes),
            )
        )
    if args.hashes:
        out(
            _(
                "Shareable hashes (PDQ): a removal service can compare them with the pictures it "
                "finds without seeing yours."
            )
        )
        for item_id, value in sorted(scan.hashes.items()):
            out(f"  {item_id}\t{value.shareable}\t{printable(items[item_id].original_name)}")
    return 0
