"""Domain objects shared by every layer: frozen dataclasses, no I/O, no imports of our own modules.

Rule: everything here is immutable and plain (str, int, datetime, tuples), so importers can
yield these objects, the vault can store them, and the UI can carry them across threads
without ever handing out a database row. One exception: `ConversationStream` (and
`StreamedExport`) carry a one-pass message iterator; they live only inside one import, on the
thread that runs it, and never reach the UI.

Times follow docs/architecture.md ("Time"): every time says where it came from (`TimeSource`), and a
time taken from content ("as shown") keeps the wall-clock value exactly as the source showed
it, next to a UTC value only where the source really gave an offset or an epoch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import BinaryIO


class TimeSource(StrEnum):
    """Where a time came from. The dossier prints these apart."""

    CONTENT = "content"  # claimed by the content: chat line, EXIF DateTimeOriginal, e-mail Date
    FILE_METADATA = "file_metadata"  # the file system's modification time of the original
    FILE_NAME = "file_name"  # the wall time a file's name states (a screenshot's, a photo's)
    IMPORT_CLOCK = "import_clock"  # this computer's clock when the item was stored
    TSA = "tsa"  # an RFC 3161 time-stamp authority's signed time


class ItemKind(StrEnum):
    """What an item is, for lists, filters and the dossier."""

    FILE = "file"
    IMAGE = "image"
    CHAT = "chat"
    EMAIL = "email"
    SMS = "sms"
    CALL_LOG = "call_log"


@dataclass(frozen=True)
class Timestamp:
    """One time of an item or message, with its source.

    `utc` is an aware UTC datetime or None when the source gave only a wall-clock time with
    no offset. `local` is the naive wall-clock time as shown or as the computer's local time,
    `offset_minutes` the UTC offset of `local` when known. `assumption` states in words what
    was assumed (for example "time zone not stated in the export").
    """

    source: TimeSource
    utc: datetime | None = None
    local: datetime | None = None
    offset_minutes: int | None = None
    assumption: str | None = None

    def __post_init__(self) -> None:
        if self.utc is not None and self.utc.utcoffset() != timedelta(0):
            raise ValueError("Timestamp.utc must be an aware UTC datetime")
        if self.local is not None and self.local.tzinfo is not None:
            raise ValueError("Timestamp.local must be a naive wall-clock datetime")

    @classmethod
    def from_aware(cls, moment: datetime, source: TimeSource) -> Timestamp:
        """Build from an aware datetime: UTC plus the offset and wall time it carried."""
        offset = moment.utcoffset()
        if offset is None:
            raise ValueError("an aware datetime is required")
        return cls(
            source=source,
            utc=moment.astimezone(UTC),
            local=moment.replace(tzinfo=None),
            offset_minutes=int(offset.total_seconds() // 60),
        )

    @classmethod
    def now(cls) -> Timestamp:
        """The import clock: UTC now with this computer's current local offset."""
        return cls.from_aware(datetime.now().astimezone(), TimeSource.IMPORT_CLOCK)


class MessageKind(StrEnum):
    MESSAGE = "message"
    SYSTEM = "system"  # "X added Y", "Messages are end-to-end encrypted", call records


