"""E-mail importer (.eml and .mbox): exact messages and evidence headers for every trap, and fuzzing.

Fixtures are fictional (tests/importers/fixtures/email/) or built here with the standard library.
"""

from __future__ import annotations

import contextlib
import mailbox
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.policy import default as default_policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.domain import AttachmentRef, Message, ParsedExport, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import email as em
from evidence_kit.importers.email import reader as email_reader

FIXTURES = Path(__file__).parent / "fixtures" / "email"
BIDI = str.maketrans(
    dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
)
ASSUMPTION_OFFSET = (
    "Times are the Date header as written by the sender's mail program, with the UTC offset it "
    "states; the Date header is the sender's claim, not a verified time."
)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def parse(data: bytes) -> ParsedExport:
    return em.read_bytes(data, Path("test.eml"))


def warning_codes(parsed: ParsedExport) -> dict[str, dict[str, str]]:
    return {w.code: dict(w.params) for w in parsed.conversation.warnings}


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------


def test_sniff_by_content() -> None:
    assert em.format_of((FIXTURES / "evidence.eml").read_bytes()) == "email"
    assert em.format_of((FIXTURES / "mailbox.mbox").read_bytes()) == "mbox"
    assert em.sniff((FIXTURES / "signed.eml").read_bytes(), "renamed.dat") is True
    assert em.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "mail.eml") is False
    assert em.sniff(b"14/11/2023, 23:13 - Anna de Vries: Hoi\n", "mail.eml") is False
    assert em.sniff(b"Hello: world\nfoo: bar\n\nbody", "mail.eml") is False  # no common header field
    assert em.sniff(b"", "mail.eml") is False
    assert em.sniff(b'{"From": "x"}', "mail.eml") is False


# ---------------------------------------------------------------------------------------------
# One e-mail with every evidence header
# ---------------------------------------------------------------------------------------------


def test_evidence_eml_message_exact() -> None:
    parsed = em.read(FIXTURES / "evidence.eml")
    assert parsed.conversation.messages == (
        Message(
            sender="Anna de Vriës",
            sender_id="anna.devries@example.com",
            text="Hoi Bram,\n\nJe weet wel waarom. 😀\n  Twee spaties ervoor.\n\nAnna",
            sent_at=datetime(2023, 11, 14, 23, 13, 20),
            sent_at_utc=utc(2023, 11, 14, 22, 13, 20),
            message_id="<20231114221320.1234@mail.example.com>",
            reply_to="<previous-0001@example.org>",
            attachments=(
                AttachmentRef(name="€ overzicht.pdf", media_type="application/pdf"),  # RFC 2231
                AttachmentRef(name="schérm.png", media_type="image/png"),  # RFC 2047 inside quotes
                AttachmentRef(name="attachment-1.png", media_type="image/png"),  # inline, unnamed
            ),
            extra=(
                ("subject", "Je weet wel waarom 😀 — deel 2"),
                ("to", "Bram Jansen <bram@example.org>"),
                ("to", "Zoë <zoe@example.org>"),
                ("cc", "chris@example.net"),
                ("reply_to", "Anna <anna.other@example.com>"),
                ("return_path", "<anna.devries@example.com>"),
                ("dkim_signature", "d=example.com; s=sel2023 (present; not verified)"),
            ),
        ),
    )
    conversation = parsed.conversation
    assert conversation.platform == "email"
    assert conversation.title == "Je weet wel waarom 😀 — deel 2"
    assert conversation.timezone_assumption == ASSUMPTION_OFFSET
    assert conversation.warnings == ()
    assert conversation.participants == (
        Participant("Anna de Vriës", "anna.devries@example.com"),
        Participant("Bram Jansen", "bram@example.org"),
        Participant("Zoë", "zoe@example.org"),
        Participant(None, "chris@example.net"),
    )
    assert [(f.name, f.media_type, f.size, f.open().read()) for f in parsed.files] == [
        ("€ overzicht.pdf", "application/pdf", 20, b"%PDF-1.4\n%fictional\n"),
        ("schérm.png", "image/png", 17, b"\x89PNG\r\n\x1a\nfictional"),
        ("attachment-1.png", "image/png", 12, b"\x89PNG\r\n\x1a\nlogo"),
    ]
    assert parsed.missing == ()


