"""Image matching (`case/image_match.py`, `case/pdq.py`): copies match their original, others never.

Copies are made the way pictures travel: re-encoded (JPEG quality 60 from PNG), resized to half,
cropped by 10% from one side, from a corner and from two opposite sides, framed in a screenshot,
stored turned with an EXIF orientation tag. Different pictures are the hard cases: chat
screenshots of one app's layout with other messages, similar park scenes, a flat colour and a
gradient. The distances measured here (bits of 576, `THRESHOLD` 64): copies 0-38, different
pictures 84 and more; they are asserted with a margin so a change that narrows it fails. All
pictures are drawn (tests/case/pictures.py); none is real.
"""

from __future__ import annotations

import io
import itertools
import json
import random
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from PIL import Image

from evidence_kit import i18n
from evidence_kit.case import image_match, pdq
from evidence_kit.case.image_match import ImageHash, ImageUnreadableError, hash_image, similar_groups
from evidence_kit.cli import main
from evidence_kit.importers import images
from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from tests.case import pictures as p
from tests.helpers import cli_env

CHAT_C = (
    ("in", "where are you"),
    ("in", "I can see your window from here"),
    ("out", "leave me alone"),
    ("in", "nice blue curtains"),
    ("in", "you should be more careful"),
    ("out", "I have called the police"),
    ("in", "lol"),
    ("in", "they won't do anything"),
)
COPIES: dict[str, Callable[[Image.Image], bytes]] = {
    "jpeg q60": lambda img: p.jpeg(img, 60),
    "half size": lambda img: p.png(p.resized(img, 0.5)),
    "10% off the left": lambda img: p.png(p.cropped(img, left=0.1)),
    "10% off the bottom": lambda img: p.png(p.cropped(img, bottom=0.1)),
    "10% off left and top": lambda img: p.png(p.cropped(img, left=0.1, top=0.1)),
    "10% off left and right": lambda img: p.png(p.cropped(img, left=0.1, right=0.1)),
    "framed in a screenshot": lambda img: p.png(p.framed(img)),
    "EXIF orientation 6": p.rotated_with_exif,
    "half, cropped, jpeg": lambda img: p.jpeg(p.cropped(p.resized(img, 0.5), bottom=0.1), 70),
}
ORIGINALS: dict[str, Callable[[], Image.Image]] = {
    "scene": lambda: p.scene(1),
    "chat screenshot": lambda: p.chat_screenshot(p.CHAT_A),
}
COPY_MARGIN = 48  # copies measured at most 38 apart: fail well before the threshold is reached
DIFFERENT_MARGIN = 80  # different pictures measured 84 or more apart


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("original", ORIGINALS)
def test_a_copy_matches_its_original(original: str, copy: str) -> None:
    img = ORIGINALS[original]()
    first = hash_image(p.png(img))
    second = hash_image(COPIES[copy](img))
    assert image_match.distance(first, second) <= COPY_MARGIN
    assert image_match.matches(first, second)
    assert similar_groups({1: first, 2: second}) == [[1, 2]]


WIDE = (720, 1560)  # bubbles take less of a larger screen: the layout weighs more
LOOKALIKES: dict[str, Callable[[], Image.Image]] = {
    "chat A": lambda: p.chat_screenshot(p.CHAT_A),
    "chat B": lambda: p.chat_screenshot(p.CHAT_B),
    "chat C": lambda: p.chat_screenshot(CHAT_C),
    "chat A, sides swapped": lambda: p.chat_screenshot(
        tuple(("out" if side == "in" else "in", text) for side, text in p.CHAT_A)
    ),
    "wide chat A": lambda: p.chat_screenshot(p.CHAT_A, WIDE),
    "wide chat B": lambda: p.chat_screenshot(p.CHAT_B, WIDE),
    "wide chat C": lambda: p.chat_screenshot(CHAT_C, WIDE),
    "scene 1": lambda: p.scene(1),
    "scene 2": lambda: p.scene(2),
    "scene 3": lambda: p.scene(3),
    "gradient": p.gradient,
}
DIFFERENT = [
    *itertools.combinations(("chat A", "chat B", "chat C", "chat A, sides swapped"), 2),
    ("wide chat A", "wide chat B"),
    ("wide chat A", "wide chat C"),
    ("wide chat B", "wide chat C"),
    *itertools.combinations(("scene 1", "scene 2", "scene 3"), 2),
    ("gradient", "scene 1"),
]


