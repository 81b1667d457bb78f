"""The last resort: an exception nobody expected is one line naming its type, never a traceback or its text.

The real `main` runs a command that was replaced by one raising an error whose text quotes
(fictional) evidence: that text must not reach the terminal, the exit code is 1, and with
EVIDENCE_KIT_DEBUG=1 the traceback is shown for a bug report.
"""

from __future__ import annotations

import argparse
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from evidence_kit.cli import main, parser
from evidence_kit.i18n import get_language, set_language

EVIDENCE = "Anna's address is Fictionalstraat 12"  # stands for plaintext evidence in an exception


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    before = get_language()
    yield
    set_language(before)  # main() sets the language of the whole process


def _broken(_args: argparse.Namespace) -> NoReturn:
    raise RuntimeError(f"could not handle {EVIDENCE}")


def _run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        main(args)
    code = exited.value.code
    assert isinstance(code, int)
    return code


def test_an_unexpected_error_is_one_line_without_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("EVIDENCE_KIT_DEBUG", raising=False)
    monkeypatch.setattr(parser, "cmd_list", _broken)
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    assert _run(["--lang", "en", "list", str(tmp_path / "case.ekvault")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "Something went wrong (RuntimeError); nothing that was stored is lost. Please report it with the "
        "command you ran (EVIDENCE_KIT_DEBUG=1 shows the details)."
    ]
    assert EVIDENCE not in captured.err and "Traceback" not in captured.err
    # The CLI's signal handlers were put back: the process around it is as it was.
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_debug_shows_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EVIDENCE_KIT_DEBUG", "1")
    monkeypatch.setattr(parser, "cmd_list", _broken)
    assert _run(["--lang", "en", "list", str(tmp_path / "case.ekvault")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError" in err
    assert err.rstrip().endswith("(EVIDENCE_KIT_DEBUG=1 shows the details).")


def test_the_line_is_dutch_with_lang_nl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("EVIDENCE_KIT_DEBUG", raising=False)
    monkeypatch.setattr(parser, "cmd_list", _broken)
    assert _run(["--lang", "nl", "list", str(tmp_path / "case.ekvault")]) == 1
    assert capsys.readouterr().err.startswith("Er ging iets mis (RuntimeError)")
