"""The dossier's timeline chart: counts per day, week or month, drawn as plain bars.

Rule: the chart shows every period between the first and the last date, empty ones included, so
a gap or a burst is visible at a glance; the bin is a day for spans up to two months, a week up to
about fourteen months, a month beyond. The bars are drawn straight on the canvas (not with
reportlab.graphics, whose defaults pull in the non-embedded Helvetica).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from evidence_kit.dossier.pdf_fonts import SANS

Granularity = Literal["day", "week", "month"]

MAX_DAY_SPAN = 62
DEFAULT_BAR = colors.HexColor("#3A6EA5")
MAX_WEEK_SPAN = 62 * 7


@dataclass(frozen=True)
class Bin:
    start: date
    count: int


def bin_start(day: date, granularity: Granularity) -> date:
    if granularity == "day":
        return day
    if granularity == "week":
        return day - timedelta(days=day.weekday())  # weeks start on Monday (ISO 8601)
    return day.replace(day=1)


def _next_start(start: date, granularity: Granularity) -> date:
    if granularity == "day":
        return start + timedelta(days=1)
    if granularity == "week":
        return start + timedelta(days=7)
    return date(start.year + 1, 1, 1) if start.month == 12 else date(start.year, start.month + 1, 1)


def choose_granularity(first: date, last: date) -> Granularity:
    span = (last - first).days + 1
    if span <= MAX_DAY_SPAN:
        return "day"
    if span <= MAX_WEEK_SPAN:
        return "week"
    return "month"


def make_bins(counts: Counter[date], granularity: Granularity, first: date, last: date) -> list[Bin]:
    """Counts per period from `first` to `last`, with empty periods as zero."""
    per_bin: Counter[date] = Counter()
    for day, count in counts.items():
        per_bin[bin_start(day, granularity)] += count
    bins: list[Bin] = []
    start = bin_start(first, granularity)
    end = bin_start(last, granularity)
    while start <= end:
        bins.append(Bin(start, per_bin.get(start, 0)))
        start = _next_start(start, granularity)
    return bins


class BarChart(Flowable):
    """A bar per bin, a few date labels under the axis and the highest count beside it."""

    def __init__(
        self,
        bins: list[Bin],
        labels: list[str],
        *,
        height: float = 90,
        bar_colour: colors.Color = DEFAULT_BAR,
        font: str = SANS,
        font_size: float = 7,
    ) -> None:
        super().__init__()
        if len(labels) != len(bins):
            raise ValueError("one label per bin")
        self.bins = bins
        self.labels = labels
        self.chart_height = height
        self.bar_colour = bar_colour
        self.font = font
        self.font_size = font_size

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.height = self.chart_height + 2.5 * self.font_size
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size = self.font_size
        top = max((b.count for b in self.bins), default=0)
        axis_label = str(top)
        left = pdfmetrics.stringWidth(axis_label, self.font, size) + 4
        bottom = 2.5 * size
        plot_width = self.width - left
        plot_height = self.chart_height - size
        count = max(len(self.bins), 1)
        slot = plot_width / count
        gap = min(slot * 0.2, 2.0)
        canvas.saveState()
        canvas.setFont(self.font, size)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.5)
        canvas.line(left, bottom, self.width, bottom)
        canvas.line(left, bottom + plot_height, self.width, bottom + plot_height)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(left - 3, bottom + plot_height - size / 3, axis_label)
        canvas.drawRightString(left - 3, bottom - size / 3, "0")
        canvas.setFillColor(self.bar_colour)
        for index, item in enumerate(self.bins):
            if item.count and top:
                bar_height = max(plot_height * item.count / top, 0.8)
                canvas.rect(left + index * slot + gap / 2, bottom, slot - gap, bar_height, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        # At most about eight labels, evenly spaced, so they never overlap.
        label_width = max((pdfmetrics.stringWidth(lab, self.font, size) for lab in self.labels), default=0)
        step = max(1, int((label_width + 8) // max(slot, 0.01)) + 1)
        for index in range(0, len(self.labels), step):
            x = left + index * slot + slot / 2
            canvas.line(x, bottom, x, bottom - 2)
            canvas.drawCentredString(
                min(max(x, left + label_width / 2), self.width - label_width / 2),
                bottom - 1.4 * size,
                self.labels[index],
            )
        canvas.restoreState()
