"""Other files: type by content, and for saved web pages the title, the URL and the save time."""

from __future__ import annotations

import base64
import html
import io
import struct
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from typing import BinaryIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidence_kit.domain import ParseWarning, TimeSource, Timestamp
from evidence_kit.importers.files import PAGE_LIMIT, FileDescription, UrlSource, describe_file
from evidence_kit.importers.sniff import Category

URL_MISSING = (
    "The saved page {name} does not record the address (URL) it was saved from; write the address "
    "down yourself, with the date you saw it."
)


def _opener(data: bytes) -> Callable[[], BinaryIO]:
    return lambda: io.BytesIO(data)


def _describe(data: bytes, name: str) -> FileDescription:
    return describe_file(_opener(data), name)


def _ftyp(major: bytes, compatible: bytes) -> bytes:
    box = b"ftyp" + major + b"\x00\x00\x00\x00" + compatible
    return struct.pack(">I", len(box) + 4) + box + b"\x00\x00\x00\x08free"


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


OPUS = (
    b"OggS\x00\x02"
    + b"\x00" * 8
    + b"\x01\x00\x00\x00"
    + b"\x00" * 8
    + b"\x01\x13"
    + b"OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00"
)


@pytest.mark.parametrize(
    ("name", "data", "media_type", "category"),
    [
        (
            "aangifte.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n",
            "application/pdf",
            Category.PDF,
        ),
        ("video.mp4", _ftyp(b"mp42", b"mp42isom"), "video/mp4", Category.VIDEO),
        ("PTT-20240312-WA0001.opus", OPUS, "audio/ogg", Category.AUDIO),
        (
            "verklaring.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Category.OFFICE,
        ),
        ("zonder-naam", b"%PDF-1.4\n", "application/pdf", Category.PDF),
    ],
)
def test_plain_files_get_type_and_category_only(
    name: str, data: bytes, media_type: str, category: Category
) -> None:
    assert _describe(data, name) == FileDescription(media_type, category)


def test_empty_file() -> None:
    assert _describe(b"", "leeg.pdf") == FileDescription(
        "application/x-empty",
        Category.UNKNOWN,
        warnings=(
            ParseWarning(
                "empty_file",
                "{name} is empty (0 bytes); it is kept, but there is nothing in it to read.",
                (("name", "leeg.pdf"),),
            ),
        ),
    )


def test_garbage_named_html_is_not_read_as_a_page() -> None:
    described = _describe(bytes(range(256)) * 8, "pagina.html")
    assert (described.media_type, described.category, described.title, described.url) == (
        "application/octet-stream",
        Category.UNKNOWN,
        None,
        None,
    )
    assert [w.code for w in described.warnings] == ["extension_mismatch"]


# --- HTML -------------------------------------------------------------------------------------

CHROME_COMPLETE = (
    "<!DOCTYPE html>\n<!-- saved from url=(0047)https://social.example.com/anna.devries/post/42 -->\n"
    '<html lang="nl"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
    "<title>\n   Anna de Vries op Social:  &quot;Ik weet waar je woont&quot; \n</title>\n"
    '<link rel="canonical" href="https://social.example.com/p/42">\n'
    '<meta property="og:url" content="https://social.example.com/og/42">\n'
    "</head><body><svg><title>Icoon</title></svg>Ik weet waar je woont</body></html>"
)


def test_html_saved_page_title_and_saved_from_url() -> None:
    assert _describe(CHROME_COMPLETE.encode(), "Anna de Vries op Social.html") == FileDescription(
        "text/html",
        Category.WEB_PAGE,
        title='Anna de Vries op Social: "Ik weet waar je woont"',
        url="https://social.example.com/anna.devries/post/42",
        url_source=UrlSource.SAVED_FROM_COMMENT,
    )


def test_html_canonical_link_then_og_url() -> None:
    canonical = CHROME_COMPLETE.replace("<!-- saved from url=(0047)", "<!-- not ")
    described = _describe(canonical.encode(), "a.html")
    assert (described.url, described.url_source) == (
        "https://social.example.com/p/42",
        UrlSource.CANONICAL_LINK,
    )

    og_only = (
        '<html><head><meta content="https://social.example.com/og/42?a=1&amp;b=2" property="og:url">'
        "</head></html>"
    )
    described = _describe(og_only.encode(), "b.html")
    assert (described.url, described.url_source) == (
        "https://social.example.com/og/42?a=1&b=2",
        UrlSource.OG_URL,
    )


