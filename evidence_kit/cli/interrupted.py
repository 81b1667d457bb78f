"""The one line a Ctrl-C or SIGTERM prints, kept apart so it needs nothing but `i18n` to print.

Rule: this module imports nothing heavy: it is what the CLI still prints when the signal came
while its own libraries were loading, and a module interrupted half-way must not be imported
again then (C extensions such as _decimal complain on stderr when they are).
"""

from __future__ import annotations

import sys

from evidence_kit.i18n import _

INTERRUPTED = "Interrupted; everything finished before was kept, nothing half-done was."


def interrupted_line() -> str:
    return _(INTERRUPTED)


def report_interrupted() -> None:
    print(interrupted_line(), file=sys.stderr, flush=True)
