"""Instagram / Facebook Messenger importer: exact messages for every trap, and fuzzing.

Fixtures are fictional (tests/importers/fixtures/meta/): `dyi/` is a download folder with one
Instagram thread split over message_1.json (starting with a BOM) and message_2.json, written
with Meta's mojibake, newest first; `html/` the HTML variant; `e2ee/` an end-to-end-encrypted
Messenger chat download with its media folder.
"""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.domain import AttachmentRef, Message, MessageKind, Participant
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import meta
from evidence_kit.importers.meta import MetaMultipleThreadsError

from .chat_oracle import is_concatenation, strings_in, strip_marks

FIXTURES = Path(__file__).parent / "fixtures" / "meta"
DYI = FIXTURES / "dyi"
THREAD_PATH = "your_instagram_activity/messages/inbox/annadevries_17841400000000000"
THREAD = DYI / THREAD_PATH
HTML = FIXTURES / "html"
HTML_THREAD = HTML / "your_instagram_activity/messages/inbox/annadevries_1"
E2EE = FIXTURES / "e2ee"
PHOTO = f"{THREAD_PATH}/photos/1234567890.jpg"
VIDEO = f"{THREAD_PATH}/videos/ontbreekt.mp4"
STICKER = "your_instagram_activity/messages/stickers_used/sticker_1.png"
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def when(day: int, hour: int, minute: int, second: int = 0, micro: int = 0) -> dict[str, datetime]:
    moment = datetime(2026, 11, day, hour, minute, second, micro, tzinfo=UTC)
    return {"sent_at": moment.replace(tzinfo=None), "sent_at_utc": moment}


ANNA = {"sender": "Anna de Vries"}
BRAM = {"sender": "Bram Jansen"}
OLDER = [
    Message(text="Hallo Anna 👋", **BRAM, **when(28, 20, 0)),
    Message(text="Café Zoë – wat is er?", **ANNA, **when(28, 20, 1, 0, 250_000)),
]
NEWER = [
    Message(text="", attachments=(AttachmentRef(PHOTO, "image/jpeg"),), **BRAM, **when(28, 20, 2)),
    Message(text="", attachments=(AttachmentRef(VIDEO, "video/mp4"),), **BRAM, **when(28, 20, 3)),
    Message(
        text="Kijk hier",
        url="https://www.instagram.com/p/EXAMPLE123/",
        extra=(("share_text", "Kijk dit – écht"), ("original_content_owner", "voorbeeld.account")),
        **ANNA,
        **when(28, 20, 4),
    ),
    Message(text="ingetrokken", deleted=True, **BRAM, **when(28, 20, 5)),
    Message(
        text="Lief 😀\n\nmet witregel", extra=(("reaction", "Bram Jansen: ❤"),), **ANNA, **when(28, 20, 6)
    ),
    Message(
        text="Bram Jansen started a video chat.",
        kind=MessageKind.SYSTEM,
        extra=(("type", "Call"), ("call_duration_seconds", "75")),
        **BRAM,
        **when(28, 20, 7),
    ),
    # Same second as the call: newest-first order in the file is reversed, not shuffled.
    Message(text="Zelfde seconde", **ANNA, **when(28, 20, 7)),
    Message(
        text="",
        attachments=(AttachmentRef(STICKER, "image/png"),),
        extra=(("sticker", STICKER),),
        **BRAM,
        **when(28, 20, 8),
    ),
]
THREAD_EXTRA = (("encoding_repaired", "true"), ("thread_path", "inbox/annadevries_17841400000000000"))
PEOPLE = (Participant("Anna de Vries"), Participant("Bram Jansen"))


@pytest.mark.parametrize("given_path", [DYI, THREAD], ids=["download-root", "thread-folder"])
def test_dyi_thread_exact_messages(given_path: Path) -> None:
    export = meta.read(given_path)
    conversation = export.conversation
    assert list(conversation.messages) == OLDER + NEWER
    assert conversation.platform == "instagram"
    assert conversation.title == "Anna de Vries"
    assert conversation.participants == PEOPLE
    assert conversation.timezone_assumption == meta.TZ_EPOCH
    assert conversation.extra == THREAD_EXTRA
    assert [(f.name, f.media_type) for f in export.files] == [(PHOTO, "image/jpeg")]
    with export.files[0].open() as stream:
        assert stream.read() == (THREAD / "photos" / "1234567890.jpg").read_bytes()
    assert export.missing == (STICKER, VIDEO)
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [
        ("attachments_missing", {"count": "2", "names": f"{STICKER}, {VIDEO}"}),
    ]


