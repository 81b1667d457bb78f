"""The text of a message in Telegram Desktop's result.json.

`text` is a string or a list of strings and entity objects (`{"type": "bold", "text": ...}`);
the text is their concatenation, exactly as typed (Telegram keeps the spaces between entities
as plain strings). Link targets that differ from the shown text are handed back to go to the
message's extra as ("link", url). A service message (`type: "service"`) gets a readable English
line built from its `action`, worded like Telegram's own HTML export.
"""

from __future__ import annotations

from evidence_kit.importers._chat_support import clean_text, get_int, get_str, id_text
from evidence_kit.importers.telegram.chat import Chat


def entity_text(value: object, chat: Chat, links: list[str]) -> str:
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


def service_text(raw: dict[str, object], action: str, actor: str | None) -> str:
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
