"""The fictional 100,000-item vault that bench/ui_large_vault.py drives, built through the real import path.

It imports WhatsApp export zips of `ZIP_MEMBERS` tiny fictional members each (screenshots with
thumbnails, notes, other files; each zip's chat and members are stored in one transaction by
`Vault.add_export`), loose chats (WhatsApp, Telegram, e-mail), pictures and files, through
`add_paths`, then sets categories and notes on some items through `Vault.set_category` /
`set_note`. The built vault is cached (only the encrypted vault, its fictional passphrase and
the build time), keyed by `CACHE_VERSION` and the item count.
"""


from __future__ import annotations

import io
import json
import os
import random
import shutil
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CACHE_VERSION = "1"  # change when what the builder makes changes
PASSPHRASE = "benchmark passphrase, fictional"  # noqa: S105 (a throwaway vault of fictional data)
# Members per export zip. The archive reader reopens the zip (its whole central directory) for
# every member it opens, so a zip of n members costs O(n^2); real exports of a few hundred
# files are the common case anyway.
ZIP_MEMBERS = 120
LOOSE_CHATS = 300
LOOSE_TELEGRAM = 50
LOOSE_EMAILS = 50
LOOSE_IMAGES = 300
LOOSE_FILES = 300
CATEGORIES = ("Threat", "Insult", "Doxxing", "Impersonation")
NOTES = (
    "Sent by Mark (fictional) after the party",
    "",
    "Screenshots made by Anna de Vries (fictional)",
    "",
    "Forwarded by a friend",
    "",
)
WORDS = [
    "morgen",
    "vanavond",
    "buiten",
    "deur",
    "fiets",
    "school",
    "werk",
    "huis",
    "straat",
    "foto",
    "bericht",
    "telefoon",
    "adres",
    "weet",
    "zie",
    "wacht",
    "kom",
    "zeg",
    "blijf",
    "stop",
    "nooit",
    "altijd",
    "iedereen",
    "niemand",
    "politie",
    "vriend",
    "familie",
    "tomorrow",
    "tonight",
    "outside",
    "door",
    "bike",
    "school",
    "work",
    "house",
    "street",
    "photo",
    "message",
    "phone",
    "address",
]
RARE_WORD = "zebrapad"  # in a few dozen chats only: a search with few hits
SEARCH_WORDS = ("zebrapad", "morgen buiten", "screenshot")


# ---------------------------------------------------------------------------------------------
# Building the vault
# ---------------------------------------------------------------------------------------------


