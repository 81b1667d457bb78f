"""The one window: menus, the toolbar with Quick exit, and the page that fits the moment
(welcome, or the open vault).

Rules: the title bar and task bar show only the app's name (or the neutral name the user
chose), never a case name or file name; Quick exit is always visible; files, folders and
export zips can be dropped anywhere on the window. The window knows the controller only as a
`ControllerApi` (`controller_api.py`) and hands each view what it needs of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.case_actions import CaseActions
from evidence_kit.ui.controller_api import LOCK_IDLE, LOCK_QUICK_EXIT, LOCK_SYSTEM, ControllerApi
from evidence_kit.ui.stamper import StampMarker, StampStatus
from evidence_kit.ui.views.welcome import WelcomePage
from evidence_kit.ui.views.workspace import Workspace
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.widgets.colours import Tone, emphasise
from evidence_kit.ui.widgets.icons import icon
from evidence_kit.ui.widgets.toolbar_fit import KeepVisible
from evidence_kit.ui.workers import JobKind


class AppWindow(QMainWindow):
    def __init__(self, controller: ControllerApi) -> None:
        super().__init__()
        self.controller = controller
        self.workspace: Workspace | None = None
        self.setObjectName("appWindow")
        # The title bar and task bar show the app's name only, never case content.
        QGuiApplication.setApplicationDisplayName(controller.app_name())
        self.setWindowTitle(controller.app_name())
        self.setWindowIcon(icon("neutral" if controller.settings.neutral_name_enabled else "app"))
        self.resize(1100, 720)
        self.setAcceptDrops(True)
        self.pages = QStackedWidget(self)
        self.welcome = WelcomePage(self.pages)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)
        self.welcome.create_requested.connect(self.create_vault)
        self.welcome.open_requested.connect(self.open_vault)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.unlock_again_requested.connect(self.unlock_again)
        self.welcome.verify_package_requested.connect(self.verify_package)
        self.welcome.recent_requested.connect(lambda where: self.unlock(Path(where)))
        self.welcome.set_recent(controller.settings.recent_vaults)
        self._build_actions()
        self.case = CaseActions(self, controller, lambda: self.workspace)
        self._build_menus()
        self._build_toolbar()
        self._update_actions()
        self._build_status_bar()

    # ----------------------------------------------------------------- actions and menus

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | str | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New vault…"), self.create_vault, QKeySequence(std.New))
        self.open_action = self._action(self.tr("&Open vault…"), self.open_vault, QKeySequence(std.Open))
        self.demo_action = self._action(self.tr("Open the &demo case"), self.open_demo)
        self.lock_action = self._action(self.tr("&Lock"), lambda: self.controller.lock(), "Ctrl+L", "lock")
        self.lock_action.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        self.verify_action = self._action(self.tr("&Check the vault…"), self.verify_vault)
        self.change_passphrase_action = self._action(self.tr("Change &passphrase…"), self.change_passphrase)
        self.backup_action = self._action(self.tr("&Back up…"), self.backup_vault)
        self.backup_action.setToolTip(self.tr("Make a checked copy of the vault, for example on a USB stick"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence(std.Quit))
        self.add_action = self._action(self.tr("&Add files…"), self.add_files, "Ctrl+I", "add")
        self.add_action.setToolTip(self.tr("Add files or export zips (Ctrl+I); you can also drag them here"))
        self.add_folder_action = self._action(self.tr("Add a &folder…"), self.add_folder, "Ctrl+Shift+I")
        self.paste_action = self._action(
            self.tr("&Paste screenshot or files"), self.paste, QKeySequence(std.Paste), "paste"
        )
        self.paste_action.setToolTip(self.tr("Store the picture or files on the clipboard (Ctrl+V)"))
        self.save_copy_action = self._action(
            self.tr("Save a &copy of the original…"), self.save_copy, "Ctrl+Shift+S"
        )
        self.find_action = self._action(self.tr("&Search"), self.focus_search, QKeySequence(std.Find))
        self.back_action = self._action(self.tr("&Back to the list"), self.back, QKeySequence(std.Back))
        self.export_action = self._action(
            self.tr("&Export dossier…"), self.export_dossier, "Ctrl+E", "export"
        )
        self.export_action.setToolTip(self.tr("Make a dossier for the police or a lawyer (Ctrl+E)"))
        self.log_action = self._action(self.tr("Custody &log…"), self.custody_log, "Ctrl+Shift+L", "log")
        self.log_action.setToolTip(self.tr("Everything that happened to the evidence, in order"))
        self.verify_package_action = self._action(self.tr("Check a &received dossier…"), self.verify_package)
        self.settings_action = self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,")
        self.help_action = self._action(self.tr("&Help"), self.show_help, QKeySequence(std.HelpContents))
        self.about_action = self._action(self.tr("&About Evidence Kit"), self.show_about)
        self.quick_exit_action = QAction(icon("quick_exit"), self.tr("Quick exit"), self)
        self.quick_exit_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.quick_exit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quick_exit_action.setToolTip(
            self.tr("Hide this window at once and lock the vault (Ctrl+Shift+Q, or press Esc twice)")
        )
        self.quick_exit_action.triggered.connect(self.controller.quick_exit)
        self.addAction(self.quick_exit_action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        vault = bar.addMenu(self.tr("&Vault"))
        for action in (self.new_action, self.open_action, self.demo_action):
            vault.addAction(action)
        vault.addSeparator()
        vault.addAction(self.lock_action)
        vault.addAction(self.verify_action)
        vault.addAction(self.backup_action)
        vault.addAction(self.change_passphrase_action)
        vault.addSeparator()
        vault.addAction(self.quick_exit_action)
        vault.addAction(self.quit_action)
        evidence = bar.addMenu(self.tr("&Evidence"))
        entries: tuple[QAction | None, ...] = (
            self.add_action,
            self.add_folder_action,
            self.paste_action,
            None,
            self.find_action,
            self.back_action,
            self.save_copy_action,
            None,
            self.export_action,
            self.log_action,
        )
        for entry in entries:
            if entry is None:
                evidence.addSeparator()
            else:
                evidence.addAction(entry)
        self.case.fill_menu(bar.addMenu(self.tr("&Case")))
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self.verify_package_action)
        tools.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.add_action,
            self.paste_action,
            self.export_action,
            self.log_action,
            self.case.incidents_action,
            self.lock_action,
        ):
            self.toolbar.addAction(action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.quick_exit_action)
        button = self.toolbar.widgetForAction(self.quick_exit_action)
        if button is not None:
            button.setObjectName("quickExitButton")
            button.setAccessibleName(self.tr("Quick exit"))
            emphasise(button, Tone.ERROR)  # red from the palette: readable on light and dark
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        # Quick exit never falls into the overflow menu, at any width and in either language.
        self.toolbar_fit = KeepVisible(self.toolbar, self.quick_exit_action)

    def _update_actions(self) -> None:
        open_ = self.workspace is not None
        for action in (
            self.lock_action,
            self.verify_action,
            self.backup_action,
            self.change_passphrase_action,
            self.add_action,
            self.add_folder_action,
            self.paste_action,
            self.save_copy_action,
            self.find_action,
            self.back_action,
            self.export_action,
            self.log_action,
        ):
            action.setEnabled(open_)
        for action in (self.new_action, self.open_action, self.demo_action):
            action.setEnabled(not open_)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    # ----------------------------------------------------------------- trusted time-stamps

    def _build_status_bar(self) -> None:
        self.stamp_marker: StampMarker | None = None
        self.stamp_label = QLabel(self)
        self.stamp_label.setObjectName("stampStatus")
        self.statusBar().addPermanentWidget(self.stamp_label)
        stamper = self.controller.stamper
        stamper.status_changed.connect(self._stamp_status)
        stamper.items_stamped.connect(self._stamps_arrived)
        self._stamp_status(stamper.status)

    def _stamp_status(self, status: StampStatus) -> None:
        """Modest and silent: a count in the corner, never a dialog (no connection is normal)."""
        self.stamp_label.setVisible(status.enabled and self.workspace is not None)
        if status.waiting:
            text = self.tr("%n item(s) waiting for a trusted time-stamp", "", status.waiting)
        else:
            text = self.tr("Time-stamps up to date")
        self.stamp_label.setText(text)
        if status.failed:
            tip = self.tr(
                "No time-stamp authority could be reached just now; Evidence Kit tries again by "
                "itself. Only the items' SHA-256 hashes are sent, never their content."
            )
        else:
            tip = self.tr(
                "Only the items' SHA-256 hashes are sent to the time-stamp authority, never their content."
            )
        self.stamp_label.setToolTip(tip)
        self.stamp_label.setAccessibleName(text)

    def _stamps_arrived(self, item_ids: tuple[int, ...]) -> None:
        if self.stamp_marker is None:
            return
        self.stamp_marker.mark(item_ids)
        self.show_status(self.tr("%n item(s) received a trusted time-stamp.", "", len(item_ids)))

    # ----------------------------------------------------------------- pages

    def show_workspace(self, session: jobs.Session) -> None:
        self.leave_workspace()
        self.welcome.hide_banner()
        self.welcome.set_busy("")
        self.workspace = Workspace(self.controller, session, self.pages)
        self.workspace.status.connect(self.show_status)
        # New evidence waits for a time-stamp: ask now rather than at the next retry.
        self.workspace.import_finished.connect(lambda _outcome: self.controller.stamper.wake())
        self.workspace.pasted.connect(lambda _row: self.controller.stamper.wake())
        self.workspace.item_page.export_chats_requested.connect(self.export_chats)
        self.stamp_marker = StampMarker(self.workspace.model)
        self.case.opened(self.workspace)
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self._update_actions()
        self._stamp_status(self.controller.stamper.status)
        if session.leftovers or session.interrupted_change:
            from evidence_kit.ui.views.leftovers_notice import LeftoversNotice

            self.leftovers_notice = LeftoversNotice(
                self.controller, session.leftovers, session.interrupted_change, self
            )
            self.leftovers_notice.open()

    def offer_partial_removal(self, paths: tuple[Path, ...]) -> None:
        """Unfinished files a killed export or copy left: a calm question, never a removal unasked."""
        from evidence_kit.ui.views.leftover_partials import LeftoverPartialsDialog

        dialog = LeftoverPartialsDialog(self.controller, paths, self)
        dialog.open()
        self.partials_dialog = dialog

    def leave_workspace(self) -> None:
        """Drop the open vault's page and everything it held in memory."""
        workspace, self.workspace = self.workspace, None
        self.stamp_marker = None
        self.stamp_label.hide()
        self.case.release()
        if workspace is not None:
            workspace.release()
            self.pages.removeWidget(workspace)
            workspace.hide()
            workspace.deleteLater()
        for child in self.findChildren(QWidget):
            if child.isWindow() and child is not self and child.isVisible():
                child.hide()  # dialogs showing content (export, custody log) close with the vault
        self.pages.setCurrentWidget(self.welcome)
        self._update_actions()

    def show_locked(self, reason: str) -> None:
        self.pages.setCurrentWidget(self.welcome)
        can_unlock = self.controller.last_path is not None
        if reason == LOCK_IDLE:
            message = self.tr("The vault was locked because the computer was not used for a while.")
        elif reason == LOCK_SYSTEM:
            message = self.tr("The vault was locked because the computer went to sleep or the screen locked.")
        elif reason == LOCK_QUICK_EXIT:
            message = ""
        else:
            message = self.tr("The vault is locked.")
        self.welcome.show_locked(message, can_unlock)
        self.welcome.set_recent(self.controller.settings.recent_vaults)
        self._update_actions()

    def release(self) -> None:
        self.leave_workspace()

    # ----------------------------------------------------------------- vault actions

    def create_vault(self) -> None:
        from evidence_kit.ui.views.create_vault import CreateVaultDialog

        dialog = CreateVaultDialog(self.controller, self)
        dialog.accepted.connect(lambda: self._opened(dialog.session))
        dialog.open()
        self.create_dialog = dialog

    def drop_unopened_vault(self) -> Path | None:
        """The vault locked while its recovery code was on screen: close that page, return the vault.

        A locked app shows nothing of a case, and the recovery code opens the vault as surely as
        the passphrase, so it must not stay on screen for whoever comes to the computer next.
        """
        dialog = getattr(self, "create_dialog", None)
        if dialog is None or dialog.session is None:
            return None
        path: Path = dialog.session.path
        dialog.abandon()  # its session is gone: a second lock finds nothing here
        return path

    def open_vault(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("Choose the vault folder"))
        if folder:
            self.unlock(Path(folder))

    def unlock(self, path: Path) -> None:
        from evidence_kit.ui.views.unlock import UnlockDialog

        dialog = UnlockDialog(self.controller, path, self)
        dialog.accepted.connect(lambda: self._opened(dialog.session))
        dialog.open()
        self.unlock_dialog = dialog

    def unlock_again(self) -> None:
        if self.controller.last_path is not None:
            self.unlock(self.controller.last_path)

    def _opened(self, session: jobs.Session | None) -> None:
        if session is not None:
            self.controller.opened(session)

    def open_demo(self) -> None:
        self.welcome.set_busy(self.tr("Building the demo case…"))
        title = self.tr("Demo case (fictional)")
        note = self.tr("Fictional demo file")
        kdf = self.controller.kdf
        self.controller.worker.submit(
            lambda ctx: jobs.build_demo(ctx, title, note, kdf),
            kind=JobKind.SESSION,
            owner=self,
            done=self.controller.opened,
            error=self._demo_failed,
        )

    def _demo_failed(self, exc: EvidenceKitError) -> None:
        self.welcome.set_busy("")
        QMessageBox.warning(self, self.tr("Demo case"), texts.error_text(exc))

    # ----------------------------------------------------------------- evidence actions

    def add_files(self) -> None:
        if self.workspace is None:
            return
        files = file_dialogs.open_files(self, self.tr("Add files to the vault"))
        if self.workspace is not None:  # quick exit or a lock may have come during the dialog
            self.workspace.import_paths(files)

    def add_folder(self) -> None:
        if self.workspace is None:
            return
        folder = file_dialogs.existing_folder(self, self.tr("Add a folder to the vault"))
        if folder and self.workspace is not None:
            self.workspace.import_paths([folder])

    def paste(self) -> None:
        if self.workspace is not None:
            self.workspace.paste()

    def save_copy(self) -> None:
        if self.workspace is None:
            return
        item_id = self.workspace.current_item_id()
        if item_id is None:
            self.show_status(self.tr("Choose an item first."))
            return
        if not self.workspace.showing_item:
            self.workspace.open_item(item_id)
            self.workspace.item_page.item_loaded.connect(self._save_copy_once)
            return
        self.workspace.item_page.save_copy()

    def _save_copy_once(self, _item_id: int) -> None:
        if self.workspace is not None:
            self.workspace.item_page.item_loaded.disconnect(self._save_copy_once)
            self.workspace.item_page.save_copy()

    def focus_search(self) -> None:
        if self.workspace is not None:
            self.workspace.show_list()
            self.workspace.list.focus_search()

    def back(self) -> None:
        if self.workspace is not None:
            self.workspace.show_list()

    def export_dossier(self) -> None:
        self._open_export_dialog(None)

    def export_chats(self, chosen: list[int]) -> None:
        """The dossier dialog holding the chats the user ticked in an export's chat list."""
        self._open_export_dialog(chosen)

    def _open_export_dialog(self, chosen: list[int] | None) -> None:
        if self.workspace is None:
            return
        from evidence_kit.ui.views.export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.controller, self.workspace, self, chosen=chosen)
        self.export_dialog.open()

    def custody_log(self) -> None:
        if self.workspace is None:
            return
        from evidence_kit.ui.views.custody_view import CustodyLogDialog

        self.custody_dialog = CustodyLogDialog(self.controller, self)
        self.custody_dialog.show()

    def verify_vault(self) -> None:
        if self.workspace is None:
            return
        from evidence_kit.ui.views.verify import verify_vault

        verify_vault(self.controller, self)

    def backup_vault(self) -> None:
        if self.workspace is None:
            return
        from evidence_kit.ui.views.backup import backup_vault

        backup_vault(self.controller, self)

    def change_passphrase(self) -> None:
        if self.workspace is None:
            return
        from evidence_kit.ui.views.change_passphrase import ChangePassphraseDialog

        self.change_passphrase_dialog = ChangePassphraseDialog(self.controller, self)
        self.change_passphrase_dialog.status_message.connect(self.show_status)
        self.change_passphrase_dialog.open()

    def verify_package(self) -> None:
        from evidence_kit.ui.views.verify import verify_package

        verify_package(self.controller, self)

    def open_settings(self) -> None:
        from evidence_kit.ui.views.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.controller, self)
        self.settings_dialog.open()

    def show_help(self) -> None:
        from evidence_kit.ui.views.help import HelpDialog

        self.help_dialog = HelpDialog(self)
        self.help_dialog.show()

    def show_about(self) -> None:
        from evidence_kit.ui.views.help import AboutDialog

        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    def show_in_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ----------------------------------------------------------------- drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.workspace is not None and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self.workspace is None:
            event.ignore()
            return
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.workspace.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None:
            self.workspace.flush_edits()
        super().closeEvent(event)
