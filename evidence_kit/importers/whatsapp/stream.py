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
import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from evidence_kit.domain import (
    ConversationStream,
    Message,
    ParseWarning,
    Participant,
)
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers.common import invalid_date_warning
from evidence_kit.importers.whatsapp import blocks, parser
from evidence_kit.importers.whatsapp import raw as raw_text
from evidence_kit.importers.whatsapp.blocks import Decoded, TextSource, line_blocks
from evidence_kit.importers.whatsapp.characters import strip_marks
from evidence_kit.importers.whatsapp.dates import (
    CALENDAR_WORDS,
    ORDER_WORDS,
    decide_order,
    valid_ymd,
    year_month_day,
)
from evidence_kit.importers.whatsapp.entries import Entry
from evidence_kit.importers.whatsapp.entries import entries as entries_of
from evidence_kit.importers.whatsapp.entries import messages as _messages
from evidence_kit.importers.whatsapp.raw import (
    MAX_LINE_WARNINGS,
    MAX_MESSAGE_CHARS,
    Boundaries,
    Caches,
    Plan,
    Shape,
    ShapeKey,
    raw_messages,
)
from evidence_kit.importers.whatsapp.survey import Survey, first_pass, survey

__all__ = ["MAX_MESSAGE_CHARS", "StreamedChat", "TextSource", "cut_warnings", "parse_stream", "parse_text"]


def _pseudo_senders(survey: Survey, title: str | None) -> tuple[set[str], str | None]:
    """iOS writes WhatsApp's own lines (marked with U+200E) under a pseudo-sender, the group's
    name: a "sender" who never types and writes the encryption notice or group events ("Anna
    added you") is no person. The encryption notice is never a person's."""
    pseudo = (survey.noticed | survey.grouped) - survey.typed_by
    if title is not None and title not in survey.typed_by and title in survey.own_senders:
        pseudo.add(title)
    group_title = title
    for sender in survey.own_senders:
        if sender in pseudo:
            group_title = group_title or sender
    return pseudo, group_title


# ---------------------------------------------------------------------------------------------
# The passes
# ---------------------------------------------------------------------------------------------


@dataclass
class StreamedChat:
    """A parsed chat whose messages are read as they are used; `referenced`: every file named."""

    conversation: ConversationStream
    referenced: tuple[str, ...]
    decoded: Decoded


def accepted_shapes(shapes: dict[ShapeKey, Shape]) -> list[ShapeKey]:
    """The export's own header shapes, the most used first. An export keeps one shape; a second
    one counts only when its headers form one run before or after the others (the phone's date
    format changed between messages), never interleaved with them (a pasted quote of another
    chat), and hold at least two messages."""
    ranked = sorted(shapes, key=lambda k: (-shapes[k].count, shapes[k].line))
    accepted = [ranked[0]]
    for key in sorted(ranked[1:], key=lambda k: shapes[k].line):
        shape = shapes[key]
        if shape.count >= 2 and all(
            shape.line > shapes[other].last_line or shape.last_line < shapes[other].line for other in accepted
        ):
            accepted.append(key)
    return accepted


def describe(key: ShapeKey, order: str) -> str:
    """How a header shape is named where an export mixes them: "day/month/year, 24-hour"."""
    words = [ORDER_WORDS[order], "12-hour" if key[2][3] else "24-hour"]
    if key[1][3]:
        words.append("time first")
    return ", ".join(words)


