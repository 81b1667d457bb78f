"""File dialogs that leave no trail of where the evidence is.

Rule: the platform's own dialog is used only where it cannot add the chosen file to the
desktop's "recent files"; elsewhere Qt's own dialog is used. After each use the folder history
Qt keeps in its `QtProject` settings is removed, so no vault or evidence path stays in the
user's configuration.

Where the native dialog is safe (`native_allowed`):
- macOS: the open/save panels do not add to "Recent Items" (only a document-based app that calls
  `noteNewRecentDocument` does), so the native panel is used.
- Windows: the common item dialog adds the choice to the shell's recent list and the
  OpenSavePidlMRU registry key unless the program sets FOS_DONTADDTORECENT, which Qt does not
  let an application set; Qt's own dialog is used.
- Linux and the BSDs: the GTK file chooser (directly, or inside an xdg-desktop-portal) writes
  what was chosen to ~/.local/share/recently-used.xbel, which we cannot switch off from here;
  Qt's own dialog is used (`tests/ui/test_file_dialogs.py` checks that nothing is written there).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_QT_HISTORY_KEYS = ("FileDialog/history", "FileDialog/lastVisited")


def native_allowed(platform: str | None = None) -> bool:
    """Whether the platform's own file dialog keeps the chosen paths out of its recent list."""
    return (platform or sys.platform) == "darwin"


def options(platform: str | None = None) -> QFileDialog.Option:
    if native_allowed(platform):
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


OPTIONS = options()


def scrub_qt_history() -> None:
    """Remove the paths Qt's file dialog remembers (QtProject.conf / registry)."""
    store = QSettings(QSettings.Scope.UserScope, "QtProject")
    for key in _QT_HISTORY_KEYS:
        store.remove(key)
    store.sync()


def existing_folder(parent: QWidget | None, caption: str, start: str = "") -> str:
    try:
        return QFileDialog.getExistingDirectory(
            parent, caption, start, OPTIONS | QFileDialog.Option.ShowDirsOnly
        )
    finally:
        scrub_qt_history()


def open_files(parent: QWidget | None, caption: str, start: str = "", filters: str = "") -> list[str]:
    try:
        files, _chosen = QFileDialog.getOpenFileNames(parent, caption, start, filters, "", OPTIONS)
        return list(files)
    finally:
        scrub_qt_history()


def open_file(parent: QWidget | None, caption: str, start: str = "", filters: str = "") -> str:
    try:
        name, _chosen = QFileDialog.getOpenFileName(parent, caption, start, filters, "", OPTIONS)
        return name
    finally:
        scrub_qt_history()


def save_file(parent: QWidget | None, caption: str, start: str = "", filters: str = "") -> str:
    try:
        name, _chosen = QFileDialog.getSaveFileName(parent, caption, start, filters, "", OPTIONS)
        return name
    finally:
        scrub_qt_history()
