"""Telegram Desktop exports: `result.json` (one chat or a whole account) and the HTML export.

Rule: one `ParsedExport` is one chat. A whole-account export holds many chats, and merging them
into one conversation would mix people and contexts in a way no court should see, so
`read_all(path)` returns one export per chat (in the export's order, chats the account left
last), and `read(path)` returns the chat only when there is exactly one, otherwise it raises
`TelegramMultipleChatsError`. `read_export(path)` is what an import stores: the one chat, or
`ManyChats`, each chat a conversation of its own under the one sealed original.

The modules, each with one job:

* `recognition.py`: `sniff` and `sniff_dir`, from the start of a file or from a folder.
* `reader.py`: `read_all` and `read`; which file of a folder or zip holds the chats.
* `json_document.py`: `result.json` walked as a stream (ijson), never held whole;
  `json_export.py`: what each field becomes, record by record (`iter_messages`); `text.py`: a JSON
  message's text (entity lists, service lines).
* `html_export.py`: the HTML export's chat pages, and why their times get no UTC time.
* `chat.py`: what one chat gathers while it is read (attachments, participants, warnings).
"""

from __future__ import annotations

from evidence_kit.importers.telegram.chat import FORMAT
from evidence_kit.importers.telegram.html_export import TZ_HTML
from evidence_kit.importers.telegram.json_export import (
    TZ_JSON,
    TZ_JSON_LOCAL_ONLY,
    TZ_JSON_MIXED,
    TZ_JSON_UTC_ONLY,
)
from evidence_kit.importers.telegram.reader import TelegramMultipleChatsError, read, read_all, read_export
from evidence_kit.importers.telegram.recognition import sniff, sniff_dir

__all__ = [
    "FORMAT",
    "TZ_HTML",
    "TZ_JSON",
    "TZ_JSON_LOCAL_ONLY",
    "TZ_JSON_MIXED",
    "TZ_JSON_UTC_ONLY",
    "TelegramMultipleChatsError",
    "read",
    "read_all",
    "read_export",
    "sniff",
    "sniff_dir",
]
