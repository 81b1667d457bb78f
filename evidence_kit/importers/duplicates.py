"""A file whose bytes are already in the vault: the caller chooses; nothing is dropped silently.

Rule: a file whose SHA-256 equals an item already in the vault (a top-level item, or a file an
export carried) is never added silently. The caller passes a policy:

- `KEEP` (the default): it is stored again as a new item. Its `item_added` custody event carries
  `duplicate_of: N` and its import result says "already in the vault as item N; stored again as
  item M". The same proof arriving twice, from two places or at two times, can itself be
  meaningful, so it is kept unless the person says otherwise.
- `SKIP`: it is not stored. Its result is `skipped` (not a failure) with `AlreadyInVaultError`,
  "already in the vault as item N", and `duplicate_of`.

Why this shape: the hash is computed while the bytes are stored (`storage/item_writes.py`), so
the vault knows a duplicate only once the file is read. A skip is decided there, inside the
item's transaction and before its commit, and the whole item (chunks, times, row) rolls back:
no event, no blob, the custody chain untouched, and the file read once. No pre-check pass reads
big files twice. The app asks the person afterwards: it imports with `SKIP`, names each
duplicate, and stores those the person still wants with `KEEP` (only they are read again).

Only the original named by the user (step 1 in `batch.py`) is checked: a file carried inside an
export stays with its export, so the export's messages keep pointing at it.
"""

from __future__ import annotations

from enum import StrEnum

from evidence_kit.domain import ParseWarning


class Duplicates(StrEnum):
    KEEP = "keep"
    SKIP = "skip"


def stored_again(name: str, earlier: int, new: int) -> ParseWarning:
    """The note on a duplicate that was kept: which item already held these bytes."""
    return ParseWarning(
        "already_in_vault",
        "{name} is already in the vault as item {item}; it was stored again as item {new}.",
        (("name", name), ("item", str(earlier)), ("new", str(new))),
    )
