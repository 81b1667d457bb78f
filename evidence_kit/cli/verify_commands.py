"""The checking commands: `verify` (a vault, every byte and the custody log) and `verify-package`
(a received dossier package, no vault needed). Both exit 1 when they find damage."""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence_kit.cli.common import out
from evidence_kit.cli.reparse_commands import print_findings
from evidence_kit.cli.session import open_vault, settings_or_none, stamp_quietly
from evidence_kit.domain import VerifyReport
from evidence_kit.errors import VaultTornError
from evidence_kit.i18n import error_text, fmt, get_language
from evidence_kit.importers.reparse import check_reparse
from evidence_kit.settings import trusted_tsa_roots
from evidence_kit.verify.tearing import TORN_CODE


def print_report(report: VerifyReport) -> None:
    torn = [p for p in report.problems if p.code == TORN_CODE]
    if torn:  # said first and on its own: what happened and what to do
        out(fmt(torn[0].template, torn[0].params))
    if report.ok:
        out(
            fmt(
                "Vault intact: {items} items ({bytes} bytes) re-hashed and matching, {events} custody events "
                "verified. Log head: {head}",
                {
                    "items": str(report.items_checked),
                    "bytes": f"{report.bytes_checked:,}",
                    "events": str(report.events_checked),
                    "head": report.head_hash,
                },
            )
        )
        return
    out(fmt("Vault NOT intact: {count} problems found.", {"count": str(len(report.problems))}))
    for problem in report.problems:
        if problem.code != TORN_CODE:
            out("  - " + fmt(problem.template, problem.params))


def cmd_verify(args: argparse.Namespace) -> int:
    try:
        vault = open_vault(args)
    except VaultTornError as exc:  # a finding of verify, not an error of the command: exit 1
        out(error_text(exc))
        return 1
    reparse_failed = False
    with vault:
        stamp_quietly(vault)
        report = vault.verify(tsa_roots=trusted_tsa_roots(settings_or_none()))
        print_report(report)
        if getattr(args, "reparse", False):
            reparse_failed = print_findings(check_reparse(vault))
    return 0 if report.ok and not reparse_failed else 1


def cmd_verify_package(args: argparse.Namespace) -> int:
    from evidence_kit.verify.package import format_report, verify_package

    report = verify_package(Path(args.path))
    out(format_report(report, get_language()))
    return 0 if report.ok else 1
