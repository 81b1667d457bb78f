"""Offence categories on an item (`categorise`), and a notice drafted from an item (`notice VAULT 7`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.cli import main
from evidence_kit.storage.incidents import IncidentFields
from evidence_kit.vault import Vault
from tests.helpers import cli_env
from tests.vault.conftest import FAST, PASSPHRASE


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in cli_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("EVIDENCE_KIT_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "case"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault:
        (tmp_path / "post.png").write_bytes(b"fictional screenshot of a post")
        (tmp_path / "dm.png").write_bytes(b"fictional screenshot of a message")
        vault.add_file(tmp_path / "post.png", note="Posted on instagram: https://instagram.example/p/xyz.")
        vault.add_file(tmp_path / "dm.png")
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    printed = capsys.readouterr()
    return int(exited.value.code or 0), printed.out, printed.err


def test_categorise_sets_logs_and_verify_guards_the_categories(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(
        ["categorise", str(case), "1", "--category", "threats", "--category", "doxing"], capsys
    )
    assert code == 0 and "Item 1: offence categories" in out and "Doxing" in out
    code, out, _err = _run(
        ["categorise", str(case), "1", "--category", "doxing", "--category", "threats"], capsys
    )
    assert "already has these" in out  # the same set: nothing logged again
    listed = json.loads(_run(["list", str(case), "--json"], capsys)[1])
    assert listed[0]["offences"] == ["doxing", "threats"] and listed[1]["offences"] == []

    with Vault.open(case, PASSPHRASE) as vault:
        changes = [e for e in vault.custody_log() if e.event_type == "offences_changed"]
        assert [(e.item_id, dict(e.data)["new"]) for e in changes] == [(1, "['doxing', 'threats']")]
        assert vault.verify(record=False).ok
        with vault._require_engine().begin() as conn:  # a key holder edits the column behind the log
            conn.execute(text("UPDATE items SET offences = 'threats' WHERE id = 1"))
        report = vault.verify(record=False)
        assert not report.ok and any(p.code == "offences_changed" for p in report.problems)

    code, _out, err = _run(["--lang", "nl", "categorise", str(case), "2", "--category", "nope"], capsys)
    assert code == 2 and "'nope' is geen categorie van strafbare feiten" in err and "Traceback" not in err
    code, out, _err = _run(["categorise", str(case), "1", "--clear"], capsys)
    assert code == 0 and "Item 1: offence categories none" in out


def test_a_notice_from_an_item_takes_its_note_and_categories_and_linking_incidents(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["categorise", str(case), "1", "--category", "doxing"], capsys)[0] == 0
    code, out, _err = _run(["notice", str(case), "1", "--lang", "en"], capsys)
    assert code == 0 and "Notice 1 saved as a draft" in out
    assert "https://instagram.example/p/xyz" in out and "https://instagram.example/p/xyz." not in out
    assert "To: Instagram" in out and "good faith" in out

    # Item 2's note names nothing: an incident that links it gives the address and platform.
    with Vault.open(case, PASSPHRASE) as vault:
        vault.record_incident(
            IncidentFields(
                what="Threatening message", platform="TikTok", urls=("https://tiktok.example/@x/1",),
                items=(2,), categories=("threats",),
            )
        )  # fmt: skip
    code, out, _err = _run(["notice", str(case), "item:2", "--lang", "en"], capsys)
    assert code == 0 and "To: TikTok" in out and "https://tiktok.example/@x/1" in out
    # Where TikTok takes such a notice: its own page, and the route in the app.
    assert "TikTok's page for notices of illegal content: https://www.tiktok.com/legal/page/" in out
    code, out, _err = _run(["notice", str(case), "incident:1", "--lang", "nl"], capsys)
    assert code == 0 and "Aan: TikTok" in out
    notices = json.loads(_run(["notices", str(case), "--json"], capsys)[1])
    assert [(n["items"], n["incident"]) for n in notices] == [([1], None), ([2], None), ([2], 1)]

    code, _out, err = _run(["notice", str(case), "thing:3"], capsys)
    assert code == 2 and "not an item (7, item:7) or an incident (incident:2)" in err
