"""Image matching: which pictures in a vault are the same picture, re-posted, re-encoded or cropped.

Rule: a picture is compared by what it shows, never by its bytes, and only from its stored
original (read through the vault, decoded in memory, nothing written). Each picture gets:

- its shareable hash, PDQ (`pdq.py`) of the upright picture, written "pdq:<64 hex digits>":
  what a hash-sharing removal service compares, so it can be handed over instead of the picture;
- matching hashes, computed like PDQ's but keeping 24x24 instead of 16x16 frequencies (576
  bits: the finer ones tell two chat screenshots of one app's layout apart), from the whole
  picture, from the picture with a plain border cut off (a screenshot of a photo with bars
  around it), and from `CROPS` sub-pictures: 10% cut from one side, from two sides (a corner,
  or two opposite sides) or from all four. A crop of the original then lines up with one of
  the original's sub-pictures, and an original seen inside a larger screenshot with one of the
  copy's.

Two pictures match when a main hash of one (whole, or border cut off) is within `THRESHOLD` bits
of any matching hash of the other. Sub-pictures are never compared with sub-pictures: that
would only add chances for two different pictures to meet. A picture whose PDQ quality is under
`MIN_QUALITY` (a plain colour, a faint gradient) is too plain to tell apart from other plain
pictures and is never matched; it is listed as such. Matches are grouped transitively (if A
matches B and B matches C, all three are one group).

`THRESHOLD` comes from measurements on the fictional pictures of tests/case/test_image_match.py
(bits of 576): copies of a scene and of a chat screenshot (JPEG quality 60, half size, 10% cut
from one side, from a corner or from two opposite sides, framed in a screenshot, EXIF-turned)
were 0-38 apart; different pictures were 84 or more apart (chat screenshots of one app's
layout with other messages: 84-126, those of a larger screen closest; similar park scenes:
220-266; a gradient and a scene: 262). 64 leaves 26 bits above the worst copy and 20 below the
closest different pair. A crop far from 10% (5% or 15% from one side) is 148-258 apart: it is
not found, and the dossier must not
suggest that a missing match proves two pictures differ.

Pictures are opened as `importers/images.py` opens them: only the formats we read (PNG, JPEG,
HEIC/HEIF, AVIF, WebP, GIF, TIFF, BMP), Pillow's decompression-bomb limit refusing a picture of
too many pixels before it is decoded, JPEGs decoded at a reduced scale, EXIF orientation applied
(HEIF pixels are upright already), transparency over white, 16-bit values scaled down.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pillow_heif
from PIL import Image, ImageChops, ImageOps

from evidence_kit.case import pdq
from evidence_kit.domain import ItemKind, ItemSummary
from evidence_kit.vault import Vault

ALGORITHM = "pdq"
THRESHOLD = 64  # bits of MATCH_BITS (576); see the module docstring for the measured margins
MIN_QUALITY = 20  # PDQ quality under which a picture is too plain to compare
MAX_ORIGINAL_BYTES = 256 * 1024 * 1024  # a larger "image" is not read into memory to be compared
MATCH_COEFFICIENTS = 24  # matching hashes keep 24x24 frequencies: 576 bits (PDQ keeps 16x16)
MATCH_BITS = MATCH_COEFFICIENTS * MATCH_COEFFICIENTS
PDQ_SIDE = 512  # the reference reduces the picture to at most 512x512 before hashing

# The same formats `importers/images.py` reads (a test keeps the two lists equal).
FORMATS: tuple[str, ...] = ("PNG", "JPEG", "HEIF", "AVIF", "WEBP", "GIF", "TIFF", "BMP")
pillow_heif.register_heif_opener()
Image.init()
_OPENERS: tuple[str, ...] = tuple(name for name in FORMATS if name in Image.OPEN)

# Sub-pictures as (left, top, right, bottom) fractions cut off: one side, a corner, two opposite
# sides, all four. 10% is what a re-post's crop or a screenshot's frame typically takes.
_CUT = 0.1
CROPS: tuple[tuple[float, float, float, float], ...] = (
    (_CUT, 0, 0, 0),
    (0, _CUT, 0, 0),
    (0, 0, _CUT, 0),
    (0, 0, 0, _CUT),
    (_CUT, _CUT, 0, 0),
    (0, _CUT, _CUT, 0),
    (0, 0, _CUT, _CUT),
    (_CUT, 0, 0, _CUT),
    (_CUT, 0, _CUT, 0),
    (0, _CUT, 0, _CUT),
    (_CUT, _CUT, _CUT, _CUT),
)
_BORDER_TOLERANCE = 12  # luminance/colour steps a plain border may vary by (JPEG noise)
_MIN_INSIDE = 0.2  # a "border" that leaves less than this share of either side is no border


class ImageUnreadableError(Exception):
    """The bytes are not a picture we can decode (the reason is English, for a report)."""


@dataclass(frozen=True)
class ImageHash:
    """What a picture is compared by. `pdq` is the shareable hash; the rest are for matching."""

    pdq: int
    quality: int
    main: tuple[int, ...]  # the whole picture, and without its plain border when it has one
    crops: tuple[int, ...] = ()

    @property
    def shareable(self) -> str:
        """The hash as text that names its algorithm, e.g. "pdq:9f3c…" (64 hex digits)."""
        return f"{ALGORITHM}:{pdq.to_hex(self.pdq)}"

    @property
    def comparable(self) -> bool:
        return self.quality >= MIN_QUALITY


@dataclass(frozen=True)
class ImageScan:
    """A vault's pictures: hashed ones, and the ones left out with the reason (English)."""

    hashes: dict[int, ImageHash] = field(default_factory=dict)
    unreadable: dict[int, str] = field(default_factory=dict)

    @property
    def too_plain(self) -> list[int]:
        return sorted(item for item, h in self.hashes.items() if not h.comparable)


