"""The vault's PDF signing identity: an ECDSA P-256 key and its self-signed certificate.

Rule: the vault makes this key on first use and keeps it inside its encryption (a vault
secret); `dossier/signing.py` signs PDFs with it. The certificate is public inside every
exported PDF, so its name names the tool and the vault id, never the case or the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import Connection, insert, select

from evidence_kit.errors import EvidenceKitError
from evidence_kit.hashing import sha256_hex
from evidence_kit.storage.models import VaultSecret

SECRET_NAME = "pdf_signing_identity"  # noqa: S105 (its name among the vault's secrets, not a password)
DEFAULT_VALID_YEARS = 50  # one vault, one case: the certificate must outlive the case


class SigningIdentityError(EvidenceKitError):
    template = "The vault's PDF signing key cannot be read: {detail}"


@dataclass(frozen=True)
class SigningIdentity:
    """The vault's PDF signing key and its self-signed certificate."""

    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def certificate_der(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.DER)

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def certificate_sha256(self) -> str:
        """SHA-256 (hex) of the certificate's DER: recorded in manifest.json, checked by verify-package."""
        return sha256_hex(self.certificate_der)

    def to_bytes(self) -> bytes:
        """PKCS#8 private key + certificate as PEM, unencrypted: the vault keeps it inside its encryption."""
        key = self.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        return key + self.certificate_pem

    @classmethod
    def from_bytes(cls, data: bytes) -> SigningIdentity:
        try:
            key = serialization.load_pem_private_key(data, password=None)
            certificate = x509.load_pem_x509_certificate(data)
        except (ValueError, TypeError) as exc:
            raise SigningIdentityError(detail=str(exc)) from exc
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise SigningIdentityError(detail="not an ECDSA key")
        if certificate.public_key() != key.public_key():
            raise SigningIdentityError(detail="the certificate does not belong to the key")
        return cls(key, certificate)


def make_signing_identity(
    common_name: str, *, now: datetime | None = None, valid_years: int = DEFAULT_VALID_YEARS
) -> SigningIdentity:
    """A new ECDSA P-256 key and a self-signed certificate for it, e.g. "Evidence Kit vault 3f2a…".

    Key usage: digital signature and non-repudiation (content commitment), the pair PDF
    signers expect; not a CA. `now` is for tests.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Evidence Kit (self-made certificate)"),
        ]
    )
    public_key = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        # A day of slack for a computer clock that is slightly behind.
        .not_valid_before(moment - timedelta(days=1))
        .not_valid_after(moment + timedelta(days=365 * valid_years + valid_years // 4))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public_key), critical=False)
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(key, certificate)


def stored_identity(conn: Connection, vault_id: str) -> SigningIdentity:
    """The vault's identity from its secrets, made and stored (in the caller's transaction) on first use."""
    query = select(VaultSecret.value).where(VaultSecret.name == SECRET_NAME)
    stored = conn.execute(query).scalar_one_or_none()
    if stored is not None:
        return SigningIdentity.from_bytes(stored)
    # The certificate is inside every exported PDF: it names the tool and the vault id,
    # never the case or the person.
    identity = make_signing_identity(f"Evidence Kit vault {vault_id}")
    conn.execute(
        insert(VaultSecret).values(
            name=SECRET_NAME, value=identity.to_bytes(), created_at_utc=datetime.now(UTC)
        )
    )
    return identity
