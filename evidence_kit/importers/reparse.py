"""Reading a sealed original again: re-parsing an item, and checking stored content against it.

Rules this module keeps:
- The parser reads the original AS SEALED in the vault (its chunks, checked against the item's
  SHA-256 while they are copied out), never the file on disk it came from.
- The copy the parser reads exists only in memory: a private 0700 folder on the RAM-backed
  file system (`/dev/shm`), the file 0600, removed the moment the parser is done. Plaintext
  evidence never reaches a disk. Where a system has no such file system, re-reading refuses
  with a clear message instead of writing the original to disk.
- A re-parse is written like the first parse, in one transaction with an `item_reparsed`
  custody event naming the parser before and after and the seal before and after, so the log
  shows why the text a dossier prints changed. Attachments stored at import stay the items
  they are; the messages are linked to them again by name.
- `check_reparse` writes nothing: it parses again and compares with what is stored. A
  difference with the same parser version is an integrity failure (the stored text was not
  what this parser makes of this original); with another version, a warning.
- An export of several chats (`chat_children.py`) is read again as a whole, from its one sealed
  original; each chat's conversation is compared with, or written to, its own chat item, and
  each finding names that chat. A chat item is read again through its export.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from evidence_kit.domain import ChatEntry, ConversationStream, ItemKind, ItemSummary, ManyChats
from evidence_kit.errors import (
    CancelledError,
    EvidenceKitError,
    OriginalChangedError,
    ReparseUnavailableError,
)
from evidence_kit.importers import meta, registry
from evidence_kit.importers.chat_children import chat_items, chat_records, is_chat_item
from evidence_kit.importers.reading import (
    PARSER_VERSION,
    as_stream,
    content_time,
    derived_record,
    image_derived,
    parse,
)
from evidence_kit.progress import CancelToken
from evidence_kit.storage.conversation_store import Written, conversation_records
from evidence_kit.storage.derived_kinds import (
    DERIVED_CONVERSATION,
    DERIVED_CONVERSATION_PART,
    DERIVED_IMAGE_INFO,
    DERIVED_THUMBNAIL,
)
from evidence_kit.storage.item_parsing import ParsedFacts
from evidence_kit.vault import NewDerived, Vault

# Where a copy may live that never touches a disk. Only this; see the module rule.
MEMORY_FOLDERS = (Path("/dev/shm"),)  # noqa: S108 - a private 0700 folder is made inside


def _memory_folder() -> Path:
    for folder in MEMORY_FOLDERS:
        if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
            return folder
    raise ReparseUnavailableError()


def _safe_name(name: str) -> str:
    cleaned = name.replace("/", "_").replace("\\", "_").replace("\x00", "_").strip()
    return cleaned if cleaned not in ("", ".", "..") else "original"


@contextlib.contextmanager
def sealed_original(vault: Vault, item: ItemSummary) -> Iterator[Path]:
    """The item's original as a file in memory only, under its own name; removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="evidence-kit-", dir=_memory_folder()))
    try:
        os.chmod(folder, 0o700)
        path = folder / _safe_name(item.original_name)
        digest = hashlib.sha256()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in vault.iter_original(item.id):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != item.sha256:
            raise OriginalChangedError(item_id=item.id)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stored_links(item: ItemSummary, every_item: list[ItemSummary]) -> dict[str, int]:
    """The attachments stored with an export at import, by the name its messages use."""
    prefix = f"{item.original_path}!"
    links: dict[str, int] = {}
    for child in every_item:
        if child.parent_id == item.id and child.original_path.startswith(prefix):
            links.setdefault(child.original_path[len(prefix) :], child.id)
    return links


def _format_of(item: ItemSummary) -> str | None:
    """The importer to read an item with again: the one that read it, when it is a reader."""
    if is_chat_item(item):
        return None  # its bytes are a reference to its export, which is read instead
    if item.importer == registry.IMAGE or registry.importer_for(item.importer) is not None:
        return item.importer
    return None


