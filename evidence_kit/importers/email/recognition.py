"""Recognising an e-mail or a mailbox by the first bytes of a file, and the format names.

A file is an e-mail when it opens with RFC 5322 header fields, at least one of them a common one;
an mbox when its first line starts with `From ` and header fields follow. A UTF-8 byte-order mark
before either (a file saved by a Windows editor) is looked past.
"""

from __future__ import annotations

import re

FORMAT = "email"
MBOX_FORMAT = "mbox"
FORMATS: tuple[str, ...] = (FORMAT, MBOX_FORMAT)

_HEAD_LIMIT = 65536  # the most of a file's start that is looked at (the registry reads 64 KiB)
_HEADER_LINE = re.compile(rb"[!-9;-~]+:")
KNOWN_HEADERS = frozenset(
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


def format_of(head: bytes) -> str | None:
    """ "mbox" or "email" when `head` (the first bytes of a file) starts a mailbox or a message."""
    if len(head) >= _HEAD_LIMIT:
        # The head was cut from a longer file: its last line may be cut in the middle of a header
        # field's name (a message with thousands of header fields), so it is not judged.
        head = head[:_HEAD_LIMIT]
        head = head[: head.rfind(b"\n") + 1]
    head = head.removeprefix(b"\xef\xbb\xbf")
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
        known = known or match.group(0)[:-1].lower() in KNOWN_HEADERS
    return fields >= 2 and known


def sniff(head: bytes, name: str) -> bool:
    """True when `head` starts an e-mail message or an mbox (by content; the name is not used)."""
    return format_of(head) is not None
