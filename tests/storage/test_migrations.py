"""Every Alembic revision runs up and down with data in the vault, and the models match the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from evidence_kit.storage import migrate
from evidence_kit.storage.models import Base
from evidence_kit.timestamping import TsaConfig
from evidence_kit.vault import Vault
from tests.tsa_server import LocalTsa, running_tsa
from tests.vault.conftest import FAST, PASSPHRASE

TIMESTAMPS = "0002_timestamps"


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalTsa]:
    with running_tsa(tmp_path_factory.mktemp("tsa")) as local:
        yield local


def _fill(vault: Vault, tmp_path: Path, tsa: LocalTsa) -> None:
    for index in range(3):
        file = tmp_path / f"item{index}.bin"
        file.write_bytes(bytes([index]) * (1024 * 1024 + index))
        item = vault.add_file(file, note=f"note {index}")
        vault.set_category(item.id, "threat")
        if index == 1:  # time-stamps: a Merkle batch of two items and a custody-head anchor
            good = TsaConfig("local", tsa.url("tsa"), roots_pem=tsa.pki.root_pem)
            assert vault.stamp_pending([good]).ok
    # ... and a third item left queued after a failed attempt
    assert not vault.stamp_pending([TsaConfig("offline", tsa.closed_url)]).ok


def test_revisions_form_one_line() -> None:
    revisions = migrate.all_revisions()
    assert revisions[0] == "0001_initial"
    assert revisions[-1] == migrate.head_revision()
    assert len(set(revisions)) == len(revisions)


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST)
    with vault, vault._require_engine().connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []


def test_every_revision_down_and_up_with_data(tmp_path: Path, tsa: LocalTsa) -> None:
    path = tmp_path / "v"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault:
        _fill(vault, tmp_path, tsa)
        before = [(i.id, i.sha256, i.note, i.category) for i in vault.items()]
        stamps = (vault.timestamps_by_item(), vault.head_timestamps(), vault.pending_timestamps())
        assert [len(part) for part in stamps] == [2, 1, 1]
    revisions = migrate.all_revisions()
    with Vault.open(path, PASSPHRASE) as vault:
        engine = vault._require_engine()
        # Each later revision down to its predecessor and back up: the evidence must survive.
        for index in range(len(revisions) - 1, 0, -1):
            with engine.begin() as conn:
                migrate.downgrade(conn, revisions[index - 1])
                assert migrate.current_revision(conn) == revisions[index - 1]
            with engine.begin() as conn:
                migrate.upgrade(conn)
            assert [(i.id, i.sha256, i.note, i.category) for i in vault.items()] == before
            assert vault.verify(record=False).ok
            # Time-stamps survive every later revision's round trip; below theirs they are gone.
            kept = index - 1 >= revisions.index(TIMESTAMPS)
            now = (vault.timestamps_by_item(), vault.head_timestamps(), vault.pending_timestamps())
            assert now == (stamps if kept else ({}, [], []))
        # The first revision down to nothing, then everything up again on the empty database.
        with engine.begin() as conn:
            migrate.downgrade(conn, "base")
            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
            assert tables == set()
            triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all()
            assert triggers == []
        with engine.begin() as conn:
            migrate.upgrade(conn)
            assert migrate.current_revision(conn) == migrate.head_revision()
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
            assert diff == []


def test_a_vault_from_a_newer_program_is_refused_clearly(tmp_path: Path) -> None:
    import pytest

    from evidence_kit.errors import VaultTooNewError

    path = tmp_path / "v"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault, vault._require_engine().begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(VaultTooNewError):
        Vault.open(path, PASSPHRASE)


def test_a_vault_from_before_the_withhold_mark_opens_unmarked_and_can_be_marked(tmp_path: Path) -> None:
    path = tmp_path / "v"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    file = tmp_path / "photo.jpg"
    file.write_bytes(b"a picture")
    with vault:
        item = vault.add_file(file).id
        with vault._require_engine().begin() as conn:  # as a vault of the previous version was
            migrate.downgrade(conn, "0003_tsa_roots")
            assert "withhold_reason" not in {c["name"] for c in inspect(conn).get_columns("items")}
    with Vault.open(path, PASSPHRASE) as reopened:  # opening migrates it
        with reopened._require_engine().connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            guards = {row[0] for row in rows}
            assert {"items_no_delete", "items_fixed_identity"} <= guards
        assert not reopened.item(item).withheld
        assert reopened.verify(record=False).ok
        assert reopened.set_withhold(item, "intimate image")
        assert reopened.verify(record=False).ok
