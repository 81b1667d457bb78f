"""The streaming WhatsApp parser: the export read in passes over bounded blocks, messages yielded.

Rule: memory never depends on the export's size. The text is read in blocks of whole lines
(`blocks.py`) and cut at every header with one `split` per block (`header.HEADER_SPLIT`);
nothing but bounded facts is kept between messages. What the old whole-text parser decided over
the whole file is decided the same way, from a first pass that keeps only:
- per header shape: how many headers, the distinct date and time strings (one per day or
  minute written, not per message), the first header, and the inversions of its dates in
  each day/month order (`dates.Inversions`);
- a survey of the messages: the sender cache (the participants), who typed, who wrote only
  WhatsApp's own words (iOS pseudo-senders), the languages of the markers, how many media were
  omitted and which files were referenced.
The first pass takes every header-shaped line as a message start. When the header shape or a
date that cannot exist then turns some of them into text (rare), a second pass surveys again
with the true boundaries. The last pass builds the messages and yields them one at a time.
A message longer than `MAX_MESSAGE_CHARS` (or a line longer than `blocks.MAX_LINE_CHARS`) is
cut for display, with a warning; the original file is stored whole by the vault.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from evidence_kit.domain import (
    AttachmentRef,
    ConversationStream,
    Message,
    MessageKind,
    ParseWarning,
    Participant,
)
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers.common import invalid_date_warning
from evidence_kit.importers.whatsapp import blocks, parser
from evidence_kit.importers.whatsapp.blocks import Cut, Decoded, line_blocks
from evidence_kit.importers.whatsapp.characters import strip_marks
from evidence_kit.importers.whatsapp.dates import (
    ORDER_WORDS,
    DateInfo,
    Inversions,
    TimeInfo,
    date_info,
    decide_order,
    time_info,
    valid_ymd,
    year_month_day,
)
from evidence_kit.importers.whatsapp.header import DATE, HEADER_SPLIT, OPEN, STRIDE, TIME
from evidence_kit.importers.whatsapp.markers import Markers

MAX_MESSAGE_CHARS = 1 << 20  # a message longer than this is cut for display (the original is kept whole)
MAX_LINE_WARNINGS = 20  # warnings about single lines or messages; past this, one warning counts the rest

# Opens the export's text afresh for one pass: its blocks of whole lines, and what reading found.
TextSource = Callable[[Decoded], Iterator[str]]

# (bracketed, (date separator, joiner, year first), (time separator, ending, seconds, 12-hour)):
# the header shape, fixed within one export.
ShapeKey = tuple[bool, tuple[str, str, bool], tuple[str, str, bool, bool]]


class _Caches:
    """Each distinct date and time string read once, with its part of the header shape."""

    def __init__(self) -> None:
        self.dates: dict[str, tuple[DateInfo, tuple[str, str, bool]]] = {}
        self.times: dict[str, tuple[TimeInfo, tuple[str, str, bool, bool]]] = {}

    def date(self, written: str) -> tuple[DateInfo, tuple[str, str, bool]]:
        found = self.dates.get(written)
        if found is None:
            info = date_info(written)
            found = self.dates[written] = (info, (info.separator, info.joiner, info.year_first))
        return found

    def time(self, written: str) -> tuple[TimeInfo, tuple[str, str, bool, bool]]:
        found = self.times.get(written)
        if found is None:
            info = time_info(written)
            found = self.times[written] = (
                info,
                (info.separator, info.ending, info.seconds, info.twelve_hour),
            )
        return found


@dataclass
class _Shape:
    """What the first pass keeps of the headers of one shape."""

    count: int = 0
    line: int = 0  # of the first header of this shape
    whole: str = ""  # the first header as written
    dates: dict[int, DateInfo] = field(default_factory=dict)  # each distinct date once, first seen first
    invalid_time: bool = False
    last_date: DateInfo | None = None
    inversions: Inversions = field(default_factory=Inversions)


@dataclass
class _Plan:
    """The boundaries of messages once the shape and the date order are known."""

    dominant: ShapeKey
    dates_known: bool = True  # False: only the shape decides (before the day/month order is known)
    invalid: list[tuple[int, bool]] = field(default_factory=list)  # (line, merged) of the first few
    invalid_count: int = 0


@dataclass
class _Boundaries:
    """Where the messages start, as one pass found them: preamble and cut messages."""

    first_line: int = 0  # line of the first message's header (0: no message)
    preamble_text: bool = False  # anything but white space before the first message
    cuts: list[Cut] = field(default_factory=list)
    more_cuts: int = 0


Raw = tuple[DateInfo, TimeInfo, str, int]  # date, time, body as written (cut), line of the header


def _raw_messages(
    blocks: Iterator[str],
    caches: _Caches,
    plan: _Plan | None,
    found: _Boundaries,
    shapes: dict[ShapeKey, _Shape] | None = None,
) -> Iterator[Raw]:
    """Each message as (date, time, raw body, line). Without a plan every header starts one."""
    pieces: list[str] = []  # the current message's body, in pieces
    size = 0  # its length so far (also past the cut)
    current: tuple[DateInfo, TimeInfo, int] | None = None
    newlines = 0  # line ends of "\n" + text consumed so far: a header's line is newlines + 1
    kept = 0
    date_of, time_of = caches.date, caches.time

    def finish() -> Raw:
        assert current is not None
        if size > MAX_MESSAGE_CHARS:
            if len(found.cuts) < MAX_LINE_WARNINGS:
                found.cuts.append(Cut(current[2], size))
            else:
                found.more_cuts += 1
        body = pieces[0] if len(pieces) == 1 else "".join(pieces)
        return current[0], current[1], body, current[2]

    def add(text: str) -> None:
        nonlocal size
        if size < MAX_MESSAGE_CHARS:
            pieces.append(text if size + len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - size])
        size += len(text)

    for block in blocks:
        # Each block is cut just before a line end: the previous block's last "\n" (or, for the
        # first, the one the whole-text split put in front) opens this one.
        segment = "\n" + (block[:-1] if block.endswith("\n") else block)
        parts = HEADER_SPLIT.split(segment)
        lead = parts[0]
        if current is not None:
            add(lead)
        else:
            found.preamble_text = found.preamble_text or bool(lead.strip())
        newlines += lead.count("\n")
        for base in range(1, len(parts), STRIDE):
            whole = parts[base]
            body = parts[base + STRIDE - 1]
            date, date_shape = date_of(parts[base + DATE - 1])
            clock, time_shape = time_of(parts[base + TIME - 1])
            bracketed = parts[base + OPEN - 1] is not None
            line = newlines + 1
            newlines += 1 + body.count("\n")  # a header never holds a line end
            key: ShapeKey = (bracketed, date_shape, time_shape)
            if plan is None:
                starts = True
                if shapes is not None:
                    shape = shapes.get(key)
                    if shape is None:
                        shape = shapes[key] = _Shape(line=line, whole=whole)
                    shape.count += 1
                    if date is not shape.last_date:
                        shape.last_date = date
                        shape.dates.setdefault(id(date), date)
                        shape.inversions.feed(date)
                    if not clock.valid:
                        shape.invalid_time = True
            elif key != plan.dominant:
                starts = False
            elif not plan.dates_known:
                starts = True
            elif kept and (date.day is None or not clock.valid):
                starts = False  # a header whose date or time cannot exist is text of the message before
                plan.invalid_count += 1
                if len(plan.invalid) < MAX_LINE_WARNINGS:
                    plan.invalid.append((line, True))
            else:
                starts = True
                if not kept and (date.day is None or not clock.valid):
                    plan.invalid_count += 1
                    plan.invalid.append((line, False))
            if starts:
                if current is None:
                    if not kept:
                        found.first_line = line
                elif len(pieces) == 1 and size <= MAX_MESSAGE_CHARS:
                    yield current[0], current[1], pieces[0], current[2]  # the usual case, made quickly
                else:
                    yield finish()
                kept += 1
                current = (date, clock, line)
                if len(body) <= MAX_MESSAGE_CHARS:
                    pieces, size = [body], len(body)
                else:
                    pieces, size = [], 0
                    add(body)
            elif current is not None:
                add("\n" + whole + body)  # folded back into the message before, as written
            else:
                found.preamble_text = found.preamble_text or bool((whole + body).strip())
    if current is not None:
        yield finish()


# ---------------------------------------------------------------------------------------------
# One message's text: sender, markers
# ---------------------------------------------------------------------------------------------

Senders = dict[str, tuple[str, str | None] | None]
# sender, sender id, text, system, flagged (marked with U+200E or a notice), own (WhatsApp's own
# words under a sender), deleted, edited, media omitted, attachment, marker language
Read = tuple[str | None, str | None, str, bool, bool, bool, bool, bool, bool, str | None, str]


def _read(raw: str, senders: Senders, markers: Markers) -> Read:
    """The parts of one message body, exactly as the whole-text parser read them."""
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
    deleted = edited = omitted = notice = False
    attachment: str | None = None
    locale = ""
    if not who:
        body = strip_marks(raw)
        if body[:12] in markers.notice_heads and body.startswith(markers.notice_prefixes):
            locale = markers.notice_locale(body)
        return None, None, body, True, False, False, False, False, False, None, locale
    sender, sender_id = who  # type: ignore[misc]
    system = False
    marked = body[:1] == "\u200e"
    body = strip_marks(body)
    if markers.may_hold(body):
        body, system, notice, deleted, edited, omitted, attachment, locale = markers.read(body)
    flagged = marked or notice
    own = flagged and not (deleted or omitted or attachment)
    return sender, sender_id, body, system, flagged, own, deleted, edited, omitted, attachment, locale


@dataclass
class _Survey:
    """Everything about the messages the conversation's facts need, kept without the messages."""

    senders: Senders = field(default_factory=dict)  # in order of appearance
    typed_by: set[str] = field(default_factory=set)  # senders with a line of their own words
    own_senders: dict[str, None] = field(default_factory=dict)  # senders of WhatsApp's own lines
    noticed: set[str] = field(default_factory=set)  # senders of an encryption notice
    locales: Counter[str] = field(default_factory=Counter)
    omitted: int = 0
    referenced: dict[str, None] = field(default_factory=dict)


