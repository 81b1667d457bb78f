"""Page geometry, styles and small building blocks shared by every part of the dossier PDF.

Rule: every style names one of our embedded fonts explicitly (a ParagraphStyle or a Table cell
left to its defaults would use Helvetica, which is not embedded), and our own static text goes
through `plain`, which escapes it like user text, so no translation can inject markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from evidence_kit.dossier.pdf_fonts import MONO, SANS, SANS_BOLD, has_glyphs
from evidence_kit.dossier.pdf_plain_text import PlainText
from evidence_kit.dossier.pdf_text import displayed_text, plain_enough

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
BOTTOM_MARGIN = 2.6 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN - BOTTOM_MARGIN
FRAME_PADDING = 6  # ReportLab's Frame default, on every side
TABLE_CHUNK_ROWS = 40  # long tables are cut into tables of this many rows (bounded layout work)
CELL_LIMIT = 300  # characters of a summary or timeline cell; the item's own section shows all

GREY = colors.HexColor("#666666")
LIGHT = colors.HexColor("#E8E8E8")
RULE = colors.HexColor("#BBBBBB")
HEADER_BLUE = colors.HexColor("#3A4A5A")
ALERT_RED = colors.HexColor("#B00020")

Cell = Flowable | list[Flowable]


class Styles:
    def __init__(self) -> None:
        base = ParagraphStyle("base", fontName=SANS, fontSize=9, leading=12)
        self.base = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10.5)
        self.grey = ParagraphStyle("grey", parent=self.small, textColor=GREY)
        self.title = ParagraphStyle("title", parent=base, fontName=SANS_BOLD, fontSize=28, leading=34)
        self.subtitle = ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16, textColor=GREY)
        self.case = ParagraphStyle("case", parent=base, fontName=SANS_BOLD, fontSize=16, leading=21)
        # Headings are kept with what follows by a CondPageBreak before them, not keepWithNext:
        # keepWithNext wraps heading and next flowable in a KeepTogether, which pushes a long
        # note or message whole onto a new page and leaves the page before it half empty.
        self.h1 = ParagraphStyle("h1", parent=base, fontName=SANS_BOLD, fontSize=16, leading=20, spaceAfter=8)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=SANS_BOLD, fontSize=13, leading=17, spaceAfter=6)
        self.h3 = ParagraphStyle(
            "h3", parent=base, fontName=SANS_BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3
        )
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=SANS_BOLD)
        self.grey_cell = ParagraphStyle("grey_cell", parent=self.cell, fontSize=7, leading=9, textColor=GREY)
        self.cell_name = ParagraphStyle("cell_name", parent=self.cell)
        self.text_file = ParagraphStyle("text_file", parent=base, fontName=MONO, fontSize=8, leading=10.5)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell_bold, textColor=colors.white)
        self.mono = ParagraphStyle("mono", parent=base, fontName=MONO, fontSize=8, leading=10)
        self.mono_small = ParagraphStyle("mono_small", parent=self.mono, fontSize=6.5, leading=8)
        self.mono_tiny = ParagraphStyle("mono_tiny", parent=self.mono, fontSize=6, leading=7.5)
        self.command = ParagraphStyle(
            "command",
            parent=self.mono,
            fontSize=8.5,
            leading=11,
            leftIndent=14,
            backColor=LIGHT,
            borderPadding=3,
            spaceBefore=3,
            spaceAfter=6,
        )
        self.step = ParagraphStyle("step", parent=base, leftIndent=14, firstLineIndent=-14, spaceBefore=6)
        self.step_more = ParagraphStyle("step_more", parent=base, leftIndent=14, spaceBefore=2)
        self.step_value = ParagraphStyle("step_value", parent=self.mono, leftIndent=17, spaceAfter=4)
        self.day = ParagraphStyle(
            "day",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=8.5,
            textColor=GREY,
            alignment=TA_CENTER,
            spaceBefore=8,
            spaceAfter=2,
        )
        self.msg_head = ParagraphStyle(
            "msg_head", parent=base, fontName=SANS_BOLD, fontSize=8, leading=10, spaceBefore=4
        )
        self.msg_body = ParagraphStyle("msg_body", parent=base, leftIndent=12)
        self.msg_note = ParagraphStyle("msg_note", parent=self.small, leftIndent=12, textColor=GREY)
        self.timeline_day = ParagraphStyle("timeline_day", parent=base, fontName=SANS_BOLD, spaceBefore=6)
        self.timeline_entry = ParagraphStyle("timeline_entry", parent=self.small, leftIndent=12)
        self.withheld = ParagraphStyle(
            "withheld", parent=base, fontName=SANS_BOLD, fontSize=12, leading=15, alignment=TA_CENTER
        )


def table_style(*extra: tuple[Any, ...], header: bool = False) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # plain-string cells would otherwise be Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE)]
    commands += list(extra)
    return TableStyle(commands)


class RowTable(Table):
    """A table whose rows are kept whole: a row that does not fit moves to the next page.

    Only a row taller than a whole page is split inside (ReportLab's `splitInRow`); ReportLab
    itself would split any row that meets the bottom of the page when it is the first to go.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        table: Any = self  # ReportLab's private layout state, which its stubs do not declare
        table._calc(availWidth, availHeight)
        between = table._splitRows(availHeight, doInRowSplit=0)
        if between:
            return list(between)
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        needed = sum(table._rowHeights[: repeat + 1])
        if needed <= FRAME_HEIGHT - 2 * FRAME_PADDING - 1:
            return []
        return list(super().split(availWidth, availHeight))


def kv_table(rows: list[tuple[str, Cell]], label_width: float, label_style: ParagraphStyle) -> Table:
    """A two-column table of labels and values; only a value taller than a page splits inside its row.

    A label (our own words) that fits on one line in the label font is a plain string cell, which
    the table draws itself: a thousand items' tables of Paragraphs were a sixth of an export's
    time. A longer label, or one the label font cannot draw whole, stays a Paragraph and wraps.
    """
    room = label_width - 6  # the cell's left and right padding (table_style)
    font, size = label_style.fontName, label_style.fontSize
    data: list[list[Any]] = []
    for label, value in rows:
        fits = (
            "\n" not in label
            and pdfmetrics.stringWidth(label, font, size) <= room
            and has_glyphs(font, label)
        )
        data.append([label if fits else plain(label, label_style), value])
    style = table_style(
        ("FONTNAME", (0, 0), (0, -1), font),
        ("FONTSIZE", (0, 0), (0, -1), size),
        ("LEADING", (0, 0), (0, -1), label_style.leading),
        ("TEXTCOLOR", (0, 0), (0, -1), label_style.textColor),
    )
    return RowTable(
        data,
        colWidths=[label_width, FRAME_WIDTH - label_width],
        style=style,
        hAlign="LEFT",
        splitInRow=1,
    )


def heading(text: str, style: ParagraphStyle, room: float = 3 * cm) -> Iterator[Flowable]:
    """A heading that never ends a page: a new page starts when less than `room` is left."""
    yield CondPageBreak(room)
    yield plain(text, style)


def plain(text: str, style: ParagraphStyle) -> Flowable:
    """Our own static text (never user text): drawn plain when it can be (`PlainText`), else a
    Paragraph, escaped all the same."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if plain_enough(text, style):
        return PlainText(text, style, lambda: Paragraph(escaped, style))
    return Paragraph(escaped, style)


class Outline(Flowable):
    """A zero-size mark that adds a PDF bookmark (outline entry) where it is drawn.

    With a `key` it is also a link destination of that name, and the page it lands on is written
    into the form XObject `page_form(key)`, which the index draws before the page is known.
    """

    _counter = 0

    def __init__(self, title: str, level: int, key: str | None = None) -> None:
        super().__init__()
        Outline._counter += 1
        self.key = key or f"ek{Outline._counter}"
        self.defines_page = key is not None
        self.title = title
        self.level = level
        self.width = self.height = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkHorizontal(self.key, 0, 0)
        if self.title:
            canvas.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level == 0)
        if self.defines_page:
            canvas.beginForm(page_form(self.key))
            canvas.setFont(SANS, PAGE_REF_SIZE)
            canvas.drawString(0, 0, str(canvas.getPageNumber()))
            canvas.endForm()


PAGE_REF_SIZE = 8.0


def page_form(key: str) -> str:
    """The name of the form XObject that holds the page number of destination `key`."""
    return f"ekPageOf_{key}"


def alert_box(text: str, style: ParagraphStyle) -> Table:
    """A framed warning the reader cannot miss (text as plain, escaped text)."""
    return Table(
        [[plain(text, style)]],
        colWidths=[FRAME_WIDTH],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("BOX", (0, 0), (-1, -1), 1.5, ALERT_RED),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FDECEC")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )


def outline(title: str, level: int, key: str | None = None) -> Outline:
    text = " ".join(displayed_text(title).split())
    return Outline(text[:120], level, key)


def anchor(key: str) -> Outline:
    """A link destination whose page the index prints, without a bookmark of its own."""
    return Outline("", 0, key)


def clip(text: str) -> str:
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "\u2026"
