"""Property tests: WhatsApp, signal-export and zip input never crash and never invent text.

For any input the parsers either raise their own typed ImportFormatError or return messages whose
text, sender and attachment names are pieces of the input as decoded (after the documented
normalisation: CRLF read as LF, a leading BOM and the invisible bidi marks dropped).
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import signal_export, whatsapp
from evidence_kit.importers.archive import ArchiveError, ArchiveLimits, ZipArchive

FUZZ = settings(deadline=None, max_examples=600, suppress_health_check=[HealthCheck.too_slow])
SMALL = settings(deadline=None, max_examples=250, suppress_health_check=[HealthCheck.too_slow])

MARKS = "\u200e\u200f\u202a\u202c\u202e\u2066\u2068\u2069\u061c"
SPACES = [" ", "\u00a0", "\u202f"]
DIGITS = st.sampled_from(["0123456789", "٠١٢٣٤٥٦٧٨٩"])
MARKERS = [
    "<Media omitted>", "<Media weggelaten>", "<Medien ausgeschlossen>", "image omitted",
    "\u200eimage omitted",
    "IMG-20240115-WA0001.jpg (file attached)", "DOC-1.pdf (bestand bijgevoegd)\ncaption",
    "<attached: 00000001-PHOTO-2024-01-15-21-05-12.jpg>", "\u200e<bijgevoegd: a b.jpg>",
    "This message was deleted", "Dit bericht is verwijderd.", "تم حذف هذه الرسالة",
    "text <This message was edited>", "x <Dit bericht is bewerkt>", "Missed voice call",
    "Messages and calls are end-to-end encrypted. No one outside of this chat.",
    "Report.pdf • 2 pages document omitted", "see <attached: x.jpg> here", "Note: colon", "",
    "@\u2068Anna\u2069", "<", ">", "()", ")", "\u200e",
]
NAMES = [
    "Anna de Vries", "+31 6 00000000", "\u202a+31 6 00000000\u202c", "Bram", "Group", "فاطمة", "~\u202fEva",
    'Anna "AJ"', "a" * 130, "",
]


def _digits(value: int, table: str, width: int) -> str:
    return "".join(table[int(c)] for c in str(value).zfill(width))


@st.composite
def whatsapp_header(draw: st.DrawFn) -> str:
    table = draw(DIGITS)
    a, b = draw(st.integers(0, 40)), draw(st.integers(0, 40))
    year = draw(st.sampled_from([24, 2024, 99, 1999, 0]))
    sep = draw(st.sampled_from(["/", ".", "-"]))
    first = draw(st.sampled_from(["dmy", "ymd"]))
    parts = [year, a, b] if first == "ymd" else [a, b, year]
    mark = draw(st.sampled_from(["", "", "\u200f", "\u200e"]))
    date = (mark + sep + mark).join(_digits(p, table, draw(st.sampled_from([1, 2]))) for p in parts)
    hour, minute, second = draw(st.integers(0, 30)), draw(st.integers(0, 70)), draw(st.integers(0, 70))
    tsep = draw(st.sampled_from([":", "."]))
    time = _digits(hour, table, 1) + tsep + _digits(minute, table, 2)
    if draw(st.booleans()):
        time += tsep + _digits(second, table, 2)
    ampm = draw(st.sampled_from(["", "", " AM", "\u202fPM", " p. m.", " a.m.", " ص", " م", " ÖS"]))
    joiner = draw(st.sampled_from([", ", " ", "، ", " à ", ","]))
    layout = draw(st.sampled_from(["android", "ios", "old"]))
    lead = draw(st.sampled_from(["", "\ufeff", "\u200e", "\u200f"]))
    if layout == "ios":
        return f"{lead}[{date}{joiner}{time}{ampm}] "
    if layout == "old":
        return f"{lead}{date}{joiner}{time}{ampm}: "
    return f"{lead}{date}{joiner}{time}{ampm}{draw(st.sampled_from(SPACES))}- "


@st.composite
def whatsapp_text(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            lines.append(draw(st.text(max_size=60)))
            continue
        header = draw(whatsapp_header())
        name = draw(st.sampled_from(NAMES))
        body = draw(st.one_of(st.sampled_from(MARKERS), st.text(max_size=80)))
        if draw(st.booleans()):
            body = draw(st.sampled_from(MARKS)) + body
        lines.append(f"{header}{name}: {body}" if kind < 5 else f"{header}{body}")
    end = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    return end.join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


def normalised(text: str) -> str:
    return whatsapp.strip_marks(text.removeprefix("\ufeff").replace("\r\n", "\n"))


def check_whatsapp(text: str) -> None:
    try:
        conversation = whatsapp.parse_text(text).conversation
    except ImportFormatError:
        return
    source = normalised(text)
    assert conversation.messages
    for message in conversation.messages:
        assert message.text in source
        assert message.sender is None or message.sender in source
        for ref in message.attachments:
            assert ref.name in source
    for warning in conversation.warnings:
        warning.format()


@FUZZ
@given(whatsapp_text())
def test_whatsapp_chat_like_text(text: str) -> None:
    check_whatsapp(text)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_whatsapp_any_text(text: str) -> None:
    check_whatsapp(text)


@SMALL
@given(st.binary(max_size=400), st.sampled_from(["chat.txt", "x.zip", "_chat.txt", "a.md"]))
def test_whatsapp_any_bytes(data: bytes, name: str) -> None:
    assert whatsapp.sniff(data, name) in (True, False)
    assert signal_export.sniff(data, name) in (True, False)
    text, bad = whatsapp.decode_export(data)
    assert bad >= 0
    check_whatsapp(text)


@st.composite
def signal_text(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        stamp = draw(
            st.sampled_from(["[2024-01-15 21:05:12] ", "[2019-05-29, 15:04] ", "[2024-02-30 10:00:00] "])
        )
        name = draw(st.sampled_from(["Me", "Anna de Vries", "+31 6 00000000", ""]))
        body = draw(
            st.one_of(
                st.text(max_size=60),
                st.sampled_from([
                    "\n\n> quoted\n> more\n\nreply  ", "hi  \n(- Anna: 👍 -)", "  \n(( 😀 ))",
                    "x  ![a.jpg](./media/a.jpg)  ", "[b](media/b%20c.pdf)  ", "(This message was deleted)",
                    "Missed voice call  ", "[site](https://example.com)  ", "](", "[", "\n\n>",
                ]),
            )
        )
        lines.append(f"{stamp}{name}: {body}" if name else f"{stamp}{body}")
    return "\n\n".join(lines) + "\n"


def check_signal(text: str) -> None:
    try:
        conversation, referenced = signal_export.parse_text(text)
    except ImportFormatError:
        return
    source = normalised(text)
    for message in conversation.messages:
        assert message.text in source
        assert message.sender is None or message.sender in source
        assert message.reply_to is None or all(line in source for line in message.reply_to.split("\n"))
    assert isinstance(referenced, tuple)


@FUZZ
@given(signal_text())
def test_signal_export_chat_like_text(text: str) -> None:
    check_signal(text)


@SMALL
@given(st.text(max_size=300))
def test_signal_export_any_text(text: str) -> None:
    check_signal(text)


def _valid_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        line = "[15/01/2024, 21:05:12] Anna de Vries: <attached: 00000001-PHOTO.jpg>\n"
        archive.writestr("_chat.txt", line * 20)
        archive.writestr("00000001-PHOTO.jpg", b"\xff\xd8" + bytes(range(256)) * 4)
    return buffer.getvalue()


VALID_ZIP = _valid_zip()


@SMALL
@given(st.lists(st.tuples(st.integers(0, len(VALID_ZIP) - 1), st.integers(0, 255)), min_size=1, max_size=8),
       st.integers(0, len(VALID_ZIP)))
def test_damaged_whatsapp_zips_only_raise_typed_errors(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(VALID_ZIP)
    for offset, value in flips:
        data[offset] = value
    damaged = bytes(data[: max(cut, 4)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        path.write_bytes(damaged)
        try:
            parsed = whatsapp.read(path)
        except ImportFormatError:
            return
        for embedded in parsed.files:
            with contextlib.suppress(ArchiveError), embedded.open() as stream:
                stream.read()


@SMALL
@given(st.binary(max_size=600))
def test_zip_archive_on_any_bytes(data: bytes) -> None:
    try:
        with ZipArchive(b"PK\x03\x04" + data, limits=ArchiveLimits(max_members=50)) as archive:
            for member in archive.members:
                with contextlib.suppress(ArchiveError):
                    archive.read(member.name, max_size=1 << 20)
    except ArchiveError:
        pass
