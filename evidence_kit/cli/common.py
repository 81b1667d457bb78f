"""What every command shares: output, passphrase sources, and errors turned into exit codes.

Passphrases and the recovery code come from a file (`--passphrase-file` and friends), an
environment variable, or a terminal prompt, in that order; never from a plain argument.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, error_text, fmt
from evidence_kit.storage.keys import KdfParams

ENV_PASSPHRASE = "EVIDENCE_KIT_PASSPHRASE"  # noqa: S105 (a name, not a secret)
ENV_NEW_PASSPHRASE = "EVIDENCE_KIT_NEW_PASSPHRASE"  # noqa: S105 (a name, not a secret)
ENV_RECOVERY_CODE = "EVIDENCE_KIT_RECOVERY_CODE"


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
    return {key: printable(value) for key, value in dict(params).items()}


def out(text: str = "") -> None:
    print(text)


def err(text: str) -> None:
    print(text, file=sys.stderr)


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


def run_command(args: argparse.Namespace) -> int:
    """Runs the parsed command and returns its exit code; an error becomes one translated sentence."""
    try:
        code = int(args.func(args))
    except EvidenceKitError as exc:
        err(error_text(exc))
        code = 2
    except KeyboardInterrupt:
        err(_("Interrupted; every item stored so far is complete."))
        code = 130
    except OSError as exc:
        err(fmt("{path}: {detail}", {"path": str(exc.filename or ""), "detail": exc.strerror or str(exc)}))
        code = 2
    except MemoryError:
        err(_("Out of memory; every item stored so far is complete."))
        code = 2
    return code
