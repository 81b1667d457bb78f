"""The front of the dossier: cover, summary table of all items, and the timeline.

Rule: these pages are built from `ItemHead`s only, before any item's content is read, and they
print each item's number, so a reader can go from a row or a day straight to the item's section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from evidence_kit.domain import ItemKind, TimeSource
from evidence_kit.dossier.model_case import CaseIncident
from evidence_kit.dossier.pdf_case import incident_day
from evidence_kit.dossier.pdf_context import Context, ItemHead, head_date, timestamp_moment
from evidence_kit.dossier.pdf_fonts import SANS
from evidence_kit.dossier.pdf_layout import (
    FRAME_WIDTH,
    HEADER_BLUE,
    alert_box,
    clip,
    heading,
    kv_table,
    outline,
    plain,
)
from evidence_kit.dossier.pdf_text import paragraph
from evidence_kit.dossier.pdf_timeline import (
    MAX_WEEK_SPAN,
    BarChart,
    Bin,
    Granularity,
    choose_granularity,
    make_bins,
)
from evidence_kit.dossier.texts import (
    format_aware,
    format_date,
    format_int,
    format_long_date,
    format_month,
)
from evidence_kit.verify.against import format_head

_KIND_ORDER = (ItemKind.IMAGE, ItemKind.CHAT, ItemKind.SMS, ItemKind.EMAIL, ItemKind.CALL_LOG, ItemKind.FILE)


def cover(context: Context) -> Iterator[Flowable]:
    info = context.info
    styles = context.styles
    lang = context.lang
    yield outline(context.t("title"), 0)
    yield Spacer(1, 0.6 * cm)
    yield plain(context.t("title"), styles.title)
    yield plain(context.t("subtitle"), styles.subtitle)
    yield Spacer(1, 0.8 * cm)
    yield paragraph(info.case_title, styles.case)
    yield Spacer(1, 0.6 * cm)

    kinds = Counter(head.kind for head in context.heads)
    count_lines = [
        f"{context.t('kinds.' + kind.value)}: {format_int(lang, kinds[kind])}"
        for kind in _KIND_ORDER
        if kinds[kind]
    ]
    messages = sum(head.message_count for head in context.heads)
    if messages:
        count_lines.append(context.t("cover.messages", count=format_int(lang, messages)))
    withheld = sum(1 for head in context.heads if head.withheld)
    if withheld:
        count_lines.append(context.t("cover.withheld", count=format_int(lang, withheld)))
    count_lines.append(context.t("cover.items_total", count=format_int(lang, len(context.heads))))

    rows: list[tuple[str, Flowable | list[Flowable]]] = [
        (
            context.t("cover.compiler"),
            paragraph(info.compiler, styles.cell)
            if info.compiler.strip()
            else plain(context.t("cover.compiler_blank"), styles.cell),
        ),
        (context.t("cover.period"), _period_cell(context)),
        (context.t("cover.exported"), plain(format_aware(lang, info.exported_at), styles.cell)),
        (context.t("cover.items"), [plain(line, styles.cell) for line in count_lines]),
        (context.t("cover.dossier_id"), paragraph(info.dossier_id, styles.mono)),
        (context.t("cover.vault_id"), paragraph(info.vault_id, styles.mono)),
        (
            context.t("cover.tool"),
            plain(context.t("cover.tool_value", version=info.tool_version), styles.cell),
        ),
        (context.t("cover.manifest"), paragraph(info.manifest_sha256, styles.mono)),
        (context.t("cover.custody_head"), _head_cell(context)),
    ]
    yield kv_table(rows, 4.2 * cm, styles.cell_bold)
    yield from _withheld_notes(context)
    if info.seal_broken_items:
        numbers = ", ".join(format_int(lang, n) for n in info.seal_broken_items)
        yield Spacer(1, 0.5 * cm)
        yield alert_box(context.t("cover.seal_broken", numbers=numbers), styles.base)
    yield Spacer(1, 0.4 * cm)
    statement = Table(
        [
            [plain(context.t("statement.title"), styles.h3)],
            [plain(context.t("statement.body"), styles.base)],
            [plain(context.t("statement.times", tsa=_tsa_summary(context)), styles.small)],
            [plain(context.t("statement.signature"), styles.small)],
        ],
        colWidths=[FRAME_WIDTH],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("BOX", (0, 0), (-1, -1), 1, HEADER_BLUE),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F3F5F7")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        ),
    )
    yield statement
    yield Spacer(1, 0.5 * cm)
    yield plain(context.t("cover.how_to_read"), styles.small)


def _head_cell(context: Context) -> list[Flowable]:
    """The custody log's head in the one form `verify --against` reads, and what it is for."""
    info = context.info
    if info.custody_head_seq is None:
        return [paragraph(info.custody_head_hash, context.styles.mono)]
    return [
        paragraph(format_head(info.custody_head_seq, info.custody_head_hash), context.styles.mono),
        plain(context.t("cover.custody_head_use"), context.styles.small),
    ]


