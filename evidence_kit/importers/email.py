"""E-mail: one message (`.eml`, FORMAT "email") or a mailbox of many (`.mbox`, FORMAT "mbox").

Rule: an e-mail is untrusted input and its headers are claims, so this module shows what the
message says, never more: the Date is the sender's clock as written, the Received chain and
Authentication-Results are what servers on the way wrote (the top ones by the receiving side,
the lower ones forgeable by the sender), and a DKIM or PGP signature is reported as *present,
not verified* because this program does not verify signatures. Nothing here crashes on a
malformed message: a header the standard library cannot parse is shown as written with a
warning, a bad Date gives no time and a warning.

One `read()` serves both formats, deciding by content: a file whose first line starts with
`From ` is an mbox, split exactly where Python's `mailbox.mbox` splits it (every line starting
with `From `, also an unescaped one inside a body, is a separator; a blank line before it
belongs to the separator; here a CRLF line counts as blank on every platform, as it does for
Python on Windows; `>From ` lines are left as written). A piece that then has no header fields
is kept as a message with no sender whose text is the piece as written, with a warning that
names the line. mbox messages keep the file's (arrival) order; Date headers are the senders'
claims and do not reorder them.

Body text follows what a mail program shows: of a multipart/alternative the text/plain version
(else the HTML one, reduced to its text), of multipart/mixed every inline text part in order
(joined by a newline), of multipart/signed the signed part (the signature is an attachment).
A nested multipart that reuses its parent's boundary (old Outlook Express) is repaired: the
parts the parser lost to the epilogue are recovered. Attachments become `AttachmentRef`s and
in-memory `EmbeddedFile`s, named by their decoded file name (RFC 2231 and RFC 2047), made unique
within the export by " (2)", " (3)" before the extension.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import functools
import io
import itertools
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.generator import BytesGenerator
from email.message import Message as MimeMessage
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    EmbeddedFile,
    Message,
    ParsedExport,
    ParseWarning,
    Participant,
)
from evidence_kit.errors import FileUnreadableError, ImportFormatError
from evidence_kit.importers.common import numbered_unique

FORMAT = "email"
MBOX_FORMAT = "mbox"
FORMATS: tuple[str, ...] = (FORMAT, MBOX_FORMAT)

MAX_INPUT = 256 * 1024 * 1024  # the protocol's cap for exports parsed in memory
MAX_EMBEDDED_TOTAL = 256 * 1024 * 1024  # attachments held in memory, never in temp files
MAX_DEPTH = 32  # MIME nesting read; deeper parts stay only in the stored original

NOT_VERIFIED = "present; not verified"
_TOO_LARGE = "too large to parse as e-mail; stored as a plain file"

_POLICY = email.policy.default
_BIDI_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = str.maketrans(dict.fromkeys(map(ord, _BIDI_MARKS)))
_HEADER_LINE = re.compile(rb"[!-9;-~]+:")
_KNOWN_HEADERS = frozenset(
    {
        b"from",
        b"to",
        b"cc",
        b"date",
        b"subject",
        b"message-id",
        b"received",
        b"return-path",
        b"mime-version",
        b"content-type",
        b"authentication-results",
        b"dkim-signature",
        b"delivered-to",
        b"reply-to",
        b"in-reply-to",
        b"x-mailer",
        b"user-agent",
        b"sender",
        b"references",
    }
)
_TEXT_HEADERS = frozenset({"from", "to", "cc", "date", "subject", "message-id", "sender", "reply-to"})


# ---------------------------------------------------------------------------------------------
# Evidence headers, typed
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedHop:
    """One `Received:` header: `text` unfolded as written, `date_utc` from the time after its last ";"."""

    text: str
    date_utc: datetime | None = None


@dataclass(frozen=True)
class DkimSignature:
    """A `DKIM-Signature:` header's presence and identity. `verified` is always False here:
    this program does not check DKIM signatures, so it never claims one is valid."""

    domain: str | None  # d=
    selector: str | None  # s=
    algorithm: str | None = None  # a=
    verified: bool = False

    def summary(self) -> str:
        return f"d={self.domain or '?'}; s={self.selector or '?'} ({NOT_VERIFIED})"


@dataclass(frozen=True)
class EmailHeaders:
    """The headers of one e-mail that matter as evidence, decoded (RFC 2047) and unfolded.

    `date` is the Date header as written; `date_local` its wall time and `date_utc` the same
    moment in UTC when the header parses (and has a valid offset). `received` is in header
    order: the hop nearest the recipient first.
    """

    from_: tuple[Participant, ...] = ()
    to: tuple[Participant, ...] = ()
    cc: tuple[Participant, ...] = ()
    reply_to: tuple[Participant, ...] = ()
    date: str | None = None
    date_local: datetime | None = None
    date_utc: datetime | None = None
    subject: str | None = None
    message_id: str | None = None
    in_reply_to: str | None = None
    received: tuple[ReceivedHop, ...] = ()
    authentication_results: tuple[str, ...] = ()
    return_path: str | None = None
    dkim_signatures: tuple[DkimSignature, ...] = ()

    def flatten(self) -> tuple[tuple[str, str], ...]:
        """The headers as (name, value) pairs for `Conversation.extra`, in a fixed order."""
        pairs: list[tuple[str, str]] = []
        people_headers = (("From", self.from_), ("To", self.to), ("Cc", self.cc), ("Reply-To", self.reply_to))
        for name, people in people_headers:
            pairs.extend((name, _show(person)) for person in people)
        for name, value in (
            ("Date", self.date),
            ("Subject", self.subject),
            ("Message-ID", self.message_id),
            ("In-Reply-To", self.in_reply_to),
            ("Return-Path", self.return_path),
        ):
            if value is not None:
                pairs.append((name, value))
        pairs.extend(("Received", hop.text) for hop in self.received)
        pairs.extend(("Authentication-Results", value) for value in self.authentication_results)
        pairs.extend(("DKIM-Signature", signature.summary()) for signature in self.dkim_signatures)
        return tuple(pairs)


def _show(person: Participant) -> str:
    if person.name and person.identifier:
        return f"{person.name} <{person.identifier}>"
    return person.name or person.identifier or ""


# ---------------------------------------------------------------------------------------------
# Warnings, counted per kind (an mbox may hold tens of thousands of messages)
# ---------------------------------------------------------------------------------------------

# One prototype per warning code (its English message is the translation key); the count and the
# first occurrence are filled in when the import ends.
_WARNINGS: dict[str, ParseWarning] = {
    "date_invalid": ParseWarning(
        "date_invalid",
        "{count} messages have a Date header that is not a valid date (first: message {message}, "
        '"{value}"); their time is left empty.',
    ),
    "date_offset_invalid": ParseWarning(
        "date_offset_invalid",
        "{count} messages have a Date header with an impossible UTC offset (first: message "
        '{message}, "{value}"); only the wall time as written is kept.',
    ),
    "date_missing": ParseWarning(
        "date_missing", "{count} messages have no Date header (first: message {message})."
    ),
    "header_unparsed": ParseWarning(
        "header_unparsed",
        "{count} headers could not be parsed by the e-mail standard's rules and are shown as written "
        "(first: {header} in message {message}).",
    ),
    "header_8bit": ParseWarning(
        "header_8bit",
        "{count} headers contain raw bytes that are not UTF-8; they were read as Windows-1252 "
        "(first: {header} in message {message}).",
    ),
    "charset_fallback": ParseWarning(
        "charset_fallback",
        '{count} text parts could not be decoded with their declared character set "{charset}"; '
        "unreadable bytes are shown as U+FFFD (first: message {message}).",
    ),
    "part_defect": ParseWarning(
        "part_defect",
        "{count} MIME parts are damaged ({defect}); what could be decoded was kept (first: message "
        "{message}).",
    ),
    "boundary_reused": ParseWarning(
        "boundary_reused",
        "{count} messages have a nested multipart part that reuses its parent's boundary; the parts "
        "after it were recovered the way mail programs show them (first: message {message}).",
    ),
    "mbox_unescaped_from": ParseWarning(
        "mbox_unescaped_from",
        '{count} pieces of the mailbox have no header fields: a body line starting with "From " was '
        'not escaped as ">From ", and Python\'s mailbox rules split the message there (first: message '
        '{message}, line "{line}"). The piece is kept as a message without a sender.',
    ),
    "mbox_leading_text": ParseWarning(
        "mbox_leading_text",
        'The mailbox has {size} bytes before its first "From " line; they belong to no message.',
    ),
    "encrypted": ParseWarning(
        "encrypted",
        "{count} messages are encrypted; their content is kept as an attachment and was not "
        "decrypted (first: message {message}).",
    ),
    "too_deep": ParseWarning(
        "too_deep",
        "{count} messages nest MIME parts deeper than {limit} levels; the deeper parts were not read "
        "(first: message {message}).",
    ),
    "body_unreadable": ParseWarning(
        "body_unreadable",
        "{count} messages could not be fully read by the e-mail parser ({error}); what was read is "
        "kept (first: message {message}).",
    ),
    "html_unparsed": ParseWarning(
        "html_unparsed",
        "{count} HTML parts could not be read as HTML; their tags were removed by a simple rule "
        "(first: message {message}).",
    ),
    "attachment_not_kept": ParseWarning(
        "attachment_not_kept",
        "{count} attachments were not kept as separate files because together they exceed {limit} "
        "bytes (first: {name} in message {message}); the stored original still holds them.",
    ),
    "attachment_renamed": ParseWarning(
        "attachment_renamed",
        "{count} attachments have a file name already used in this export and were renamed (first: "
        "{name} became {new_name}).",
    ),
    "external_body": ParseWarning(
        "external_body",
        "{count} attachments are only referenced (message/external-body), not included (first: "
        "{name} in message {message}).",
    ),
}


@dataclass
class _Collector:
    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, dict[str, str]] = field(default_factory=dict)
    message: int = 0  # 1-based ordinal of the message being read

    def add(self, code: str, **params: str) -> None:
        self.counts[code] = self.counts.get(code, 0) + 1
        if code not in self.first:
            self.first[code] = {"message": str(self.message), **params}

    def warnings(self) -> tuple[ParseWarning, ...]:
        result = []
        for code, count in self.counts.items():
            params = {"count": str(count), **self.first[code]}
            result.append(replace(_WARNINGS[code], params=tuple(sorted(params.items()))))
        return tuple(result)


# ---------------------------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------------------------

_FOLD = re.compile(r"\r?\n(?=[ \t])")
_MINUS_ZERO = re.compile(r"(?<![0-9])-0000(?![0-9])")


def _unfold(value: str) -> str:
    return _FOLD.sub("", value).strip()


def _raw_values(msg: MimeMessage, name: str, collect: _Collector) -> list[str]:
    """The values of header `name` as written: unfolded, raw 8-bit bytes decoded (UTF-8, else cp1252)."""
    values = []
    for key, value in msg.raw_items():
        if key.lower() != name:
            continue
        text = _unfold(str(value))
        if any("\udc80" <= char <= "\udcff" for char in text):
            raw = text.encode("ascii", "surrogateescape")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                collect.add("header_8bit", header=key)
                text = raw.decode("cp1252", errors="replace")
        values.append(text)
    return values


def _compat_decode(value: str) -> str:
    """RFC 2047 decoding the compat32 way, for values the modern parser rejected."""
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except Exception:  # the legacy decoder has its own failure modes; show the value as written
        return value


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _unstructured(msg: MimeMessage, name: str, collect: _Collector) -> str | None:
    value = _first(_raw_values(msg, name, collect))
    if value is None:
        return None
    try:
        return str(_POLICY.header_factory(name, value))
    except Exception:  # the modern header parser raises on some malformed input: fall back per header
        collect.add("header_unparsed", header=name)
        return _compat_decode(value)


def _addresses(msg: MimeMessage, name: str, collect: _Collector) -> tuple[Participant, ...]:
    people: list[Participant] = []
    for value in _raw_values(msg, name, collect):
        try:
            header = _POLICY.header_factory(name, value)
            found = [
                Participant(address.display_name or None, address.addr_spec or None)
                for address in header.addresses
            ]
        except Exception:  # the modern header parser raises on some malformed input: fall back per header
            collect.add("header_unparsed", header=name)
            found = [
                Participant(_compat_decode(display) or None, address or None)
                for display, address in _lenient_addresses(value)
            ]
        people.extend(person for person in found if person.name or person.identifier)
    return tuple(people)


def _lenient_addresses(value: str) -> list[tuple[str, str]]:
    """compat32's address splitting. Python 3.11.10+ made it strict (a malformed list yields nothing);
    for evidence the lenient reading is kept, since it is only used after the modern parser failed."""
    try:
        return email.utils.getaddresses([value], strict=False)
    except TypeError:  # Python before 3.11.10 has no `strict` and is lenient already
        return email.utils.getaddresses([value])


def parse_date(value: str) -> tuple[datetime | None, datetime | None, str | None]:
    """(wall time as written, UTC, problem) for a Date header value; problem is a warning code.

    UTC is given only when the header states an offset: "-0000" means UTC with the local zone
    unknown (RFC 5322), while no zone or an unknown zone name gives the wall time alone.
    """
    try:
        parts = email.utils.parsedate_tz(value)
    except Exception:  # parsedate_tz is lenient but not total on arbitrary text
        parts = None
    if parts is None:
        return None, None, "date_invalid"
    year, month, day, hour, minute, second = parts[:6]
    try:
        local = datetime(year, month, day, hour, minute, second)
    except (ValueError, OverflowError):
        return None, None, "date_invalid"
    try:
        # The public parsedate_tz reports "no zone" as offset 0; parsedate_to_datetime keeps them apart.
        moment = email.utils.parsedate_to_datetime(value)
    except (ValueError, OverflowError, TypeError):
        return local, None, "date_offset_invalid"
    if moment.tzinfo is not None:
        return local, moment.astimezone(UTC), None
    if _MINUS_ZERO.search(value):
        return local, local.replace(tzinfo=UTC), None
    return local, None, None


def _dkim(value: str) -> DkimSignature:
    tags: dict[str, str] = {}
    for item in value.split(";"):
        key, equals, tag_value = item.partition("=")
        if equals:
            tags.setdefault(key.strip().lower(), re.sub(r"\s+", "", tag_value))
    return DkimSignature(domain=tags.get("d"), selector=tags.get("s"), algorithm=tags.get("a"))


def _received(value: str) -> ReceivedHop:
    _, semicolon, when = value.rpartition(";")
    if not semicolon:
        return ReceivedHop(text=value)
    _, utc, _problem = parse_date(when.strip())
    return ReceivedHop(text=value, date_utc=utc)


def _headers(msg: MimeMessage, collect: _Collector) -> EmailHeaders:
    date = _first(_raw_values(msg, "date", collect))
    local = utc = None
    if date is None:
        collect.add("date_missing")
    else:
        local, utc, problem = parse_date(date)
        if problem is not None:
            collect.add(problem, value=date[:100])
    return EmailHeaders(
        from_=_addresses(msg, "from", collect),
        to=_addresses(msg, "to", collect),
        cc=_addresses(msg, "cc", collect),
        reply_to=_addresses(msg, "reply-to", collect),
        date=date,
        date_local=local,
        date_utc=utc,
        subject=_unstructured(msg, "subject", collect),
        message_id=_first(_raw_values(msg, "message-id", collect)),
        in_reply_to=_first(_raw_values(msg, "in-reply-to", collect)),
        received=tuple(_received(value) for value in _raw_values(msg, "received", collect)),
        authentication_results=tuple(_raw_values(msg, "authentication-results", collect)),
        return_path=_first(_raw_values(msg, "return-path", collect)),
        dkim_signatures=tuple(_dkim(value) for value in _raw_values(msg, "dkim-signature", collect)),
    )


# ---------------------------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr"}
    | {"ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "address"}
)
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template"})


class _HtmlText(HTMLParser):
    """The visible text of an HTML body: tags removed, block ends as line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data if self.pre else re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> str:
    """The visible text of `html`, one block per line; raises nothing on malformed HTML."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = [line.strip(" ") for line in "".join(parser.pieces).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_BIDI).rstrip("\r\n")


def _part_text(part: MimeMessage, collect: _Collector) -> str:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    _note_defects(part, collect)
    charset = part.get_content_charset() or "us-ascii"
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        pass
    try:
        return data.decode("utf-8")  # the commonest truth behind a wrong or missing charset
    except UnicodeDecodeError:
        collect.add("charset_fallback", charset=charset[:40])
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            return data.decode("cp1252", errors="replace")


def _note_defects(part: MimeMessage, collect: _Collector) -> None:
    for defect in part.defects:
        name = type(defect).__name__
        if "Base64" in name or "Padding" in name or "Boundary" in name or "Missing" in name:
            collect.add("part_defect", defect=name)
            return


def _safe_name(value: str | None) -> str | None:
    if value is None:
        return None
    if "=?" in value:
        value = _compat_decode(value)
    cleaned = "".join("_" if char in "/\\" or ord(char) < 0x20 or char == "\x7f" else char for char in value)
    cleaned = cleaned.strip()
    return cleaned if cleaned.strip("._ ") else None


@dataclass
class _Export:
    """What the whole export yields besides messages: files, names in use, memory budget."""

    collect: _Collector = field(default_factory=_Collector)
    files: list[EmbeddedFile] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    next_number: dict[str, int] = field(default_factory=dict)
    embedded_bytes: int = 0
    linesep: str = "\n"
    unnamed: int = 0

    def unique_name(self, name: str) -> str:
        candidate = numbered_unique(name, self.names, self.next_number)
        if candidate != name:
            self.collect.add("attachment_renamed", name=name, new_name=candidate)
        return candidate


@dataclass
class _Body:
    texts: list[str] = field(default_factory=list)
    attachments: list[AttachmentRef] = field(default_factory=list)
    signed: list[str] = field(default_factory=list)
    encrypted: bool = False
    too_deep: bool = False


def _is_attachment(part: MimeMessage) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:  # a malformed Content-Disposition: treat the part by its type
        return False


def _filename(part: MimeMessage) -> str | None:
    try:
        return part.get_filename()
    except Exception:  # malformed parameters: the part still gets a generated name
        return None


def _recover_epilogue(epilogue: str, boundary: str) -> list[MimeMessage]:
    """Parts after a closing delimiter that a nested multipart with the same boundary caused."""
    delimiter = re.compile(r"^--" + re.escape(boundary) + r"(--)?[ \t]*\r?$", re.MULTILINE)
    parts: list[MimeMessage] = []
    matches = list(delimiter.finditer(epilogue))
    for here, following in itertools.pairwise(matches):
        if here.group(1):  # a closing delimiter opens no part
            continue
        segment = epilogue[here.end() : following.start()]
        segment = segment.removeprefix("\r\n").removeprefix("\n")
        segment = segment.removesuffix("\n").removesuffix("\r")
        raw = segment.encode("ascii", "surrogateescape")
        parts.append(email.message_from_bytes(raw, policy=_POLICY))
    return parts


def _children(part: MimeMessage, collect: _Collector) -> list[MimeMessage]:
    payload = part.get_payload()
    kids = [kid for kid in payload if isinstance(kid, MimeMessage)] if isinstance(payload, list) else []
    boundary = part.get_boundary()
    if not boundary:
        return kids
    for index, kid in enumerate(kids):
        reused = kid.get_content_maintype() == "multipart" and kid.get_boundary() == boundary
        if reused and not kid.is_multipart():
            # The parser read the nested part's delimiters as the parent's: the parts after it are
            # the nested part's, and the parent's own remaining parts went to its epilogue.
            nested: list[MimeMessage | str] = list(kids[index + 1 :])
            kid.set_payload(nested)
            collect.add("boundary_reused")
            return [*kids[: index + 1], *_recover_epilogue(part.epilogue or "", boundary)]
    return kids


def _contains_plain(part: MimeMessage, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    if part.is_multipart():
        payload = part.get_payload()
        kids = payload if isinstance(payload, list) else []
        return any(isinstance(kid, MimeMessage) and _contains_plain(kid, depth + 1) for kid in kids)
    return part.get_content_type() == "text/plain" and not _is_attachment(part)


def _choose_alternative(kids: list[MimeMessage]) -> MimeMessage | None:
    for kid in kids:
        if kid.get_content_type() == "text/plain" and not _is_attachment(kid):
            return kid
    for kid in kids:
        if kid.is_multipart() and _contains_plain(kid):
            return kid
    for kid in kids:
        if kid.get_content_type() == "text/html" and not _is_attachment(kid):
            return kid
    return kids[-1] if kids else None


def _serialise(msg: MimeMessage, linesep: str) -> bytes:
    """An attached message as bytes (re-generated without refolding; the original file is byte-exact)."""
    buffer = io.BytesIO()
    policy = _POLICY.clone(refold_source="none", cte_type="8bit", linesep=linesep)
    generator: BytesGenerator[MimeMessage] = BytesGenerator(buffer, mangle_from_=False, policy=policy)
    generator.flatten(msg)
    return buffer.getvalue()


def _attach(part: MimeMessage, export: _Export, body: _Body) -> None:
    collect = export.collect
    media_type = part.get_content_type()
    name = _safe_name(_filename(part))
    if name is None:
        export.unnamed += 1
        guessed = mimetypes.guess_extension(media_type) or ".bin"
        extension = ".eml" if media_type == "message/rfc822" else guessed
        name = f"attachment-{export.unnamed}{extension}"
    name = export.unique_name(name)
    body.attachments.append(AttachmentRef(name=name, media_type=media_type))
    if media_type == "message/external-body":
        collect.add("external_body", name=name)
        export.missing.append(name)
        return
    if media_type == "message/rfc822" or part.is_multipart():
        inner = part.get_payload()
        first = inner[0] if isinstance(inner, list) and inner else None
        target = first if isinstance(first, MimeMessage) and media_type == "message/rfc822" else part
        try:
            data = _serialise(target, export.linesep)
        except Exception:  # the generator can fail on broken structures; keep what is decodable
            data = part.as_bytes() if not part.is_multipart() else b""
    else:
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        _note_defects(part, collect)
    if export.embedded_bytes + len(data) > MAX_EMBEDDED_TOTAL:
        collect.add("attachment_not_kept", name=name, limit=str(MAX_EMBEDDED_TOTAL))
        export.missing.append(name)
        return
    export.embedded_bytes += len(data)
    opener: Callable[[], BinaryIO] = functools.partial(io.BytesIO, data)
    export.files.append(EmbeddedFile(name=name, open=opener, size=len(data), media_type=media_type))


def _render(part: MimeMessage, export: _Export, body: _Body, depth: int, want_text: bool) -> None:
    if depth > MAX_DEPTH:
        body.too_deep = True
        return
    media_type = part.get_content_type()
    if part.is_multipart() and media_type != "message/rfc822":
        kids = _children(part, export.collect)
        subtype = part.get_content_subtype()
        if subtype == "encrypted":
            body.encrypted = True
            for kid in kids:
                if kid.get_content_type() != "application/pgp-encrypted":
                    _attach(kid, export, body)
            return
        if subtype == "signed":
            protocol = part.get_param("protocol")
            body.signed.append(str(protocol) if isinstance(protocol, str) else "unknown")
        chosen = _choose_alternative(kids) if subtype == "alternative" else None
        for index, kid in enumerate(kids):
            if subtype == "alternative":
                kid_wants = want_text and kid is chosen
            elif subtype in ("signed", "related"):
                kid_wants = want_text and index == 0
            else:
                kid_wants = want_text
            if subtype == "signed" and index > 0:
                _attach(kid, export, body)  # the signature: kept, never verified
            else:
                _render(kid, export, body, depth + 1, kid_wants)
        return
    if media_type in ("text/plain", "text/html") and not _is_attachment(part):
        if want_text:
            text = _part_text(part, export.collect)
            if media_type == "text/html":
                text = _html_text(text, export.collect)
            body.texts.append(_clean(text))
        return
    if media_type == "application/pkcs7-mime":
        body.encrypted = True
    _attach(part, export, body)


def _html_text(html: str, collect: _Collector) -> str:
    try:
        return html_to_text(html)
    except Exception:  # HTMLParser is lenient but not guaranteed total; fall back to a simple rule
        collect.add("html_unparsed")
        return re.sub(r"<[^>]*>", "", html)


# ---------------------------------------------------------------------------------------------
# Messages and the export
# ---------------------------------------------------------------------------------------------


def _has_known_header(msg: MimeMessage) -> bool:
    return any(key.lower().encode("ascii", "replace") in _KNOWN_HEADERS for key in msg)


def _message_extra(headers: EmailHeaders, body: _Body) -> tuple[tuple[str, str], ...]:
    extra: list[tuple[str, str]] = []
    if headers.subject is not None:
        extra.append(("subject", headers.subject))
    for key, people in (("to", headers.to), ("cc", headers.cc), ("reply_to", headers.reply_to)):
        extra.extend((key, _show(person)) for person in people)
    if headers.return_path is not None:
        extra.append(("return_path", headers.return_path))
    extra.extend(("dkim_signature", signature.summary()) for signature in headers.dkim_signatures)
    extra.extend(("signature", f"{protocol} ({NOT_VERIFIED})") for protocol in body.signed)
    if body.encrypted:
        extra.append(("encrypted", "not decrypted"))
    return tuple(extra)


@dataclass(frozen=True)
class _Parsed:
    headers: EmailHeaders
    message: Message


def _message_from_bytes(data: bytes, collect: _Collector) -> MimeMessage:
    try:
        return email.message_from_bytes(data, policy=_POLICY)
    except Exception as exc:  # the modern policy can raise while parsing malformed MIME headers
        collect.add("body_unreadable", error=type(exc).__name__)
        return email.message_from_bytes(data, policy=email.policy.compat32)


def _parse_one(msg: MimeMessage, export: _Export) -> _Parsed:
    collect = export.collect
    headers = _headers(msg, collect)
    body = _Body()
    try:
        _render(msg, export, body, 0, True)
    except RecursionError:
        body.too_deep = True
    except Exception as exc:  # the stdlib MIME code raises assorted types on bad parts; keep what was read
        collect.add("body_unreadable", error=type(exc).__name__)
    if body.too_deep:
        collect.add("too_deep", limit=str(MAX_DEPTH))
    if body.encrypted:
        collect.add("encrypted")
    sender = headers.from_[0] if headers.from_ else Participant(None)
    message = Message(
        sender=sender.name,
        sender_id=sender.identifier,
        text="\n".join(body.texts),
        sent_at=headers.date_local,
        sent_at_utc=headers.date_utc,
        message_id=headers.message_id,
        reply_to=headers.in_reply_to,
        attachments=tuple(body.attachments),
        extra=_message_extra(headers, body),
    )
    return _Parsed(headers, message)


@dataclass(frozen=True)
class _Piece:
    """One message's bytes; `from_line` is the mbox separator line without "From " (or None)."""

    data: bytes
    from_line: str | None = None


