"""Duplicate imports (`importers/duplicates.py`): never silent; kept with a note, or skipped on request.

Both policies through `add_paths`, a duplicate of a file an export carried, the same file twice in
one batch, and the vault consistent afterwards (custody chain, stored bytes). Fictional data.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_kit import i18n
from evidence_kit.cli import main
from evidence_kit.importers.batch import Duplicates, add_paths
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from tests.helpers import cli_env

PHOTO = b"\xff\xd8\xff\xe0" + b"fictional screenshot bytes " * 40 + b"\xff\xd9"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(
        tmp_path / "case.ekvault", "correct horse battery", case_title="Dupes", kdf=KdfParams.insecure_fast()
    )
    yield opened
    opened.close()


def _file(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _added_events(vault: Vault) -> list[dict[str, str]]:
    return [dict(e.data) for e in vault.custody_log() if e.event_type == EventType.ITEM_ADDED]


def _consistent(vault: Vault) -> None:
    report = vault.verify()
    assert report.ok, report.problems
    for item in vault.items():
        assert hashlib.sha256(b"".join(vault.iter_original(item.id))).hexdigest() == item.sha256


def test_keep_stores_again_and_names_the_earlier_item(vault: Vault, tmp_path: Path) -> None:
    first = _file(tmp_path / "phone", "shot.jpg", PHOTO)
    second = _file(tmp_path / "laptop", "copy of shot.jpg", PHOTO)
    (one,) = add_paths(vault, [first])
    assert one.duplicate_of is None and one.error is None
    (again,) = add_paths(vault, [second])  # the default policy keeps it
    assert again.error is None and not again.skipped
    assert again.duplicate_of == one.items[0].id
    new_id = again.items[0].id
    assert new_id != one.items[0].id
    note = again.warnings[0]
    assert note.code == "already_in_vault"
    assert dict(note.params) == {"name": "copy of shot.jpg", "item": str(one.items[0].id), "new": str(new_id)}
    events = _added_events(vault)
    assert "duplicate_of" not in events[0]
    assert events[-1]["item"] == str(new_id) and events[-1]["duplicate_of"] == str(one.items[0].id)
    assert len(vault.items()) == 2
    _consistent(vault)


def test_skip_stores_nothing_and_says_which_item(vault: Vault, tmp_path: Path) -> None:
    first = _file(tmp_path / "phone", "shot.jpg", PHOTO)
    other = _file(tmp_path / "laptop", "other.txt", b"something else entirely\n")
    second = _file(tmp_path / "laptop", "shot again.jpg", PHOTO)
    (one,) = add_paths(vault, [first])
    events_before = len(vault.custody_log())
    results = list(add_paths(vault, [tmp_path / "laptop"], duplicates=Duplicates.SKIP))
    by_name = {Path(r.path).name: r for r in results}
    skipped = by_name[second.name]
    assert skipped.skipped and not skipped.failed and skipped.items == ()
    assert skipped.duplicate_of == one.items[0].id
    assert skipped.error == "{path} is already in the vault as item {item}; it was not added again."
    assert dict(skipped.error_params)["item"] == str(one.items[0].id)
    assert by_name[other.name].error is None and by_name[other.name].duplicate_of is None  # the rest goes in
    assert [i.original_name for i in vault.items()] == ["shot.jpg", "other.txt"]
    # Only the other file's event was added; the skipped file left no event and no chunks.
    assert len(vault.custody_log()) == events_before + 1
    _consistent(vault)


def test_same_file_twice_in_one_batch(vault: Vault, tmp_path: Path) -> None:
    a = _file(tmp_path / "a", "proof.jpg", PHOTO)
    b = _file(tmp_path / "b", "proof.jpg", PHOTO)
    kept = list(add_paths(vault, [a, b]))
    assert kept[0].duplicate_of is None and kept[1].duplicate_of == kept[0].items[0].id
    skipped = list(add_paths(vault, [a, b], duplicates=Duplicates.SKIP))
    assert [r.duplicate_of for r in skipped] == [kept[0].items[0].id] * 2
    assert all(r.skipped for r in skipped)
    assert len(vault.items()) == 2
    _consistent(vault)


def _whatsapp_zip(photo: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "_chat.txt",
            "[15/01/2024, 21:05:12] Anna de Vries: "
            "\u200e<attached: 00000001-PHOTO-2024-01-15-21-05-12.jpg>\r\n"
            "[15/01/2024, 21:06:00] Anna de Vries: Fictional message\r\n",
        )
        archive.writestr("00000001-PHOTO-2024-01-15-21-05-12.jpg", photo)
    return buffer.getvalue()


def test_a_file_an_export_carried_counts_as_in_the_vault(vault: Vault, tmp_path: Path) -> None:
    export = _file(tmp_path, "WhatsApp Chat - Anna.zip", _whatsapp_zip(PHOTO))
    (chat,) = add_paths(vault, [export])
    assert chat.error is None
    photo_hash = hashlib.sha256(PHOTO).hexdigest()
    attachment = next(i for i in chat.items if i.parent_id is not None and i.sha256 == photo_hash)
    loose = _file(tmp_path / "saved", "photo.jpg", PHOTO)
    (skipped,) = add_paths(vault, [loose], duplicates=Duplicates.SKIP)
    assert skipped.skipped and skipped.duplicate_of == attachment.id
    (kept,) = add_paths(vault, [loose])
    assert kept.duplicate_of == attachment.id and kept.items[0].parent_id is None
    _consistent(vault)


def _cli(args: list[str]) -> object:
    with pytest.raises(SystemExit) as exited:
        main(args)
    return exited.value.code


def test_cli_names_duplicates_and_skips_them_on_request(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(i18n, "_current", "en")  # main() sets the language; put it back afterwards
    shot = _file(tmp_path / "in", "shot.jpg", PHOTO)
    (one,) = add_paths(vault, [shot])
    folder = vault.path
    vault.close()
    for key, value in cli_env(tmp_path, EVIDENCE_KIT_LANG="nl").items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("EVIDENCE_KIT_PASSPHRASE", "correct horse battery")
    assert _cli(["add", str(folder), str(shot), "--skip-duplicates"]) in (0, None)
    printed = capsys.readouterr().err
    assert f"staat al in de kluis als item {one.items[0].id}; niet nog eens toegevoegd" in printed
    assert "1 bestand stond al in de kluis en is niet nog eens toegevoegd" in printed
    assert _cli(["add", str(folder), str(shot)]) in (0, None)
    printed = capsys.readouterr().err
    assert f"staat al in de kluis als item {one.items[0].id}; het is nog eens opgeslagen als item" in printed
    assert "--skip-duplicates" in printed
    assert _cli(["add", "--help"]) in (0, None)
    helped = " ".join(capsys.readouterr().out.split())  # argparse wraps the help
    assert "--skip-duplicates" in helped
    assert "laat bestanden weg waarvan de bytes al in de kluis staan" in helped
    reopened = Vault.open(folder, "correct horse battery")
    try:
        assert len(reopened.items()) == 2
    finally:
        reopened.close()
