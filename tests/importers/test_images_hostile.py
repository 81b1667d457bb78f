"""Images: hostile and broken files are refused with a typed result; the original is only read."""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from evidence_kit.domain import ParseWarning
from evidence_kit.importers.images import (
    ImageAnalysis,
    ImageUnreadable,
    analyse_image,
)

from .image_fixtures import (
    _encode,
    _exif,
    _opener,
    _picture,
)

# --- hostile and broken files ---------------------------------------------------------------


def _png_declaring(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


TOO_LARGE = (
    "{name} could not be read as an image: it declares {pixels} pixels, more than the safety limit of "
    "{limit}; it may be a decompression bomb. The file itself is kept unchanged."
)


def test_decompression_bomb_guard_is_on_at_its_default() -> None:
    assert Image.MAX_IMAGE_PIXELS == 89_478_485


def test_decompression_bomb_is_refused() -> None:
    bomb = _png_declaring(30000, 30000)
    assert len(bomb) < 100
    result = analyse_image(_opener(bomb), "bom.png")
    assert result == ImageUnreadable(
        ParseWarning(
            "image_too_large",
            TOO_LARGE,
            (("name", "bom.png"), ("pixels", "900000000"), ("limit", "89478485")),
        )
    )
    assert result.reason == (
        "bom.png could not be read as an image: it declares 900000000 pixels, more than the safety limit of "
        "89478485; it may be a decompression bomb. The file itself is kept unchanged."
    )


def test_image_between_the_warning_and_the_error_limit_is_refused_too() -> None:
    with pytest.warns(Image.DecompressionBombWarning):
        result = analyse_image(_opener(_png_declaring(10000, 10000)), "groot.png")
    assert result == ImageUnreadable(
        ParseWarning(
            "image_too_large",
            TOO_LARGE,
            (("name", "groot.png"), ("pixels", "100000000"), ("limit", "89478485")),
        ),
        "PNG",
    )


def test_bomb_warning_made_an_error_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        result = analyse_image(_opener(_png_declaring(10000, 10000)), "groot.png")
    assert isinstance(result, ImageUnreadable)
    assert result.warning.code == "image_too_large"
    assert dict(result.warning.params)["pixels"] == "100000000"


def test_truncated_jpeg() -> None:
    data = _encode(Image.effect_noise((400, 300), 60).convert("RGB"), "JPEG", quality=95)
    result = analyse_image(_opener(data[: len(data) // 2]), "half.jpg")
    assert isinstance(result, ImageUnreadable)
    assert result.format == "JPEG"
    assert result.warning.code == "image_unreadable"
    assert result.reason.startswith("half.jpg could not be read as an image: image file is truncated")


UNSUPPORTED = (
    "{name} could not be read as an image: it is not a PNG, JPEG, HEIC/HEIF, AVIF, WebP, GIF, TIFF "
    "or BMP image, or it is damaged."
)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("garbage.png", bytes(range(256)) * 16),
        ("leeg.png", b""),
        ("tekst.jpg", "Hoi Anna 👋🏿".encode()),
        (
            "vector.eps",
            b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",
        ),  # would run Ghostscript
        ("icon.ico", None),
    ],
)
def test_not_an_image_we_read(name: str, data: bytes | None, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def no_programs(*args: object, **kwargs: object) -> None:
        raise AssertionError("no outside program may run")

    monkeypatch.setattr(subprocess, "Popen", no_programs)
    payload = data if data is not None else _encode(_picture((16, 16)), "ICO")
    result = analyse_image(_opener(payload), name)
    assert result == ImageUnreadable(ParseWarning("image_unreadable", UNSUPPORTED, (("name", name),)))


# --- the original is only read; nothing is written anywhere ------------------------------------

FORMATS: list[tuple[str, Callable[[], bytes]]] = [
    ("a.png", lambda: _encode(_picture((900, 700)), "PNG", exif=_exif())),
    ("a.jpg", lambda: _encode(_picture((900, 700)), "JPEG", exif=_exif(orientation=8))),
    ("a.heic", lambda: _encode(_picture((900, 700)), "HEIF", exif=_exif())),
    ("a.webp", lambda: _encode(_picture((900, 700)), "WEBP", exif=_exif())),
    ("a.gif", lambda: _encode(_picture((900, 700)), "GIF")),
    ("a.tif", lambda: _encode(_picture((900, 700)), "TIFF")),
    ("a.bmp", lambda: _encode(_picture((900, 700)), "BMP")),
    ("a.avif", lambda: _encode(_picture((900, 700)), "AVIF", exif=_exif())),
]


@contextlib.contextmanager
def _writes_forbidden(scratch: Path) -> Iterator[None]:
    """Any temporary file, or any file opened for writing, fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary file was requested")

    real_open = builtins.open
    real_os_open = os.open

    def read_only_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            raise AssertionError(f"opened for writing: {file!r}")
        return real_open(file, mode, *args, **kwargs)

    def read_only_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise AssertionError(f"opened for writing: {path!r}")
        return real_os_open(path, flags, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(scratch))
        for function in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"):
            patch.setattr(tempfile, function, refuse)
        patch.setattr(builtins, "open", read_only_open)
        patch.setattr(io, "open", read_only_open)
        patch.setattr(os, "open", read_only_os_open)
        yield


@pytest.mark.parametrize(("name", "make"), FORMATS, ids=[f[0] for f in FORMATS])
def test_original_is_only_read_and_no_temp_file_is_made(
    tmp_path: Path, name: str, make: Callable[[], bytes]
) -> None:
    original = tmp_path / name
    original.write_bytes(make())
    before = (hashlib.sha256(original.read_bytes()).hexdigest(), original.stat().st_mtime_ns)
    opened: list[BinaryIO] = []

    def open_stream() -> BinaryIO:
        stream = original.open("rb")
        opened.append(stream)
        return stream

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with _writes_forbidden(scratch):
        result = analyse_image(open_stream, name)
    assert isinstance(result, ImageAnalysis), result
    assert max(result.thumbnail.width, result.thumbnail.height) == 512
    assert (hashlib.sha256(original.read_bytes()).hexdigest(), original.stat().st_mtime_ns) == before
    assert [stream.closed for stream in opened] == [True]
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "scratch"])


def test_the_write_guard_itself_works(tmp_path: Path) -> None:
    with _writes_forbidden(tmp_path), pytest.raises(AssertionError, match="temporary"):
        tempfile.TemporaryFile()  # noqa: SIM115
    with _writes_forbidden(tmp_path), pytest.raises(AssertionError, match="writing"):
        open(tmp_path / "x", "wb")  # noqa: SIM115


class _OneWayStream(io.RawIOBase):
    """A stream that cannot seek, like a pipe or a decrypting reader."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: Any) -> int:
        return self._inner.readinto(buffer)


def test_a_stream_that_cannot_seek_gives_the_same_result() -> None:
    data = _encode(_picture((640, 480)), "JPEG", exif=_exif(orientation=3))
    seekable = analyse_image(_opener(data), "x.jpg")
    one_way = analyse_image(lambda: io.BufferedReader(_OneWayStream(data)), "x.jpg")
    assert one_way == seekable


# --- fuzz: nothing but our two result types, whatever the bytes ---------------------------------

_VALID = [
    _encode(_picture((40, 30)), "PNG", exif=_exif()),
    _encode(_picture((40, 30)), "JPEG", exif=_exif(orientation=6)),
    _encode(_picture((40, 30)), "GIF"),
    _encode(_picture((40, 30)), "WEBP", exif=_exif()),
    _encode(_picture((40, 30)), "TIFF"),
    _encode(_picture((40, 30)), "BMP"),
    _encode(_picture((40, 30)), "HEIF", exif=_exif()),
]


@st.composite
def _damaged(draw: st.DrawFn) -> bytes:
    """A valid small image with bytes flipped, cut or inserted: the inputs decoders trip over."""
    data = bytearray(draw(st.sampled_from(_VALID)))
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    cut = draw(st.integers(8, len(data)))
    return bytes(data[:cut])


_MAGIC_PREFIXES = st.sampled_from(
    [
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff\xe1",
        b"GIF89a",
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        b"II*\x00",
        b"MM\x00*",
        b"BM",
        b"\x00\x00\x00\x18ftypheic",
        b"\x00\x00\x00\x1cftypavif",
    ]
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=1024),
        _damaged(),
        st.tuples(_MAGIC_PREFIXES, st.binary(max_size=512)).map(lambda parts: parts[0] + parts[1]),
    )
)
def test_any_bytes_give_a_typed_result(data: bytes) -> None:
    result = analyse_image(_opener(data), "fuzz.png")
    assert isinstance(result, (ImageAnalysis, ImageUnreadable))
    if isinstance(result, ImageUnreadable):
        assert result.warning.code in {"image_unreadable", "image_too_large"}
        assert result.reason.startswith("fuzz.png could not be read as an image: ")
    else:
        assert 0 < result.thumbnail.width <= 512 and 0 < result.thumbnail.height <= 512
        for warning in result.warnings:
            assert warning.format()
