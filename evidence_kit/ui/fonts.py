"""Fonts the app ships (Noto, Symbola), registered with Qt so every script and emoji in the
evidence has a glyph, whatever fonts the computer has.

Rule: fonts are loaded from the program's own resources, in memory; a missing font file only
means Qt falls back to the system's fonts.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from evidence_kit.resources import fonts_dir


@cache
def register_fonts() -> tuple[str, ...]:
    """Add the bundled fonts to Qt's font database once; returns the families added."""
    families: list[str] = []
    folder = fonts_dir()
    if not folder.is_dir():
        return ()
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(dict.fromkeys(families))
