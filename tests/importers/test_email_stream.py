"""E-mail: RFC 2047 words in many character sets, a mailbox with a byte-order mark, and an mbox
stored as a stream (attachments found by a survey, files opened by reading their message again).

All mail here is fictional.
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from evidence_kit.domain import ConversationStream, ParsedExport
from evidence_kit.importers import email as em
from evidence_kit.importers import registry
from evidence_kit.importers.batch import add_paths
from evidence_kit.importers.reparse import ReparseVerdict, check_reparse
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(tmp_path / "case.ekvault", "correct horse", kdf=KdfParams.insecure_fast())
    yield opened
    opened.close()


HEAD = b"Date: Tue, 12 Mar 2024 14:22:33 +0100\nMessage-ID: <m@example.org>\n"


def _plain(byte: int) -> bool:
    return 0x21 <= byte < 0x7F and chr(byte) not in "=?_"


def _encoded(charset: str, encoding: str, text: str) -> bytes:
    data = text.encode(charset)
    if encoding == "B":
        body = base64.b64encode(data).decode("ascii")
    else:
        body = "".join(
            "_" if byte == 0x20 else chr(byte) if _plain(byte) else f"={byte:02X}" for byte in data
        )
    return f"=?{charset}?{encoding}?{body}?=".encode("ascii")


@pytest.mark.parametrize(
    ("charset", "encoding", "text"),
    [
        ("utf-8", "B", "Bedreiging — stop nú 🌷"),
        ("utf-8", "Q", "Groet van Chloé"),
        ("iso-8859-1", "Q", "café crème"),
        ("windows-1252", "B", "€ 50 terugbetalen"),
        ("iso-8859-15", "q", "prix €"),
        ("koi8-r", "B", "Привет"),
        ("iso-2022-jp", "B", "こんにちは"),
        ("shift_jis", "b", "テスト"),
        ("gb2312", "B", "你好"),
        ("iso-8859-7", "Q", "Καλημέρα"),
    ],
)
def test_encoded_words_in_subject_and_name_decode_in_any_charset(
    charset: str, encoding: str, text: str
) -> None:
    word = _encoded(charset, encoding.upper(), text)
    if encoding.islower():
        word = word.replace(f"?{encoding.upper()}?".encode(), f"?{encoding}?".encode())
    data = b"From: " + word + b" <anna@example.org>\nTo: bram@example.org\nSubject: " + word + b"\n" + HEAD
    parsed = em.read_bytes(data + b"\nTekst.\n", Path("bericht.eml"))
    assert parsed.conversation.title == text
    assert parsed.conversation.messages[0].sender == text
    assert parsed.conversation.warnings == ()


@pytest.mark.parametrize(
    ("subject", "code"),
    [
        (b"=?x-martian?B?SGFsbG8=?=", "encoded_word_charset"),  # unknown character set
        (b"=?utf-8?B?SGFsbG8$$$?=", "encoded_word_bad"),  # damaged base64
        (b"=?utf-8?Q?=FF=FEkapot?=", "encoded_word_bad"),  # bytes invalid in UTF-8
    ],
)
def test_a_malformed_encoded_word_is_shown_raw_with_a_warning(subject: bytes, code: str) -> None:
    data = b"From: anna@example.org\nTo: bram@example.org\nSubject: Over " + subject + b" dit\n" + HEAD
    parsed = em.read_bytes(data + b"\nTekst.\n", Path("bericht.eml"))
    title = parsed.conversation.title or ""
    assert title.startswith("Over ") and title.endswith(" dit")
    if code == "encoded_word_charset" or b"$$$" in subject:
        assert subject.decode() in title  # as written
    else:
        assert "\\xff\\xfe" in title  # the invalid bytes as escapes, the rest decoded
    assert [w.code for w in parsed.conversation.warnings] == [code]
    assert dict(parsed.conversation.warnings[0].params)["header"] == "Subject"


@settings(max_examples=60, deadline=None)
@given(
    charset=st.sampled_from(["utf-8", "iso-8859-1", "x-none", "koi8-r", "", "utf-8*nl"]),
    encoding=st.sampled_from(["B", "Q", "b", "q", "X", ""]),
    payload=st.text(alphabet="AZaz09+/=_?!$ \t\x00\u00e9", max_size=12),
)
def test_fuzz_any_encoded_word_never_raises(charset: str, encoding: str, payload: str) -> None:
    subject = f"=?{charset}?{encoding}?{payload}?=".encode()
    data = b"From: =?" + charset.encode() + b"?Q?x?= <a@example.org>\nSubject: " + subject + b"\n" + HEAD
    parsed = em.read_bytes(data + b"\nx\n", Path("fuzz.eml"))
    title = parsed.conversation.title
    assert title is not None
    title.encode("utf-8")  # nothing unstorable (lone surrogates) reaches the vault
    assert "\x00" not in title


BOM = b"\xef\xbb\xbf"
MBOX = (
    b"From anna@example.org Tue Mar 12 14:22:33 2024\n"
    b"From: Anna <anna@example.org>\nTo: bram@example.org\nSubject: een\n" + HEAD + b"\nEerste.\n\n"
    b"From bram@example.org Tue Mar 12 15:00:00 2024\n"
    b"From: Bram <bram@example.org>\nTo: anna@example.org\nSubject: twee\n" + HEAD + b"\nTweede.\n"
)


def test_an_mbox_with_a_byte_order_mark_is_recognised_and_read(tmp_path: Path) -> None:
    path = tmp_path / "inbox.mbox"
    path.write_bytes(BOM + MBOX)
    assert em.format_of(BOM + MBOX) == em.MBOX_FORMAT
    assert registry.recognise(path).format == em.MBOX_FORMAT
    parsed = em.read(path)
    assert [m.text for m in parsed.conversation.messages] == ["Eerste.", "Tweede."]
    assert [m.sender for m in parsed.conversation.messages] == ["Anna", "Bram"]
    assert parsed.conversation.warnings == ()  # the mark is not "text before the first From line"
    eml = BOM + b"From: Anna <anna@example.org>\nTo: bram@example.org\nSubject: los\n" + HEAD + b"\nLos.\n"
    assert em.format_of(eml) == em.FORMAT
    assert em.read_bytes(eml, Path("los.eml")).conversation.title == "los"


def _png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (12, 8), colour).save(out, "PNG")
    return out.getvalue()


def _mail(number: int, attachments: list[tuple[str, bytes]]) -> bytes:
    boundary = f"grens{number}"
    parts = [
        f"From anna@example.org Tue Mar 12 14:{number:02d}:00 2024\n"
        f"From: Anna <anna@example.org>\nTo: Bram <bram@example.org>\nSubject: bericht {number}\n"
        f"Date: Tue, 12 Mar 2024 14:{number:02d}:00 +0100\n"
        f'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="{boundary}"\n\n'
        f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\nTekst {number}.\n"
    ]
    for name, data in attachments:
        encoded = base64.encodebytes(data).decode("ascii")
        parts.append(
            f"--{boundary}\nContent-Type: application/octet-stream\n"
            f'Content-Disposition: attachment; filename="{name}"\n'
            f"Content-Transfer-Encoding: base64\n\n{encoded}"
        )
    parts.append(f"--{boundary}--\n\n")
    return "".join(parts).encode("utf-8")


def test_an_mbox_streams_into_the_vault_with_its_attachments(tmp_path: Path, vault: Vault) -> None:
    red, blue = _png("red"), _png("blue")
    report = b"rapport " * 500
    path = tmp_path / "inbox.mbox"
    path.write_bytes(
        _mail(1, [("foto.png", red)]) + _mail(2, []) + _mail(3, [("foto.png", blue), ("rapport.txt", report)])
    )
    streamed = em.read_stream(path)
    assert isinstance(streamed.conversation, ConversationStream)
    assert not isinstance(streamed.conversation.messages, tuple | list)  # read while stored
    assert [f.name for f in streamed.files] == ["foto.png", "foto (2).png", "rapport.txt"]
    assert streamed.files[1].open().read() == blue  # opened by reading message 3 again
    assert streamed.files[0].open().read() == red

    [result] = add_paths(vault, [path])
    assert result.error is None and result.message_count == 3
    export, *children = result.items
    assert {c.original_name: c.sha256 for c in children} == {
        "foto.png": hashlib.sha256(red).hexdigest(),
        "foto (2).png": hashlib.sha256(blue).hexdigest(),
        "rapport.txt": hashlib.sha256(report).hexdigest(),
    }
    stored = vault.conversation(export.id)
    assert stored is not None
    assert [m.text for m in stored.conversation.messages] == ["Tekst 1.", "Tekst 2.", "Tekst 3."]
    assert [a.name for a in stored.conversation.messages[2].attachments] == ["foto (2).png", "rapport.txt"]
    by_name = {c.original_name: c.id for c in children}
    assert stored.links == by_name
    people = {p.identifier for p in stored.conversation.participants}
    assert people == {"anna@example.org", "bram@example.org"}
    findings = {f.item_id: f.verdict for f in check_reparse(vault)}
    assert findings[export.id] == ReparseVerdict.SAME


def test_reading_whole_and_streaming_give_the_same_messages(tmp_path: Path) -> None:
    path = tmp_path / "inbox.mbox"
    path.write_bytes(_mail(1, [("a.bin", b"\x00\x01")]) + _mail(2, [("a.bin", b"\x02")]))
    whole = em.read(path)
    assert isinstance(whole, ParsedExport)
    streamed = em.read_stream(path).conversation.read_whole()
    assert streamed == whole.conversation
    assert [f.open().read() for f in whole.files] == [b"\x00\x01", b"\x02"]
