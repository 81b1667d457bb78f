"""The guides' pictures: a menu path drawn as a simple diagram, made here, never a screenshot.

Rule: a guide's picture is drawn from its own (translated) menu path, so it can never show a
real person's messages and always speaks the user's language: a device outline with the steps
as rounded boxes joined by arrows, the last one (what to choose) emphasised. It is an SVG
document rendered in memory into the help window (`picture`); `svg` is kept plain so the same
drawing can be saved for the documentation.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

WIDTH = 640
BOX_HEIGHT = 34
GAP = 30  # room for an arrow between two boxes
CHAR = 7.2  # width of one character at the picture's font size, roughly
ROW_HEIGHT = 64


def _box_width(label: str) -> float:
    return max(56.0, len(label) * CHAR + 24)


def _rows(labels: tuple[str, ...], width: float) -> list[list[tuple[str, float]]]:
    rows: list[list[tuple[str, float]]] = [[]]
    used = 0.0
    for label in labels:
        box = min(_box_width(label), width)
        if rows[-1] and used + GAP + box > width:
            rows.append([])
            used = 0.0
        used += (GAP if rows[-1] else 0) + box
        rows[-1].append((label, box))
    return rows


def svg(path: tuple[str, ...], device: str, dark: bool = False) -> str:
    """The menu path as an SVG diagram: `device` in a frame, then each step in a box, arrows between."""
    ink = "#e8e8e8" if dark else "#202020"
    paper = "#2b2b2b" if dark else "#fafafa"
    box = "#3a4a5c" if dark else "#e3ecf7"
    last = "#7a5a00" if dark else "#fff1c2"
    line = "#9cc4f0" if dark else "#2f5f8f"
    left = 20.0
    inner = WIDTH - 2 * left
    rows = _rows(path, inner)
    height = 52 + len(rows) * ROW_HEIGHT
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{height}' "
        f"viewBox='0 0 {WIDTH} {height}' font-family='sans-serif' font-size='13'>",
        f"<rect x='1' y='1' width='{WIDTH - 2}' height='{height - 2}' rx='14' fill='{paper}' "
        f"stroke='{line}' stroke-width='2'/>",
        f"<text x='{left}' y='30' fill='{ink}' font-weight='bold'>{escape(device)}</text>",
    ]
    count = 0
    for row_number, row in enumerate(rows):
        y = 48 + row_number * ROW_HEIGHT
        x = left
        for index, (label, width) in enumerate(row):
            count += 1
            if index:
                parts.append(
                    f"<line x1='{x - GAP + 4}' y1='{y + BOX_HEIGHT / 2}' x2='{x - 6}' "
                    f"y2='{y + BOX_HEIGHT / 2}' stroke='{line}' stroke-width='2'/>"
                    f"<polygon points='{x - 4},{y + BOX_HEIGHT / 2} {x - 11},{y + BOX_HEIGHT / 2 - 5} "
                    f"{x - 11},{y + BOX_HEIGHT / 2 + 5}' fill='{line}'/>"
                )
            elif row_number:
                parts.append(
                    f"<text x='{x - 14}' y='{y + BOX_HEIGHT / 2 + 5}' fill='{line}' font-size='16'>↳</text>"
                )
            fill = last if count == len(path) else box
            parts.append(
                f"<rect x='{x}' y='{y}' width='{width}' height='{BOX_HEIGHT}' rx='8' fill='{fill}' "
                f"stroke='{line}' stroke-width='1.5'/>"
                f"<text x='{x + width / 2}' y='{y + BOX_HEIGHT / 2 + 5}' fill='{ink}' "
                f"text-anchor='middle'>{escape(label)}</text>"
            )
            x += width + GAP
    parts.append("</svg>")
    return "".join(parts)


def picture(path: tuple[str, ...], device: str, dark: bool = False, scale: float = 1.0) -> QImage:
    """The diagram rendered in memory (no file is written)."""
    renderer = QSvgRenderer(QByteArray(svg(path, device, dark).encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image
