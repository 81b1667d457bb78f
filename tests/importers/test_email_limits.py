"""E-mail on hostile input, in process: encoded words, dates, addresses and size limits.

Every case ends in a `ParsedExport` whose strings can be stored (the vault writes them as UTF-8)
and in warnings that say what was shown differently from the original; nothing raises but
`ImportFormatError`. Input is fictional and built here. The same inputs go through the real
`add` command in tests/hostile/test_email_hostile.py.
"""

from __future__ import annotations

import io
import mailbox
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.domain import Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import email as em
from evidence_kit.importers.email import limits, mbox
from evidence_kit.importers.email import message as email_message
from evidence_kit.importers.email import reader as email_reader
from evidence_kit.importers.email.addresses import split_addresses
from evidence_kit.importers.email.header_text import decode_words
from evidence_kit.importers.email.parse_warnings import Collector
from evidence_kit.storage.conversation_json import conversation_to_json

HEAD = b"To: Bram Jansen <bram@example.org>\nDate: Tue, 14 Nov 2023 23:13:20 +0100\n"


def parse(data: bytes) -> em.EmailHeaders:
    (headers,) = em.headers_of(data)
    return headers


def codes(data: bytes, name: str = "test.eml") -> dict[str, dict[str, str]]:
    parsed = em.read_bytes(data, Path(name))
    conversation_to_json(parsed.conversation, {}, parsed.missing)  # storable: raises on a surrogate
    return {w.code: dict(w.params) for w in parsed.conversation.warnings}


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=?utf-8?B?SGFsbG8=?= =?utf-8?Q?_w=C3=A9reld?=", "Hallo wéreld"),
        ("=?utf-8?B?4oK=?= =?utf-8?B?rA==?=", "€"),  # one character split over two words
        ("=?iso-8859-1?q?caf=E9?= en thee", "café en thee"),
        ("=?x-unknown?B?SGFsbG8=?= daar", "=?x-unknown?B?SGFsbG8=?= daar"),  # unknown: as written
        ("=?utf-8?B?!!!?=", "=?utf-8?B?!!!?="),  # damaged base64: as written
        ("=?utf-8?B?/w==?=", "\\xff"),  # a byte invalid in UTF-8: escaped
        ("=?utf-8?Q?afgebroken", "=?utf-8?Q?afgebroken"),  # truncated: not an encoded word
    ],
)
def test_encoded_words_decode_or_show_as_written(value: str, shown: str) -> None:
    assert decode_words(value) == shown


def test_decoding_a_long_run_of_encoded_words_is_linear() -> None:
    # 100,000 words decode in one pass (the modern parser needed minutes for this shape).
    value = " ".join(["=?utf-8?q?ab?="] * 100_000)
    assert decode_words(value) == "ab" * 100_000


def test_bad_encoded_words_in_from_and_subject_are_shown_escaped_with_warnings() -> None:
    data = (
        b"From: =?utf-8?B?/w==?= <anna@example.org>\n"
        b"Subject: =?x-unknown?B?SGFsbG8=?= en =?utf-8?B?!!!?=\n" + HEAD + b"\nTekst.\n"
    )
    headers = parse(data)
    assert headers.from_ == (Participant("\\xff", "anna@example.org"),)
    assert headers.subject == "=?x-unknown?B?SGFsbG8=?= en =?utf-8?B?!!!?="
    found = codes(data)
    assert found["encoded_word_bad"] == {"count": "2", "message": "1", "header": "From", "charset": "utf-8"}
    assert found["encoded_word_charset"] == {
        "count": "1",
        "message": "1",
        "header": "Subject",
        "charset": "x-unknown",
    }


def test_an_unknown_charset_in_a_display_name_is_shown_as_written() -> None:
    data = b"From: =?x-unknown?Q?=FF=FE?= <anna@example.org>\nSubject: hoi\n" + HEAD + b"\nx\n"
    assert parse(data).from_ == (Participant("=?x-unknown?Q?=FF=FE?=", "anna@example.org"),)
    assert codes(data)["encoded_word_charset"]["header"] == "From"


