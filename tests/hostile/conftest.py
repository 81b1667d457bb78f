"""What every hostile-input test shares: a fresh vault through the real CLI, a bounded run, and
the checks each test ends with.

Every test ends the same way: the other files of the batch are in the vault byte-exact, the
report names the hostile file in a clear sentence, nothing printed a traceback, and `verify`
still exits 0. A regression must fail, never hang or fill the disk: each `add` runs with a
time limit and a limit on the size of any file it writes (a link to /dev/zero that is
followed again stops at that size instead of filling the disk).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import resource
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import cli_env, run_cli

ADD_TIMEOUT_S = 60
MAX_WRITTEN_BYTES = 256 * 1024 * 1024


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path)


@pytest.fixture
def vault(tmp_path: Path, env: dict[str, str]) -> Path:
    path = tmp_path / "case.ekvault"
    run_cli(["init", str(path), "--insecure-fast-kdf", "--title", "Hostile inputs"], env, check=True)
    return path


@contextlib.contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Children started inside inherit a soft limit on the size of any file they write."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    bounded = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(resource.RLIMIT_FSIZE, (bounded, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def add(
    vault: Path, paths: list[Path], env: dict[str, str], options: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """`evidence-kit add`, bounded in time and in what it may write; never a traceback."""
    args = ["add", str(vault), *(str(p) for p in paths), *options]
    with _file_size_limit(MAX_WRITTEN_BYTES):
        result = run_cli(args, env, timeout=ADD_TIMEOUT_S)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def report_line(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """The one line of the import report about `path`."""
    prefix = f"  {path}: "
    lines = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1, result.stderr
    return lines[0]


def items(vault: Path, env: dict[str, str]) -> list[dict[str, object]]:
    listed = json.loads(run_cli(["list", str(vault), "--json"], env, check=True).stdout)
    assert isinstance(listed, list)
    return listed


def original(vault: Path, item_id: object, env: dict[str, str], out: Path) -> bytes:
    """An item's original, extracted (and checked against its SHA-256) by the CLI."""
    run_cli(["extract", str(vault), str(item_id), str(out)], env, check=True)
    return out.read_bytes()


def assert_stored_exactly(
    vault: Path, env: dict[str, str], expected: dict[str, bytes], scratch: Path
) -> None:
    """The vault holds exactly these originals (by name), byte-exact, and nothing else."""
    listed = items(vault, env)
    assert sorted(str(i["original_name"]) for i in listed) == sorted(expected)
    scratch.mkdir(exist_ok=True)
    for item in listed:
        data = original(vault, item["id"], env, scratch / f"item-{item['id']}")
        assert data == expected[str(item["original_name"])]
        assert item["sha256"] == hashlib.sha256(data).hexdigest()


def assert_verify_passes(vault: Path, env: dict[str, str]) -> None:
    result = run_cli(["verify", str(vault)], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
