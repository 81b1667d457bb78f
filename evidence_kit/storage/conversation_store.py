"""A conversation as stored: its messages in parts of a few MiB, then one header of its facts.

Rules this module keeps:
- Writing never holds a whole conversation: `conversation_records` reads the messages as a
  stream and hands on each part (`conversation_part`, about `PART_BYTES` of JSON) as soon as it
  is full, then the header (`conversation`, version 2): platform, title, participants, warnings,
  facts, missing attachments, the number of messages and of parts. The header comes last
  because some parsers learn participants and warnings only by reading every message. Each
  record is an ordinary piece of derived data, so each one's SHA-256 and size enter the item's
  seal (`derived_seal.py`), and an edit in any part breaks it.
- Reading goes through `read_conversation` (one item, domain objects) or
  `read_conversation_documents` (many items, plain JSON for the evidence list); both read the
  older single-record form (version 1, the messages inside the `conversation` record) the same.
  A version 2 header belongs with the `parts` part records stored before it, numbered 0, 1, ...;
  anything else is damage (ValueError), never a silently shorter conversation.
The format is described in docs/verification.md ("Parsed conversations").
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from evidence_kit.domain import Conversation, ConversationStream, ParseWarning, StreamEnd
from evidence_kit.storage.conversation_json import conversation_from_document, message_json
from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION, DERIVED_CONVERSATION_PART
from evidence_kit.storage.item_reads import IDS_PER_QUERY
from evidence_kit.storage.item_writes import NewDerived
from evidence_kit.storage.models import Derived

FORMAT = "evidence-kit-conversation"
PART_FORMAT = "evidence-kit-conversation-part"
VERSION = 2
PART_BYTES = 4 * 1024 * 1024  # a part is handed on once its messages' JSON reaches this size


@dataclass
class Written:
    """Filled in while a conversation is written: what the import report and the result need."""

    messages: int = 0
    parts: int = 0
    end: StreamEnd = field(default_factory=StreamEnd)


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _part_start(index: int) -> bytes:
    head = _dumps({"format": PART_FORMAT, "version": VERSION, "part": index})
    return head[:-1] + b',"messages":['


def _warning_json(warning: ParseWarning) -> dict[str, Any]:
    return {
        "code": warning.code,
        "message": warning.message,
        "params": dict(warning.params),
        "line": warning.line,
    }


def conversation_records(
    stream: ConversationStream,
    *,
    links: dict[str, int],
    missing: Sequence[str],
    record: Callable[[str, bytes], NewDerived],
    written: Written,
) -> Iterator[NewDerived]:
    """The derived records of a conversation, made as its messages are read: parts, then the header.

    `record(kind, data)` makes one record (the caller names the producer); `written` is filled in
    on the way. Pass the result to `item_writes.store_derived` (or anything that writes records
    one at a time) and only one part is ever in memory.
    """
    # Each message is encoded once, as it arrives, straight into the part being built: the part
    # is the only copy (BytesIO hands its buffer over without copying it again).
    part = io.BytesIO()
    part_bytes = PART_BYTES  # read at each call, so a test can make parts small
    for message in stream.messages:
        if not part.tell():
            part.write(_part_start(written.parts))
        else:
            part.write(b",")
        part.write(_dumps(message_json(message, links)))
        written.messages += 1
        if part.tell() >= part_bytes:
            part.write(b"]}")
            yield record(DERIVED_CONVERSATION_PART, part.getvalue())
            written.parts += 1
            part = io.BytesIO()
    if part.tell():
        part.write(b"]}")
        yield record(DERIVED_CONVERSATION_PART, part.getvalue())
        written.parts += 1
    del part
    written.end = stream.end()
    participants = stream.participants if written.end.participants is None else written.end.participants
    header = {
        "format": FORMAT,
        "version": VERSION,
        "platform": stream.platform,
        "title": stream.title,
        "timezone_assumption": stream.timezone_assumption,
        "participants": [{"name": p.name, "identifier": p.identifier} for p in participants],
        "warnings": [_warning_json(w) for w in (*stream.warnings, *written.end.warnings)],
        "extra": [[k, v] for k, v in stream.extra],
        "missing_attachments": list(missing),
        "message_count": written.messages,
        "parts": written.parts,
    }
    yield record(DERIVED_CONVERSATION, _dumps(header))


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


class StoredConversation(NamedTuple):
    """A stored conversation: its messages, the attachment links (name -> item id), the missing names."""

    conversation: Conversation
    links: dict[str, int]
    missing: tuple[str, ...]


def _headers(conn: Connection, item_ids: Sequence[int]) -> dict[int, tuple[int, bytes]]:
    """Item id -> (row id, data) of its newest `conversation` record."""
    found: dict[int, tuple[int, bytes]] = {}
    wanted = list(dict.fromkeys(item_ids))
    for start in range(0, len(wanted), IDS_PER_QUERY):
        rows = conn.execute(
            select(Derived.item_id, Derived.id, Derived.data)
            .where(
                Derived.kind == DERIVED_CONVERSATION,
                Derived.item_id.in_(wanted[start : start + IDS_PER_QUERY]),
            )
            .order_by(Derived.id)
        )
        for item_id, row_id, data in rows:
            found[item_id] = (row_id, data)  # ordered by id: the newest wins
    return found


def _document(conn: Connection, item_id: int, header_id: int, data: bytes) -> dict[str, Any]:
    """The whole conversation as one document with `messages`, from either stored form."""
    document = json.loads(data.decode("utf-8"))
    if not isinstance(document, dict):
        raise ValueError("the stored conversation is not a JSON object")
    if document.get("version", 1) < VERSION:
        return document  # version 1: the messages are in the record itself
    count = document["parts"]
    if not isinstance(count, int) or count < 0:
        raise ValueError("the stored conversation names no valid number of parts")
    rows = conn.execute(
        select(Derived.data)
        .where(Derived.item_id == item_id, Derived.kind == DERIVED_CONVERSATION_PART, Derived.id < header_id)
        .order_by(Derived.id.desc())
        .limit(count)
    ).all()
    messages: list[Any] = []
    for index, (part_data,) in enumerate(reversed(rows)):
        part = json.loads(part_data.decode("utf-8"))
        if part.get("format") != PART_FORMAT or part.get("part") != index:
            raise ValueError(f"part {index} of the stored conversation is not where it belongs")
        messages.extend(part["messages"])
    if len(rows) != count or len(messages) != document["message_count"]:
        raise ValueError("the stored conversation has fewer parts or messages than its header names")
    document["messages"] = messages
    return document


def read_conversation(conn: Connection, item_id: int) -> StoredConversation | None:
    """The item's parsed conversation (None: it has none). ValueError/KeyError/TypeError: damaged."""
    header = _headers(conn, [item_id]).get(item_id)
    if header is None:
        return None
    return StoredConversation(*conversation_from_document(_document(conn, item_id, *header)))


def read_conversation_documents(conn: Connection, item_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Item id -> its conversation as one JSON document (messages included), for many items.

    An item whose stored conversation cannot be read is left out, as one without a conversation:
    derived data is a convenience; the original is what counts (and `verify` names the damage).
    """
    found: dict[int, dict[str, Any]] = {}
    for item_id, (header_id, data) in _headers(conn, item_ids).items():
        try:
            found[item_id] = _document(conn, item_id, header_id, data)
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            continue
    return found
