"""SMS Backup & Restore XML: text messages, MMS with their parts, and the call log.

Rule: the backup is untrusted XML and may be hundreds of megabytes, so it is read as a stream
(never as a whole tree) through defusedxml (no DTD, no entity declarations, no network), after a
repair pass over the text for what the Android app writes but XML 1.0 forbids. Nothing a person
typed is dropped silently: a character that cannot be represented becomes U+FFFD and is counted
in a warning.

Formats: `FORMAT = "sms"` reads `<smses>` backups (`sms-*.xml`); `"calls"` reads `<calls>` call
logs (`calls-*.xml`). One `read()` handles both, deciding by the root element; `FORMATS` lists the
names the registry may offer for `--as`.

What the app writes and how it is kept:

* Surrogate pairs as two references (`&#55357;&#56832;` for 😀), which strict parsers reject: they
  are combined into the real character before parsing. A lone surrogate reference, an invalid
  character number or invalid UTF-8 becomes U+FFFD with a warning.
* Control characters as references (`&#27;`): XML 1.0 forbids them, yet they are what the person
  typed, so they are carried through the parser in a private escape (see `_ESC`) and restored.
* `date` is epoch milliseconds: it gives `sent_at_utc`. `readable_date` is the phone's local time
  as the app formatted it (in the phone's language). It becomes `sent_at` only when it agrees with
  the epoch time at a whole UTC offset, which also settles 12/24-hour and day/month order;
  otherwise (or when absent) `sent_at` is the UTC wall time and the message's extra says so.
* Direction: SMS `type` 1 is received; 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued are the
  phone's own. The backup never names the phone's owner, so a message from the phone has
  `sender = sender_id = None` and the other party goes to the message's extra as `to`/`to_name`
  (never invented as a sender). MMS use `msg_box` the same way and `<addr type="137">` as sender.
* Calls are system messages with a fixed English text (see `_CALL_TEXT`), e.g.
  "Missed call, duration 0:00:00 (0 seconds)"; the number is the sender of incoming calls and
  the `to` of outgoing ones.

Messages are returned oldest first by their epoch time (call logs are stored newest first);
records without a usable date come last, in file order.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import functools
import io
import mimetypes
import re
import xml.etree.ElementTree as ET  # only for types and ParseError: parsing goes through defusedxml
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

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
from evidence_kit.importers.common import numbered_unique

FORMAT = "sms"
CALLS_FORMAT = "calls"
FORMATS: tuple[str, ...] = (FORMAT, CALLS_FORMAT)

# MMS media are held in memory (never in a temp file); past this total the rest stay only in the
# backup itself, which the vault stores byte-exact anyway.
MAX_EMBEDDED_TOTAL = 256 * 1024 * 1024
_RAW_CHUNK = 1024 * 1024

_SNIFF = re.compile(
    r"\A\s*(?:<\?.{0,500}?\?>\s*|<!--.{0,5000}?-->\s*)*<(smses|calls)[\s/>]",
    re.DOTALL,
)

# Invisible bidi marks the protocol drops from message text (importer protocol, `text`).
_BIDI_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = str.maketrans(dict.fromkeys(map(ord, _BIDI_MARKS)))

# ---------------------------------------------------------------------------------------------
# Repair pass: make the app's output well-formed XML without losing what it means.
# ---------------------------------------------------------------------------------------------

# A private-use character opens a two-character escape that survives the XML parser:
# ESC ESC is a literal U+E000, ESC + U+E100+c is the control character c, ESC + _BAD is a
# character that could not be read (shown as U+FFFD). A literal U+E000 in the input is doubled,
# so the escape can never be confused with the person's own text.
_ESC = "\ue000"
_CTRL_BASE = 0xE100
_BAD = "\ue200"
_REPLACEMENT = "\ufffd"

_REPAIR = re.compile(
    r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ue000\ufffe\uffff]"
)
_TRAILING_REF = re.compile(r"&#(?:[xX]0*[0-9a-fA-F]{1,8}|0*[0-9]{1,10});\Z")
_XML_DECL = re.compile(r"<\?xml\s[^>]{0,200}\?>")
_UNESCAPE = re.compile("\ue000(.)", re.DOTALL)


def _code_point(match: re.Match[str]) -> int | None:
    hex_digits, dec_digits = match.group(1), match.group(2)
    if hex_digits is not None:
        return int(hex_digits, 16)
    if dec_digits is not None:
        return int(dec_digits)
    return None


def _forbidden_control(cp: int) -> bool:
    return cp < 0x20 and cp not in (0x09, 0x0A, 0x0D)


def _repair_text(text: str) -> str:
    """Rewrite what XML forbids into parseable text (see the module docstring)."""
    matches = list(_REPAIR.finditer(text))
    if not matches:
        return text
    out: list[str] = []
    pos = 0
    skip_next = False
    for index, match in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        out.append(text[pos : match.start()])
        pos = match.end()
        cp = _code_point(match)
        if cp is None:  # a raw character
            char = match.group(0)
            code = ord(char)
            if char == _ESC:
                out.append(_ESC + _ESC)
            elif _forbidden_control(code):
                out.append(_ESC + chr(_CTRL_BASE + code))
            else:  # undecodable byte (surrogateescape), U+FFFE or U+FFFF
                out.append(_ESC + _BAD)
            continue
        if 0xD800 <= cp <= 0xDBFF:
            following = matches[index + 1] if index + 1 < len(matches) else None
            low = _code_point(following) if following is not None else None
            adjacent = following is not None and following.start() == match.end()
            if adjacent and following is not None and low is not None and 0xDC00 <= low <= 0xDFFF:
                out.append(chr(0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)))
                pos = following.end()
                skip_next = True
                continue
            out.append(_ESC + _BAD)
        elif 0xDC00 <= cp <= 0xDFFF or cp in (0xFFFE, 0xFFFF) or cp > 0x10FFFF:
            out.append(_ESC + _BAD)
        elif cp == 0xE000:
            out.append(_ESC + _ESC)
        elif _forbidden_control(cp):
            out.append(_ESC + chr(_CTRL_BASE + cp))
        else:
            out.append(match.group(0))  # a valid reference: the parser handles it
    out.append(text[pos:])
    return "".join(out)


class _RepairingReader:
    """A binary stream over the backup that yields repaired UTF-8 for the XML parser.

    It decodes incrementally (UTF-8, or UTF-16 by BOM), holds back a reference cut at a chunk
    edge (and a high-surrogate reference whose partner may follow), repairs, and drops the XML
    declaration because the output is always UTF-8. Newlines are never added or removed, so the
    parser's line numbers are the file's.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._decoder: codecs.IncrementalDecoder | None = None
        self._carry = ""
        self._started = False
        self._done = False

    def _decoder_for(self, first: bytes) -> tuple[codecs.IncrementalDecoder, bytes]:
        if first.startswith(codecs.BOM_UTF8):
            return codecs.getincrementaldecoder("utf-8")("surrogateescape"), first[3:]
        if first.startswith(codecs.BOM_UTF16_LE):
            return codecs.getincrementaldecoder("utf-16-le")("surrogateescape"), first[2:]
        if first.startswith(codecs.BOM_UTF16_BE):
            return codecs.getincrementaldecoder("utf-16-be")("surrogateescape"), first[2:]
        return codecs.getincrementaldecoder("utf-8")("surrogateescape"), first

    def read(self, size: int = -1) -> bytes:
        # The size hint is ignored: a repaired chunk of about _RAW_CHUNK bytes is returned.
        while not self._done:
            chunk = self._raw.read(_RAW_CHUNK)
            if self._decoder is None:
                self._decoder, chunk = self._decoder_for(chunk)
            final = not chunk
            text = self._carry + self._decoder.decode(chunk, final=final)
            self._carry = ""
            if not final:
                cut = self._hold_back(text)
                text, self._carry = text[:cut], text[cut:]
            else:
                self._done = True
            if not self._started and text:
                self._started = True
                text = _XML_DECL.sub("", text, count=1) if _XML_DECL.match(text.lstrip()) else text
            if text:
                return _repair_text(text).encode("utf-8")
        return b""

    @staticmethod
    def _hold_back(text: str) -> int:
        cut = len(text)
        amp = text.rfind("&", max(0, cut - 4096))
        if amp != -1 and ";" not in text[amp:]:
            cut = amp
        trailing = _TRAILING_REF.search(text, 0, cut) if cut else None
        if trailing is not None:
            cp = _code_point(_REPAIR.match(trailing.group(0)))  # type: ignore[arg-type]
            if cp is not None and 0xD800 <= cp <= 0xDBFF:
                cut = trailing.start()
        return cut


