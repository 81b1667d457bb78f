"""Images: exact EXIF facts, an in-memory thumbnail, the original untouched, hostile files refused."""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, JpegImagePlugin

from evidence_kit.domain import ParseWarning, TimeSource, Timestamp
from evidence_kit.importers import images
from evidence_kit.importers.images import (
    NO_TIME_ZONE,
    ImageAnalysis,
    ImageUnreadable,
    Thumbnail,
    analyse_image,
)

RED = (255, 0, 0)
BLUE = (0, 0, 255)
GPS_LATITUDE = (52.0, 22.0, 30.5)  # fictional coordinates; they must never come out
GPS_LONGITUDE = (4.0, 53.0, 10.25)
XMP_WITH_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,22.5N" '
    b'exif:GPSLongitude="4,53.1E"/></rdf:RDF></x:xmpmeta>'
)
GPS_TEXT = (
    "{name} contains location data (GPS coordinates) in its metadata. The stored original keeps it; "
    "think before you share the original file."
)


def _exif(
    *,
    original: str | None = "2024:03:12 10:15:30",
    offset_original: str | None = "+01:00",
    subsec_original: str | None = "25",
    digitized: str | None = "2024:03:12 10:15:31",
    modified: str | None = "2024:03:13 08:00:00",
    offset: str | None = "-05:30",
    orientation: int | None = None,
    gps: bool = True,
) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"
    exif[0x0110] = "FP5 (Anna de Vries)"
    exif[0x0131] = "Camera 3.1\x00\x00"
    if modified is not None:
        exif[0x0132] = modified
    if orientation is not None:
        exif[0x0112] = orientation
    sub = exif.get_ifd(0x8769)
    for tag, value in (
        (0x9003, original),
        (0x9011, offset_original),
        (0x9291, subsec_original),
        (0x9004, digitized),
        (0x9010, offset),
    ):
        if value is not None:
            sub[tag] = value
    if gps:
        location = exif.get_ifd(0x8825)
        location.update({1: "N", 2: GPS_LATITUDE, 3: "E", 4: GPS_LONGITUDE})
    return exif


