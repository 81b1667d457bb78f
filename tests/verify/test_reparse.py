"""Reading sealed originals again: `verify --reparse` and `reparse`, through the real CLI.

`verify --reparse` parses every chat, e-mail and picture again from the original as sealed in
the vault and compares with what is stored: a message edited with plain SQL (the seal is
broken too) and stored messages that the same parser version does not make from the original
are integrity failures; a parser of another version that reads it differently is a warning.
`reparse` stores the new reading with an `item_reparsed` event holding both seals and both
parser versions, so the history says why the text changed. The copy the parser reads lives in
memory only and is gone afterwards.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.importers import reparse as reparse_module
from evidence_kit.importers.reparse import ReparseVerdict, check_reparse, reparse_item
from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION, DERIVED_CONVERSATION_PART
from evidence_kit.vault import Vault
from tests.functional.fixtures import photo_with_exif
from tests.helpers import PASSPHRASE, cli_env, run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
CHAT = FIXTURES / "whatsapp" / "WhatsApp Chat with Anna de Vries.txt"
EMAIL = FIXTURES / "email" / "evidence.eml"


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, int]]:
    env = cli_env(tmp_path)
    vault_path = tmp_path / "case.ekvault"
    picture = photo_with_exif(tmp_path / "photo.jpg")
    run_cli(["init", str(vault_path), "--insecure-fast-kdf", "--title", "Reparse"], env, check=True)
    run_cli(["add", str(vault_path), str(CHAT), str(EMAIL), str(picture)], env, check=True)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        ids = {item.original_name: item.id for item in vault.items() if item.parent_id is None}
    return vault_path, env, ids


def _memory_copies() -> set[str]:
    return {name for name in os.listdir("/dev/shm") if name.startswith("evidence-kit-")}


def _left_behind(before: set[str]) -> set[str]:
    """Memory copies made since `before` that stay: a parallel test worker's copy vanishes when its
    re-read ends (within a second or two), one left by the run under test never does."""
    deadline = time.monotonic() + 10
    while (new := _memory_copies() - before) and time.monotonic() < deadline:
        time.sleep(0.2)
    return new


def test_verify_reparse_passes_on_an_untouched_vault(
    case: tuple[Path, dict[str, str], dict[str, int]],
) -> None:
    vault_path, env, ids = case
    before = _memory_copies()
    result = run_cli(["verify", str(vault_path), "--reparse"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    for name, item_id in ids.items():
        assert f"Item {item_id} ({name}): read again by" in result.stdout
    assert result.stdout.count("the same as stored") == 3
    assert _left_behind(before) == set()  # nothing left in memory files either


def test_a_message_edited_with_sql_is_a_reparse_mismatch(
    case: tuple[Path, dict[str, str], dict[str, int]],
) -> None:
    vault_path, env, ids = case
    chat = ids[CHAT.name]
    with Vault.open(vault_path, PASSPHRASE) as vault, vault._require_engine().begin() as conn:
        row = conn.execute(
            text("SELECT id, data FROM derived WHERE item_id = :i AND kind = :k ORDER BY id"),
            {"i": chat, "k": DERIVED_CONVERSATION_PART},
        ).first()
        assert row is not None
        document = json.loads(row.data)
        document["messages"][0]["text"] = "a forged, fictional sentence"
        conn.execute(
            text("UPDATE derived SET data = :d WHERE id = :id"),
            {"d": json.dumps(document).encode("utf-8"), "id": row.id},
        )
    result = run_cli(["verify", str(vault_path), "--reparse"], env)
    assert result.returncode == 1
    assert f"Item {chat} ({CHAT.name}): NOT intact: read again by the same parser" in result.stdout
    assert f"Item {ids[EMAIL.name]} ({EMAIL.name}): read again by" in result.stdout


def test_reparse_is_logged_with_both_seals_and_parsers(
    case: tuple[Path, dict[str, str], dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_path, _env, ids = case
    chat = ids[CHAT.name]
    with Vault.open(vault_path, PASSPHRASE) as vault:
        before = vault.derived(chat, DERIVED_CONVERSATION)  # the header record: it holds the title
        # A newer parser that reads the chat differently: another version, another title.
        monkeypatch.setattr(reparse_module, "PARSER_VERSION", "99.0.0")
        real_records = reparse_module.conversation_records

        def newer(stream, **options):  # type: ignore[no-untyped-def]
            from dataclasses import replace

            return real_records(replace(stream, title="Read by a newer parser"), **options)

        monkeypatch.setattr(reparse_module, "conversation_records", newer)
        findings = {f.item_id: f for f in check_reparse(vault)}
        assert findings[chat].verdict == ReparseVerdict.NEWER_PARSER
        outcome = reparse_item(vault, chat, "parser 99 reads titles differently")
        assert outcome is not None and outcome.changed
        assert outcome.parser.endswith("/99.0.0") and not outcome.parser_before.endswith("/99.0.0")
        after = vault.derived(chat, DERIVED_CONVERSATION)
        assert after != before and b"Read by a newer parser" in (after or b"")
        event = [e for e in vault.custody_log(chat) if e.event_type == "item_reparsed"][-1]
        data = dict(event.data)
        assert data["seal_before"] == outcome.seal_before != data["seal"] == outcome.seal
        assert data["parser_before"] == outcome.parser_before
        assert data["reason"] == "parser 99 reads titles differently"
        report = vault.verify()
        assert report.ok, report.problems  # the new reading is what the log now vouches for
        again = {f.item_id: f.verdict for f in check_reparse(vault)}
        assert again[chat] == ReparseVerdict.SAME
        assert again[ids[EMAIL.name]] == ReparseVerdict.NEWER_PARSER  # not re-read yet: still the old reading


def test_reparse_through_the_cli_restores_what_the_parser_makes(
    case: tuple[Path, dict[str, str], dict[str, int]],
) -> None:
    vault_path, env, ids = case
    chat = ids[CHAT.name]
    result = run_cli(["reparse", str(vault_path), str(chat), "--reason", "checking"], env)
    assert result.returncode == 0, result.stderr
    assert f"Item {chat}: read again by" in result.stdout and "the same as before" in result.stdout
    log = json.loads(run_cli(["log", str(vault_path), "--json"], env, check=True).stdout)
    types = [e["type"] for e in log if e.get("item_id") == chat]
    assert types[:2] == ["item_added", "item_parsed"] and types[-1] == "item_reparsed"
    assert run_cli(["verify", str(vault_path), "--reparse"], env).returncode == 0


def test_reparse_refuses_without_a_memory_file_system(
    case: tuple[Path, dict[str, str], dict[str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_path, _env, ids = case
    missing = tmp_path / "no-such-memory-folder"
    monkeypatch.setattr(reparse_module, "MEMORY_FOLDERS", (missing,))
    with Vault.open(vault_path, PASSPHRASE) as vault:
        with pytest.raises(reparse_module.ReparseUnavailableError):
            reparse_item(vault, ids[CHAT.name], "test")
        assert not missing.exists()
