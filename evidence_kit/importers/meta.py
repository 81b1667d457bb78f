"""Instagram and Facebook Messenger: Meta's "Download your information" exports.

Rule: one `ParsedExport` is one conversation (thread). A thread may be split over several files
(`message_1.json`, `message_2.json`, ... in one folder): read from the folder they are one
conversation; a single file given alone is read alone (the evidence item is that file) with a
warning that the thread continues elsewhere. A folder, zip or account download holding several
threads is read with `read_all(path)`; `read(path)` accepts exactly one thread and otherwise
raises `MetaMultipleThreadsError`, so threads are never merged.

Three shapes are read:

* DYI JSON (`message_N.json`): `participants`, `title`, `thread_path`, `messages[]` with
  `sender_name`, `timestamp_ms`, `content`, `photos`/`videos`/`gifs`/`audio_files`/`files`/
  `sticker` (each with a `uri`), `share.link`, `reactions`, `is_unsent`, `type` (Call,
  Subscribe, Unsubscribe become system messages), `call_duration`, `ip`.
* DYI HTML (`message_N.html`): the same conversation as Meta renders it; the shown time has no
  zone and no epoch, so there is no UTC time; English month names are read, any other shown
  time is kept as text in the message's extra.
* Messenger's end-to-end-encrypted chat download (messenger.com "secure storage"): one JSON file
  per chat with `participants` (names), `threadName` and `messages[]` with `senderName`,
  `timestamp` (milliseconds), `text`, `type`, `isUnsent`, `media[].uri` (`./media/...`, relative
  to the file) and `reactions`. No official description exists; this shape follows what the
  open-source msgvault importer reads, and unknown fields are kept as warnings.

Meta writes JSON text as UTF-8 bytes escaped one by one as `\\u00XX` (so "é" arrives as "Ã©").
Whether a file has this mojibake is decided for the whole file: it has it when no string holds
a character above U+00FF (which the escaping cannot produce) and most non-ASCII strings decode
as UTF-8; then every string is repaired, and a string that does not decode is kept as it is,
counted in a warning. A file with correct text is left untouched.

Messages are stored newest first; they are returned oldest first. `timestamp_ms` is an epoch:
it gives `sent_at_utc`, and since the export states no time zone, `sent_at` is the UTC wall time
(the conversation's timezone_assumption says so). Attachment `uri`s are relative to the root of
the download; a file the download holds becomes an `EmbeddedFile`, any other is `missing`.
"""

from __future__ import annotations

import itertools
import mimetypes
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

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
    join_name,
    load_json,
    missing_warning,
    normalise_name,
    open_tree,
    parse_html,
    zip_names_in_head,
)

FORMAT = "instagram"
FACEBOOK = "facebook"
FORMATS: tuple[str, ...] = (FORMAT, FACEBOOK)
UNDETERMINED = "meta"  # the platform when the export does not say which of the two it is


class MetaMultipleThreadsError(ImportFormatError):
    """A folder or download holding several conversations: read them with `read_all`."""

    template = (
        "{path} holds {count} Instagram or Facebook Messenger conversations; each has to be read on its own."
    )


TZ_EPOCH = (
    "The export gives times as Unix times without a time zone: wall times are shown in UTC, not in the "
    "local time of the people in the conversation."
)
TZ_HTML = (
    "Times are as shown in the export, in a time zone it does not state (the one Meta used when it made "
    "the download); it gives no UTC times."
)

_KNOWN_TOPS = (
    "messages",
    "your_activity_across_facebook",
    "your_facebook_activity",
    "your_instagram_activity",
)
_MAX_LOOSE_JSON = 5000
_DYI_PAGE = re.compile(r"message_(\d+)\.(json|html?)\Z")
_MEDIA_KEYS = ("photos", "videos", "gifs", "audio_files", "files")
_SYSTEM_TYPES = frozenset({"Call", "Subscribe", "Unsubscribe", "call"})
_SNIFF_DYI = (re.compile(rb'"sender_name"\s*:'), re.compile(rb'"timestamp(?:_ms)?"\s*:'))
_SNIFF_THREAD = (
    re.compile(rb'"participants"\s*:\s*\['),
    re.compile(rb'"(?:thread_path|is_still_participant)"\s*:'),
)
_SNIFF_E2EE = (re.compile(rb'"senderName"\s*:'), re.compile(rb'"(?:threadName|isUnsent|participants)"\s*:'))
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


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------