# ----------------------------------------------------------------- one picture


def hash_image(data: bytes) -> ImageHash:
    """The hashes of one picture given its original bytes; `ImageUnreadableError` when it is none."""
    picture = _upright_rgb(data)
    luma = picture.convert("F")
    value, quality = pdq.pdq_hash(pdq.luma_from_float_bytes(luma.tobytes()), picture.height, picture.width)
    inside = _without_border(picture)
    main = [_match_hash(picture)]
    if inside.size != picture.size:
        main.append(_match_hash(inside))
    crops = tuple(_match_hash(_cut(picture, crop)) for crop in CROPS)
    return ImageHash(pdq=value, quality=quality, main=tuple(main), crops=crops)


def _upright_rgb(data: bytes) -> Image.Image:
    """The picture upright, in RGB, at most `PDQ_SIDE` on its long side (never enlarged)."""
    try:
        with Image.open(io.BytesIO(data), formats=_OPENERS) as img:
            limit = Image.MAX_IMAGE_PIXELS
            if limit is not None and img.width * img.height > limit:
                # Pillow only warns between the limit and twice it; we refuse there too.
                raise ImageUnreadableError(
                    f"it declares {img.width * img.height} pixels, over the safety limit"
                )
            if img.format in ("JPEG", "MPO"):
                img.draft("RGB", (2 * PDQ_SIDE, 2 * PDQ_SIDE))  # decode at 1/2..1/8 scale: less memory
            # libheif turned HEIF pixels upright already; EXIF must not turn them again.
            upright = img.copy() if img.format == "HEIF" else _exif_upright(img)
    except ImageUnreadableError:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageUnreadableError(str(exc)) from exc
    except Exception as exc:  # untrusted bytes reach C decoders whose failure types are not a fixed set
        raise ImageUnreadableError(str(exc).strip() or type(exc).__name__) from exc
    rgb = _to_rgb(upright)
    rgb.thumbnail((PDQ_SIDE, PDQ_SIDE))  # as the reference's Python version does
    return rgb


def _exif_upright(img: Image.Image) -> Image.Image:
    """The picture turned as its EXIF orientation says; as stored when that metadata is damaged."""
    try:
        return ImageOps.exif_transpose(img)
    except Exception:  # Pillow's EXIF reader raises many kinds of errors (and warnings) on damaged blocks
        img.load()  # damaged pixels still fail here, and are reported by the caller
        return img.copy()


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit values: a plain conversion would cut everything above 255 to white.
        img = img.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if img.mode in ("RGBA", "LA", "PA", "P", "RGBa", "La") or "transparency" in img.info:
        rgba = img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")  # transparent parts as a viewer shows them on white
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return img if img.mode == "RGB" else img.convert("RGB")