def _stored_platform(vault: Vault, item: ItemSummary, every_item: list[ItemSummary]) -> str | None:
    """The platform the stored conversation names (of the first chat, for an export of several)."""
    chats = chat_items(item, every_item)
    data = vault.derived((chats[0] if chats else item).id, DERIVED_CONVERSATION)
    try:
        platform = json.loads(data).get("platform") if data is not None else None
    except (ValueError, AttributeError):
        return None
    return platform if isinstance(platform, str) else None


def _recognition(
    vault: Vault, item: ItemSummary, every_item: list[ItemSummary], path: Path, format_name: str
) -> registry.Recognition:
    """How to read the sealed original again: as its importer did. Instagram and Facebook share
    one reader, and the importer recorded is what the file's start suggested, so the platform
    the stored conversation names is given instead (what the user forced, or what the export
    showed); "meta" (not known) leaves the reader to decide again, as at import."""
    if format_name in meta.FORMATS:
        platform = _stored_platform(vault, item, every_item)
        if platform in meta.FORMATS:
            return registry.Recognition(path, platform, None, forced=True)
        return registry.Recognition(path, format_name, None)
    return registry.Recognition(path, format_name, None, forced=True)


@dataclass(frozen=True)
class Reading:
    """What reading a sealed original now yields: its facts, and its derived data made lazily
    (a conversation is read while it is written or compared, never held whole)."""

    facts: ParsedFacts
    records: Callable[[], Iterator[NewDerived]]
    replaces: tuple[str, ...]  # the kinds of derived data a new reading replaces
    compared: tuple[str, ...]  # the kinds `check_reparse` compares


@dataclass(frozen=True)
class ManyReading:
    """What reading a sealed export of several chats yields: one `Reading` per chat, paired with
    the chat item stored for it (None: no item was stored for it), made one at a time; each
    one's records must be used up before the next is taken (the export may be walked once).
    `extra_items` are stored chat items the new reading no longer has."""

    chats: Callable[[], Iterator[tuple[ItemSummary | None, Reading]]]
    extra_items: tuple[ItemSummary, ...]


@contextlib.contextmanager
def read_sealed(
    vault: Vault, item: ItemSummary, every_item: list[ItemSummary] | None = None
) -> Iterator[Reading | ManyReading | None]:
    """Parse the sealed original of `item` again (None: nothing to read for this item).

    The memory-only copy lives while the caller uses the reading (its messages are read from it
    as they are used). `every_item` is the vault's item list when the caller has it.
    """
    format_name = _format_of(item)
    if format_name is None:
        yield None
        return
    with sealed_original(vault, item) as path:
        if format_name == registry.IMAGE:
            kind, media_type, derived, times, _warnings = image_derived(lambda: path.open("rb"), path.name)
            shown_type = media_type or item.media_type
            facts = ParsedFacts(kind, shown_type, registry.IMAGE, PARSER_VERSION, tuple(times))
            yield Reading(facts, lambda: iter(derived), IMAGE_KINDS, (DERIVED_IMAGE_INFO,))
            return
        every = vault.items() if every_item is None else every_item
        parsed = parse(_recognition(vault, item, every, path, format_name), path)
        if isinstance(parsed, ManyChats):
            yield _many_reading(item, parsed, format_name, every)
            return
        stream = as_stream(parsed)
        times, messages = content_time(stream)
        stream = replace(stream, messages=messages)
        links = _stored_links(item, every)

        def records() -> Iterator[NewDerived]:
            return conversation_records(
                stream, links=links, missing=parsed.missing, record=derived_record, written=Written()
            )

        facts = ParsedFacts(
            registry.kind_for_platform(stream.platform),
            item.media_type,
            format_name,
            PARSER_VERSION,
            tuple(times),
        )
        yield Reading(facts, records, CONVERSATION_KINDS, CONVERSATION_KINDS)