def _kind_of_head(head: bytes) -> str | None:
    """ "dyi" or "e2ee" for the JSON shapes, "html" for a DYI page, None otherwise."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
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
    kind = _kind_of_head(head)
    if kind == "html":
        # Other DYI pages (posts, likes) share the markup; a conversation is a message_N page.
        base = name.replace("\\", "/").rsplit("/", 1)[-1]
        return _DYI_PAGE.match(base) is not None or b"Participants:" in head
    return kind is not None


def format_of(head: bytes) -> str | None:
    """ "facebook" or "instagram" when the start of an export already shows which, else None.

    Only a hint for the registry: `read` decides from the whole export, and should be given
    `platform` only when the user named it (`--as`).
    """
    kind = _kind_of_head(head)
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
            if child.is_file() and (_DYI_PAGE.match(child.name) or child.suffix.lower() == ".json"):
                with child.open("rb") as handle:
                    if _kind_of_head(handle.read(65536)) is not None:
                        return True
        return (
            any((path / top / "messages" / "inbox").is_dir() for top in _KNOWN_TOPS[1:])
            or (path / "messages" / "inbox").is_dir()
        )
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------
# Mojibake
# ---------------------------------------------------------------------------------------------


def _strings(value: object) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def has_mojibake(document: object) -> bool:
    """True when the JSON's strings are UTF-8 bytes written as U+0000-U+00FF (see module doc).

    No string may hold a character above U+00FF (the escaping cannot produce one), and more of
    the non-ASCII strings must decode as UTF-8 than not: correct text with accents ("café")
    almost never does, mojibake almost always does.
    """
    decoded = undecodable = 0
    for text in _strings(document):
        if text.isascii():
            continue
        if any(ord(char) > 0xFF for char in text):
            return False
        try:
            text.encode("latin-1").decode("utf-8")
            decoded += 1
        except UnicodeDecodeError:
            undecodable += 1
    return decoded > undecodable


@dataclass
class _Text:
    """Turns strings of one file into stored text: mojibake repaired (when the file has it)."""

    log: WarningLog
    mojibake: bool

    def __call__(self, value: str) -> str:
        if self.mojibake and not value.isascii():
            try:
                value = value.encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                self.log.tally(
                    "mojibake_unrepaired",
                    message="{count} texts could not be repaired from Meta's broken character encoding and "
                    "are shown as written, for example {example}.",
                    example=value[:60],
                )
        return clean_text(value, self.log)


# ---------------------------------------------------------------------------------------------
# A thread being read
# ---------------------------------------------------------------------------------------------


@dataclass
class _Thread:
    tree: ExportTree
    folder: str  # the thread's folder inside the tree
    log: WarningLog = field(default_factory=WarningLog)
    records: list[tuple[datetime | None, Message]] = field(default_factory=list)
    participants: dict[str, Participant] = field(default_factory=dict)
    files: dict[str, EmbeddedFile] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    title: str | None = None
    hints: list[str] = field(default_factory=list)  # text that may name the platform
    epoch_times: int = 0
    shown_times: int = 0
    hint_folder: str = ""  # the thread folder's name when the tree is that folder itself

    def person(self, name: str | None) -> None:
        if name:
            self.participants.setdefault(name, Participant(name=name))

    def _find(self, uri: str, base: str | None) -> str | None:
        """Where `uri` is in the tree: from the download's root, from `base`, or from the thread."""
        candidates: list[str] = []
        if base is not None:
            joined = join_name(base, uri)
            if joined is not None:
                candidates.append(joined)
        clean = normalise_name(uri)
        if clean is not None:
            # The uri is relative to the download's root, which may sit above or below the tree's.
            parts = self.folder.split("/") if self.folder else []
            candidates.extend("/".join([*parts[:k], clean]) for k in range(len(parts), -1, -1))
            # A thread folder given on its own: match the uri from the thread's own name on.
            uri_parts = clean.split("/")
            name = parts[-1] if parts else self.hint_folder
            if name and name in uri_parts[:-1]:
                rest = uri_parts[uri_parts.index(name) + 1 :]
                candidates.append("/".join([*parts, *rest]))
        return next((c for c in candidates if self.tree.is_file(c)), None)

    def attach(self, uri: str, base: str | None = None) -> AttachmentRef | None:
        if not uri.strip():
            return None
        if uri.startswith(("http://", "https://")):
            return AttachmentRef(name=uri.rsplit("/", 1)[-1].split("?", 1)[0] or uri, url=uri)
        name = normalise_name(uri.removeprefix("./")) or uri
        ref = AttachmentRef(name=name, media_type=mimetypes.guess_type(name, strict=False)[0])
        if name in self.files or name in self.missing:
            return ref
        found = self._find(uri, base)
        if found is None:
            self.missing.append(name)
        else:
            self.files[name] = EmbeddedFile(
                name=name, open=self.tree.opener(found), size=self.tree.size(found), media_type=ref.media_type
            )
        return ref