def test_nul_bytes_and_raw_undecodable_bytes_are_escaped() -> None:
    data = b"From: Anna <anna@example.org>\nSubject: nul\x00byte\nMessage-ID: <a\x00@example.org>\n" + HEAD
    headers = parse(data + b"\nx\n")
    assert headers.subject == "nul\\x00byte"
    assert headers.message_id == "<a\\x00@example.org>"
    assert codes(data + b"\nx\n")["header_escaped"]["header"] == "Subject"


def test_an_undecodable_attachment_name_is_stored_escaped_in_messages_and_files() -> None:
    data = (
        b"From: Anna <anna@example.org>\nSubject: bijlage\n" + HEAD + b"MIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\nzie bijlage\n"
        b"--XX\nContent-Type: application/octet-stream\n"
        b"Content-Disposition: attachment; filename*=unknown-8bit''%FF%FEfoto.bin\n\nAAAA\n--XX--\n"
    )
    parsed = em.read_bytes(data, Path("test.eml"))
    (ref,) = parsed.conversation.messages[0].attachments
    (embedded,) = parsed.files
    assert ref.name == embedded.name
    ref.name.encode("utf-8")  # no lone surrogate left
    conversation_to_json(parsed.conversation, {ref.name: 1}, ())


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Mon, 1 Jan 0001 00:30:00 +0100", "date_implausible"),  # the stdlib read it as 2001
        ("Mon, 1 Jan 0 00:30:00 +0000", "date_implausible"),  # ... and this as 2000
        ("Fri, 31 Dec 9999 23:59:59 -0100", "date_implausible"),  # overflowed when shifted to UTC
        ("Mon, 1 Jan 99999 00:00:00 +0000", "date_implausible"),
        ("dit is geen datum", "date_invalid"),
        ("\x00", "date_invalid"),
    ],
)
def test_absurd_dates_give_no_time_and_a_warning(value: str, problem: str) -> None:
    assert em.parse_date(value) == (None, None, problem)


def test_two_digit_and_asctime_years_still_parse() -> None:
    assert em.parse_date("14 Nov 23 23:13 GMT")[0] == datetime(2023, 11, 14, 23, 13)
    assert em.parse_date("Mon Jan  1 00:00:00 2024")[0] == datetime(2024, 1, 1)


def test_addresses_split_at_top_level_only() -> None:
    value = (
        '"Jansen, Bram" <bram@example.org>, (een, opmerking) anna@example.org; '
        "Vrienden: c@example.org, d@example.org;"
    )
    assert split_addresses(value) == [
        '"Jansen, Bram" <bram@example.org>',
        "(een, opmerking) anna@example.org",
        "c@example.org",
        "d@example.org",
    ]


def test_a_long_address_list_is_read_address_by_address_like_a_short_one() -> None:
    people = ", ".join(f'"Persoon {i}, Fictief" <p{i}@example.org>' for i in range(300))
    data = (
        b"From: Anna <anna@example.org>\nSubject: veel\nTo: " + people.encode() + b"\n" + HEAD[35:] + b"\nx\n"
    )
    headers = parse(data)
    assert len(people) > 4096  # past the length read whole
    assert headers.to == tuple(Participant(f"Persoon {i}, Fictief", f"p{i}@example.org") for i in range(300))


def test_more_than_a_thousand_addresses_are_cut_with_a_warning() -> None:
    people = ", ".join(f"p{i}@example.org" for i in range(1500)).encode()
    data = b"From: Anna <anna@example.org>\nSubject: veel\nCc: " + people + b"\n" + HEAD + b"\nx\n"
    assert len(parse(data).cc) == 1000
    assert codes(data)["too_many_addresses"]["header"] == "Cc"


