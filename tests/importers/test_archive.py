"""The zip reader: members listed and read in memory, hostile archives refused with typed errors."""

from __future__ import annotations

import io
import struct
import time
import warnings
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.errors import EvidenceKitError, ImportFormatError
from evidence_kit.importers.archive import (
    GIB,
    MIB,
    ArchiveBombError,
    ArchiveError,
    ArchiveLimitError,
    ArchiveLimits,
    BoundedStream,
    CorruptArchiveError,
    ZipArchive,
    is_unsafe_name,
)


def build_zip(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 15, 21, 5, 12))
            info.compress_type = method
            archive.writestr(info, data)
    return buffer.getvalue()


def patch_sizes(data: bytes, *, uncompressed: int) -> bytes:
    """Rewrite every declared uncompressed size (local headers and central directory)."""
    patched = bytearray(data)
    offset = 0
    while (offset := patched.find(b"PK\x03\x04", offset)) >= 0:
        struct.pack_into("<I", patched, offset + 22, uncompressed)
        offset += 4
    offset = 0
    while (offset := patched.find(b"PK\x01\x02", offset)) >= 0:
        struct.pack_into("<I", patched, offset + 24, uncompressed)
        offset += 4
    return bytes(patched)


def test_lists_and_reads_members_in_memory() -> None:
    data = build_zip({"_chat.txt": b"hello", "media/IMG-0001.jpg": b"\xff\xd8jpeg", "folder/": b""})
    with ZipArchive(data, display_name="export.zip") as archive:
        assert [(m.name, m.size, m.is_dir, m.unsafe_name) for m in archive.members] == [
            ("_chat.txt", 5, False, False),
            ("media/IMG-0001.jpg", 6, False, False),
            ("folder/", 0, True, False),
        ]
        assert archive.members[0].modified == datetime(2024, 1, 15, 21, 5, 12)
        assert archive.warnings == ()
        assert archive.read("_chat.txt", max_size=100) == b"hello"
        assert archive.read("media/IMG-0001.jpg", max_size=100) == b"\xff\xd8jpeg"


