"""Large chat imports: peak memory and time of `evidence-kit add` on a 250 MB WhatsApp export and a
50 MB mbox, against `sha256sum` + `cp` of the same file in the same run.

Run from the repository root after setup: `python bench/import_large_chat.py`
(`--whatsapp-mib 25 50 250` measures several chat sizes, to see how memory grows with size;
`--mbox-mib 0` leaves the mbox out). Both files are generated, fictional, in a temporary folder.
Each import runs `evidence-kit add` in a subprocess of its own, so the peak RSS reported
(`os.wait4`'s `ru_maxrss`) is that process's alone. The ratio is import time over the time of
`sha256sum FILE` plus `cp FILE` (the least any tool that hashes and keeps a copy must do).
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

# bench/ is on sys.path when this runs as `python bench/NAME.py`.
import cli_run

MIB = 1024 * 1024
PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throwaway vault)

_NAMES = ["Anna de Vries", "Bram", "Chloé Martin", "Dev", "+31 6 12345678", "Eva 🌷", "Fatima", "Gijs"]
_WORDS = [
    "ik",
    "je",
    "het",
    "de",
    "dat",
    "is",
    "een",
    "niet",
    "en",
    "was",
    "op",
    "te",
    "zijn",
    "maar",
    "wat",
    "hallo",
    "morgen",
    "vanavond",
    "waarom",
    "please",
    "stop",
    "writing",
    "to",
    "me",
    "I",
    "saw",
    "your",
    "message",
    "again",
    "tomorrow",
    "where",
    "are",
    "you",
    "😀",
    "🙏",
    "ok",
    "👍",
    "ja",
    "nee",
    "misschien",
    "straks",
    "bellen",
    "foto",
    "gezien",
    "weet",
    "jij",
    "vanmiddag",
]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choices(_WORDS, k=rng.randint(low, high)))


def write_whatsapp(path: Path, size: int, seed: int = 7) -> int:
    """A fictional Android WhatsApp export of about `size` bytes; returns the number of messages.

    Varied senders and lengths, multi-line messages, media placeholders and attachment lines,
    deleted and edited messages and a few system lines, dates with days above 12 (so the
    day/month order is clear).
    """
    rng = random.Random(seed)
    moment = datetime(2023, 1, 14, 8, 0)
    written = 0
    count = 0
    media = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        lines = ["15/01/2023, 07:59 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"]
        while written < size:
            moment += timedelta(seconds=rng.randint(5, 900))
            header = moment.strftime("%d/%m/%Y, %H:%M - ")
            roll = rng.random()
            who = rng.choice(_NAMES)
            if roll < 0.04:
                text = "<Media omitted>"
            elif roll < 0.06:
                media += 1
                text = f"IMG-{moment:%Y%m%d}-WA{media:04d}.jpg (file attached)\n{_sentence(rng, 1, 6)}"
            elif roll < 0.07:
                text = "This message was deleted"
            elif roll < 0.075:
                lines.append(f"{header}{who} changed the group description\n")
                count += 1
                continue
            elif roll < 0.15:
                text = "\n".join(_sentence(rng, 3, 25) for _ in range(rng.randint(2, 6)))
            elif roll < 0.17:
                text = _sentence(rng, 3, 12) + " <This message was edited>"
            else:
                text = _sentence(rng, 1, 30)
            lines.append(f"{header}{who}: {text}\n")
            count += 1
            if len(lines) >= 2000:
                chunk = "".join(lines)
                handle.write(chunk)
                written += len(chunk.encode("utf-8"))
                lines = []
        if lines:
            handle.write("".join(lines))
    return count


def write_mbox(path: Path, size: int, seed: int = 11) -> int:
    """A fictional mbox of about `size` bytes (plain-text mails, a few with a small attachment)."""
    rng = random.Random(seed)
    moment = datetime(2023, 3, 1, 9, 0)
    written = 0
    count = 0
    with open(path, "wb") as handle:
        while written < size:
            moment += timedelta(minutes=rng.randint(1, 600))
            sender = rng.choice(["anna@example.org", "unknown@example.net", "bram@example.com"])
            body = "\n".join(_sentence(rng, 5, 20) for _ in range(rng.randint(3, 40)))
            mail = (
                f"From {sender} {moment:%a %b %d %H:%M:%S %Y}\n"
                f"From: {sender}\nTo: eva@example.org\n"
                f"Subject: {_sentence(rng, 2, 6)}\n"
                f"Date: {moment:%a, %d %b %Y %H:%M:%S} +0100\n"
                f"Message-ID: <{count}.{seed}@example.org>\n"
                "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                "Content-Transfer-Encoding: 8bit\n\n"
                f"{body.replace(chr(10) + 'From ', chr(10) + '>From ')}\n\n"
            ).encode()
            handle.write(mail)
            written += len(mail)
            count += 1
    return count


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run evidence-kit (`cli_run.py`); an `add` that did not parse the export ends the benchmark."""
    elapsed, rss, output = cli_run.run_cli(args, env)
    if args[0] == "add" and ("not parsed" in output.lower() or "stored as a plain file" in output.lower()):
        raise SystemExit(f"evidence-kit add did not parse the export:\n{output}")
    return elapsed, rss


