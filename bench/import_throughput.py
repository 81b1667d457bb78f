"""Import throughput and memory: `evidence-kit add` of ~1 GiB of mixed files vs `sha256sum` + `cp`.

Run from the repository root after setup: `python bench/import_throughput.py`.
Part 1 imports about 1 GiB of generated files of mixed sizes and, in the same run, times
`sha256sum` plus `cp` of the same files (the least any tool that hashes and stores a copy must
do). Part 2 imports a single 1 GiB file and reports the import process's peak memory. Both
imports run `evidence-kit` in a subprocess so its peak RSS is its own. The last line printed
is one JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

# bench/ is on sys.path when this runs as `python bench/NAME.py`.
import cli_run

MIB = 1024 * 1024
PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throwaway vault)


def _write(path: Path, size: int, rng: random.Random) -> None:
    block = rng.randbytes(MIB)
    with open(path, "wb") as handle:
        left = size
        counter = 0
        while left > 0:
            piece = (counter.to_bytes(8, "little") + block[8:])[:left]
            handle.write(piece)
            left -= len(piece)
            counter += 1


def make_mixed(folder: Path, rng: random.Random) -> int:
    """About 1 GiB: many screenshots-sized files, some videos, one large file."""
    folder.mkdir(parents=True)
    sizes = [rng.randint(20_000, 3 * MIB) for _ in range(300)]  # screenshots, photos, documents
    sizes += [rng.randint(10 * MIB, 40 * MIB) for _ in range(14)]  # voice notes, short videos
    sizes.append(1024 * MIB - sum(sizes) if sum(sizes) < 900 * MIB else 100 * MIB)  # fill up to ~1 GiB
    for index, size in enumerate(sizes):
        _write(folder / f"file{index:04d}.bin", size, rng)
    return sum(sizes)


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run evidence-kit (`cli_run.py`): (seconds, peak RSS in MiB of that process)."""
    elapsed, rss, _output = cli_run.run_cli(args, env)
    return elapsed, rss


def baseline(files: list[Path], target: Path) -> float:
    target.mkdir()
    started = time.perf_counter()
    subprocess.run(["sha256sum", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cp", *map(str, files), str(target)], check=True)
    return time.perf_counter() - started


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="ek-bench-import-"))
    # Timestamping off: a benchmark measures the import, and never asks a public time-stamp authority.
    settings = work / "settings.json"
    settings.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
    env = {
        **os.environ,
        "EVIDENCE_KIT_PASSPHRASE": PASSPHRASE,
        "EVIDENCE_KIT_LANG": "en",
        "EVIDENCE_KIT_SETTINGS": str(settings),
    }
    try:
        rng = random.Random(42)
        mixed = work / "mixed"
        total = make_mixed(mixed, rng)
        files = sorted(mixed.iterdir())
        # Each phase starts with nothing left to write back, so neither pays for the one before.
        os.sync()
        base_s = baseline(files, work / "copy")
        shutil.rmtree(work / "copy")
        os.sync()
        run_cli(["init", str(work / "v1.ekvault"), "--insecure-fast-kdf"], env)
        import_s, mixed_rss = run_cli(["add", str(work / "v1.ekvault"), str(mixed)], env)
        ratio = import_s / base_s
        print(f"mixed: {len(files)} files, {total / MIB:.0f} MiB")
        print(f"  baseline sha256sum + cp: {base_s:.2f} s ({total / MIB / base_s:.0f} MiB/s)")
        print(
            f"  evidence-kit add:        {import_s:.2f} s ({total / MIB / import_s:.0f} MiB/s), "
            f"peak RSS {mixed_rss:.0f} MiB"
        )
        print(f"  ratio import/baseline:   {ratio:.2f}")
        shutil.rmtree(mixed)
        shutil.rmtree(work / "v1.ekvault")

        single = work / "one-gib.bin"
        _write(single, 1024 * MIB, rng)
        run_cli(["init", str(work / "v2.ekvault"), "--insecure-fast-kdf"], env)
        single_s, single_rss = run_cli(["add", str(work / "v2.ekvault"), str(single)], env)
        print(f"single 1 GiB file: {single_s:.2f} s, peak RSS {single_rss:.0f} MiB")
        print(
            json.dumps(
                {
                    "bench": "import_throughput",
                    "bytes": total,
                    "files": len(files),
                    "baseline_s": round(base_s, 3),
                    "import_s": round(import_s, 3),
                    "ratio": round(ratio, 3),
                    "peak_rss_mib": round(single_rss, 1),
                    "mixed_peak_rss_mib": round(mixed_rss, 1),
                    "single_1gib_import_s": round(single_s, 3),
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
