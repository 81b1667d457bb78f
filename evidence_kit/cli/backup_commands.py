"""`evidence-kit backup VAULT DEST`: a consistent, verified copy of the vault in a new folder.

Exit codes as everywhere: 0 the backup is made and checked; 1 the copy was written but did not
check out (it was removed, like `verify` finding problems); 2 an error in one sentence (the
destination is not empty, wrong passphrase, disk full).
"""

from __future__ import annotations

import argparse
import sys

from evidence_kit.cli.common import err, out, printable
from evidence_kit.cli.session import open_vault, stamp_quietly
from evidence_kit.errors import BackupNotVerifiedError
from evidence_kit.i18n import _, error_text, fmt
from evidence_kit.progress import ProgressInfo


class _TerminalProgress:
    """One self-overwriting line on stderr, only when stderr is a terminal (never in a log file)."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, info: ProgressInfo) -> None:
        if info.total_files:
            text = fmt(
                "Checking the copy: {done} of {total} items",
                {"done": str(info.done_files), "total": str(info.total_files)},
            )
        elif info.total_bytes:
            text = fmt("Copying: {percent}%", {"percent": str(100 * info.done_bytes // info.total_bytes)})
        else:
            return
        sys.stderr.write("\r" + text.ljust(60))
        sys.stderr.flush()
        self.shown = True

    def end(self) -> None:
        """End the line (once), so what follows starts on a line of its own."""
        if self.shown:
            sys.stderr.write("\n")
            self.shown = False


def cmd_backup(args: argparse.Namespace) -> int:
    progress = _TerminalProgress()
    with open_vault(args) as vault:
        stamp_quietly(vault)  # tokens that arrive now travel in the copy
        try:
            report = vault.backup(args.dest, progress=progress if sys.stderr.isatty() else None)
        except BackupNotVerifiedError as exc:
            progress.end()
            err(error_text(exc))
            return 1
        finally:
            progress.end()
    out(fmt("Backup made and checked: {path}", {"path": printable(report.folder)}))
    out(
        fmt(
            "{items} items; custody log up to event {seq} ({head}); SHA-256 of the database: {sha256}",
            {
                "items": str(report.items),
                "seq": str(report.head_seq),
                "head": report.head_hash,
                "sha256": report.db_sha256,
            },
        )
    )
    out(
        _(
            "The backup opens with the same passphrase and recovery code as the vault. Keep it away from "
            "this computer, for example on a USB stick in a safe place."
        )
    )
    return 0
