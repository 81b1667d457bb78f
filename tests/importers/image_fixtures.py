"""Shared pictures and helpers of the image importer tests (fictional images, made in memory)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any, BinaryIO

from PIL import Image

from evidence_kit.domain import TimeSource, Timestamp
from evidence_kit.importers.images import (
    NO_TIME_ZONE,
    ImageAnalysis,
    ImageUnreadable,
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
