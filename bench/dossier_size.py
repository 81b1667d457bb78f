"""Dossier size with full-width screenshots: 100 phone screenshots (1080 x 2400) exported.

Run from the repository root after setup: `python bench/dossier_size.py`.
The screenshots are generated and fictional: a chat screen with a coloured title bar, bubbles in
two colours, and lines of real text drawn with the bundled Noto Sans at 40 pixels (a phone's body
text at 420 dpi), so the JPEG renditions in the PDF are as hard to compress as real ones. The
baseline, in the same run, is the size of the originals themselves. The issue's budget is about
100 MB for a 100-screenshot dossier. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throwaway vault)
SCREENSHOTS = 100
SIZE = (1080, 2400)
WORDS = (  # noqa: SIM905 (a sentence reads better than a list of words)
    "je weet niet wie je tegenover hebt ik zie je morgen bij de bushalte waarom antwoord je niet "
    "everyone will see those photos answer me now I know where you live stop ignoring me"
).split()
FONT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "NotoSans-Regular.ttf"


def screenshot(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", SIZE, "#ECE5DD")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)
    small = ImageFont.truetype(str(FONT), 28)
    draw.rectangle((0, 0, SIZE[0], 220), fill="#075E54")
    draw.text((60, 110), "Contact (fictief)", font=font, fill="white")
    y = 260
    while y < SIZE[1] - 250:
        lines = rng.randrange(1, 5)
        mine = rng.random() < 0.4
        height = 40 + lines * 56 + 40
        left = 300 if mine else 40
        draw.rounded_rectangle(
            (left, y, left + 740, y + height), radius=24, fill="#DCF8C6" if mine else "white"
        )
        for line in range(lines):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 7)))
            draw.text((left + 30, y + 30 + line * 56), text, font=font, fill="#111111")
        draw.text(
            (left + 620, y + height - 40),
            f"{rng.randrange(24):02d}:{rng.randrange(60):02d}",
            font=small,
            fill="#667781",
        )
        y += height + 30
    return image


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="ek-bench-size-"))
    try:
        inputs = work / "inputs"
        inputs.mkdir()
        rng = random.Random(11)
        for index in range(SCREENSHOTS):
            screenshot(rng).save(inputs / f"Screenshot_{index:03d}.png", format="PNG")
        originals = sum(path.stat().st_size for path in inputs.iterdir())
        vault_path = work / "case.ekvault"
        vault, _code = Vault.create(vault_path, PASSPHRASE, kdf=KdfParams.insecure_fast())
        with vault:
            results = list(add_paths(vault, [inputs]))
            if any(r.error for r in results):
                raise SystemExit("import failed")
        (work / "pass.txt").write_text(PASSPHRASE + "\n")
        (work / "settings.json").write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
        env = dict(os.environ, EVIDENCE_KIT_SETTINGS=str(work / "settings.json"))
        args = [sys.executable, "-m", "evidence_kit.cli", "export", str(vault_path), str(work / "dossier")]
        args += ["--lang", "en", "--passphrase-file", str(work / "pass.txt")]
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        elapsed = time.perf_counter() - started
        pdf = work / "dossier" / "dossier.pdf"
        pdf_size = pdf.stat().st_size
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        print(f"{SCREENSHOTS} screenshots of {SIZE[0]} x {SIZE[1]}: originals {originals / 1e6:.1f} MB")
        print(f"  dossier.pdf: {pdf_size / 1e6:.1f} MB, {pages} pages, export {elapsed:.1f} s")
        print(
            json.dumps(
                {
                    "bench": "dossier_size",
                    "screenshots": SCREENSHOTS,
                    "originals_mb": round(originals / 1e6, 2),
                    "pdf_mb": round(pdf_size / 1e6, 2),
                    "ratio": round(pdf_size / originals, 3),
                    "pdf_pages": int(pages) if pages.isdigit() else None,
                    "export_s": round(elapsed, 2),
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
