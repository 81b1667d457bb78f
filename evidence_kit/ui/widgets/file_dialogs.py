"""File dialogs that leave no trail of where the evidence is.

Rule: we use Qt's own dialog (not the platform's, which may add the chosen file to the
desktop's "recent files"), and after each use we remove the folder history Qt keeps in its
`QtProject` settings, so no vault or evidence path stays in the user's configuration.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog
_QT_HISTORY_KEYS = ("FileDialog/history", "FileDialog/lastVisited")


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
