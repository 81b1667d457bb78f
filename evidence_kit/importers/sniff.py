"""What a file is, decided by its content first and by its name only to break a tie.

Rule: the bytes decide. A victim's files arrive renamed, with missing or wrong extensions, and
an attacker can name anything `.png`; so the media type comes from the first bytes (libmagic
through python-magic when it can be loaded, our own signatures and the `filetype` package when
it cannot), and the extension only refines a family the content already established: a zip that
is a `.docx`, a compound file that is a `.msg`, plain text that is a `.csv` or `.json`, an
MPEG-4 file that is `.m4a` audio. Text formats (JSON, XML, HTML, MHTML, e-mail, mbox) are told
apart by our own stricter rules even when libmagic is present, because libmagic calls a chat
that merely contains the word `<title>` an HTML document. Weak, few-byte signatures (a Targa
"header", a bare MP3 frame sync) count only when the name agrees; otherwise the file is
`application/octet-stream`. `detect` never raises on any input.

libmagic comes from the Debian/Ubuntu package `libmagic1` (Fedora: `file-libs`; macOS:
`brew install libmagic`); `scripts/setup.sh` installs it. Without it the fallback still
recognises every format the importers read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PureWindowsPath

from evidence_kit.domain import ParseWarning

# How many leading bytes a caller should pass to `detect`: enough for libmagic to see the
# first members of an office zip and for the text rules to see a whole e-mail header block.
HEAD_SIZE = 64 * 1024

OCTET_STREAM = "application/octet-stream"
EMPTY = "application/x-empty"


class Category(StrEnum):
    """The coarse kind of a file, which decides the importer that reads it further."""

    IMAGE = "image"
    PDF = "pdf"
    VIDEO = "video"
    AUDIO = "audio"
    OFFICE = "office_document"
    WEB_PAGE = "web_page"  # HTML or an MHTML saved page
    ZIP = "zip"
    TEXT = "text"
    JSON = "json"
    XML = "xml"
    EMAIL = "email"  # one .eml message or an .mbox mailbox
    UNKNOWN = "unknown"  # anything else (other archives, programs, unrecognised bytes)


class Basis(StrEnum):
    """Which evidence decided the media type, for the import report."""

    LIBMAGIC = "libmagic"
    SIGNATURES = "signatures"  # our own rules or the filetype package
    FILE_NAME = "file_name"  # the content fixed the family, the extension the member of it


@dataclass(frozen=True)
class Detected:
    """The outcome of sniffing one file.

    `name_media_type` is what the extension alone would suggest (None for an unknown or no
    extension); it is kept so the report can show a mismatch, never to override the content.
    """

    media_type: str
    category: Category
    basis: Basis
    name_media_type: str | None = None
    warnings: tuple[ParseWarning, ...] = ()


# --- media types and categories ---------------------------------------------------------------

# Different spellings of one type, from libmagic versions and the filetype package.
_ALIASES: dict[str, str] = {
    "image/x-ms-bmp": "image/bmp",
    "image/x-bmp": "image/bmp",
    "image/jpg": "image/jpeg",
    "image/pjpeg": "image/jpeg",
    "audio/x-wav": "audio/wav",
    "audio/wave": "audio/wav",
    "audio/vnd.wave": "audio/wav",
    "audio/x-m4a": "audio/mp4",
    "audio/m4a": "audio/mp4",
    "audio/x-flac": "audio/flac",
    "application/x-pdf": "application/pdf",
    "text/xml": "application/xml",
    "application/x-zip-compressed": "application/zip",
    "inode/x-empty": EMPTY,
    "text/rtf": "application/rtf",
    "text/x-vcard": "text/vcard",
    "message/x-mhtml": "multipart/related",
    "application/x-mimearchive": "multipart/related",
}

_OFFICE_TYPES = frozenset(
    {
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.ms-outlook",
        "application/vnd.ms-office",
        "application/x-ole-storage",
        "application/cdfv2",
        "application/rtf",
        "application/epub+zip",
        "application/vnd.apple.pages",
        "application/vnd.apple.numbers",
        "application/vnd.apple.keynote",
    }
)
_OFFICE_PREFIXES = ("application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.")
_WEB_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "multipart/related"})
_EMAIL_TYPES = frozenset({"message/rfc822", "application/mbox"})


def category_of(media_type: str) -> Category:
    """The category of a media type (lower case, no parameters)."""
    if media_type == "image/svg+xml":
        return Category.XML  # markup, not pixels: the image reader cannot and must not render it
    if media_type.startswith("image/"):
        return Category.IMAGE
    if media_type == "application/pdf":
        return Category.PDF
    if media_type.startswith("video/"):
        return Category.VIDEO
    if media_type.startswith("audio/") or media_type == "application/ogg":
        return Category.AUDIO
    if media_type in _OFFICE_TYPES or media_type.startswith(_OFFICE_PREFIXES):
        return Category.OFFICE
    if media_type in _WEB_PAGE_TYPES:
        return Category.WEB_PAGE
    if media_type == "application/zip":
        return Category.ZIP
    if media_type == "application/json":
        return Category.JSON
    if media_type == "application/xml" or media_type.endswith("+xml"):
        return Category.XML
    if media_type in _EMAIL_TYPES:
        return Category.EMAIL
    if media_type.startswith("text/"):
        return Category.TEXT
    return Category.UNKNOWN


# What an extension suggests. Our own table, not `mimetypes`: that module reads the Windows
# registry and /etc/mime.types, so its answers differ from one computer to the next.
_BY_EXTENSION: dict[str, str] = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "jpe": "image/jpeg",
    "jfif": "image/jpeg",
    "heic": "image/heic",
    "heif": "image/heif",
    "avif": "image/avif",
    "webp": "image/webp",
    "gif": "image/gif",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "bmp": "image/bmp",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "mp4": "video/mp4",
    "m4v": "video/x-m4v",
    "mov": "video/quicktime",
    "3gp": "video/3gpp",
    "mkv": "video/x-matroska",
    "webm": "video/webm",
    "avi": "video/x-msvideo",
    "wmv": "video/x-ms-wmv",
    "mpg": "video/mpeg",
    "mpeg": "video/mpeg",
    "ogv": "video/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/ogg",
    "weba": "audio/webm",
    "wav": "audio/wav",
    "flac": "audio/flac",
    "amr": "audio/amr",
    "aiff": "audio/x-aiff",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "msg": "application/vnd.ms-outlook",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "epub": "application/epub+zip",
    "rtf": "application/rtf",
    "html": "text/html",
    "htm": "text/html",
    "xhtml": "application/xhtml+xml",
    "mht": "multipart/related",
    "mhtml": "multipart/related",
    "zip": "application/zip",
    "txt": "text/plain",
    "text": "text/plain",
    "log": "text/plain",
    "md": "text/markdown",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "vcf": "text/vcard",
    "ics": "text/calendar",
    "srt": "application/x-subrip",
    "vtt": "text/vtt",
    "json": "application/json",
    "xml": "application/xml",
    "eml": "message/rfc822",
    "mbox": "application/mbox",
}

# Content family -> extensions allowed to pick the exact member of that family.
_ZIP_MEMBERS = frozenset({"docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"})
_COMPOUND_FILE_TYPES = frozenset(
    {
        "application/x-ole-storage",
        "application/cdfv2",
        "application/vnd.ms-office",
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.ms-outlook",
    }
)
_COMPOUND_FILE_MEMBERS = frozenset({"doc", "xls", "ppt", "msg"})
# fmt: off
_TEXT_MEMBERS = frozenset(
    {"csv", "tsv", "json", "xml", "html", "htm", "xhtml", "eml", "mbox", "mht", "mhtml", "vcf", "ics", "md",
     "srt", "vtt"}
)
# fmt: on
_MIME_DOCUMENTS = frozenset({"message/rfc822", "multipart/related"})
_REFINE_EXACT: dict[tuple[str, str], str] = {
    ("video/mp4", "m4a"): "audio/mp4",
    ("video/mp4", "aac"): "audio/mp4",
    ("video/webm", "weba"): "audio/webm",
    ("audio/ogg", "ogv"): "video/ogg",
    ("application/ogg", "ogg"): "audio/ogg",
    ("application/ogg", "oga"): "audio/ogg",
    ("application/ogg", "opus"): "audio/ogg",
    ("application/ogg", "ogv"): "video/ogg",
}

# Answers that rest on two or three bytes (or on none: Targa has no magic number), which random
# data matches often. They count only when the extension says the same.
_WEAK_TYPES = frozenset(
    {
        "image/x-tga",
        "image/x-award-bioslogo",
        "image/vnd.dwg",
        "audio/x-mp4a-latm",
        "audio/x-hx-aac-adts",
        "audio/aac",
        "audio/x-syx",
    }
)


def _is_weak(media_type: str, head: bytes) -> bool:
    if media_type in _WEAK_TYPES:
        return True
    if media_type == "audio/mpeg":
        return not head.startswith(b"ID3")  # a bare frame sync is two bytes
    if media_type == "image/jxl":
        return head.startswith(b"\xff\x0a")  # a bare codestream, not the boxed container
    return False


def _normalise(media_type: str) -> str:
    bare = media_type.split(";", 1)[0].strip().lower()
    return _ALIASES.get(bare, bare)


def _extension(name: str) -> str:
    # PureWindowsPath splits on both / and \, whichever system the name came from.
    return PureWindowsPath(name).suffix.lower().lstrip(".")


# --- content: libmagic ------------------------------------------------------------------------

LibmagicSniffer = Callable[[bytes], str]


def _load_libmagic() -> LibmagicSniffer | None:
    """python-magic's `from_buffer`, or None when python-magic or libmagic cannot be loaded."""
    try:
        import magic  # python-magic: raises ImportError when libmagic itself is missing
    except (ImportError, OSError):
        return None

    def from_buffer(head: bytes) -> str:
        return str(magic.from_buffer(head, mime=True))

    return from_buffer


