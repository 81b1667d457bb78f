"""Benchmark: the peak memory (RSS) of parsing a Telegram, SMS or Instagram export, against its size.

For each format a fictional export of about `--mb` megabytes is generated (made-up names,
example numbers): Telegram Desktop's `result.json` (one chat, with formatted text, replies,
edits, service messages and missing photos), an SMS Backup & Restore `sms-*.xml` (SMS with
references the repair pass handles, and MMS with small inline parts), and an Instagram DYI
`message_1.json` (Meta's mojibake-escaped text, photos, reactions, newest first). Each is then
read by the importer's `read()` in a fresh interpreter, which reports its peak RSS
(VmHWM from /proc/self/status, else `ru_maxrss`); a second fresh interpreter that only imports the
importers gives the baseline. `sms_stream` reads the same SMS backup the way storing does
(`read_stream`, every message handed on and dropped), `sms_stream_newest_first` the same with its
records newest first (more passes over the file, each holding at most `order.BUDGET` messages).
`telegram_stream`: the same Telegram file through `read_export`, as an import reads it, each
message let go once counted; `meta_stream` likewise, which holds one file of a thread at a time;
`meta_files` and `meta_files_stream`: the thread split as Meta splits it, into files of 10,000
messages. `ratio` is peak RSS / file size, `net_ratio` is (peak - baseline) / file size, which is
what the parse itself costs.

    PYTHONPATH=$PWD .venv/bin/python bench/parse_memory.py --mb 50
    PYTHONPATH=$PWD .venv/bin/python bench/parse_memory.py --mb 50 \
        --formats sms,sms_stream,sms_stream_newest_first

The last line printed is one JSON object:
{"bench": "parse_memory", "mb": 50, "baseline_rss_mb": ..., "formats": {"telegram": {...}, ...}}
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

NAMES = ("Anna de Vries", "Bram Jansen", "Chantal Bakker", "Daan Visser", "Eva Smit", "Zoë Jansen")
WORDS = (
    "hoi",
    "morgen",
    "vanavond",
    "afspraak",
    "waarom",
    "echt",
    "niet",
    "oké",
    "café",
    "dank",
    "zeker",
    "station",
    "trein",
    "laat",
    "vroeg",
    "bellen",
    "straks",
    "later",
    "ja",
    "nee",
)
EMOJI = ("😀", "👍🏽", "❤️", "🙈", "🎉", "😢")
START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def _text(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(2, 18))
    if rng.random() < 0.3:
        words.append(rng.choice(EMOJI))
    return " ".join(words)


def generate_telegram(path: Path, target: int, seed: int = 1) -> int:
    """Telegram Desktop `result.json` of one chat, about `target` bytes; returns the message count."""
    rng = random.Random(seed)
    moment = START
    count = 0
    size = 0
    with path.open("w", encoding="utf-8") as out:
        size += out.write('{\n "name": "Anna de Vries",\n "type": "personal_chat",\n "id": 4000000001,\n')
        size += out.write(' "messages": [\n')
        while size < target:
            count += 1
            moment += timedelta(seconds=rng.randint(1, 900))
            wall = moment.replace(tzinfo=None) + timedelta(hours=1)
            record: dict[str, Any] = {
                "id": count,
                "type": "message",
                "date": wall.isoformat(),
                "date_unixtime": str(int(moment.timestamp())),
            }
            roll = rng.random()
            if roll < 0.02:
                record.update(
                    type="service",
                    action="phone_call",
                    actor=NAMES[0],
                    actor_id="user4000000001",
                    duration_seconds=rng.randint(1, 600),
                    text="",
                    text_entities=[],
                )
            else:
                sender = rng.randrange(len(NAMES))
                record["from"] = NAMES[sender]
                record["from_id"] = f"user40000000{sender:02d}"
                plain = _text(rng)
                if roll < 0.2:
                    record["text"] = [
                        plain,
                        {"type": "bold", "text": "echt"},
                        " ",
                        {"type": "text_link", "text": "hier", "href": "https://example.com/x"},
                    ]
                    record["text_entities"] = [
                        {"type": "plain", "text": plain},
                        {"type": "bold", "text": "echt"},
                    ]
                else:
                    record["text"] = plain
                    record["text_entities"] = [{"type": "plain", "text": plain}]
                if roll < 0.05:
                    record["photo"] = f"photos/photo_{count}@01-01-2026_10-00-00.jpg"
                    record["width"], record["height"] = 1280, 960
                if 0.05 <= roll < 0.15:
                    record["reply_to_message_id"] = max(1, count - rng.randint(1, 20))
                if 0.15 <= roll < 0.18:
                    record["edited"] = wall.isoformat()
                    record["edited_unixtime"] = str(int(moment.timestamp()))
            body = json.dumps(record, ensure_ascii=False, indent=1)
            size += out.write(("  " if count == 1 else ",\n  ") + body)
        size += out.write("\n ]\n}\n")
    return count


def generate_sms(path: Path, target: int, seed: int = 2) -> int:
    """SMS Backup & Restore `sms-*.xml`, about `target` bytes; returns the record count."""
    rng = random.Random(seed)
    moment = START
    size = 0
    count = 0
    with path.open("w", encoding="utf-8") as out:
        size += out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n")
        size += out.write(
            '<smses count="COUNT____" backup_set="00000000-0000-4000-8000-000000000001" '
            'backup_date="1790000000000" type="full">\n'
        )
        while size < target:
            count += 1
            moment += timedelta(seconds=rng.randint(1, 900))
            ms = int(moment.timestamp() * 1000)
            readable = moment.strftime("%d %b %Y %H:%M:%S")
            who = rng.randrange(1, len(NAMES))
            number = f"+3160000000{who}"
            if rng.random() < 0.03:
                part_text = _text(rng).replace("&", "&amp;")
                line = (
                    f'  <mms date="{ms}" msg_box="1" address="{number}" m_id="mms-{count}" read="1" '
                    f'text_only="0" readable_date="{readable}" contact_name="{NAMES[who]}">\n'
                    f'    <parts>\n      <part seq="0" ct="text/plain" name="null" cl="text_0.txt" '
                    f'text="{part_text}&#10;&#55357;&#56397;" />\n'
                    f'      <part seq="1" ct="image/jpeg" name="IMG_{count}.jpg" cl="IMG_{count}.jpg" '
                    f'text="null" data="/9j/4GZpY3Rpb25hbC1qcGVnLW9uZQ==" />\n    </parts>\n'
                    f'    <addrs>\n      <addr address="{number}" type="137" charset="106" />\n'
                    f"    </addrs>\n  </mms>\n"
                )
            else:
                body = _text(rng)
                if rng.random() < 0.1:
                    body += " &#55357;&#56832;&#10;tweede regel"
                line = (
                    f'  <sms protocol="0" address="{number}" date="{ms}" type="{rng.choice((1, 2))}" '
                    f'subject="null" body="{body}" toa="null" sc_toa="null" service_center="null" '
                    f'read="1" status="-1" locked="0" date_sent="0" sub_id="1" '
                    f'readable_date="{readable}" contact_name="{NAMES[who]}" />\n'
                )
            size += out.write(line)
        out.write("</smses>\n")
    _fix_count(path, count)
    return count


def generate_sms_newest_first(path: Path, target: int) -> int:
    """The same backup with its records newest first (as the app writes call logs): the worst
    order for handing messages on oldest first."""
    count = generate_sms(path, target)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    head, body, tail = lines[:2], lines[2:-1], lines[-1:]
    records: list[list[str]] = []
    for line in body:
        if line.startswith("  <") and not line.startswith("  </"):
            records.append([line])
        else:
            records[-1].append(line)
    path.write_text("".join(head + [x for r in reversed(records) for x in r] + tail), encoding="utf-8")
    return count


def _fix_count(path: Path, count: int) -> None:
    """The declared count written in at the end, so the importer sees no mismatch."""
    data = path.read_bytes()
    path.write_bytes(data.replace(b'count="COUNT____"', f'count="{count}"'.encode(), 1))


def _mojibake(text: str) -> str:
    """Meta's escaping: each UTF-8 byte of a non-ASCII character as its own \\u00XX."""
    return text.encode("utf-8").decode("latin-1")


