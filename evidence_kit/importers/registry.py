"""Which importer reads a path: decided by content, not by the name alone.

Rule: `recognise` reads at most the first 64 KiB of a file (or looks into a folder) and asks
each chat/e-mail/SMS importer's `sniff` in a fixed order, then falls back to "image" for
anything the content shows to be an image and to "file" for everything else. A format forced
by the user (`--as`) wins. Recognising never parses the whole file and never raises for bad
content: the worst a file can be is a plain file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from evidence_kit.domain import ItemKind, ParseWarning
from evidence_kit.importers import discord, email, meta, signal_export, sms, telegram, whatsapp
from evidence_kit.importers.paths import open_regular
from evidence_kit.importers.sniff import HEAD_SIZE, Category, Detected, detect

IMAGE = "image"
FILE = "file"

# Order matters: the most specific recognisers first (XML, e-mail headers, JSON/HTML shapes);
# WhatsApp before Signal, which are both plain text.
CHAT_IMPORTERS: tuple[ModuleType, ...] = (sms, email, telegram, meta, discord, whatsapp, signal_export)


def _formats_of(module: ModuleType) -> tuple[str, ...]:
    return tuple(getattr(module, "FORMATS", (module.FORMAT,)))


def formats() -> list[str]:
    """Every format a user can force with `--as`."""
    names = [IMAGE, FILE]
    for module in CHAT_IMPORTERS:
        names += [f for f in _formats_of(module) if f not in names]
    return names


def importer_for(format_name: str) -> ModuleType | None:
    for module in CHAT_IMPORTERS:
        if format_name in _formats_of(module):
            return module
    return None


def kind_for_platform(platform: str) -> ItemKind:
    return {"email": ItemKind.EMAIL, "sms": ItemKind.SMS, "call_log": ItemKind.CALL_LOG}.get(
        platform, ItemKind.CHAT
    )


@dataclass(frozen=True)
class Recognition:
    """What a path was recognised as, and why."""

    path: Path
    format: str  # "image", "file", or a chat/e-mail/SMS format name
    detected: Detected | None  # None for folders
    forced: bool = False

    @property
    def media_type(self) -> str | None:
        return self.detected.media_type if self.detected else None

    @property
    def warnings(self) -> tuple[ParseWarning, ...]:
        return self.detected.warnings if self.detected else ()

    @property
    def is_export(self) -> bool:
        return self.format not in (IMAGE, FILE)


def read_head(path: Path) -> bytes:
    """The first bytes of a regular file; never blocks on a FIFO or a device (see `paths.py`)."""
    with open_regular(path, follow_links=True) as handle:
        return handle.read(HEAD_SIZE)


def recognise_dir(path: Path) -> str | None:
    """The format of an export that is a folder (e.g. a Telegram Desktop export), if any."""
    for module in CHAT_IMPORTERS:
        sniff_dir = getattr(module, "sniff_dir", None)
        if sniff_dir is not None and sniff_dir(path):
            return str(_formats_of(module)[0])
    return None


def recognise(path: Path, forced: str | None = None, head: bytes | None = None) -> Recognition:
    """Recognise one file. Raises OSError when it cannot be read at all, `NotAFileError` when
    it is not a regular file."""
    data = read_head(path) if head is None else head
    name = os.fsdecode(path.name)
    detected = detect(data, name)
    if forced is not None:
        return Recognition(path, forced, detected, forced=True)
    if _may_be_export(detected, data):
        for module in CHAT_IMPORTERS:
            try:
                if module.sniff(data, name):
                    return Recognition(path, _specific_format(module, data), detected)
            except Exception:  # noqa: S112 - a recogniser that trips on odd bytes just does not claim the file
                continue
    if detected.category == Category.IMAGE:
        return Recognition(path, IMAGE, detected)
    return Recognition(path, FILE, detected)


# Exports are text, JSON, XML, HTML, e-mail or zip; media and documents never are.
_NEVER_EXPORTS = frozenset({Category.IMAGE, Category.PDF, Category.VIDEO, Category.AUDIO, Category.OFFICE})


def _may_be_export(detected: Detected, head: bytes) -> bool:
    """Skip the text recognisers for files the content already shows are media or binary."""
    if detected.category in _NEVER_EXPORTS:
        return False
    if detected.category == Category.UNKNOWN:
        # Binary garbage: NUL bytes early on, and no UTF-16 byte-order mark that would explain them.
        return not (b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")))
    return True


def _specific_format(module: ModuleType, head: bytes) -> str:
    """For modules with two formats (e-mail/mbox, SMS/calls), the one the content shows."""
    chooser = getattr(module, "format_of", None)
    if chooser is not None:
        try:
            chosen = chooser(head)
        except Exception:  # a chooser failing on odd bytes falls back to the module's main format
            chosen = None
        if isinstance(chosen, str) and chosen in _formats_of(module):
            return chosen
    return str(module.FORMAT)
