"""The first pass over the export: every header starts a message, and each message is read
(`entries.read_entry`) and surveyed (`Survey`) as it is cut, in one loop.

Rule: the result is exactly that of `raw.raw_messages` (no plan) read by `entries.read_entry` and
surveyed by `survey`, the general reading the later passes use. The first pass runs once over
every export, so its usual message, a person's line cut out of one block with no marker in it,
is read in the loop itself (`first_pass`): no generator layer, no raw tuple, no call per message.
Every other message (a system line, a marker, a new sender, a message the next block goes on
with) is handed to `read_entry`. What the quick loop does not handle at all (a line that looks
like a header but cannot be read, a message cut for display) ends it: the pass is then made
again from the start with the general reading, so those rare exports read exactly as before.
Nothing but bounded facts is kept (the messages only with `keep`), as in every pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, repeat

from evidence_kit.importers.whatsapp import raw as raw_text
from evidence_kit.importers.whatsapp.blocks import Decoded, TextSource
from evidence_kit.importers.whatsapp.characters import holds_marks, strip_marks
from evidence_kit.importers.whatsapp.dates import DateInfo, TimeInfo
from evidence_kit.importers.whatsapp.entries import Details, Entry, Kept, Senders, read_entry, with_markers
from evidence_kit.importers.whatsapp.header import CUT_STRIDE, HEADER_CUT, whole
from evidence_kit.importers.whatsapp.markers import Markers
from evidence_kit.importers.whatsapp.raw import (
    NO_DATE,
    NO_TIME,
    UNREADABLE_HEADER,
    Boundaries,
    Caches,
    Raw,
    Shape,
    ShapeKey,
    raw_messages,
)

__all__ = ["FirstPass", "Survey", "first_pass", "survey"]


@dataclass
class Survey:
    """Everything about the messages the conversation's facts need, kept without the messages."""

    senders: Senders = field(default_factory=dict)  # in order of appearance
    typed_by: set[str] = field(default_factory=set)  # senders with a line of their own words
    own_senders: dict[str, None] = field(default_factory=dict)  # senders of WhatsApp's own lines
    noticed: set[str] = field(default_factory=set)  # senders of an encryption notice
    grouped: set[str] = field(default_factory=set)  # senders of a group event ("Anna added you")
    locales: Counter[str] = field(default_factory=Counter)
    omitted: int = 0
    referenced: dict[str, None] = field(default_factory=dict)

    def note(self, entry: Entry, markers: Markers) -> None:
        """What one message as read tells (the usual line: only that its sender typed it)."""
        _, (_, sender, _, body), details = entry
        if details is None:
            if sender is not None:
                self.typed_by.add(sender)  # the usual line: its sender's own words
            return
        self.note_details(sender, body, details, markers)

    def note_details(self, sender: str | None, body: str, details: Details, markers: Markers) -> None:
        _, flagged, own, _, _, omitted, attachment, locale, _ = details
        if locale:
            self.locales[locale] += 1
        if omitted:
            self.omitted += 1
        if attachment:
            self.referenced.setdefault(attachment, None)
        if sender is None:
            return
        if not flagged:
            self.typed_by.add(sender)
        elif own:
            self.own_senders.setdefault(sender, None)
            if body.startswith(markers.notice_prefixes):
                self.noticed.add(sender)
            elif markers.is_group_event(body):
                self.grouped.add(sender)


def survey(raws: Iterator[Raw], senders: Senders, markers: Markers, kept: list[Kept] | None = None) -> Survey:
    """The facts about the messages `raws` holds; with `kept`, each message as read is also kept
    there, side by side (`entries.Kept`). (Each message is read here, not in a generator of its
    own: a layer less per message.)"""
    found = Survey(senders=senders)
    typed_by, note_details = found.typed_by, found.note_details
    keep = kept.extend if kept is not None else None
    read = read_entry
    for date, clock, raw, _line, note in raws:
        entry = read(date, clock, raw, note, senders, markers)
        if keep is not None:
            keep(entry)
        _, (_, sender, _, body), details = entry
        if details is None:
            if sender is not None:
                typed_by.add(sender)  # the usual line: its sender's own words
            continue
        note_details(sender, body, details, markers)
    return found


@dataclass
class FirstPass:
    """What the first pass found: the survey, the boundaries, each header shape's facts, the
    messages as read (with `keep`), and what reading the text found."""

    survey: Survey
    boundaries: Boundaries
    shapes: dict[ShapeKey, Shape]
    kept: list[Kept] | None  # each message's three objects side by side (`entries.Kept`)
    decoded: Decoded


