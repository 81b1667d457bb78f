"""One sealed original, several conversations: each chat of a whole-account export is a child item.

A Telegram Desktop whole-account export (`result.json` with `chats.list`, or the HTML export's
`chats/chat_NNN/` folders in a zip) and a Meta download of many threads are ONE file the user
handed over, stored byte-exact and first like every original. What is read from it is several
conversations that must never be merged (they mix people and contexts). The choice, and why:

- Each chat becomes a **chat item**: a child of the export's item (`parent_id`), as an extracted
  attachment is, with its own conversation as its own sealed derived data. So everything that
  already works per item works per chat without a second code path: the evidence list shows
  each chat, the user picks the chats a dossier or package holds by picking items, each has its
  notes and category, `verify` checks each one's seal (a changed message names the chat), and
  the dossier prints each as the conversation it is. Several conversations under one item would
  have made every reader of "the item's conversation" (list, page, dossier, package, verify)
  learn a second shape.
- A chat item holds **no copy** of the export, not even of its chat's part (that would be a
  second, re-encoded original). Its stored bytes are a small reference (`reference_bytes`,
  canonical JSON, media type `CHAT_REFERENCE_TYPE`): the export's item id, name and SHA-256, and
  which chat of it this is (position and the export's own key: chat id, folder, thread path).
  Its SHA-256 therefore binds the chat to the one original it was read from; extracting it
  gives that reference, and its original_path is the export's with `#chat-N`.
- All of it is written in the export's ONE `item_parsed` transaction: the attachments of every
  chat first (their links are needed by every chat), then each chat item with its conversation
  stored in parts as its messages are read (`later_children` of `record_parsed`), then the
  export's own import report, which lists the chats with their item ids (the list the user
  chooses from). The custody event names every child; each chat item has its `item_added`
  event whose seal covers its conversation.
- `verify --reparse` and `evidence-kit reparse` read the export's sealed original again and
  compare or rewrite each chat item's conversation (`reparse.py`); a chat item alone is not
  read again (its bytes are the reference, not an export).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from evidence_kit.domain import (
    CHAT_REFERENCE_TYPE,
    AddResult,
    ChatEntry,
    ConversationStream,
    ItemKind,
    ItemSummary,
    ManyChats,
    ParseWarning,
)
from evidence_kit.errors import CancelledError
from evidence_kit.hashing import canonical_json
from evidence_kit.importers import registry
from evidence_kit.importers.attachment_links import links_by_name
from evidence_kit.importers.reading import (
    IMPORTER_VERSION,
    OriginalReader,
    Step,
    _Failed,
    _read_guarded,
    content_time,
    derived_record,
    report,
)
from evidence_kit.storage.conversation_store import Written, conversation_records
from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION
from evidence_kit.storage.item_parsing import ParsedFacts
from evidence_kit.vault import NewChild, NewDerived, NewItem, Vault, display_path

REFERENCE_FORMAT = "evidence-kit-chat-reference"
_CHAT_PATH = re.compile(r"#chat-(\d+)\Z")
_CHAT_KEY = "chat:"  # the name a chat child is stored under (attachments are keyed "0", "1", ...)


def reference_bytes(export: ItemSummary, entry: ChatEntry, count: int) -> bytes:
    """What a chat item stores: which chat of which sealed original it is (never its content)."""
    return canonical_json(
        {
            "format": REFERENCE_FORMAT,
            "version": 1,
            "export_item": export.id,
            "export_name": export.original_name,
            "export_sha256": export.sha256,
            "chat": entry.index + 1,
            "chats": count,
            "key": entry.key,
            "title": entry.title,
        }
    )


def chat_path(export_path: str, index: int) -> str:
    return f"{export_path}#chat-{index + 1}"


def is_chat_item(item: ItemSummary) -> bool:
    """True for a chat read from an export of several (its bytes are a reference, not an export)."""
    return item.parent_id is not None and item.media_type == CHAT_REFERENCE_TYPE


def chat_items(export: ItemSummary, every_item: Iterable[ItemSummary]) -> list[ItemSummary]:
    """The chat items read from `export`, in the export's order."""
    found: list[tuple[int, ItemSummary]] = []
    for item in every_item:
        if item.parent_id == export.id and is_chat_item(item):
            match = _CHAT_PATH.search(item.original_path)
            if match is not None:
                found.append((int(match.group(1)), item))
    return [item for _index, item in sorted(found, key=lambda pair: pair[0])]


def chat_name(entry: ChatEntry, export_name: str) -> str:
    title = entry.title or "untitled chat"
    return f"{title} (chat {entry.index + 1} of {export_name})"


def chat_records(
    stream: ConversationStream,
    *,
    entry: ChatEntry,
    links: dict[str, int],
    format_name: str,
    written: Written,
) -> Iterator[NewDerived]:
    """One chat's derived data: its conversation in parts, then its own import report."""
    yield from conversation_records(
        stream, links=links, missing=entry.missing, record=derived_record, written=written
    )
    yield report(
        format_name,
        (*stream.warnings, *written.end.warnings),
        messages=written.messages,
        chat=entry.index + 1,
        key=entry.key,
    )


@dataclass
class ChatDone:
    entry: ChatEntry
    written: Written


