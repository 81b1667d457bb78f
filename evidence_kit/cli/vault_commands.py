"""The commands about the vault itself: `init` (create one), `passwd` and `recover` (a new
passphrase, or with `--rotate-key` a new data key), `recovery-code` (a new recovery code),
`leftovers` (left-over partial files in the vault folder) and `cleanup` (the partial files a killed
export or extract left).

What each key command does and does not do is said where it is done (docs/security.md,
"Changing the keys"): a new passphrase or recovery code rewraps the same data key, so an old
copy of keys.json still opens the vault with the old secret; only `passwd --rotate-key`
makes every old copy useless.
"""

from __future__ import annotations

import argparse
from pathlib import Path

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
from evidence_kit.cli.session import open_vault, report_leftover_partials, report_opening, stamp_quietly
from evidence_kit.errors import NotAVaultError
from evidence_kit.i18n import _, fmt
from evidence_kit.progress import ProgressInfo
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.folder import KEY_FILE, acquire_lock
from evidence_kit.storage.leftovers import find_leftovers, remove_leftovers
from evidence_kit.vault import Vault, display_path


def _show_recovery_code(code: str) -> None:
    out(
        _(
            "Recovery code (shown only now; write it down and keep it somewhere safe, away from this "
            "computer):"
        )
    )
    out(f"    {code}")
    out(_("With this code you can set a new passphrase if you forget yours."))


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = secret(args.passphrase_file, ENV_PASSPHRASE, _("New passphrase: "), confirm=True)
    vault, code = Vault.create(args.vault, passphrase, case_title=args.title or "", kdf=kdf(args))
    with vault:
        out(fmt("Vault created: {path}", {"path": printable(display_path(vault.path))}))
        _show_recovery_code(code)
    return 0


class _Percent:
    """Re-encryption progress on stderr, one line per tenth (no terminal tricks: logs stay readable)."""

    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, info: ProgressInfo) -> None:
        tenth = info.done_bytes * 10 // max(1, info.total_bytes)
        if tenth > self.shown:
            self.shown = tenth
            err(fmt("Re-encrypting: {percent}%", {"percent": str(tenth * 10)}))


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        stamp_quietly(vault)
        passphrase = new_passphrase(args)
        if args.rotate_key:
            code = vault.rotate_key(passphrase, kdf=kdf(args), progress=_Percent())
        else:
            vault.change_passphrase(passphrase, kdf=kdf(args))
    if not args.rotate_key:
        out(_("Passphrase changed. The recovery code stays valid."))
        out(
            _(
                "The data key is the same: an old copy of keys.json still opens the vault with the old "
                "passphrase. Use passwd --rotate-key to make old copies useless."
            )
        )
        return 0
    out(
        _(
            "The vault is re-encrypted under a new key. Old copies of keys.json and the old recovery "
            "code no longer open it; backups of the whole folder made before still open with their own "
            "passphrase."
        )
    )
    _show_recovery_code(code)
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    code = secret(args.recovery_code_file, ENV_RECOVERY_CODE, _("Recovery code: "))
    with Vault.open(args.vault, recovery_code=code) as vault:
        report_opening(vault)
        report_leftover_partials(vault)
        stamp_quietly(vault)
        vault.change_passphrase(new_passphrase(args), kdf=kdf(args), event_type=EventType.RECOVERED)
    out(_("New passphrase set with the recovery code."))
    return 0


def cmd_recovery_code(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        stamp_quietly(vault)
        code = vault.reissue_recovery_code(kdf=kdf(args))
    out(_("A new recovery code was made; the old one no longer opens this vault's key file."))
    _show_recovery_code(code)
    out(
        _(
            "An old copy of keys.json still opens the vault with the old code. Use passwd --rotate-key "
            "to make old copies useless."
        )
    )
    return 0


def cmd_leftovers(args: argparse.Namespace) -> int:
    """List (with --remove: delete) left-over partial files. Needs no passphrase, only the folder's
    lock, so nothing is removed while another program is writing."""
    folder = Path(args.vault)
    if not (folder / KEY_FILE).is_file():
        raise NotAVaultError(path=display_path(folder))
    lock = acquire_lock(folder)
    try:
        found = find_leftovers(folder)
        for path in found:
            out(fmt("Left-over partial file: {path}", {"path": printable(display_path(path))}))
        failed = remove_leftovers(found) if args.remove else []
    finally:
        lock.release()
    if not found:
        out(_("No left-over partial files."))
    elif args.remove and not failed:
        out(_("Removed."))
    for path in failed:
        err(fmt("Could not remove {path}.", {"path": printable(display_path(path))}))
    return 1 if failed else 0


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
