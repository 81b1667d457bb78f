"""Settings of the desktop app itself (language, auto-lock, neutral name, dossier defaults).

Rule: these hold choices about the program, never case content: no vault path, no case
name, no file names — and no recent-vault list unless the user switches it on (a support
worker with many cases may want one; its folder paths are then readable by anyone using the
computer, which the setting says). Switching it off deletes the list. They live in a
QSettings INI file in the user's configuration folder (tests give their own file).
Program-wide settings that the CLI shares (time-stamp authorities) stay in
`evidence_kit/settings.py`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from evidence_kit.ui.translations import LANGUAGES, SYSTEM

ORGANIZATION = "evidence-kit"
APPLICATION = "evidence-kit-gui"
DEFAULT_AUTOLOCK_MINUTES = 5
MAX_RECENT_VAULTS = 5
MAX_AUTOLOCK_MINUTES = 240


class UiSettings:
    """Typed access to the app's QSettings, with defaults and validation."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self._store = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
            )
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        # Test hook: auto-lock after this many seconds instead of whole minutes (never saved).
        self.autolock_seconds_override: float | None = None

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def sync(self) -> None:
        self._store.sync()

    def _text(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int) -> int:
        value = self._store.value(key, default)
        try:
            return int(str(value))
        except ValueError:
            return default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1", "yes")

    @property
    def language(self) -> str:
        value = self._text("language", SYSTEM)
        return value if value in (*LANGUAGES, SYSTEM) else SYSTEM

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("language", value if value in (*LANGUAGES, SYSTEM) else SYSTEM)

    @property
    def autolock_minutes(self) -> int:
        """Minutes without input before the vault locks; 0 means never."""
        value = self._int("autolock_minutes", DEFAULT_AUTOLOCK_MINUTES)
        return min(max(value, 0), MAX_AUTOLOCK_MINUTES)

    @autolock_minutes.setter
    def autolock_minutes(self, value: int) -> None:
        self._store.setValue("autolock_minutes", min(max(int(value), 0), MAX_AUTOLOCK_MINUTES))

    @property
    def autolock_ms(self) -> int:
        """The idle time in milliseconds (0: never), honouring the test hook."""
        if self.autolock_seconds_override is not None:
            return max(1, int(self.autolock_seconds_override * 1000))
        return self.autolock_minutes * 60_000

    @property
    def neutral_name_enabled(self) -> bool:
        return self._bool("neutral_name_enabled", False)

    @neutral_name_enabled.setter
    def neutral_name_enabled(self, value: bool) -> None:
        self._store.setValue("neutral_name_enabled", bool(value))

    @property
    def neutral_name(self) -> str:
        return self._text("neutral_name", "").strip()[:40]

    @neutral_name.setter
    def neutral_name(self, value: str) -> None:
        self._store.setValue("neutral_name", value.strip()[:40])

    @property
    def dossier_language(self) -> str:
        value = self._text("dossier_language", "")
        return value if value in LANGUAGES else ""

    @dossier_language.setter
    def dossier_language(self, value: str) -> None:
        self._store.setValue("dossier_language", value if value in LANGUAGES else "")

    @property
    def dossier_folder(self) -> str:
        """Where new dossiers go by default (the user's documents folder unless chosen)."""
        value = self._text("dossier_folder", "")
        if value:
            return value
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    @dossier_folder.setter
    def dossier_folder(self, value: str) -> None:
        self._store.setValue("dossier_folder", value)

    @property
    def recent_enabled(self) -> bool:
        return self._bool("recent_enabled", False)

    @recent_enabled.setter
    def recent_enabled(self, value: bool) -> None:
        self._store.setValue("recent_enabled", bool(value))
        if not value:
            self._store.remove("recent_vaults")

    @property
    def recent_vaults(self) -> list[str]:
        """The last opened vault folders, newest first (empty unless the list is switched on)."""
        if not self.recent_enabled:
            return []
        value = self._store.value("recent_vaults", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if isinstance(v, str) and v][:MAX_RECENT_VAULTS]

    def remember_vault(self, path: Path) -> None:
        """Put `path` first in the recent list (only when the user switched the list on)."""
        if not self.recent_enabled:
            return
        entry = str(path)
        kept = [entry, *(p for p in self.recent_vaults if p != entry)][:MAX_RECENT_VAULTS]
        self._store.setValue("recent_vaults", kept)
        self._store.sync()
