"""Run `evidence-kit-gui --demo --grab FILE.png` (from the source tree or from the bundle) in an
empty home and an empty temporary folder, with nothing else in the environment, and report
what it left behind.

Shared by the app's test and the bundle's test, so both check the same promise: the picture
shows the demo case, the exit code is 0, and nothing is written outside the picture (the demo
vault lives in the temporary folder and is deleted at quit; settings are written only when
changed).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QImage


def run_grab(
    command: list[str], root: Path, extra_env: dict[str, str] | None = None
) -> tuple[QImage, list[Path], str]:
    home = root / "home"
    temp = root / "tmp"
    for folder in (home, temp):
        folder.mkdir(parents=True)
    shot = root / "grab.png"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "TMPDIR": str(temp),
        "QT_QPA_PLATFORM": "offscreen",
        "EVIDENCE_KIT_LANG": "en",
        **(extra_env or {}),
    }
    done = subprocess.run(
        [*command, "--demo", "--grab", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=root,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    left = sorted(p for p in root.rglob("*") if p.is_file() and p != shot)
    return QImage(str(shot)), left, done.stderr


def looks_like_the_demo_case(image: QImage) -> bool:
    """A window-sized picture with the list drawn in it: many colours, not a blank window."""
    if image.isNull() or image.width() < 640 or image.height() < 400:
        return False
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return len(colours) > 40
