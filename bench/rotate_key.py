"""How long `passwd --rotate-key` takes: re-encrypting a vault under a new data key, against
copying its database file (plain `shutil.copyfile` plus fsync) in the same run.

Run from the repository root after setup: `python bench/rotate_key.py [MEGABYTES]` (default 256).
The vault holds MEGABYTES of random (fictional) files of 4 MiB. Cheap key derivation is used on
purpose: the Argon2id of the new slots costs the same whatever the vault's size, and is not what
is measured. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from evidence_kit.progress import ProgressInfo
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throwaway vault)
NEW = "benchmark passphrase, rotated"
FILE_MB = 4


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    with tempfile.TemporaryDirectory(prefix="ek-bench-rotate-") as tmp:
        folder = Path(tmp)
        path = folder / "bench.ekvault"
        vault, _code = Vault.create(path, PASSPHRASE, kdf=KdfParams.insecure_fast())
        source = folder / "source.bin"
        for number in range(megabytes // FILE_MB):
            source.write_bytes(os.urandom(FILE_MB * 1024 * 1024))
            vault.add_file(source, note=str(number))
        vault.close()
        db_size = (path / "vault.db").stat().st_size

        start = time.perf_counter()
        shutil.copyfile(path / "vault.db", folder / "copy.db")
        with open(folder / "copy.db", "rb") as handle:
            os.fsync(handle.fileno())
        copy_s = time.perf_counter() - start
        (folder / "copy.db").unlink()

        reports: list[ProgressInfo] = []
        with Vault.open(path, PASSPHRASE) as vault:
            start = time.perf_counter()
            vault.rotate_key(NEW, kdf=KdfParams.insecure_fast(), progress=reports.append)
            rotate_s = time.perf_counter() - start
        with Vault.open(path, NEW) as vault:
            ok = vault.verify(record=False).ok
    print(
        json.dumps(
            {
                "database_mb": round(db_size / 2**20, 1),
                "copy_s": round(copy_s, 2),
                "rotate_s": round(rotate_s, 2),
                "rotate_mb_per_s": round(db_size / 2**20 / rotate_s, 1),
                "progress_reports": len(reports),
                "verify_ok": ok,
            }
        )
    )


if __name__ == "__main__":
    main()
