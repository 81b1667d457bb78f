"""Backup speed: `Vault.backup` of a vault with 256 MiB of originals, against a plain folder copy.

Run from the repository root after setup: `python bench/backup_throughput.py [MiB]`.
The baseline, in the same run, copies the closed vault folder with `shutil.copytree` (what a
file manager does, and the least any copy costs). The backup also verifies the copy (every page
and every item's hash), so it reads the copy once more; both phases are timed. Fictional random
bytes only. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from evidence_kit.progress import ProgressInfo
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import DB_FILE, Vault

PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throwaway vault)
MIB = 1024 * 1024


def main() -> None:
    total_mib = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    with tempfile.TemporaryDirectory(prefix="ek-bench-backup-") as tmp:
        root = Path(tmp)
        rng = random.Random(7)
        vault, _code = Vault.create(root / "case", PASSPHRASE, kdf=KdfParams.insecure_fast())
        with vault:
            for index in range(total_mib // 8):
                file = root / f"recording {index}.bin"
                file.write_bytes(rng.randbytes(8 * MIB))
                vault.add_file(file)
                file.unlink()
        size = (root / "case" / DB_FILE).stat().st_size

        started = time.perf_counter()
        shutil.copytree(root / "case", root / "folder copy")
        baseline = time.perf_counter() - started

        marks: dict[str, float] = {}

        def progress(info: ProgressInfo) -> None:
            if info.total_files and "copied" not in marks:
                marks["copied"] = time.perf_counter()

        with Vault.open(root / "case", PASSPHRASE) as opened:
            started = time.perf_counter()
            opened.backup(root / "backup", progress=progress)
            backup = time.perf_counter() - started
        copy_phase = marks.get("copied", started + backup) - started
        result = {
            "database_mib": round(size / MIB, 1),
            "folder_copy_s": round(baseline, 2),
            "backup_s": round(backup, 2),
            "backup_copy_phase_s": round(copy_phase, 2),
            "backup_check_phase_s": round(backup - copy_phase, 2),
            "backup_mib_per_s": round(size / MIB / backup, 1),
            "ratio_to_folder_copy": round(backup / baseline, 2),
        }
        print(json.dumps(result))


if __name__ == "__main__":
    main()
