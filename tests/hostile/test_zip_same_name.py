"""A chat export zip holding one name twice, with different bytes, through `add`.

Each entry is stored with its own bytes (read by its entry, not looked up by name), the report
warns that the archive holds the name twice and which item the message is linked to, and the
chat's link goes to the first entry (see `importers/reading.py`, `links_by_name`).
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import warnings
import zipfile
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from evidence_kit.domain import AttachmentRef, Conversation, EmbeddedFile, Message, ParsedExport
from evidence_kit.importers import registry
from evidence_kit.importers.reading import OriginalReader
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from tests.functional.fixtures import WHATSAPP_LINES
from tests.helpers import run_cli
from tests.hostile.conftest import add, assert_verify_passes, items, original

PHOTO = "IMG-20261004-WA0001.jpg"


def _jpeg(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def test_two_members_of_one_name_are_both_stored_with_their_own_bytes(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    first, second = _jpeg("#aa3333"), _jpeg("#3333aa")
    assert first != second
    export = tmp_path / "WhatsApp Chat with Mark Fictief.zip"
    with zipfile.ZipFile(export, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns "Duplicate name": that is the point
        archive.writestr("WhatsApp Chat with Mark Fictief.txt", "\n".join(WHATSAPP_LINES) + "\n")
        archive.writestr(PHOTO, first)
        archive.writestr(PHOTO, second)
    other = tmp_path / "notes.txt"
    other.write_bytes(b"the rest of the batch\n")

    result = add(vault, [export, other], env)

    assert result.returncode == 0, result.stderr
    listed = items(vault, env)
    chat = next(i for i in listed if i["original_name"] == export.name)
    photos = sorted((i for i in listed if i["original_name"] == PHOTO), key=lambda i: int(str(i["id"])))
    assert len(photos) == 2 and all(p["parent_id"] == chat["id"] for p in photos)
    for item, data in zip(photos, (first, second), strict=True):
        assert item["sha256"] == hashlib.sha256(data).hexdigest()
        assert original(vault, item["id"], env, tmp_path / f"photo-{item['id']}.jpg") == data
    assert original(vault, chat["id"], env, tmp_path / "chat.zip") == export.read_bytes()
    notes = next(i for i in listed if i["original_name"] == "notes.txt")
    assert original(vault, notes["id"], env, tmp_path / "notes-out.txt") == other.read_bytes()

    assert f"The archive holds 2 entries named {PHOTO}. Each was read from its own entry" in result.stderr
    first_id, second_id = photos[0]["id"], photos[1]["id"]
    assert (
        f"2 attached files are named {PHOTO}; each is stored as its own item ({first_id}, {second_id}). "
        f"Messages that name {PHOTO} are linked to the first, item {first_id}"
    ) in result.stderr
    shown = run_cli(["messages", str(vault), str(chat["id"]), "--json"], env, check=True)
    messages = json.loads(shown.stdout)
    linked = [a["item_id"] for m in messages for a in m["attachments"] if a["name"] == PHOTO]
    assert linked == [first_id]
    assert_verify_passes(vault, env)


def test_a_telegram_zip_takes_the_first_entry_of_a_name_and_warns(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    """Telegram keeps only the files messages name: the first entry is read by its entry (not the
    last, which a lookup by name would give), and the other stays inside the stored zip."""
    doc = {
        "messages": [
            {"id": 1, "type": "message", "date": "2026-01-01T00:00:00", "from": "A", "photo": "photos/p.jpg"}
        ]
    }
    first, second = _jpeg("#33aa33"), _jpeg("#aaaa33")
    export = tmp_path / "telegram-export.zip"
    with zipfile.ZipFile(export, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        archive.writestr("result.json", json.dumps(doc))
        archive.writestr("photos/p.jpg", first)
        archive.writestr("photos/p.jpg", second)

    result = add(vault, [export], env, ("--as", "telegram"))

    assert result.returncode == 0, result.stderr
    assert "The archive holds 2 entries named photos/p.jpg." in result.stderr
    listed = items(vault, env)
    assert sorted(str(i["original_name"]) for i in listed) == ["p.jpg", export.name]
    photo = next(i for i in listed if i["original_name"] == "p.jpg")
    assert original(vault, photo["id"], env, tmp_path / "photo.jpg") == first
    chat = next(i for i in listed if i["original_name"] == export.name)
    assert original(vault, chat["id"], env, tmp_path / "export.zip") == export.read_bytes()
    assert_verify_passes(vault, env)


def test_attachments_of_one_name_and_an_unreadable_one_in_any_export(tmp_path: Path) -> None:
    """Not only zips: two e-mail attachments called image001.png are both stored and the
    message links to the first; an attachment that cannot be read is named, not its key."""
    source = tmp_path / "mail.eml"
    source.write_bytes(b"From: someone\n\nfictional\n")

    def unreadable() -> BinaryIO:
        raise PermissionError(errno.EACCES, "Permission denied")

    parsed = ParsedExport(
        conversation=Conversation(
            platform="email",
            messages=(Message("A", "see the pictures", attachments=(AttachmentRef("image001.png"),)),),
        ),
        files=(
            EmbeddedFile("image001.png", open=lambda: io.BytesIO(b"first picture")),
            EmbeddedFile("broken.png", open=unreadable),
            EmbeddedFile("image001.png", open=lambda: io.BytesIO(b"second picture")),
        ),
    )
    fast = KdfParams.insecure_fast()
    vault, _code = Vault.create(tmp_path / "case.ekvault", "correct horse battery", kdf=fast)
    with vault:
        stored_first = vault.add_file(source)
        reader = OriginalReader(vault, "", None, lambda _count: None)
        recognition = registry.Recognition(source, "email", None)
        result = reader.record_export(stored_first, source, recognition, parsed, [])
        parent, *children = result.items
        stored = [b"".join(vault.iter_original(c.id)) for c in children]
        assert stored == [b"first picture", b"second picture"]
        document = vault.conversation(parent.id)
    assert document is not None
    _conversation, links, _missing = document
    assert links == {"image001.png": children[0].id}
    shown = [w.format() for w in result.warnings]
    unreadable_text = "The attached file broken.png could not be stored: Could not read broken.png: "
    assert unreadable_text + "Permission denied" in shown
    assert any(text.startswith("2 attached files are named image001.png") for text in shown)