def split_mbox(data: bytes) -> tuple[list[_Piece], int]:
    """Split like CPython's `mailbox.mbox._generate_toc`: every line (up to b"\n") starting with
    b"From " opens a message; a blank line right before it belongs to the separator. Returns the
    pieces and the number of bytes before the first "From " line (which belong to no message)."""
    pieces: list[_Piece] = []
    position = 0
    leading = 0
    body_start: int | None = None
    from_line = ""
    last_was_empty = False
    last_length = 0
    for line in io.BytesIO(data):
        if line.startswith(b"From "):
            if body_start is not None:
                stop = position - last_length if last_was_empty else position
                pieces.append(_Piece(data[body_start : max(stop, body_start)], from_line))
            else:
                leading = position
            from_line = line[5:].rstrip(b"\r\n").decode("utf-8", errors="replace")
            body_start = position + len(line)
            last_was_empty = False
        else:
            last_was_empty = line in (b"\n", b"\r\n")
        last_length = len(line)
        position += len(line)
    if body_start is not None:
        stop = position - last_length if last_was_empty else position
        pieces.append(_Piece(data[body_start : max(stop, body_start)], from_line))
    return pieces, leading


def format_of(head: bytes) -> str | None:
    """ "mbox" or "email" when `head` (the first bytes of a file) starts a mailbox or a message."""
    head = head[:65536]
    mbox_lines = head.lstrip(b" \t\r\n").splitlines()
    if mbox_lines and mbox_lines[0].startswith(b"From ") and _header_block(mbox_lines[1:]):
        return MBOX_FORMAT
    return FORMAT if _header_block(head.splitlines()) else None


