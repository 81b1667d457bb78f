"""What every part of the dossier needs to know: the dossier, its language, and light item facts.

Rule: `ItemHead` holds only what the cover, summary and timeline need (no thumbnail, no messages),
so the first pass over the items stays small however large the items are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from evidence_kit.domain import ItemKind, Message, TimeSource, Timestamp
from evidence_kit.dossier.model import DossierInfo, DossierItem, Language
from evidence_kit.dossier.model_case import CaseFile
from evidence_kit.dossier.pdf_layout import Styles
from evidence_kit.dossier.texts import t

Translate = Callable[[str], str]
NOTE_LIMIT = 400  # characters of a note the index shows; the item's page shows all of it
NOTE_LINES = 6


@dataclass
class ItemHead:
    number: int
    kind: ItemKind
    sender: str
    platform: str
    description: str
    sha256: str
    withheld: bool
    content_time: Timestamp | None
    original_name: str = ""
    note: str = ""
    times: tuple[Timestamp, ...] = ()
    message_count: int = 0
    trusted: bool = False  # a time-stamp authority vouches for a time of it
    left_out: bool = False  # withheld, and its original is not in the package
    message_days: Counter[date] = field(default_factory=Counter)
    first_message: datetime | None = None
    last_message: datetime | None = None


@dataclass
class Context:
    info: DossierInfo
    lang: Language
    translate: Translate
    heads: list[ItemHead] = field(default_factory=list)
    case: CaseFile | None = None  # the case part (incidents, people, categories, gaps), if any
    styles: Styles = field(init=False)

    def __post_init__(self) -> None:
        self.styles = Styles()

    def t(self, key: str, **params: object) -> str:
        return t(self.lang, key, **params)

    @property
    def has_case(self) -> bool:
        return self.case is not None and not self.case.empty


def _short_note(note: str) -> str:
    """The start of a note for the index: at most `NOTE_LIMIT` characters and `NOTE_LINES` lines."""
    lines = note.strip().splitlines()
    short = "\n".join(lines[:NOTE_LINES])[:NOTE_LIMIT]
    return short if short == note.strip() else short.rstrip() + "\u2026"


def message_time(message: Message) -> datetime | None:
    return message.sent_at if message.sent_at is not None else message.sent_at_utc


def timestamp_moment(stamp: Timestamp) -> datetime | None:
    return stamp.local if stamp.local is not None else stamp.utc


def make_head(item: DossierItem) -> ItemHead:
    # The content's own time, else the time its file name states (a screenshot's name).
    content = next(
        (
            s
            for source in (TimeSource.CONTENT, TimeSource.FILE_NAME)
            for s in item.times
            if s.source is source and timestamp_moment(s) is not None
        ),
        None,
    )
    head = ItemHead(
        number=item.number,
        kind=item.kind,
        sender=item.sender,
        platform=item.platform or (item.conversation.platform if item.conversation else ""),
        description=item.description,
        sha256=item.sha256,
        withheld=item.withheld,
        content_time=content,
        original_name=item.original_name,
        note=_short_note(item.note),
        times=item.times,
        trusted=item.trusted_time is not None,
        left_out=item.withheld and not item.original_in_package,
    )
    # Only chats and SMS count as "chat messages"; an e-mail's body is one message of its own.
    if item.conversation is not None and item.kind in (ItemKind.CHAT, ItemKind.SMS):
        head.message_count = len(item.conversation.messages)
        for message in item.conversation.messages:
            moment = message_time(message)
            if moment is None:
                continue
            head.message_days[moment.date()] += 1
            if head.first_message is None or moment < head.first_message:
                head.first_message = moment
            if head.last_message is None or moment > head.last_message:
                head.last_message = moment
    return head


def head_date(head: ItemHead) -> date | None:
    if head.content_time is not None:
        moment = timestamp_moment(head.content_time)
        if moment is not None:
            return moment.date()
    return head.first_message.date() if head.first_message is not None else None
