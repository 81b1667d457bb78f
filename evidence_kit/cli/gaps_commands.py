"""The `gaps` command: "what is missing", per item and per incident (`case/gaps.py`).

Reads only (like `list`, no custody event). Hints, never judgements: each says what a reader of
the dossier will miss and what can still be added.
"""

from __future__ import annotations

import argparse

from evidence_kit.case.gaps import case_gaps, read_facts
from evidence_kit.cli.common import json_text, out, printable_params
from evidence_kit.cli.session import open_vault
from evidence_kit.i18n import _, fmt


def cmd_gaps(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        gaps = case_gaps(list(read_facts(vault)), vault.incidents())
    if args.json:
        rows = [
            {
                "code": g.code,
                "item": g.item_id,
                "incident": g.incident_id,
                "params": dict(g.params),
                "text": fmt(g.template, g.params),
            }
            for g in gaps
        ]
        out(json_text(rows))
        return 0
    if not gaps:
        out(_("Nothing obvious is missing: every item and incident has what these checks look for."))
        return 0
    out(_("What is missing (hints, not judgements; the evidence itself is never changed):"))
    for gap in gaps:
        out("- " + fmt(gap.template, printable_params(gap.params)))
    return 0
