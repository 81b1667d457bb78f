"""SMS Backup & Restore importer: exact messages for every trap, and fuzzing.

Fixtures are fictional (tests/importers/fixtures/sms/); the generated ones below escape text the
way the Android app does: XML's five entities, control characters and newlines as decimal
references, and characters outside the Basic Multilingual Plane as *surrogate-pair* references.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.domain import AttachmentRef, Message, MessageKind, ParsedExport, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import sms
from evidence_kit.importers.sms import messages as sms_messages
from evidence_kit.importers.sms import xml_repair

FIXTURES = Path(__file__).parent / "fixtures" / "sms"
SMS_FILE = FIXTURES / "sms-traps.xml"
CALLS_FILE = FIXTURES / "calls-traps.xml"
BIDI = str.maketrans(
    dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
)
HEADER = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def app_escape(text: str, *, pairs: bool = True) -> str:
    """Escape an attribute value like SMS Backup & Restore does."""
    out = []
    for char in text:
        code = ord(char)
        if char in "&<>\"'":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}[char])
        elif code < 0x20:
            out.append(f"&#{code};")
        elif code > 0xFFFF and pairs:
            high = 0xD800 + ((code - 0x10000) >> 10)
            low = 0xDC00 + ((code - 0x10000) & 0x3FF)
            out.append(f"&#{high};&#{low};")
        else:
            out.append(char)
    return "".join(out)


def sms_record(body: str, date_ms: int, kind: int = 1, address: str = "+31600000001", **extra: str) -> str:
    attributes = "".join(f' {key}="{app_escape(value)}"' for key, value in extra.items())
    return (
        f'<sms protocol="0" address="{address}" date="{date_ms}" type="{kind}" subject="null" '
        f'body="{app_escape(body)}" read="1" status="-1"{attributes} />\n'
    )


def backup(*records: str, root: str = "smses") -> bytes:
    return (HEADER + f'<{root} count="{len(records)}">\n' + "".join(records) + f"</{root}>\n").encode("utf-8")


def parse(data: bytes) -> ParsedExport:
    return sms.read_bytes(data, Path("sms-test.xml"))


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------


def test_sniff_recognises_by_content_not_name() -> None:
    head = SMS_FILE.read_bytes()[:65536]
    assert sms.sniff(head, "renamed.dat") is True
    assert sms.format_of(head) == "sms"
    assert sms.format_of(CALLS_FILE.read_bytes()) == "calls"
    assert sms.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "sms-20231115.xml") is False
    assert sms.sniff(b"14/11/2023, 23:13 - Anna de Vries: Hoi", "sms.xml") is False
    assert sms.sniff(b"<?xml version='1.0'?><html><body/></html>", "sms.xml") is False
    assert sms.sniff("<smses count='0'/>".encode("utf-16"), "x") is True
    assert sms.sniff(b"", "sms.xml") is False


# ---------------------------------------------------------------------------------------------
# The trap fixture, message by message
# ---------------------------------------------------------------------------------------------

EXPECTED_SMS = (
    Message(
        sender=None,
        text="Laat me met rust.",
        sent_at=datetime(2023, 11, 14, 22, 56, 40),
        sent_at_utc=utc(2023, 11, 14, 21, 56, 40),
        extra=(
            ("direction", "outgoing"),
            ("box", "sent"),
            ("record", "sms"),
            ("to", "+31600000002"),
            ("wall_time", "readable_date"),
        ),
    ),
    Message(
        sender="Anna de Vries",
        sender_id="+31600000001",
        text="Hoi Bram 😀\nZie je morgen?",
        sent_at=datetime(2023, 11, 14, 23, 13, 20),
        sent_at_utc=utc(2023, 11, 14, 22, 13, 20),
        extra=(
            ("direction", "incoming"),
            ("box", "inbox"),
            ("record", "sms"),
            ("date_sent_utc", "2023-11-14T22:13:18+00:00"),
            ("wall_time", "readable_date"),
        ),
    ),
    Message(
        sender="Anna de Vries",
        sender_id="+31600000001",
        # lone surrogate -> U+FFFD; escape control kept; private-use U+E000 kept; RLO/PDF dropped
        text="kapot \ufffd einde \x1b[0m \ue000 omgekeerd",
        sent_at=datetime(2023, 11, 14, 23, 18, 20),
        sent_at_utc=utc(2023, 11, 14, 22, 18, 20),
        extra=(
            ("direction", "incoming"),
            ("box", "inbox"),
            ("record", "sms"),
            ("wall_time", "readable_date"),
        ),
    ),
    Message(
        sender="Chris Jansen",
        sender_id="+31600000003",
        text="Kijk deze foto\n👍",
        sent_at=datetime(2023, 11, 14, 23, 20),
        sent_at_utc=utc(2023, 11, 14, 22, 20),
        attachments=(AttachmentRef(name="IMG_0001.jpg", media_type="image/jpeg"),),
        extra=(
            ("direction", "incoming"),
            ("box", "inbox"),
            ("record", "mms"),
            ("from", "+31600000003"),
            ("to", "+31600000001"),
            ("to", "+31600000009"),
            ("wall_time", "readable_date"),
        ),
    ),
    Message(
        sender=None,
        text="concept, nooit verstuurd",
        sent_at=datetime(2023, 11, 14, 22, 21, 40),
        sent_at_utc=utc(2023, 11, 14, 22, 21, 40),
        extra=(
            ("direction", "outgoing"),
            ("box", "draft"),
            ("record", "sms"),
            ("to", "+31600000001"),
            ("to_name", "Anna de Vries"),
            ("wall_time", "utc"),
        ),
    ),
    Message(
        sender=None,
        text="",
        sent_at=datetime(2023, 11, 14, 23, 23, 20),
        sent_at_utc=utc(2023, 11, 14, 22, 23, 20),
        media_omitted=True,
        attachments=(
            AttachmentRef(name="IMG_0001 (2).jpg", media_type="image/jpeg"),
            AttachmentRef(name="clip.mp4", media_type="video/mp4"),
        ),
        extra=(
            ("direction", "outgoing"),
            ("box", "sent"),
            ("record", "mms"),
            ("subject", "Vakantie"),
            ("to", "+31600000001"),
            ("to_name", "Anna de Vries"),
            ("wall_time", "readable_date"),
        ),
    ),
    Message(
        sender="Chris Jansen",
        sender_id="+31600000003",
        text="ok",
        sent_at=datetime(2023, 11, 14, 22, 25),
        sent_at_utc=utc(2023, 11, 14, 22, 25),
        extra=(("direction", "incoming"), ("box", "inbox"), ("record", "sms"), ("wall_time", "utc")),
    ),
    Message(
        sender=None,
        sender_id="+31600000003",
        text="caf\ufffd au lait",  # a raw Latin-1 byte in a UTF-8 file
        sent_at=datetime(2023, 11, 14, 22, 26, 40),
        sent_at_utc=utc(2023, 11, 14, 22, 26, 40),
        extra=(("direction", "incoming"), ("box", "inbox"), ("record", "sms"), ("wall_time", "utc")),
    ),
)


def test_sms_fixture_messages_exact() -> None:
    parsed = sms.read(SMS_FILE)
    assert parsed.conversation.messages == EXPECTED_SMS
    assert parsed.conversation.platform == "sms"
    assert parsed.conversation.participants == (
        Participant("Anna de Vries", "+31600000001"),
        Participant(None, "+31600000002"),
        Participant("Chris Jansen", "+31600000003"),
    )
    assert parsed.conversation.extra == (
        ("root", "smses"),
        ("count", "8"),
        ("backup_set", "00000000-0000-4000-8000-000000000001"),
        ("backup_date", "1700038800000"),
        ("type", "full"),
    )
    assert parsed.conversation.timezone_assumption is not None
    assert "readable_date" in parsed.conversation.timezone_assumption
    assert "UTC otherwise" in parsed.conversation.timezone_assumption


def test_sms_fixture_mms_files_and_missing() -> None:
    parsed = sms.read(SMS_FILE)
    assert [(f.name, f.size, f.media_type) for f in parsed.files] == [
        ("IMG_0001.jpg", 22, "image/jpeg"),
        ("IMG_0001 (2).jpg", 22, "image/jpeg"),
    ]
    assert parsed.files[0].open().read() == b"\xff\xd8\xff\xe0fictional-jpeg-one"
    assert parsed.files[1].open().read() == b"\xff\xd8\xff\xe0fictional-jpeg-two"
    assert parsed.files[1].open().read() == b"\xff\xd8\xff\xe0fictional-jpeg-two"  # a fresh stream each time
    assert parsed.missing == ("clip.mp4",)


def test_sms_fixture_warnings_exact() -> None:
    warnings = {w.code: dict(w.params) for w in sms.read(SMS_FILE).conversation.warnings}
    assert warnings == {
        "not_sent": {"count": "1", "record": "3"},
        "invalid_character": {"count": "2", "record": "4"},
        "part_renamed": {"count": "1", "record": "6", "name": "IMG_0001.jpg", "new_name": "IMG_0001 (2).jpg"},
        "part_without_data": {"count": "1", "record": "6", "name": "clip.mp4"},
        "readable_date_unmatched": {"count": "1", "record": "7", "value": "Nov 14, 2023 4:00:00 AM"},
    }
    for warning in sms.read(SMS_FILE).conversation.warnings:
        assert "{" not in warning.format()  # every placeholder is filled


EXPECTED_CALLS = (
    ("Call of unknown type 9, duration 0:01:01 (61 seconds)", None, None, datetime(2023, 11, 14, 23, 13, 20)),
    (
        "Missed call, duration 0:00:00 (0 seconds)",
        "Anna de Vries",
        "+31600000001",
        datetime(2023, 11, 14, 23, 30),
    ),
    ("Incoming call, duration 0:00:12 (12 seconds)", None, None, datetime(2023, 11, 14, 23, 46, 40)),
    (
        "Voicemail, duration 0:00:45 (45 seconds)",
        "Chris Jansen",
        "+31600000003",
        datetime(2023, 11, 15, 0, 3, 20),
    ),
    ("Outgoing call, duration 1:02:03 (3723 seconds)", None, None, datetime(2023, 11, 15, 0, 20)),
    ("Rejected call, duration 0:00:00 (0 seconds)", None, None, datetime(2023, 11, 15, 0, 36, 40)),
    (
        "Blocked call, duration 0:00:00 (0 seconds)",
        "Anna de Vries",
        "+31600000001",
        datetime(2023, 11, 15, 0, 53, 20),
    ),
)


def test_call_log_exact() -> None:
    parsed = sms.read(CALLS_FILE)
    conversation = parsed.conversation
    assert conversation.platform == "call_log"
    got = [(m.text, m.sender, m.sender_id, m.sent_at) for m in conversation.messages]
    assert got == list(EXPECTED_CALLS)
    assert all(m.kind is MessageKind.SYSTEM for m in conversation.messages)
    assert conversation.messages[0].sent_at_utc == utc(2023, 11, 14, 22, 13, 20)
    assert [m.extra for m in conversation.messages] == [
        (
            ("direction", "unknown"),
            ("call_type", "unknown"),
            ("duration_seconds", "61"),
            ("number", "+31600000004"),
            ("wall_time", "readable_date"),
        ),
        (
            ("direction", "incoming"),
            ("call_type", "missed"),
            ("duration_seconds", "0"),
            ("wall_time", "readable_date"),
        ),
        (
            ("direction", "incoming"),
            ("call_type", "incoming"),
            ("duration_seconds", "12"),
            ("number_presentation", "withheld"),
            ("wall_time", "readable_date"),
        ),
        (
            ("direction", "incoming"),
            ("call_type", "voicemail"),
            ("duration_seconds", "45"),
            ("wall_time", "readable_date"),
        ),
        (
            ("direction", "outgoing"),
            ("call_type", "outgoing"),
            ("duration_seconds", "3723"),
            ("to", "+31600000001"),
            ("to_name", "Anna de Vries"),
            ("wall_time", "readable_date"),
        ),
        (
            ("direction", "incoming"),
            ("call_type", "rejected"),
            ("duration_seconds", "0"),
            ("number_presentation", "withheld"),
            ("wall_time", "readable_date"),
        ),
        (
            ("direction", "incoming"),
            ("call_type", "blocked"),
            ("duration_seconds", "0"),
            ("wall_time", "readable_date"),
        ),
    ]
    assert [w.code for w in conversation.warnings] == ["unknown_type"]
    assert parsed.files == () and parsed.missing == ()


# ---------------------------------------------------------------------------------------------
# Streaming repair at every chunk boundary
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 11, 64, 4097])
def test_result_does_not_depend_on_chunk_size(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    expected = sms.read(SMS_FILE)
    monkeypatch.setattr(xml_repair, "RAW_CHUNK", chunk)
    parsed = sms.read(SMS_FILE)
    assert parsed.conversation.messages == expected.conversation.messages
    assert parsed.conversation.warnings == expected.conversation.warnings
    assert [f.open().read() for f in parsed.files] == [f.open().read() for f in expected.files]


def test_surrogate_pair_split_by_the_real_chunk_boundary() -> None:
    prefix = HEADER + '<smses count="1">\n<sms address="+31600000001" date="1700000000000" type="1" body="'
    padding = "a" * (xml_repair.RAW_CHUNK - len(prefix.encode()) - len("&#55357;"))
    data = (prefix + padding + '&#55357;&#56832;" />\n</smses>\n').encode()
    assert data[: xml_repair.RAW_CHUNK].endswith(b"&#55357;")
    parsed = parse(data)
    assert [m.text for m in parsed.conversation.messages] == [padding + "😀"]
    assert parsed.conversation.warnings == ()


# ---------------------------------------------------------------------------------------------
# Other traps
# ---------------------------------------------------------------------------------------------


def test_uncommon_text_survives(uncommon_text: tuple[str, ...]) -> None:
    records = [sms_record(text, 1700000000000 + index * 1000) for index, text in enumerate(uncommon_text)]
    parsed = parse(backup(*records))
    assert [m.text for m in parsed.conversation.messages] == [text.translate(BIDI) for text in uncommon_text]
    assert parsed.conversation.warnings == ()


def test_hex_and_raw_supplementary_characters_and_utf16_file() -> None:
    body = "Hex &#x1F600; raw 😀 pair &#xD83D;&#xDE00;"
    text = (
        HEADER.replace("UTF-8", "UTF-16")
        + f'<smses><sms address="1" date="1700000000000" type="1" body="{body}"/></smses>'
    )
    parsed = parse(text.encode("utf-16"))
    assert [m.text for m in parsed.conversation.messages] == ["Hex 😀 raw 😀 pair 😀"]


def test_truncated_backup_keeps_what_came_before() -> None:
    data = SMS_FILE.read_bytes()
    cut = data.index(b'<mms date="1700000400000"') + 40
    parsed = parse(data[:cut])
    assert [m.text for m in parsed.conversation.messages] == [
        "Laat me met rust.",
        "Hoi Bram 😀\nZie je morgen?",
        "kapot \ufffd einde \x1b[0m \ue000 omgekeerd",
        "concept, nooit verstuurd",
    ]
    codes = [w.code for w in parsed.conversation.warnings]
    assert codes[:2] == ["damaged", "count_mismatch"]
    damaged = dict(parsed.conversation.warnings[0].params)
    assert damaged["line"] == "9" and damaged["count"] == "4"
    assert dict(parsed.conversation.warnings[1].params) == {"declared": "8", "found": "4"}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01binary garbage",
        b"14/11/2023, 23:13 - Anna de Vries: Hoi\n",
        HEADER.encode() + b"<html><body>no backup</body></html>",
        HEADER.encode() + b"<smses",
    ],
)
def test_not_a_backup_raises_typed_error(data: bytes) -> None:
    with pytest.raises(ImportFormatError):
        parse(data)


def test_billion_laughs_and_external_entities_are_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<smses><sms address="1" date="1" type="1" body="&c;"/></smses>'
    )
    external = (
        '<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<smses><sms address="1" date="1" type="1" body="&x;"/></smses>'
    )
    for data in (laughs, external):
        with pytest.raises(ImportFormatError):
            parse(data.encode())


def test_missing_and_second_based_dates() -> None:
    data = backup(
        sms_record("zonder datum", 0),
        sms_record("in seconden", 1700000000),
        sms_record("in milliseconden", 1699990000000),
    )
    parsed = parse(data)
    assert [(m.text, m.sent_at_utc) for m in parsed.conversation.messages] == [
        ("in milliseconden", utc(2023, 11, 14, 19, 26, 40)),
        ("in seconden", utc(2023, 11, 14, 22, 13, 20)),
        ("zonder datum", None),
    ]
    assert {w.code for w in parsed.conversation.warnings} == {"date_missing", "date_in_seconds"}


def test_mms_part_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    big = base64.b64encode(b"x" * 300).decode()
    mms = (
        '<mms date="1700000000000" msg_box="1" address="+31600000001" contact_name="Anna de Vries"><parts>'
        f'<part seq="0" ct="image/png" cl="../../etc/groot.png" data="{big}"/>'
        '<part seq="1" ct="image/png" cl="kapot.png" data="!!!not base64!!!"/>'
        '<part seq="2" ct="text/plain" text="null" data="SG9p"/>'
        '</parts><addrs><addr address="+31600000001" type="137"/></addrs></mms>\n'
    )
    monkeypatch.setattr(sms_messages, "MAX_EMBEDDED_TOTAL", 100)
    parsed = parse(backup(mms))
    message = parsed.conversation.messages[0]
    assert message.text == "Hoi"  # a text part given as base64 data
    assert message.sender == "Anna de Vries" and message.sender_id == "+31600000001"
    assert [a.name for a in message.attachments] == [".._.._etc_groot.png", "kapot.png"]
    assert parsed.files == ()
    assert parsed.missing == (".._.._etc_groot.png", "kapot.png")
    assert {w.code for w in parsed.conversation.warnings} == {"part_not_kept", "part_not_decoded"}


def test_unknown_elements_and_types_are_reported() -> None:
    data = backup(sms_record("raar", 1700000000000, kind=9), '<note date="1"/>\n')
    parsed = parse(data)
    assert parsed.conversation.messages == (
        Message(
            sender=None,
            text="raar",
            sent_at=datetime(2023, 11, 14, 22, 13, 20),
            sent_at_utc=utc(2023, 11, 14, 22, 13, 20),
            extra=(
                ("direction", "unknown"),
                ("box", "unknown"),
                ("record", "sms"),
                ("type", "9"),
                ("address", "+31600000001"),
                ("wall_time", "utc"),
            ),
        ),
    )
    assert {w.code for w in parsed.conversation.warnings} == {"unknown_type", "unknown_element"}


# ---------------------------------------------------------------------------------------------
# readable_date in the phone's language, anchored on the epoch time
# ---------------------------------------------------------------------------------------------

MOMENT = utc(2023, 11, 14, 22, 13, 20)  # 23:13:20 in Amsterdam (CET)


@pytest.mark.parametrize(
    ("readable", "expected"),
    [
        ("Nov 14, 2023 11:13:20 PM", datetime(2023, 11, 14, 23, 13, 20)),
        ("14 nov. 2023 23:13:20", datetime(2023, 11, 14, 23, 13, 20)),
        ("14.11.2023 23:13:20", datetime(2023, 11, 14, 23, 13, 20)),
        ("14/11/2023 23:13:20", datetime(2023, 11, 14, 23, 13, 20)),
        ("11/14/2023 11:13:20 p.m.", datetime(2023, 11, 14, 23, 13, 20)),
        ("2023/11/14 23:13:20", datetime(2023, 11, 14, 23, 13, 20)),
        ("2023. 11. 14. 오후 11:13:20", datetime(2023, 11, 14, 23, 13, 20)),
        ("14.11.2023 klo 23.13.20", datetime(2023, 11, 14, 23, 13, 20)),
        ("Nov 15, 2023 3:43:20 AM", datetime(2023, 11, 15, 3, 43, 20)),  # India, +05:30
        ("Nov 14, 2023 12:13:20 PM", datetime(2023, 11, 14, 12, 13, 20)),  # Hawaii, -10:00
        # No AM/PM word in any language: a 24-hour clock, so -11:00 (not 11 PM at +01:00).
        ("14/11/2023 11:13:20", datetime(2023, 11, 14, 11, 13, 20)),
        ("Nov 14, 2023 11:13:21 PM", None),  # seconds differ: no real offset explains it
        ("Nov 13, 2023 11:13:20 PM", None),  # the day does not match
        ("yesterday", None),
        ("99:99:99", None),
    ],
)
def test_wall_time_from_readable(readable: str, expected: datetime | None) -> None:
    assert sms.wall_time_from_readable(readable, MOMENT) == expected


# ---------------------------------------------------------------------------------------------
# Fuzzing
# ---------------------------------------------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\ufffe\uffff"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(
    records=st.lists(
        st.tuples(
            _TEXT,
            st.integers(1_000_000_000_000, 2_000_000_000_000),
            st.sampled_from([1, 2, 3, 4, 5, 6]),
            st.booleans(),
            st.booleans(),
        ),
        max_size=6,
    )
)
def test_fuzz_generated_backups_keep_every_body(records: list[tuple[str, int, int, bool, bool]]) -> None:
    lines = []
    for body, date, kind, as_mms, pairs in records:
        if as_mms:
            lines.append(
                f'<mms date="{date}" msg_box="{min(kind, 4)}" address="+31600000001"><parts>'
                f'<part seq="0" ct="text/plain" text="{app_escape(body, pairs=pairs)}"/></parts></mms>\n'
            )
        else:
            lines.append(
                sms_record(body, date, kind).replace(app_escape(body), app_escape(body, pairs=pairs))
            )
    parsed = parse(backup(*lines))
    texts = sorted(m.text for m in parsed.conversation.messages)
    assert texts == sorted(body.translate(BIDI) for body, *_ in records)
    utcs = [m.sent_at_utc for m in parsed.conversation.messages]
    assert utcs == sorted(utcs)  # type: ignore[type-var]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, 10_000), junk=st.binary(max_size=30), position=st.integers(0, 10_000))
def test_fuzz_damaged_fixture_never_crashes(cut: int, junk: bytes, position: int) -> None:
    data = SMS_FILE.read_bytes()
    data = data[: position % (len(data) + 1)] + junk + data[position % (len(data) + 1) :]
    data = data[: len(data) - cut % (len(data) + 1)]
    bodies = {m.text for m in EXPECTED_SMS}
    try:
        parsed = parse(data)
    except ImportFormatError:
        return
    for message in parsed.conversation.messages:
        if not junk:
            assert message.text in bodies
        assert isinstance(message.text, str)


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=300)
    | st.text(max_size=200).map(lambda t: ("<smses>" + t).encode("utf-8", "replace"))
)
def test_fuzz_arbitrary_bytes_only_raise_the_typed_error(data: bytes) -> None:
    try:
        parsed = parse(data)
    except ImportFormatError:
        return
    for message in parsed.conversation.messages:
        assert message.text.translate(BIDI) == message.text
