"""kill -9 in the middle of a real export: the partial it left is named at the next start and removed.

An export is started with the real CLI on a vault big enough to be caught while it copies the
originals into "dossier.partial", and killed with SIGKILL (no clean-up can run). The next
command on that vault names the partial and the command that removes it; a new export to the
same place refuses rather than write into it; `cleanup` removes it; no hidden file is left
anywhere in the export folder; and the export then succeeds.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import cli_env, run_cli

FILES = 24
MiB = 1024 * 1024


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kill")
    source = root / "batch"
    source.mkdir()
    rng = random.Random(2027)
    for index in range(FILES):
        (source / f"photo {index:02d}.bin").write_bytes(rng.randbytes(2 * MiB))
    vault = root / "case.ekvault"
    env = cli_env(root)
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env, check=True)
    run_cli(["add", str(vault), str(source)], env, check=True)
    return vault


def _hidden(folder: Path) -> list[Path]:
    return list(folder.rglob(".*"))


def test_kill_9_during_export_is_reported_and_cleaned_up(tmp_path: Path, big_vault: Path) -> None:
    env = cli_env(tmp_path)
    vault = tmp_path / "case.ekvault"
    shutil.copytree(big_vault, vault)
    exports = tmp_path / "exports"
    exports.mkdir()
    out = exports / "dossier"
    partial = exports / "dossier.partial"
    process = subprocess.Popen(
        [sys.executable, "-m", "evidence_kit.cli", "export", str(vault), str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not any((partial / "originals").glob("*")):
        assert process.poll() is None, "the export ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert partial.is_dir() and not out.exists()
    assert _hidden(exports) == []  # what was left is visible, not a dot-file

    listing = run_cli(["list", str(vault)], env, check=True)
    assert listing.stderr.splitlines() == [
        f"Unfinished file left by an export or extract that was stopped: {partial}",
        f"To remove it, run: evidence-kit cleanup {vault}",
    ]
    again = run_cli(["export", str(vault), str(out)], env)
    assert again.returncode == 2
    assert "Traceback" not in again.stderr
    assert f"{partial} is an unfinished file left by an earlier export" in again.stderr
    assert partial.is_dir()  # refused, not removed or written into

    cleanup = run_cli(["cleanup", str(vault)], env, check=True)
    assert cleanup.stdout.splitlines() == [f"Removed the unfinished file {partial}"]
    assert list(exports.iterdir()) == []
    assert run_cli(["list", str(vault)], env, check=True).stderr == ""
    assert run_cli(["cleanup", str(vault)], env, check=True).stdout.startswith("No unfinished files")

    done = run_cli(["export", str(vault), str(out)], env, check=True)
    assert "Dossier EK-" in done.stdout
    assert sorted(p.name for p in exports.iterdir()) == ["dossier"]
    assert _hidden(exports) == []
    verify = run_cli(["verify", str(vault)], env)
    assert verify.returncode == 0, verify.stdout


def test_two_partials_are_each_named_escaped(tmp_path: Path) -> None:
    """Left as a kill leaves them (the clean-up never ran); a crafted name reaches the terminal escaped."""
    from evidence_kit.storage.keys import KdfParams
    from evidence_kit.vault import Vault
    from tests.helpers import PASSPHRASE

    env = cli_env(tmp_path)
    vault, _code = Vault.create(tmp_path / "case.ekvault", PASSPHRASE, kdf=KdfParams.insecure_fast())
    killed = [vault.partials.writing(tmp_path / name) for name in ("copy.png", "dossier \x1b[31m\u202e")]
    partials = [cm.__enter__() for cm in killed]  # never left: no clean-up runs
    partials[0].write_bytes(b"fictional half copy")
    partials[1].mkdir()
    vault.close()
    listing = run_cli(["list", str(vault.path)], env, check=True)
    left = "Unfinished file left by an export or extract that was stopped:"
    assert listing.stderr.splitlines() == [
        f"{left} {tmp_path}/copy.png.partial",
        f"{left} {tmp_path}/dossier \\x1b[31m\\u202e.partial",
        f"To remove them, run: evidence-kit cleanup {vault.path}",
    ]
    cleanup = run_cli(["cleanup", str(vault.path)], env, check=True)
    assert len(cleanup.stdout.splitlines()) == 2
    assert not any(path.exists() for path in partials)
    assert killed  # kept alive until here, so their clean-up cannot run early