@cache
def _hash_of(name: str) -> ImageHash:
    return hash_image(p.png(LOOKALIKES[name]()))


@cache
def _copies_of(name: str) -> tuple[ImageHash, ...]:
    img = LOOKALIKES[name]()
    return tuple(hash_image(make(img)) for make in COPIES.values())


@pytest.mark.parametrize(("one", "two"), DIFFERENT)
def test_different_pictures_never_match(one: str, two: str) -> None:
    first, second = _hash_of(one), _hash_of(two)
    assert image_match.distance(first, second) >= DIFFERENT_MARGIN
    assert not image_match.matches(first, second)
    # Nor any copy of the one with the other (a crop must not bring a lookalike closer).
    for copy in _copies_of(one):
        assert not image_match.matches(copy, second)
    assert similar_groups({1: first, 2: second}) == []


def test_plain_pictures_are_never_matched() -> None:
    flat, other_flat, gradient = (
        hash_image(p.png(i)) for i in (p.flat(), p.flat((30, 60, 200)), p.gradient())
    )
    assert flat.quality == 0 and not flat.comparable and other_flat.quality == 0
    assert gradient.comparable
    assert not image_match.matches(flat, other_flat)  # two plain colours are not "the same picture"
    assert not image_match.matches(flat, gradient)
    assert similar_groups({1: flat, 2: other_flat, 3: gradient}) == []


def test_the_shareable_hash_is_pdq_in_hex_and_survives_re_encoding() -> None:
    img = p.scene(1)
    original, copy = hash_image(p.png(img)), hash_image(p.jpeg(img, 60))
    algorithm, hex_digits = original.shareable.split(":")
    assert algorithm == "pdq" and len(hex_digits) == 64 and int(hex_digits, 16) == original.pdq
    assert pdq.from_hex(hex_digits) == original.pdq
    # PDQ's own matching tolerance is about 31 of 256 bits; a re-encoded copy is far within it.
    assert pdq.distance(original.pdq, copy.pdq) <= 16
    assert pdq.distance(original.pdq, hash_image(p.png(p.scene(2))).pdq) > 64
    with pytest.raises(ValueError):
        pdq.from_hex("abc")


def _box_reference(values: list[float], window: int) -> list[float]:
    """The reference's running box filter written out plainly: each output the mean of its window."""
    half = (window + 2) // 2
    out = []
    for o in range(len(values)):
        low, high = max(0, o - (window - half)), min(len(values) - 1, o + half - 1)
        out.append(sum(values[low : high + 1]) / (high - low + 1))
    return out