def test_reads_from_a_path_too(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(build_zip({"a.txt": b"from disk"}))
    with ZipArchive(path) as archive:
        assert archive.read("a.txt", max_size=100) == b"from disk"


def test_opener_gives_fresh_bounded_streams_after_close(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    payload = bytes(range(256)) * 1000
    path.write_bytes(build_zip({"video.mp4": payload}))
    with ZipArchive(path) as archive:
        opener = archive.opener("video.mp4")
    first = opener()
    second = opener()
    assert first.read(10) == payload[:10]
    assert second.read() == payload
    assert first.read() == payload[10:]
    first.close()
    second.close()
    assert first.closed


@pytest.mark.parametrize(
    ("name", "unsafe"),
    [
        ("../evil.txt", True),
        ("a/../../evil.txt", True),
        ("/etc/passwd", True),
        ("C:\\Windows\\evil.txt", True),
        ("..\\evil.txt", True),
        ("", True),
        ("normal/..hidden.txt", False),
        ("IMG-20240115-WA0001.jpg", False),
    ],
)
def test_unsafe_names(name: str, unsafe: bool) -> None:
    assert is_unsafe_name(name) is unsafe


def test_traversal_and_absolute_names_are_flagged_but_nothing_is_written(tmp_path: Path) -> None:
    data = build_zip({"../../escaped.txt": b"x", "/abs/root.txt": b"y", "ok.txt": b"z"})
    before = sorted(tmp_path.rglob("*"))
    with ZipArchive(data, display_name="crafted.zip") as archive:
        assert [w.code for w in archive.warnings] == ["archive_unsafe_name", "archive_unsafe_name"]
        assert [w.format() for w in archive.warnings] == [
            "The archive holds a member named ../../escaped.txt, which points outside the archive; "
            "it was read in memory only and nothing was written to disk.",
            "The archive holds a member named /abs/root.txt, which points outside the archive; "
            "it was read in memory only and nothing was written to disk.",
        ]
        assert archive.read("../../escaped.txt", max_size=10) == b"x"
        assert archive.read("/abs/root.txt", max_size=10) == b"y"
        assert [(m.name, m.unsafe_name) for m in archive.members] == [
            ("../../escaped.txt", True),
            ("/abs/root.txt", True),
            ("ok.txt", False),
        ]
    assert sorted(tmp_path.rglob("*")) == before
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_a_1_kib_zip_claiming_10_gib_is_refused_quickly() -> None:
    # Three members each claiming 0xFFFFFFFE bytes: about 12 GiB declared in well under 1 KiB.
    small = build_zip({f"part{i}.bin": b"\0" * 100 for i in range(3)})
    bomb = patch_sizes(small, uncompressed=0xFFFFFFFE)
    assert len(bomb) < 1024
    started = time.perf_counter()
    with pytest.raises(ArchiveBombError) as caught:
        ZipArchive(bomb, display_name="bomb.zip")
    assert time.perf_counter() - started < 1.0
    assert str(caught.value).startswith(
        "bomb.zip was not unpacked because it looks like a zip bomb: member part0.bin"
    )
    assert caught.value.params["path"] == "bomb.zip"


def test_a_lying_member_is_stopped_while_streaming() -> None:
    # 20 MiB of zeros compress to ~20 KiB; the directory is patched to claim only 1 KiB, so the
    # declared numbers pass every check and only the stream can notice.
    honest = build_zip({"zeros.bin": b"\0" * (20 * MIB)})
    lying = patch_sizes(honest, uncompressed=1024)
    started = time.perf_counter()
    with ZipArchive(lying, display_name="liar.zip") as archive:
        assert archive.members[0].size == 1024
        with pytest.raises(CorruptArchiveError) as caught:
            archive.read("zeros.bin", max_size=10 * MIB)
    assert time.perf_counter() - started < 2.0
    assert "liar.zip is a damaged or truncated zip archive: member zeros.bin" in str(caught.value)


def test_declared_ratio_over_the_limit_is_a_bomb() -> None:
    data = build_zip({"zeros.bin": b"\0" * (8 * MIB)})  # ratio about 1000:1
    with pytest.raises(ArchiveBombError, match="claims 8388608 bytes from"):
        ZipArchive(data, display_name="z.zip")
    # The same archive passes when the limits allow it.
    with ZipArchive(data, limits=ArchiveLimits(max_ratio=2000)) as archive:
        assert len(archive.read("zeros.bin", max_size=8 * MIB)) == 8 * MIB


def test_stream_guard_counts_real_bytes() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
            view = memoryview(buffer)
            view[:] = b"\0" * len(view)
            return len(view)

    stream = BoundedStream(
        io.BufferedReader(Endless()), limit=1000, ratio_limit=10**9,
        path="x.zip", format_name="zip", member="m",
    )
    assert len(stream.read(1000)) == 1000
    with pytest.raises(ArchiveBombError, match="member m produces more bytes than it may"):
        stream.read(10)
    ratio = BoundedStream(
        io.BufferedReader(Endless()), limit=10**9, ratio_limit=500,
        path="x.zip", format_name="zip", member="m",
    )
    with pytest.raises(ArchiveBombError, match="expands far beyond its compressed size"):
        ratio.read(501)


def test_member_and_total_limits() -> None:
    data = build_zip({"a.bin": b"a" * 3000, "b.bin": b"b" * 3000}, method=zipfile.ZIP_STORED)
    with pytest.raises(ArchiveLimitError, match=r"member a\.bin claims 3000 bytes"):
        ZipArchive(data, limits=ArchiveLimits(max_member_size=2000))
    with pytest.raises(ArchiveLimitError, match="its members claim 6000 bytes in all"):
        ZipArchive(data, limits=ArchiveLimits(max_total_size=5000))
    with pytest.raises(ArchiveLimitError, match="2 members"):
        ZipArchive(data, limits=ArchiveLimits(max_members=1))
    with ZipArchive(data) as archive, pytest.raises(ArchiveLimitError, match=r"member a\.bin is 3000 bytes"):
        archive.read("a.bin", max_size=100)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"PK\x03\x04",
        b"not a zip at all" * 100,
        build_zip({"a.txt": b"hello world" * 100})[:-30],  # cut inside the central directory
        build_zip({"a.txt": b"hello world" * 100})[:60],
    ],
    ids=["empty", "magic-only", "text", "truncated-directory", "truncated-early"],
)
def test_damaged_archives_are_a_typed_error(data: bytes) -> None:
    with pytest.raises(CorruptArchiveError) as caught:
        ZipArchive(data, display_name="broken.zip", format_name="whatsapp")
    assert caught.value.params["format"] == "whatsapp"
    assert str(caught.value).startswith("broken.zip is a damaged or truncated zip archive: ")


