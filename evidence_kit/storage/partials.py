"""Partial files: what an export or an extract writes before it is complete, and the record that finds them.

Rules this module keeps:
- A file or folder written outside the vault is first written under a *visible* name, the
  target's name plus ".partial" (never a hidden dot-file: whoever opens the folder must see
  it), and renamed into place only when it is complete; on any failure, SIGINT or SIGTERM it is
  removed by the `except` below.
- A kill -9 or a power cut runs no clean-up, so each partial is recorded *before* it is created
  and cleared after it was renamed or removed. The record is a row of the vault's own
  `vault_secrets` table: encrypted like the evidence, and no custody event (it is not evidence).
  The paths of partials are therefore never written in plaintext outside the vault.
- The next opening of the vault (a CLI command, the app's unlock) asks `leftovers()`: the
  recorded partials that still exist. Removing them is the person's choice (`remove_leftovers`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select

from evidence_kit.errors import PartialInTheWayError
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.db_errors import translate_db_errors
from evidence_kit.storage.folder import display_path
from evidence_kit.storage.models import VaultSecret

PARTIAL_SUFFIX = ".partial"
RECORD_NAME = "partials_in_progress"  # the vault_secrets row: a JSON list of absolute paths


def partial_path(target: Path) -> Path:
    """Where `target` is written until it is complete: beside it, visible, ending in ".partial"."""
    return target.with_name(target.name + PARTIAL_SUFFIX)


def remove_partial(path: Path) -> None:
    """Remove a partial file or folder; one that is already gone is fine."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _absolute(path: Path) -> Path:
    # Absolute without resolving links: the path recorded is the one the program wrote to.
    return Path(os.path.abspath(path))


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _load(conn: Connection) -> list[str]:
    raw = conn.execute(select(VaultSecret.value).where(VaultSecret.name == RECORD_NAME)).scalar_one_or_none()
    if raw is None:
        return []
    try:
        value = json.loads(bytes(raw).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []  # a record nobody can read finds nothing; it is rewritten on the next change
    return [str(entry) for entry in value] if isinstance(value, list) else []


def _store(conn: Connection, paths: list[str]) -> None:
    conn.execute(delete(VaultSecret).where(VaultSecret.name == RECORD_NAME))
    if paths:
        conn.execute(
            insert(VaultSecret).values(
                name=RECORD_NAME,
                # ASCII escapes keep a name with undecodable bytes (a lone surrogate) exact.
                value=json.dumps(sorted(set(paths)), ensure_ascii=True).encode("ascii"),
                created_at_utc=datetime.now(UTC),
            )
        )


class PartialsRecord:
    """The vault's record of partial files in progress (`Vault.partials`)."""

    def __init__(self, db: VaultDatabase, vault_path: Path) -> None:
        self._db = db
        self.path = vault_path  # named in the typed error when the database fails

    @translate_db_errors
    def _change(self, add: str | None = None, drop: str | None = None) -> None:
        with self._db.write() as conn:
            paths = [p for p in _load(conn) if p != drop]
            _store(conn, [*paths, add] if add is not None else paths)

    @contextlib.contextmanager
    def writing(self, target: Path) -> Iterator[Path]:
        """The partial path to write `target` under; recorded while the block runs, removed if it fails.

        The caller renames the partial to `target` as the block's last step. A partial already
        there (left by a kill) is never overwritten nor silently removed: PartialInTheWayError.
        """
        partial = partial_path(_absolute(target))
        if _exists(partial):
            raise PartialInTheWayError(path=display_path(partial))
        self._change(add=str(partial))  # committed before the partial exists
        try:
            yield partial
        except PartialInTheWayError:
            raise  # another program made it between our check and the write: not ours to remove
        except BaseException:
            remove_partial(partial)
            raise
        finally:
            # A failure to clear the record only means the next start looks for a file that is gone.
            with contextlib.suppress(Exception):
                self._change(drop=str(partial))

    @translate_db_errors
    def leftovers(self) -> list[Path]:
        """Recorded partials that still exist: left by a program that was killed or lost power."""
        with self._db.read() as conn:
            recorded = _load(conn)
        return [Path(p) for p in recorded if _exists(Path(p))]

    @translate_db_errors
    def remove_leftovers(self) -> list[Path]:
        """Remove every recorded partial that still exists; returns what was removed.

        The record then keeps only what could not be removed (so it is offered again).
        """
        found = self.leftovers()
        for path in found:
            remove_partial(path)
        with self._db.write() as conn:
            _store(conn, [p for p in _load(conn) if _exists(Path(p))])
        return [path for path in found if not _exists(path)]
