"""Root certificates of time-stamp authorities that the vault's keeper chose to trust.

Rules this module keeps:
- A root given with `timestamp --tsa URL --tsa-ca FILE` is kept in the vault (table
  `tsa_roots`), as DER whatever form it came in, with a `tsa_ca_added` custody event carrying
  its SHA-256 in the same transaction. The same certificate is stored once.
- Such a root is trusted *because the keeper said so*: `verify` names it, with the day it was
  added and its fingerprint, whenever a time-stamp rests on it, and a dossier package ships it
  so a reader can compare it with what the authority publishes.
- A stored root whose custody event is missing or names another fingerprint is not trusted
  (verify reports it as damage: the table is not the record of what the keeper did).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import Connection, insert, select

from evidence_kit.hashing import sha256_hex
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.models import TsaRoot, table_of
from evidence_kit.timestamping.errors import TsaRootFileError

_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)


@dataclass(frozen=True)
class StoredTsaRoot:
    """One root as the vault keeps it."""

    sha256: str  # of the DER: the fingerprint every face shows
    der: bytes = field(repr=False)
    subject: str
    tsa_url: str
    added_at: datetime  # aware UTC
    event_seq: int

    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.der)

    def pem(self) -> bytes:
        return self.certificate().public_bytes(Encoding.PEM)


def read_root_file(data: bytes, path: str) -> list[x509.Certificate]:
    """Every certificate in a file given as PEM (one or more blocks, any text around them) or DER."""
    try:
        blocks = _PEM_BLOCK.findall(data)
        if blocks:
            return [x509.load_pem_x509_certificate(block) for block in blocks]
        if data.lstrip()[:1] == b"-":
            raise ValueError("a PEM file without a CERTIFICATE block")
        try:
            return [x509.load_der_x509_certificate(data)]
        except ValueError:
            # Base64 of a DER certificate without the PEM lines around it.
            return [x509.load_der_x509_certificate(base64.b64decode(b"".join(data.split()), validate=True))]
    except ValueError as exc:
        raise TsaRootFileError(path=path, detail=str(exc) or type(exc).__name__) from exc


def certificate_sha256(certificate: x509.Certificate) -> str:
    return sha256_hex(certificate.public_bytes(Encoding.DER))


def read_stored_roots(conn: Connection) -> list[StoredTsaRoot]:
    rows = conn.execute(select(TsaRoot).order_by(TsaRoot.id)).all()
    return [StoredTsaRoot(r.sha256, r.der, r.subject, r.tsa_url, r.added_at_utc, r.event_seq) for r in rows]


def add_roots(
    db: VaultDatabase, certificates: Sequence[x509.Certificate], tsa_url: str
) -> list[StoredTsaRoot]:
    """Store each certificate not stored yet, each with its `tsa_ca_added` event; the new ones."""
    added: list[StoredTsaRoot] = []
    with db.write() as conn:
        known = {root.sha256 for root in read_stored_roots(conn)}
        for certificate in certificates:
            der = certificate.public_bytes(Encoding.DER)
            fingerprint = sha256_hex(der)
            if fingerprint in known:
                continue
            known.add(fingerprint)
            subject = certificate.subject.rfc4514_string()
            event = db.append_event(
                conn,
                EventType.TSA_CA_ADDED,
                {"sha256": fingerprint, "subject": subject, "tsa_url": tsa_url},
            )
            now = datetime.now(UTC)
            conn.execute(
                insert(table_of(TsaRoot)).values(
                    sha256=fingerprint,
                    der=der,
                    subject=subject,
                    tsa_url=tsa_url,
                    added_at_utc=now,
                    event_seq=event.seq,
                )
            )
            added.append(StoredTsaRoot(fingerprint, der, subject, tsa_url, now, event.seq))
    return added


def added_day(root: StoredTsaRoot) -> str:
    """The day a root was added, as reports show it (UTC)."""
    return root.added_at.astimezone(UTC).strftime("%Y-%m-%d")


__all__ = [
    "StoredTsaRoot",
    "add_roots",
    "added_day",
    "certificate_sha256",
    "read_root_file",
    "read_stored_roots",
]