def _epoch_ms(value: int | None) -> datetime | None:
    if value is None:
        return None
    if abs(value) < 100_000_000_000:  # old exports wrote seconds in "timestamp"
        value *= 1000
    try:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# DYI JSON
# ---------------------------------------------------------------------------------------------


def _dyi_message(raw: dict[str, object], thread: _Thread, text_of: _Text) -> None:
    log = thread.log
    utc = _epoch_ms(get_int(raw, "timestamp_ms") if "timestamp_ms" in raw else get_int(raw, "timestamp"))
    if utc is None:
        log.tally("bad_time", message="{count} messages have no readable time.")
    else:
        thread.epoch_times += 1
    sender_raw = get_str(raw, "sender_name")
    sender = text_of(sender_raw) if sender_raw is not None else None
    thread.person(sender)
    content = get_str(raw, "content")
    text = text_of(content) if content is not None else ""
    kind_name = get_str(raw, "type")
    extra: list[tuple[str, str]] = []
    if kind_name and kind_name != "Generic":
        extra.append(("type", kind_name))
    attachments: list[AttachmentRef] = []
    for key in _MEDIA_KEYS:
        for item in dicts(get_list(raw, key)):
            uri = get_str(item, "uri")
            if uri:
                thread.hints.append(uri)
                ref = thread.attach(text_of(uri))
                if ref is not None:
                    attachments.append(ref)
    sticker = get_dict(raw, "sticker")
    if sticker is not None and get_str(sticker, "uri"):
        uri = text_of(get_str(sticker, "uri") or "")
        thread.hints.append(uri)
        ref = thread.attach(uri)
        if ref is not None:
            attachments.append(ref)
            extra.append(("sticker", ref.name))
    url = None
    share = get_dict(raw, "share")
    if share is not None:
        link = get_str(share, "link")
        url = text_of(link) if link else None
        for key in ("share_text", "original_content_owner"):
            value = get_str(share, key)
            if value:
                extra.append((key, text_of(value)))
    for reaction in dicts(get_list(raw, "reactions")):
        emoji, actor = get_str(reaction, "reaction"), get_str(reaction, "actor")
        if emoji:
            extra.append(("reaction", f"{text_of(actor) if actor else '?'}: {text_of(emoji)}"))
    for user in dicts(get_list(raw, "users")):
        name = get_str(user, "name")
        if name:
            extra.append(("user", text_of(name)))
    duration = get_int(raw, "call_duration")
    if duration is not None:
        extra.append(("call_duration_seconds", str(duration)))
    if raw.get("missed") is True:
        extra.append(("missed", "true"))
    ip = get_str(raw, "ip")
    if ip:
        extra.append(("ip", text_of(ip)))
    if raw.get("is_geoblocked_for_viewer") is True:
        extra.append(("geoblocked_for_viewer", "true"))
    kind = MessageKind.SYSTEM if kind_name in _SYSTEM_TYPES else MessageKind.MESSAGE
    thread.records.append(
        (
            utc,
            Message(
                sender=sender,
                text=text,
                sent_at=utc.replace(tzinfo=None) if utc is not None else None,
                sent_at_utc=utc,
                kind=kind,
                deleted=raw.get("is_unsent") is True,
                url=url,
                attachments=tuple(attachments),
                extra=tuple(extra),
            ),
        )
    )


