"""Conformance: every DiscordChatExporter sample under samples_dir parses; the samples' own traps hold.

chat-analytics keeps its expectations in TypeScript beside the samples; the facts checked here
are read off the samples: nickname over name, the "Deleted User" account, a call message, a
reply reference, reactions and an attachment that is only a link.
"""

from __future__ import annotations

from pathlib import Path

from evidence_kit.domain import MessageKind
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import discord


def _samples(samples_dir: Path) -> list[Path]:
    return sorted((samples_dir / "discord").rglob("*.json"))


def test_every_sample_parses_without_crashing(samples_dir: Path) -> None:
    paths = _samples(samples_dir)
    assert paths
    for path in paths:
        assert discord.sniff(path.read_bytes()[:65536], path.name), path
        try:
            export = discord.read(path)
        except ImportFormatError as exc:  # pragma: no cover - a sample must not fail
            raise AssertionError(f"{path}: {exc}") from exc
        messages = export.conversation.messages
        assert messages, path
        assert all(m.url and m.url.endswith("/" + (m.message_id or "")) for m in messages), path
        assert all(m.sent_at_utc is not None for m in messages), path


def test_direct_message_sample(samples_dir: Path) -> None:
    conversation = discord.read(samples_dir / "discord" / "chat-analytics" / "DM_2A_2M.json").conversation
    first, bot, call = conversation.messages
    assert first.url == "https://discord.com/channels/@me/530805775262679064/530805779645595660"
    assert dict(first.extra)["reaction"] == "👆 ×42"  # written as the surrogate pair \uD83D\uDC46
    assert (bot.sender, bot.sender_id, dict(bot.extra)["author_is_bot"]) == (
        "Someones nickname",
        "444444444444444444",
        "true",
    )
    assert (call.kind, call.text) == (MessageKind.SYSTEM, "Started a call that lasted 251 minutes.")


def test_group_sample(samples_dir: Path) -> None:
    conversation = discord.read(samples_dir / "discord" / "chat-analytics" / "GC_3A_5M.json").conversation
    senders = [(m.sender, dict(m.extra)["author_handle"]) for m in conversation.messages]
    assert ("theplant", "not a plant#6597") in senders  # nickname shown, account name kept
    kinds = [m.kind for m in conversation.messages]
    assert kinds.count(MessageKind.SYSTEM) == 3  # name change, icon change, call
    reply = next(m for m in conversation.messages if m.reply_to)
    assert reply.reply_to == "1064990824305274930"


def test_server_sample(samples_dir: Path) -> None:
    export = discord.read(samples_dir / "discord" / "chat-analytics" / "SV_5A_5M.json")
    messages = export.conversation.messages
    deleted = messages[0]
    assert (deleted.sender, deleted.sender_id, deleted.edited) == ("Deleted User", "555555555555555555", True)
    assert dict(deleted.extra)["author_deleted"] == "true"
    fallback = next(m for m in messages if m.message_id == "447793085255123004")
    assert fallback.sender == "mlomb"  # no nickname: the account name
    with_file = next(m for m in messages if m.attachments)
    assert with_file.attachments[0].url == "https://cdn.discordapp.com/attachments/123/123/unknown.png"
    assert export.missing == ("unknown.png",)
    assert [w.code for w in export.conversation.warnings] == ["attachments_not_downloaded"]