def test_evidence_eml_headers_flattened_into_extra() -> None:
    assert em.read(FIXTURES / "evidence.eml").conversation.extra == (
        ("From", "Anna de Vriës <anna.devries@example.com>"),
        ("To", "Bram Jansen <bram@example.org>"),
        ("To", "Zoë <zoe@example.org>"),
        ("Cc", "chris@example.net"),
        ("Reply-To", "Anna <anna.other@example.com>"),
        ("Date", "Tue, 14 Nov 2023 23:13:20 +0100 (CET)"),
        ("Subject", "Je weet wel waarom 😀 — deel 2"),
        ("Message-ID", "<20231114221320.1234@mail.example.com>"),
        ("In-Reply-To", "<previous-0001@example.org>"),
        ("Return-Path", "<anna.devries@example.com>"),
        (
            "Received",
            "from mail.example.net (mail.example.net [192.0.2.10])\tby mx.example.org (Postfix) with ESMTPS "
            "id 4ABC123\tfor <bram@example.org>; Tue, 14 Nov 2023 23:13:25 +0100 (CET)",
        ),
        (
            "Received",
            "from [198.51.100.7] (unknown [198.51.100.7])\tby mail.example.net (Postfix) with ESMTPSA id "
            "99XYZ;\tTue, 14 Nov 2023 22:13:21 +0000",
        ),
        (
            "Authentication-Results",
            "mx.example.org;\tdkim=pass header.d=example.com header.s=sel2023;"
            "\tspf=pass smtp.mailfrom=example.com",
        ),
        ("DKIM-Signature", "d=example.com; s=sel2023 (present; not verified)"),
    )


def test_headers_of_typed_and_frozen() -> None:
    headers = em.headers_of(FIXTURES / "evidence.eml")
    assert len(headers) == 1
    first = headers[0]
    assert first.from_ == (Participant("Anna de Vriës", "anna.devries@example.com"),)
    assert first.to == (Participant("Bram Jansen", "bram@example.org"), Participant("Zoë", "zoe@example.org"))
    assert first.cc == (Participant(None, "chris@example.net"),)
    assert first.reply_to == (Participant("Anna", "anna.other@example.com"),)
    assert first.date == "Tue, 14 Nov 2023 23:13:20 +0100 (CET)"
    assert first.date_local == datetime(2023, 11, 14, 23, 13, 20)
    assert first.date_utc == utc(2023, 11, 14, 22, 13, 20)
    assert [hop.date_utc for hop in first.received] == [
        utc(2023, 11, 14, 22, 13, 25),
        utc(2023, 11, 14, 22, 13, 21),
    ]
    assert first.return_path == "<anna.devries@example.com>"
    assert first.dkim_signatures == (
        em.DkimSignature(domain="example.com", selector="sel2023", algorithm="rsa-sha256"),
    )
    assert first.dkim_signatures[0].verified is False
    assert first.authentication_results[0].startswith("mx.example.org;")
    with pytest.raises(AttributeError):
        first.subject = "changed"  # type: ignore[misc]
    assert em.headers_of((FIXTURES / "evidence.eml").read_bytes()) == headers


# ---------------------------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------------------------


def test_html_only_body_becomes_visible_text() -> None:
    parsed = em.read(FIXTURES / "html-only.eml")
    message = parsed.conversation.messages[0]
    assert message.text == "Café & co om acht uur.\n\nRegel twee\nRegel drie"
    assert (message.sent_at, message.sent_at_utc) == (datetime(2023, 11, 15, 8, 0), utc(2023, 11, 15, 8, 0))


def test_malformed_date_and_headers_fall_back_without_crashing() -> None:
    parsed = em.read(FIXTURES / "malformed.eml")
    assert parsed.conversation.messages == (
        Message(
            sender="Anna de Vries",
            sender_id="anna.devries@example.com",
            text="Het uur 27 bestaat niet.",
            message_id="<malformed-0001@example.com>",
            extra=(
                ("subject", "Datum klopt niet"),
                ("to", "bram@example.org"),
                ("cc", "Chris <chris@example.net>"),
            ),
        ),
    )
    assert warning_codes(parsed) == {
        "date_invalid": {"count": "1", "message": "1", "value": "Tue, 14 Nov 2023 27:39:33 +0100"},
        "header_unparsed": {"count": "2", "message": "1", "header": "from"},
    }
    assert parsed.conversation.timezone_assumption is None


