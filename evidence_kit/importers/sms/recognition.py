"""Recognising an SMS Backup & Restore file by its first bytes, and the format names.

`FORMAT = "sms"` is a `<smses>` backup (`sms-*.xml`); `CALLS_FORMAT = "calls"` a `<calls>` call log
(`calls-*.xml`). The root element decides; the file name is not used.
"""

from __future__ import annotations

import codecs
import re

FORMAT = "sms"
CALLS_FORMAT = "calls"
FORMATS: tuple[str, ...] = (FORMAT, CALLS_FORMAT)

_SNIFF = re.compile(
    r"\A\s*(?:<\?.{0,500}?\?>\s*|<!--.{0,5000}?-->\s*)*<(smses|calls)[\s/>]",
    re.DOTALL,
)


def format_of(head: bytes) -> str | None:
    """ "sms" or "calls" when `head` (the first bytes of a file) starts an SMS Backup & Restore file."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore").removeprefix("\ufeff")
    match = _SNIFF.match(text[:65536])
    if match is None:
        return None
    return FORMAT if match.group(1) == "smses" else CALLS_FORMAT


def sniff(head: bytes, name: str) -> bool:
    """True when `head` is the start of an SMS Backup & Restore backup or call log (by content only)."""
    return format_of(head) is not None