# ---------------------------------------------------------------------------------------------
# Warnings, counted per kind so a 200,000-message backup gives a readable report.
# ---------------------------------------------------------------------------------------------

# One prototype per warning code (its English message is the translation key); the count and the
# first occurrence are filled in when the import ends.
_WARNINGS: dict[str, ParseWarning] = {
    "invalid_character": ParseWarning(
        "invalid_character",
        "{count} characters could not be read (a broken surrogate pair, an invalid character "
        "reference or invalid UTF-8) and are shown as U+FFFD; the first is in record {record}.",
    ),
    "readable_date_unmatched": ParseWarning(
        "readable_date_unmatched",
        "{count} records have a readable_date that does not match their epoch time (first: record "
        '{record}, "{value}"); their wall time is shown in UTC.',
    ),
    "date_missing": ParseWarning(
        "date_missing",
        "{count} records have no usable date (first: record {record}); they are listed last, without a time.",
    ),
    "date_in_seconds": ParseWarning(
        "date_in_seconds",
        "{count} records give their date in seconds instead of milliseconds (first: record "
        "{record}); it was read as seconds.",
    ),
    "not_sent": ParseWarning(
        "not_sent",
        "{count} messages are drafts or were never sent (failed, queued or in the outbox); the box "
        "of each is in its details (first: record {record}).",
    ),
    "unknown_type": ParseWarning(
        "unknown_type",
        "{count} records have a type this program does not know (first: record {record}, type "
        "{type}); they are kept with the direction unknown.",
    ),
    "unknown_element": ParseWarning(
        "unknown_element", "{count} unknown elements were skipped (first: <{tag}> as record {record})."
    ),
    "part_not_decoded": ParseWarning(
        "part_not_decoded",
        "{count} MMS parts could not be decoded from base64 (first: {name} in record {record}); the "
        "backup itself still holds them.",
    ),
    "part_not_kept": ParseWarning(
        "part_not_kept",
        "{count} MMS parts were not kept as separate files because together they exceed {limit} "
        "bytes (first: {name} in record {record}); the backup itself still holds them.",
    ),
    "part_without_data": ParseWarning(
        "part_without_data",
        "{count} MMS parts have no data in the backup (first: {name} in record {record}); the media "
        "was not backed up.",
    ),
    "part_renamed": ParseWarning(
        "part_renamed",
        "{count} MMS parts have a file name already used by an earlier part and were renamed (first: "
        "{name} became {new_name}).",
    ),
    "text_part_undecodable": ParseWarning(
        "text_part_undecodable",
        "{count} MMS text parts were not valid UTF-8; unreadable bytes are shown as U+FFFD (first: "
        "record {record}).",
    ),
}

