"""A mixed batch through the real `add` path: recognised by content, parsed, linked, reported.

Every kind of bad input gets a warning naming the file, and its original is still stored
byte-exact as a plain file; nothing is ever written outside the vault.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zipfile
import zlib
from pathlib import Path

from evidence_kit.importers.batch import add_paths
from evidence_kit.vault import Vault
from tests.functional.fixtures import email_with_attachment, photo_with_exif, screenshot, whatsapp_zip


def _by_name(vault: Vault) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for item in vault.items():
        found.setdefault(item.original_name, []).append(item.id)
    return found


def _original(vault: Vault, item_id: int) -> bytes:
    return b"".join(vault.iter_original(item_id))


def test_mixed_batch(tmp_path: Path, vault: Vault) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    screenshot(folder / "shot.png", "#ffffff")
    photo_with_exif(folder / "photo.jpg")
    chat, photo_bytes = whatsapp_zip(folder / "WhatsApp Chat with Mark.zip")
    email_with_attachment(folder / "threat.eml")
    results = list(add_paths(vault, [folder], note="from the phone"))
    by_path = {Path(r.path).name: r for r in results}
    assert {name: r.recognised_as for name, r in by_path.items()} == {
        "WhatsApp Chat with Mark.zip": "whatsapp",
        "threat.eml": "email",
        "photo.jpg": "image",
        "shot.png": "image",
    }
    assert all(r.error is None for r in results)
    names = _by_name(vault)
    # Originals byte-exact, including the export and the files it carried.
    for name, path in (("shot.png", folder / "shot.png"), ("WhatsApp Chat with Mark.zip", chat)):
        assert _original(vault, names[name][0]) == path.read_bytes()
    attachment_id = names["IMG-20261004-WA0001.jpg"][0]
    assert _original(vault, attachment_id) == photo_bytes
    chat_id = names["WhatsApp Chat with Mark.zip"][0]
    assert vault.item(attachment_id).parent_id == chat_id
    assert vault.item(chat_id).kind == "chat"

    stored = vault.conversation(chat_id)
    assert stored is not None
    conversation, links, missing = stored
    assert links == {"IMG-20261004-WA0001.jpg": attachment_id}
    assert missing == ("IMG-20261004-WA0002.jpg",)
    assert [m.text for m in conversation.messages][:3] == [
        "Why are you not answering?",
        "I know where you work.\nI will wait outside tomorrow.",
        "Leave me alone.",
    ]
    assert any(
        "missing" in w.code and "IMG-20261004-WA0002.jpg" in w.format()
        for w in by_path["WhatsApp Chat with Mark.zip"].warnings
    )
    assert by_path["WhatsApp Chat with Mark.zip"].message_count == 6

    # The image: thumbnail and evidence EXIF as derived data, the EXIF time as a content time.
    photo_id = names["photo.jpg"][0]
    info = json.loads(vault.derived(photo_id, "image_info") or b"{}")
    assert (info["width"], info["height"]) == (800, 600)
    assert ["Make", "FictionalPhone Inc."] in info["exif"]
    content = [t for t in vault.item(photo_id).times if t.source == "content"]
    assert len(content) == 1 and content[0].offset_minutes == 120
    assert content[0].utc is not None and content[0].utc.isoformat() == "2026-10-05T19:14:09+00:00"
    thumbnail = vault.derived(photo_id, "thumbnail")
    assert thumbnail is not None and thumbnail[:3] in (b"\x89PN", b"\xff\xd8\xff")

    # The e-mail: one message, its attachment stored and linked.
    email_id = names["threat.eml"][0]
    email_stored = vault.conversation(email_id)
    assert email_stored is not None
    email_conv, email_links, _ = email_stored
    assert [m.sender_id for m in email_conv.messages] == ["throwaway@example.net"]
    assert email_links == {"map.pdf": names["map.pdf"][0]}
    assert _original(vault, names["map.pdf"][0]) == b"%PDF-1.4 fictional\n"
    assert vault.verify(record=False).ok


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def _zip_bomb(path: Path) -> None:
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("_chat.txt", "w", force_zip64=True) as member,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(16):  # 16 MiB of zeros in ~16 KiB: a ratio of 1000:1
            member.write(block)


def test_bad_input_is_reported_and_kept(tmp_path: Path, vault: Vault) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "garbage.txt").write_bytes(os.urandom(4096) + b"\x00\xff" * 100)
    (bad / "invalid utf8 chat.txt").write_bytes(
        b"03/10/2026, 23:05 - Mark: hello \xff\xfe broken\n03/10/2026, 23:06 - Mark: more\n"
    )
    chat, _photo = whatsapp_zip(tmp_path / "whole.zip")
    data = chat.read_bytes()
    (bad / "truncated export.zip").write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(bad / "escape.zip", "w") as archive:
        archive.writestr("../../outside.txt", "03/10/2026, 23:05 - Mark: out\n")
        archive.writestr("/etc/absolute.txt", "x")
        archive.writestr("_chat.txt", "03/10/2026, 23:05 - Mark: IMG-1.jpg (file attached)\n")
    _zip_bomb(bad / "bomb.zip")
    (bad / "bomb picture.png").write_bytes(_png_declaring(30000, 30000))
    big_line = bad / "one long line.txt"
    with open(big_line, "wb") as handle:
        handle.write(b"03/10/2026, 23:05 - Mark: ")
        handle.write(b"a" * (50 * 1024 * 1024))
    (tmp_path / "no header line.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    results = {Path(r.path).name: r for r in add_paths(vault, [bad], forced_format=None)}
    forced = {
        Path(r.path).name: r
        for r in add_paths(
            vault,
            [
                bad / "garbage.txt",
                bad / "bomb.zip",
                bad / "truncated export.zip",
                tmp_path / "no header line.txt",
            ],
            forced_format="whatsapp",
        )
    }
    everything = list(results.values()) + list(forced.values())
    assert all(r.error is None for r in everything), [(r.path, r.error) for r in everything]
    # Every file is stored byte-exact, bad or not.
    stored = {hashlib.sha256(b"".join(vault.iter_original(i.id))).hexdigest() for i in vault.items()}
    for file in bad.iterdir():
        assert hashlib.sha256(file.read_bytes()).hexdigest() in stored, file.name

    def warned(result_name: str, source: dict[str, object]) -> list[str]:
        result = source[result_name]
        return [w.format() for w in result.warnings]  # type: ignore[attr-defined]

    assert any("empty.txt" in text for text in warned("empty.txt", results))
    assert any("garbage.txt" in text for text in warned("garbage.txt", results))
    assert any("U+FFFD" in text for text in warned("invalid utf8 chat.txt", results))
    assert any(
        "bomb picture.png" in text and "decompression bomb" in text
        for text in warned("bomb picture.png", results)
    )
    assert results["bomb picture.png"].recognised_as == "file"
    for name in ("garbage.txt", "bomb.zip", "truncated export.zip", "no header line.txt"):
        assert name in forced, sorted(forced)
        assert forced[name].recognised_as == "file"
        assert any(name in text and "plain file" in text for text in warned(name, forced)), warned(
            name, forced
        )
    escape = warned("escape.zip", results)
    assert any("outside the archive" in text for text in escape)
    assert not (tmp_path / "outside.txt").exists() and not Path("/etc/absolute.txt").exists()
    assert vault.verify(record=False).ok
