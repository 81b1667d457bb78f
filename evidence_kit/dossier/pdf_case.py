"""The dossier's case part: the incident log, the other party, the offence categories with the
law, and the known gaps (`model_case.py`).

Rules this module keeps:
- The disclaimer (information for the conversation with the police, not legal advice) stands
  in a framed box above the categories, before any article is named.
- An offence reference whose article text was not checked says so beside it.
- Everything the keeper typed is user text (`paragraph`, escaped); our own words are `plain`.
- Each incident shows its version, when it was first and last written down and the SHA-256
  its custody event sealed, so a reader can find it in the custody log the package ships.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from evidence_kit.dossier.model_case import CaseCategory, CaseFile, CaseIncident, CasePerson, Moment
from evidence_kit.dossier.pdf_context import Context
from evidence_kit.dossier.pdf_layout import (
    FRAME_WIDTH,
    RowTable,
    alert_box,
    heading,
    kv_table,
    outline,
    plain,
    table_style,
)
from evidence_kit.dossier.pdf_text import paragraph
from evidence_kit.dossier.texts import format_date, format_datetime, format_int, format_offset

LABEL_WIDTH = 3.6 * cm
Cell = Flowable | list[Flowable]


def case_part(context: Context, case: CaseFile) -> Iterator[Flowable]:
    styles = context.styles
    yield outline(context.t("case.title"), 0)
    yield from heading(context.t("case.title"), styles.h1)
    yield plain(context.t("case.intro"), styles.small)
    if case.incidents:
        yield from _incidents(context, case.incidents)
    if case.people:
        yield from _people(context, case.people)
    if case.categories:
        yield from _categories(context, case)
    if case.gaps is not None:
        yield from _gaps(context, case)


def moment_text(context: Context, moment: Moment) -> str:
    """A day as a date; a time of day as wall time with its UTC offset, as the keeper gave it."""
    if isinstance(moment, datetime):
        offset = moment.utcoffset()
        text = format_datetime(context.lang, moment.replace(tzinfo=None), seconds=False)
        if offset is not None:
            text += f" ({format_offset(int(offset.total_seconds() // 60))})"
        return text
    return format_date(context.lang, moment)


def incident_sort_key(incident: CaseIncident) -> tuple[int, datetime, int]:
    """In the order they happened, by the UTC start (a day at its midnight); undated last."""
    started = incident.started
    if started is None:
        return (1, datetime.min.replace(tzinfo=UTC), incident.number)
    if isinstance(started, datetime):
        return (0, started.astimezone(UTC), incident.number)
    return (0, datetime(started.year, started.month, started.day, tzinfo=UTC), incident.number)


def _numbers(values: Iterable[int]) -> str:
    return ", ".join(str(v) for v in values)


def _incidents(context: Context, incidents: tuple[CaseIncident, ...]) -> Iterator[Flowable]:
    styles = context.styles
    yield Spacer(1, 10)
    yield from heading(context.t("case.incidents"), styles.h2)
    yield outline(context.t("case.incidents"), 1)
    yield plain(
        context.t("case.incidents_count", count=format_int(context.lang, len(incidents))), styles.small
    )
    for incident in sorted(incidents, key=incident_sort_key):
        title = (
            context.t("case.incident_titled", number=incident.number, title=incident.title)
            if incident.title
            else context.t("case.incident", number=incident.number)
        )
        yield outline(title, 2)
        yield from heading(title, styles.h3)
        yield kv_table(_incident_rows(context, incident), LABEL_WIDTH, styles.cell_bold)


def _incident_rows(context: Context, incident: CaseIncident) -> list[tuple[str, Cell]]:
    styles = context.styles
    when = context.t("case.when_unknown")
    if incident.started is not None:
        when = moment_text(context, incident.started)
        if incident.ended is not None:
            when = context.t("case.period", start=when, end=moment_text(context, incident.ended))
    rows: list[tuple[str, Cell]] = [(context.t("case.when"), plain(when, styles.cell))]
    for key, value in (("case.what", incident.what), ("case.platform", incident.platform)):
        if value:
            rows.append((context.t(key), _text_cell(context, value)))
    if incident.urls:
        rows.append((context.t("case.urls"), [paragraph(url, styles.mono) for url in incident.urls]))
    for key, value in (
        ("case.place", incident.place),
        ("case.who", "\n".join(incident.people)),
        ("case.impact", incident.impact),
        ("case.witnesses", "\n".join(incident.witnesses)),
    ):
        if value:
            rows.append((context.t(key), _text_cell(context, value)))
    if incident.steps:
        rows.append(
            (context.t("case.steps"), [paragraph("\u2022 " + s, styles.cell) for s in incident.steps])
        )
    evidence: list[Flowable] = []
    if incident.items:
        evidence.append(plain(context.t("case.item_numbers", numbers=_numbers(incident.items)), styles.cell))
    if incident.items_outside:
        outside = context.t("case.items_outside", ids=_numbers(incident.items_outside))
        evidence.append(plain(outside, styles.grey_cell))
    rows.append((context.t("case.evidence"), evidence or plain(context.t("case.evidence_none"), styles.cell)))
    if incident.categories:
        rows.append((context.t("case.categories"), paragraph("; ".join(incident.categories), styles.cell)))
    rows.append((context.t("case.record"), plain(_record_text(context, incident), styles.grey_cell)))
    return rows


def _text_cell(context: Context, text: str) -> Cell:
    """The keeper's text, one paragraph per line they wrote."""
    lines = [line for line in text.splitlines() if line.strip()] or [text]
    if len(lines) == 1:
        return paragraph(lines[0], context.styles.cell)
    return [paragraph(line, context.styles.cell) for line in lines]