_META_HEAD = (
    '{\n  "participants": [\n    {\n      "name": "Anna de Vries"\n    },\n'
    '    {\n      "name": "Bram Jansen"\n    }\n  ],\n  "messages": [\n'
)
_META_TAIL = (
    '\n  ],\n  "title": "Anna de Vries",\n  "is_still_participant": true,\n'
    '  "thread_path": "inbox/annadevries_1",\n  "magic_words": []\n}\n'
)
META_FILE_MESSAGES = 10_000  # Meta splits a long thread into files of this many messages


def generate_meta(path: Path, target: int, seed: int = 3, per_file: int | None = None) -> int:
    """Instagram DYI `message_1.json` (newest first, mojibake), about `target` bytes in all; with
    `per_file`, split as Meta splits a long thread: message_1.json (newest) .. message_N.json.
    Written record by record: the generating process stays small (a child's peak RSS counts
    its parent's at the fork, so a large parent would hide what is measured)."""
    rng = random.Random(seed)
    moment = START + timedelta(days=400)
    size = 0
    count = 0
    in_file = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    out = path.open("w", encoding="ascii")
    size += out.write(_META_HEAD)
    while size < target:
        if per_file is not None and in_file == per_file:
            size += out.write(_META_TAIL)
            out.close()
            out = (path.parent / f"message_{count // per_file + 1}.json").open("w", encoding="ascii")
            size += out.write(_META_HEAD)
            in_file = 0
        count += 1
        in_file += 1
        moment -= timedelta(seconds=rng.randint(1, 900))
        record: dict[str, Any] = {
            "sender_name": _mojibake(rng.choice(NAMES)),
            "timestamp_ms": int(moment.timestamp() * 1000),
            "content": _mojibake(_text(rng)),
        }
        roll = rng.random()
        if roll < 0.05:
            record["photos"] = [
                {
                    "uri": f"your_instagram_activity/messages/inbox/annadevries_1/photos/{count}.jpg",
                    "creation_timestamp": 1790000000,
                }
            ]
        if 0.05 <= roll < 0.15:
            record["reactions"] = [{"reaction": _mojibake("❤"), "actor": "Bram Jansen"}]
        record["is_geoblocked_for_viewer"] = False
        body = json.dumps(record, indent=2).replace("\n", "\n    ")
        size += out.write(("    " if in_file == 1 else ",\n    ") + body)
    size += out.write(_META_TAIL)
    out.close()
    return count


