"""What one Telegram chat gathers while it is read, and the `ParsedExport` it becomes.

Rule: a chat reaches files only through its `ExportTree`. An attachment a message names is
looked up relative to the page or JSON file that names it: a file the export holds becomes an
`EmbeddedFile`, a name pointing outside the export is refused and counted, and any other name is
listed in `missing`. JSON and HTML exports share this state (`json_export.py`, `html_export.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    EmbeddedFile,
    Message,
    ParsedExport,
    Participant,
)
from evidence_kit.importers._chat_support import ExportTree, WarningLog, join_name, missing_warning
from evidence_kit.importers.common import guess_media_type

FORMAT = "telegram"


@dataclass
class Chat:
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

    def person(self, name: str | None, identifier: str | None) -> tuple[str | None, str | None]:
        """Count a sender as a participant; returns the name and id as first seen, so that every
        message of one sender shares one copy of them (a chat's messages are all held at once)."""
        if name is None and identifier is None:
            return name, identifier
        key = (name, identifier)
        known = self.participants.setdefault(key, Participant(name=name, identifier=identifier))
        return known.name, known.identifier

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
        ref = AttachmentRef(name=name, media_type=guess_media_type(name))
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


def finish(chat: Chat, *, title: str | None, tz: str | None, extra: list[tuple[str, str]]) -> ParsedExport:
    """The chat read, as one `ParsedExport` (with the warning for files the export lacks)."""
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
