"""`Vault.backup`: a cancel or a failure at any step leaves no folder behind and logs nothing;
a torn folder is told apart from a damaged one, and from a copy that kept its journal."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from evidence_kit.domain import Problem, VerifyReport
from evidence_kit.errors import (
    BackupNotVerifiedError,
    CancelledError,
    DiskFullError,
    VaultDamagedError,
    VaultLockedError,
    VaultTornError,
)
from evidence_kit.progress import CancelToken, ProgressInfo
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.vault import DB_FILE, Vault
from evidence_kit.verify.tearing import TORN_CODE
from tests.torn import copy_mid_write
from tests.vault.conftest import PASSPHRASE

MIB = 1024 * 1024


@pytest.fixture
def filled(vault: Vault, tmp_path: Path) -> Vault:
    rng = random.Random(5)
    for index in range(3):
        file = tmp_path / f"message {index}.bin"
        file.write_bytes(rng.randbytes(1_200_000))
        vault.add_file(file)
    return vault


def _left_behind(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir())


def test_backup_reports_progress_and_logs_the_copy(filled: Vault, tmp_path: Path) -> None:
    seen: list[ProgressInfo] = []
    report = filled.backup(tmp_path / "out" / "copy", progress=seen.append)
    copying = [info for info in seen if info.total_bytes]
    assert copying and copying[-1].done_bytes == copying[-1].total_bytes == report.db_size
    assert [info.done_bytes for info in copying] == sorted(info.done_bytes for info in copying)
    assert [info.done_files for info in seen if info.total_files][-1] == 3  # the copy's items checked
    last = filled.custody_log()[-1]
    assert last.event_type == "backup_made" and dict(last.data)["head_seq"] == str(last.seq - 1)
    assert _left_behind(tmp_path / "out") == ["copy"]


@pytest.mark.parametrize("phase", ["copying", "checking", "at once"])
def test_cancel_leaves_nothing(filled: Vault, tmp_path: Path, phase: str) -> None:
    token = CancelToken()
    if phase == "at once":
        token.cancel()

    def progress(info: ProgressInfo) -> None:
        if (phase == "copying" and info.total_bytes) or (phase == "checking" and info.total_files):
            token.cancel()

    events = len(filled.custody_log())
    (tmp_path / "out").mkdir()
    with pytest.raises(CancelledError):
        filled.backup(tmp_path / "out" / "copy", progress=progress, cancel=token)
    assert _left_behind(tmp_path / "out") == []
    assert len(filled.custody_log()) == events
    assert filled.verify(record=False).ok


def test_a_copy_that_does_not_check_out_is_removed(
    filled: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_checker(*_args: object, **_kwargs: object) -> Callable[[Path], VerifyReport]:
        problem = Problem(scope="database", code="page_damaged", template="damaged {detail}", params=())
        return lambda _db: VerifyReport(1, 1, 1, "00", (problem,))

    monkeypatch.setattr("evidence_kit.vault.copy_checker", failing_checker)
    events = len(filled.custody_log())
    target = tmp_path / "empty"
    target.mkdir()
    with pytest.raises(BackupNotVerifiedError):
        filled.backup(target)
    assert _left_behind(tmp_path).count("empty") == 1 and not any(target.iterdir())
    assert not [name for name in _left_behind(tmp_path) if "partial" in name]
    assert len(filled.custody_log()) == events


def test_a_copy_the_log_cannot_name_is_removed(
    filled: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise DiskFullError(path=filled.path)

    monkeypatch.setattr(VaultDatabase, "record", full)
    with pytest.raises(DiskFullError):
        filled.backup(tmp_path / "copy")
    assert not (tmp_path / "copy").exists()
    assert not [name for name in _left_behind(tmp_path) if "partial" in name]


def test_a_locked_vault_makes_no_backup(filled: Vault, tmp_path: Path) -> None:
    filled.close()
    with pytest.raises(VaultLockedError):
        filled.backup(tmp_path / "copy")
    assert not (tmp_path / "copy").exists()


def test_a_copy_with_its_journal_is_whole_and_without_it_torn(filled: Vault, tmp_path: Path) -> None:
    copy = tmp_path / "copied mid-write"
    copy_mid_write(filled, copy)
    without = tmp_path / "journal lost"
    shutil.copytree(copy, without)
    (without / "vault.db-journal").unlink()
    # With the journal, SQLite rolls the half-written transaction back: an older, whole vault.
    with Vault.open(copy, PASSPHRASE) as opened:
        assert opened.verify(record=False).ok
        assert len(opened.items()) == 3
    try:
        with Vault.open(without, PASSPHRASE) as opened:
            report = opened.verify(record=False)
        assert report.problems[0].code == TORN_CODE
    except VaultTornError:
        pass


def test_flipped_bits_are_damage_never_a_tear(filled: Vault, tmp_path: Path) -> None:
    filled.close()
    original = (filled.path / DB_FILE).read_bytes()
    rng = random.Random(20261205)
    called_torn = []
    for trial in range(40):
        copy = tmp_path / f"flip{trial}"
        shutil.copytree(filled.path, copy)
        data = bytearray(original)
        offset = rng.randrange(len(data))
        data[offset] ^= 1 << rng.randrange(8)
        (copy / DB_FILE).write_bytes(bytes(data))
        try:
            with Vault.open(copy, PASSPHRASE) as opened:
                report = opened.verify(record=False)
            assert not report.ok
            if any(p.code == TORN_CODE for p in report.problems):
                called_torn.append(offset)
        except VaultTornError:
            called_torn.append(offset)
        except VaultDamagedError:
            pass
        shutil.rmtree(copy)
    assert called_torn == []
