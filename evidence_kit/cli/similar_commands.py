"""The `similar` command: pictures in a vault that show the same picture, and their shareable hashes.

Reads only (like `list`, it adds no custody event): each picture's original is decoded in memory
by `case/image_match.py`, nothing is written. The groups are what a person checks by eye; the
hashes (`--hashes`) are what can be given to a removal service instead of the picture.
"""

from __future__ import annotations

import argparse

from evidence_kit.case.image_match import (
    ALGORITHM,
    THRESHOLD,
    ImageScan,
    distance,
    matches,
    scan_images,
    similar_groups,
)
from evidence_kit.cli.common import err, json_text, out, printable
from evidence_kit.cli.session import open_vault
from evidence_kit.domain import ItemSummary
from evidence_kit.errors import ItemNotFoundError, NotAPictureError
from evidence_kit.i18n import _, fmt, nfmt


def cmd_similar(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        items = {item.id: item for item in vault.items()}
        if args.item_id is not None and args.item_id not in items:
            raise ItemNotFoundError(item_id=args.item_id)
        scan = scan_images(vault, items.values())
    if args.item_id is not None:
        return _like_one(args, scan, items)
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


def _like_one(args: argparse.Namespace, scan: ImageScan, items: dict[int, ItemSummary]) -> int:
    """The pictures that look like item `args.item_id`, nearest first, with their distance."""
    wanted = args.item_id
    mine = scan.hashes.get(wanted)
    if mine is None:
        reason = scan.unreadable.get(wanted) or _("it is not a picture")
        raise NotAPictureError(item=str(wanted), reason=reason)
    found = sorted(
        (distance(mine, other), item_id)
        for item_id, other in scan.hashes.items()
        if item_id != wanted and matches(mine, other)
    )
    if args.json:
        report = {
            "item": wanted,
            "algorithm": ALGORITHM,
            "threshold": THRESHOLD,
            "too_plain": wanted in scan.too_plain,
            "matches": [
                {"item": item_id, "distance": d, "name": items[item_id].original_name} for d, item_id in found
            ],
        }
        if args.hashes:
            report["hash"] = mine.shareable
        out(json_text(report))
        return 0
    if wanted in scan.too_plain:
        out(
            fmt(
                "Item {id} ({name}) is too plain (one colour or nearly) to compare with other pictures.",
                {"id": str(wanted), "name": printable(items[wanted].original_name)},
            )
        )
        return 0
    if not found:
        out(fmt("No other picture looks like item {id}.", {"id": str(wanted)}))
    for d, item_id in found:
        out(
            fmt(
                "Item {id} ({name}) looks like it: distance {distance} of at most {threshold}.",
                {
                    "id": str(item_id),
                    "name": printable(items[item_id].original_name),
                    "distance": str(d),
                    "threshold": str(THRESHOLD),
                },
            )
        )
    if args.hashes:
        out(f"  {wanted}\t{mine.shareable}")
    return 0
