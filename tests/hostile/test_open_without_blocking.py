"""The openers themselves never block: a path that became a FIFO (or a link) after it was
checked is refused by `fstat` after a non-blocking open, not waited on.

Each call runs on a helper thread that must finish within seconds; if it ever blocks, the test
fails and opens the FIFO for writing to release the thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from evidence_kit.errors import FifoRefusedError, NotAFileError
from evidence_kit.importers.paths import open_regular
from evidence_kit.importers.registry import read_head
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault


def _outcome(call: Callable[[], object], fifo: Path) -> BaseException | object:
    found: list[BaseException | object] = []

    def run() -> None:
        try:
            found.append(call())
        except BaseException as exc:  # handed to the test thread
            found.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=10)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # release the blocked reader
        thread.join(timeout=10)
        pytest.fail("opening a FIFO blocked")
    return found[0]


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Vault]:
    fast = KdfParams.insecure_fast()
    vault, _code = Vault.create(tmp_path / "case.ekvault", "correct horse battery", kdf=fast)
    yield vault
    vault.close()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "swapped-in.fifo"
    os.mkfifo(path)
    return path


def test_open_regular_refuses_a_fifo_at_once(fifo: Path) -> None:
    assert isinstance(_outcome(lambda: open_regular(fifo), fifo), FifoRefusedError)
    assert isinstance(_outcome(lambda: read_head(fifo), fifo), FifoRefusedError)


def test_open_regular_refuses_a_link_slipped_in(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"x")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(OSError, match="symbolic links"):
        open_regular(link)
    with open_regular(link, follow_links=True) as handle:
        assert handle.read() == b"x"
    with pytest.raises(NotAFileError):
        open_regular(Path("/dev/null"), follow_links=True)


def test_vault_add_file_refuses_a_fifo_and_a_device(opened: Vault, fifo: Path, tmp_path: Path) -> None:
    vault = opened
    assert isinstance(_outcome(lambda: vault.add_file(fifo), fifo), FifoRefusedError)
    with pytest.raises(NotAFileError, match="is a device"):
        vault.add_file("/dev/zero")
    link = tmp_path / "link.txt"
    link.symlink_to("/dev/null")
    with pytest.raises(NotAFileError):
        vault.add_file(link)
    assert vault.items() == []