@pytest.mark.parametrize(("rows", "cols"), [(300, 200), (64, 64), (17, 700), (1, 1)])
def test_the_tent_filter_equals_filtering_every_pixel(rows: int, cols: int) -> None:
    rng = random.Random(rows * cols)
    luma = [rng.uniform(0, 255) for _ in range(rows * cols)]
    grid = [luma[r * cols : (r + 1) * cols] for r in range(rows)]
    row_window = max(1, (cols + 127) // 128)
    col_window = max(1, (rows + 127) // 128)
    for _ in range(2):  # X, Y, X, Y passes as the reference does
        grid = [_box_reference(line, row_window) for line in grid]
        columns = [_box_reference(list(c), col_window) for c in zip(*grid, strict=True)]
        grid = [list(r) for r in zip(*columns, strict=True)]
    expected = [
        [grid[int((i + 0.5) * rows / 64)][int((j + 0.5) * cols / 64)] for j in range(64)] for i in range(64)
    ]
    got = pdq.samples_64(luma, rows, cols)
    assert (
        max(abs(a - b) for ra, rb in zip(got, expected, strict=True) for a, b in zip(ra, rb, strict=True))
        < 1e-6
    )


def _encoded(img: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def test_every_mode_and_format_is_hashed_like_its_rgb_picture() -> None:
    img = p.scene(1)
    reference = hash_image(p.png(img))
    rgba = img.convert("RGBA")
    rgba.putalpha(255)
    sixteen = img.convert("L").point(lambda v: v * 256, "I").convert("I;16")
    variants = {
        "RGBA": _encoded(rgba, "PNG"),
        "palette": _encoded(img.quantize(256), "PNG"),
        "CMYK": _encoded(img.convert("CMYK"), "JPEG", quality=90),
        "WebP": _encoded(img, "WEBP", quality=80),
        "HEIC": _encoded(img, "HEIF", quality=80),
        "TIFF": _encoded(img, "TIFF"),
        "grey": _encoded(img.convert("L"), "PNG"),
        "16-bit grey": _encoded(sixteen, "PNG"),
    }
    for name, data in variants.items():
        assert image_match.distance(reference, hash_image(data)) <= COPY_MARGIN, name
    # Transparent parts count as white, as a viewer shows them.
    clear = Image.new("RGBA", (200, 100), (255, 0, 0, 0))
    assert hash_image(_encoded(clear, "PNG")).quality == 0
    tiny = hash_image(p.png(Image.new("RGB", (1, 1), "red")))
    assert len(tiny.crops) == len(image_match.CROPS)


def test_the_formats_are_those_the_importer_reads() -> None:
    assert image_match.FORMATS == images.SUPPORTED_FORMATS


def test_what_is_no_picture_is_refused_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImageUnreadableError):
        hash_image(b"not a picture at all")
    with pytest.raises(ImageUnreadableError):
        hash_image(p.png(p.scene(1))[:200])  # truncated
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ImageUnreadableError, match="pixels"):
        hash_image(p.png(p.scene(1)))  # refused before its pixels are decoded


def test_damaged_exif_leaves_the_picture_as_stored(monkeypatch: pytest.MonkeyPatch) -> None:
    data = p.jpeg(p.scene(1), 90)
    # An EXIF block cut short: Pillow skips the orientation tag it cannot read.
    cut_exif = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x05\x01\x12\x00\x03\xff\xff"
    damaged = data[:2] + b"\xff\xe1" + (len(cut_exif) + 2).to_bytes(2, "big") + cut_exif + data[2:]
    plain = hash_image(data)
    assert image_match.distance(hash_image(damaged), plain) == 0

    def broken(img: Image.Image) -> Image.Image:
        raise SyntaxError("not a TIFF file")  # what Pillow's EXIF reader raises on some damaged blocks

    monkeypatch.setattr(image_match.ImageOps, "exif_transpose", broken)
    assert image_match.distance(hash_image(damaged), plain) == 0


def test_groups_are_sorted_and_ordered_by_their_first_item() -> None:
    def fake(value: int) -> ImageHash:
        return ImageHash(pdq=value, quality=100, main=(value,), crops=())

    far = (1 << 300) - 1  # 300 bits away from 0
    hashes = {9: fake(0), 4: fake(far), 2: fake(1), 7: fake(far ^ 1), 5: fake((1 << 576) - 1)}
    assert similar_groups(hashes) == [[2, 9], [4, 7]]


# ----------------------------------------------------------------- through a vault and the CLI


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(
        tmp_path / "case.ekvault",
        "correct horse battery",
        case_title="Pictures",
        kdf=KdfParams.insecure_fast(),
    )
    yield opened
    opened.close()


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _filled(vault: Vault, folder: Path) -> dict[str, int]:
    photo, chat, other_chat = p.scene(1), p.chat_screenshot(p.CHAT_A), p.chat_screenshot(p.CHAT_B)
    files = {
        "photo.png": p.png(photo),
        "chat.png": p.png(chat),
        "other chat.png": p.png(other_chat),
        "photo reposted.jpg": p.jpeg(p.resized(photo, 0.5), 60),
        "notes.txt": b"fictional notes\n",
        "chat cropped.png": p.png(p.cropped(chat, left=0.1, right=0.1)),
        "photo cropped.jpg": p.jpeg(p.cropped(photo, right=0.1), 80),
        "broken.png": p.png(p.scene(5))[:3000],  # a PNG cut short: its pixels cannot be decoded
    }
    ids = {}
    for name, data in files.items():
        (result,) = add_paths(vault, [_write(folder, name, data)])
        ids[name] = result.items[0].id
    return ids


def test_a_vault_groups_its_copies_and_names_what_it_could_not_read(vault: Vault, tmp_path: Path) -> None:
    ids = _filled(vault, tmp_path / "in")
    scan = image_match.scan_images(vault)
    assert ids["notes.txt"] not in scan.hashes and ids["notes.txt"] not in scan.unreadable
    assert set(scan.unreadable) == {ids["broken.png"]}
    assert similar_groups(scan.hashes) == [
        sorted([ids["photo.png"], ids["photo reposted.jpg"], ids["photo cropped.jpg"]]),
        sorted([ids["chat.png"], ids["chat cropped.png"]]),
    ]
    assert image_match.image_hashes(vault).keys() == scan.hashes.keys()


def _cli(args: list[str]) -> object:
    with pytest.raises(SystemExit) as exited:
        main(args)
    return exited.value.code


def test_the_similar_command(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(i18n, "_current", "en")  # main() sets the language; put it back afterwards
    ids = _filled(vault, tmp_path / "in")
    events = len(vault.custody_log())
    folder = vault.path
    vault.close()
    for key, value in cli_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    photo = sorted([ids["photo.png"], ids["photo reposted.jpg"], ids["photo cropped.jpg"]])

    assert _cli(["similar", str(folder)]) in (0, None)
    printed = capsys.readouterr()
    assert f"Items {photo[0]}, {photo[1]} and {photo[2]} look like the same picture." in printed.out
    assert f"Items {ids['chat.png']} and {ids['chat cropped.png']} look like the same picture." in printed.out
    assert f"Item {ids['broken.png']} (broken.png) could not be read as a picture" in printed.err
    assert "Traceback" not in printed.err and "pdq:" not in printed.out

    assert _cli(["similar", str(folder), "--hashes"]) in (0, None)
    lines = [line for line in capsys.readouterr().out.splitlines() if "\tpdq:" in line]
    assert len(lines) == 6 and all(len(line.split("\t")[1]) == len("pdq:") + 64 for line in lines)

    monkeypatch.setenv("EVIDENCE_KIT_LANG", "nl")
    assert _cli(["similar", str(folder)]) in (0, None)
    dutch = capsys.readouterr()
    assert f"Items {photo[0]}, {photo[1]} en {photo[2]} lijken dezelfde afbeelding te zijn." in dutch.out
    assert "kon niet als afbeelding worden gelezen" in dutch.err

    assert _cli(["similar", str(folder), "--json", "--hashes"]) in (0, None)
    report = json.loads(capsys.readouterr().out)
    assert report["algorithm"] == "pdq" and report["groups"][0] == photo
    assert [u["item"] for u in report["unreadable"]] == [ids["broken.png"]]
    assert set(report["hashes"]) == {str(i) for i in ids.values()} - {
        str(ids["notes.txt"]),
        str(ids["broken.png"]),
    }

    reopened = Vault.open(folder, "correct horse battery")
    try:
        assert len(reopened.custody_log()) == events  # reading only: like `list`, no custody event
    finally:
        reopened.close()


def test_similar_to_one_item_lists_its_copies_nearest_first_with_their_distance(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(i18n, "_current", "en")
    ids = _filled(vault, tmp_path / "in")
    folder = vault.path
    vault.close()
    for key, value in cli_env(tmp_path).items():
        monkeypatch.setenv(key, value)

    assert _cli(["similar", str(folder), str(ids["photo.png"]), "--json"]) in (0, None)
    report = json.loads(capsys.readouterr().out)
    assert report["item"] == ids["photo.png"]
    found = [m["item"] for m in report["matches"]]
    assert sorted(found) == sorted([ids["photo reposted.jpg"], ids["photo cropped.jpg"]])
    distances = [m["distance"] for m in report["matches"]]
    assert distances == sorted(distances) and all(0 <= d <= report["threshold"] for d in distances)
    assert ids["chat.png"] not in found  # another picture is no match

    assert _cli(["similar", str(folder), str(ids["chat.png"])]) in (0, None)
    printed = capsys.readouterr().out
    assert f"Item {ids['chat cropped.png']} (chat cropped.png) looks like it: distance" in printed

    monkeypatch.setenv("EVIDENCE_KIT_LANG", "nl")
    assert _cli(["similar", str(folder), str(ids["notes.txt"])]) == 2
    error = capsys.readouterr().err
    assert f"Item {ids['notes.txt']} kan niet als afbeelding worden vergeleken: het is geen" in error
    assert _cli(["similar", str(folder), "99"]) == 2
    assert "Er is geen item 99" in capsys.readouterr().err
