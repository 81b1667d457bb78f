"""A kill -9 at every step of a passphrase change or a key replacement: the vault always opens
with exactly one of the two passphrases, the custody event is there exactly when the new one
works, the next opening leaves no half-done file behind, and every original is byte-exact."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_kit.errors import KeyFileMismatchError, WrongPassphraseError
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.key_change import PENDING_KEYS, ROTATING_DB, ROTATING_KEYS
from evidence_kit.storage.keys import KdfParams
from evidence_kit.storage.leftovers import find_leftovers
from evidence_kit.vault import Vault

from .key_change_killer import NEW, OLD

FAST = KdfParams.insecure_fast()
CONTENT = [bytes([n]) * (300_000 + n) for n in range(6)]


def _make(path: Path) -> None:
    vault, _code = Vault.create(path, OLD, kdf=FAST)
    with vault:
        for number, content in enumerate(CONTENT):
            source = path.parent / f"original-{number}.bin"
            source.write_bytes(content)
            vault.add_file(source)


def _kill_at(path: Path, operation: str, when: str, number: int) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("key_change_killer.py")),
            str(path),
            operation,
            when,
            str(number),
        ],
        capture_output=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin"},
    )
    expected = 0 if when == "never" else -signal.SIGKILL
    assert result.returncode == expected, result.stderr.decode()


def _opens(path: Path, passphrase: str) -> bool:
    try:
        Vault.open(path, passphrase).close()
    except (WrongPassphraseError, KeyFileMismatchError):
        return False
    return True


def _check(path: Path, old_keys: bytes, event: str, changed: bool) -> None:
    new_works = _opens(path, NEW)
    assert new_works is changed
    assert _opens(path, OLD) is not changed  # exactly one of the two
    passphrase = NEW if changed else OLD
    with Vault.open(path, passphrase) as vault:
        events = [entry.event_type for entry in vault.custody_log()]
        assert (event in events) is new_works  # the event is there exactly when the change is
        assert [b"".join(vault.iter_original(item.id)) for item in vault.items()] == CONTENT
        assert vault.verify(record=False).ok
    for name in (PENDING_KEYS, ROTATING_DB, ROTATING_KEYS, ROTATING_DB + "-journal"):
        assert not (path / name).exists(), name
    if event == EventType.KEY_ROTATED and changed:
        # an old copy of the key file no longer opens the re-encrypted database
        shutil.copy(path / "keys.json", path.parent / "new-keys.json")
        (path / "keys.json").write_bytes(old_keys)
        with pytest.raises(KeyFileMismatchError):
            Vault.open(path, OLD)
        shutil.copy(path.parent / "new-keys.json", path / "keys.json")


# os.replace calls of a passphrase change: 1 = temporary -> keys.json.pending (written whole),
# 2 = keys.json.pending -> keys.json (after the event committed).
@pytest.mark.parametrize(
    ("when", "number", "changed"),
    [("before", 1, False), ("after", 1, False), ("before", 2, True), ("after", 2, True), ("never", 0, True)],
)
def test_a_kill_during_passwd_never_drops_its_event(
    tmp_path: Path, when: str, number: int, changed: bool
) -> None:
    path = tmp_path / "case.ekvault"
    _make(path)
    old_keys = (path / "keys.json").read_bytes()
    _kill_at(path, "passwd", when, number)
    _check(path, old_keys, EventType.PASSPHRASE_CHANGED, changed)


# os.replace calls of a key replacement: 1 = temporary -> keys.json.rotating, 2 = vault.db.rotating
# -> vault.db (the commit point), 3 = keys.json.rotating -> keys.json.
@pytest.mark.parametrize(
    ("when", "number", "changed"),
    [
        ("export", 0, False),
        ("before", 1, False),
        ("after", 1, False),
        ("before", 2, False),
        ("after", 2, True),
        ("before", 3, True),
        ("after", 3, True),
        ("never", 0, True),
    ],
)
def test_a_kill_during_rotate_key_leaves_one_whole_vault(
    tmp_path: Path, when: str, number: int, changed: bool
) -> None:
    path = tmp_path / "case.ekvault"
    _make(path)
    old_keys = (path / "keys.json").read_bytes()
    _kill_at(path, "rotate", when, number)
    _check(path, old_keys, EventType.KEY_ROTATED, changed)


def test_a_kill_while_the_key_file_is_written_leaves_a_partial_file_that_is_found(tmp_path: Path) -> None:
    path = tmp_path / "case.ekvault"
    _make(path)
    _kill_at(path, "passwd", "before", 1)  # the temporary is complete on disk, never renamed
    found = find_leftovers(path)
    assert [p.name.split("-")[0] for p in found] == [".keys.json.pending.tmp"]
    with Vault.open(path, OLD) as vault:
        assert vault.leftovers() == found
