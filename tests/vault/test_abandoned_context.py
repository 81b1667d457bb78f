"""A read or write context left behind by Ctrl-C ends quietly, even after the vault closed.

Ctrl-C can land between a `read()`/`write()` context's entry and the caller's `with` taking
it over; the garbage collector then closes it after the CLI has closed the vault. That close
printed "Exception ignored ... Traceback" on the user's terminal (seen once in CI).
"""

from __future__ import annotations

import sqlalchemy as sa

from evidence_kit.vault import Vault
from tests.vault.conftest import PASSPHRASE


def test_an_abandoned_read_closes_quietly_after_the_vault_closed(vault: Vault) -> None:
    context = vault._db.read()
    conn = context.__enter__()
    conn.execute(sa.text("SELECT 1"))
    vault.close()
    context.gen.close()  # what the garbage collector does; raised ProgrammingError before


def test_an_abandoned_write_closes_quietly_and_keeps_nothing(vault: Vault) -> None:
    before = len(vault.custody_log())
    context = vault._db.write()
    conn = context.__enter__()
    vault._db.append_event(conn, "note", {"text": "never committed"})
    path = vault.path
    vault.close()
    context.gen.close()
    again = Vault.open(path, PASSPHRASE)
    try:
        assert len(again.custody_log()) == before
    finally:
        again.close()
