"""DiscordChatExporter importer: exact messages for every trap, and fuzzing.

Fixtures are fictional (tests/importers/fixtures/discord/): `server-channel.json` is a server
channel exported with `--media` (one downloaded file present, one missing, one left as a link)
in the +01:00 zone; `dm.json` a direct-message channel (guild "0") written newest first.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.domain import AttachmentRef, Message, MessageKind, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import discord

from .chat_oracle import is_concatenation, strings_in, strip_marks

FIXTURES = Path(__file__).parent / "fixtures" / "discord"
CHANNEL = FIXTURES / "server-channel.json"
DM = FIXTURES / "dm.json"
LINK = "https://discord.com/channels/800000000000000001/800000000000000010/"
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ANNA = {"sender": "Anna", "sender_id": "900000000000000001"}
BRAM = {"sender": "Bram J.", "sender_id": "900000000000000002"}


def at(hour: int, minute: int, second: int = 0, milli: int = 0) -> dict[str, datetime]:
    """A time written as 2026-11-29T{hour}:{minute}+01:00: wall time as written, and UTC."""
    wall = datetime(2026, 11, 29, hour, minute, second, milli * 1000)
    return {"sent_at": wall, "sent_at_utc": wall.replace(hour=hour - 1, tzinfo=UTC)}


CHANNEL_MESSAGES = [
    Message(
        text="Joined the server.",
        kind=MessageKind.SYSTEM,
        message_id="1000000000000000001",
        url=LINK + "1000000000000000001",
        extra=(("author_handle", "bram.j#4821"), ("type", "GuildMemberJoin")),
        **BRAM,
        **at(10, 0),
    ),
    Message(
        text="Hoi **allemaal** 👋🏽\nTweede regel bidi",
        message_id="1000000000000000002",
        url=LINK + "1000000000000000002",
        extra=(("author_handle", "annadevries"), ("reaction", "❤ ×2")),
        **ANNA,
        **at(10, 15, 1, 123),
    ),
    Message(
        text="Dat zeg jij @annadevries",
        edited=True,
        message_id="1000000000000000003",
        reply_to="1000000000000000002",
        url=LINK + "1000000000000000003",
        extra=(
            ("author_handle", "bram.j#4821"),
            ("edited_at_utc", "2026-11-29T09:17:30.500Z"),
            ("mention", "Anna (900000000000000001)"),
        ),
        **BRAM,
        **at(10, 16),
    ),
    Message(
        text="Screenshot van het dreigement",
        message_id="1000000000000000004",
        url=LINK + "1000000000000000004",
        attachments=(
            AttachmentRef("server-channel.json_Files/screenshot-4F2A1.png", "image/png"),
            AttachmentRef("server-channel.json_Files/weg-9C1B2.pdf", "application/pdf"),
            AttachmentRef(
                "video.mp4",
                "video/mp4",
                "https://cdn.discordapp.com/attachments/800000000000000010/1100000000000000003/video.mp4?ex=abc",
            ),
        ),
        extra=(("author_handle", "annadevries"),),
        **ANNA,
        **at(10, 18),
    ),
    Message(
        sender="Deleted User",
        sender_id="456226577798135808",
        text="Bericht van een verwijderd account",
        message_id="1000000000000000005",
        url=LINK + "1000000000000000005",
        extra=(("author_handle", "Deleted User"), ("author_deleted", "true")),
        **at(10, 19),
    ),
    Message(
        text="Pinned a message.",
        kind=MessageKind.SYSTEM,
        message_id="1000000000000000006",
        reply_to="1000000000000000002",
        url=LINK + "1000000000000000006",
        extra=(("author_handle", "annadevries"), ("type", "ChannelPinnedMessage")),
        **ANNA,
        **at(10, 20),
    ),
    Message(
        sender="Moderatiebot",
        sender_id="900000000000000099",
        text="Waarschuwing: let op je taal",
        message_id="1000000000000000007",
        url=LINK + "1000000000000000007",
        extra=(
            ("author_handle", "Moderatiebot#1234"),
            ("author_is_bot", "true"),
            ("pinned", "true"),
            ("embed_url", "https://example.com/regels"),
            ("embed_title", "Regels"),
            ("sticker", "Stop"),
        ),
        **at(10, 21),
    ),
    Message(
        text="Started a call that lasted 3 minutes.",
        kind=MessageKind.SYSTEM,
        message_id="1000000000000000008",
        url=LINK + "1000000000000000008",
        extra=(
            ("author_handle", "bram.j#4821"),
            ("type", "Call"),
            ("call_ended_at_utc", "2026-11-29T09:25:00.000Z"),
        ),
        **BRAM,
        **at(10, 22),
    ),
]


def test_server_channel_exact_messages() -> None:
    export = discord.read(CHANNEL)
    conversation = export.conversation
    assert list(conversation.messages) == CHANNEL_MESSAGES
    assert conversation.platform == "discord"
    assert conversation.title == "Buurtvereniging Voorbeeld / algemeen"
    assert conversation.participants == (
        Participant("Bram J.", "900000000000000002"),
        Participant("Anna", "900000000000000001"),
        Participant("Deleted User", "456226577798135808"),
        Participant("Moderatiebot", "900000000000000099"),
    )
    assert conversation.extra == (
        ("guild_id", "800000000000000001"),
        ("guild_name", "Buurtvereniging Voorbeeld"),
        ("channel_id", "800000000000000010"),
        ("channel_name", "algemeen"),
        ("channel_type", "GuildTextChat"),
        ("channel_category", "Algemeen"),
        ("channel_topic", "Voor iedereen"),
        ("exported_at", "2026-12-02T09:00:00.0000000+01:00"),
        ("channel_url", "https://discord.com/channels/800000000000000001/800000000000000010"),
    )
    assert [(f.name, f.size, f.media_type) for f in export.files] == [
        ("server-channel.json_Files/screenshot-4F2A1.png", 22, "image/png")
    ]
    with export.files[0].open() as stream:
        assert stream.read() == (FIXTURES / "server-channel.json_Files" / "screenshot-4F2A1.png").read_bytes()
    assert export.missing == ("server-channel.json_Files/weg-9C1B2.pdf", "video.mp4")
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [
        ("attachments_not_downloaded", {"count": "1"}),
        ("attachments_missing", {"count": "1", "names": "server-channel.json_Files/weg-9C1B2.pdf"}),
    ]
    assert conversation.timezone_assumption is not None and "offset" in conversation.timezone_assumption


def test_direct_messages_link_with_at_me_and_are_sorted() -> None:
    conversation = discord.read(DM).conversation
    base = "https://discord.com/channels/@me/800000000000000020/"
    assert list(conversation.messages) == [
        Message(
            sender="Bram J.",
            sender_id="900000000000000002",
            text="Eerste",
            message_id="1000000000000000101",
            url=base + "1000000000000000101",
            sent_at=datetime(2026, 11, 30, 9, 0),
            sent_at_utc=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
            extra=(("author_handle", "bram.j#4821"),),
        ),
        Message(
            sender="Anna",
            sender_id="900000000000000001",
            text="Tweede (staat eerst in het bestand)",
            message_id="1000000000000000102",
            url=base + "1000000000000000102",
            sent_at=datetime(2026, 11, 30, 9, 1),
            sent_at_utc=datetime(2026, 11, 30, 9, 1, tzinfo=UTC),
            extra=(("author_handle", "annadevries"),),
        ),
    ]


def channel(messages: list[object], guild: str = "1", channel_id: str = "2") -> dict[str, object]:
    return {
        "guild": {"id": guild, "name": "G"},
        "channel": {"id": channel_id, "name": "c"},
        "messages": messages,
    }


def test_times_without_offset_and_bad_times(tmp_path: Path) -> None:
    author = {"id": "3", "name": "a", "discriminator": "0"}
    doc = channel(
        [
            {
                "id": "10",
                "type": "Default",
                "timestamp": "2026-01-01T10:00:00",
                "content": "zonder offset",
                "author": author,
            },
            {
                "id": "11",
                "type": "Default",
                "timestamp": "gisteren",
                "content": "onleesbaar",
                "author": author,
            },
            {
                "id": "12",
                "type": "Default",
                "timestamp": "2026-01-01T10:00:00Z",
                "content": "Z",
                "author": author,
            },
        ]
    )
    path = tmp_path / "c.json"
    path.write_text(json.dumps(doc), "utf-8")
    conversation = discord.read(path).conversation
    assert [(m.text, m.sent_at, m.sent_at_utc) for m in conversation.messages] == [
        ("zonder offset", datetime(2026, 1, 1, 10), None),
        ("onleesbaar", None, None),
        ("Z", datetime(2026, 1, 1, 10), datetime(2026, 1, 1, 10, tzinfo=UTC)),
    ]
    assert [m.extra for m in conversation.messages] == [(("author_handle", "a"),)] * 3
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [
        ("bad_time", {"count": "1", "value": "gisteren"})
    ]
    assert conversation.timezone_assumption == (
        "Some times in the export carry no UTC offset; they are shown as written and have no UTC time."
    )


def test_keeps_uncommon_text(tmp_path: Path, uncommon_text: tuple[str, ...]) -> None:
    author = {"id": "3", "name": "a", "discriminator": "0"}
    doc = channel(
        [
            {"id": str(i), "timestamp": f"2026-01-01T10:00:{i:02d}+02:00", "content": t, "author": author}
            for i, t in enumerate(uncommon_text)
        ]
    )
    path = tmp_path / "c.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert [m.text for m in discord.read(path).conversation.messages] == [
        strip_marks(t) for t in uncommon_text
    ]


def test_read_bytes_matches_read() -> None:
    assert (
        discord.read_bytes(CHANNEL.read_bytes(), CHANNEL).conversation == discord.read(CHANNEL).conversation
    )


def test_sniff_by_content() -> None:
    assert discord.sniff(CHANNEL.read_bytes()[:65536], "export.dat")
    assert discord.sniff(DM.read_bytes()[:65536], "dm.json")
    assert not discord.sniff(b'{"messages": [{"type": "message", "date_unixtime": "1"}]}', "x.json")
    assert not discord.sniff(b'{"participants": [], "messages": []}', "x.json")
    assert not discord.sniff(b"GIF89a", "channel.json")
    assert not discord.sniff(b"", "channel.json")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff",
        b"{",
        b"[]",
        b'{"guild": {}, "messages": []}',
        b'{"channel": {}, "messages": 1}',
        b"[" * 100_000,
    ],
)
def test_not_discord_is_a_typed_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError):
        discord.read(path)
    with pytest.raises(ImportFormatError):
        discord.read(tmp_path)


def test_attachment_path_outside_the_export_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("private", "utf-8")
    folder = tmp_path / "export"
    folder.mkdir()
    author = {"id": "3", "name": "a"}
    doc = channel(
        [
            {
                "id": "1",
                "timestamp": "2026-01-01T10:00:00+00:00",
                "content": "",
                "author": author,
                "attachments": [{"url": "../secret.txt", "fileName": "secret.txt"}],
            }
        ]
    )
    (folder / "c.json").write_text(json.dumps(doc), "utf-8")
    export = discord.read(folder / "c.json")
    assert export.files == ()
    assert export.missing == ("../secret.txt",)


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_SCALAR = st.none() | st.booleans() | st.integers(-(2**62), 2**62) | _TEXT
_TIME = (
    st.sampled_from(["2026-01-01T10:00:00+01:00", "2026-01-01T10:00:00.5Z", "2026-02-30T10:00:00", "x"])
    | _SCALAR
)
_MESSAGE = st.fixed_dictionaries(
    {},
    optional={
        "id": _SCALAR,
        "type": st.sampled_from(["Default", "Reply", "Call"]) | _SCALAR,
        "timestamp": _TIME,
        "timestampEdited": _TIME,
        "callEndedTimestamp": _TIME,
        "content": _SCALAR,
        "author": st.fixed_dictionaries(
            {},
            optional={
                "id": _SCALAR,
                "name": _SCALAR,
                "nickname": _SCALAR,
                "discriminator": _SCALAR,
                "isBot": _SCALAR,
            },
        )
        | _SCALAR,
        "attachments": st.lists(
            st.fixed_dictionaries({}, optional={"url": _SCALAR, "fileName": _SCALAR}) | _SCALAR, max_size=2
        ),
        "reactions": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "emoji": st.fixed_dictionaries({}, optional={"name": _SCALAR}) | _SCALAR,
                    "count": _SCALAR,
                },
            ),
            max_size=2,
        ),
        "reference": st.fixed_dictionaries({}, optional={"messageId": _SCALAR, "channelId": _SCALAR})
        | _SCALAR,
        "mentions": st.lists(
            st.fixed_dictionaries({}, optional={"id": _SCALAR, "name": _SCALAR}), max_size=2
        ),
    },
)
_DOCUMENT = (
    st.fixed_dictionaries(
        {"messages": st.lists(_MESSAGE | _SCALAR, max_size=6)},
        optional={
            "guild": st.fixed_dictionaries({}, optional={"id": _SCALAR, "name": _SCALAR}) | _SCALAR,
            "channel": st.fixed_dictionaries({}, optional={"id": _SCALAR, "name": _SCALAR}) | _SCALAR,
        },
    )
    | _SCALAR
)


@FUZZ
@given(document=_DOCUMENT, cut=st.integers(0, 20))
def test_fuzz_never_crashes_and_text_comes_from_the_input(tmp_path: Path, document: object, cut: int) -> None:
    data = json.dumps(document).encode()
    path = tmp_path / "c.json"
    path.write_bytes(data[: len(data) - cut])
    try:
        export = discord.read(path)
    except ImportFormatError:
        return
    pieces = [strip_marks(s) for s in strings_in(document)]
    for message in export.conversation.messages:
        assert message.text == "" or message.text in pieces
        assert is_concatenation(message.text, pieces)
        assert message.url is None or message.url.startswith("https://discord.com/channels/")
        assert message.sent_at is None or message.sent_at.tzinfo is None
