"""Originals come back byte-identical, with the SHA-256 that `sha256sum` computes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from evidence_kit.errors import OutputExistsError
from evidence_kit.vault import Vault
from tests.helpers import cli_env, run_cli

MIB = 1024 * 1024
SIZES = {"empty.bin": 0, "one.bin": 1, "exactly one MiB.bin": MIB, "one MiB plus one.bin": MIB + 1}
NAMES = ["emoji 😀👩🏽‍💻 name.txt", "rtl \u202egnp.exe", "spaces   in  name .txt", "Zażółć İı.txt"]


def _sha256sum(path: Path) -> str:
    out = subprocess.run(["sha256sum", str(path)], capture_output=True, check=True).stdout
    return out.split()[0].decode()


def _write_pseudo_random(path: Path, size: int, seed: int) -> None:
    """Deterministic, incompressible-looking bytes, written in 1 MiB pieces (no big buffers)."""
    block = hashlib.sha256(str(seed).encode()).digest() * (MIB // 32)
    with open(path, "wb") as handle:
        written = 0
        counter = 0
        while written < size:
            piece = bytes([counter % 251]) + block[1:]
            piece = piece[: size - written]
            handle.write(piece)
            written += len(piece)
            counter += 1


def test_sizes_and_names_round_trip_through_the_cli(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    source = tmp_path / "in"
    source.mkdir()
    for index, (name, size) in enumerate(SIZES.items()):
        _write_pseudo_random(source / name, size, index)
    for index, name in enumerate(NAMES):
        (source / name).write_bytes(f"content of {name} #{index}\n".encode())
    vault = tmp_path / "case.ekvault"
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env, check=True)
    run_cli(["add", str(vault), str(source)], env, check=True)
    listed = json.loads(run_cli(["list", str(vault), "--json"], env, check=True).stdout)
    assert sorted(item["original_name"] for item in listed) == sorted([*SIZES, *NAMES])
    out = tmp_path / "out"
    out.mkdir()
    for item in listed:
        target = out / f"{item['id']}.bin"
        run_cli(["extract", str(vault), str(item["id"]), str(target)], env, check=True)
        original = source / item["original_name"]
        assert target.read_bytes() == original.read_bytes()
        assert item["sha256"] == _sha256sum(original) == _sha256sum(target)
        assert item["size"] == original.stat().st_size
        assert {"id", "sha256", "size", "original_name", "imported_at_utc", "kind"} <= item.keys()
        sources = {t["source"] for t in item["times"]}
        assert sources == {"import_clock", "file_metadata"}


def test_300_mib_file_round_trips(tmp_path: Path, vault: Vault) -> None:
    big = tmp_path / "big video.mp4"
    _write_pseudo_random(big, 300 * MIB, 7)
    expected = _sha256sum(big)
    item = vault.add_file(big)
    assert item.sha256 == expected
    assert item.size == 300 * MIB
    big.unlink()  # room on disk, and proof that the copy comes from the vault
    target = tmp_path / "back.mp4"
    vault.extract(item.id, target)
    assert _sha256sum(target) == expected
    assert target.stat().st_size == 300 * MIB


def test_extract_never_overwrites(tmp_path: Path, vault: Vault) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"abc")
    item = vault.add_file(source)
    existing = tmp_path / "existing.txt"
    existing.write_bytes(b"keep me")
    with pytest.raises(OutputExistsError):
        vault.extract(item.id, existing)
    assert existing.read_bytes() == b"keep me"


def test_file_modification_time_is_kept_with_its_source(tmp_path: Path, vault: Vault) -> None:
    source = tmp_path / "old.txt"
    source.write_bytes(b"x")
    os.utime(source, (1_700_000_000, 1_700_000_000))
    item = vault.add_file(source)
    file_time = next(t for t in item.times if t.source == "file_metadata")
    assert file_time.utc is not None and int(file_time.utc.timestamp()) == 1_700_000_000
    imported = item.imported_at
    assert (
        imported.source == "import_clock" and imported.utc is not None and imported.offset_minutes is not None
    )
