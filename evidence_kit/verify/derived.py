"""What a dossier shows about each item, checked against what the signed custody log recorded.

Rules this module keeps:
- An item's facts and derived data (parsed messages, senders, times, attachment links, image
  facts; see `storage/derived_seal.py`) must still hash to the seal in its last sealing event:
  `item_added`, or the `item_parsed` / `item_reparsed` written when what was read from the
  original was stored.
  The seal is read from the chain-verified event bodies, never from the raw table, so a
  forged event row is caught by the chain check and cannot vouch for forged data.
- An item's note and category must be the last value the log recorded for them (the note
  given at import, or the `new` value of the last change); so must its "sensitive: withhold
  from dossiers" mark (`item_withheld` / `withhold_cleared`; never recorded means not marked),
  and its offence categories (`offences_changed`; never recorded means none).
- Items imported before seals existed have nothing to compare with; they are counted, not failed.
- Like every check in `verify/`, this reports and never raises for damage.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection

from evidence_kit.domain import Problem
from evidence_kit.errors import StoredValueError
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.derived_seal import seal_of, stored_document
from evidence_kit.storage.item_reads import offences_of


def _problem(code: str, item_id: int, template: str) -> Problem:
    params = (("item", str(item_id)),)
    return Problem(scope="item", code=code, template=template, params=params, item_id=item_id)


Recorded = tuple[
    dict[int, dict[str, Any]],
    dict[int, str],
    dict[int, str],
    dict[int, str | None],
    dict[int, tuple[str, ...]],
]


def _recorded(bodies: Iterable[Mapping[str, Any]]) -> Recorded:
    """From the log: item_added data per item, and the last recorded note, category and withhold
    mark (its reason, or None) per item."""
    added: dict[int, dict[str, Any]] = {}
    notes: dict[int, str] = {}
    categories: dict[int, str] = {}
    withheld: dict[int, str | None] = {}
    offences: dict[int, tuple[str, ...]] = {}
    for body in bodies:
        data = body.get("data")
        if not isinstance(data, dict) or not isinstance(data.get("item"), int):
            continue
        item_id = data["item"]
        kind = body.get("type")
        if kind == EventType.ITEM_ADDED:
            added[item_id] = data
            if isinstance(data.get("note"), str):
                notes[item_id] = data["note"]
        elif kind in (EventType.ITEM_PARSED, EventType.ITEM_REPARSED) and item_id in added:
            # What was read from the original was written (again): its seal is the one that holds.
            added[item_id] = {**added[item_id], "seal": data.get("seal")}
        elif kind == EventType.NOTE_CHANGED and isinstance(data.get("new"), str):
            notes[item_id] = data["new"]
        elif kind == EventType.CATEGORY_CHANGED and isinstance(data.get("new"), str):
            categories[item_id] = data["new"]
        elif kind == EventType.ITEM_WITHHELD and isinstance(data.get("new"), str):
            withheld[item_id] = data["new"]
        elif kind == EventType.WITHHOLD_CLEARED:
            withheld[item_id] = None
        elif kind == EventType.OFFENCES_CHANGED and isinstance(data.get("new"), list):
            offences[item_id] = tuple(str(o) for o in data["new"])
    return added, notes, categories, withheld, offences


def check_derived(
    conn: Connection,
    bodies: Iterable[Mapping[str, Any]],
    items: Mapping[int, Any],
    broken_seqs: Collection[int] = (),
    *,
    log_whole: bool = True,
) -> tuple[list[Problem], int]:
    """Problems found, and how many items carry no seal (imported before seals existed).

    An item with an event among `broken_seqs` (links the chain check found broken) is left to
    the chain's findings: a forged event can neither vouch for nor accuse the item's data. When
    the log is not whole (events missing or cut off at the end), the last recorded note or
    category cannot be known, so those two are not compared.
    """
    bodies = list(bodies)
    added, notes, categories, withheld, offences = _recorded(bodies)
    distrusted = {
        body["data"]["item"]
        for body in bodies
        if body.get("seq") in broken_seqs
        and isinstance(body.get("data"), dict)
        and isinstance(body["data"].get("item"), int)
    }
    problems: list[Problem] = []
    unsealed = 0
    for item_id, item in items.items():
        data = added.get(item_id)
        if data is None or item_id in distrusted:
            continue  # the custody check already names an item without its event, or a broken link
        recorded = data.get("seal")
        if not isinstance(recorded, str):
            unsealed += 1
        else:
            try:
                document = stored_document(conn, item_id)
            except (ValueError, TypeError, OverflowError, StoredValueError):
                document = None  # a value edited into something the program cannot even read
            if document is None or seal_of(document) != recorded:
                problems.append(
                    _problem(
                        "derived_changed",
                        item_id,
                        "Item {item}: its parsed content, times or facts were changed after it was "
                        "imported; they no longer match the seal in the custody log.",
                    )
                )
        if not log_whole:
            continue
        expected_note = notes.get(item_id)
        if expected_note is not None and item.note != expected_note:
            problems.append(
                _problem(
                    "note_changed", item_id, "Item {item}: its note is not the one the custody log recorded."
                )
            )
        if item.category != categories.get(item_id, ""):
            problems.append(
                _problem(
                    "category_changed",
                    item_id,
                    "Item {item}: its category is not the one the custody log recorded.",
                )
            )
        if getattr(item, "withhold_reason", None) != withheld.get(item_id):
            problems.append(
                _problem(
                    "withhold_changed",
                    item_id,
                    "Item {item}: its sensitive mark is not the one the custody log recorded.",
                )
            )
        if offences_of(getattr(item, "offences", "")) != offences.get(item_id, ()):
            problems.append(
                _problem(
                    "offences_changed",
                    item_id,
                    "Item {item}: its offence categories are not the ones the custody log recorded.",
                )
            )
    return problems, unsealed
