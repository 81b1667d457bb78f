"""One item's section: picture or grey box, metadata with every time and its source, content.

Rule: a withheld item shows no content at all (its picture bytes are not even opened, and its
transcript or text is not printed), only the grey box, the hash and the metadata. A picture is
shown at the full text width but at most one point per pixel (pdf_picture.py), so a screenshot's
text is as legible as on the phone and a small preview is never blown up into a misleading blur.
A text file shows its text (up to a limit, said so); an e-mail or a mailbox shows each message
with its own headers.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Spacer, Table, TableStyle

from evidence_kit.domain import ItemKind, Message, MessageKind, ParseWarning, TimeSource, Timestamp
from evidence_kit.dossier.chat_lines import call_text, sender_label
from evidence_kit.dossier.model import DossierItem
from evidence_kit.dossier.pdf_context import Context, message_time
from evidence_kit.dossier.pdf_fonts import SANS
from evidence_kit.dossier.pdf_index import item_key
from evidence_kit.dossier.pdf_layout import (
    FRAME_WIDTH,
    RULE,
    TABLE_CHUNK_ROWS,
    RowTable,
    alert_box,
    clip,
    heading,
    kv_table,
    outline,
    plain,
    table_style,
)
from evidence_kit.dossier.pdf_picture import Picture, PictureSource
from evidence_kit.dossier.pdf_text import displayed_text, paragraph
from evidence_kit.dossier.picture import TextExcerpt
from evidence_kit.dossier.texts import (
    format_datetime,
    format_int,
    format_long_date,
    format_offset,
    format_size,
    format_utc,
    has_text,
    plain_type,
)

TEXT_BLOCK_LINES = 20
WITHHELD_GREY = colors.HexColor("#C8C8C8")
_SOURCE_ORDER = (
    TimeSource.CONTENT,
    TimeSource.FILE_NAME,
    TimeSource.FILE_METADATA,
    TimeSource.IMPORT_CLOCK,
    TimeSource.TSA,
)


def item_section(context: Context, item: DossierItem, *, first: bool) -> Iterator[Flowable]:
    styles = context.styles
    title = context.t("item.title", number=item.number, name=item.original_name)
    if not first:
        yield CondPageBreak(9 * cm)
        yield Spacer(1, 0.3 * cm)
        yield HRFlowable(width="100%", thickness=0.75, color=RULE, spaceAfter=8)
    yield outline(title, 1, item_key(item.number))
    yield paragraph(clip(title), styles.h2)
    if item.seal_broken:
        yield alert_box(context.t("item.seal_broken"), styles.base)
        yield Spacer(1, 6)
    if item.withheld:
        yield from _withheld_box(context, item.original_in_package)
    elif item.picture is not None or item.thumbnail is not None:
        yield from _preview(context, item)
    elif item.kind is ItemKind.IMAGE:
        yield plain(context.t("item.no_preview"), styles.grey)
    yield from _metadata(context, item)
    yield from _pairs_table(context, "exif.title", item.exif)
    if not _is_mailbox(item):
        # A mailbox's item-level "headers" are a count, not any message's: each message shows its own.
        yield from _pairs_table(context, "headers.title", item.email_headers)
    if item.note.strip():
        yield from heading(context.t("note.title"), styles.h3)
        yield paragraph(item.note, styles.base)
    warnings = list(item.warnings)
    if item.conversation is not None:
        warnings += item.conversation.warnings
    if warnings:
        yield from heading(context.t("warnings.title"), styles.h3)
        for warning in warnings:
            yield paragraph("\u2022 " + _format_warning(context, warning), styles.small)
    if item.conversation is not None and not item.withheld:
        yield from _transcript(context, item)
    elif item.text is not None and not item.withheld:
        yield from _text_file(context, item.text, item.size)


def _is_mailbox(item: DossierItem) -> bool:
    return (
        item.kind is ItemKind.EMAIL and item.conversation is not None and len(item.conversation.messages) != 1
    )


def _text_file(context: Context, excerpt: TextExcerpt, size: int) -> Iterator[Flowable]:
    styles = context.styles
    lang = context.lang
    yield from heading(context.t("textfile.title"), styles.h3)
    if excerpt.complete:
        note = context.t("textfile.complete", bytes=format_int(lang, size))
    else:
        note = context.t(
            "textfile.cut", shown=format_int(lang, excerpt.shown_bytes), bytes=format_int(lang, size)
        )
    yield plain(note, styles.small)
    yield Spacer(1, 3)
    if not excerpt.text.strip():
        yield plain(context.t("textfile.empty"), styles.grey)
        return
    # Blocks of lines, each its own paragraph: they split over pages without one huge flowable.
    lines = excerpt.text.splitlines()
    for start in range(0, len(lines), TEXT_BLOCK_LINES):
        block = "\n".join(lines[start : start + TEXT_BLOCK_LINES])
        yield paragraph(block if block.strip() else " ", styles.text_file)


def _format_warning(context: Context, warning: ParseWarning) -> str:
    template = context.translate(warning.message)
    # A value from a fixed vocabulary ("day/month/year") is translated too; any other stays as is.
    params = {key: context.translate(value) for key, value in warning.params}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not lose the warning: show the English.
        return warning.format()


def _withheld_box(context: Context, in_package: bool) -> Iterator[Flowable]:
    styles = context.styles
    suffix = "" if in_package else "_left_out"
    yield Table(
        [[plain(context.t("item.withheld_box" + suffix), styles.withheld)]],
        colWidths=[FRAME_WIDTH],
        rowHeights=[4 * cm],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("BACKGROUND", (0, 0), (-1, -1), WITHHELD_GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        ),
    )
    yield Spacer(1, 4)
    yield plain(context.t("item.withheld_explain" + suffix), styles.small)


def _preview(context: Context, item: DossierItem) -> Iterator[Flowable]:
    styles = context.styles
    lang = context.lang
    data = item.picture if item.picture is not None else item.thumbnail
    assert data is not None
    size = _image_size(data)
    if size is None:
        yield plain(context.t("item.preview_unreadable"), styles.grey)
        return
    width, height = size
    if item.picture is None:
        caption = context.t("item.preview_caption")
    elif item.image_size is not None and item.image_size[0] > width:
        caption = context.t(
            "picture.caption_reduced",
            width=format_int(lang, width),
            height=format_int(lang, height),
            orig_width=format_int(lang, item.image_size[0]),
            orig_height=format_int(lang, item.image_size[1]),
        )
    else:
        caption = context.t("picture.caption", width=format_int(lang, width), height=format_int(lang, height))
    continued = plain(context.t("picture.continued", number=item.number), styles.grey)
    rows = item.picture_rows if item.picture is not None else None
    yield Picture(PictureSource(data, width, height, rows), continued=continued)
    yield Spacer(1, 2)
    yield plain(caption, styles.grey)


def _image_size(data: bytes) -> tuple[int, int] | None:
    """The pixel size of a PNG or JPEG thumbnail, or None when it is anything else or damaged."""
    try:
        with PILImage.open(io.BytesIO(data)) as probe:
            if probe.format not in ("PNG", "JPEG"):
                return None
            probe.verify()
            width, height = probe.size
    except Exception:
        return None
    if width <= 0 or height <= 0:
        return None
    return width, height


def _format_timestamp(context: Context, stamp: Timestamp) -> str:
    lang = context.lang
    if stamp.local is not None:
        text = format_datetime(lang, stamp.local)
        if stamp.offset_minutes is not None:
            text += f" ({context.t('time.offset', offset=format_offset(stamp.offset_minutes))})"
            if stamp.utc is not None and stamp.offset_minutes != 0:
                text += " " + context.t("time.utc_equivalent", utc=format_utc(lang, stamp.utc))
        elif stamp.utc is not None:
            text += " " + context.t("time.utc_equivalent", utc=format_utc(lang, stamp.utc))
        elif not stamp.assumption:
            text += f" ({context.t('time.zone_not_stated')})"
    elif stamp.utc is not None:
        text = f"{format_utc(lang, stamp.utc)} UTC"
    else:
        text = context.t("none")
    if stamp.assumption:
        text += f" \u2014 {context.translate(stamp.assumption)}"
    return text


def _metadata(context: Context, item: DossierItem) -> Iterator[Flowable]:
    styles = context.styles
    lang = context.lang
    yield from heading(context.t("meta.title"), styles.h3)
    rows: list[tuple[str, Flowable | list[Flowable]]] = [
        (context.t("meta.sha256"), _sha256_cell(context, item)),
        (context.t("meta.file_name"), paragraph(item.original_name, styles.cell)),
        (
            context.t("meta.size"),
            plain(
                context.t(
                    "meta.size_value", bytes=format_int(lang, item.size), human=format_size(lang, item.size)
                ),
                styles.cell,
            ),
        ),
        (
            context.t("meta.type"),
            [plain(plain_type(lang, item.media_type), styles.cell), paragraph(item.media_type, styles.grey)]
            if item.media_type
            else plain(context.t("meta.type_unknown"), styles.cell),
        ),
        (context.t("meta.kind"), plain(context.t("kind." + item.kind.value), styles.cell)),
        (context.t("meta.item_id"), paragraph(item.item_id, styles.cell)),
    ]
    for key, value in (
        ("meta.platform", item.platform),
        ("meta.sender", item.sender),
        ("meta.category", item.category),
    ):
        if value.strip():
            rows.append((context.t(key), paragraph(value, styles.cell)))
    if context.case is not None:
        offences = context.case.item_categories.get(item.number, ())
        if offences:
            rows.append((context.t("meta.offences"), paragraph("; ".join(offences), styles.cell)))
        incidents = context.case.item_incidents.get(item.number, ())
        if incidents:
            numbers = ", ".join(str(n) for n in incidents)
            rows.append(
                (
                    context.t("meta.incidents"),
                    plain(context.t("meta.incident_numbers", numbers=numbers), styles.cell),
                )
            )
    if item.image_size is not None:
        width, height = item.image_size
        text = context.t(
            "meta.image_size_value", width=format_int(lang, width), height=format_int(lang, height)
        )
        rows.append((context.t("meta.image_size"), plain(text, styles.cell)))
    rows.extend(_relations(context, item))
    times = sorted(item.times, key=lambda s: _SOURCE_ORDER.index(s.source))
    time_cells: list[Flowable] = []
    for stamp in times:
        time_cells.append(plain(context.t("source." + stamp.source.value), styles.cell_bold))
        time_cells.append(plain(_format_timestamp(context, stamp), styles.cell))
        time_cells.append(plain(context.t("proof." + stamp.source.value), styles.grey))
    if not time_cells:
        time_cells.append(plain(context.t("meta.no_times"), styles.cell))
    rows.append((context.t("meta.times"), time_cells))
    if item.trusted_time is not None:
        trusted = context.t(
            "meta.trusted_time_value",
            time=f"{format_utc(lang, item.trusted_time.gen_time)} UTC",
            tsa=displayed_text(item.trusted_time.tsa_name),
        )
        rows.append(
            (
                context.t("meta.trusted_time"),
                [paragraph(trusted, styles.cell), plain(context.t("meta.trusted_time_proves"), styles.grey)],
            )
        )
    else:
        rows.append((context.t("meta.trusted_time"), plain(context.t("meta.not_timestamped"), styles.cell)))
    yield kv_table(rows, 3.6 * cm, styles.cell_bold)


def _sha256_cell(context: Context, item: DossierItem) -> Flowable | list[Flowable]:
    """The item's SHA-256; a chat item's is that of its reference record, and says so."""
    styles = context.styles
    if item.export_sha256 is None:
        return plain(item.sha256, styles.mono)
    if item.parent_number is not None:
        export = context.t("meta.parent_item", number=item.parent_number, name=item.parent_name)
    else:
        export = context.t("meta.parent_outside", id=item.parent_vault_id)
    return [
        plain(item.sha256, styles.mono),
        paragraph(context.t("meta.chat_reference", export=export), styles.cell),
        plain(item.export_sha256, styles.mono),
    ]


def _relations(context: Context, item: DossierItem) -> Iterator[tuple[str, Flowable | list[Flowable]]]:
    """Where the item came from, what was taken from it, and the items with the same SHA-256."""
    styles = context.styles
    if item.parent_number is not None:
        cells = [
            paragraph(
                context.t("meta.parent_item", number=item.parent_number, name=item.parent_name), styles.cell
            )
        ]
        if item.parent_message is not None:
            moment, sender = item.parent_message
            when = (
                format_datetime(context.lang, moment, seconds=False) if moment else context.t("msg.no_time")
            )
            text = context.t(
                "meta.parent_message", time=when, sender=sender or context.t("msg.unknown_sender")
            )
            cells.append(paragraph(text, styles.cell))
        yield context.t("meta.parent"), cells
    elif item.parent_vault_id is not None:
        yield (
            context.t("meta.parent"),
            plain(context.t("meta.parent_outside", id=item.parent_vault_id), styles.cell),
        )
    if item.attachment_items:
        yield (
            context.t("meta.attachments"),
            [
                paragraph(context.t("meta.parent_item", number=n, name=name), styles.cell)
                for name, n in item.attachment_items
            ],
        )
    if item.duplicates:
        yield (
            context.t("meta.duplicates"),
            [
                paragraph(context.t("meta.duplicate_item", number=n, name=name), styles.cell)
                for n, name in item.duplicates
            ],
        )


def _pairs_table(context: Context, title_key: str, pairs: tuple[tuple[str, str], ...]) -> Iterator[Flowable]:
    if not pairs:
        return
    styles = context.styles
    yield from heading(context.t(title_key), styles.h3)
    for start in range(0, len(pairs), TABLE_CHUNK_ROWS):
        rows = [
            [paragraph(clip(label), styles.cell_bold), paragraph(value, styles.cell)]
            for label, value in pairs[start : start + TABLE_CHUNK_ROWS]
        ]
        yield RowTable(
            rows,
            colWidths=[3.6 * cm, FRAME_WIDTH - 3.6 * cm],
            style=table_style(),
            hAlign="LEFT",
            splitInRow=1,
        )


def _transcript(context: Context, item: DossierItem) -> Iterator[Flowable]:
    conversation = item.conversation
    assert conversation is not None
    styles = context.styles
    lang = context.lang
    if item.kind is ItemKind.EMAIL:
        yield from heading(context.t("transcript.email_title"), styles.h3)
    else:
        yield from heading(context.t("transcript.title"), styles.h3)
        count = len(conversation.messages)
        intro = [
            context.t("transcript.count_one")
            if count == 1
            else context.t("transcript.count", count=format_int(lang, count)),
            context.t("transcript.times"),
        ]
        yield plain(" ".join(intro), styles.small)
    if conversation.timezone_assumption:
        text = context.t(
            "transcript.time_zone", assumption=context.translate(conversation.timezone_assumption)
        )
        yield paragraph(text, styles.small)
    names = [p.name or p.identifier or "" for p in conversation.participants]
    names = [n for n in names if n]
    if names:
        yield paragraph(context.t("transcript.participants", names=", ".join(names)), styles.small)
    attached = {name.replace("\\", "/").rsplit("/", 1)[-1].casefold(): n for name, n in item.attachment_items}
    if item.kind is ItemKind.EMAIL and len(conversation.messages) == 1:
        # One e-mail: its sender and date are in the headers above; print just the body.
        yield from _message(context, conversation.messages[0], None, header=False, attached=attached)
        return
    current_day: date | None = None
    undated_started = False
    mailbox = _is_mailbox(item)
    count = len(conversation.messages)
    for number, message in enumerate(conversation.messages, start=1):
        moment = message_time(message)
        if moment is not None and moment.date() != current_day:
            current_day = moment.date()
            yield from heading(format_long_date(lang, current_day), styles.day, 2.5 * cm)
        elif moment is None and not undated_started and current_day is not None:
            undated_started = True
            yield from heading(context.t("transcript.no_date"), styles.day, 2.5 * cm)
        if mailbox:
            yield from _mail_head(context, message, number, count)
        yield from _message(context, message, moment, attached=attached)


def _mail_head(context: Context, message: Message, number: int, count: int) -> Iterator[Flowable]:
    """A mailbox message's own headers (subject, to, cc, ...), above its sender line and body."""
    styles = context.styles
    yield CondPageBreak(3 * cm)
    yield Spacer(1, 4)
    yield HRFlowable(width="100%", thickness=0.4, color=RULE, spaceAfter=2)
    yield plain(
        context.t(
            "email.message_of", number=format_int(context.lang, number), count=format_int(context.lang, count)
        ),
        styles.grey,
    )
    rows = [
        [plain(_field_label(context, key), styles.cell_bold), paragraph(value, styles.cell)]
        for key, value in message.extra
    ]
    if rows:
        yield RowTable(
            rows,
            colWidths=[3.2 * cm, FRAME_WIDTH - 3.2 * cm],
            style=table_style(),
            hAlign="LEFT",
            splitInRow=1,
        )


