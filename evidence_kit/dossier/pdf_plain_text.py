"""Plain user text in one font, broken into lines and drawn by us: the dossier's chat messages.

Rule: only text that needs none of a Paragraph's work takes this path — every character in the
style's own font, already in Unicode normal form C, no hidden characters or tabs (shown as codes
by `pdf_text.sanitise`), nothing right-to-left, no token long enough to need cutting — so it is
drawn exactly as a left-aligned Paragraph of the same style would draw it: the same words on
the same lines, the same baseline, the same text for a reader's copy and search. Anything else
goes to `pdf_text.paragraph`. Why: a dossier of 20,000 chat messages spent a third of its time
parsing Paragraph markup that plain text does not have.
"""

from __future__ import annotations

import unicodedata

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from evidence_kit.dossier.pdf_fonts import has_glyphs
from evidence_kit.dossier.pdf_text import _LINE_BREAK, _LONG_TOKEN, _SPECIAL, has_rtl, paragraph


def fast_paragraph(text: str, style: ParagraphStyle, *, ltr: bool = False) -> Flowable:
    """`PlainText` when the text allows it, else the Paragraph (or BidiText) `paragraph` makes."""
    if plain_enough(text, style):
        return PlainText(break_lines(text, style), style)
    return paragraph(text, style, ltr=ltr)


def plain_enough(text: str, style: ParagraphStyle) -> bool:
    if style.alignment != TA_LEFT or style.firstLineIndent or getattr(style, "bulletText", None):
        return False
    joined = "".join(_LINE_BREAK.split(text))  # the line breaks are ours to make, not characters
    if _SPECIAL.search(joined) or _LONG_TOKEN.search(joined) or has_rtl(joined):
        return False
    if not unicodedata.is_normalized("NFC", text):
        return False
    return has_glyphs(style.fontName, joined)


class _Lines:
    """The text's lines, broken for one width (kept until the width changes)."""

    def __init__(self, paragraphs: list[list[str]], font: str, size: float, shrinkage: float) -> None:
        self.paragraphs = paragraphs  # each text line as its words
        self.font, self.size = font, size
        self.space = stringWidth(" ", font, size)
        # A Paragraph lets each space of a line shrink by this share to fit one more word.
        self.shrink = shrinkage * self.space
        self.width: float | None = None
        self.lines: list[str] = []

    def for_width(self, width: float) -> list[str]:
        if width != self.width:
            self.width, self.lines = width, self._break(width)
        return self.lines

    def _break(self, width: float) -> list[str]:
        lines: list[str] = []
        for words in self.paragraphs:
            if not words:
                lines.append("")  # an empty line of the text stays an empty line
                continue
            current: list[str] = []
            used = 0.0
            for word in words:
                size = stringWidth(word, self.font, self.size)
                if current and used + self.space + size > width + self.shrink * len(current):
                    lines.append(" ".join(current))
                    current, used = [word], size
                else:
                    used += size + (self.space if current else 0.0)
                    current.append(word)
            lines.append(" ".join(current))
        return lines


def break_lines(text: str, style: ParagraphStyle) -> _Lines:
    # Runs of spaces collapse to one, as in a Paragraph; the text's own line breaks are kept.
    paragraphs = [line.split() for line in _LINE_BREAK.split(text.strip("\n"))]
    return _Lines(paragraphs, style.fontName, style.fontSize, style.spaceShrinkage)


class PlainText(Flowable):
    """Left-aligned lines of one font: what a Paragraph of `style` draws, without its parsing."""

    def __init__(self, lines: _Lines, style: ParagraphStyle, fixed: list[str] | None = None) -> None:
        super().__init__()
        self._lines = lines
        self.style = style
        self._fixed = fixed  # a part of a split: its lines, already broken
        self._shown: list[str] = fixed or []

    def _text_width(self, avail_width: float) -> float:
        return avail_width - self.style.leftIndent - self.style.rightIndent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fixed is None:
            self._shown = self._lines.for_width(self._text_width(availWidth))
        self.width = availWidth
        self.height = len(self._shown) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._fixed
        if lines is None:
            lines = self._lines.for_width(self._text_width(availWidth))
        # As a Paragraph splits: whole lines that fit, never one line alone (an orphan) at the foot.
        fits = int(availHeight / float(self.style.leading))
        if fits <= 1:
            return []
        if fits >= len(lines):
            return [self]
        return [
            PlainText(self._lines, self.style, lines[:fits]),
            PlainText(self._lines, self.style, lines[fits:]),
        ]

    def getSpaceBefore(self) -> float:
        return float(getattr(self, "spaceBefore", self.style.spaceBefore))

    def getSpaceAfter(self) -> float:
        return float(getattr(self, "spaceAfter", self.style.spaceAfter))

    def draw(self) -> None:
        style = self.style
        text = self.canv.beginText(style.leftIndent, self.height - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.setFillColor(style.textColor)
        for line in self._shown:
            text.textLine(line)
        self.canv.drawText(text)
