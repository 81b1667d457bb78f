"""The whole-text WhatsApp parser as it was before streaming, kept as a test oracle.

The importer now streams (`evidence_kit/importers/whatsapp/stream.py`). This is the previous
implementation, unchanged except for the day/month decision's new signature (inversions
counted by `dates.Inversions` instead of a list), so `test_whatsapp_stream.py` can check
that the streaming parser yields exactly what it did, message for message, wherever the rules
are still the same (ORACLE UPDATE: it reads time-first headers and the markers' attachment note;
the rules added since issue #13 are not copied here: see `test_whatsapp_stream.both`).

ORACLE FIX: one bug of the old parser is fixed here rather than copied into the new one. When
a header-shaped line of another shape came before the first message and the text before it was
empty (or one empty line), every line number in the warnings was one short (`line_of` counted
from the preamble as rejoined, which had lost a line end). Found by the property test; the
line numbers are now counted from the text as written.
"""

from __future__ import annotations

import gc
import mimetypes
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    Message,
    MessageKind,
    ParseWarning,
    Participant,
)
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers.common import invalid_date_warning
from evidence_kit.importers.whatsapp.characters import MARKS_RE, strip_marks
from evidence_kit.importers.whatsapp.dates import (
    ORDER_WORDS,
    DateInfo,
    Inversions,
    TimeInfo,
    date_info,
    decide_order,
    header_shape,
    time_info,
    valid_ymd,
    year_month_day,
)
from evidence_kit.importers.whatsapp.header import (
    DATE,
    DATE_LAST,
    HEADER_SPLIT,
    OPEN,
    STRIDE,
    TIME,
    TIME_FIRST,
)
from evidence_kit.importers.whatsapp.markers import MARKERS, Markers

FORMAT = "whatsapp"

_MAX_LINE_WARNINGS = 20  # warnings about single lines; past this, one warning counts the rest
TIMEZONE_ASSUMPTION = (
    "Times are as shown in the export, in the exporting phone's local time zone, "
    "which the export does not state."
)

_QUOTES = frozenset('"\u201c\u201d\u201e\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d')
_PHONE = re.compile(r"\+?[0-9][0-9 \-().\u00a0\u202f]{5,}[0-9]")
_PHONE_DIGITS = 7


def _sender(raw: str, cache: dict[str, tuple[str, str | None] | None]) -> tuple[str, str | None] | None:
    """(name, phone number or None) for a raw sender string, or None when it is not a sender."""
    known = cache.get(raw, False)
    if known is not False:
        return known  # type: ignore[return-value]
    result: tuple[str, str | None] | None = None
    if len(raw) <= 120 and _QUOTES.isdisjoint(raw):
        name = strip_marks(raw).strip()
        if name:
            phone = _PHONE.fullmatch(name) is not None and sum(c.isdigit() for c in name) >= _PHONE_DIGITS
            result = (name, name if phone else None)
    cache[raw] = result  # also the list of participants, in order of appearance
    return result


_MEDIA_TYPES: dict[str, str | None] = {}


def media_type_of(name: str) -> str | None:
    """The media type a file name's extension suggests (cached: exports repeat a few extensions)."""
    dot = name.rfind(".")
    extension = name[dot:].lower() if dot >= 0 else ""
    if extension not in _MEDIA_TYPES:
        if len(_MEDIA_TYPES) > 1000:
            return mimetypes.guess_type("x" + extension)[0]
        _MEDIA_TYPES[extension] = mimetypes.guess_type("x" + extension)[0]
    return _MEDIA_TYPES[extension]


@dataclass
class ParsedChat:
    """The result of parsing a chat text, before it is packed into a ParsedExport."""

    conversation: Conversation
    referenced: tuple[str, ...]


