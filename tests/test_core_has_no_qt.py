"""docs/architecture.md rule: nothing outside evidence_kit/ui/ imports PySide6.

Every core module is imported in a fresh interpreter in which PySide6 cannot be imported at
all, so a slip anywhere (also an indirect import) fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "evidence_kit"

PROBE = """
import importlib, importlib.abc, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError("Qt is not allowed in the core: " + name)
        return None

sys.meta_path.insert(0, BlockQt())
for module in sys.argv[1:]:
    importlib.import_module(module)
assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules)
print("imported", len(sys.argv) - 1)
"""


def _core_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = relative.parts
        if "ui" in parts or "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules.append(".".join(parts))
    return modules


def test_every_core_module_imports_without_qt() -> None:
    modules = _core_modules()
    assert "evidence_kit.vault" in modules and "evidence_kit.cli" in modules
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"imported {len(modules)}"


def test_the_probe_catches_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "PySide6.QtCore"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert "Qt is not allowed in the core" in result.stderr
