"""Content sniffing: the bytes decide, the name only breaks a tie; libmagic and the fallback agree."""

from __future__ import annotations

import io
import struct
import sys
import wave
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from evidence_kit.domain import ParseWarning
from evidence_kit.importers import (
    images,  # noqa: F401  (registers the HEIF opener used to make HEIC)
    sniff,
)
from evidence_kit.importers.sniff import Basis, Category, Detected, category_of, detect

# --- fixtures made here, all fictional --------------------------------------------------------


def _image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (12, 8), (10, 120, 200)).save(out, fmt)
    return out.getvalue()


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def _wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * 800)
    return out.getvalue()


def _ftyp(major: bytes, compatible: bytes) -> bytes:
    box = b"ftyp" + major + b"\x00\x00\x00\x00" + compatible
    return struct.pack(">I", len(box) + 4) + box + b"\x00\x00\x00\x08free"


OPUS = (
    b"OggS\x00\x02"
    + b"\x00" * 8
    + b"\x01\x00\x00\x00"
    + b"\x00" * 8
    + b"\x01\x13"
    + b"OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00"
)
MKV = bytes.fromhex("1a45dfa3") + b"\x42\x82\x88matroska" + b"\x00" * 40
WEBM = bytes.fromhex("1a45dfa3") + b"\x42\x82\x84webm" + b"\x00" * 40
OLE = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504
GARBAGE = bytes(range(256)) * 4  # libmagic calls this a Targa image: a weak, magic-less guess

WHATSAPP_IOS = "\ufeff[12/03/2024, 10:15:00] Anna de Vries: Hoi Bob\n[12/03/2024, 10:16:02] Bob: 👍🏽\n"
# libmagic calls this HTML because "<title>" appears near the top; it is a chat.
WHATSAPP_TITLE_TRAP = (
    "12/03/2024, 10:15 - Anna de Vries: zet <title> in je html\n12/03/2024, 10:16 - Bob: ok\n"
)
TELEGRAM_HEAD = (
    '{\n "name": "Anna de Vries",\n "type": "personal_chat",\n "id": 4242,\n "messages": [\n  {\n   "id": 1,'
)
MHTML_CHROME = (
    "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.com/anna\r\n"
    "Subject: =?utf-8?Q?Anna?=\r\nDate: Tue, 12 Mar 2024 10:15:00 +0100\r\nMIME-Version: 1.0\r\n"
    'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
    '\tboundary="----MultipartBoundary--x1"\r\n\r\n'
    "------MultipartBoundary--x1\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n"
)
MHT_IE = (
    "From: <Saved by Windows Internet Explorer 8>\r\nSubject: Profiel\r\n"
    "Date: Tue, 12 Mar 2024 10:15:00 +0100\r\nMIME-Version: 1.0\r\n"
    'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000"\r\n\r\n'
    "This is a multi-part message in MIME format.\r\n"
)
# An HTML mail with inline pictures is multipart/related too, but it travelled: it is e-mail.
HTML_MAIL = (
    "Received: from mx.example.com by mail.example.net\r\nFrom: Anna de Vries <anna@example.com>\r\n"
    "To: bob@example.com\r\nSubject: foto\r\nMIME-Version: 1.0\r\n"
    'Content-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\n'
)
SAVED_DRAFT = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\n'
EML = (
    "From: Anna de Vries <anna@example.com>\r\nTo: Bob <bob@example.com>\r\nSubject: Dreiging\r\n"
    "Date: Tue, 12 Mar 2024 10:15:00 +0100\r\nMessage-ID: <1@example.com>\r\n\r\nHallo\r\n"
)
MBOX = (
    "From anna@example.com Tue Mar 12 10:15:00 2024\nFrom: Anna <anna@example.com>\nSubject: hoi\n\nhallo\n"
)
MBOX_THUNDERBIRD = (
    "From - Tue Mar 12 10:15:00 2024\r\nX-Mozilla-Status: 0001\r\nFrom: Anna <anna@example.com>\r\n\r\nhi\r\n"
)
SMS_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
    '<smses count="1">\n<sms address="+31 6 00000000" /></smses>'
)
XHTML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
    "<head><title>t</title></head></html>"
)

