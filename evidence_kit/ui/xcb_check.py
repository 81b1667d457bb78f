"""Before Qt starts on X11: is every system library its xcb platform plugin needs there?

Rule: when one is missing, Qt prints several lines about plugins and aborts; we instead say in
one line which library is missing and which Debian/Ubuntu package brings it. The check loads
the plugin exactly as Qt would (the dynamic loader names the first library it cannot find) and
never stops the app on its own: anything unexpected means "no finding" and Qt goes on.
No Qt import here (PySide6 is only located on disk), so it runs before QApplication exists.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The library file the loader reports -> the Debian/Ubuntu package that holds it.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}

MISSING = {
    "en": "Evidence Kit cannot open its window: the system library {library} is missing "
    "(install the package {package}, or run scripts/setup.sh).\n",
    "nl": "Bewijskluis kan zijn venster niet openen: de systeembibliotheek {library} ontbreekt "
    "(installeer het pakket {package}, of voer scripts/setup.sh uit).\n",
}

_NOT_FOUND = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Qt will start its xcb plugin: Linux/BSD, X11 display, no other platform asked for."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if not (system.startswith("linux") or "bsd" in system):
        return False
    wanted = env.get("QT_QPA_PLATFORM", "")
    if wanted:
        return wanted.split(":")[0].split(";")[0] == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(env.get("DISPLAY"))


def xcb_plugin() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_library(
    plugin: Path | None = None, load: Callable[[str], object] = ctypes.CDLL
) -> tuple[str, str] | None:
    """(library, package) of the first library the xcb plugin cannot load, or None."""
    path = plugin if plugin is not None else xcb_plugin()
    if path is None:
        return None
    try:
        load(str(path))
    except OSError as exc:
        found = _NOT_FOUND.search(str(exc))
        if found is None:
            return None
        library = found.group(1)
        return library, PACKAGES.get(library, library)
    return None


def problem(
    language: str, plugin: Path | None = None, load: Callable[[str], object] = ctypes.CDLL
) -> str | None:
    """The one line to print before Qt starts, or None when the window can open."""
    found = missing_library(plugin, load)
    if found is None:
        return None
    library, package = found
    return MISSING["nl" if language == "nl" else "en"].format(library=library, package=package)
