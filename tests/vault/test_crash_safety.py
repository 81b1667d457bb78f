"""SIGKILL in the middle of `add`, again and again: the vault always opens, verifies, and is whole.

Each of the 24 trials (in groups of three on the same vault) starts `evidence-kit add` of
many files of mixed sizes in a subprocess and kills it at a random moment. Afterwards the
vault must open, `verify` must pass (every item complete and matching its hash, every item
with its custody event, the chain intact) and no stored chunk may belong to no item.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

from sqlalchemy import func, select

from evidence_kit.storage.models import Chunk, CustodyEvent, Item
from evidence_kit.vault import Vault
from tests.helpers import PASSPHRASE, cli_env, popen_cli, run_cli

TRIALS = 24


def test_sigkill_during_add_never_leaves_a_half_item(tmp_path: Path) -> None:
    rng = random.Random(1129)
    source = tmp_path / "batch"
    source.mkdir()
    for index in range(40):
        size = rng.choice([0, 10, 5_000, 900_000, 1_048_576, 1_500_000, 2_600_000, 4_000_000])
        (source / f"file {index:02d}.bin").write_bytes(rng.randbytes(size))
    env = cli_env(tmp_path)
    empty = tmp_path / "empty.ekvault"
    run_cli(["init", str(empty), "--insecure-fast-kdf"], env, check=True)

    # How long one whole batch takes here: the kills are spread over that span.
    timing = tmp_path / "timing.ekvault"
    shutil.copytree(empty, timing)
    started = time.monotonic()
    run_cli(["add", str(timing), str(source)], env, check=True)
    duration = time.monotonic() - started

    killed = 0
    for trial in range(TRIALS):
        # Every third trial kills an import into a vault that earlier kills already hit.
        vault_path = tmp_path / f"case{trial}.ekvault"
        if trial % 3 == 0:
            shutil.copytree(empty, vault_path)
        else:
            shutil.move(tmp_path / f"case{trial - 1}.ekvault", vault_path)
        process = popen_cli(["add", str(vault_path), str(source)], env)
        try:
            # A random moment: the wait times out (the normal case) and the kill lands mid-import.
            process.wait(timeout=rng.uniform(0.1, 0.95) * duration)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            killed += 1

        with Vault.open(vault_path, PASSPHRASE) as vault:
            report = vault.verify(record=False)
            assert report.ok, [p.format() for p in report.problems]
            engine = vault._require_engine()
            with engine.connect() as conn:
                orphans = conn.execute(
                    select(func.count()).select_from(Chunk).where(Chunk.item_id.not_in(select(Item.id)))
                ).scalar_one()
                assert orphans == 0
                items = conn.execute(select(Item.id, Item.size, Item.chunk_count)).all()
                for item_id, size, chunk_count in items:
                    stored = conn.execute(
                        select(func.count(), func.coalesce(func.sum(func.length(Chunk.data)), 0)).where(
                            Chunk.item_id == item_id
                        )
                    ).one()
                    assert tuple(stored) == (chunk_count, size)
                    events = conn.execute(
                        select(func.count())
                        .select_from(CustodyEvent)
                        .where(CustodyEvent.item_id == item_id, CustodyEvent.event_type == "item_added")
                    ).scalar_one()
                    assert events == 1
    assert killed >= 20