def _e2ee_message(raw: dict[str, object], thread: _Thread, text_of: _Text, base: str) -> None:
    utc = _epoch_ms(get_int(raw, "timestamp") if "timestamp" in raw else get_int(raw, "timestampMs"))
    if utc is None:
        thread.log.tally("bad_time", message="{count} messages have no readable time.")
    else:
        thread.epoch_times += 1
    sender_raw = get_str(raw, "senderName")
    sender = text_of(sender_raw) if sender_raw is not None else None
    thread.person(sender)
    body = get_str(raw, "text")
    extra: list[tuple[str, str]] = []
    kind_name = get_str(raw, "type")
    if kind_name:
        extra.append(("type", kind_name))
    attachments: list[AttachmentRef] = []
    for item in dicts(get_list(raw, "media")):
        uri = get_str(item, "uri")
        if uri:
            ref = thread.attach(text_of(uri), base)
            if ref is not None:
                attachments.append(ref)
    for reaction in dicts(get_list(raw, "reactions")):
        emoji, actor = get_str(reaction, "reaction"), get_str(reaction, "actor")
        if emoji:
            extra.append(("reaction", f"{text_of(actor) if actor else '?'}: {text_of(emoji)}"))
    thread.records.append(
        (
            utc,
            Message(
                sender=sender,
                text=text_of(body) if body is not None else "",
                sent_at=utc.replace(tzinfo=None) if utc is not None else None,
                sent_at_utc=utc,
                kind=MessageKind.SYSTEM if kind_name in _SYSTEM_TYPES else MessageKind.MESSAGE,
                deleted=raw.get("isUnsent") is True,
                attachments=tuple(attachments),
                extra=tuple(extra),
            ),
        )
    )


def _json_file(thread: _Thread, member: str, display: str, platform: list[str]) -> None:
    log = thread.log
    data = load_json(thread.tree.read(member, format_name=FORMAT), path=display, format_name=FORMAT, log=log)
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise ImportFormatError(path=display, format=FORMAT, detail="the JSON is not a Meta message thread")
    messages = get_list(data, "messages")
    records = dicts(messages)
    e2ee = any("senderName" in r for r in records[:50]) or "threadName" in data
    dyi = any("sender_name" in r for r in records[:50])
    if records and not (e2ee or dyi):
        raise ImportFormatError(path=display, format=FORMAT, detail="its messages are not Meta messages")
    text_of = _Text(log=log, mojibake=has_mojibake(data))
    if text_of.mojibake and ("encoding_repaired", "true") not in thread.extra:
        thread.extra.append(("encoding_repaired", "true"))
    base = str(PurePosixPath(member).parent) if "/" in member else ""
    for person in get_list(data, "participants"):
        name = (
            person
            if isinstance(person, str)
            else get_str(person, "name")
            if isinstance(person, dict)
            else None
        )
        if name:
            thread.person(text_of(name))
    if e2ee:
        platform.append(FACEBOOK)
        if ("export_shape", "messenger_e2ee_json") not in thread.extra:
            thread.extra.append(("export_shape", "messenger_e2ee_json"))
    for raw in messages:
        if not isinstance(raw, dict):
            log.tally(
                "unreadable_record",
                message="{count} entries of the message list could not be read and were skipped.",
            )
        elif e2ee:
            _e2ee_message(raw, thread, text_of, base)
        else:
            _dyi_message(raw, thread, text_of)
    if thread.title is None:
        title = get_str(data, "threadName") if e2ee else get_str(data, "title")
        thread.title = text_of(title) if title else None
    for key in ("thread_path", "thread_type", "joinable_mode"):
        value = data.get(key)
        if isinstance(value, str) and (key, value) not in thread.extra:
            thread.extra.append((key, text_of(value)))
            thread.hints.append(value)
        elif isinstance(value, dict) and key == "joinable_mode":
            link = get_str(value, "link")
            if link:
                thread.extra.append(("group_link", text_of(link)))
    if "thread_type" in data or any("ip" in r for r in records[:50]):
        platform.append(FACEBOOK)
    if data.get("is_still_participant") is False:
        thread.extra.append(("is_still_participant", "false"))


