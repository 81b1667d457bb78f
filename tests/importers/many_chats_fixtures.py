"""Fictional exports of several chats in one file: a Telegram whole-account export (JSON and
HTML) and Meta downloads of several threads (Instagram and Facebook shapes), each as one zip, so
the sealed original alone holds everything a re-reading needs. All names and texts are made up."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.importers.telegram_html_writer import Page

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TELEGRAM_ACCOUNT = FIXTURES / "telegram" / "account"


def telegram_json_account_zip(folder: Path) -> Path:
    """The whole-account `result.json` fixture (3 chats, one with a photo) as its zip."""
    path = folder / "DataExport_2026-11-30.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted(TELEGRAM_ACCOUNT.rglob("*")):
            if file.is_file():
                archive.write(file, "DataExport_2026-11-30/" + file.relative_to(TELEGRAM_ACCOUNT).as_posix())
    return path


def _chat_page(title: str, lines: list[tuple[str, str]], first_id: int) -> str:
    page = Page(title)
    sender = None
    for offset, (name, text) in enumerate(lines):
        page.message(
            first_id + offset,
            date_title=f"01.12.2026 09:{offset:02d}:00 UTC+01:00",
            time=f"09:{offset:02d}",
            from_name=f"{name} " if name != sender else None,
            text=text,
        )
        sender = name
    return page.render(base="../../")


HTML_CHATS = {
    "chat_001": ("Anna de Vries", [("Anna de Vries", "Hoi Bram"), ("Bram Jansen", "Hoi Anna")]),
    "chat_002": (
        "Buurtgroep",
        [("Chris Peters", "Wie heeft de ladder?"), ("Bram Jansen", "Ik"), ("Chris Peters", "Dank")],
    ),
}


def telegram_html_account_zip(folder: Path) -> Path:
    """An HTML whole-account export: export_results.html and chats/chat_001/, chats/chat_002/."""
    path = folder / "DataExport_2026-12-01.zip"
    root = "DataExport_2026-12-01"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{root}/export_results.html", "<title>Exported Data</title>")
        for index, (chat, (title, lines)) in enumerate(sorted(HTML_CHATS.items())):
            archive.writestr(f"{root}/chats/{chat}/messages.html", _chat_page(title, lines, 10 * index + 1))
    return path


def _thread(title: str, lines: list[tuple[str, str]], start_ms: int, thread_path: str) -> dict[str, object]:
    # Meta writes a thread newest first.
    messages = [
        {"sender_name": name, "timestamp_ms": start_ms + 60_000 * index, "content": text}
        for index, (name, text) in enumerate(lines)
    ]
    return {
        "participants": sorted({{"name": name}["name"] for name, _text in lines}),
        "messages": list(reversed(messages)),
        "title": title,
        "is_still_participant": True,
        "thread_path": thread_path,
    }


META_THREADS = {
    "annadevries_1": (
        "Anna de Vries",
        [("Anna de Vries", "Hallo"), ("Bram Jansen", "Hoi"), ("Anna de Vries", "Tot morgen")],
    ),
    "chrispeters_2": ("Chris Peters", [("Chris Peters", "Ben je thuis?"), ("Bram Jansen", "Nee")]),
}


def meta_zip(folder: Path, top: str) -> Path:
    """A download of two threads under `top` (your_instagram_activity or your_facebook_activity)."""
    path = folder / f"{top}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for index, (name, (title, lines)) in enumerate(sorted(META_THREADS.items())):
            thread = _thread(title, lines, 1_795_896_000_000 + 3_600_000 * index, f"inbox/{name}")
            thread["participants"] = [{"name": p} for p in thread["participants"]]  # type: ignore[union-attr]
            if top == "your_facebook_activity":
                thread["thread_type"] = "Regular"
            archive.writestr(f"{top}/messages/inbox/{name}/message_1.json", json.dumps(thread, indent=2))
    return path
