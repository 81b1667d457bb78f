"""Conformance: every e-mail sample under samples_dir parses, and upstream expectations hold.

Expectations come from the samples' upstream tests: CPython's Lib/test/test_email (msg_10 part
payloads, msg_15's attachment after the nested part, msg_47's invalid date, msg_48's signature
part, mailbox_01 as Python's mailbox splits it) and dkimpy's RFC 6376 example (d=, s=).
"""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime
from pathlib import Path

from evidence_kit.domain import AttachmentRef, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import email as em


def _samples(samples_dir: Path) -> list[Path]:
    return sorted(p for p in (samples_dir / "email").rglob("*") if p.is_file() and p.suffix != ".md")


def test_every_sample_parses_without_crashing(samples_dir: Path) -> None:
    paths = _samples(samples_dir)
    assert paths
    for path in paths:
        assert em.sniff(path.read_bytes()[:65536], path.name), path
        try:
            parsed = em.read(path)
        except ImportFormatError as exc:  # pragma: no cover - a sample must not fail
            raise AssertionError(f"{path}: {exc}") from exc
        assert parsed.conversation.messages, path
        assert len(em.headers_of(path)) == len(parsed.conversation.messages)


def test_dkim_signed_example(samples_dir: Path) -> None:
    path = samples_dir / "email" / "dkimpy" / "rfc6376.signed.msg"
    (headers,) = em.headers_of(path)
    assert [(s.domain, s.selector, s.algorithm, s.verified) for s in headers.dkim_signatures] == [
        ("football.example.com", "brisbane", "ed25519-sha256", False),
        ("football.example.com", "test", "rsa-sha256", False),
    ]
    message = em.read(path).conversation.messages[0]
    assert (message.sender, message.sender_id) == ("Joe SixPack", "joe@football.example.com")
    assert message.sent_at == datetime(2003, 7, 11, 21, 0, 37)
    assert message.sent_at_utc == datetime(2003, 7, 12, 4, 0, 37, tzinfo=UTC)
    assert message.text == "Hi.\n\nWe lost the game.  Are you hungry yet?\n\nJoe."
    assert ("dkim_signature", "d=football.example.com; s=brisbane (present; not verified)") in message.extra


def test_authentication_results_and_date_as_written(samples_dir: Path) -> None:
    path = samples_dir / "email" / "dkimpy" / "test.message"
    (headers,) = em.headers_of(path)
    assert headers.authentication_results == (
        "lists.example.org; arc=none; spf=pass smtp.mfrom=jqd@d1.example; dkim=pass (1024-bit key) "
        "header.i=@d1.example; dmarc=pass",
    )
    assert headers.date == "Mon, 01 Jan 2011 01:02:03 +0400"  # as written, wrong weekday and all
    assert headers.date_utc == datetime(2010, 12, 31, 21, 2, 3, tzinfo=UTC)
    assert [hop.text for hop in headers.received] == ["from localhost"]
    assert headers.from_ == (Participant("Test User", "test@example.com"),)


def test_cpython_multipart_encodings(samples_dir: Path) -> None:
    message = em.read(samples_dir / "email" / "cpython" / "msg_10.txt").conversation.messages[0]
    assert message.text.split("\n") == [
        "This is a 7bit encoded message.",
        "\xa1This is a Quoted Printable encoded message!",
        "This is a Base64 encoded message.",
        "This is a Base64 encoded message.",
        "This has no Content-Transfer-Encoding: header.",
    ]


def test_cpython_nested_boundary_reuse(samples_dir: Path) -> None:
    parsed = em.read(samples_dir / "email" / "cpython" / "msg_15.txt")
    message = parsed.conversation.messages[0]
    assert message.text == "Some removed test."
    assert message.attachments == (AttachmentRef(name="xx.gif", media_type="image/gif"),)
    assert {w.code for w in parsed.conversation.warnings} >= {"boundary_reused"}


def test_cpython_invalid_date(samples_dir: Path) -> None:
    parsed = em.read(samples_dir / "email" / "cpython" / "msg_47.txt")
    message = parsed.conversation.messages[0]
    assert (message.sent_at, message.sent_at_utc) == (None, None)
    assert message.text == "### PHARRMACY ON1INE 24/7 ###"
    assert dict(parsed.conversation.warnings[0].params)["value"] == "Tue, 06 Jun 2017 27:39:33 +0600"


def test_cpython_pgp_signed(samples_dir: Path) -> None:
    parsed = em.read(samples_dir / "email" / "cpython" / "msg_48.txt")
    message = parsed.conversation.messages[0]
    assert message.text == "This is the signed contents."
    assert message.attachments == (
        AttachmentRef(name="signature.asc", media_type="application/pgp-signature"),
    )
    assert message.reply_to == "<somelonglonglonglonglongunwrappablemessageidtoreplyto@mail.foo.bar>"
    assert ("signature", "application/pgp-signature (present; not verified)") in message.extra


def test_cpython_mbox_split_like_python_mailbox(samples_dir: Path, tmp_path: Path) -> None:
    path = samples_dir / "email" / "cpython" / "mailbox_01.mbox"
    copy = tmp_path / "copy.mbox"
    copy.write_bytes(path.read_bytes())
    box = mailbox.mbox(copy, create=False)
    try:
        expected = [(box.get_message(key).get_from(), box.get_bytes(key)) for key in box.iterkeys()]
    finally:
        box.close()
    pieces, _ = em.split_mbox(path.read_bytes())
    assert [(p.from_line, p.data) for p in pieces] == expected
    messages = em.read(path).conversation.messages
    assert [(m.sender_id, m.text) for m in messages] == [("foo", "Hello"), (None, "From time to time")]
