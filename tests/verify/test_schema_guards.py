"""verify notices when the database's append-only guards (triggers) have been dropped."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from evidence_kit.storage.schema_guards import GUARDS, present_guards
from evidence_kit.vault import Vault
from tests.helpers import PASSPHRASE, cli_env, run_cli


def test_a_new_vault_holds_exactly_the_listed_guards(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    path = tmp_path / "case.ekvault"
    run_cli(["init", str(path), "--insecure-fast-kdf"], env, check=True)
    with Vault.open(path, PASSPHRASE) as vault, vault._require_engine().connect() as conn:
        assert present_guards(conn) == GUARDS


def test_a_dropped_guard_fails_verify_and_is_named(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    path = tmp_path / "case.ekvault"
    source = tmp_path / "note.txt"
    source.write_text("fictional evidence", encoding="utf-8")
    run_cli(["init", str(path), "--insecure-fast-kdf"], env, check=True)
    run_cli(["add", str(path), str(source)], env, check=True)
    assert run_cli(["verify", str(path)], env).returncode == 0
    with Vault.open(path, PASSPHRASE) as vault, vault._require_engine().begin() as conn:
        conn.execute(text("DROP TRIGGER items_no_delete"))
    result = run_cli(["verify", str(path)], env)
    assert result.returncode == 1
    assert "The database guard items_no_delete has been removed" in result.stdout + result.stderr
    assert "chunks_no_delete" not in result.stdout + result.stderr