IMAGE_KINDS = (DERIVED_IMAGE_INFO, DERIVED_THUMBNAIL)
CONVERSATION_KINDS = (DERIVED_CONVERSATION_PART, DERIVED_CONVERSATION)


def _many_reading(
    export: ItemSummary, parsed: ManyChats, format_name: str, every_item: list[ItemSummary]
) -> ManyReading:
    """Each chat of an export read again, paired with its stored chat item by position."""
    links = _stored_links(export, every_item)
    stored = chat_items(export, every_item)

    def chats() -> Iterator[tuple[ItemSummary | None, Reading]]:
        for entry, stream in zip(parsed.chats, parsed.conversations(), strict=True):
            times, messages = content_time(stream)
            chat = replace(stream, messages=messages)

            def records(chat: ConversationStream = chat, entry: ChatEntry = entry) -> Iterator[NewDerived]:
                made = chat_records(
                    chat, entry=entry, links=links, format_name=format_name, written=Written()
                )
                return (record for record in made if record.kind in CONVERSATION_KINDS)

            kind = registry.kind_for_platform(chat.platform)
            child = stored[entry.index] if entry.index < len(stored) else None
            media_type = child.media_type if child is not None else None
            facts = ParsedFacts(kind, media_type, format_name, PARSER_VERSION, tuple(times))
            yield child, Reading(facts, records, CONVERSATION_KINDS, CONVERSATION_KINDS)

    return ManyReading(chats, tuple(stored[len(parsed.chats) :]))


def _digests(records: Iterator[NewDerived], kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(r.kind, hashlib.sha256(r.data).hexdigest()) for r in records if r.kind in kinds]


@dataclass(frozen=True)
class ReparseOutcome:
    item_id: int
    parser_before: str
    parser: str
    seal_before: str
    seal: str
    changed: bool  # what the dossier shows (the messages, the picture's facts) is different now


def reparse_item(vault: Vault, item_id: int, reason: str) -> ReparseOutcome | None:
    """Read item `item_id` again from its sealed original and store the result, logged.

    None when the item is not something the program reads (a plain file, an attachment).
    """
    item = vault.item(item_id)
    if is_chat_item(item) and item.parent_id is not None:
        item = vault.item(item.parent_id)  # a chat is read again through its export
        item_id = item.id
    with read_sealed(vault, item) as reading:
        if reading is None:
            return None
        if isinstance(reading, ManyReading):
            return _reparse_chats(vault, item, reading, reason)
        before = vault.derived_digests(item_id, reading.compared)
        record = vault.record_parsed(
            item_id,
            reading.facts,
            derived=lambda _links: reading.records(),
            reparse_reason=reason,
            replaces=reading.replaces,
        )
        after = vault.derived_digests(item_id, reading.compared)
    return ReparseOutcome(
        item_id,
        f"{item.importer}/{item.importer_version}",
        f"{reading.facts.importer}/{reading.facts.importer_version}",
        record.seal_before,
        record.seal,
        changed=before != after,
    )


def _records_of(reading: Reading) -> Callable[[dict[str, int]], Iterator[NewDerived]]:
    return lambda _links: reading.records()


def _reparse_chats(vault: Vault, export: ItemSummary, reading: ManyReading, reason: str) -> ReparseOutcome:
    """Each chat item's conversation written again, each in its own sealed `item_reparsed`."""
    changed = False
    seals: list[tuple[str, str]] = []
    parser = ""
    for child, chat in reading.chats():
        parser = f"{chat.facts.importer}/{chat.facts.importer_version}"
        if child is None:
            changed = True
            for _record in chat.records():
                pass  # read past it: the export now holds a chat that was not stored
            continue
        before = vault.derived_digests(child.id, chat.compared)
        record = vault.record_parsed(
            child.id,
            chat.facts,
            derived=_records_of(chat),
            reparse_reason=reason,
            replaces=chat.replaces,
        )
        seals.append((record.seal_before, record.seal))
        changed = changed or before != vault.derived_digests(child.id, chat.compared)
    seal_before = seals[0][0] if seals else ""
    seal = seals[-1][1] if seals else ""
    return ReparseOutcome(
        export.id,
        f"{export.importer}/{export.importer_version}",
        parser,
        seal_before,
        seal,
        changed=changed or bool(reading.extra_items),
    )


