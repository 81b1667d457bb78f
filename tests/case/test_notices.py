"""Notices to platforms (DSA Article 16): the text holds every element the article names, in
Dutch and English; each step is a sealed version; the CLI drafts one from an incident."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.case.notice_text import HELPWANTED_URL, POLICE_URL, default_explanation, notice_text, routes
from evidence_kit.cli import main
from evidence_kit.errors import IncidentNotFoundError, NoticeIncompleteError
from evidence_kit.storage.incidents import IncidentFields
from evidence_kit.storage.notices import NoticeFields
from evidence_kit.vault import Vault
from tests.helpers import cli_env
from tests.vault.conftest import FAST, PASSPHRASE

NOTICE = NoticeFields(
    platform="Instagram",
    urls=("https://instagram.example/p/abc", "https://instagram.example/p/def"),
    explanation="My home address and phone number were posted to frighten me.",
    categories=("doxing",),
    name="Sanne (fictional)",
    email="sanne@example.net",
)


@pytest.mark.parametrize(
    ("lang", "must"),
    [
        (
            "en",
            ["Digital Services Act, Article 16", "https://instagram.example/p/def",
             "Why this content is illegal", "285d Sr", "Sanne (fictional) <sanne@example.net>",
             "I declare in good faith that the information and allegations in this notice are accurate "
             "and complete."],
        ),
        (
            "nl",
            ["digitale diensten, artikel 16", "https://instagram.example/p/abc",
             "Waarom deze inhoud illegaal is",
             "285d Sr", "Afzender: Sanne (fictional) <sanne@example.net>",
             "Ik verklaar te goeder trouw dat de informatie en beweringen in deze melding juist en "
             "volledig zijn."],
        ),
    ],
)  # fmt: skip
def test_the_text_holds_every_element_of_article_16(lang: str, must: list[str]) -> None:
    written = notice_text(replace(NOTICE, language=lang), date(2026, 11, 4))
    for part in must:
        assert part in written
    assert "2026-11-04" in written and NOTICE.explanation in written


def test_without_name_and_address_the_text_says_so_and_keeps_the_statement() -> None:
    written = notice_text(replace(NOTICE, name="", email=""), date(2026, 11, 4))
    assert "chosen not to give a name and e-mail address" in written and "in good faith" in written


def test_the_default_explanation_and_the_other_routes_follow_the_categories() -> None:
    assert "doxing" in default_explanation(("doxing",), "en").casefold()
    assert default_explanation((), "en") == ""
    assert [HELPWANTED_URL in r for r in routes(("intimate_image_abuse",), "nl")] == [True, False]
    assert any(POLICE_URL in r for r in routes(("threats",), "en"))
    assert routes(("defamation",), "en") == []


def test_each_step_is_a_sealed_version_and_verify_guards_it(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "case", PASSPHRASE, kdf=FAST)
    with vault:
        with pytest.raises(NoticeIncompleteError):
            vault.save_notice(replace(NOTICE, urls=(" ",)))
        with pytest.raises(IncidentNotFoundError):
            vault.save_notice(replace(NOTICE, incident=3))
        draft = vault.save_notice(NOTICE)
        sent = vault.save_notice(replace(draft.fields, status="sent", status_note="ref 123"), draft.notice_id)
        removed = vault.save_notice(replace(sent.fields, status="removed"), draft.notice_id)
        assert [n.fields.status for n in vault.notice_history(1)] == ["draft", "sent", "removed"]
        assert removed.version == 3 and vault.notices() == [removed]
        types = [e.event_type for e in vault.signed_custody_log()]
        assert types.count("notice_recorded") == 1 and types.count("notice_edited") == 2
        assert vault.verify(record=False).ok
        with vault._require_engine().begin() as conn:
            conn.execute(text("DROP TRIGGER notice_versions_no_delete"))
            conn.execute(text("DELETE FROM notice_versions WHERE version = 2"))
        assert "notice_missing" in {p.code for p in vault.verify(record=False).problems}


def test_draft_a_notice_from_an_incident_and_record_that_it_was_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, value in cli_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "case"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault:
        vault.record_incident(
            IncidentFields(
                what="My address was posted", platform="Instagram", urls=("https://instagram.example/p/abc",),
                categories=("doxing",),
            )
        )  # fmt: skip

    def run(*args: str) -> str:
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        assert exited.value.code in (0, None)
        return capsys.readouterr().out

    drafted = run("--lang", "nl", "notice", str(path), "incident:1")
    assert "Melding 1 bewaard als concept" in drafted and "Aan: Instagram" in drafted
    assert "https://instagram.example/p/abc" in drafted and "te goeder trouw" in drafted
    assert "0900-8844" in drafted  # doxing: the police route
    assert "Notice 1: sent (version 2)." in run("notice-status", str(path), "1", "sent", "--note", "ref 123")
    assert "Notice 1 to Instagram: sent (version 2)." in run("notices", str(path))
    assert "Waarom deze inhoud illegaal is" in run("notice-show", str(path), "1")  # in the notice's language
