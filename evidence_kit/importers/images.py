"""Photos and screenshots: pixel size, a thumbnail made in memory, and the EXIF facts that matter.

Rule: the original is only ever read. Nothing here writes the image back, re-encodes it or
leaves a temporary file: the thumbnail is built in memory (PNG or JPEG bytes, at most
`THUMBNAIL_MAX` pixels on the long side, never enlarged, EXIF orientation applied to the
thumbnail only, no metadata copied into it) and every fact is read from the original's bytes.

Untrusted images are opened with Pillow restricted to the formats we mean to read (PNG, JPEG,
HEIC/HEIF through pillow-heif, AVIF, WebP, GIF, TIFF, BMP), so a file never reaches a plugin
that runs an outside program (EPS runs Ghostscript). Pillow's decompression-bomb guard stays at
its default (`Image.MAX_IMAGE_PIXELS`): an image declaring more pixels than that is refused
before any pixel is decoded. JPEGs are decoded at 1/2, 1/4 or 1/8 scale (`Image.draft`) so a huge
photo costs little memory. A damaged, truncated or hostile file gives `ImageUnreadable` with a
clear reason; `analyse_image` never raises for what is in the file.

GPS is reported only as present or absent, with a privacy warning: coordinates never enter the
analysis, so they cannot leak into lists, logs or a dossier from here.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import BinaryIO

import pillow_heif
from PIL import Image, UnidentifiedImageError

from evidence_kit.domain import ParseWarning, TimeSource, Timestamp

THUMBNAIL_MAX = 512
JPEG_THUMBNAIL_QUALITY = 85

# Pillow's format ids we open; anything else is refused as "not a supported image". (A phone
# JPEG with extra pictures opens through "JPEG" and reports itself as "MPO".)
SUPPORTED_FORMATS: tuple[str, ...] = ("PNG", "JPEG", "HEIF", "AVIF", "WEBP", "GIF", "TIFF", "BMP")

_MEDIA_TYPES: dict[str, str] = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # a phone JPEG carrying extra pictures (Multi-Picture Format)
    "HEIF": "image/heif",
    "AVIF": "image/avif",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "TIFF": "image/tiff",
    "BMP": "image/bmp",
}

# pillow-heif adds HEIC/HEIF to Pillow's registry; registering again is harmless.
pillow_heif.register_heif_opener()
Image.init()
# Only the openers this Pillow build has (AVIF needs a Pillow built with libavif); naming a
# missing one would make Image.open fail for every file.
_OPENERS: tuple[str, ...] = tuple(name for name in SUPPORTED_FORMATS if name in Image.OPEN)

# EXIF tags (TIFF/EXIF 2.32 numbers).
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_ORIENTATION = 0x0112
_MAKE = 0x010F
_MODEL = 0x0110
_SOFTWARE = 0x0131
_DATETIME = 0x0132
_DATETIME_ORIGINAL = 0x9003
_DATETIME_DIGITIZED = 0x9004
_OFFSET_TIME = 0x9010
_OFFSET_TIME_ORIGINAL = 0x9011
_OFFSET_TIME_DIGITIZED = 0x9012
_SUBSEC_TIME = 0x9290
_SUBSEC_TIME_ORIGINAL = 0x9291
_SUBSEC_TIME_DIGITIZED = 0x9292
_XMP_TIFF_TAG = 700
# GPSLatitude, GPSLongitude, GPSDestLatitude, GPSDestLongitude: the tags that hold a place.
_GPS_LOCATION_TAGS = frozenset({2, 4, 20, 22})

# EXIF orientation -> the transpose that shows the picture upright (as ImageOps.exif_transpose).
_UPRIGHT: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

NO_TIME_ZONE = (
    "The image metadata gives no time zone: this is the device's clock as recorded, "
    "in a time zone that is not known."
)

_UNREADABLE = "{name} could not be read as an image: {detail}"
_UNSUPPORTED = (
    "{name} could not be read as an image: it is not a PNG, JPEG, HEIC/HEIF, AVIF, WebP, GIF, TIFF "
    "or BMP image, or it is damaged."
)
_TOO_LARGE = (
    "{name} could not be read as an image: it declares {pixels} pixels, more than the safety limit of "
    "{limit}; it may be a decompression bomb. The file itself is kept unchanged."
)
_GPS_PRESENT = (
    "{name} contains location data (GPS coordinates) in its metadata. The stored original keeps it; "
    "think before you share the original file."
)
_EXIF_UNREADABLE = "The metadata (EXIF) of {name} is damaged and could not be read completely: {detail}"
_TIME_INVALID = "{name} has an EXIF {field} that is not a valid date and time: {value}"
_OFFSET_INVALID = "{name} has an EXIF {field} that is not a valid time zone offset: {value}"
_NOT_ANIMATED_CHECK = "Whether {name} has more than one frame could not be determined: {detail}"


@dataclass(frozen=True)
class Thumbnail:
    """A small upright copy for lists and the dossier (derived data, no metadata inside)."""

    data: bytes
    media_type: str  # "image/png" or "image/jpeg"
    width: int
    height: int


@dataclass(frozen=True)
class ImageAnalysis:
    """What an image file shows about itself (derived data).

    `width` and `height` are the stored pixel size (for HEIF, as libheif decodes it, with the
    file's own rotation applied). `orientation` is the EXIF orientation value (1-8) the file
    states (for HEIF only informative: libheif has already turned the pixels upright).
    The three times come from the content (EXIF) and say so in their `source`: `taken_at` is
    DateTimeOriginal, `digitized_at` DateTimeDigitized, `modified_at` DateTime (usually when
    software last saved the file). Each carries UTC only when the file states the offset
    (OffsetTime*), else the wall time with `NO_TIME_ZONE` as its assumption.
    """

    format: str
    media_type: str
    width: int
    height: int
    thumbnail: Thumbnail
    animated: bool = False
    orientation: int | None = None
    taken_at: Timestamp | None = None
    digitized_at: Timestamp | None = None
    modified_at: Timestamp | None = None
    make: str | None = None
    model: str | None = None
    software: str | None = None
    gps_present: bool = False
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True)
class ImageUnreadable:
    """The file could not be read as an image; it is still stored as a plain file.

    `warning` goes into the import report; `reason` is its English text.
    """

    warning: ParseWarning
    format: str | None = None  # the format Pillow recognised before it failed, if any

    @property
    def reason(self) -> str:
        return self.warning.format()


@dataclass(frozen=True)
class _Metadata:
    orientation: int | None = None
    taken_at: Timestamp | None = None
    digitized_at: Timestamp | None = None
    modified_at: Timestamp | None = None
    make: str | None = None
    model: str | None = None
    software: str | None = None
    gps_present: bool = False


def analyse_image(open_stream: Callable[[], BinaryIO], name: str) -> ImageAnalysis | ImageUnreadable:
    """Read an image's size, EXIF facts and a thumbnail; never change or re-encode the original.

    `open_stream` returns a fresh binary stream of the original each time; it is opened once
    and closed here (a stream that cannot seek is read into memory first, as Pillow would).
    `name` is used in warnings only.
    """
    with open_stream() as stream:
        source: BinaryIO = stream if _seekable(stream) else io.BytesIO(stream.read())
        try:
            return _analyse(source, name)
        except Image.DecompressionBombError as exc:
            return _too_large(name, str(exc))
        except Image.DecompressionBombWarning as exc:  # raised only where warnings are made errors
            return _too_large(name, str(exc))
        except UnidentifiedImageError:
            return ImageUnreadable(_warning("image_unreadable", _UNSUPPORTED, name=name))
        except Exception as exc:  # untrusted bytes reach C decoders whose failure types are not a fixed set
            return _unreadable(name, exc)


def _warning(code: str, template: str, **params: str) -> ParseWarning:
    return ParseWarning(code, template, tuple(params.items()))


def _seekable(stream: BinaryIO) -> bool:
    try:
        return stream.seekable()
    except (OSError, ValueError):
        return False


def _analyse(stream: BinaryIO, name: str) -> ImageAnalysis | ImageUnreadable:
    start = stream.tell()
    head = stream.read(32)
    stream.seek(start)
    with Image.open(stream, formats=_OPENERS) as img:
        image_format = img.format or "unknown"
        width, height = img.size
        limit = Image.MAX_IMAGE_PIXELS
        if limit is not None and width * height > limit:
            # Pillow only warns between the limit and twice it; we refuse there too.
            return _too_large(name, f"{width * height} pixels", image_format)
        warnings: list[ParseWarning] = []
        animated = _animated(img, name, warnings)
        metadata = _metadata(img, name, warnings)
        try:
            # libheif already turned HEIF pixels upright (its irot/imir boxes); EXIF must not
            # turn them again. Every other format stores pixels as shot, EXIF says how to show them.
            upright = None if image_format == "HEIF" else metadata.orientation
            thumbnail = _thumbnail(img, upright, image_format)
        except Image.DecompressionBombError as exc:
            return _too_large(name, str(exc), image_format)
        except Exception as exc:  # pixel data damaged or truncated (the header was fine)
            return _unreadable(name, exc, image_format)
    if metadata.gps_present:
        warnings.append(_warning("gps_present", _GPS_PRESENT, name=name))
    return ImageAnalysis(
        format=image_format,
        media_type=_media_type(image_format, head),
        width=width,
        height=height,
        thumbnail=thumbnail,
        animated=animated,
        orientation=metadata.orientation,
        taken_at=metadata.taken_at,
        digitized_at=metadata.digitized_at,
        modified_at=metadata.modified_at,
        make=metadata.make,
        model=metadata.model,
        software=metadata.software,
        gps_present=metadata.gps_present,
        warnings=tuple(warnings),
    )


def _media_type(image_format: str, head: bytes) -> str:
    if image_format == "HEIF" and head[8:12] in (b"heic", b"heix", b"heim", b"heis"):
        return "image/heic"
    return _MEDIA_TYPES.get(image_format, "application/octet-stream")


def _unreadable(name: str, exc: BaseException, image_format: str | None = None) -> ImageUnreadable:
    detail = str(exc).strip() or type(exc).__name__
    warning = _warning("image_unreadable", _UNREADABLE, name=name, detail=detail[:500])
    return ImageUnreadable(warning, image_format)


def _too_large(name: str, detail: str, image_format: str | None = None) -> ImageUnreadable:
    match = re.search(r"(\d+) pixels", detail)
    pixels = match.group(1) if match else "too many"
    limit = str(Image.MAX_IMAGE_PIXELS)
    warning = _warning("image_too_large", _TOO_LARGE, name=name, pixels=pixels, limit=limit)
    return ImageUnreadable(warning, image_format)


def _animated(img: Image.Image, name: str, warnings: list[ParseWarning]) -> bool:
    try:
        return bool(getattr(img, "is_animated", False))
    except Exception as exc:  # a damaged second frame: say so, keep the first
        warnings.append(_warning("frames_unreadable", _NOT_ANIMATED_CHECK, name=name, detail=str(exc)[:500]))
        return False


# --- thumbnail --------------------------------------------------------------------------------


def _thumbnail(img: Image.Image, orientation: int | None, image_format: str) -> Thumbnail:
    box = (THUMBNAIL_MAX, THUMBNAIL_MAX)
    if image_format in ("JPEG", "MPO"):
        # Decode at 1/2, 1/4 or 1/8 scale straight from the DCT data: memory stays small however
        # large the photo. (Not for HEIF: its "draft" may pick an embedded preview picture, which
        # a crafted file can make different from the image itself.)
        img.draft(None, _fit(img.size, box))
    img.load()
    transparent = img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info
    target = "RGBA" if transparent else "RGB"
    # Resize first where the mode resamples well (cheaper); convert first where it does not
    # (palette and 16-bit images). The original file is untouched either way: `img` is pixels.
    small = img if img.mode in ("RGB", "RGBA", "L", "LA") else img.convert(target)
    small.thumbnail(box, Image.Resampling.LANCZOS, reducing_gap=None)  # shrinks only, keeps the aspect
    if small.mode != target:
        small = small.convert(target)
    if orientation in _UPRIGHT:
        small = small.transpose(_UPRIGHT[orientation])
    as_png = transparent or image_format in ("PNG", "GIF", "BMP")
    out = io.BytesIO()
    if as_png:
        small.save(out, "PNG", optimize=False)
    else:
        small.save(out, "JPEG", quality=JPEG_THUMBNAIL_QUALITY)
    return Thumbnail(out.getvalue(), "image/png" if as_png else "image/jpeg", small.width, small.height)


def _fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    scale = min(box[0] / max(width, 1), box[1] / max(height, 1), 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


# --- metadata ---------------------------------------------------------------------------------


def _metadata(img: Image.Image, name: str, warnings: list[ParseWarning]) -> _Metadata:
    """The EXIF facts; damaged metadata gives a warning and what could be read, never an error."""
    try:
        exif = img.getexif()
        ifd0: Mapping[int, object] = dict(exif)
        sub: Mapping[int, object] = _ifd(exif, _EXIF_IFD)
        gps: Mapping[int, object] = _ifd(exif, _GPS_IFD)
    except Exception as exc:  # Pillow's EXIF reader raises many kinds of errors on damaged blocks
        warnings.append(_warning("exif_unreadable", _EXIF_UNREADABLE, name=name, detail=str(exc)[:500]))
        ifd0, sub, gps = {}, {}, {}

    def pick(tag: int) -> object:
        return sub.get(tag, ifd0.get(tag))

    orientation = img.info.get("original_orientation") if img.format == "HEIF" else ifd0.get(_ORIENTATION)
    return _Metadata(
        orientation=orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else None,
        taken_at=_exif_time(
            name,
            "DateTimeOriginal",
            pick(_DATETIME_ORIGINAL),
            pick(_OFFSET_TIME_ORIGINAL),
            pick(_SUBSEC_TIME_ORIGINAL),
            warnings,
        ),
        digitized_at=_exif_time(
            name,
            "DateTimeDigitized",
            pick(_DATETIME_DIGITIZED),
            pick(_OFFSET_TIME_DIGITIZED),
            pick(_SUBSEC_TIME_DIGITIZED),
            warnings,
        ),
        modified_at=_exif_time(
            name, "DateTime", ifd0.get(_DATETIME), pick(_OFFSET_TIME), pick(_SUBSEC_TIME), warnings
        ),
        make=_text(ifd0.get(_MAKE)),
        model=_text(ifd0.get(_MODEL)),
        software=_text(ifd0.get(_SOFTWARE)),
        gps_present=bool(_GPS_LOCATION_TAGS & set(gps)) or _xmp_has_gps(img),
    )


def _ifd(exif: Image.Exif, tag: int) -> Mapping[int, object]:
    if tag not in exif:
        return {}
    value = exif.get_ifd(tag)
    return dict(value) if isinstance(value, dict) else {}


def _xmp_has_gps(img: Image.Image) -> bool:
    """Whether an XMP packet (JPEG/PNG/WebP/HEIF/TIFF) holds exif:GPSLatitude or GPSLongitude."""
    packets: list[object] = [img.info.get("xmp"), img.info.get("XML:com.adobe.xmp")]
    tags = getattr(img, "tag_v2", None)
    if tags is not None:
        with contextlib.suppress(Exception):  # a damaged TIFF tag is no location data
            packets.append(tags.get(_XMP_TIFF_TAG))
    for packet in packets:
        raw = packet.encode("utf-8", "replace") if isinstance(packet, str) else packet
        if isinstance(raw, bytes) and (b"GPSLatitude" in raw or b"GPSLongitude" in raw):
            return True
    return False


def _text(value: object) -> str | None:
    """An EXIF ASCII field as clean text: NUL padding and surrounding blanks removed."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    cleaned = value.replace("\x00", " ").strip()
    return cleaned[:256] or None


_EXIF_DATETIME = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


def _exif_time(
    name: str,
    field: str,
    value: object,
    offset_value: object,
    subsec_value: object,
    warnings: list[ParseWarning],
) -> Timestamp | None:
    text = _text(value)
    if text is None or not text.strip(" :0"):  # absent, blank or all zeros: EXIF's "unknown"
        return None
    match = _EXIF_DATETIME.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        local = datetime(year, month, day, hour, minute, second)
    except ValueError:
        warnings.append(_warning("exif_time_invalid", _TIME_INVALID, name=name, field=field, value=text))
        return None
    subsec = _text(subsec_value)
    if subsec is not None and subsec.isdigit():
        local = local.replace(microsecond=int(subsec[:6].ljust(6, "0")))

    offset = _text(offset_value)
    offset_field = "OffsetTime" + field.removeprefix("DateTime")
    if offset is None or not offset.strip(" :"):
        return Timestamp(source=TimeSource.CONTENT, local=local, assumption=NO_TIME_ZONE)
    offset_match = _EXIF_OFFSET.fullmatch(offset)
    minutes = None
    if offset_match is not None:
        hours, mins = int(offset_match.group(2)), int(offset_match.group(3))
        if hours <= 14 and mins < 60:
            minutes = (hours * 60 + mins) * (-1 if offset_match.group(1) == "-" else 1)
    if minutes is None:
        warnings.append(
            _warning("exif_offset_invalid", _OFFSET_INVALID, name=name, field=offset_field, value=offset)
        )
        return Timestamp(source=TimeSource.CONTENT, local=local, assumption=NO_TIME_ZONE)
    try:
        zone = timezone(timedelta(minutes=minutes))
        return Timestamp.from_aware(local.replace(tzinfo=zone), TimeSource.CONTENT)
    except OverflowError:  # year 1 or 9999 shifted past the calendar: keep the wall time
        return Timestamp(source=TimeSource.CONTENT, local=local, assumption=NO_TIME_ZONE)