# Tests replace this with None to prove the fallback works on a computer without libmagic.
_LIBMAGIC: LibmagicSniffer | None = _load_libmagic()


def uses_libmagic() -> bool:
    """Whether sniffing runs on libmagic here (for `evidence-kit` diagnostics)."""
    return _LIBMAGIC is not None


def _by_libmagic(head: bytes) -> str | None:
    if _LIBMAGIC is None:
        return None
    try:
        answer = _LIBMAGIC(head)
    except Exception:  # libmagic's MagicException or anything odd in the binding: fall back
        return None
    return _normalise(answer) if answer else None


# --- content: our own signatures --------------------------------------------------------------


_COMPOUND_FILE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")  # Microsoft Compound File (OLE2)


def _by_binary_signature(head: bytes) -> str | None:
    """Binary formats without libmagic: ISO-BMFF brands ourselves, the rest by `filetype`."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        major = head[8:12]
        compatible = head[16:64]
        if major in (b"heic", b"heix", b"heim", b"heis"):
            return "image/heic"
        if major in (b"hevc", b"hevx"):
            return "image/heic-sequence"
        if major in (b"avif", b"avis"):
            return "image/avif"
        if major in (b"mif1", b"msf1"):
            if b"avif" in compatible:
                return "image/avif"
            return "image/heic" if b"heic" in compatible else "image/heif"
        if major.startswith(b"3gp"):
            return "video/3gpp"
        if major.startswith(b"3g2"):
            return "video/3gpp2"
        if major == b"qt  ":
            return "video/quicktime"
        if major in (b"M4A ", b"M4B "):
            return "audio/mp4"
    try:
        import filetype  # type: ignore[import-untyped]  # the package ships no type hints

        kind = filetype.guess(head)
    except Exception:  # an optional helper that failed on odd bytes must not stop the import
        kind = None
    if kind is not None:
        return _normalise(str(kind.mime))
    if head.startswith(_COMPOUND_FILE_MAGIC):
        return "application/x-ole-storage"  # .doc/.xls/.ppt/.msg: the extension tells which
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_JSON_START = re.compile(
    r"""\{\s*["}]"""
    r"""|\[\s*(?:[\]{\["]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*(?:[,\]]|$)|(?:true|false|null)\b)"""
)
_HEADER_LINE = re.compile(r"([!-9;-~]+):(.*)")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:._-]*)")
_HTML_ROOTS = frozenset({"html", "head", "body", "title", "meta"})
# fmt: off
_EMAIL_HEADERS = frozenset(
    {"from", "to", "cc", "bcc", "subject", "date", "message-id", "received", "return-path", "delivered-to",
     "mime-version", "content-type", "reply-to", "in-reply-to", "references", "x-mailer", "dkim-signature",
     "authentication-results", "sender", "user-agent", "content-transfer-encoding", "x-mozilla-status",
     "x-gmail-labels", "thread-topic", "arc-seal", "x-original-to", "envelope-to"}
)
# fmt: on
_EMAIL_ANCHORS = frozenset({"from", "received", "return-path", "message-id", "delivered-to", "date"})
_MAIL_TRANSPORT = frozenset({"received", "message-id", "to", "delivered-to", "return-path"})


