"""Walking Telegram Desktop's `result.json` as a stream: which chats it holds, and their records.

Rule: the file is never held in memory as one document. It is walked with `JsonStream` (ijson):
the top level and each chat object key by key, and a message list one record at a time, each
record built, turned into a `Message` by `json_export.iter_messages` and let go. Only what a chat
needs besides its messages (name, type, id, and the account's personal_information) is built;
everything else (contacts, sessions, ...) is passed over unread. A damaged file still fails as
a whole with `ImportFormatError`, as it did when it was read with `json.loads`.

Which shape the file has is decided as it comes: a top-level `messages` list is one chat (its
first 200 records must look like Telegram's), `chats.list` and `left_chats.list` a whole
account. A key that holds the messages or the chats twice is refused: the records already read
cannot be taken back, and `json.loads` would silently have kept only the last.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from evidence_kit.domain import Message, ParsedExport
from evidence_kit.importers._chat_support import ExportTree, WarningLog
from evidence_kit.importers.common import folder_of
from evidence_kit.importers.json_stream import JsonStream, check_size
from evidence_kit.importers.telegram.chat import FORMAT, Chat, finish
from evidence_kit.importers.telegram.json_export import (
    account_extra,
    chat_export,
    iter_messages,
    looks_like_telegram_messages,
)

_CHAT_FIELDS = frozenset({"name", "type", "id"})
_CHECKED_RECORDS = 200


@dataclass
class _ChatRead:
    chat: Chat
    fields: dict[str, object] = field(default_factory=dict)
    left: bool = False


@dataclass
class _Walk:
    stream: JsonStream
    tree: ExportTree
    base: str
    file_log: WarningLog
    keep: bool = True  # False: messages are made (for what they gather) and let go

    def new_chat(self) -> Chat:
        chat = Chat(tree=self.tree, base=self.base)
        chat.log.extend(self.tree.warnings)
        chat.log.extend(self.file_log.warnings())
        return chat

    def records(self, depth: int) -> Iterator[object]:
        """The records of the message list just opened, built one at a time."""
        for first in self.stream.items():
            yield self.stream.value(first, depth)

    def messages(self, chat: Chat, depth: int, *, check: bool) -> None:
        records: Iterator[object] = self.records(depth)
        if check:
            head = list(islice(records, _CHECKED_RECORDS))
            if not looks_like_telegram_messages(head):
                raise self.stream.error("its messages are not Telegram messages")
            records = chain(head, records)
        # The one place messages are collected; a streamed reading makes them again (`walk_messages`).
        if self.keep:
            chat.messages.extend(iter_messages(chat, records))
        else:
            deque(iter_messages(chat, records), maxlen=0)

    def chat_messages(self, index: int, depth: int) -> Iterator[tuple[int, Message]]:
        """The messages of one chat object of a list (its start_map read), numbered `index`."""
        for key in self.stream.members():
            first = self.stream.next()
            if key == "messages" and first[0] == "start_array":
                chat = self.new_chat()
                for message in iter_messages(chat, self.records(depth + 2)):
                    yield index, message
            else:
                self.stream.skip(first, depth + 1)

    def chat_object(self, left: bool, depth: int) -> _ChatRead:
        """One chat of `chats.list` / `left_chats.list` (its start_map already read)."""
        read = _ChatRead(self.new_chat(), left=left)
        seen_messages = False
        for key in self.stream.members():
            first = self.stream.next()
            if key == "messages" and first[0] == "start_array":
                if seen_messages:
                    raise self.stream.error("a chat names its messages twice")
                seen_messages = True
                self.messages(read.chat, depth + 2, check=False)
            elif key in _CHAT_FIELDS:
                read.fields[key] = self.stream.value(first, depth + 1)
            else:
                self.stream.skip(first, depth + 1)
        return read

    def chat_list(self, left: bool) -> tuple[list[_ChatRead], bool]:
        """The chats of a `chats` / `left_chats` object (its start_map read), and whether it had a list."""
        found: list[_ChatRead] = []
        has_list = False
        for key in self.stream.members():
            first = self.stream.next()
            if key == "list" and first[0] == "start_array":
                has_list = True
                for item in self.stream.items():
                    if item[0] == "start_map":
                        found.append(self.chat_object(left, depth=3))
                    else:
                        self.stream.skip(item, 3)
            else:
                self.stream.skip(first, 2)
        return found, has_list


def read_json(tree: ExportTree, member: str, display: str) -> list[ParsedExport]:
    """Every chat of the `result.json` at `member` of `tree` (`display` names it in errors)."""
    return read_json_facts(tree, member, display, keep_messages=True)[0]


def read_json_facts(
    tree: ExportTree, member: str, display: str, *, keep_messages: bool = False
) -> tuple[list[ParsedExport], bool]:
    """Every chat of the file, by default without its messages (each made, for what it gathers,
    and let go), and whether the file holds the chats in the order they are listed (`chats`
    before `left_chats`), which `walk_messages` needs to hand them on in one pass."""
    check_size(tree.size(member), path=display, format_name=FORMAT)
    with JsonStream(tree.opener(member), path=display, format_name=FORMAT) as stream:
        log = WarningLog()
        stream.note_bad_bytes(log)
        if stream.next()[0] != "start_map":
            raise stream.error("the JSON is not a Telegram export")
        walk = _Walk(stream, tree, folder_of(member), log, keep=keep_messages)
        single: Chat | None = None
        fields: dict[str, object] = {}
        account: list[tuple[str, str]] = []
        sections: dict[str, tuple[list[_ChatRead], bool]] = {}
        for key in stream.members():
            first = stream.next()
            if key == "messages":
                if single is not None:
                    raise stream.error("the JSON names its messages twice")
                if first[0] != "start_array":
                    raise stream.error("its messages are not Telegram messages")
                single = walk.new_chat()
                walk.messages(single, 2, check=True)
            elif key in ("chats", "left_chats"):
                if key in sections:
                    raise stream.error(f"the JSON names its {key} twice")
                if first[0] == "start_map":
                    sections[key] = walk.chat_list(left=key == "left_chats")
                else:
                    stream.skip(first, 1)
                    sections[key] = ([], False)
            elif key == "personal_information":
                account = account_extra(stream.value(first, 1), log)
            elif key in _CHAT_FIELDS:
                fields[key] = stream.value(first, 1)
            else:
                stream.skip(first, 1)
        stream.end()
    if single is not None:
        return [chat_export(single, fields, [], left=False)], True
    if not sections.get("chats", ([], False))[1]:
        raise stream.error("the JSON holds no Telegram chats")
    in_order = next(iter(sections)) == "chats"
    chats = [*sections["chats"][0], *sections.get("left_chats", ([], False))[0]]
    if chats:
        return [chat_export(read.chat, read.fields, account, left=read.left) for read in chats], in_order
    empty = Chat(tree=tree, base=walk.base, log=log)
    empty.log.extend(tree.warnings)
    empty.log.add("no_chats", message="The export holds no chats (only account data).")
    return [finish(empty, title=None, tz=None, extra=[("export_format", "json"), *account])], True


def walk_messages(tree: ExportTree, member: str, display: str) -> Iterator[tuple[int, Message]]:
    """The second, streamed pass: every message of the file with the number of its chat (in the
    order `read_json_facts` lists the chats, when it says the file keeps that order), made one
    at a time and handed on. What the messages gather was learnt by the first pass."""
    with JsonStream(tree.opener(member), path=display, format_name=FORMAT) as stream:
        walk = _Walk(stream, tree, folder_of(member), WarningLog())
        if stream.next()[0] != "start_map":
            raise stream.error("the JSON is not a Telegram export")
        index = 0
        for key in stream.members():
            first = stream.next()
            if key == "messages" and first[0] == "start_array":
                chat = walk.new_chat()
                for message in iter_messages(chat, walk.records(2)):
                    yield 0, message
            elif key in ("chats", "left_chats") and first[0] == "start_map":
                for inner in stream.members():
                    found = stream.next()
                    if inner != "list" or found[0] != "start_array":
                        stream.skip(found, 2)
                        continue
                    for item in stream.items():
                        if item[0] == "start_map":
                            yield from walk.chat_messages(index, depth=3)
                            index += 1
                        else:
                            stream.skip(item, 3)
            else:
                stream.skip(first, 1)
        stream.end()
