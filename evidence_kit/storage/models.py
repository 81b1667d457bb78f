"""SQLAlchemy models of the vault database. The migrations in `migrations/` must match these.

Rule: originals live in `chunks` (ordered, about 1 MiB each) and are never updated or deleted;
everything computed from an original lives in `derived` and says so; every time sits in
`item_times` with its source; the custody log is `custody_events`. Triggers created by the
migrations make chunks and custody events append-only at the database level, and keep an
item's hash and size immutable (defence in depth: `verify` catches what a key holder could
still do by dropping them).

Times are stored as ISO 8601 text: aware UTC as `...Z`, wall-clock times without an offset,
so the database never silently converts a time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from evidence_kit.errors import StoredValueError

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _is_stored_shape(text: str, length: int) -> bool:
    """True for `YYYY-MM-DDTHH:MM:SS.ffffff` (+ `Z`), exactly as written here.

    Such text is read with `fromisoformat`, about twenty times faster than `strptime` (listing
    100,000 items reads some 300,000 times); anything else still goes through `strptime`,
    which refuses what does not fit the format.
    """
    return len(text) == length and text[10] == "T" and text[19] == "." and text[:4].isdigit()


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime stored as `YYYY-MM-DDTHH:MM:SS.ffffffZ`."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTC datetimes must be aware")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        text = str(value)
        if _is_stored_shape(text, 27) and text[26] == "Z":
            return datetime.fromisoformat(text[:26]).replace(tzinfo=UTC)
        try:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        except ValueError as exc:  # only a hand-edited row gets here: a typed error, never a traceback
            raise StoredValueError(value=text[:40]) from exc


class WallDateTime(TypeDecorator[datetime]):
    """A naive wall-clock datetime ("as shown"), stored without any offset."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            raise ValueError("wall-clock datetimes must be naive")
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        text = str(value)
        if _is_stored_shape(text, 26):
            return datetime.fromisoformat(text)
        try:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f")
        except ValueError as exc:
            raise StoredValueError(value=text[:40]) from exc


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model: the write path builds its statements on tables (see vault.py)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class VaultInfo(Base):
    """Exactly one row: who this vault is, its signing key, and the head of its custody log."""

    __tablename__ = "vault_info"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vault_uuid: Mapped[str] = mapped_column(String(36))
    case_title: Mapped[str] = mapped_column(Text)
    created_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    signing_private_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519 raw private bytes
    signing_public_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519 raw public bytes
    head_seq: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))


class Item(Base):
    """One piece of evidence: an original file, stored byte-exact in `chunks`."""

    __tablename__ = "items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    chunk_count: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(Text)
    original_path: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str | None] = mapped_column(String(255))
    importer: Mapped[str] = mapped_column(String(64))
    importer_version: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"))
    imported_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    # "Sensitive: withhold from dossiers", with the keeper's reason; None when not marked.
    withhold_reason: Mapped[str | None] = mapped_column(Text, nullable=True, default=None)
    # Offence categories: taxonomy ids, sorted, joined by commas ("" none); each change is logged.
    offences: Mapped[str] = mapped_column(Text, default="", server_default="")


class Chunk(Base):
    """One ordered piece (about 1 MiB) of an item's original bytes."""

    __tablename__ = "chunks"
    __table_args__ = (UniqueConstraint("item_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ItemTime(Base):
    """One time of an item, with its source (docs/architecture.md, "Time and the custody log")."""

    __tablename__ = "item_times"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    source: Mapped[str] = mapped_column(String(32))
    utc: Mapped[datetime | None] = mapped_column(UtcDateTime())
    local: Mapped[datetime | None] = mapped_column(WallDateTime())
    offset_minutes: Mapped[int | None] = mapped_column(Integer)
    assumption: Mapped[str | None] = mapped_column(Text)


class Derived(Base):
    """Data computed from an item (thumbnail, parsed messages, EXIF, import report): never evidence."""

    __tablename__ = "derived"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(255))
    producer: Mapped[str] = mapped_column(String(64))
    producer_version: Mapped[str] = mapped_column(String(32))
    created_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CustodyEvent(Base):
    """One signed link of the custody chain. `body` is the canonical JSON that was hashed."""

    __tablename__ = "custody_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    event_type: Mapped[str] = mapped_column(String(64))
    at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    body: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(128))


class VaultSecret(Base):
    """Secrets the vault keeps for itself (e.g. its PDF signing identity), encrypted like all else."""

    __tablename__ = "vault_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)
    created_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())


class TimestampQueue(Base):
    """Work waiting for an RFC 3161 time-stamp: an item's SHA-256 or a custody-log head.

    Rows are written in the same transaction as what they stamp (an item) and removed in the
    same transaction as the token that covers them; a failed attempt only counts up `attempts`
    and keeps the reason as an English template with its parameters (JSON), so nothing is lost
    while no time-stamp authority answers.
    """

    __tablename__ = "timestamp_queue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(16))  # "item" or "custody_head"
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    digest: Mapped[str] = mapped_column(String(64))  # hex SHA-256 to stamp (item) or head hash
    head_seq: Mapped[int | None] = mapped_column(Integer)  # custody_head: the head's event number
    created_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_utc: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error_template: Mapped[str | None] = mapped_column(Text)
    last_error_params: Mapped[str | None] = mapped_column(Text)  # JSON object of the template's values


