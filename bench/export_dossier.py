"""Dossier export speed and memory: a 1,000-item vault exported, against decrypt + thumbnail of every item.

Run from the repository root after setup: `python bench/export_dossier.py`.
The vault holds 500 screenshots, 400 other files and 100 WhatsApp chats with 20,000 messages in
all (generated, fictional). The baseline, in the same run, only decrypts every item from the
vault and makes each image's thumbnail — the least any export must do. Both run as separate
processes so their peak memory is their own. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from PIL import Image, ImageDraw

from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault

PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throwaway vault)
SCREENSHOTS, FILES, CHATS, MESSAGES_PER_CHAT = 500, 400, 100, 200

BASELINE = textwrap.dedent(
    """
    import io, sys
    from evidence_kit.importers.images import analyse_image
    from evidence_kit.vault import Vault
    with Vault.open(sys.argv[1], sys.argv[2]) as vault:
        for item in vault.items():
            data = b"".join(vault.iter_original(item.id))
            if item.kind == "image":
                analyse_image(lambda: io.BytesIO(data), item.original_name)
    """
)


def make_inputs(folder: Path, rng: random.Random) -> None:
    folder.mkdir()
    for index in range(SCREENSHOTS):
        image = Image.new("RGB", (540, 960), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        draw = ImageDraw.Draw(image)
        for line in range(12):
            y = 60 + line * 70
            draw.rounded_rectangle((20, y, 20 + rng.randrange(200, 500), y + 50), radius=12, fill="white")
        image.save(folder / f"screenshot-{index:04d}.png", format="PNG")
    for index in range(FILES):
        (folder / f"document-{index:04d}.bin").write_bytes(rng.randbytes(rng.randrange(10_000, 200_000)))
    for index in range(CHATS):
        lines = []
        for number in range(MESSAGES_PER_CHAT):
            day = 1 + number // 20
            sender = "Mark Fictief" if number % 3 else "Sanne"
            lines.append(
                f"{day:02d}/10/2026, {8 + number % 12:02d}:{number % 60:02d} - {sender}: message {number} "
                f"of chat {index} with some words to wrap in the dossier"
            )
        (folder / f"WhatsApp Chat with contact {index:03d}.txt").write_text("\n".join(lines) + "\n")


def timed(args: list[str]) -> tuple[float, float, str]:
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args[:3]} failed:\n{out}\n{err}")
    return elapsed, usage.ru_maxrss / 1024, out


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="ek-bench-export-"))
    try:
        inputs = work / "inputs"
        make_inputs(inputs, random.Random(7))
        vault_path = work / "case.ekvault"
        vault, _code = Vault.create(vault_path, PASSPHRASE, kdf=KdfParams.insecure_fast())
        with vault:
            results = list(add_paths(vault, [inputs]))
            failed = [r.path for r in results if r.error]
            if failed:
                raise SystemExit(f"import failed for {failed[:3]}")
            items = len(vault.items())
        base_s, base_rss, _ = timed([sys.executable, "-c", BASELINE, str(vault_path), PASSPHRASE])
        env_args = [
            sys.executable,
            "-m",
            "evidence_kit.cli",
            "export",
            str(vault_path),
            str(work / "dossier"),
            "--lang",
            "en",
            "--passphrase-file",
            str(work / "pass.txt"),
        ]
        (work / "pass.txt").write_text(PASSPHRASE + "\n")
        # Timestamping off: the benchmark measures the export and never asks a public authority.
        (work / "settings.json").write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
        os.environ["EVIDENCE_KIT_SETTINGS"] = str(work / "settings.json")
        export_s, export_rss, _ = timed(env_args)
        pdf_size = (work / "dossier" / "dossier.pdf").stat().st_size
        pages = subprocess.run(
            ["pdfinfo", str(work / "dossier" / "dossier.pdf")], capture_output=True, text=True
        )
        page_count = next(
            (line.split()[-1] for line in pages.stdout.splitlines() if line.startswith("Pages:")), "?"
        )
        ratio = export_s / base_s
        print(
            f"vault: {items} items ({SCREENSHOTS} screenshots, {FILES} files, {CHATS} chats, "
            f"{CHATS * MESSAGES_PER_CHAT} messages)"
        )
        print(f"  baseline decrypt + thumbnails: {base_s:.2f} s, peak RSS {base_rss:.0f} MiB")
        print(
            f"  evidence-kit export:           {export_s:.2f} s, peak RSS {export_rss:.0f} MiB, "
            f"PDF {pdf_size / 1e6:.1f} MB, {page_count} pages"
        )
        print(f"  ratio export/baseline:         {ratio:.2f}")
        print(
            json.dumps(
                {
                    "bench": "export_dossier",
                    "items": items,
                    "baseline_s": round(base_s, 3),
                    "export_s": round(export_s, 3),
                    "ratio": round(ratio, 3),
                    "peak_rss_mib": round(export_rss, 1),
                    "baseline_peak_rss_mib": round(base_rss, 1),
                    "pdf_pages": int(page_count) if page_count.isdigit() else None,
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