# (description, bytes, media type, category) for a file WITHOUT an extension: content alone.
CONTENT_CASES: list[tuple[str, Callable[[], bytes], str, Category]] = [
    ("png", lambda: _image("PNG"), "image/png", Category.IMAGE),
    ("jpeg", lambda: _image("JPEG"), "image/jpeg", Category.IMAGE),
    ("gif", lambda: _image("GIF"), "image/gif", Category.IMAGE),
    ("webp", lambda: _image("WEBP"), "image/webp", Category.IMAGE),
    ("tiff", lambda: _image("TIFF"), "image/tiff", Category.IMAGE),
    ("bmp", lambda: _image("BMP"), "image/bmp", Category.IMAGE),
    ("heic", lambda: _image("HEIF"), "image/heic", Category.IMAGE),
    ("avif", lambda: _image("AVIF"), "image/avif", Category.IMAGE),
    (
        "pdf",
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "application/pdf",
        Category.PDF,
    ),
    ("wav", _wav, "audio/wav", Category.AUDIO),
    ("opus voice note", lambda: OPUS, "audio/ogg", Category.AUDIO),
    (
        "mp3 with id3",
        lambda: b"ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x00" + b"\x00" * 400,
        "audio/mpeg",
        Category.AUDIO,
    ),
    ("m4a", lambda: _ftyp(b"M4A ", b"M4A mp42isom"), "audio/mp4", Category.AUDIO),
    ("mp4", lambda: _ftyp(b"mp42", b"mp42isom"), "video/mp4", Category.VIDEO),
    ("mov", lambda: _ftyp(b"qt  ", b"qt  "), "video/quicktime", Category.VIDEO),
    ("3gp", lambda: _ftyp(b"3gp4", b"3gp4"), "video/3gpp", Category.VIDEO),
    ("mkv", lambda: MKV, "video/x-matroska", Category.VIDEO),
    ("webm", lambda: WEBM, "video/webm", Category.VIDEO),
    (
        "whatsapp zip",
        lambda: _zip({"WhatsApp Chat with Anna.txt": "x", "IMG-1.jpg": "y"}),
        "application/zip",
        Category.ZIP,
    ),
    ("odt", _odt, "application/vnd.oasis.opendocument.text", Category.OFFICE),
    ("rtf", lambda: b"{\\rtf1\\ansi Hallo}", "application/rtf", Category.OFFICE),
    ("gzip", lambda: b"\x1f\x8b\x08\x00" + b"\x00" * 20, "application/gzip", Category.UNKNOWN),
    ("whatsapp ios", lambda: WHATSAPP_IOS.encode(), "text/plain", Category.TEXT),
    ("whatsapp <title> trap", lambda: WHATSAPP_TITLE_TRAP.encode(), "text/plain", Category.TEXT),
    ("utf-16 text", lambda: "\ufeffHoi Anna, tot morgen".encode("utf-16"), "text/plain", Category.TEXT),
    ("telegram json head", lambda: TELEGRAM_HEAD.encode(), "application/json", Category.JSON),
    ("complete json", lambda: b'{"messages": []}', "application/json", Category.JSON),
    ("json array", lambda: b'[\n  {"sender_name": "Anna"}\n]', "application/json", Category.JSON),
    ("sms backup xml", lambda: SMS_XML.encode(), "application/xml", Category.XML),
    ("svg", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image/svg+xml", Category.XML),
    (
        "html",
        lambda: b"<!DOCTYPE html><html><head><title>x</title></head></html>",
        "text/html",
        Category.WEB_PAGE,
    ),
    (
        "html saved-from",
        lambda: b"<!-- saved from url=(0021)https://example.com/ -->\n<html><head></head></html>",
        "text/html",
        Category.WEB_PAGE,
    ),
    ("xhtml", lambda: XHTML.encode(), "text/html", Category.WEB_PAGE),
    ("mhtml chrome", lambda: MHTML_CHROME.encode(), "multipart/related", Category.WEB_PAGE),
    ("mht internet explorer", lambda: MHT_IE.encode(), "multipart/related", Category.WEB_PAGE),
    ("html mail", lambda: HTML_MAIL.encode(), "message/rfc822", Category.EMAIL),
    ("eml", lambda: EML.encode(), "message/rfc822", Category.EMAIL),
    ("mbox", lambda: MBOX.encode(), "application/mbox", Category.EMAIL),
    ("thunderbird mbox", lambda: MBOX_THUNDERBIRD.encode(), "application/mbox", Category.EMAIL),
    ("garbage", lambda: GARBAGE, "application/octet-stream", Category.UNKNOWN),
]


@pytest.fixture(params=["libmagic", "fallback"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test once with libmagic and once as on a computer without it."""
    if request.param == "fallback":
        monkeypatch.setattr(sniff, "_LIBMAGIC", None)
    return str(request.param)


def test_libmagic_is_installed_here() -> None:
    # CI and setup.sh install libmagic1; without it the libmagic half of these tests would
    # silently test the fallback twice.
    assert sniff.uses_libmagic(), "install the Debian package libmagic1 (scripts/setup.sh does)"


def test_fallback_is_used_when_python_magic_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "magic", None)  # makes `import magic` raise ImportError
    assert sniff._load_libmagic() is None


def test_fallback_flag(backend: str) -> None:
    assert sniff.uses_libmagic() is (backend == "libmagic")


@pytest.mark.parametrize(
    ("case", "make", "media_type", "category"), CONTENT_CASES, ids=[c[0] for c in CONTENT_CASES]
)
def test_content_decides_without_a_name(
    backend: str, case: str, make: Callable[[], bytes], media_type: str, category: Category
) -> None:
    detected = detect(make(), "evidence-without-extension")
    assert (detected.media_type, detected.category, detected.warnings) == (media_type, category, ())
    assert detected.name_media_type is None


@pytest.mark.parametrize(
    ("name", "make", "media_type"),
    [
        (
            "brief.docx",
            lambda: _zip({"[Content_Types].xml": "x", "word/document.xml": "y"}),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "tabel.xlsx",
            lambda: _zip({"[Content_Types].xml": "x", "xl/workbook.xml": "y"}),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "dia.pptx",
            lambda: _zip({"[Content_Types].xml": "x", "ppt/presentation.xml": "y"}),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("oud.doc", lambda: OLE, "application/msword"),
        ("bericht.msg", lambda: OLE, "application/vnd.ms-outlook"),
        ("lijst.csv", lambda: b"naam,nummer\nAnna,+31 6 00000000\nBob,+31 6 00000001\n", "text/csv"),
        ("C:\\Users\\anna\\NOTITIE.JSON", lambda: b'"alleen een tekst"', "application/json"),
        ("notitie.txt", lambda: b'"alleen een tekst"', "text/plain"),
        ("spraak.m4a", lambda: _ftyp(b"mp42", b"mp42isom"), "audio/mp4"),
        ("concept.eml", lambda: SAVED_DRAFT.encode(), "message/rfc822"),
        ("concept.mhtml", lambda: SAVED_DRAFT.encode(), "multipart/related"),
        ("pagina.mht", lambda: HTML_MAIL.encode(), "multipart/related"),
        ("foto.png", lambda: _image("JPEG"), "image/jpeg"),  # renamed: the content wins, same category
        ("export.zip", lambda: _zip({"WhatsApp Chat with Anna.txt": "x"}), "application/zip"),
    ],
)
def test_name_breaks_a_tie_within_the_content_family(
    backend: str, name: str, make: Callable[[], bytes], media_type: str
) -> None:
    detected = detect(make(), name)
    assert (detected.media_type, detected.warnings) == (media_type, ())
    assert detected.category == category_of(media_type)


def test_refinement_by_name_is_reported_as_such(backend: str) -> None:
    detected = detect(b'"alleen een tekst"', "notitie.json")
    assert detected == Detected("application/json", Category.JSON, Basis.FILE_NAME, "application/json")


def test_basis_names_the_sniffer(backend: str) -> None:
    expected = Basis.LIBMAGIC if backend == "libmagic" else Basis.SIGNATURES
    assert detect(_image("PNG"), "x").basis == expected
    # Text formats are always told apart by our own stricter rules.
    assert detect(WHATSAPP_TITLE_TRAP.encode(), "x").basis == Basis.SIGNATURES


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("foto.png", GARBAGE, "image/png"),
        ("chat.txt", GARBAGE, "text/plain"),
        ("export.zip", b"PK but not really a zip" + GARBAGE, "application/zip"),
    ],
)
def test_garbage_is_unknown_whatever_its_name(backend: str, name: str, data: bytes, expected: str) -> None:
    detected = detect(data, name)
    mismatch = ParseWarning(
        "extension_mismatch",
        "The name of {name} suggests {expected}, but its content is {found}.",
        (("name", name), ("expected", expected), ("found", "application/octet-stream")),
    )
    assert detected == Detected(
        "application/octet-stream", Category.UNKNOWN, detected.basis, expected, (mismatch,)
    )
    assert mismatch.format() == (
        f"The name of {name} suggests {expected}, but its content is application/octet-stream."
    )


def test_weak_signature_counts_only_when_the_name_agrees(backend: str) -> None:
    frame_sync_only = b"\xff\xfb\x90\x00" + b"\x00" * 400  # an MP3 frame header, or two random bytes
    assert detect(frame_sync_only, "opname.mp3").media_type == "audio/mpeg"
    assert detect(frame_sync_only, "data.bin").media_type == "application/octet-stream"


def test_content_contradicting_the_name_is_reported(backend: str) -> None:
    detected = detect(b'{"messages": []}', "chat.txt")
    assert detected.media_type == "application/json"
    assert detected.warnings == (
        ParseWarning(
            "extension_mismatch",
            "The name of {name} suggests {expected}, but its content is {found}.",
            (("name", "chat.txt"), ("expected", "text/plain"), ("found", "application/json")),
        ),
    )


def test_empty_file(backend: str) -> None:
    detected = detect(b"", "leeg.txt")
    warning = ParseWarning(
        "empty_file",
        "{name} is empty (0 bytes); it is kept, but there is nothing in it to read.",
        (("name", "leeg.txt"),),
    )
    assert detected == Detected(
        "application/x-empty", Category.UNKNOWN, Basis.SIGNATURES, "text/plain", (warning,)
    )


def test_uncommon_text_is_text(backend: str, uncommon_text: tuple[str, ...]) -> None:
    data = "\n".join(uncommon_text).encode("utf-8")
    assert (detect(data, "notes").media_type, detect(data, "notes").category) == ("text/plain", Category.TEXT)
    # A head cut in the middle of a multi-byte character is still text.
    cut = "Zażółć gęślą jaźń 👍🏽".encode()[:-2]
    assert detect(cut, "notes").media_type == "text/plain"


def test_latin1_text_is_text(backend: str) -> None:
    assert detect("Café, één, coördinatie\n".encode("cp1252"), "oud.txt").category == Category.TEXT


def test_category_of_every_extension_type_is_not_unknown() -> None:
    # Every type the name table can suggest belongs to a real category, so a mismatch warning
    # always compares two meaningful categories.
    assert {t for t in sniff._BY_EXTENSION.values() if category_of(t) is Category.UNKNOWN} == {
        "application/x-subrip"
    }


_NAMES = st.sampled_from(
    ["x", "a.png", "b.txt", "c.json", "d.zip", "e.eml", "f.mhtml", "g.docx", "h.m4a", ".mp3"]
)
_TEXTISH = st.text(max_size=300).map(lambda text: text.encode("utf-8"))
_PREFIXED = st.tuples(
    st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b"{",
            b"[",
            b"<",
            b"<?xml",
            b"From ",
            b"From: a\r\n",
            b"PK\x03\x04",
            b"\x89PNG\r\n\x1a\n",
            b"\xff\xd8\xff",
            b"\x00\x00\x00\x18ftypheic",
            b"\xd0\xcf\x11\xe0",
        ]
    ),
    st.binary(max_size=300),
).map(lambda parts: parts[0] + parts[1])


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2048), _TEXTISH, _PREFIXED), name=_NAMES)
def test_any_bytes_give_a_consistent_answer(backend: str, data: bytes, name: str) -> None:
    detected = detect(data, name)
    assert isinstance(detected, Detected)
    assert detected.media_type == detected.media_type.strip().lower()
    assert detected.category == category_of(detected.media_type)
    assert {w.code for w in detected.warnings} <= {"empty_file", "extension_mismatch"}
    for warning in detected.warnings:
        assert warning.format()
