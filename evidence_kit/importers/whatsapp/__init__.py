"""WhatsApp "Export chat": the `.txt` file and the export `.zip` (chat text plus media).

Rule: the export is read exactly as shown, as a stream: blocks of whole lines, each cut at every
header by one `split` of one compiled regular expression, never by trying locales line by line;
each distinct date and time string is read once, and memory never depends on the file's size
(a line or message over 1 Mi characters is cut for display, with a warning). Performance
matters (a chat can hold millions of messages): see `bench/parse_whatsapp.py` and
`bench/import_large_chat.py`. Every line that starts with a timestamp in
the file's own header shape starts a message; every other line continues the message before it.
Times are kept as the wall-clock time printed (the export states no zone). Text keeps everything
the person typed and drops only invisible bidi marks (U+200E, U+200F, U+202A-U+202E,
U+2066-U+2069) and the structural markers that became fields (attachment markers, "<Media
omitted>", "This message was deleted", "<This message was edited>" and their translations).
Line ends are normalised: CRLF becomes LF.

What the export looks like, and how it is read:

* Android: `15/01/2024, 21:05 - Anna: text`; iOS: `[15/01/2024, 21:05:12] Anna: text`; an old
  iOS form without brackets ends the time with `: `. Dates in `d/m/y`, `m/d/y`, `y/m/d` (or the
  rare `y/d/m`) with `/`, `.` or `-`; times 24-hour or 12-hour (`PM`, `p. m.`, `p.m.`, Arabic `م`/`ص`, Turkish
  `ÖS`/`ÖÖ`), `:` or `.` between hours and minutes, with or without seconds; Arabic-Indic
  digits, the Arabic comma, U+202F/U+00A0 as spaces, bidi marks and a BOM anywhere a phone puts
  them.
* The header shape (brackets, separators, seconds, clock, the text between date and time and
  after the time) is fixed within one export, so a line that looks like a header in another
  shape between its messages (a pasted quote of another chat) is text, not a new message. A
  second shape whose headers form one run before or after the others (the phone's date format
  changed) is read too, each message in its own format (`header_format` on each message, the
  warning `date_format_changed`). Vietnamese exports write the time first (`21:05, 15/01/2024 - `).
* A header in the export's own shape whose date cannot exist keeps its own message, without a
  time; a line that starts like a header but cannot be read (`15/01/2024, 3:22_AM - `) is never
  folded into the message before it: it is a message of its own, as written, without a time or
  sender, and the warning names its line.
* Years in the Buddhist era (Thai phones: `2567`, iOS `2565 BE`) and Japanese eras (iOS `R4`,
  `H31`) are converted to the Gregorian calendar, with the warning `calendar_converted`.
* A message whose time is earlier than the one before it stays in file order and is marked
  (`("time_order", ...)` in its `extra`; the dossier prints the mark), with one warning.
* Day/month order is decided over the whole file: a field above 12 decides; otherwise the order
  in which messages then read oldest-first decides; otherwise the order usual for the export's
  format is taken and the warning `ambiguous_date_order` says so.
* A line without `Name: ` after the timestamp is a system line (no sender). iOS also writes
  system lines under a pseudo-sender (the group's name) with a U+200E before the text: the
  encryption notice under any name, and every marked line of a "sender" who never types and
  writes the notice or a group event ("Anna added Bram"), are system lines without a sender.
* iOS may write the attachment's own note before it (`report.pdf • 3 pages <attached: …>`):
  it is kept as the attachment's (`attachment_note` in the message's `extra`), not as text.
* `sender_id` is set when the sender as shown is a phone number (WhatsApp shows a number for
  people not in the phone's contacts).

The modules, one job each:

* `languages.toml`: WhatsApp's own words (markers, group events, file names, header words), a
  table per language with the public source of its strings; `languages.py` reads and checks it.
* `characters.py`: bidi marks, spaces and digits; `strip_marks`.
* `header.py`: the expression that finds every message header.
* `dates.py`: dates and times as written; the day/month order of a file.
* `markers.py`: deleted, edited, omitted, attachment, call and encryption-notice markers.
* `titles.py`: the chat's title from the export's file name.
* `blocks.py`: the decoded text in bounded blocks of whole lines, overlong lines cut.
* `raw.py`: the blocks cut into raw messages at every header (unreadable headers kept apart).
* `parser.py`: senders, media types and the Message template the parser shares.
* `entries.py`: what one message's body says (sender, text, markers), and the Message made of it.
* `survey.py`: the first pass, each message cut, read and surveyed in one loop; the survey
  (participants, languages, files named) the conversation's facts come from.
* `stream.py`: the parser: passes over the blocks, messages yielded one at a time
  (`parse_stream`; `parse_text` for text already in memory).
* `reader.py`: recognising (`sniff`), decoding and reading `.txt` and `.zip` exports (`read`).
"""

from __future__ import annotations

from evidence_kit.importers.whatsapp.characters import strip_marks
from evidence_kit.importers.whatsapp.parser import (
    FORMAT,
    TIMEZONE_ASSUMPTION,
    ParsedChat,
    media_type_of,
)
from evidence_kit.importers.whatsapp.reader import (
    MAX_TEXT_BYTES,
    ZIP_TIME_ASSUMPTION,
    decode_export,
    read,
    read_stream,
    sniff,
)
from evidence_kit.importers.whatsapp.stream import parse_text
from evidence_kit.importers.whatsapp.titles import title_from_name

__all__ = [
    "FORMAT",
    "MAX_TEXT_BYTES",
    "TIMEZONE_ASSUMPTION",
    "ZIP_TIME_ASSUMPTION",
    "ParsedChat",
    "decode_export",
    "media_type_of",
    "parse_text",
    "read",
    "read_stream",
    "sniff",
    "strip_marks",
    "title_from_name",
]