class _Unusual(Exception):
    """The quick loop met what only the general reading handles (an unreadable header, a cut)."""


def first_pass(source: TextSource, caches: Caches, markers: Markers, *, keep: bool) -> FirstPass:
    """Every header starts a message: the messages read and surveyed, each header shape's facts."""
    result = FirstPass(Survey(), Boundaries(), {}, [] if keep else None, Decoded())
    blocks = source(result.decoded)
    try:
        _quick(blocks, caches, markers, result)
        return result
    except _Unusual:
        pass
    finally:
        close = getattr(blocks, "close", None)
        if close is not None:
            close()
    # Made again from the start, with the general reading (the quick loop's findings let go).
    result = FirstPass(Survey(), Boundaries(), {}, [] if keep else None, Decoded())
    raws = raw_messages(source(result.decoded), caches, None, result.boundaries, result.shapes)
    result.survey = survey(raws, result.survey.senders, markers, result.kept)
    return result


def _quick(blocks: Iterator[str], caches: Caches, markers: Markers, result: FirstPass) -> None:
    """The first pass, each message read as it is cut; _Unusual where the general reading must."""
    found, shapes, kept, facts = result.boundaries, result.shapes, result.kept, result.survey
    limit = raw_text.MAX_MESSAGE_CHARS  # looked up at each call, so a test can lower it
    senders = facts.senders
    typed_by = facts.typed_by
    keep = kept.extend if kept is not None else None
    date_of, time_of = caches.date, caches.time
    dates_get, times_get = caches.dates.get, caches.times.get
    unreadable_search = UNREADABLE_HEADER.search
    senders_get = senders.get
    note_details = facts.note_details
    # `Markers.may_hold`, its tests written out in the loop below (a call per message is dear).
    document_endings, heads, notice_heads = (
        markers.document_omitted_endings,
        markers.heads,
        markers.notice_heads,
    )
    whole_max, whole_body = markers.whole_max, markers.whole

    def take(date: DateInfo, clock: TimeInfo, raw: str) -> None:
        """A message read the general way (`read_entry`), kept and surveyed."""
        entry = read_entry(date, clock, raw, "", senders, markers)
        if keep is not None:
            keep(entry)
        facts.note(entry, markers)

    newlines = 0  # line ends of "\n" + text consumed so far: a header's line is newlines + 1
    started = False  # a message has started
    # The last message of the block before, which the next block's first lines may go on with:
    # its header's facts, its body as pieces, and its length (None: no such message).
    held: tuple[DateInfo, TimeInfo] | None = None
    held_pieces: list[str] = []
    held_size = 0
    # The header before: its date and time as written and as read (`raw.Caches`).
    last_date_written: str | None = None
    last_time_written: str | None = None
    date, clock = NO_DATE, NO_TIME  # (the first header is always read)
    date_parts: tuple[str, str, bool, bool] = ("", "", False, False)
    # The header shape's bookkeeping, as `raw.raw_messages` keeps it (see there).
    last_date_parts: object = None
    last_time_parts: object = None
    last_bracketed: object = None
    shape = Shape()
    run, run_line = 0, 0
    shape_date: DateInfo | None = None
    shape_clock: TimeInfo | None = None

    for block in blocks:
        # Each block is cut just before a line end: the previous block's last "\n" (or, for the
        # first, one put in front) opens this one. Its own last "\n" is taken off the last part
        # of the split, not off the block (a copy of the whole block less).
        segment = "\n" + block
        parts = HEADER_CUT.split(segment)
        if block.endswith("\n"):
            parts[-1] = parts[-1][:-1]
        lead = parts[0]
        if lead:
            if unreadable_search(lead) is not None:
                raise _Unusual
            if held is not None:
                held_pieces.append(lead)  # the usual case: the message before goes on
                held_size += len(lead)
                if held_size > limit:
                    raise _Unusual
            elif not started:
                found.preamble_text = found.preamble_text or bool(lead.strip())
        newlines += lead.count("\n")
        count = len(parts) // CUT_STRIDE  # headers in this block
        if not count:
            continue
        if held is not None:
            take(held[0], held[1], "".join(held_pieces))
            held = None
        if not started:
            found.first_line = newlines + 1
            started = True
        if len(segment) > limit and max(map(len, parts[CUT_STRIDE::CUT_STRIDE])) > limit:
            raise _Unusual
        # A bidi mark is looked for once in the block (most exports, Android's, have none): then
        # no text of the block needs `strip_marks`.
        marked_block = holds_marks(segment)
        # Each header's groups and body, CUT_STRIDE items of the split in a row, read by one iterator
        # zipped with itself: no list per group, which the collector would go over while it lives.
        # The last column marks the block's last message, held for the next block's first lines.
        cut = iter(parts)
        next(cut)  # the lead
        headers = zip(*[cut] * CUT_STRIDE, chain(repeat(False, count - 1), (True,)), strict=True)
        for (
            leading,
            opened,
            written,
            _,
            clock_written,
            _,
            time_first,
            _,
            written_last,
            _,
            body,
            last,
        ) in headers:
            line = newlines + 1
            # (A header never holds a line end.) Most bodies are one line: `in` tells it without
            # the argument parsing `count` does at each call.
            if "\n" in body:
                breaks = body.count("\n")
                newlines += 1 + breaks
                if unreadable_search(body) is not None:
                    raise _Unusual
            else:
                breaks = 0
                newlines += 1
            # The header, as `raw.raw_messages` reads it. Most headers write the date and time of
            # the one before (messages of one minute): that reading, and all it decided about the
            # shape, holds for them, told by comparing two short strings.
            if clock_written != last_time_written or written != last_date_written or written is None:
                last_time_written = clock_written
                if written is None:  # the time first: "21:05, 15/01/2024 - "
                    date, date_parts = date_of(written_last, True)
                    clock_written = time_first
                elif written != last_date_written:
                    date, date_parts = dates_get(written) or date_of(written, False)
                last_date_written = written
                clock, time_parts = times_get(clock_written) or time_of(clock_written)
                bracketed = opened is not None
                if (
                    date_parts is not last_date_parts
                    or time_parts is not last_time_parts
                    or bracketed is not last_bracketed
                ):
                    last_date_parts, last_time_parts, last_bracketed = date_parts, time_parts, bracketed
                    key: ShapeKey = (bracketed, date_parts, time_parts)
                    if run:
                        shape.count += run
                        shape.last_line = run_line
                    shape.last_date, shape.last_clock = shape_date, shape_clock
                    known = shapes.get(key)
                    if known is None:
                        known = shapes[key] = Shape(
                            line=line, whole=whole(leading, opened, written, clock_written, written_last)
                        )
                    shape = known
                    run, shape_date, shape_clock = 0, shape.last_date, shape.last_clock
                if date is not shape_date:
                    shape_date = date
                    shape.dates.setdefault(id(date), date)
                    shape.inversions.feed(date, line)
                    shape_clock = clock if clock.valid else None
                    if not clock.valid:
                        shape.invalid_time = True
                elif clock is not shape_clock:  # (the time before is always a valid one)
                    if not clock.valid:
                        shape.invalid_time = True
                    else:
                        if shape_clock is not None and clock.second_of_day < shape_clock.second_of_day:
                            shape.inversions.earlier_time(date, line)
                        shape_clock = clock
            run += 1
            run_line = line
            if last:
                held, held_pieces, held_size = (date, clock), [body], len(body)
                break
            # The usual message, read here as `read_entry` reads it: "Name: text" with the first
            # ": " on the first line, a known sender, no line end at the end, no bidi mark
            # before the text. Anything else is read by `read_entry` itself.
            name, colon, text = body.partition(": ")
            # (A sender's key never holds a line end: a name past the first line is no key.)
            who = senders_get(name) if colon else None
            if who is None or text[-1:] == "\n":
                take(date, clock, body)
                continue
            if marked_block and not text.isascii():
                if text[:1] == "\u200e":  # WhatsApp's own words under a sender (iOS)
                    take(date, clock, body)
                    continue
                text = strip_marks(text)
            # `Markers.may_hold`: most texts hold no marker, which these tests tell.
            newline = text.find("\n") if breaks else -1  # (its line ends are the body's)
            head = text[:12]
            if (
                "<" in text
                or (text[newline - 1] if newline > 0 else text[-1:]) == ")"
                or (newline < 0 and text[-4:] in document_endings)
                or (
                    head in heads
                    and (head in notice_heads or (len(text) <= whole_max and text in whole_body))
                )
            ):
                text, details = with_markers(text, False, markers)
                if keep is not None:
                    keep(((date.number, clock.number), ("", who[0], who[1], text), details))
                note_details(who[0], text, details, markers)
                continue
            sender, sender_id = who
            if keep is not None:
                keep(((date.number, clock.number), ("", sender, sender_id, text), None))
            typed_by.add(sender)
    if run:
        shape.count += run
        shape.last_line = run_line
    shape.last_date, shape.last_clock = shape_date, shape_clock
    if held is not None:
        take(held[0], held[1], "".join(held_pieces))
