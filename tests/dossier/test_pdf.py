"""The dossier PDF, checked with qpdf and poppler as a sceptical reader would check it.

The acceptance list of the dossier issue: qpdf --check passes; pdffonts lists only embedded
fonts; pdftotext gives every item's full SHA-256, the dossier id and every uncommon_text line;
a withheld image's pixels are nowhere; a 10,000-message chat renders in bounded memory.

How uncommon_text is compared: both sides are NFKC-normalised and whitespace-collapsed (lines
wrap, and Arabic comes out of the PDF as presentation forms, which NFKC maps back to letters).
Lines with right-to-left letters are compared word by word, because poppler (22.12) does not
restore the logical order of a mixed-direction line (it reorders at the Arabic comma); the
order and shaping themselves are tested in test_pdf_text.py.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from evidence_kit.domain import Conversation, ItemKind, Message
from evidence_kit.dossier.model import CustodyEventRow, DossierInfo, DossierItem
from evidence_kit.dossier.pdf import render_dossier
from evidence_kit.dossier.pdf_text import displayed_text, has_rtl
from evidence_kit.errors import CancelledError
from evidence_kit.progress import CancelToken, ProgressInfo
from tests.dossier import pdf_tools
from tests.dossier.sample_dossier import (
    DOSSIER_ID,
    HEAD_HASH,
    MANIFEST_SHA256,
    PHOTO_SIZE,
    SCREENSHOT_SIZE,
    WITHHELD_SIZE,
    Sample,
    build_sample,
    photo_jpeg,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
EXPECTED_FONTS = {
    "NotoSans-Regular",
    "NotoSans-Bold",
    "NotoSansMono-Regular",
    "NotoSansArabic-Regular",
    "NotoSansArabic-Bold",
    "NotoSansHebrew-Regular",
    "NotoSansHebrew-Bold",
    "Symbola",
}


@pytest.fixture
def sample(uncommon_text: tuple[str, ...]) -> Sample:
    return build_sample("en", uncommon_text)


@pytest.fixture
def sample_pdf(tmp_path: Path, sample: Sample) -> Path:
    return pdf_tools.render(tmp_path / "dossier.pdf", sample.info, sample.items, sample.events)


def test_qpdf_finds_no_errors(sample_pdf: Path) -> None:
    result = pdf_tools.run("qpdf", "--check", str(sample_pdf))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_every_font_is_embedded_and_no_standard_font_sneaks_in(sample_pdf: Path) -> None:
    listed = pdf_tools.fonts(sample_pdf)
    assert {name for name, _ in listed} == EXPECTED_FONTS
    assert {embedded for _, embedded in listed} == {"yes"}


def test_text_has_every_full_hash_the_dossier_id_and_the_manifest_hash(
    sample_pdf: Path, sample: Sample
) -> None:
    # Raw pdftotext output, no normalisation: each hash is printed once on a single line.
    text = pdf_tools.pdftotext(sample_pdf)
    for item in sample.items:
        assert item.sha256 in text, item.original_name
    assert DOSSIER_ID in text
    assert HEAD_HASH in text
    for event in sample.events:
        assert event.hash in text


def test_every_page_has_the_footer(sample_pdf: Path) -> None:
    pages = pdf_tools.pdftotext(sample_pdf).split("\f")[:-1]
    total = pdf_tools.page_count(sample_pdf)
    assert len(pages) == total
    for number, page in enumerate(pages, start=1):
        assert f"Dossier {DOSSIER_ID}" in page, number
        assert f"Page {number} of {total}" in page, number
        assert f"Manifest SHA-256: {MANIFEST_SHA256}" in page, number


def test_every_uncommon_text_line_is_printed_in_the_note_and_in_the_chat(
    sample_pdf: Path, uncommon_text: tuple[str, ...]
) -> None:
    body = pdf_tools.normalise(pdf_tools.pdftotext(sample_pdf, body_only=True))
    for line in uncommon_text:
        shown = pdf_tools.normalise(displayed_text(line))
        if has_rtl(line):
            for word in re.findall(r"\w+", shown):
                assert word in body, (line, word)
        else:
            # Once in the photo's note and once as a chat message; a third time in the index's
            # note column when the line fits that narrow cell unwrapped.
            assert body.count(shown) in (2, 3), line


def test_hidden_characters_are_printed_as_codes(sample_pdf: Path) -> None:
    body = pdf_tools.normalise(pdf_tools.pdftotext(sample_pdf, body_only=True))
    assert "Right-to-left override: [U+202E]evil.exe[U+202C] and back" in body
    assert "Control characters: bell[U+0007] tab vertical[U+000B] formfeed[U+000C] escape[U+001B] end" in body
    assert "\u202e" not in body


def test_withheld_image_pixels_are_nowhere(tmp_path: Path, sample_pdf: Path, sample: Sample) -> None:
    # Every image object in the file (used or not), and every image drawn: only the two others.
    assert pdf_tools.image_sizes(sample_pdf) == sorted([SCREENSHOT_SIZE, PHOTO_SIZE])
    assert sorted((u.width, u.height) for u in pdf_tools.image_uses(sample_pdf)) == sorted(
        [SCREENSHOT_SIZE, PHOTO_SIZE]
    )
    extracted = pdf_tools.extracted_images(sample_pdf, tmp_path)
    assert photo_jpeg() in extracted  # the search does find an embedded JPEG, byte for byte
    assert sample.withheld_thumbnail not in extracted
    decoded = pdf_tools.decoded_bytes(sample_pdf, tmp_path)
    raw = sample_pdf.read_bytes()
    for chunk in (
        sample.withheld_thumbnail[i : i + 48] for i in range(0, len(sample.withheld_thumbnail) - 48, 400)
    ):
        assert chunk not in decoded
        assert chunk not in raw
    text = pdf_tools.pdftotext(sample_pdf)
    assert "Content withheld \u2014 original in package" in text
    withheld = next(item for item in sample.items if item.withheld)
    assert withheld.sha256 == hashlib.sha256(sample.withheld_thumbnail).hexdigest()
    assert withheld.sha256 in text
    assert f"{WITHHELD_SIZE[0]} \u00d7 {WITHHELD_SIZE[1]} pixels" in text  # its metadata is shown


def test_withheld_chat_prints_no_transcript(tmp_path: Path, sample: Sample) -> None:
    chat = next(item for item in sample.items if item.kind is ItemKind.CHAT)
    secret = Message(sender="Anna de Vries", text="SECRET-LINE-7d1e", sent_at=datetime(2024, 3, 1, 9, 0))
    assert chat.conversation is not None
    conversation = dataclasses.replace(chat.conversation, messages=(secret,))
    withheld_chat = dataclasses.replace(chat, conversation=conversation, withheld=True)
    pdf = pdf_tools.render(tmp_path / "w.pdf", sample.info, [withheld_chat], sample.events)
    text = pdf_tools.pdftotext(pdf)
    assert "SECRET-LINE-7d1e" not in text
    assert "Content withheld \u2014 original in package" in text
    assert chat.sha256 in text


def test_dutch_dossier_is_dutch(tmp_path: Path, uncommon_text: tuple[str, ...]) -> None:
    sample = build_sample("nl", uncommon_text)
    pdf = pdf_tools.render(tmp_path / "nl.pdf", sample.info, sample.items, sample.events)
    text = pdf_tools.normalise(pdf_tools.pdftotext(pdf))
    total = pdf_tools.page_count(pdf)
    for expected in (
        "Bewijsdossier",
        "Wat dit dossier bewijst, en wat niet",
        "Register van de bewijsstukken",
        "Tijdlijn",
        "Inhoud niet afgebeeld \u2014 origineel in het pakket",
        "Zoals getoond in de inhoud",
        "Bijlage A: logboek van de bewaarketen",
        "Bijlage B: zo controleert u dit dossier",
        f"Pagina 1 van {total}",
        "vrijdag 1 maart 2024",
        "01-03-2024",
    ):
        assert expected in text, expected
    for english in ("Index of items", "Page 1 of", "Timeline", "As shown in the content", "Friday"):
        assert english not in text, english


def test_one_shot_iterator_gives_the_same_document(tmp_path: Path, sample: Sample) -> None:
    from_list = pdf_tools.render(tmp_path / "a.pdf", sample.info, sample.items, sample.events)
    from_iterators = pdf_tools.render(
        tmp_path / "b.pdf", sample.info, iter(sample.items), iter(sample.events)
    )
    assert pdf_tools.pdftotext(from_iterators) == pdf_tools.pdftotext(from_list)


def test_empty_dossier_renders(tmp_path: Path, sample: Sample) -> None:
    pdf = pdf_tools.render(tmp_path / "empty.pdf", sample.info, [], [])
    text = pdf_tools.normalise(pdf_tools.pdftotext(pdf))
    assert "This dossier contains no items." in text
    assert "No item shows a date in its content." in text
    assert "No custody events are included." in text
    assert pdf_tools.run("qpdf", "--check", str(pdf)).returncode == 0


def test_progress_reports_every_item_and_cancel_stops(sample: Sample) -> None:
    seen: list[ProgressInfo] = []
    render_dossier(sample.info, sample.items, sample.events, io.BytesIO(), progress=seen.append)
    assert [(p.done_files, p.total_files, p.current) for p in seen] == [
        (number, len(sample.items), item.original_name) for number, item in enumerate(sample.items, start=1)
    ]
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        render_dossier(sample.info, sample.items, sample.events, io.BytesIO(), cancel=token)


def test_damaged_thumbnail_is_reported_not_fatal(tmp_path: Path, sample: Sample) -> None:
    broken = dataclasses.replace(sample.items[0], thumbnail=b"\x89PNG\r\n\x1a\n not really a png")
    gif = dataclasses.replace(sample.items[1], thumbnail=b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    pdf = pdf_tools.render(tmp_path / "broken.pdf", sample.info, [broken, gif], [])
    text = pdf_tools.normalise(pdf_tools.pdftotext(pdf))
    assert text.count("The preview of this item could not be read; the original is in the package.") == 2
    assert pdf_tools.image_sizes(pdf) == []


def test_small_thumbnail_is_not_enlarged_and_large_one_fits(tmp_path: Path, sample: Sample) -> None:
    from PIL import Image

    def png(size: tuple[int, int]) -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", size, "#123456").save(buffer, format="PNG")
        return buffer.getvalue()

    small = dataclasses.replace(sample.items[0], thumbnail=png((40, 30)), number=1)
    wide = dataclasses.replace(sample.items[0], thumbnail=png((3000, 1000)), number=2)
    tall = dataclasses.replace(sample.items[0], thumbnail=png((500, 2000)), number=3)
    pdf = pdf_tools.render(tmp_path / "sizes.pdf", sample.info, [small, wide, tall], [])
    uses = {(u.width, u.height): (u.x_ppi, u.y_ppi) for u in pdf_tools.image_uses(pdf)}
    # 72 ppi is one pixel per point: the small one keeps its size. The wide and the tall one are
    # scaled to the frame's inner width (469.9 pt: 3000 px at 460 ppi, 500 px at 77 ppi), the
    # tall one running over pages; all keep their aspect (the same ppi across and down).
    assert uses == {(40, 30): (72, 72), (3000, 1000): (460, 460), (500, 2000): (77, 77)}


def test_long_values_split_across_pages_instead_of_failing(tmp_path: Path, sample: Sample) -> None:
    # A spaceless 10,000-character line, an e-mail header longer than a page, an Arabic paragraph
    # longer than a page: the classic ways to make ReportLab raise LayoutError.
    spaceless = "x" * 10_000
    arabic = " ".join(["مرحبا"] * 3_000)
    header = ("Received", "from relay.example.com by mx.example.com; " * 600)
    item = dataclasses.replace(
        sample.items[3], note=spaceless + "\n" + arabic, email_headers=(header,), original_name="y" * 5_000
    )
    pdf = pdf_tools.render(tmp_path / "long.pdf", sample.info, [item], [])
    text = pdf_tools.pdftotext(pdf, body_only=True)
    # The spaceless line wraps at the frame edge, so it is compared with the line breaks removed.
    assert pdf_tools.normalise(text).replace(" ", "").count("x" * 10_000) == 1
    assert pdf_tools.normalise(text).count("from relay.example.com by mx.example.com;") == 600
    assert pdf_tools.run("qpdf", "--check", str(pdf)).returncode == 0


def test_markup_in_user_text_is_printed_literally(tmp_path: Path, sample: Sample) -> None:
    hostile = '<b>not bold</b> & <font name="Helvetica">x</font> <br/> &amp; <img src="/etc/passwd"/>'
    item = dataclasses.replace(sample.items[5], note=hostile, description=hostile, sender=hostile)
    info = dataclasses.replace(sample.info, case_title=hostile, compiler=hostile)
    pdf = pdf_tools.render(tmp_path / "markup.pdf", info, [item], [])
    text = pdf_tools.normalise(pdf_tools.pdftotext(pdf, body_only=True))
    # Case title, compiler, the timeline entry (sender and description), the sender row and the
    # note; the narrow summary-table cells wrap, so they are not contiguous in pdftotext's output.
    assert text.count(pdf_tools.normalise(hostile)) == 6
    assert {name for name, _ in pdf_tools.fonts(pdf)} <= EXPECTED_FONTS


_BIG_CHAT_SCRIPT = textwrap.dedent(
    """
    import dataclasses, io, sys
    from datetime import datetime, timedelta
    from evidence_kit.domain import Conversation, Message
    from evidence_kit.dossier.pdf import render_dossier
    from tests.conftest import UNCOMMON_TEXT
    from tests.dossier.sample_dossier import build_sample

    count = int(sys.argv[1])
    sample = build_sample("en", UNCOMMON_TEXT)
    start = datetime(2024, 1, 1, 8, 0)
    messages = tuple(
        Message(
            sender="troll_account_42" if i % 3 == 0 else "Anna de Vries",
            text=f"Message {i}: " + UNCOMMON_TEXT[i % len(UNCOMMON_TEXT)][:500],
            sent_at=start + timedelta(minutes=17 * i),
        )
        for i in range(count)
    )
    chat = dataclasses.replace(sample.items[2], conversation=Conversation("whatsapp", messages))
    buffer = io.BytesIO()
    render_dossier(sample.info, [chat], sample.events, buffer)
    with open(sys.argv[2], "wb") as out:
        out.write(buffer.getvalue())
    # VmHWM, not ru_maxrss: on Linux ru_maxrss keeps the high-water mark of the process this one
    # was forked from (here: the whole pytest run), VmHWM is this program's own peak.
    with open("/proc/self/status") as status:
        print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
    """
)


def _render_big_chat(count: int, pdf: Path) -> int:
    """Render a chat of `count` messages in a fresh process; return its peak RSS in KiB."""
    result = subprocess.run(
        [sys.executable, "-c", _BIG_CHAT_SCRIPT, str(count), str(pdf)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def test_ten_thousand_message_chat_renders_in_bounded_memory(tmp_path: Path) -> None:
    small_rss = _render_big_chat(1_000, tmp_path / "small.pdf")
    big_rss = _render_big_chat(10_000, tmp_path / "big.pdf")
    big = tmp_path / "big.pdf"
    pages = pdf_tools.page_count(big)
    # About 25 messages a page (the long-line message takes a page of its own every ten).
    assert 300 <= pages <= 700, pages
    text = pdf_tools.normalise(pdf_tools.pdftotext(big))
    assert "10,000 messages" in text
    assert "Message 0: Right-to-left override" in text
    assert "Message 9999: Control characters" in text
    assert pdf_tools.run("qpdf", "--check", str(big)).returncode == 0
    # Ten times the messages may not cost anywhere near ten times the memory: the flowables are
    # streamed. (Measured: about 64 MiB for 1,000 and 73 MiB for 10,000 messages.)
    assert big_rss - small_rss < 60 * 1024, (small_rss, big_rss)
    assert big_rss < 300 * 1024, big_rss


def test_period_shown_is_the_one_given(tmp_path: Path, sample: Sample) -> None:
    info = dataclasses.replace(sample.info, period_from=date(2024, 2, 1), period_to=date(2024, 3, 31))
    pdf = pdf_tools.render(tmp_path / "period.pdf", info, sample.items, [])
    assert "2024-02-01 to 2024-03-31" in pdf_tools.normalise(pdf_tools.pdftotext(pdf))
    derived = pdf_tools.render(tmp_path / "derived.pdf", sample.info, sample.items, [])
    assert "2024-03-01 to 2024-03-11" in pdf_tools.normalise(pdf_tools.pdftotext(derived))


def test_times_are_printed_with_their_sources(sample_pdf: Path) -> None:
    text = pdf_tools.normalise(pdf_tools.pdftotext(sample_pdf, body_only=True))
    for expected in (
        "As shown in the content 2024-03-01 21:15:00 \u2014 time taken from the file name; "
        "time zone not stated",
        "File metadata (modification time) 2024-03-01 21:15:02 (UTC+01:00) = 2024-03-01 20:15:02 UTC",
        "Stored in the vault (computer clock) 2024-03-02 09:05:12 (UTC+01:00) = 2024-03-02 08:05:12 UTC",
        "Trusted timestamp 2024-03-02 08:05:13 UTC by Example TSA (freetsa.example.com)",
        "not timestamped by a time-stamp authority",
        "Exported 2024-03-15 10:30:00 (UTC+01:00) = 2024-03-15 09:30:00 UTC",
    ):
        assert expected in text, expected


def test_custody_events_and_unknown_event_types(tmp_path: Path, sample: Sample) -> None:
    events = [
        CustodyEventRow(1, datetime(2024, 3, 2, 8, 0, tzinfo=UTC), "vault_created", "", "a" * 64),
        CustodyEventRow(2, datetime(2024, 3, 2, 9, 0, tzinfo=UTC), "future_event_type", "x", "b" * 64),
    ]
    events += [
        CustodyEventRow(
            n,
            datetime(2024, 3, 3, tzinfo=UTC) + timedelta(minutes=n),
            "item_viewed",
            f"item {n}",
            f"{n:064x}",
        )
        for n in range(3, 120)
    ]
    pdf = pdf_tools.render(tmp_path / "custody.pdf", sample.info, [], events)
    text = pdf_tools.pdftotext(pdf)
    normalised = pdf_tools.normalise(text)
    assert "2024-03-02 08:00:00 Vault created" in normalised
    assert "future_event_type" in normalised
    assert normalised.count("Item viewed in full") == 117
    for event in events:
        assert event.hash in text


def test_info_rejects_naive_times_and_unknown_language(sample: Sample) -> None:
    with pytest.raises(ValueError, match="aware"):
        dataclasses.replace(sample.info, exported_at=datetime(2024, 3, 15, 10, 30))
    with pytest.raises(ValueError, match="language"):
        DossierInfo(**{**dataclasses.asdict(sample.info), "language": "de"})


def test_chat_messages_count_only_chats(sample_pdf: Path, sample: Sample) -> None:
    chat = next(item for item in sample.items if item.kind is ItemKind.CHAT)
    assert chat.conversation is not None
    text = pdf_tools.normalise(pdf_tools.pdftotext(sample_pdf))
    # The e-mail has a body (one message) too, but it is not a chat message.
    assert f"{len(chat.conversation.messages)} chat messages" in text
    assert "Text of the message" in text


def test_dossier_item_numbers_link_summary_and_sections(sample_pdf: Path, sample: Sample) -> None:
    text = pdf_tools.normalise(pdf_tools.pdftotext(sample_pdf, body_only=True))
    for item in sample.items:
        assert f"Item {item.number}: {item.original_name}" in text


def test_conversation_type_is_plain_domain_type() -> None:
    # The renderer takes the importers' Conversation as it is; nothing dossier-specific.
    conversation = Conversation(platform="sms", messages=())
    item = DossierItem(
        1, "id", ItemKind.SMS, "sms.xml", "application/xml", 1, "0" * 64, conversation=conversation
    )
    assert item.conversation is conversation
