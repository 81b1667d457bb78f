"""Recording what was read from a stored original: the first parse, and a re-parse later.

Rules this module keeps:
- It only ever writes for an original that is already stored and committed (see
  `importers/batch.py`: the original goes in first, in its own transaction). So nothing this
  module does, or fails to do, can cost an original.
- What a parse yields — the item's kind, media type, importer and version, the times the
  content claims, its derived data, and for an export the files it carries as items of their
  own — is written in ONE transaction with one custody event: `item_parsed` the first time,
  `item_reparsed` after that. The event carries the seal before and after (see
  `derived_seal.py`) and the parser with its version, so the log shows why the text a dossier
  prints changed, and `verify` compares each item with the LAST seal its events recorded.
- A re-parse replaces the derived data it makes again and the times the content claims (the
  import report stays: it records what happened at import). The times the program observed
  (the import clock, the file's modification time, TSA times) and the original's bytes are
  never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, select, update

from evidence_kit.domain import ItemKind, ItemSummary, TimeSource, Timestamp
from evidence_kit.errors import CancelledError, EvidenceKitError, FileUnreadableError, ItemNotFoundError
from evidence_kit.progress import CancelToken
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.derived_seal import seal_of, stored_document
from evidence_kit.storage.models import Derived, Item, ItemTime

if TYPE_CHECKING:
    from evidence_kit.storage.item_writes import ItemWriter, NewChild, NewDerived


@dataclass(frozen=True)
class ParsedFacts:
    """What reading an original found out about it, besides its derived data."""

    kind: ItemKind
    media_type: str | None
    importer: str
    importer_version: str
    times: tuple[Timestamp, ...] = ()  # times the content claims (source CONTENT)


@dataclass(frozen=True)
class ParseRecord:
    """What `record_parsed` wrote: the stored children and those that could not be stored."""

    children: list[ItemSummary]
    failures: list[tuple[str, EvidenceKitError]]
    seal_before: str
    seal: str


def _current(conn: Connection, item_id: int) -> Any:
    row = conn.execute(select(Item).where(Item.id == item_id)).one_or_none()
    if row is None or not row.sha256:
        raise ItemNotFoundError(item_id=item_id)
    return row


def record_parsed(
    writer: ItemWriter,
    item_id: int,
    facts: ParsedFacts,
    *,
    children: Sequence[NewChild] = (),
    derived: Callable[[dict[str, int]], Iterable[NewDerived]] = lambda _links: (),
    later_children: Callable[[dict[str, int]], Iterable[NewChild]] = lambda _links: (),
    reparse_reason: str | None = None,
    replaces: Sequence[str] = (),
    cancel: CancelToken | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> ParseRecord:
    """Write what a parse of stored item `item_id` yielded, with its custody event, atomically.

    `children` are stored as items of their own linked to the item (each alone rolled back
    when it cannot be read, and returned as a failure); `derived` is called with the names
    of the stored children and their ids; it may make its records lazily (a conversation read
    while it is stored, part by part), and each is written and let go before the next.
    `later_children` is called with the same names and ids after `children` are stored, before
    `derived`: children whose own derived data links to those (each chat of a whole-account
    export, see `importers/chat_children.py`); they are made and stored one at a time. With
    `reparse_reason` the item's derived data of the kinds in `replaces` and its content times
    are replaced, and the event is `item_reparsed`.
    """
    db = writer.database
    with db.write() as conn:
        item = _current(conn, item_id)
        before_document = stored_document(conn, item_id)
        assert before_document is not None
        seal_before = seal_of(before_document)
        old_parser = f"{item.importer}/{item.importer_version}"
        if reparse_reason is not None:
            claimed = ItemTime.source == str(TimeSource.CONTENT)
            conn.execute(delete(ItemTime).where(ItemTime.item_id == item_id, claimed))
        conn.execute(
            update(Item)
            .where(Item.id == item_id)
            .values(
                kind=str(facts.kind),
                media_type=facts.media_type,
                importer=facts.importer,
                importer_version=facts.importer_version,
            )
        )
        writer.insert_times(conn, item_id, facts.times)
        stored_children, failures, links = _store_children(writer, conn, item_id, children, cancel, on_bytes)
        later, later_failures, later_links = _store_children(
            writer, conn, item_id, later_children(dict(links)), cancel, on_bytes
        )
        stored_children += later
        failures += later_failures
        links.update(later_links)
        if reparse_reason is not None and replaces:
            # A re-reading replaces what it makes again (the messages, the picture's facts); the
            # import report stays: it is the record of what happened when the file came in.
            conn.execute(delete(Derived).where(Derived.item_id == item_id, Derived.kind.in_(tuple(replaces))))
        digests = writer.insert_derived(conn, item_id, derived(links), cancel)
        # The seal of what the database now holds, built exactly as `verify` will build it.
        after_document = stored_document(conn, item_id)
        assert after_document is not None
        seal = seal_of(after_document)
        data: dict[str, object] = {
            "item": item_id,
            "parser": f"{facts.importer}/{facts.importer_version}",
            "kind": str(facts.kind),
            "derived": sorted({d.kind for d in digests}),
            "children": [child.id for child in stored_children],
            "seal_before": seal_before,
            "seal": seal,
        }
        event_type = EventType.ITEM_PARSED
        if reparse_reason is not None:
            event_type = EventType.ITEM_REPARSED
            data["parser_before"] = old_parser
            data["reason"] = reparse_reason
        db.append_event(conn, event_type, data, item_id=item_id)
    return ParseRecord(stored_children, failures, seal_before, seal)


def _store_children(
    writer: ItemWriter,
    conn: Connection,
    parent_id: int,
    children: Iterable[NewChild],
    cancel: CancelToken | None,
    on_bytes: Callable[[int], None] | None,
) -> tuple[list[ItemSummary], list[tuple[str, EvidenceKitError]], dict[str, int]]:
    stored_children: list[ItemSummary] = []
    failures: list[tuple[str, EvidenceKitError]] = []
    links: dict[str, int] = {}
    for child in children:
        child_meta = replace(child.meta, parent_id=parent_id)
        try:
            with conn.begin_nested(), child.open() as child_stream:
                stored = writer.store_in(conn, child_stream, child_meta, child.derived, cancel, on_bytes)
            links[child.name] = stored.id
            stored_children.append(stored)
        except CancelledError:
            raise
        except EvidenceKitError as exc:
            failures.append((child.name, exc))
        except OSError as exc:
            problem = FileUnreadableError(path=child.name, detail=exc.strerror or str(exc))
            failures.append((child.name, problem))
    return stored_children, failures, links
