"""The headers of an e-mail that matter as evidence: typed, decoded (RFC 2047) and unfolded.

Headers are claims (see the package's rule): the Date is the sender's clock as written; the
Received chain and Authentication-Results are what servers on the way wrote; a DKIM signature is
reported as present, never as verified. Every value is read from the raw header in one pass and
decoded defensively: encoded words by `header_text.py` (linear; what cannot be decoded is shown as
written or escaped, with a warning), addresses by `addresses.py`; a Date that is not a date or
names an impossible year gives no time and a warning.
"""

from __future__ import annotations

import email.policy
import email.utils
import functools
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message as MimeMessage

from evidence_kit.domain import Participant
from evidence_kit.importers.email.addresses import MAX_ADDRESSES, read_addresses
from evidence_kit.importers.email.header_text import decode_words, escape_unsafe
from evidence_kit.importers.email.parse_warnings import Collector

NOT_VERIFIED = "present; not verified"

POLICY = email.policy.default
# The MIME structure is read with the compat32 policy: its fields are kept as strings and parsed
# by simple code when asked, where the modern policy builds a header object at every access with
# its quadratic parser (200 parts whose Content-Type held 2 KiB of ";" took 78 s). The evidence
# headers are read from the raw values (`parse_headers`), never through the message's policy.
STRUCTURE_POLICY = email.policy.compat32


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
            pairs.extend((name, show_person(person)) for person in people)
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


def show_person(person: Participant) -> str:
    if person.name and person.identifier:
        return f"{person.name} <{person.identifier}>"
    return person.name or person.identifier or ""


_FOLD = re.compile(r"\r?\n(?=[ \t])")
_MINUS_ZERO = re.compile(r"(?<![0-9])-0000(?![0-9])")
# The numbers of a Date that are neither part of a time nor a zone such as +0100: the day and
# the year, the year last (RFC 5322 and asctime alike).
_DAY_OR_YEAR = re.compile(r"(?<![0-9+\-:])([0-9]+)(?![0-9:])")
# Years a Date can plausibly name. Outside them the header is not a sending time (e-mail is from
# 1971), and times near the ends of Python's datetime range overflow when shifted to UTC.
PLAUSIBLE_YEARS = range(1900, 2201)

# The headers read as evidence, by lower-case name.
_WANTED = frozenset(
    {"from", "to", "cc", "reply-to", "date", "subject", "message-id", "in-reply-to", "received"}
    | {"authentication-results", "return-path", "dkim-signature"}
)


def _unfold(value: str) -> str:
    return _FOLD.sub("", value).strip()


def _gather(msg: MimeMessage, collect: Collector) -> dict[str, list[str]]:
    """The values of the evidence headers as written, in one pass over the header: unfolded,
    raw 8-bit bytes decoded (UTF-8, else cp1252)."""
    found: dict[str, list[str]] = {}
    for key, value in msg.raw_items():
        name = key.lower()
        if name not in _WANTED:
            continue
        text = _unfold(str(value))
        if any("\udc80" <= char <= "\udcff" for char in text):
            raw = text.encode("ascii", "surrogateescape")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                collect.add("header_8bit", header=key)
                text = raw.decode("cp1252", errors="replace")
        found.setdefault(name, []).append(text)
    return found


def _shown(value: str, header: str, collect: Collector, *, decode: bool = False) -> str:
    """A header value as it can be shown: encoded words decoded (when `decode`), NUL and
    undecodable bytes escaped; each problem counted under `header`."""
    if decode:

        def note(code: str, detail: str) -> None:
            collect.add(code, header=header, charset=detail)

        value = decode_words(value, note)
    shown, escaped = escape_unsafe(value)
    if escaped:
        collect.add("header_escaped", header=header)
    return shown


def compat_decode(value: str) -> str:
    """RFC 2047 decoding for values outside the header parser (attachment names): linear, total."""
    return escape_unsafe(decode_words(value))[0]


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _unstructured(found: dict[str, list[str]], name: str, shown_name: str, collect: Collector) -> str | None:
    value = _first(found.get(name))
    return None if value is None else _shown(value, shown_name, collect, decode=True)


