"""Safe file names for the originals in a package: `originals/NNNN_<safe name>`.

Rule: a name an export or a file system gave an item is untrusted text. What lands on the
reader's disk is NFC, has no path separators, control or formatting characters, no characters
Windows forbids and no reserved device name, and fits every common file system; the number
prefix keeps names unique even where case does not count.
"""

from __future__ import annotations

import re
import unicodedata

# Safe names (see safe_file_name): well under the 255-byte limit of common file systems, and
# short enough that "<folder>\originals\<name>" stays under Windows' classic 260-character limit.
MAX_NAME_BYTES = 120
MAX_EXTENSION_CHARS = 10
FALLBACK_STEM = "file"
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in (*"123456789", "¹", "²", "³")}
    | {f"LPT{n}" for n in (*"123456789", "¹", "²", "³")}
)
_EXTENSION = re.compile(rf"[A-Za-z0-9]{{1,{MAX_EXTENSION_CHARS}}}")
_UNDERSCORE_RUNS = re.compile(r"_{2,}")
_DOT_RUNS = re.compile(r"\.{2,}")


def _keep(char: str) -> str:
    """What one character of a name's stem becomes: itself, '_' or nothing."""
    category = unicodedata.category(char)
    if category[0] in "LN" or category in ("Mn", "Mc", "Me"):
        return char  # letters, digits and combining marks of any script carry the meaning of a name
    if category[0] == "C":
        return ""  # controls, bidi overrides, zero-width joiners, surrogates: invisible, so dropped
    if char in "-.":
        return char
    return "_"  # spaces, punctuation, symbols and emoji: awkward to type in a shell command


def _clean_stem(stem: str) -> str:
    cleaned = "".join(_keep(char) for char in stem)
    cleaned = _DOT_RUNS.sub(".", _UNDERSCORE_RUNS.sub("_", cleaned)).strip("._- ")
    if cleaned.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        cleaned += "_"
    return cleaned


def _truncate_utf8(text: str, max_bytes: int) -> str:
    """The longest prefix of `text` in whole code points that fits in `max_bytes` of UTF-8."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[: max(max_bytes, 0)].decode("utf-8", errors="ignore")


def base_name(original: str) -> str:
    """The last path component of a name as an export or a file system gave it ('../a\\b.png' -> 'b.png')."""
    return re.split(r"[/\\]", original)[-1]


def safe_file_name(original: str, number: int) -> str:
    """The name under which item `number` is written into `originals/`, e.g. '0007_screenshot.png'.

    NFC; no path separators, control or formatting characters (so a right-to-left override
    cannot make "photo\\u202egnp.exe" look like a PNG), no characters Windows forbids, no
    reserved device name, no leading/trailing dots or spaces, at most MAX_NAME_BYTES of UTF-8.
    The number prefix makes names unique even on case-insensitive file systems.
    """
    if number < 0:
        raise ValueError("item numbers are not negative")
    normalized = unicodedata.normalize("NFC", base_name(original))
    # Invisible characters go before the extension is looked for, so the real one is kept.
    visible = "".join(char for char in normalized if unicodedata.category(char)[0] != "C")
    stem, dot, suffix = visible.rpartition(".")
    extension = "." + suffix if dot and stem.strip(". ") and _EXTENSION.fullmatch(suffix) else ""
    if not extension:
        stem = visible
    prefix = f"{number:04d}_"
    budget = MAX_NAME_BYTES - len(prefix) - len(extension) - 1  # 1 spare byte for a reserved-name "_"
    stem = _clean_stem(unicodedata.normalize("NFC", _truncate_utf8(_clean_stem(stem), budget)))
    return prefix + (stem or FALLBACK_STEM) + extension
