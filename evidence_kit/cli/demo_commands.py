"""The `demo` command: a vault built from the fictional demo case, listed and verified."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from evidence_kit.case.demo_case import add_demo_case
from evidence_kit.cli.common import err, out, printable, printable_params
from evidence_kit.cli.evidence_commands import print_items
from evidence_kit.cli.verify_commands import print_report
from evidence_kit.i18n import _, fmt, get_language
from evidence_kit.importers.batch import add_paths
from evidence_kit.resources import demo_dir
from evidence_kit.vault import Vault, display_path

DEMO_PASSPHRASE = "demo passphrase, not secret"  # noqa: S105 (a name, not a secret)


def cmd_demo(args: argparse.Namespace) -> int:
    keep = args.vault is not None
    folder = (
        Path(args.vault) if keep else Path(tempfile.mkdtemp(prefix="evidence-kit-demo-")) / "demo.ekvault"
    )
    try:
        vault, _code = Vault.create(folder, DEMO_PASSPHRASE, case_title=_("Demo case (fictional)"))
        with vault:
            out(
                fmt(
                    "Demo vault created at {path} from the fictional files in {source}.",
                    {"path": printable(display_path(folder)), "source": printable(display_path(demo_dir()))},
                )
            )
            for result in add_paths(vault, [demo_dir()], note=_("Fictional demo file")):
                if result.error is not None:
                    err(fmt(result.error, printable_params(result.error_params)))
            add_demo_case(vault, get_language())  # its incidents, people and offence categories
            out()
            print_items(vault.items())
            out()
            print_report(vault.verify())
        if keep:
            out(
                fmt(
                    "The demo vault stays at {path}; its passphrase is: {passphrase}",
                    {"path": printable(display_path(folder)), "passphrase": DEMO_PASSPHRASE},
                )
            )
    finally:
        if not keep:
            shutil.rmtree(folder.parent, ignore_errors=True)
    return 0