_DAMAGED = ParseWarning(
    "damaged",
    "The backup could not be read past line {line}, column {column} ({detail}); the {count} records "
    "before that point were kept.",
)
_COUNT_MISMATCH = ParseWarning(
    "count_mismatch", "The backup says it holds {declared} records, but {found} were read."
)


@dataclass
class _Collector:
    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, dict[str, str]] = field(default_factory=dict)
    single: list[ParseWarning] = field(default_factory=list)
    record: int = 0  # 1-based ordinal of the record being read

    def add(self, code: str, **params: str) -> None:
        self.counts[code] = self.counts.get(code, 0) + 1
        if code not in self.first:
            self.first[code] = {"record": str(self.record), **params}

    def warnings(self) -> tuple[ParseWarning, ...]:
        result = list(self.single)
        for code, count in self.counts.items():
            params = {"count": str(count), **self.first[code]}
            result.append(replace(_WARNINGS[code], params=tuple(sorted(params.items()))))
        return tuple(result)

    def text(self, value: str | None) -> str | None:
        """Undo the repair escape in one attribute value, counting unreadable characters."""
        if value is None or _ESC not in value:
            return value

        def restore(match: re.Match[str]) -> str:
            char = match.group(1)
            if char == _ESC:
                return _ESC
            code = ord(char)
            if _CTRL_BASE <= code < _CTRL_BASE + 0x20:
                return chr(code - _CTRL_BASE)
            self.add("invalid_character")
            return _REPLACEMENT

        return _UNESCAPE.sub(restore, value)


