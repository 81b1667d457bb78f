"""The appendices: the custody log (every event, its time, its hash) and how to verify the package.

Rule: the custody log is streamed: events are read once, in order, and printed in tables of
`TABLE_CHUNK_ROWS`, so a vault with a long history never builds one huge table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlab.platypus import Flowable, Spacer, Table

from evidence_kit.dossier.model import CustodyEventRow
from evidence_kit.dossier.pdf_context import Context
from evidence_kit.dossier.pdf_layout import (
    FRAME_WIDTH,
    TABLE_CHUNK_ROWS,
    clip,
    heading,
    outline,
    plain,
    table_style,
)
from evidence_kit.dossier.pdf_text import paragraph
from evidence_kit.dossier.texts import format_utc, has_text
from evidence_kit.verify.against import format_head


def _event_label(context: Context, event_type: str) -> str:
    key = "event." + event_type
    return context.t(key) if has_text(context.lang, key) else event_type


def custody_log(context: Context, events: Iterable[CustodyEventRow]) -> Iterator[Flowable]:
    styles = context.styles
    yield outline(context.t("custody.title"), 0)
    yield from heading(context.t("custody.title"), styles.h1)
    yield plain(context.t("custody.intro"), styles.small)
    yield Spacer(1, 3)
    yield plain(context.t("custody.head", hash=""), styles.small)
    info = context.info
    head = info.custody_head_hash
    yield paragraph(
        head if info.custody_head_seq is None else format_head(info.custody_head_seq, head), styles.mono
    )
    yield Spacer(1, 6)
    header = [
        plain(context.t(key), styles.cell_head)
        for key in ("col.seq", "col.time_utc", "col.event", "col.hash")
    ]
    widths = [28.0, 80.0, 0.0, 240.0]
    widths[2] = FRAME_WIDTH - sum(widths)
    rows: list[list[Flowable | list[Flowable]]] = []
    any_event = False

    def table() -> Table:
        return Table([list(header), *rows], colWidths=widths, repeatRows=1, style=table_style(header=True))

    for event in events:
        any_event = True
        event_cell: list[Flowable] = [plain(_event_label(context, event.event_type), styles.cell_bold)]
        if event.summary:
            event_cell.append(paragraph(clip(event.summary), styles.cell))
        rows.append(
            [
                plain(str(event.seq), styles.cell),
                plain(format_utc(context.lang, event.at), styles.cell),
                event_cell,
                paragraph(event.hash, styles.mono_tiny),
            ]
        )
        if len(rows) == TABLE_CHUNK_ROWS:
            yield table()
            rows = []
    if rows:
        yield table()
    if not any_event:
        yield plain(context.t("custody.none"), styles.base)


def verification(context: Context) -> Iterator[Flowable]:
    styles = context.styles
    yield outline(context.t("verify.title"), 0)
    yield from heading(context.t("verify.title"), styles.h1)
    yield plain(context.t("verify.intro"), styles.base)
    yield plain("1.\u00a0\u00a0" + context.t("verify.step_originals"), styles.step)
    yield plain("sha256sum -c SHA256SUMS", styles.command)
    yield plain(f"shasum -a 256 -c SHA256SUMS    {context.t('verify.macos')}", styles.command)
    yield plain(context.t("verify.step_originals_windows"), styles.step_more)
    yield plain(f"certutil -hashfile {context.t('verify.windows_file')} SHA256", styles.command)
    yield plain("2.\u00a0\u00a0" + context.t("verify.step_manifest"), styles.step)
    yield plain("sha256sum manifest.json", styles.command)
    yield plain("certutil -hashfile manifest.json SHA256", styles.command)
    yield paragraph(context.info.manifest_sha256, styles.step_value)
    yield plain("3.\u00a0\u00a0" + context.t("verify.step_signature"), styles.step)
    yield plain(
        "openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile manifest.sig",
        styles.command,
    )
    yield plain("4.\u00a0\u00a0" + context.t("verify.step_custody"), styles.step)
    yield plain('python3 -c "import json,hashlib,functools; …"    (VERIFY.txt, 7)', styles.command)
    if context.info.timestamp_tokens:
        yield plain("5.\u00a0\u00a0" + context.t("verify.step_tsa"), styles.step)
        yield plain(
            "openssl ts -verify -in timestamps/0001.tsr -digest SHA256 -CAfile timestamps/ca_….pem",
            styles.command,
        )
        yield plain("openssl ts -reply -in timestamps/0001.tsr -text", styles.command)
        yield plain(context.t("verify.step_tsa_windows"), styles.step_more)
        yield plain("certutil -asn timestamps\\0001.tsr", styles.command)
    else:
        yield plain("5.\u00a0\u00a0" + context.t("verify.step_tsa_none"), styles.step)
    yield plain("6.\u00a0\u00a0" + context.t("verify.step_pdf"), styles.step)
    yield plain("pdfsig dossier.pdf", styles.command)
    yield plain(context.t("verify.step_pdf_windows"), styles.step_more)
    yield plain("7.\u00a0\u00a0" + context.t("verify.step_tool"), styles.step)
    yield plain(f"evidence-kit verify-package {context.t('verify.package')}", styles.command)
    yield Spacer(1, 6)
    yield plain(context.t("verify.limits"), styles.small)