def chat_children(
    export: ItemSummary,
    many: ManyChats,
    *,
    format_name: str,
    note: str,
    links: dict[str, int],
    guard: Callable[[ConversationStream], ConversationStream],
    done: list[ChatDone],
) -> Iterator[NewChild]:
    """A `NewChild` per chat, made as the one before it has been stored (see the module doc)."""
    count = len(many.chats)
    for entry, stream in zip(many.chats, many.conversations(), strict=True):
        times, messages = content_time(stream)
        stream = guard(replace(stream, messages=messages))
        written = Written()
        data = reference_bytes(export, entry, count)
        meta = NewItem(
            original_name=chat_name(entry, export.original_name),
            original_path=chat_path(export.original_path, entry.index),
            kind=registry.kind_for_platform(stream.platform),
            media_type=CHAT_REFERENCE_TYPE,
            importer=format_name,
            importer_version=IMPORTER_VERSION,
            note=note,
            times=tuple(times),
        )
        records = chat_records(stream, entry=entry, links=links, format_name=format_name, written=written)
        yield NewChild(name=f"{_CHAT_KEY}{entry.index}", open=_opener(data), meta=meta, derived=records)
        done.append(ChatDone(entry, written))


def _opener(data: bytes) -> Callable[[], BinaryIO]:
    return lambda: io.BytesIO(data)


def chats_listing(done: Sequence[ChatDone], stored: dict[str, int]) -> list[dict[str, object]]:
    """The chats as the export's import report lists them: the list the user chooses from."""
    return [
        {
            "chat": chat.entry.index + 1,
            "title": chat.entry.title,
            "key": chat.entry.key,
            "messages": chat.written.messages,
            "item": stored.get(f"{_CHAT_KEY}{chat.entry.index}"),
        }
        for chat in done
    ]


class ChatReader(OriginalReader):
    """`OriginalReader` that stores an export of several chats as one chat item per chat."""

    def record_many(
        self,
        item: ItemSummary,
        path: Path,
        recognition: registry.Recognition,
        parsed: ManyChats,
        warnings: list[ParseWarning],
        consumed: set[Path],
        before: tuple[int, int, int] | None,
    ) -> AddResult:
        names = [embedded.name for embedded in parsed.files]
        try:
            children = [self._child(path, file, str(index)) for index, file in enumerate(parsed.files)]
        except CancelledError:
            raise
        except Exception as exc:
            raise _Failed(Step.ATTACHMENTS, exc) from exc
        warnings.append(
            ParseWarning(
                "several_chats",
                "{name} holds {count} chats; each is stored as a conversation of its own, read from the one "
                "stored original.",
                (("name", display_path(path.name)), ("count", str(len(parsed.chats)))),
            )
        )
        done: list[ChatDone] = []

        def guard(stream: ConversationStream) -> ConversationStream:
            return replace(stream, messages=_read_guarded(stream.messages, path, recognition.format, before))

        def later(stored: dict[str, int]) -> Iterator[NewChild]:
            links = links_by_name(names, stored, warnings)
            return chat_children(
                item,
                parsed,
                format_name=recognition.format,
                note=self.note,
                links=links,
                guard=guard,
                done=done,
            )

        def derived(stored: dict[str, int]) -> Iterator[NewDerived]:
            attachments = sum(1 for index in range(len(names)) if str(index) in stored)
            missing = sorted({name for chat in parsed.chats for name in chat.missing})
            yield report(
                recognition.format,
                warnings,
                messages=sum(chat.written.messages for chat in done),
                attachments=attachments,
                missing_attachments=missing,
                chats=chats_listing(done, stored),
            )

        facts = ParsedFacts(ItemKind.CHAT, recognition.media_type, recognition.format, IMPORTER_VERSION)
        stored_children, failures = self._record(item, facts, derived, children, later)
        for embedded in parsed.files:
            consumed.add(_resolved(path.parent / embedded.name))
        for key, error in failures:
            shown = names[int(key)] if key.isdigit() else key
            warnings.append(
                ParseWarning(
                    "attachment_unreadable",
                    "The attached file {name} could not be stored: {reason}",
                    (("name", shown), ("reason", str(error))),
                )
            )
        return AddResult(
            path=display_path(path),
            items=(self.vault.item(item.id), *stored_children),
            warnings=tuple(warnings),
            recognised_as=recognition.format,
            message_count=sum(chat.written.messages for chat in done),
        )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


@dataclass(frozen=True)
class ChatListing:
    """One chat of an export as the user chooses from it: its number, item, title, size."""

    number: int
    item: ItemSummary
    title: str | None
    messages: int | None  # None: its stored conversation cannot be read (verify names why)


def export_chats(vault: Vault, item_id: int) -> tuple[ItemSummary, list[ChatListing]]:
    """The export `item_id` belongs to (itself, or a chat item's export) and its chats in order.

    Read from each chat item's conversation header only, never its messages."""
    item = vault.item(item_id)
    if is_chat_item(item) and item.parent_id is not None:
        item = vault.item(item.parent_id)
    chats = chat_items(item, vault.items())
    headers = vault.derived_of_items([chat.id for chat in chats], DERIVED_CONVERSATION)
    listed: list[ChatListing] = []
    for number, chat in enumerate(chats, start=1):
        title: str | None = None
        messages: int | None = None
        try:
            header = json.loads(headers[chat.id])
            title = header.get("title") if isinstance(header.get("title"), str) else None
            count = header.get("message_count")
            messages = count if isinstance(count, int) else None
        except (KeyError, ValueError, AttributeError):
            pass
        listed.append(ChatListing(number, chat, title, messages))
    return item, listed