# ---------------------------------------------------------------------------------------------
# Times
# ---------------------------------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECONDS_THRESHOLD = 100_000_000_000  # below this an epoch in ms would be before 1973: it is seconds
_TIME_OF_DAY = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)")
_PM = re.compile(r"(?i)(?<![a-z])p\.?\s?m\.?(?![a-z])|午後|下午|오후")
_AM = re.compile(r"(?i)(?<![a-z])a\.?\s?m\.?(?![a-z])|午前|上午|오전")
_NUMBER = re.compile(r"\d+")
_MIN_OFFSET = -12 * 3600
_MAX_OFFSET = 14 * 3600


def _epoch(value: str | None, collect: _Collector) -> datetime | None:
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    if number <= 0:
        return None
    if number < _SECONDS_THRESHOLD:
        collect.add("date_in_seconds")
        number *= 1000
    try:
        return _EPOCH + timedelta(milliseconds=number)
    except OverflowError:
        return None


def wall_time_from_readable(readable: str, utc: datetime) -> datetime | None:
    """The local wall time that `readable` shows for the instant `utc`, or None.

    `readable` is formatted in the phone's language, so it is not parsed by a fixed pattern:
    its time of day (h:mm[:ss], with AM/PM when marked) must equal `utc` shifted by a real UTC
    offset (a multiple of 15 minutes between -12:00 and +14:00), and the shifted date's day and
    year must appear among its numbers. Exactly one such wall time is accepted; none or several
    (an unmarked 12-hour clock that fits twice) give None.
    """
    times = list(_TIME_OF_DAY.finditer(readable))
    if not times:
        return None
    shown = times[-1]
    hour, minute = int(shown.group(1)), int(shown.group(2))
    second = int(shown.group(3)) if shown.group(3) is not None else None
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return None
    rest = readable[: shown.start()] + " " + readable[shown.end() :]
    numbers = {int(token) for token in _NUMBER.findall(rest) if len(token) <= 4}
    if _PM.search(rest) and 1 <= hour <= 12:
        hours = [hour % 12 + 12]
    elif _AM.search(rest) and 1 <= hour <= 12:
        hours = [hour % 12]
    elif 1 <= hour <= 12:
        hours = [hour % 12, hour % 12 + 12]
    else:
        hours = [hour]
    utc_seconds = utc.hour * 3600 + utc.minute * 60 + (utc.second if second is not None else 0)
    found: set[datetime] = set()
    for candidate_hour in hours:
        shown_seconds = candidate_hour * 3600 + minute * 60 + (second or 0)
        diff = (shown_seconds - utc_seconds) % 86400
        for offset in (diff, diff - 86400):
            if not (_MIN_OFFSET <= offset <= _MAX_OFFSET) or offset % 900:
                continue
            local = (utc + timedelta(seconds=offset)).replace(tzinfo=None, microsecond=0)
            if local.day in numbers and (local.year in numbers or local.year % 100 in numbers):
                found.add(local)
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class _When:
    local: datetime | None
    utc: datetime | None
    from_readable: bool


def _when(elem: ET.Element, collect: _Collector) -> _When:
    utc = _epoch(elem.get("date"), collect)
    if utc is None:
        collect.add("date_missing")
        return _When(None, None, False)
    readable = _opt(collect.text(elem.get("readable_date")))
    if readable is not None:
        local = wall_time_from_readable(readable, utc)
        if local is not None:
            return _When(local, utc, True)
        collect.add("readable_date_unmatched", value=readable[:100])
    return _When(utc.replace(tzinfo=None, microsecond=0), utc, False)


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------

_SMS_BOX = {1: "inbox", 2: "sent", 3: "draft", 4: "outbox", 5: "failed", 6: "queued"}
_NOT_SENT = frozenset({"draft", "outbox", "failed", "queued"})
_ADDR_ROLE = {"137": "from", "151": "to", "130": "cc", "129": "bcc"}
_OWN_ADDRESS = "insert-address-token"  # what Android stores as the phone's own number in an MMS
_NULLS = frozenset({"", "null", "(Unknown)"})


