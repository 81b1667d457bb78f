"""The checking commands: `verify` (a vault, every byte and the custody log) and `verify-package`
(a received dossier package, no vault needed). Both exit 1 when they find damage."""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence_kit.cli.common import out, printable, printable_params
from evidence_kit.cli.session import open_vault, settings_or_none, stamp_quietly
from evidence_kit.domain import VerifyReport
from evidence_kit.i18n import fmt, get_language
from evidence_kit.settings import trusted_tsa_roots


def print_report(report: VerifyReport) -> None:
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
        out("  - " + fmt(problem.template, printable_params(problem.params)))


def cmd_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        stamp_quietly(vault)
        report = vault.verify(tsa_roots=trusted_tsa_roots(settings_or_none()))
    print_report(report)
    return 0 if report.ok else 1


def cmd_verify_package(args: argparse.Namespace) -> int:
    from evidence_kit.verify.package import format_report, verify_package

    report = verify_package(Path(args.path))
    out(format_report(report, get_language(), escape=printable))
    return 0 if report.ok else 1