def baseline(path: Path, target: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["sha256sum", str(path)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cp", str(path), str(target)], check=True)
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def measure(work: Path, source: Path, env: dict[str, str], label: str) -> dict[str, float]:
    """Baseline and import of one file into a fresh vault: seconds, ratio and peak RSS."""
    os.sync()
    base_s = baseline(source, work / "copy")
    os.sync()
    vault = work / f"{label}.ekvault"
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env)
    import_s, rss = run_cli(["add", str(vault), str(source)], env)
    shutil.rmtree(vault)
    size = source.stat().st_size / MIB
    print(
        f"{label}: {size:.0f} MiB; sha256sum + cp {base_s:.2f} s; evidence-kit add {import_s:.2f} s "
        f"(ratio {import_s / base_s:.1f}); peak RSS {rss:.0f} MiB",
        flush=True,
    )
    return {"seconds": import_s, "baseline": base_s, "ratio": import_s / base_s, "rss": rss}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--whatsapp-mib", type=int, nargs="+", default=[250])
    options.add_argument("--mbox-mib", type=int, default=50)
    args = options.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ek-bench-chat-"))
    # Timestamping off: a benchmark measures the import, and never asks a public time-stamp authority.
    settings = work / "settings.json"
    settings.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
    env = {
        **os.environ,
        "EVIDENCE_KIT_PASSPHRASE": PASSPHRASE,
        "EVIDENCE_KIT_LANG": "en",
        "EVIDENCE_KIT_SETTINGS": str(settings),
    }
    figures: dict[str, object] = {"bench": "import_large_chat"}
    try:
        chats: dict[int, dict[str, float]] = {}
        for mib in args.whatsapp_mib:
            chat = work / "WhatsApp Chat with Anna de Vries.txt"
            messages = write_whatsapp(chat, mib * MIB)
            print(f"generated WhatsApp export: {mib} MiB, {messages} messages", flush=True)
            chats[mib] = measure(work, chat, env, f"whatsapp {mib} MiB")
            chat.unlink()
        largest = max(args.whatsapp_mib)
        figures["whatsapp_mib"] = largest
        figures["whatsapp_peak_rss_mib"] = round(chats[largest]["rss"], 1)
        figures["ratio"] = round(chats[largest]["ratio"], 2)
        figures["whatsapp_import_s"] = round(chats[largest]["seconds"], 2)
        figures["whatsapp_baseline_s"] = round(chats[largest]["baseline"], 3)
        if len(chats) > 1:
            figures["whatsapp_peak_rss_by_mib"] = {str(k): round(v["rss"], 1) for k, v in chats.items()}
        peaks = [chats[largest]["rss"]]
        if args.mbox_mib > 0:
            mbox = work / "inbox.mbox"
            mails = write_mbox(mbox, args.mbox_mib * MIB)
            print(f"generated mbox: {args.mbox_mib} MiB, {mails} mails", flush=True)
            mailbox = measure(work, mbox, env, f"mbox {args.mbox_mib} MiB")
            figures["mbox_mib"] = args.mbox_mib
            figures["mbox_peak_rss_mib"] = round(mailbox["rss"], 1)
            figures["mbox_ratio"] = round(mailbox["ratio"], 2)
            figures["mbox_import_s"] = round(mailbox["seconds"], 2)
            peaks.append(mailbox["rss"])
        figures["peak_rss_mib"] = round(max(peaks), 1)
        print(json.dumps(figures))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
