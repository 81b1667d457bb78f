"""Languages of the desktop app: Qt translators for our strings and Qt's own.

Rules: the English text in the code is the key (Qt's `tr()`); `resources/translations/
evidence_kit_nl.ts` is the source of the Dutch text (`evidence_kit_en.ts` holds only English
plural forms) and the compiled `.qm` beside it is built
from it by `pyside6-lrelease` (at setup: `python -m evidence_kit.ui.translations`, or on the
first run when the `.qm` is missing or older than the `.ts`). Qt's own `qtbase_nl.qm` is
loaded too, so standard buttons ("Cancel", "Open") are Dutch as well. The core's messages
(error templates, warnings) follow the same choice through `evidence_kit.i18n`.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from evidence_kit import i18n
from evidence_kit.resources import resources_dir

LANGUAGES = ("nl", "en")
SYSTEM = "system"
CATALOG = "evidence_kit"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_path(lang: str) -> Path:
    return translations_dir() / f"{CATALOG}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return translations_dir() / f"{CATALOG}_{lang}.qm"


def resolve_language(choice: str) -> str:
    """'nl' or 'en' for a setting of 'nl', 'en' or 'system' (the system's language, else English)."""
    if choice in LANGUAGES:
        return choice
    return "nl" if i18n.detect_language() == "nl" else "en"


def lrelease_program() -> Path | None:
    """The `lrelease` that ships inside the PySide6 wheel (no separate Qt install needed)."""
    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def compile_ts(ts: Path) -> bytes:
    """The compiled `.qm` bytes of a `.ts` file (runs lrelease in a scratch folder).

    Translations are program text, not evidence, so a scratch file is harmless here.
    """
    program = lrelease_program()
    if program is None:
        raise FileNotFoundError("lrelease is not part of this PySide6 installation")
    with tempfile.TemporaryDirectory(prefix="evidence-kit-qm-") as scratch:
        target = Path(scratch) / ts.with_suffix(".qm").name
        subprocess.run(
            [str(program), "-silent", str(ts), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return target.read_bytes()


def build_qm(lang: str = "nl") -> Path:
    """Compile our `.ts` into the `.qm` beside it (the setup step). Returns the `.qm` path."""
    target = qm_path(lang)
    target.write_bytes(compile_ts(ts_path(lang)))
    return target


def _up_to_date(lang: str) -> bool:
    """Whether the `.qm` on disk is the one to load: newer than its `.ts`, or alone (an app
    bundle ships the compiled `.qm` only, with no `.ts` to compare it with)."""
    qm, ts = qm_path(lang), ts_path(lang)
    if not qm.is_file():
        return False
    if not ts.is_file():
        return True
    try:
        return qm.stat().st_mtime >= ts.stat().st_mtime
    except OSError:
        return False


def catalog_bytes(lang: str) -> bytes | None:
    """Our compiled catalogue for `lang`: the `.qm` on disk when current, else compiled now."""
    if _up_to_date(lang):
        return qm_path(lang).read_bytes()
    ts = ts_path(lang)
    if not ts.is_file():
        return None
    try:
        data = compile_ts(ts)
    except (OSError, subprocess.SubprocessError):
        return None
    with contextlib.suppress(OSError):  # an installed, read-only copy compiles again next time
        qm_path(lang).write_bytes(data)
    return data


@dataclass
class LanguageSwitch:
    """Installs and removes the translators of one language on the running application."""

    language: str = "en"
    _installed: list[QTranslator] = field(default_factory=list)
    _data: bytes | None = None  # QTranslator.load(bytes) keeps a pointer: keep the bytes alive

    def apply(self, choice: str) -> str:
        """Switch to the language of a setting ('nl', 'en', 'system'); returns the one applied."""
        self.remove()
        lang = resolve_language(choice)
        self.language = lang
        i18n.set_language(lang)
        QLocale.setDefault(QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English))
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication must exist before translators are installed"
        if lang != "en":
            qt_own = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{lang}", qt_dir):
                app.installTranslator(qt_own)
                self._installed.append(qt_own)
        # English has a catalogue too, holding only the plural forms ("1 item", "2 items").
        data = catalog_bytes(lang)
        ours = QTranslator()
        if data is not None and ours.load(data):
            self._data = data
            app.installTranslator(ours)
            self._installed.append(ours)
        return lang

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()
        self._data = None
        self.language = "en"
        i18n.set_language("en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    @property
    def installed(self) -> int:
        return len(self._installed)


def main() -> int:
    """`python -m evidence_kit.ui.translations`: build every `.qm` (a setup step)."""
    for lang in LANGUAGES:
        if ts_path(lang).is_file():
            print(build_qm(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
