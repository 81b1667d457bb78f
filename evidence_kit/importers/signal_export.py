"""Signal chats as written by the third-party `signal-export` tool (Signal Desktop -> Markdown).

Rule: Signal has no export of its own; this reads only what `signal-export` writes, as shown,
and never reaches into Signal's database. Each chat is a folder `<chat name>/` holding
`chat.md`, a `media/` folder and (newer versions) `data.json` and `index.html`. A message is
one header line `[2019-05-29, 15:04] Name: text` (older versions) or `[2019-05-29 15:04:07] Name:
text` (newer ones) followed by continuation lines; the tool writes "Me" for the exporter's own
messages. What the tool adds around the text becomes fields and leaves the text, which keeps
exactly what the person typed (bidi marks aside):

* the quote of a replied-to message (`> ...` lines before the text) -> `reply_to`, holding the
  quoted text, since the tool writes no message ids;
* attachment links `![name](./media/file)` / `[name](./media/file)` at the end -> attachments
  named by their relative path (`media/file`);
* a reactions line `(- Name: 👍 -)` and a sticker line `(( 😀 ))` at the end -> the message's
  `extra` ("reactions", "sticker");
* the two spaces it appends for Markdown line breaks -> dropped;
* `(This message was deleted)` -> `deleted`; call records ("Missed voice call", "Incoming video
  call (accepted, 1m 5s)") -> system messages on the caller's line.

Times are the local wall time of the computer that ran the tool (it writes no zone). Files the
messages link to are carried as `EmbeddedFile` when they lie inside the chat's folder (read
from disk on demand, never copied, symbolic links refused); anything else they name is reported
as missing.
"""

from __future__ import annotations

import mimetypes
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    EmbeddedFile,
    Message,
    MessageKind,
    ParsedExport,
    ParseWarning,
    Participant,
)
from evidence_kit.errors import FileUnreadableError, ImportFormatError
from evidence_kit.importers.common import invalid_date_warning, strip_marks
from evidence_kit.importers.paths import open_regular

FORMAT = "signal"

MAX_TEXT_BYTES = 256 * 1024 * 1024
CHAT_FILE = "chat.md"
_MAX_LINKS = 256  # attachment links taken off one message; more stay in its text
TIMEZONE_ASSUMPTION = (
    "Times are as written by signal-export: the local time of the computer that ran it, "
    "in a time zone the export does not state."
)

NO_OFFICIAL_EXPORT_HELP = (
    "Signal has no official way to export a chat. Its own backups can only be restored into "
    "Signal and cannot be read as evidence, and screenshots show only what fits on the screen. "
    "The free, open-source tool signal-export (by Chris Arderne, not made by Signal) can write "
    "your chats from Signal Desktop on a computer as text files. Link Signal Desktop to your "
    "phone first and let it load the chat's history; messages older than the moment you linked "
    "it are usually not on the computer. Then install signal-export (for example with "
    '"pip install signal-export") and run "sigexport" followed by the name of a new, empty '
    "folder, for example: sigexport ~/signal-chats. Use --chats with a contact's or group's name "
    "to export only that chat. For every chat it makes a folder holding chat.md (the messages), "
    "a media folder (photos, voice notes and other attachments) and an index.html page. Add the "
    "chat's whole folder, or its chat.md file, to Evidence Kit. Keep in mind that signal-export "
    'writes times in your computer\'s time zone and writes "Me" for your own messages, and that '
    "the files it writes are not encrypted: delete them safely once they are stored here."
)

_HEADER = re.compile(
    r"^\[(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?P<comma>,)? "
    r"(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\] ",
    re.MULTILINE,
)
_DELETED = "(This message was deleted)"
_CALL = re.compile(
    r"(?:Incoming|Outgoing|Missed)(?: voice| video| audio)? call(?: \((?:[^()\n]*)\))?", re.IGNORECASE
)
_PHONE = re.compile(r"\+?[0-9][0-9 \-().]{5,}[0-9]")
_REACTIONS = re.compile(r"\n\(- (?P<value>[^\n]*) -\)\Z")
_STICKER = re.compile(r"\n\(\( (?P<value>[^\n]*) \)\)\Z")


def looks_like_signal_export(text: str, name: str = "") -> bool:
    """True when decoded text (the first KiB of a file) reads as signal-export's chat.md.

    WhatsApp on iOS can also write `[2024-01-15 21:05:12] Name: text`; signal-export's marks
    tell them apart: its older `[yyyy-mm-dd, HH:MM]` form (WhatsApp never brackets a time
    without seconds), the two spaces it ends every message with, its `./media/` links, or
    the `.md` file name it uses.
    """
    headers = list(_HEADER.finditer(text, 0, 65536))
    if not headers:
        return False
    first_lines = text.lstrip("\ufeff").split("\n", 1)[0]
    if not _HEADER.match(first_lines):
        return False
    if any(h.group("comma") and h.group("s") is None for h in headers):
        return True
    if "](./media/" in text or name.lower().endswith(".md"):
        return True
    ends = 0
    for header in headers[:200]:
        line_end = text.find("\n", header.end())
        line = text[header.end() : line_end if line_end >= 0 else len(text)]
        ends += line.endswith("  ")
    return ends * 2 > min(len(headers), 200)


