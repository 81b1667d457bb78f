"""`evidence-kit incident add|edit|list|show` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_kit.cli import main
from evidence_kit.vault import Vault
from tests.helpers import cli_env, run_cli
from tests.vault.conftest import FAST, PASSPHRASE


def _main(args: list[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> int:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as exited:
        main(args)
    return int(exited.value.code or 0)


def test_write_down_change_list_and_show_an_incident(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env = cli_env(tmp_path)
    path = tmp_path / "case"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault:
        (tmp_path / "post.png").write_bytes(b"fictional picture")
        vault.add_file(tmp_path / "post.png")
    vault_arg = str(path)

    # The real command, in its own process.
    added = run_cli(
        [
            "incident", "add", vault_arg, "--title", "Address posted",
            "--text", "Mark (fictional) posted my address",
            "--when", "2026-11-03T21:15+01:00", "--platform", "Instagram",
            "--url", "https://instagram.example/p/abc", "--who", "@mark_fictional", "--who", "+31 6 00000001",
            "--step", "reported to the platform", "--item", "1", "--category", "doxing",
        ],
        env,
        check=True,
    )  # fmt: skip
    assert "Incident 1 written down (version 1, SHA-256 " in added.stdout

    edit = ["incident", "edit", vault_arg, "1", "--impact", "I no longer feel safe at home"]
    assert _main(edit, monkeypatch, env) == 0
    assert "version 2" in capsys.readouterr().out
    assert _main(edit, monkeypatch, env) == 0
    assert "unchanged (still version 2)" in capsys.readouterr().out

    assert _main(["incident", "list", vault_arg], monkeypatch, env) == 0
    assert capsys.readouterr().out.strip() == "1. 2026-11-03 21:15+01:00: Address posted (version 2)"
    assert _main(["incident", "list", vault_arg, "--json"], monkeypatch, env) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(i["incident"], i["title"], i["version"]) for i in listed] == [(1, "Address posted", 2)]
    assert _main(["incident", "show", vault_arg, "1", "--history", "--json"], monkeypatch, env) == 0
    versions = json.loads(capsys.readouterr().out)
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["impact"] == "" and versions[1]["impact"] == "I no longer feel safe at home"
    assert versions[1]["people"] == ["@mark_fictional", "+31 6 00000001"] and versions[1]["items"] == [1]

    nl = env | {"EVIDENCE_KIT_LANG": "nl"}
    assert _main(["incident", "show", vault_arg, "1"], monkeypatch, nl) == 0
    shown = capsys.readouterr().out
    assert "Incident 1, versie 2, vastgelegd" in shown and "Categorieën: Doxing" in shown
    assert "Gevolgen voor u: I no longer feel safe at home" in shown

    with Vault.open(path, PASSPHRASE) as reopened:
        assert reopened.verify(record=False).ok


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--category", "nope"], "'nope' is geen categorie van strafbare feiten"),
        (["--when", "gisteren"], "'gisteren' is geen datum"),
        (["--item", "7"], "Er is geen item 7"),
    ],
)
def test_bad_input_is_one_translated_line_and_nothing_is_stored(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    env = cli_env(tmp_path) | {"EVIDENCE_KIT_LANG": "nl"}
    path = tmp_path / "case"
    Vault.create(path, PASSPHRASE, kdf=FAST)[0].close()
    assert _main(["incident", "add", str(path), "--title", "x", *extra], monkeypatch, env) == 2
    error = capsys.readouterr().err.strip()
    assert message in error and "Traceback" not in error and len(error.splitlines()) == 1
    assert _main(["incident", "edit", str(path), "3", "--text", "y"], monkeypatch, env) == 2
    assert "Er is geen incident 3 in deze kluis." in capsys.readouterr().err
    with Vault.open(path, PASSPHRASE) as reopened:
        assert reopened.incidents() == []
