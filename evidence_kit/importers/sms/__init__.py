"""SMS Backup & Restore XML: text messages, MMS with their parts, and the call log.

Rule: the backup is untrusted XML and may be hundreds of megabytes, so it is read as a stream
(never as a whole tree) through defusedxml (no DTD, no entity declarations, no network), after a
repair pass over the text for what the Android app writes but XML 1.0 forbids. Nothing a person
typed is dropped silently: a character that cannot be represented becomes U+FFFD and is counted
in a warning.

Formats: `FORMAT = "sms"` reads `<smses>` backups (`sms-*.xml`); `"calls"` reads `<calls>` call
logs (`calls-*.xml`). One `read()` handles both, deciding by the root element; `FORMATS` lists the
names the registry may offer for `--as`.

The modules, each with one job:

* `recognition.py`: the format names, `sniff` and `format_of` from the first bytes of a file.
* `reader.py`: `read_stream` (what storing uses), `read` and `read_bytes`; `iter_messages`, the
  XML stream with each record to its reader and its message handed on at once; damage and count
  warnings.
* `order.py`: time order without holding the backup (a pass for the times, passes for the messages).
* `xml_repair.py`: the repair pass (surrogate pairs, control characters, invalid UTF-8).
* `times.py`: epoch times, and the phone's offset from `readable_date` (`wall_time_from_readable`);
  `day_periods.py`: every locale's AM/PM words (generated from CLDR).
* `messages.py`: `<sms>` and `<mms>` records (direction, parties, MMS parts as files);
  `calls.py`: `<call>` records.
* `records.py`: what reading one backup gathers; `values.py`: the app's "null" and numbers;
  `parse_warnings.py`: the warnings, counted per kind.
"""

from __future__ import annotations

from evidence_kit.importers.sms.reader import read, read_bytes, read_stream
from evidence_kit.importers.sms.recognition import CALLS_FORMAT, FORMAT, FORMATS, format_of, sniff
from evidence_kit.importers.sms.times import wall_time_from_readable

__all__ = [
    "CALLS_FORMAT",
    "FORMAT",
    "FORMATS",
    "format_of",
    "read",
    "read_bytes",
    "read_stream",
    "sniff",
    "wall_time_from_readable",
]