class TimestampToken(Base):
    """One RFC 3161 token as received: the whole DER TimeStampResp, with the facts it verified to.

    `subject` says what `digest` is: one item's SHA-256 ("item"), the Merkle root of a batch of
    items ("merkle_root", see `timestamp_proofs`), or the custody log's head hash at event
    `head_seq` ("custody_head"). Serial number and nonce can exceed 64 bits: decimal text.
    """

    __tablename__ = "timestamp_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(16))
    digest: Mapped[str] = mapped_column(String(64), index=True)
    response_der: Mapped[bytes] = mapped_column(LargeBinary)
    tsa_config_name: Mapped[str] = mapped_column(Text)
    tsa_url: Mapped[str] = mapped_column(Text)
    tsa_name: Mapped[str] = mapped_column(Text)
    gen_time_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    serial_number: Mapped[str] = mapped_column(String(64))
    policy_oid: Mapped[str] = mapped_column(String(128))
    nonce: Mapped[str | None] = mapped_column(String(32))
    chain_pem: Mapped[bytes] = mapped_column(LargeBinary)  # signer and intermediates
    root_pem: Mapped[bytes] = mapped_column(LargeBinary)  # the root that vouched when it was stored
    head_seq: Mapped[int | None] = mapped_column(Integer)
    obtained_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())


class TimestampProof(Base):
    """How one item is covered by a token: its place in the batch and the Merkle steps to the root.

    For a token whose subject is "item" the batch is that one item, stamped directly: leaf 0
    of 1 and no steps, and the token's digest is the item's SHA-256 itself.
    """

    __tablename__ = "timestamp_proofs"
    __table_args__ = (UniqueConstraint("item_id", "token_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("timestamp_tokens.id"), index=True)
    leaf_index: Mapped[int] = mapped_column(Integer)
    tree_size: Mapped[int] = mapped_column(Integer)
    proof_steps: Mapped[str] = mapped_column(Text)  # JSON list of "left:<hex>" / "right:<hex>"


class TsaRoot(Base):
    """A time-stamp authority's root certificate the vault's keeper said to trust (`timestamp --tsa-ca`).

    Stored as DER, whatever form it was given in; `sha256` is the SHA-256 of that DER (the
    certificate's fingerprint), also carried by the `tsa_ca_added` custody event at `event_seq`.
    Only ever added (database triggers refuse updates and deletes).
    """

    __tablename__ = "tsa_roots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    der: Mapped[bytes] = mapped_column(LargeBinary)
    subject: Mapped[str] = mapped_column(Text)  # RFC 4514 text of the certificate's subject
    tsa_url: Mapped[str] = mapped_column(Text)  # the authority it was given for
    added_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    event_seq: Mapped[int] = mapped_column(Integer)


class _SealedVersion:
    """The columns every sealed record version shares (`storage/versioned.py`): the version,
    its body (canonical JSON), the body's SHA-256, when it was recorded and its custody event."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    recorded_at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    event_seq: Mapped[int] = mapped_column(Integer)


class IncidentVersion(_SealedVersion, Base):
    """One version of an incident the keeper wrote down (`storage/incidents.py`).

    `body` is the canonical JSON of the incident's fields and `sha256` its SHA-256, also carried
    by the `incident_recorded` / `incident_edited` custody event at `event_seq`. An edit adds a
    version; none is ever changed or removed (database triggers refuse updates and deletes).
    """

    __tablename__ = "incident_versions"
    __table_args__ = (UniqueConstraint("incident_id", "version"),)

    incident_id: Mapped[int] = mapped_column(Integer, index=True)


class PersonVersion(_SealedVersion, Base):
    """One version of a person in the people register (`storage/people.py`): the other party's
    names, numbers, handles, e-mail addresses and profile addresses. Sealed and append-only like
    `IncidentVersion`, with `person_recorded` / `person_edited` events."""

    __tablename__ = "person_versions"
    __table_args__ = (UniqueConstraint("person_id", "version"),)

    person_id: Mapped[int] = mapped_column(Integer, index=True)


class NoticeVersion(_SealedVersion, Base):
    """One version of a notice to a platform (`storage/notices.py`): drafted, sent, answered,
    content removed. Sealed and append-only like `IncidentVersion`, with `notice_recorded` /
    `notice_edited` events, so the log shows when the keeper said each step happened."""

    __tablename__ = "notice_versions"
    __table_args__ = (UniqueConstraint("notice_id", "version"),)

    notice_id: Mapped[int] = mapped_column(Integer, index=True)
