"""Build the app bundle for this OS with one command: `python packaging/build.py`.

Rule: the bundle is made only from this checkout and the installed packages, in four steps
anyone can rerun: the translations (.qm) from their .ts, the icon sizes from the one SVG,
PyInstaller with `packaging/evidence-kit.spec` into `dist/evidence-kit/` (the executables
`evidence-kit` and `evidence-kit-gui`, `.exe` on Windows), then the archive beside it:
- Linux: `dist/evidence-kit-VERSION-linux-ARCH.tar.gz` (with a .desktop entry, icons and
  `install.sh` inside the folder);
- Windows: `dist/evidence-kit-VERSION-windows-ARCH.zip`, and the installer when Inno Setup's
  `iscc` is on the PATH (`packaging/windows/evidence-kit.iss`);
- macOS: `dist/Evidence Kit.app` and `dist/evidence-kit-VERSION-macos-ARCH.dmg` (hdiutil).
The last line printed is one JSON object with the paths and sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"  # --out changes these three
BUILD = ROOT / "build"
BUNDLE = DIST / "evidence-kit"


def say(text: str) -> None:
    print(f"[build] {text}", flush=True)


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "evidence_kit" / "__init__.py").read_text(encoding="utf-8"), namespace)  # noqa: S102 (our own file)
    return namespace["__version__"]


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def step_translations() -> None:
    say("translations: .ts -> .qm")
    subprocess.run([sys.executable, "-m", "evidence_kit.ui.translations"], cwd=ROOT, check=True)


def step_icons() -> None:
    say("icons: resources/icons/app.svg -> PNG, ICO, ICNS")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, str(PACKAGING / "icons.py"), str(BUILD / "icons")],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def step_pyinstaller() -> None:
    say("PyInstaller: packaging/evidence-kit.spec -> dist/evidence-kit/")
    for old in (BUNDLE, DIST / "Evidence Kit.app"):
        if old.exists():
            shutil.rmtree(old)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(PACKAGING / "evidence-kit.spec"),
            "--noconfirm",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            "--log-level",
            "WARN",
        ],
        cwd=ROOT,
        env={**os.environ, "EVIDENCE_KIT_BUILD_ICONS": str(BUILD / "icons")},  # read by the spec
        check=True,
    )


def linux_extras() -> None:
    """The menu entry, its icons and the script that installs them for this user."""
    icons = BUNDLE / "icons"
    icons.mkdir(exist_ok=True)
    for png in (BUILD / "icons").glob("evidence-kit-*.png"):
        shutil.copy2(png, icons / png.name)
    shutil.copy2(PACKAGING / "linux" / "evidence-kit.desktop.in", BUNDLE / "evidence-kit.desktop.in")
    shutil.copy2(PACKAGING / "linux" / "install.sh", BUNDLE / "install.sh")
    (BUNDLE / "install.sh").chmod(0o755)


def archive_linux(name: str) -> Path:
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname="evidence-kit")
    return target


def archive_zip(name: str) -> Path:
    target = DIST / f"{name}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(BUNDLE.rglob("*")):
            archive.write(path, Path("evidence-kit") / path.relative_to(BUNDLE))
    return target


def windows_installer(the_version: str) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        say("Inno Setup (iscc) not found: no installer, only the .zip")
        return None
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={the_version}",
            f"/DRoot={ROOT}",
            f"/DDist={DIST}",
            f"/DIconDir={BUILD / 'icons'}",
            str(PACKAGING / "windows" / "evidence-kit.iss"),
        ],
        check=True,
    )
    found = sorted(DIST.glob("evidence-kit-*-setup.exe"))
    return found[-1] if found else None


def macos_dmg(name: str) -> Path:
    app = DIST / "Evidence Kit.app"
    target = DIST / f"{name}.dmg"
    if target.exists():
        target.unlink()
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Evidence Kit",
            "-srcfolder",
            str(app),
            "-ov",
            "-format",
            "UDZO",
            str(target),
        ],
        check=True,
    )
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="stop after dist/evidence-kit/")
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="write the bundle and archive to DIR instead of dist/ "
        "(and build in DIR/build instead of build/)",
    )
    args = parser.parse_args()
    if args.out:
        global DIST, BUILD, BUNDLE
        DIST = Path(args.out).resolve()
        BUILD = DIST / "build"
        BUNDLE = DIST / "evidence-kit"
    started = time.monotonic()
    the_version = version()
    step_translations()
    step_icons()
    step_pyinstaller()
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    name = f"evidence-kit-{the_version}-{system}-{arch()}"
    archives: list[Path] = []
    if system == "linux":
        linux_extras()
    if not args.no_archive:
        if system == "linux":
            archives.append(archive_linux(name))
        elif system == "windows":
            archives.append(archive_zip(name))
            installer = windows_installer(the_version)
            if installer is not None:
                archives.append(installer)
        else:
            archives.append(macos_dmg(name))
    result = {
        "bench": "build_bundle",
        "version": the_version,
        "bundle": str(BUNDLE),
        "bundle_mib": round(folder_size(BUNDLE) / 2**20, 1),
        "archives": {str(a): round(a.stat().st_size / 2**20, 1) for a in archives},
        "build_s": round(time.monotonic() - started, 1),
    }
    say(f"done: {BUNDLE}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
