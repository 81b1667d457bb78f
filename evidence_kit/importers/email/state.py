"""What an e-mail import gathers while it reads: the export's files, the names in use and the
memory budget (`Export`), and what one message's MIME tree gave (`Body`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from evidence_kit.domain import AttachmentRef, EmbeddedFile
from evidence_kit.importers.common import numbered_unique
from evidence_kit.importers.email.parse_warnings import Collector

# How an attachment that is kept becomes a file: given where its message starts in the file, its
# position among the message's attachments and its bytes, the opener of the file's bytes.
Keeper = Callable[[int, int, bytes], Callable[[], BinaryIO]]


@dataclass
class Export:
    """What the whole export yields besides messages: files, names in use, memory budget."""

    collect: Collector = field(default_factory=Collector)
    files: list[EmbeddedFile] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    next_number: dict[str, int] = field(default_factory=dict)
    embedded_bytes: int = 0
    linesep: str = "\n"
    unnamed: int = 0
    cut_message: bool = False  # the message being read lost bytes to a limit (see `limits.py`)
    message_start: int = 0  # where the message being read starts in the file
    # None: each kept attachment is held in memory. The streaming reader's first pass gives one
    # that keeps only where the attachment is, to be read again when the file is opened.
    keeper: Keeper | None = None
    names_only: bool = False  # the second pass: attachments are named, their files are known already

    def unique_name(self, name: str) -> str:
        candidate = numbered_unique(name, self.names, self.next_number)
        if candidate != name:
            self.collect.add("attachment_renamed", name=name, new_name=candidate)
        return candidate


@dataclass
class Body:
    """What one message's MIME tree gave: its texts in order, its attachments, the protocols of its
    signatures (never verified), and whether it was encrypted or nested too deep."""

    texts: list[str] = field(default_factory=list)
    attachments: list[AttachmentRef] = field(default_factory=list)
    signed: list[str] = field(default_factory=list)
    encrypted: bool = False
    too_deep: bool = False
