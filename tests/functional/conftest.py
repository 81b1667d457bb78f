"""Functional tests use the same fresh, cheaply keyed vault as the vault tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

PASSPHRASE = "correct horse battery"
FAST = KdfParams.insecure_fast()


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "case.ekvault"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(vault_path, PASSPHRASE, case_title="Test case", kdf=FAST)
    yield opened
    opened.close()
