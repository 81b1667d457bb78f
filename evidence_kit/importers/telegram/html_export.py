"""Telegram Desktop's HTML export: `messages.html`, `messages2.html`, ... per chat.

The HTML export shows names but no account ids, so sender_id stays empty. Each message's time
is the `title` of its `date details` element, "29.11.2026 10:15:01 UTC+01:00": the wall time is
kept as sent_at, but no UTC time is derived, because Telegram Desktop labels every time with its
time zone's *standard* offset (Qt's `displayName(StandardTime, OffsetName)`), which is an hour
off for every message sent during daylight saving time. The offset is kept in the conversation's
extra. Service lines in the HTML carry no time at all. Messages that "join" the previous one
(same sender, no name shown) get the previous sender; forwarded messages keep the
forwarded-from name in extra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bs4 import Tag

from evidence_kit.domain import AttachmentRef, Message, MessageKind, ParsedExport
from evidence_kit.importers._chat_support import (
    ExportTree,
    attribute,
    classes,
    clean_text,
    decode_text,
    html_text,
    parse_html,
)
from evidence_kit.importers.common import folder_of, guess_media_type, tally_bad_time, tally_unreadable_record
from evidence_kit.importers.telegram.chat import FORMAT, Chat, finish

TZ_HTML = (
    "Times are as shown in the export, in the local time of the computer that made it. Telegram Desktop "
    "labels them with that time zone's standard UTC offset (see the stated_utc_offset detail), which is "
    "one hour off for times during daylight saving time, so no UTC time is derived."
)

_OMITTED_HTML = ("not included", "exceeds maximum size", "unavailable, please try again")
_HTML_TIME = re.compile(r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\s*(UTC[+-]\d{2}:\d{2}))?")
_MESSAGE_ID = re.compile(r"message(-?\d+)\Z")
_GO_TO = re.compile(r"(?:go_to_message|GoToMessage\()(-?\d+)")
HTML_PAGE = re.compile(r"messages(\d*)\.html\Z")
_DATE_LINE = re.compile(r"\A\s*\d{1,2} [A-Z][a-z]+ \d{4}\s*\Z")


@dataclass
class _HtmlState:
    sender: str | None = None
    forwarded_from: str | None = None


def _child(parent: Tag, *class_names: str) -> Tag | None:
    """The first child element carrying all of `class_names`."""
    for node in parent.children:
        if isinstance(node, Tag) and all(name in classes(node) for name in class_names):
            return node
    return None


def _html_time(element: Tag | None, chat: Chat) -> datetime | None:
    title = attribute(element, "title") if element is not None else None
    if not title:
        return None
    match = _HTML_TIME.search(title)
    if match is None:
        tally_bad_time(chat.log, title)
        return None
    day, month, year, hour, minute, second = (int(g) for g in match.groups()[:6])
    try:
        wall = datetime(year, month, day, hour, minute, second)
    except ValueError:
        tally_bad_time(chat.log, title)
        return None
    offset = match.group(7)
    if offset and offset not in chat.offsets:
        chat.offsets.append(offset)
    return wall


def _from_name(element: Tag, chat: Chat) -> tuple[str | None, str | None]:
    """The name in a from_name element (without a forwarded date) and a "via @bot" suffix."""
    text = html_text(element, structural_newlines=True, exclude=lambda tag: "date" in classes(tag)).strip()
    via = None
    match = re.search(r" via @(\S+)\Z", text)
    if match:
        via, text = match.group(1), text[: match.start()].strip()
    return (clean_text(text, chat.log) or None), via


def _media_html(
    wrap: Tag, chat: Chat, folder: str, extra: list[tuple[str, str]]
) -> tuple[list[AttachmentRef], bool, str | None]:
    """Attachments, media_omitted and (for a call) the call text of a media_wrap element."""
    attachments: list[AttachmentRef] = []
    omitted = False
    call: str | None = None
    for node in wrap.find_all(["a", "div"]):
        if not isinstance(node, Tag):
            continue
        names = classes(node)
        href = attribute(node, "href") if node.name == "a" else None
        if any(n in names for n in ("photo_wrap", "video_file_wrap", "animated_wrap", "sticker_wrap")) or (
            "media" in names and href
        ):
            if href and not re.match(r"[a-z]+:", href):
                ref = chat.attach(href, folder)
                if ref is not None:
                    attachments.append(ref)
            elif href:
                extra.append(("link", clean_text(href, chat.log)))
        if "media" not in names:
            continue
        title_el = node.find("div", class_="title")
        status_el = node.find("div", class_="status")
        description_el = node.find("div", class_="description")
        title = html_text(title_el, structural_newlines=True).strip() if isinstance(title_el, Tag) else ""
        status = html_text(status_el, structural_newlines=True).strip() if isinstance(status_el, Tag) else ""
        description = (
            html_text(description_el, structural_newlines=True).strip()
            if isinstance(description_el, Tag)
            else ""
        )
        kind = next((n.removeprefix("media_") for n in names if n.startswith("media_")), "media")
        extra.append(("media_type", kind))
        if kind == "call":
            call = f"Phone call: {clean_text(status, chat.log)}" if status else "Phone call"
            if title:
                extra.append(("call_to", clean_text(title, chat.log)))
            continue
        if any(marker in description.lower() for marker in _OMITTED_HTML):
            omitted = True
            chat.omitted()
            extra.append(("media_not_included", clean_text(description, chat.log)))
            if kind == "file" and title:
                name = clean_text(title, chat.log)
                attachments.append(AttachmentRef(name=name, media_type=guess_media_type(name)))
                chat.missing.append(name)
        elif kind in ("location", "live_location", "venue", "contact", "game", "invoice"):
            shown = " ".join(p for p in (title, description, status) if p)
            extra.append((kind, clean_text(shown, chat.log)))
    poll = wrap.find("div", class_="media_poll")
    if isinstance(poll, Tag):
        question = poll.find("div", class_="question")
        if isinstance(question, Tag):
            extra.append(
                ("poll_question", clean_text(html_text(question, structural_newlines=True).strip(), chat.log))
            )
        for answer in poll.find_all("div", class_="answer"):
            if isinstance(answer, Tag):
                extra.append(
                    ("poll_answer", clean_text(html_text(answer, structural_newlines=True).strip(), chat.log))
                )
    return attachments, omitted, call


def _link_target(element: Tag) -> str | None:
    """The message id a "this message" link inside `element` points to."""
    for link in element.find_all("a"):
        if isinstance(link, Tag):
            found = _GO_TO.search(f"{attribute(link, 'onclick') or ''} {attribute(link, 'href') or ''}")
            if found:
                return found.group(1)
    return None


def _html_message(div: Tag, chat: Chat, state: _HtmlState, folder: str) -> Message | None:
    names = classes(div)
    match = _MESSAGE_ID.match(attribute(div, "id") or "")
    message_id = match.group(1) if match else None
    if "service" in names:
        body = _child(div, "body")
        text = html_text(body, structural_newlines=True) if body is not None else ""
        if message_id is not None and message_id.startswith("-") and _DATE_LINE.match(text):
            return None  # a date separator, not a message
        state.sender = state.forwarded_from = None
        reply_to = _link_target(body) if body is not None else None
        return Message(
            sender=None,
            text=clean_text(text.strip(), chat.log),
            kind=MessageKind.SYSTEM,
            message_id=message_id,
            reply_to=reply_to,
        )
    if "default" not in names:
        return None
    body = _child(div, "body")
    if body is None:
        tally_unreadable_record(chat.log)
        return None
    extra: list[tuple[str, str]] = []
    wall = _html_time(_child(body, "date"), chat)
    from_name = _child(body, "from_name")
    if from_name is not None:
        state.sender, via = _from_name(from_name, chat)
        state.forwarded_from = None
        if via:
            extra.append(("via_bot", via))
    elif "joined" not in names:
        state.sender = None
    sender = state.sender
    container = body
    forwarded = _child(body, "forwarded", "body")
    if forwarded is not None:
        container = forwarded
        inner = _child(forwarded, "from_name")
        if inner is not None:
            state.forwarded_from, _ = _from_name(inner, chat)
            date = inner.find("span", class_="date")
            if isinstance(date, Tag):
                original = _html_time(date, chat)
                if original is not None:
                    extra.append(("forwarded_date", original.isoformat()))
        if state.forwarded_from:
            extra.append(("forwarded_from", state.forwarded_from))
    reply_to = None
    reply = _child(container, "reply_to")
    if reply is not None:
        reply_to = _link_target(reply)
        if reply_to is None:
            extra.append(("reply_to_other_chat", "true"))
    attachments: list[AttachmentRef] = []
    omitted = False
    call = None
    wrap = _child(container, "media_wrap")
    if wrap is not None:
        attachments, omitted, call = _media_html(wrap, chat, folder, extra)
    text_div = _child(container, "text")
    text = clean_text(html_text(text_div, structural_newlines=True), chat.log) if text_div is not None else ""
    if text_div is not None:
        for link in text_div.find_all("a"):
            href = attribute(link, "href") if isinstance(link, Tag) else None
            if href and re.match(r"https?://", href) and href != html_text(link):
                extra.append(("link", clean_text(href, chat.log)))
    signature = _child(container, "signature")
    if signature is not None:
        extra.append(("author", clean_text(html_text(signature, structural_newlines=True).strip(), chat.log)))
    chat.person(sender, None)
    if wall is not None:
        chat.local_only += 1
    return Message(
        sender=sender,
        text=call if call is not None and not text else text,
        sent_at=wall,
        kind=MessageKind.SYSTEM if call is not None else MessageKind.MESSAGE,
        media_omitted=omitted,
        forwarded=forwarded is not None,
        message_id=message_id,
        reply_to=reply_to,
        attachments=tuple(attachments),
        extra=tuple(extra),
    )


def _page_number(name: str) -> int:
    match = HTML_PAGE.search(name)
    return int(match.group(1) or "1") if match else 0


def html_chat(
    tree: ExportTree, pages: list[str], base: str, *, partial: bool = False, folder: str | None = None
) -> ParsedExport:
    """One chat from its pages; `partial` when only one page of several was given; `folder` is
    the chat's folder in a whole-account export (chats/chat_001), kept as its chat_folder."""
    chat = Chat(tree=tree, base=base)
    chat.log.extend(tree.warnings)
    if partial:
        chat.log.add(
            "pages_not_read",
            message="This chat continues in other pages of the export (messages2.html, ...); only the page "
            "given was read. Add the chat's whole folder to read all of it.",
        )
    title: str | None = None
    state = _HtmlState()
    for page in sorted(pages, key=_page_number):
        page_text = decode_text(tree.read(page, format_name=FORMAT), chat.log)
        soup = parse_html(page_text, path=f"{tree.label}/{page}", format_name=FORMAT)
        page_folder = folder_of(page)
        if title is None:
            header = soup.find("div", class_="page_header")
            text = header.find("div", class_="text") if isinstance(header, Tag) else None
            if isinstance(text, Tag):
                title = clean_text(html_text(text, structural_newlines=True).strip(), chat.log) or None
        for div in soup.find_all("div", class_="message"):
            if isinstance(div, Tag):
                message = _html_message(div, chat, state, page_folder)
                if message is not None:
                    chat.messages.append(message)
    extra: list[tuple[str, str]] = [("export_format", "html")]
    if folder:
        extra.append(("chat_folder", folder))
    extra.extend(("stated_utc_offset", offset) for offset in chat.offsets)
    return finish(chat, title=title, tz=TZ_HTML if chat.local_only else None, extra=extra)


def html_chats(tree: ExportTree, base: str) -> list[ParsedExport]:
    """Every chat of an HTML export rooted at `base`: its own pages, or chats/chat_*/ pages."""
    prefix = f"{base}/" if base else ""
    pages: dict[str, list[str]] = {}
    for name in tree.names():
        if not name.startswith(prefix):
            continue
        rest = name[len(prefix) :]
        if HTML_PAGE.fullmatch(rest):
            pages.setdefault(base, []).append(name)
        else:
            match = re.fullmatch(r"(chats/chat_[^/]+)/messages\d*\.html", rest)
            if match:
                pages.setdefault(prefix + match.group(1), []).append(name)
    return [
        html_chat(tree, pages[key], base, folder=key[len(prefix) :] if key != base else None)
        for key in sorted(pages)
    ]
