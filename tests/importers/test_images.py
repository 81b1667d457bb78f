"""Images: exact EXIF facts, an in-memory thumbnail, the original untouched."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PIL import Image, JpegImagePlugin

from evidence_kit.domain import ParseWarning, TimeSource, Timestamp
from evidence_kit.importers import images
from evidence_kit.importers.images import (
    NO_TIME_ZONE,
    ImageAnalysis,
    Thumbnail,
    analyse_image,
)

from .image_fixtures import (
    BLUE,
    DIGITIZED,
    GPS_LATITUDE,
    GPS_LONGITUDE,
    GPS_TEXT,
    MODIFIED,
    RED,
    TAKEN,
    XMP_WITH_GPS,
    _encode,
    _exif,
    _facts,
    _near,
    _opener,
    _picture,
    _thumb,
)


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
