"""What the dossier PDF shows, as plain frozen dataclasses.

Rule: the PDF renderer knows nothing of the vault. Whoever exports fills these objects (from the
vault, or by hand in a test) and hands them to `render_dossier`; the renderer prints exactly
what is here and nothing else. Times keep their sources (domain.Timestamp), so the dossier can
say which time is which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from evidence_kit.domain import Conversation, ItemKind, ParseWarning, Timestamp
from evidence_kit.dossier.picture import TextExcerpt

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")


def _require_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime")


@dataclass(frozen=True)
class DossierInfo:
    """The facts of the dossier as a whole: cover page and every footer.

    `exported_at` is aware: its UTC value and its local offset are both printed.
    `period_from`/`period_to` is the period the compiler selected; when both are None the cover
    shows the span of the items' content dates instead.
    """

    dossier_id: str
    case_title: str
    compiler: str  # as entered; may be "" (the cover then says "not stated")
    exported_at: datetime
    language: Language
    tool_version: str
    vault_id: str
    manifest_sha256: str  # hex; printed in every footer
    custody_head_hash: str  # hex; the custody log head at export time
    period_from: date | None = None
    period_to: date | None = None
    # Dossier numbers of the items whose derived data no longer matches its seal.
    seal_broken_items: tuple[int, ...] = ()
    # The number of the custody log's last event at export time: with the hash, the head the
    # cover prints for `verify --against` (None: the cover shows the hash alone).
    custody_head_seq: int | None = None
    # How many RFC 3161 tokens the package holds in timestamps/ (appendix B says how to check them).
    timestamp_tokens: int = 0

    def __post_init__(self) -> None:
        _require_aware(self.exported_at, "DossierInfo.exported_at")
        if self.language not in LANGUAGES:
            raise ValueError(f"unsupported dossier language {self.language!r}")


@dataclass(frozen=True)
class TrustedTime:
    """An RFC 3161 time-stamp token's signed time, and the authority that signed it."""

    tsa_name: str
    gen_time: datetime  # aware

    def __post_init__(self) -> None:
        _require_aware(self.gen_time, "TrustedTime.gen_time")


@dataclass(frozen=True)
class DossierItem:
    """One item of the dossier: what the summary row, the timeline and the item's section show.

    `thumbnail` is PNG or JPEG bytes made in memory by the exporter; `picture`, when set, is the
    larger rendition the item's page shows instead (dossier/picture.py). `text` is the start of a
    text file that has no parsed conversation. When `withheld` is true the renderer never embeds
    any of them (nor the transcript): only a grey box, the hash and the metadata.
    `image_size` is the original image's pixel size (width, height), shown as metadata.
    `times` are all the item's times with their sources (content, file, import clock, TSA).
    """

    number: int
    item_id: str
    kind: ItemKind
    original_name: str
    media_type: str | None
    size: int
    sha256: str
    times: tuple[Timestamp, ...] = ()
    platform: str = ""
    sender: str = ""
    description: str = ""  # short, one line: what the summary table and timeline show
    note: str = ""  # the user's own note, printed as entered
    category: str = ""
    withheld: bool = False
    original_in_package: bool = True  # False: a withheld original left out of the package
    thumbnail: bytes | None = None
    picture: bytes | None = None  # JPEG, at about the original's resolution (derived, never stored)
    # How busy each pixel row of `picture` is (where a tall one is cut), made with it ahead of time.
    picture_rows: bytes | None = None
    text: TextExcerpt | None = None
    image_size: tuple[int, int] | None = None
    exif: tuple[tuple[str, str], ...] = ()  # (label, value), already human-readable
    email_headers: tuple[tuple[str, str], ...] = ()  # (name, value), the ones that matter
    conversation: Conversation | None = None
    trusted_time: TrustedTime | None = None  # None: "not timestamped"
    warnings: tuple[ParseWarning, ...] = ()
    # Its parsed content, times or facts no longer match the seal recorded at import.
    seal_broken: bool = False
    # Relations: the item it was taken from (its dossier number, or its vault id when that item is
    # not in the dossier), the message it was attached to (time, sender), the items taken from it
    # by attachment name, and the other items of the dossier with the same SHA-256.
    parent_number: int | None = None
    parent_name: str = ""
    parent_vault_id: int | None = None
    # A chat read from an export of several: its SHA-256 is that of a small reference record, so
    # the page names the export's own SHA-256 beside it (None for every other item).
    export_sha256: str | None = None
    parent_message: tuple[datetime | None, str] | None = None
    attachment_items: tuple[tuple[str, int], ...] = ()
    duplicates: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class CustodyEventRow:
    """One custody log event as the appendix lists it."""

    seq: int
    at: datetime  # aware
    event_type: str  # custody.EventType value, e.g. "item_added"
    summary: str  # a short plain text, e.g. "item 12 (screenshot.png)"
    hash: str  # hex chain hash of this event

    def __post_init__(self) -> None:
        _require_aware(self.at, "CustodyEventRow.at")
