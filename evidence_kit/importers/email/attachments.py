"""Attachments: each becomes an `AttachmentRef` on its message and an in-memory `EmbeddedFile`
(never a temp file), named by its decoded file name (RFC 2231 and RFC 2047) made safe, or
"attachment-N" with an extension from its type, and made unique within the export by " (2)",
" (3)" before the extension. An attached message is kept as the message's bytes; past
`MAX_EMBEDDED_TOTAL` an attachment stays only in the stored original. Where the import streams,
`Export.keeper` decides how a kept attachment's bytes are found again (see `reader.py`)."""

from __future__ import annotations

import functools
import io
import mimetypes
from collections.abc import Callable
from email.generator import BytesGenerator
from email.message import Message as MimeMessage
from typing import BinaryIO

from evidence_kit.domain import AttachmentRef, EmbeddedFile
from evidence_kit.importers.email.headers import POLICY, compat_decode
from evidence_kit.importers.email.state import Body, Export
from evidence_kit.importers.email.text_parts import note_defects

MAX_EMBEDDED_TOTAL = 256 * 1024 * 1024  # attachments held in memory, never in temp files


def _safe_name(value: str | None) -> str | None:
    if value is None:
        return None
    if "=?" in value:
        value = compat_decode(value)
    cleaned = "".join("_" if char in "/\\" or ord(char) < 0x20 or char == "\x7f" else char for char in value)
    cleaned = cleaned.strip()
    return cleaned if cleaned.strip("._ ") else None


def is_attachment(part: MimeMessage) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:  # a malformed Content-Disposition: treat the part by its type
        return False


def _filename(part: MimeMessage) -> str | None:
    try:
        return part.get_filename()
    except Exception:  # malformed parameters: the part still gets a generated name
        return None


def _serialise(msg: MimeMessage, linesep: str) -> bytes:
    """An attached message as bytes (re-generated without refolding; the original file is byte-exact)."""
    buffer = io.BytesIO()
    policy = POLICY.clone(refold_source="none", cte_type="8bit", linesep=linesep)
    generator: BytesGenerator[MimeMessage] = BytesGenerator(buffer, mangle_from_=False, policy=policy)
    generator.flatten(msg)
    return buffer.getvalue()


def attach(part: MimeMessage, export: Export, body: Body) -> None:
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
    ordinal = len(body.attachments) - 1
    if export.names_only:
        return
    if export.cut_message:  # its bytes may be incomplete: only the stored original is whole
        collect.add("cut_message_attachment_missing", name=name)
        export.missing.append(name)
        return
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
        note_defects(part, collect)
    if export.embedded_bytes + len(data) > MAX_EMBEDDED_TOTAL:
        collect.add("attachment_not_kept", name=name, limit=str(MAX_EMBEDDED_TOTAL))
        export.missing.append(name)
        return
    export.embedded_bytes += len(data)
    opener: Callable[[], BinaryIO] = (
        functools.partial(io.BytesIO, data)
        if export.keeper is None
        else export.keeper(export.message_start, ordinal, data)
    )
    export.files.append(EmbeddedFile(name=name, open=opener, size=len(data), media_type=media_type))