def _decode_text(head: bytes) -> str | None:
    """The head as text, or None when it is not text (NULs, control characters)."""
    if head.startswith(b"\xef\xbb\xbf"):
        data, codec = head[3:], "utf-8"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")) and not head.startswith(b"\xff\xfe\x00\x00"):
        data, codec = head[: len(head) - len(head) % 2], "utf-16"
    else:
        data, codec = head, "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "utf-8" and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            text = data[: exc.start].decode("utf-8")  # the head cut a character in two
        elif codec == "utf-8":
            text = data.decode("latin-1")  # a legacy 8-bit text (cp1252 and friends)
        else:
            return None
    if "\x00" in text:
        return None
    if text and len(_CONTROL.findall(text)) * 20 > len(text):
        return None  # more than 5 % control characters: binary, not text
    return text


def _header_block(text: str) -> list[tuple[str, str]]:
    """The RFC 5322 header fields at the start of `text` (empty if the first line is none)."""
    fields: list[tuple[str, str]] = []
    for line in text.splitlines()[:500]:
        if not line:
            break
        if line[0] in " \t":
            if not fields:
                return []
            name, value = fields[-1]
            fields[-1] = (name, value + " " + line.strip())
            continue
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            break
        fields.append((match.group(1).lower(), match.group(2).strip()))
    return fields