def test_pgp_signed_message_keeps_signature_unverified() -> None:
    parsed = em.read(FIXTURES / "signed.eml")
    message = parsed.conversation.messages[0]
    assert message.text == "Dit bericht is ondertekend."
    assert message.attachments == (
        AttachmentRef(name="signature.asc", media_type="application/pgp-signature"),
    )
    assert ("signature", "application/pgp-signature (present; not verified)") in message.extra
    assert parsed.files[0].open().read().startswith(b"-----BEGIN PGP SIGNATURE-----")
    assert not any("verified" in value and "not verified" not in value for _, value in message.extra)


def test_nested_multipart_reusing_parent_boundary_is_recovered() -> None:
    parsed = em.read(FIXTURES / "nested-boundary.eml")
    message = parsed.conversation.messages[0]
    assert message.text == "Platte tekst, café."
    assert message.attachments == (AttachmentRef(name="foto.gif", media_type="image/gif"),)
    assert parsed.files[0].open().read() == b"GIF89afictional"
    assert warning_codes(parsed) == {"boundary_reused": {"count": "1", "message": "1"}}


def test_mbox_follows_python_mailbox_and_flags_unescaped_from() -> None:
    parsed = em.read(FIXTURES / "mailbox.mbox")
    assert [(m.sender, m.sender_id, m.text, m.sent_at, m.reply_to) for m in parsed.conversation.messages] == [
        (
            "Anna de Vries",
            "anna.devries@example.com",
            "Eerste bericht.\n>From here on it is escaped.",
            datetime(2023, 11, 14, 23, 13, 20),
            None,
        ),
        ("Bram Jansen", "bram@example.org", "Antwoord.", datetime(2023, 11, 14, 23, 20), "<m1@example.com>"),
        (None, None, "From time to time I think about it.\nSecond line.", None, None),
        ("Anna de Vries", "anna.devries@example.com", "Derde.", datetime(2023, 11, 14, 23, 30), None),
    ]
    assert warning_codes(parsed) == {
        "mbox_unescaped_from": {"count": "1", "message": "3", "line": "From time to time I think about it."},
    }
    assert parsed.conversation.title is None
    assert parsed.conversation.extra == (("messages", "4"),)
    assert parsed.conversation.participants == (
        Participant("Anna de Vries", "anna.devries@example.com"),
        Participant("Bram Jansen", "bram@example.org"),
    )


def test_mbox_with_blank_lines_before_the_first_separator() -> None:
    data = b"\n\n" + (FIXTURES / "mailbox.mbox").read_bytes()
    assert em.format_of(data) == "mbox"
    parsed = parse(data)
    assert [m.text for m in parsed.conversation.messages][::3] == [
        "Eerste bericht.\n>From here on it is escaped.",
        "Derde.",
    ]
    assert warning_codes(parsed)["mbox_leading_text"] == {"count": "1", "message": "0", "size": "2"}


def _python_mailbox(data: bytes, tmp_path: Path) -> list[tuple[str, bytes]]:
    path = tmp_path / "copy.mbox"
    path.write_bytes(data)
    box = mailbox.mbox(path, create=False)
    try:
        return [(box.get_message(key).get_from(), box.get_bytes(key)) for key in box.iterkeys()]
    finally:
        box.close()


def test_split_mbox_equals_python_mailbox(tmp_path: Path) -> None:
    data = (FIXTURES / "mailbox.mbox").read_bytes()
    pieces, leading = em.split_mbox(data)
    assert leading == 0
    assert [(p.from_line, p.data) for p in pieces] == _python_mailbox(data, tmp_path)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.sampled_from(
            ["From a@example.com Tue Nov 14 22:13:20 2023", "From: x", "", "Subject: y", "text", "From"]
        ),
        max_size=14,
    )
)
def test_fuzz_split_mbox_equals_python_mailbox(tmp_path: Path, lines: list[str]) -> None:
    data = ("From first@example.com Mon Jan  1 00:00:00 2024\n" + "\n".join(lines) + "\n").encode()
    pieces, _ = em.split_mbox(data)
    assert [(p.from_line, p.data) for p in pieces] == _python_mailbox(data, tmp_path)