def _tsa_summary(context: Context) -> str:
    trusted = sum(1 for head in context.heads if head.trusted)
    if not trusted:
        return context.t("statement.tsa_none")
    lang = context.lang
    return context.t(
        "statement.tsa_some", count=format_int(lang, trusted), total=format_int(lang, len(context.heads))
    )


def _withheld_notes(context: Context) -> Iterator[Flowable]:
    lang = context.lang
    for key, heads in (
        ("cover.withheld_left_out", [h for h in context.heads if h.left_out]),
        ("cover.withheld_included", [h for h in context.heads if h.withheld and not h.left_out]),
    ):
        if heads:
            numbers = ", ".join(format_int(lang, h.number) for h in heads)
            yield Spacer(1, 0.3 * cm)
            yield plain(context.t(key, numbers=numbers), context.styles.small)


OUTLIER_DAYS = 365  # an item dated more than a year from the case's middle is listed apart
EVENTS_COLOUR = colors.HexColor("#5B4A8B")  # the all-events chart: apart from items (blue) and messages (red)


def split_period(heads: list[ItemHead]) -> tuple[date | None, date | None, list[tuple[int, date]]]:
    """(first day, last day, outliers): the span of the dates the items' content shows.

    Only content dates count (a chat's messages, an e-mail's Date, a photo's EXIF), never a
    file's modification time or the storage clock. An item whose dates all lie more than
    OUTLIER_DAYS from the median item date (one old photo in a case of last month) is left out of
    the span and returned apart, as (number, its date), so the cover names it.
    """
    spans: list[tuple[int, date, date]] = []
    for head in heads:
        first = head_date(head)
        if first is None:
            continue
        last = head.last_message.date() if head.last_message is not None else first
        spans.append((head.number, first, last))
    if not spans:
        return None, None, []
    middles = sorted(first + (last - first) / 2 for _n, first, last in spans)
    median = middles[len(middles) // 2]
    kept, outliers = [], []
    for number, first, last in spans:
        near = min(abs((first - median).days), abs((last - median).days))
        if first <= median <= last or near <= OUTLIER_DAYS:
            kept.append((first, last))
        else:
            outliers.append((number, first))
    return min(f for f, _l in kept), max(last for _f, last in kept), outliers


def _period_cell(context: Context) -> list[Flowable]:
    """The period of the conversations and incidents, what it is based on, and the outliers."""
    styles = context.styles
    lang = context.lang
    info = context.info
    if info.period_from is not None or info.period_to is not None:
        return [plain(_period_text(context, info.period_from, info.period_to), styles.cell)]
    start, end, outliers = split_period(context.heads)
    if start is None:
        return [plain(context.t("cover.period_unknown"), styles.cell)]
    cells: list[Flowable] = [
        plain(_period_text(context, start, end), styles.cell),
        plain(context.t("cover.period_basis"), styles.small),
    ]
    if outliers:
        items = ", ".join(
            context.t("cover.period_outlier", number=n, date=format_date(lang, day)) for n, day in outliers
        )
        cells.append(plain(context.t("cover.period_outliers", items=items), styles.cell))
    return cells


def _period_text(context: Context, start: date | None, end: date | None) -> str:
    lang = context.lang
    none = context.t("none")
    return context.t(
        "cover.period_range",
        start=format_date(lang, start) if start else none,
        end=format_date(lang, end) if end else none,
    )


def _bin_label(context: Context, item: Bin, granularity: str) -> str:
    if granularity == "month":
        return format_month(context.lang, item.start)
    return format_date(context.lang, item.start)


def timeline(context: Context) -> Iterator[Flowable]:
    styles = context.styles
    lang = context.lang
    yield outline(context.t("timeline.title"), 0)
    yield from heading(context.t("timeline.title"), styles.h1)
    yield plain(context.t("timeline.intro"), styles.small)
    item_days: Counter[date] = Counter()
    message_days: Counter[date] = Counter()
    for head in context.heads:
        day = head_date(head)
        if day is not None:
            item_days[day] += 1
        message_days.update(head.message_days)
    incidents = context.case.incidents if context.case is not None else ()
    if incidents:
        yield plain(context.t("timeline.incidents_note"), styles.small)
    incident_days: Counter[date] = Counter(d for i in incidents if (d := incident_day(i)) is not None)
    all_days = list(item_days) + list(message_days) + list(incident_days)
    if not all_days:
        yield Spacer(1, 6)
        yield plain(context.t("timeline.none"), styles.base)
    else:
        first, last = min(all_days), max(all_days)
        granularity = choose_granularity(first, last)
        # The pattern at a glance (what stalking needs): every event per week, whatever the span
        # the charts below use; per month only when weeks would be too many bars to read.
        weekly: Granularity = "week" if (last - first).days <= MAX_WEEK_SPAN else "month"
        events = item_days + message_days + incident_days
        bins = make_bins(events, weekly, first, last)
        yield from heading(context.t(f"timeline.events_per_{weekly}"), styles.h3, 5 * cm)
        yield BarChart(bins, [_bin_label(context, b, weekly) for b in bins], bar_colour=EVENTS_COLOUR)
        for key, counts, colour in (
            ("timeline.items_per.", item_days, colors.HexColor("#3A6EA5")),
            ("timeline.messages_per.", message_days, colors.HexColor("#B5523B")),
        ):
            if not counts:
                continue
            bins = make_bins(counts, granularity, first, last)
            labels = [_bin_label(context, b, granularity) for b in bins]
            yield from heading(context.t(key + granularity), styles.h3, 5 * cm)
            yield BarChart(bins, labels, bar_colour=colour)
    # The list per day, in date order; a chat is listed on the day of its first message, and a
    # day's incidents before its items.
    dated: list[tuple[date, int, int, str]] = [
        (day, 1, head.number, _timeline_entry(context, head))
        for head in context.heads
        if (day := head_date(head)) is not None
    ]
    dated += [
        (day, 0, incident.number, _incident_entry(context, incident))
        for incident in incidents
        if (day := incident_day(incident)) is not None
    ]
    dated.sort(key=lambda entry: entry[:3])
    current: date | None = None
    for day, _order, _number, entry in dated:
        if day != current:
            current = day
            yield from heading(format_long_date(lang, day), styles.timeline_day, 1.5 * cm)
        yield paragraph(entry, styles.timeline_entry)
    undated = [head for head in context.heads if head_date(head) is None]
    if undated:
        yield from heading(context.t("timeline.undated"), styles.timeline_day, 1.5 * cm)
        for head in undated:
            yield paragraph(_timeline_entry(context, head), styles.timeline_entry)


def _incident_entry(context: Context, incident: CaseIncident) -> str:
    parts = [context.t("timeline.incident", number=incident.number)]
    if isinstance(incident.started, datetime):
        parts.append(incident.started.strftime("%H:%M"))
    parts.extend(p for p in (incident.title or clip(incident.what), incident.platform) if p)
    parts.extend(incident.categories)
    return " \u00b7 ".join(parts)


def _timeline_entry(context: Context, head: ItemHead) -> str:
    lang = context.lang
    parts = [context.t("timeline.item", number=head.number)]
    if head.content_time is not None and head.first_message is None:
        moment = timestamp_moment(head.content_time)
        if moment is not None:
            shown = moment.strftime("%H:%M")
            if head.content_time.source is not TimeSource.CONTENT:  # a screenshot's name: say so
                shown += f" ({context.t('source.' + head.content_time.source.value)})"
            parts.append(shown)
    parts.append(context.t("kind." + head.kind.value))
    parts.extend(p for p in (head.platform, head.sender) if p)
    if head.first_message is not None and head.last_message is not None:
        parts.append(
            context.t(
                "timeline.chat_span",
                count=format_int(lang, head.message_count),
                start=format_date(lang, head.first_message.date()),
                end=format_date(lang, head.last_message.date()),
            )
        )
    if head.description:
        parts.append(clip(head.description))
    return " \u00b7 ".join(parts)
