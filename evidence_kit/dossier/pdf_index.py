"""The dossier's contents and index: every section and item with the page it starts on, as links.

Rule: a reader finds any item from the index by its number, file name, kind, time or note, and
one click (or the printed page number) takes them there. Page numbers are not known when the
index is laid out, so each is a form XObject that the item's anchor defines when its page is
drawn (pdf_layout.Outline): nothing is laid out twice and the index costs one pass.
The index is built from `ItemHead`s only, before any item's content is read.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Table

from evidence_kit.domain import TimeSource, Timestamp
from evidence_kit.dossier.pdf_context import Context, ItemHead, timestamp_moment
from evidence_kit.dossier.pdf_fonts import SANS
from evidence_kit.dossier.pdf_layout import (
    FRAME_WIDTH,
    PAGE_REF_SIZE,
    TABLE_CHUNK_ROWS,
    Cell,
    RowTable,
    clip,
    heading,
    outline,
    page_form,
    plain,
    table_style,
)
from evidence_kit.dossier.pdf_text import paragraph
from evidence_kit.dossier.texts import format_date, format_datetime, format_int, format_offset

SECTIONS = ("index", "timeline", "case", "items", "custody", "verify")  # "case" only when there is one
_FALLBACK_SOURCES = (TimeSource.FILE_METADATA, TimeSource.IMPORT_CLOCK)


def item_key(number: int) -> str:
    return f"item{number}"


def section_key(name: str) -> str:
    return f"sec-{name}"


class PageRef(Flowable):
    """The page number of destination `key`, drawn from its form XObject (defined later)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = pdfmetrics.stringWidth("00000", SANS, PAGE_REF_SIZE)
        self.height = PAGE_REF_SIZE + 2
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(0, 2)
        self.canv.doForm(page_form(self.key))
        self.canv.restoreState()


class Linked(Flowable):
    """A flowable that is also a link to the destination `key` (an internal GoTo link)."""

    def __init__(self, inner: Flowable, key: str) -> None:
        super().__init__()
        self.inner = inner
        self.key = key

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(aW, aH)
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)
        # F=4 (print): PDF/A requires every annotation to be printable.
        rect = (0, 0, max(self.width, 12), self.height)
        self.canv.linkRect("", self.key, rect, relative=1, thickness=0, F=4)


def contents(context: Context) -> Iterator[Flowable]:
    """The list of sections with their pages (the PDF's bookmarks hold the same and every item)."""
    styles = context.styles
    yield from heading(context.t("index.contents"), styles.h3)
    rows: list[list[Cell]] = []
    for name in SECTIONS:
        if name == "case" and not context.has_case:
            continue
        key = section_key(name)
        rows.append([Linked(plain(context.t("index.section." + name), styles.cell), key), PageRef(key)])
    page_width = 1.6 * cm
    yield Table(
        rows,
        colWidths=[9 * cm, page_width],
        style=table_style(("ALIGN", (1, 0), (1, -1), "RIGHT")),
        hAlign="LEFT",
    )


def _time_cell(context: Context, head: ItemHead) -> list[Flowable]:
    styles = context.styles
    lang = context.lang
    if head.content_time is not None:
        return [
            plain(_stamp_text(context, head.content_time), styles.cell),
            plain(context.t("source.content"), styles.grey_cell),
        ]
    if head.first_message is not None and head.last_message is not None:
        first = format_date(lang, head.first_message.date())
        last = format_date(lang, head.last_message.date())
        span = first if first == last else context.t("index.chat_span", start=first, end=last)
        return [plain(span, styles.cell), plain(context.t("index.chat_source"), styles.grey_cell)]
    for source in _FALLBACK_SOURCES:
        stamp = next((s for s in head.times if s.source is source and timestamp_moment(s)), None)
        if stamp is not None:
            return [
                plain(_stamp_text(context, stamp), styles.cell),
                plain(context.t("source." + source.value), styles.grey_cell),
            ]
    return [plain(context.t("none"), styles.cell)]


def _stamp_text(context: Context, stamp: Timestamp) -> str:
    moment = timestamp_moment(stamp)
    assert moment is not None
    text = format_datetime(context.lang, moment, seconds=False)
    if stamp.local is not None and stamp.offset_minutes is not None:
        text += f" ({format_offset(stamp.offset_minutes)})"
    elif stamp.local is None:
        text += " UTC"
    return text


def _kind_cell(context: Context, head: ItemHead) -> list[Flowable]:
    styles = context.styles
    cell: list[Flowable] = [plain(context.t("kind." + head.kind.value), styles.cell)]
    if head.withheld:
        cell.append(plain(f"({context.t('summary.withheld')})", styles.grey_cell))
    if head.message_count:
        count = format_int(context.lang, head.message_count)
        cell.append(plain(context.t("index.messages", count=count), styles.grey_cell))
    return cell


def index(context: Context) -> Iterator[Flowable]:
    """Contents, then one row per item: number, name, kind, time and source, note, page."""
    styles = context.styles
    yield outline(context.t("index.title"), 0, section_key("index"))
    yield from heading(context.t("index.title"), styles.h1)
    if not context.heads:
        yield plain(context.t("summary.none"), styles.base)
        yield from contents(context)
        return
    yield plain(context.t("index.intro"), styles.small)
    header = [
        plain(context.t(key), styles.cell_head)
        for key in (
            "col.number",
            "index.col.name",
            "col.kind",
            "index.col.time",
            "index.col.note",
            "index.col.page",
        )
    ]
    widths = [24.0, 0.0, 62.0, 96.0, 130.0, 36.0]
    widths[1] = FRAME_WIDTH - sum(widths)
    for start in range(0, len(context.heads), TABLE_CHUNK_ROWS):
        rows: list[list[Cell]] = [list(header)]
        for head in context.heads[start : start + TABLE_CHUNK_ROWS]:
            key = item_key(head.number)
            rows.append(
                [
                    Linked(plain(str(head.number), styles.cell), key),
                    Linked(paragraph(clip(head.original_name), styles.cell_name), key),
                    _kind_cell(context, head),
                    _time_cell(context, head),
                    paragraph(head.note, styles.cell) if head.note.strip() else plain("", styles.cell),
                    Linked(PageRef(key), key),
                ]
            )
        yield RowTable(
            rows, colWidths=widths, repeatRows=1, style=table_style(header=True), hAlign="LEFT", splitInRow=1
        )
    yield from contents(context)
