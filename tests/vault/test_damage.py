"""Wrong secrets and damaged files give a clear error or a verify report, never wrong content."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from evidence_kit.errors import (
    EvidenceKitError,
    NotAVaultError,
    VaultDamagedError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from evidence_kit.vault import DB_FILE, KEY_FILE, Vault
from tests.vault.conftest import FAST, PASSPHRASE

MIB = 1024 * 1024


def _make_vault(path: Path, tmp: Path) -> tuple[str, int]:
    vault, code = Vault.create(path, PASSPHRASE, case_title="Damage", kdf=FAST)
    with vault:
        for index in range(5):
            file = tmp / f"small {index}.txt"
            file.write_bytes(f"small file {index}\n".encode() * 50)
            vault.add_file(file, note=f"note {index}")
        big = tmp / "big.bin"
        big.write_bytes(random.Random(1).randbytes(3 * MIB))
        big_id = vault.add_file(big).id
    return code, big_id


def test_wrong_passphrase_and_recovery_code(tmp_path: Path) -> None:
    path = tmp_path / "case.ekvault"
    code, _ = _make_vault(path, tmp_path)
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, "not the passphrase")
    with pytest.raises(WrongRecoveryCodeError):
        Vault.open(path, recovery_code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    with Vault.open(path, recovery_code=code.replace("-", " ").lower()) as vault:
        assert vault.verify().ok


def test_not_a_vault_and_damaged_key_file(tmp_path: Path) -> None:
    with pytest.raises(NotAVaultError):
        Vault.open(tmp_path, PASSPHRASE)
    path = tmp_path / "case.ekvault"
    _make_vault(path, tmp_path)
    keys = path / KEY_FILE
    keys.write_bytes(keys.read_bytes().replace(b'"salt": "', b'"salt": "A', 1))
    with pytest.raises(VaultDamagedError, match="key file"):
        Vault.open(path, PASSPHRASE)


def test_truncated_vault(tmp_path: Path) -> None:
    path = tmp_path / "case.ekvault"
    _make_vault(path, tmp_path)
    db = path / DB_FILE
    for keep in (0.9, 0.5, 0.02):
        copy = tmp_path / f"copy {keep}"
        shutil.copytree(path, copy)
        data = (copy / DB_FILE).read_bytes()
        (copy / DB_FILE).write_bytes(data[: int(len(data) * keep)])
        try:
            with Vault.open(copy, PASSPHRASE) as vault:
                report = vault.verify(record=False)
            assert not report.ok
        except VaultDamagedError:
            pass
    assert db.stat().st_size > 3 * MIB


def test_damage_in_an_items_pages_names_the_item(tmp_path: Path) -> None:
    path = tmp_path / "case.ekvault"
    _code, big_id = _make_vault(path, tmp_path)
    db = path / DB_FILE
    data = bytearray(db.read_bytes())
    # The 3 MiB item fills most of the file; its middle lies inside that item's pages.
    data[len(data) // 2] ^= 0x01
    db.write_bytes(bytes(data))
    with Vault.open(path, PASSPHRASE) as vault:
        report = vault.verify(record=False)
        assert not report.ok
        assert any(p.item_id == big_id and p.code == "item_unreadable" for p in report.problems)
        with pytest.raises(EvidenceKitError):
            vault.extract(big_id, tmp_path / "should-not-exist.bin")
    assert not (tmp_path / "should-not-exist.bin").exists()


def test_200_random_single_byte_flips_are_all_noticed(tmp_path: Path) -> None:
    path = tmp_path / "case.ekvault"
    _make_vault(path, tmp_path)
    original = (path / DB_FILE).read_bytes()
    rng = random.Random(20261129)
    unnoticed = []
    for trial in range(200):
        copy = tmp_path / f"flip{trial}"
        shutil.copytree(path, copy)
        offset = rng.randrange(len(original))
        flipped = bytearray(original)
        flipped[offset] ^= 1 << rng.randrange(8)
        (copy / DB_FILE).write_bytes(bytes(flipped))
        try:
            with Vault.open(copy, PASSPHRASE) as vault:
                if vault.verify(record=False).ok:
                    unnoticed.append(offset)
        except VaultDamagedError:
            pass
        shutil.rmtree(copy)
    assert unnoticed == []
