"""custody_log.jsonl: the vault's whole custody log, one signed event a line, so anyone can walk the chain.

Rule: every event up to the head the manifest records is shipped, in order, each line the
canonical JSON of {"seq", "type", "item", "prev_hash", "hash", "signature", "body"}, where `body`
is the exact text that was hashed (docs/verification.md). An event about an item that is not in
the package keeps its seq, hashes and signature but not its body (null): its name, path and note
stay private, while its link in the chain and its signature can still be checked. Nothing else
is left out, so a changed, dropped or reordered event breaks the chain for any reader.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from evidence_kit.hashing import canonical_json
from evidence_kit.storage.custody import GENESIS_HASH, SignedEvent


def custody_log_bytes(events: Sequence[SignedEvent], exported_item_ids: Collection[int]) -> bytes:
    """The JSON Lines file; `events` in chain order, starting at event 1."""
    lines: list[bytes] = []
    previous = GENESIS_HASH.hex()
    for event in events:
        private = event.item_id is not None and event.item_id not in exported_item_ids
        line = {
            "seq": event.seq,
            "type": event.event_type,
            "item": event.item_id,
            "prev_hash": previous,
            "hash": event.hash,
            "signature": event.signature,
            "body": None if private else event.body,
        }
        lines.append(canonical_json(line) + b"\n")
        previous = event.hash
    return b"".join(lines)
