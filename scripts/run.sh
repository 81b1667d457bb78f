#!/usr/bin/env bash
# Sets everything up, then opens the desktop app. On a machine without a display it says so,
# and runs the command-line demo instead (the demo case built, listed and verified).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ] || [ "$(uname)" = "Darwin" ]; then
    exec .venv/bin/evidence-kit-gui "$@"
fi
.venv/bin/evidence-kit-gui || true   # prints how to run without a display
echo
exec .venv/bin/evidence-kit demo
