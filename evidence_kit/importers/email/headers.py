"""The headers of an e-mail that matter as evidence: typed, decoded (RFC 2047) and unfolded.

Headers are claims (see the package's rule): the Date is the sender's clock as written; the
Received chain and Authentication-Results are what servers on the way wrote; a DKIM signature is
reported as present, never as verified. A header the modern parser rejects is decoded the compat32
way and counted in a warning; a bad Date gives no time and a warning.
"""

from __future__ import annotations

import email.header
import email.policy
import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message as MimeMessage

from evidence_kit.domain import Participant
from evidence_kit.importers.email.parse_warnings import Collector

NOT_VERIFIED = "present; not verified"

POLICY = email.policy.default


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


def _unfold(value: str) -> str:
    return _FOLD.sub("", value).strip()


def _raw_values(msg: MimeMessage, name: str, collect: Collector) -> list[str]:
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


def compat_decode(value: str) -> str:
    """RFC 2047 decoding the compat32 way, for values the modern parser rejected."""
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except Exception:  # the legacy decoder has its own failure modes; show the value as written
        return value


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _unstructured(msg: MimeMessage, name: str, collect: Collector) -> str | None:
    value = _first(_raw_values(msg, name, collect))
    if value is None:
        return None
    try:
        return str(POLICY.header_factory(name, value))
    except Exception:  # the modern header parser raises on some malformed input: fall back per header
        collect.add("header_unparsed", header=name)
        return compat_decode(value)


def _addresses(msg: MimeMessage, name: str, collect: Collector) -> tuple[Participant, ...]:
    people: list[Participant] = []
    for value in _raw_values(msg, name, collect):
        try:
            header = POLICY.header_factory(name, value)
            found = [
                Participant(address.display_name or None, address.addr_spec or None)
                for address in header.addresses
            ]
        except Exception:  # the modern header parser raises on some malformed input: fall back per header
            collect.add("header_unparsed", header=name)
            found = [
                Participant(compat_decode(display) or None, address or None)
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


def parse_headers(msg: MimeMessage, collect: Collector) -> EmailHeaders:
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
