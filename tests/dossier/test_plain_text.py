"""Text drawn by `PlainText` looks and reads exactly as the Paragraphs it replaces.

The same transcript is rendered twice, once with the plain-text path and once with every message
a Paragraph: the PDFs must hold the same text on the same lines and the same page count, and
their pages must be the same pixels. Text the plain path cannot draw goes to a Paragraph.
"""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from evidence_kit.domain import Conversation, ItemKind, Message, Participant
from evidence_kit.dossier import pdf_layout, pdf_text
from evidence_kit.dossier.model import DossierInfo, DossierItem
from evidence_kit.dossier.pdf import render_dossier
from evidence_kit.dossier.pdf_fonts import register_fonts
from evidence_kit.dossier.pdf_layout import Styles
from evidence_kit.dossier.pdf_plain_text import PlainText
from evidence_kit.dossier.pdf_text import BidiText, paragraph
from tests.dossier.pdf_tools import pdftotext, run

WORDS = [
    "hoi",
    "morgen",
    "vanavond",
    "afspraak",
    "waarom",
    "echt",
    "niet",
    "oké",
    "dank",
    "je",
    "wel",
    "zeker",
    "station",
    "trein",
    "laat",
]


def _conversation() -> Conversation:
    rng = random.Random(7)
    start = datetime(2026, 1, 1, 9, 0)
    messages = [
        Message(
            sender=rng.choice(["Anna de Vries (fictional)", "Bram"]),
            sent_at=start + timedelta(minutes=9 * n),
            sent_at_utc=None,
            text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))),
        )
        for n in range(300)
    ]
    for n in range(0, 300, 7):  # long tokens: cut by our own line breaking, then drawn plain
        token = "https://example.org/" + "abcdef0123456789" * 4 + f"/{n}"
        messages[n] = Message(sender="Bram", sent_at=messages[n].sent_at, sent_at_utc=None,
                              text=f"kijk {token} en sha256 {'0f' * 32} nu")  # fmt: skip
    long = "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(150))  # over a page
    messages.append(Message(sender="Bram", sent_at=start + timedelta(days=3), sent_at_utc=None, text=long))
    messages.append(Message(sender="Bram", sent_at=start + timedelta(days=3, minutes=1), sent_at_utc=None,
                            text="Kijk 😀 naar   dit\n\nLine after an empty one"))  # fmt: skip
    return Conversation(
        platform="whatsapp", title="Chat", messages=tuple(messages),
        participants=(Participant("Anna de Vries (fictional)"), Participant("Bram")),
    )  # fmt: skip


def _render(path: Path, plain: bool, monkeypatch: pytest.MonkeyPatch) -> Path:
    with monkeypatch.context() as patch:
        if not plain:  # every text a Paragraph, as before PlainText
            patch.setattr(pdf_text, "plain_enough", lambda text, style: False)
            patch.setattr(pdf_layout, "plain_enough", lambda text, style: False)
            patch.setattr(pdf_text, "_plain_enough", lambda text, style, long_tokens=False: False)
        return _render_now(path)


def _render_now(path: Path) -> Path:
    item = DossierItem(
        number=1, item_id="1", kind=ItemKind.CHAT, original_name="chat.txt", media_type="text/plain",
        size=1, sha256="0" * 64, conversation=_conversation(),
    )  # fmt: skip
    info = DossierInfo(
        dossier_id="EK-TEST", case_title="Fictional", compiler="", language="en", tool_version="0",
        exported_at=datetime(2026, 12, 6, tzinfo=UTC), vault_id="v", manifest_sha256="0" * 64,
        custody_head_hash="0" * 64,
    )  # fmt: skip
    buffer = io.BytesIO()
    render_dossier(info, [item], [], buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _body_lines(pdf: Path) -> list[str]:
    """The PDF's text lines without page furniture and blank lines (pages may break elsewhere)."""
    furniture = ("Dossier EK-TEST", "Manifest SHA-256", "Page ", "Case: Fictional")
    return [line for line in pdftotext(pdf).splitlines() if line.strip() and not line.startswith(furniture)]


def test_plain_messages_are_the_same_text_and_pixels_as_paragraphs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = _render(tmp_path / "paragraph.pdf", False, monkeypatch)
    fast = _render(tmp_path / "plain.pdf", True, monkeypatch)
    # The same words on the same lines. One difference is allowed: where a message of many lines
    # breaks over a page, a Paragraph starts the next page with an empty line and the plain text
    # does not, so the pages after it may break one line apart.
    assert _body_lines(slow) == _body_lines(fast)
    assert "Line after an empty one" in pdftotext(fast)
    pages = int(
        next(
            line.split()[-1]
            for line in run("pdfinfo", str(fast)).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    assert pages > 8
    for page in (3, pages // 3):  # pages of ordinary messages, before the long one
        for name in ("paragraph", "plain"):
            run("pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                str(tmp_path / f"{name}.pdf"), str(tmp_path / f"{name}-{page}"))  # fmt: skip
        one = Image.open(tmp_path / f"paragraph-{page}.png").convert("L")
        two = Image.open(tmp_path / f"plain-{page}.png").convert("L")
        assert ImageChops.difference(one, two).getbbox() is None, f"page {page} differs"


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Waarom reageer je niet?", True),
        ("two\nlines", True),
        ("Kijk 😀", False),  # an emoji: another font
        ("مرحبا", False),  # right to left
        ("a\x07bell", False),  # a hidden character, shown as a code
        ("tab\there", False),
        ("10\u00a0km", False),  # a no-break space stays one
        ("https://example.org/a/very/long/address/that/needs/cutting", False),
        ("e\u0301", False),  # not in normal form C
    ],
)
def test_only_plain_text_takes_the_plain_path(text: str, plain: bool) -> None:
    register_fonts()
    assert isinstance(paragraph(text, Styles().msg_body), PlainText) is plain


def test_a_long_token_is_cut_by_us_and_then_drawn_plain() -> None:
    register_fonts()
    style = Styles().msg_body
    flowable = paragraph("sha256 " + "0f" * 32 + " and a word", style)
    assert isinstance(flowable, BidiText)
    flowable.wrap(200, 1000)
    assert isinstance(flowable._inner, PlainText)
    right_to_left = paragraph("نص " + "0f" * 32, style)
    right_to_left.wrap(200, 1000)
    assert not isinstance(right_to_left._inner, PlainText)  # type: ignore[attr-defined]
