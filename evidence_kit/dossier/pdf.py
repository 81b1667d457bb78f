"""The dossier PDF: cover, summary, timeline, one section per item, custody log, how to verify.

Rules this module keeps:
- It renders only what it is given (model.py objects); it never reads the vault.
- A withheld item's content never reaches the PDF: no thumbnail (not even unused bytes), no
  transcript; only a grey box, the hash and the metadata.
- Every page's header carries the case title; its footer the dossier id, "page X of Y" and
  the manifest SHA-256. Y is a form XObject drawn on every page and defined once at the end,
  so pages are written as they are made and nothing is laid out twice (the index's page
  numbers work the same way, pdf_index.py).
- Memory stays bounded for long chats: the story is a generator that ReportLab pulls from
  (`_LazyStory`), every message is its own small flowable, and long tables are cut in chunks.
- Only embedded fonts (pdf_fonts.py); user text goes through pdf_text.py, never raw into markup.
- Each item's full SHA-256 is printed once on a single monospace line, so text extraction
  (pdftotext, copy and paste) yields it contiguous; the summary table shows it in four pieces.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from evidence_kit.dossier.model import CustodyEventRow, DossierInfo, DossierItem
from evidence_kit.dossier.model_case import CaseFile
from evidence_kit.dossier.pdf_appendix import custody_log, verification
from evidence_kit.dossier.pdf_case import case_part
from evidence_kit.dossier.pdf_context import Context, Translate, make_head
from evidence_kit.dossier.pdf_fonts import MONO, SANS, font_runs, register_fonts
from evidence_kit.dossier.pdf_front import cover, timeline
from evidence_kit.dossier.pdf_index import index, section_key
from evidence_kit.dossier.pdf_item import item_section
from evidence_kit.dossier.pdf_layout import (
    BOTTOM_MARGIN,
    FRAME_WIDTH,
    GREY,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    anchor,
    outline,
)
from evidence_kit.dossier.pdf_standard import add_pdfa_entries
from evidence_kit.dossier.pdf_text import displayed_text, visual_lines
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo

__all__ = ["render_dossier"]

PAGE_COUNT_FORM = "ekPageCount"
FOOTER_SIZE = 7.0
HEADER_SIZE = 7.5
LOOKAHEAD = 16  # flowables ReportLab may see ahead (keepWithNext chains)


def _identity(text: str) -> str:
    return text


def render_dossier(
    info: DossierInfo,
    items: Iterable[DossierItem],
    events: Iterable[CustodyEventRow],
    out: BinaryIO,
    *,
    translate: Translate | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    case: CaseFile | None = None,
) -> None:
    """Write the dossier PDF for `info`, `items` (in dossier order) and the custody `events` to `out`.

    `items` is iterated twice when it can be (a list, or any re-iterable whose `__iter__` returns
    a fresh iterator): once for the cover, summary and timeline, once for the item sections. A
    re-iterable that loads each item lazily keeps memory bounded; a one-shot iterator is read into
    a list first. `events` is iterated once. `translate` maps English templates the renderer did
    not write itself (ParseWarning messages, time zone assumptions) into the dossier's language.
    `progress` is called after each item section; `cancel` is checked between items. `case`,
    when it holds anything, adds the case part after the timeline (`pdf_case.py`).
    """
    register_fonts()
    source: Iterable[DossierItem] = list(items) if iter(items) is items else items
    context = Context(info=info, lang=info.language, translate=translate or _identity, case=case)
    context.heads = [make_head(item) for item in source]
    doc = _DossierDocument(out, context)
    story = _LazyStory(_story(context, source, events, progress, cancel))
    doc.build(story, canvasmaker=_FooterCanvas)


class _FooterCanvas(Canvas):
    """Defines the page-count form once every page is written (pages refer to it before)."""

    def save(self) -> None:
        # After the template's last showPage() the page number is one past the last page; a page
        # still open (content not yet shown) would be shown by Canvas.save() and counts too.
        pending = bool(getattr(self, "_code", None))
        total = self.getPageNumber() if pending else self.getPageNumber() - 1
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(SANS, FOOTER_SIZE)
        self.drawString(0, 0, str(total))
        self.endForm()
        add_pdfa_entries(getattr(self, "_doc"))  # noqa: B009 (ReportLab's document, not in its stubs)
        super().save()


def _draw_runs(canvas: Canvas, x: float, y: float, text: str, base: str, size: float) -> float:
    """Draw one line of text with font fallback; return its width."""
    start = x
    for run in font_runs(text, base):
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)
    return x - start


class _DossierDocument(BaseDocTemplate):
    def __init__(self, out: BinaryIO, context: Context) -> None:
        info = context.info
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=displayed_text(context.t("pdf.title", id=info.dossier_id)),
            author=displayed_text(info.compiler),
            subject=context.t("pdf.subject"),
            creator=displayed_text(f"Evidence Kit {info.tool_version}"),
            lang=info.language,
            initialFontName=SANS,
            initialFontSize=9,
        )
        self.context = context
        # What every page's header and footer print, laid out once (2,000 pages, the same words).
        self._header_line: tuple[str, bool] | None = None
        self._footer_texts: tuple[str, str] | None = None
        frame = Frame(MARGIN, BOTTOM_MARGIN, FRAME_WIDTH, PAGE_HEIGHT - MARGIN - BOTTOM_MARGIN, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])

    def _footer(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        self._header(canvas)
        context = self.context
        info = context.info
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 1.95 * cm, PAGE_WIDTH - MARGIN, 1.95 * cm)
        canvas.setFillColor(GREY)
        y = 1.5 * cm
        if self._footer_texts is None:
            self._footer_texts = (
                displayed_text(context.t("footer.dossier", id=info.dossier_id)).replace("\n", " "),
                displayed_text(info.manifest_sha256).replace("\n", " "),
            )
        dossier, manifest = self._footer_texts
        _draw_runs(canvas, MARGIN, y, dossier, SANS, FOOTER_SIZE)
        # "Page X of " right-aligned, with room on its right for the total drawn by the form.
        page_text = context.t("footer.page_of", page=canvas.getPageNumber()) + " "
        room = pdfmetrics.stringWidth("0000", SANS, FOOTER_SIZE)
        x = PAGE_WIDTH - MARGIN - room - pdfmetrics.stringWidth(page_text, SANS, FOOTER_SIZE)
        canvas.setFont(SANS, FOOTER_SIZE)
        canvas.drawString(x, y, page_text)
        canvas.saveState()
        canvas.translate(x + pdfmetrics.stringWidth(page_text, SANS, FOOTER_SIZE), y)
        canvas.doForm(PAGE_COUNT_FORM)
        canvas.restoreState()
        y -= 0.42 * cm
        label = context.t("footer.manifest") + " "
        canvas.setFont(SANS, FOOTER_SIZE)
        canvas.drawString(MARGIN, y, label)
        _draw_runs(
            canvas, MARGIN + pdfmetrics.stringWidth(label, SANS, FOOTER_SIZE), y, manifest, MONO, FOOTER_SIZE
        )
        canvas.restoreState()

    def _header(self, canvas: Canvas) -> None:
        """The case title at the top of every page, on one line (cut with an ellipsis if long)."""
        if self._header_line is None:
            context = self.context
            title = " ".join(context.info.case_title.split())
            text = context.t("header.case", title=title) if title else context.t("header.no_case")
            lines, rtl = visual_lines(text, SANS, HEADER_SIZE, FRAME_WIDTH)
            self._header_line = (lines[0] + (" \u2026" if len(lines) > 1 else "") if lines else "", rtl)
        line, rtl = self._header_line
        canvas.saveState()
        canvas.setFillColor(GREY)
        y = PAGE_HEIGHT - 1.25 * cm
        if rtl:
            width = pdfmetrics.stringWidth(line, SANS, HEADER_SIZE)
            _draw_runs(canvas, PAGE_WIDTH - MARGIN - width, y, line, SANS, HEADER_SIZE)
        else:
            _draw_runs(canvas, MARGIN, y, line, SANS, HEADER_SIZE)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 0.2 * cm, PAGE_WIDTH - MARGIN, y - 0.2 * cm)
        canvas.restoreState()


class _LazyStory(list[Flowable]):
    """The story as a list ReportLab can consume, filled from a generator as it is consumed.

    BaseDocTemplate.build only takes from the front (`[0]`, `del [0]`, `[:i]`, `insert(0, ...)`,
    `[0:0] = ...`) and asks `len()` to know whether anything is left, so a small look-ahead
    buffer is enough; the flowables of a 10,000-message chat never exist all at once.
    """

    def __init__(self, source: Iterator[Flowable]) -> None:
        super().__init__()
        self._source = source
        self._exhausted = False

    def _fill(self, size: int) -> None:
        while not self._exhausted and super().__len__() < size:
            try:
                self.append(next(self._source))
            except StopIteration:
                self._exhausted = True

    def __len__(self) -> int:
        self._fill(LOOKAHEAD)
        return super().__len__()

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            stop = index.stop if index.stop is not None and index.stop >= 0 else sys.maxsize
            self._fill(stop)
        elif index >= 0:
            self._fill(index + 1)
        return super().__getitem__(index)


def _story(
    context: Context,
    items: Iterable[DossierItem],
    events: Iterable[CustodyEventRow],
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> Iterator[Flowable]:
    yield from cover(context)
    yield PageBreak()
    yield from index(context)
    yield PageBreak()
    yield anchor(section_key("timeline"))
    yield from timeline(context)
    if context.case is not None and context.has_case:
        yield PageBreak()
        yield anchor(section_key("case"))
        yield from case_part(context, context.case)
    total = len(context.heads)
    yield PageBreak()
    yield outline(context.t("section.items"), 0, section_key("items"))
    for done, item in enumerate(items, start=1):
        if cancel is not None:
            cancel.check()
        yield from item_section(context, item, first=done == 1)
        if progress is not None:
            progress(ProgressInfo(done, total, 0, 0, item.original_name))
    yield PageBreak()
    yield anchor(section_key("custody"))
    yield from custody_log(context, events)
    yield PageBreak()
    yield anchor(section_key("verify"))
    yield from verification(context)
