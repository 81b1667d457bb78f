"""E-mail import on large and hostile input: time and peak memory of `evidence-kit add`.

Run from the repository root after setup: `python bench/email_hostile.py [--mbox-messages N]`.
Generated, fictional inputs, each added to a fresh vault by the real CLI in its own process:
a 100 MB folded header, a 100 MB header on one line, a 100 MB folded To of encoded words, and an
mbox of 20,000 messages (about 60 MB). The baseline, in the same run, is the same 100 MB added
with `--as file` (hashing, encrypting and storing it, no parsing): what any import of the file
must cost. Each result is wall time and the process's peak RSS. The last line printed is one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throwaway vault)
SIZE = 100 * 1024 * 1024
HEAD = b"From: Anna <anna@example.org>\nSubject: groot\nDate: Mon, 1 Jan 2024 10:00:00 +0100\n"


def _write_repeated(path: Path, start: bytes, unit: bytes, end: bytes) -> Path:
    with path.open("wb") as out:
        out.write(start)
        block = unit * max(1, (1 << 20) // len(unit))
        for _ in range(SIZE // len(block)):
            out.write(block)
        out.write(end)
    return path


def _mbox(path: Path, count: int) -> Path:
    with path.open("wb") as out:
        for i in range(count):
            body = f"Dit is bericht {i}, een fictief voorbeeld.\n".encode() * (40 + i % 50)
            out.write(
                b"From anna@example.org Mon Jan  1 10:00:00 2024\nFrom: Anna <anna@example.org>\n"
                b"To: Bram <bram@example.org>\nSubject: =?utf-8?q?Bericht_%d?=\n"
                b"Date: Mon, 1 Jan 2024 10:00:00 +0100\nMessage-ID: <%d@example.org>\n\n"
                % (i, i)
                + body
                + b"\n"
            )
    return path


def _add(folder: Path, name: str, path: Path, env: dict[str, str], *options: str) -> dict[str, object]:
    vault = folder / f"{name}.ekvault"
    cli = [sys.executable, "-m", "evidence_kit.cli"]
    subprocess.run(
        [*cli, "init", str(vault), "--insecure-fast-kdf", "--title", name],
        env=env,
        check=True,
        capture_output=True,
    )
    started = time.perf_counter()
    process = subprocess.Popen(
        [*cli, "add", str(vault), str(path), *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    report = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return {
        "case": name,
        "bytes": path.stat().st_size,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # kilobytes on Linux
        "exit": process.returncode,
        "traceback": "Traceback" in report,
        "report": [line.strip() for line in report.splitlines()[1:4]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mbox-messages", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        settings = folder / "settings.json"
        settings.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
        env = {
            **os.environ,
            "EVIDENCE_KIT_PASSPHRASE": PASSPHRASE,
            "EVIDENCE_KIT_LANG": "en",
            "EVIDENCE_KIT_SETTINGS": str(settings),
            "HOME": temp,
        }
        folded = _write_repeated(
            folder / "folded.eml", HEAD + b"X-Junk: ", b"a" * 70 + b"\n ", b"x\n\nTekst.\n"
        )
        line = _write_repeated(folder / "line.eml", HEAD + b"X-Junk: ", b"a" * 4096, b"\n\nTekst.\n")
        to = _write_repeated(
            folder / "to.eml",
            HEAD + b"To: ",
            b"=?utf-8?B?QUJD?= <x@example.org>,\n ",
            b"z@example.org\n\nTekst.\n",
        )
        mbox = _mbox(folder / "box.mbox", args.mbox_messages)
        results = [
            _add(folder, "baseline-100MB-as-file", folded, env, "--as", "file"),
            _add(folder, "folded-header-100MB", folded, env),
            _add(folder, "one-line-header-100MB", line, env),
            _add(folder, "folded-to-100MB", to, env),
            _add(folder, f"mbox-{args.mbox_messages}-messages", mbox, env),
        ]
    for result in results:
        print(
            f"{result['case']:28} {result['bytes'] / 2**20:7.1f} MiB {result['seconds']:7.2f} s "
            f"{result['peak_rss_mb']:8.1f} MB peak  exit {result['exit']}"
        )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
