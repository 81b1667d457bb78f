"""The pieces of a WhatsApp message the parser (`stream.py`) shares: senders, media types, the
Message template, the markers in use.

Rule: a sender is read once per distinct raw string (`sender_of` caches it, and the cache is
also the participants in order of appearance); a name with quotes or over 120 characters is no
sender. `MARKERS` is looked up by the parser at each call, so a test can swap in markers built
from other data.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass

from evidence_kit.domain import Conversation, Message, MessageKind
from evidence_kit.importers.whatsapp.characters import strip_marks
from evidence_kit.importers.whatsapp.markers import MARKERS

__all__ = ["MARKERS", "MESSAGE_DEFAULTS", "ParsedChat", "media_type_of", "sender_of"]

FORMAT = "whatsapp"

TIMEZONE_ASSUMPTION = (
    "Times are as shown in the export, in the exporting phone's local time zone, "
    "which the export does not state."
)

_QUOTES = frozenset('"\u201c\u201d\u201e\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d')
_PHONE = re.compile(r"\+?[0-9][0-9 \-().\u00a0\u202f]{5,}[0-9]")
_PHONE_DIGITS = 7


def sender_of(raw: str, cache: dict[str, tuple[str, str | None] | None]) -> tuple[str, str | None] | None:
    """(name, phone number or None) for a raw sender string, or None when it is not a sender."""
    known = cache.get(raw, False)
    if known is not False:
        return known  # type: ignore[return-value]
    result: tuple[str, str | None] | None = None
    if len(raw) <= 120 and _QUOTES.isdisjoint(raw):
        name = strip_marks(raw).strip()
        if name:
            phone = _PHONE.fullmatch(name) is not None and sum(c.isdigit() for c in name) >= _PHONE_DIGITS
            result = (name, name if phone else None)
    cache[raw] = result  # also the list of participants, in order of appearance
    return result


_MEDIA_TYPES: dict[str, str | None] = {}


def media_type_of(name: str) -> str | None:
    """The media type a file name's extension suggests (cached: exports repeat a few extensions)."""
    dot = name.rfind(".")
    extension = name[dot:].lower() if dot >= 0 else ""
    if extension not in _MEDIA_TYPES:
        if len(_MEDIA_TYPES) > 1000:
            return mimetypes.guess_type("x" + extension)[0]
        _MEDIA_TYPES[extension] = mimetypes.guess_type("x" + extension)[0]
    return _MEDIA_TYPES[extension]


@dataclass
class ParsedChat:
    """The result of parsing a chat text, before it is packed into a ParsedExport."""

    conversation: Conversation
    referenced: tuple[str, ...]


def _message_defaults() -> dict[str, object]:
    """Every field of a Message with its default, for making hundreds of thousands of them.

    A frozen dataclass sets each field through `object.__setattr__`, which is half the cost of a
    parse. Message is a plain frozen dataclass (no `__post_init__`, no slots), so the parser makes
    the same object by filling its field dictionary at once (a test checks the result equals the
    constructor's). If domain.py ever adds slots or a `__post_init__`, this fails at
    import time instead of making broken objects.
    """
    template = Message(sender=None, text="")
    if hasattr(Message, "__post_init__") or not hasattr(template, "__dict__"):
        raise TypeError("Message is no longer a plain frozen dataclass; update whatsapp.entries.messages")
    return dict(template.__dict__)


MESSAGE_DEFAULTS = _message_defaults()

# `entries.messages` makes each message's field dictionary as a copy of MESSAGE_DEFAULTS with the
# fields it sets written in (a dict's copy is one block copy: cheaper than building one): these
# are the fields, in the dataclass's order, and the defaults it counts on for the fields a usual
# line (or any WhatsApp message) leaves. Checked here at import, so a change to Message fails loudly.
MESSAGE_FIELDS = (
    "sender",
    "text",
    "sent_at",
    "sent_at_utc",
    "sender_id",
    "kind",
    "deleted",
    "edited",
    "media_omitted",
    "forwarded",
    "message_id",
    "reply_to",
    "url",
    "attachments",
    "extra",
)
_LEFT = {
    "sent_at_utc": None,
    "kind": MessageKind.MESSAGE,
    "deleted": False,
    "edited": False,
    "media_omitted": False,
    "forwarded": False,
    "message_id": None,
    "reply_to": None,
    "url": None,
    "attachments": (),
    "extra": (),
}
if tuple(MESSAGE_DEFAULTS) != MESSAGE_FIELDS or any(MESSAGE_DEFAULTS[k] != v for k, v in _LEFT.items()):
    raise TypeError("Message's fields changed; update whatsapp.parser.MESSAGE_FIELDS and entries.messages")
