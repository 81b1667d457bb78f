"""A conversation stored in parts: read back whole, sealed part by part, older vaults still read.

Through the real `evidence-kit add` (in this process, so the part size can be made small and
memory can be traced) and the real `verify` and `messages` (subprocesses).
"""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.cli import main
from evidence_kit.domain import AttachmentRef, Conversation, Message
from evidence_kit.importers import whatsapp
from evidence_kit.storage import conversation_store
from evidence_kit.storage.conversation_json import conversation_to_json
from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION, DERIVED_CONVERSATION_PART
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import NewDerived, NewItem, Vault
from tests.helpers import PASSPHRASE, cli_env, run_cli

NAMES = ["Anna de Vries", "Bram", "+31 6 12345678", "Chloé"]


def write_chat(path: Path, size: int, seed: int = 1) -> None:
    """A fictional Android export of about `size` bytes: multi-line messages, media, system lines."""
    rng = random.Random(seed)
    written = 0
    minute = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        while written < size:
            minute += rng.randint(1, 30)
            day, hour, mins = 13 + minute // 1440 % 15, minute // 60 % 24, minute % 60
            header = f"{day:02d}/01/2025, {hour:02d}:{mins:02d} - "
            roll = rng.random()
            if roll < 0.05:
                line = f"{header}{rng.choice(NAMES)}: <Media omitted>\n"
            elif roll < 0.07:
                line = (
                    f"{header}{rng.choice(NAMES)}: IMG-20250113-WA{minute % 9999:04d}.jpg (file attached)\n"
                )
            elif roll < 0.08:
                line = f"{header}Bram changed the subject\n"
            elif roll < 0.2:
                line = f"{header}{rng.choice(NAMES)}: first {minute}\nsecond line\n\nfourth {'w' * 40}\n"
            else:
                line = f"{header}{rng.choice(NAMES)}: message {minute} {'v' * rng.randint(0, 120)}\n"
            handle.write(line)
            written += len(line.encode("utf-8"))


