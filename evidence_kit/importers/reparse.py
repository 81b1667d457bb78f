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
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from evidence_kit.domain import ItemKind, ItemSummary
from evidence_kit.errors import (
    CancelledError,
    EvidenceKitError,
    OriginalChangedError,
    ReparseUnavailableError,
)
from evidence_kit.importers import registry
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
    if item.importer == registry.IMAGE or registry.importer_for(item.importer) is not None:
        return item.importer
    return None


@dataclass(frozen=True)
class Reading:
    """What reading a sealed original now yields: its facts, and its derived data made lazily
    (a conversation is read while it is written or compared, never held whole)."""

    facts: ParsedFacts
    records: Callable[[], Iterator[NewDerived]]
    replaces: tuple[str, ...]  # the kinds of derived data a new reading replaces
    compared: tuple[str, ...]  # the kinds `check_reparse` compares


@contextlib.contextmanager
def read_sealed(
    vault: Vault, item: ItemSummary, every_item: list[ItemSummary] | None = None
) -> Iterator[Reading | None]:
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
        parsed = parse(registry.Recognition(path, format_name, None, forced=True), path)
        stream = as_stream(parsed)
        times, messages = content_time(stream)
        stream = replace(stream, messages=messages)
        links = _stored_links(item, vault.items() if every_item is None else every_item)

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
    with read_sealed(vault, item) as reading:
        if reading is None:
            return None
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
        if fresh == stored:
            verdict = ReparseVerdict.SAME
        elif now_parser == stored_parser:
            verdict = ReparseVerdict.MISMATCH
        else:
            verdict = ReparseVerdict.NEWER_PARSER
        findings.append(ReparseFinding(item.id, item.original_name, verdict, stored_parser, now_parser))
    return findings
