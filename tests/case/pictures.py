"""Fictional pictures for the image-matching tests, drawn with Pillow: no real photo or chat.

Scenes are "photos" (sky, hills, sun, trees, a textured ground); chat screenshots share one
app's layout (header, wallpaper, bubbles in the same colours, input bar) and differ only in
their messages, the hard case for a perceptual hash. Every picture is seeded, so the figures
the tests measure are the same on every run.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFont

from evidence_kit.resources import fonts_dir


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts_dir() / "NotoSans-Regular.ttf"), size)


def scene(seed: int, size: tuple[int, int] = (800, 600)) -> Image.Image:
    """A park at dusk: sky gradient, two hills, a sun, trees and a noisy path, placed by `seed`."""
    rng = random.Random(seed)
    width, height = size
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    horizon = int(height * rng.uniform(0.45, 0.6))
    for y in range(horizon):
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=(int(70 + 150 * t), int(110 + 80 * t), int(200 - 40 * t)))
    draw.rectangle([0, horizon, width, height], fill=(60, 130, 60))
    for _ in range(2):
        cx = rng.randint(0, width)
        r = rng.randint(width // 4, width // 2)
        draw.ellipse([cx - r, horizon - r // 3, cx + r, horizon + r // 3], fill=(70, 140, 70))
    sx, sy = rng.randint(50, width - 50), rng.randint(30, horizon - 60)
    draw.ellipse([sx - 35, sy - 35, sx + 35, sy + 35], fill=(250, 220, 120))
    for _ in range(rng.randint(4, 7)):
        tx = rng.randint(20, width - 20)
        ty = rng.randint(horizon, height - 40)
        th = rng.randint(60, 160)
        draw.rectangle([tx - 6, ty - th // 2, tx + 6, ty], fill=(90, 60, 30))
        draw.ellipse([tx - 40, ty - th, tx + 40, ty - th // 2 + 10], fill=(30, 100, 40))
    px = rng.randint(width // 4, 3 * width // 4)
    draw.polygon(
        [(px - 20, horizon), (px + 20, horizon), (px + 160, height), (px - 160, height)], fill=(170, 150, 110)
    )
    for _ in range(1500):  # grass and gravel texture
        x, y = rng.randrange(width), rng.randrange(horizon, height)
        shade = rng.randint(-30, 30)
        draw.point((x, y), fill=(60 + shade, 130 + shade, 60 + shade))
    return img


CHAT_A = (
    ("in", "hey, are you coming tonight?"),
    ("out", "not sure yet"),
    ("in", "you'd better. everyone will be there and they all know what you did"),
    ("in", "answer me"),
    ("out", "please stop writing to me"),
    ("in", "why would I"),
    ("out", "I am blocking this number"),
    ("in", "try it"),
)
CHAT_B = (
    ("out", "did you get the package?"),
    ("in", "yes thanks, it came this morning"),
    ("out", "great"),
    ("in", "the blue one or the red one was for me?"),
    ("out", "blue"),
    ("in", "ok see you saturday then, I will bring the cake and the candles"),
    ("out", "perfect"),
    ("in", "bye"),
)


def chat_screenshot(
    messages: tuple[tuple[str, str], ...], size: tuple[int, int] = (540, 1170)
) -> Image.Image:
    """A phone screenshot of one fictional chat app: the same layout for every conversation."""
    width, height = size
    img = Image.new("RGB", size, (236, 229, 221))  # wallpaper
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 0, width, 40], fill=(7, 94, 84))  # status bar
    draw.rectangle([0, 40, width, 130], fill=(7, 94, 84))  # header
    draw.ellipse([20, 55, 80, 115], fill=(200, 200, 200))
    draw.text((100, 70), "Sam (fictional)", font=font(28), fill=(255, 255, 255))
    text_font = font(24)
    y = 160
    for side, text in messages:
        lines = _wrap(text, text_font, int(width * 0.62))
        box_w = max(int(draw.textlength(line, font=text_font)) for line in lines) + 36
        box_h = 34 * len(lines) + 30
        x = 20 if side == "in" else width - 20 - box_w
        colour = (255, 255, 255) if side == "in" else (220, 248, 198)
        draw.rounded_rectangle([x, y, x + box_w, y + box_h], radius=14, fill=colour)
        for n, line in enumerate(lines):
            draw.text((x + 18, y + 12 + 34 * n), line, font=text_font, fill=(20, 20, 20))
        y += box_h + 18
    draw.rectangle([0, height - 100, width, height], fill=(240, 240, 240))  # input bar
    draw.rounded_rectangle([20, height - 85, width - 100, height - 20], radius=30, fill=(255, 255, 255))
    draw.ellipse([width - 85, height - 85, width - 20, height - 20], fill=(7, 94, 84))
    return img


def _wrap(text: str, text_font: ImageFont.FreeTypeFont, limit: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if text_font.getlength(trial) > limit and current:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current]


def flat(colour: tuple[int, int, int] = (120, 120, 120), size: tuple[int, int] = (400, 300)) -> Image.Image:
    return Image.new("RGB", size, colour)


def gradient(size: tuple[int, int] = (400, 300)) -> Image.Image:
    width, height = size
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    for x in range(width):
        v = int(255 * x / (width - 1))
        draw.line([(x, 0), (x, height)], fill=(v, v, 255 - v))
    return img


# ----------------------------------------------------------------- copies as they travel


def png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def jpeg(img: Image.Image, quality: int = 60, exif: Image.Exif | None = None) -> bytes:
    out = io.BytesIO()
    img.convert("RGB").save(out, "JPEG", quality=quality, exif=exif if exif is not None else Image.Exif())
    return out.getvalue()


def resized(img: Image.Image, factor: float = 0.5) -> Image.Image:
    return img.resize((round(img.width * factor), round(img.height * factor)), Image.Resampling.LANCZOS)


def cropped(
    img: Image.Image, left: float = 0, top: float = 0, right: float = 0, bottom: float = 0
) -> Image.Image:
    w, h = img.size
    return img.crop((round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom))))


def framed(img: Image.Image, border: float = 0.12, colour: tuple[int, int, int] = (0, 0, 0)) -> Image.Image:
    """The picture as a screenshot of a viewer shows it: inside a plain frame, a little smaller."""
    inner = resized(img, 0.9)
    frame = Image.new(
        "RGB", (round(inner.width * (1 + 2 * border)), round(inner.height * (1 + 2 * border))), colour
    )
    frame.paste(inner, ((frame.width - inner.width) // 2, (frame.height - inner.height) // 2))
    return frame


def rotated_with_exif(img: Image.Image) -> bytes:
    """A JPEG whose pixels are stored turned a quarter, with EXIF orientation 6 to show them upright."""
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to view": the stored pixels are turned 90 degrees anticlockwise
    return jpeg(img.transpose(Image.Transpose.ROTATE_90), quality=90, exif=exif)
