"""Smoke-test a built bundle the way a support worker would use it: `python packaging/smoke_test.py [BUNDLE]`.

Rules: only the bundle's own executables run (nothing is imported from this checkout), each
with a near-empty environment — no Python on the path's behalf, no PYTHON* variables, a fresh
home, temporary and settings folder — so a bundle that still leans on the build machine's
Python fails here. Steps: the CLI goes init → add (the demo files) → export → verify-package;
the app runs `evidence-kit-gui --demo --grab FILE.png` offscreen. Afterwards nothing may have
been written outside the vault, the dossier, the picture and the settings folder.
The hosted build workflow runs this same script on Windows and macOS. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""
PASSPHRASE = "smoke test passphrase, fictional"  # noqa: S105 (a test value)


def clean_env(work: Path) -> dict[str, str]:
    home = work / "home"
    temp = work / "tmp"
    for folder in (home, temp):
        folder.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        # Windows cannot start a program without SystemRoot; nothing of Python's is passed on.
        keep = {
            k: os.environ[k] for k in ("SystemRoot", "SYSTEMDRIVE", "WINDIR", "COMSPEC") if k in os.environ
        }
        env = {
            **keep,
            "PATH": os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32",
            "USERPROFILE": str(home),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "TEMP": str(temp),
            "TMP": str(temp),
        }
    else:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(temp)}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        EVIDENCE_KIT_LANG="en",
        EVIDENCE_KIT_PASSPHRASE=PASSPHRASE,
        # The smoke test never asks a public time-stamp authority (offline, repeatable).
        EVIDENCE_KIT_SETTINGS=str(work / "settings.json"),
    )
    (work / "settings.json").write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
    return env


def run(
    command: list[str], env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise SystemExit(f"FAILED ({done.returncode}): {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    if "Traceback" in done.stderr:
        raise SystemExit(f"FAILED (a traceback): {' '.join(command)}\n{done.stderr}")
    return done


def smoke(bundle: Path, work: Path) -> dict[str, object]:
    cli = str(bundle / f"evidence-kit{EXE}")
    gui = str(bundle / f"evidence-kit-gui{EXE}")
    demo = bundle / "_internal" / "resources" / "demo"
    if not demo.is_dir():
        raise SystemExit(f"FAILED: the demo case is not in the bundle ({demo})")
    env = clean_env(work)
    vault = work / "case.ekvault"
    dossier = work / "dossier"
    version = run([cli, "--version"], env, work).stdout.strip()
    categories = json.loads(run([cli, "categories", "--json"], env, work).stdout)
    if "not legal advice" not in categories["disclaimer"]:
        raise SystemExit("FAILED: the offence categories did not start with the disclaimer")
    run([cli, "init", str(vault), "--title", "Smoke test (fictional)", "--insecure-fast-kdf"], env, work)
    run([cli, "add", str(vault), str(demo)], env, work)
    listed = run([cli, "list", str(vault)], env, work).stdout
    run([cli, "export", str(vault), str(dossier), "--lang", "nl"], env, work)
    checked = run([cli, "verify-package", str(dossier)], env, work).stdout
    shot = work / "grab.png"
    started = time.monotonic()
    said = run([gui, "--demo", "--grab", str(shot)], env, work).stderr
    gui_seconds = time.monotonic() - started
    if sys.platform != "win32" and "the list says '5 items'" not in said:  # a windowed .exe has no stderr
        raise SystemExit(f"FAILED: the window did not list the demo case's 5 items, in English:\n{said}")
    if not shot.is_file() or shot.stat().st_size < 10_000:
        raise SystemExit(f"FAILED: no picture of the window at {shot}")
    allowed = {vault, dossier, shot, work / "settings.json"}
    stray = [
        str(path.relative_to(work))
        for path in sorted(work.rglob("*"))
        if path.is_file() and not any(path == a or a in path.parents for a in allowed)
    ]
    if stray:
        raise SystemExit(
            "FAILED: files written outside the vault, dossier and settings:\n" + "\n".join(stray)
        )
    return {
        "bench": "bundle_smoke",
        "version": version,
        "items_listed": sum(
            1 for line in listed.splitlines() if line[:1].isdigit() or line.lstrip()[:1].isdigit()
        ),
        "verify_package": checked.strip().splitlines()[-1] if checked.strip() else "",
        "gui_demo_grab_s": round(gui_seconds, 2),
        "grab": str(shot),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "evidence-kit"))
    parser.add_argument(
        "--keep", metavar="FOLDER", help="work in FOLDER and keep it (the picture, the dossier)"
    )
    args = parser.parse_args()
    bundle = Path(args.bundle).resolve()
    if args.keep:
        work = Path(args.keep).resolve()
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        result = smoke(bundle, work)
    else:
        with tempfile.TemporaryDirectory(prefix="evidence-kit-smoke-") as folder:
            result = smoke(bundle, Path(folder))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
