"""One conversation (thread) being read from its files, and the `ParsedExport` it becomes.

Rule: messages come out oldest first, whichever way the files hold them (Meta writes newest
first). Attachment `uri`s are relative to the root of the download; a file the download holds
becomes an `EmbeddedFile`, any other is `missing`. `timestamp_ms` is an epoch: it gives
`sent_at_utc`, and since the export states no time zone, `sent_at` is the UTC wall time (the
conversation's timezone_assumption says so).
"""

from __future__ import annotations

import itertools
from array import array
from dataclasses import dataclass, field
from datetime import UTC, datetime

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    EmbeddedFile,
    Message,
    ParsedExport,
    Participant,
)
from evidence_kit.importers._chat_support import (
    ExportTree,
    WarningLog,
    join_name,
    missing_warning,
    normalise_name,
)
from evidence_kit.importers.common import guess_media_type
from evidence_kit.importers.meta.platforms import UNDETERMINED

TZ_EPOCH = (
    "The export gives times as Unix times without a time zone: wall times are shown in UTC, not in the "
    "local time of the people in the conversation."
)
TZ_HTML = (
    "Times are as shown in the export, in a time zone it does not state (the one Meta used when it made "
    "the download); it gives no UTC times."
)


@dataclass
class Thread:
    """What is gathered while one thread is read, from one file or several."""

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
    keep: bool = True  # False: each message is made for what it gathers, and only its time kept
    file_times: list[array[int]] = field(default_factory=list)  # per file: `time_key` of each message

    def person(self, name: str | None) -> str | None:
        """Count a sender as a participant; returns the name as first seen, so that every message
        of one sender shares one copy of it (a thread's messages are all held at once)."""
        if not name:
            return name
        return self.participants.setdefault(name, Participant(name=name)).name

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
        ref = AttachmentRef(name=name, media_type=guess_media_type(name))
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


NO_TIME = -(2**63)  # `time_key` of a message without a time


def time_key(moment: datetime | None) -> int:
    """A message's UTC time as whole microseconds since the epoch (ordered as the times are)."""
    if moment is None:
        return NO_TIME
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def _descending(times: list[datetime]) -> bool:
    down = sum(1 for a, b in itertools.pairwise(times) if a > b)
    up = sum(1 for a, b in itertools.pairwise(times) if a < b)
    return down > up


def finish(thread: Thread, platform: str) -> ParsedExport:
    """The thread read, oldest first, as one `ParsedExport` on `platform`."""
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
