"""Instagram and Facebook Messenger: Meta's "Download your information" exports.

Rule: one `ParsedExport` is one conversation (thread). A thread may be split over several files
(`message_1.json`, `message_2.json`, ... in one folder): read from the folder they are one
conversation; a single file given alone is read alone (the evidence item is that file) with a
warning that the thread continues elsewhere. A folder, zip or account download holding several
threads is read with `read_all(path)`; `read(path)` accepts exactly one thread and otherwise
raises `MetaMultipleThreadsError`, so threads are never merged; `read_export(path)` is what an
import stores: the one thread, or `ManyChats`, each thread a conversation of its own.

Three shapes are read, and the modules each have one job:

* `json_export.py`: DYI JSON (`message_N.json`), and the JSON file as a whole for both shapes;
  `json_document.py`: the file read as a stream in two passes (its shape and mojibake, then one
  message record at a time).
* `html_export.py`: DYI HTML (`message_N.html`); the shown time has no zone and no epoch.
* `e2ee.py`: Messenger's end-to-end-encrypted chat download (one JSON file per chat);
  `json_common.py`: what the two JSON shapes read alike (epoch times, event types, reactions).
* `mojibake.py`: Meta's UTF-8-as-Latin-1 text in JSON, found and repaired per file.
* `thread.py`: what one thread gathers while it is read, and the `ParsedExport` it becomes
  (oldest first; UTC wall times from epochs).
* `platforms.py`: Instagram, Facebook, or not known; `recognition.py`: `sniff`, `sniff_dir`,
  `format_of`; `reader.py`: `read_all`, `read`, and which files form which threads.
"""

from __future__ import annotations

from evidence_kit.importers.meta.mojibake import has_mojibake
from evidence_kit.importers.meta.platforms import FACEBOOK, FORMAT, FORMATS, UNDETERMINED
from evidence_kit.importers.meta.reader import MetaMultipleThreadsError, read, read_all, read_export
from evidence_kit.importers.meta.recognition import format_of, sniff, sniff_dir
from evidence_kit.importers.meta.thread import TZ_EPOCH, TZ_HTML

__all__ = [
    "FACEBOOK",
    "FORMAT",
    "FORMATS",
    "TZ_EPOCH",
    "TZ_HTML",
    "UNDETERMINED",
    "MetaMultipleThreadsError",
    "format_of",
    "has_mojibake",
    "read",
    "read_all",
    "read_export",
    "sniff",
    "sniff_dir",
]