def _opt(value: str | None) -> str | None:
    """The app writes "null" (and "(Unknown)" for contact names) where a value is absent."""
    if value is None or value.strip() in _NULLS:
        return None
    return value


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _clean_text(value: str) -> str:
    return value.translate(_BIDI)


def _iso(moment: datetime) -> str:
    return moment.isoformat()


@dataclass
class _Record:
    """One parsed record with the data needed to order it."""

    when: _When
    order: int
    message: Message


@dataclass
class _State:
    path: Path
    collect: _Collector = field(default_factory=_Collector)
    records: list[_Record] = field(default_factory=list)
    files: list[EmbeddedFile] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    next_number: dict[str, int] = field(default_factory=dict)
    embedded_bytes: int = 0
    participants: dict[str, Participant] = field(default_factory=dict)  # by number, else by name
    readable_used: int = 0
    readable_absent: int = 0

    def add(self, when: _When, message: Message, *counterparts: Participant) -> None:
        if when.utc is not None:
            if when.from_readable:
                self.readable_used += 1
            else:
                self.readable_absent += 1
        self.records.append(_Record(when, len(self.records), message))
        for person in counterparts:
            key = person.identifier or person.name
            if key is None:
                continue
            known = self.participants.get(key)
            if known is None or (known.name is None and person.name is not None):
                self.participants[key] = person

    def unique_name(self, name: str) -> str:
        candidate = numbered_unique(name, self.names, self.next_number)
        if candidate != name:
            self.collect.add("part_renamed", name=name, new_name=candidate)
        return candidate


def _time_extra(when: _When) -> tuple[tuple[str, str], ...]:
    if when.utc is None:
        return ()
    return (("wall_time", "readable_date" if when.from_readable else "utc"),)


def _read_sms(elem: ET.Element, state: _State) -> None:
    collect = state.collect
    when = _when(elem, collect)
    raw_type = elem.get("type")
    box = _SMS_BOX.get(_int(raw_type) or 0)
    address = _opt(collect.text(elem.get("address")))
    name = _opt(collect.text(elem.get("contact_name")))
    body = collect.text(elem.get("body")) or ""
    extra: list[tuple[str, str]] = [("box", box or "unknown"), ("record", "sms")]
    sender = sender_id = None
    if box == "inbox":
        sender, sender_id = name, address
        extra.insert(0, ("direction", "incoming"))
    elif box is not None:
        extra.insert(0, ("direction", "outgoing"))
        if address is not None:
            extra.append(("to", address))
        if name is not None:
            extra.append(("to_name", name))
        if box in _NOT_SENT:
            collect.add("not_sent")
    else:
        collect.add("unknown_type", type=raw_type or "")
        extra.insert(0, ("direction", "unknown"))
        extra.append(("type", raw_type or ""))
        if address is not None:
            extra.append(("address", address))
        if name is not None:
            extra.append(("contact_name", name))
    subject = _opt(collect.text(elem.get("subject")))
    if subject is not None:
        extra.append(("subject", subject))
    date_sent = _epoch(elem.get("date_sent"), _Collector())
    if date_sent is not None:
        extra.append(("date_sent_utc", _iso(date_sent)))
    extra.extend(_time_extra(when))
    message = Message(
        sender=sender,
        sender_id=sender_id,
        text=_clean_text(body),
        sent_at=when.local,
        sent_at_utc=when.utc,
        extra=tuple(extra),
    )
    state.add(when, message, Participant(name, address))


def _part_name(part: ET.Element, seq: int, media_type: str | None, collect: _Collector) -> str:
    for attribute in ("cl", "name", "fn"):
        value = _opt(collect.text(part.get(attribute)))
        if value is not None:
            cleaned = "".join("_" if ch in "/\\" or ord(ch) < 0x20 else ch for ch in value).strip()
            if cleaned.strip("._ "):
                return cleaned
    extension = mimetypes.guess_extension(media_type or "") or ".bin"
    return f"part-{seq}{extension}"


