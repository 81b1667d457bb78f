"""`evidence-kit backup` end to end, and `verify` of a vault folder copied while it was being written.

Everything runs through the real command in a subprocess: a backup opens with the same
passphrase, holds the same items with byte-exact originals, is encrypted, is named in the
source's custody log at the head it ends at; a destination in use is refused with one sentence;
and a torn folder gets a plain sentence from `verify` (exit 1), never a traceback and never
"wrong passphrase".
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from evidence_kit.vault import DB_FILE, KEY_FILE, Vault
from tests.helpers import PASSPHRASE, cli_env, run_cli
from tests.torn import copy_mid_write

# Fictional markers: if any of them is found in the backup's raw bytes, the copy is not encrypted.
MARKERS = ("Bluebell-Orchard-7731", "Mirelle van Oosterhout", "threatening-note-5512")
TORN = "incomplete or was copied while it was being written"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path)


@pytest.fixture
def vault(tmp_path: Path, env: dict[str, str]) -> Path:
    """A vault with three originals: two texts carrying the markers and 2.5 MiB of random bytes."""
    path = tmp_path / "case.ekvault"
    run_cli(["init", str(path), "--insecure-fast-kdf", "--title", MARKERS[1]], env, check=True)
    source = tmp_path / "evidence"
    source.mkdir()
    (source / f"{MARKERS[2]}.txt").write_text(f"You will regret it. {MARKERS[0]}\n" * 40, encoding="utf-8")
    (source / "screenshot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + MARKERS[0].encode() * 300)
    (source / "recording.bin").write_bytes(random.Random(12).randbytes(2_500_000))
    run_cli(["add", str(path), str(source), "--note", MARKERS[0]], env, check=True)
    return path


def _json(args: list[str], env: dict[str, str]) -> list[dict[str, object]]:
    return json.loads(run_cli([*args, "--json"], env, check=True).stdout)  # type: ignore[no-any-return]


def test_backup_opens_with_the_passphrase_and_holds_the_same_originals(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    dest = tmp_path / "usb" / "case backup"
    result = run_cli(["backup", str(vault), str(dest)], env)
    assert result.returncode == 0, result.stderr
    assert "Backup made and checked" in result.stdout
    assert sorted(p.name for p in dest.iterdir()) == ["README.txt", KEY_FILE, DB_FILE]
    assert [p.name for p in dest.parent.iterdir()] == ["case backup"]  # no partial folder left
    assert (dest / KEY_FILE).read_bytes() == (vault / KEY_FILE).read_bytes()

    # The copy's log is the source's log up to the backup_made event, which names the copy's head.
    source_log = _json(["log", str(vault)], env)
    copy_log = _json(["log", str(dest)], env)
    made = source_log[-1]
    assert made["type"] == "backup_made"
    data = made["data"]
    assert isinstance(data, dict)
    assert copy_log == source_log[:-1]
    assert (int(data["head_seq"]), data["head_hash"]) == (copy_log[-1]["seq"], copy_log[-1]["hash"])
    assert data["db_sha256"] == hashlib.sha256((dest / DB_FILE).read_bytes()).hexdigest()
    assert data["to"] == str(dest)

    verify = run_cli(["verify", str(dest)], env)
    assert verify.returncode == 0 and "Vault intact: 3 items" in verify.stdout
    source_items = _json(["list", str(vault)], env)
    copy_items = _json(["list", str(dest)], env)
    assert copy_items == source_items
    for item in source_items:
        ours, theirs = tmp_path / f"from vault {item['id']}", tmp_path / f"from backup {item['id']}"
        run_cli(["extract", str(vault), str(item["id"]), str(ours)], env, check=True)
        run_cli(["extract", str(dest), str(item["id"]), str(theirs)], env, check=True)
        assert theirs.read_bytes() == ours.read_bytes()
        assert hashlib.sha256(theirs.read_bytes()).hexdigest() == item["sha256"]


def test_the_backup_is_encrypted(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    dest = tmp_path / "backup"
    run_cli(["backup", str(vault), str(dest)], env, check=True)
    # The scan must be able to find a marker: the vault's originals do carry them.
    assert MARKERS[0].encode() in (tmp_path / "evidence" / "screenshot.png").read_bytes()
    for file in dest.iterdir():
        raw = file.read_bytes()
        for marker in MARKERS:
            for form in (marker.encode("utf-8"), marker.encode("utf-16-le")):
                assert form not in raw, (file.name, marker)
    assert not (dest / DB_FILE).read_bytes().startswith(b"SQLite format 3")
    assert (dest / DB_FILE).stat().st_mode & 0o077 == 0 and (dest / KEY_FILE).stat().st_mode & 0o077 == 0


def test_a_destination_in_use_is_refused(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    dest = tmp_path / "holiday photos"
    dest.mkdir()
    (dest / "beach.jpg").write_bytes(b"not evidence")
    before = _json(["log", str(vault)], env)
    for target, words in (
        (dest, "already exists and is not empty"),
        (dest / "beach.jpg", "already exists and is not empty"),
        (vault / "inside", "is inside the vault folder"),
    ):
        result = run_cli(["backup", str(vault), str(target)], env)
        assert result.returncode == 2
        assert words in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert [p.name for p in dest.iterdir()] == ["beach.jpg"]
    assert (dest / "beach.jpg").read_bytes() == b"not evidence"
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []
    assert not (vault / "inside").exists()
    assert _json(["log", str(vault)], env) == before  # nothing was logged
    dutch = run_cli(["--lang", "nl", "backup", str(vault), str(dest)], env)
    assert dutch.returncode == 2 and "bestaat al en is niet leeg" in dutch.stderr

    empty = tmp_path / "empty folder"
    empty.mkdir()
    run_cli(["backup", str(vault), str(empty)], env, check=True)  # an empty folder is fine
    assert (empty / DB_FILE).is_file()


def test_a_wrong_passphrase_makes_no_backup(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    dest = tmp_path / "backup"
    result = run_cli(["backup", str(vault), str(dest)], {**env, "EVIDENCE_KIT_PASSPHRASE": "not it at all"})
    assert result.returncode == 2 and "passphrase is not correct" in result.stderr
    assert not dest.exists()


# ----------------------------------------------------------------------------- torn folders


def _torn_folders(tmp_path: Path, vault: Path) -> dict[str, Path]:
    """Vault folders broken the ways a file manager breaks them."""
    folders: dict[str, Path] = {}
    with Vault.open(vault, PASSPHRASE) as opened:
        copy_mid_write(opened, tmp_path / "copied mid-write")
    mid = tmp_path / "copied mid-write"
    assert (mid / "vault.db-journal").is_file()  # the transaction was open when it was copied
    (mid / "vault.db-journal").unlink()
    folders["copied mid-write, journal lost"] = mid
    data = (vault / DB_FILE).read_bytes()
    cuts = (("cut at a page", len(data) // 32768 // 2 * 32768), ("cut mid-page", len(data) * 2 // 3))
    for name, keep in cuts:
        folder = tmp_path / name
        shutil.copytree(vault, folder)
        (folder / DB_FILE).write_bytes(data[:keep])
        folders[name] = folder
    folder = tmp_path / "database copied empty"
    shutil.copytree(vault, folder)
    (folder / DB_FILE).write_bytes(b"")
    folders["database copied empty"] = folder
    for missing in (KEY_FILE, DB_FILE):
        folder = tmp_path / f"without {missing}"
        shutil.copytree(vault, folder)
        (folder / missing).unlink()
        folders[f"without {missing}"] = folder
    return folders


def test_verify_of_a_torn_copy_says_so_plainly(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    for name, folder in _torn_folders(tmp_path, vault).items():
        result = run_cli(["verify", str(folder)], env)
        output = result.stdout + result.stderr
        assert result.returncode == 1, (name, output)
        assert TORN in output, (name, output)
        assert "evidence-kit backup" in output
        assert "Traceback" not in output and "passphrase" not in output, (name, output)
        dutch = run_cli(["--lang", "nl", "verify", str(folder)], env)
        assert dutch.returncode == 1 and "onvolledig" in dutch.stdout + dutch.stderr, name
    # The vault they were copied from is fine, and a proper backup of it verifies.
    assert run_cli(["verify", str(vault)], env).returncode == 0
    run_cli(["backup", str(vault), str(tmp_path / "proper backup")], env, check=True)
    assert run_cli(["verify", str(tmp_path / "proper backup")], env).returncode == 0


def test_other_commands_name_a_torn_folder_too(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    folder = tmp_path / "cut"
    shutil.copytree(vault, folder)
    data = (folder / DB_FILE).read_bytes()
    (folder / DB_FILE).write_bytes(data[: len(data) // 2])
    result = run_cli(["list", str(folder)], env)
    assert result.returncode == 2 and TORN in result.stderr and "Traceback" not in result.stderr


def test_a_damaged_page_is_still_called_damage_not_a_tear(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    """A flipped bit breaks a page's HMAC: that is damage, and verify keeps saying so."""
    folder = tmp_path / "flipped"
    shutil.copytree(vault, folder)
    data = bytearray((folder / DB_FILE).read_bytes())
    data[len(data) // 2] ^= 0x04
    (folder / DB_FILE).write_bytes(bytes(data))
    result = run_cli(["verify", str(folder)], env)
    assert result.returncode == 1 and "NOT intact" in result.stdout
    assert TORN not in result.stdout + result.stderr



def test_a_copy_that_does_not_check_out_exits_1_and_leaves_nothing(
    tmp_path: Path,
    env: dict[str, str],
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The command's own path, in this process, with the copy's check made to find a problem."""
    from evidence_kit.cli import main
    from evidence_kit.domain import Problem, VerifyReport

    def failing_checker(*_args: object, **_kwargs: object) -> Callable[[Path], VerifyReport]:
        problem = Problem(scope="database", code="page_damaged", template="damaged", params=())
        return lambda _db: VerifyReport(0, 0, 0, "", (problem,))

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr("evidence_kit.vault.copy_checker", failing_checker)
    before = _json(["log", str(vault)], env)
    with pytest.raises(SystemExit) as exited:
        main(["backup", str(vault), str(tmp_path / "copy")])
    assert exited.value.code == 1
    captured = capsys.readouterr()
    assert "did not check out (1 problems found), so it was removed" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    assert not (tmp_path / "copy").exists()
    assert not [p.name for p in tmp_path.iterdir() if "partial" in p.name]
    assert _json(["log", str(vault)], env) == before