def _header_block(lines: list[bytes]) -> bool:
    """True when `lines` open with RFC 5322 header fields, at least one of them a common one."""
    fields = 0
    known = False
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            if not fields:
                return False
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        fields += 1
        known = known or match.group(0)[:-1].lower() in _KNOWN_HEADERS
    return fields >= 2 and known


def sniff(head: bytes, name: str) -> bool:
    """True when `head` starts an e-mail message or an mbox (by content; the name is not used)."""
    return format_of(head) is not None


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_INPUT:
            raise ImportFormatError(path=path, format=FORMAT, detail=_TOO_LARGE)
        return path.read_bytes()
    except OSError as exc:
        raise FileUnreadableError(path=path, detail=exc.strerror or type(exc).__name__) from exc


def _pieces(data: bytes, collect: _Collector) -> tuple[list[_Piece], bool]:
    if data.lstrip(b" \t\r\n").startswith(b"From "):  # blank lines before the first separator are harmless
        pieces, leading = split_mbox(data)
        if leading:
            collect.add("mbox_leading_text", size=str(leading))
        return pieces, True
    return [_Piece(data)], False


def _parse_all(data: bytes, path: Path) -> tuple[list[_Parsed], bool, _Export]:
    export = _Export(linesep="\r\n" if b"\r\n" in data[:65536] else "\n")
    collect = export.collect
    pieces, is_mbox = _pieces(data, collect)
    results: list[_Parsed] = []
    for index, piece in enumerate(pieces, start=1):
        collect.message = index
        msg = _message_from_bytes(piece.data, collect)
        if not _has_known_header(msg):
            if not is_mbox:
                raise ImportFormatError(path=path, format=FORMAT, detail="no e-mail header fields found")
            results.append(_headerless(piece, collect))
            continue
        results.append(_parse_one(msg, export))
    return results, is_mbox, export