def test_uncommon_text_bodies(uncommon_text: tuple[str, ...]) -> None:
    for text in uncommon_text:
        message = EmailMessage()
        message["From"] = "Anna de Vries <anna.devries@example.com>"
        subject = text[:60].replace("\x0b", " ").replace("\x0c", " ")  # the stdlib refuses line breaks here
        message["Subject"] = subject
        message["Date"] = "Tue, 14 Nov 2023 23:13:20 +0100"
        message.set_content(text)
        parsed = parse(message.as_bytes())
        only = parsed.conversation.messages[0]
        assert only.text == text.translate(BIDI)
        assert parsed.conversation.title == subject.rstrip(
            " "
        )  # trailing blanks of a header line are folding
        assert parsed.conversation.warnings == ()


def test_forwarded_message_and_name_clash_become_files() -> None:
    inner = EmailMessage()
    inner["From"] = "Chris Jansen <chris@example.net>"
    inner["Subject"] = "Origineel"
    inner.set_content("Het oorspronkelijke bericht.\n")
    outer = EmailMessage()
    outer["From"] = "Bram Jansen <bram@example.org>"
    outer["Subject"] = "Fwd: Origineel"
    outer["Date"] = "Wed, 15 Nov 2023 09:00:00 +0100"
    outer.set_content("Zie bijlage.\n")
    outer.add_attachment(inner)
    outer.add_attachment(b"one", maintype="application", subtype="octet-stream", filename="data.bin")
    outer.add_attachment(b"two", maintype="application", subtype="octet-stream", filename="data.bin")
    outer.add_attachment(b"three", maintype="application", subtype="octet-stream", filename="../../secret")
    parsed = parse(outer.as_bytes(policy=SMTP))
    message = parsed.conversation.messages[0]
    assert message.text == "Zie bijlage."
    assert [a.name for a in message.attachments] == [
        "attachment-1.eml",
        "data.bin",
        "data (2).bin",
        ".._.._secret",
    ]
    files = {f.name: f.open().read() for f in parsed.files}
    assert (
        files["data.bin"] == b"one" and files["data (2).bin"] == b"two" and files[".._.._secret"] == b"three"
    )
    forwarded = parse(files["attachment-1.eml"]).conversation.messages[0]
    assert (forwarded.sender, forwarded.text) == ("Chris Jansen", "Het oorspronkelijke bericht.")
    assert warning_codes(parsed) == {
        "attachment_renamed": {"count": "1", "message": "1", "name": "data.bin", "new_name": "data (2).bin"}
    }


def test_encrypted_message_is_kept_as_attachment() -> None:
    raw = (
        b"From: Anna <anna.devries@example.com>\nSubject: geheim\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="e"\n\n'
        b"--e\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n"
        b'--e\nContent-Type: application/octet-stream; name="encrypted.asc"\n\n'
        b"-----BEGIN PGP MESSAGE-----\nZmljdGlvbmFs\n-----END PGP MESSAGE-----\n--e--\n"
    )
    parsed = parse(raw)
    message = parsed.conversation.messages[0]
    assert message.text == ""
    assert [a.name for a in message.attachments] == ["encrypted.asc"]
    assert ("encrypted", "not decrypted") in message.extra
    assert "encrypted" in warning_codes(parsed)


def test_eight_bit_latin1_header_and_wrong_charset() -> None:
    raw = (
        b"From: Zo\xeb <zoe@example.org>\nSubject: caf\xe9\nDate: Tue, 14 Nov 2023 23:13:20 +0100\n"
        b'Content-Type: text/plain; charset="us-ascii"\n\nUTF-8 body: caf\xc3\xa9\n'
    )
    parsed = parse(raw)
    message = parsed.conversation.messages[0]
    assert (message.sender, message.text, parsed.conversation.title) == ("Zoë", "UTF-8 body: café", "café")
    assert warning_codes(parsed)["header_8bit"] == {"count": "2", "message": "1", "header": "From"}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01garbage",
        b"14/11/2023, 23:13 - Anna de Vries: Hoi\n",
        b"just some text\nwithout headers\n",
    ],
)
def test_not_an_email_raises_typed_error(data: bytes) -> None:
    with pytest.raises(ImportFormatError):
        parse(data)


def test_too_large_input_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(email_reader, "MAX_INPUT", 10)
    path = tmp_path / "big.eml"
    path.write_bytes((FIXTURES / "signed.eml").read_bytes())
    with pytest.raises(ImportFormatError, match="too large"):
        em.read(path)


