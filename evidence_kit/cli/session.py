"""A vault opened for one command, and the trusted time-stamps asked on the side.

Commands that change a vault (add, extract, verify, passwd, recover, export) stamp what waits
with the settings' time-stamp authorities and a short timeout; that never fails the command.
Every opening names the partial files an export or extract left when it was killed
(storage/partials.py) and how to remove them; that never fails the command either.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from evidence_kit.cli.common import ENV_PASSPHRASE, err, error_line, printable, secret
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, fmt
from evidence_kit.settings import Settings, SettingsError, load_settings
from evidence_kit.storage.leftovers import remove_leftovers
from evidence_kit.timestamping.queue import SUBJECT_CUSTODY_HEAD, StampReport, most_specific
from evidence_kit.vault import Vault, display_path

AUTO_STAMP_TIMEOUT_S = 5.0  # commands that stamp on the side wait at most this long per TSA


def open_vault(args: argparse.Namespace, *, report_partials: bool = True) -> Vault:
    passphrase = secret(args.passphrase_file, ENV_PASSPHRASE, _("Passphrase: "))
    vault = Vault.open(args.vault, passphrase)
    report_opening(vault)
    if report_partials:
        report_leftover_partials(vault)
    return vault


def report_opening(vault: Vault) -> None:
    """Say what opening found: an interrupted key change settled, and left-over partial files
    (offered for removal at a terminal; otherwise the `leftovers --remove` command is named)."""
    if vault.interrupted_change == "finished":
        err(_("A key change that was interrupted has been completed."))
    elif vault.interrupted_change == "undone":
        err(_("A key change that was interrupted was undone; the vault is as it was before it."))
    found = vault.leftovers()
    if not found:
        return
    for path in found:
        err(fmt("Left-over partial file: {path}", {"path": printable(display_path(path))}))
    err(
        _(
            "A write was interrupted (the program was stopped or the computer lost power). These files "
            "are not part of the vault and are never read, but a key file's copy is a copy of the key."
        )
    )
    if sys.stdin.isatty() and sys.stderr.isatty():
        err(_("Remove the left-over partial files now? [y/N] "))
        try:
            answer = input()
        except EOFError:
            answer = ""
        if answer.strip().lower() in {"y", "yes", "j", "ja"}:
            failed = remove_leftovers(found)
            err(_("Removed.") if not failed else _("Some files could not be removed."))
        return
    command = {"vault": printable(display_path(vault.path))}
    err(fmt("Remove them with: evidence-kit leftovers --remove {vault}", command))


def report_leftover_partials(vault: Vault) -> None:
    """On stderr: each partial file a killed export or extract left, and the command that removes them."""
    try:
        found = vault.partials.leftovers()
    except EvidenceKitError:
        return  # the command itself meets the same problem and says so
    for path in found:
        err(
            fmt(
                "Unfinished file left by an export or extract that was stopped: {path}",
                {"path": printable(display_path(path))},
            )
        )
    if found:
        command = f"evidence-kit cleanup {shlex.quote(display_path(vault.path))}"
        values = {"command": printable(command)}
        if len(found) == 1:
            err(fmt("To remove it, run: {command}", values))
        else:
            err(fmt("To remove them, run: {command}", values))


def settings_or_none() -> Settings | None:
    try:
        return load_settings()
    except SettingsError:
        return None


def _postponed(error: EvidenceKitError) -> None:
    err(fmt("Time-stamping postponed, will retry later: {reason}", {"reason": error_line(error)}))


def _stamp_summary(report: StampReport) -> None:
    """One line for what a run stamped and one for why the rest waits (on stderr: a side effect)."""
    item_tokens = [t for t in report.tokens if t.subject != SUBJECT_CUSTODY_HEAD]
    if report.items:
        err(
            fmt(
                "{count} items time-stamped by {tsa}.",
                {"count": str(len(report.items)), "tsa": printable(item_tokens[0].tsa_config_name)},
            )
        )
    elif report.tokens:
        err(fmt("Custody log time-stamped by {tsa}.", {"tsa": printable(report.tokens[0].tsa_config_name)}))
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
