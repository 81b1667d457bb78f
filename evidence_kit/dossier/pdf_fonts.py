"""The dossier's fonts: which files, how ReportLab embeds them, and which font draws which character.

Rule: every glyph in the PDF comes from a bundled, embedded open font (resources/fonts/, see the
README there). ReportLab's standard 14 fonts are never used, because a reader's PDF viewer would
substitute them and `pdffonts` would list them as not embedded.

No single font covers Dutch, Turkish, Polish, Arabic and emoji, so text is split into runs by the
first font of a fallback chain that has each character (Noto Sans, Noto Sans Arabic, Noto Sans
Hebrew, then the monochrome Symbola for emoji and symbols). Combining marks, joiners and variation
selectors stay in the run of the character they attach to, so "e\u0301" or an emoji sequence is
never torn apart.
ReportLab's own parsed `cmap` decides coverage, so the split agrees with what ReportLab draws.
"""

from __future__ import annotations

import sys
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

SANS = "EKSans"
SANS_BOLD = "EKSans-Bold"
MONO = "EKMono"
ARABIC = "EKArabic"
ARABIC_BOLD = "EKArabic-Bold"
HEBREW = "EKHebrew"
HEBREW_BOLD = "EKHebrew-Bold"
SYMBOLS = "EKSymbols"

FONT_FILES: dict[str, str] = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    MONO: "NotoSansMono-Regular.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    HEBREW: "NotoSansHebrew-Regular.ttf",
    HEBREW_BOLD: "NotoSansHebrew-Bold.ttf",
    SYMBOLS: "Symbola_hint.ttf",
}

# The chain each base font falls back along. Bold text falls back to bold Arabic and Hebrew, then
# to the regular symbol font (Symbola has no bold; emoji in a bold heading are drawn regular).
FALLBACKS: dict[str, tuple[str, ...]] = {
    SANS: (SANS, ARABIC, HEBREW, SYMBOLS),
    SANS_BOLD: (SANS_BOLD, ARABIC_BOLD, HEBREW_BOLD, SYMBOLS),
    MONO: (MONO, SANS, ARABIC, HEBREW, SYMBOLS),
}

_register_lock = threading.Lock()
_registered: set[str] = set()


class FontsMissingError(RuntimeError):
    """The bundled fonts are not where the program expects them (a broken installation)."""


def default_fonts_dir() -> Path:
    """resources/fonts/ of a source checkout or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def register_fonts(fonts_dir: Path | None = None) -> None:
    """Register the bundled fonts with ReportLab once per process (idempotent, thread-safe)."""
    folder = fonts_dir or default_fonts_dir()
    with _register_lock:
        _fix_to_unicode_cmap()
        for name, file_name in FONT_FILES.items():
            if name in _registered:
                continue
            path = folder / file_name
            if not path.is_file():
                raise FontsMissingError(f"font file {path} is missing")
            pdfmetrics.registerFont(TTFont(name, str(path)))
            _registered.add(name)
        # <b> inside Paragraph markup must pick our bold faces, never Helvetica-Bold.
        pairs = (
            (SANS, SANS_BOLD),
            (ARABIC, ARABIC_BOLD),
            (HEBREW, HEBREW_BOLD),
            (MONO, MONO),
            (SYMBOLS, SYMBOLS),
        )
        for regular, bold in pairs:
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
            addMapping(bold, 0, 0, regular)
            addMapping(bold, 1, 0, bold)
            addMapping(bold, 0, 1, regular)
            addMapping(bold, 1, 1, bold)


def _utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def _make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 surrogate pairs.

    ReportLab 5.1 writes them as five hex digits ("<1F44D>"), which PDF readers decode as U+1F44
    followed by junk, so copying or extracting an emoji from the dossier gave the wrong text.
    The PDF specification asks for UTF-16BE ("<D83DDC4D>"); this is the same CMap otherwise.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _fix_to_unicode_cmap() -> None:
    if ttfonts.makeToUnicodeCMap is not _make_to_unicode_cmap:
        ttfonts.makeToUnicodeCMap = _make_to_unicode_cmap


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn with one font."""

    font: str
    text: str


@cache
def _cmap(font: str) -> dict[int, int]:
    registered = pdfmetrics.getFont(font)
    if not isinstance(registered, TTFont):
        raise FontsMissingError(f"{font} is not one of the bundled TrueType fonts")
    cmap: dict[int, int] = registered.face.charToGlyph
    return cmap


@cache
def _chars(font: str) -> frozenset[str]:
    return frozenset(chr(code) for code in _cmap(font))


def has_glyphs(font: str, text: str) -> bool:
    """True when `font` itself draws every character of `text` (no fallback needed)."""
    return _chars(font).issuperset(text)


def _covers(font: str, char: str) -> bool:
    return ord(char) in _cmap(font)


def _attaches(char: str) -> bool:
    """Characters that belong with the one before them: marks, joiners, selectors, skin tones."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or code in (0x200C, 0x200D)
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def pick_font(chain: tuple[str, ...], char: str) -> str | None:
    """The first font of `chain` that has a glyph for `char`, or None."""
    for font in chain:
        if _covers(font, char):
            return font
    return None


def font_runs(text: str, base: str) -> Iterator[Run]:
    """Split `text` into runs of one font each, falling back along `FALLBACKS[base]`.

    A character no bundled font has (for example Chinese) stays in the base font: it is drawn as
    the font's "missing glyph" box, while the PDF's text layer still carries the real character.
    """
    chain = FALLBACKS[base]
    if chain and set(text) <= _chars(chain[0]):
        # Every character is in the first font: one run (the common case, checked at C speed).
        if text:
            yield Run(chain[0], text)
        return
    current: str | None = None
    buffer: list[str] = []
    for char in text:
        if current is not None and _attaches(char) and _covers(current, char):
            font = current
        else:
            font = pick_font(chain, char) or base
        if font != current and buffer:
            yield Run(current or base, "".join(buffer))
            buffer = []
        current = font
        buffer.append(char)
    if buffer:
        yield Run(current or base, "".join(buffer))


def text_width(text: str, base: str, size: float) -> float:
    """The drawn width of `text` at `size` points, font fallback included."""
    return sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in font_runs(text, base))
