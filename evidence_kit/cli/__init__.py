"""The `evidence-kit` command line: a thin face over `vault.py`, like the GUI.

Rules: every sentence goes through `i18n._`; errors are one translated sentence on stderr
and exit code 2, never a traceback; `verify` and `verify-package` exit 1 when they find
damage and 3 when all is intact but some of it rests on trust nobody gave (a trust warning).
Passphrases come from a TTY prompt, or for scripts from `--passphrase-file` or the
EVIDENCE_KIT_PASSPHRASE environment variable; they are never accepted as a plain argument
(it would end up in shell history and the process list).

Exit codes: 0 success, 1 verification found problems, some files were not added, or an
unexpected error (one line naming its type; EVIDENCE_KIT_DEBUG=1 shows the traceback),
2 error (wrong passphrase, vault in use, not a vault, damaged, disk full, bad usage),
3 verified intact but with trust warnings, 130 interrupted (Ctrl-C or SIGTERM: the clean-up
ran first, see `common.run_command`).

Where things are: `parser.py` builds the argument parser (every option and `--help` text);
each command lives in the module named after its group: `vault_commands.py` (init, passwd,
recover, recovery-code, leftovers, cleanup), `backup_commands.py` (backup),
`evidence_commands.py` (add, list, extract, messages, log), `case_commands.py` (similar),
`export_commands.py` (export),
`verify_commands.py` (verify, verify-package), `reparse_commands.py` (reparse),
`timestamp_commands.py` (timestamp), `demo_commands.py` (demo), `case_commands.py`
(categories). `common.py` holds output, passphrase sources and the translation of errors into
exit codes; `session.py` opens a vault, reports what opening found, and time-stamps on the side.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> NoReturn:
    # The commands are imported here, not at the top: a Ctrl-C while the program is still loading
    # (its libraries take a moment) is then one line too, never a traceback. While loading, a
    # Ctrl-C is only noted: raised inside Python's own import machinery (a module lock's clean-up
    # callback) it would be printed as an "exception ignored" with a traceback, and loading go on.
    noted: list[int] = []
    previous = signal.getsignal(signal.SIGINT)
    try:
        signal.signal(signal.SIGINT, lambda number, _frame: noted.append(number))
        taken = True
    except ValueError:  # not the main thread (a test calling main): signals are not ours to take
        taken = False
    try:
        from evidence_kit.cli.common import run_command
        from evidence_kit.cli.parser import build_parser
        from evidence_kit.i18n import detect_language, set_language

        set_language(detect_language())
        raw = list(sys.argv[1:] if argv is None else argv)
        # Only a --lang before the command sets the language of messages (export has its own --lang).
        index = 0
        while index < len(raw) and raw[index].startswith("-"):
            if raw[index] == "--lang" and index + 1 < len(raw):
                set_language(raw[index + 1])
                index += 1
            index += 1
        parser = build_parser()
        args = parser.parse_args(raw)
        if noted:
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        from evidence_kit.cli.interrupted import report_interrupted

        report_interrupted()
        sys.exit(130)
    finally:
        if taken and previous is not None:
            signal.signal(signal.SIGINT, previous)
    sys.exit(run_command(args))
