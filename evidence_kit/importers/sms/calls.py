"""Call-log records (`<call>`) as system messages.

Calls are system messages with a fixed English text (see `_CALL_TEXT`), e.g.
"Missed call, duration 0:00:00 (0 seconds)"; the number is the sender of incoming calls and
the `to` of outgoing ones.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # only for types: parsing goes through defusedxml

from evidence_kit.domain import Message, MessageKind, Participant
from evidence_kit.importers.sms.records import State
from evidence_kit.importers.sms.times import record_when, time_extra
from evidence_kit.importers.sms.values import int_or_none, value_or_none

# Fixed English texts of call records (documented in docs/formats.md by the lead); the
# duration is appended in one form for every type: ", duration H:MM:SS (N seconds)".
_CALL_TYPES: dict[int, tuple[str, str]] = {
    1: ("incoming", "Incoming call"),
    2: ("outgoing", "Outgoing call"),
    3: ("missed", "Missed call"),
    4: ("voicemail", "Voicemail"),
    5: ("rejected", "Rejected call"),
    6: ("blocked", "Blocked call"),
    7: ("answered_elsewhere", "Call answered on another device"),
}
_CALL_TEXT = "{label}, duration {clock} ({seconds} seconds)"
_UNKNOWN_CALL_LABEL = "Call of unknown type {type}"
_WITHHELD = {"-1": "withheld", "-2": "unknown", "-3": "payphone"}
_PRESENTATION = {"2": "withheld", "3": "unknown", "4": "payphone"}


def read_call(elem: ET.Element, state: State) -> None:
    collect = state.collect
    when = record_when(elem, collect)
    raw_type = elem.get("type") or ""
    known = _CALL_TYPES.get(int_or_none(raw_type) or 0)
    if known is None:
        collect.add("unknown_type", type=raw_type)
        key, label = "unknown", _UNKNOWN_CALL_LABEL.format(type=raw_type)
    else:
        key, label = known
    seconds = max(0, int_or_none(elem.get("duration")) or 0)
    clock = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    number = state.shared(value_or_none(collect.text(elem.get("number"))))
    name = state.shared(value_or_none(collect.text(elem.get("contact_name"))))
    presentation = _WITHHELD.get(number or "") or _PRESENTATION.get(elem.get("presentation") or "")
    if number in _WITHHELD:
        number = None
    direction = "outgoing" if key == "outgoing" else "unknown" if key == "unknown" else "incoming"
    extra: list[tuple[str, str]] = [
        ("direction", direction),
        ("call_type", key),
        ("duration_seconds", str(seconds)),
    ]
    sender = sender_id = None
    if direction == "incoming":
        sender, sender_id = name, number
    else:
        if number is not None:
            extra.append(("to" if direction == "outgoing" else "number", number))
        if name is not None:
            extra.append(("to_name" if direction == "outgoing" else "contact_name", name))
    if presentation is not None:
        extra.append(("number_presentation", presentation))
    extra.extend(time_extra(when))
    message = Message(
        sender=sender,
        sender_id=sender_id,
        text=_CALL_TEXT.format(label=label, clock=clock, seconds=seconds),
        sent_at=when.local,
        sent_at_utc=when.utc,
        kind=MessageKind.SYSTEM,
        extra=tuple(extra),
    )
    state.add(when, message, Participant(name, number))
