"""The warnings an SMS import can give, counted per kind so a 200,000-message backup gives a
readable report; and `Collector.text`, which undoes the repair escape in an attribute value and
counts the characters that could not be read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from evidence_kit.domain import ParseWarning
from evidence_kit.importers.sms.xml_repair import CTRL_BASE, ESC, REPLACEMENT, UNESCAPE

# One prototype per warning code (its English message is the translation key); the count and the
# first occurrence are filled in when the import ends.
_WARNINGS: dict[str, ParseWarning] = {
    "invalid_character": ParseWarning(
        "invalid_character",
        "{count} characters could not be read (a broken surrogate pair, an invalid character "
        "reference or invalid UTF-8) and are shown as U+FFFD; the first is in record {record}.",
    ),
    "readable_date_unmatched": ParseWarning(
        "readable_date_unmatched",
        "{count} records have a readable_date that does not match their epoch time (first: record "
        '{record}, "{value}"); their wall time is shown in UTC.',
    ),
    "readable_date_unmarked_pm": ParseWarning(
        "readable_date_unmarked_pm",
        "{count} records have a readable_date with an hour from 1 to 11 and no AM/PM word that only "
        'fits their epoch time as an afternoon hour (first: record {record}, "{value}"); it was read '
        "as the afternoon.",
    ),
    "date_missing": ParseWarning(
        "date_missing",
        "{count} records have no usable date (first: record {record}); they are listed last, without a time.",
    ),
    "date_in_seconds": ParseWarning(
        "date_in_seconds",
        "{count} records give their date in seconds instead of milliseconds (first: record "
        "{record}); it was read as seconds.",
    ),
    "not_sent": ParseWarning(
        "not_sent",
        "{count} messages are drafts or were never sent (failed, queued or in the outbox); the box "
        "of each is in its details (first: record {record}).",
    ),
    "unknown_type": ParseWarning(
        "unknown_type",
        "{count} records have a type this program does not know (first: record {record}, type "
        "{type}); they are kept with the direction unknown.",
    ),
    "unknown_element": ParseWarning(
        "unknown_element", "{count} unknown elements were skipped (first: <{tag}> as record {record})."
    ),
    "part_not_decoded": ParseWarning(
        "part_not_decoded",
        "{count} MMS parts could not be decoded from base64 (first: {name} in record {record}); the "
        "backup itself still holds them.",
    ),
    "part_not_kept": ParseWarning(
        "part_not_kept",
        "{count} MMS parts were not kept as separate files because together they exceed {limit} "
        "bytes (first: {name} in record {record}); the backup itself still holds them.",
    ),
    "part_without_data": ParseWarning(
        "part_without_data",
        "{count} MMS parts have no data in the backup (first: {name} in record {record}); the media "
        "was not backed up.",
    ),
    "part_renamed": ParseWarning(
        "part_renamed",
        "{count} MMS parts have a file name already used by an earlier part and were renamed (first: "
        "{name} became {new_name}).",
    ),
    "text_part_undecodable": ParseWarning(
        "text_part_undecodable",
        "{count} MMS text parts were not valid UTF-8; unreadable bytes are shown as U+FFFD (first: "
        "record {record}).",
    ),
}

DAMAGED = ParseWarning(
    "damaged",
    "The backup could not be read past line {line}, column {column} ({detail}); the {count} records "
    "before that point were kept.",
)
COUNT_MISMATCH = ParseWarning(
    "count_mismatch", "The backup says it holds {declared} records, but {found} were read."
)


@dataclass
class Collector:
    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, dict[str, str]] = field(default_factory=dict)
    single: list[ParseWarning] = field(default_factory=list)
    record: int = 0  # 1-based ordinal of the record being read

    def add(self, code: str, **params: str) -> None:
        self.counts[code] = self.counts.get(code, 0) + 1
        if code not in self.first:
            self.first[code] = {"record": str(self.record), **params}

    def warnings(self) -> tuple[ParseWarning, ...]:
        result = list(self.single)
        for code, count in self.counts.items():
            params = {"count": str(count), **self.first[code]}
            result.append(replace(_WARNINGS[code], params=tuple(sorted(params.items()))))
        return tuple(result)

    def text(self, value: str | None) -> str | None:
        """Undo the repair escape in one attribute value, counting unreadable characters."""
        if value is None or ESC not in value:
            return value

        def restore(match: re.Match[str]) -> str:
            char = match.group(1)
            if char == ESC:
                return ESC
            code = ord(char)
            if CTRL_BASE <= code < CTRL_BASE + 0x20:
                return chr(code - CTRL_BASE)
            self.add("invalid_character")
            return REPLACEMENT

        return UNESCAPE.sub(restore, value)