def _utc(context: Context, moment: datetime | None) -> str:
    if moment is None:
        return "?"
    return format_datetime(context.lang, moment.astimezone(UTC).replace(tzinfo=None), seconds=False) + " UTC"


def _record_text(context: Context, incident: CaseIncident) -> str:
    params = {
        "version": incident.version,
        "first": _utc(context, incident.first_recorded),
        "last": _utc(context, incident.last_recorded),
        "sha256": incident.sha256,
        "seq": incident.event_seq,
    }
    return context.t("case.record_one" if incident.version == 1 else "case.record_many", **params)


def _people(context: Context, people: tuple[CasePerson, ...]) -> Iterator[Flowable]:
    styles = context.styles
    yield Spacer(1, 10)
    yield from heading(context.t("case.people"), styles.h2, 5 * cm)
    yield outline(context.t("case.people"), 1)
    yield plain(context.t("case.people_intro"), styles.small)
    yield Spacer(1, 4)
    header: list[Cell] = [
        plain(context.t(key), styles.cell_head)
        for key in ("case.col.person", "case.col.appears", "case.col.messages", "case.col.span")
    ]
    rows: list[list[Cell]] = [header]
    for person in people:
        who: list[Flowable] = [paragraph(person.label, styles.cell_bold)]
        for kind, value in person.identities:
            if value != person.label:
                who.append(paragraph(f"{context.t('case.identity.' + kind)}: {value}", styles.cell))
        if person.note:
            who.append(paragraph(person.note, styles.grey_cell))
        appears = (
            context.t("case.item_numbers", numbers=_numbers(person.items))
            if person.items
            else context.t("case.appears_none")
        )
        span = ""
        if person.first is not None and person.last is not None:
            first = format_datetime(context.lang, person.first, seconds=False)
            last = format_datetime(context.lang, person.last, seconds=False)
            span = first if first == last else context.t("case.period", start=first, end=last)
        rows.append(
            [
                who,
                plain(appears, styles.cell),
                plain(format_int(context.lang, person.messages), styles.cell),
                plain(span, styles.cell),
            ]
        )
    yield _table(rows, [6.4 * cm, 3.6 * cm, 2.4 * cm])


def _categories(context: Context, case: CaseFile) -> Iterator[Flowable]:
    styles = context.styles
    yield Spacer(1, 10)
    yield from heading(context.t("case.offences"), styles.h2, 6 * cm)
    yield outline(context.t("case.offences"), 1)
    yield alert_box(case.disclaimer, styles.base)
    yield Spacer(1, 6)
    yield plain(context.t("case.offences_intro"), styles.small)
    for category in case.categories:
        yield from _category(context, category)


def _category(context: Context, category: CaseCategory) -> Iterator[Flowable]:
    styles = context.styles
    yield from heading(category.name, styles.h3)
    yield paragraph(category.description, styles.small)
    where = []
    if category.incidents:
        where.append(context.t("case.given_incidents", numbers=_numbers(category.incidents)))
    if category.items:
        where.append(context.t("case.given_items", numbers=_numbers(category.items)))
    yield plain(context.t("case.given_to", where="; ".join(where)), styles.grey)
    yield Spacer(1, 3)
    header: list[Cell] = [
        plain(context.t(key), styles.cell_head)
        for key in ("case.col.article", "case.col.offence", "case.col.source")
    ]
    rows: list[list[Cell]] = [header]
    for offence in category.offences:
        name: list[Flowable] = [
            plain(offence.name, styles.cell_bold),
            plain(offence.explanation, styles.cell),
        ]
        if not offence.verified:
            name.append(plain(context.t("case.unverified"), styles.grey_cell))
        rows.append([plain(offence.article, styles.cell), name, paragraph(offence.source, styles.mono_small)])
    yield _table(rows, [2.0 * cm, 9.0 * cm])


def _table(rows: list[list[Cell]], widths: list[float]) -> RowTable:
    """A table with a header row repeated on each page; the last column takes the rest."""
    return RowTable(
        rows,
        colWidths=[*widths, FRAME_WIDTH - sum(widths)],
        style=table_style(header=True),
        hAlign="LEFT",
        repeatRows=1,
        splitInRow=1,
    )


def _gaps(context: Context, case: CaseFile) -> Iterator[Flowable]:
    styles = context.styles
    yield Spacer(1, 10)
    yield from heading(context.t("case.gaps"), styles.h2)
    yield outline(context.t("case.gaps"), 1)
    yield plain(context.t("case.gaps_intro"), styles.small)
    yield Spacer(1, 4)
    if not case.gaps:
        yield plain(context.t("case.gaps_none"), styles.base)
        return
    rows: list[tuple[str, Cell]] = []
    for gap in case.gaps:
        if gap.item is not None:
            label = context.t("case.gap_item", number=gap.item)
        else:
            label = context.t("case.gap_incident", number=gap.incident)
        rows.append((label, paragraph(gap.text, styles.cell)))
    yield kv_table(rows, 2.4 * cm, styles.cell_bold)


def incident_day(incident: CaseIncident) -> date | None:
    """The day an incident started, as the keeper gave it (wall date)."""
    started = incident.started
    if started is None:
        return None
    return started.date() if isinstance(started, datetime) else started
