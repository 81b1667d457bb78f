"""The export's text cut into raw messages: header, body as written, line; one pass over blocks.

Rule: every header (`header.HEADER_SPLIT`) starts a message in the first pass; once the header
shapes of the export are known (`Plan`), a header in a shape the export does not use is text of
the message before it (a pasted quote), as written. A line that looks like a header but cannot
be read as one (a time like `3:22_AM`) is never folded into the message before it: it starts a
message of its own, without a time, and is reported by line (`Boundaries.unreadable`). Nothing
but bounded facts is kept between messages; a message longer than `MAX_MESSAGE_CHARS` is cut
for display, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from evidence_kit.importers.whatsapp.blocks import Cut
from evidence_kit.importers.whatsapp.characters import DIGIT, MARKS, SP, M
from evidence_kit.importers.whatsapp.dates import DateInfo, Inversions, TimeInfo, date_info, time_info
from evidence_kit.importers.whatsapp.header import (
    DATE,
    DATE_LAST,
    HEADER_SPLIT,
    OPEN,
    STRIDE,
    TIME,
    TIME_FIRST,
)

MAX_MESSAGE_CHARS = 1 << 20  # a message longer than this is cut for display (the original is kept whole)
MAX_LINE_WARNINGS = 20  # warnings about single lines or messages; past this, one warning counts the rest

# (bracketed, (date separator, joiner, year first, time first), (time separator, ending, seconds,
# 12-hour)): one header shape. An export keeps one shape, unless the phone's format changed.
ShapeKey = tuple[bool, tuple[str, str, bool, bool], tuple[str, str, bool, bool]]

# A line that starts like a header, a date and a time close together, then "]" or " - ", but is
# none (`3:22_AM`): only looked for in lines that did not split as a header.
_DATE_PART = rf"{DIGIT}{{1,4}}{M}[./\-]{M}{DIGIT}{{1,2}}{M}[./\-]{M}[RH]?{DIGIT}{{1,4}}"
_TIME_PART = rf"{DIGIT}{{1,2}}[:.]{DIGIT}{{2}}"
UNREADABLE_HEADER = re.compile(
    rf"\n[\ufeff{MARKS}]*+\[?[\ufeff{MARKS}]*+"
    rf"(?:{_DATE_PART}[^\n]{{0,16}}?{_TIME_PART}|{_TIME_PART}[^\n]{{0,16}}?{_DATE_PART})"
    rf"[^\n]{{0,16}}?(?:\]|{SP}[-\u2013]{SP})"
)

# The date and time of a message whose header could not be read.
NO_DATE = DateInfo((0, 0, 0), separator="", joiner="", year_first=False, unpadded=False, short_year=False)
NO_TIME = TimeInfo(0, 0, 0, "", "", False, False, False, valid=False)
UNREADABLE = "unreadable"  # the note of a raw message whose header could not be read


class Caches:
    """Each distinct date and time string read once, with its part of the header shape.

    Equal parts of a shape are one object (`_parts`), so `raw_messages` tells that a header has
    the shape of the one before it by identity, without making and hashing the shape's key.
    Each date and time is numbered (`number`, its place in `numbered_dates`/`numbered_times`):
    the messages the first pass keeps refer to them by number, a tuple of numbers and strings
    being one the garbage collector stops following, instead of going over it again and again.
    """

    def __init__(self) -> None:
        self.dates: dict[str, tuple[DateInfo, tuple[str, str, bool, bool]]] = {}
        self.times: dict[str, tuple[TimeInfo, tuple[str, str, bool, bool]]] = {}
        self._parts: dict[tuple[str, str, bool, bool], tuple[str, str, bool, bool]] = {}
        self.numbered_dates: list[DateInfo] = [NO_DATE]
        self.numbered_times: list[TimeInfo] = [NO_TIME]

    def date(self, written: str, time_first: bool) -> tuple[DateInfo, tuple[str, str, bool, bool]]:
        found = self.dates.get(written)
        if found is None:
            info = date_info(written)
            info.number = len(self.numbered_dates)
            self.numbered_dates.append(info)
            part = (info.separator, info.joiner, info.year_first, time_first)
            found = self.dates[written] = (info, self._parts.setdefault(part, part))
        return found

    def time(self, written: str) -> tuple[TimeInfo, tuple[str, str, bool, bool]]:
        found = self.times.get(written)
        if found is None:
            info = replace(time_info(written), number=len(self.numbered_times))
            self.numbered_times.append(info)
            part = (info.separator, info.ending, info.seconds, info.twelve_hour)
            found = self.times[written] = (info, self._parts.setdefault(part, part))
        return found


@dataclass
class Shape:
    """What the first pass keeps of the headers of one shape."""

    count: int = 0
    line: int = 0  # of the first header of this shape
    last_line: int = 0  # of the last
    whole: str = ""  # the first header as written
    dates: dict[int, DateInfo] = field(default_factory=dict)  # each distinct date once, first seen first
    invalid_time: bool = False
    last_date: DateInfo | None = None
    last_clock: TimeInfo | None = None
    inversions: Inversions = field(default_factory=Inversions)


@dataclass
class Plan:
    """The boundaries of messages once the shapes and the date order are known."""

    accepted: dict[ShapeKey, str]  # the export's header shapes -> how each is named ("" when one)
    dates_known: bool = True  # False: only the shape decides (before the day/month order is known)
    invalid: list[int] = field(default_factory=list)  # lines of the first few impossible dates
    invalid_count: int = 0


@dataclass
class Boundaries:
    """Where the messages start, as one pass found them: preamble, cut and unreadable lines."""

    first_line: int = 0  # line of the first message's header (0: no message)
    preamble_text: bool = False  # anything but white space before the first message
    cuts: list[Cut] = field(default_factory=list)
    more_cuts: int = 0
    unreadable: list[int] = field(default_factory=list)  # lines of the first few unreadable headers
    unreadable_count: int = 0


# date, time, body as written (cut), line of the header, note: "" or the header's format when the
# export mixes formats, or UNREADABLE
Raw = tuple[DateInfo, TimeInfo, str, int, str]


def raw_messages(
    blocks: Iterator[str],
    caches: Caches,
    plan: Plan | None,
    found: Boundaries,
    shapes: dict[ShapeKey, Shape] | None = None,
) -> Iterator[Raw]:
    """Each message as (date, time, raw body, line, note). Without a plan every header starts one."""
    limit = MAX_MESSAGE_CHARS  # looked up at each call, so a test can lower it
    # The message being gathered (there is one once `kept` > 0): its header's facts, and its body
    # as its first piece plus `more` (None for the usual message, whose body is one piece).
    date_now, clock_now, line_now, note_now = NO_DATE, NO_TIME, 0, ""
    first = ""
    more: list[str] | None = None
    size = 0  # the body's length so far (also past the cut)
    newlines = 0  # line ends of "\n" + text consumed so far: a header's line is newlines + 1
    kept = 0
    date_of, time_of = caches.date, caches.time
    dates_seen, times_seen = caches.dates, caches.times
    accepted = plan.accepted if plan is not None else {}
    mixed = len(accepted) > 1
    unreadable_search = UNREADABLE_HEADER.search

    def finish() -> Raw:
        if size > limit:
            if len(found.cuts) < MAX_LINE_WARNINGS:
                found.cuts.append(Cut(line_now, size))
            else:
                found.more_cuts += 1
        body = first if more is None else first + "".join(more)
        return date_now, clock_now, body, line_now, note_now

    def add(text: str) -> None:
        nonlocal more, size
        if size < limit and text:
            piece = text if size + len(text) <= limit else text[: limit - size]
            if more is None:
                more = [piece]
            else:
                more.append(piece)
        size += len(text)

    def start(date: DateInfo, clock: TimeInfo, line: int, note: str, body: str) -> None:
        nonlocal date_now, clock_now, line_now, note_now, first, more, size, kept
        kept += 1
        date_now, clock_now, line_now, note_now = date, clock, line, note
        first, more, size = (body if len(body) <= limit else body[:limit]), None, len(body)

    def continued(text: str, first_line: int) -> Iterator[Raw]:
        """`text` continues the current message; `first_line` is the line its first "\\n" ends. A
        line in it that looks like an unreadable header starts a message of its own."""
        unreadable = unreadable_search(text) if "\n" in text else None
        while unreadable is not None:
            at = unreadable.start()
            if at:
                if kept:
                    add(text[:at])
                else:
                    found.preamble_text = found.preamble_text or bool(text[:at].strip())
            line = first_line + text.count("\n", 0, at) + 1
            if kept:
                yield finish()
            else:
                found.first_line = line
            found.unreadable_count += 1
            if len(found.unreadable) < MAX_LINE_WARNINGS:
                found.unreadable.append(line)
            text, first_line = text[at + 1 :], line
            end = text.find("\n")
            start(NO_DATE, NO_TIME, line, UNREADABLE, text if end < 0 else text[:end])
            text = "" if end < 0 else text[end:]
            unreadable = unreadable_search(text) if text else None
        if kept:
            add(text)
        else:
            found.preamble_text = found.preamble_text or bool(text.strip())

    # The shape of the header before (its parts, cached as one object each), and what it decided:
    # most headers have the shape of the one before, told by identity.
    last_date_parts: object = None
    last_time_parts: object = None
    last_bracketed: object = None
    shape = Shape()
    starts = True
    note = ""
    # The first pass's facts about the current shape live in locals while the shape stays (most
    # headers have the shape of the one before) and go to its Shape when it changes (`keep_run`):
    # how many headers in this run, the line of the last, its last date and last valid time.
    run, run_line = 0, 0
    shape_date: DateInfo | None = None
    shape_clock: TimeInfo | None = None

    def keep_run() -> None:
        if run:
            shape.count += run
            shape.last_line = run_line
        shape.last_date, shape.last_clock = shape_date, shape_clock

    for block in blocks:
        # Each block is cut just before a line end: the previous block's last "\n" (or, for the
        # first, the one the whole-text split put in front) opens this one.
        segment = "\n" + (block[:-1] if block.endswith("\n") else block)
        parts = HEADER_SPLIT.split(segment)
        lead = parts[0]
        if kept and (len(lead) < 2 or unreadable_search(lead) is None):
            add(lead)  # the usual case: the message before goes on
        else:
            yield from continued(lead, newlines)
        newlines += lead.count("\n")
        # The groups each header needs, one list each (a slice of the split is made in C; the
        # loop then unpacks one tuple per header instead of indexing the split six times).
        headers = zip(
            parts[1::STRIDE],  # the whole header
            parts[OPEN::STRIDE],
            parts[DATE::STRIDE],
            parts[TIME::STRIDE],
            parts[TIME_FIRST::STRIDE],
            parts[DATE_LAST::STRIDE],
            parts[STRIDE::STRIDE],  # the body after it
            strict=True,
        )
        for whole, opened, written, clock_written, time_first, written_last, body in headers:
            if written is not None:
                # The caches looked up here first: a call per message is a tenth of the parse.
                date, date_parts = dates_seen.get(written) or date_of(written, False)
            else:  # the time first: "21:05, 15/01/2024 - "
                date, date_parts = date_of(written_last, True)
                clock_written = time_first
            clock, time_parts = times_seen.get(clock_written) or time_of(clock_written)
            bracketed = opened is not None
            line = newlines + 1
            breaks = body.count("\n")  # a header never holds a line end
            newlines += 1 + breaks
            if (
                date_parts is not last_date_parts
                or time_parts is not last_time_parts
                or bracketed is not last_bracketed
            ):
                last_date_parts, last_time_parts, last_bracketed = date_parts, time_parts, bracketed
                key: ShapeKey = (bracketed, date_parts, time_parts)
                if plan is None:
                    if shapes is not None:
                        keep_run()
                        known = shapes.get(key)
                        if known is None:
                            known = shapes[key] = Shape(line=line, whole=whole)
                        shape = known
                        run, shape_date, shape_clock = 0, shape.last_date, shape.last_clock
                else:
                    starts = key in accepted
                    note = accepted[key] if starts and mixed else ""
            if plan is None:
                if shapes is not None:
                    run += 1
                    run_line = line
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
            elif starts and plan.dates_known and (date.day is None or not clock.valid):
                # A header whose date or time cannot exist keeps its own message, without a time.
                plan.invalid_count += 1
                if len(plan.invalid) < MAX_LINE_WARNINGS:
                    plan.invalid.append(line)
            # The lines after the header's own line: the rare unreadable header among them is
            # looked for with one search (most messages have one line, and most others none).
            rest = ""
            if breaks and unreadable_search(body) is not None:
                first_newline = body.find("\n")
                body, rest = body[:first_newline], body[first_newline:]
            if starts:
                if not kept:
                    found.first_line = line
                elif more is None and size <= limit:
                    yield date_now, clock_now, first, line_now, note_now  # the usual case, quickly
                else:
                    yield finish()
                kept += 1
                date_now = date
                clock_now = clock
                line_now = line
                note_now = note
                size = len(body)
                first, more = (body if size <= limit else body[:limit]), None
                if rest:
                    yield from continued(rest, line)
            else:
                # Folded back into the message before, as written (a pasted quote of another chat).
                if kept:
                    add("\n" + whole + body)
                else:
                    found.preamble_text = found.preamble_text or bool((whole + body).strip())
                if rest:
                    yield from continued(rest, line)
    if shapes is not None:
        keep_run()
    if kept:
        yield finish()