def _person(person: Participant, header: str, collect: Collector) -> Participant:
    name = _shown(person.name, header, collect) if person.name else None
    identifier = _shown(person.identifier, header, collect) if person.identifier else None
    return Participant(name or None, identifier or None)


# A mailbox names the same few people in thousands of From and To fields, and the standard
# library's address parser is the slowest step of reading a message: short values are parsed once
# per value (with the notes they gave, replayed each time). Bounded: at most 1024 values of 4 KiB.
_CACHED_VALUE = 4 * 1024


@functools.lru_cache(maxsize=1024)
def _read_cached(shown_name: str, value: str) -> tuple[tuple[Participant, ...], tuple[tuple[str, str], ...]]:
    notes: list[tuple[str, str]] = []

    def note(code: str, detail: str) -> None:
        notes.append((code, detail))

    return tuple(read_addresses(shown_name, value, POLICY.header_factory, note)), tuple(notes)


def _addresses(
    found: dict[str, list[str]], name: str, shown_name: str, collect: Collector
) -> tuple[Participant, ...]:
    def note(code: str, detail: str) -> None:
        if code == "header_unparsed":
            collect.add(code, header=name)
        elif code == "too_many_addresses":
            collect.add(code, header=shown_name, limit=str(MAX_ADDRESSES))
        else:
            collect.add(code, header=shown_name, charset=detail)

    people: list[Participant] = []
    for value in found.get(name, []):
        if len(value) <= _CACHED_VALUE:
            read, notes = _read_cached(shown_name, value)
            for code, detail in notes:
                note(code, detail)
        else:
            read = tuple(read_addresses(shown_name, value, POLICY.header_factory, note))
        for person in read:
            if person.name or person.identifier:
                people.append(_person(person, shown_name, collect))
    return tuple(people)


def _year_as_written_plausible(value: str) -> bool:
    """False for a year of one or three digits (RFC 5322 has two, obsolete, or four) and for a
    four-digit year out of range: the standard library reads "0" or "0001" as 2000 or 2001."""
    numbers = _DAY_OR_YEAR.findall(value)
    if len(numbers) < 2:
        return True  # the parser found the year elsewhere; its value was checked
    written = numbers[-1]
    if len(written) == 2:
        return True
    return len(written) >= 4 and int(written) in PLAUSIBLE_YEARS


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
    if year not in PLAUSIBLE_YEARS or not _year_as_written_plausible(value):
        return None, None, "date_implausible"
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
        try:
            return local, moment.astimezone(UTC), None
        except (ValueError, OverflowError):
            return local, None, "date_offset_invalid"
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


def parse_headers(msg: MimeMessage, collect: Collector) -> EmailHeaders:
    found = _gather(msg, collect)
    date = _first(found.get("date"))
    local = utc = None
    if date is None:
        collect.add("date_missing")
    else:
        local, utc, problem = parse_date(date)
        date = _shown(date, "Date", collect)
        if problem is not None:
            collect.add(problem, value=date[:100])

    def raw(name: str, shown_name: str) -> list[str]:
        return [_shown(value, shown_name, collect) for value in found.get(name, [])]

    return EmailHeaders(
        from_=_addresses(found, "from", "From", collect),
        to=_addresses(found, "to", "To", collect),
        cc=_addresses(found, "cc", "Cc", collect),
        reply_to=_addresses(found, "reply-to", "Reply-To", collect),
        date=date,
        date_local=local,
        date_utc=utc,
        subject=_unstructured(found, "subject", "Subject", collect),
        message_id=_first(raw("message-id", "Message-ID")),
        in_reply_to=_first(raw("in-reply-to", "In-Reply-To")),
        received=tuple(_received(value) for value in raw("received", "Received")),
        authentication_results=tuple(raw("authentication-results", "Authentication-Results")),
        return_path=_first(raw("return-path", "Return-Path")),
        dkim_signatures=tuple(_dkim(value) for value in raw("dkim-signature", "DKIM-Signature")),
    )
