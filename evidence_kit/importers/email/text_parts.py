"""The text of one text part: its bytes decoded by the declared character set (with a counted
fallback), HTML reduced to its visible text, line ends and bidi marks as the importer protocol wants."""

from __future__ import annotations

import re
from email.message import Message as MimeMessage
from html.parser import HTMLParser

from evidence_kit.importers.common import strip_marks
from evidence_kit.importers.email.parse_warnings import Collector

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr"}
    | {"ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "address"}
)
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template"})


class _HtmlText(HTMLParser):
    """The visible text of an HTML body: tags removed, block ends as line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data if self.pre else re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> str:
    """The visible text of `html`, one block per line; raises nothing on malformed HTML."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = [line.strip(" ") for line in "".join(parser.pieces).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def clean_text(text: str) -> str:
    return strip_marks(text.replace("\r\n", "\n")).rstrip("\r\n")


def part_text(part: MimeMessage, collect: Collector) -> str:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    note_defects(part, collect)
    charset = part.get_content_charset() or "us-ascii"
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        pass
    try:
        return data.decode("utf-8")  # the commonest truth behind a wrong or missing charset
    except UnicodeDecodeError:
        collect.add("charset_fallback", charset=charset[:40])
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            return data.decode("cp1252", errors="replace")


def note_defects(part: MimeMessage, collect: Collector) -> None:
    for defect in part.defects:
        name = type(defect).__name__
        if "Base64" in name or "Padding" in name or "Boundary" in name or "Missing" in name:
            collect.add("part_defect", defect=name)
            return


def visible_text(html: str, collect: Collector) -> str:
    try:
        return html_to_text(html)
    except Exception:  # HTMLParser is lenient but not guaranteed total; fall back to a simple rule
        collect.add("html_unparsed")
        return re.sub(r"<[^>]*>", "", html)