def _picture(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A blue picture with a red block in its top-left corner, to see where that corner goes."""
    picture = Image.new(mode, size, BLUE if mode == "RGB" else (*BLUE, 255))
    picture.paste(RED if mode == "RGB" else (*RED, 255), (0, 0, size[0] // 4, size[1] // 4))
    return picture


def _encode(picture: Image.Image, fmt: str, **params: Any) -> bytes:
    out = io.BytesIO()
    picture.save(out, fmt, **params)
    return out.getvalue()


def _opener(data: bytes) -> Callable[[], BinaryIO]:
    return lambda: io.BytesIO(data)


def _facts(result: ImageAnalysis | ImageUnreadable) -> dict[str, object]:
    assert isinstance(result, ImageAnalysis), result
    facts = dict(vars(result))
    del facts["thumbnail"]
    return facts


def _thumb(result: ImageAnalysis | ImageUnreadable) -> Image.Image:
    assert isinstance(result, ImageAnalysis), result
    picture = Image.open(io.BytesIO(result.thumbnail.data))
    assert picture.format == {"image/png": "PNG", "image/jpeg": "JPEG"}[result.thumbnail.media_type]
    assert picture.size == (result.thumbnail.width, result.thumbnail.height)
    return picture


def _near(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(int(a) - b) < 40 for a, b in zip(pixel[:3], colour, strict=True))


TAKEN = Timestamp.from_aware(datetime.fromisoformat("2024-03-12T10:15:30.250000+01:00"), TimeSource.CONTENT)
MODIFIED = Timestamp.from_aware(datetime.fromisoformat("2024-03-13T08:00:00-05:30"), TimeSource.CONTENT)
DIGITIZED = Timestamp(
    source=TimeSource.CONTENT, local=datetime(2024, 3, 12, 10, 15, 31), assumption=NO_TIME_ZONE
)


# --- a phone photo: every evidence field, exactly ------------------------------------------------


def test_jpeg_with_exif_gives_every_evidence_field() -> None:
    data = _encode(_picture((1600, 1200)), "JPEG", exif=_exif(orientation=6), quality=90)
    result = analyse_image(_opener(data), "IMG_0001.jpg")

    assert _facts(result) == {
        "format": "JPEG",
        "media_type": "image/jpeg",
        "width": 1600,
        "height": 1200,
        "animated": False,
        "orientation": 6,
        "taken_at": TAKEN,
        "digitized_at": DIGITIZED,
        "modified_at": MODIFIED,
        "make": "Fairphone",
        "model": "FP5 (Anna de Vries)",
        "software": "Camera 3.1",
        "gps_present": True,
        "warnings": (ParseWarning("gps_present", GPS_TEXT, (("name", "IMG_0001.jpg"),)),),
    }
    assert TAKEN.utc == datetime(2024, 3, 12, 9, 15, 30, 250000, tzinfo=UTC)
    assert (TAKEN.local, TAKEN.offset_minutes, TAKEN.assumption) == (
        datetime(2024, 3, 12, 10, 15, 30, 250000),
        60,
        None,
    )
    assert DIGITIZED.utc is None


def test_thumbnail_is_upright_small_and_carries_no_metadata() -> None:
    # Orientation 6: the camera was turned; shown upright, the top-left corner goes to the top right.
    data = _encode(_picture((1600, 1200)), "JPEG", exif=_exif(orientation=6), quality=95)
    result = analyse_image(_opener(data), "IMG_0001.jpg")
    assert isinstance(result, ImageAnalysis)
    assert (result.thumbnail.media_type, result.thumbnail.width, result.thumbnail.height) == (
        "image/jpeg",
        384,
        512,
    )
    thumb = _thumb(result)
    assert _near(thumb.getpixel((thumb.width - 10, 10)), RED)
    assert _near(thumb.getpixel((10, 10)), BLUE)
    assert dict(thumb.getexif()) == {}
    assert b"Exif" not in result.thumbnail.data and b"GPS" not in result.thumbnail.data


def test_gps_coordinates_never_reach_the_analysis() -> None:
    data = _encode(_picture((64, 48)), "JPEG", exif=_exif())
    result = analyse_image(_opener(data), "IMG_0002.jpg")
    shown = repr(_facts(result))
    for number in (*GPS_LATITUDE, *GPS_LONGITUDE):
        assert str(number) not in shown
    assert "30.5" not in shown and "10.25" not in shown


@pytest.mark.parametrize("orientation", [1, 2, 3, 4, 5, 6, 7, 8])
def test_every_orientation_puts_the_corner_where_a_viewer_shows_it(orientation: int) -> None:
    source = _picture((160, 80))
    data = _encode(source, "PNG", exif=_exif(orientation=orientation, gps=False))
    result = analyse_image(_opener(data), "turned.png")
    expected = _picture((160, 80)).transpose(images._UPRIGHT[orientation]) if orientation != 1 else source
    thumb = _thumb(result)
    assert thumb.size == expected.size
    assert thumb.convert("RGB").tobytes() == expected.convert("RGB").tobytes()  # PNG: lossless


def test_no_offset_means_wall_time_with_the_assumption_stated() -> None:
    data = _encode(
        _picture((32, 24)), "JPEG", exif=_exif(offset_original=None, subsec_original=None, gps=False)
    )
    result = analyse_image(_opener(data), "x.jpg")
    assert isinstance(result, ImageAnalysis)
    assert result.taken_at == Timestamp(
        source=TimeSource.CONTENT, local=datetime(2024, 3, 12, 10, 15, 30), assumption=NO_TIME_ZONE
    )
    assert result.warnings == ()


def test_bad_exif_times_become_warnings_not_errors() -> None:
    exif = _exif(original="2024:13:45 25:61:00", offset="+25:00", digitized="0000:00:00 00:00:00", gps=False)
    result = analyse_image(_opener(_encode(_picture((32, 24)), "JPEG", exif=exif)), "raar.jpg")
    assert isinstance(result, ImageAnalysis)
    assert (result.taken_at, result.digitized_at) == (None, None)  # all zeros is EXIF's "unknown": no warning
    assert result.modified_at == Timestamp(
        source=TimeSource.CONTENT, local=datetime(2024, 3, 13, 8, 0), assumption=NO_TIME_ZONE
    )
    assert result.warnings == (
        ParseWarning(
            "exif_time_invalid",
            "{name} has an EXIF {field} that is not a valid date and time: {value}",
            (("name", "raar.jpg"), ("field", "DateTimeOriginal"), ("value", "2024:13:45 25:61:00")),
        ),
        ParseWarning(
            "exif_offset_invalid",
            "{name} has an EXIF {field} that is not a valid time zone offset: {value}",
            (("name", "raar.jpg"), ("field", "OffsetTime"), ("value", "+25:00")),
        ),
    )


def test_gps_in_xmp_only_is_found() -> None:
    result = analyse_image(_opener(_encode(_picture((32, 24)), "JPEG", xmp=XMP_WITH_GPS)), "xmp.jpg")
    assert isinstance(result, ImageAnalysis)
    assert result.gps_present is True
    assert [w.code for w in result.warnings] == ["gps_present"]


def test_gps_block_without_a_place_is_no_location() -> None:
    exif = _exif(gps=False)
    exif.get_ifd(0x8825).update({0: b"\x02\x03\x00\x00"})  # GPSVersionID only
    result = analyse_image(_opener(_encode(_picture((32, 24)), "JPEG", exif=exif)), "x.jpg")
    assert isinstance(result, ImageAnalysis)
    assert (result.gps_present, result.warnings) == (False, ())


# --- every format ---------------------------------------------------------------------------


def test_png_screenshot_with_exif() -> None:
    data = _encode(_picture((1170, 2532)), "PNG", exif=_exif(gps=False))
    result = analyse_image(_opener(data), "Screenshot 2024-03-12 at 10.15.30.png")
    facts = _facts(result)
    assert (facts["format"], facts["media_type"], facts["width"], facts["height"]) == (
        "PNG",
        "image/png",
        1170,
        2532,
    )
    assert (facts["taken_at"], facts["modified_at"], facts["make"]) == (TAKEN, MODIFIED, "Fairphone")
    assert isinstance(result, ImageAnalysis)
    assert (result.thumbnail.media_type, result.thumbnail.width, result.thumbnail.height) == (
        "image/png",
        237,
        512,
    )


def test_heic_with_exif() -> None:
    # libheif turns HEIF pixels upright itself; EXIF orientation is informative and not applied again.
    data = _encode(_picture((200, 120)), "HEIF", exif=_exif(orientation=6), quality=90)
    result = analyse_image(_opener(data), "IMG_0003.HEIC")
    facts = _facts(result)
    assert facts == {
        "format": "HEIF",
        "media_type": "image/heic",
        "width": 200,
        "height": 120,
        "animated": False,
        "orientation": 6,
        "taken_at": TAKEN,
        "digitized_at": DIGITIZED,
        "modified_at": MODIFIED,
        "make": "Fairphone",
        "model": "FP5 (Anna de Vries)",
        "software": "Camera 3.1",
        "gps_present": True,
        "warnings": (ParseWarning("gps_present", GPS_TEXT, (("name", "IMG_0003.HEIC"),)),),
    }
    thumb = _thumb(result)
    assert thumb.size == (200, 120)  # never enlarged, not turned
    assert _near(thumb.getpixel((5, 5)), RED)


def test_webp_with_exif() -> None:
    data = _encode(_picture((800, 600)), "WEBP", exif=_exif(gps=False), quality=90)
    facts = _facts(analyse_image(_opener(data), "sticker.webp"))
    assert (facts["format"], facts["media_type"], facts["width"], facts["height"]) == (
        "WEBP",
        "image/webp",
        800,
        600,
    )
    assert (facts["taken_at"], facts["make"], facts["gps_present"]) == (TAKEN, "Fairphone", False)


def test_animated_gif() -> None:
    frames = [_picture((300, 200)), Image.new("RGB", (300, 200), RED)]
    data = _encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    result = analyse_image(_opener(data), "meme.gif")
    facts = _facts(result)
    assert (facts["format"], facts["media_type"], facts["animated"], facts["width"]) == (
        "GIF",
        "image/gif",
        True,
        300,
    )
    thumb = _thumb(result)
    assert (thumb.format, thumb.size) == ("PNG", (300, 200))  # the first frame, never enlarged
    assert _near(thumb.convert("RGB").getpixel((290, 190)), BLUE)


def test_tiff_tags() -> None:
    info = {271: "Nikon", 272: "D750", 305: "GIMP 2.10", 306: "2024:03:12 11:00:00"}
    data = _encode(_picture((30, 20)), "TIFF", tiffinfo=info)
    facts = _facts(analyse_image(_opener(data), "scan.tif"))
    assert (facts["format"], facts["media_type"]) == ("TIFF", "image/tiff")
    assert (facts["make"], facts["model"], facts["software"]) == ("Nikon", "D750", "GIMP 2.10")
    assert facts["modified_at"] == Timestamp(
        source=TimeSource.CONTENT, local=datetime(2024, 3, 12, 11, 0), assumption=NO_TIME_ZONE
    )


def test_bmp_without_metadata() -> None:
    result = analyse_image(_opener(_encode(_picture((12, 8)), "BMP")), "oud.bmp")
    assert _facts(result) == {
        "format": "BMP",
        "media_type": "image/bmp",
        "width": 12,
        "height": 8,
        "animated": False,
        "orientation": None,
        "taken_at": None,
        "digitized_at": None,
        "modified_at": None,
        "make": None,
        "model": None,
        "software": None,
        "gps_present": False,
        "warnings": (),
    }
    assert isinstance(result, ImageAnalysis)
    assert result.thumbnail == Thumbnail(result.thumbnail.data, "image/png", 12, 8)


def test_wide_image_keeps_its_aspect_and_transparency() -> None:
    data = _encode(_picture((2000, 500), "RGBA"), "PNG")
    thumb = _thumb(analyse_image(_opener(data), "banner.png"))
    assert (thumb.size, thumb.mode) == ((512, 128), "RGBA")


def test_palette_and_sixteen_bit_images_get_a_thumbnail() -> None:
    palette = _picture((700, 700)).convert("P", palette=Image.Palette.ADAPTIVE)
    deep = Image.new("I;16", (600, 300), 40000)
    assert _thumb(analyse_image(_opener(_encode(palette, "PNG")), "p.png")).size == (512, 512)
    assert _thumb(analyse_image(_opener(_encode(deep, "PNG")), "d.png")).size == (512, 256)


def test_huge_jpeg_is_decoded_at_reduced_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[tuple[int, int]] = []
    original_load = JpegImagePlugin.JpegImageFile.load

    def recording_load(self: JpegImagePlugin.JpegImageFile) -> Any:
        decoded.append(self.size)  # the size the decoder will actually produce
        return original_load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", recording_load)
    data = _encode(Image.new("RGB", (4096, 3072), BLUE), "JPEG", quality=70)
    result = analyse_image(_opener(data), "groot.jpg")
    assert isinstance(result, ImageAnalysis)
    assert (result.width, result.height) == (4096, 3072)  # the facts are about the original
    assert decoded and set(decoded) == {(512, 384)}  # 1/8 scale: 64 times fewer pixels in memory
    assert (result.thumbnail.width, result.thumbnail.height) == (512, 384)


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
