"""Exports of several chats: one sealed original, one chat item per chat (`importers/chat_children.py`).

A Telegram whole-account export (JSON `chats.list`, and the HTML export's chat folders) and a
Meta download of several threads (Instagram and Facebook shapes) are stored once, byte-exact;
each chat becomes a child item whose bytes are a reference to the export and whose conversation
is its own sealed derived data. `verify` and `verify --reparse` check each chat, and a message
changed in one chat is named by that chat's item. All data is fictional.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.cli import main
from evidence_kit.domain import Conversation, ItemKind, ItemSummary, ManyChats, ParsedExport, StreamedExport
from evidence_kit.importers import meta, telegram
from evidence_kit.importers.batch import add_paths
from evidence_kit.importers.chat_children import CHAT_REFERENCE_TYPE, chat_items, is_chat_item
from evidence_kit.importers.reading import as_stream
from evidence_kit.importers.reparse import ReparseVerdict, check_reparse, reparse_item
from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION_PART, DERIVED_IMPORT_REPORT
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from tests.helpers import cli_env
from tests.importers.many_chats_fixtures import (
    FIXTURES,
    meta_zip,
    telegram_html_account_zip,
    telegram_json_account_zip,
)

TELEGRAM_FIXTURES = FIXTURES / "telegram"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(
        tmp_path / "case.ekvault", "correct horse battery", case_title="Chats", kdf=KdfParams.insecure_fast()
    )
    yield opened
    opened.close()


def _import(vault: Vault, path: Path) -> tuple[ItemSummary, list[ItemSummary]]:
    (result,) = list(add_paths(vault, [path]))
    assert result.error is None
    export = next(i for i in result.items if i.parent_id is None)
    assert export.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # the original, byte-exact
    return export, chat_items(export, vault.items())


def _chats(vault: Vault, chats: list[ItemSummary]) -> list[tuple[str | None, list[tuple[str | None, str]]]]:
    out = []
    for chat in chats:
        stored = vault.conversation(chat.id)
        assert stored is not None
        out.append((stored.conversation.title, [(m.sender, m.text) for m in stored.conversation.messages]))
    return out


def test_telegram_json_account_is_one_sealed_conversation_per_chat(vault: Vault, tmp_path: Path) -> None:
    export, chats = _import(vault, telegram_json_account_zip(tmp_path))
    assert [c.original_name for c in chats] == [
        "Anna de Vries (chat 1 of DataExport_2026-11-30.zip)",
        "Buurtgroep (chat 2 of DataExport_2026-11-30.zip)",
        "Oude groep (chat 3 of DataExport_2026-11-30.zip)",
    ]
    assert all(is_chat_item(c) and c.kind == ItemKind.CHAT and c.parent_id == export.id for c in chats)
    got = _chats(vault, chats)
    assert [title for title, _messages in got] == ["Anna de Vries", "Buurtgroep", "Oude groep"]
    assert [len(messages) for _title, messages in got] == [2, 3, 2]
    assert got[2][1] == [("Bram Jansen", "Ik ga weg"), ("Bram Jansen", "Bram Jansen removed Bram Jansen")]
    # The photo of chat 1 is one attachment item of the export, linked from chat 1's message.
    photo = next(i for i in vault.items() if i.original_path.endswith(".jpg"))
    assert photo.parent_id == export.id
    first = vault.conversation(chats[0].id)
    assert first is not None and list(first.links.values()) == [photo.id]
    # A chat item holds no copy of the export: a reference naming it by SHA-256 and position.
    reference = json.loads(b"".join(vault.iter_original(chats[1].id)))
    assert reference["export_sha256"] == export.sha256
    assert (reference["chat"], reference["chats"], reference["key"]) == (2, 3, "chat id 4000000100")
    assert chats[1].media_type == CHAT_REFERENCE_TYPE
    # The export's import report is the list the user chooses from.
    report = json.loads(vault.derived(export.id, DERIVED_IMPORT_REPORT) or b"{}")
    assert [(c["chat"], c["title"], c["messages"], c["item"]) for c in report["chats"]] == [
        (1, "Anna de Vries", 2, chats[0].id),
        (2, "Buurtgroep", 3, chats[1].id),
        (3, "Oude groep", 2, chats[2].id),
    ]
    assert vault.verify().ok
    findings = check_reparse(vault)
    assert [(f.item_id, f.verdict) for f in findings] == [(c.id, ReparseVerdict.SAME) for c in chats]


def test_a_message_changed_in_one_chat_is_named_by_that_chat(vault: Vault, tmp_path: Path) -> None:
    _export, chats = _import(vault, telegram_json_account_zip(tmp_path))
    target = chats[1]
    with vault._require_engine().begin() as conn:
        row = conn.execute(
            text("SELECT id, data FROM derived WHERE item_id = :i AND kind = :k"),
            {"i": target.id, "k": DERIVED_CONVERSATION_PART},
        ).one()
        document = json.loads(row.data)
        document["messages"][2]["text"] = "a forged, fictional sentence"
        conn.execute(
            text("UPDATE derived SET data = :d WHERE id = :id"),
            {"d": json.dumps(document).encode("utf-8"), "id": row.id},
        )
    report = vault.verify()
    assert [(p.code, p.item_id) for p in report.problems] == [("derived_changed", target.id)]
    findings = {f.item_id: f for f in check_reparse(vault)}
    assert findings[target.id].verdict == ReparseVerdict.MISMATCH
    assert findings[target.id].name == "Buurtgroep (chat 2 of DataExport_2026-11-30.zip)"
    assert [findings[c.id].verdict for c in (chats[0], chats[2])] == [ReparseVerdict.SAME] * 2


def test_reparse_writes_each_chat_again_through_its_export(vault: Vault, tmp_path: Path) -> None:
    export, chats = _import(vault, telegram_json_account_zip(tmp_path))
    before = [vault.derived_digests(c.id, [DERIVED_CONVERSATION_PART]) for c in chats]
    outcome = reparse_item(vault, chats[0].id, "test")  # a chat is read again through its export
    assert outcome is not None and outcome.item_id == export.id and not outcome.changed
    assert [vault.derived_digests(c.id, [DERIVED_CONVERSATION_PART]) for c in chats] == before
    events = [e for e in vault.custody_log() if e.event_type == "item_reparsed"]
    assert sorted(e.item_id for e in events) == sorted(c.id for c in chats)
    assert vault.verify().ok


def test_telegram_html_account_folders_are_one_conversation_each(vault: Vault, tmp_path: Path) -> None:
    _export, chats = _import(vault, telegram_html_account_zip(tmp_path))
    assert _chats(vault, chats) == [
        ("Anna de Vries", [("Anna de Vries", "Hoi Bram"), ("Bram Jansen", "Hoi Anna")]),
        (
            "Buurtgroep",
            [("Chris Peters", "Wie heeft de ladder?"), ("Bram Jansen", "Ik"), ("Chris Peters", "Dank")],
        ),
    ]
    keys = [json.loads(b"".join(vault.iter_original(c.id)))["key"] for c in chats]
    assert keys == ["chats/chat_001", "chats/chat_002"]
    assert vault.verify().ok
    assert [f.verdict for f in check_reparse(vault)] == [ReparseVerdict.SAME] * 2


@pytest.mark.parametrize(
    ("top", "platform"), [("your_instagram_activity", "instagram"), ("your_facebook_activity", "facebook")]
)
def test_meta_download_of_many_threads_is_one_conversation_per_thread(
    vault: Vault, tmp_path: Path, top: str, platform: str
) -> None:
    _export, chats = _import(vault, meta_zip(tmp_path, top))
    assert _chats(vault, chats) == [
        (
            "Anna de Vries",
            [("Anna de Vries", "Hallo"), ("Bram Jansen", "Hoi"), ("Anna de Vries", "Tot morgen")],
        ),
        ("Chris Peters", [("Chris Peters", "Ben je thuis?"), ("Bram Jansen", "Nee")]),
    ]
    for chat in chats:
        stored = vault.conversation(chat.id)
        assert stored is not None and stored.conversation.platform == platform
    assert [json.loads(b"".join(vault.iter_original(c.id)))["key"] for c in chats] == [
        "inbox/annadevries_1",
        "inbox/chrispeters_2",
    ]
    assert vault.verify().ok
    assert [f.verdict for f in check_reparse(vault)] == [ReparseVerdict.SAME] * 2


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The real `evidence-kit` entry point, in this process (a subprocess costs seconds each)."""
    with pytest.raises(SystemExit) as ended:
        main(args)
    captured = capsys.readouterr()
    return int(ended.value.code or 0), captured.out + captured.err


