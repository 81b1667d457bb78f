"""Derived data under the seal: a parsed message, a sender or a content time changed with plain SQL is caught.

The attacker here holds the passphrase and edits the vault's tables directly, as anyone with
the key could. Through the real CLI: `verify` exits 1 naming each changed item; a dossier
exported afterwards marks each of them on its page and on the cover, and its package fails
`verify-package`, while a package exported before the change still passes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION_PART
from evidence_kit.storage.derived_seal import seal_of, seal_states, stored_document
from evidence_kit.vault import Vault
from evidence_kit.verify.derived import check_derived
from tests.helpers import PASSPHRASE, cli_env, run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
CHAT = FIXTURES / "whatsapp" / "WhatsApp Chat with Anna de Vries.txt"
EMAIL = FIXTURES / "email" / "evidence.eml"


def _items_by_name(vault: Vault) -> dict[str, int]:
    return {item.original_name: item.id for item in vault.items()}


def _edit_conversation(conn: Connection, item_id: int, field: str, value: str) -> None:
    """Change the first message that has `field` in the stored conversation (in its parts)."""
    rows = conn.execute(
        text("SELECT id, data FROM derived WHERE item_id = :i AND kind = :k ORDER BY id"),
        {"i": item_id, "k": DERIVED_CONVERSATION_PART},
    ).all()
    row, document = next(
        (row, document)
        for row in rows
        for document in [json.loads(row.data)]
        if any(m.get(field) for m in document["messages"])
    )
    message = next(m for m in document["messages"] if m.get(field))
    assert message[field] != value
    message[field] = value
    conn.execute(
        text("UPDATE derived SET data = :d WHERE id = :id"),
        {"d": json.dumps(document, ensure_ascii=False).encode("utf-8"), "id": row.id},
    )


def _edit_content_time(conn: Connection, item_id: int) -> None:
    changed = conn.execute(
        text("UPDATE item_times SET utc = :t WHERE item_id = :i AND source = 'content'"),
        {"t": "2020-01-01T00:00:00.000000Z", "i": item_id},  # in the stored format, as a careful forger would
    ).rowcount
    assert changed >= 1


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, int]]:
    """A vault with two chats and an e-mail, each with derived data, added through the CLI."""
    env = cli_env(tmp_path)
    vault_path = tmp_path / "case.ekvault"
    other_chat = tmp_path / "WhatsApp Chat with Bram.txt"
    shutil.copyfile(CHAT, other_chat)
    run_cli(["init", str(vault_path), "--insecure-fast-kdf", "--title", "Seal test"], env, check=True)
    run_cli(["add", str(vault_path), str(CHAT), str(EMAIL), str(other_chat)], env, check=True)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        ids = _items_by_name(vault)
    return vault_path, env, ids


def test_sql_changes_to_derived_data_are_named_by_verify_export_and_verify_package(
    case: tuple[Path, dict[str, str], dict[str, int]], tmp_path: Path
) -> None:
    vault_path, env, ids = case
    chat, email, other = ids[CHAT.name], ids[EMAIL.name], ids["WhatsApp Chat with Bram.txt"]
    assert run_cli(["verify", str(vault_path)], env).returncode == 0
    before = tmp_path / "before"
    run_cli(["export", str(vault_path), str(before)], env, check=True)

    with Vault.open(vault_path, PASSPHRASE) as vault, vault._require_engine().begin() as conn:
        _edit_conversation(conn, chat, "text", "A message nobody ever sent")
        _edit_conversation(conn, email, "sender", "Someone Else <someone@example.org>")
        _edit_content_time(conn, other)

    verified = run_cli(["verify", str(vault_path)], env)
    assert verified.returncode == 1, verified.stdout + verified.stderr
    report = verified.stdout + verified.stderr
    for item_id in (chat, email, other):
        assert f"Item {item_id}: its parsed content, times or facts were changed" in report, report
    untouched = set(ids.values()) - {chat, email, other}
    for item_id in untouched:
        assert f"Item {item_id}:" not in report

    after = tmp_path / "after"
    run_cli(["export", str(vault_path), str(after)], env, check=True)
    pdf = _pdf_text(after / "dossier.pdf")
    assert pdf.count("Changed after import") == 3
    assert "Warning: the parsed content, times or facts of item(s)" in pdf
    assert run_cli(["verify-package", str(before)], env).returncode == 0
    checked = run_cli(["verify-package", str(after)], env)
    assert checked.returncode == 1
    assert checked.stdout.count("were changed after it was imported") == 3, checked.stdout
    manifest = json.loads((after / "manifest.json").read_text("utf-8"))
    seals = {entry["id"]: entry["derived_seal"] for entry in manifest["items"]}
    broken = {item_id for item_id, seal in seals.items() if seal["recorded"] != seal["found"]}
    assert broken == {chat, email, other}


Case = tuple[Path, dict[str, str], dict[str, int]]


def test_a_note_or_category_changed_with_sql_is_named(case: Case) -> None:
    vault_path, _env, ids = case
    chat, email = ids[CHAT.name], ids[EMAIL.name]
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.set_note(chat, "Sent to me on 3 October")
        assert vault.verify(record=False).ok
        with vault._require_engine().begin() as conn:
            conn.execute(text("UPDATE items SET note = 'forged note' WHERE id = :i"), {"i": chat})
            conn.execute(text("UPDATE items SET category = 'Threat' WHERE id = :i"), {"i": email})
        problems = {(p.code, p.item_id) for p in vault.verify(record=False).problems}
    assert problems == {("note_changed", chat), ("category_changed", email)}


def test_the_seal_covers_every_derived_row_and_fact(case: Case) -> None:
    """Each kind of change to what a dossier shows breaks the seal; the seal of an untouched item holds."""
    vault_path, _env, ids = case
    chat = ids[CHAT.name]
    edits = [
        "UPDATE items SET original_name = 'other.txt' WHERE id = :i",
        "UPDATE items SET media_type = 'image/png' WHERE id = :i",
        "UPDATE items SET parent_id = NULL WHERE id = :i",
        "UPDATE item_times SET assumption = 'none' WHERE item_id = :i",
        "UPDATE derived SET producer_version = '99' WHERE item_id = :i",
        "DELETE FROM derived WHERE item_id = :i AND kind = 'import_report'",
        "INSERT INTO item_times (item_id, source, utc, offset_minutes) VALUES (:i, 'content', NULL, 0)",
    ]
    with Vault.open(vault_path, PASSPHRASE) as vault:
        engine = vault._require_engine()
        with engine.connect() as conn:
            original = stored_document(conn, chat)
            assert original is not None
            recorded = seal_states(conn, [chat])[chat].recorded
        assert recorded == seal_of(original)
        changed = 0
        for statement in edits:
            with engine.connect() as conn, conn.begin() as transaction:
                conn.execute(text("DROP TRIGGER items_fixed_identity"))  # rolled back with the edit
                conn.execute(text(statement), {"i": chat})
                document = stored_document(conn, chat)
                assert document is not None
                if document != original:
                    changed += 1
                    assert seal_of(document) != recorded, statement
                transaction.rollback()
        # The parent edit is a no-op for a top-level item; every other edit changes the document.
        assert changed == len(edits) - 1


def test_an_item_imported_before_seals_existed_is_counted_not_failed(
    case: tuple[Path, dict[str, str], dict[str, int]],
) -> None:
    """Vaults from before seals keep verifying: an `item_added` event without a seal has nothing to
    compare with, so it is counted, not failed."""
    vault_path, _env, ids = case
    with Vault.open(vault_path, PASSPHRASE) as vault, vault._require_engine().connect() as conn:
        rows = conn.execute(text("SELECT body FROM custody_events ORDER BY seq")).scalars()
        bodies = [json.loads(body) for body in rows]
        items = {row.id: row for row in conn.execute(text("SELECT * FROM items")).all()}
        assert check_derived(conn, bodies, items) == ([], 0)
        for body in bodies:
            body["data"].pop("seal", None)
        edit = text("UPDATE derived SET producer = 'changed' WHERE item_id = :i")
        conn.execute(edit, {"i": ids[CHAT.name]})
        assert check_derived(conn, bodies, items) == ([], len(items))


def test_a_time_edited_into_nonsense_is_a_finding_and_a_clear_error_not_a_traceback(case: Case) -> None:
    vault_path, env, ids = case
    other = ids["WhatsApp Chat with Bram.txt"]
    with Vault.open(vault_path, PASSPHRASE) as vault, vault._require_engine().begin() as conn:
        conn.execute(
            text("UPDATE item_times SET utc = 'yesterday-ish' WHERE item_id = :i AND source = 'content'"),
            {"i": other},
        )
    verified = run_cli(["verify", str(vault_path)], env)
    assert verified.returncode == 1
    output = verified.stdout + verified.stderr
    assert f"Item {other}: its parsed content, times or facts were changed" in output
    for command in (["list", str(vault_path)], ["export", str(vault_path), str(vault_path.parent / "out")]):
        result = run_cli(command, env)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert "The vault holds a value that cannot be read (yesterday-ish)" in result.stderr