def _survey(raws: Iterator[Raw], markers: Markers) -> _Survey:
    found = _Survey()
    senders, notices = found.senders, markers.notice_prefixes
    locales, referenced = found.locales, found.referenced
    for _date, _clock, raw, _line in raws:
        sender, _id, body, _system, flagged, own, _deleted, _edited, omitted, attachment, locale = _read(
            raw, senders, markers
        )
        if locale:
            locales[locale] += 1
        if omitted:
            found.omitted += 1
        if attachment:
            referenced.setdefault(attachment, None)
        if sender is None:
            continue
        if not flagged:
            found.typed_by.add(sender)
        elif own:
            found.own_senders.setdefault(sender, None)
            if body.startswith(notices):
                found.noticed.add(sender)
    return found


def _pseudo_senders(survey: _Survey, title: str | None) -> tuple[set[str], str | None]:
    """iOS writes WhatsApp's own lines (marked with U+200E) under a pseudo-sender, the group's
    name: a "sender" who never types is no person. The encryption notice is never a person's."""
    pseudo = survey.noticed - survey.typed_by
    if title is not None and title not in survey.typed_by and title in survey.own_senders:
        pseudo.add(title)
    group_title = title
    for sender in survey.own_senders:
        if sender in pseudo:
            group_title = group_title or sender
    return pseudo, group_title


