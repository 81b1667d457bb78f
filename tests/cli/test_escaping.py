"""No raw control or bidi character from a file, a vault or a package reaches the terminal, in any command.

A fictional file is named with an escape sequence, a carriage return, a bell, a RIGHT-TO-LEFT
OVERRIDE and a newline, and a fictional chat has a sender and a text with such characters; both are
added with the real `add`. Every command that prints something of them is then run for real and its
stdout and stderr are scanned character by character. JSON output must stay valid JSON that
reads back as the exact original.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import cli_env, run_cli

HOSTILE_NAME = "evil\x1b[31m\r\x07\u202e\nforged line.txt"
SENDER = "Mark\x1b[2J\u202e (fictional)"
TEXT = "I know\x07 where\x9b31m you work\u2066"
CHAT_NAME = "WhatsApp chat \x1b[31m\u202e.txt"
CHAT = f"03-10-2026 23:05 - {SENDER}: {TEXT}\n03-10-2026 23:09 - Sanne: Leave me alone.\n"
ESCAPED_NAME = "evil\\x1b[31m\\x0d\\x07\\u202e\\x0aforged line.txt"  # as the terminal shows it
UNICODE_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")


def raw_controls(text: str) -> list[str]:
    """Every character that must never reach a terminal raw (our own newlines and tabs are fine)."""
    return [
        repr(char)
        for char in text
        if (ord(char) < 0x20 and char not in "\n\t") or 0x7F <= ord(char) < 0xA0 or char in UNICODE_CONTROLS
    ]


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    for stream in (result.stdout, result.stderr):
        assert raw_controls(stream) == [], stream
        # The newline inside the name did not start a line of its own (a forged report line).
        assert not any(line.startswith("forged line") for line in stream.splitlines()), stream


@dataclass(frozen=True)
class Case:
    tmp: Path
    env: dict[str, str]
    vault: Path
    added: subprocess.CompletedProcess[str]

    def item_id(self, name: str) -> str:
        items = json.loads(run_cli(["list", str(self.vault), "--json"], self.env, check=True).stdout)
        return str(next(item["id"] for item in items if item["original_name"] == name))


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Case:
    tmp = tmp_path_factory.mktemp("hostile")
    env = cli_env(tmp)
    vault = tmp / "case.ekvault"
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env, check=True)
    source = tmp / "in"
    source.mkdir()
    (source / HOSTILE_NAME).write_bytes(b"fictional evidence\n")
    chat = tmp / CHAT_NAME
    chat.write_text(CHAT, encoding="utf-8")
    added = run_cli(["add", str(vault), str(source / HOSTILE_NAME), str(chat)], env)
    return Case(tmp, env, vault, added)


def test_add(case: Case) -> None:
    assert case.added.returncode == 0, case.added.stderr
    assert_clean(case.added)
    assert ESCAPED_NAME in case.added.stdout


def test_list(case: Case) -> None:
    result = run_cli(["list", str(case.vault)], case.env, check=True)
    assert_clean(result)
    assert ESCAPED_NAME in result.stdout


def test_list_json_is_valid_and_exact(case: Case) -> None:
    result = run_cli(["list", str(case.vault), "--json"], case.env, check=True)
    assert_clean(result)
    names = [item["original_name"] for item in json.loads(result.stdout)]
    assert HOSTILE_NAME in names


def test_log(case: Case) -> None:
    for args in (["log", str(case.vault)], ["log", str(case.vault), "--json"]):
        result = run_cli(args, case.env, check=True)
        assert_clean(result)
    entries = json.loads(result.stdout)
    assert any(entry["data"].get("name") == HOSTILE_NAME for entry in entries)


def test_messages(case: Case) -> None:
    result = run_cli(["messages", str(case.vault), case.item_id(CHAT_NAME)], case.env, check=True)
    assert_clean(result)
    # (the WhatsApp reader itself drops the bidi marks WhatsApp writes around names and texts)
    assert "Mark\\x1b[2J (fictional): I know\\x07 where\\x9b31m you work" in result.stdout
    as_json = run_cli(["messages", str(case.vault), case.item_id(CHAT_NAME), "--json"], case.env, check=True)
    assert_clean(as_json)
    first = json.loads(as_json.stdout)[0]
    assert (first["sender"], first["text"]) == ("Mark\x1b[2J (fictional)", "I know\x07 where\x9b31m you work")


def test_extract_and_its_error(case: Case) -> None:
    target = case.tmp / "copy \x1b]0;pwned\x07\u202e.txt"
    item = case.item_id(HOSTILE_NAME)
    result = run_cli(["extract", str(case.vault), item, str(target)], case.env, check=True)
    assert_clean(result)
    assert target.read_bytes() == b"fictional evidence\n"
    again = run_cli(["extract", str(case.vault), item, str(target)], case.env)
    assert again.returncode == 2
    assert_clean(again)
    assert "\\x1b]0;pwned\\x07\\u202e" in again.stderr


def test_export_and_verify_package(case: Case) -> None:
    out = case.tmp / "dossier \x1b[31m\u202e"
    result = run_cli(["export", str(case.vault), str(out), "--lang", "en"], case.env, check=True)
    assert_clean(result)
    good = run_cli(["verify-package", str(out)], case.env)
    assert good.returncode == 0, good.stdout
    assert_clean(good)
    shutil.copy(
        out / "originals" / "SHA256SUMS", out / f"originals/{HOSTILE_NAME}"
    )  # a file not in the manifest
    bad = run_cli(["verify-package", str(out)], case.env)
    assert bad.returncode == 1
    assert_clean(bad)
    assert ESCAPED_NAME in bad.stdout


def test_verify(case: Case) -> None:
    result = run_cli(["verify", str(case.vault)], case.env, check=True)
    assert_clean(result)


def test_timestamp_names_the_authority_escaped(case: Case) -> None:
    result = run_cli(["timestamp", str(case.vault), "--tsa", "http://127.0.0.1:9/\x1b[31m\u202e"], case.env)
    assert result.returncode == 1
    assert_clean(result)
    assert "\\x1b[31m\\u202e" in result.stdout


def test_cleanup(case: Case) -> None:
    assert_clean(run_cli(["cleanup", str(case.vault)], case.env, check=True))


def test_an_error_naming_a_path(case: Case) -> None:
    result = run_cli(["list", str(case.tmp / "no vault \x1b[31m\u202e")], case.env)
    assert result.returncode == 2
    assert_clean(result)


def test_demo(case: Case) -> None:
    result = run_cli(["demo", "--vault", str(case.tmp / "demo \x1b[31m\u202e.ekvault")], case.env, check=True)
    assert_clean(result)
