#!/usr/bin/env bash
# Sets everything up, then runs the program's main job: the demo case, built, listed and verified.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/evidence-kit demo "$@"