def _messages(raws: Iterator[Raw], pseudo: set[str], markers: Markers) -> Iterator[Message]:
    senders: Senders = {}
    notices = markers.notice_prefixes
    message_kind, system_kind = MessageKind.MESSAGE, MessageKind.SYSTEM
    new, set_dict = object.__new__, object.__setattr__
    defaults, media_type_of = parser.MESSAGE_DEFAULTS, parser.media_type_of
    for date, clock, raw, _line in raws:
        sender, sender_id, body, system, _flagged, own, deleted, edited, omitted, attachment, _locale = _read(
            raw, senders, markers
        )
        if own and (sender in pseudo or (system and body.startswith(notices))):
            sender = sender_id = None
            system = True
        day = date.day
        sent_at = None
        if day is not None and clock.valid:
            sent_at = datetime(day[0], day[1], day[2], clock.hour, clock.minute, clock.second)
        attachments: tuple[AttachmentRef, ...] = ()
        if attachment:
            attachments = (AttachmentRef(attachment, media_type_of(attachment)),)
        message: Message = new(Message)
        set_dict(
            message,
            "__dict__",
            {
                **defaults,
                "sender": sender,
                "text": body,
                "sent_at": sent_at,
                "sender_id": sender_id,
                "kind": system_kind if system else message_kind,
                "deleted": deleted,
                "edited": edited,
                "media_omitted": omitted,
                "attachments": attachments,
            },
        )
        yield message