# ---------------------------------------------------------------------------------------------
# DYI HTML
# ---------------------------------------------------------------------------------------------


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


def _html_file(thread: _Thread, member: str) -> None:
    log = thread.log
    page_text = decode_text(thread.tree.read(member, format_name=FORMAT), log)
    soup = parse_html(page_text, path=f"{thread.tree.label}/{member}", format_name=FORMAT)
    folder = str(PurePosixPath(member).parent) if "/" in member else ""
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
            log.tally(
                "bad_time",
                message="{count} messages have a time that could not be read, for example {value}.",
                value=shown[:60],
            )
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


# ---------------------------------------------------------------------------------------------
# Threads and entry points
# ---------------------------------------------------------------------------------------------


def _descending(times: list[datetime]) -> bool:
    down = sum(1 for a, b in itertools.pairwise(times) if a > b)
    up = sum(1 for a, b in itertools.pairwise(times) if a < b)
    return down > up


def _platform(votes: list[str], hints: Iterable[str]) -> str:
    """Facebook when the data says so (an E2EE download, thread_type, ip); otherwise the names
    in the download (your_instagram_activity/..., instagram-name-2024.zip) decide."""
    if FACEBOOK in votes:
        return FACEBOOK
    text = " ".join(hints).lower()
    instagram, facebook = "instagram" in text, "facebook" in text
    if instagram != facebook:
        return FORMAT if instagram else FACEBOOK
    return UNDETERMINED


def _finish(thread: _Thread, platform: str) -> ParsedExport:
    records = thread.records
    times = [t for t, _ in records if t is not None]
    if not times:
        shown = [m.sent_at for _, m in records if m.sent_at is not None]
        if _descending(shown):
            records.reverse()
    else:
        if _descending(times):
            records.reverse()
        if len(times) == len(records):
            records.sort(key=lambda record: record[0] or datetime.min.replace(tzinfo=UTC))
    if platform == UNDETERMINED:
        thread.log.add(
            "platform_undetermined",
            message="The export does not say whether it comes from Instagram or Facebook Messenger; add it "
            "again as instagram or facebook to record the platform.",
        )
    missing_warning(thread.log, thread.missing)
    tz = TZ_EPOCH if thread.epoch_times else (TZ_HTML if thread.shown_times else None)
    conversation = Conversation(
        platform=platform,
        messages=tuple(message for _, message in records),
        title=thread.title,
        participants=tuple(thread.participants.values()),
        timezone_assumption=tz,
        warnings=thread.log.warnings(),
        extra=tuple(thread.extra),
    )
    return ParsedExport(
        conversation=conversation, files=tuple(thread.files.values()), missing=tuple(thread.missing)
    )


def _page_key(name: str) -> int:
    match = _DYI_PAGE.search(name)
    return int(match.group(1)) if match else 0


def _read_thread(
    tree: ExportTree,
    members: list[str],
    display: str,
    platform: str | None,
    *,
    partial: bool = False,
) -> ParsedExport:
    """One conversation from its files; `partial` when only one file of several was given."""
    folder = str(PurePosixPath(members[0]).parent) if "/" in members[0] else ""
    thread = _Thread(tree=tree, folder=folder)
    thread.log.extend(tree.warnings)
    if isinstance(tree, FolderTree) and not folder:
        thread.hint_folder = tree.root.name
    if partial:
        thread.log.add(
            "pages_not_read",
            message="This conversation continues in other files of the export (message_2.json, ...); only "
            "the file given was read. Add the conversation's folder to read all of it.",
        )
    votes: list[str] = []
    for member in sorted(members, key=_page_key):
        shown = f"{display}/{member}" if tree.label == display else display
        head = tree.head(member)
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            _json_file(thread, member, shown, votes)
        elif _kind_of_head(head) == "html" or b"<" in head[:2048]:
            if _kind_of_head(head) != "html":
                raise ImportFormatError(path=shown, format=FORMAT, detail="not a Meta message page")
            _html_file(thread, member)
        else:
            raise ImportFormatError(path=shown, format=FORMAT, detail="not a Meta message thread")
    label = tree.root.name if isinstance(tree, FolderTree) else tree.label.rsplit("/", 1)[-1]
    chosen = platform if platform is not None else _platform(votes, [*thread.hints, members[0], label])
    return _finish(thread, chosen)


