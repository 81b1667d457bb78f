"""Text messages (`<sms>`) and MMS (`<mms>` with their parts) as `Message`s.

Direction: SMS `type` 1 is received; 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued are the
phone's own. The backup never names the phone's owner, so a message from the phone has
`sender = sender_id = None` and the other party goes to the message's extra as `to`/`to_name`
(never invented as a sender). MMS use `msg_box` the same way and `<addr type="137">` as sender.
MMS media are held in memory (never in a temp file); past `MAX_EMBEDDED_TOTAL` the rest stay
only in the backup itself, which the vault stores byte-exact anyway.
"""

from __future__ import annotations

import base64
import binascii
import functools
import io
import mimetypes
import xml.etree.ElementTree as ET  # only for types: parsing goes through defusedxml
from collections.abc import Callable
from datetime import datetime
from typing import BinaryIO

from evidence_kit.domain import AttachmentRef, EmbeddedFile, Message, Participant
from evidence_kit.importers.common import strip_marks
from evidence_kit.importers.sms.parse_warnings import Collector
from evidence_kit.importers.sms.records import State
from evidence_kit.importers.sms.times import epoch_time, record_when, time_extra
from evidence_kit.importers.sms.values import int_or_none, value_or_none
from evidence_kit.importers.sms.xml_repair import REPLACEMENT

MAX_EMBEDDED_TOTAL = 256 * 1024 * 1024

_SMS_BOX = {1: "inbox", 2: "sent", 3: "draft", 4: "outbox", 5: "failed", 6: "queued"}
_NOT_SENT = frozenset({"draft", "outbox", "failed", "queued"})
_ADDR_ROLE = {"137": "from", "151": "to", "130": "cc", "129": "bcc"}
_OWN_ADDRESS = "insert-address-token"  # what Android stores as the phone's own number in an MMS


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def read_sms(elem: ET.Element, state: State) -> None:
    collect = state.collect
    when = record_when(elem, collect)
    raw_type = elem.get("type")
    box = _SMS_BOX.get(int_or_none(raw_type) or 0)
    address = state.shared(value_or_none(collect.text(elem.get("address"))))
    name = state.shared(value_or_none(collect.text(elem.get("contact_name"))))
    body = collect.text(elem.get("body")) or ""
    extra: list[tuple[str, str]] = [("box", box or "unknown"), ("record", "sms")]
    sender = sender_id = None
    if box == "inbox":
        sender, sender_id = name, address
        extra.insert(0, ("direction", "incoming"))
    elif box is not None:
        extra.insert(0, ("direction", "outgoing"))
        if address is not None:
            extra.append(("to", address))
        if name is not None:
            extra.append(("to_name", name))
        if box in _NOT_SENT:
            collect.add("not_sent")
    else:
        collect.add("unknown_type", type=raw_type or "")
        extra.insert(0, ("direction", "unknown"))
        extra.append(("type", raw_type or ""))
        if address is not None:
            extra.append(("address", address))
        if name is not None:
            extra.append(("contact_name", name))
    subject = value_or_none(collect.text(elem.get("subject")))
    if subject is not None:
        extra.append(("subject", subject))
    date_sent = epoch_time(elem.get("date_sent"), Collector())
    if date_sent is not None:
        extra.append(("date_sent_utc", _iso(date_sent)))
    extra.extend(time_extra(when))
    message = Message(
        sender=sender,
        sender_id=sender_id,
        text=strip_marks(body),
        sent_at=when.local,
        sent_at_utc=when.utc,
        extra=tuple(extra),
    )
    state.add(when, message, Participant(name, address))


def _part_name(part: ET.Element, seq: int, media_type: str | None, collect: Collector) -> str:
    for attribute in ("cl", "name", "fn"):
        value = value_or_none(collect.text(part.get(attribute)))
        if value is not None:
            cleaned = "".join("_" if ch in "/\\" or ord(ch) < 0x20 else ch for ch in value).strip()
            if cleaned.strip("._ "):
                return cleaned
    extension = mimetypes.guess_extension(media_type or "") or ".bin"
    return f"part-{seq}{extension}"


def _media_type(part: ET.Element) -> str:
    return (value_or_none(part.get("ct")) or "application/octet-stream").strip().lower()


def _parts(elem: ET.Element) -> list[ET.Element]:
    return sorted(elem.iter("part"), key=lambda p: int_or_none(p.get("seq")) or 0)


def name_mms_parts(elem: ET.Element, state: State) -> None:
    """Give an MMS's media parts their names without reading it (a pass that skips this record
    still uses names, so the parts of later records are named as in the first pass)."""
    for index, part in enumerate(_parts(elem)):
        media_type = _media_type(part)
        if media_type not in ("application/smil", "text/plain"):
            state.unique_name(_part_name(part, index, media_type, state.collect))