# ---------------------------------------------------------------------------------------------
# The passes
# ---------------------------------------------------------------------------------------------


@dataclass
class StreamedChat:
    """A parsed chat whose messages are read as they are used; `referenced`: every file named."""

    conversation: ConversationStream
    referenced: tuple[str, ...]
    decoded: Decoded


def parse_stream(source: TextSource, *, name: str = "", title: str | None = None) -> StreamedChat:
    """Read the export `source` opens (a first pass, or two, now); its messages are read when iterated.

    ImportFormatError when no message is found.
    """
    markers = parser.MARKERS  # looked up at each call, so a test can swap in markers built from other data
    caches = _Caches()
    shapes: dict[ShapeKey, _Shape] = {}
    decoded = Decoded()
    first = _Boundaries()
    survey = _survey(_raw_messages(source(decoded), caches, None, first, shapes), markers)
    if not shapes:
        raise ImportFormatError(
            path=name, format=parser.FORMAT, detail="no WhatsApp message lines were found"
        )

    # The export's own header shape is fixed; a header-shaped line in another shape is text. Ties
    # go to the shape seen first.
    key, dominant = next(iter(shapes.items()))
    for other_key, other in shapes.items():
        if other.count > dominant.count:
            key, dominant = other_key, other

    # Day/month order, over the whole file.
    distinct = list(dominant.dates.values())
    example = strip_marks(dominant.whole).strip(" -[]:\u00a0\u202f")

    def locales() -> Counter[str]:
        plan = _Plan(key, dates_known=False)
        bodies = []
        for raw in _raw_messages(source(Decoded()), caches, plan, _Boundaries()):
            bodies.append(raw[2])
            if len(bodies) >= 5000:
                break
        return markers.locale_evidence(bodies)

    order, warnings = decide_order(distinct, dominant.inversions, locales, example)
    for date, _shape in caches.dates.values():
        ymd = year_month_day(date.fields, order)
        date.day = ymd if valid_ymd(*ymd) else None

    # When some header-shaped lines turn out to be text (another shape, a date that cannot
    # exist), the first pass's message boundaries were not the true ones: survey again.
    plan = _Plan(key)
    found = first
    if len(shapes) > 1 or dominant.invalid_time or any(d.day is None for d in distinct):
        found = _Boundaries()
        survey = _survey(_raw_messages(source(Decoded()), caches, plan, found), markers)
    for line, merged in plan.invalid:
        warnings.append(invalid_date_warning(line, merged=merged))
    if plan.invalid_count > MAX_LINE_WARNINGS:
        warnings.append(
            ParseWarning(
                code="invalid_header_date",
                message="{count} more lines look like the start of a message but have a date or time "
                "that cannot exist; they were kept as part of the messages before them.",
                params=(("count", str(plan.invalid_count - MAX_LINE_WARNINGS)),),
            )
        )
    if found.preamble_text:
        warnings.append(
            ParseWarning(
                code="unparsed_preamble",
                message="Lines 1 to {last} come before the first message and were not read as messages.",
                params=(("last", str(found.first_line - 1)),),
                line=1,
            )
        )
    pseudo, group_title = _pseudo_senders(survey, title)
    participants: dict[str, Participant] = {}
    # Everyone who wrote under a name, in order of appearance (the sender cache keeps that order).
    for known in survey.senders.values():
        if known is not None and known[0] not in pseudo and known[0] not in participants:
            participants[known[0]] = Participant(name=known[0], identifier=known[1])
    if survey.omitted:
        warnings.append(
            ParseWarning(
                code="media_omitted",
                message="{count} photos, videos or other files were left out of the export "
                '(exported "without media"); only their placeholders are in the chat.',
                params=(("count", str(survey.omitted)),),
            )
        )
    warnings += cut_warnings(decoded, found)

    def messages() -> Iterator[Message]:
        # The last pass: the true boundaries, one message at a time.
        last = _Plan(key)
        yield from _messages(_raw_messages(source(Decoded()), caches, last, _Boundaries()), pseudo, markers)

    conversation = ConversationStream(
        platform="whatsapp",
        messages=messages(),
        title=group_title,
        participants=tuple(participants.values()),
        timezone_assumption=parser.TIMEZONE_ASSUMPTION,
        warnings=tuple(warnings),
        extra=(
            ("layout", "iOS" if key[0] else "Android"),
            ("date_order", ORDER_WORDS[order]),
            ("clock", "12-hour" if key[2][3] else "24-hour"),
            ("language", survey.locales.most_common(1)[0][0] if survey.locales else "unknown"),
        ),
    )
    return StreamedChat(conversation, tuple(survey.referenced), decoded)


