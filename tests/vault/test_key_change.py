"""Key changes in process: a key file that cannot be renamed into place after its event
committed is completed at the next opening; a failure before the commit point of a key
replacement leaves the open vault working on its old key; hostile key files are refused
before any key derivation."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from evidence_kit.errors import (
    KeyChangeInterruptedError,
    KeyFileInvalidError,
    KeyFileLimitsError,
    WrongPassphraseError,
)
from evidence_kit.hashing import canonical_json, sha256_hex
from evidence_kit.storage import key_change
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.key_change import PENDING_KEYS, ROTATING_DB, ROTATING_KEYS
from evidence_kit.storage.keys import KeyFile
from evidence_kit.vault import Vault

from .conftest import FAST, PASSPHRASE

NEW = "a new fictional passphrase"


def test_a_key_file_not_renamed_after_its_event_is_installed_at_the_next_opening(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace

    def refuse_the_last_step(src: Any, dst: Any) -> None:
        if Path(src).name == PENDING_KEYS:
            raise OSError(5, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(key_change.os, "replace", refuse_the_last_step)
    with pytest.raises(KeyChangeInterruptedError):
        vault.change_passphrase(NEW, kdf=FAST)
    monkeypatch.undo()
    vault.close()
    assert (vault_path / PENDING_KEYS).exists()
    with Vault.open(vault_path, NEW) as reopened:  # the pending key file unlocks, then is installed
        assert reopened.interrupted_change == "finished"
        assert reopened.custody_log()[-1].event_type == EventType.PASSPHRASE_CHANGED
    assert not (vault_path / PENDING_KEYS).exists()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, PASSPHRASE)


def test_an_uncommitted_pending_key_file_is_removed_and_does_not_unlock(
    vault: Vault, vault_path: Path
) -> None:
    keys = KeyFile.from_bytes((vault_path / "keys.json").read_bytes(), vault_path / "keys.json")
    vault.close()
    # a pending key file whose event never committed (as after a kill just before the commit)
    from evidence_kit.storage.key_change import passphrase_keyfile
    from evidence_kit.storage.opening import unlock_data_key

    data_key = unlock_data_key(keys, PASSPHRASE, None)
    pending, _params = passphrase_keyfile(keys, data_key, NEW, FAST)
    (vault_path / PENDING_KEYS).write_bytes(pending.to_bytes())
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, NEW)
    assert not (vault_path / PENDING_KEYS).exists()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert EventType.PASSPHRASE_CHANGED not in [e.event_type for e in reopened.custody_log()]


def test_a_failed_key_replacement_leaves_the_open_vault_on_its_old_key(
    vault: Vault, vault_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"fictional")
    vault.add_file(source)
    real = os.replace

    def refuse_the_commit(src: Any, dst: Any) -> None:
        if Path(src).name == ROTATING_DB:
            raise OSError(5, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(key_change.os, "replace", refuse_the_commit)
    with pytest.raises(OSError):
        vault.rotate_key(NEW, kdf=FAST)
    monkeypatch.undo()
    assert {p.name for p in vault_path.iterdir()} & {ROTATING_DB, ROTATING_KEYS} == set()
    vault.add_file(source)  # still open, on the old key
    assert len(vault.items()) == 2 and vault.verify(record=False).ok
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert EventType.KEY_ROTATED not in [e.event_type for e in reopened.custody_log()]


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        (lambda s: s["kdf"].update(iterations=2**31), KeyFileLimitsError, "kdf.iterations"),
        (lambda s: s["kdf"].update(memory_kib=4 * 1024**3), KeyFileLimitsError, "kdf.memory_kib"),
        (
            lambda s: s["kdf"].update(memory_kib=2 * 1024**2, iterations=16),
            KeyFileLimitsError,
            "kdf.memory_kib * kdf.iterations",
        ),
        (lambda s: s["kdf"].update(lanes=64, memory_kib=64), KeyFileLimitsError, "kdf.memory_kib"),
        (lambda s: s.update(wrapped_key="AAAA"), KeyFileLimitsError, "len(wrapped_key)"),
        (lambda s: s.update(type=None), KeyFileInvalidError, "type"),
        (lambda s: s.pop("kdf"), KeyFileInvalidError, "kdf"),
        (lambda s: s["kdf"].update(algorithm="scrypt"), KeyFileInvalidError, "kdf.algorithm"),
    ],
)
def test_key_file_values_are_bounded_before_any_derivation(
    vault: Vault, vault_path: Path, change: Any, error: type[Exception], field: str
) -> None:
    vault.close()
    path = vault_path / "keys.json"
    document = json.loads(path.read_text())
    document.pop("checksum")
    change(document["slots"][0])
    document["checksum"] = sha256_hex(canonical_json(document))
    path.write_text(json.dumps(document))
    with pytest.raises(error) as raised:
        Vault.open(vault_path, PASSPHRASE)
    assert raised.value.params["field"] == field
    assert raised.value.params["path"] == str(path)
