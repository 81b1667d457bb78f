"""`evidence-kit-gui --demo --grab FILE.png`: "does it work on this PC?" in one command.

Rule: the check goes through the same path a person's click does — the welcome screen's demo
button builds the fictional demo case in a temporary vault (deleted at quit), the case opens
in the main window — and only then is the window grabbed to FILE.png. The app then quits with
0; if the case is not open within the time limit, or the picture cannot be written, it quits
with 1 and says why on stderr (when there is one: a windowed Windows build has none).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.main_window import AppWindow

POLL_MS = 100
SETTLE_MS = 400  # after the list loaded: let the last layout and paint happen before the picture


def _say(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


class GrabWhenReady(QObject):
    """Waits until the window shows an open case (or, without --demo, until it is shown),
    saves a picture of it and ends the event loop."""

    def __init__(
        self,
        app: QApplication,
        controller: AppController,
        window: AppWindow,
        target: Path,
        *,
        wait_for_case: bool,
        timeout_s: float = 120.0,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.controller = controller
        self.window = window
        self.target = target
        self.wait_for_case = wait_for_case
        self.deadline = time.monotonic() + timeout_s
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _ready(self) -> bool:
        window = self.window
        if not window.isVisible():
            return False
        if not self.wait_for_case:
            return True
        workspace = window.workspace
        return workspace is not None and workspace.loaded and not self.controller.worker.busy

    def _check(self) -> None:
        if self._ready():
            self.timer.stop()
            QTimer.singleShot(SETTLE_MS, self._grab)
        elif time.monotonic() > self.deadline:
            self.timer.stop()
            _say(
                f"evidence-kit-gui --grab: the window did not show the case in time; "
                f"{self.target} not written"
            )
            self.app.exit(1)

    def _grab(self) -> None:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        window = self.window
        picture = window.grab()
        if picture.save(str(self.target), "PNG"):
            # One line for the person running the check (and for tests): what the picture shows.
            workspace, session = window.workspace, self.controller.session
            if workspace is not None and session is not None:
                # The list's own (translated) count, so a missing catalogue shows here too.
                shown = f"case '{session.case_title}', the list says '{workspace.list.count.text()}'"
            else:
                shown = "the welcome screen"
            _say(
                f"evidence-kit-gui --grab: wrote {self.target} "
                f"({picture.width()}x{picture.height()}), {shown}"
            )
            self.app.exit(0)
        else:
            _say(f"evidence-kit-gui --grab: could not write {self.target}")
            self.app.exit(1)
