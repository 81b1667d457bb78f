"""What Meta's two JSON shapes read alike: epoch times, event types and reactions.

Both the DYI `message_N.json` (`json_export.py`) and the end-to-end-encrypted chat download
(`e2ee.py`) give each message's time as an epoch in milliseconds (seconds in old exports),
mark calls and membership changes with a `type`, and list reactions as `{"reaction", "actor"}`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from evidence_kit.importers._chat_support import dicts, get_list, get_str
from evidence_kit.importers.meta.mojibake import Text
from evidence_kit.importers.meta.thread import Thread

# Message types that are events, not something a person wrote (DYI's and the E2EE download's).
SYSTEM_TYPES = frozenset({"Call", "Subscribe", "Unsubscribe", "call"})


def _epoch_ms(value: int | None) -> datetime | None:
    if value is None:
        return None
    if abs(value) < 100_000_000_000:  # old exports wrote seconds in "timestamp"
        value *= 1000
    try:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def message_time(thread: Thread, value: int | None) -> datetime | None:
    """The UTC time of a message's epoch, counted on `thread`; a missing or impossible one is
    counted in a warning instead."""
    utc = _epoch_ms(value)
    if utc is None:
        thread.log.tally("bad_time", message="{count} messages have no readable time.")
    else:
        thread.epoch_times += 1
    return utc


def reactions(raw: dict[str, object], text_of: Text) -> list[tuple[str, str]]:
    """A message's reactions as extra: ("reaction", "who: emoji")."""
    extra: list[tuple[str, str]] = []
    for reaction in dicts(get_list(raw, "reactions")):
        emoji, actor = get_str(reaction, "reaction"), get_str(reaction, "actor")
        if emoji:
            extra.append(("reaction", f"{text_of(actor) if actor else '?'}: {text_of(emoji)}"))
    return extra
