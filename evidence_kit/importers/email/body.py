"""Which parts of a message are its body text and which are attachments, the way a mail program
shows them.

Body text follows what a mail program shows: of a multipart/alternative the text/plain version
(else the HTML one, reduced to its text), of multipart/mixed every inline text part in order
(joined by a newline), of multipart/signed the signed part (the signature is an attachment).
A nested multipart that reuses its parent's boundary (old Outlook Express) is repaired: the
parts the parser lost to the epilogue are recovered. Encrypted content is kept as an attachment,
never decrypted; MIME nested deeper than `MAX_DEPTH` is not read.
"""

from __future__ import annotations

import email
import itertools
import re
from email.message import Message as MimeMessage

from evidence_kit.importers.email.attachments import attach, is_attachment
from evidence_kit.importers.email.headers import STRUCTURE_POLICY
from evidence_kit.importers.email.parse_warnings import Collector
from evidence_kit.importers.email.state import Body, Export
from evidence_kit.importers.email.text_parts import clean_text, part_text, visible_text

MAX_DEPTH = 32  # MIME nesting read; deeper parts stay only in the stored original


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
        parts.append(email.message_from_bytes(raw, policy=STRUCTURE_POLICY))
    return parts


def _children(part: MimeMessage, collect: Collector) -> list[MimeMessage]:
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
    return part.get_content_type() == "text/plain" and not is_attachment(part)


def _choose_alternative(kids: list[MimeMessage]) -> MimeMessage | None:
    for kid in kids:
        if kid.get_content_type() == "text/plain" and not is_attachment(kid):
            return kid
    for kid in kids:
        if kid.is_multipart() and _contains_plain(kid):
            return kid
    for kid in kids:
        if kid.get_content_type() == "text/html" and not is_attachment(kid):
            return kid
    return kids[-1] if kids else None


def render(part: MimeMessage, export: Export, body: Body, depth: int, want_text: bool) -> None:
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
                    attach(kid, export, body)
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
                attach(kid, export, body)  # the signature: kept, never verified
            else:
                render(kid, export, body, depth + 1, kid_wants)
        return
    if media_type in ("text/plain", "text/html") and not is_attachment(part):
        if want_text:
            text = part_text(part, export.collect)
            if media_type == "text/html":
                text = visible_text(text, export.collect)
            body.texts.append(clean_text(text))
        return
    if media_type == "application/pkcs7-mime":
        body.encrypted = True
    attach(part, export, body)
