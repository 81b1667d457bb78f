"""Icons of the app: scalable SVGs from resources/icons (sharp on high-DPI screens).

Rule: a missing icon file is never an error; the app falls back to Qt's standard icons.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from evidence_kit.domain import ItemKind
from evidence_kit.resources import resources_dir

_FALLBACK = {
    "file": QStyle.StandardPixmap.SP_FileIcon,
    "lock": QStyle.StandardPixmap.SP_DialogCloseButton,
    "quick_exit": QStyle.StandardPixmap.SP_BrowserStop,
}


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if path.is_file():
        return QIcon(str(path))
    style = QApplication.style()
    return style.standardIcon(_FALLBACK.get(name, QStyle.StandardPixmap.SP_FileIcon))


def kind_icon(kind: ItemKind) -> QIcon:
    return icon(str(kind))