def test_html_without_url_warns_and_svg_title_is_not_the_page_title() -> None:
    page = b"<html><head></head><body><svg><title>Icoon</title></svg></body></html>"
    assert _describe(page, "pagina.htm") == FileDescription(
        "text/html",
        Category.WEB_PAGE,
        warnings=(ParseWarning("page_url_missing", URL_MISSING, (("name", "pagina.htm"),)),),
    )


def test_html_declared_legacy_charset() -> None:
    page = '<html><head><meta charset="windows-1252"><title>Één bericht – geweld</title></head></html>'
    described = _describe(page.encode("cp1252"), "oud.html")
    assert described.title == "Één bericht – geweld"


def test_html_in_utf16_with_bom() -> None:
    page = "\ufeff<!DOCTYPE html><html><head><title>Zażółć gęślą jaźń</title></head></html>"
    described = _describe(page.encode("utf-16-le"), "pl.html")
    assert (described.media_type, described.title) == ("text/html", "Zażółć gęślą jaźń")


def test_uncommon_text_in_titles(uncommon_text: tuple[str, ...]) -> None:
    for line in uncommon_text:
        page = f"<!DOCTYPE html><html><head><title>{html.escape(line)}</title></head></html>"
        described = _describe(page.encode("utf-8"), "u.html")
        assert described.title == " ".join(line.split())[:1000]


