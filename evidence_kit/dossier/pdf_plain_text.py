"""Plain text in one font, broken into lines and drawn by us: most of a dossier's words.

Rule: `PlainText` draws exactly what a left-aligned Paragraph of the same style draws — the same
words on the same lines (a line may take one more word when its spaces shrink by the style's
`spaceShrinkage`, as a Paragraph's do), the same baseline, the same text for a reader's copy and
search — for text that needs none of a Paragraph's work; `pdf_text.plain_enough` decides which
text that is. A word too wide for its line (a narrow table cell) is a Paragraph's to cut: then
the whole text is handed to the Paragraph `fallback` makes. Why: a dossier of 20,000 chat
messages and 1,000 item pages spent a third of its time parsing markup plain text does not have.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

Line = tuple[str, float]  # a line's text, and how much its spaces together must shrink
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> word -> width
_WIDTHS_KEPT = 50_000  # words remembered per font and size; then the memory starts again


def word_width(word: str, font: str, size: float) -> float:
    """`stringWidth` of one word, remembered: the same words come back on every page."""
    known = _WIDTHS.setdefault((font, size), {})
    width = known.get(word)
    if width is None:
        if len(known) >= _WIDTHS_KEPT:
            known.clear()
        width = known[word] = stringWidth(word, font, size)
    return width


class _Lines:
    """The text's lines, broken for one width (kept until the width changes)."""

    def __init__(self, paragraphs: list[list[str]], style: ParagraphStyle) -> None:
        self.paragraphs = paragraphs  # each line of the text as its words
        self.font, self.size = style.fontName, style.fontSize
        self.space = stringWidth(" ", self.font, self.size)
        # A Paragraph lets each space of a line shrink by this share to take one more word.
        self.shrink = style.spaceShrinkage * self.space
        self.width: float | None = None
        # Each line and how much wider than the width it is (its spaces shrink by that much).
        self.lines: list[Line] | None = []  # None: a word does not fit the width

    def for_width(self, width: float) -> list[Line] | None:
        if width != self.width:
            self.width, self.lines = width, self._break(width)
        return self.lines

    def _break(self, width: float) -> list[Line] | None:
        lines: list[Line] = []
        for words in self.paragraphs:
            if not words:
                lines.append(("", 0.0))  # an empty line of the text stays an empty line
                continue
            current: list[str] = []
            used = 0.0
            for word in words:
                size = word_width(word, self.font, self.size)
                if size > width:
                    return None
                if current and used + self.space + size > width + self.shrink * len(current):
                    lines.append((" ".join(current), max(used - width, 0.0)))
                    current, used = [word], size
                else:
                    used += size + (self.space if current else 0.0)
                    current.append(word)
            lines.append((" ".join(current), max(used - width, 0.0)))
        return lines

    def widest_word(self) -> float:
        return max((word_width(w, self.font, self.size) for p in self.paragraphs for w in p), default=0.0)


class PlainText(Flowable):
    """Left-aligned lines of one font: what a Paragraph of `style` draws, without its parsing."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        fallback: Callable[[], Flowable],
        lines: _Lines | None = None,
        fixed: list[Line] | None = None,
    ) -> None:
        super().__init__()
        self.style = style
        self._fallback = fallback
        self._delegate: Flowable | None = None
        # Runs of spaces collapse to one, as in a Paragraph; the text's own line breaks are kept.
        self._lines = lines or _Lines([line.split() for line in text.strip("\n").split("\n")], style)
        self._fixed = fixed  # a part of a split: its lines, already broken
        self._shown: list[Line] = fixed or []

    def _text_width(self, avail_width: float) -> float:
        return avail_width - self.style.leftIndent - self.style.rightIndent

    def minWidth(self) -> float:
        return self._lines.widest_word() + self.style.leftIndent + self.style.rightIndent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fixed is None and self._delegate is None:
            lines = self._lines.for_width(self._text_width(availWidth))
            if lines is None:
                self._delegate = self._fallback()
            else:
                self._shown = lines
        if self._delegate is not None:
            width, height = self._delegate.wrap(availWidth, availHeight)
            self.width, self.height = width, height
            return width, height
        self.width = availWidth
        self.height = len(self._shown) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._delegate is not None:
            return list(self._delegate.split(availWidth, availHeight))
        lines = (
            self._fixed if self._fixed is not None else self._lines.for_width(self._text_width(availWidth))
        )
        if lines is None:
            self._delegate = self._fallback()
            return list(self._delegate.split(availWidth, availHeight))
        # As a Paragraph splits: whole lines that fit, never one line alone (an orphan) at the foot.
        fits = int(availHeight / float(self.style.leading))
        if fits <= 1:
            return []
        if fits >= len(lines):
            return [self]
        style, fallback, broken = self.style, self._fallback, self._lines
        return [
            PlainText("", style, fallback, broken, lines[:fits]),
            PlainText("", style, fallback, broken, lines[fits:]),
        ]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        if self._delegate is not None:
            self._delegate.drawOn(self.canv, 0, 0)
            return
        style = self.style
        text = self.canv.beginText(style.leftIndent, self.height - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.setFillColor(style.textColor)
        for line, over in self._shown:
            spaces = line.count(" ") + line.count("\xa0")
            if over > 1e-8 and spaces:
                # As a Paragraph does: the line's spaces shrink so that it ends at the width.
                text.setWordSpace(-over / spaces)
                text.textLine(line)
                text.setWordSpace(0)
            else:
                text.textLine(line)
        self.canv.drawText(text)
