"""DiscordChatExporter JSON: one channel (server channel, DM or group DM) as exported.

Rule: platform reports need Discord's own ids, so every message keeps its snowflake id as
`message_id` and its link `https://discord.com/channels/{guild}/{channel}/{message}` as `url`
(`@me` in place of the guild for direct messages, which DiscordChatExporter writes as guild
"0"). The sender is the name shown in the channel (the server nickname, else the account name);
`sender_id` is the account's numeric id, which stays the same when names change; the account
name with its discriminator ("name#1234", or just "name" for the new unique usernames) is kept
in the message's extra as `author_handle`. "Deleted User" accounts keep their id too.

Times are ISO 8601 with an offset ("2019-01-04T17:52:39.762+01:00", the offset of the computer
that ran the exporter unless it was told to write UTC): `sent_at` is the wall time as written,
`sent_at_utc` the same moment in UTC. `timestampEdited` marks a message edited.

Attachments are links to Discord's servers unless the exporter ran with `--media`, which
downloads them next to the JSON and writes a relative path as the `url`. A downloaded file
found next to the export becomes an `EmbeddedFile`; a link is only a link (Discord's attachment
links expire), so it is listed in `missing` with a warning saying it was not downloaded.
Call, pin and member-change messages are system messages; their text is what the exporter wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

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
    clean_text,
    dicts,
    get_dict,
    get_list,
    get_str,
    id_text,
    join_name,
    load_json,
    missing_warning,
)
from evidence_kit.importers.common import (
    guess_media_type,
    starts_json_object,
    tally_bad_time,
    tally_unreadable_record,
)

FORMAT = "discord"

# Message types of DiscordChatExporter that are events, not something a person wrote.
_SYSTEM_TYPES = frozenset(
    {
        "RecipientAdd",
        "RecipientRemove",
        "Call",
        "ChannelNameChange",
        "ChannelIconChange",
        "ChannelPinnedMessage",
        "GuildMemberJoin",
        "ThreadCreated",
        "GuildBoost",
        "GuildBoostTier1",
        "GuildBoostTier2",
        "GuildBoostTier3",
        "ChannelFollowAdd",
        "GuildDiscoveryDisqualified",
        "GuildDiscoveryRequalified",
        "AutoModerationAction",
        "StageStart",
        "StageEnd",
        "StageSpeaker",
        "StageTopic",
    }
)
_SNIFF = (
    re.compile(rb'"guild"\s*:\s*\{'),
    re.compile(rb'"channel"\s*:\s*\{'),
    re.compile(rb'"(?:messages|dateRange|exportedAt)"\s*:'),
)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def sniff(head: bytes, name: str) -> bool:
    """True when `head` is the start of a DiscordChatExporter JSON export."""
    return starts_json_object(head) and all(pattern.search(head) for pattern in _SNIFF)


def _time(value: str | None) -> tuple[datetime | None, datetime | None]:
    """(wall time as written, UTC) of an ISO 8601 time; UTC only when it carries an offset."""
    if not value or not _ISO.match(value):
        return None, None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return None, None
    if parsed.tzinfo is None:
        return parsed, None
    return parsed.replace(tzinfo=None), parsed.astimezone(UTC)


def _iso_utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass
class _State:
    tree: ExportTree
    folder: str
    log: WarningLog = field(default_factory=WarningLog)
    participants: dict[str, Participant] = field(default_factory=dict)
    files: dict[str, EmbeddedFile] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # downloaded files that are not beside the export
    linked: list[str] = field(default_factory=list)  # attachments that are only links to Discord

    def attachment(self, raw: dict[str, object]) -> AttachmentRef | None:
        file_name = get_str(raw, "fileName")
        url = get_str(raw, "url")
        if not file_name and not url:
            return None
        name = clean_text(file_name or url or "", self.log)
        media_type = guess_media_type(name)
        if url and re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", url):
            self.linked.append(name)
            return AttachmentRef(name=name, media_type=media_type, url=clean_text(url, self.log))
        # Downloaded with --media: the url is a path relative to the JSON file.
        written = clean_text(url or name, self.log)
        for candidate in (written, unquote(written)):
            joined = join_name(self.folder, candidate)
            if joined is not None and self.tree.is_file(joined):
                if candidate not in self.files:
                    self.files[candidate] = EmbeddedFile(
                        name=candidate,
                        open=self.tree.opener(joined),
                        size=self.tree.size(joined),
                        media_type=guess_media_type(candidate) or media_type,
                    )
                return AttachmentRef(name=candidate, media_type=media_type)
        self.missing.append(written)
        return AttachmentRef(name=written, media_type=media_type)


def _author(raw: dict[str, object], state: _State) -> tuple[str | None, str | None, list[tuple[str, str]]]:
    author = get_dict(raw, "author")
    if author is None:
        return None, None, []
    log = state.log
    account = get_str(author, "name")
    nickname = get_str(author, "nickname")
    shown = nickname or account
    sender = clean_text(shown, log) if shown else None
    sender_id = id_text(author, "id")
    extra: list[tuple[str, str]] = []
    if account:
        discriminator = get_str(author, "discriminator")
        handle = (
            account if not discriminator or discriminator.strip("0") == "" else f"{account}#{discriminator}"
        )
        extra.append(("author_handle", clean_text(handle, log)))
    if author.get("isBot") is True:
        extra.append(("author_is_bot", "true"))
    if account == "Deleted User":
        extra.append(("author_deleted", "true"))
    if sender_id is not None:
        known = state.participants.get(sender_id)
        if known is None:
            state.participants[sender_id] = Participant(name=sender, identifier=sender_id)
    elif sender is not None:
        state.participants.setdefault(sender, Participant(name=sender))
    return sender, sender_id, extra


def _message(raw: dict[str, object], state: _State, link_base: str | None) -> Message:
    log = state.log
    message_id = id_text(raw, "id")
    kind_name = get_str(raw, "type") or "Default"
    wall, utc = _time(get_str(raw, "timestamp"))
    if wall is None:
        tally_bad_time(log, str(raw.get("timestamp")))
    sender, sender_id, extra = _author(raw, state)
    if kind_name not in ("Default", "Reply"):
        extra.append(("type", kind_name))
    edited_wall, edited_utc = _time(get_str(raw, "timestampEdited"))
    if edited_utc is not None:
        extra.append(("edited_at_utc", _iso_utc(edited_utc)))
    elif edited_wall is not None:
        extra.append(("edited_at", edited_wall.isoformat()))
    _, call_end = _time(get_str(raw, "callEndedTimestamp"))
    if call_end is not None:
        extra.append(("call_ended_at_utc", _iso_utc(call_end)))
    if raw.get("isPinned") is True:
        extra.append(("pinned", "true"))
    attachments = [ref for item in dicts(get_list(raw, "attachments")) if (ref := state.attachment(item))]
    for embed in dicts(get_list(raw, "embeds")):
        url = get_str(embed, "url")
        if url:
            extra.append(("embed_url", clean_text(url, log)))
        title = get_str(embed, "title")
        if title:
            extra.append(("embed_title", clean_text(title, log)))
    for sticker in dicts(get_list(raw, "stickers")):
        name = get_str(sticker, "name")
        if name:
            extra.append(("sticker", clean_text(name, log)))
    for reaction in dicts(get_list(raw, "reactions")):
        emoji = get_dict(reaction, "emoji") or {}
        name = get_str(emoji, "name") or get_str(emoji, "code")
        count = id_text(reaction, "count")
        if name:
            extra.append(("reaction", clean_text(f"{name} ×{count}" if count else name, log)))
    for mention in dicts(get_list(raw, "mentions")):
        mention_id = id_text(mention, "id")
        mention_name = get_str(mention, "nickname") or get_str(mention, "name")
        if mention_id or mention_name:
            extra.append(("mention", clean_text(f"{mention_name or ''} ({mention_id or '?'})".strip(), log)))
    reply_to = None
    reference = get_dict(raw, "reference")
    if reference is not None:
        reply_to = id_text(reference, "messageId")
        channel = id_text(reference, "channelId")
        if channel and link_base and not link_base.endswith("/" + channel):
            extra.append(("reply_to_channel", channel))
    interaction = get_dict(raw, "interaction")
    if interaction is not None:
        command = get_str(interaction, "name")
        user = get_dict(interaction, "user")
        if command:
            extra.append(("command", clean_text(command, log)))
        if user is not None and id_text(user, "id"):
            extra.append(("command_user_id", id_text(user, "id") or ""))
    content = get_str(raw, "content")
    url = f"{link_base}/{message_id}" if link_base and message_id and message_id.isdigit() else None
    return Message(
        sender=sender,
        text=clean_text(content, log) if content is not None else "",
        sent_at=wall,
        sent_at_utc=utc,
        sender_id=sender_id,
        kind=MessageKind.SYSTEM if kind_name in _SYSTEM_TYPES else MessageKind.MESSAGE,
        edited=edited_wall is not None,
        message_id=message_id,
        reply_to=reply_to,
        url=url,
        attachments=tuple(attachments),
        extra=tuple(extra),
    )


def _link_base(guild_id: str | None, channel_id: str | None) -> str | None:
    if not channel_id or not channel_id.isdigit():
        return None
    guild = "@me" if not guild_id or guild_id == "0" or not guild_id.isdigit() else guild_id
    return f"https://discord.com/channels/{guild}/{channel_id}"


def _parse(data: object, tree: ExportTree, folder: str, display: str, log: WarningLog) -> ParsedExport:
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list) or "channel" not in data:
        raise ImportFormatError(
            path=display, format=FORMAT, detail="the JSON is not a DiscordChatExporter export"
        )
    state = _State(tree=tree, folder=folder, log=log)
    guild = get_dict(data, "guild") or {}
    channel = get_dict(data, "channel") or {}
    guild_id, channel_id = id_text(guild, "id"), id_text(channel, "id")
    link_base = _link_base(guild_id, channel_id)
    records: list[tuple[datetime | None, int, Message]] = []
    for index, raw in enumerate(get_list(data, "messages")):
        if not isinstance(raw, dict):
            tally_unreadable_record(log)
            continue
        message = _message(raw, state, link_base)
        records.append((message.sent_at_utc, index, message))
    if all(moment is not None for moment, _, _ in records):
        # DiscordChatExporter writes oldest first; sort anyway so a reversed export reads the same.
        records.sort(key=lambda record: (record[0] or datetime.min.replace(tzinfo=UTC), record[1]))
    if state.linked:
        log.add(
            "attachments_not_downloaded",
            message="{count} attachments are only links to Discord's servers and were not downloaded with "
            "the export (run DiscordChatExporter with --media to keep them); such links stop working after "
            "a while.",
            count=str(len(state.linked)),
        )
    missing_warning(log, state.missing)
    extra: list[tuple[str, str]] = []
    for key, value in (
        ("guild_id", guild_id),
        ("guild_name", get_str(guild, "name")),
        ("channel_id", channel_id),
        ("channel_name", get_str(channel, "name")),
        ("channel_type", get_str(channel, "type")),
        ("channel_category", get_str(channel, "category")),
        ("channel_topic", get_str(channel, "topic")),
        ("exported_at", get_str(data, "exportedAt")),
    ):
        if value:
            extra.append((key, clean_text(value, log)))
    if link_base:
        extra.append(("channel_url", link_base))
    guild_name, channel_name = get_str(guild, "name"), get_str(channel, "name")
    title = " / ".join(clean_text(n, log) for n in (guild_name, channel_name) if n) or None
    messages = tuple(message for _, _, message in records)
    conversation = Conversation(
        platform="discord",
        messages=messages,
        title=title,
        participants=tuple(state.participants.values()),
        timezone_assumption=_timezone_assumption(messages),
        warnings=log.warnings(),
        extra=tuple(extra),
    )
    missing = tuple(dict.fromkeys([*state.missing, *state.linked]))
    return ParsedExport(conversation=conversation, files=tuple(state.files.values()), missing=missing)


def _timezone_assumption(messages: tuple[Message, ...]) -> str | None:
    if not messages:
        return None
    if all(m.sent_at_utc is not None for m in messages if m.sent_at is not None):
        return (
            "Wall times are as written in the export, in the UTC offset each time carries (the time zone of "
            "the computer that ran DiscordChatExporter); UTC times follow from those offsets."
        )
    return "Some times in the export carry no UTC offset; they are shown as written and have no UTC time."


def read(path: Path) -> ParsedExport:
    """Parse the DiscordChatExporter JSON file at `path`."""
    path = Path(path)
    display = str(path)
    if path.is_dir():
        raise ImportFormatError(path=display, format=FORMAT, detail="a folder, not a JSON export")
    tree = FolderTree(path.parent)
    log = WarningLog()
    data = load_json(tree.read(path.name, format_name=FORMAT), path=display, format_name=FORMAT, log=log)
    return _parse(data, tree, "", display, log)


def read_bytes(data: bytes, path: Path) -> ParsedExport:
    """Parse an export already in memory (`path` names it; files beside it are looked up there)."""
    path = Path(path)
    log = WarningLog()
    document = load_json(data, path=str(path), format_name=FORMAT, log=log)
    return _parse(document, FolderTree(path.parent), "", str(path), log)


__all__ = ["FORMAT", "read", "read_bytes", "sniff"]