def _read_part(
    part: ET.Element,
    seq: int,
    state: _State,
    texts: list[str],
    attachments: list[AttachmentRef],
) -> bool:
    """Read one MMS part; return True when its media is missing from the backup."""
    collect = state.collect
    media_type = (_opt(part.get("ct")) or "application/octet-stream").strip().lower()
    if media_type == "application/smil":
        return False  # the slide layout, not content
    data = part.get("data")
    if media_type == "text/plain":
        # "null" is the app's word for an empty column, but also what a person may have typed: it
        # is read as absent only when the part carries its text as data instead.
        text = collect.text(part.get("text"))
        if (text is None or text == "null") and data:
            try:
                decoded = base64.b64decode(data)
            except (binascii.Error, ValueError):
                decoded = b""
                collect.add("part_not_decoded", name="text")
            text = decoded.decode("utf-8", errors="replace")
            if _REPLACEMENT in text:
                collect.add("text_part_undecodable")
        if text is not None:
            texts.append(_clean_text(text))
        return False
    name = state.unique_name(_part_name(part, seq, media_type, collect))
    attachments.append(AttachmentRef(name=name, media_type=media_type))
    if not data:
        collect.add("part_without_data", name=name)
        state.missing.append(name)
        return True
    estimate = len(data) * 3 // 4
    if state.embedded_bytes + estimate > MAX_EMBEDDED_TOTAL:
        collect.add("part_not_kept", name=name, limit=str(MAX_EMBEDDED_TOTAL))
        state.missing.append(name)
        return False
    try:
        payload = base64.b64decode(data)
    except (binascii.Error, ValueError):
        collect.add("part_not_decoded", name=name)
        state.missing.append(name)
        return False
    state.embedded_bytes += len(payload)
    opener: Callable[[], BinaryIO] = functools.partial(io.BytesIO, payload)
    state.files.append(EmbeddedFile(name=name, open=opener, size=len(payload), media_type=media_type))
    return False


def _thread_names(addresses: str | None, names: str | None) -> dict[str, str | None]:
    """Each address of an MMS thread ("~"-separated) with its contact name. The app writes a group's
    names as one ", "-separated list in the same order; they are paired only when the counts match."""
    if addresses is None:
        return {}
    numbers = [number for number in addresses.split("~") if number]
    labels: list[str | None] = list(names.split(", ")) if names is not None else []
    if len(labels) != len(numbers):
        labels = [names] if len(numbers) == 1 and names is not None else [None] * len(numbers)
    return dict(zip(numbers, labels, strict=True))


def _read_mms(elem: ET.Element, state: _State) -> None:
    collect = state.collect
    when = _when(elem, collect)
    raw_box = elem.get("msg_box")
    box = _SMS_BOX.get(_int(raw_box) or 0)
    thread_address = _opt(collect.text(elem.get("address")))
    thread_name = _opt(collect.text(elem.get("contact_name")))
    names = _thread_names(thread_address, thread_name)
    extra: list[tuple[str, str]] = []
    sender_address: str | None = None
    for addrs in elem.iter("addr"):
        role = _ADDR_ROLE.get(addrs.get("type") or "")
        address = _opt(collect.text(addrs.get("address")))
        if role is None or address is None:
            continue
        if address == _OWN_ADDRESS:
            continue  # the phone itself; the direction already says so
        if role == "from" and sender_address is None:
            sender_address = address
        extra.append((role, address))
    sender = sender_id = None
    if box == "inbox":
        direction = "incoming"
        sender_id = sender_address
        if sender_id is None and len(names) == 1:
            sender_id = next(iter(names))
        sender = names.get(sender_id) if sender_id is not None else None
    elif box is not None:
        direction = "outgoing"
        if box in _NOT_SENT:
            collect.add("not_sent")
        if thread_name is not None:
            extra.append(("to_name", thread_name))
        if not any(key == "to" for key, _ in extra) and thread_address is not None:
            extra.extend(("to", address) for address in thread_address.split("~"))
    else:
        direction = "unknown"
        collect.add("unknown_type", type=raw_box or "")
        extra.append(("type", raw_box or ""))
        if thread_address is not None:
            extra.append(("address", thread_address))
    texts: list[str] = []
    attachments: list[AttachmentRef] = []
    parts = sorted(elem.iter("part"), key=lambda p: _int(p.get("seq")) or 0)
    media_missing = False
    for index, part in enumerate(parts):
        media_missing |= _read_part(part, index, state, texts, attachments)
    subject = _opt(collect.text(elem.get("sub")))
    head: list[tuple[str, str]] = [("direction", direction), ("box", box or "unknown"), ("record", "mms")]
    if subject is not None:
        head.append(("subject", subject))
    message = Message(
        sender=sender,
        sender_id=sender_id,
        text="\n".join(texts),
        sent_at=when.local,
        sent_at_utc=when.utc,
        media_omitted=media_missing,
        attachments=tuple(attachments),
        extra=(*head, *extra, *_time_extra(when)),
    )
    state.add(when, message, *(Participant(name, address) for address, name in names.items()))