def cli_add(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], vault: Path, *paths: Path) -> None:
    """`evidence-kit add` in this process (same code path as the command), with the test's env."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as done:
        main(["add", str(vault), *map(str, paths)])
    assert done.value.code == 0


def part_rows(vault_path: Path, item_id: int) -> list[tuple[int, bytes]]:
    with Vault.open(vault_path, PASSPHRASE) as vault, vault._require_engine().connect() as conn:
        rows = conn.execute(
            text("SELECT id, data FROM derived WHERE item_id = :i AND kind = :k ORDER BY id"),
            {"i": item_id, "k": DERIVED_CONVERSATION_PART},
        ).all()
    return [(row.id, row.data) for row in rows]


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = cli_env(tmp_path)
    vault_path = tmp_path / "case.ekvault"
    run_cli(["init", str(vault_path), "--insecure-fast-kdf"], env, check=True)
    return vault_path, env


def test_a_conversation_over_many_parts_reads_back_whole_and_an_edit_in_part_two_is_named(
    case: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_path, env = case
    chat = tmp_path / "WhatsApp Chat with Anna de Vries.txt"
    write_chat(chat, 300_000)
    monkeypatch.setattr(conversation_store, "PART_BYTES", 20_000)
    cli_add(monkeypatch, env, vault_path, chat)

    expected = whatsapp.read(chat).conversation
    with Vault.open(vault_path, PASSPHRASE) as vault:
        (item,) = vault.items()
        stored = vault.conversation(item.id)
        document = vault.conversation_documents([item.id])[item.id]
        original = b"".join(vault.iter_original(item.id))
    assert original == chat.read_bytes()
    assert stored is not None
    assert stored.conversation == expected  # every message, in order, across every part
    assert len(document["messages"]) == len(expected.messages)
    parts = part_rows(vault_path, item.id)
    assert len(parts) > 10
    assert [json.loads(data)["part"] for _id, data in parts] == list(range(len(parts)))
    listed = run_cli(["messages", str(vault_path), str(item.id), "--json"], env, check=True)
    assert [m["text"] for m in json.loads(listed.stdout)] == [m.text for m in expected.messages]
    assert run_cli(["verify", str(vault_path)], env).returncode == 0

    # One message of the second part changed with plain SQL, as anyone with the passphrase could.
    part_id, data = parts[1]
    part = json.loads(data)
    part["messages"][3]["text"] = "A message nobody ever sent"
    with Vault.open(vault_path, PASSPHRASE) as vault, vault._require_engine().begin() as conn:
        conn.execute(
            text("UPDATE derived SET data = :d WHERE id = :id"),
            {"d": json.dumps(part, ensure_ascii=False).encode("utf-8"), "id": part_id},
        )
    verified = run_cli(["verify", str(vault_path)], env)
    assert verified.returncode == 1
    assert (
        f"Item {item.id}: its parsed content, times or facts were changed"
        in verified.stdout + verified.stderr
    )


def test_a_missing_part_is_damage_not_a_shorter_conversation(
    case: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_path, env = case
    chat = tmp_path / "WhatsApp Chat with Bram.txt"
    write_chat(chat, 60_000, seed=2)
    monkeypatch.setattr(conversation_store, "PART_BYTES", 10_000)
    cli_add(monkeypatch, env, vault_path, chat)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        (item,) = vault.items()
    part_id, _data = part_rows(vault_path, item.id)[2]
    with Vault.open(vault_path, PASSPHRASE) as vault, vault._require_engine().begin() as conn:
        conn.execute(text("DELETE FROM derived WHERE id = :id"), {"id": part_id})
    with Vault.open(vault_path, PASSPHRASE) as vault:
        with pytest.raises(ValueError):
            vault.conversation(item.id)
        assert vault.conversation_documents([item.id]) == {}
    shown = run_cli(["messages", str(vault_path), str(item.id)], env)
    assert shown.returncode != 0
    assert f"The parsed messages of item {item.id} are damaged" in shown.stdout + shown.stderr
    assert "Traceback" not in shown.stderr


def test_a_conversation_stored_in_one_record_by_an_older_version_still_reads(tmp_path: Path) -> None:
    """Vaults written before parts kept the whole conversation in the `conversation` record (v1)."""
    message = Message(sender="Anna", text="hoi", attachments=(AttachmentRef("x.jpg", "image/jpeg"),))
    old = Conversation(platform="whatsapp", messages=(message,) * 3, title="Anna")
    data = conversation_to_json(old, {"x.jpg": 7}, ("y.jpg",))
    assert json.loads(data)["version"] == 1
    vault, _code = Vault.create(tmp_path / "old.ekvault", PASSPHRASE, kdf=KdfParams.insecure_fast())
    with vault:
        meta = NewItem(original_name="chat.txt", original_path="chat.txt")
        record = NewDerived(DERIVED_CONVERSATION, "application/json", data, "importer", "1")
        item = vault.add_file(_small(tmp_path), meta=meta, derived=[record])
        stored = vault.conversation(item.id)
        documents = vault.conversation_documents([item.id])
        assert vault.verify(record=False).ok
    assert stored is not None
    assert stored.conversation == old
    assert stored.links == {"x.jpg": 7} and stored.missing == ("y.jpg",)
    assert [m["text"] for m in documents[item.id]["messages"]] == ["hoi"] * 3


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "chat.txt"
    path.write_text("15/01/2024, 21:05 - Anna: hoi\n", encoding="utf-8")
    return path


def test_importing_a_long_chat_keeps_memory_to_a_few_parts(
    case: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory regression (not timed): `add` of a 20 MB chat allocates at most a few parts' worth.

    tracemalloc counts what Python allocates (not SQLCipher's own cache, which is bounded by its
    settings). Held whole, the text alone would be 20 MiB and its messages several times that;
    streamed, the peak is the blocks being read, one part being built and the caches of dates
    and senders. The bound, 4 parts (16 MiB), is far below the first and well above the second
    (about 9 MiB measured), so it fails on any change that holds the chat, never on noise.
    """
    vault_path, env = case
    chat = tmp_path / "WhatsApp Chat with Anna de Vries.txt"
    write_chat(chat, 20 * 1024 * 1024, seed=3)
    tracemalloc.start()
    try:
        cli_add(monkeypatch, env, vault_path, chat)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    with Vault.open(vault_path, PASSPHRASE) as vault:
        (item,) = vault.items()
    assert len(part_rows(vault_path, item.id)) >= 5  # it really was a large conversation
    assert peak < 4 * conversation_store.PART_BYTES, f"peak {peak / 2**20:.1f} MiB"


def test_a_line_over_the_limit_is_cut_for_display_and_the_original_kept_byte_exact(
    case: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    vault_path, env = case
    chat = tmp_path / "WhatsApp Chat with Anna de Vries.txt"
    long = "15/01/2024, 21:06 - Anna de Vries: " + "ä" * (3 * 1024 * 1024) + "\r\n"
    data = ("15/01/2024, 21:05 - Bram: hoi\r\n" + long + "15/01/2024, 21:07 - Bram: ok\r\n").encode("utf-8")
    chat.write_bytes(data)
    added = run_cli(["add", str(vault_path), str(chat)], env, check=True)
    line = len(long) - 1  # the line as written, up to its line end
    assert f"Line 2 is {line} characters long; only its first 1048576 characters are shown." in added.stderr
    with Vault.open(vault_path, PASSPHRASE) as vault:
        (item,) = vault.items()
        stored = vault.conversation(item.id)
        assert b"".join(vault.iter_original(item.id)) == data
    assert stored is not None
    texts = [m.text for m in stored.conversation.messages]
    assert texts == ["hoi", "ä" * (1024 * 1024 - len("15/01/2024, 21:06 - Anna de Vries: ")), "ok"]
    assert [w.code for w in stored.conversation.warnings] == ["long_line_cut"]
    extracted = tmp_path / "out.txt"
    run_cli(["extract", str(vault_path), str(item.id), str(extracted)], env, check=True)
    assert extracted.read_bytes() == data