class _CountingStream(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


def test_title_past_the_read_limit_is_not_found_and_reading_stays_bounded() -> None:
    page = b"<!DOCTYPE html><html><head><style>" + b"a{}" * (PAGE_LIMIT // 3) + b"</style><title>laat</title>"
    opened: list[_CountingStream] = []

    def open_stream() -> BinaryIO:
        opened.append(_CountingStream(page))
        return opened[-1]

    described = describe_file(open_stream, "lang.html")
    assert described.title is None
    assert [stream.bytes_read for stream in opened] == [PAGE_LIMIT]  # never read past the limit
    assert opened[0].closed


@pytest.mark.parametrize(
    "page",
    [
        b"<html>" + b"<title " * 300_000,
        b"<html>" + b"<link " * 300_000,
        b"<html>" + b'<link rel="canonical" href=' + b"'" * 2_000_000,
        b"<html>" + b"<meta charset=" * 150_000,
        b"<html><title>" + b"&amp;" * 400_000,
        b"<html><!-- saved from url=(1)" + b"a" * 2_000_000,
    ],
)
def test_hostile_pages_are_scanned_in_linear_time(page: bytes) -> None:
    started = time.perf_counter()
    described = _describe(page, "x.html")
    assert time.perf_counter() - started < 5.0
    assert described.category is Category.WEB_PAGE
    assert described.title is None or len(described.title) <= 1000
    assert described.url is None or len(described.url) <= 4096


# --- MHTML ------------------------------------------------------------------------------------

MHTML_CHROME = (
    "From: <Saved by Blink>\r\n"
    "Snapshot-Content-Location: https://social.example.com/anna.devries?tab=posts\r\n"
    "Subject: =?utf-8?Q?Anna_de_Vries_=E2=80=94_profiel_=F0=9F=91=8D=F0=9F=8F=BD?=\r\n"
    "Date: Tue, 12 Mar 2024 10:15:00 +0100\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/related;\r\n"
    '\ttype="text/html";\r\n'
    '\tboundary="----MultipartBoundary--Ab12Cd34----"\r\n'
    "\r\n"
    "\r\n"
    "------MultipartBoundary--Ab12Cd34----\r\n"
    "Content-Type: text/html\r\n"
    "Content-ID: <frame-1@mhtml.blink>\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "Content-Location: https://social.example.com/anna.devries?tab=posts\r\n"
    "\r\n"
    '<!DOCTYPE html><html><head><meta charset=3D"utf-8"><title>Anna de Vries =E2=80=94 pr=\r\n'
    "ofiel</title></head><body>Bericht</body></html>\r\n"
    "------MultipartBoundary--Ab12Cd34----\r\n"
    "Content-Type: image/png\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Location: https://social.example.com/img/a.png\r\n"
    "\r\n"
    "iVBORw0KGgo=\r\n"
    "------MultipartBoundary--Ab12Cd34------\r\n"
)


def test_chrome_mhtml_gives_title_url_and_save_time() -> None:
    assert _describe(MHTML_CHROME.encode(), "Anna de Vries.mhtml") == FileDescription(
        "multipart/related",
        Category.WEB_PAGE,
        title="Anna de Vries — profiel 👍🏽",
        url="https://social.example.com/anna.devries?tab=posts",
        url_source=UrlSource.SNAPSHOT_CONTENT_LOCATION,
        saved_at=Timestamp(
            TimeSource.CONTENT,
            utc=datetime(2024, 3, 12, 9, 15, tzinfo=UTC),
            local=datetime(2024, 3, 12, 10, 15),
            offset_minutes=60,
        ),
    )


def _ie_mht(subject: str, date: str, encoded_page: str, encoding: str) -> bytes:
    return (
        "From: <Saved by Windows Internet Explorer 8>\r\n"
        f"{subject}"
        f"Date: {date}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000_0000"\r\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE\r\n"
        "\r\n"
        "This is a multi-part message in MIME format.\r\n"
        "\r\n"
        "------=_NextPart_000_0000\r\n"
        'Content-Type: text/html;\r\n\tcharset="windows-1252"\r\n'
        f"Content-Transfer-Encoding: {encoding}\r\n"
        "Content-Location: https://forum.example.com/topic/9?page=2\r\n"
        "\r\n"
        f"{encoded_page}\r\n"
        "------=_NextPart_000_0000--\r\n"
    ).encode()


def test_internet_explorer_mht_url_from_the_part_and_title_from_base64_html() -> None:
    page = "<html><head><title>Forum – één draad</title></head></html>".encode("cp1252")
    encoded = base64.encodebytes(page).decode("ascii").replace("\n", "\r\n")
    described = _describe(_ie_mht("", "Tue, 12 Mar 2024 10:15:00 -0000", encoded, "base64"), "forum.mht")
    assert described == FileDescription(
        "multipart/related",
        Category.WEB_PAGE,
        title="Forum – één draad",
        url="https://forum.example.com/topic/9?page=2",
        url_source=UrlSource.CONTENT_LOCATION,
        saved_at=Timestamp(
            TimeSource.CONTENT,
            local=datetime(2024, 3, 12, 10, 15),
            assumption="The saved page gives no time zone: this is the time as the browser wrote it.",
        ),
    )


def test_mht_with_a_bad_date_and_raw_utf8_subject() -> None:
    # 8-bit UTF-8 straight in the header, an encoded-word with an unknown charset, a date nobody can read.
    data = _ie_mht("Subject: Café =?bogus?Q?x?=\r\n", "gisteren", "<html></html>", "7bit")
    described = _describe(data, "x.mht")
    assert (described.title, described.saved_at) == ("Café =?bogus?Q?x?=", None)
    assert described.url == "https://forum.example.com/topic/9?page=2"


def test_mhtml_without_any_url_warns() -> None:
    data = MHTML_CHROME.replace("Snapshot-Content-Location", "X-Other").replace("Content-Location", "X-Loc")
    described = _describe(data.encode(), "zonder.mhtml")
    assert (described.url, described.url_source) == (None, None)
    assert described.warnings == (ParseWarning("page_url_missing", URL_MISSING, (("name", "zonder.mhtml"),)),)


# --- fuzz -------------------------------------------------------------------------------------

_PREFIXES = st.sampled_from(
    [
        b"",
        b"<html><head><title>",
        b"<!DOCTYPE html><!-- saved from url=(0010)",
        b'<html><link rel="canonical" href="',
        b"From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n",
        MHTML_CHROME.encode()[:300],
        b"%PDF-1.7\n",
    ]
)


@settings(max_examples=500, deadline=None)
@given(prefix=_PREFIXES, tail=st.one_of(st.binary(max_size=600), st.text(max_size=300).map(str.encode)))
def test_any_bytes_give_a_description(prefix: bytes, tail: bytes) -> None:
    described = _describe(prefix + tail, "fuzz.mhtml")
    assert isinstance(described, FileDescription)
    assert described.title is None or (0 < len(described.title) <= 1000)
    assert described.url is None or (0 < len(described.url) <= 4096)
    for warning in described.warnings:
        assert warning.code in {"empty_file", "extension_mismatch", "page_url_missing", "page_unreadable"}
        assert warning.format()