def _email_like(text: str) -> str | None:
    """message/rfc822, multipart/related (MHTML) or application/mbox, from the header block."""
    body = text.lstrip("\r\n")
    if body.startswith("From "):
        first, _, rest = body.partition("\n")
        if re.match(r"From \S+", first) and len({n for n, _ in _header_block(rest)} & _EMAIL_HEADERS) >= 1:
            return "application/mbox"
        return None
    fields = _header_block(body)
    names = {name for name, _ in fields}
    values = dict(fields)
    if values.get("content-type", "").lower().startswith("multipart/related") and (
        "snapshot-content-location" in names
        or "saved by" in values.get("from", "").lower()
        or not names & _MAIL_TRANSPORT
    ):
        return "multipart/related"  # a saved web page, not a mail with inline pictures
    if len(names & _EMAIL_HEADERS) >= 2 and names & _EMAIL_ANCHORS:
        return "message/rfc822"
    return None


def _markup(text: str) -> str | None:
    """text/html, image/svg+xml or application/xml when `text` starts as markup."""
    rest = text.lstrip()
    declared_xml = rest.startswith("<?xml")
    for _ in range(50):  # skip the prolog: declaration, comments, doctype, processing instructions
        rest = rest.lstrip()
        if rest.startswith("<!--"):
            end = rest.find("-->")
            if end < 0:
                return None
            rest = rest[end + 3 :]
        elif rest[:9].lower() == "<!doctype":
            if rest[9:].lstrip()[:4].lower() == "html":
                return "text/html"
            end = rest.find(">")
            if end < 0:
                return None
            rest = rest[end + 1 :]
        elif rest.startswith("<?"):
            end = rest.find("?>")
            if end < 0:
                return None
            rest = rest[end + 2 :]
        else:
            break
    match = _TAG.match(rest)
    if match is None:
        return None
    root = match.group(1)
    if root.lower() in _HTML_ROOTS:
        return "text/html"
    if root.lower() == "svg":
        return "image/svg+xml"
    if declared_xml or f"</{root}>" in text or "xmlns" in rest[:1000]:
        return "application/xml"
    return None