def cut_warnings(decoded: Decoded, found: _Boundaries) -> list[ParseWarning]:
    """One warning per line or message cut for display, the first few by line, then a count."""
    line_limit = str(blocks.MAX_LINE_CHARS)
    warnings = [
        ParseWarning(
            code="long_line_cut",
            message="Line {line} is {length} characters long; only its first {limit} characters are "
            "shown. The original file is stored unchanged.",
            params=(("line", str(cut.line)), ("length", str(cut.length)), ("limit", line_limit)),
            line=cut.line,
        )
        for cut in decoded.cut_lines
    ]
    warnings += [
        ParseWarning(
            code="long_message_cut",
            message="The message at line {line} is {length} characters long; only its first {limit} "
            "characters are shown. The original file is stored unchanged.",
            params=(("line", str(cut.line)), ("length", str(cut.length)), ("limit", str(MAX_MESSAGE_CHARS))),
            line=cut.line,
        )
        for cut in found.cuts
    ]
    shown = warnings[:MAX_LINE_WARNINGS]
    more = len(warnings) - len(shown) + decoded.more_cut_lines + found.more_cuts
    if more:
        shown.append(
            ParseWarning(
                code="long_text_cut",
                message="{count} more long lines or messages were cut for display in the same way.",
                params=(("count", str(more)),),
            )
        )
    return shown


def parse_text(text: str, *, name: str = "", title: str | None = None) -> parser.ParsedChat:
    """Parse decoded export text (CRLF is read as LF) into a whole Conversation.

    ImportFormatError when no message is found.
    """
    chat = parse_stream(lambda found: line_blocks(io.StringIO(text), found, boms=1), name=name, title=title)
    return parser.ParsedChat(conversation=chat.conversation.read_whole(), referenced=chat.referenced)
