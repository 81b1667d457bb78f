"""Any other file (PDF, video, audio, office documents, saved web pages): what it is, cheaply.

Rule: describe, never run or render. A file is stored as-is; here we only sniff its type from its
first bytes and, for a saved web page, read the few facts police ask for: the page title, the
address (URL) it was saved from, and for MHTML the time the browser saved it. Those are found
with bounded, linear scans of at most `PAGE_LIMIT` bytes (no HTML engine, no script, no network,
no fetching of the URL); the address is reported as the page states it, never visited.
`describe_file` never raises for what is in the file.

PDF page counts are left out on purpose: it would take a full PDF parser (another large parser of
untrusted input with a history of denial-of-service bugs) for a number the dossier does not need.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email.errors
import email.header
import email.message
import email.parser
import email.utils
import html
import quopri
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from evidence_kit.domain import ParseWarning, TimeSource, Timestamp
from evidence_kit.importers.sniff import HEAD_SIZE, Category, detect

# How much of a saved page we read to find its title and address. They sit at the top; a page
# that hides them further down after megabytes of inline styles is reported without them.
PAGE_LIMIT = 2 * 1024 * 1024
_TITLE_MAX = 1000
_URL_MAX = 4096

NO_TIME_ZONE = "The saved page gives no time zone: this is the time as the browser wrote it."

_URL_MISSING = (
    "The saved page {name} does not record the address (URL) it was saved from; write the address "
    "down yourself, with the date you saw it."
)
_PAGE_UNREADABLE = "The title and address of the saved page {name} could not be read: {detail}"


class UrlSource(StrEnum):
    """Where a saved page's URL was found (stable machine-readable names)."""

    SNAPSHOT_CONTENT_LOCATION = "snapshot_content_location"  # MHTML top header (Chrome, Edge)
    CONTENT_LOCATION = "content_location"  # MHTML part header (Internet Explorer, Word, Chrome)
    SAVED_FROM_COMMENT = "saved_from_comment"  # <!-- saved from url=(0041)https://... -->
    CANONICAL_LINK = "canonical_link"  # <link rel="canonical" href=...>, the site's own claim
    OG_URL = "og_url"  # <meta property="og:url" content=...>, the site's own claim


@dataclass(frozen=True)
class FileDescription:
    """What we can say about a stored file without opening it in anything (derived data).

    `title`, `url` and `saved_at` are set for saved web pages only. `url_source` names where the
    URL was found; `saved_at` is the MHTML `Date:` header, a content time.
    """

    media_type: str
    category: Category
    title: str | None = None
    url: str | None = None
    url_source: UrlSource | None = None
    saved_at: Timestamp | None = None
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True)
class _PageFacts:
    title: str | None = None
    url: str | None = None
    url_source: UrlSource | None = None
    saved_at: Timestamp | None = None


def describe_file(open_stream: Callable[[], BinaryIO], name: str) -> FileDescription:
    """Sniff a file and, for a saved web page, read its title, URL and save time.

    `open_stream` returns a fresh binary stream of the original; it is opened once and closed.
    Errors of that stream itself (the disk, the vault) are the caller's and pass through.
    """
    with open_stream() as stream:
        head = _read(stream, HEAD_SIZE)
        detected = detect(head, name)
        if detected.category is not Category.WEB_PAGE:
            return FileDescription(detected.media_type, detected.category, warnings=detected.warnings)
        data = head + _read(stream, PAGE_LIMIT - len(head)) if len(head) == HEAD_SIZE else head

    warnings = list(detected.warnings)
    try:
        if detected.media_type == "multipart/related":
            facts = _mhtml_facts(data)
        else:
            facts = _html_facts(_decode_html(data, None))
    except Exception as exc:  # a scan of hostile bytes must not stop the import: report, keep going
        facts = _PageFacts()
        warnings.append(_warning("page_unreadable", _PAGE_UNREADABLE, name=name, detail=str(exc)[:500]))
    if facts.url is None:
        warnings.append(_warning("page_url_missing", _URL_MISSING, name=name))
    return FileDescription(
        detected.media_type,
        detected.category,
        title=facts.title,
        url=facts.url,
        url_source=facts.url_source,
        saved_at=facts.saved_at,
        warnings=tuple(warnings),
    )