def test_single_page_is_read_alone_with_a_warning() -> None:
    export = meta.read(THREAD / "message_1.json")
    assert list(export.conversation.messages) == NEWER
    assert [w.code for w in export.conversation.warnings] == ["pages_not_read", "attachments_missing"]
    # Found from the download's root although only the file was given.
    assert [f.name for f in export.files] == [PHOTO]


def test_download_zip_reads_like_the_folder(tmp_path: Path) -> None:
    archive = tmp_path / "instagram-annadevries-2026-12-01.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(DYI.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(DYI).as_posix())
    export = meta.read(archive)
    assert list(export.conversation.messages) == OLDER + NEWER
    assert [f.name for f in export.files] == [PHOTO]
    with export.files[0].open() as stream:
        assert stream.read() == (THREAD / "photos" / "1234567890.jpg").read_bytes()
    assert meta.sniff(archive.read_bytes()[:65536], archive.name)


def test_several_threads_are_never_merged(tmp_path: Path) -> None:
    for name, sender in (("anna_1", "Anna"), ("bram_2", "Bram")):
        folder = tmp_path / "messages" / "inbox" / name
        folder.mkdir(parents=True)
        doc = {
            "participants": [{"name": sender}],
            "messages": [{"sender_name": sender, "timestamp_ms": 1, "content": name}],
            "title": sender,
            "thread_path": f"inbox/{name}",
        }
        (folder / "message_1.json").write_text(json.dumps(doc), "utf-8")
    exports = meta.read_all(tmp_path)
    assert [[m.text for m in e.conversation.messages] for e in exports] == [["anna_1"], ["bram_2"]]
    with pytest.raises(MetaMultipleThreadsError) as caught:
        meta.read(tmp_path)
    assert caught.value.params["count"] == "2"
    assert meta.sniff_dir(tmp_path)


# ---------------------------------------------------------------------------------------------
# Mojibake
# ---------------------------------------------------------------------------------------------


def meta_escape(text: str) -> str:
    """How Meta writes text: each UTF-8 byte as its own code point."""
    return text.encode("utf-8").decode("latin-1")


def thread_file(tmp_path: Path, contents: list[str], **extra: object) -> Path:
    messages = [
        {"sender_name": "Anna", "timestamp_ms": 1_700_000_000_000 - i, "content": c}
        for i, c in enumerate(contents)
    ]
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps({"participants": [], "messages": messages, **extra}), "utf-8")
    return path


def test_mojibake_repaired_for_the_whole_file(tmp_path: Path, uncommon_text: tuple[str, ...]) -> None:
    path = thread_file(tmp_path, [meta_escape(t) for t in uncommon_text])
    got = [m.text for m in meta.read(path, platform="instagram").conversation.messages]
    assert got == [strip_marks(t) for t in reversed(uncommon_text)]


def test_correct_text_is_left_alone(tmp_path: Path) -> None:
    # "é" written correctly is not UTF-8 bytes; "€" cannot come out of Meta's escaping at all.
    first = meta.read(thread_file(tmp_path, ["café", "Ã© literally"])).conversation
    assert [m.text for m in first.messages] == ["Ã© literally", "café"]
    second = meta.read(thread_file(tmp_path, ["Ã© stays", "€ 5"])).conversation
    assert [m.text for m in second.messages] == ["€ 5", "Ã© stays"]
    assert ("encoding_repaired", "true") not in first.extra + second.extra


def test_undecodable_string_in_a_mojibake_file_is_kept_and_reported(tmp_path: Path) -> None:
    path = thread_file(tmp_path, [meta_escape("één"), "\u00e9\u00e9n", meta_escape("Zoë")])
    conversation = meta.read(path).conversation
    assert [m.text for m in conversation.messages] == ["Zoë", "\u00e9\u00e9n", "één"]
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [
        ("mojibake_unrepaired", {"count": "1", "example": "één"}),
        ("platform_undetermined", {}),
    ]


