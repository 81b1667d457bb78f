"""The commands about the vault itself: `init` (create one), `passwd` and `recover` (a new passphrase),
`cleanup` (remove the partial files a killed export or extract left)."""

from __future__ import annotations

import argparse

from evidence_kit.cli.common import (
    ENV_PASSPHRASE,
    ENV_RECOVERY_CODE,
    err,
    kdf,
    new_passphrase,
    out,
    printable,
    secret,
)
from evidence_kit.cli.session import open_vault, report_leftover_partials, stamp_quietly
from evidence_kit.i18n import _, fmt
from evidence_kit.storage.custody import EventType
from evidence_kit.vault import Vault, display_path


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = secret(args.passphrase_file, ENV_PASSPHRASE, _("New passphrase: "), confirm=True)
    vault, code = Vault.create(args.vault, passphrase, case_title=args.title or "", kdf=kdf(args))
    with vault:
        out(fmt("Vault created: {path}", {"path": printable(display_path(vault.path))}))
        out(
            _(
                "Recovery code (shown only now; write it down and keep it somewhere safe, away from this "
                "computer):"
            )
        )
        out(f"    {code}")
        out(_("With this code you can set a new passphrase if you forget yours."))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        stamp_quietly(vault)
        vault.change_passphrase(new_passphrase(args), kdf=kdf(args))
    out(_("Passphrase changed. The recovery code stays valid."))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    code = secret(args.recovery_code_file, ENV_RECOVERY_CODE, _("Recovery code: "))
    with Vault.open(args.vault, recovery_code=code) as vault:
        report_leftover_partials(vault)
        stamp_quietly(vault)
        vault.change_passphrase(new_passphrase(args), kdf=kdf(args), event_type=EventType.RECOVERED)
    out(_("New passphrase set with the recovery code."))
    return 0


def cmd_cleanup(args: argparse.Namespace) -> int:
    """Remove the partial files recorded in the vault that a killed export or extract left behind."""
    with open_vault(args, report_partials=False) as vault:
        found = vault.partials.leftovers()
        removed = vault.partials.remove_leftovers()
    if not found:
        out(_("No unfinished files were left by a stopped export or extract."))
        return 0
    for path in removed:
        out(fmt("Removed the unfinished file {path}", {"path": printable(display_path(path))}))
    kept = [path for path in found if path not in removed]
    for path in kept:
        err(fmt("Could not remove {path}; remove it by hand.", {"path": printable(display_path(path))}))
    return 2 if kept else 0