def _warning(code: str, template: str, **params: str) -> ParseWarning:
    return ParseWarning(code, template, tuple(params.items()))


def _read(stream: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes; short reads (pipes, decrypting readers) are read on."""
    parts: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


# --- HTML -------------------------------------------------------------------------------------

# Every pattern is bounded ({0,N}) so a hostile page cannot make a scan quadratic.
_TITLE_OPEN = re.compile(rb"<title(?:\s[^<>]{0,2000})?>|<svg\b", re.IGNORECASE)
_TITLE_CLOSE = re.compile(rb"</title\s{0,100}>", re.IGNORECASE)
_SAVED_FROM = re.compile(rb"<!--\s{0,100}saved from url=\(\d{1,5}\)([^\s<>]{1,4096})", re.IGNORECASE)
_TAG = re.compile(rb"<(link|meta)\b([^<>]{0,4000})>", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    rb"""([a-zA-Z_:][-a-zA-Z0-9_:.]{0,100})\s*=\s*("[^"]{0,8000}"|'[^']{0,8000}'|[^\s"'<>]{1,8000})"""
)
_META_CHARSET = re.compile(
    rb"""<meta\b[^<>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _decode_html(data: bytes, declared: str | None) -> str:
    """HTML bytes as text: BOM, then the declared charset, then <meta charset>, then UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    charset = declared
    if charset is None:
        match = _META_CHARSET.search(data[:4096])
        charset = match.group(1).decode("ascii") if match else None
    return data.decode(_codec(charset), "replace")


def _codec(charset: str | None) -> str:
    if charset:
        try:
            name = codecs.lookup(charset).name
        except LookupError:
            return "utf-8"
        # A page declares "utf-16" when it was transcoded to UTF-8 on save; we saw no UTF-16 BOM.
        return "utf-8" if name.startswith("utf-16") or name == "utf-7" else name
    return "utf-8"


def _html_facts(text: str) -> _PageFacts:
    data = text.encode("utf-8", "replace")
    url, source = _html_url(data)
    return _PageFacts(title=_html_title(data), url=url, url_source=source)


def _html_title(data: bytes) -> str | None:
    """The first <title> element's text, not one of an inline <svg> picture."""
    opening = _TITLE_OPEN.search(data)
    if opening is None or opening.group(0).lower().startswith(b"<svg"):
        return None
    closing = _TITLE_CLOSE.search(data, opening.end())
    end = closing.start() if closing else min(len(data), opening.end() + 4 * _TITLE_MAX)
    return _clean_title(html.unescape(data[opening.end() : end].decode("utf-8", "replace")))


def _clean_title(raw: str) -> str | None:
    title = " ".join(raw.split())  # HTML shows a title's whitespace as single spaces
    return title[:_TITLE_MAX] or None


def _html_url(data: bytes) -> tuple[str | None, UrlSource | None]:
    saved = _SAVED_FROM.search(data[:HEAD_SIZE])
    if saved is not None:
        return _clean_url(saved.group(1)), UrlSource.SAVED_FROM_COMMENT
    canonical: str | None = None
    og_url: str | None = None
    for tag in _TAG.finditer(data):
        attributes = _attributes(tag.group(2))
        if tag.group(1).lower() == b"link" and "canonical" in attributes.get("rel", "").lower().split():
            canonical = canonical or _clean_url(attributes.get("href", "").encode())
        elif tag.group(1).lower() == b"meta" and attributes.get("property", "").lower() == "og:url":
            og_url = og_url or _clean_url(attributes.get("content", "").encode())
    if canonical:
        return canonical, UrlSource.CANONICAL_LINK
    if og_url:
        return og_url, UrlSource.OG_URL
    return None, None


def _attributes(raw: bytes) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(raw):
        key = match.group(1).decode("ascii", "replace").lower()
        value = match.group(2).decode("utf-8", "replace").strip("\"'")
        found.setdefault(key, html.unescape(value))
    return found


def _clean_url(raw: bytes) -> str | None:
    url = html.unescape(raw.decode("utf-8", "replace")).strip()
    return url[:_URL_MAX] or None


# --- MHTML ------------------------------------------------------------------------------------

_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


def _mhtml_facts(data: bytes) -> _PageFacts:
    """Title, URL and save time of an MHTML page from its top headers and first (HTML) part."""
    split = _BLANK_LINE.search(data, 0, HEAD_SIZE)
    header_end = split.start() if split else min(len(data), HEAD_SIZE)
    top = email.parser.BytesHeaderParser().parsebytes(data[:header_end] + b"\r\n\r\n")
    fields = _raw_fields(top)

    url = _header_text(fields.get("snapshot-content-location"))
    source = UrlSource.SNAPSHOT_CONTENT_LOCATION if url else None
    title = _clean_title(_header_text(fields.get("subject")) or "")
    saved_at = _saved_at(fields.get("date"))

    body = data[split.end() :] if split else b""
    boundary = top.get_param("boundary")
    part_headers, part_body = _first_part(body, boundary if isinstance(boundary, str) else None)
    if part_headers is not None:
        if url is None:
            url = _header_text(_raw_fields(part_headers).get("content-location"))
            source = UrlSource.CONTENT_LOCATION if url else None
        page = _part_text(part_headers, part_body)
        if page is not None:
            facts = _html_facts(page)
            title = title or facts.title
            if url is None and facts.url is not None:
                url, source = facts.url, facts.url_source
    if url is None:
        url = _header_text(fields.get("content-location"))
        source = UrlSource.CONTENT_LOCATION if url else None
    return _PageFacts(title=title, url=url[:_URL_MAX] if url else None, url_source=source, saved_at=saved_at)


def _raw_fields(message: email.message.Message) -> dict[str, str]:
    """Header name (lower case) -> its first value, raw 8-bit bytes read as UTF-8."""
    fields: dict[str, str] = {}
    for name, value in message.raw_items():
        # The parser keeps bytes that are not ASCII as surrogates; most are UTF-8 in practice.
        text = str(value).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        fields.setdefault(name.lower(), text)
    return fields


def _header_text(raw: str | None) -> str | None:
    """A header as text, RFC 2047 encoded-words decoded where they are well formed."""
    if raw is None:
        return None
    try:
        text = str(email.header.make_header(email.header.decode_header(raw)))
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        text = raw
    text = " ".join(text.split())
    return text or None


def _saved_at(value: str | None) -> Timestamp | None:
    text = _header_text(value)
    if text is None:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # "-0000": RFC 5322's "time zone not known"
        return Timestamp(source=TimeSource.CONTENT, local=moment, assumption=NO_TIME_ZONE)
    try:
        return Timestamp.from_aware(moment, TimeSource.CONTENT)
    except OverflowError:
        return Timestamp(
            source=TimeSource.CONTENT, local=moment.replace(tzinfo=None), assumption=NO_TIME_ZONE
        )


def _first_part(body: bytes, boundary: str | None) -> tuple[email.message.Message | None, bytes]:
    """The headers and (bounded) body of the first part after the MIME boundary."""
    if not boundary:
        return None, b""
    delimiter = b"--" + boundary.encode("utf-8", "surrogateescape")
    start = body.find(delimiter)
    line_end = body.find(b"\n", start) if start >= 0 else -1
    if line_end < 0:
        return None, b""
    rest = body[line_end + 1 :]
    if rest.startswith((b"\r\n", b"\n")):  # a part without headers
        header_bytes, part = b"", rest[rest.find(b"\n") + 1 :]
    else:
        split = _BLANK_LINE.search(rest, 0, HEAD_SIZE)
        if split is None:
            return None, b""
        header_bytes, part = rest[: split.start()], rest[split.end() :]
    headers = email.parser.BytesHeaderParser().parsebytes(header_bytes + b"\r\n\r\n")
    next_delimiter = part.find(delimiter)
    return headers, part if next_delimiter < 0 else part[:next_delimiter]


def _part_text(headers: email.message.Message, body: bytes) -> str | None:
    content_type = headers.get_content_type()
    if content_type not in ("text/html", "application/xhtml+xml"):
        return None
    encoding = str(headers.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding == "quoted-printable":
        body = quopri.decodestring(body)
    elif encoding == "base64":
        compact = re.sub(rb"[^A-Za-z0-9+/=]", b"", body)
        try:
            body = base64.b64decode(compact[: len(compact) - len(compact) % 4])
        except (binascii.Error, ValueError):
            return None
    charset = headers.get_content_charset()
    return _decode_html(body, charset)
