"""Ctrl-C and SIGTERM at a real moment of real commands: exit 130, one line, and a vault still whole.

Each test starts the real `evidence-kit` in a subprocess on a batch big enough to be caught
mid-work, waits for a sign that the work has begun (a printed item, the partial folder of an
export, the vault file open and being read), sends the signal, and then checks: exit code 130,
exactly one line on stderr and no traceback, `verify` passes, and every listed item's original
extracts byte-exact. `passwd` is interrupted at its passphrase prompt on a real terminal (a pty).
"""

from __future__ import annotations

import hashlib
import json
import os
import pty
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from evidence_kit.vault import DB_FILE, Vault
from tests.helpers import PASSPHRASE, cli_env, run_cli

MiB = 1024 * 1024
FILES = 32
INTERRUPTED = "Interrupted; everything finished before was kept, nothing half-done was."


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A vault of 32 random files (2 MiB each) and the folder they came from (built once)."""
    root = tmp_path_factory.mktemp("big")
    source = root / "batch"
    source.mkdir()
    rng = random.Random(4711)
    for index in range(FILES):
        (source / f"scan {index:02d}.bin").write_bytes(rng.randbytes(2 * MiB))
    vault = root / "case.ekvault"
    env = cli_env(root)
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env, check=True)
    run_cli(["add", str(vault), str(source)], env, check=True)
    return vault, source


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path)


@pytest.fixture
def vault(tmp_path: Path, big_vault: tuple[Path, Path]) -> Path:
    copy = tmp_path / "case.ekvault"
    shutil.copytree(big_vault[0], copy)
    return copy


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "evidence_kit.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, "the command ended before it could be interrupted"
        assert time.monotonic() < deadline, "the command never reached the moment to interrupt"
        time.sleep(0.01)


def _interrupt(process: subprocess.Popen[bytes], number: int = signal.SIGINT) -> tuple[bytes, bytes]:
    process.send_signal(number)
    stdout, stderr = process.communicate(timeout=120)
    return stdout, stderr


def _assert_one_line_130(process: subprocess.Popen[bytes], stderr: bytes) -> None:
    text = stderr.decode("utf-8")
    assert process.returncode == 130, text
    assert "Traceback" not in text
    assert text.splitlines() == [INTERRUPTED]


def _assert_vault_whole(
    vault: Path, env: dict[str, str], tmp_path: Path, source: Path
) -> list[dict[str, object]]:
    """`verify` passes and every listed item extracts byte-exact, equal to the file it came from."""
    verify = run_cli(["verify", str(vault)], env)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "Traceback" not in verify.stderr
    items = json.loads(run_cli(["list", str(vault), "--json"], env, check=True).stdout)
    out = tmp_path / "extracted"
    out.mkdir(exist_ok=True)
    # Extracted in this process (the same `Vault.extract` the command runs): a subprocess each is slow.
    with Vault.open(vault, PASSPHRASE) as opened:
        for item in items:
            target = out / f"{item['id']}.bin"
            opened.extract(int(item["id"]), target)
            data = target.read_bytes()
            assert hashlib.sha256(data).hexdigest() == item["sha256"]
            assert data == (source / str(item["original_name"])).read_bytes()
    return list(items)


def test_ctrl_c_during_add(tmp_path: Path, env: dict[str, str], big_vault: tuple[Path, Path]) -> None:
    _template, source = big_vault
    vault = tmp_path / "fresh.ekvault"
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env, check=True)
    process = _start(["add", str(vault), str(source)], env)
    assert process.stdout is not None
    first = process.stdout.readline()  # one item stored (each line is flushed as it is stored)
    assert first.count(b"\t") == 2, first
    _stdout, stderr = _interrupt(process)
    _assert_one_line_130(process, stderr)
    items = _assert_vault_whole(vault, env, tmp_path, source)
    assert 1 <= len(items) < FILES  # interrupted in the middle: some items, each complete


def test_ctrl_c_during_export(
    tmp_path: Path, env: dict[str, str], vault: Path, big_vault: tuple[Path, Path]
) -> None:
    out = tmp_path / "exports" / "dossier"
    out.parent.mkdir()
    partial = out.parent / "dossier.partial"
    process = _start(["export", str(vault), str(out), "--lang", "en"], env)
    _wait_for(lambda: any((partial / "originals").glob("*")), process)  # originals are being copied
    _stdout, stderr = _interrupt(process)
    _assert_one_line_130(process, stderr)
    assert list(out.parent.iterdir()) == []  # no dossier, no partial folder, no hidden leftover
    _assert_vault_whole(vault, env, tmp_path, big_vault[1])
    # Nothing is reported as left over at the next start.
    assert "Unfinished" not in run_cli(["list", str(vault)], env, check=True).stderr


def test_sigterm_during_export_leaves_no_partial(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    out = tmp_path / "exports" / "dossier"
    out.parent.mkdir()
    process = _start(["export", str(vault), str(out), "--zip"], env)
    _wait_for(lambda: any((out.parent / "dossier.partial" / "originals").glob("*")), process)
    _stdout, stderr = _interrupt(process, signal.SIGTERM)
    _assert_one_line_130(process, stderr)
    assert list(out.parent.iterdir()) == []
    listing = run_cli(["list", str(vault)], env, check=True)
    assert "Unfinished" not in listing.stderr and listing.stderr == ""


def _read_bytes_so_far(pid: int) -> int:
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/PID/io")


def _has_open(pid: int, path: Path) -> bool:
    try:
        links = [os.readlink(entry) for entry in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return False
    return str(path) in links


def test_ctrl_c_during_verify(
    tmp_path: Path, env: dict[str, str], vault: Path, big_vault: tuple[Path, Path]
) -> None:
    process = _start(["verify", str(vault)], env)
    db = (vault / DB_FILE).resolve()
    _wait_for(lambda: _has_open(process.pid, db), process)  # unlocked: verification starts now
    opened_at = _read_bytes_so_far(process.pid)
    _wait_for(lambda: _read_bytes_so_far(process.pid) > opened_at + 16 * MiB, process)  # mid re-hash
    _stdout, stderr = _interrupt(process)
    _assert_one_line_130(process, stderr)
    items = _assert_vault_whole(vault, env, tmp_path, big_vault[1])
    assert len(items) == FILES
    log = json.loads(run_cli(["log", str(vault), "--json"], env, check=True).stdout)
    verified = [entry for entry in log if entry["type"] == "verified"]
    assert len(verified) == 1  # the interrupted run recorded nothing; the check above did


# A wrapper that makes the pty the controlling terminal (as a shell does), then runs the real CLI.
_ON_A_TERMINAL = (
    "import fcntl, runpy, termios, sys; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "sys.argv[0] = 'evidence-kit'; runpy.run_module('evidence_kit.cli', run_name='__main__')"
)


def test_ctrl_c_at_the_new_passphrase_prompt(tmp_path: Path, env: dict[str, str]) -> None:
    vault = tmp_path / "small.ekvault"
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env, check=True)
    (tmp_path / "note.txt").write_text("a fictional note")
    run_cli(["add", str(vault), str(tmp_path / "note.txt")], env, check=True)
    keys_before = (vault / "keys.json").read_bytes()
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", _ON_A_TERMINAL, "passwd", str(vault)],
            env=env,
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        os.close(terminal)
        seen = b""
        deadline = time.monotonic() + 60
        while b"New passphrase" not in seen:
            assert time.monotonic() < deadline, seen
            ready, _w, _x = select.select([controller], [], [], 0.5)
            if ready:
                seen += os.read(controller, 1024)
        process.send_signal(signal.SIGINT)
        _stdout, stderr = process.communicate(timeout=60)
    finally:
        os.close(controller)
    _assert_one_line_130(process, stderr)
    assert (vault / "keys.json").read_bytes() == keys_before  # the passphrase did not change
    verify = run_cli(["verify", str(vault)], env)  # the old passphrase still opens it
    assert verify.returncode == 0, verify.stderr


def test_ctrl_c_while_the_program_is_still_loading(tmp_path: Path, env: dict[str, str]) -> None:
    """Signals at moments spread over start-up (imports, parsing): never a traceback.

    The first moment is after Python's own start (its `site` import, which no program controls).
    """
    outcomes = []
    for delay in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        process = _start(["list", str(tmp_path / "case.ekvault")], env)
        time.sleep(delay)
        _stdout, stderr = _interrupt(process)
        text = stderr.decode("utf-8")
        assert "Traceback" not in text, text
        # Before Python installs its own handler the signal simply ends the process (-SIGINT);
        # after the command ended it finds nothing (2: no vault there).
        assert process.returncode in (130, -signal.SIGINT, 2), (delay, process.returncode, text)
        if process.returncode == 130:
            assert text.splitlines() == [INTERRUPTED]
        outcomes.append(process.returncode)
    assert 130 in outcomes, outcomes