def test_cli_lists_the_chats_to_choose_and_verifies_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, value in cli_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    vault_path = tmp_path / "cli.ekvault"
    export_zip = telegram_json_account_zip(tmp_path)
    assert _cli(["init", str(vault_path), "--insecure-fast-kdf", "--title", "Chats"], capsys)[0] == 0
    code, added = _cli(["add", str(vault_path), str(export_zip)], capsys)
    assert code == 0 and "7 messages, 3 chats, each its own item, 1 attached file stored" in added
    code, listed = _cli(["chats", str(vault_path), "1", "--json"], capsys)
    rows = json.loads(listed)["chats"]
    assert [(r["chat"], r["title"], r["messages"]) for r in rows] == [
        (1, "Anna de Vries", 2),
        (2, "Buurtgroep", 3),
        (3, "Oude groep", 2),
    ]
    code, shown = _cli(["chats", str(vault_path), str(rows[1]["item"])], capsys)  # from a chat too
    assert f"chat 2: item {rows[1]['item']}, Buurtgroep, 3 messages" in shown
    code, checked = _cli(["verify", str(vault_path), "--reparse"], capsys)
    assert code == 0, checked
    for row in rows:
        assert f"Item {row['item']} ({row['title']} (chat {row['chat']} of" in checked


@pytest.mark.parametrize("name", ["single/result.json", "account/result.json", "account"])
def test_telegram_json_streamed_makes_exactly_the_held_reading(name: str) -> None:
    path = TELEGRAM_FIXTURES / name
    held = telegram.read_all(path)
    streamed = telegram.read_export(path)
    if isinstance(streamed, ManyChats):
        conversations = [stream.read_whole() for stream in streamed.conversations()]
        assert [c.title for c in streamed.chats] == [e.conversation.title for e in held]
        assert [f.name for f in streamed.files] == [f.name for e in held for f in e.files]
    else:
        assert isinstance(streamed, StreamedExport) and not isinstance(streamed.conversation.messages, tuple)
        conversations = [streamed.conversation.read_whole()]
        assert streamed.missing == held[0].missing
    assert conversations == [e.conversation for e in held]


