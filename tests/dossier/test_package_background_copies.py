"""The originals copied on a thread of their own while the PDF is laid out (`package_copy`):
the same package as copying them first, each read over the worker's own reader, a copy that does
not match its hash refused, and a package given up stops the copying before its folder goes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

import pytest

from evidence_kit.dossier.package import export_package
from evidence_kit.errors import ExtractMismatchError
from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

from .package_fixtures import (
    CUSTODY_HEAD,
    EXPORT_TIME,
    fictional_items,
    manifest_key,
    pdf_identity,
    tiny_pdf,
)


class _Reader:
    """A stand-in for `vault.original_reader()`: chunks by item id, and who read them."""

    def __init__(self, originals: dict[int, bytes], *, slow: float = 0.0) -> None:
        self.originals = originals
        self.slow = slow
        self.threads: set[str] = set()
        self.closed = False
        self.started = threading.Event()

    def chunks(self, item_id: int) -> Iterator[bytes]:
        self.threads.add(threading.current_thread().name)
        self.started.set()
        data = self.originals[item_id]
        for start in range(0, max(len(data), 1), 7):  # small pieces: several per original
            time.sleep(self.slow)
            yield data[start : start + 7]

    def __enter__(self) -> _Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.closed = True


def _render(manifest_sha256: str) -> bytes:
    return tiny_pdf(f"manifest {manifest_sha256}")


def _export(out: Path, reader: _Reader | None, render: Callable[[str], bytes] = _render) -> None:
    items = fictional_items()
    export_package(
        out,
        render_pdf=render,
        pdf_identity=pdf_identity(),
        dossier_id="EK-2024-0001",
        vault_id="5f1c0d6e-0000-4000-8000-000000000001",
        tool_version="0.1.0",
        export_time=EXPORT_TIME,
        lang="en",
        custody_head_hash=CUSTODY_HEAD,
        items=items,
        signing_key=manifest_key(),
        open_originals=(lambda: reader) if reader is not None else None,
    )


def _originals() -> dict[int, bytes]:
    return {item.item_id: cast(BinaryIO, item.open()).read() for item in fictional_items()}


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != "dossier.pdf"  # signed with the time of signing
    }


def test_copying_while_the_pdf_is_laid_out_makes_the_same_package(tmp_path: Path) -> None:
    reader = _Reader(_originals())
    _export(tmp_path / "first", None)
    _export(tmp_path / "background", reader)
    first, background = _files(tmp_path / "first"), _files(tmp_path / "background")
    assert background == first
    assert any(name.startswith("originals/") for name in background)
    assert reader.threads == {"package-originals"} and reader.closed


def test_a_copy_that_does_not_match_its_hash_fails_the_export_and_leaves_nothing(tmp_path: Path) -> None:
    originals = _originals()
    changed = sorted(originals)[1]
    originals[changed] = originals[changed][:-1] + b"!"  # the vault's bytes no longer match the record
    with pytest.raises(ExtractMismatchError):
        _export(tmp_path / "out", _Reader(originals))
    assert list(tmp_path.iterdir()) == []


def test_a_failing_renderer_stops_the_copies_before_the_folder_is_removed(tmp_path: Path) -> None:
    reader = _Reader(_originals(), slow=0.2)  # still copying when the renderer fails

    def render(manifest_sha256: str) -> bytes:
        assert reader.started.wait(10)
        raise RuntimeError("renderer broke")

    with pytest.raises(RuntimeError, match="renderer broke"):
        _export(tmp_path / "out", reader, render)
    # Stopped and ended before the folder was removed: nothing is written after, nothing is left.
    assert not any(t.name == "package-originals" for t in threading.enumerate())
    assert reader.closed
    assert list(tmp_path.iterdir()) == []


def test_the_vault_reader_serves_each_original_chunk_by_chunk(tmp_path: Path) -> None:
    vault, _code = Vault.create(
        tmp_path / "case.ekvault", "correct horse battery", kdf=KdfParams.insecure_fast()
    )
    original = tmp_path / "statement.bin"
    original.write_bytes(bytes(range(256)) * 9000)  # more than one stored chunk
    with vault:
        (result,) = list(add_paths(vault, [original]))
        (stored,) = result.items
        with vault.original_reader() as reader:
            pieces = list(reader.chunks(stored.id))
            assert list(reader.chunks(stored.id + 1000)) == []
    assert len(pieces) > 1 and b"".join(pieces) == original.read_bytes()
