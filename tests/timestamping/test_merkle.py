"""Merkle batching: RFC 6962 roots, inclusion proofs that verify, and every kind of tampering refused."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidence_kit.timestamping.merkle import (
    InclusionProof,
    _subtree_root,
    build_merkle,
    leaf_hash,
    node_hash,
    root_from_steps,
    verify_inclusion,
)


def sha(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def reference_root(items: Sequence[bytes]) -> bytes:
    """RFC 6962 section 2.1 written out again, independently of the module."""
    if len(items) == 1:
        return hashlib.sha256(b"\x00" + items[0]).digest()
    k = 1
    while k * 2 < len(items):
        k *= 2
    return hashlib.sha256(b"\x01" + reference_root(items[:k]) + reference_root(items[k:])).digest()


# The reference vectors of RFC 6962's reference implementation (certificate-transparency,
# merkle_tree_test): the root of the first n of these leaf inputs, for n = 1..8.
CT_LEAVES = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


@pytest.mark.parametrize("size", range(1, 9))
def test_the_tree_is_rfc_6962(size: int) -> None:
    hashes = [leaf_hash(bytes.fromhex(leaf)) for leaf in CT_LEAVES[:size]]
    assert _subtree_root(hashes).hex() == CT_ROOTS[size - 1]


def test_a_batch_of_one_has_its_leaf_hash_as_root() -> None:
    item = sha("photo of the message from Anna de Vries")
    tree = build_merkle([item])
    assert tree.root == hashlib.sha256(b"\x00" + item).digest()
    assert tree.proof(0) == InclusionProof(0, 1, ())
    assert tree.proof(0).steps() == ()
    assert verify_inclusion(item, tree.proof(0), tree.root)
    assert not verify_inclusion(item, tree.proof(0), item)  # the root is not the item's own digest


def test_three_items_exactly() -> None:
    a, b, c = sha("a"), sha("b"), sha("c")
    la, lb, lc = leaf_hash(a), leaf_hash(b), leaf_hash(c)
    tree = build_merkle([a, b, c])
    assert tree.root == node_hash(node_hash(la, lb), lc)
    assert tree.proof(0).path == (lb, lc)
    assert tree.proof(0).steps() == (f"right:{lb.hex()}", f"right:{lc.hex()}")
    assert tree.proof(1).steps() == (f"left:{la.hex()}", f"right:{lc.hex()}")
    assert tree.proof(2).steps() == (f"left:{node_hash(la, lb).hex()}",)
    assert tree.leaves == (a, b, c)


def test_odd_counts_are_not_padded() -> None:
    """Five items: no duplicated leaf, so the root differs from the batch with the last item twice."""
    items = [sha(str(n)) for n in range(5)]
    assert build_merkle(items).root != build_merkle([*items, items[-1]]).root
    assert build_merkle(items).root == reference_root(items)


@pytest.mark.parametrize("size", range(1, 18))
def test_every_proof_of_batches_of_1_to_17_verifies_and_tampering_fails(size: int) -> None:
    items = [sha(f"item {n} of {size}") for n in range(size)]
    tree = build_merkle(items)
    assert tree.root == reference_root(items)
    assert len(tree.proofs) == size
    for index, item in enumerate(items):
        proof = tree.proof(index)
        assert (proof.leaf_index, proof.tree_size) == (index, size)
        assert verify_inclusion(item, proof, tree.root)
        assert root_from_steps(item, proof.steps()) == tree.root
        changed_leaf = bytes([item[0] ^ 0x01]) + item[1:]
        assert not verify_inclusion(changed_leaf, proof, tree.root)
        assert root_from_steps(changed_leaf, proof.steps()) != tree.root
        changed_root = tree.root[:-1] + bytes([tree.root[-1] ^ 0x80])
        assert not verify_inclusion(item, proof, changed_root)
        for position in range(len(proof.path)):
            path = list(proof.path)
            path[position] = bytes([path[position][0] ^ 0x01]) + path[position][1:]
            assert not verify_inclusion(item, InclusionProof(index, size, tuple(path)), tree.root)
        if proof.path:
            assert not verify_inclusion(item, InclusionProof(index, size, proof.path[:-1]), tree.root)
            swapped = InclusionProof(index, size, tuple(reversed(proof.path)))
            assert len(proof.path) == 1 or not verify_inclusion(item, swapped, tree.root)
        assert not verify_inclusion(item, InclusionProof(index, size, (*proof.path, tree.root)), tree.root)
        for other in range(size):
            if other != index:
                assert not verify_inclusion(item, InclusionProof(other, size, proof.path), tree.root)


def test_a_large_batch() -> None:
    items = [sha(f"file {n} from the phone of Anna de Vries") for n in range(1000)]
    tree = build_merkle(items)
    assert tree.root == reference_root(items)
    for index in (0, 1, 511, 512, 767, 998, 999):
        proof = tree.proof(index)
        # 1000 = 512 + 256 + 128 + 64 + 32 + 8: the last 8 sit 3 + 5 levels deep, all others 10.
        assert len(proof.path) == (10 if index < 992 else 8)
        assert verify_inclusion(items[index], proof, tree.root)
        assert root_from_steps(items[index], proof.steps()) == tree.root


def test_malformed_proofs_are_false_not_errors() -> None:
    items = [sha("Anna"), sha("+31 6 00000000"), sha("example.com")]
    tree = build_merkle(items)
    proof = tree.proof(1)
    assert not verify_inclusion(items[1], InclusionProof(3, 3, proof.path), tree.root)  # index >= size
    assert not verify_inclusion(items[1], InclusionProof(-1, 3, proof.path), tree.root)
    assert not verify_inclusion(items[1], InclusionProof(0, 0, ()), tree.root)
    assert not verify_inclusion(items[1][:31], proof, tree.root)
    assert not verify_inclusion(items[1], proof, tree.root[:31])
    assert not verify_inclusion(items[1], InclusionProof(1, 3, (b"short", *proof.path[1:])), tree.root)
    assert not verify_inclusion(items[1], InclusionProof("1", 3, proof.path), tree.root)  # type: ignore[arg-type]
    assert not verify_inclusion(items[1], InclusionProof(1, 3, ("x" * 32,) * 2), tree.root)  # type: ignore[arg-type]
    assert not verify_inclusion(items[1], None, tree.root)  # type: ignore[arg-type]
    assert root_from_steps(items[1], ["up:" + "00" * 32]) is None
    assert root_from_steps(items[1], ["left:" + "0" * 63]) is None
    assert root_from_steps(items[1], ["LEFT:" + "00" * 32]) is None
    assert root_from_steps(items[1], "left:" + "00" * 32) is None
    assert root_from_steps(items[1], [7]) is None  # type: ignore[list-item]
    assert root_from_steps(items[1][:5], proof.steps()) is None
    with pytest.raises(ValueError, match="does not fit"):
        InclusionProof(1, 3, ()).steps()


def test_proof_dict_round_trip_and_refusals() -> None:
    tree = build_merkle([sha(str(n)) for n in range(6)])
    proof = tree.proof(4)
    data = proof.to_dict()
    assert data == {"leaf_index": 4, "tree_size": 6, "path": [sibling.hex() for sibling in proof.path]}
    assert InclusionProof.from_dict(data) == proof
    bad_inputs: tuple[object, ...] = (
        None,
        [],
        {"leaf_index": "4", "tree_size": 6, "path": []},
        {"leaf_index": 4, "tree_size": 6, "path": "00"},
        {"leaf_index": 4, "tree_size": 6, "path": ["AB" * 32]},
        {"leaf_index": True, "tree_size": 6, "path": []},
        {"leaf_index": 4, "tree_size": 6, "path": [None]},
    )
    for bad in bad_inputs:
        with pytest.raises(ValueError):
            InclusionProof.from_dict(bad)


def test_build_refuses_empty_batches_and_non_digests() -> None:
    with pytest.raises(ValueError, match="at least one"):
        build_merkle([])
    with pytest.raises(ValueError, match="32-byte"):
        build_merkle([sha("a"), b"not a digest"])


digests = st.binary(min_size=32, max_size=32)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(digests, min_size=1, max_size=40), stranger=digests, pick=st.integers(min_value=0))
def test_random_batches(items: list[bytes], stranger: bytes, pick: int) -> None:
    tree = build_merkle(items)
    assert tree.root == reference_root(items)
    index = pick % len(items)
    proof = tree.proof(index)
    assert verify_inclusion(items[index], proof, tree.root)
    assert root_from_steps(items[index], proof.steps()) == tree.root
    assert InclusionProof.from_dict(proof.to_dict()) == proof
    if stranger != items[index]:
        assert not verify_inclusion(stranger, proof, tree.root)
        assert root_from_steps(stranger, proof.steps()) != tree.root


@settings(max_examples=300, deadline=None)
@given(
    leaf=st.binary(max_size=40),
    index=st.integers(min_value=-3, max_value=70),
    size=st.integers(min_value=-3, max_value=70),
    path=st.lists(st.binary(max_size=40), max_size=8),
    root=st.binary(max_size=40),
    steps=st.lists(st.text(max_size=80), max_size=6),
)
def test_arbitrary_proof_input_never_raises(
    leaf: bytes, index: int, size: int, path: list[bytes], root: bytes, steps: list[str]
) -> None:
    assert verify_inclusion(leaf, InclusionProof(index, size, tuple(path)), root) in (True, False)
    assert root_from_steps(leaf, steps) is None or len(leaf) == 32


def test_the_worked_example_and_recipe_of_the_docs() -> None:
    """The numbers and the Python recipe in the docs are the module's own (guards against drift)."""
    items = [sha(f"item {n}") for n in range(3)]
    tree = build_merkle(items)
    assert tree.root.hex() == "be1c536abd92eca65d174df17402173f114af4ac7948573f9bd6865ff6d51d5f"
    steps = tree.proof(1).steps()
    assert steps == (
        "left:696044168f7d8402cf0b78d2b273b05f4d00a59910ece1ad0b6116c6fb7f9b9c",
        "right:7193d44ada385fc6ea8b209c00b975538710d19bc8aa725bece6081df29f152a",
    )
    docs = Path(__file__).resolve().parents[2] / "docs"
    texts = [path.read_text(encoding="utf-8") for path in (docs / "timestamps.md", docs / "verification.md")
             if path.is_file()]  # fmt: skip
    blocks = [block for text in texts for block in re.findall(r"```python\n(.*?)```", text, re.DOTALL)]
    recipe = next(block for block in blocks if "def recompute_root" in block)
    namespace: dict[str, object] = {}
    exec(recipe, namespace)  # noqa: S102 - our own documentation, run to prove it is right
    recompute = namespace["recompute_root"]
    assert callable(recompute)
    assert recompute(items[1].hex(), list(steps)) == tree.root.hex()
    assert recompute(items[2].hex(), list(steps)) != tree.root.hex()
    assert tree.root.hex() in "".join(texts)