META_FIXTURES = FIXTURES / "meta"


@pytest.mark.parametrize(
    "name",
    [
        "dyi",
        "dyi/your_instagram_activity/messages/inbox/annadevries_17841400000000000/message_1.json",
        "e2ee/annadevries_10.json",
        "html",
    ],
)
def test_meta_streamed_makes_exactly_the_held_reading(name: str) -> None:
    path = META_FIXTURES / name
    (held,) = meta.read_all(path)
    streamed = meta.read_export(path)
    assert isinstance(streamed, StreamedExport if name != "html" else ParsedExport)
    conversation = as_stream(streamed).read_whole()
    assert conversation == held.conversation and conversation.messages
    assert [f.name for f in streamed.files] == [f.name for f in held.files]
    assert streamed.missing == held.missing


def test_meta_thread_out_of_time_order_is_read_whole_as_before(tmp_path: Path) -> None:
    thread = {
        "participants": [{"name": "Anna de Vries"}, {"name": "Bram Jansen"}],
        "messages": [
            {"sender_name": "Anna de Vries", "timestamp_ms": 1_795_896_300_000, "content": "derde"},
            {"sender_name": "Bram Jansen", "timestamp_ms": 1_795_896_000_000, "content": "eerste"},
            {"sender_name": "Anna de Vries", "timestamp_ms": 1_795_896_100_000, "content": "tweede"},
        ],
        "title": "Anna de Vries",
    }
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(thread), "utf-8")
    streamed = meta.read_export(path)
    assert isinstance(streamed, ParsedExport)  # finish sorts it: never streamed in another order
    assert [m.text for m in streamed.conversation.messages] == ["eerste", "tweede", "derde"]


def _whole(exported: ParsedExport | StreamedExport | ManyChats) -> list[Conversation]:
    if isinstance(exported, ManyChats):
        return [stream.read_whole() for stream in exported.conversations()]
    return [as_stream(exported).read_whole()]


def test_public_samples_stream_exactly_as_they_read_held(samples_dir: Path) -> None:
    """Every Telegram and Meta sample of ../shared/samples, read as an import reads it."""
    paths = [
        (telegram, p) for p in sorted((samples_dir / "telegram").rglob("*.json")) if p.name != "target.json"
    ] + [
        (meta, p)
        for p in sorted((samples_dir / "instagram_messenger").rglob("*.json"))
        if p.name != "target.json"
    ]
    assert len(paths) >= 5
    for module, path in paths:
        held = [export.conversation for export in module.read_all(path)]
        streamed = _whole(module.read_export(path))
        assert [len(c.messages) for c in streamed] == [len(c.messages) for c in held], path
        assert streamed == held, path
