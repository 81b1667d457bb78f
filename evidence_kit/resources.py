"""Where the program's bundled resources (fonts, demo case, case taxonomy, translations) are.

Rule: one place decides, so a source checkout, an installed package and a PyInstaller
bundle all find the same files: EVIDENCE_KIT_RESOURCES if set, else the PyInstaller bundle
folder, else `resources/` beside the package in the source tree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("EVIDENCE_KIT_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def demo_dir() -> Path:
    return resources_dir() / "demo"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def case_dir() -> Path:
    return resources_dir() / "case"
