"""Typed errors of RFC 3161 timestamping.

Rule: every way a time-stamp authority (TSA) can fail us is one class with an English template,
so the vault can leave the work queued with a clear reason and the UI can translate it. A
failure to get a timestamp is never fatal to an import: callers catch `TimestampError`.
A `{detail}` parameter carries technical text from a library or the network (not translated).
"""

from __future__ import annotations

from collections.abc import Sequence

from evidence_kit.errors import EvidenceKitError


class TimestampError(EvidenceKitError):
    """Base of every timestamping failure; `params["tsa"]` names the authority when there is one."""

    template = "Timestamping failed at {tsa}: {detail}"


class TsaConfigError(TimestampError):
    """The configuration of one TSA is unusable (address or trust roots)."""

    template = "The time-stamp authority {tsa} is not configured correctly: {detail}"


class TsaUrlError(TsaConfigError):
    template = "The address {url} of the time-stamp authority {tsa} is not an http:// or https:// address."


class TsaCertificateFileError(TsaConfigError):
    template = "The certificates configured for the time-stamp authority {tsa} cannot be read: {detail}"


class TsaUnreachableError(TimestampError):
    """No HTTP answer at all: refused, DNS failure, TLS failure, connection dropped."""

    template = "The time-stamp authority {tsa} could not be reached: {detail}"


class TsaTimeoutError(TsaUnreachableError):
    template = "The time-stamp authority {tsa} did not answer within {seconds} seconds."


class TsaHttpError(TimestampError):
    template = "The time-stamp authority {tsa} answered with HTTP status {status}."


class TsaGarbageResponseError(TimestampError):
    template = "The time-stamp authority {tsa} sent an answer that is not a time-stamp response: {detail}"


class TsaRejectedError(TimestampError):
    template = "The time-stamp authority {tsa} refused the request (status {status}): {detail}"


class TokenDigestMismatchError(TimestampError):
    template = "The time-stamp from {tsa} is for different data than was sent."


class NonceMismatchError(TimestampError):
    template = (
        "The time-stamp from {tsa} does not answer this request (wrong nonce); "
        "it may be an old answer replayed."
    )


class TsaCertificateError(TimestampError):
    """The certificate that signed the token is not fit to vouch for a time."""

    template = "The certificate of the time-stamp authority {tsa} is not valid for time-stamping: {detail}"


class TsaCertificatePurposeError(TsaCertificateError):
    template = (
        "The certificate of the time-stamp authority {tsa} is not meant for time-stamping "
        "(it lacks the critical timeStamping extended key usage)."
    )


class TsaCertificateExpiredError(TsaCertificateError):
    template = (
        "The certificate {subject} of the time-stamp authority {tsa} was not valid at the time "
        "of the time-stamp ({gen_time})."
    )


class TsaCertificateUntrustedError(TsaCertificateError):
    template = (
        "The certificate of the time-stamp authority {tsa} does not lead to a trusted root certificate."
    )


class TsaCertificateMissingError(TsaCertificateError):
    template = "The time-stamp authority {tsa} did not include the certificate that signed its answer."


class TokenSignatureError(TimestampError):
    template = "The signature on the time-stamp from {tsa} does not verify: {detail}"


class NoTsaConfiguredError(TimestampError):
    template = "Timestamping is off: no time-stamp authority is configured."


class NoTsaAnsweredError(TimestampError):
    """Every configured TSA failed; `failures` holds each one's error, in the order tried."""

    template = "No time-stamp authority gave a valid time-stamp; the work stays queued. Tried: {tried}."

    def __init__(self, failures: Sequence[TimestampError]) -> None:
        self.failures: tuple[TimestampError, ...] = tuple(failures)
        # The names are data, joined only to fill one parameter; each failure keeps its own template.
        super().__init__(tried=", ".join(error.params.get("tsa", "?") for error in self.failures))


class TsaRootFileError(TimestampError):
    """A file given as a time-stamp authority's root certificate holds none we can read."""

    template = "{path} holds no certificate that can be read (PEM or DER expected): {detail}"