@dataclass(frozen=True)
class AttachmentRef:
    """A file a message refers to, by the name the export uses.

    Whether that file was present in the export is decided when the export is stored; the
    vault links the reference to the item holding that file, or marks it missing.
    """

    name: str
    media_type: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Message:
    """One message of a conversation, as parsed from an export (derived data).

    `sent_at` is the wall-clock time exactly as the export shows it (naive datetime);
    `sent_at_utc` is set only when the export carries an offset or an epoch. `text` keeps
    everything the person typed (emoji, blank lines) and drops only invisible bidi marks and
    the structural markers that became fields (attachment markers, "<Media omitted>", ...).
    """

    sender: str | None
    text: str
    sent_at: datetime | None = None
    sent_at_utc: datetime | None = None
    sender_id: str | None = None
    kind: MessageKind = MessageKind.MESSAGE
    deleted: bool = False
    edited: bool = False
    media_omitted: bool = False
    forwarded: bool = False
    message_id: str | None = None
    reply_to: str | None = None
    url: str | None = None
    attachments: tuple[AttachmentRef, ...] = ()
    # Format-specific facts of this one message as (key, value) pairs, e.g. ("direction",
    # "outgoing"), ("to", "+31600000000"), ("box", "draft"), ("subject", ...). Keys are stable
    # machine-readable names; values are data from the export, not translated.
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def attachment(self) -> str | None:
        """The first referenced file name, the one `messages --json` reports."""
        return self.attachments[0].name if self.attachments else None


@dataclass(frozen=True)
class Participant:
    name: str | None
    identifier: str | None = None  # phone number, handle or account id


@dataclass(frozen=True)
class ParseWarning:
    """Something a user must know about what was and was not kept.

    `code` is stable and machine-readable (e.g. "ambiguous_date_order"); `message` is an
    English sentence with `{placeholders}` filled from `params`, translated at display time.
    """

    code: str
    message: str
    params: tuple[tuple[str, str], ...] = ()
    line: int | None = None

    def format(self) -> str:
        return self.message.format(**dict(self.params))


@dataclass(frozen=True)
class Conversation:
    """The parsed content of one chat, SMS, call-log or e-mail export (derived data).

    Messages are in conversation order, oldest first. `timezone_assumption` states what the
    wall-clock times mean when the export does not say.
    """

    platform: str  # "whatsapp", "telegram", "instagram", "facebook", "sms", "email", ...
    messages: tuple[Message, ...]
    title: str | None = None
    participants: tuple[Participant, ...] = ()
    timezone_assumption: str | None = None
    warnings: tuple[ParseWarning, ...] = ()
    extra: tuple[tuple[str, str], ...] = field(default=())  # format-specific facts, shown as metadata


@dataclass(frozen=True)
class StreamEnd:
    """What a streaming parser learns only by reading every message (see `ConversationStream`)."""

    participants: tuple[Participant, ...] | None = None  # None: the stream's own participants stand
    warnings: tuple[ParseWarning, ...] = ()  # added after the stream's own warnings


