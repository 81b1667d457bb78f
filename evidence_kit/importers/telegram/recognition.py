"""Recognising a Telegram Desktop export from the start of a file, or from a folder.

Rule: only the start of a file is looked at (the registry passes its first 64 KiB; a folder's
result.json or messages.html is read that far), never the whole export.
"""

from __future__ import annotations

import re
from pathlib import Path

from evidence_kit.importers._chat_support import zip_names_in_head
from evidence_kit.importers.common import starts_json_object

_CHAT_TYPES = (
    "personal_chat|private_group|private_supergroup|public_supergroup|private_channel|"
    "public_channel|bot_chat|saved_messages|replies"
)
_SNIFF_JSON = (
    re.compile(rb'"date_unixtime"\s*:\s*"?[0-9]'),
    re.compile(rb'"text_entities"\s*:\s*\['),
    re.compile(rb'"type"\s*:\s*"(?:' + _CHAT_TYPES.encode() + rb')"\s*,\s*"id"\s*:'),
    re.compile(rb'"about"\s*:\s*"[^"]{0,200}Telegram'),
)
_SNIFF_HTML_TITLE = re.compile(rb"<title>\s*Exported Data\s*</title>")


def json_head(head: bytes) -> bool:
    """True when `head` starts Telegram Desktop's result.json."""
    return starts_json_object(head) and any(pattern.search(head) for pattern in _SNIFF_JSON)


def html_head(head: bytes) -> bool:
    """True when `head` starts a chat page of Telegram Desktop's HTML export."""
    return (
        _SNIFF_HTML_TITLE.search(head) is not None
        and b'class="page_wrap"' in head
        and (b"chat_page" in head or b'class="message ' in head)
    )


def sniff(head: bytes, name: str) -> bool:
    """True when `head` is Telegram Desktop's result.json, a chat page of its HTML export, or a
    zip of an export folder (Telegram's default folder names ChatExport_*/DataExport_*)."""
    if head[:4] == b"PK\x03\x04":
        names = zip_names_in_head(head)
        return any(re.match(r"(?:[^/]*/)?(?:ChatExport|DataExport)_[^/]*/", n) for n in names) or (
            any(n.endswith("messages.html") for n in names) and any(n.endswith("js/script.js") for n in names)
        )
    return json_head(head) or html_head(head)


def _head_of(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(65536)
    except OSError:
        return b""


def sniff_dir(path: Path) -> bool:
    """True for a Telegram Desktop export folder (one chat, or a whole account)."""
    try:
        if (path / "result.json").is_file() and json_head(_head_of(path / "result.json")):
            return True
        if (path / "messages.html").is_file() and html_head(_head_of(path / "messages.html")):
            return True
        return (path / "export_results.html").is_file() and (path / "chats").is_dir()
    except OSError:
        return False