def _read_part(
    part: ET.Element,
    seq: int,
    state: State,
    texts: list[str],
    attachments: list[AttachmentRef],
) -> bool:
    """Read one MMS part; return True when its media is missing from the backup."""
    collect = state.collect
    media_type = _media_type(part)
    if media_type == "application/smil":
        return False  # the slide layout, not content
    data = part.get("data")
    if media_type == "text/plain":
        # "null" is the app's word for an empty column, but also what a person may have typed: it
        # is read as absent only when the part carries its text as data instead.
        text = collect.text(part.get("text"))
        if (text is None or text == "null") and data:
            try:
                decoded = base64.b64decode(data)
            except (binascii.Error, ValueError):
                decoded = b""
                collect.add("part_not_decoded", name="text")
            text = decoded.decode("utf-8", errors="replace")
            if REPLACEMENT in text:
                collect.add("text_part_undecodable")
        if text is not None:
            texts.append(strip_marks(text))
        return False
    name = state.unique_name(_part_name(part, seq, media_type, collect))
    attachments.append(AttachmentRef(name=name, media_type=media_type))
    if not data:
        collect.add("part_without_data", name=name)
        state.missing.append(name)
        return True
    if not state.keep_files:
        return False  # read again for the message only: its media were kept by the first pass
    estimate = len(data) * 3 // 4
    if state.embedded_bytes + estimate > MAX_EMBEDDED_TOTAL:
        collect.add("part_not_kept", name=name, limit=str(MAX_EMBEDDED_TOTAL))
        state.missing.append(name)
        return False
    try:
        payload = base64.b64decode(data)
    except (binascii.Error, ValueError):
        collect.add("part_not_decoded", name=name)
        state.missing.append(name)
        return False
    state.embedded_bytes += len(payload)
    opener: Callable[[], BinaryIO] = functools.partial(io.BytesIO, payload)
    state.files.append(EmbeddedFile(name=name, open=opener, size=len(payload), media_type=media_type))
    return False


def _thread_names(addresses: str | None, names: str | None) -> dict[str, str | None]:
    """Each address of an MMS thread ("~"-separated) with its contact name. The app writes a group's
    names as one ", "-separated list in the same order; they are paired only when the counts match."""
    if addresses is None:
        return {}
    numbers = [number for number in addresses.split("~") if number]
    labels: list[str | None] = list(names.split(", ")) if names is not None else []
    if len(labels) != len(numbers):
        labels = [names] if len(numbers) == 1 and names is not None else [None] * len(numbers)
    return dict(zip(numbers, labels, strict=True))


def read_mms(elem: ET.Element, state: State) -> None:
    collect = state.collect
    when = record_when(elem, collect)
    raw_box = elem.get("msg_box")
    box = _SMS_BOX.get(int_or_none(raw_box) or 0)
    thread_address = value_or_none(collect.text(elem.get("address")))
    thread_name = value_or_none(collect.text(elem.get("contact_name")))
    names = _thread_names(thread_address, thread_name)
    extra: list[tuple[str, str]] = []
    sender_address: str | None = None
    for addrs in elem.iter("addr"):
        role = _ADDR_ROLE.get(addrs.get("type") or "")
        address = value_or_none(collect.text(addrs.get("address")))
        if role is None or address is None:
            continue
        if address == _OWN_ADDRESS:
            continue  # the phone itself; the direction already says so
        if role == "from" and sender_address is None:
            sender_address = address
        extra.append((role, address))
    sender = sender_id = None
    if box == "inbox":
        direction = "incoming"
        sender_id = sender_address
        if sender_id is None and len(names) == 1:
            sender_id = next(iter(names))
        sender = names.get(sender_id) if sender_id is not None else None
    elif box is not None:
        direction = "outgoing"
        if box in _NOT_SENT:
            collect.add("not_sent")
        if thread_name is not None:
            extra.append(("to_name", thread_name))
        if not any(key == "to" for key, _ in extra) and thread_address is not None:
            extra.extend(("to", address) for address in thread_address.split("~"))
    else:
        direction = "unknown"
        collect.add("unknown_type", type=raw_box or "")
        extra.append(("type", raw_box or ""))
        if thread_address is not None:
            extra.append(("address", thread_address))
    texts: list[str] = []
    attachments: list[AttachmentRef] = []
    media_missing = False
    for index, part in enumerate(_parts(elem)):
        media_missing |= _read_part(part, index, state, texts, attachments)
    subject = value_or_none(collect.text(elem.get("sub")))
    head: list[tuple[str, str]] = [("direction", direction), ("box", box or "unknown"), ("record", "mms")]
    if subject is not None:
        head.append(("subject", subject))
    message = Message(
        sender=sender,
        sender_id=sender_id,
        text="\n".join(texts),
        sent_at=when.local,
        sent_at_utc=when.utc,
        media_omitted=media_missing,
        attachments=tuple(attachments),
        extra=(*head, *extra, *time_extra(when)),
    )
    state.add(when, message, *(Participant(name, address) for address, name in names.items()))
