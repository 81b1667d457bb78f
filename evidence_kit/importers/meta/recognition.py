"""Recognising Meta's exports from the start of a file, or from a folder.

Three shapes are recognised: a DYI ("Download your information") `message_N.json`, the same
thread as a `message_N.html` page, and a Messenger end-to-end-encrypted chat download (a JSON
file per chat under any name). Rule: only the start of a file is looked at, never the whole
export; the start may also hint at the platform (`format_of`), but `read` decides from the whole.
"""

from __future__ import annotations

import re
from pathlib import Path

from evidence_kit.importers._chat_support import zip_names_in_head
from evidence_kit.importers.common import starts_json_object
from evidence_kit.importers.meta.platforms import FACEBOOK, FORMAT

KNOWN_TOPS = (
    "messages",
    "your_activity_across_facebook",
    "your_facebook_activity",
    "your_instagram_activity",
)
DYI_PAGE = re.compile(r"message_(\d+)\.(json|html?)\Z")
_SNIFF_DYI = (re.compile(rb'"sender_name"\s*:'), re.compile(rb'"timestamp(?:_ms)?"\s*:'))
_SNIFF_THREAD = (
    re.compile(rb'"participants"\s*:\s*\['),
    re.compile(rb'"(?:thread_path|is_still_participant)"\s*:'),
)
_SNIFF_E2EE = (re.compile(rb'"senderName"\s*:'), re.compile(rb'"(?:threadName|isUnsent|participants)"\s*:'))


def kind_of_head(head: bytes) -> str | None:
    """ "dyi" or "e2ee" for the JSON shapes, "html" for a DYI page, None otherwise."""
    if starts_json_object(head):
        if all(p.search(head) for p in _SNIFF_E2EE):
            return "e2ee"
        if all(p.search(head) for p in _SNIFF_DYI) or all(p.search(head) for p in _SNIFF_THREAD):
            return "dyi"
        return None
    if (
        b"uiBoxWhite" in head
        and (b"_a6-g" in head or b"_2lej" in head)
        and (b"_a6-o" in head or b"_2lem" in head)
    ):
        return "html"
    return None


def sniff(head: bytes, name: str) -> bool:
    """True for a DYI message_N.json / message_N.html, an end-to-end-encrypted chat download, or a
    zip of a download whose first members show message threads."""
    if head[:4] == b"PK\x03\x04":
        return any(
            re.search(r"(?:^|/)messages/inbox/[^/]+/message_\d+\.(?:json|html)\Z", member)
            for member in zip_names_in_head(head)
        )
    kind = kind_of_head(head)
    if kind == "html":
        # Other DYI pages (posts, likes) share the markup; a conversation is a message_N page.
        base = name.replace("\\", "/").rsplit("/", 1)[-1]
        return DYI_PAGE.match(base) is not None or b"Participants:" in head
    return kind is not None


def format_of(head: bytes) -> str | None:
    """ "facebook" or "instagram" when the start of an export already shows which, else None.

    Only a hint for the registry: `read` decides from the whole export, and should be given
    `platform` only when the user named it (`--as`).
    """
    kind = kind_of_head(head)
    if kind is None:
        return None
    lowered = head.lower()
    if kind == "e2ee" or b'"thread_type"' in head or b"your_facebook_activity" in lowered:
        return FACEBOOK
    if b"your_instagram_activity" in lowered or b"instagram.com" in lowered:
        return FORMAT
    return None


def sniff_dir(path: Path) -> bool:
    """True for a thread folder, a download folder holding message threads, or an E2EE download."""
    try:
        for child in sorted(path.iterdir())[:500]:
            if child.is_file() and (DYI_PAGE.match(child.name) or child.suffix.lower() == ".json"):
                with child.open("rb") as handle:
                    if kind_of_head(handle.read(65536)) is not None:
                        return True
        return (
            any((path / top / "messages" / "inbox").is_dir() for top in KNOWN_TOPS[1:])
            or (path / "messages" / "inbox").is_dir()
        )
    except OSError:
        return False