def oracle_parse_text(text: str, *, name: str = "", title: str | None = None) -> ParsedChat:
    """Parse decoded export text (CRLF is read as LF). ImportFormatError when no message is found."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    # Hundreds of thousands of small objects are made and all kept: the cyclic collector would
    # only rescan them (a third of the time), so it pauses for the parse. It is never left off.
    collecting = gc.isenabled()
    gc.disable()
    try:
        # MARKERS is looked up at each call, so a test can swap in markers built from other data.
        return _parse_text(text, name=name, title=title, markers=MARKERS)
    finally:
        if collecting:
            gc.enable()


def _message_defaults() -> dict[str, object]:
    """Every field of a Message with its default, for making hundreds of thousands of them.

    A frozen dataclass sets each field through `object.__setattr__`, which is half the cost of a
    parse. Message is a plain frozen dataclass (no `__post_init__`, no slots), so the parser makes
    the same object by giving it its complete field dictionary at once (a test checks the result
    equals the constructor's). If domain.py ever adds slots or a `__post_init__`, this fails at
    import time instead of making broken objects.
    """
    template = Message(sender=None, text="")
    if hasattr(Message, "__post_init__") or not hasattr(template, "__dict__"):
        raise TypeError("Message is no longer a plain frozen dataclass; update whatsapp.parser._parse_text")
    return dict(template.__dict__)


_MESSAGE_DEFAULTS = _message_defaults()


def _parse_text(text: str, *, name: str, title: str | None, markers: Markers) -> ParsedChat:
    # One split over the whole text: every "\n" followed by a header cuts it (a literal first
    # character lets the regular expression engine skip ahead instead of trying every position).
    # The pieces are [before the first header, (header groups..., body) per message].
    parts = HEADER_SPLIT.split("\n" + text)
    if len(parts) == 1:
        raise ImportFormatError(path=name, format=FORMAT, detail="no WhatsApp message lines were found")
    preamble = parts[0].removeprefix("\n")
    wholes: list[str] = parts[1::STRIDE]
    opens: list[str | None] = parts[OPEN::STRIDE]
    bodies: list[str] = parts[STRIDE::STRIDE]
    count = len(wholes)
    warnings: list[ParseWarning] = []
    marks = MARKS_RE.search(text) is not None

    # Each distinct date and time string is read once.
    date_cache: dict[str, DateInfo] = {}
    time_cache: dict[str, TimeInfo] = {}
    dates: list[DateInfo] = []
    clocks: list[TimeInfo] = []
    # ORACLE UPDATE: a header may write the time first ("21:05, 15/01/2024 - ").
    written_pairs = [
        (d, t) if d is not None else (d2, t2)
        for d, t, d2, t2 in zip(
            parts[DATE::STRIDE], parts[TIME::STRIDE], parts[DATE_LAST::STRIDE], parts[TIME_FIRST::STRIDE],
            strict=True,
        )
    ]
    for date_written, time_written in written_pairs:
        date = date_cache.get(date_written)
        if date is None:
            date = date_cache[date_written] = date_info(date_written)
        clock = time_cache.get(time_written)
        if clock is None:
            clock = time_cache[time_written] = time_info(time_written)
        dates.append(date)
        clocks.append(clock)

    lines: list[int] = []
    lead_lines = parts[0].count("\n")  # lines before the first header kept (ORACLE FIX, see above)

    def line_of(index: int) -> int:
        """The 1-based line of header `index` (counted once, only when a warning needs it)."""
        if not lines:
            line = lead_lines
            for whole, body in zip(wholes, bodies, strict=True):
                line += 1
                lines.append(line)
                line += whole.count("\n") + body.count("\n")
        return lines[index]

    def merge(keep: list[bool]) -> None:
        """Fold every header not kept, with its body, into the message before it."""
        nonlocal preamble, wholes, opens, bodies, dates, clocks, count, lead_lines
        kept_w: list[str] = []
        kept_o: list[str | None] = []
        kept_b: list[str] = []
        kept_d: list[DateInfo] = []
        kept_c: list[TimeInfo] = []
        # Pieces are joined once at the end: folding line by line would copy quadratically.
        folded: dict[int, list[str]] = {}
        before: list[str] = [preamble] if preamble else []
        for index in range(count):
            if keep[index]:
                kept_w.append(wholes[index])
                kept_o.append(opens[index])
                kept_b.append(bodies[index])
                kept_d.append(dates[index])
                kept_c.append(clocks[index])
            elif kept_b:
                folded.setdefault(len(kept_b) - 1, [kept_b[-1]]).append(wholes[index] + bodies[index])
            else:
                before.append(wholes[index] + bodies[index])
                lead_lines += 1 + before[-1].count("\n")
        for position, pieces in folded.items():
            kept_b[position] = "\n".join(pieces)
        preamble = "\n".join(before)
        wholes, opens, bodies, dates, clocks, count = kept_w, kept_o, kept_b, kept_d, kept_c, len(kept_w)

    bracketed = count - opens.count(None)
    date_shapes = {(d.separator, d.joiner, d.year_first) for d in date_cache.values()}
    time_shapes = {(t.separator, t.ending, t.seconds, t.twelve_hour) for t in time_cache.values()}
    if len(date_shapes) == 1 and len(time_shapes) == 1 and bracketed in (0, count):
        dominant = header_shape(bracketed > 0, dates[0], clocks[0])
    else:
        # The export's own header shape is fixed; a header-shaped line in another shape is text.
        shape_of = [header_shape(o is not None, d, c) for o, d, c in zip(opens, dates, clocks, strict=True)]
        dominant = Counter(shape_of).most_common(1)[0][0]
        merge([shape == dominant for shape in shape_of])
        if not count:
            raise ImportFormatError(path=name, format=FORMAT, detail="no WhatsApp message lines were found")

    # Day/month order, over the whole file.
    distinct = list({id(d): d for d in dates}.values())
    sequence = Inversions()
    for date in dates:
        sequence.feed(date)
    example = strip_marks(wholes[0]).strip(" -[]:\u00a0\u202f")
    order, order_warnings = decide_order(distinct, sequence, lambda: markers.locale_evidence(bodies), example)
    warnings.extend(order_warnings)
    for date in distinct:
        ymd = year_month_day(date.fields, order)
        date.day = ymd if valid_ymd(*ymd) else None

    # A header-shaped line whose date or time cannot exist (a pasted "32/13/2024, 25:61 - x")
    # is text of the message before it; only the very first line keeps its own message.
    invalid: list[int] = []
    if any(d.day is None for d in distinct) or not all(c.valid for c in time_cache.values()):
        invalid = [i for i in range(count) if dates[i].day is None or not clocks[i].valid]
    if invalid:
        for index in invalid[:_MAX_LINE_WARNINGS]:
            warnings.append(invalid_date_warning(line_of(index), merged=index > 0))
        if len(invalid) > _MAX_LINE_WARNINGS:
            warnings.append(
                ParseWarning(
                    code="invalid_header_date",
                    message="{count} more lines look like the start of a message but have a date or time "
                    "that cannot exist; they were kept as part of the messages before them.",
                    params=(("count", str(len(invalid) - _MAX_LINE_WARNINGS)),),
                )
            )
        dropped = set(invalid) - {0}
        merge([index not in dropped for index in range(count)])

    if preamble.strip():
        warnings.append(
            ParseWarning(
                code="unparsed_preamble",
                message="Lines 1 to {last} come before the first message and were not read as messages.",
                params=(("last", str(preamble.count("\n") + 1)),),
                line=1,
            )
        )

    # Messages.
    senders: dict[str, tuple[str, str | None] | None] = {}
    locales: Counter[str] = Counter()
    messages: list[Message] = []
    participants: dict[str, Participant] = {}
    typed_by: set[str] = set()  # senders with at least one line of their own words
    own_lines: list[int] = []  # lines under a sender holding WhatsApp's own words (iOS)
    omitted = 0
    referenced: dict[str, None] = {}
    message_kind, system_kind = MessageKind.MESSAGE, MessageKind.SYSTEM
    new, set_dict, defaults = object.__new__, object.__setattr__, _MESSAGE_DEFAULTS
    may_hold_marker, read_text = markers.may_hold, markers.read
    notice_heads, notice_prefixes = markers.notice_heads, markers.notice_prefixes
    for index in range(count):
        raw = bodies[index]
        if raw.endswith("\n"):
            raw = raw.rstrip("\n")

        # "Name: text" (or "Name:" alone); anything else is a system line.
        newline = raw.find("\n")
        first_end = newline if newline >= 0 else len(raw)
        colon = raw.find(": ", 0, first_end)
        who: tuple[str, str | None] | bool | None = None
        if colon > 0:
            key, body = raw[:colon], raw[colon + 2 :]
            who = senders.get(key, False)
            if who is False:
                who = _sender(key, senders)
        elif first_end > 1 and raw[first_end - 1] == ":":
            key, body = raw[: first_end - 1], (raw[first_end + 1 :] if newline >= 0 else "")
            who = senders.get(key, False)
            if who is False:
                who = _sender(key, senders)

        deleted = edited = media_omitted = notice = marked = False
        attachment: str | None = None
        if not who:
            sender = sender_id = None
            body = strip_marks(raw) if marks else raw
            system = True
            if body[:12] in notice_heads and body.startswith(notice_prefixes):
                locales[markers.notice_locale(body)] += 1
        else:
            sender, sender_id = who  # type: ignore[misc]
            system = False
            if marks:
                marked = body[:1] == "\u200e"
                body = strip_marks(body)
            if may_hold_marker(body):
                body, system, notice, deleted, edited, media_omitted, attachment, locale, _ = read_text(body)
                if locale:
                    locales[locale] += 1
            if marked or notice:
                if not (deleted or media_omitted or attachment):
                    own_lines.append(len(messages))
            else:
                typed_by.add(sender)

        day, clock = dates[index].day, clocks[index]
        sent_at = None
        if day is not None and clock.valid:
            sent_at = datetime(day[0], day[1], day[2], clock.hour, clock.minute, clock.second)

        attachments: tuple[AttachmentRef, ...] = ()
        if attachment:
            attachments = (AttachmentRef(attachment, media_type_of(attachment)),)
            referenced.setdefault(attachment, None)
        omitted += media_omitted
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
                "media_omitted": media_omitted,
                "attachments": attachments,
            },
        )
        messages.append(message)

    # iOS writes WhatsApp's own lines (marked with U+200E) under a pseudo-sender, the group's
    # name: a "sender" who never types is no person. The encryption notice is never a person's.
    noticed = {messages[i].sender for i in own_lines if messages[i].text.startswith(notice_prefixes)}
    pseudo = {s for s in noticed if s is not None} - typed_by
    if title is not None and title not in typed_by and any(messages[i].sender == title for i in own_lines):
        pseudo.add(title)
    group_title = title
    for index in own_lines:
        message = messages[index]
        if message.sender in pseudo or (
            message.kind is system_kind and message.text.startswith(notice_prefixes)
        ):
            if message.sender in pseudo:
                group_title = group_title or message.sender
            messages[index] = replace(message, sender=None, sender_id=None, kind=system_kind)
    # Everyone who wrote under a name, in order of appearance (the sender cache keeps that order).
    for known in senders.values():
        if known is not None and known[0] not in pseudo and known[0] not in participants:
            participants[known[0]] = Participant(name=known[0], identifier=known[1])

    if omitted:
        warnings.append(
            ParseWarning(
                code="media_omitted",
                message="{count} photos, videos or other files were left out of the export "
                '(exported "without media"); only their placeholders are in the chat.',
                params=(("count", str(omitted)),),
            )
        )

    extra = (
        ("layout", "iOS" if dominant[0] else "Android"),
        ("date_order", ORDER_WORDS[order]),
        ("clock", "12-hour" if dominant[7] else "24-hour"),
        ("language", locales.most_common(1)[0][0] if locales else "unknown"),
    )
    conversation = Conversation(
        platform="whatsapp",
        messages=tuple(messages),
        title=group_title,
        participants=tuple(participants.values()),
        timezone_assumption=TIMEZONE_ASSUMPTION,
        warnings=tuple(warnings),
        extra=extra,
    )
    return ParsedChat(conversation=conversation, referenced=tuple(referenced))
