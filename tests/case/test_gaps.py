""" "What is missing": every rule fires where it should and stays quiet where it should not, and the
`gaps` command shows the hints of a real vault in Dutch and English."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from evidence_kit.case.gaps import ItemFacts, case_gaps, incident_gaps, item_gaps
from evidence_kit.cli import main
from evidence_kit.domain import (
    Conversation,
    ItemKind,
    ItemSummary,
    ParseWarning,
    Participant,
    TimeSource,
    Timestamp,
)
from evidence_kit.storage.incidents import Incident, IncidentFields
from evidence_kit.vault import Vault
from tests.helpers import cli_env
from tests.vault.conftest import FAST, PASSPHRASE

NOW = datetime(2026, 11, 3, 21, 15, tzinfo=UTC)
STORED = Timestamp(TimeSource.IMPORT_CLOCK, utc=NOW)
OWN_TIME = Timestamp(TimeSource.CONTENT, utc=NOW)


def _item(
    kind: ItemKind, *, note: str = "", times: tuple[Timestamp, ...] = (STORED,), item_id: int = 1
) -> ItemSummary:
    return ItemSummary(
        id=item_id, uuid="u", kind=kind, sha256="0" * 64, size=1, original_name="x", original_path="x",
        media_type=None, importer="test", importer_version="1", note=note, category="", parent_id=None,
        imported_at=STORED, times=times,
    )  # fmt: skip


def _incident(number: int = 1, **fields: object) -> Incident:
    values = {"what": "Fictional incident", **fields}
    return Incident(number, 1, IncidentFields(**values), "0" * 64, NOW, 5)  # type: ignore[arg-type]


def _codes(gaps: list) -> list[str]:  # type: ignore[type-arg]
    return [g.code for g in gaps]


SCREENSHOT = ItemFacts(_item(ItemKind.IMAGE, times=(OWN_TIME,)), {"width": 1080}, None)


@pytest.mark.parametrize(
    ("facts", "incidents", "fires"),
    [
        (SCREENSHOT, (), True),
        (replace(SCREENSHOT, item=_item(ItemKind.IMAGE, note="Instagram, @x", times=(OWN_TIME,))), (), False),
        (
            replace(
                SCREENSHOT, item=_item(ItemKind.IMAGE, note="https://example.org/p/1", times=(OWN_TIME,))
            ),
            (),
            False,
        ),
        (SCREENSHOT, (_incident(urls=("https://example.org/p",)),), False),
        (SCREENSHOT, (_incident(platform="TikTok"),), False),
        (replace(SCREENSHOT, image_info={"make": "Fictional Camera Co"}), (), False),  # a camera photo
        (ItemFacts(_item(ItemKind.FILE, times=(OWN_TIME,)), {}, None), (), False),
    ],
    ids=["bare", "note-platform", "note-url", "incident-url", "incident-platform", "camera", "not-a-picture"],
)
def test_screenshot_without_source(facts: ItemFacts, incidents: tuple[Incident, ...], fires: bool) -> None:
    assert ("screenshot_without_source" in _codes(item_gaps(facts, incidents))) is fires


def test_location_in_photo() -> None:
    photo = ItemFacts(_item(ItemKind.IMAGE, note="WhatsApp", times=(OWN_TIME,)), {"gps_present": True}, None)
    assert _codes(item_gaps(photo)) == ["location_in_photo"]
    assert _codes(item_gaps(replace(photo, image_info={"gps_present": False}))) == []


def _chat(participants: tuple[Participant, ...], title: str | None = None, omitted: int = 0) -> ItemFacts:
    warnings = (ParseWarning("media_omitted", "x", (("count", str(omitted)),)),) if omitted else ()
    conversation = Conversation("whatsapp", (), title=title, participants=participants, warnings=warnings)
    return ItemFacts(_item(ItemKind.CHAT), {}, conversation)


def test_name_without_number() -> None:
    mark, sanne = Participant("Mark (fictional)"), Participant("Sanne")
    one_to_one = item_gaps(_chat((mark, sanne), title="Mark (fictional)"))
    assert [dict(g.params)["name"] for g in one_to_one] == ["Mark (fictional)"]  # not the keeper's own
    group = item_gaps(_chat((mark, sanne), title="Buurt"))
    assert [dict(g.params)["name"] for g in group] == ["Mark (fictional)", "Sanne"]
    numbered = _chat((Participant("Mark (fictional)", "+31 6 00000001"),), title="Mark (fictional)")
    assert item_gaps(numbered) == []
    # The number given elsewhere: in the item's note, or in an incident that links the chat.
    chat = _chat((mark, sanne), title="Mark (fictional)")
    noted = replace(chat, item=replace(chat.item, note="Mark's number is 06-00000001"))
    assert item_gaps(noted) == []
    assert item_gaps(chat, (_incident(people=("Mark (fictional)", "@mark_fictional")),)) == []
    assert len(item_gaps(chat, (_incident(people=("Mark (fictional)",)),))) == 1  # a name is no number


def test_exported_without_media() -> None:
    gaps = item_gaps(_chat((Participant("A", "+31 6 00000002"),), omitted=4))
    assert _codes(gaps) == ["exported_without_media"] and dict(gaps[0].params)["count"] == "4"
    assert item_gaps(_chat((Participant("A", "+31 6 00000002"),))) == []


def test_no_date() -> None:
    note = ItemFacts(
        _item(ItemKind.FILE, times=(STORED, Timestamp(TimeSource.FILE_METADATA, utc=NOW))), {}, None
    )
    assert _codes(item_gaps(note)) == ["no_date"]
    assert item_gaps(replace(note, item=_item(ItemKind.FILE, times=(OWN_TIME,)))) == []
    named = Timestamp(TimeSource.FILE_NAME, local=datetime(2026, 11, 3, 21, 15))
    assert item_gaps(replace(note, item=_item(ItemKind.FILE, times=(named,)))) == []
    assert item_gaps(note, (_incident(started="2026-11-03"),)) == []


@pytest.mark.parametrize(
    ("fields", "codes"),
    [
        ({}, ["incident_no_time", "incident_no_evidence", "incident_no_person"]),
        (
            {"started": "2026-11-03", "items": (1,), "people": ("@x",), "platform": "Instagram"},
            ["incident_no_url"],
        ),
        (
            {
                "started": "2026-11-03",
                "items": (1,),
                "people": ("@x",),
                "platform": "Instagram",
                "urls": ("https://x.example",),
            },
            [],
        ),
        *(
            ({"started": "2026-11-03", "items": (1,), "people": ("@x",), "platform": channel}, [])
            for channel in ("WhatsApp", "E-mail", "sms", "Signal")
        ),
    ],
    ids=["empty", "platform-without-url", "complete", "whatsapp", "e-mail", "sms", "signal"],
)
def test_incident_rules(fields: dict[str, object], codes: list[str]) -> None:
    gaps = incident_gaps(_incident(**fields))
    assert _codes(gaps) == codes
    if "incident_no_url" in codes:
        assert "Instagram" in gaps[0].format()


def test_case_gaps_give_each_item_the_incidents_that_link_it() -> None:
    first = ItemFacts(_item(ItemKind.FILE, item_id=1), {}, None)
    second = ItemFacts(_item(ItemKind.FILE, item_id=2), {}, None)
    linked = _incident(started="2026-11-03", items=(2,), people=("@x",))
    assert [(g.code, g.item_id, g.incident_id) for g in case_gaps([first, second], [linked])] == [
        ("no_date", 1, None)
    ]


def test_the_gaps_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env = cli_env(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "case"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 80), (20, 120, 200)).save(buffer, "PNG")
    (tmp_path / "screenshot.png").write_bytes(buffer.getvalue())
    with vault:
        vault.add_file(tmp_path / "screenshot.png")
        vault.record_incident(IncidentFields(what="Fictional threat", platform="Instagram", items=(1,)))

    def run(*args: str) -> str:
        with pytest.raises(SystemExit) as exited:
            main([*args, "gaps", str(path)])
        assert exited.value.code in (0, None)
        return capsys.readouterr().out

    shown = run()
    assert "Item 1: say where this screenshot comes from" not in shown  # its incident names Instagram
    assert "Incident 1: it happened on Instagram, but no web address is given." in shown
    assert "Incident 1: add when it happened" in shown
    assert "Incident 1: het gebeurde op Instagram" in run("--lang", "nl")
    rows = json.loads(_json_run(path, capsys))
    assert {r["code"] for r in rows} >= {"incident_no_url", "incident_no_time", "incident_no_person"}
    with Vault.open(path, PASSPHRASE) as reopened:
        assert [e.event_type for e in reopened.signed_custody_log()][-1] == "incident_recorded"  # reads only


def _json_run(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main(["gaps", str(path), "--json"])
    return capsys.readouterr().out
