"""What every command shares: output, passphrase sources, and errors turned into exit codes.

Passphrases and the recovery code come from a file (`--passphrase-file` and friends), an
environment variable, or a terminal prompt, in that order; never from a plain argument.

Rules this module keeps for every command:
- Nothing from a file, a vault or a package reaches the terminal raw: values are escaped with
  `printable` where a sentence is built, and `out`/`err` escape whatever control or bidi
  character is still left (all but newline and tab, which our own layout uses). JSON goes
  through `json_text`, which writes those characters as JSON escapes (still valid JSON).
- No traceback reaches the user (`run_command`): a typed error is one translated sentence
  (exit 2); Ctrl-C or SIGTERM is one line (exit 130) after the clean-up on the way out ran
  (each item is one transaction; partial files are removed); anything unexpected is one line
  naming only the exception's type, never its text, which may quote evidence (exit 1;
  EVIDENCE_KIT_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from evidence_kit.cli.interrupted import interrupted_line
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, error_text, fmt
from evidence_kit.storage.keys import KdfParams

ENV_PASSPHRASE = "EVIDENCE_KIT_PASSPHRASE"  # noqa: S105 (a name, not a secret)
ENV_NEW_PASSPHRASE = "EVIDENCE_KIT_NEW_PASSPHRASE"  # noqa: S105 (a name, not a secret)
ENV_RECOVERY_CODE = "EVIDENCE_KIT_RECOVERY_CODE"
ENV_DEBUG = "EVIDENCE_KIT_DEBUG"  # "1": an unexpected error shows its traceback


class UsageError(EvidenceKitError):
    template = "{detail}"


# What a file name may hold that must never reach a terminal raw: C0 controls (ESC starts
# escape sequences that recolour, retitle or rewrite the screen; a newline forges a report
# line), DEL, C1 controls (0x9b is a one-byte CSI), the Unicode line separators, and the
# bidirectional controls that make a name ending in ".exe" look like one ending in ".jpg".
_UNICODE_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))} | {
    ord(char): f"\\u{ord(char):04x}" for char in _UNICODE_CONTROLS
}


def printable(text: str) -> str:
    """Text from outside (a file name, a link's target) made safe to print: every control and
    bidirectional character written as its escape (ESC as \\x1b, RIGHT-TO-LEFT OVERRIDE as \\u202e)."""
    return text.translate(_ESCAPES)


def printable_params(params: dict[str, str] | tuple[tuple[str, str], ...]) -> dict[str, str]:
    """A message's values, each made safe to print (the translated sentence around them is ours)."""
    return {key: printable(str(value)) for key, value in dict(params).items()}


# The last line of defence in `out` and `err`: our own layout uses newlines and tabs, nothing else.
_SAFETY_NET = {code: text for code, text in _ESCAPES.items() if chr(code) not in "\n\t"}
# In JSON the characters JSON itself leaves raw (DEL, C1 controls, bidi and line separators) are
# written as \uXXXX: still valid JSON, and it reads back as the exact original text.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *map(ord, _UNICODE_CONTROLS))}


def json_text(value: Any) -> str:
    """`value` as indented JSON whose text is safe on a terminal and reads back unchanged."""
    return json.dumps(value, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)


def error_line(exc: BaseException) -> str:
    """A typed error as one translated sentence, its values (names, paths) made safe to print."""
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if isinstance(template, str) and isinstance(params, dict):
        return fmt(template, printable_params(params))
    return printable(error_text(exc))


def out(text: str = "") -> None:
    # Flushed, so a person or a script watching a long command sees each line as it happens.
    try:
        print(text.translate(_SAFETY_NET), flush=True)
    except BrokenPipeError:
        # The reader stopped reading (`... | head`): the command goes on with its work (an import
        # must not stop half way because nobody reads its report), printing into nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def err(text: str) -> None:
    print(text.translate(_SAFETY_NET), file=sys.stderr, flush=True)


def _read_secret_file(path: str) -> str:
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            detail=fmt("Could not read {path}: {detail}", {"path": path, "detail": exc.strerror or str(exc)})
        ) from exc
    return content.splitlines()[0] if content else ""


def secret(file: str | None, env: str, prompt: str, *, confirm: bool = False) -> str:
    """A secret from a file, the environment, or the terminal, in that order."""
    if file:
        return _read_secret_file(file)
    if env in os.environ:
        return os.environ[env]
    if not sys.stdin.isatty():
        raise UsageError(
            detail=fmt(
                "No passphrase given: type it at a terminal, or use a file or the "
                "{env} environment variable.",
                {"env": env},
            )
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Type it again: ")) != first:
        raise UsageError(detail=_("The two entries are not the same."))
    return first


def new_passphrase(args: argparse.Namespace) -> str:
    return secret(args.new_passphrase_file, ENV_NEW_PASSPHRASE, _("New passphrase: "), confirm=True)


def kdf(args: argparse.Namespace) -> KdfParams | None:
    if getattr(args, "insecure_fast_kdf", False):
        err(_("WARNING: --insecure-fast-kdf makes the passphrase easy to guess. Use it for tests only."))
        return KdfParams.insecure_fast()
    return None


class Interrupted(KeyboardInterrupt):
    """SIGINT (Ctrl-C) or SIGTERM in the CLI, raised once so that the clean-up on the way out runs."""


@contextlib.contextmanager
def interrupts_raise() -> Iterator[None]:
    """While the command runs, SIGINT and SIGTERM raise `Interrupted` (the CLI only, never the app).

    The first signal raises; a second one is ignored, so the clean-up it started (a transaction
    rolled back, a partial file removed) is not cut short; a third ends the process at once
    (exit 130), and the next start reports a partial file that was left.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received = 0

    def handler(_signum: int, _frame: FrameType | None) -> None:
        nonlocal received
        received += 1
        if received == 1:
            raise Interrupted()
        if received >= 3:
            os._exit(130)

    previous = {number: signal.signal(number, handler) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


def _unexpected(exc: Exception) -> None:
    """One line for a bug: the exception's type only (its text may quote evidence)."""
    if os.environ.get(ENV_DEBUG) == "1":
        traceback.print_exc()
    err(
        fmt(
            "Something went wrong ({type}); nothing that was stored is lost. Please report it with the "
            "command you ran ({env}=1 shows the details).",
            {"type": type(exc).__name__, "env": ENV_DEBUG},
        )
    )


def run_command(args: argparse.Namespace) -> int:
    """Runs the parsed command and returns its exit code; an error becomes one translated sentence."""
    with interrupts_raise():
        try:
            return _run(args)
        except KeyboardInterrupt:  # also one that came while an error was being reported
            err(interrupted_line())
            return 130


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except EvidenceKitError as exc:
        err(error_line(exc))
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        err(fmt("{path}: {detail}", printable_params({"path": str(exc.filename or ""), "detail": detail})))
    except MemoryError:
        err(_("Out of memory; every item stored so far is complete."))
    except Exception as exc:  # the last resort: a bug must not show a traceback, nor evidence
        _unexpected(exc)
        return 1
    return 2
