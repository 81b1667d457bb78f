"""How fast the bundled app opens, against the app run from this checkout in the same run.

`python bench/bundle_startup.py [BUNDLE]` (default `dist/evidence-kit`, made by
`python packaging/build.py`). Each run is `evidence-kit-gui --grab FILE.png` offscreen in a new
home folder: start, show the window, wait 0.4 s for the last paint, save the picture, quit. Its
whole wall time is an upper bound of "opens in": if it is under 3 s, the window was up sooner.
Also timed: `--demo --grab` (build the demo case in a temporary vault, open it, picture, quit).
Median of RUNS runs each; ratio = bundle / checkout. Last line: one JSON object.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def timed(command: list[str], demo: bool) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        work = Path(folder)
        (work / "home").mkdir()
        (work / "tmp").mkdir()
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(work / "home"),
            "TMPDIR": str(work / "tmp"),
            "QT_QPA_PLATFORM": "offscreen",
            "EVIDENCE_KIT_LANG": "en",
        }
        shot = work / "grab.png"
        started = time.perf_counter()
        done = subprocess.run(
            [*command, *(["--demo"] if demo else []), "--grab", str(shot)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        seconds = time.perf_counter() - started
        if done.returncode != 0 or not shot.is_file():
            raise SystemExit(f"{command} failed: {done.stderr}")
        return seconds


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "evidence-kit").resolve()
    bundled = [str(bundle / "evidence-kit-gui")]
    checkout = [str(Path(sys.executable).parent / "evidence-kit-gui")]
    figures: dict[str, float] = {}
    for label, command in (("bundle", bundled), ("checkout", checkout)):
        timed(command, demo=False)  # a first run warms the disk cache for both alike
        for demo in (False, True):
            runs = [timed(command, demo) for _ in range(RUNS)]
            key = f"{label}_{'demo' if demo else 'open'}_s"
            figures[key] = round(statistics.median(runs), 2)
            print(f"{key}: median {figures[key]} s of {[round(r, 2) for r in runs]}")
    result = {
        "bench": "bundle_startup",
        **figures,
        "ratio": round(figures["bundle_open_s"] / figures["checkout_open_s"], 2),
        "bundle_mib": round(
            sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20, 1
        ),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
