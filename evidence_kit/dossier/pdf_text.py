"""Untrusted text (notes, chat lines, file names, headers) into flowables that cannot break the PDF.

Rule: every character of user text reaches the page either as itself, drawn by an embedded font,
or as a visible grey code such as "[U+202E]"; nothing is silently dropped that could change what a
reader sees, and nothing can inject Paragraph markup, reorder the page or crash ReportLab.

What is done to each kind of character, and why:
- C0 and C1 control characters (except tab, line feed and carriage return), DEL, lone surrogates
  and the bidirectional controls (LRM, RLM, ALM, LRE..RLO, LRI..PDI) are shown as "[U+XXXX]".
  They are evidence (a right-to-left override is how "exe.evil" hides "live.exe"), and left in
  they would reorder the text or make fonts draw boxes.
- Tab becomes a space; CR LF, CR, LF, NEL, U+2028 and U+2029 break the line.
- &, < and > are escaped before the text goes into ReportLab's Paragraph markup.
- Text with right-to-left letters (Arabic, Hebrew) is shaped with arabic-reshaper (contextual
  letter forms and lam-alef ligatures) and put in visual order per line with python-bidi
  (Unicode bidirectional algorithm), after our own line breaking: the bidi algorithm must run
  on lines, not on whole paragraphs, or a wrapped paragraph reads in the wrong order.
- Everything else goes through font fallback (`pdf_fonts.font_runs`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper  # type: ignore[import-untyped]
from bidi import get_display  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from evidence_kit.dossier.pdf_fonts import font_runs, has_glyphs, text_width
from evidence_kit.dossier.pdf_plain_text import PlainText

CODE_COLOUR = "#808080"

_BIDI_CONTROLS = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Exactly the characters `_is_hidden` flags (controls but tab, surrogates, bidi controls), or a
# tab: a line without any is one plain piece, found at C speed (most chat lines are).
_SPECIAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff" + "".join(re.escape(chr(c)) for c in sorted(_BIDI_CONTROLS)) + "]"
)
_TOKENS = re.compile(r"\s+|\S+")
# A space other than " " (no-break, thin, ideographic, ...): a Paragraph keeps it, `str.split` breaks at it.
_OTHER_SPACE = re.compile(r"[^\S \n]")
# A token this long may not fit a narrow cell: such text is wrapped by `wrap_logical`.
_LONG_TOKEN = re.compile(r"\S{22,}")
_BREAK_AFTER = "/._-?&=#:;,@+~|\\"

# Keep harakat (vowel marks): dropping them would change the text that is evidence. The reshaper
# only ever sees runs of Arabic script (`_ARABIC_RUN`), because it drops every zero-width joiner
# it meets, and emoji sequences elsewhere on the line need theirs.
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False})
_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


def reshape_arabic(text: str) -> str:
    """Arabic letters in their contextual forms (initial, medial, final, lam-alef ligatures)."""
    return _ARABIC_RUN.sub(lambda match: str(_RESHAPER.reshape(match.group())), text)


@dataclass(frozen=True)
class Piece:
    """A stretch of sanitised text: either the text itself or a visible code for a hidden character."""

    text: str
    is_code: bool = False


def _is_hidden(char: str) -> bool:
    code = ord(char)
    if code in _BIDI_CONTROLS:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") and char not in "\t"


def visible_code(char: str) -> str:
    return f"[U+{ord(char):04X}]"


def sanitise_line(line: str) -> list[Piece]:
    """One line (no line breaks in it) as pieces; tabs become spaces, hidden characters codes."""
    if not _SPECIAL.search(line):
        return [Piece(line)] if line else []
    pieces: list[Piece] = []
    buffer: list[str] = []
    for char in line:
        if _is_hidden(char):
            if buffer:
                pieces.append(Piece("".join(buffer)))
                buffer = []
            pieces.append(Piece(visible_code(char), is_code=True))
        else:
            buffer.append(" " if char == "\t" else char)
    if buffer:
        pieces.append(Piece("".join(buffer)))
    return pieces


def sanitise(text: str) -> list[list[Piece]]:
    """The text as lines of pieces, in Unicode normal form C.

    NFC composes "a" + U+0308 into "ä": canonically the same text, and the precomposed glyph
    is drawn right, where a lone combining mark (positioned by the font's GPOS table, which
    ReportLab does not apply) would sit beside its letter.
    """
    return [sanitise_line(line) for line in _LINE_BREAK.split(unicodedata.normalize("NFC", text))]


def displayed_text(text: str) -> str:
    """The text exactly as the dossier prints it (before shaping), lines joined with '\\n'.

    Tests and callers use this to know what a reader, or `pdftotext`, will see.
    """
    return "\n".join("".join(piece.text for piece in line) for line in sanitise(text))


# Every right-to-left letter lies in one of these blocks; text with none of them needs no
# per-character look-up (the exact test below still decides for text that has some).
_RTL_BLOCKS = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def has_rtl(text: str) -> bool:
    if not _RTL_BLOCKS.search(text):
        return False
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _runs_markup(text: str, base: str) -> str:
    parts: list[str] = []
    for run in font_runs(text, base):
        escaped = escape(run.text)
        parts.append(escaped if run.font == base else f'<font name="{run.font}">{escaped}</font>')
    return "".join(parts)


def markup(text: str, base: str) -> str:
    """Paragraph markup for left-to-right user text: escaped, font-fallback runs, codes in grey."""
    lines: list[str] = []
    for line in sanitise(text):
        parts: list[str] = []
        for piece in line:
            inner = _runs_markup(piece.text, base)
            parts.append(f'<font color="{CODE_COLOUR}">{inner}</font>' if piece.is_code else inner)
        lines.append("".join(parts))
    return "<br/>".join(lines)


def paragraph(text: str, style: ParagraphStyle, *, ltr: bool = False) -> Flowable:
    """The right flowable for user text: a Paragraph, or a BidiText when it has right-to-left letters.

    `ltr` fixes the paragraph direction to left-to-right (for lines we compose, such as a message
    header "21:14 <sender>", whose layout must not flip with the sender's script); otherwise the
    first strong character decides, as the Unicode bidi algorithm says.
    """
    if has_rtl(text) or _LONG_TOKEN.search(text):
        # Our own line breaking: right-to-left lines in visual order, and long tokens cut at
        # sensible points (ReportLab would cut them anywhere, "Afbeeldin" + "g").
        return BidiText(text, style, ltr=ltr)
    if plain_enough(text, style):
        return PlainText(_one_break(text), style, lambda: Paragraph(markup(text, style.fontName), style))
    return Paragraph(markup(text, style.fontName), style)


def plain_enough(text: str, style: ParagraphStyle) -> bool:
    """True when `PlainText` draws `text` as a Paragraph of `style` would (see `_plain_enough`);
    the answer for short texts is remembered: labels and values come back on every item page."""
    if len(text) > 80:
        return _plain_enough(text, style)
    return _plain_enough_short(text, style)


@lru_cache(maxsize=8192)
def _plain_enough_short(text: str, style: ParagraphStyle) -> bool:
    return _plain_enough(text, style)


def _plain_enough(text: str, style: ParagraphStyle, *, long_tokens: bool = False) -> bool:
    """True when `PlainText` draws `text` as a Paragraph of `style` would: left-aligned, nothing
    special in the style; every character in the style's own font, in normal form C, none hidden
    (shown as a code) or right to left, no token that needs cutting (unless `long_tokens`: lines
    already cut to the width)."""
    special = (
        getattr(style, name, None) not in (None, 0, "", "off")
        for name in ("firstLineIndent", "backColor", "borderWidth", "wordWrap", "textTransform",
                     "endDots", "bulletText", "autoLeading")
    )  # fmt: skip
    if style.alignment != TA_LEFT or any(special):
        return False
    joined = "".join(_LINE_BREAK.split(text))
    if (
        _SPECIAL.search(joined)
        or (not long_tokens and _LONG_TOKEN.search(joined))
        or _OTHER_SPACE.search(joined)
        or has_rtl(joined)
    ):
        return False
    return unicodedata.is_normalized("NFC", text) and has_glyphs(style.fontName, joined)


def _one_break(text: str) -> str:
    """The text's line breaks as "\n" only (what `PlainText` splits on)."""
    return "\n".join(_LINE_BREAK.split(text))


def _base_is_rtl(text: str) -> bool:
    """Paragraph direction by the first strong character (rule P2 of the bidi algorithm)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _split_long(token: str, base: str, size: float, width: float) -> Iterator[str]:
    """Cut a word wider than the line into pieces that fit, never before a combining mark.

    A URL, path, e-mail address or file name is cut after one of its separators ("/", ".",
    "_", "-", "?", "&", "=", ...) when one lies in the last two thirds of the piece, so it reads
    "example.com/path/" + "to/file"; only a run without any (a hash) is cut between letters.
    """
    start = 0
    for end in range(1, len(token) + 1):
        at_boundary = end == len(token) or unicodedata.combining(token[end]) == 0
        if not at_boundary:
            continue
        if text_width(token[start:end], base, size) > width and end - start > 1:
            cut = end - 1
            while cut > start + 1 and unicodedata.combining(token[cut]):
                cut -= 1
            separator = max(token.rfind(char, start, cut) for char in _BREAK_AFTER)
            if separator + 1 > start + (cut - start) // 3:
                cut = separator + 1
            yield token[start:cut]
            start = cut
    if start < len(token):
        yield token[start:]


def wrap_logical(line: str, base: str, size: float, width: float) -> list[str]:
    """Greedy line breaking of one logical line at spaces, measuring with font fallback."""
    lines: list[str] = []
    current = ""
    current_width = 0.0
    for token in _TOKENS.findall(line):
        token_width = text_width(token, base, size)
        if token.isspace():
            if current:
                current += token
                current_width += token_width
            continue
        if current_width + token_width <= width:
            current += token
            current_width += token_width
            continue
        if current.strip():
            lines.append(current.rstrip())
        current, current_width = "", 0.0
        if token_width <= width:
            current, current_width = token, token_width
            continue
        *full, last = list(_split_long(token, base, size, width))
        lines.extend(full)
        current, current_width = last, text_width(last, base, size)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def visual_lines(
    text: str, base: str, size: float, width: float, *, ltr: bool = False
) -> tuple[list[str], bool]:
    """Shaped, wrapped, visually ordered lines of `text`, and whether the paragraph is right-to-left."""
    rtl = not ltr and _base_is_rtl(text)
    direction = "R" if rtl else "L"
    result: list[str] = []
    for pieces in sanitise(text):
        logical = reshape_arabic("".join(piece.text for piece in pieces))
        for line in wrap_logical(logical, base, size, width):
            result.append(get_display(line, base_dir=direction) if has_rtl(line) else line)
    return result, rtl


class BidiText(Flowable):
    """User text with right-to-left letters: laid out by us, then drawn by a Paragraph.

    Line breaking happens in `wrap` (only then is the width known); each line is already shorter
    than the width, so the inner Paragraph draws and splits it across pages without re-wrapping.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, ltr: bool = False) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.ltr = ltr
        self._width: float | None = None
        self._inner: Flowable | None = None

    def _layout(self, avail_width: float) -> Flowable:
        if self._inner is None or self._width != avail_width:
            # A hair narrower than the frame, so rounding never makes the Paragraph re-wrap a line.
            lines, rtl = visual_lines(
                self.text, self.style.fontName, self.style.fontSize, avail_width - 1, ltr=self.ltr
            )
            self._width = avail_width
            if not rtl and _plain_enough("\n".join(lines), self.style, long_tokens=True):
                # Left to right in one font, cut to the width already: drawn plain, as the
                # Paragraph below would draw it (a long hash or address in the custody log).
                fixed = [(line, 0.0) for line in lines]
                self._inner = PlainText("", self.style, self._paragraph_of(lines, rtl), fixed=fixed)
            else:
                self._inner = self._paragraph_of(lines, rtl)()
        return self._inner

    def _paragraph_of(self, lines: list[str], rtl: bool) -> Callable[[], Paragraph]:
        def make() -> Paragraph:
            style = ParagraphStyle(f"{self.style.name}-bidi", parent=self.style)
            if rtl:
                style.alignment = TA_RIGHT
            body = "<br/>".join(_runs_markup(line, self.style.fontName) for line in lines)
            return Paragraph(body, style)

        return make

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        width, height = self._layout(aW).wrap(aW, aH)
        self.width, self.height = width, height
        return width, height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return list(self._layout(aW).split(aW, aH))

    def draw(self) -> None:
        assert self._inner is not None, "wrap() comes before draw()"
        self._inner.drawOn(self.canv, 0, 0)