class ReparseVerdict(StrEnum):
    SAME = "same"
    NEWER_PARSER = "newer_parser"  # differs, and the stored data was made by another parser version
    MISMATCH = "mismatch"  # differs, with the same parser version: an integrity failure
    UNREADABLE = "unreadable"  # the parser fails on the sealed original now


@dataclass(frozen=True)
class ReparseFinding:
    item_id: int
    name: str
    verdict: ReparseVerdict
    parser_stored: str
    parser_now: str
    reason: str = ""


def check_reparse(vault: Vault, *, cancel: CancelToken | None = None) -> list[ReparseFinding]:
    """Parse every readable item's sealed original again and compare with what is stored."""
    findings: list[ReparseFinding] = []
    every_item = vault.items()
    for item in every_item:
        if cancel is not None:
            cancel.check()
        if item.parent_id is not None or item.kind == ItemKind.FILE or _format_of(item) is None:
            continue
        stored_parser = f"{item.importer}/{item.importer_version}"
        try:
            with read_sealed(vault, item, every_item) as reading:
                if reading is None:
                    continue
                if isinstance(reading, ManyReading):
                    findings += _check_chats(vault, item, reading)
                    continue
                now_parser = f"{reading.facts.importer}/{reading.facts.importer_version}"
                fresh = _digests(reading.records(), reading.compared)
        except (CancelledError, ReparseUnavailableError):
            raise
        except Exception as exc:  # a parser that fails now is a finding, never the end of the check
            reason = str(exc) if isinstance(exc, EvidenceKitError) else type(exc).__name__
            verdict = ReparseVerdict.UNREADABLE
            findings.append(ReparseFinding(item.id, item.original_name, verdict, stored_parser, "", reason))
            continue
        stored = vault.derived_digests(item.id, reading.compared)
        verdict = _verdict(fresh == stored, now_parser, stored_parser)
        findings.append(ReparseFinding(item.id, item.original_name, verdict, stored_parser, now_parser))
    return findings


def _verdict(same: bool, now_parser: str, stored_parser: str) -> ReparseVerdict:
    if same:
        return ReparseVerdict.SAME
    return ReparseVerdict.MISMATCH if now_parser == stored_parser else ReparseVerdict.NEWER_PARSER


def _check_chats(vault: Vault, export: ItemSummary, reading: ManyReading) -> list[ReparseFinding]:
    """One finding per chat of an export read again, each naming its chat item."""
    findings: list[ReparseFinding] = []
    stored_parser = f"{export.importer}/{export.importer_version}"
    for child, chat in reading.chats():
        now_parser = f"{chat.facts.importer}/{chat.facts.importer_version}"
        fresh = _digests(chat.records(), chat.compared)
        if child is None:
            reason = "the export holds a chat no item was stored for"
            verdict = ReparseVerdict.MISMATCH
            findings.append(
                ReparseFinding(export.id, export.original_name, verdict, stored_parser, now_parser, reason)
            )
            continue
        child_parser = f"{child.importer}/{child.importer_version}"
        verdict = _verdict(fresh == vault.derived_digests(child.id, chat.compared), now_parser, child_parser)
        findings.append(ReparseFinding(child.id, child.original_name, verdict, child_parser, now_parser))
    for extra in reading.extra_items:
        reason = "the export no longer holds this chat"
        parser = f"{extra.importer}/{extra.importer_version}"
        verdict = ReparseVerdict.MISMATCH
        findings.append(ReparseFinding(extra.id, extra.original_name, verdict, parser, "", reason))
    return findings