# ---------------------------------------------------------------------------------------------
# Platform
# ---------------------------------------------------------------------------------------------


def test_platform_from_data_names_or_user(tmp_path: Path) -> None:
    plain = thread_file(tmp_path, ["hoi"])
    assert meta.read(plain).conversation.platform == "meta"
    assert meta.read(plain, platform="facebook").conversation.platform == "facebook"
    assert meta.read(plain, platform="instagram").conversation.warnings == ()
    typed = thread_file(tmp_path, ["hoi"], thread_type="Regular")
    assert meta.read(typed).conversation.platform == "facebook"
    with pytest.raises(ValueError):
        meta.read(plain, platform="myspace")


# ---------------------------------------------------------------------------------------------
# HTML and the end-to-end-encrypted download
# ---------------------------------------------------------------------------------------------

HTML_PHOTO = "your_instagram_activity/messages/inbox/annadevries_1/photos/1234567890.jpg"
HTML_MESSAGES = [
    Message(text="Hoi", extra=(("shown_time", "za 28 nov. 2026 om 21:00"),), **BRAM),
    Message(
        text="Regel één\nregel twee ",
        sent_at=datetime(2026, 11, 28, 21, 1),
        extra=(("reaction", "❤Bram Jansen"),),
        **ANNA,
    ),
    Message(
        text="",
        sent_at=datetime(2026, 11, 28, 21, 5),
        attachments=(AttachmentRef(HTML_PHOTO, "image/jpeg"),),
        **ANNA,
    ),
    Message(text="Tot morgen & slaap lekker \x07bel", sent_at=datetime(2026, 11, 28, 21, 7), **BRAM),
]


@pytest.mark.parametrize("given_path", [HTML, HTML_THREAD, HTML_THREAD / "message_1.html"])
def test_html_variant_exact_messages(given_path: Path) -> None:
    export = meta.read(given_path)
    conversation = export.conversation
    assert list(conversation.messages) == HTML_MESSAGES
    assert conversation.platform == "instagram"
    assert conversation.title == "Anna de Vries"
    assert conversation.timezone_assumption == meta.TZ_HTML
    assert [f.name for f in export.files] == [HTML_PHOTO]
    assert [(w.code, dict(w.params)) for w in conversation.warnings] == [
        ("bad_time", {"count": "1", "value": "za 28 nov. 2026 om 21:00"})
    ]


def test_html_older_layout(tmp_path: Path) -> None:
    box = (
        '<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">{}</div>'
        '<div class="_3-96 _2let"><div><div></div><div>{}</div><div></div><div></div></div></div>'
        '<div class="_3-94 _2lem">{}</div></div>'
    )
    page = (
        "<html><head><title>Bram</title></head><body>"
        + box.format("Bram", "Tweede", "Jan 2, 2019, 1:05 PM")
        + box.format("Anna", "Eerste", "Jan 2, 2019, 12:59 PM")
        + "</body></html>"
    )
    (tmp_path / "message_1.html").write_text(page, "utf-8")
    messages = meta.read(tmp_path / "message_1.html").conversation.messages
    assert [(m.sender, m.text, m.sent_at) for m in messages] == [
        ("Anna", "Eerste", datetime(2019, 1, 2, 12, 59)),
        ("Bram", "Tweede", datetime(2019, 1, 2, 13, 5)),
    ]