def _png(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (24, 18), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    ImageDraw.Draw(picture).line((0, rng.randrange(18), 23, rng.randrange(18)), fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def _sentence(rng: random.Random, words: int = 8) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _whatsapp_lines(rng: random.Random, count: int, month: int, attach: Sequence[str] = ()) -> list[str]:
    lines = []
    senders = ("Mark (fictional)", "Anna de Vries", "Unknown number +31 6 00000000")
    attached = list(attach)
    for number in range(count):
        day = 1 + number * 27 // max(count, 1)
        stamp = f"{day:02d}-{month:02d}-2026 {number % 24:02d}:{number % 60:02d}"
        text = _sentence(rng, rng.randrange(3, 14))
        if number % 7 == 0 and attached:
            text = f"{attached.pop()} (file attached)"
        elif rng.random() < 0.02:
            text += f" {RARE_WORD}"
        lines.append(f"{stamp} - {senders[number % 3]}: {text}")
    return lines


def _telegram(rng: random.Random, number: int) -> str:
    messages = [
        {
            "id": index,
            "type": "message",
            "date": f"2026-{1 + number % 12:02d}-{1 + index % 27:02d}T{index % 24:02d}:10:00",
            "from": "Mark (fictional)" if index % 2 else "Anna de Vries",
            "from_id": f"user{index % 2}",
            "text": _sentence(rng, 10) + (f" {RARE_WORD}" if rng.random() < 0.01 else ""),
        }
        for index in range(30)
    ]
    return json.dumps({"name": f"Chat {number}", "type": "personal_chat", "id": number, "messages": messages})


def _email(rng: random.Random, number: int) -> str:
    return (
        "From: Unknown sender <throwaway.sender@example.net>\n"
        "To: Anna de Vries <anna.devries@example.org>\n"
        f"Subject: Message {number} {rng.choice(WORDS)}\n"
        f"Date: Tue, {1 + number % 27:02d} Oct 2026 02:14:02 +0200\n"
        f"Message-ID: <{number}.bench@example.net>\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{_sentence(rng, 40)}\n(Fictional message for a benchmark.)\n"
    )


def make_zip(path: Path, rng: random.Random, members: int, number: int) -> None:
    """A WhatsApp export zip: `_chat.txt` and `members` media and documents (stored, not deflated)."""
    names: list[str] = []
    members_data: list[tuple[zipfile.ZipInfo, bytes]] = []
    for index in range(members):
        month, day = 1 + index * 12 // members, 1 + index % 28
        when = (2026, month, day, index % 24, index % 60, 0)
        if index % 3 == 0:
            name, data = f"IMG-2026{month:02d}{day:02d}-WA{number}{index:05d}.png", _png(rng)
        elif index % 3 == 1:
            name = f"note {number}-{index:05d} {rng.choice(WORDS)}.txt"
            data = (_sentence(rng, 20) + "\n").encode("utf-8")
        else:
            name, data = f"DOC-2026{month:02d}{day:02d}-WA{number}{index:05d}.dat", rng.randbytes(64)
        names.append(name)
        members_data.append((zipfile.ZipInfo(name, date_time=when), data))
    text = "\n".join(_whatsapp_lines(rng, 60, 1 + number % 12, names[:8])) + "\n"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("_chat.txt", text.encode("utf-8"))  # first, as WhatsApp writes it
        for info, data in members_data:
            archive.writestr(info, data)


def make_loose(folder: Path, rng: random.Random, count: int) -> None:
    """`count` loose files: WhatsApp chats, Telegram chats, e-mails, screenshots, notes."""
    plan = [
        ("whatsapp", LOOSE_CHATS),
        ("telegram", LOOSE_TELEGRAM),
        ("email", LOOSE_EMAILS),
        ("image", LOOSE_IMAGES),
        ("file", LOOSE_FILES),
    ]
    scale = count / sum(n for _, n in plan)
    for kind, wanted in plan:
        for number in range(max(1, round(wanted * scale))):
            if kind == "whatsapp":
                lines = _whatsapp_lines(rng, rng.randrange(10, 80), 1 + number % 12)
                (folder / f"WhatsApp Chat with Contact {number:04d}.txt").write_text(
                    "\n".join(lines) + "\n", encoding="utf-8"
                )
            elif kind == "telegram":
                (folder / f"telegram-chat-{number:03d}.json").write_text(_telegram(rng, number), "utf-8")
            elif kind == "email":
                (folder / f"email {number:03d}.eml").write_text(_email(rng, number), encoding="utf-8")
            elif kind == "image":
                (folder / f"Screenshot 2026-10-{1 + number % 28:02d} {number:04d}.png").write_bytes(_png(rng))
            else:
                (folder / f"incident log {number:04d}.txt").write_text(_sentence(rng, 60), "utf-8")


@dataclass
class BuildPlan:
    zips: list[int] = field(default_factory=list)  # members per zip
    loose: int = 0


def plan_for(items: int) -> BuildPlan:
    loose = min(sum((LOOSE_CHATS, LOOSE_TELEGRAM, LOOSE_EMAILS, LOOSE_IMAGES, LOOSE_FILES)), items // 10)
    left = items - loose
    plan = BuildPlan(loose=loose)
    count = max(1, -(-left // (ZIP_MEMBERS + 1)))
    for index in range(count):
        share = left // count + (1 if index < left % count else 0)
        plan.zips.append(share - 1)  # the chat itself is an item too
    return plan


def build_vault(target: Path, items: int) -> tuple[float, int]:
    """Make the vault through the real import path. Returns (seconds, items stored)."""
    from evidence_kit.importers.batch import add_paths
    from evidence_kit.storage.keys import KdfParams
    from evidence_kit.vault import Vault

    rng = random.Random(100_000)
    plan = plan_for(items)
    with tempfile.TemporaryDirectory(prefix="ek-bench-large-src-") as scratch:
        source = Path(scratch)
        started = time.perf_counter()
        vault, _code = Vault.create(
            target, PASSPHRASE, case_title="Benchmark case (fictional)", kdf=KdfParams.insecure_fast()
        )
        stored = 0
        try:
            loose = source / "loose"
            loose.mkdir()
            make_loose(loose, rng, plan.loose)
            groups = [source / f"group {g}" for g in range(len(NOTES))]
            for group in groups:
                group.mkdir()
            for number, members in enumerate(plan.zips):
                group = groups[number % len(groups)]
                make_zip(group / f"WhatsApp Chat with Group {number:04d}.zip", rng, members, number)
            batches = [([loose], ""), *(([group], note) for group, note in zip(groups, NOTES, strict=True))]
            prepared = time.perf_counter()
            print(f"  source files made in {prepared - started:.1f} s", flush=True)
            for paths, note in batches:
                for result in add_paths(vault, paths, note=note):
                    if result.error is not None:
                        raise SystemExit(f"importing {result.path} failed: {result.error}")
                    if result.path.endswith(".zip") and result.recognised_as != "whatsapp":
                        raise SystemExit(f"{result.path} was not read as a WhatsApp export")
                    stored += len(result.items)
                for path in paths:
                    shutil.rmtree(path)  # free the space as we go
                print(f"  {stored} items stored, {time.perf_counter() - started:.0f} s", flush=True)
            ids = [summary.id for summary in vault.items()]
            for position, item_id in enumerate(ids[:: max(1, len(ids) // 1000)]):
                vault.set_category(item_id, CATEGORIES[position % len(CATEGORIES)])
            for position, item_id in enumerate(ids[7 :: max(1, len(ids) // 300)]):
                vault.set_note(item_id, f"Note {position}: {_sentence(rng, 6)}")
        finally:
            vault.close()
        return time.perf_counter() - started, stored


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evidence-kit-bench"


def ensure_vault(items: int, rebuild: bool) -> tuple[Path, str, float, bool]:
    """The cached vault (built now if missing). Returns (path, passphrase, build seconds, reused)."""
    folder = cache_root() / f"ui_large_vault-v{CACHE_VERSION}-{items}"
    marker = folder / "built.json"
    vault_path = folder / "vault.ekvault"
    if marker.is_file() and not rebuild:
        info = json.loads(marker.read_text("utf-8"))
        return vault_path, (folder / "passphrase.txt").read_text("utf-8"), float(info["build_s"]), True
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, mode=0o700)
    print(f"building a vault of {items} items in {vault_path} ...", flush=True)
    seconds, stored = build_vault(vault_path, items)
    if stored != items:
        raise SystemExit(f"the builder stored {stored} items, not {items}")
    (folder / "passphrase.txt").write_text(PASSPHRASE, "utf-8")
    marker.write_text(json.dumps({"build_s": round(seconds, 1), "items": stored}), "utf-8")
    print(f"built {stored} items in {seconds:.1f} s", flush=True)
    return vault_path, PASSPHRASE, seconds, False


