"""Run one key change on a vault and SIGKILL this very process at a chosen step.

Used by test_key_change_kill.py as a subprocess: a real kill -9, so no `finally` and no
`except` of ours runs, exactly as when the power goes. Arguments: VAULT OPERATION WHEN N
- OPERATION: `passwd` (a new passphrase) or `rotate` (a new data key); old passphrase OLD,
  new passphrase NEW (below);
- WHEN N: `before N` / `after N` kills just before / after the N-th `os.replace` of the
  change; `export 0` kills in the middle of copying the database (rotate only); `never 0`
  lets it finish.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from evidence_kit.storage import key_change
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

OLD = "old passphrase, fictional"
NEW = "new passphrase, fictional"


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    path, operation, when, number = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    vault = Vault.open(path, OLD)
    real_replace = os.replace
    calls = 0

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        nonlocal calls
        calls += 1
        if when == "before" and calls == number:
            _die()
        real_replace(src, dst)
        if when == "after" and calls == number:
            _die()

    os.replace = replace  # type: ignore[assignment]  (every module calls os.replace through `os`)
    key_change._PROGRESS_STEPS = 50  # report (and so kill) early in the copy, not only at its end

    def progress(info: object) -> None:
        if when == "export":
            _die()

    if operation == "passwd":
        vault.change_passphrase(NEW, kdf=KdfParams.insecure_fast())
    else:
        vault.rotate_key(NEW, kdf=KdfParams.insecure_fast(), progress=progress)
    vault.close()


if __name__ == "__main__":
    main()
