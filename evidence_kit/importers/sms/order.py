"""Time order without holding the backup: each message's rank, and the passes that hand them on.

The app writes records in an order of its own (call logs newest first, SMS and MMS apart), while
a conversation is stored and shown oldest first. Sorting the messages would hold them all (about
0.9 KB each). Instead the reader makes two kinds of pass over the file:

1. One pass that keeps of each message only its epoch time, as 8 bytes in an `array`, and from
   those its rank in time order (`ranks`, 8 bytes more each; about 40 bytes per message while
   they are sorted). Messages without a usable time rank last, in file order: the same order as
   a stable sort by (no time, time), so what is stored is exactly what sorting would make.
2. Passes that read the file again and hand each message on as its turn comes (`in_time_order`).
   A pass makes only the messages it hands on (the other records are parsed as XML, not read),
   and a message made before its turn is held until then. How many a pass would hold is known in
   advance from the ranks (`_peak`): a file in time order, or nearly, is handed on in ONE pass
   holding few messages; otherwise (a call log written newest first) each pass hands on the next
   `budget` messages in time order and holds at most that many, so memory stays bounded at the
   cost of reading the file once more per `budget` messages.

A pass that finds fewer messages than the first, or more before the last one's turn, is refused
(the file changed while it was read); any other change is refused by the import itself, which
checks that the file did not change while it was read (`reading._read_guarded`), and
`verify --reparse` reads a sealed copy.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from evidence_kit.domain import Message
from evidence_kit.importers.sms.times import EPOCH

# The messages one pass may hold back: about 18 MB at 0.9 KB each.
BUDGET = 20_000
_NO_TIME = 2**63 - 1  # after every real time


def time_key(moment: datetime | None) -> int:
    """A message's place in time as one integer (microseconds since 1970; no time sorts last)."""
    if moment is None:
        return _NO_TIME
    delta = moment - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def ranks_of(keys: array[int]) -> array[int]:
    """rank[i]: the place in time order of the i-th message in file order (stable for equal keys)."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    ranks = array("q", bytes(8 * len(keys)))
    for place, ordinal in enumerate(order):
        ranks[ordinal] = place
    return ranks


def _peak(ranks: array[int], low: int, high: int) -> int:
    """How many messages a pass handing on ranks [low, high) would hold at most."""
    held = bytearray(high - low)
    waiting = peak = 0
    turn = low
    for rank in ranks:
        if not low <= rank < high:
            continue
        if rank != turn:
            held[rank - low] = 1
            waiting += 1
            peak = max(peak, waiting)
            continue
        turn += 1
        while turn < high and held[turn - low]:
            held[turn - low] = 0
            waiting -= 1
            turn += 1
    return peak


def in_time_order(
    ranks: array[int],
    read_again: Callable[[Callable[[int], bool]], Iterable[tuple[int, Message]]],
    changed: Callable[[], Exception],
    budget: int = BUDGET,
) -> Iterator[Message]:
    """Every message once, oldest first, from passes of `read_again` (each reads the file anew and
    yields its messages with their ordinals in file order, making only those `wanted` says it
    needs). `changed` makes the error for a file that differs now."""
    total = len(ranks)
    low = 0
    while low < total:
        high = total if _peak(ranks, low, total) <= budget else min(total, low + budget)
        held: dict[int, Message] = {}
        turn = low

        def wanted(ordinal: int, low: int = low, high: int = high) -> bool:
            return ordinal >= total or low <= ranks[ordinal] < high

        messages = iter(read_again(wanted))
        try:
            for ordinal, message in messages:
                if ordinal >= total:
                    raise changed()
                rank = ranks[ordinal]
                if not low <= rank < high:
                    continue
                if rank != turn:
                    held[rank] = message
                    continue
                yield message
                turn += 1
                while turn in held:
                    yield held.pop(turn)
                    turn += 1
                if turn == high:
                    break  # this pass has handed on all it was for: the rest of the file is not needed
        finally:
            close = getattr(messages, "close", None)
            if close is not None:
                close()
        if turn != high:
            raise changed()
        low = high