def test_a_message_within_the_limits_is_handed_over_unchanged() -> None:
    data = b"From: Anna <anna@example.org>\nSubject: x\n" + HEAD + b"\n" + b"regel\n" * 1000
    assert limits.bound_message(data, Collector()).data is data


def test_a_long_header_field_is_cut_and_the_rest_of_the_message_kept() -> None:
    folded = b"\n ".join([b"a" * 70] * 2000)  # ~144 KiB, folded
    data = b"From: Anna <anna@example.org>\nX-Lang: " + folded + b"\nSubject: na\n" + HEAD + b"\nTekst.\n"
    collect = Collector(file="lang.eml")
    bounded = limits.bound_message(data, collect)
    assert len(bounded.data) < limits.MAX_HEADER + 1000
    assert bounded.data.endswith(b"\nSubject: na\n" + HEAD + b"\nTekst.\n")
    found = codes(data, "lang.eml")
    assert found["header_cut"] == {
        "count": "1",
        "message": "1",
        "header": "X-Lang",
        "limit": str(limits.MAX_HEADER),
        "name": "lang.eml",
    }
    assert parse(data).subject == "na"


def test_a_header_bomb_is_cut_at_the_block_limit() -> None:
    bomb = b"".join(b"X-H%d: v\n" % i for i in range(100_000))
    data = b"From: Anna <anna@example.org>\nSubject: bom\n" + HEAD + bomb + b"\nTekst.\n"
    parsed = em.read_bytes(data, Path("bom.eml"))
    assert parsed.conversation.messages[0].text == "Tekst."
    assert {w.code for w in parsed.conversation.warnings} == {"header_block_cut"}


def test_stuffed_content_type_fields_of_parts_are_cut_before_the_parser() -> None:
    # 300 parts whose Content-Type holds 40 KiB of ";": the modern parser needed minutes.
    part = b"--XX\nContent-Type: text/plain; charset=utf-8" + b";" * 40_000 + b"\n\ndeel\n"
    data = (
        b"From: Anna <anna@example.org>\nSubject: delen\n" + HEAD + b"MIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed; boundary=XX\n\n" + part * 300 + b"--XX--\n"
    )
    parsed = em.read_bytes(data, Path("delen.eml"))
    assert parsed.conversation.messages[0].text == "\n".join(["deel"] * 300)
    warning = next(w for w in parsed.conversation.warnings if w.code == "header_cut")
    assert dict(warning.params)["count"] == "300"
    assert dict(warning.params)["limit"] == str(limits.MAX_MIME_HEADER)


def test_a_long_body_line_is_cut_and_attachments_of_the_message_are_not_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_LINE", 1000)
    data = (
        b"From: Anna <anna@example.org>\nSubject: regel\n" + HEAD + b"MIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\n"
        + b"z"
        * 5000
        + b"\n--XX\nContent-Type: application/octet-stream; name=foto.bin\n"
        b"Content-Transfer-Encoding: base64\n\nAAAA\n--XX--\n"
    )
    parsed = em.read_bytes(data, Path("regel.eml"))
    assert parsed.conversation.messages[0].text == "z" * 1000
    assert parsed.files == () and parsed.missing == ("foto.bin",)
    found = {w.code for w in parsed.conversation.warnings}
    assert found == {"line_cut", "cut_message_attachment_missing"}


# ---------------------------------------------------------------------------------------------
# mbox: streamed
# ---------------------------------------------------------------------------------------------


