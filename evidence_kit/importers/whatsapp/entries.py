"""What one message's body says (`read_entry`), and the Message made of it (`messages`).

Rule: the body is read exactly as the whole-text parser read it: "Name: text" (or "Name:"
alone) is a sender's line, anything else a system line; the text loses its bidi marks, and
WhatsApp's markers become fields (`markers.py`). A chat holds hundreds of thousands of
messages, so each is read into flat tuples (`Entry`) and the usual line, a person's words
without markers, carries no marker fields at all (`details` None).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from evidence_kit.domain import AttachmentRef, Message, MessageKind
from evidence_kit.importers.whatsapp import parser
from evidence_kit.importers.whatsapp.characters import strip_marks
from evidence_kit.importers.whatsapp.dates import DateInfo, TimeInfo
from evidence_kit.importers.whatsapp.markers import Markers
from evidence_kit.importers.whatsapp.raw import UNREADABLE, Caches, Raw

__all__ = [
    "EARLIER_THAN_PREVIOUS",
    "UNREADABLE_HEADER",
    "Details",
    "Entry",
    "Kept",
    "Said",
    "Senders",
    "entries",
    "messages",
    "read_entry",
    "with_markers",
]

Senders = dict[str, tuple[str, str | None] | None]
# What WhatsApp's own words made of a line: system, flagged (marked with U+200E or a notice), own
# (WhatsApp's own words under a sender), deleted, edited, media omitted, attachment, marker
# language, attachment note.
Details = tuple[bool, bool, bool, bool, bool, bool, str | None, str, str]
# One message as read, three objects: the numbers of its date and time (`raw.Caches`); its note
# (the header's format where an export mixes them, or raw.UNREADABLE), sender, sender id and text;
# its details (None: a line its sender typed, no marker in it). A message whose header could not
# be read has its body as written for text, no sender and no details. Numbers and strings only:
# a tuple of them is one the garbage collector stops following (untracks) the first time it looks
# at it, so kept entries do not make every collection longer.
Said = tuple[str, str | None, str | None, str]
Entry = tuple[tuple[int, int], Said, Details | None]
# The messages a pass keeps (`stream.parse_stream` with `keep`): each entry's three objects side
# by side in one list, not in a tuple of the entry. Side by side, each is referred to from the
# list, so the collector looks at each in place and untracks it; inside another tuple, it is
# looked at after the tuple that holds it, which is then kept tracked, moved to an older
# generation and makes the collector go over the whole heap several times in a parse. Two or
# three objects let go of as each message is made also keep the collector from running over the
# growing list of messages (it counts objects made less objects let go).
Kept = tuple[int, int] | Said | Details | None

# Message.extra facts the parser adds (stable keys; values are not translated).
EARLIER_THAN_PREVIOUS = ("time_order", "earlier than the message before it")
UNREADABLE_HEADER = ("header", "unreadable")


def read_entry(
    date: DateInfo, clock: TimeInfo, raw: str, note: str, senders: Senders, markers: Markers
) -> Entry:
    """The parts of one message body, exactly as the whole-text parser read them."""
    if note is UNREADABLE:
        return (date.number, clock.number), (note, None, None, raw), None
    if raw.endswith("\n"):
        raw = raw.rstrip("\n")
    # "Name: text" (or "Name:" alone); anything else is a system line.
    newline = raw.find("\n")
    first_end = newline if newline >= 0 else len(raw)
    colon = raw.find(": ", 0, first_end)
    who: tuple[str, str | None] | bool | None = None
    body = raw
    if colon > 0:
        key, body = raw[:colon], raw[colon + 2 :]
        who = senders.get(key, False)
        if who is False:
            who = parser.sender_of(key, senders)
    elif first_end > 1 and raw[first_end - 1] == ":":
        key, body = raw[: first_end - 1], (raw[first_end + 1 :] if newline >= 0 else "")
        who = senders.get(key, False)
        if who is False:
            who = parser.sender_of(key, senders)
    if not who:
        body = strip_marks(raw)
        locale = ""
        if body[:12] in markers.notice_heads and body.startswith(markers.notice_prefixes):
            locale = markers.notice_locale(body)
        system_line: Details = (True, False, False, False, False, False, None, locale, "")
        return (date.number, clock.number), (note, None, None, body), system_line
    sender, sender_id = who  # type: ignore[misc]
    # An ASCII text holds no bidi mark (`isascii` is a flag of the string, no scan): most lines are.
    marked = False
    if not body.isascii():
        marked = body[:1] == "\u200e"
        body = strip_marks(body)
    if markers.may_hold(body):
        body, details = with_markers(body, marked, markers)
    elif marked:  # WhatsApp's own words under a sender (iOS), without a marker
        details = (False, True, True, False, False, False, None, "", "")
    else:
        return (date.number, clock.number), (note, sender, sender_id, body), None  # the usual line
    return (date.number, clock.number), (note, sender, sender_id, body), details


def with_markers(text: str, marked: bool, markers: Markers) -> tuple[str, Details]:
    """A sender's text that may hold WhatsApp's markers (`Markers.may_hold`): the text without
    them, and its details. `marked`: the text started with U+200E (iOS marks its own words)."""
    text, system, notice, deleted, edited, omitted, attachment, locale, label = markers.read(text)
    flagged = marked or notice
    own = flagged and not (deleted or omitted or attachment)
    return text, (system, flagged, own, deleted, edited, omitted, attachment, locale, label)


def entries(raws: Iterator[Raw], senders: Senders, markers: Markers) -> Iterator[Entry]:
    for date, clock, raw, _line, note in raws:
        yield read_entry(date, clock, raw, note, senders, markers)


def messages(
    entries: Iterable[Entry], pseudo: set[str], markers: Markers, caches: Caches
) -> Iterator[Message]:
    """The Message of each entry; `pseudo`: the senders who are no person (iOS group names)."""
    notices = markers.notice_prefixes
    system_kind = MessageKind.SYSTEM
    new = object.__new__
    media_type_of = parser.media_type_of
    defaults = parser.MESSAGE_DEFAULTS
    previous: datetime | None = None
    # Messages of one minute share their date and time objects (cached per string): the time is
    # made once for them all (a datetime is immutable, so sharing it changes nothing).
    last_date: DateInfo | None = None
    last_clock: TimeInfo | None = None
    midnight_of: DateInfo | None = None
    midnight: datetime | None = None
    dates, clocks = caches.numbered_dates, caches.numbered_times
    unreadable = UNREADABLE
    for (date_number, clock_number), (note, sender, sender_id, body), details in entries:
        if note and note is unreadable and details is None:  # (the usual note is "")
            yield Message(sender=None, text=strip_marks(body.rstrip("\n")), extra=(UNREADABLE_HEADER,))
            continue
        date, clock = dates[date_number], clocks[clock_number]
        extra: tuple[tuple[str, str], ...] = ()
        if clock is last_clock and date is last_date:
            sent_at = previous  # the same minute as the message before: neither earlier nor new
        else:
            if date is not midnight_of:  # a new day: its midnight, made once
                midnight_of = date
                day = date.day
                midnight = None if day is None else datetime(day[0], day[1], day[2])
            sent_at = None
            if midnight is not None and clock.valid:
                sent_at = midnight + clock.since_midnight
                if previous is not None and sent_at < previous:
                    extra = (EARLIER_THAN_PREVIOUS,)
                previous = sent_at
                last_date, last_clock = date, clock
        if note:
            extra += (("header_format", note),)
        # A Message made without its __init__ (a frozen dataclass sets each field through
        # `object.__setattr__`, twice the cost): its own field dictionary, filled with the defaults
        # and this message's fields, keys in the dataclass's order (parser.MESSAGE_DEFAULTS). Its
        # own dictionary, not one given to it: giving one makes the object drop the one it has.
        message: Message = new(Message)
        fields = message.__dict__
        fields |= defaults  # (an operator: no tuple of arguments made, as a call to update makes)
        fields["sender"] = sender
        fields["text"] = body
        fields["sent_at"] = sent_at
        fields["sender_id"] = sender_id
        if details is not None:  # WhatsApp's words in the line (the usual line has none)
            system, _, own, deleted, edited, omitted, attachment, _, label = details
            if own and (sender in pseudo or (system and body.startswith(notices))):
                fields["sender"] = fields["sender_id"] = None
                system = True
            if system:
                fields["kind"] = system_kind
            fields["deleted"] = deleted
            fields["edited"] = edited
            fields["media_omitted"] = omitted
            if attachment:
                fields["attachments"] = (AttachmentRef(attachment, media_type_of(attachment)),)
                if label:
                    extra += (("attachment_note", label),)
        if extra:
            fields["extra"] = extra
        yield message
