"""The incident log: written down, edited as new versions, linked to items, sealed in the custody
log, and every tampering with a stored version found by `verify`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.errors import IncidentInvalidError, IncidentNotFoundError, ItemNotFoundError
from evidence_kit.hashing import sha256_hex
from evidence_kit.storage.incidents import IncidentFields, body_of, normalise_time, with_changes
from evidence_kit.vault import Vault
from tests.vault.conftest import FAST, PASSPHRASE

FIRST = IncidentFields(
    what="  Mark (fictional) posted my home address in the group 'Buurt'.  ",
    started="2026-11-03T21:15:00+01:00",
    platform="Instagram",
    urls=("https://instagram.example/p/abc", "https://instagram.example/p/abc", " "),
    people=("@mark_fictional", "+31 6 00000001"),
    steps=("reported to the platform",),
    categories=("doxing",),
)


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    made, _code = Vault.create(tmp_path / "case", PASSPHRASE, kdf=FAST)
    for name in ("post.png", "chat.txt"):
        (tmp_path / name).write_bytes(name.encode())
        made.add_file(tmp_path / name)
    return made


def test_an_incident_is_written_down_sealed_and_logged(vault: Vault) -> None:
    with vault:
        incident = vault.record_incident(with_changes(FIRST, items=(2, 1, 2)))
        assert (incident.incident_id, incident.version) == (1, 1)
        fields = incident.fields
        assert fields.what == "Mark (fictional) posted my home address in the group 'Buurt'."
        assert fields.urls == ("https://instagram.example/p/abc",)  # blanks and repeats dropped
        assert fields.items == (2, 1)
        assert fields.started == "2026-11-03T21:15+01:00"
        assert incident.sha256 == sha256_hex(body_of(fields))
        event = vault.signed_custody_log()[-1]
        assert event.event_type == "incident_recorded" and event.seq == incident.event_seq
        data = json.loads(event.body)["data"]
        assert data == {"incident": 1, "version": 1, "sha256": incident.sha256, "items": [2, 1]}
        assert vault.incidents() == [incident]
        assert vault.verify(record=False).ok


def test_an_edit_is_a_new_version_and_the_old_ones_stay(vault: Vault) -> None:
    with vault:
        first = vault.record_incident(FIRST)
        second = vault.edit_incident(1, with_changes(first.fields, impact="I no longer feel safe at home"))
        same = vault.edit_incident(1, second.fields)  # nothing changed: nothing added
        other = vault.record_incident(IncidentFields(what="A threat by voice message", started="2026-11-04"))
        assert (second.version, same.version, other.incident_id) == (2, 2, 2)
        history = vault.incident_history(1)
        assert [v.version for v in history] == [1, 2]
        assert history[0].fields == first.fields and history[0].fields.impact == ""
        assert history[1].fields.impact == "I no longer feel safe at home"
        assert [i.version for i in vault.incidents()] == [2, 1]
        types = [e.event_type for e in vault.signed_custody_log()]
        assert types.count("incident_recorded") == 2 and types.count("incident_edited") == 1
        with vault._require_engine().begin() as conn, pytest.raises(Exception, match="immutable"):
            conn.execute(text("UPDATE incident_versions SET body = 'x' WHERE version = 1"))
        with vault._require_engine().begin() as conn, pytest.raises(Exception, match="immutable"):
            conn.execute(text("DELETE FROM incident_versions"))
        assert vault.verify(record=False).ok


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (IncidentFields(what="   ", title="  "), "say what happened"),
        (IncidentFields(what="x", started="yesterday"), "is not a date"),
        (IncidentFields(what="x", ended="2026-11-03"), "needs its start as well"),
        (IncidentFields(what="x", started="2026-11-04", ended="2026-11-03"), "cannot end before"),
        (IncidentFields(what="x" * 20_001), "longer than"),
    ],
)
def test_what_cannot_be_saved_is_refused_and_nothing_is_logged(
    vault: Vault, fields: IncidentFields, message: str
) -> None:
    with vault:
        before = len(vault.signed_custody_log())
        with pytest.raises(IncidentInvalidError, match=message):
            vault.record_incident(fields)
        assert len(vault.signed_custody_log()) == before and vault.incidents() == []


def test_links_must_be_to_items_and_edits_to_incidents_that_exist(vault: Vault) -> None:
    with vault:
        with pytest.raises(ItemNotFoundError):
            vault.record_incident(with_changes(FIRST, items=(1, 9)))
        with pytest.raises(IncidentNotFoundError):
            vault.edit_incident(4, FIRST)
        assert vault.incidents() == []


def test_a_time_without_offset_is_read_in_this_computers_zone() -> None:
    assert normalise_time("2026-11-03") == "2026-11-03"
    local = normalise_time("2026-11-03 21:15")
    assert local.startswith("2026-11-03T21:15") and local[16] in "+-"
    assert normalise_time("2026-11-03T21:15:07Z") == "2026-11-03T21:15:07+00:00"


def _tampered(vault: Vault, statement: str) -> set[str]:
    with vault._require_engine().begin() as conn:
        conn.execute(text("DROP TRIGGER incident_versions_no_update"))
        conn.execute(text("DROP TRIGGER incident_versions_no_delete"))
        conn.execute(text(statement))
    return {p.code for p in vault.verify(record=False).problems}


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        (
            "UPDATE incident_versions SET body = replace(body, 'Instagram', 'TikTok') WHERE version = 1",
            "incident_changed",
        ),
        (
            "UPDATE incident_versions SET body = replace(body, 'Instagram', 'TikTok'), "
            "sha256 = 'f00d' WHERE version = 1",
            "incident_changed",
        ),
        ("DELETE FROM incident_versions WHERE version = 2", "incident_missing"),
        (
            "INSERT INTO incident_versions (incident_id, version, body, sha256, recorded_at_utc, event_seq) "
            "SELECT 1, 3, body, sha256, recorded_at_utc, event_seq FROM incident_versions WHERE version = 1",
            "incident_unlogged",
        ),
    ],
    ids=["body-rewritten", "body-and-hash-rewritten", "version-deleted", "version-slipped-in"],
)
def test_verify_finds_every_change_to_a_stored_version(vault: Vault, statement: str, code: str) -> None:
    with vault:
        first = vault.record_incident(FIRST)
        vault.edit_incident(1, with_changes(first.fields, impact="afraid"))
        assert code in _tampered(vault, statement)
        assert any("incident_versions_no_update" in p.format() for p in vault.verify(record=False).problems)
