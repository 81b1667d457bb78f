"""Tampering with the custody log directly in the database (with the key) is always reported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from tests.vault.conftest import FAST, PASSPHRASE


def _fill(vault: Vault, tmp_path: Path) -> None:
    for index in range(4):
        file = tmp_path / f"f{index}.txt"
        file.write_bytes(f"file {index}".encode())
        item = vault.add_file(file)
        vault.set_note(item.id, f"note {index}")


def _tamper(vault: Vault, action: Callable[[Connection], None]) -> None:
    """Do what an attacker holding the key could: drop the guards, then change the log."""
    with vault._require_engine().begin() as conn:
        conn.execute(text("DROP TRIGGER custody_events_no_update"))
        conn.execute(text("DROP TRIGGER custody_events_no_delete"))
        action(conn)


def _edit(conn: Connection) -> None:
    body = conn.execute(text("SELECT body FROM custody_events WHERE seq = 3")).scalar_one()
    changed = body.replace("note 0", "note X")
    assert changed != body
    conn.execute(text("UPDATE custody_events SET body = :b WHERE seq = 3"), {"b": changed})


def _delete_middle(conn: Connection) -> None:
    conn.execute(text("DELETE FROM custody_events WHERE seq = 5"))


def _delete_last(conn: Connection) -> None:
    conn.execute(text("DELETE FROM custody_events WHERE seq = (SELECT max(seq) FROM custody_events)"))


def _reorder(conn: Connection) -> None:
    rows = conn.execute(
        text("SELECT seq, body, hash, signature FROM custody_events WHERE seq IN (3, 4)")
    ).all()
    (_s3, b3, h3, g3), (_s4, b4, h4, g4) = rows
    conn.execute(
        text("UPDATE custody_events SET body=:b, hash=:h, signature=:g WHERE seq=3"),
        {"b": b4, "h": h4, "g": g4},
    )
    conn.execute(
        text("UPDATE custody_events SET body=:b, hash=:h, signature=:g WHERE seq=4"),
        {"b": b3, "h": h3, "g": g3},
    )


def _resign_edit(conn: Connection) -> None:
    """Change an event's data, but leave its old hash and signature (no one can make new ones)."""
    body = json.loads(conn.execute(text("SELECT body FROM custody_events WHERE seq = 2")).scalar_one())
    body["data"]["sha256"] = "0" * 64
    encoded = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    conn.execute(text("UPDATE custody_events SET body = :b WHERE seq = 2"), {"b": encoded})


CASES: dict[str, tuple[Callable[[Connection], None], set[str]]] = {
    "edit": (_edit, {"event_hash_mismatch"}),
    "delete middle": (_delete_middle, {"events_missing", "event_hash_mismatch"}),
    "delete last": (_delete_last, {"head_mismatch"}),
    "reorder": (_reorder, {"event_hash_mismatch", "event_fields_mismatch"}),
    "change recorded hash": (_resign_edit, {"event_hash_mismatch", "item_event_mismatch"}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampering_is_reported(case: str, tmp_path: Path, vault: Vault) -> None:
    _fill(vault, tmp_path)
    assert vault.verify(record=False).ok
    action, expected = CASES[case]
    _tamper(vault, action)
    report = vault.verify(record=False)
    codes = {p.code for p in report.problems}
    assert expected <= codes, codes
    # Besides the chain's findings, verify names the two guards the attacker had to drop.
    dropped = {p.format() for p in report.problems if p.code == "guard_missing"}
    assert dropped == {
        f"The database guard {name} has been removed: rows it protects could have been rewritten."
        for name in ("custody_events_no_update", "custody_events_no_delete")
    }
    assert all(p.scope == "custody" for p in report.problems if p.code != "guard_missing")


def test_log_is_append_only_at_the_database_level(vault: Vault) -> None:
    with pytest.raises(Exception, match="append-only"), vault._require_engine().begin() as conn:
        conn.execute(text("DELETE FROM custody_events"))
    assert vault.verify(record=False).ok


def test_log_verifies_after_passphrase_change_and_recovery(vault_path: Path, tmp_path: Path) -> None:
    vault, code = Vault.create(vault_path, PASSPHRASE, kdf=FAST)
    with vault:
        _fill(vault, tmp_path)
        vault.change_passphrase("a new passphrase", kdf=KdfParams.insecure_fast())
    with Vault.open(vault_path, "a new passphrase") as vault:
        assert vault.verify().ok
    with Vault.open(vault_path, recovery_code=code) as vault:
        vault.change_passphrase("recovered passphrase", event_type="recovered_with_code")
    with Vault.open(vault_path, "recovered passphrase") as vault:
        report = vault.verify()
        assert report.ok
        types = [e.event_type for e in vault.custody_log()]
        assert types.count("passphrase_changed") == 1 and types.count("recovered_with_code") == 1
        assert report.events_checked == len(types) - 1  # the verify event itself is added after the check
