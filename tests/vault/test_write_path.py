"""The write path's shortcuts must not change what the vault says.

- `add_stream` / `add_export` build the returned summaries from what they wrote instead of
  reading them back: they must equal what `item()` reads later.
- New vaults use 32 KiB pages and HMAC-SHA256 and say so in keys.json; a vault whose keys.json
  predates the "hmac" field (SQLCipher's default HMAC-SHA512, 64 KiB pages) still opens, reads
  and verifies.
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from evidence_kit.domain import ItemKind, TimeSource, Timestamp
from evidence_kit.errors import VaultDamagedError
from evidence_kit.hashing import canonical_json, sha256_hex
from evidence_kit.storage.engine import CipherSettings
from evidence_kit.storage.keys import KeyFile
from evidence_kit.vault import KEY_FILE, NewChild, NewItem, Vault
from tests.vault.conftest import FAST, PASSPHRASE


def test_returned_summaries_equal_what_the_vault_reads_back(tmp_path: Path, vault: Vault) -> None:
    shown = Timestamp.from_aware(
        datetime(2024, 3, 9, 23, 59, 58, 123456, tzinfo=timezone(timedelta(hours=1))), TimeSource.CONTENT
    )
    wall_only = Timestamp(
        source=TimeSource.CONTENT, local=datetime(2024, 3, 10, 8, 0), assumption="time zone not stated"
    )
    meta = NewItem(
        original_name="chat 💬.txt",
        original_path="exports/chat 💬.txt",
        kind=ItemKind.CHAT,
        media_type="text/plain",
        note="first note",
        times=(shown, wall_only),
    )
    single = vault.add_stream(io.BytesIO(b"fictional line\n" * 1000), meta)
    assert single == vault.item(single.id)

    source = tmp_path / "photo.bin"
    source.write_bytes(b"\x00\x01" * 70_000)
    from_disk = vault.add_file(source, note="on disk")
    assert from_disk == vault.item(from_disk.id)
    assert from_disk.times[0].source == TimeSource.IMPORT_CLOCK
    assert from_disk.times[-1].source == TimeSource.FILE_METADATA

    def opener(data: bytes):  # type: ignore[no-untyped-def]
        return lambda: io.BytesIO(data)

    children = [
        NewChild(
            name=f"img{n}.jpg",
            open=opener(bytes([n]) * (n + 1) * 1000),
            meta=NewItem(f"img{n}.jpg", f"x/img{n}.jpg"),
        )
        for n in range(3)
    ]
    items, failures = vault.add_export(
        io.BytesIO(b"PK fictional export"), NewItem("export.zip", "export.zip"), children=children
    )
    assert failures == []
    assert len(items) == 4
    assert [i.parent_id for i in items[1:]] == [items[0].id] * 3
    for item in items:
        assert item == vault.item(item.id)
    assert vault.verify().ok


def test_new_vaults_record_their_cipher_settings(vault: Vault, vault_path: Path) -> None:
    database = json.loads((vault_path / KEY_FILE).read_text())["database"]
    assert database == {"cipher": "sqlcipher4", "page_size": 32768, "hmac": "HMAC_SHA256"}
    # The database really uses those pages: the file is a whole number of 32 KiB pages.
    vault.add_stream(io.BytesIO(b"y" * 100_000), NewItem("y.bin", "y.bin"))
    assert (vault_path / "vault.db").stat().st_size % 32768 == 0


def test_a_vault_from_before_the_hmac_field_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.ekvault"
    legacy = CipherSettings(page_size=65536, hmac_algorithm="HMAC_SHA512")
    vault, _code = Vault.create(path, PASSPHRASE, kdf=FAST, cipher=legacy)
    with vault:
        item = vault.add_stream(
            io.BytesIO(b"kept since the first release" * 5000), NewItem("old.txt", "old.txt")
        )
    # Rewrite keys.json the way the first release wrote it: no "hmac", checksum over the rest.
    document = json.loads((path / KEY_FILE).read_text())
    del document["checksum"]
    del document["database"]["hmac"]
    document["checksum"] = sha256_hex(canonical_json(document))
    (path / KEY_FILE).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    assert KeyFile.from_bytes((path / KEY_FILE).read_bytes(), path).cipher == legacy

    with Vault.open(path, PASSPHRASE) as reopened:
        assert b"".join(reopened.iter_original(item.id)) == b"kept since the first release" * 5000
        assert reopened.verify().ok


def test_an_unknown_cipher_setting_is_refused_not_passed_to_sqlcipher(tmp_path: Path) -> None:
    Vault.create(tmp_path / "x.ekvault", PASSPHRASE, kdf=FAST)[0].close()
    document = json.loads((tmp_path / "x.ekvault" / KEY_FILE).read_text())
    del document["checksum"]
    document["database"]["hmac"] = "HMAC_SHA256; ATTACH 'x' AS y"
    document["checksum"] = sha256_hex(canonical_json(document))
    (tmp_path / "x.ekvault" / KEY_FILE).write_text(json.dumps(document))
    with pytest.raises(VaultDamagedError, match=r"\(database\.hmac is missing or not valid\)"):
        Vault.open(tmp_path / "x.ekvault", PASSPHRASE)