def _field_label(context: Context, key: str) -> str:
    name = "email.field." + key
    return context.t(name) if has_text(context.lang, name) else key


def _message(
    context: Context,
    message: Message,
    moment: datetime | None,
    *,
    header: bool = True,
    attached: dict[str, int] | None = None,
) -> Iterator[Flowable]:
    styles = context.styles
    if moment is None:
        clock = context.t("msg.no_time")
    else:
        # Most exports show minutes only; seconds are printed when the export had them.
        clock = moment.strftime("%H:%M" if moment.second == 0 else "%H:%M:%S")
    call = call_text(context.t, message)
    if message.kind is MessageKind.SYSTEM:
        who = context.t("msg.call" if call is not None else "msg.system")
    else:
        who = (
            sender_label(context.t, message)
            or message.sender
            or message.sender_id
            or context.t("msg.unknown_sender")
        )
    # An importer marks a message whose time is earlier than the one before it ("time_order"):
    # it stays in the export's order, and the reader is told.
    late = any(key == "time_order" for key, _value in message.extra)
    marks = [
        context.t(key)
        for key, flag in (
            ("msg.edited", message.edited),
            ("msg.forwarded", message.forwarded),
            ("msg.out_of_order", late),
        )
        if flag
    ]
    yield CondPageBreak(1.5 * cm)
    if header:
        yield paragraph("   ".join([clock, who, *marks]), styles.msg_head, ltr=True)
    if message.deleted:
        yield plain(context.t("msg.deleted"), styles.msg_note)
    if message.text or call is not None:
        body_style = styles.msg_note if message.kind is MessageKind.SYSTEM else styles.msg_body
        yield paragraph(call if call is not None else message.text, body_style)
    if message.media_omitted:
        yield plain(context.t("msg.media_omitted"), styles.msg_note)
    for attachment in message.attachments:
        number = (attached or {}).get(attachment.name.replace("\\", "/").rsplit("/", 1)[-1].casefold())
        if number is None:
            yield paragraph(context.t("msg.attachment", name=attachment.name), styles.msg_note)
        else:
            text = context.t("msg.attachment_item", name=attachment.name, number=number)
            yield paragraph(text, styles.msg_note)
