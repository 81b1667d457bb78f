"""The app bundle, built from this checkout by `packaging/build.py`, then used with nothing but
itself (slow: one PyInstaller build, a few minutes).

- The folder holds both executables, Python's own library and the resources; Qt modules the
  app does not use stayed out; the .tar.gz holds the same folder with its menu entry.
- `packaging/smoke_test.py` drives the bundle alone with `PATH=/usr/bin:/bin` and a new home:
  CLI init → add (demo files) → export → verify-package, then `evidence-kit-gui --demo --grab`,
  whose picture shows the demo case; nothing is written outside the vault, dossier and picture.
- `install.sh` puts the menu entry and icons in the user's home only, and takes them out again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.grab_check import looks_like_the_demo_case

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1700,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return out, json.loads(done.stdout.strip().splitlines()[-1])


def test_the_bundle_holds_both_programs_and_only_what_they_use(built: tuple[Path, dict[str, object]]) -> None:
    out, figures = built
    bundle = out / "evidence-kit"
    for name in ("evidence-kit", "evidence-kit-gui"):
        assert os.access(bundle / name, os.X_OK), name
    internal = bundle / "_internal"
    assert list(internal.glob("libpython3*.so*")), "Python travels inside the bundle"
    for resource in (
        "resources/demo",
        "resources/fonts/NotoSans-Regular.ttf",
        "resources/translations/evidence_kit_nl.qm",
        "resources/icons/app.svg",
        "resources/case/categories.toml",
        "evidence_kit/storage/migrations/env.py",
        "evidence_kit/importers/whatsapp/languages.toml",
    ):
        assert (internal / resource).exists(), resource
    names = {path.name for path in internal.rglob("*")}
    for unused in (
        "QtQml",
        "QtQuick",
        "QtNetwork",
        "QtWebEngineCore",
        "libQt6Qml.so.6",
        "libQt6WebEngineCore.so.6",
    ):
        assert not any(name.startswith(unused) for name in names), unused
    archives = figures["archives"]
    assert isinstance(archives, dict) and len(archives) == 1
    tarball = Path(next(iter(archives)))
    assert tarball.name.startswith("evidence-kit-") and tarball.name.endswith("-linux-x86_64.tar.gz")
    with tarfile.open(tarball) as tar:
        members = set(tar.getnames())
    for name in (
        "evidence-kit/evidence-kit",
        "evidence-kit/evidence-kit-gui",
        "evidence-kit/install.sh",
        "evidence-kit/evidence-kit.desktop.in",
        "evidence-kit/icons/evidence-kit-256.png",
    ):
        assert name in members, name


def test_the_bundle_alone_runs_the_cli_and_the_app(
    built: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    out, _figures = built
    work = tmp_path / "smoke"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "smoke_test.py"),
            str(out / "evidence-kit"),
            "--keep",
            str(work),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    from evidence_kit import __version__

    assert __version__ in str(report["version"])
    pdf = work / "dossier" / "dossier.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert f"(Evidence Kit) {__version__}" in text  # the dossier names the version that made it
    assert looks_like_the_demo_case(QImage(str(work / "grab.png")))


def test_install_sh_adds_and_removes_the_menu_entry_in_home_only(
    built: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    out, _figures = built
    bundle = out / "evidence-kit"
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True, timeout=60)
    entry = home / ".local" / "share" / "applications" / "evidence-kit.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{bundle}/evidence-kit-gui" %f' in text and "@BUNDLE@" not in text
    assert (home / ".local/share/icons/hicolor/256x256/apps/evidence-kit.png").is_file()
    subprocess.run(
        ["sh", str(bundle / "install.sh"), "--remove"], env=env, check=True, capture_output=True, timeout=60
    )
    assert [p for p in home.rglob("*") if p.is_file()] == []
