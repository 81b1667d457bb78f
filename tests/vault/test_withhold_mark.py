"""The "sensitive: withhold from dossiers" mark: set and cleared on the item, logged, checked."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from evidence_kit.vault import Vault
from tests.vault.conftest import PASSPHRASE


def _events(vault: Vault) -> list[tuple[str, dict[str, object]]]:
    return [(e.event_type, json.loads(e.body)["data"]) for e in vault.signed_custody_log()]


def test_mark_and_clear_are_logged_and_survive_reopening(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8 not really a jpeg")
    other = tmp_path / "other.txt"
    other.write_text("a threat")
    item = vault.add_file(picture)
    plain = vault.add_file(other)
    assert vault.item(item.id).withhold_reason is None and not vault.item(item.id).withheld

    assert vault.set_withhold(item.id, "  intimate\n image ")  # spaces folded, as one line
    assert not vault.set_withhold(item.id, "intimate image")  # already so: nothing logged
    assert vault.item(item.id).withhold_reason == "intimate image"
    assert not vault.item(plain.id).withheld
    assert vault.set_withhold(item.id, None)
    assert vault.set_withhold(item.id, "nude photo")
    vault.close()

    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert reopened.item(item.id).withhold_reason == "nude photo"
        marks = [(t, d) for t, d in _events(reopened) if t in ("item_withheld", "withhold_cleared")]
        assert marks == [
            ("item_withheld", {"item": item.id, "old": None, "new": "intimate image"}),
            ("withhold_cleared", {"item": item.id, "old": "intimate image", "new": None}),
            ("item_withheld", {"item": item.id, "old": None, "new": "nude photo"}),
        ]
        assert reopened.verify(record=False).ok


def test_a_mark_changed_behind_the_log_is_named_by_verify(vault: Vault, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("one")
    second.write_text("two")
    marked = vault.add_file(first).id
    plain = vault.add_file(second).id
    vault.set_withhold(marked, "intimate image")
    with vault._require_engine().begin() as conn:  # someone with the key, going around the program
        conn.execute(text("UPDATE items SET withhold_reason = NULL WHERE id = :i"), {"i": marked})
        conn.execute(text("UPDATE items SET withhold_reason = 'x' WHERE id = :i"), {"i": plain})
    report = vault.verify(record=False)
    assert not report.ok
    named = {(p.code, p.item_id) for p in report.problems}
    assert {("withhold_changed", marked), ("withhold_changed", plain)} <= named
