"""The case jobs the app sends to the worker agree with the core they stand on (fictional data)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from evidence_kit.case.gaps import case_gaps, read_facts
from evidence_kit.importers.batch import add_paths
from evidence_kit.resources import demo_dir
from evidence_kit.storage.incidents import IncidentFields
from evidence_kit.ui.case_jobs import item_gaps_in
from evidence_kit.vault import Vault

from .conftest import FAST, PASSPHRASE


def test_one_items_hints_are_the_ones_the_whole_case_gives_it(tmp_path: Path) -> None:
    vault, _code = Vault.create(tmp_path / "case.ekvault", PASSPHRASE, case_title="Fictional", kdf=FAST)
    try:
        picture = tmp_path / "screenshot.png"
        Image.new("RGB", (20, 20), (1, 2, 3)).save(picture, "PNG")
        for _result in add_paths(vault, [demo_dir(), picture]):
            pass
        items = vault.items()
        vault.record_incident(IncidentFields(what="Fictional.", started="2026-10-03", items=(items[0].id,)))
        every = case_gaps(list(read_facts(vault)), vault.incidents())
        assert any(g.item_id is not None for g in every)
        for item in items:
            expected = [g for g in every if g.item_id == item.id]
            assert item_gaps_in(vault, item.id) == expected, item.original_name
    finally:
        vault.close()