def test_e2ee_download_exact_messages() -> None:
    export = meta.read(E2EE)
    conversation = export.conversation
    moment = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)

    def at(minute: int) -> dict[str, datetime]:
        value = moment.replace(minute=minute)
        return {"sent_at": value.replace(tzinfo=None), "sent_at_utc": value}

    assert list(conversation.messages) == [
        Message(text="Versleuteld hallo", extra=(("type", "text"),), **BRAM, **at(0)),
        Message(
            text="",
            attachments=(AttachmentRef("media/3f2a-photo.jpeg", "image/jpeg"),),
            extra=(("type", "media"), ("reaction", "Anna de Vries: 👍")),
            **ANNA,
            **at(1),
        ),
        Message(text="", deleted=True, extra=(("type", "text"),), **BRAM, **at(2)),
        Message(
            text="Café",
            attachments=(AttachmentRef("media/ontbreekt.mp4", "video/mp4"),),
            extra=(("type", "media"),),
            **BRAM,
            **at(3),
        ),
    ]
    assert conversation.platform == "facebook"
    assert conversation.title == "Anna de Vries"
    assert conversation.extra == (("export_shape", "messenger_e2ee_json"),)
    assert [f.name for f in export.files] == ["media/3f2a-photo.jpeg"]
    assert export.missing == ("media/ontbreekt.mp4",)
    assert meta.sniff((E2EE / "annadevries_10.json").read_bytes(), "annadevries_10.json")
    assert meta.read(E2EE / "annadevries_10.json").conversation == conversation


# ---------------------------------------------------------------------------------------------
# Recognition and bad input
# ---------------------------------------------------------------------------------------------


def test_sniff_by_content() -> None:
    assert meta.sniff((THREAD / "message_1.json").read_bytes()[:65536], "anything.bin")
    assert meta.sniff((HTML_THREAD / "message_1.html").read_bytes()[:65536], "message_1.html")
    # Other DYI pages share the markup but are not conversations.
    posts = (HTML_THREAD / "message_1.html").read_bytes().replace(b"Participants:", b"")
    assert not meta.sniff(posts, "posts_1.html")
    assert not meta.sniff(b'{"messages": [{"type": "message", "date_unixtime": "1"}]}', "message_1.json")
    assert not meta.sniff(b'{"guild": {}, "channel": {}, "messages": []}', "message_1.json")
    assert not meta.sniff(b"\x89PNG\r\n\x1a\n", "message_1.json")


def test_format_of_hints() -> None:
    assert meta.format_of((THREAD / "message_1.json").read_bytes()[:65536]) == "instagram"
    assert meta.format_of((E2EE / "annadevries_10.json").read_bytes()) == "facebook"
    assert (
        meta.format_of(b'{"participants": [], "thread_type": "Regular", "thread_path": "inbox/x"}')
        == "facebook"
    )
    assert meta.format_of(b'{"messages": [{"sender_name": "A", "timestamp_ms": 1}]}') is None
    assert meta.format_of(b"not json") is None


def test_sniff_dir(tmp_path: Path) -> None:
    assert meta.sniff_dir(DYI)
    assert meta.sniff_dir(THREAD)
    assert meta.sniff_dir(E2EE)
    assert not meta.sniff_dir(tmp_path)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00garbage\xff",
        b"{oops",
        b"[]",
        b'{"messages": {}}',
        b"[" * 100_000,
        b'{"messages": [{"type": "message", "date_unixtime": "1", "from": "A"}]}',
        b"<html>nope</html>",
    ],
)
def test_not_meta_is_a_typed_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "message_1.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError):
        meta.read_all(path)


def test_absurdly_nested_html_is_refused_quickly(tmp_path: Path) -> None:
    box = (
        '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">'
        '<div class="_3-94 _a6-o">Jan 1, 2020 1:00 am</div>'
    )
    (tmp_path / "message_1.html").write_text(box + '<div class="_a6-p">' * 50_000, "utf-8")
    with pytest.raises(ImportFormatError, match="nested too deeply"):
        meta.read(tmp_path / "message_1.html")


