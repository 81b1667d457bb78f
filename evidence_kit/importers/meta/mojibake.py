"""Meta's broken character encoding in JSON exports, found and repaired per file.

Meta writes JSON text as UTF-8 bytes escaped one by one as `\\u00XX` (so "é" arrives as "Ã©").
Whether a file has this mojibake is decided for the whole file: it has it when no string holds
a character above U+00FF (which the escaping cannot produce) and most non-ASCII strings decode
as UTF-8; then every string is repaired, and a string that does not decode is kept as it is,
counted in a warning. A file with correct text is left untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from evidence_kit.importers._chat_support import WarningLog, clean_text


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


class MojibakeVote:
    """The `has_mojibake` decision taken string by string, for a file read as a stream.

    No string may hold a character above U+00FF (the escaping cannot produce one), and more of
    the non-ASCII strings must decode as UTF-8 than not: correct text with accents ("café")
    almost never does, mojibake almost always does.
    """

    def __init__(self) -> None:
        self.decoded = 0
        self.undecodable = 0
        self.impossible = False  # a character above U+00FF was seen: the file is not mojibake

    def feed(self, text: str) -> None:
        if self.impossible or text.isascii():
            return
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:  # a character above U+00FF
            self.impossible = True
            return
        try:
            raw.decode("utf-8")
            self.decoded += 1
        except UnicodeDecodeError:
            self.undecodable += 1

    def feed_all(self, value: object) -> None:
        """Every string value inside `value` (not the keys of its objects)."""
        for text in _strings(value):
            self.feed(text)

    @property
    def mojibake(self) -> bool:
        return not self.impossible and self.decoded > self.undecodable


def has_mojibake(document: object) -> bool:
    """True when the JSON's strings are UTF-8 bytes written as U+0000-U+00FF (see `MojibakeVote`)."""
    vote = MojibakeVote()
    vote.feed_all(document)
    return vote.mojibake


@dataclass
class Text:
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
