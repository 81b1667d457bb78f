"""The time a picture's file name states: the names phones, computers and chat apps give
screenshots and photos, each read as a time source of its own (`TimeSource.FILE_NAME`).

Rule: a name gives a wall-clock time and never an offset, so the time is kept as shown with no
UTC value, and its `assumption` says which naming rule it matched and that the time zone is not
known; nothing is guessed. A name that only looks like a pattern (an impossible date or time, a
year outside `YEARS`) gives no time. Only the start of the name is matched, so what apps add
after the time (an app name, " (1)", "_3a0e9661", "~2") does not matter.

The naming rules, from names these programs write (public examples in repositories and pages):

* Android screenshots: `Screenshot_20240312-142233.png`, Samsung with the app's name
  `Screenshot_20240312-142233_WhatsApp.jpg`, others `Screenshot_20240312_142233_com.whatsapp.jpg`,
  Xiaomi `Screenshot_2024-03-12-14-22-33-123_com.whatsapp.jpg`.
* Android cameras: `IMG_20240312_142233.jpg`; Samsung's camera `20240312_142233.jpg`.
* macOS screenshots: `Screenshot 2024-03-12 at 14.22.33.png` (older `Screen Shot ...`, a 12-hour
  clock adds " PM"), Dutch `Schermafbeelding 2024-03-12 om 14.22.33.png`.
* Windows screenshots (Snipping Tool): `Screenshot 2024-03-12 142233.png`, Dutch
  `Schermafbeelding 2024-03-12 142233.png`. (Win+PrintScreen's `Screenshot (12).png` has no date.)
* WhatsApp on a phone: `IMG-20240312-WA0001.jpg`: the date only, the day the file was saved.
  WhatsApp Desktop and Web: `WhatsApp Image 2024-03-12 at 14.22.33.jpeg` (also " PM").
* Telegram Desktop: `photo_2024-03-12_14-22-33.jpg`.
* iPhones name pictures `IMG_1234.HEIC`: no time in the name; their EXIF has it (`images.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from evidence_kit.domain import TimeSource, Timestamp

YEARS = range(1990, 2100)

ANDROID_SCREENSHOT_ASSUMPTION = (
    "From the file name, as Android names a screenshot (also Samsung and Xiaomi): the phone's local "
    "time; the time zone is not known."
)
ANDROID_CAMERA_ASSUMPTION = (
    "From the file name, as an Android camera names a photo: the phone's local time; the time zone is "
    "not known."
)
MACOS_SCREENSHOT_ASSUMPTION = (
    "From the file name, as macOS names a screenshot: the Mac's local time; the time zone is not known."
)
WINDOWS_SCREENSHOT_ASSUMPTION = (
    "From the file name, as the Windows Snipping Tool names a screenshot: the computer's local time; "
    "the time zone is not known."
)
WHATSAPP_MEDIA_ASSUMPTION = (
    "From the file name, as WhatsApp on a phone names media: only the date the file was saved on the "
    "phone; the time of day and the time zone are not known."
)
WHATSAPP_DESKTOP_ASSUMPTION = (
    "From the file name, as WhatsApp Desktop or Web names a saved picture: the computer's local time; "
    "the time zone is not known."
)
TELEGRAM_DESKTOP_ASSUMPTION = (
    "From the file name, as Telegram Desktop names a saved photo: the computer's local time; the time "
    "zone is not known."
)

# Date and time groups are named y, mo, d, h, mi, s; `ampm` is a 12-hour clock's mark. The space
# before it may be a narrow no-break space (macOS since 13) or a no-break space.
_AMPM = r"(?:[ \u00a0\u202f](?P<ampm>[AaPp][Mm]))?"
_DATE8 = r"(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})"
_TIME6 = r"(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})"
_ISO_DATE = r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
_DOTTED = r"(?P<h>\d{1,2})\.(?P<mi>\d{2})\.(?P<s>\d{2})"


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    assumption: str


def _rule(expression: str, assumption: str) -> _Rule:
    # What follows the time may not be another digit: "Screenshot_202403121422339" is no match.
    return _Rule(re.compile(expression + r"(?!\d)", re.IGNORECASE), assumption)


_RULES: tuple[_Rule, ...] = (
    _rule(rf"Screenshot_{_DATE8}[-_]{_TIME6}", ANDROID_SCREENSHOT_ASSUMPTION),
    _rule(
        r"Screenshot_(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})-(?P<h>\d{2})-(?P<mi>\d{2})-(?P<s>\d{2})",
        ANDROID_SCREENSHOT_ASSUMPTION,
    ),
    _rule(rf"(?:IMG|VID|PANO)_{_DATE8}_{_TIME6}", ANDROID_CAMERA_ASSUMPTION),
    _rule(rf"{_DATE8}_{_TIME6}", ANDROID_CAMERA_ASSUMPTION),
    _rule(rf"(?:Screenshot|Screen Shot) {_ISO_DATE} at {_DOTTED}{_AMPM}", MACOS_SCREENSHOT_ASSUMPTION),
    _rule(rf"Schermafbeelding {_ISO_DATE} om {_DOTTED}", MACOS_SCREENSHOT_ASSUMPTION),
    _rule(rf"(?:Screenshot|Schermafbeelding) {_ISO_DATE} {_TIME6}", WINDOWS_SCREENSHOT_ASSUMPTION),
    _rule(rf"(?:IMG|VID|AUD|PTT|STK|DOC)-{_DATE8}-WA\d+", WHATSAPP_MEDIA_ASSUMPTION),
    _rule(rf"WhatsApp Image {_ISO_DATE} at {_DOTTED}{_AMPM}", WHATSAPP_DESKTOP_ASSUMPTION),
    _rule(
        r"photo_(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})_(?P<h>\d{2})-(?P<mi>\d{2})-(?P<s>\d{2})",
        TELEGRAM_DESKTOP_ASSUMPTION,
    ),
)


def _moment(found: re.Match[str]) -> datetime | None:
    parts = found.groupdict()
    hour = int(parts.get("h") or 0)
    ampm = (parts.get("ampm") or "").upper()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "PM" else 0)
    try:
        moment = datetime(
            int(parts["y"]),
            int(parts["mo"]),
            int(parts["d"]),
            hour,
            int(parts.get("mi") or 0),
            int(parts.get("s") or 0),
        )
    except ValueError:
        return None
    return moment if moment.year in YEARS else None


def name_time(name: str) -> Timestamp | None:
    """The time the file name `name` states (its last path part is used), or None."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for rule in _RULES:
        found = rule.pattern.match(base)
        if found is None:
            continue
        moment = _moment(found)
        if moment is None:
            return None
        return Timestamp(source=TimeSource.FILE_NAME, local=moment, assumption=rule.assumption)
    return None
