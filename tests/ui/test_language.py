"""Languages: the Dutch catalogue is complete and current, the language can be switched in
Settings, and no screen of the Dutch app shows English text (the widget tree is walked)."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET  # our own catalogue, not untrusted input
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.translations import lrelease_program, ts_path

from .conftest import open_demo, wait_idle

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n")
# English words that never appear in a Dutch interface (whole words, any case).
ENGLISH_ONLY = frozenset(
    [
        "the",
        "and",
        "with",
        "vault",
        "save",
        "cancel",
        "close",
        "add",
        "settings",
        "search",
        "lock",
        "quick",
        "exit",
        "passphrase",
        "recovery",
        "choose",
        "back",
        "yes",
        "no",
        "file",
        "files",
        "folder",
        "show",
        "hide",
        "apply",
        "unlock",
        "evidence",
        "case",
        "check",
        "keep",
    ]
)


def _messages(path: Path) -> Iterator[tuple[str, str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message


def _translation_texts(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = [form.text or "" for form in node.iter("numerusform")]
    return forms or [node.text or ""]


def test_the_dutch_catalogue_is_complete() -> None:
    count = 0
    for context, source, message in _messages(ts_path("nl")):
        count += 1
        node = message.find("translation")
        assert node is not None and node.get("type") is None, (context, source)
        texts = _translation_texts(message)
        if message.get("numerus") == "yes":
            assert len(texts) == 2, source
        for text in texts:
            assert text.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
            assert text.count("&") == source.count("&"), source
    assert count > 300


def test_the_catalogues_match_the_code(tmp_path: Path) -> None:
    """pyside6-lupdate over evidence_kit/ui finds no string that the .ts files lack."""
    lupdate = lrelease_program()
    assert lupdate is not None
    program = lupdate.with_name(lupdate.name.replace("lrelease", "lupdate"))
    sources = sorted(str(p) for p in (REPO / "evidence_kit" / "ui").rglob("*.py"))
    for lang in ("nl", "en"):
        fresh = tmp_path / f"fresh_{lang}.ts"
        fresh.write_bytes(ts_path(lang).read_bytes())
        args = [str(program), "-no-obsolete", *sources, "-ts", str(fresh)]
        if lang == "en":
            args.insert(1, "-pluralonly")
        subprocess.run(args, check=True, capture_output=True, timeout=120)
        committed = {(c, s) for c, s, _m in _messages(ts_path(lang))}
        current = {(c, s) for c, s, _m in _messages(fresh)}
        assert current == committed, f"run pyside6-lupdate for {lang}: {sorted(current ^ committed)[:5]}"
        unfinished = [s for _c, s, m in _messages(fresh) if m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
        assert unfinished == []


def _english_sources() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for _context, source, message in _messages(ts_path("nl")):
        found.setdefault(source.replace("&", ""), set()).update(
            t.replace("&", "") for t in _translation_texts(message)
        )
    return found


def _is_content(widget: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None:
        if current.property("evidenceContent"):
            return True
        current = current.parentWidget()
    return False


def _strip(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text labels
    return text.replace("&", "").strip()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every piece of UI text a user can see in `root` and its children."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget | str, text: str) -> None:
        text = _strip(text)
        if text:
            found.append((where if isinstance(where, str) else type(where).__name__, text))

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if (not widget.isVisibleTo(root) and widget is not root) or _is_content(widget):
            continue
        if widget.isWindow():
            add(widget, widget.windowTitle())
        if widget.toolTip():
            add(widget, widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(widget, QListView) else model.columnCount()  # list models hide it
            for column in range(columns):
                value = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    add(widget, value)
        if isinstance(widget, QMainWindow):
            for menu_action in widget.menuBar().actions():
                add("menu", menu_action.text())
                menu = menu_action.menu()
                if menu is not None:
                    for action in menu.actions():
                        add("menu item", action.text())
                        add("menu item tip", action.toolTip())
    return found


def assert_dutch(root: QWidget, screen: str) -> int:
    english = _english_sources()
    problems = []
    texts = visible_texts(root)
    for where, text in texts:
        if text in english and text not in english[text]:
            problems.append(f"{screen}/{where}: untranslated {text!r}")
            continue
        words = set(re.findall(r"[A-Za-z]+", text.lower()))
        leftover = words & ENGLISH_ONLY
        if leftover:
            problems.append(f"{screen}/{where}: English words {sorted(leftover)} in {text!r}")
    assert problems == []
    return len(texts)


def test_switching_language_in_settings(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    assert window.welcome.create_button.accessibleName() == "Create a new vault…"
    window.open_settings()
    dialog = window.settings_dialog
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.autolock.setValue(7)
    dialog.save()
    assert controller.settings.language == "nl"
    assert controller.settings.autolock_minutes == 7
    new = controller.window
    assert new is not window
    assert new.windowTitle() == "Bewijskluis"
    assert new.welcome.create_button.accessibleName() == "Een nieuwe kluis maken…"
    assert new.menuBar().actions()[0].text() == "&Kluis"
    new.open_settings()
    buttons = new.settings_dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Annuleren"  # Qt's own qtbase_nl
    new.settings_dialog.reject()
    assert QCoreApplication.translate("Texts", "Threat") == "Bedreiging"
    controller.apply_language("en")
    assert controller.window.windowTitle() == "Evidence Kit"


def test_language_switch_keeps_the_vault_open(qtbot: QtBot, controller: AppController) -> None:
    open_demo(qtbot, controller)
    controller.apply_language("nl")
    workspace = controller.window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.loaded and workspace.model.rowCount() == 5, timeout=20_000)
    assert workspace.list.count.text() == "5 items"
    assert workspace.model.headerData(0, Qt.Orientation.Horizontal) == "Soort"


def test_every_dutch_screen_is_dutch(qtbot: QtBot, make_controller: object, tmp_path: Path) -> None:
    controller: AppController = make_controller("nl")  # type: ignore[operator]
    window = controller.window
    checked = assert_dutch(window, "welcome")
    window.create_vault()
    create = window.create_dialog
    checked += assert_dutch(create, "create vault")
    create.pages.setCurrentIndex(1)
    checked += assert_dutch(create, "recovery code")
    create.pages.setCurrentIndex(0)
    create.reject()
    window.unlock(tmp_path)
    unlock = window.unlock_dialog
    checked += assert_dutch(unlock, "unlock")
    unlock.use_code.click()
    checked += assert_dutch(unlock, "unlock with code")
    unlock.reject()

    open_demo(qtbot, controller)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    checked += assert_dutch(window, "evidence list")
    rows = {row.summary.kind: row for row in workspace.model.rows()}
    for kind in ("chat", "image", "email", "file"):
        with qtbot.waitSignal(workspace.item_page.item_loaded, timeout=20_000):
            workspace.open_item(rows[kind].id)
        checked += assert_dutch(window, f"item {kind}")
        for tab in range(workspace.item_page.side.count()):
            workspace.item_page.side.setCurrentIndex(tab)
            checked += assert_dutch(window, f"item {kind} tab {tab}")
    workspace.show_list()
    note = tmp_path / "brief.txt"
    note.write_text("Anna de Vries\n", encoding="utf-8")
    with qtbot.waitSignal(workspace.import_finished, timeout=20_000):
        workspace.import_paths([str(note)])
    assert workspace.report is not None
    checked += assert_dutch(workspace.report, "import report")
    workspace.report.accept()
    window.open_settings()
    checked += assert_dutch(window.settings_dialog, "settings")
    window.settings_dialog.reject()
    window.export_dossier()
    checked += assert_dutch(window.export_dialog, "export")
    window.export_dialog.reject()
    window.custody_log()
    qtbot.waitUntil(lambda: window.custody_dialog.model.rowCount() > 0, timeout=20_000)
    checked += assert_dutch(window.custody_dialog, "custody log")
    window.custody_dialog.close()
    window.show_help()
    checked += assert_dutch(window.help_dialog, "help")
    window.help_dialog.close()
    window.show_about()
    checked += assert_dutch(window.about_dialog, "about")
    window.about_dialog.close()
    window.verify_vault()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "vaultReport") is not None, timeout=30_000)
    report = window.findChild(QDialog, "vaultReport")
    assert report is not None
    checked += assert_dutch(report, "vault check")
    assert checked > 250
    wait_idle(qtbot, controller)


def test_a_bundle_with_only_the_compiled_catalogues_speaks_dutch(tmp_path: Path, monkeypatch: object) -> None:
    # An app bundle ships the .qm files without their .ts; the catalogue must still load
    # (it once did not, and the bundled app spoke untranslated English and "5 item(s)").
    import shutil

    from PySide6.QtCore import QTranslator

    from evidence_kit.ui import translations

    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    for lang in ("nl", "en"):
        shutil.copy2(translations.build_qm(lang), folder / f"{translations.CATALOG}_{lang}.qm")
    monkeypatch.setenv("EVIDENCE_KIT_RESOURCES", str(tmp_path / "resources"))  # type: ignore[attr-defined]
    assert not translations.ts_path("nl").exists()
    data = translations.catalog_bytes("nl")
    assert data is not None
    translator = QTranslator()
    assert translator.load(data)
    waiting = "%n item(s) waiting for a trusted time-stamp"
    dutch = translator.translate("AppWindow", waiting, None, 2)
    assert dutch == "%n items wachten op een betrouwbaar tijdstempel"
    english = QTranslator()
    assert english.load(translations.catalog_bytes("en") or b"")
    assert english.translate("AppWindow", waiting, None, 1) == "%n item waiting for a trusted time-stamp"
