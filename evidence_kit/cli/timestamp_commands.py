"""The `timestamp` command: trusted time-stamps (RFC 3161) for what waits in a vault's queue.

Only SHA-256 values are sent, never content. A root certificate given with `--tsa-ca` is kept
in the vault (with a `tsa_ca_added` custody event), so later checks trust it as the keeper's word.
The other commands stamp on the side with a short timeout (`session.stamp_quietly`); this one
asks now, and says what was covered and what waits.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from evidence_kit.cli.common import UsageError, error_line, out, printable
from evidence_kit.cli.session import open_vault, settings_or_none
from evidence_kit.i18n import _, fmt
from evidence_kit.settings import Settings, load_settings
from evidence_kit.timestamping import NoTsaAnsweredError, TsaConfig, certifi_roots
from evidence_kit.timestamping.queue import SUBJECT_CUSTODY_HEAD, most_specific
from evidence_kit.timestamping.user_roots import read_root_file
from evidence_kit.vault import Vault


def _id_ranges(ids: Sequence[int]) -> str:
    """1, 2, 3, 7 -> "1-3, 7": item numbers as data, not a sentence."""
    parts: list[str] = []
    ordered = sorted(set(ids))
    start = previous = ordered[0] if ordered else 0
    for value in [*ordered[1:], None]:
        if value is not None and value == previous + 1:
            previous = value
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if value is not None:
            start = previous = value
    return ", ".join(parts)


def _utc_text(moment: Any) -> str:
    return str(moment.strftime("%Y-%m-%d %H:%M:%S UTC"))


def _given_roots(args: argparse.Namespace) -> list[x509.Certificate]:
    """The certificates of --tsa-ca, PEM or DER; a usage error when there are none to read."""
    if not args.tsa_ca:
        return []
    try:
        data = Path(args.tsa_ca).read_bytes()
    except OSError as exc:
        raise UsageError(
            detail=fmt(
                "Could not read {path}: {detail}",
                {"path": args.tsa_ca, "detail": exc.strerror or str(exc)},
            )
        ) from exc
    return read_root_file(data, args.tsa_ca)


def _tsas(args: argparse.Namespace, vault: Vault, given: list[x509.Certificate]) -> tuple[TsaConfig, ...]:
    """The settings' TSAs, or --tsa trusted through the given roots, or else through Mozilla's
    store and every root the keeper added to this vault before."""
    if args.tsa is None:
        return load_settings().tsa_configs()
    roots = given or [*certifi_roots(), *(root.certificate() for root in vault.tsa_roots())]
    pem = b"".join(root.public_bytes(Encoding.PEM) for root in roots)
    settings = settings_or_none() or Settings()
    return (TsaConfig(name=args.tsa, url=args.tsa, roots_pem=pem, timeout=settings.tsa_timeout_s),)


def cmd_timestamp(args: argparse.Namespace) -> int:
    if args.tsa is None and args.tsa_ca:
        raise UsageError(detail=_("--tsa-ca needs --tsa."))
    given = _given_roots(args)
    with open_vault(args) as vault:
        for root in vault.add_tsa_roots(given, args.tsa):
            out(
                fmt(
                    "Root certificate {subject} kept in the vault: from now on you vouch for it "
                    "(SHA-256 fingerprint {fingerprint}).",
                    {"subject": printable(root.subject), "fingerprint": root.sha256},
                )
            )
        tsas = _tsas(args, vault, given)
        waiting = len(vault.pending_timestamps())
        if not waiting:
            out(_("Nothing is waiting for a time-stamp."))
            return 0
        if not tsas:
            out(
                fmt(
                    "Timestamping is off in the settings, so nothing was sent; {count} still waiting. "
                    "Use --tsa URL to ask a time-stamp authority now.",
                    {"count": str(waiting)},
                )
            )
            return 1
        report = vault.stamp_pending(tsas)
    covered = dict(report.token_items)
    for token in report.tokens:
        values = {"tsa": printable(token.tsa_config_name), "time": _utc_text(token.gen_time)}
        if token.subject == SUBJECT_CUSTODY_HEAD:
            values["seq"] = str(token.head_seq)
            out(fmt("Custody log up to event {seq} time-stamped by {tsa} at {time}.", values))
        else:
            values["ids"] = _id_ranges(covered.get(token.id, ()))
            out(fmt("Items {ids} time-stamped by {tsa} at {time}.", values))
    for error in report.errors:
        reason = error_line(most_specific(error))
        out(fmt("Time-stamping postponed, will retry later: {reason}", {"reason": reason}))
        if isinstance(error, NoTsaAnsweredError) and len(error.failures) > 1:
            for failure in error.failures:
                out("  - " + error_line(failure))
    if report.remaining:
        out(fmt("{count} still waiting for a time-stamp.", {"count": str(report.remaining)}))
    return 0 if report.ok else 1