def _threads(tree: ExportTree) -> list[list[str]]:
    """The threads a tree holds: message_N pages grouped by folder (JSON preferred), and E2EE files."""
    dyi: dict[tuple[str, str], list[str]] = {}
    loose: list[str] = []
    for name in tree.names():
        path = PurePosixPath(name)
        match = _DYI_PAGE.match(path.name)
        if match:
            kind = "json" if match.group(2) == "json" else "html"
            dyi.setdefault((str(path.parent), kind), []).append(name)
        elif path.suffix.lower() == ".json" and not name.startswith("__MACOSX/"):
            loose.append(name)
    found: list[list[str]] = []
    for (folder, kind), members in sorted(dyi.items()):
        if kind == "html" and (folder, "json") in dyi:
            continue
        found.append(members)
    # An end-to-end-encrypted chat download is a JSON file per chat under any name; only the
    # start of each is read, and a folder of thousands of other JSON files is not searched on.
    for name in loose[:_MAX_LOOSE_JSON]:
        if _kind_of_head(tree.head(name)) == "e2ee":
            found.append([name])
    return found


def _has_sibling_pages(path: Path) -> bool:
    try:
        return any(
            _DYI_PAGE.match(p.name) and p.name != path.name and p.suffix == path.suffix
            for p in path.parent.iterdir()
        )
    except OSError:
        return False


def _dyi_root(path: Path) -> tuple[Path, str] | None:
    """For a file inside a download (…/messages/inbox/x/message_1.json): the download's root and
    the file's name in it, so that attachments named from the root can be found."""
    parts = path.parts
    for depth in range(2, min(6, len(parts))):
        top = parts[-depth - 1]
        if top in _KNOWN_TOPS:
            root = Path(*parts[: -depth - 1])
            return root, "/".join(parts[-depth - 1 :])
    return None


def read_all(path: Path, *, platform: str | None = None) -> list[ParsedExport]:
    """Every conversation of the export at `path` (a thread file, folder, download folder or zip).

    `platform` ("instagram" or "facebook") records what the user says the export is; by default
    it is recognised from the export, or left as "meta" with a warning.
    """
    path = Path(path)
    if platform is not None and platform not in FORMATS:
        raise ValueError(f"platform must be one of {FORMATS}")
    display = str(path)
    tree, member = open_tree(path, format_name=FORMAT)
    try:
        if member is not None:
            partial = _DYI_PAGE.match(path.name) is not None and _has_sibling_pages(path)
            root = _dyi_root(path)
            if root is not None:
                tree.close()
                tree, member = FolderTree(root[0]), root[1]
            return [_read_thread(tree, [member], display, platform, partial=partial)]
        threads = _threads(tree)
        if not threads:
            raise ImportFormatError(
                path=display, format=FORMAT, detail="no Instagram or Messenger conversation found"
            )
        return [_read_thread(tree, members, display, platform) for members in threads]
    finally:
        tree.close()


def read(path: Path, *, platform: str | None = None) -> ParsedExport:
    """The one conversation of the export at `path`; see `read_all`.

    Raises MetaMultipleThreadsError when `path` holds several conversations.
    """
    threads = read_all(path, platform=platform)
    if len(threads) != 1:
        raise MetaMultipleThreadsError(
            path=str(path), format=FORMAT, count=str(len(threads)), detail="use read_all to read each one"
        )
    return threads[0]
