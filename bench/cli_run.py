"""Running `evidence-kit` from a benchmark: its time and the peak memory of that process alone.

Rule: the command runs in its own process (so its peak RSS is its own, read with `wait4`),
and its output goes to temporary files, never to pipes read after it ends: a pipe fills at
64 KiB and would make a chatty import wait forever.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run evidence-kit; return (seconds, peak RSS in MiB of that process, stdout + stderr).

    A command that fails ends the benchmark with its output.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        command = [sys.executable, "-m", "evidence_kit.cli", *args]
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        output = out.read().decode(errors="replace") + err.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"evidence-kit {args[0]} failed: {output}")
    return elapsed, usage.ru_maxrss / 1024, output  # ru_maxrss is in KiB on Linux