def _peak_kib() -> int:
    """This interpreter's peak RSS in KiB. On Linux VmHWM, the high-water mark of this process's own
    memory: `ru_maxrss` survives exec, so a child started by a big parent (the generator holds a
    whole export while it writes it) would report the parent's size instead of its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def generate_meta_split(path: Path, target: int) -> int:
    """The thread split into files of META_FILE_MESSAGES messages; `path` is message_1.json."""
    return generate_meta(path, target, per_file=META_FILE_MESSAGES)


def _child(kind: str, path: str) -> None:
    """Run in a fresh interpreter: read the export (or only import, for "baseline") and report."""
    from evidence_kit.domain import StreamedExport
    from evidence_kit.importers import meta, sms, telegram

    readers: dict[str, Callable[[Path], Any]] = {
        "telegram": telegram.read,
        "sms": sms.read,
        "meta": meta.read,
    }
    messages = 0
    start = time.perf_counter()
    if kind.startswith("sms_stream"):
        # What storing does: the messages handed on one at a time, none kept.
        messages = sum(1 for _ in sms.read_stream(Path(path)).conversation.messages)
    elif kind == "telegram_stream":
        # What an import does: the messages handed on one at a time and let go once stored.
        streamed = telegram.read_export(Path(path))
        assert isinstance(streamed, StreamedExport)
        messages = sum(1 for _message in streamed.conversation.messages)
    elif kind in ("meta_stream", "meta_files_stream"):
        streamed_meta = meta.read_export(Path(path) if kind == "meta_stream" else Path(path).parent)
        assert isinstance(streamed_meta, StreamedExport)
        messages = sum(1 for _message in streamed_meta.conversation.messages)
    elif kind == "meta_files":
        messages = len(meta.read(Path(path).parent).conversation.messages)
    elif kind != "baseline":
        messages = len(readers[kind](Path(path)).conversation.messages)
    seconds = time.perf_counter() - start
    peak_kib = _peak_kib()
    print(json.dumps({"peak_rss_kib": peak_kib, "messages": messages, "seconds": round(seconds, 2)}))


def _measure(kind: str, path: Path | None) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path or "")],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of each generated export in MB")
    parser.add_argument(
        "--formats", default="telegram,telegram_stream,sms,meta,meta_stream,meta_files,meta_files_stream"
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return

    target = int(args.mb * 1_000_000)
    generators: dict[str, tuple[str, Callable[[Path, int], int]]] = {
        "telegram": ("result.json", generate_telegram),
        "telegram_stream": ("result.json", generate_telegram),
        "sms": ("sms-20260101000000.xml", generate_sms),
        "sms_stream": ("sms-20260101000000.xml", generate_sms),
        "sms_stream_newest_first": ("sms-20260101000000.xml", generate_sms_newest_first),
        "meta": ("your_instagram_activity/messages/inbox/annadevries_1/message_1.json", generate_meta),
        "meta_stream": ("your_instagram_activity/messages/inbox/annadevries_1/message_1.json", generate_meta),
        "meta_files": ("inbox/annadevries_1/message_1.json", generate_meta_split),
        "meta_files_stream": ("inbox/annadevries_1/message_1.json", generate_meta_split),
    }
    baseline = _measure("baseline", None)["peak_rss_kib"] * 1024
    print(f"baseline (importers imported, nothing read): {baseline / 1e6:.1f} MB RSS")
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-parse-memory-") as folder:
        for kind in args.formats.split(","):
            name, generate = generators[kind]
            path = Path(folder) / kind / name
            path.parent.mkdir(parents=True, exist_ok=True)
            records = generate(path, target)
            written = list(path.parent.glob("message_*.json")) if "files" in kind else [path]
            size = sum(p.stat().st_size for p in written)
            result = _measure(kind, path)
            peak = result["peak_rss_kib"] * 1024
            out[kind] = {
                "file_mb": round(size / 1e6, 1),
                "records": records,
                "messages": result["messages"],
                "peak_rss_mb": round(peak / 1e6, 1),
                "ratio": round(peak / size, 2),
                "net_ratio": round((peak - baseline) / size, 2),
                "seconds": result["seconds"],
            }
            print(
                f"{kind}: {size / 1e6:.1f} MB, {result['messages']} messages, peak RSS {peak / 1e6:.0f} MB "
                f"(ratio {peak / size:.1f}, net {(peak - baseline) / size:.1f}), {result['seconds']} s"
            )
            for file in written:
                file.unlink()
    print(
        json.dumps(
            {
                "bench": "parse_memory",
                "mb": args.mb,
                "baseline_rss_mb": round(baseline / 1e6, 1),
                "formats": out,
            }
        )
    )


if __name__ == "__main__":
    main()
