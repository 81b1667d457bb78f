"""How the dossier names a message's sender and words a call, in the dossier's language.

Rules: the phone owner's own messages are "me" ("ik"), with the owner's number when the export
gives it, never "(sender unknown)": the export marks them as sent from this phone. A call of a
call log is worded from its facts (type, the other party's name and number, duration), never from
the importer's fixed English text. The words live here next to each other in both languages;
`texts.TEXTS` takes them in, so `t()` and its tests see one catalogue.
"""

from __future__ import annotations

from collections.abc import Callable

from evidence_kit.domain import Message, call_facts, is_own, own_identifier

CHAT_EN: dict[str, str] = {
    "msg.me": "me",
    "msg.me_with_id": "me ({id})",
    "msg.call": "call",
    "call.incoming": "Incoming call from {party}, duration {duration}",
    "call.outgoing": "Outgoing call to {party}, duration {duration}",
    "call.missed": "Missed call from {party}",
    "call.voicemail": "Voicemail from {party}, duration {duration}",
    "call.rejected": "Rejected call from {party}",
    "call.blocked": "Blocked call from {party}",
    "call.answered_elsewhere": "Call from {party}, answered on another device, duration {duration}",
    "call.unknown": "Call of an unknown type, {party}, duration {duration}",
    "call.party_name_number": "{name} ({number})",
    "call.withheld": "a withheld number",
    "call.unknown_number": "an unknown number",
    "call.payphone": "a payphone",
}
CHAT_NL: dict[str, str] = {
    "msg.me": "ik",
    "msg.me_with_id": "ik ({id})",
    "msg.call": "oproep",
    "call.incoming": "Inkomend gesprek van {party}, duur {duration}",
    "call.outgoing": "Uitgaand gesprek naar {party}, duur {duration}",
    "call.missed": "Gemiste oproep van {party}",
    "call.voicemail": "Voicemail van {party}, duur {duration}",
    "call.rejected": "Geweigerde oproep van {party}",
    "call.blocked": "Geblokkeerde oproep van {party}",
    "call.answered_elsewhere": "Oproep van {party}, beantwoord op een ander apparaat, duur {duration}",
    "call.unknown": "Oproep van onbekend type, {party}, duur {duration}",
    "call.party_name_number": "{name} ({number})",
    "call.withheld": "een afgeschermd nummer",
    "call.unknown_number": "een onbekend nummer",
    "call.payphone": "een telefooncel",
}

Translate = Callable[..., str]  # Context.t: a key and its {placeholders}


def sender_label(t: Translate, message: Message) -> str | None:
    """ "me" (with the owner's number when known) for an own message; None: the usual label."""
    if not is_own(message):
        return None
    identifier = own_identifier(message)
    return t("msg.me_with_id", id=identifier) if identifier else t("msg.me")


def duration_text(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def call_text(t: Translate, message: Message) -> str | None:
    """The call a message records, worded in the dossier's language (None: not a call)."""
    call = call_facts(message)
    if call is None:
        return None
    if call.name and call.number:
        party = t("call.party_name_number", name=call.name, number=call.number)
    elif call.name or call.number:
        party = call.name or call.number or ""
    elif call.presentation in ("withheld", "payphone"):
        party = t("call." + call.presentation)
    else:
        party = t("call.unknown_number")
    key = "call." + call.call_type if "call." + call.call_type in CHAT_EN else "call.unknown"
    return t(key, party=party, duration=duration_text(call.seconds))
