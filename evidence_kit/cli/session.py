"""A vault opened for one command, and the trusted time-stamps asked on the side.

Commands that change a vault (add, extract, verify, passwd, recover, export) stamp what waits
with the settings' time-stamp authorities and a short timeout; that never fails the command.
"""

from __future__ import annotations

import argparse

from evidence_kit.cli.common import ENV_PASSPHRASE, err, secret
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, error_text, fmt
from evidence_kit.settings import Settings, SettingsError, load_settings
from evidence_kit.timestamping.queue import SUBJECT_CUSTODY_HEAD, StampReport, most_specific
from evidence_kit.vault import Vault

AUTO_STAMP_TIMEOUT_S = 5.0  # commands that stamp on the side wait at most this long per TSA


def open_vault(args: argparse.Namespace) -> Vault:
    passphrase = secret(args.passphrase_file, ENV_PASSPHRASE, _("Passphrase: "))
    return Vault.open(args.vault, passphrase)


def settings_or_none() -> Settings | None:
    try:
        return load_settings()
    except SettingsError:
        return None


def _postponed(error: EvidenceKitError) -> None:
    err(fmt("Time-stamping postponed, will retry later: {reason}", {"reason": error_text(error)}))


def _stamp_summary(report: StampReport) -> None:
    """One line for what a run stamped and one for why the rest waits (on stderr: a side effect)."""
    item_tokens = [t for t in report.tokens if t.subject != SUBJECT_CUSTODY_HEAD]
    if report.items:
        err(
            fmt(
                "{count} items time-stamped by {tsa}.",
                {"count": str(len(report.items)), "tsa": item_tokens[0].tsa_config_name},
            )
        )
    elif report.tokens:
        err(fmt("Custody log time-stamped by {tsa}.", {"tsa": report.tokens[0].tsa_config_name}))
    for error in report.errors:
        _postponed(most_specific(error))


def stamp_quietly(vault: Vault) -> StampReport | None:
    """Stamp what waits, with the settings' TSAs and a short timeout; never fails the command.

    Called after `add` and `export` and when a modifying command opens a vault. Prints nothing
    when nothing waits or timestamping is off in the settings (the work then stays queued).
    """
    try:
        tsas = load_settings().tsa_configs(timeout=AUTO_STAMP_TIMEOUT_S)
        if not tsas:
            return None
        report = vault.stamp_pending(tsas)
    except EvidenceKitError as exc:  # unreadable settings, or the vault could not store a token
        if isinstance(exc, SettingsError) or vault.is_open:
            _postponed(exc)
        return None
    _stamp_summary(report)
    return report
