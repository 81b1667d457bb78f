#!/usr/bin/env bash
# Sets up everything Evidence Kit needs on a Debian/Ubuntu machine with Python >= 3.11:
# the system packages (only those missing), a virtualenv in .venv, and the package with its
# development tools. Safe to run again; it only does what is still missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# libmagic1: content sniffing (python-magic); poppler-utils, qpdf: dossier checks in tests;
# openssl: the local time-stamp authority in tests and the verification commands we document;
# the libraries after them: Qt's offscreen/xcb platform for the desktop app; dbus-daemon: the
# private buses on which tests/ui/test_system_lock.py sends a real screen-lock and sleep signal;
# the libxcb*/libx11-xcb1/libxkbcommon-x11-0 line: every library Qt's xcb platform plugin (the
# window on an X11 desktop) loads, libxcb-cursor0 since Qt 6.5; xvfb, xdotool: the tests that
# run the real xcb window on a virtual X server (tests/ui/test_xcb_window.py); binutils (objdump)
# and libc-bin (ldd): what PyInstaller reads the libraries with when it builds the app bundle.
APT_PACKAGES=(libmagic1 poppler-utils qpdf openssl fontconfig libegl1 libgl1 libxkbcommon0 libdbus-1-3
              libfontconfig1 dbus-daemon
              libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
              libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
              libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
              xvfb xdotool binutils libc-bin)

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Evidence Kit needs Python 3.11 or newer; '$PYTHON' is older or missing." >&2
    exit 2
fi
if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    APT_PACKAGES+=(python3-venv)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for package in "${APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
fi
if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip 2>/dev/null || true
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
# The desktop app's Dutch translation (.qm) is built from the .ts in the repository.
.venv/bin/python -m evidence_kit.ui.translations