@pytest.mark.parametrize(
    ("value", "local", "at_utc", "problem"),
    [
        (
            "Tue, 14 Nov 2023 23:13:20 +0100",
            datetime(2023, 11, 14, 23, 13, 20),
            utc(2023, 11, 14, 22, 13, 20),
            None,
        ),
        ("14 Nov 2023 23:13 -0000", datetime(2023, 11, 14, 23, 13), utc(2023, 11, 14, 23, 13), None),
        (
            "Tue, 14 Nov 2023 23:13:20 EST",
            datetime(2023, 11, 14, 23, 13, 20),
            utc(2023, 11, 15, 4, 13, 20),
            None,
        ),
        ("Tue, 14 Nov 2023 23:13:20", datetime(2023, 11, 14, 23, 13, 20), None, None),
        ("Tue, 06 Jun 2017 27:39:33 +0600", None, None, "date_invalid"),
        ("Tue, 14 Nov 2023 23:13:20 +9999", datetime(2023, 11, 14, 23, 13, 20), None, "date_offset_invalid"),
        ("not a date", None, None, "date_invalid"),
    ],
)
def test_parse_date(value: str, local: datetime | None, at_utc: datetime | None, problem: str | None) -> None:
    assert em.parse_date(value) == (local, at_utc, problem)


# ---------------------------------------------------------------------------------------------
# Fuzzing
# ---------------------------------------------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


def _expected_body(body: str) -> str:
    return body.replace("\r\n", "\n").translate(BIDI).rstrip("\r\n")


@settings(max_examples=300, deadline=None)
@given(
    name=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
    subject=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
    body=_TEXT,
    attachment=st.binary(max_size=50),
)
def test_fuzz_generated_emails(name: str, subject: str, body: str, attachment: bytes) -> None:
    message = EmailMessage(policy=default_policy)
    message["From"] = f'"{name.replace(chr(34), "").replace(chr(92), "")}" <anna@example.com>'
    message["Subject"] = subject
    message.set_content(body.replace("\r", ""))
    message.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="bijlage.bin")
    try:
        data = message.as_bytes()
    except Exception:  # the generator itself rejects some generated headers; nothing of ours to test
        return
    parsed = parse(data)
    only = parsed.conversation.messages[0]
    assert only.text == _expected_body(body.replace("\r", ""))
    assert only.sender_id == "anna@example.com"
    assert parsed.files[0].open().read() == attachment


@settings(max_examples=300, deadline=None)
@given(body=_TEXT, extra_header=st.text(max_size=40))
def test_fuzz_raw_bodies_are_kept_faithfully(body: str, extra_header: str) -> None:
    raw = f"From: Anna <anna@example.com>\nSubject: test\nX-Fuzz: {extra_header}\n\n".encode(
        "utf-8", "replace"
    )
    raw = raw.replace(b"\r", b"").replace(b"\n\n", b"\n", 2) + b"\n" + body.encode("utf-8")
    try:
        parsed = parse(raw)
    except ImportFormatError:
        return
    texts = [m.text for m in parsed.conversation.messages]
    if "\n" not in extra_header and "\r" not in extra_header:
        assert texts == [_expected_body(body)]


@settings(max_examples=300, deadline=None)
@given(
    junk=st.binary(max_size=40),
    position=st.integers(0, 5000),
    cut=st.integers(0, 5000),
    name=st.sampled_from(
        ["evidence.eml", "nested-boundary.eml", "signed.eml", "mailbox.mbox", "malformed.eml"]
    ),
)
def test_fuzz_damaged_fixtures_never_crash(junk: bytes, position: int, cut: int, name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    position %= len(data) + 1
    data = data[:position] + junk + data[position:]
    data = data[: len(data) - cut % (len(data) + 1)]
    try:
        parsed = parse(data)
    except ImportFormatError:
        return
    for message in parsed.conversation.messages:
        assert message.text.translate(BIDI) == message.text
    for file in parsed.files:
        assert file.open().read() is not None


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_fuzz_arbitrary_bytes_only_raise_the_typed_error(data: bytes) -> None:
    for prefix in (b"", b"From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n", b"From x\n"):
        with contextlib.suppress(ImportFormatError):
            parse(prefix + data)
