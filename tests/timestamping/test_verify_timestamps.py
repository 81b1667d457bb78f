"""verify and the vault's time-stamps: a changed token, proof or anchored head is named;
what a key holder can still rewrite after the newest anchor."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from sqlalchemy import Connection, text

from evidence_kit.domain import Problem
from evidence_kit.hashing import canonical_json
from evidence_kit.storage.custody import SignedEvent, verify_chain
from evidence_kit.storage.schema_guards import GUARDS
from evidence_kit.timestamping import (
    TsaConfig,
)
from evidence_kit.vault import Vault
from tests.timestamping.stamping_helpers import (
    CONTENTS,
    TSA_NAME,
    add_files,
    sha,
)

# ----------------------------------------------------------------------------- verify


def drop_guards(conn: Connection) -> None:
    """What a key holder can do: remove the append-only triggers."""
    for trigger in (
        conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
    ):
        conn.execute(text(f'DROP TRIGGER "{trigger}"'))


def past_the_guards(problems: tuple[Problem, ...]) -> list[Problem]:
    """The findings besides the guards `drop_guards` removed: verify names every one of those too."""
    assert {dict(p.params)["guard"] for p in problems if p.code == "guard_missing"} == GUARDS
    return [p for p in problems if p.code != "guard_missing"]


def rewrite_history(vault: Vault, seq: int, change: Callable[[dict[str, object]], None]) -> None:
    """Change event `seq`, then re-hash and re-sign it and every later event with the vault's own
    key, and move the stored head: the chain alone is consistent again. A careful forger puts the
    guards back afterwards, so verify cannot point at a missing one."""
    key = vault.signing_key()
    with vault._require_engine().begin() as conn:
        guards = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
        drop_guards(conn)
        previous = bytes(32)
        for row_seq, body in conn.execute(text("SELECT seq, body FROM custody_events ORDER BY seq")).all():
            if row_seq == seq:
                decoded = json.loads(body)
                change(decoded["data"])
                body = canonical_json(decoded).decode("utf-8")
            digest = hashlib.sha256(previous + body.encode("utf-8")).digest()
            conn.execute(
                text("UPDATE custody_events SET body = :b, hash = :h, signature = :s WHERE seq = :n"),
                {"b": body, "h": digest.hex(), "s": key.sign(digest).hex(), "n": row_seq},
            )
            previous = digest
        conn.execute(text("UPDATE vault_info SET head_hash = :h"), {"h": previous.hex()})
        for definition in guards:
            conn.execute(text(definition))


def chain_problems(vault: Vault) -> list[str]:
    with vault._require_engine().connect() as conn:
        rows = conn.execute(text("SELECT seq, event_type, at_utc, item_id, body, hash, signature "
                                 "FROM custody_events ORDER BY seq")).all()  # fmt: skip
    events = [SignedEvent(*row) for row in rows]
    problems, _head, _count, _bodies = verify_chain(events, vault._public_key, vault.vault_id)
    return [p.code for p in problems]


def test_the_anchored_head_cannot_be_rewritten_unnoticed(
    vault: Vault, tmp_path: Path, good: TsaConfig, root: list[x509.Certificate]
) -> None:
    add_files(vault, tmp_path)
    report = vault.stamp_pending([good])
    anchored = report.head_seq
    assert anchored == 5
    add_files(vault, tmp_path, (b"added after the anchor",))  # events after the anchor
    assert vault.verify(record=False, tsa_roots=root).ok

    def rename(data: dict[str, object]) -> None:
        data["name"] = "something-else.txt"

    rewrite_history(vault, 2, rename)  # the first item's "item added", before the anchor
    assert chain_problems(vault) == []  # re-signed with the vault's key: the chain alone looks fine
    found = vault.verify(record=False, tsa_roots=root).problems
    assert [(p.code, p.scope, p.event_seq) for p in found] == [
        ("anchored_head_mismatch", "custody", anchored)
    ]
    assert dict(found[0].params) == {
        "seq": "5",
        "tsa": TSA_NAME,
        "gen_time": report.tokens[-1].gen_time.strftime("%Y-%m-%d %H:%M:%S UTC"),
    }


def test_history_after_the_last_anchor_rests_on_the_signature_alone(
    vault: Vault, tmp_path: Path, good: TsaConfig, root: list[x509.Certificate]
) -> None:
    """The limit, stated honestly in docs/security.md: events after the newest anchor can still be
    rewritten by the key holder; only the next anchor closes that gap."""
    add_files(vault, tmp_path, CONTENTS[:1])
    vault.stamp_pending([good])
    add_files(vault, tmp_path, (b"added after the anchor",))
    last = vault.custody_log()[-1].seq

    def rename(data: dict[str, object]) -> None:
        data["name"] = "renamed.txt"

    rewrite_history(vault, last, rename)
    assert vault.verify(record=False, tsa_roots=root).ok


def tamper(vault: Vault, statement: str, **params: object) -> None:
    with vault._require_engine().begin() as conn:
        drop_guards(conn)
        conn.execute(text(statement), params)


def flip_last_byte(vault: Vault) -> None:
    with vault._require_engine().begin() as conn:
        drop_guards(conn)
        der = conn.execute(text("SELECT response_der FROM timestamp_tokens WHERE id = 1")).scalar_one()
        changed = der[:-1] + bytes([der[-1] ^ 1])
        conn.execute(text("UPDATE timestamp_tokens SET response_der = :d WHERE id = 1"), {"d": changed})


TAMPERING: dict[str, tuple[Callable[[Vault], None], list[tuple[str, str, int | None]]]] = {
    "token bytes": (flip_last_byte, [("timestamp_invalid", "timestamp", None)]),
    "stored time": (
        lambda v: tamper(
            v, "UPDATE timestamp_tokens SET gen_time_utc = '2020-01-01T00:00:00.000000Z' WHERE id = 1"
        ),
        [("timestamp_facts_mismatch", "timestamp", None)],
    ),
    "stored digest": (
        lambda v: tamper(v, "UPDATE timestamp_tokens SET digest = :d WHERE id = 1", d=sha(b"other")),
        [("timestamp_invalid", "timestamp", None)]
        + [("item_timestamp_mismatch", "item", i) for i in (1, 2, 3)],
    ),
    "proof step": (
        lambda v: tamper(
            v,
            "UPDATE timestamp_proofs SET proof_steps = replace(proof_steps, 'left:', 'right:') "
            "WHERE item_id = 2",
        ),
        [("item_timestamp_mismatch", "item", 2)],
    ),
    "stored root": (
        lambda v: tamper(v, "UPDATE timestamp_tokens SET root_pem = chain_pem WHERE id = 2"),
        [("timestamp_invalid", "timestamp", None)],
    ),
    "nonsense value": (
        lambda v: tamper(v, "UPDATE timestamp_tokens SET serial_number = 'not a number' WHERE id = 1"),
        [("timestamps_unreadable", "database", None)],
    ),
    "anchored seq": (
        lambda v: tamper(v, "UPDATE timestamp_tokens SET head_seq = head_seq - 1 WHERE id = 2"),
        [("anchored_head_mismatch", "custody", 4)],
    ),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_verify_reports_a_changed_token_or_proof(
    case: str, vault: Vault, tmp_path: Path, good: TsaConfig, root: list[x509.Certificate]
) -> None:
    add_files(vault, tmp_path)
    vault.stamp_pending([good])
    assert vault.verify(record=False, tsa_roots=root).ok
    action, expected = TAMPERING[case]
    action(vault)
    found = past_the_guards(vault.verify(record=False, tsa_roots=root).problems)
    assert [(p.code, p.scope, p.item_id or p.event_seq) for p in found] == expected


def test_tokens_and_proofs_are_append_only_in_the_database(
    vault: Vault, tmp_path: Path, good: TsaConfig
) -> None:
    add_files(vault, tmp_path)
    vault.stamp_pending([good])
    for statement in (
        "UPDATE timestamp_tokens SET tsa_name = 'x'",
        "DELETE FROM timestamp_tokens",
        "UPDATE timestamp_proofs SET leaf_index = 0",
        "DELETE FROM timestamp_proofs",
    ):
        with pytest.raises(Exception, match="immutable"), vault._require_engine().begin() as conn:
            conn.execute(text(statement))
