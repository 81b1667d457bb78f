"""Nothing sensitive in plaintext: every file the program wrote is scanned byte by byte.

Markers sit in file names, file contents, the note and the case title. After the CLI added
the files (once killed mid-import, so a hot rollback journal is on disk too), no file under
the vault folder, the temporary folder, or the home folder's config/cache/data folders holds
a marker, a file name, or the hex SHA-256 of an added file.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from pathlib import Path

from tests.helpers import cli_env, popen_cli, run_cli

MARKERS = [
    "ZEBRAQUARTZ-CONTENT-7731",
    "NAMEMARKER-PLUM-5521",
    "NOTE-MARKER-OKAPI-9090",
    "CASE-TITLE-TAPIR-4242",
]


def _needles(files: list[Path]) -> list[bytes]:
    needles: list[bytes] = []
    for marker in MARKERS:
        needles += [marker.encode("utf-8"), marker.encode("utf-16-le")]
    for file in files:
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        needles += [
            digest.encode(),
            digest.upper().encode(),
            bytes.fromhex(digest),
            file.name.encode("utf-8"),
        ]
    return needles


def _scan(roots: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for root in roots:
        for path in [root, *root.rglob("*")] if root.is_dir() else [root]:
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {needle!r}" for needle in needles if needle in data]
    return found


def test_no_marker_in_anything_the_program_wrote(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    source = tmp_path / "evidence"
    source.mkdir()
    files = []
    for index in range(6):
        file = source / f"{MARKERS[1]} screenshot {index}.txt"
        file.write_bytes((f"{MARKERS[0]} line {index}\n" * 2000).encode())
        files.append(file)
    big = source / f"{MARKERS[1]} big.bin"
    big.write_bytes(f"{MARKERS[0]}\n".encode() * 3_000_000)
    files.append(big)
    vault = tmp_path / "case.ekvault"
    run_cli(["init", str(vault), "--insecure-fast-kdf", "--title", MARKERS[3]], env, check=True)
    run_cli(["add", str(vault), str(files[0]), "--note", MARKERS[2]], env, check=True)

    # Kill an import in the middle of the big file: its hot journal must not leak either.
    process = popen_cli(["add", str(vault), str(big)], env)
    journal = vault / "vault.db-journal"
    deadline = time.monotonic() + 60
    while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # polling for the journal to appear, not waiting a fixed time
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    assert journal.exists()  # the hot journal of the killed import is part of the scan
    needles = _needles(files)
    roots = [vault, tmp_path / "tmp", tmp_path / "home"]
    assert _scan(roots, needles) == []

    run_cli(["add", str(vault), str(source), "--note", MARKERS[2]], env, check=True)
    run_cli(["list", str(vault)], env, check=True)
    run_cli(["verify", str(vault)], env, check=True)
    run_cli(["log", str(vault)], env, check=True)
    (tmp_path / "new.txt").write_text("another passphrase\n")
    run_cli(["passwd", str(vault), "--new-passphrase-file", str(tmp_path / "new.txt")], env, check=True)
    assert sorted(p.name for p in vault.iterdir()) == ["README.txt", "keys.json", "vault.db", "vault.lock"]
    assert _scan(roots, needles) == []
    # The scan itself must be able to fail: the inputs do contain the markers.
    assert _scan([source], needles)
