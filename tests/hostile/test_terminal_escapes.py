"""File names and link targets carrying terminal control characters never reach the terminal raw.

A name can hold ESC (colours, window titles, a cleared screen), a newline (a forged report
line), a C1 CSI, or a right-to-left override that makes "txt.exe" read as "exe.txt". `add`
prints each as its escape (`\\x1b`, `\\n`, `\\x9b`, `\\u202e`); the stored name is the real one.
"""

from __future__ import annotations

import json
from pathlib import Path

from evidence_kit.cli.common import printable
from tests.helpers import run_cli
from tests.hostile.conftest import add, assert_verify_passes, original

RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


def test_printable_escapes_controls_and_bidi_but_keeps_text() -> None:
    assert printable("a\x1b[2Jb\u202ec\td\ne\x7f\x9bf") == "a\\x1b[2Jb\\u202ec\\x09d\\x0ae\\x7f\\x9bf"
    assert printable("Zażółć gęślą jaźń — één, مرحبا, 👍🏽") == "Zażółć gęślą jaźń — één, مرحبا, 👍🏽"


def test_add_prints_hostile_names_escaped(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = "invoice\x1b[2J\x1b]0;owned\x07\u202etxt.exe"
    (folder / name).write_bytes(b"a file with a hostile name\n")
    forged = "report\n  fake.txt: recognised as file\x9b31m"
    (folder / forged).symlink_to("target\x1b[31m\u2066elsewhere")
    plain = folder / "plain.txt"
    plain.write_bytes(b"plain\n")

    result = add(vault, [folder], env)

    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert not any(char in output for char in RAW), repr(output)
    assert "invoice\\x1b[2J\\x1b]0;owned\\x07\\u202etxt.exe" in result.stdout
    assert "invoice\\x1b[2J\\x1b]0;owned\\x07\\u202etxt.exe: recognised as file" in result.stderr
    assert "report\\x0a  fake.txt: recognised as file\\x9b31m: skipped:" in result.stderr
    assert "is a symbolic link to target\\x1b[31m\\u2066elsewhere; links inside a folder" in result.stderr
    assert "\n  fake.txt" not in result.stderr  # no forged line in the report

    listed = json.loads(run_cli(["list", str(vault), "--json"], env, check=True).stdout)
    stored = next(i for i in listed if i["original_name"] != "plain.txt")
    assert stored["original_name"] == name  # the vault keeps the real name
    assert original(vault, stored["id"], env, tmp_path / "out.bin") == b"a file with a hostile name\n"
    assert_verify_passes(vault, env)
