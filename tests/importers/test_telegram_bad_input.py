"""Telegram Desktop importer: recognition, bad and hostile input, fuzzing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidence_kit.domain import MessageKind
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import telegram

from .chat_oracle import is_concatenation, strings_in, strip_marks
from .telegram_fixtures import (
    ACCOUNT,
    FUZZ,
    HTML,
    SINGLE,
)
from .telegram_html_writer import Page, serialize

# ---------------------------------------------------------------------------------------------
# Recognition and bad input
# ---------------------------------------------------------------------------------------------


def test_sniff_by_content() -> None:
    head = (SINGLE / "result.json").read_bytes()[:65536]
    assert telegram.sniff(head, "renamed.dat")
    assert telegram.sniff((ACCOUNT / "result.json").read_bytes()[:65536], "result.json")
    assert telegram.sniff((HTML / "messages2.html").read_bytes()[:65536], "page.htm")
    assert not telegram.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "result.json")
    assert not telegram.sniff(
        b'{"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": []}', "result.json"
    )
    assert not telegram.sniff(
        b'{"participants": [], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}', "x"
    )
    assert not telegram.sniff(
        b'<html><title>Exported Data</title><div class="page_wrap"></div>', "export_results.html"
    )
    assert not telegram.sniff(b"", "result.json")


def test_sniff_dir(tmp_path: Path) -> None:
    assert telegram.sniff_dir(SINGLE)
    assert telegram.sniff_dir(ACCOUNT)
    assert telegram.sniff_dir(HTML)
    assert not telegram.sniff_dir(tmp_path)
    (tmp_path / "result.json").write_text('{"some": "other json"}', "utf-8")
    assert not telegram.sniff_dir(tmp_path)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02garbage\xff",
        b"{not json",
        b"[1, 2, 3]",
        b'{"messages": 5}',
        b'"text"',
        b'{"participants": [], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}',
        b"[" * 100_000,
        b'{"chats": {"list": 5}}',
        b"<html><body>not a chat</body></html>",
    ],
)
def test_not_telegram_is_a_typed_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError):
        telegram.read_all(path)


def test_absurdly_nested_html_is_refused_quickly(tmp_path: Path) -> None:
    head = '<title>Exported Data</title><div class="page_wrap"><div class="page_body chat_page">'
    block = '<div class="message default clearfix" id="message1"><div class="body"><div class="text">'
    (tmp_path / "messages.html").write_text(head + block * 50_000 + "x", "utf-8")
    with pytest.raises(ImportFormatError, match="nested too deeply"):
        telegram.read(tmp_path / "messages.html")


def test_folder_without_export_is_a_typed_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", "utf-8")
    with pytest.raises(ImportFormatError):
        telegram.read(tmp_path)


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    data = (
        json.dumps(
            {
                "messages": [
                    {
                        "id": 1,
                        "type": "message",
                        "date": "2026-01-01T00:00:00",
                        "from": "A",
                        "text": "goed BAD fout",
                    }
                ]
            }
        )
        .encode()
        .replace(b"BAD", b"\xff\xfe")
    )
    path = tmp_path / "result.json"
    path.write_bytes(data)
    conversation = telegram.read(path).conversation
    assert conversation.messages[0].text == "goed \ufffd\ufffd fout"
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [("invalid_utf8", {"count": "2"})]


def test_too_large_export_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evidence_kit.importers import _chat_support

    path = tmp_path / "result.json"
    shutil.copy(SINGLE / "result.json", path)
    monkeypatch.setattr(_chat_support, "MAX_EXPORT_BYTES", 1000)
    with pytest.raises(ImportFormatError, match="too large to parse as a chat"):
        telegram.read(path)


def test_symlinked_media_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of the export", "utf-8")
    export_dir = tmp_path / "export"
    (export_dir / "photos").mkdir(parents=True)
    (export_dir / "photos" / "photo.jpg").symlink_to(secret)
    (export_dir / "result.json").write_text(
        json.dumps(
            {
                "messages": [
                    {
                        "id": 1,
                        "type": "message",
                        "date": "2026-01-01T00:00:00",
                        "from": "A",
                        "photo": "photos/photo.jpg",
                    }
                ]
            }
        ),
        "utf-8",
    )
    export = telegram.read(export_dir)
    assert export.files == ()
    assert export.missing == ("photos/photo.jpg",)


# ---------------------------------------------------------------------------------------------
# Fuzzing
# ---------------------------------------------------------------------------------------------

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", "\u200e", "(File not included. Change data exporting settings to download.)", "../x", "photos/p.jpg"]
)
_SCALAR = st.none() | st.booleans() | st.integers(-(2**40), 2**40) | _TEXT
_ENTITY = st.fixed_dictionaries(
    {"type": st.sampled_from(["plain", "bold", "text_link"]), "text": _TEXT}, optional={"href": _TEXT}
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(-5, 10**12) | _TEXT,
        "type": st.sampled_from(["message", "service", "other"]) | _TEXT,
        "date": st.sampled_from(["2026-01-01T00:00:00", "2026-13-01T00:00:00", "nope"]) | _TEXT,
        "date_unixtime": st.sampled_from(["0", "1767225600", "-1", "99999999999999"]) | _SCALAR,
        "from": _SCALAR,
        "from_id": _SCALAR,
        "actor": _SCALAR,
        "action": st.sampled_from(["phone_call", "pin_message", "create_group", "invite_members"]) | _TEXT,
        "members": st.lists(_SCALAR, max_size=3) | _SCALAR,
        "text": _TEXT | st.lists(_TEXT | _ENTITY | _SCALAR, max_size=4) | _SCALAR,
        "text_entities": st.lists(_ENTITY, max_size=3) | _SCALAR,
        "photo": _TEXT | _SCALAR,
        "file": _TEXT | _SCALAR,
        "file_name": _SCALAR,
        "edited": _SCALAR,
        "forwarded_from": _SCALAR,
        "reply_to_message_id": _SCALAR,
        "poll": st.fixed_dictionaries(
            {}, optional={"question": _SCALAR, "answers": st.lists(_ENTITY, max_size=2)}
        ),
        "duration_seconds": _SCALAR,
    },
)
_DOCUMENT = st.one_of(
    st.fixed_dictionaries({"messages": st.lists(_RECORD | _SCALAR, max_size=5)}, optional={"name": _SCALAR}),
    st.fixed_dictionaries(
        {
            "chats": st.fixed_dictionaries(
                {
                    "list": st.lists(
                        st.fixed_dictionaries(
                            {"messages": st.lists(_RECORD, max_size=3)}, optional={"name": _SCALAR}
                        ),
                        max_size=3,
                    )
                }
            )
        }
    ),
    _SCALAR,
)


@FUZZ
@given(document=_DOCUMENT, cut=st.integers(0, 50), noise=st.binary(max_size=3))
def test_fuzz_json_never_crashes_and_text_comes_from_the_input(
    tmp_path: Path, document: object, cut: int, noise: bytes
) -> None:
    data = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if cut:  # sometimes damage the file: truncate and add noise
        data = data[: max(len(data) - cut, 0)] + noise
    path = tmp_path / "result.json"
    path.write_bytes(data)
    try:
        exports = telegram.read_all(path)
    except ImportFormatError:
        return
    pieces = [strip_marks(s) for s in strings_in(document)]
    for export in exports:
        for message in export.conversation.messages:
            if message.kind is MessageKind.MESSAGE:
                assert is_concatenation(message.text, pieces), message.text
            assert message.sent_at is None or message.sent_at.tzinfo is None
            assert message.sent_at_utc is None or message.sent_at_utc.utcoffset() is not None


_HTML_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\u2028\u2029"), max_size=40
)


@FUZZ
@given(texts=st.lists(_HTML_TEXT, min_size=1, max_size=4), name=st.text("Ab Cé-", min_size=1, max_size=10))
def test_fuzz_html_text_round_trips(tmp_path: Path, texts: list[str], name: str) -> None:
    page = Page("Chat")
    for index, text in enumerate(texts):
        page.message(
            index + 1,
            date_title="01.01.2026 00:00:00 UTC+01:00",
            time="00:00",
            from_name=name if index == 0 else None,
            text=text,
        )
    (tmp_path / "messages.html").write_text(page.render(), "utf-8")
    messages = telegram.read(tmp_path / "messages.html").conversation.messages
    assert [m.text for m in messages] == [strip_marks(t) for t in texts]
    assert {m.sender for m in messages} == {name.strip() or None}


@FUZZ
@given(
    soup=st.lists(
        st.sampled_from(
            [
                '<div class="message default clearfix" id="message1">',
                '<div class="body">',
                "</div>",
                "<br>",
                "&#x07;",
                '<div class="text">',
                '<div class="from_name">',
                "x",
                "\n ",
                '<div class="pull_right date details" title="',
                "31.02.2026 25:61:00 UTC+99:99",
                '">',
                '<div class="message service" id="message-5">',
                '<a href="../../../../etc/passwd" class="photo_wrap">',
                '<div class="forwarded body">',
                "\ue000",
                "&#xD800;",
            ]
        ),
        max_size=40,
    )
)
def test_fuzz_html_tag_soup_never_crashes(tmp_path: Path, soup: list[str]) -> None:
    page = '<title>Exported Data</title><div class="page_wrap"><div class="page_body chat_page">' + "".join(
        soup
    )
    (tmp_path / "messages.html").write_text(page, "utf-8")
    try:
        exports = telegram.read_all(tmp_path)
    except ImportFormatError:
        return
    for export in exports:
        assert export.files == ()  # nothing outside the folder is ever picked up


def test_serialize_matches_the_reader_rule() -> None:
    # The writer escapes like tdesktop; a typed newline is <br>, never a literal newline.
    assert serialize("a\nb\x07<&>'\"") == "a<br>b&#x07;&lt;&amp;&gt;&apos;&quot;"
