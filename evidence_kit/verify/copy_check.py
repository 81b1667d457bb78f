"""Checking a backup's copy of the database before it is given its name (storage/backup.py).

Rule: the copy is opened read-only with the vault's own key and cipher settings and gets the full
verification of `verify/vault.py` (every page, every item's hash, the custody chain), so a backup
is declared made only when it would pass `evidence-kit verify` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine

from evidence_kit.domain import VerifyReport
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo
from evidence_kit.storage.engine import CipherSettings, make_engine
from evidence_kit.verify.vault import verify_vault


def copy_checker(
    data_key: bytes,
    cipher: CipherSettings,
    vault_id: str,
    public_key: Ed25519PublicKey,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Callable[[Path], VerifyReport]:
    """A function that verifies the database file it is given as a copy of this vault."""

    def on_item(done: int, total: int) -> None:
        if progress is not None:
            progress(ProgressInfo(done, total, 0, 0, ""))

    def check(db_path: Path) -> VerifyReport:
        def connect() -> Engine:
            return make_engine(db_path, data_key, cipher, read_only=True)

        return verify_vault(connect, vault_id, public_key, cancel=cancel, on_item=on_item, db_file=db_path)

    return check
