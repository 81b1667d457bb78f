"""A Meta thread of JSON files read while it is stored; Meta writes newest first.

Rule: messages are stored oldest first, exactly in the order `thread.finish` gives a thread read
whole, and memory follows the largest FILE of a thread, never the whole thread. Meta splits a
thread into `message_1.json` (newest) ... `message_N.json` (oldest), each newest first. A first
pass reads every file as `gather` always does, but keeps of each message only its time (8
bytes, `Thread.file_times`), with everything else it gathers (files, missing names,
participants, warnings, title). From the times the order is settled as `finish` would settle it:
files and messages reversed when the times mostly fall, kept when they rise. When that order
is already sorted by time (the normal case), the second pass hands the messages on: file by
file, each file's messages held only while that file is turned around. A thread whose times
are not in order either way (`finish` would sort it) is read whole, as before, so nothing is
ever reordered differently from the held reading. HTML pages are not streamed.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import replace

from evidence_kit.domain import ConversationStream, Message, StreamedExport
from evidence_kit.importers._chat_support import ExportTree
from evidence_kit.importers.common import starts_json_object
from evidence_kit.importers.meta.json_export import json_messages
from evidence_kit.importers.meta.thread import NO_TIME, Thread, finish


def _settled_order(file_times: list[array[int]]) -> bool | None:
    """Whether `finish` would reverse the thread (True/False), or None when it would sort it."""
    timed = (t for t in itertools.chain.from_iterable(file_times) if t != NO_TIME)
    down = up = count = 0
    previous: int | None = None
    for moment in timed:
        if previous is not None:
            down += moment < previous
            up += moment > previous
        previous = moment
        count += 1
    reverse = down > up
    total = sum(len(times) for times in file_times)
    if count and count == total:
        ordered: Iterable[int] = (
            itertools.chain.from_iterable(reversed(t) for t in reversed(file_times))
            if reverse
            else itertools.chain.from_iterable(file_times)
        )
        if any(a > b for a, b in itertools.pairwise(ordered)):
            return None
    return reverse


def streamed_thread(
    tree: ExportTree,
    members: list[str],
    display: str,
    thread: Thread,
    platform: str,
) -> StreamedExport | None:
    """The thread `gather` read with `keep=False` (files `members` in page order), streamed; None
    when it has to be read whole (see the module doc)."""
    reverse = _settled_order(thread.file_times)
    if reverse is None:
        return None
    export = finish(thread, platform)
    thread.file_times.clear()

    def messages() -> Iterator[Message]:
        for member in reversed(members) if reverse else members:
            shown = f"{display}/{member}" if tree.label == display else display
            side = Thread(tree=tree, folder=thread.folder, hint_folder=thread.hint_folder)
            made = json_messages(side, member, shown, [])
            if reverse:
                yield from reversed(list(made))  # one file held, newest first, turned around
            else:
                yield from made

    stream = replace(ConversationStream.of(export.conversation), messages=messages())
    return StreamedExport(conversation=stream, files=export.files, missing=export.missing)


def all_json(tree: ExportTree, members: list[str]) -> bool:
    return all(starts_json_object(tree.head(member)) for member in members)
