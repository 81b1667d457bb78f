"""What a time-stamp token stamps, and whether it covers one item.

Rule: the three subjects are named here once, for the vault's stored tokens (`queue.py`), the
dossier package's manifest (`subject` of each entry in `timestamps`) and VERIFY.txt; and the
check that a token covers an item is written here once, for the vault's verify (through
`queue.ItemTimestamp.covers_item`) and for verify-package. It lives in timestamping, not in
verify/, because the vault's stored-proof model sits below verify and must use the same check.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from evidence_kit.timestamping.merkle import DIGEST_SIZE, root_from_steps


class TokenSubject(StrEnum):
    """What the digest in a time-stamp token's message imprint is."""

    ITEM = "item"  # one item's SHA-256: `openssl ts -verify -data originals/<file>` checks it directly
    MERKLE_ROOT = "merkle_root"  # a Merkle root over several items' SHA-256 (see docs/timestamps.md)
    CUSTODY_HEAD = "custody_head"  # the custody log's head hash at some moment


def covered_digest(subject: str, item_sha256: str, steps: Sequence[str]) -> str | None:
    """The digest (hex) a token over `subject` must stamp to cover the item whose SHA-256 is `item_sha256`.

    An item token stamps the item's SHA-256 itself and has no steps; any other token stamps the
    Merkle root that the item's inclusion steps lead to (docs/timestamps.md). None when the
    item's SHA-256 or the steps are malformed, so a damaged value covers nothing.
    """
    try:
        leaf = bytes.fromhex(item_sha256)
    except ValueError:
        return None
    if subject == TokenSubject.ITEM:
        return item_sha256 if not steps and len(leaf) == DIGEST_SIZE else None
    root = root_from_steps(leaf, steps)
    return root.hex() if root is not None else None
