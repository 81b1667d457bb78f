"""Telegram Desktop exports: `result.json` (one chat or a whole account) and the HTML export.

Rule: one `ParsedExport` is one chat. A whole-account export holds many chats, and merging them
into one conversation would mix people and contexts in a way no court should see, so
`read_all(path)` returns one export per chat (in the export's order, chats the account left
last), and `read(path)` returns the chat only when there is exactly one, otherwise it raises
`TelegramMultipleChatsError` and the export is kept as a plain file.

What the JSON gives and how it is kept (field names are Telegram Desktop's):

* `id` -> message_id; `reply_to_message_id` -> reply_to; `from`/`from_id` ("user123456") ->
  sender/sender_id (`actor`/`actor_id` for service messages).
* `date` is the wall time of the computer that made the export (its zone is not written) ->
  sent_at; `date_unixtime` -> sent_at_utc. A message with only `date_unixtime` gets the UTC wall
  time as sent_at, and ("wall_time", "utc") in its extra. `edited`/`edited_unixtime` -> edited.
* `text` is a string or a list of strings and entity objects (`{"type": "bold", "text": ...}`);
  the text is their concatenation, exactly as typed (Telegram keeps the spaces between entities
  as plain strings). Link targets that differ from the shown text go to extra as ("link", url).
* `photo`/`file` name a file relative to the export folder: a file the folder holds becomes an
  `EmbeddedFile` and an attachment; a missing one is listed in `missing`. The placeholder
  "(File not included. Change data exporting settings to download.)" sets media_omitted.
* `type: "service"` messages become system messages with a readable English text built from
  `action` (joined_telegram, phone_call, pin_message, take_screenshot, ...).
* Reactions, polls, locations, shared contacts, stickers' emoji, `via_bot` and the like are kept
  in the message's extra.

A folder holding both `result.json` and `messages.html` (both formats exported) is read from
the JSON, which alone carries account ids and Unix times.

The HTML export (`messages.html`, `messages2.html`, ... per chat) shows names but no account
ids, so sender_id stays empty. Each message's time is the `title` of its `date details` element,
"29.11.2026 10:15:01 UTC+01:00": the wall time is kept as sent_at, but no UTC time is derived,
because Telegram Desktop labels every time with its time zone's *standard* offset (Qt's
`displayName(StandardTime, OffsetName)`), which is an hour off for every message sent during
daylight saving time. The offset is kept in the conversation's extra. Service lines in the HTML
carry no time at all. Messages that "join" the previous one (same sender, no name shown) get
the previous sender; forwarded messages keep the forwarded-from name in extra.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from bs4 import Tag

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    EmbeddedFile,
    Message,
    MessageKind,
    ParsedExport,
    Participant,
)
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers._chat_support import (
    ExportTree,
    FolderTree,
    WarningLog,
    attribute,
    classes,
    clean_text,
    decode_text,
    dicts,
    get_dict,
    get_int,
    get_list,
    get_str,
    html_text,
    id_text,
    join_name,
    load_json,
    missing_warning,
    open_tree,
    parse_html,
    zip_names_in_head,
)

FORMAT = "telegram"


class TelegramMultipleChatsError(ImportFormatError):
    """A whole-account export holds several chats: read them with `read_all`."""

    template = "{path} is a Telegram export of {count} chats; each chat has to be read on its own."


TZ_JSON = (
    "Wall times are the local time of the computer that made the export, in a time zone the export "
    "does not state; UTC times come from the Unix times the export gives."
)
TZ_JSON_MIXED = (
    "Wall times are the local time of the computer that made the export, in a time zone the export "
    "does not state, except for messages with only a Unix time, whose wall time is shown in UTC (see "
    "each message's wall_time detail); UTC times come from the Unix times."
)
TZ_JSON_UTC_ONLY = (
    "The export gives Unix times only: wall times are shown in UTC, not in the local time zone of the "
    "computer that made the export."
)
TZ_JSON_LOCAL_ONLY = (
    "Times are as shown in the export, in the local time zone of the computer that made it, which the "
    "export does not state; it gives no UTC times."
)
TZ_HTML = (
    "Times are as shown in the export, in the local time of the computer that made it. Telegram Desktop "
    "labels them with that time zone's standard UTC offset (see the stated_utc_offset detail), which is "
    "one hour off for times during daylight saving time, so no UTC time is derived."
)

_NOT_INCLUDED = re.compile(r"\A\((?:File|Photo)[^()]*\)\Z|\A\(File not included[^)]*\)\Z")
_OMITTED_HTML = ("not included", "exceeds maximum size", "unavailable, please try again")
_CHAT_TYPES = (
    "personal_chat|private_group|private_supergroup|public_supergroup|private_channel|"
    "public_channel|bot_chat|saved_messages|replies"
)
_SNIFF_JSON = (
    re.compile(rb'"date_unixtime"\s*:\s*"?[0-9]'),
    re.compile(rb'"text_entities"\s*:\s*\['),
    re.compile(rb'"type"\s*:\s*"(?:' + _CHAT_TYPES.encode() + rb')"\s*,\s*"id"\s*:'),
    re.compile(rb'"about"\s*:\s*"[^"]{0,200}Telegram'),
)
_SNIFF_HTML_TITLE = re.compile(rb"<title>\s*Exported Data\s*</title>")
_HTML_TIME = re.compile(r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\s*(UTC[+-]\d{2}:\d{2}))?")
_MESSAGE_ID = re.compile(r"message(-?\d+)\Z")
_GO_TO = re.compile(r"(?:go_to_message|GoToMessage\()(-?\d+)")
_HTML_PAGE = re.compile(r"messages(\d*)\.html\Z")
_DATE_LINE = re.compile(r"\A\s*\d{1,2} [A-Z][a-z]+ \d{4}\s*\Z")
_MIN_EPOCH, _MAX_EPOCH = 0, 253402300799  # 1970 .. 9999


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------


def _json_head(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and any(pattern.search(head) for pattern in _SNIFF_JSON)


def _html_head(head: bytes) -> bool:
    return (
        _SNIFF_HTML_TITLE.search(head) is not None
        and b'class="page_wrap"' in head
        and (b"chat_page" in head or b'class="message ' in head)
    )


def sniff(head: bytes, name: str) -> bool:
    """True when `head` is Telegram Desktop's result.json, a chat page of its HTML export, or a
    zip of an export folder (Telegram's default folder names ChatExport_*/DataExport_*)."""
    if head[:4] == b"PK\x03\x04":
        names = zip_names_in_head(head)
        return any(re.match(r"(?:[^/]*/)?(?:ChatExport|DataExport)_[^/]*/", n) for n in names) or (
            any(n.endswith("messages.html") for n in names) and any(n.endswith("js/script.js") for n in names)
        )
    return _json_head(head) or _html_head(head)


def _head_of(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(65536)
    except OSError:
        return b""


def sniff_dir(path: Path) -> bool:
    """True for a Telegram Desktop export folder (one chat, or a whole account)."""
    try:
        if (path / "result.json").is_file() and _json_head(_head_of(path / "result.json")):
            return True
        if (path / "messages.html").is_file() and _html_head(_head_of(path / "messages.html")):
            return True
        return (path / "export_results.html").is_file() and (path / "chats").is_dir()
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------
# Shared state of one chat
# ---------------------------------------------------------------------------------------------


@dataclass
class _Chat:
    """What is gathered while one chat is read."""

    tree: ExportTree
    base: str  # the export's folder inside the tree ("" or "ChatExport_2026-11-29")
    log: WarningLog = field(default_factory=WarningLog)
    messages: list[Message] = field(default_factory=list)
    participants: dict[tuple[str | None, str | None], Participant] = field(default_factory=dict)
    files: dict[str, EmbeddedFile] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    utc_walls: int = 0
    local_only: int = 0
    both: int = 0
    offsets: list[str] = field(default_factory=list)

    def person(self, name: str | None, identifier: str | None) -> None:
        if name is None and identifier is None:
            return
        self.participants.setdefault((name, identifier), Participant(name=name, identifier=identifier))

    def attach(self, written: str, folder: str) -> AttachmentRef | None:
        """The attachment a message names (relative to `folder`), linked or listed as missing."""
        joined = join_name(folder, written)
        if joined is None:
            self.log.tally(
                "unsafe_path",
                message="{count} file names in the export point outside it (for example {name}); they were "
                "ignored.",
                name=written[:200],
            )
            return None
        if not self.tree.is_file(joined):
            # Some writers percent-encode names with spaces; try the decoded name too.
            alternative = join_name(folder, unquote(written))
            if alternative is not None and self.tree.is_file(alternative):
                joined = alternative
        name = joined[len(self.base) + 1 :] if self.base and joined.startswith(self.base + "/") else joined
        ref = AttachmentRef(name=name, media_type=_media_type(name))
        if name in self.files or name in self.missing:
            return ref
        if self.tree.is_file(joined):
            self.files[name] = EmbeddedFile(
                name=name,
                open=self.tree.opener(joined),
                size=self.tree.size(joined),
                media_type=ref.media_type,
            )
        else:
            self.missing.append(name)
        return ref

    def omitted(self) -> None:
        self.log.tally(
            "media_omitted",
            message="{count} photos, videos or other files were not included in the export (Telegram "
            "Desktop's export settings left them out); only their placeholders are in the chat.",
        )


def _media_type(name: str) -> str | None:
    return mimetypes.guess_type(name, strict=False)[0]


def _finish(chat: _Chat, *, title: str | None, tz: str | None, extra: list[tuple[str, str]]) -> ParsedExport:
    missing_warning(chat.log, chat.missing)
    conversation = Conversation(
        platform="telegram",
        messages=tuple(chat.messages),
        title=title,
        participants=tuple(chat.participants.values()),
        timezone_assumption=tz,
        warnings=chat.log.warnings(),
        extra=tuple(extra),
    )
    return ParsedExport(
        conversation=conversation, files=tuple(chat.files.values()), missing=tuple(chat.missing)
    )


# ---------------------------------------------------------------------------------------------
# result.json
# ---------------------------------------------------------------------------------------------


def _epoch(value: int | None) -> datetime | None:
    if value is None or not _MIN_EPOCH <= value <= _MAX_EPOCH:
        return None
    return datetime.fromtimestamp(value, tz=UTC)


def _wall(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=None) if parsed.tzinfo is not None else parsed


def _entity_text(value: object, chat: _Chat, links: list[str]) -> str:
    """The plain text of a `text` value: a string, or a list of strings and entity objects."""
    if isinstance(value, str):
        return clean_text(value, chat.log)
    if not isinstance(value, list):
        if value is not None:
            chat.log.tally(
                "unexpected_value",
                message="{count} values in the export had an unexpected form and were ignored.",
            )
        return ""
    pieces: list[str] = []
    for item in value:
        if isinstance(item, str):
            pieces.append(item)
        elif isinstance(item, dict):
            text = get_str(item, "text") or ""
            pieces.append(text)
            href = get_str(item, "href")
            if href and href != text:
                links.append(clean_text(href, chat.log))
        else:
            chat.log.tally(
                "unexpected_value",
                message="{count} values in the export had an unexpected form and were ignored.",
            )
    return clean_text("".join(pieces), chat.log)


def _names(value: object) -> str:
    names = [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
    if not names:
        return "someone"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _service_text(raw: dict[str, object], action: str, actor: str | None) -> str:
    """A readable English line for a service message, worded like Telegram's own HTML export."""
    who = actor or "Someone"
    title = get_str(raw, "title") or ""
    members = _names(raw.get("members"))
    if action == "phone_call" or action == "group_call":
        seconds = get_int(raw, "duration_seconds") or get_int(raw, "duration")
        reason = get_str(raw, "discard_reason")
        text = f"Phone call by {who}" if action == "phone_call" else f"{who} started a voice chat"
        if seconds:
            text += f", {seconds} seconds"
        if reason:
            text += f" (ended: {reason})"
        return text
    if action == "pin_message":
        pinned = id_text(raw, "message_id")
        return f"{who} pinned message {pinned}" if pinned else f"{who} pinned a message"
    if action == "set_messages_ttl":
        period = get_int(raw, "period_seconds") or get_int(raw, "period")
        return (
            f"{who} set messages to auto-delete after {period} seconds"
            if period
            else f"{who} turned off auto-delete"
        )
    fixed = {
        "joined_telegram": f"{who} joined Telegram",
        "create_group": f"{who} created group «{title}»"
        + (f" with members {members}" if raw.get("members") else ""),
        "edit_group_title": f"{who} changed group title to «{title}»",
        "edit_group_photo": f"{who} changed group photo",
        "delete_group_photo": f"{who} removed group photo",
        "invite_members": f"{who} invited {members}",
        "remove_members": f"{who} removed {members}",
        "join_group_by_link": f"{who} joined group by link from {get_str(raw, 'inviter') or 'someone'}",
        "join_group_by_request": f"{who} joined group by request",
        "migrate_to_supergroup": f"{who} converted this group to a supergroup",
        "migrate_from_group": f"{who} converted a basic group to this supergroup «{title}»",
        "clear_history": "History cleared",
        "take_screenshot": f"{who} took a screenshot",
        "create_channel": f"Channel «{title}» created",
        "invite_to_group_call": f"{who} invited {members} to the voice chat",
        "requested_phone_number": f"{who} requested your phone number",
        "edit_chat_theme": f"{who} changed chat theme to {get_str(raw, 'emoticon') or ''}".rstrip(),
        "set_chat_wallpaper": f"{who} set a new background for this chat",
        "suggest_profile_photo": f"{who} suggests to use this photo",
        "allow_sending_messages": f"{who} allowed this bot to message them",
    }
    if action in fixed:
        return fixed[action]
    return f"{who}: {action.replace('_', ' ')}" if action else f"{who}: service message"


def _media(
    raw: dict[str, object], chat: _Chat, folder: str
) -> tuple[list[AttachmentRef], bool, list[tuple[str, str]]]:
    attachments: list[AttachmentRef] = []
    extra: list[tuple[str, str]] = []
    omitted = False
    for key in ("photo", "file"):
        written = get_str(raw, key)
        if written is None:
            continue
        written = clean_text(written, chat.log)
        if _NOT_INCLUDED.match(written.strip()) or (written.startswith("(") and written.endswith(")")):
            omitted = True
            chat.omitted()
            extra.append(("media_not_included", written.strip("()")))
            file_name = get_str(raw, "file_name")
            if file_name:
                name = clean_text(file_name, chat.log)
                attachments.append(AttachmentRef(name=name, media_type=get_str(raw, "mime_type")))
                chat.missing.append(name)
            continue
        ref = chat.attach(written, folder)
        if ref is not None:
            mime = get_str(raw, "mime_type")
            attachments.append(AttachmentRef(name=ref.name, media_type=mime or ref.media_type))
    for key in ("media_type", "mime_type", "file_name", "sticker_emoji", "performer", "title"):
        value = get_str(raw, key)
        if value:
            extra.append((key, clean_text(value, chat.log)))
    for key in ("duration_seconds", "file_size", "photo_file_size", "width", "height"):
        number = get_int(raw, key)
        if number is not None:
            extra.append((key, str(number)))
    location = get_dict(raw, "location_information")
    if location is not None and "latitude" in location and "longitude" in location:
        extra.append(("location", f"{location.get('latitude')},{location.get('longitude')}"))
    contact = get_dict(raw, "contact_information")
    if contact is not None:
        parts = [get_str(contact, key) or "" for key in ("first_name", "last_name", "phone_number")]
        extra.append(("contact", clean_text(" ".join(p for p in parts if p), chat.log)))
    for reaction in dicts(get_list(raw, "reactions")):
        emoji = get_str(reaction, "emoji") or get_str(reaction, "document_id") or get_str(reaction, "type")
        count = get_int(reaction, "count")
        if emoji:
            extra.append(
                ("reaction", clean_text(f"{emoji} ×{count}" if count is not None else emoji, chat.log))
            )
        for recent in dicts(get_list(reaction, "recent")):
            who = get_str(recent, "from") or id_text(recent, "from_id")
            if who and emoji:
                extra.append(("reaction_by", clean_text(f"{who}: {emoji}", chat.log)))
    poll = get_dict(raw, "poll")
    if poll is not None:
        question = get_str(poll, "question")
        if question:
            extra.append(("poll_question", clean_text(question, chat.log)))
        for answer in dicts(get_list(poll, "answers")):
            text = get_str(answer, "text")
            if text:
                extra.append(("poll_answer", clean_text(text, chat.log)))
    return attachments, omitted, extra


def _json_message(raw: dict[str, object], chat: _Chat, folder: str) -> Message:
    log = chat.log
    kind_name = get_str(raw, "type") or "message"
    wall = _wall(get_str(raw, "date"))
    utc = _epoch(get_int(raw, "date_unixtime"))
    extra: list[tuple[str, str]] = []
    if raw.get("date") is not None and wall is None:
        log.tally(
            "bad_time",
            message="{count} messages have a time that could not be read, for example {value}.",
            value=str(raw.get("date"))[:60],
        )
    if wall is None and utc is not None:
        wall = utc.replace(tzinfo=None)
        extra.append(("wall_time", "utc"))
        chat.utc_walls += 1
    elif wall is not None and utc is not None:
        chat.both += 1
    elif wall is not None:
        chat.local_only += 1
    edited = "edited" in raw or "edited_unixtime" in raw
    edited_wall = _wall(get_str(raw, "edited"))
    edited_utc = _epoch(get_int(raw, "edited_unixtime"))
    if edited_wall is not None:
        extra.append(("edited_at", edited_wall.isoformat()))
    if edited_utc is not None:
        extra.append(("edited_at_utc", edited_utc.strftime("%Y-%m-%dT%H:%M:%SZ")))

    links: list[str] = []
    text = _entity_text(raw.get("text"), chat, links)
    if not text and "text" not in raw and isinstance(raw.get("text_entities"), list):
        text = _entity_text(raw.get("text_entities"), chat, links)
    extra.extend(("link", link) for link in links)

    if kind_name == "service":
        sender = get_str(raw, "actor")
        sender_id = id_text(raw, "actor_id")
        action = get_str(raw, "action") or ""
        shown = text or _service_text(raw, action, clean_text(sender, log) if sender else None)
        extra.append(("action", action))
        for key in ("duration_seconds", "discard_reason", "title", "inviter"):
            value = raw.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                extra.append((key, clean_text(str(value), log)))
        members = [clean_text(m, log) for m in get_list(raw, "members") if isinstance(m, str)]
        extra.extend(("member", member) for member in members)
        kind = MessageKind.SYSTEM
        attachments: list[AttachmentRef] = []
        omitted = False
        text = shown
        reply_to = id_text(raw, "message_id") if action == "pin_message" else None
    else:
        sender = get_str(raw, "from")
        sender_id = id_text(raw, "from_id")
        kind = MessageKind.MESSAGE
        attachments, omitted, media_extra = _media(raw, chat, folder)
        extra.extend(media_extra)
        reply_to = id_text(raw, "reply_to_message_id")
        if kind_name != "message":
            extra.append(("type", kind_name))
    sender = clean_text(sender, log) if sender is not None else None
    sender_id = clean_text(sender_id, log) if sender_id is not None else None
    chat.person(sender, sender_id)

    forwarded_from = get_str(raw, "forwarded_from")
    forwarded = forwarded_from is not None or "forwarded_from" in raw
    if forwarded_from:
        extra.append(("forwarded_from", clean_text(forwarded_from, log)))
    for key in ("forwarded_from_id", "saved_from", "via_bot", "author", "reply_to_peer_id"):
        value = id_text(raw, key)
        if value:
            extra.append((key, clean_text(value, log)))
    return Message(
        sender=sender,
        text=text,
        sent_at=wall,
        sent_at_utc=utc,
        sender_id=sender_id,
        kind=kind,
        edited=edited,
        media_omitted=omitted,
        forwarded=forwarded,
        message_id=id_text(raw, "id"),
        reply_to=reply_to,
        attachments=tuple(attachments),
        extra=tuple(extra),
    )


def _looks_like_telegram_messages(messages: list[object]) -> bool:
    records = dicts(messages[:200])
    if not records:
        return not messages
    keys = ("date", "date_unixtime", "text_entities", "from_id", "actor_id")
    return any(any(key in record for key in keys) for record in records)


def _json_chat(
    data: dict[str, object],
    tree: ExportTree,
    base: str,
    file_log: WarningLog,
    account: list[tuple[str, str]],
    left: bool,
) -> ParsedExport:
    chat = _Chat(tree=tree, base=base)
    chat.log.extend(tree.warnings)
    chat.log.extend(file_log.warnings())
    messages = get_list(data, "messages")
    for raw in messages:
        if not isinstance(raw, dict):
            chat.log.tally(
                "unreadable_record",
                message="{count} entries of the message list could not be read and were skipped.",
            )
            continue
        chat.messages.append(_json_message(raw, chat, base))
    tz: str | None
    if chat.utc_walls and (chat.both or chat.local_only):
        tz = TZ_JSON_MIXED
    elif chat.utc_walls:
        tz = TZ_JSON_UTC_ONLY
    elif chat.local_only and not chat.both:
        tz = TZ_JSON_LOCAL_ONLY
    else:
        tz = TZ_JSON if chat.both else None
    chat_type = get_str(data, "type")
    name = get_str(data, "name")
    title = (
        clean_text(name, chat.log) if name else ("Saved Messages" if chat_type == "saved_messages" else None)
    )
    extra: list[tuple[str, str]] = [("export_format", "json")]
    if chat_type:
        extra.append(("chat_type", chat_type))
    chat_id = id_text(data, "id")
    if chat_id:
        extra.append(("chat_id", chat_id))
    if left:
        extra.append(("left_chat", "true"))
    extra.extend(account)
    return _finish(chat, title=title, tz=tz, extra=extra)


def _account(data: dict[str, object], log: WarningLog) -> list[tuple[str, str]]:
    """Who made a whole-account export (its personal_information), as conversation extra."""
    info = get_dict(data, "personal_information")
    if info is None:
        return []
    out: list[tuple[str, str]] = []
    user_id = id_text(info, "user_id")
    if user_id:
        out.append(("account_id", f"user{user_id}"))
    name = " ".join(p for p in (get_str(info, "first_name"), get_str(info, "last_name")) if p)
    if name:
        out.append(("account_name", clean_text(name, log)))
    for key, label in (("phone_number", "account_phone"), ("username", "account_username")):
        value = get_str(info, key)
        if value:
            out.append((label, clean_text(value, log)))
    return out


def _read_json(tree: ExportTree, member: str, display: str) -> list[ParsedExport]:
    log = WarningLog()
    data = load_json(tree.read(member, format_name=FORMAT), path=display, format_name=FORMAT, log=log)
    if not isinstance(data, dict):
        raise ImportFormatError(path=display, format=FORMAT, detail="the JSON is not a Telegram export")
    base = str(PurePosixPath(member).parent) if "/" in member else ""
    if "messages" in data:
        messages = data.get("messages")
        if not isinstance(messages, list) or not _looks_like_telegram_messages(messages):
            raise ImportFormatError(
                path=display, format=FORMAT, detail="its messages are not Telegram messages"
            )
        return [_json_chat(data, tree, base, log, [], left=False)]
    chats = get_dict(data, "chats")
    if chats is None or not isinstance(chats.get("list"), list):
        raise ImportFormatError(path=display, format=FORMAT, detail="the JSON holds no Telegram chats")
    account = _account(data, log)
    found: list[ParsedExport] = []
    for section, left in (("chats", False), ("left_chats", True)):
        holder = get_dict(data, section)
        for record in dicts(get_list(holder, "list") if holder is not None else []):
            found.append(_json_chat(record, tree, base, log, account, left=left))
    if not found:
        empty = _Chat(tree=tree, base=base, log=log)
        empty.log.extend(tree.warnings)
        empty.log.add("no_chats", message="The export holds no chats (only account data).")
        found.append(_finish(empty, title=None, tz=None, extra=[("export_format", "json"), *account]))
    return found


# ---------------------------------------------------------------------------------------------
# HTML export
# ---------------------------------------------------------------------------------------------


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


def _html_time(element: Tag | None, chat: _Chat) -> datetime | None:
    title = attribute(element, "title") if element is not None else None
    if not title:
        return None
    match = _HTML_TIME.search(title)
    if match is None:
        chat.log.tally(
            "bad_time",
            message="{count} messages have a time that could not be read, for example {value}.",
            value=title[:60],
        )
        return None
    day, month, year, hour, minute, second = (int(g) for g in match.groups()[:6])
    try:
        wall = datetime(year, month, day, hour, minute, second)
    except ValueError:
        chat.log.tally(
            "bad_time",
            message="{count} messages have a time that could not be read, for example {value}.",
            value=title[:60],
        )
        return None
    offset = match.group(7)
    if offset and offset not in chat.offsets:
        chat.offsets.append(offset)
    return wall


def _from_name(element: Tag, chat: _Chat) -> tuple[str | None, str | None]:
    """The name in a from_name element (without a forwarded date) and a "via @bot" suffix."""
    text = html_text(element, structural_newlines=True, exclude=lambda tag: "date" in classes(tag)).strip()
    via = None
    match = re.search(r" via @(\S+)\Z", text)
    if match:
        via, text = match.group(1), text[: match.start()].strip()
    return (clean_text(text, chat.log) or None), via


def _media_html(
    wrap: Tag, chat: _Chat, folder: str, extra: list[tuple[str, str]]
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
                attachments.append(AttachmentRef(name=name, media_type=_media_type(name)))
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


def _html_message(div: Tag, chat: _Chat, state: _HtmlState, folder: str) -> Message | None:
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
        chat.log.tally(
            "unreadable_record",
            message="{count} entries of the message list could not be read and were skipped.",
        )
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
    match = _HTML_PAGE.search(name)
    return int(match.group(1) or "1") if match else 0


def _html_chat(tree: ExportTree, pages: list[str], base: str, *, partial: bool = False) -> ParsedExport:
    """One chat from its pages; `partial` when only one page of several was given."""
    chat = _Chat(tree=tree, base=base)
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
        folder = str(PurePosixPath(page).parent) if "/" in page else ""
        if title is None:
            header = soup.find("div", class_="page_header")
            text = header.find("div", class_="text") if isinstance(header, Tag) else None
            if isinstance(text, Tag):
                title = clean_text(html_text(text, structural_newlines=True).strip(), chat.log) or None
        for div in soup.find_all("div", class_="message"):
            if isinstance(div, Tag):
                message = _html_message(div, chat, state, folder)
                if message is not None:
                    chat.messages.append(message)
    extra: list[tuple[str, str]] = [("export_format", "html")]
    extra.extend(("stated_utc_offset", offset) for offset in chat.offsets)
    return _finish(chat, title=title, tz=TZ_HTML if chat.local_only else None, extra=extra)


def _html_chats(tree: ExportTree, base: str) -> list[ParsedExport]:
    """Every chat of an HTML export rooted at `base`: its own pages, or chats/chat_*/ pages."""
    prefix = f"{base}/" if base else ""
    pages: dict[str, list[str]] = {}
    for name in tree.names():
        if not name.startswith(prefix):
            continue
        rest = name[len(prefix) :]
        if _HTML_PAGE.fullmatch(rest):
            pages.setdefault(base, []).append(name)
        else:
            match = re.fullmatch(r"(chats/chat_[^/]+)/messages\d*\.html", rest)
            if match:
                pages.setdefault(prefix + match.group(1), []).append(name)
    return [_html_chat(tree, pages[key], base) for key in sorted(pages)]


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def _shallowest(names: list[str], file_name: str) -> str | None:
    found = [n for n in names if PurePosixPath(n).name == file_name and "__MACOSX" not in n]
    return min(found, key=lambda n: (n.count("/"), n)) if found else None


def _read_member(tree: ExportTree, member: str, display: str) -> list[ParsedExport]:
    head = tree.read(member, format_name=FORMAT)[:65536]
    if _json_head(head) or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _read_json(tree, member, display)
    if b"<" not in head[:4096]:
        raise ImportFormatError(path=display, format=FORMAT, detail="not a Telegram Desktop export")
    folder = str(PurePosixPath(member).parent) if "/" in member else ""
    siblings = [
        n
        for n in tree.names()
        if PurePosixPath(n).parent == PurePosixPath(member).parent
        and _HTML_PAGE.fullmatch(PurePosixPath(n).name)
        and n != member
    ]
    if not _html_head(head):
        raise ImportFormatError(path=display, format=FORMAT, detail="not a Telegram Desktop chat page")
    # A page of a whole-account export (chats/chat_001/) names its files from the export's root.
    nested = re.fullmatch(r"(?:(.*)/)?chats/chat_[^/]+", folder)
    base = (nested.group(1) or "") if nested else folder
    return [_html_chat(tree, [member], base, partial=bool(siblings))]


def _whole_account_root(path: Path) -> tuple[Path, str] | None:
    """For a page inside a whole-account HTML export (chats/chat_001/messages.html): its root."""
    chat_folder = path.parent
    root = chat_folder.parent.parent
    if chat_folder.parent.name == "chats" and (root / "export_results.html").is_file():
        return root, f"chats/{chat_folder.name}/{path.name}"
    return None


def read_all(path: Path) -> list[ParsedExport]:
    """Every chat of the Telegram Desktop export at `path`, one `ParsedExport` per chat.

    `path` is `result.json`, an HTML chat page, the export folder, or a zip of it.
    """
    path = Path(path)
    display = str(path)
    tree, member = open_tree(path, format_name=FORMAT)
    try:
        if member is not None:
            if path.suffix.lower() in (".html", ".htm"):
                nested = _whole_account_root(path)
                if nested is not None:
                    tree.close()
                    tree, member = FolderTree(nested[0]), nested[1]
            return _read_member(tree, member, display)
        names = tree.names()
        result_json = _shallowest(names, "result.json")
        if result_json is not None:
            return _read_json(tree, result_json, f"{display}/{result_json}")
        page = _shallowest(names, "messages.html")
        index = _shallowest(names, "export_results.html")
        if index is not None and (page is None or page.count("/") > index.count("/")):
            base = str(PurePosixPath(index).parent) if "/" in index else ""
            chats = _html_chats(tree, base)
            if chats:
                return chats
        if page is not None:
            base = str(PurePosixPath(page).parent) if "/" in page else ""
            return _html_chats(tree, base)
        raise ImportFormatError(path=display, format=FORMAT, detail="no result.json or messages.html found")
    finally:
        tree.close()


def read(path: Path) -> ParsedExport:
    """The one chat of the Telegram Desktop export at `path`.

    Raises TelegramMultipleChatsError for a whole-account export of several chats (use
    `read_all`), ImportFormatError when `path` is not a Telegram Desktop export.
    """
    chats = read_all(path)
    if len(chats) != 1:
        raise TelegramMultipleChatsError(
            path=str(path), format=FORMAT, count=str(len(chats)), detail="use read_all to read each chat"
        )
    return chats[0]


__all__ = ["FORMAT", "TelegramMultipleChatsError", "read", "read_all", "sniff", "sniff_dir"]