def _mbox_bytes(count: int) -> bytes:
    return b"".join(
        b"From anna@example.org Tue Nov 14 23:13:20 2023\nFrom: Anna <anna@example.org>\n"
        b"Subject: bericht %d\n" % i + HEAD + b"\nTekst %d.\n\n" % i
        for i in range(count)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.sampled_from(["From a", "From ", "", "x: y", ">From b", "body", "From  z\r", "F"]),
        max_size=30,
    ),
    chunk=st.integers(min_value=5, max_value=9),  # CHUNK holds at least "From "
)
def test_streamed_split_in_small_chunks_equals_python_mailbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines: list[str], chunk: int
) -> None:
    monkeypatch.setattr(mbox, "CHUNK", chunk)
    data = "\n".join(lines).encode()
    pieces, _ = em.split_mbox(data)
    path = tmp_path / "fuzz.mbox"
    path.write_bytes(data)
    box = mailbox.mbox(str(path), create=False)
    try:
        expected = [box.get_bytes(key, from_=False) for key in box.iterkeys()]
    finally:
        box.close()
    assert [piece.data for piece in pieces] == expected


class _Recording(io.BufferedReader):
    """A file that remembers the largest read asked of it."""

    largest = 0

    def _note(self, size: int | None) -> None:
        _Recording.largest = max(_Recording.largest, size if size is not None and size >= 0 else 1 << 62)

    def read(self, size: int | None = -1, /) -> bytes:
        self._note(size)
        return super().read(size)

    def readline(self, size: int | None = -1, /) -> bytes:
        self._note(size)
        return super().readline(size)


def test_an_mbox_is_read_in_chunks_never_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "groot.mbox"
    path.write_bytes(_mbox_bytes(500))
    opened: list[_Recording] = []

    def recording_open(file: Path, mode: str) -> _Recording:
        assert mode == "rb"
        opened.append(_Recording(io.FileIO(file, "r")))
        return opened[-1]

    monkeypatch.setattr(email_reader, "open", recording_open, raising=False)
    _Recording.largest = 0
    parsed = em.read(path)
    assert len(opened) == 2  # the survey, then the messages (reader.py's two streamed passes)
    assert len(parsed.conversation.messages) == 500
    assert parsed.conversation.messages[499].text == "Tekst 499."
    assert _Recording.largest == max(mbox.CHUNK, 65536)  # the head, then lines of at most CHUNK


def test_mbox_lines_and_messages_over_the_limits_are_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mbox, "MAX_LINE", 100)
    monkeypatch.setattr(mbox, "MAX_MESSAGE", 2000)
    monkeypatch.setattr(mbox, "CHUNK", 16)
    first = b"From a Tue Nov 14 23:13:20 2023\nFrom: Anna <anna@example.org>\nSubject: lang\n" + HEAD
    second = b"From a Tue Nov 14 23:13:20 2023\nFrom: Anna <anna@example.org>\nSubject: groot\n" + HEAD
    data = first + b"\n" + b"y" * 500 + b"\nna\n" + second + b"\n" + b"regel\n" * 1000
    pieces, _ = em.split_mbox(data)
    assert [(p.lines_cut, p.truncated) for p in pieces] == [(True, False), (False, True)]
    assert pieces[0].data.endswith(b"\n" + b"y" * 100 + b"\nna\n")
    assert len(pieces[1].data) <= 2000
    found = codes(data, "knip.mbox")
    assert found["line_cut"]["name"] == "knip.mbox" and found["line_cut"]["message"] == "1"
    assert found["message_cut"]["message"] == "2"


def test_a_truncated_mbox_keeps_every_message_it_holds() -> None:
    data = _mbox_bytes(3)
    parsed = em.read_bytes(data[: len(data) - 8], Path("afgebroken.mbox"))
    assert [m.extra[0] for m in parsed.conversation.messages] == [
        ("subject", f"bericht {i}") for i in range(3)
    ]


def test_an_unexpected_failure_inside_the_parser_is_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise LookupError("stdlib surprise")

    monkeypatch.setattr(email_message, "parse_headers", broken)
    with pytest.raises(ImportFormatError, match="LookupError"):
        em.read_bytes(b"From: Anna <anna@example.org>\nSubject: x\n" + HEAD + b"\nx\n", Path("x.eml"))