# Fixed English texts of call records (documented in docs/formats.md by the lead); the
# duration is appended in one form for every type: ", duration H:MM:SS (N seconds)".
_CALL_TYPES: dict[int, tuple[str, str]] = {
    1: ("incoming", "Incoming call"),
    2: ("outgoing", "Outgoing call"),
    3: ("missed", "Missed call"),
    4: ("voicemail", "Voicemail"),
    5: ("rejected", "Rejected call"),
    6: ("blocked", "Blocked call"),
    7: ("answered_elsewhere", "Call answered on another device"),
}
_CALL_TEXT = "{label}, duration {clock} ({seconds} seconds)"
_UNKNOWN_CALL_LABEL = "Call of unknown type {type}"
_WITHHELD = {"-1": "withheld", "-2": "unknown", "-3": "payphone"}
_PRESENTATION = {"2": "withheld", "3": "unknown", "4": "payphone"}


def _read_call(elem: ET.Element, state: _State) -> None:
    collect = state.collect
    when = _when(elem, collect)
    raw_type = elem.get("type") or ""
    known = _CALL_TYPES.get(_int(raw_type) or 0)
    if known is None:
        collect.add("unknown_type", type=raw_type)
        key, label = "unknown", _UNKNOWN_CALL_LABEL.format(type=raw_type)
    else:
        key, label = known
    seconds = max(0, _int(elem.get("duration")) or 0)
    clock = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    number = _opt(collect.text(elem.get("number")))
    name = _opt(collect.text(elem.get("contact_name")))
    presentation = _WITHHELD.get(number or "") or _PRESENTATION.get(elem.get("presentation") or "")
    if number in _WITHHELD:
        number = None
    direction = "outgoing" if key == "outgoing" else "unknown" if key == "unknown" else "incoming"
    extra: list[tuple[str, str]] = [
        ("direction", direction),
        ("call_type", key),
        ("duration_seconds", str(seconds)),
    ]
    sender = sender_id = None
    if direction == "incoming":
        sender, sender_id = name, number
    else:
        if number is not None:
            extra.append(("to" if direction == "outgoing" else "number", number))
        if name is not None:
            extra.append(("to_name" if direction == "outgoing" else "contact_name", name))
    if presentation is not None:
        extra.append(("number_presentation", presentation))
    extra.extend(_time_extra(when))
    message = Message(
        sender=sender,
        sender_id=sender_id,
        text=_CALL_TEXT.format(label=label, clock=clock, seconds=seconds),
        sent_at=when.local,
        sent_at_utc=when.utc,
        kind=MessageKind.SYSTEM,
        extra=tuple(extra),
    )
    state.add(when, message, Participant(name, number))


_READERS: dict[str, dict[str, Callable[[ET.Element, _State], None]]] = {
    "smses": {"sms": _read_sms, "mms": _read_mms},
    "calls": {"call": _read_call},
}

# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def format_of(head: bytes) -> str | None:
    """ "sms" or "calls" when `head` (the first bytes of a file) starts an SMS Backup & Restore file."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore").removeprefix("\ufeff")
    match = _SNIFF.match(text[:65536])
    if match is None:
        return None
    return FORMAT if match.group(1) == "smses" else CALLS_FORMAT


def sniff(head: bytes, name: str) -> bool:
    """True when `head` is the start of an SMS Backup & Restore backup or call log (by content only)."""
    return format_of(head) is not None


def _timezone_assumption(state: _State) -> str | None:
    if state.readable_used and not state.readable_absent:
        return (
            "Wall times are the phone's local times as SMS Backup & Restore wrote them (readable_date), "
            "each checked against the epoch time; UTC times come from the epoch milliseconds."
        )
    if state.readable_absent and not state.readable_used:
        return (
            "The backup gives epoch times only: wall times are shown in UTC, not in the phone's local "
            "time zone, which the backup does not state."
        )
    if state.readable_used and state.readable_absent:
        return (
            "Wall times are the phone's local times (readable_date) where the backup wrote them and they "
            "match the epoch time, and UTC otherwise (see each message's wall_time detail); UTC times "
            "come from the epoch milliseconds."
        )
    return None


def read(path: Path) -> ParsedExport:
    """Parse an SMS Backup & Restore `<smses>` backup or `<calls>` call log at `path`."""
    try:
        with path.open("rb") as handle:
            state = _parse(handle, path)
    except OSError as exc:
        raise FileUnreadableError(path=path, detail=exc.strerror or type(exc).__name__) from exc
    return _to_export(state)


def read_bytes(data: bytes, path: Path) -> ParsedExport:
    """Parse a backup already in memory (`path` only names it in errors and warnings)."""
    return _to_export(_parse(io.BytesIO(data), path))


@dataclass
class _ParseResult:
    state: _State
    root: str
    attributes: dict[str, str]


def _to_export(result: _ParseResult) -> ParsedExport:
    state = result.state
    state.records.sort(key=lambda r: (r.when.utc is None, r.when.utc or _EPOCH, r.order))
    extra: list[tuple[str, str]] = [("root", result.root)]
    for key in ("count", "backup_set", "backup_date", "type"):
        value = result.attributes.get(key)
        if value is not None:
            extra.append((key, value))
    conversation = Conversation(
        platform="sms" if result.root == "smses" else "call_log",
        messages=tuple(record.message for record in state.records),
        participants=tuple(state.participants.values()),
        timezone_assumption=_timezone_assumption(state),
        warnings=state.collect.warnings(),
        extra=tuple(extra),
    )
    return ParsedExport(conversation=conversation, files=tuple(state.files), missing=tuple(state.missing))


def _parse(handle: BinaryIO, path: Path) -> _ParseResult:
    state = _State(path=path)
    collect = state.collect
    reader = _RepairingReader(handle)
    root: ET.Element | None = None
    root_tag = ""
    attributes: dict[str, str] = {}
    depth = 0
    handlers: dict[str, Callable[[ET.Element, _State], None]] = {}
    try:
        for event, elem in DefusedET.iterparse(reader, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth == 1:
                    root, root_tag = elem, elem.tag
                    if root_tag not in _READERS:
                        raise ImportFormatError(
                            path=path, format=FORMAT, detail="the XML is not an SMS Backup & Restore file"
                        )
                    handlers = _READERS[root_tag]
                    attributes = {key: collect.text(value) or "" for key, value in elem.attrib.items()}
                continue
            depth -= 1
            if depth != 1 or root is None:
                continue
            collect.record += 1
            handler = handlers.get(elem.tag)
            if handler is None:
                collect.add("unknown_element", tag=str(elem.tag)[:50])
            else:
                handler(elem, state)
            del root[:]  # keep memory flat: the records read so far are no longer needed as XML
    except ET.ParseError as exc:
        if root is None:
            raise ImportFormatError(path=path, format=FORMAT, detail="not well-formed XML") from exc
        line, column = exc.position
        collect.single.append(
            replace(
                _DAMAGED,
                params=(
                    ("column", str(column)),
                    ("count", str(len(state.records))),
                    ("detail", str(exc).split(":")[0]),
                    ("line", str(line)),
                ),
                line=line,
            )
        )
    except DefusedXmlException as exc:
        raise ImportFormatError(
            path=path, format=FORMAT, detail="the XML declares a DTD or entities, which a backup never does"
        ) from exc
    if root is None:
        raise ImportFormatError(path=path, format=FORMAT, detail="no XML element found")
    declared = _int(attributes.get("count"))
    if declared is not None and declared != collect.record:
        collect.single.append(
            replace(
                _COUNT_MISMATCH,
                params=(("declared", str(declared)), ("found", str(collect.record))),
            )
        )
    return _ParseResult(state=state, root=root_tag, attributes=attributes)
