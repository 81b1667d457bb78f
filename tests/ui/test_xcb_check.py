"""Before Qt starts on X11, a missing system library is named in one line with its package."""

from __future__ import annotations

import pytest

from evidence_kit.ui import app, xcb_check


def refuse(library: str):  # type: ignore[no-untyped-def]
    def load(path: str) -> object:
        # What glibc's loader says (dlopen), as ctypes passes it on.
        raise OSError(f"{library}: cannot open shared object file: No such file or directory")

    return load


def test_the_missing_library_and_its_package_in_one_line() -> None:
    plugin = xcb_check.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    assert xcb_check.missing_library(plugin, refuse("libxcb-cursor.so.0")) == (
        "libxcb-cursor.so.0",
        "libxcb-cursor0",
    )
    english = xcb_check.problem("en", plugin, refuse("libxkbcommon-x11.so.0"))
    dutch = xcb_check.problem("nl", plugin, refuse("libxkbcommon-x11.so.0"))
    assert english is not None and dutch is not None
    assert english.count("\n") == dutch.count("\n") == 1 and english.endswith("\n")
    assert "libxkbcommon-x11.so.0" in english and "libxkbcommon-x11-0" in english
    assert "ontbreekt" in dutch and "libxkbcommon-x11-0" in dutch


def test_this_machine_has_every_library_setup_sh_installs() -> None:
    assert xcb_check.missing_library() is None  # the real plugin, loaded as Qt loads it


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({}, False),
    ],
)
def test_only_an_x11_start_is_checked(environ: dict[str, str], expected: bool) -> None:
    assert xcb_check.uses_xcb(environ, "linux") is expected
    assert xcb_check.uses_xcb(environ, "win32") is False


def test_a_vault_path_on_the_command_line() -> None:
    assert app.parse_args(["/home/x/Notes"]).vault == "/home/x/Notes"
    assert app.parse_args(["--lang", "nl"]).vault is None
