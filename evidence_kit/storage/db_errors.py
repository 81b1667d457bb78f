"""Database errors as a person can be shown them: a full disk, or a damaged vault.

Rule: a raw database error never leaves the vault's front door. Every public method that
touches the database is wrapped with `translate_db_errors`, which turns SQLAlchemy's and
SQLCipher's errors into `DiskFullError` or `VaultDamagedError` (naming the vault folder);
the typed errors of the kit pass through unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import exc as sa_exc

from evidence_kit.errors import DiskFullError, EvidenceKitError, VaultDamagedError

P = ParamSpec("P")
R = TypeVar("R")


def is_disk_full(exc: BaseException) -> bool:
    text_ = str(exc).lower()
    return "disk is full" in text_ or getattr(exc, "errno", None) == 28  # ENOSPC


def translate_db_errors(method: Callable[P, R]) -> Callable[P, R]:
    """Turn raw database errors into the typed errors a user can be shown (`args[0].path` names the vault)."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except EvidenceKitError:
            raise
        except (sa_exc.DBAPIError, sa_exc.StatementError) as exc:
            path = getattr(args[0], "path", "")
            if is_disk_full(exc):
                raise DiskFullError(path=path) from exc
            raise VaultDamagedError(path=path, detail=str(getattr(exc, "orig", exc))) from exc

    return wrapper
