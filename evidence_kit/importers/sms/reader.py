"""Reading a backup or call log into a `ParsedExport`: the XML streamed through the repair pass
and defusedxml (no DTD, no entity declarations, no network), each record handed to its reader
and its message handed on at once (`iter_messages`, a generator), and damage past some point
kept as a warning with the records before it.

Messages are handed on oldest first by their epoch time (call logs are stored newest first);
records without a usable date come last, in file order. `read_stream` never holds them all:
a first pass keeps only each message's time, later passes read them again in time order
(`order.py` says how memory stays bounded).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET  # only for types and ParseError: parsing goes through defusedxml
from array import array
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

from evidence_kit.domain import ConversationStream, Message, ParsedExport, StreamedExport
from evidence_kit.errors import FileUnreadableError, ImportFormatError
from evidence_kit.importers.sms.calls import read_call
from evidence_kit.importers.sms.messages import name_mms_parts, read_mms, read_sms
from evidence_kit.importers.sms.order import in_time_order, ranks_of, time_key
from evidence_kit.importers.sms.parse_warnings import COUNT_MISMATCH, DAMAGED
from evidence_kit.importers.sms.recognition import FORMAT
from evidence_kit.importers.sms.records import State
from evidence_kit.importers.sms.values import int_or_none
from evidence_kit.importers.sms.xml_repair import RepairingReader

_READERS: dict[str, dict[str, Callable[[ET.Element, State], None]]] = {
    "smses": {"sms": read_sms, "mms": read_mms},
    "calls": {"call": read_call},
}


def _timezone_assumption(state: State) -> str | None:
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


def _opener(path: Path) -> Callable[[], BinaryIO]:
    def open_backup() -> BinaryIO:
        try:
            return path.open("rb")
        except OSError as exc:
            raise FileUnreadableError(path=path, detail=exc.strerror or type(exc).__name__) from exc

    return open_backup


def read_stream(path: Path) -> StreamedExport:
    """Parse an SMS Backup & Restore `<smses>` backup or `<calls>` call log at `path`; its messages
    are read again, oldest first, as they are used (see `order.py`)."""
    return _read_stream(_opener(path), path)


def read(path: Path) -> ParsedExport:
    """Parse the backup or call log at `path`, every message read into memory (tests, small inputs)."""
    return _whole(read_stream(path))


def read_bytes(data: bytes, path: Path) -> ParsedExport:
    """Parse a backup already in memory (`path` only names it in errors and warnings)."""
    return _whole(_read_stream(lambda: io.BytesIO(data), path))


def _whole(streamed: StreamedExport) -> ParsedExport:
    conversation = streamed.conversation.read_whole()
    return ParsedExport(conversation=conversation, files=streamed.files, missing=streamed.missing)


def _read_stream(open_backup: Callable[[], BinaryIO], path: Path) -> StreamedExport:
    # Pass 1: everything but the messages (participants, warnings, MMS media), and each message's
    # time as 8 bytes, for its rank in time order. The messages come in later passes (order.py).
    state = State(path=path)
    keys = array("q")
    try:
        with open_backup() as handle:
            for message in iter_messages(handle, state):
                keys.append(time_key(message.sent_at_utc))
    except OSError as exc:
        raise FileUnreadableError(path=path, detail=exc.strerror or type(exc).__name__) from exc
    ranks = ranks_of(keys)
    del keys

    def read_again(wanted: Callable[[int], bool]) -> Iterator[tuple[int, Message]]:
        again = State(path=path, keep_files=False)
        with open_backup() as handle:
            yield from numbered(handle, again, wanted)

    def changed() -> Exception:
        return ImportFormatError(path=path, format=FORMAT, detail="the file changed while it was being read")

    extra: list[tuple[str, str]] = [("root", state.root)]
    for key in ("count", "backup_set", "backup_date", "type"):
        value = state.attributes.get(key)
        if value is not None:
            extra.append((key, value))
    conversation = ConversationStream(
        platform="sms" if state.root == "smses" else "call_log",
        messages=in_time_order(ranks, read_again, changed),
        participants=tuple(state.participants.values()),
        timezone_assumption=_timezone_assumption(state),
        warnings=state.collect.warnings(),
        extra=tuple(extra),
    )
    return StreamedExport(conversation=conversation, files=tuple(state.files), missing=tuple(state.missing))


def iter_messages(handle: BinaryIO, state: State) -> Iterator[Message]:
    """The messages of the backup in `handle`, one per record, in file order (see `numbered`)."""
    return (message for _ordinal, message in numbered(handle, state))


def numbered(
    handle: BinaryIO, state: State, wanted: Callable[[int], bool] | None = None
) -> Iterator[tuple[int, Message]]:
    """The messages of the backup in `handle` with their ordinals, in file order, as each is read.

    With `wanted`, a record whose message ordinal it refuses is parsed but not read (only its MMS
    part names are taken, which later parts' names depend on): a pass that needs a few messages
    skips the work of making the others.

    The XML streams through the repair pass and defusedxml's `iterparse`; each record's element is
    cleared and let go once read, so memory does not grow with the file. What the records gather
    besides their messages (the root element, participants, MMS files, warnings) is on `state`
    when the generator is done. Damage past the first record ends the stream with a warning, the
    messages before it kept; a file that is not a backup raises `ImportFormatError`.
    """
    path = state.path
    collect = state.collect
    reader = RepairingReader(handle)
    root: ET.Element | None = None
    depth = 0
    handlers: dict[str, Callable[[ET.Element, State], None]] = {}
    ordinal = 0
    try:
        for event, elem in DefusedET.iterparse(reader, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth == 1:
                    root, state.root = elem, elem.tag
                    if state.root not in _READERS:
                        raise ImportFormatError(
                            path=path, format=FORMAT, detail="the XML is not an SMS Backup & Restore file"
                        )
                    handlers = _READERS[state.root]
                    state.attributes = {key: collect.text(value) or "" for key, value in elem.attrib.items()}
                continue
            depth -= 1
            if depth != 1 or root is None:
                continue
            collect.record += 1
            handler = handlers.get(elem.tag)
            if handler is None:
                collect.add("unknown_element", tag=str(elem.tag)[:50])
            elif wanted is None or wanted(ordinal):
                handler(elem, state)
            else:
                ordinal += 1  # every known record is one message
                if elem.tag == "mms":
                    name_mms_parts(elem, state)
            # Keep memory flat: the record is no longer needed as XML.
            elem.clear()
            del root[:]
            for message in state.fresh:
                yield ordinal, message
                ordinal += 1
            state.fresh.clear()
    except ET.ParseError as exc:
        if root is None:
            raise ImportFormatError(path=path, format=FORMAT, detail="not well-formed XML") from exc
        line, column = exc.position
        collect.single.append(
            replace(
                DAMAGED,
                params=(
                    ("column", str(column)),
                    ("count", str(state.count)),
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
    declared = int_or_none(state.attributes.get("count"))
    if declared is not None and declared != collect.record:
        collect.single.append(
            replace(
                COUNT_MISMATCH,
                params=(("declared", str(declared)), ("found", str(collect.record))),
            )
        )
