"""The checking commands: `verify` (a vault, every byte and the custody log) and `verify-package`
(a received dossier package, no vault needed).

Both exit with the same codes: 0 intact, 1 integrity failure (something was changed, lost or
added unlogged, or the vault no longer extends the head given with `--against`), 3 intact but
with trust warnings (a time-stamp rests on a root nobody vouched for), 2 usage error (bad
arguments, a path that is not there, a FILE that records no head).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence_kit.cli.common import UsageError, out, printable, printable_params
from evidence_kit.cli.reparse_commands import print_findings
from evidence_kit.cli.session import open_vault, settings_or_none, stamp_quietly
from evidence_kit.domain import Problem, VerifyReport
from evidence_kit.errors import VaultTornError
from evidence_kit.i18n import _, error_text, fmt, get_language, nfmt
from evidence_kit.importers.reparse import check_reparse
from evidence_kit.settings import trusted_tsa_roots
from evidence_kit.timestamping.user_roots import read_root_file
from evidence_kit.verify.against import format_head, read_recorded_head
from evidence_kit.verify.tearing import TORN_CODE

EXIT_INTACT = 0
EXIT_INTEGRITY = 1
EXIT_USAGE = 2
EXIT_TRUST = 3


def _line(problem: Problem) -> str:
    return "  - " + fmt(problem.template, printable_params(problem.params))


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
                    "head": format_head(report.head_seq, report.head_hash),
                },
            )
        )
    else:
        out(
            nfmt(
                "Vault NOT intact: {count} problem found.",
                "Vault NOT intact: {count} problems found.",
                len(report.problems),
            )
        )
        for problem in report.problems:
            if problem.code != TORN_CODE:
                out(_line(problem))
    if report.warnings:
        out(
            fmt(
                "Trust warnings ({count}): nothing stored was changed, but some of it rests on trust "
                "nobody has given yet.",
                {"count": str(len(report.warnings))},
            )
        )
        for problem in report.warnings:
            out(_line(problem))
    if report.notes:
        out(_("Good to know:"))
        for problem in report.notes:
            out(_line(problem))


def exit_code(intact: bool, warnings: int) -> int:
    if not intact:
        return EXIT_INTEGRITY
    return EXIT_TRUST if warnings else EXIT_INTACT


def cmd_verify(args: argparse.Namespace) -> int:
    against = read_recorded_head(Path(args.against)) if args.against else None
    try:
        vault = open_vault(args)
    except VaultTornError as exc:  # a finding of verify, not an error of the command: exit 1
        out(error_text(exc))
        return EXIT_INTEGRITY
    reparse = False
    with vault:
        stamp_quietly(vault)
        report = vault.verify(tsa_roots=trusted_tsa_roots(settings_or_none()), against=against)
        print_report(report)
        if getattr(args, "reparse", False):
            findings = check_reparse(vault)
            reparse = True
    if reparse:
        failed, warned = print_findings(findings)
        return exit_code(report.ok and not failed, len(report.warnings) + warned)
    return exit_code(report.ok, len(report.warnings))


def cmd_verify_package(args: argparse.Namespace) -> int:
    from evidence_kit.verify.package import format_report, verify_package

    path = Path(args.path)
    trusted = []
    for name in args.trust_ca or ():
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise UsageError(
                detail=fmt(
                    "Could not read {path}: {detail}", {"path": name, "detail": exc.strerror or str(exc)}
                )
            ) from exc
        trusted += read_root_file(data, name)
    report = verify_package(path, trusted_roots=trusted)
    out(format_report(report, get_language(), escape=printable))
    return exit_code(report.ok, len(report.warnings))
