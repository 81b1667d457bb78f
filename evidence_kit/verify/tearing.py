"""Naming a torn vault in a verify report: the copy was made while the vault was being written.

Rule: when verify finds damage to the database, the file is looked at with
`storage/tearing.py`'s signs (size, page count, unwritten pages), and damaged structure with
every page still authentic counts too. A torn file gets ONE plain finding, first in the report,
that says what happened and what to do; the detailed findings follow it unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc

from evidence_kit.domain import Problem
from evidence_kit.storage.tearing import file_is_torn

TORN_CODE = "vault_torn"
# Findings that mean the database itself is damaged (not a value edited by a key holder).
_DAMAGE = frozenset(
    {
        "page_damaged",
        "structure_damaged",
        "item_unreadable",
        "items_unreadable",
        "log_unreadable",
        "derived_unreadable",
        "timestamps_unreadable",
        "orphan_chunks",
    }
)


def _pages(conn: Connection) -> tuple[int, int] | None:
    """(page count from page 1, page size), or None when even that cannot be read."""
    try:
        count = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
        size = conn.exec_driver_sql("PRAGMA page_size").scalar_one()
        return int(count), int(size)
    except (sa_exc.DBAPIError, sa_exc.StatementError, ValueError, TypeError):
        return None


def torn_problem(conn: Connection, db_file: Path, problems: Sequence[Problem]) -> Problem | None:
    """The finding that the vault folder is a torn copy, or None (no damage, or damage of another kind)."""
    codes = {p.code for p in problems}
    if not codes & _DAMAGE:
        return None
    pages = _pages(conn)
    torn = pages is not None and file_is_torn(db_file, pages[1], pages[0])
    # Every page authentic, yet the structure does not fit: pages from two moments.
    torn = torn or ("structure_damaged" in codes and "page_damaged" not in codes)
    if not torn:
        return None
    return Problem(
        scope="database",
        code=TORN_CODE,
        template=(
            "This vault folder is incomplete or was copied while it was being written: its database "
            "holds parts from different moments, or parts are missing. Use the original vault; make "
            "copies with `evidence-kit backup` (in the app: Vault, Back up…)."
        ),
        params=(),
    )