def _match_hash(picture: Image.Image) -> int:
    """A 256-bit hash like PDQ's, with Pillow's area-averaging resize standing in for the tent filter."""
    small = picture.resize((pdq.SAMPLES, pdq.SAMPLES), Image.Resampling.BOX).convert("F")
    values = pdq.luma_from_float_bytes(small.tobytes())
    samples = [list(values[row * pdq.SAMPLES : (row + 1) * pdq.SAMPLES]) for row in range(pdq.SAMPLES)]
    return pdq.hash_samples(samples, MATCH_COEFFICIENTS)


def _cut(picture: Image.Image, crop: tuple[float, float, float, float]) -> Image.Image:
    left, top, right, bottom = crop
    width, height = picture.size
    box = (
        round(width * left),
        round(height * top),
        max(round(width * left) + 1, round(width * (1 - right))),
        max(round(height * top) + 1, round(height * (1 - bottom))),
    )
    return picture.crop(box)


def _without_border(picture: Image.Image) -> Image.Image:
    """The picture with a plain border of its corner's colour cut off (unchanged when it has none)."""
    corner = picture.getpixel((0, 0))
    plain = Image.new("RGB", picture.size, corner)
    differs = (
        ImageChops.difference(picture, plain)
        .convert("L")
        .point(lambda value: 255 if value > _BORDER_TOLERANCE else 0)
    )
    box = differs.getbbox()
    if box is None:
        return picture  # all one colour: nothing to cut
    left, top, right, bottom = box
    if (right - left) < picture.width * _MIN_INSIDE or (bottom - top) < picture.height * _MIN_INSIDE:
        return picture
    return picture.crop(box)


# ----------------------------------------------------------------- comparing


def distance(a: ImageHash, b: ImageHash) -> int:
    """The smallest distance the matching rule looks at (whole against whole, whole against a crop)."""
    best = MATCH_BITS
    for first, second in ((a, b), (b, a)):
        for main in first.main:
            for other in (*second.main, *second.crops):
                best = min(best, pdq.distance(main, other))
    return best


def matches(a: ImageHash, b: ImageHash) -> bool:
    return a.comparable and b.comparable and distance(a, b) <= THRESHOLD


def similar_groups(hashes: Mapping[int, ImageHash]) -> list[list[int]]:
    """Groups of items that show the same picture: each group sorted, groups by their first item."""
    ids = sorted(item for item, h in hashes.items() if h.comparable)
    parent = {item: item for item in ids}

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for index, first in enumerate(ids):
        for second in ids[index + 1 :]:
            if root(first) != root(second) and matches(hashes[first], hashes[second]):
                parent[max(root(first), root(second))] = min(root(first), root(second))
    groups: dict[int, list[int]] = {}
    for item in ids:
        groups.setdefault(root(item), []).append(item)
    return sorted((members for members in groups.values() if len(members) > 1), key=lambda g: g[0])


# ----------------------------------------------------------------- a vault


def is_picture(item: ItemSummary) -> bool:
    """Items compared as pictures: those read as images, and files that say they are one."""
    return item.kind == ItemKind.IMAGE or (item.media_type or "").startswith("image/")


def scan_images(vault: Vault, items: Iterable[ItemSummary] | None = None) -> ImageScan:
    """Hash every picture in the vault from its original; those that cannot be read are named."""
    scan = ImageScan()
    for item in vault.items() if items is None else items:
        if not is_picture(item):
            continue
        if item.size > MAX_ORIGINAL_BYTES:
            scan.unreadable[item.id] = f"it is larger than {MAX_ORIGINAL_BYTES} bytes"
            continue
        data = b"".join(vault.iter_original(item.id))
        try:
            scan.hashes[item.id] = hash_image(data)
        except ImageUnreadableError as exc:
            scan.unreadable[item.id] = str(exc)[:300]
    return scan


def image_hashes(vault: Vault) -> dict[int, ImageHash]:
    """Every picture's hashes by item id (pictures that cannot be decoded are left out)."""
    return scan_images(vault).hashes
