"""Fixtures of the timestamp tests: one real local TSA for the whole session (see tests/tsa_server.py),
and a fresh vault with the TSA's configuration and root for the vault time-stamping tests.

Making the test PKI and starting the server takes a fraction of a second, but every fault mode
is a URL path of the same server, so one per session is enough.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography import x509

from evidence_kit.timestamping import TsaConfig
from evidence_kit.vault import Vault
from tests.tsa_server import LocalTsa, running_tsa
from tests.vault.conftest import FAST, PASSPHRASE

TsaFactory = Callable[..., TsaConfig]


@pytest.fixture(scope="session")
def local_tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalTsa]:
    with running_tsa(tmp_path_factory.mktemp("tsa")) as tsa:
        yield tsa


@pytest.fixture
def tsa_config(local_tsa: LocalTsa) -> TsaFactory:
    """`tsa_config("expired")`: a TsaConfig for one mode of the local TSA, trusting its test root."""

    def make(mode: str = "tsa", *, timeout: float = 10.0) -> TsaConfig:
        return TsaConfig(name=f"local-{mode}", url=local_tsa.url(mode), roots_pem=local_tsa.pki.root_pem,
                         timeout=timeout)  # fmt: skip

    return make


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(tmp_path / "case.ekvault", PASSPHRASE, case_title="Zaak Anna", kdf=FAST)
    yield opened
    opened.close()


@pytest.fixture
def good(tsa_config: TsaFactory) -> TsaConfig:
    return tsa_config("tsa")


@pytest.fixture
def root(local_tsa: LocalTsa) -> list[x509.Certificate]:
    return [local_tsa.pki.root]
