"""Benchmark: parse a generated 200,000-message WhatsApp export, ours against `whatstk`.

The export is fictional (made-up names, example numbers), written to a temporary folder in the
Android `dd/mm/yyyy, HH:MM - Name: text` layout with multi-line messages, emoji, attachment
markers, "<Media omitted>", deleted and edited messages and system lines. Both parsers read the
same file in the same process; each is timed over the best of a few runs. `whatstk` is only a
baseline for this benchmark and never a dependency of the project: when it is missing it is
installed into this interpreter's environment with pip, and the script says so.

The last line printed is one JSON object:
{"bench": "parse_whatsapp", "messages": N, "msgs_per_s": ..., "whatstk_msgs_per_s": ..., "speedup": ...}
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from evidence_kit.importers import whatsapp

SENDERS = (
    "Anna de Vries",
    "Bram Jansen",
    "Chantal Bakker",
    "Daan Visser",
    "Eva Smit",
    "+31 6 00000001",
    "+31 6 00000002",
    "Fatima El Amrani",
)
WORDS = (
    "hoi",
    "morgen",
    "vanavond",
    "afspraak",
    "waarom",
    "echt",
    "niet",
    "oké",
    "dank",
    "je",
    "wel",
    "zeker",
    "station",
    "trein",
    "laat",
    "vroeg",
    "bellen",
    "straks",
    "later",
    "ja",
)
EMOJI = ("😀", "👍🏽", "❤️", "🙈", "👨\u200d👩\u200d👧", "🎉", "😢", "🤷🏼\u200d♀️")
HFORMAT = "%d/%m/%Y, %H:%M - %name:"


def _line(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(2, 14))
    if rng.random() < 0.3:
        words.append(rng.choice(EMOJI))
    return " ".join(words)


def generate(path: Path, count: int, seed: int = 20240115) -> int:
    """Write a fictional export of `count` messages; returns the number of lines written."""
    rng = random.Random(seed)
    moment = datetime(2023, 1, 1, 8, 0)
    out: list[str] = []
    media = 0
    for index in range(count):
        moment += timedelta(minutes=rng.choice((0, 0, 1, 1, 2, 5, 30)))
        stamp = moment.strftime("%d/%m/%Y, %H:%M")
        roll = rng.random()
        if roll < 0.01:
            out.append(f"{stamp} - {rng.choice(SENDERS[:5])} added {rng.choice(SENDERS[5:])}")
            continue
        sender = rng.choice(SENDERS)
        if roll < 0.06:
            text = "<Media omitted>"
        elif roll < 0.09:
            media += 1
            text = f"IMG-{moment:%Y%m%d}-WA{media % 10000:04d}.jpg (file attached)\n{_line(rng)}"
        elif roll < 0.10:
            text = "This message was deleted"
        elif roll < 0.12:
            text = f"{_line(rng)} <This message was edited>"
        elif roll < 0.30:
            text = "\n".join(_line(rng) for _ in range(rng.randint(2, 4)))
        else:
            text = _line(rng)
        out.append(f"{stamp} - {sender}: {text}")
        del index
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return len(out)


def _best_of(runs: int, work: Callable[[], int]) -> tuple[float, int]:
    best = float("inf")
    produced = 0
    for _ in range(runs):
        start = time.perf_counter()
        produced = work()
        best = min(best, time.perf_counter() - start)
    return best, produced


def _whatstk() -> Any:
    try:
        return importlib.import_module("whatstk")
    except ImportError:
        print("whatstk is not installed; installing it into this environment for the benchmark only:")
        print(f"  {sys.executable} -m pip install whatstk")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "whatstk"], check=True)
        importlib.invalidate_caches()
        return importlib.import_module("whatstk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-whatsapp-") as folder:
        path = Path(folder) / "WhatsApp Chat with Fictional Group.txt"
        entries = generate(path, args.messages)
        size = path.stat().st_size
        print(f"generated {entries} entries ({size / 1e6:.1f} MB) in {path}")

        ours_s, ours_n = _best_of(args.runs, lambda: len(whatsapp.read(path).conversation.messages))
        print(
            f"evidence_kit.importers.whatsapp: {ours_n} messages in {ours_s:.3f} s "
            f"({ours_n / ours_s:,.0f} messages/s)"
        )

        whatstk = _whatstk()
        version = getattr(whatstk, "__version__", "?")

        def run_whatstk() -> int:
            chat = whatstk.WhatsAppChat.from_source(filepath=str(path), hformat=HFORMAT)
            return len(chat.df)

        theirs_s, theirs_n = _best_of(args.runs, run_whatstk)
        print(
            f"whatstk {version} (header format given, no auto-detection): {theirs_n} messages in "
            f"{theirs_s:.3f} s ({theirs_n / theirs_s:,.0f} messages/s)"
        )

    ours_rate = ours_n / ours_s
    theirs_rate = theirs_n / theirs_s
    print(
        json.dumps(
            {
                "bench": "parse_whatsapp",
                "messages": ours_n,
                "msgs_per_s": round(ours_rate, 1),
                "whatstk_msgs_per_s": round(theirs_rate, 1),
                "speedup": round(ours_rate / theirs_rate, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
