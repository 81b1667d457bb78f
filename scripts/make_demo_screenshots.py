"""Draws the demo case's fictional screenshots (run once; the PNGs are committed).

Everything shown is invented: names, numbers and messages belong to no real person.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "demo"


def phone_screenshot(path: Path, title: str, bubbles: list[tuple[bool, str, str]]) -> None:
    width, height = 540, 960
    image = Image.new("RGB", (width, height), "#ECE5DD")
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=26)
    font = ImageFont.load_default(size=22)
    small = ImageFont.load_default(size=16)
    draw.rectangle((0, 0, width, 90), fill="#075E54")
    draw.text((24, 30), title, fill="white", font=big)
    y = 120
    for mine, text, time in bubbles:
        lines = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                trial = f"{line} {word}".strip()
                if draw.textlength(trial, font=font) > 340:
                    lines.append(line)
                    line = word
                else:
                    line = trial
            lines.append(line)
        box_h = 34 * len(lines) + 34
        x0 = width - 400 if mine else 20
        draw.rounded_rectangle((x0, y, x0 + 380, y + box_h), radius=14, fill="#DCF8C6" if mine else "white")
        for i, line in enumerate(lines):
            draw.text((x0 + 16, y + 12 + 34 * i), line, fill="#111111", font=font)
        draw.text((x0 + 310, y + box_h - 24), time, fill="#667781", font=small)
        y += box_h + 18
    image.save(path, format="PNG", optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    phone_screenshot(
        OUT / "Screenshot 2026-10-03 at 23.41.png",
        "Mark (fictional)",
        [
            (False, "Why are you ignoring me? I know you're home, I can see your light.", "23:12"),
            (False, "Answer me or everybody gets to see those photos.", "23:30"),
            (True, "Stop contacting me. I have asked you many times.", "23:38"),
            (False, "You don't get to decide that.", "23:41"),
        ],
    )
    phone_screenshot(
        OUT / "Screenshot 2026-10-17 at 08.05.png",
        "@mark.fictional.99",
        [
            (False, "Nice jacket today at the station 🙂", "07:58"),
            (False, "Thought you moved? I'll always find you.", "08:02"),
            (True, "I am reporting this to the police.", "08:05"),
        ],
    )


if __name__ == "__main__":
    main()