def _headerless(piece: _Piece, collect: _Collector) -> _Parsed:
    """An mbox piece without header fields: most likely a body line "From ..." split off."""
    line = f"From {piece.from_line}"
    collect.add("mbox_unescaped_from", line=line[:100])
    text = piece.data.decode("utf-8", errors="replace")
    full = _clean(f"{line}\n{text}")
    return _Parsed(EmailHeaders(), Message(sender=None, text=full))


def headers_of(source: Path | bytes) -> list[EmailHeaders]:
    """The evidence headers of every message in an .eml or .mbox (a path or its bytes)."""
    data = _read_bytes(source) if isinstance(source, Path) else source
    results, _, _ = _parse_all(data, source if isinstance(source, Path) else Path("<bytes>"))
    return [result.headers for result in results]


def _timezone_assumption(messages: list[Message]) -> str | None:
    with_offset = sum(1 for message in messages if message.sent_at_utc is not None)
    without = sum(1 for message in messages if message.sent_at is not None and message.sent_at_utc is None)
    if with_offset and not without:
        return (
            "Times are the Date header as written by the sender's mail program, with the UTC offset it "
            "states; the Date header is the sender's claim, not a verified time."
        )
    if without and not with_offset:
        return (
            "Times are the Date header as written by the sender's mail program, which states no UTC "
            "offset; the Date header is the sender's claim, not a verified time."
        )
    if with_offset and without:
        return (
            "Times are the Date headers as written by the senders' mail programs; UTC is given where the "
            "header states an offset. Date headers are the senders' claims, not verified times."
        )
    return None


