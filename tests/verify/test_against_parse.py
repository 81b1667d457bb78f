"""How `verify --against` reads a head from text, and what it concludes from the vault's chain.

The CLI tests (test_against_cli.py) run the whole path; these pin the parser's leniency and each
verdict of the comparison on small fictional chains."""

from __future__ import annotations

from evidence_kit.verify.against import RecordedHead, check_against, format_head, parse_head_text

HEAD = "0f1e2d3c4b5a69788796a5b4c3d2e1f0" * 2
OTHER = "ab" * 32
KEY = "cd" * 32


def test_the_printed_form_reads_back_in_every_way_people_copy_it() -> None:
    printed = format_head(42, HEAD)
    assert printed == f"seq 42 · sha256 {HEAD}"
    grouped = " ".join(HEAD[i : i + 8] for i in range(0, 64, 8))
    for text in (
        printed,
        printed.upper(),
        f"Custody log head\nseq 42 · sha256\n{HEAD[:40]}\n{HEAD[40:]}\n",
        f"event 42, SHA-256: {grouped}",
        f"Gebeurtenis #42 sha256={HEAD}",
        # A whole cover copied: the manifest's hash comes first, the head's line wins.
        f"Manifest SHA-256 {OTHER}\nCustody log head seq 42 · sha256 {HEAD}",
    ):
        assert parse_head_text(text, "f") == RecordedHead(HEAD, 42, "f"), text
    assert parse_head_text(f"  {HEAD}\n", "f") == RecordedHead(HEAD, None, "f")


def test_text_without_one_clear_head_is_refused() -> None:
    assert parse_head_text("nothing to compare", "f") is None
    assert parse_head_text(f"{HEAD}\n{OTHER}\n", "f") is None  # two bare hashes: which one?
    assert parse_head_text(f"seq 42 · sha256 {HEAD[:63]}", "f") is None  # one digit short
    assert parse_head_text(f"seq 42 · sha256 {HEAD[:60]}", "f") is None  # not "a256" + 60 digits


def _chain(length: int) -> dict[int, str]:
    return {seq: f"{seq:064x}" for seq in range(1, length + 1)}


def test_each_verdict_of_the_comparison() -> None:
    chain = _chain(10)
    ok, notes = check_against(RecordedHead(chain[7], 7, "old.pdf"), chain, "vault-1", KEY)
    assert ok == [] and [n.code for n in notes] == ["against_ok"]
    assert dict(notes[0].params)["later"] == "3"
    bare, _ = check_against(RecordedHead(chain[7], None, "head.txt"), chain, "vault-1", KEY)
    assert bare == []

    def codes(recorded: RecordedHead) -> list[str]:
        return [p.code for p in check_against(recorded, chain, "vault-1", KEY)[0]]

    assert codes(RecordedHead(OTHER, 12, "later.zip")) == ["against_rolled_back"]
    assert codes(RecordedHead(OTHER, 7, "old.pdf")) == ["against_rewritten"]
    assert codes(RecordedHead(OTHER, None, "head.txt")) == ["against_not_found"]
    assert codes(RecordedHead(chain[7], 7, "pkg", public_key_sha256="ef" * 32)) == ["against_key_changed"]
    assert codes(RecordedHead(chain[7], 7, "pkg", vault_id="vault-2")) == ["against_other_vault"]
    assert codes(RecordedHead(chain[7], 7, "pkg", public_key_sha256=KEY, vault_id="vault-1")) == []
