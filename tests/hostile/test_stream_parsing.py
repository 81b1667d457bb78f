"""Hostile chat exports for the streaming readers (Telegram and Meta JSON, SMS XML), through `add`.

Each file is fictional and generated here. It looks enough like its format to reach the reader
(recognised by content, or named with `--as`), and then is built to hurt a parser: nesting a
million levels deep, cut off in the middle, data after the document, a DTD with entities that
double ten times (billion laughs). Every one must end the same way: the original stored
byte-exact as a plain file, one clear sentence naming the file and why it was not read as a
chat, no traceback, `verify` passing. A huge single message text is read, not refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli
from tests.hostile.conftest import (
    add,
    assert_stored_exactly,
    assert_verify_passes,
    items,
    original,
    report_line,
)

DEPTH = 300_000  # a 600 KB file; json.loads and a recursive builder would fail or take gigabytes


def _telegram_chat(count: int = 300) -> dict[str, object]:
    return {
        "name": "Anna de Vries",
        "type": "personal_chat",
        "id": 4000000001,
        "messages": [
            {
                "id": index,
                "type": "message",
                "date": "2026-11-29T10:15:01",
                "date_unixtime": str(1795943701 + index),
                "from": "Anna de Vries",
                "from_id": "user4000000001",
                "text": f"bericht {index}: ik weet waar je woont",
                "text_entities": [],
            }
            for index in range(1, count + 1)
        ],
    }


def _meta_thread(count: int = 300) -> dict[str, object]:
    return {
        "participants": [{"name": "Anna de Vries"}, {"name": "Bram Jansen"}],
        "messages": [
            {
                "sender_name": "Anna de Vries",
                "timestamp_ms": 1795943701000 - index,
                "content": f"bericht {index}",
            }
            for index in range(count)
        ],
        "title": "Anna de Vries",
        "thread_path": "inbox/annadevries_1",
    }


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def _telegram_deep_text() -> bytes:
    head = (
        '{"name": "A", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "date_unixtime": "1795943701"'
    )
    return (head + ', "text": ' + _deep(DEPTH) + "}]}").encode()


def _telegram_deep_elsewhere() -> bytes:
    """The nesting in a key the reader never builds (it is passed over, and still counted)."""
    chat = json.dumps(_telegram_chat(3))
    return (chat[:-1] + ', "contacts": ' + _deep(DEPTH) + "}").encode()


def _meta_deep() -> bytes:
    head = '{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1795943701000'
    return (head + ', "content": ' + _deep(DEPTH) + "}]}").encode()


def _cut(document: dict[str, object]) -> bytes:
    data = json.dumps(document, indent=1).encode()
    return data[: len(data) * 2 // 3]


CASES = {
    "telegram-deep-message": (
        "result.json",
        _telegram_deep_text,
        "telegram",
        "the JSON is nested too deeply",
    ),
    "telegram-deep-other-key": ("result.json", _telegram_deep_elsewhere, "telegram", "nested too deeply"),
    "meta-deep": ("message_1.json", _meta_deep, "instagram", "the JSON is nested too deeply"),
    "telegram-cut": ("result.json", lambda: _cut(_telegram_chat()), "telegram", "the file ends too early"),
    "meta-cut": ("message_1.json", lambda: _cut(_meta_thread()), "instagram", "the file ends too early"),
    "telegram-trailing": (
        "result.json",
        lambda: json.dumps(_telegram_chat()).encode() + b'\n{"messages": []}',
        "telegram",
        "not valid JSON",
    ),
    "meta-two-message-lists": (
        "message_1.json",
        lambda: json.dumps(_meta_thread())[:-1].encode() + b', "messages": [{"sender_name": "B"}]}',
        "instagram",
        "not a Meta message thread",
    ),
}


def test_hostile_json_exports_are_kept_as_plain_files(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    """All cases in one batch (one vault, one `add`): each is named in its own clear sentence."""
    paths: dict[str, Path] = {}
    expected: dict[str, bytes] = {"notes.txt": b"what happened on 29 November\n"}
    (tmp_path / "notes.txt").write_bytes(expected["notes.txt"])
    for case, (name, make, _reader, _reason) in CASES.items():
        folder = tmp_path / case
        folder.mkdir()
        paths[case] = folder / name
        paths[case].write_bytes(make())

    result = add(vault, [*paths.values(), tmp_path / "notes.txt"], env)

    assert result.returncode == 0, result.stderr
    for case, (name, _make, reader, reason) in CASES.items():
        line = report_line(result, paths[case])
        assert line.endswith("recognised as file"), line
        block = result.stderr.split(line + "\n", 1)[1].split("\n  /", 1)[0]
        said = [entry for entry in block.splitlines() if "was not read as" in entry]
        assert len(said) == 1, (case, block)
        assert f"{name} was not read as {reader} ({paths[case]} could not be read as {reader}: " in said[0]
        assert reason in said[0], (case, said[0])
        assert said[0].endswith("the original is stored as a plain file.")
    listed = items(vault, env)
    by_path = {str(item["original_path"]): item for item in listed}
    assert len(listed) == len(CASES) + 1
    for case, path in paths.items():
        item = by_path[str(path)]
        stored = original(vault, item["id"], env, tmp_path / f"out-{case}")
        assert stored == path.read_bytes(), case
    assert_verify_passes(vault, env)


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE smses [\n' + "\n".join(entities) + "\n]>\n"
        '<smses count="1"><sms address="+31600000001" date="1795943701000" type="1" body="&lol9;" />'
        "</smses>\n"
    ).encode()


def test_billion_laughs_sms_backup_is_refused_without_expanding(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    data = _billion_laughs()
    path = tmp_path / "sms-20261129101501.xml"
    path.write_bytes(data)

    result = add(vault, [path], env, ("--as", "sms"))

    assert result.returncode == 0, result.stderr
    assert report_line(result, path).endswith("recognised as file")
    assert "the XML declares a DTD or entities, which a backup never does" in result.stderr
    assert "the original is stored as a plain file" in result.stderr
    assert_stored_exactly(vault, env, {path.name: data}, tmp_path / "out")
    assert_verify_passes(vault, env)


def test_huge_message_text_is_read(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    """One 24 MB message text (a pasted file, a flood) is read whole, not refused, within the limit."""
    text = "ik weet waar je woont " * 1_100_000
    chat = _telegram_chat(2)
    chat["messages"][1]["text"] = text  # type: ignore[index]
    data = json.dumps(chat).encode()
    path = tmp_path / "result.json"
    path.write_bytes(data)

    result = add(vault, [path], env)

    assert result.returncode == 0, result.stderr
    assert report_line(result, path).endswith("recognised as telegram, 2 messages")
    shown = run_cli(["messages", str(vault), "1", "--json"], env, check=True).stdout
    assert len(json.loads(shown)[1]["text"]) == len(text)
    assert_verify_passes(vault, env)