@dataclass(frozen=True)
class ConversationStream:
    """A conversation read while it is stored: its facts, and its messages one at a time.

    The write side's form of `Conversation` (which the read side keeps): a chat of hundreds of
    megabytes is never held whole. `messages` is iterated ONCE, oldest first, and may read its
    file as it goes. A parser that learns participants or warnings only on the way gives
    `finish`, called once after the last message; its participants replace, and its warnings
    follow, those given here.
    """

    platform: str
    messages: Iterable[Message]
    title: str | None = None
    participants: tuple[Participant, ...] = ()
    timezone_assumption: str | None = None
    warnings: tuple[ParseWarning, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    finish: Callable[[], StreamEnd] | None = None

    @classmethod
    def of(cls, conversation: Conversation) -> ConversationStream:
        """A conversation already held whole, as a stream (every importer's data takes one path)."""
        return cls(
            platform=conversation.platform,
            messages=conversation.messages,
            title=conversation.title,
            participants=conversation.participants,
            timezone_assumption=conversation.timezone_assumption,
            warnings=conversation.warnings,
            extra=conversation.extra,
        )

    def end(self) -> StreamEnd:
        """The facts after the last message (call once the messages are read)."""
        return self.finish() if self.finish is not None else StreamEnd()

    def read_whole(self) -> Conversation:
        """Every message read into one `Conversation` (for small inputs and tests)."""
        messages = tuple(self.messages)
        end = self.end()
        return Conversation(
            platform=self.platform,
            messages=messages,
            title=self.title,
            participants=self.participants if end.participants is None else end.participants,
            timezone_assumption=self.timezone_assumption,
            warnings=self.warnings + end.warnings,
            extra=self.extra,
        )


@dataclass(frozen=True)
class EmbeddedFile:
    """A file carried inside an export (zip member, e-mail attachment, MMS part).

    The vault stores it as an item of its own, linked to the export it came from and to the
    messages that reference it by `name`. `open` returns a fresh binary stream of its bytes
    each time it is called; a reader of untrusted archives bounds that stream (zip bombs).
    """

    name: str  # the name the export and its messages use for it
    open: Callable[[], BinaryIO]
    size: int | None = None
    media_type: str | None = None
    modified: Timestamp | None = None


@dataclass(frozen=True)
class ParsedExport:
    """What a chat/e-mail/SMS importer returns for one export file or folder.

    The export itself is stored byte-exact by the vault as the evidence item; `conversation`
    is derived data attached to it; `files` become linked items. `missing` lists names that
    messages reference but the export did not contain.
    """

    conversation: Conversation
    files: tuple[EmbeddedFile, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class StreamedExport:
    """A `ParsedExport` whose conversation is read while it is stored (`ConversationStream`).

    Importers that can read a large export without holding it give `read_stream(path)`
    returning this; `files` and `missing` are as in `ParsedExport`.
    """

    conversation: ConversationStream
    files: tuple[EmbeddedFile, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChatEntry:
    """One chat of an export that holds several (a whole-account Telegram export, a Meta
    download of many threads): its position, its title, and where the export keeps it."""

    index: int  # 0-based, in the export's order
    title: str | None
    key: str  # where the export keeps it: "chats.list[3]", "chats/chat_003", "inbox/anna_123"
    missing: tuple[str, ...] = ()  # attachments its messages name that the export lacks


# The media type of a chat item's stored bytes: a reference to the export it was read from
# (`importers/chat_children.py`), never a copy of it. Here so that the dossier, which may not
# import the importers, can say so too.
CHAT_REFERENCE_TYPE = "application/vnd.evidence-kit.chat-reference+json"


@dataclass(frozen=True)
class ManyChats:
    """An export of several chats, each to become a conversation of its own (never merged).

    `conversations()` hands over one `ConversationStream` per entry of `chats`, in that order;
    each one's messages must be read to the end before the next is taken (a reader may walk the
    file once). `files` are the attachments of every chat, stored before any message is.
    """

    chats: tuple[ChatEntry, ...]
    files: tuple[EmbeddedFile, ...]
    conversations: Callable[[], Iterator[ConversationStream]]


@dataclass(frozen=True)
class ItemSummary:
    """What lists show of a stored item (never the content)."""

    id: int
    uuid: str
    kind: ItemKind
    sha256: str
    size: int
    original_name: str
    original_path: str
    media_type: str | None
    importer: str
    importer_version: str
    note: str
    category: str
    parent_id: int | None
    imported_at: Timestamp
    times: tuple[Timestamp, ...] = ()
    # The keeper's "sensitive: withhold from dossiers" mark and its reason; None when not marked.
    withhold_reason: str | None = None
    # Offence categories the keeper gave the item (taxonomy ids, `case/taxonomy.py`), sorted.
    offences: tuple[str, ...] = ()

    @property
    def withheld(self) -> bool:
        return self.withhold_reason is not None


@dataclass(frozen=True)
class Problem:
    """One finding of `verify`. `template` is English with {placeholders}, translated for display."""

    scope: str  # "database", "item" or "custody"
    code: str
    template: str
    params: tuple[tuple[str, str], ...] = ()
    item_id: int | None = None
    event_seq: int | None = None

    def format(self) -> str:
        return self.template.format(**dict(self.params))


@dataclass(frozen=True)
class VerifyReport:
    """What `verify` found. `problems` are integrity failures: something stored was changed, lost
    or added unlogged. `warnings` are trust warnings: what is stored is intact, but a part of it
    rests on trust nobody has given yet (a time-stamp authority's root no one vouched for).
    `notes` say which trust was used (a root the keeper added, an outside record that matched)."""

    items_checked: int
    bytes_checked: int
    events_checked: int
    head_hash: str
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()
    head_seq: int = 0

    @property
    def ok(self) -> bool:
        """Intact: no integrity problem (trust warnings do not make a vault damaged)."""
        return not self.problems


@dataclass(frozen=True)
class BackupReport:
    """A verified backup: where it is, the SHA-256 of its database file, and the custody head it holds.

    The source vault's `backup_made` event follows that head directly, so the copy's log is the
    source's log up to the moment of the copy.
    """

    folder: str
    db_sha256: str
    db_size: int
    head_seq: int
    head_hash: str
    items: int


@dataclass(frozen=True)
class CustodyEntry:
    """One custody event as shown to people (the signed body stays in the vault)."""

    seq: int
    event_type: str
    at_utc: datetime
    offset_minutes: int
    actor: str
    item_id: int | None
    data: tuple[tuple[str, str], ...]
    hash: str


@dataclass(frozen=True)
class AddResult:
    """The outcome of adding one path: the items it became, or the error that stopped it.

    `skipped` marks a path left out on purpose (a link, device, FIFO or socket found inside a
    folder, or a duplicate the user asked to skip): `error` says why, but it is not a failure of
    the batch. `duplicate_of` is the earlier item holding the same bytes (SHA-256): the file was
    skipped, or stored again as a new item that says so (`importers/duplicates.py`).
    """

    path: str
    items: tuple[ItemSummary, ...] = ()
    error: str | None = None  # an English template, filled from error_params and translated for display
    error_params: tuple[tuple[str, str], ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    recognised_as: str | None = None
    message_count: int | None = None
    skipped: bool = False
    duplicate_of: int | None = None

    @property
    def failed(self) -> bool:
        """Not added, and not on purpose: what makes `add` exit 1."""
        return self.error is not None and not self.skipped


# ---------------------------------------------------------------------------------------------
# What a message's extra facts say about who sent it and what a call was (shared by the app and
# the dossier, which word them in their own language)
# ---------------------------------------------------------------------------------------------


def is_own(message: Message) -> bool:
    """Sent from the phone or account the export was made on: the export marks it outgoing and
    names no sender (an SMS backup never names the phone's owner)."""
    return (
        message.kind is MessageKind.MESSAGE
        and message.sender is None
        and message.sender_id is None
        and ("direction", "outgoing") in message.extra
    )


def own_identifier(message: Message) -> str | None:
    """The owner's own number, where the export gives it for an own message (an MMS's "from")."""
    return next((value for key, value in message.extra if key == "from"), None)


@dataclass(frozen=True)
class CallFacts:
    """One call of a call log: `call_type` is "incoming", "outgoing", "missed", "voicemail",
    "rejected", "blocked", "answered_elsewhere" or "unknown"; `presentation` says why there is no
    number ("withheld", "unknown", "payphone")."""

    call_type: str
    number: str | None
    name: str | None
    seconds: int
    presentation: str | None = None


def call_facts(message: Message) -> CallFacts | None:
    """The call a system message records (None: not a call)."""
    extra = dict(message.extra)
    call_type = extra.get("call_type")
    if message.kind is not MessageKind.SYSTEM or call_type is None:
        return None
    if extra.get("direction") == "incoming":
        number, name = message.sender_id, message.sender
    elif call_type == "outgoing":
        number, name = extra.get("to"), extra.get("to_name")
    else:
        number, name = extra.get("number"), extra.get("contact_name")
    try:
        seconds = int(extra.get("duration_seconds", "0"))
    except ValueError:
        seconds = 0
    return CallFacts(call_type, number, name, seconds, extra.get("number_presentation"))
