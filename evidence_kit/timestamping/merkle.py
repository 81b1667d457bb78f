"""Merkle batching of item hashes, so one RFC 3161 token can stamp many items.

Rule: the tree is exactly RFC 6962 / RFC 9162 section 2.1 with SHA-256, so a third party can
rebuild it from the text in docs/timestamps.md with nothing but a SHA-256 tool:

    leaf hash  = SHA-256(0x00 || item_sha256)            item_sha256: the item's 32 raw digest bytes
    node hash  = SHA-256(0x01 || left || right)
    MTH([d])   = leaf hash of d                          (a batch of one: root = its leaf hash)
    MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n]))          k = the largest power of two < n

Odd counts are not padded and nothing is duplicated: the right subtree is simply smaller
(RFC 6962's split), so no two different batches share a root. The 0x00/0x01 prefixes keep a
leaf from ever being read as an inner node (second-preimage protection).

Proofs are stored two ways: the RFC 9162 audit path (`leaf_index`, `tree_size`, `path`) that
`verify_inclusion` checks strictly, and `steps()`, the same path as text that says on which side
each sibling goes ("left:<hex>" / "right:<hex>"), which is what a person re-computes by hand.
Everything that reads a proof from outside returns False/None on malformed input, never raises.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DIGEST_SIZE = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
_STEP = re.compile(r"(left|right):([0-9a-f]{64})")


def leaf_hash(item_sha256: bytes) -> bytes:
    """SHA-256(0x00 || item_sha256): the hash a leaf contributes to the tree."""
    return hashlib.sha256(LEAF_PREFIX + item_sha256).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right)."""
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


