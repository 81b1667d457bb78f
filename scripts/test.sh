#!/usr/bin/env bash
# Sets everything up, then runs the linters, the type checker and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
# One worker per CPU core; a test file stays on one worker (its module fixtures are built once).
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