def test_folder_without_threads_is_a_typed_error(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text('{"a": 1}', "utf-8")
    with pytest.raises(ImportFormatError):
        meta.read(tmp_path)


def test_uri_outside_the_download_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("private", "utf-8")
    thread = tmp_path / "dl" / "messages" / "inbox" / "x_1"
    thread.mkdir(parents=True)
    doc = {
        "participants": [],
        "messages": [
            {
                "sender_name": "A",
                "timestamp_ms": 1,
                "files": [{"uri": "../../../../secret.txt"}, {"uri": "/etc/passwd"}],
            }
        ],
    }
    (thread / "message_1.json").write_text(json.dumps(doc), "utf-8")
    export = meta.read(tmp_path / "dl")
    assert export.files == ()
    assert export.missing == ("../../../../secret.txt", "/etc/passwd")


# ---------------------------------------------------------------------------------------------
# Fuzzing
# ---------------------------------------------------------------------------------------------

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_SCALAR = st.none() | st.booleans() | st.integers(-(2**62), 2**62) | _TEXT
_MEDIA = st.lists(
    st.fixed_dictionaries({}, optional={"uri": _TEXT | st.just("photos/x.jpg")}) | _SCALAR, max_size=2
)
_MESSAGE = st.fixed_dictionaries(
    {},
    optional={
        "sender_name": _SCALAR,
        "senderName": _SCALAR,
        "timestamp_ms": _SCALAR,
        "timestamp": _SCALAR,
        "content": _SCALAR,
        "text": _SCALAR,
        "type": st.sampled_from(["Generic", "Call", "Share"]) | _SCALAR,
        "photos": _MEDIA,
        "media": _MEDIA,
        "sticker": st.fixed_dictionaries({}, optional={"uri": _SCALAR}) | _SCALAR,
        "share": st.fixed_dictionaries({}, optional={"link": _SCALAR, "share_text": _SCALAR}) | _SCALAR,
        "reactions": st.lists(
            st.fixed_dictionaries({}, optional={"reaction": _SCALAR, "actor": _SCALAR}), max_size=2
        ),
        "is_unsent": _SCALAR,
        "call_duration": _SCALAR,
    },
)
_THREAD = st.fixed_dictionaries(
    {"messages": st.lists(_MESSAGE | _SCALAR, max_size=5)},
    optional={
        "participants": st.lists(st.fixed_dictionaries({"name": _SCALAR}) | _SCALAR, max_size=3),
        "title": _SCALAR,
        "threadName": _SCALAR,
        "thread_path": _SCALAR,
        "thread_type": _SCALAR,
    },
)


def repaired(value: str) -> str:
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


@FUZZ
@given(document=_THREAD | _SCALAR, mojibake=st.booleans(), cut=st.integers(0, 30))
def test_fuzz_json_never_crashes_and_text_comes_from_the_input(
    tmp_path: Path, document: object, mojibake: bool, cut: int
) -> None:
    data = json.dumps(document, ensure_ascii=mojibake).encode("utf-8")
    if cut:
        data = data[:-cut]
    path = tmp_path / "message_1.json"
    path.write_bytes(data)
    try:
        export = meta.read(path)
    except ImportFormatError:
        return
    pieces = {strip_marks(s) for s in strings_in(document)} | {
        strip_marks(repaired(s)) for s in strings_in(document)
    }
    for message in export.conversation.messages:
        assert is_concatenation(message.text, pieces), message.text
        assert message.sent_at is None or message.sent_at.tzinfo is None


@FUZZ
@given(
    texts=st.lists(st.text(st.characters(exclude_categories=("Cs",)), max_size=30), min_size=1, max_size=5)
)
def test_fuzz_mojibake_round_trip(tmp_path: Path, texts: list[str]) -> None:
    path = thread_file(tmp_path, [meta_escape(t) for t in texts])
    got = [m.text for m in meta.read(path).conversation.messages]
    assert got == [strip_marks(t) for t in reversed(texts)]


@FUZZ
@given(
    soup=st.lists(
        st.sampled_from(
            [
                '<div class="pam uiBoxWhite _a6-g">',
                '<h2 class="_a6-h">',
                "</h2>",
                "</div>",
                '<div class="_a6-p">',
                '<div class="_3-94 _a6-o">',
                "Jan 2, 2019, 13:05 PM",
                "Feb 30, 2020 1:00 am",
                "x",
                "<br />",
                "&#x0B;",
                '<img src="../../../../etc/passwd">',
                '<a href="javascript:alert(1)">',
                "<ul><li>❤A</li></ul>",
                "\ue000",
            ]
        ),
        max_size=40,
    )
)
def test_fuzz_html_never_crashes(tmp_path: Path, soup: list[str]) -> None:
    (tmp_path / "message_1.html").write_text("<html><body>" + "".join(soup), "utf-8")
    try:
        export = meta.read(tmp_path / "message_1.html")
    except ImportFormatError:
        return
    assert export.files == ()