def parse_stream(
    source: TextSource, *, name: str = "", title: str | None = None, keep: bool = False
) -> StreamedChat:
    """Read the export `source` opens (a first pass, or two, now); its messages are read when iterated.

    With `keep` (for a caller that holds every message in memory anyway, `read` and `parse_text`),
    what the first pass read of each message is kept and the messages are made from it, instead
    of reading the export once more; the streaming importer leaves it off, so its memory does not
    depend on the export's size. ImportFormatError when no message is found.
    """
    markers = parser.MARKERS  # looked up at each call, so a test can swap in markers built from other data
    caches = Caches()
    pass_one = first_pass(source, caches, markers, keep=keep)
    shapes, decoded, first, kept = pass_one.shapes, pass_one.decoded, pass_one.boundaries, pass_one.kept
    found_survey = pass_one.survey
    if not shapes:
        raise ImportFormatError(
            path=name, format=parser.FORMAT, detail="no WhatsApp message lines were found"
        )

    keys = accepted_shapes(shapes)
    key, dominant = keys[0], shapes[keys[0]]

    def locales() -> Counter[str]:
        plan = Plan(dict.fromkeys(keys, ""), dates_known=False)
        bodies = []
        for raw in raw_messages(source(Decoded()), caches, plan, Boundaries()):
            bodies.append(raw[2])
            if len(bodies) >= 5000:
                break
        return markers.locale_evidence(bodies)

    # Day/month order, over the whole file, for each of its header shapes (the most used last,
    # so its order wins for a date both write).
    warnings: list[ParseWarning] = []
    orders: dict[ShapeKey, str] = {}
    for shape_key in reversed(keys):
        shape = shapes[shape_key]
        distinct = list(shape.dates.values())
        example = strip_marks(shape.whole).strip(" -[]:\u00a0\u202f")
        orders[shape_key], order_warnings = decide_order(distinct, shape.inversions, locales, example)
        warnings[:0] = order_warnings  # the most used shape's first
        for date in distinct:
            ymd = year_month_day(date.fields, orders[shape_key])
            date.day = ymd if valid_ymd(*ymd) else None
    order = orders[key]
    mixed = len(keys) > 1
    plan = Plan({k: (describe(k, orders[k]) if mixed else "") for k in keys})
    if mixed:
        kept = None  # the first pass did not know each message's format yet (a later pass notes it)
    if mixed:
        for before, after in itertools.pairwise(sorted(keys, key=lambda k: shapes[k].line)):
            warnings.append(
                ParseWarning(
                    code="date_format_changed",
                    message="The export changes how it writes dates and times at line {line} (from "
                    "{before} to {after}); each message was read in its own format.",
                    params=(
                        ("line", str(shapes[after].line)),
                        ("before", plan.accepted[before]),
                        ("after", plan.accepted[after]),
                    ),
                    line=shapes[after].line,
                )
            )

    # When some header-shaped lines turn out to be text (another shape), the first pass's message
    # boundaries were not the true ones: survey again.
    found = first
    if (
        len(shapes) > len(keys)
        or dominant.invalid_time
        or any(d.day is None for k in keys for d in shapes[k].dates.values())
    ):
        found = Boundaries()
        kept = [] if keep else None
        found_survey = survey(raw_messages(source(Decoded()), caches, plan, found), {}, markers, kept)
    warnings += _line_warnings(plan, found)
    out_of_order = [shapes[k].inversions.out_of_order(orders[k], shapes[k].dates) for k in keys]
    late = sum(count for count, _line in out_of_order)
    if late:
        first_late = min(line for count, line in out_of_order if count and line)
        warnings.append(
            ParseWarning(
                code="time_out_of_order",
                message="{count} messages have a time earlier than the message before them (the first at "
                "line {line}). They are kept in the order of the export and marked.",
                params=(("count", str(late)), ("line", str(first_late))),
                line=first_late,
            )
        )
    calendars = sorted({d.calendar for k in keys for d in shapes[k].dates.values() if d.calendar})
    for calendar in calendars:
        warnings.append(
            ParseWarning(
                code="calendar_converted",
                message="The export writes years in the {calendar} calendar (for example {example}); "
                "they were converted to the Gregorian calendar.",
                params=(
                    ("calendar", CALENDAR_WORDS[calendar]),
                    ("example", strip_marks(dominant.whole).strip(" -[]:\u00a0\u202f")),
                ),
            )
        )
    pseudo, group_title = _pseudo_senders(found_survey, title)
    participants: dict[str, Participant] = {}
    # Everyone who wrote under a name, in order of appearance (the sender cache keeps that order).
    for known in found_survey.senders.values():
        if known is not None and known[0] not in pseudo and known[0] not in participants:
            participants[known[0]] = Participant(name=known[0], identifier=known[1])
    if found_survey.omitted:
        warnings.append(
            ParseWarning(
                code="media_omitted",
                message="{count} photos, videos or other files were left out of the export "
                '(exported "without media"); only their placeholders are in the chat.',
                params=(("count", str(found_survey.omitted)),),
            )
        )
    warnings += cut_warnings(decoded, found)

    def messages() -> Iterator[Message]:
        # Called when the messages are first read (`_ReadWhenIterated`), so `_messages` is looked
        # up then: tests/hostile replaces it there.
        nonlocal kept
        if kept is not None:
            # The first pass's reading, made into messages. Each entry's objects are popped (let go
            # of) as its message is made: `map` over `pop` does that without a generator frame per
            # message; they lie side by side in threes (`entries.Kept`), zipped back into entries.
            kept_parts, kept = kept, None
            kept_parts.reverse()
            drained = map(kept_parts.pop, itertools.repeat(-1, len(kept_parts)))
            entries = cast(Iterator[Entry], zip(drained, drained, drained, strict=True))
            return _messages(entries, pseudo, markers, caches)
        # The last pass: the true boundaries, one message at a time.
        last = Plan(plan.accepted)
        raws = raw_messages(source(Decoded()), caches, last, Boundaries())
        return _messages(entries_of(raws, {}, markers), pseudo, markers, caches)

    extra = [
        ("layout", "iOS" if key[0] else "Android"),
        ("date_order", ORDER_WORDS[order]),
        ("clock", "12-hour" if key[2][3] else "24-hour"),
        ("language", found_survey.locales.most_common(1)[0][0] if found_survey.locales else "unknown"),
    ]
    if mixed:
        in_file_order = sorted(keys, key=lambda k: shapes[k].line)
        extra.append(("date_formats", "; ".join(plan.accepted[k] for k in in_file_order)))
    if calendars:
        extra.append(("calendar", ", ".join(CALENDAR_WORDS[c] for c in calendars)))
    conversation = ConversationStream(
        platform="whatsapp",
        messages=_ReadWhenIterated(messages),
        title=group_title,
        participants=tuple(participants.values()),
        timezone_assumption=parser.TIMEZONE_ASSUMPTION,
        warnings=tuple(warnings),
        extra=tuple(extra),
    )
    return StreamedChat(conversation, tuple(found_survey.referenced), decoded)


