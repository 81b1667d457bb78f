"""E-mail: one message (`.eml`, FORMAT "email") or a mailbox of many (`.mbox`, FORMAT "mbox").

Rule: an e-mail is untrusted input and its headers are claims, so this package shows what the
message says, never more: the Date is the sender's clock as written, the Received chain and
Authentication-Results are what servers on the way wrote (the top ones by the receiving side,
the lower ones forgeable by the sender), and a DKIM or PGP signature is reported as *present,
not verified* because this program does not verify signatures. Nothing here crashes on a
malformed message: a header the standard library cannot parse is shown as written with a
warning, a bad Date gives no time and a warning.

One `read()` serves both formats, deciding by content: a file whose first line starts with
`From ` is an mbox, split exactly where Python's `mailbox.mbox` splits it, and read one message at
a time from the file. Nothing large reaches Python's `email` package, whose header parsing is
quadratic: what is over a limit is cut for display with a warning, the stored original untouched.

The modules, each with one job:

* `recognition.py`: the format names, `sniff` and `format_of` from the first bytes of a file.
* `reader.py`: `read_stream` (an mbox read in two streamed passes, see there), `read`,
  `read_bytes` and `headers_of`; the conversation put together; the input size limit
  (`MAX_INPUT`); no exception leaves it but a typed one.
* `message.py`: one message read (limits, MIME structure, headers, body, attachments).
* `limits.py`: the size limits, and `bound_message`, which cuts a message to them before parsing.
* `headers.py`: the evidence headers, typed (`EmailHeaders`), decoded and unfolded; `parse_date`.
* `header_text.py`: RFC 2047 decoding in one linear pass; NUL and undecodable bytes escaped.
* `addresses.py`: the people in an address header, long lists split linearly.
* `body.py`: which MIME parts are the body text and which are attachments (`MAX_DEPTH`).
* `text_parts.py`: one text part's text (character sets, HTML to text).
* `attachments.py`: attachments as in-memory files, safely and uniquely named
  (`MAX_EMBEDDED_TOTAL`).
* `mbox.py`: splitting a mailbox into messages, streamed (`MboxStream`, `split_mbox`).
* `safe_output.py`: every string handed over can be written as UTF-8.
* `state.py`: what an import gathers (files, names, one message's body);
  `parse_warnings.py`: its warnings, counted per kind.

The standard library's `email` package is not shadowed: imports are absolute, so `import email`
in these modules is Python's own.
"""

from __future__ import annotations

from evidence_kit.importers.email.headers import (
    NOT_VERIFIED,
    DkimSignature,
    EmailHeaders,
    ReceivedHop,
    parse_date,
)
from evidence_kit.importers.email.mbox import split_mbox
from evidence_kit.importers.email.reader import headers_of, read, read_bytes, read_stream
from evidence_kit.importers.email.recognition import FORMAT, FORMATS, MBOX_FORMAT, format_of, sniff
from evidence_kit.importers.email.text_parts import html_to_text

__all__ = [
    "FORMAT",
    "FORMATS",
    "MBOX_FORMAT",
    "NOT_VERIFIED",
    "DkimSignature",
    "EmailHeaders",
    "ReceivedHop",
    "format_of",
    "headers_of",
    "html_to_text",
    "parse_date",
    "read",
    "read_bytes",
    "read_stream",
    "sniff",
    "split_mbox",
]