def sniff(head: bytes, name: str) -> bool:
    """True when `head` (the first 64 KiB) is signal-export's Markdown chat."""
    text = head.decode("utf-8", errors="replace")
    return looks_like_signal_export(text.replace("\r\n", "\n"), name)


def sniff_dir(path: Path) -> bool:
    """True for a folder signal-export wrote for one chat (it holds a recognisable chat.md)."""
    try:
        chat = path / CHAT_FILE
        if not chat.is_file():
            return False
        with chat.open("rb") as handle:
            return sniff(handle.read(65536), CHAT_FILE)
    except OSError:
        return False


def _split_quote(raw: str) -> tuple[str | None, str]:
    """signal-export writes a reply as "\\n\\n> quoted\\n> lines\\n\\n" before the text."""
    if not raw.startswith("\n\n>"):
        return None, raw
    lines = raw[2:].split("\n")
    quoted: list[str] = []
    index = 0
    while index < len(lines) and (lines[index].startswith("> ") or lines[index] == ">"):
        quoted.append(lines[index][2:])
        index += 1
    if index >= len(lines) or lines[index] != "":
        return None, raw
    return "\n".join(quoted), "\n".join(lines[index + 1 :])


def _last_link(text: str) -> tuple[int, str] | None:
    """Where the tool's last appended link `![name](target)  ` starts, and its target."""
    body = text[:-2] if text.endswith(")  ") else text
    if not body.endswith(")"):
        return None
    middle = body.rfind("](")
    if middle < 0:
        return None
    target = body[middle + 2 : -1]
    if not target or any(c.isspace() or c in "()" for c in target):
        return None
    opening = body.rfind("[", 0, middle)
    if opening < 0 or "\n" in body[opening:middle] or "]" in body[opening + 1 : middle]:
        return None
    start = opening - 1 if opening > 0 and body[opening - 1] == "!" else opening
    return start, target


def _split_links(text: str) -> tuple[str, list[str]]:
    """Take the attachment links the tool appended off the end of the text."""
    links: list[str] = []
    while len(links) < _MAX_LINKS:
        found = _last_link(text)
        if found is None:
            break
        start, target = found
        if "://" in target or target.startswith(("/", "#", "mailto:")):
            break
        links.append(unquote(target.removeprefix("./")))
        text = text[:start]
    links.reverse()
    return text, links


def _decide_message(sender: str | None, raw: str, sent_at: datetime | None) -> Message:
    quote, text = _split_quote(raw)
    text, links = _split_links(text)
    extra: list[tuple[str, str]] = []
    # What the tool appends after the text, last first: a sticker, then the reactions.
    for key, pattern in (("sticker", _STICKER), ("reactions", _REACTIONS)):
        found = pattern.search(text, max(0, len(text) - 4096))
        if found:
            extra.insert(0, (key, strip_marks(found.group("value"))))
            text = text[: found.start()]
    if text.endswith("  "):
        text = text[:-2]
    text = strip_marks(text)
    deleted = text == _DELETED
    kind = MessageKind.SYSTEM if sender is None or _CALL.fullmatch(text) else MessageKind.MESSAGE
    phone = sender is not None and _PHONE.fullmatch(sender) is not None
    sender_id = sender if phone and sum(c.isdigit() for c in sender or "") >= 7 else None
    return Message(
        sender=sender,
        text="" if deleted else text,
        sent_at=sent_at,
        sender_id=sender_id,
        kind=kind,
        deleted=deleted,
        reply_to=strip_marks(quote) if quote is not None else None,
        attachments=tuple(AttachmentRef(link, mimetypes.guess_type(link)[0]) for link in links),
        extra=tuple(extra),
    )