class _ReadWhenIterated:
    """A parse's messages, made when first iterated: iterating it is iterating the generator that
    makes them, not a generator of our own over it (a frame switch less per message). Iterated
    again, it hands on the same (used) iterator: the messages are read once, as documented for
    `ConversationStream.messages`."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], Iterator[Message]]) -> None:
        self._make = make
        self._made: Iterator[Message] | None = None

    def __iter__(self) -> Iterator[Message]:
        if self._made is None:
            self._made = self._make()
        return self._made


def _line_warnings(plan: Plan, found: Boundaries) -> list[ParseWarning]:
    """Impossible dates, unreadable headers and text before the first message, by line."""
    warnings = [invalid_date_warning(line, merged=False) for line in plan.invalid]
    if plan.invalid_count > MAX_LINE_WARNINGS:
        warnings.append(
            ParseWarning(
                code="invalid_header_date",
                message="{count} more lines start a message whose date or time cannot exist; those "
                "messages are kept without a time.",
                params=(("count", str(plan.invalid_count - MAX_LINE_WARNINGS)),),
            )
        )
    warnings += [
        ParseWarning(
            code="unreadable_header",
            message="Line {line} looks like the start of a message, but its date or time cannot be read; "
            "it is kept as a message of its own, without a time or sender.",
            params=(("line", str(line)),),
            line=line,
        )
        for line in found.unreadable
    ]
    if found.unreadable_count > MAX_LINE_WARNINGS:
        warnings.append(
            ParseWarning(
                code="unreadable_header",
                message="{count} more lines look like the start of a message, but their date or time "
                "cannot be read; each is kept as a message of its own.",
                params=(("count", str(found.unreadable_count - MAX_LINE_WARNINGS)),),
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
    return warnings


def cut_warnings(decoded: Decoded, found: Boundaries) -> list[ParseWarning]:
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
            params=(
                ("line", str(cut.line)),
                ("length", str(cut.length)),
                ("limit", str(raw_text.MAX_MESSAGE_CHARS)),
            ),
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
    chat = parse_stream(
        lambda found: line_blocks(io.StringIO(text), found, boms=1), name=name, title=title, keep=True
    )
    return parser.ParsedChat(conversation=chat.conversation.read_whole(), referenced=chat.referenced)
