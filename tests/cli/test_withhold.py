"""`evidence-kit withhold`, and `export` withholding the marked items unless told not to."""

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


def _withheld(folder: Path) -> dict[str, tuple[bool, bool]]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return {e["original_name"]: (e["withheld_in_pdf"], e["original_in_package"]) for e in manifest["items"]}


def test_withhold_marks_and_export_follows_the_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env = cli_env(tmp_path)
    path = tmp_path / "case"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault:
        for name in ("photo.jpg", "threat.txt"):
            (tmp_path / name).write_bytes(name.encode())
            vault.add_file(tmp_path / name)

    # The real command, in its own process: mark item 1.
    marked = run_cli(["withhold", str(path), "1", "--reason", "intimate image"], env, check=True)
    assert "Item 1 is marked sensitive" in marked.stdout and "intimate image" in marked.stdout
    assert _main(["list", str(path), "--json"], monkeypatch, env) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [i["withhold_reason"] for i in listed] == ["intimate image", None]

    assert _main(["export", str(path), str(tmp_path / "d1")], monkeypatch, env) == 0
    assert "not in the package" in capsys.readouterr().out
    assert _withheld(tmp_path / "d1") == {"photo.jpg": (True, False), "threat.txt": (False, True)}
    args = ["export", str(path), str(tmp_path / "d2"), "--no-withhold-marked", "--withhold", "2"]
    assert _main(args, monkeypatch, env) == 0
    assert _withheld(tmp_path / "d2") == {"photo.jpg": (False, True), "threat.txt": (True, False)}

    assert _main(["withhold", str(path), "1"], monkeypatch, env) == 2  # neither --reason nor --clear
    assert "--reason" in capsys.readouterr().err
    assert _main(["withhold", str(path), "1", "--clear"], monkeypatch, env) == 0
    assert "no longer marked" in capsys.readouterr().out
    assert _main(["withhold", str(path), "1", "--clear"], monkeypatch, env | {"EVIDENCE_KIT_LANG": "nl"}) == 0
    assert "was niet gemarkeerd als gevoelig" in capsys.readouterr().out
    with Vault.open(path, PASSPHRASE) as reopened:
        types = [e.event_type for e in reopened.signed_custody_log()]
        assert types.count("item_withheld") == 1 and types.count("withhold_cleared") == 1
        assert reopened.verify(record=False).ok


def test_export_help_says_marked_items_are_withheld(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "--no-withhold-marked" in capsys.readouterr().out
