"""Walking one of Meta's JSON message files as a stream, in two passes.

Rule: the file is never held in memory as one document. What is decided for the file as a whole
has to be known before its first message is turned into text: which shape it is (from its first
50 records and its top-level keys) and whether it has Meta's mojibake (from *every* string in
it, see `mojibake.py`). So a first pass (`overview`) reads the top-level values (participants,
title, thread_path: small) and the first 50 records, and hands every other string to the
mojibake vote without building anything; the second pass (`records`) reads the file again and
builds one message record at a time for `json_export.iter_messages`. Both passes read with
`JsonStream` (ijson); a damaged file fails as a whole with `ImportFormatError`, as it did when it
was read with `json.loads`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from evidence_kit.errors import ImportFormatError
from evidence_kit.importers._chat_support import ExportTree, WarningLog
from evidence_kit.importers.json_stream import JsonStream, check_size
from evidence_kit.importers.meta.mojibake import MojibakeVote
from evidence_kit.importers.meta.platforms import FORMAT

HEAD_RECORDS = 50  # the records that decide the file's shape


@dataclass
class Overview:
    """What the first pass learns of a file: everything but the messages, and how to read them."""

    fields: dict[str, object] = field(default_factory=dict)  # the top-level values but `messages`
    has_messages: bool = False  # `messages` is a list
    head: list[dict[str, object]] = field(default_factory=list)  # its first HEAD_RECORDS objects
    mojibake: bool = False


def _not_a_thread(stream: JsonStream) -> ImportFormatError:
    return stream.error("the JSON is not a Meta message thread")


def overview(tree: ExportTree, member: str, display: str, log: WarningLog) -> Overview:
    """The first pass over `member` (see the module doc); an `invalid_utf8` warning goes to `log`."""
    check_size(tree.size(member), path=display, format_name=FORMAT)
    found = Overview()
    vote = MojibakeVote()
    with JsonStream(tree.opener(member), path=display, format_name=FORMAT) as stream:
        stream.note_bad_bytes(log)
        if stream.next()[0] != "start_map":
            raise _not_a_thread(stream)
        for key in stream.members():
            first = stream.next()
            if key != "messages":
                value = stream.value(first, 1)
                vote.feed_all(value)
                found.fields[key] = value
                continue
            if found.has_messages or first[0] != "start_array":
                raise _not_a_thread(stream)  # not a list, or a second list json.loads would have kept
            found.has_messages = True
            for item in stream.items():
                if len(found.head) < HEAD_RECORDS and item[0] == "start_map":
                    record = stream.value(item, 2)
                    vote.feed_all(record)
                    if isinstance(record, dict):
                        found.head.append(record)
                else:
                    stream.scan(item, vote.feed, 2)
        stream.end()
    if not found.has_messages:
        raise ImportFormatError(path=display, format=FORMAT, detail="the JSON is not a Meta message thread")
    found.mojibake = vote.mojibake
    return found


def records(tree: ExportTree, member: str, display: str) -> Iterator[object]:
    """The second pass: the records of the file's `messages` list, built one at a time."""
    with JsonStream(tree.opener(member), path=display, format_name=FORMAT) as stream:
        if stream.next()[0] != "start_map":
            raise _not_a_thread(stream)
        for key in stream.members():
            first = stream.next()
            if key == "messages" and first[0] == "start_array":
                for item in stream.items():
                    yield stream.value(item, 2)
            else:
                stream.skip(first, 1)
        stream.end()
