"""Which time-stamp authorities (TSAs) we ask, and which roots we trust them under.

Rule: a TSA is trusted only through the roots named for it: its own PEM roots when configured
(pinning), otherwise Mozilla's root store as shipped by `certifi` (the same on every platform and
inside a frozen build). The list of public TSAs is data, in order of preference; nothing here
touches the network. Only the SHA-256 that is stamped ever reaches a TSA, never content.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from urllib.parse import urlsplit

import certifi
from cryptography import x509
from cryptography.utils import CryptographyDeprecationWarning

from evidence_kit.timestamping.errors import TsaCertificateFileError, TsaConfigError, TsaUrlError

DEFAULT_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class TsaConfig:
    """One time-stamp authority.

    `roots_pem`: PEM certificates trusted as roots for this TSA only; None means the certifi
    (Mozilla) bundle. `intermediates_pem`: extra CA certificates for building the chain when the
    TSA does not send them in its reply. `note`: why it is here and how it is trusted (for docs).
    """

    name: str
    url: str
    roots_pem: bytes | None = None
    intermediates_pem: bytes | None = None
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    note: str = ""

    def validated_url(self) -> str:
        """The URL if it is http(s) with a host; TsaConfigError otherwise (never file:, ftp:, ...)."""
        try:
            parts = urlsplit(self.url)
        except ValueError:
            raise TsaUrlError(tsa=self.name, url=self.url) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TsaUrlError(tsa=self.name, url=self.url)
        return self.url

    def trust_roots(self) -> tuple[x509.Certificate, ...]:
        if self.roots_pem is None:
            try:
                return certifi_roots()
            except (OSError, ValueError) as exc:  # a broken install or frozen build
                raise TsaConfigError(tsa=self.name, detail=f"the root store is unreadable ({exc})") from exc
        return _load_pem(self.roots_pem, self.name)

    def intermediates(self) -> tuple[x509.Certificate, ...]:
        if not self.intermediates_pem:
            return ()
        return _load_pem(self.intermediates_pem, self.name)


def _load_pem(pem: bytes, tsa: str) -> tuple[x509.Certificate, ...]:
    try:
        with warnings.catch_warnings():  # as in certifi_roots: old roots with odd serial numbers load
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            certificates = tuple(x509.load_pem_x509_certificates(pem))
    except ValueError as exc:
        raise TsaCertificateFileError(tsa=tsa, detail=str(exc)) from exc
    return certificates


@functools.cache
def certifi_roots() -> tuple[x509.Certificate, ...]:
    """Mozilla's root store as shipped by certifi, parsed once per process."""
    with open(certifi.where(), "rb") as handle:
        pem = handle.read()
    with warnings.catch_warnings():
        # A few old roots have a non-positive serial number; cryptography warns but they load.
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return tuple(x509.load_pem_x509_certificates(pem))


# Well-known free public TSAs. None of them can be reached from the development machines, so
# the notes record what their operators publish, not what we tested; check each from a connected
# machine before a release (a stamp of a test digest and `openssl ts -verify` of it).
_PRIVACY = "Sees only the SHA-256 sent to it (and, over plain HTTP, so does the network)."

DIGICERT = TsaConfig(
    name="DigiCert",
    url="http://timestamp.digicert.com",
    note="Chains to DigiCert Trusted Root G4 (in the Mozilla/certifi store); sends its chain "
    "when asked. Plain HTTP: the token is protected by its signature. " + _PRIVACY,
)
SECTIGO = TsaConfig(
    name="Sectigo",
    url="https://timestamp.sectigo.com",
    note="Chains to a Sectigo/USERTrust root (in the Mozilla/certifi store, by cross-signature "
    "for the newer time-stamping roots). HTTPS. " + _PRIVACY,
)
GLOBALSIGN = TsaConfig(
    name="GlobalSign",
    url="http://timestamp.globalsign.com/tsa/r6advanced1",
    note="Chains to GlobalSign Root R6 (in the Mozilla/certifi store). Plain HTTP. " + _PRIVACY,
)
FREETSA = TsaConfig(
    name="FreeTSA",
    url="https://freetsa.org/tsr",
    note="Uses its own root CA, which is not in the Mozilla store: usable only with roots_pem set to "
    "FreeTSA's published root (cacert.pem), its fingerprint checked out of band. Not in "
    "DEFAULT_TSAS for that reason. HTTPS. " + _PRIVACY,
)

PUBLIC_TSAS: tuple[TsaConfig, ...] = (DIGICERT, SECTIGO, GLOBALSIGN, FREETSA)
"""Every public TSA we know of, with its trust note."""

DEFAULT_TSAS: tuple[TsaConfig, ...] = (DIGICERT, SECTIGO, GLOBALSIGN)
"""What a new vault asks, in this order: the public TSAs that verify under the certifi roots."""
