"""The warnings an e-mail import can give, counted per kind (an mbox may hold tens of thousands of
messages): one warning per kind, with its count and its first occurrence."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from evidence_kit.domain import ParseWarning

# One prototype per warning code (its English message is the translation key); the count and the
# first occurrence are filled in when the import ends.
_WARNINGS: dict[str, ParseWarning] = {
    "date_invalid": ParseWarning(
        "date_invalid",
        "{count} messages have a Date header that is not a valid date (first: message {message}, "
        '"{value}"); their time is left empty.',
    ),
    "date_offset_invalid": ParseWarning(
        "date_offset_invalid",
        "{count} messages have a Date header with an impossible UTC offset (first: message "
        '{message}, "{value}"); only the wall time as written is kept.',
    ),
    "date_missing": ParseWarning(
        "date_missing", "{count} messages have no Date header (first: message {message})."
    ),
    "header_unparsed": ParseWarning(
        "header_unparsed",
        "{count} headers could not be parsed by the e-mail standard's rules and are shown as written "
        "(first: {header} in message {message}).",
    ),
    "header_8bit": ParseWarning(
        "header_8bit",
        "{count} headers contain raw bytes that are not UTF-8; they were read as Windows-1252 "
        "(first: {header} in message {message}).",
    ),
    "charset_fallback": ParseWarning(
        "charset_fallback",
        '{count} text parts could not be decoded with their declared character set "{charset}"; '
        "unreadable bytes are shown as U+FFFD (first: message {message}).",
    ),
    "part_defect": ParseWarning(
        "part_defect",
        "{count} MIME parts are damaged ({defect}); what could be decoded was kept (first: message "
        "{message}).",
    ),
    "boundary_reused": ParseWarning(
        "boundary_reused",
        "{count} messages have a nested multipart part that reuses its parent's boundary; the parts "
        "after it were recovered the way mail programs show them (first: message {message}).",
    ),
    "mbox_unescaped_from": ParseWarning(
        "mbox_unescaped_from",
        '{count} pieces of the mailbox have no header fields: a body line starting with "From " was '
        'not escaped as ">From ", and Python\'s mailbox rules split the message there (first: message '
        '{message}, line "{line}"). The piece is kept as a message without a sender.',
    ),
    "mbox_leading_text": ParseWarning(
        "mbox_leading_text",
        'The mailbox has {size} bytes before its first "From " line; they belong to no message.',
    ),
    "encrypted": ParseWarning(
        "encrypted",
        "{count} messages are encrypted; their content is kept as an attachment and was not "
        "decrypted (first: message {message}).",
    ),
    "too_deep": ParseWarning(
        "too_deep",
        "{count} messages nest MIME parts deeper than {limit} levels; the deeper parts were not read "
        "(first: message {message}).",
    ),
    "body_unreadable": ParseWarning(
        "body_unreadable",
        "{count} messages could not be fully read by the e-mail parser ({error}); what was read is "
        "kept (first: message {message}).",
    ),
    "html_unparsed": ParseWarning(
        "html_unparsed",
        "{count} HTML parts could not be read as HTML; their tags were removed by a simple rule "
        "(first: message {message}).",
    ),
    "attachment_not_kept": ParseWarning(
        "attachment_not_kept",
        "{count} attachments were not kept as separate files because together they exceed {limit} "
        "bytes (first: {name} in message {message}); the stored original still holds them.",
    ),
    "attachment_renamed": ParseWarning(
        "attachment_renamed",
        "{count} attachments have a file name already used in this export and were renamed (first: "
        "{name} became {new_name}).",
    ),
    "external_body": ParseWarning(
        "external_body",
        "{count} attachments are only referenced (message/external-body), not included (first: "
        "{name} in message {message}).",
    ),
    "header_cut": ParseWarning(
        "header_cut",
        "{count} header fields of {name} are longer than {limit} bytes and were cut for display "
        "(first: {header} in message {message}); the stored original is unchanged.",
    ),
    "header_block_cut": ParseWarning(
        "header_block_cut",
        "{count} messages of {name} have a header larger than {limit} bytes; the fields after that "
        "point are not shown (first: message {message}); the stored original is unchanged.",
    ),
    "line_cut": ParseWarning(
        "line_cut",
        "{count} messages of {name} have lines longer than {limit} bytes; those lines were cut for "
        "display and the messages' attachments are not kept as separate files (first: message "
        "{message}); the stored original is unchanged.",
    ),
    "message_cut": ParseWarning(
        "message_cut",
        "{count} messages of {name} are larger than {limit} bytes; only their first {limit} bytes "
        "were read and their attachments are not kept as separate files (first: message {message}); "
        "the stored original is unchanged.",
    ),
    "encoded_word_charset": ParseWarning(
        "encoded_word_charset",
        '{count} encoded words name a character set this program does not know ("{charset}") and '
        "are shown as written (first: {header} in message {message}).",
    ),
    "encoded_word_bad": ParseWarning(
        "encoded_word_bad",
        "{count} encoded words are damaged (bad base64 or bytes that are not valid {charset}) and are "
        "shown as written or with \\x escapes (first: {header} in message {message}).",
    ),
    "header_escaped": ParseWarning(
        "header_escaped",
        "{count} header values contain NUL or undecodable bytes; these are shown escaped as "
        "\\xNN (first: {header} in message {message}).",
    ),
    "date_implausible": ParseWarning(
        "date_implausible",
        "{count} messages have a Date header with an impossible year (first: message {message}, "
        '"{value}"); their time is left empty.',
    ),
    "too_many_addresses": ParseWarning(
        "too_many_addresses",
        "{count} headers list more than {limit} addresses; only the first {limit} are shown (first: "
        "{header} in message {message}).",
    ),
    "cut_message_attachment_missing": ParseWarning(
        "cut_message_attachment_missing",
        "{count} attachments are in a message that was cut for display and are not kept as separate "
        "files (first: {name} in message {message}); the stored original holds them.",
    ),
    "message_incomplete": ParseWarning(
        "message_incomplete",
        "{count} messages of {name} end before their last MIME part is closed: the message or the "
        "file was cut short; what it holds was kept and its last attachment may be incomplete (first: "
        "message {message}).",
    ),
}


@dataclass
class Collector:
    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, dict[str, str]] = field(default_factory=dict)
    message: int = 0  # 1-based ordinal of the message being read
    file: str = ""  # the file's name as shown, for warnings that name it

    def add(self, code: str, **params: str) -> None:
        self.counts[code] = self.counts.get(code, 0) + 1
        if code not in self.first:
            self.first[code] = {"message": str(self.message), **params}

    def warnings(self) -> tuple[ParseWarning, ...]:
        result = []
        for code, count in self.counts.items():
            params = {"count": str(count), **self.first[code]}
            result.append(replace(_WARNINGS[code], params=tuple(sorted(params.items()))))
        return tuple(result)
