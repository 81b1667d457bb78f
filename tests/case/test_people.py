"""The people register: entries kept as sealed versions, and each person found across WhatsApp,
Telegram and e-mail items (and item notes) by exact identities, never by resemblance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.case.people import appearances, keys_of_text, phone_key, vault_items
from evidence_kit.cli import main
from evidence_kit.errors import PersonEmptyError, PersonNotFoundError
from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.people import PersonFields
from evidence_kit.vault import Vault
from tests.helpers import cli_env
from tests.vault.conftest import FAST, PASSPHRASE

WHATSAPP = (
    "05-10-2026 21:00 - +31 6 00000001: Ik weet waar je woont.\n"
    "05-10-2026 21:02 - Sanne: Laat me met rust.\n"
    "05-10-2026 21:03 - +31 6 00000001: Morgen sta ik voor je deur.\n"
)
TELEGRAM = {
    "name": "Mark (fictional)",
    "type": "personal_chat",
    "id": 4242,
    "messages": [
        {"id": 1, "type": "message", "date": "2026-10-06T10:00:00", "date_unixtime": "1791280800",
         "from": "Mark (fictional)", "from_id": "user4242", "text": "You cannot hide."},
        {"id": 2, "type": "message", "date": "2026-10-06T10:02:00", "date_unixtime": "1791280920",
         "from": "Sanne", "from_id": "user1111", "text": "Stop."},
    ],
}  # fmt: skip
EMAIL = (
    "From: Mark de Vries <mark.fictional@example.org>\nTo: Sanne <sanne@example.net>\n"
    "Subject: Last warning\nDate: Wed, 07 Oct 2026 09:15:00 +0200\nMessage-ID: <1@example.org>\n"
    "Content-Type: text/plain; charset=utf-8\n\nThis is a fictional threatening e-mail.\n"
)
MARK = PersonFields(
    names=("Mark (fictional)",),
    phones=("06-00000001",),
    handles=("@mark_fictional", "user4242"),
    emails=("Mark.Fictional@example.org",),
)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "WhatsApp-chat met Mark.txt").write_text(WHATSAPP, encoding="utf-8")
    (folder / "result.json").write_text(json.dumps(TELEGRAM), encoding="utf-8")
    (folder / "warning.eml").write_text(EMAIL, encoding="utf-8")
    (folder / "story.txt").write_text("A fictional screenshot description.\n", encoding="utf-8")
    (folder / "other.txt").write_text("Nothing about anyone.\n", encoding="utf-8")
    path = tmp_path / "case"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault:
        results = list(add_paths(vault, sorted(folder.iterdir())))
        assert [r.error for r in results] == [None] * 5
        story = next(i for i in vault.items() if i.original_name == "story.txt")
        vault.set_note(story.id, "Posted by @Mark_Fictional on Instagram.")
    return path


def _ids(vault: Vault) -> dict[str, int]:
    return {item.original_name: item.id for item in vault.items()}


def test_a_person_is_found_across_whatsapp_telegram_email_and_notes(case: Path) -> None:
    with Vault.open(case, PASSPHRASE) as vault:
        mark = vault.add_person(MARK)
        namesake = vault.add_person(PersonFields(names=("Mark",)))  # a different "Mark"
        found = appearances(vault.people(), vault_items(vault))
        ids = _ids(vault)
    by_id = {a.person_id: a for a in found}
    expected = sorted(
        ids[n] for n in ("WhatsApp-chat met Mark.txt", "result.json", "warning.eml", "story.txt")
    )
    assert sorted(by_id[mark.person_id].items) == expected
    assert by_id[mark.person_id].messages == 2 + 1 + 1  # WhatsApp by number, Telegram, the e-mail
    assert str(by_id[mark.person_id].first) == "2026-10-05 21:00:00"
    assert str(by_id[mark.person_id].last) == "2026-10-07 09:15:00"
    assert by_id[namesake.person_id].items == []  # "Mark" is not "Mark (fictional)" nor "Mark de Vries"


def test_identities_match_exactly_after_normalising() -> None:
    assert (
        phone_key("06-00000001")
        == phone_key("+31 6 00000001")
        == phone_key("0031 6 00000001")
        == "+31600000001"
    )
    assert phone_key("Mark") is None and phone_key("12") is None
    assert ("handle", "mark_fictional") in keys_of_text("@Mark_Fictional")
    assert ("handle", "mark_fictional") not in keys_of_text("mark_fictional")  # a display name is no account
    assert ("handle", "mark_fictional") in keys_of_text("mark_fictional", account=True)
    assert ("email", "mark@example.org") in keys_of_text("Mark <MARK@example.org>")


def test_the_register_keeps_every_version_sealed(case: Path) -> None:
    with Vault.open(case, PASSPHRASE) as vault:
        with pytest.raises(PersonEmptyError):
            vault.add_person(PersonFields(names=(" ",), note="only a note"))
        first = vault.add_person(MARK)
        second = vault.edit_person(first.person_id, PersonFields(**{**MARK.__dict__, "note": "ex-partner"}))
        assert vault.edit_person(first.person_id, second.fields).version == 2  # nothing changed
        with pytest.raises(PersonNotFoundError):
            vault.edit_person(9, MARK)
        assert [p.version for p in vault.person_history(first.person_id)] == [1, 2]
        assert vault.person_history(first.person_id)[0].fields.note == ""
        types = [e.event_type for e in vault.signed_custody_log()]
        assert types.count("person_recorded") == 1 and types.count("person_edited") == 1
        assert vault.verify(record=False).ok
        with vault._require_engine().begin() as conn:
            conn.execute(text("DROP TRIGGER person_versions_no_update"))
            conn.execute(
                text("UPDATE person_versions SET body = replace(body, 'ex-partner', 'x') WHERE version = 2")
            )
        codes = {p.code for p in vault.verify(record=False).problems}
        assert "person_changed" in codes


def test_the_people_command(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, value in cli_env(tmp_path).items():
        monkeypatch.setenv(key, value)

    def run(*args: str) -> str:
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        assert exited.value.code in (0, None)
        return capsys.readouterr().out

    assert "Nog niemand in het personenregister" in run("--lang", "nl", "person", "list", str(case))
    added = run("person", "add", str(case), "--name", "Mark (fictional)", "--phone", "06-00000001")
    assert "Person 1 added to the people register: Mark (fictional)." in added
    shown = run("person", "list", str(case))
    assert "appears in 2 item(s)" in shown and "3 message(s) sent" in shown
    rows = json.loads(run("person", "list", str(case), "--json"))
    assert rows[0]["phones"] == ["06-00000001"] and rows[0]["messages"] == 3
    assert "Person 1 changed: version 2" in run(
        "person", "edit", str(case), "1", "--email", "mark.fictional@example.org"
    )
    assert json.loads(run("person", "list", str(case), "--json"))[0]["messages"] == 4
