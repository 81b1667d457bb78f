"""User text on the page: hidden characters, markup, font fallback, right-to-left order and shaping."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from evidence_kit.domain import Conversation, ItemKind, Message
from evidence_kit.dossier.model import CustodyEventRow, DossierInfo, DossierItem
from evidence_kit.dossier.pdf import _LazyStory, render_dossier
from evidence_kit.dossier.pdf_fonts import (
    ARABIC,
    HEBREW,
    MONO,
    SANS,
    SANS_BOLD,
    SYMBOLS,
    Run,
    font_runs,
    register_fonts,
)
from evidence_kit.dossier.pdf_plain_text import PlainText
from evidence_kit.dossier.pdf_text import (
    BidiText,
    Piece,
    displayed_text,
    markup,
    paragraph,
    reshape_arabic,
    sanitise,
    visual_lines,
    wrap_logical,
)

register_fonts()
STYLE = ParagraphStyle("test", fontName=SANS, fontSize=9, leading=12)


def test_hidden_characters_become_visible_codes() -> None:
    text = "a\u202eb\u202cc\x07d\te\x0bf\x1bg\u200fh\udcffi\x7fj\x85k"
    assert displayed_text(text) == (
        "a[U+202E]b[U+202C]c[U+0007]d e[U+000B]f[U+001B]g[U+200F]h[U+DCFF]i[U+007F]j\nk"
    )
    assert sanitise("x\u2066y") == [[Piece("x"), Piece("[U+2066]", is_code=True), Piece("y")]]


def test_line_breaks_of_every_kind_break_lines() -> None:
    assert displayed_text("1\r\n2\r3\n4\u20285\u20296") == "1\n2\n3\n4\n5\n6"


def test_text_is_composed_to_nfc_but_otherwise_kept() -> None:
    assert displayed_text("e\u0301 a\u0308 Z\u0335") == "\u00e9 \u00e4 Z\u0335"
    assert displayed_text("👨\u200d👩 fa\u200dmily") == "👨\u200d👩 fa\u200dmily"


def test_markup_escapes_everything_and_marks_codes() -> None:
    assert markup("<b>&amp;</b>", SANS) == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert markup("a\x07b", SANS) == 'a<font color="#808080">[U+0007]</font>b'
    assert markup("x\ny", SANS) == "x<br/>y"
    assert markup("ok 👍", SANS) == f'ok <font name="{SYMBOLS}">👍</font>'


def test_font_runs_fall_back_per_character_and_keep_sequences_together() -> None:
    assert list(font_runs("Aب😀", SANS)) == [Run(SANS, "A"), Run(ARABIC, "ب"), Run(SYMBOLS, "😀")]
    assert list(font_runs("👍🏽 ok", SANS)) == [Run(SYMBOLS, "👍🏽"), Run(SANS, " ok")]
    assert list(font_runs("🤷🏼\u200d♀️", SANS)) == [Run(SYMBOLS, "🤷🏼\u200d♀️")]
    assert list(font_runs("e\u0301", SANS)) == [Run(SANS, "e\u0301")]
    assert list(font_runs("ıİŁĲ", SANS_BOLD)) == [Run(SANS_BOLD, "ıİŁĲ")]
    assert list(font_runs("ab12", MONO)) == [Run(MONO, "ab12")]
    assert list(font_runs("שלום", SANS)) == [Run(HEBREW, "שלום")]
    # No bundled font has Devanagari: it stays in the base font (a box on paper; the text layer
    # still carries the character).
    assert list(font_runs("क", SANS)) == [Run(SANS, "क")]


def test_arabic_is_shaped_and_put_in_visual_order() -> None:
    # مرحبا: meem initial, reh final, hah initial, beh medial, alef final (presentation forms B).
    assert reshape_arabic("مرحبا") == "\ufee3\ufeae\ufea3\ufe92\ufe8e"
    assert reshape_arabic("لا") == "\ufefb"  # lam-alef ligature
    assert reshape_arabic("بَ") == "\ufe8f\u064e"  # the vowel mark is kept
    lines, rtl = visual_lines("مرحبا بك", SANS, 9, 400)
    assert rtl is True
    # Right to left: the second word is drawn first (leftmost); each word's letters reversed.
    assert lines == ["\ufeda\ufe91 \ufe8e\ufe92\ufea3\ufeae\ufee3"]
    lines, rtl = visual_lines("Arabic: مرحبا", SANS, 9, 400)
    assert (lines, rtl) == (["Arabic: \ufe8e\ufe92\ufea3\ufeae\ufee3"], False)


def test_rtl_lines_are_broken_before_reordering() -> None:
    text = " ".join(["مرحبا"] * 40)
    lines, rtl = visual_lines(text, SANS, 9, 150)
    assert rtl is True
    assert len(lines) > 3
    # Every line is whole words, and reading the lines top to bottom, right to left, gives the text.
    logical = " ".join(line[::-1] for line in lines)
    assert logical == reshape_arabic(text)


def test_wrap_splits_spaceless_words_and_keeps_marks_with_their_letter() -> None:
    lines = wrap_logical("x" * 1000, SANS, 9, 100)
    assert "".join(lines) == "x" * 1000
    assert all(len(line) < 1000 for line in lines)
    marked = "e\u0301" * 300
    lines = wrap_logical(marked, SANS, 9, 100)
    assert "".join(lines) == marked
    assert all(not line.startswith("\u0301") for line in lines)


def test_ltr_forced_for_composed_headers() -> None:
    lines, rtl = visual_lines("21:14   مستخدم", SANS, 9, 400, ltr=True)
    assert rtl is False
    assert lines[0].startswith("21:14")


def test_paragraph_picks_bidi_only_for_rtl_text() -> None:
    assert isinstance(paragraph("plain text", STYLE), PlainText)  # needs no Paragraph at all
    assert isinstance(paragraph("plain text 😀", STYLE), Paragraph)  # an emoji: font runs
    assert isinstance(paragraph("نص", STYLE), BidiText)


def test_lazy_story_pulls_only_what_it_needs() -> None:
    pulled: list[int] = []

    def source() -> Iterator[Paragraph]:
        for index in range(1000):
            pulled.append(index)
            yield Paragraph(str(index), STYLE)

    story = _LazyStory(source())
    assert len(story) == 16
    assert len(pulled) == 16
    first = story[0]
    del story[0]
    story.insert(0, first)
    story[0:0] = [Paragraph("x", STYLE)]
    assert len(story) == 17
    assert len(pulled) == 16
    consumed = 0
    while len(story):
        del story[0]
        consumed += 1
    assert consumed == 1001
    assert len(pulled) == 1000


_ALPHABET = st.one_of(
    st.characters(),  # every code point but surrogates
    st.characters(categories=["Cs"]),  # lone surrogates, as a bad decoder may leave them
    st.sampled_from("<>&;\"'\n\r\t\u202e\u200d\x00مرحباשלום👍🏽"),
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_any_text_lays_out_and_draws(text: str) -> None:
    canvas = Canvas(io.BytesIO())
    flowable = paragraph(text, STYLE)
    width, _height = flowable.wrapOn(canvas, 300, 10_000)
    assert width <= 300
    flowable.drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()


_FIELD = st.text(alphabet=_ALPHABET, max_size=60)


@settings(max_examples=25, deadline=None)
@given(
    title=_FIELD,
    compiler=_FIELD,
    dossier_id=_FIELD,
    name=_FIELD,
    note=st.text(alphabet=_ALPHABET, max_size=400),
    header=st.tuples(_FIELD, _FIELD),
    sender=_FIELD,
    text=st.text(alphabet=_ALPHABET, max_size=300),
)
def test_any_text_in_any_field_renders_a_valid_pdf(
    title: str,
    compiler: str,
    dossier_id: str,
    name: str,
    note: str,
    header: tuple[str, str],
    sender: str,
    text: str,
) -> None:
    info = DossierInfo(
        dossier_id=dossier_id,
        case_title=title,
        compiler=compiler,
        exported_at=datetime(2024, 3, 15, 10, 30, tzinfo=UTC),
        language="en",
        tool_version=name,
        vault_id=name,
        manifest_sha256="0" * 64,
        custody_head_hash="1" * 64,
    )
    conversation = Conversation(
        "whatsapp", (Message(sender=sender, text=text, sent_at=datetime(2024, 3, 1, 9)),)
    )
    item = DossierItem(
        number=1,
        item_id=name,
        kind=ItemKind.CHAT,
        original_name=name,
        media_type=name,
        size=1,
        sha256="2" * 64,
        platform=sender,
        sender=sender,
        description=text,
        note=note,
        category=name,
        email_headers=(header,),
        exif=(header,),
        conversation=conversation,
    )
    event = CustodyEventRow(1, datetime(2024, 3, 2, tzinfo=UTC), name, note, "3" * 64)
    buffer = io.BytesIO()
    render_dossier(info, [item], [event], buffer)
    assert buffer.getvalue().startswith(b"%PDF-")
    assert b"/Helvetica" not in buffer.getvalue()


def test_rtl_prefilter_covers_every_right_to_left_letter() -> None:
    """The fast pre-check of has_rtl may never miss a letter the exact Unicode test would find."""
    import unicodedata

    from evidence_kit.dossier.pdf_text import _RTL_BLOCKS

    missed = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and unicodedata.bidirectional(chr(code)) in ("R", "AL")
        and not _RTL_BLOCKS.search(chr(code))
    ]
    assert missed == []
