"""Partial files: visible names, recorded inside the vault while they exist, removed on failure.

A "kill" is played by entering `writing()` and never leaving it (no clean-up runs), then
closing the vault: exactly what a kill -9 leaves behind. The real kill -9 of a CLI export is in
tests/cli/test_partials_kill.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_kit.domain import ItemSummary
from evidence_kit.errors import ExtractMismatchError, PartialInTheWayError
from evidence_kit.storage.keys import KdfParams
from evidence_kit.storage.models import VaultSecret
from evidence_kit.storage.partials import RECORD_NAME, partial_path
from evidence_kit.vault import Vault

PASSPHRASE = "correct horse battery"
CONTENT = b"fictional evidence " * 100_000  # two chunks


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    made, _code = Vault.create(tmp_path / "case.ekvault", PASSPHRASE, kdf=KdfParams.insecure_fast())
    yield made
    made.close()


@pytest.fixture
def item(tmp_path: Path, vault: Vault) -> ItemSummary:
    source = tmp_path / "note.txt"
    source.write_bytes(CONTENT)
    return vault.add_file(source)


def _record(vault: Vault) -> bytes | None:
    with vault._require_engine().connect() as conn:
        value = conn.execute(select(VaultSecret.value).where(VaultSecret.name == RECORD_NAME)).scalar()
    return None if value is None else bytes(value)


def _hidden(folder: Path) -> list[Path]:
    return [path for path in folder.rglob(".*")]


def test_partial_name_is_visible() -> None:
    assert partial_path(Path("/x/dossier")) == Path("/x/dossier.partial")
    assert partial_path(Path("/x/photo.png")).name == "photo.png.partial"


def test_recorded_while_written_and_cleared_after(tmp_path: Path, vault: Vault) -> None:
    target = tmp_path / "out" / "copy.bin"
    target.parent.mkdir()
    with vault.partials.writing(target) as partial:
        assert partial == target.parent / "copy.bin.partial"
        partial.write_bytes(b"half")
        assert vault.partials.leftovers() == [partial]  # recorded before and while it exists
        partial.rename(target)
    assert vault.partials.leftovers() == []
    assert _record(vault) is None
    assert target.read_bytes() == b"half"


def test_an_interrupt_removes_the_partial_and_its_record(tmp_path: Path, vault: Vault) -> None:
    target = tmp_path / "copy.bin"
    with pytest.raises(KeyboardInterrupt), vault.partials.writing(target) as partial:
        partial.write_bytes(b"half")
        raise KeyboardInterrupt
    assert not partial.exists() and not target.exists()
    assert _record(vault) is None


def test_a_kill_leaves_a_record_found_at_the_next_opening(tmp_path: Path, vault: Vault) -> None:
    target = tmp_path / "dossier"
    killed: AbstractContextManager[Path] = vault.partials.writing(target)
    partial = killed.__enter__()  # ... and never left: no clean-up runs, as after a kill -9
    (partial / "originals").mkdir(parents=True)
    (partial / "originals" / "0001_note.txt").write_bytes(b"plaintext evidence")
    vault.close()
    with Vault.open(vault.path, PASSPHRASE) as reopened:
        assert reopened.partials.leftovers() == [partial]
        with pytest.raises(PartialInTheWayError), reopened.partials.writing(target):
            pass  # a partial in the way is never written into, nor removed unasked
        assert (partial / "originals" / "0001_note.txt").is_file()
        assert reopened.partials.remove_leftovers() == [partial]
        assert not partial.exists()
        assert reopened.partials.leftovers() == []
        assert _record(reopened) is None
    assert killed is not None  # kept alive until here, so its clean-up cannot run early


def test_the_record_names_no_path_outside_the_vault(tmp_path: Path, vault: Vault) -> None:
    marker = "UniqueFictionalFolderName"
    killed = vault.partials.writing(tmp_path / marker)
    killed.__enter__()
    vault.close()
    for path in vault.path.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path  # the record is encrypted
    assert killed is not None


def test_extract_writes_a_visible_partial(tmp_path: Path, vault: Vault, item: ItemSummary) -> None:
    target = tmp_path / "out" / "copy.txt"
    target.parent.mkdir()
    original = vault.iter_original
    seen: list[list[str]] = []

    def watched(item_id: int) -> Iterator[bytes]:
        for chunk in original(item_id):
            seen.append(sorted(p.name for p in target.parent.iterdir()))
            assert vault.partials.leftovers() == [target.parent / "copy.txt.partial"]
            yield chunk

    vault.iter_original = watched  # type: ignore[method-assign]
    vault.extract(item.id, target)
    assert seen and all(names == ["copy.txt.partial"] for names in seen)
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.txt"]
    assert target.read_bytes() == CONTENT
    assert _record(vault) is None


def test_extract_that_fails_leaves_nothing(tmp_path: Path, vault: Vault, item: ItemSummary) -> None:
    target = tmp_path / "out" / "copy.txt"
    target.parent.mkdir()
    vault.iter_original = lambda _item_id: iter([b"not the stored bytes"])  # type: ignore[method-assign]
    with pytest.raises(ExtractMismatchError):
        vault.extract(item.id, target)
    assert list(target.parent.iterdir()) == []
    assert _hidden(tmp_path / "out") == []
    assert _record(vault) is None
