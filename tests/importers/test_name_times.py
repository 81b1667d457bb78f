"""Times in the names of screenshots and photos, and EXIF times, as separate labelled sources.

The names are the shapes the programs write (see `importers/name_times.py`); the pictures are
fictional, made here.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from evidence_kit.domain import TimeSource
from evidence_kit.importers import name_times as nt
from evidence_kit.importers.batch import add_paths
from evidence_kit.importers.reading import image_derived
from evidence_kit.importers.reparse import ReparseVerdict, check_reparse
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

AT = datetime(2024, 3, 12, 14, 22, 33)


@pytest.mark.parametrize(
    ("name", "local", "assumption"),
    [
        ("Screenshot_20240312-142233.png", AT, nt.ANDROID_SCREENSHOT_ASSUMPTION),
        ("Screenshot_20240312-142233_WhatsApp.jpg", AT, nt.ANDROID_SCREENSHOT_ASSUMPTION),  # Samsung
        ("Screenshot_20240312_142233_com.whatsapp.jpg", AT, nt.ANDROID_SCREENSHOT_ASSUMPTION),
        ("Screenshot_2024-03-12-14-22-33-123_com.whatsapp.jpg", AT, nt.ANDROID_SCREENSHOT_ASSUMPTION),
        ("IMG_20240312_142233.jpg", AT, nt.ANDROID_CAMERA_ASSUMPTION),
        ("20240312_142233.jpg", AT, nt.ANDROID_CAMERA_ASSUMPTION),  # Samsung camera
        ("Screenshot 2024-03-12 at 14.22.33.png", AT, nt.MACOS_SCREENSHOT_ASSUMPTION),
        ("Screen Shot 2024-03-12 at 2.22.33 PM.png", AT, nt.MACOS_SCREENSHOT_ASSUMPTION),
        ("Screenshot 2024-03-12 at 2.22.33\u202fPM.png", AT, nt.MACOS_SCREENSHOT_ASSUMPTION),
        ("Screenshot 2024-03-12 at 12.22.33 AM.png", AT.replace(hour=0), nt.MACOS_SCREENSHOT_ASSUMPTION),
        ("Schermafbeelding 2024-03-12 om 14.22.33.png", AT, nt.MACOS_SCREENSHOT_ASSUMPTION),
        ("Screenshot 2024-03-12 142233.png", AT, nt.WINDOWS_SCREENSHOT_ASSUMPTION),
        ("Schermafbeelding 2024-03-12 142233.png", AT, nt.WINDOWS_SCREENSHOT_ASSUMPTION),
        ("IMG-20240312-WA0001.jpg", datetime(2024, 3, 12), nt.WHATSAPP_MEDIA_ASSUMPTION),
        ("IMG-20240312-WA0385~2.jpg", datetime(2024, 3, 12), nt.WHATSAPP_MEDIA_ASSUMPTION),
        ("WhatsApp Image 2024-03-12 at 14.22.33.jpeg", AT, nt.WHATSAPP_DESKTOP_ASSUMPTION),
        ("WhatsApp Image 2024-03-12 at 2.22.33 PM (1).jpeg", AT, nt.WHATSAPP_DESKTOP_ASSUMPTION),
        ("photo_2024-03-12_14-22-33.jpg", AT, nt.TELEGRAM_DESKTOP_ASSUMPTION),
        ("map/sub\\photo_2024-03-12_14-22-33.jpg", AT, nt.TELEGRAM_DESKTOP_ASSUMPTION),
    ],
)
def test_each_naming_rule_gives_a_wall_time_without_an_offset(
    name: str, local: datetime, assumption: str
) -> None:
    stamp = nt.name_time(name)
    assert stamp is not None
    assert stamp.source == TimeSource.FILE_NAME
    assert stamp.local == local
    assert stamp.utc is None and stamp.offset_minutes is None  # a name never states an offset
    assert stamp.assumption == assumption


@pytest.mark.parametrize(
    "name",
    [
        "IMG_1234.HEIC",  # iPhone: no time in the name
        "Screenshot (12).png",  # Windows + PrintScreen: a counter
        "Screenshot_20241332-142233.png",  # month 13
        "Screenshot_20240312-252233.png",  # hour 25
        "Screenshot 2024-03-12 at 13.22.33 PM.png",  # 13 PM
        "Screenshot_19000312-142233.png",  # implausible year
        "Screenshot_202403121422339.png",  # more digits than the rule
        "my Screenshot_20240312-142233.png",  # not at the start of the name
        "foto.jpg",
    ],
)
def test_names_that_only_look_like_a_rule_give_no_time(name: str) -> None:
    assert nt.name_time(name) is None


def _jpeg(*, taken: str | None, offset: str | None) -> bytes:
    exif = Image.Exif()
    ifd = exif.get_ifd(0x8769)
    if taken is not None:
        ifd[0x9003] = taken  # DateTimeOriginal
    if offset is not None:
        ifd[0x9011] = offset  # OffsetTimeOriginal
    out = io.BytesIO()
    Image.new("RGB", (16, 12), "#336699").save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_exif_and_file_name_are_two_labelled_sources() -> None:
    data = _jpeg(taken="2024:03:12 14:20:00", offset="+01:00")
    _kind, _type, _derived, times, _warnings = image_derived(
        lambda: io.BytesIO(data), "Screenshot_20240312-142233.png"
    )
    exif, named = times
    assert exif.source == TimeSource.CONTENT
    assert exif.local == datetime(2024, 3, 12, 14, 20) and exif.offset_minutes == 60
    assert exif.utc == datetime(2024, 3, 12, 13, 20, tzinfo=UTC)
    assert named.source == TimeSource.FILE_NAME and named.local == AT and named.utc is None


def test_exif_without_offset_keeps_the_wall_time_and_says_the_zone_is_unknown() -> None:
    data = _jpeg(taken="2024:03:12 14:20:00", offset=None)
    _kind, _type, _derived, times, _warnings = image_derived(lambda: io.BytesIO(data), "IMG_1234.jpg")
    [exif] = times
    assert exif.source == TimeSource.CONTENT and exif.local == datetime(2024, 3, 12, 14, 20)
    assert exif.utc is None and exif.offset_minutes is None
    assert exif.assumption is not None and "time zone" in exif.assumption


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(tmp_path / "case.ekvault", "correct horse", kdf=KdfParams.insecure_fast())
    yield opened
    opened.close()


def test_a_screenshot_is_stored_with_its_file_name_time_and_reparses_the_same(
    tmp_path: Path, vault: Vault
) -> None:
    shot = tmp_path / "Schermafbeelding 2024-03-12 om 14.22.33.png"
    Image.new("RGB", (20, 10), "white").save(shot, format="PNG")
    original = shot.read_bytes()
    [result] = add_paths(vault, [shot])
    [item] = result.items
    stored = {stamp.source: stamp for stamp in vault.item(item.id).times}
    assert stored[TimeSource.FILE_NAME].local == AT
    assert stored[TimeSource.FILE_NAME].assumption == nt.MACOS_SCREENSHOT_ASSUMPTION
    assert TimeSource.CONTENT not in stored  # a PNG screenshot has no EXIF time
    assert shot.read_bytes() == original  # read only
    assert {f.item_id: f.verdict for f in check_reparse(vault)}[item.id] == ReparseVerdict.SAME
