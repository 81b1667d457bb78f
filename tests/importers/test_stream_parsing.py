"""The streaming readers: Telegram and Meta JSON through `json_stream.py`, SMS XML through `iter_messages`.

What is checked here is what streaming must not change and what it must give: the text rules of
the old whole-file reading (byte-order marks, UTF-16, invalid UTF-8 counted, surrogate escapes),
the shape decisions taken for a whole file (Meta's mojibake from every string), typed errors for
damaged files, reads that stay small except inside one long string, messages handed on before a
backup is read to its end, and, measured in a fresh interpreter by bench/parse_memory.py, peak
memory that no longer follows the whole parsed document. All data is fictional and generated.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import pytest

from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import json_stream, meta, telegram
from evidence_kit.importers.json_stream import JsonStream
from evidence_kit.importers.sms.reader import iter_messages
from evidence_kit.importers.sms.records import State

REPO = Path(__file__).resolve().parents[2]


def _chat(texts: list[str], name: str = "Anna de Vries") -> dict[str, object]:
    return {
        "name": name,
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
                "text": text,
            }
            for index, text in enumerate(texts, start=1)
        ],
    }


def _texts(path: Path) -> list[str]:
    return [m.text for m in telegram.read(path).conversation.messages]


def test_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    texts = ["Hoi 👋🏽", "café — één", "plain"]
    path = tmp_path / "result.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_chat(texts), ensure_ascii=False).encode())
    assert _texts(path) == texts
    assert telegram.read(path).conversation.warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_by_its_mark_reads_like_utf8(encoding: str) -> None:
    """(Telegram and Meta recognise their files by a UTF-8 start; the stream reads UTF-16 as
    `load_json` did, for a reader that hands one over.)"""
    document = _chat(["Hoi 👋🏽", "café — één"])
    data = json.dumps(document, ensure_ascii=False).encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    with JsonStream(lambda: io.BytesIO(data), path="x.json", format_name="telegram") as stream:
        assert stream.value(stream.next()) == document
        stream.end()
    assert stream.bad_bytes == 0


def test_invalid_utf8_is_counted_once_for_the_file_and_told_in_every_chat(tmp_path: Path) -> None:
    account = {
        "personal_information": {"user_id": 4000000009, "first_name": "Eva"},
        "chats": {"list": [_chat(["goed BAD fout"], "Anna"), _chat(["ook BAD"], "Bram")]},
    }
    data = json.dumps(account).encode().replace(b"BAD", b"\xff\xfe\xc3")
    path = tmp_path / "result.json"
    path.write_bytes(data)
    chats = telegram.read_all(path)
    assert [m.text for c in chats for m in c.conversation.messages] == [
        "goed \ufffd\ufffd\ufffd fout",
        "ook \ufffd\ufffd\ufffd",
    ]
    for chat in chats:
        assert [(w.code, dict(w.params)) for w in chat.conversation.warnings] == [
            ("invalid_utf8", {"count": "6"})
        ]
        assert ("account_id", "user4000000009") in chat.conversation.extra


def test_surrogate_escapes_pair_kept_lone_replaced_and_escaped_backslash_is_text(tmp_path: Path) -> None:
    # Written by hand: json.dumps would never write a lone surrogate escape.
    records = [
        '"pair \\ud83d\\ude00 end"',  # 😀
        '"lone \\ud83d end"',  # a lone high surrogate: U+FFFD, counted
        '"slash \\\\ud83d end"',  # an escaped backslash, then the letters "ud83d"
    ]
    messages = ",".join(
        f'{{"id": {i}, "type": "message", "date_unixtime": "1795943701", "from": "A", "text": {text}}}'
        for i, text in enumerate(records, start=1)
    )
    path = tmp_path / "result.json"
    path.write_text(
        '{"name": "A", "type": "personal_chat", "id": 1, "messages": [' + messages + "]}", "ascii"
    )
    export = telegram.read(path)
    assert [m.text for m in export.conversation.messages] == [
        "pair 😀 end",
        "lone \ufffd end",
        "slash \\ud83d end",
    ]
    assert [(w.code, dict(w.params)) for w in export.conversation.warnings] == [
        ("invalid_character", {"count": "1"})
    ]


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b'{"name": "A", "messages": [{"date_unixtime": "1", "text": "x"}', "the file ends too early"),
        (b'{"messages": [{"date_unixtime": "1", "text": "x"}]} {"more": 1}', "not valid JSON"),
        (b'{"messages": [{"date_unixtime": "1", "text": "x"}], "messages": []}', "names its messages twice"),
        (
            b'{"messages": [{"date_unixtime": "1"}], "x": ' + b"[" * 5000 + b"]" * 5000 + b"}",
            "nested too deeply",
        ),
        (b'{"chats": {"list": [{"messages": [' + b'{"x": ' * 3000, "nested too deeply"),
        (b'{"messages": [{"date_unixtime": NaN}]}', "not valid JSON"),
        (b'{"messages": [{"id": 1e99999999999}]}', "not valid JSON"),
        (b'\xef\xbb\xbf{"messages": ', "the file ends too early"),
    ],
)
def test_damaged_json_is_a_typed_error_naming_the_file(tmp_path: Path, content: bytes, detail: str) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=detail) as raised:
        telegram.read_all(path)
    assert str(path) in str(raised.value)


def test_meta_mojibake_is_decided_from_every_string_not_only_the_first_records(tmp_path: Path) -> None:
    thread_dir = tmp_path / "inbox" / "anna_1"
    thread_dir.mkdir(parents=True)
    ascii_first = [
        {"sender_name": "Anna", "timestamp_ms": 1795943701000 - i, "content": "hoi"} for i in range(80)
    ]
    late = {
        "sender_name": "Anna",
        "timestamp_ms": 1795943600000,
        "content": "café".encode().decode("latin-1"),
    }
    thread = {"participants": [{"name": "Anna"}], "messages": [*ascii_first, late], "title": "Anna"}
    (thread_dir / "message_1.json").write_text(json.dumps(thread), "ascii")
    export = meta.read(thread_dir / "message_1.json", platform="instagram")
    assert export.conversation.messages[0].text == "café"
    assert ("encoding_repaired", "true") in export.conversation.extra
    # One character above U+00FF anywhere (here in the title, after the messages) means no mojibake.
    thread["title"] = "Anna ✓"
    (thread_dir / "message_1.json").write_text(json.dumps(thread), "ascii")
    export = meta.read(thread_dir / "message_1.json", platform="instagram")
    assert export.conversation.messages[0].text == "café".encode().decode("latin-1")
    assert ("encoding_repaired", "true") not in export.conversation.extra


class _CountingHandle(io.BytesIO):
    """A file whose reads are recorded (how much the parser asks for at a time)."""

    def __init__(self, data: bytes, sizes: list[int]) -> None:
        super().__init__(data)
        self.sizes = sizes

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.sizes.append(len(chunk))
        return chunk


def _read_all_events(data: bytes) -> tuple[list[int], object]:
    sizes: list[int] = []

    def opener() -> BinaryIO:
        return _CountingHandle(data, sizes)

    with JsonStream(opener, path="result.json", format_name="telegram") as stream:
        sizes.clear()  # the survey's reads are not the parser's
        document = stream.value(stream.next())
        stream.end()
    return sizes, document


def test_reads_stay_small_for_ordinary_json() -> None:
    """A large read of ordinary JSON becomes hundreds of thousands of events held at once."""
    data = json.dumps(_chat([f"bericht {i}" for i in range(40_000)])).encode()
    sizes, document = _read_all_events(data)
    assert isinstance(document, dict)
    assert len(document["messages"]) == 40_000
    assert max(sizes) <= 64 * 1024


def test_reads_grow_inside_one_huge_string() -> None:
    """In 64 KiB reads yajl would scan a 24 MB string from its start about 380 times."""
    text = "ik weet waar je woont " * 1_100_000
    data = json.dumps(_chat(["voor", text, "na"])).encode()
    sizes, document = _read_all_events(data)
    assert isinstance(document, dict)
    assert [m["text"] for m in document["messages"]] == ["voor", text, "na"]
    assert len(sizes) < 40, sizes


def _sms_backup(count: int) -> bytes:
    rows = "".join(
        f'<sms address="+3160000000{i % 7}" date="{1795943701000 + i * 1000}" type="1" '
        f'body="bericht {i} &#55357;&#56832;" readable_date="29 nov. 2026 10:15:01" contact_name="Anna" />\n'
        for i in range(count)
    )
    return f'<?xml version="1.0"?>\n<smses count="{count}">\n{rows}</smses>\n'.encode()


def test_sms_messages_are_handed_on_before_the_backup_is_read_to_its_end() -> None:
    data = _sms_backup(40_000)
    sizes: list[int] = []
    handle = _CountingHandle(data, sizes)
    state = State(path=Path("sms-stream.xml"))
    messages = iter_messages(handle, state)
    first = next(messages)
    assert first.text == "bericht 0 😀"
    assert sum(sizes) < len(data) // 2, (sum(sizes), len(data))
    assert sum(1 for _ in messages) == 40_000 - 1
    assert state.count == 40_000


def _bench(formats: str, mb: float) -> dict[str, dict[str, float]]:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "parse_memory.py"), "--mb", str(mb), "--formats", formats],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["bench"] == "parse_memory"
    formats_found: dict[str, dict[str, float]] = result["formats"]
    return formats_found


def test_peak_memory_no_longer_follows_the_parsed_document() -> None:
    """Read whole with json.loads, Telegram needed 9x and Meta 5x their size on top of the
    interpreter; streamed, what is left is mostly the messages themselves (about 2-3x)."""
    found = _bench("telegram,meta", 8)
    for kind in ("telegram", "meta"):
        assert found[kind]["messages"] == found[kind]["records"]
        assert found[kind]["net_ratio"] < 4.0, (kind, found[kind])


def test_stream_module_keeps_the_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evidence_kit.importers import _chat_support

    thread_dir = tmp_path / "anna_1"
    thread_dir.mkdir()
    (thread_dir / "message_1.json").write_text(
        json.dumps({"participants": [], "messages": [{"sender_name": "A", "timestamp_ms": 1}] * 50}), "ascii"
    )
    monkeypatch.setattr(_chat_support, "MAX_EXPORT_BYTES", 1000)
    with pytest.raises(ImportFormatError, match="too large to parse as a chat"):
        meta.read(thread_dir / "message_1.json")
    assert json_stream.MAX_DEPTH >= 20  # the deepest real export nests about 8 levels