def _participants(results: list[_Parsed]) -> tuple[Participant, ...]:
    seen: dict[str, Participant] = {}  # by address (else name); a named entry beats a bare address
    for result in results:
        for person in (*result.headers.from_, *result.headers.to, *result.headers.cc):
            key = person.identifier or person.name or ""
            known = seen.get(key)
            if known is None or (known.name is None and person.name is not None):
                seen[key] = person
    return tuple(seen.values())


def _export(data: bytes, path: Path) -> ParsedExport:
    results, is_mbox, export = _parse_all(data, path)
    messages = [result.message for result in results]
    single = results[0].headers if len(results) == 1 and not is_mbox else None
    conversation = Conversation(
        platform="email",
        messages=tuple(messages),
        title=single.subject if single is not None else None,
        participants=_participants(results),
        timezone_assumption=_timezone_assumption(messages),
        warnings=export.collect.warnings(),
        extra=single.flatten() if single is not None else (("messages", str(len(messages))),),
    )
    return ParsedExport(conversation=conversation, files=tuple(export.files), missing=tuple(export.missing))


def read(path: Path) -> ParsedExport:
    """Parse the .eml or .mbox at `path` (decided by content)."""
    return _export(_read_bytes(path), path)


def read_bytes(data: bytes, path: Path) -> ParsedExport:
    """Parse an .eml or .mbox already in memory (`path` only names it in errors)."""
    if len(data) > MAX_INPUT:
        raise ImportFormatError(path=path, format=FORMAT, detail=_TOO_LARGE)
    return _export(data, path)