def parse_text(text: str, *, name: str = "") -> tuple[Conversation, tuple[str, ...]]:
    """Parse decoded chat.md text; the conversation and the file names its messages link to."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    matches = list(_HEADER.finditer(text))
    if not matches:
        raise ImportFormatError(path=name, format=FORMAT, detail="no signal-export message lines were found")
    # A header-shaped line in another shape than the file's own is a quoted line, not a message.
    shapes = Counter((m.group("comma") is not None, m.group("s") is not None) for m in matches)
    if len(shapes) > 1:
        dominant = shapes.most_common(1)[0][0]
        matches = [m for m in matches if (m.group("comma") is not None, m.group("s") is not None) == dominant]

    warnings: list[ParseWarning] = []
    if text[: matches[0].start()].strip():
        last = text.count("\n", 0, matches[0].start())
        warnings.append(
            ParseWarning(
                code="unparsed_preamble",
                message="Lines 1 to {last} come before the first message and were not read as messages.",
                params=(("last", str(last)),),
                line=1,
            )
        )
    # Times first: a header-shaped line whose date cannot exist is text of the message before it.
    stamped: list[tuple[re.Match[str], datetime | None]] = []
    for match in matches:
        try:
            sent_at: datetime | None = datetime(
                int(match.group("y")),
                int(match.group("mo")),
                int(match.group("d")),
                int(match.group("h")),
                int(match.group("mi")),
                int(match.group("s") or 0),
            )
        except ValueError:
            sent_at = None
        if sent_at is None:
            line = text.count("\n", 0, match.start()) + 1
            warnings.append(invalid_date_warning(line, merged=bool(stamped)))
            if stamped:
                continue
        stamped.append((match, sent_at))

    messages: list[Message] = []
    participants: dict[str, Participant] = {}
    for index, (match, sent_at) in enumerate(stamped):
        end = stamped[index + 1][0].start() - 1 if index + 1 < len(stamped) else len(text)
        raw = text[match.end() : end].rstrip("\n")
        first_end = raw.find("\n")
        first = raw if first_end < 0 else raw[:first_end]
        colon = first.find(": ")
        if colon > 0:
            sender: str | None = strip_marks(raw[:colon]).strip() or None
            body = raw[colon + 2 :]
        elif first.endswith(":"):
            sender, body = strip_marks(first[:-1]).strip() or None, raw[len(first) + 1 :]
        else:
            sender, body = None, raw
        message = _decide_message(sender, body, sent_at)
        if sender is not None and sender not in participants:
            participants[sender] = Participant(name=sender, identifier=message.sender_id)
        messages.append(message)

    referenced: dict[str, None] = {}
    for message in messages:
        for ref in message.attachments:
            referenced.setdefault(ref.name, None)
    conversation = Conversation(
        platform="signal",
        messages=tuple(messages),
        participants=tuple(participants.values()),
        timezone_assumption=TIMEZONE_ASSUMPTION,
        warnings=tuple(warnings),
        extra=(("exported_by", "signal-export (third-party tool; Signal has no official export)"),),
    )
    return conversation, tuple(referenced)


def _file_opener(path: Path) -> Callable[[], BinaryIO]:
    def open_file() -> BinaryIO:
        try:
            return open_regular(path)  # never blocks, even if swapped for a FIFO since the check
        except OSError as exc:
            raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None

    return open_file


def _inside(folder: Path, relative: str) -> Path | None:
    """The file `relative` names, only when it is a regular file inside `folder` (no escape)."""
    if not relative or "\x00" in relative or relative.startswith(("/", "\\")) or ":" in relative[:3]:
        return None
    candidate = folder / relative
    try:
        if candidate.is_symlink() or not candidate.is_file():
            return None
        resolved = candidate.resolve(strict=True)
        if not resolved.is_relative_to(folder.resolve(strict=True)):
            return None
    except (OSError, RuntimeError, ValueError):
        return None
    return resolved


def read(path: Path) -> ParsedExport:
    """Parse a signal-export chat: its folder, or its chat.md file."""
    path = Path(path)
    chat = path / CHAT_FILE if path.is_dir() else path
    folder = chat.parent
    try:
        if not chat.is_file():
            raise ImportFormatError(path=str(path), format=FORMAT, detail="the folder holds no chat.md")
        if chat.stat().st_size > MAX_TEXT_BYTES:
            raise ImportFormatError(
                path=str(path), format=FORMAT, detail="too large to parse as a chat; stored as a plain file"
            )
        data = chat.read_bytes()
    except OSError as exc:
        raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None
    try:
        text = data.decode("utf-8")
        bad = 0
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = max(text.count("\ufffd") - data.count(b"\xef\xbf\xbd"), 0)
    conversation, referenced = parse_text(text, name=str(path))

    files: list[EmbeddedFile] = []
    missing: list[str] = []
    for name in referenced:
        found = _inside(folder, name)
        if found is None:
            missing.append(name)
            continue
        files.append(
            EmbeddedFile(
                name=name,
                open=_file_opener(found),
                size=found.stat().st_size,
                media_type=mimetypes.guess_type(name)[0],
            )
        )
    warnings = list(conversation.warnings)
    if bad:
        warnings.insert(
            0,
            ParseWarning(
                code="invalid_utf8",
                message="The chat text is not valid UTF-8: {count} unreadable bytes were shown as U+FFFD.",
                params=(("count", str(bad)),),
            ),
        )
    if missing:
        shown = ", ".join(missing[:10]) + (", …" if len(missing) > 10 else "")
        warnings.append(
            ParseWarning(
                code="attachments_missing",
                message="{count} files the messages refer to are not in the export: {names}.",
                params=(("count", str(len(missing))), ("names", shown)),
            )
        )
    title = folder.name if path.is_dir() or chat.name == CHAT_FILE else chat.stem
    conversation = replace(conversation, title=title or None, warnings=tuple(warnings))
    return ParsedExport(conversation=conversation, files=tuple(files), missing=tuple(missing))
