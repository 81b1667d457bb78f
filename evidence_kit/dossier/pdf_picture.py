"""A picture at the full text width, cut over pages when it is taller than the room left.

Rule: a screenshot is shown as large as the page allows, so its text reads as on the phone: at
the full text width, but never more than one point per pixel (a small picture is not blown up
into blur). A picture taller than the room left is cut at a quiet row — a band of one colour,
between chat bubbles or lines of text — near the bottom of the page, and each further part is
headed "continued". Every part draws the one embedded image, clipped, so the PDF holds the
picture once and a reader who extracts it gets it whole.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

from PIL import Image as PILImage
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from evidence_kit.dossier.pdf_layout import FRAME_HEIGHT, FRAME_PADDING, RULE
from evidence_kit.dossier.picture import rows_of

MIN_PART_HEIGHT = 5 * cm  # less room than this on a page: the picture starts on the next one
QUIET_SEARCH = 0.25  # look for a quiet row in the last quarter of the room on the page
FULL_PAGE = FRAME_HEIGHT - 2 * FRAME_PADDING - 1  # the room on an empty page
MAX_PAGES = 8  # a picture never takes more pages than this


def _draw_image(
    canvas: Canvas, source: PictureSource, x: float, y: float, width: float, height: float
) -> None:
    """Draw the picture; a JPEG is embedded once, as it is, under a name made from its bytes.

    ReportLab's own drawImage names an image by decoding it and hashing the pixels, on every
    call: for a phone screenshot drawn in two parts that is most of the export's time. A JPEG
    goes into the PDF byte for byte anyway (DCTDecode), so its own hash names it just as well.
    """
    if not source.is_jpeg:
        canvas.drawImage(source.reader, x, y, width=width, height=height)
        return
    engine: Any = canvas  # ReportLab's document and page accumulators, not in its stubs
    doc = engine._doc
    registered = doc.getXObjectName(source.name)
    if not doc.idToObject.get(registered):
        image = pdfdoc.PDFImageXObject(source.name, source.reader)
        image.name = source.name
        engine._setXObjects(image)
        doc.Reference(image, registered)
        doc.addForm(source.name, image)
    engine._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    engine._code.append(f"/{registered} Do")
    canvas.restoreState()
    engine._formsinuse.append(source.name)


def row_profile(data: bytes) -> bytes:
    """How busy each pixel row of the picture `data` is (`picture.rows_of`), one byte a row."""
    with PILImage.open(io.BytesIO(data)) as img:
        return rows_of(img)


class PictureSource:
    """The picture's bytes, its reader (shared by every part) and, when needed, its row profile."""

    def __init__(self, data: bytes, width: int, height: int, profile: bytes | None = None) -> None:
        self.data = data
        self.width = width
        self.height = height
        self.reader = ImageReader(io.BytesIO(data))
        self.is_jpeg = data.startswith(b"\xff\xd8\xff")
        self.name = "ekPicture" + hashlib.sha256(data).hexdigest()[:32]
        self._profile = profile

    def profile(self) -> bytes:
        """How busy each pixel row is (`row_profile`), unless it was made ahead."""
        if self._profile is None:
            self._profile = row_profile(self.data)
        return self._profile

    def cut_row(self, top: int, limit: int) -> int:
        """The row to cut at: the quietest in the last part of [top, limit], the lowest of equals."""
        start = max(top + 1, limit - int((limit - top) * QUIET_SEARCH))
        profile = self.profile()
        best = limit
        best_value = 256  # above every row's value
        for row in range(limit, start - 1, -1):
            value = profile[min(row, self.height - 1)]
            if value < best_value:
                best, best_value = row, value
            if value == 0:
                break
        return best


class Picture(Flowable):
    """Rows [top, bottom) of a picture, scaled to the frame width, at most one point per pixel."""

    def __init__(
        self,
        source: PictureSource,
        *,
        continued: Flowable | None = None,
        label: Flowable | None = None,
        top: int = 0,
        bottom: int | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.continued = continued  # the heading of every part after the first
        self.label = label  # this part's heading (None for the first part)
        self.top = top
        self.bottom = source.height if bottom is None else bottom
        self.scale = 1.0
        self._label_height = 0.0

    def _measure(self, avail_width: float) -> None:
        # A very long scrolling capture (or a crafted 1-pixel-wide strip) is made smaller rather
        # than run on over dozens of pages.
        self.scale = min(1.0, avail_width / self.source.width, MAX_PAGES * FULL_PAGE / self.source.height)
        self._label_height = self.label.wrap(avail_width, 10_000)[1] + 3 if self.label else 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._measure(aW)
        self.width = self.source.width * self.scale
        self.height = (self.bottom - self.top) * self.scale + self._label_height
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self._measure(aW)
        room = aH - self._label_height
        whole = (self.bottom - self.top) * self.scale + self._label_height
        if room < MIN_PART_HEIGHT or (self.top == 0 and whole <= FULL_PAGE):
            # A picture that fits on one page is never cut: it starts on the next page.
            return []
        rows = int(room / self.scale)
        if self.top + rows >= self.bottom:
            return [self]
        cut = self.source.cut_row(self.top, self.top + rows)
        first = Picture(self.source, continued=self.continued, label=self.label, top=self.top, bottom=cut)
        rest = Picture(
            self.source, continued=self.continued, label=self.continued, top=cut, bottom=self.bottom
        )
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        part_height = (self.bottom - self.top) * self.scale
        if self.label is not None:
            self.label.drawOn(canvas, 0, part_height + 3)
        full_width = self.source.width * self.scale
        full_height = self.source.height * self.scale
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(0, 0, full_width, part_height)
        canvas.clipPath(path, stroke=0, fill=0)
        # The whole picture, placed so that row `top` is at the top of this part.
        _draw_image(
            canvas, self.source, 0, part_height - full_height + self.top * self.scale, full_width, full_height
        )
        canvas.restoreState()
        # A hairline frame: a white screenshot on a white page still shows where it ends.
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, full_width, part_height, stroke=1, fill=0)
        canvas.restoreState()
