"""The repair pass: the app's output made well-formed XML without losing what it means.

The backup is read as a stream through `RepairingReader`, which hands the XML parser repaired
UTF-8. What the app writes and how it is kept:

* Surrogate pairs as two references (`&#55357;&#56832;` for 😀), which strict parsers reject: they
  are combined into the real character before parsing. A lone surrogate reference, an invalid
  character number or invalid UTF-8 becomes U+FFFD with a warning.
* Control characters as references (`&#27;`): XML 1.0 forbids them, yet they are what the person
  typed, so they are carried through the parser in a private escape (see `ESC`) and restored
  (`Collector.text`).
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

RAW_CHUNK = 1024 * 1024

# A private-use character opens a two-character escape that survives the XML parser:
# ESC ESC is a literal U+E000, ESC + U+E100+c is the control character c, ESC + _BAD is a
# character that could not be read (shown as U+FFFD). A literal U+E000 in the input is doubled,
# so the escape can never be confused with the person's own text.
ESC = "\ue000"
CTRL_BASE = 0xE100
_BAD = "\ue200"
REPLACEMENT = "\ufffd"

_REPAIR = re.compile(
    r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ue000\ufffe\uffff]"
)
_TRAILING_REF = re.compile(r"&#(?:[xX]0*[0-9a-fA-F]{1,8}|0*[0-9]{1,10});\Z")
_XML_DECL = re.compile(r"<\?xml\s[^>]{0,200}\?>")
UNESCAPE = re.compile("\ue000(.)", re.DOTALL)


def _code_point(match: re.Match[str]) -> int | None:
    hex_digits, dec_digits = match.group(1), match.group(2)
    if hex_digits is not None:
        return int(hex_digits, 16)
    if dec_digits is not None:
        return int(dec_digits)
    return None


def _forbidden_control(cp: int) -> bool:
    return cp < 0x20 and cp not in (0x09, 0x0A, 0x0D)


def _repair_text(text: str) -> str:
    """Rewrite what XML forbids into parseable text (see the module docstring)."""
    matches = list(_REPAIR.finditer(text))
    if not matches:
        return text
    out: list[str] = []
    pos = 0
    skip_next = False
    for index, match in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        out.append(text[pos : match.start()])
        pos = match.end()
        cp = _code_point(match)
        if cp is None:  # a raw character
            char = match.group(0)
            code = ord(char)
            if char == ESC:
                out.append(ESC + ESC)
            elif _forbidden_control(code):
                out.append(ESC + chr(CTRL_BASE + code))
            else:  # undecodable byte (surrogateescape), U+FFFE or U+FFFF
                out.append(ESC + _BAD)
            continue
        if 0xD800 <= cp <= 0xDBFF:
            following = matches[index + 1] if index + 1 < len(matches) else None
            low = _code_point(following) if following is not None else None
            adjacent = following is not None and following.start() == match.end()
            if adjacent and following is not None and low is not None and 0xDC00 <= low <= 0xDFFF:
                out.append(chr(0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)))
                pos = following.end()
                skip_next = True
                continue
            out.append(ESC + _BAD)
        elif 0xDC00 <= cp <= 0xDFFF or cp in (0xFFFE, 0xFFFF) or cp > 0x10FFFF:
            out.append(ESC + _BAD)
        elif cp == 0xE000:
            out.append(ESC + ESC)
        elif _forbidden_control(cp):
            out.append(ESC + chr(CTRL_BASE + cp))
        else:
            out.append(match.group(0))  # a valid reference: the parser handles it
    out.append(text[pos:])
    return "".join(out)


class RepairingReader:
    """A binary stream over the backup that yields repaired UTF-8 for the XML parser.

    It decodes incrementally (UTF-8, or UTF-16 by BOM), holds back a reference cut at a chunk
    edge (and a high-surrogate reference whose partner may follow), repairs, and drops the XML
    declaration because the output is always UTF-8. Newlines are never added or removed, so the
    parser's line numbers are the file's.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._decoder: codecs.IncrementalDecoder | None = None
        self._carry = ""
        self._started = False
        self._done = False

    def _decoder_for(self, first: bytes) -> tuple[codecs.IncrementalDecoder, bytes]:
        if first.startswith(codecs.BOM_UTF8):
            return codecs.getincrementaldecoder("utf-8")("surrogateescape"), first[3:]
        if first.startswith(codecs.BOM_UTF16_LE):
            return codecs.getincrementaldecoder("utf-16-le")("surrogateescape"), first[2:]
        if first.startswith(codecs.BOM_UTF16_BE):
            return codecs.getincrementaldecoder("utf-16-be")("surrogateescape"), first[2:]
        return codecs.getincrementaldecoder("utf-8")("surrogateescape"), first

    def read(self, size: int = -1) -> bytes:
        # The size hint is ignored: a repaired chunk of about RAW_CHUNK bytes is returned.
        while not self._done:
            chunk = self._raw.read(RAW_CHUNK)
            if self._decoder is None:
                self._decoder, chunk = self._decoder_for(chunk)
            final = not chunk
            text = self._carry + self._decoder.decode(chunk, final=final)
            self._carry = ""
            if not final:
                cut = self._hold_back(text)
                text, self._carry = text[:cut], text[cut:]
            else:
                self._done = True
            if not self._started and text:
                self._started = True
                text = _XML_DECL.sub("", text, count=1) if _XML_DECL.match(text.lstrip()) else text
            if text:
                return _repair_text(text).encode("utf-8")
        return b""

    @staticmethod
    def _hold_back(text: str) -> int:
        cut = len(text)
        amp = text.rfind("&", max(0, cut - 4096))
        if amp != -1 and ";" not in text[amp:]:
            cut = amp
        trailing = _TRAILING_REF.search(text, 0, cut) if cut else None
        if trailing is not None:
            cp = _code_point(_REPAIR.match(trailing.group(0)))  # type: ignore[arg-type]
            if cp is not None and 0xD800 <= cp <= 0xDBFF:
                cut = trailing.start()
        return cut
