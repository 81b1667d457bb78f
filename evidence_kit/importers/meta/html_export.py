"""Meta's DYI HTML pages (`message_N.html`): the same conversation as Meta renders it.

The shown time has no zone and no epoch, so there is no UTC time; English month names are read,
any other shown time is kept as text in the message's extra. Pages name their files from a
`<base href>` (the download's root) when they have one.
"""

from __future__ import annotations

import re
from datetime import datetime

from bs4 import Tag

from evidence_kit.domain import AttachmentRef, Message
from evidence_kit.importers._chat_support import (
    attribute,
    classes,
    clean_text,
    decode_text,
    html_text,
    join_name,
    parse_html,
)
from evidence_kit.importers.common import folder_of, tally_bad_time
from evidence_kit.importers.meta.platforms import FORMAT
from evidence_kit.importers.meta.thread import Thread

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_CLOCK = r"(?:at )?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[AaPp]\.?\s?[Mm]\.?)?"
_HTML_TIMES = (
    re.compile(r"(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2}), (?P<y>\d{4}),? " + _CLOCK + r"\s*\Z"),
    re.compile(r"(?P<d>\d{1,2}) (?P<mon>[A-Za-z]{3,9})\.? (?P<y>\d{4}),? " + _CLOCK + r"\s*\Z"),
)


def _html_time(shown: str) -> datetime | None:
    for pattern in _HTML_TIMES:
        match = pattern.match(shown.strip())
        if match is None:
            continue
        month = _MONTHS.get(match.group("mon").lower())
        if month is None:
            return None
        hour = int(match.group("h"))
        meridiem = (match.group("ap") or "").lower().replace(".", "").replace(" ", "")
        if meridiem:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        try:
            return datetime(
                int(match.group("y")),
                month,
                int(match.group("d")),
                hour,
                int(match.group("mi")),
                int(match.group("s") or 0),
            )
        except ValueError:
            return None
    return None


def _has_class(element: Tag, *names: str) -> bool:
    own = classes(element)
    return any(name in own for name in names)


def _leaf_texts(content: Tag) -> list[str]:
    """The text of each innermost block of a message body (Meta nests one div per part)."""
    texts: list[str] = []
    for div in content.find_all("div"):
        if isinstance(div, Tag) and div.find("div") is None:
            text = html_text(div)
            if text.strip():
                texts.append(text)
    if not texts and content.find("div") is None:
        text = html_text(content)
        if text.strip():
            texts.append(text)
    return texts


def html_file(thread: Thread, member: str) -> None:
    """Read the HTML page `member` of the thread's tree into `thread`."""
    log = thread.log
    page_text = decode_text(thread.tree.read(member, format_name=FORMAT), log)
    soup = parse_html(page_text, path=f"{thread.tree.label}/{member}", format_name=FORMAT)
    folder = folder_of(member)
    # Pages name their files from a <base href="../../.."> (the download's root) when they have one;
    # a base above the tree's root (a thread folder given on its own) falls back to the tree's root.
    base_tag = soup.find("base")
    base_href = attribute(base_tag, "href") if isinstance(base_tag, Tag) else None
    base = (join_name(folder, base_href) or "") if base_href else folder
    if thread.title is None:
        heading = soup.find("h1") or soup.find("title")
        if isinstance(heading, Tag):
            thread.title = clean_text(html_text(heading).strip(), log) or None
    for box in soup.find_all("div"):
        if not isinstance(box, Tag) or not _has_class(box, "uiBoxWhite"):
            continue
        time_el = next(
            (d for d in box.find_all("div") if isinstance(d, Tag) and _has_class(d, "_a6-o", "_2lem")), None
        )
        if time_el is None or box.find("div", class_="uiBoxWhite") is not None:
            continue  # a header box (participants) or a wrapper around boxes, not a message
        sender_el = next(
            (
                e
                for e in box.find_all(["h2", "div"])
                if isinstance(e, Tag) and _has_class(e, "_a6-h", "_2lel")
            ),
            None,
        )
        content = next(
            (d for d in box.find_all("div") if isinstance(d, Tag) and _has_class(d, "_a6-p", "_2let")), None
        )
        sender = clean_text(html_text(sender_el).strip(), log) or None if sender_el is not None else None
        thread.person(sender)
        shown = html_text(time_el).strip()
        wall = _html_time(shown)
        extra: list[tuple[str, str]] = []
        if wall is None:
            extra.append(("shown_time", clean_text(shown, log)))
            tally_bad_time(log, shown)
        else:
            thread.shown_times += 1
        attachments: list[AttachmentRef] = []
        text = ""
        if content is not None:
            for reactions in content.find_all("ul"):
                if isinstance(reactions, Tag):
                    for item in reactions.find_all("li"):
                        if isinstance(item, Tag):
                            extra.append(("reaction", clean_text(html_text(item).strip(), log)))
                    reactions.decompose()
            for element in content.find_all(["img", "video", "audio", "a"]):
                if not isinstance(element, Tag):
                    continue
                target = attribute(element, "src" if element.name != "a" else "href")
                if not target:
                    continue
                if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target):
                    if element.name == "a" and target.startswith(("http://", "https://")):
                        extra.append(("link", clean_text(target, log)))
                    continue
                thread.hints.append(target)
                ref = thread.attach(target, base)
                if ref is not None and ref not in attachments:
                    attachments.append(ref)
            text = clean_text("\n".join(_leaf_texts(content)), log)
        thread.records.append(
            (
                None,
                Message(
                    sender=sender, text=text, sent_at=wall, attachments=tuple(attachments), extra=tuple(extra)
                ),
            )
        )
