"""Telegram Desktop's `result.json` read while it is stored: two passes, messages never held.

Rule: attachments must be stored before the first message (every message links to them), and
a chat's title, time-zone statement and warnings belong to its header, so a first pass
(`read_json_facts`) reads the whole file and keeps everything but the messages: each message is
made, for what it gathers (files, missing names, participants, time counts, warnings), and let
go. The second pass (`walk_messages`) reads the file again and hands each message on as it is
made, chat after chat, to be stored in parts. Memory follows the number of chats, attachments
and participants, never the number of messages. Both passes are the same code on the same
bytes, so they make the same messages; a file that changes between them is refused by the
import (`reading._read_guarded`). A file that lists `left_chats` before `chats` cannot be
handed on in listed order in one pass and is read held, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from evidence_kit.domain import ConversationStream, ManyChats, Message, ParsedExport, StreamedExport
from evidence_kit.importers._chat_support import ExportTree
from evidence_kit.importers.many_chats import many_from_exports
from evidence_kit.importers.telegram.json_document import read_json_facts, walk_messages


class _Chats:
    """One pass of (chat number, message) pairs, split into one message iterator per chat."""

    def __init__(self, pairs: Iterator[tuple[int, Message]]) -> None:
        self._pairs = pairs
        self._pending: tuple[int, Message] | None = None

    def messages(self, index: int) -> Iterator[Message]:
        while True:
            if self._pending is None:
                self._pending = next(self._pairs, None)
                if self._pending is None:
                    return
            number, message = self._pending
            if number > index:
                return  # the next chat's first message: kept for it
            self._pending = None
            if number == index:
                yield message


def streamed_json(tree: ExportTree, member: str, display: str) -> StreamedExport | ParsedExport | ManyChats:
    """The `result.json` at `member`: one chat as a `StreamedExport`, several as `ManyChats`
    whose conversations stream (see the module doc)."""
    facts, in_order = read_json_facts(tree, member, display)
    if not in_order:
        held = read_json_facts(tree, member, display, keep_messages=True)[0]
        return held[0] if len(held) == 1 else many_from_exports(held)

    def conversations() -> Iterator[ConversationStream]:
        chats = _Chats(walk_messages(tree, member, display))
        for index, export in enumerate(facts):
            yield replace(ConversationStream.of(export.conversation), messages=chats.messages(index))

    if len(facts) == 1:
        (only,) = facts
        return StreamedExport(conversation=next(conversations()), files=only.files, missing=only.missing)
    return replace(many_from_exports(facts), conversations=conversations)