def _by_text_signature(head: bytes) -> str | None:
    """Our own rules for text: a specific text type, "text/plain", or None when not text."""
    text = _decode_text(head)
    if text is None:
        return None
    stripped = text.lstrip()
    if _JSON_START.match(stripped):
        return "application/json"
    if stripped.startswith("<"):
        return _markup(text) or "text/plain"
    return _email_like(text) or "text/plain"


# libmagic answers that only say "some text": our own text rules decide instead.
_LIBMAGIC_TEXTUAL = frozenset(
    {
        "application/json",
        "application/xml",
        "message/rfc822",
        "application/mbox",
        "multipart/related",
        "text/html",
        "application/x-wine-extension-ini",
        "application/javascript",
        "application/x-setupscript",
        "application/x-empty",
    }
)
# Specific text types libmagic knows and our rules do not.
_LIBMAGIC_KEEP = frozenset({"text/csv", "text/calendar", "text/vcard", "text/tab-separated-values"})


def _by_content(head: bytes) -> tuple[str, Basis]:
    text_type = _by_text_signature(head)
    magic_type = _by_libmagic(head)
    if magic_type is None:
        return _by_binary_signature(head) or text_type or OCTET_STREAM, Basis.SIGNATURES
    textual = magic_type.startswith("text/") or magic_type in _LIBMAGIC_TEXTUAL or magic_type == OCTET_STREAM
    if textual and text_type is not None and magic_type not in _LIBMAGIC_KEEP:
        if text_type == magic_type:
            return magic_type, Basis.LIBMAGIC
        return text_type, Basis.SIGNATURES
    return magic_type, Basis.LIBMAGIC


def _refine_by_name(content: str, extension: str, head: bytes) -> str | None:
    """The extension's type when it names a member of the content's family, else None."""
    if content == "application/zip" and extension in _ZIP_MEMBERS:
        return _BY_EXTENSION[extension]
    if content in _COMPOUND_FILE_TYPES and extension in _COMPOUND_FILE_MEMBERS:
        return _BY_EXTENSION[extension]
    if content == "text/plain" and extension in _TEXT_MEMBERS:
        return _BY_EXTENSION[extension]
    if content in _MIME_DOCUMENTS and extension in ("eml", "mht", "mhtml"):
        return _BY_EXTENSION[extension]
    if (content, extension) in _REFINE_EXACT:
        return _REFINE_EXACT[(content, extension)]
    if _is_weak(content, head) and _BY_EXTENSION.get(extension) == content:
        return content
    return None


# --- the public entry point -------------------------------------------------------------------

_EMPTY_WARNING = "{name} is empty (0 bytes); it is kept, but there is nothing in it to read."
_MISMATCH_WARNING = "The name of {name} suggests {expected}, but its content is {found}."


def detect(head: bytes, name: str) -> Detected:
    """Sniff a file from its first bytes (pass up to `HEAD_SIZE`) and its name.

    An empty `head` means an empty file. Never raises.
    """
    extension = _extension(name)
    name_type = _BY_EXTENSION.get(extension)
    if not head:
        warning = ParseWarning("empty_file", _EMPTY_WARNING, (("name", name),))
        return Detected(EMPTY, Category.UNKNOWN, Basis.SIGNATURES, name_type, (warning,))

    media_type, basis = _by_content(head)
    refined = _refine_by_name(media_type, extension, head)
    if refined is not None:
        if refined != media_type:
            media_type, basis = refined, Basis.FILE_NAME
    elif _is_weak(media_type, head):
        media_type = OCTET_STREAM

    category = category_of(media_type)
    warnings: tuple[ParseWarning, ...] = ()
    if name_type is not None and category_of(name_type) != category:
        warnings = (
            ParseWarning(
                "extension_mismatch",
                _MISMATCH_WARNING,
                (("name", name), ("expected", name_type), ("found", media_type)),
            ),
        )
    return Detected(media_type, category, basis, name_type, warnings)