@dataclass(frozen=True)
class InclusionProof:
    """Where one item sits in a batch, and the sibling hashes from its leaf up to the root."""

    leaf_index: int
    tree_size: int
    path: tuple[bytes, ...]

    def steps(self) -> tuple[str, ...]:
        """The path as "left:<hex>"/"right:<hex>": the side on which each sibling is hashed in."""
        sides = _sides(self)
        if sides is None:
            raise ValueError("the proof's path does not fit its leaf index and tree size")
        return tuple(f"{side}:{sibling.hex()}" for side, sibling in zip(sides, self.path, strict=True))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form for storage: {"leaf_index", "tree_size", "path": [hex, ...]}."""
        return {
            "leaf_index": self.leaf_index,
            "tree_size": self.tree_size,
            "path": [sibling.hex() for sibling in self.path],
        }

    @classmethod
    def from_dict(cls, data: object) -> InclusionProof:
        """The inverse of `to_dict`; ValueError when `data` is not such a dict."""
        if not isinstance(data, dict):
            raise ValueError("an inclusion proof must be a JSON object")
        index, size, path = data.get("leaf_index"), data.get("tree_size"), data.get("path")
        if type(index) is not int or type(size) is not int or not isinstance(path, list):
            raise ValueError("an inclusion proof needs integer leaf_index/tree_size and a path list")
        siblings: list[bytes] = []
        for entry in path:
            if not isinstance(entry, str) or not re.fullmatch(r"[0-9a-f]{64}", entry):
                raise ValueError("each path entry must be 64 lowercase hex digits")
            siblings.append(bytes.fromhex(entry))
        return cls(index, size, tuple(siblings))


@dataclass(frozen=True)
class MerkleTree:
    """A built batch: its root (the digest that gets timestamped) and one proof per leaf, in order."""

    leaves: tuple[bytes, ...]  # the items' SHA-256 digests, as given
    root: bytes
    proofs: tuple[InclusionProof, ...]

    def proof(self, index: int) -> InclusionProof:
        return self.proofs[index]


def build_merkle(leaves: Sequence[bytes]) -> MerkleTree:
    """Build the tree over `leaves` (each an item's raw 32-byte SHA-256), in the order given.

    Duplicates are allowed (each keeps its own index). An empty batch has no root: ValueError.
    """
    if not leaves:
        raise ValueError("a Merkle batch needs at least one item")
    for item in leaves:
        if len(item) != DIGEST_SIZE:
            raise ValueError("every Merkle leaf must be a raw 32-byte SHA-256 digest")
    hashes = [leaf_hash(item) for item in leaves]
    paths: list[list[bytes]] = [[] for _ in hashes]
    root = _build(hashes, 0, len(hashes), paths)
    proofs = tuple(InclusionProof(index, len(hashes), tuple(path)) for index, path in enumerate(paths))
    return MerkleTree(tuple(bytes(item) for item in leaves), root, proofs)


def _split(size: int) -> int:
    """The largest power of two strictly below `size` (size >= 2)."""
    return 1 << ((size - 1).bit_length() - 1)


def _build(hashes: Sequence[bytes], start: int, end: int, paths: list[list[bytes]]) -> bytes:
    """MTH(hashes[start:end]); appends each leaf's sibling at this level to its path (RFC 6962 PATH).

    Each subtree root is computed once, so a batch of n items costs n - 1 node hashes and
    O(n log n) path entries. Inner levels are appended first, so paths run from leaf to root.
    """
    if end - start == 1:
        return hashes[start]
    middle = start + _split(end - start)
    left = _build(hashes, start, middle, paths)
    right = _build(hashes, middle, end, paths)
    for index in range(start, middle):
        paths[index].append(right)
    for index in range(middle, end):
        paths[index].append(left)
    return node_hash(left, right)


def _subtree_root(hashes: Sequence[bytes]) -> bytes:
    """MTH over leaf hashes (for the RFC 6962 reference vectors)."""
    return _build(hashes, 0, len(hashes), [[] for _ in hashes])


def _sides(proof: InclusionProof) -> list[str] | None:
    """The side of each sibling, derived from index and size per RFC 9162 section 2.1.3.2.

    None when the path length does not fit the index and size (the proof is malformed).
    """
    if not 0 <= proof.leaf_index < proof.tree_size:
        return None
    fn, sn = proof.leaf_index, proof.tree_size - 1
    sides: list[str] = []
    for _ in proof.path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            sides.append("left")
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            sides.append("right")
        fn >>= 1
        sn >>= 1
    return sides if sn == 0 else None


def verify_inclusion(leaf: bytes, proof: InclusionProof, root: bytes) -> bool:
    """True when the item with SHA-256 `leaf` is at `proof.leaf_index` of the batch whose root is `root`.

    `leaf` is the item's raw digest (not its leaf hash). Malformed input gives False.
    """
    try:
        if len(leaf) != DIGEST_SIZE or len(root) != DIGEST_SIZE:
            return False
        if not all(isinstance(sibling, bytes) and len(sibling) == DIGEST_SIZE for sibling in proof.path):
            return False
        sides = _sides(proof)
        if sides is None:
            return False
        return _climb(leaf_hash(bytes(leaf)), zip(sides, proof.path, strict=True)) == root
    except (TypeError, ValueError, AttributeError):  # not bytes, not ints, not a proof at all
        return False


def root_from_steps(leaf: bytes, steps: Sequence[str]) -> bytes | None:
    """Recompute the root from an item's raw SHA-256 and the text steps of `InclusionProof.steps()`.

    This is the by-hand procedure of docs/timestamps.md; None when a step is malformed.
    """
    if not isinstance(leaf, bytes) or len(leaf) != DIGEST_SIZE or isinstance(steps, str):
        return None
    parsed: list[tuple[str, bytes]] = []
    for step in steps:
        match = _STEP.fullmatch(step) if isinstance(step, str) else None
        if match is None:
            return None
        parsed.append((match.group(1), bytes.fromhex(match.group(2))))
    return _climb(leaf_hash(leaf), parsed)


def _climb(current: bytes, steps: Iterable[tuple[str, bytes]]) -> bytes:
    for side, sibling in steps:
        current = node_hash(sibling, current) if side == "left" else node_hash(current, sibling)
    return current