def test_corrupt_member_data_is_a_typed_error() -> None:
    data = bytearray(build_zip({"a.txt": b"hello world " * 500}))
    start = data.find(b"a.txt") + len("a.txt")
    data[start + 5 : start + 40] = b"\xff" * 35  # damage the deflate stream
    with ZipArchive(bytes(data)) as archive, pytest.raises(CorruptArchiveError):
        archive.read("a.txt", max_size=MIB)


def test_unsupported_compression_is_a_typed_error() -> None:
    data = bytearray(build_zip({"a.txt": b"hello"}, method=zipfile.ZIP_STORED))
    for marker, field in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        offset = data.find(marker)
        struct.pack_into("<H", data, offset + field, 99)  # AES / unknown method
    with ZipArchive(bytes(data)) as archive, pytest.raises(CorruptArchiveError, match=r"member a\.txt"):
        archive.read("a.txt", max_size=100)


def test_errors_are_import_format_errors_with_english_templates() -> None:
    for cls in (ArchiveError, CorruptArchiveError, ArchiveBombError, ArchiveLimitError):
        assert issubclass(cls, ImportFormatError)
        assert issubclass(cls, EvidenceKitError)
        assert "{path}" in cls.template and "{detail}" in cls.template
    error = ArchiveLimitError(path="a.zip", format="zip", detail="too many")
    assert str(error) == "a.zip was not unpacked because it exceeds a safety limit: too many"


def test_default_limits_accept_a_large_media_export() -> None:
    limits = ArchiveLimits()
    assert limits.max_member_size >= 2 * GIB  # WhatsApp sends files up to 2 GB
    # Random-looking media barely compresses: an honest 5 MiB member passes.
    noise = zlib.compress(bytes(range(256)) * 4) * 1  # varied bytes, not all zeros
    payload = (noise * (5 * MIB // len(noise) + 1))[: 5 * MIB]
    with ZipArchive(build_zip({"VID-1.mp4": payload}, method=zipfile.ZIP_STORED)) as archive:
        assert archive.read("VID-1.mp4", max_size=10 * MIB) == payload


def test_member_openers_share_one_reopened_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading n members opens the archive twice in all, not n + 1 times (n² central-directory work)."""
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for n in range(60):
            zf.writestr(f"IMG-{n:04d}.jpg", bytes([n]) * (n + 1))
    opened: list[object] = []
    real = zipfile.ZipFile

    def counting(*args: object, **kwargs: object) -> zipfile.ZipFile:
        opened.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile, "ZipFile", counting)
    with ZipArchive(path) as archive:
        openers = {m.name: archive.opener(m.name) for m in archive.members}
    # Read after the archive was closed, as the vault does with an export's children.
    for n, (name, opener) in enumerate(sorted(openers.items())):
        with opener() as stream:
            assert stream.read() == bytes([n]) * (n + 1), name
    assert len(opened) == 2


def test_two_entries_of_one_name_are_each_read_by_their_entry() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name" is the point here
        handle.writestr("photo.jpg", b"the first entry")
        handle.writestr("other.txt", b"between them")
        handle.writestr("photo.jpg", b"the second, appended entry")
    with ZipArchive(buffer.getvalue(), display_name="twice.zip") as archive:
        photos = [m for m in archive.members if m.name == "photo.jpg"]
        assert [m.index for m in photos] == [0, 2]
        read = [archive.read(m, max_size=MIB) for m in photos]
        assert read == [b"the first entry", b"the second, appended entry"]
        with archive.opener(photos[1])() as stream:
            assert stream.read() == b"the second, appended entry"
        assert archive.member("photo.jpg") == photos[0]  # a bare name means the first entry
        assert archive.read("photo.jpg", max_size=MIB) == b"the first entry"
        assert [(w.code, dict(w.params)) for w in archive.warnings] == [
            ("archive_duplicate_name", {"count": "2", "name": "photo.jpg"})
        ]
    # Openers stay valid after close and still read their own entry.
    assert archive.opener(photos[0])().read() == b"the first entry"
