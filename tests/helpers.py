"""Helpers for tests that drive the real `evidence-kit` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PASSPHRASE = "correct horse battery"


def _settings_off(tmp_path: Path) -> Path:
    path = tmp_path / "settings-timestamping-off.json"
    path.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
    return path


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment that confines everything the program might write to tmp_path."""
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    for folder in (home, tmp, home / ".config", home / ".cache", home / ".local" / "share"):
        folder.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVIDENCE_KIT_")}
    env.update(
        HOME=str(home),
        TMPDIR=str(tmp),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        EVIDENCE_KIT_PASSPHRASE=PASSPHRASE,
        EVIDENCE_KIT_LANG="en",
        # Tests never ask a public time-stamp authority: timestamping is off unless a test
        # points EVIDENCE_KIT_SETTINGS at settings naming the local test TSA.
        EVIDENCE_KIT_SETTINGS=str(_settings_off(tmp_path)),
    )
    env.update(extra)
    return env


def run_cli(
    args: list[str], env: dict[str, str], *, check: bool = False, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "evidence_kit.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"evidence-kit {args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def popen_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "evidence_kit.cli", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
