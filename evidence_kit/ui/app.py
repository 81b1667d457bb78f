"""`evidence-kit-gui`: start the desktop app.

Rules: on a machine without a display (and without QT_QPA_PLATFORM) it says how to run
headless instead of crashing in Qt; it never prints when there is no console (a windowed
Windows build has no stdout). Qt keeps nothing on disk for us: no disk caches, and the only
settings file holds settings. On quit the worker closes the vault and is joined.
`evidence-kit-gui PATH` opens the vault at PATH at its unlock screen; `--demo` opens the fictional
demo case in a temporary vault, and `--grab FILE.png` saves a picture of the ready window and
quits (`self_check`). On X11 a missing system
library of Qt's xcb plugin is named in one line (`xcb_check`) instead of Qt's abort. The window
follows the system's light or dark palette, also when it switches while the app runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from evidence_kit import __version__
from evidence_kit.i18n import detect_language

NO_DISPLAY = {
    "en": (
        "Evidence Kit's window needs a graphical desktop, and none was found (DISPLAY and "
        "WAYLAND_DISPLAY are not set).\n"
        "  - To run the window without a screen (tests, screenshots): "
        "QT_QPA_PLATFORM=offscreen evidence-kit-gui\n"
        "  - To work from a terminal: evidence-kit --help\n"
    ),
    "nl": (
        "Het venster van Bewijskluis heeft een grafisch bureaublad nodig, en er is er geen gevonden "
        "(DISPLAY en WAYLAND_DISPLAY zijn niet gezet).\n"
        "  - Het venster zonder scherm draaien (tests, schermafbeeldingen): "
        "QT_QPA_PLATFORM=offscreen evidence-kit-gui\n"
        "  - Vanuit een terminal werken: evidence-kit --help\n"
    ),
}


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """The message to print when Qt would find no display, else None."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if not (system.startswith("linux") or "bsd" in system):
        return None  # Windows and macOS always have their own display
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY["nl" if detect_language() == "nl" else "en"]


def _say(text: str) -> None:
    stream = sys.stderr
    if stream is not None:
        stream.write(text)
        stream.flush()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="evidence-kit-gui", add_help=True)
    parser.add_argument("--version", action="version", version=f"evidence-kit-gui {__version__}")
    parser.add_argument("--lang", choices=("nl", "en", "system"), help="language of the window")
    parser.add_argument(
        "--demo", action="store_true", help="open the fictional demo case, in a temporary vault"
    )
    parser.add_argument(
        "--grab",
        metavar="FILE.png",
        help="save a picture of the window to FILE.png once it is ready, then quit (with --demo: "
        "a 'does it work on this PC?' check)",
    )
    parser.add_argument("vault", nargs="?", help="a vault folder to open at its unlock screen")
    return parser.parse_known_args(list(argv))[0]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    problem = display_problem()
    if problem is None:
        from evidence_kit.ui import xcb_check

        if xcb_check.uses_xcb():
            problem = xcb_check.problem(detect_language())
    if problem is not None:
        _say(problem)
        return 2
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from evidence_kit.ui.controller import AppController
    from evidence_kit.ui.main_window import AppWindow
    from evidence_kit.ui.ui_settings import APPLICATION, ORGANIZATION, UiSettings
    from evidence_kit.ui.widgets.colours import follow_system_look

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "evidence-kit-gui"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    from evidence_kit.ui.crash_guard import CrashGuard

    guard = CrashGuard()  # an error nobody caught: one calm sentence, never a traceback
    guard.install()
    follow_system_look(app)  # light or dark as the system is; focus and check boxes always visible
    settings = UiSettings()
    if args.lang:
        settings.language = args.lang
    # The window is chosen here: the controller builds it through the factory, never imports it.
    controller = AppController(settings, window_factory=AppWindow)
    app.aboutToQuit.connect(controller.shutdown)
    # Whatever happens from here on, the worker thread is stopped: an error before the event
    # loop would otherwise leave the process running with no window (the thread keeps it alive).
    try:
        controller.window.show()
        window = controller.window
        assert isinstance(window, AppWindow)  # the factory above made it
        if args.demo:
            window.open_demo()
        elif args.vault:  # from a shortcut or a file manager: straight to its unlock screen
            window.unlock(Path(args.vault).expanduser().absolute())
        if args.grab:
            from evidence_kit.ui.self_check import GrabWhenReady

            target = Path(args.grab).expanduser().absolute()
            GrabWhenReady(app, controller, window, target, wait_for_case=args.demo)
        code = app.exec()
    except Exception as exc:
        if not args.grab:
            raise  # the crash guard tells the person, in a message box, and the app ends after it
        # An unattended check has nobody to close a message box: say the kind of error and end.
        from evidence_kit.ui.crash_guard import safe_detail

        _say(f"evidence-kit-gui --grab: the app did not start ({safe_detail(exc)})\n")
        return 1
    finally:
        controller.shutdown()
    return int(code)


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
