"""Exporting a dossier: from the vault to a signed PDF plus a package anyone can verify.

Rules: the export reads the vault only through `vault.py`; the PDF footer carries the SHA-256
of the final `manifest.json` (so the manifest is written first, the PDF after); the PDF is
signed with the vault's own PDF signing certificate and carries `manifest.json` inside; the
export is a custody event (which items, which language, the manifest hash). Item data is
loaded lazily, one item at a time, so a vault of thousands of items exports in bounded memory.
Withheld items (intimate images) never have their pixels or transcript in the PDF; their
originals are left out of the package unless the user asks to include them; the manifest keeps
their hash, size and the reason, so the police can ask for them through the proper channel.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from evidence_kit import __version__
from evidence_kit.domain import (
    ItemSummary,
    TimeSource,
    Timestamp,
)
from evidence_kit.dossier.case_facts import case_file
from evidence_kit.dossier.describe import Describer, LazyItems
from evidence_kit.dossier.model import CustodyEventRow, DossierInfo, Language
from evidence_kit.dossier.package import (
    KeeperRoot,
    PackageItem,
    PackageResult,
    PackageToken,
    TokenSubject,
    export_package,
)
from evidence_kit.dossier.pdf import render_dossier
from evidence_kit.dossier.signing import SignOutcome
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, fmt
from evidence_kit.progress import CancelToken, ProgressCallback
from evidence_kit.storage.custody import EventType, SignedEvent
from evidence_kit.timestamping.queue import StoredTimestamp
from evidence_kit.vault import Vault


class ExportSelectionError(EvidenceKitError):
    template = "Nothing to export: {detail}"


@dataclass(frozen=True)
class ExportResult:
    dossier_id: str
    folder: Path
    zip_path: Path | None
    manifest_sha256: str
    item_ids: tuple[int, ...]
    signed: SignOutcome


def new_dossier_id(now: datetime) -> str:
    """Readable on the phone to a police officer: EK-YYYYMMDD-XXXXXX."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return f"EK-{now:%Y%m%d}-" + "".join(secrets.choice(alphabet) for _ in range(6))


def content_day(item: ItemSummary) -> date | None:
    """The day the content claims, else its file name's, else the file's own day, else the import
    day (UTC)."""
    order = (TimeSource.CONTENT, TimeSource.FILE_NAME, TimeSource.FILE_METADATA, TimeSource.IMPORT_CLOCK)
    for source in order:
        for stamp in item.times:
            if stamp.source == source:
                moment = stamp.local or (stamp.utc.replace(tzinfo=None) if stamp.utc else None)
                if moment is not None:
                    return moment.date()
    return None


def select_items(
    vault: Vault,
    *,
    item_ids: Sequence[int] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[ItemSummary]:
    items = vault.items()
    if item_ids is not None:
        by_id = {item.id: item for item in items}
        missing = [str(i) for i in item_ids if i not in by_id]
        if missing:
            raise ExportSelectionError(detail=fmt("there is no item {ids}", {"ids": ", ".join(missing)}))
        items = [by_id[i] for i in item_ids]
    if date_from is not None or date_to is not None:
        kept = []
        for item in items:
            day = content_day(item)
            if day is None:
                continue
            if (date_from is None or day >= date_from) and (date_to is None or day <= date_to):
                kept.append(item)
        items = kept
    if not items:
        raise ExportSelectionError(detail=_("no item matches the selection"))
    return items


def _event_summary(data: tuple[tuple[str, str], ...]) -> str:
    values = dict(data)
    parts = []
    if "item" in values:
        parts.append(f"item {values['item']}")
    if "name" in values:
        parts.append(values["name"])
    if "sha256" in values:
        parts.append(f"SHA-256 {values['sha256']}")
    return " · ".join(parts)


def custody_rows(vault: Vault, signed: Sequence[SignedEvent] | None = None) -> list[CustodyEventRow]:
    """The appendix's rows; with `signed` (the same log, as shipped), only the events it holds."""
    last = signed[-1].seq if signed else None
    return [
        CustodyEventRow(
            seq=e.seq, at=e.at_utc, event_type=e.event_type, summary=_event_summary(e.data), hash=e.hash
        )
        for e in vault.custody_log()
        if last is None or e.seq <= last
    ]


def package_tokens(vault: Vault, item_ids: Sequence[int]) -> list[PackageToken]:
    """The vault's RFC 3161 tokens that concern the exported items, and every custody-head token.

    A batch (Merkle root) token is shipped with the proofs of the exported items only; the other
    items of its batch stay private, their leaves appear only as hashes inside the proofs.
    """
    selected = set(item_ids)
    tokens: dict[int, tuple[StoredTimestamp, list[tuple[int, tuple[str, ...]]]]] = {}
    for item_id, stamps in vault.timestamps_by_item().items():
        if item_id not in selected:
            continue
        for stamp in stamps:
            entry = tokens.setdefault(stamp.token.id, (stamp.token, []))
            entry[1].append((item_id, stamp.steps))
    result = []
    for token, proofs in tokens.values():
        subject = TokenSubject.MERKLE_ROOT if token.subject == TokenSubject.MERKLE_ROOT else TokenSubject.ITEM
        result.append(
            PackageToken(
                response_der=token.response_der,
                tsa_name=token.tsa_name,
                stamped_sha256=token.digest,
                subject=subject,
                item_ids=tuple(sorted(i for i, _steps in proofs)),
                tsa_certificates_pem=token.chain_pem + token.root_pem,
                gen_time=token.gen_time,
                inclusion_proofs=tuple(sorted(proofs)) if subject == TokenSubject.MERKLE_ROOT else (),
            )
        )
    for token in vault.head_timestamps():
        result.append(
            PackageToken(
                response_der=token.response_der,
                tsa_name=token.tsa_name,
                stamped_sha256=token.digest,
                subject=TokenSubject.CUSTODY_HEAD,
                tsa_certificates_pem=token.chain_pem + token.root_pem,
                gen_time=token.gen_time,
            )
        )
    return result


def keeper_roots(vault: Vault) -> list[KeeperRoot]:
    """The time-stamp authority roots the keeper added: shipped so a reader can compare them."""
    return [
        KeeperRoot(root.sha256, root.pem(), root.subject, root.tsa_url, root.added_at, root.event_seq)
        for root in vault.tsa_roots()
    ]


def _opener(vault: Vault, item_id: int) -> Callable[[], Iterator[bytes]]:
    return lambda: vault.iter_original(item_id)


def export_dossier(
    vault: Vault,
    out_dir: str | os.PathLike[str],
    *,
    lang: Language = "en",
    item_ids: Sequence[int] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    withhold: Sequence[int] = (),
    withhold_marked: bool = False,
    withhold_if_selected: bool = False,
    include_withheld: bool = False,
    compiler: str = "",
    case_title: str | None = None,
    make_zip: bool = False,
    timestamp_url: str | None = None,
    with_gaps: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Write dossier.pdf, originals/, manifest, signatures, SHA256SUMS and VERIFY.txt into `out_dir`.

    The originals of `withhold` items are left out of the package unless `include_withheld`;
    the manifest keeps their hash, size and the reason either way. `withhold_marked` adds the selected
    items marked sensitive; `withhold_if_selected` drops, not refuses, those left out of the selection.
    The incident log, people register and offence categories are printed after the timeline
    (`case_facts.py`); `with_gaps` adds the "what is missing" checklist as known gaps.
    """
    items = select_items(vault, item_ids=item_ids, date_from=date_from, date_to=date_to)
    selected = {item.id for item in items}
    if withhold_marked:
        withhold = sorted({*withhold, *(item.id for item in items if item.withheld)})
    if withhold_if_selected:
        withhold = [item_id for item_id in withhold if item_id in selected]
    unknown = sorted(set(withhold) - selected)
    if unknown:
        raise ExportSelectionError(
            detail=fmt(
                "items to withhold are not in the selection: {ids}", {"ids": ", ".join(map(str, unknown))}
            )
        )
    now = datetime.now().astimezone()
    dossier_id = new_dossier_id(now)
    # Never print forged text as sealed: an item whose parsed content, times or facts no longer
    # match the seal of its import is marked on its page, on the cover and in the manifest.
    seals = vault.seal_states([item.id for item in items])
    broken = frozenset(item_id for item_id, state in seals.items() if state.broken)
    describer = Describer(vault, lang, frozenset(withhold), broken, include_withheld)
    describer.set_items(items)
    tokens = package_tokens(vault, [item.id for item in items])
    # One reading of the log: the package ships it whole (custody_log.jsonl), the appendix lists it.
    signed_events = vault.signed_custody_log()
    events = custody_rows(vault, signed_events)
    # The head the cover prints and the manifest records, for a later `verify --against`.
    head_seq, head = (events[-1].seq, events[-1].hash) if events else (0, vault.custody_head())
    case = case_file(vault, lang, items, with_gaps=with_gaps)

    def render(manifest_sha256: str) -> bytes:
        info = DossierInfo(
            dossier_id=dossier_id,
            case_title=vault.case_title if case_title is None else case_title,
            compiler=compiler,
            exported_at=now,
            language=lang,
            tool_version=__version__,
            vault_id=vault.vault_id,
            manifest_sha256=manifest_sha256,
            custody_head_hash=head,
            custody_head_seq=head_seq,
            timestamp_tokens=len(tokens),
            # Without a chosen period the cover takes the span the content's dates show
            # (pdf_front.split_period), never the storage clock, and names the outliers.
            period_from=date_from,
            period_to=date_to,
            seal_broken_items=tuple(n for n, item in enumerate(items, start=1) if item.id in broken),
        )
        buffer = io.BytesIO()
        render_dossier(
            info,
            LazyItems(describer, items),
            events,
            buffer,
            translate=lambda text: _(text, lang),
            progress=progress,
            cancel=cancel,
            case=case,
        )
        return buffer.getvalue()

    package_items = []
    for number, item in enumerate(items, start=1):
        report = describer.import_report(item.id)
        messages = report.get("messages")
        package_items.append(
            PackageItem(
                number=number,
                item_id=item.id,
                original_name=item.original_name,
                sha256=item.sha256,
                size=item.size,
                kind=item.kind,
                open=_opener(vault, item.id),
                media_type=item.media_type,
                times=item.times,
                message_count=messages if isinstance(messages, int) else None,
                withheld=item.id in withhold,
                left_out=item.id in withhold and not include_withheld,
                seal=seals.get(item.id),
            )
        )
    target = Path(out_dir)
    zip_path = target.with_name(target.name + ".zip") if make_zip else None
    with contextlib.ExitStack() as partials:
        # Each partial ("<name>.partial", visible) is recorded in the vault before it exists, so one
        # left by a kill -9 is reported at the next start; any failure or interrupt removes it.
        staging = partials.enter_context(vault.partials.writing(target))
        zip_staging = partials.enter_context(vault.partials.writing(zip_path)) if zip_path else None
        result, signed = export_package(
            target,
            render_pdf=render,
            pdf_identity=vault.pdf_signing_identity(),
            dossier_id=dossier_id,
            vault_id=vault.vault_id,
            tool_version=__version__,
            export_time=now,
            lang=lang,
            custody_head_hash=head,
            custody_head_seq=head_seq,
            keeper_roots=keeper_roots(vault),
            custody_events=signed_events,
            items=package_items,
            signing_key=vault.signing_key(),
            tokens=tokens,
            timestamp_url=timestamp_url,
            zip_path=zip_path,
            progress=progress,
            cancel=cancel,
            staging=staging,
            zip_staging=zip_staging,
            open_originals=vault.original_reader,  # copied while the PDF is laid out
        )
    _record_export(vault, dossier_id, result, lang, items, withhold, signed, include_withheld)
    vault.request_head_timestamp()  # anchor the log with the export in it, when a TSA answers
    return ExportResult(
        dossier_id=dossier_id,
        folder=result.root,
        zip_path=result.zip_path,
        manifest_sha256=result.manifest_sha256,
        item_ids=tuple(item.id for item in items),
        signed=signed,
    )


def _record_export(
    vault: Vault,
    dossier_id: str,
    result: PackageResult,
    lang: str,
    items: Sequence[ItemSummary],
    withhold: Sequence[int],
    signed: SignOutcome,
    include_withheld: bool,
) -> None:
    vault.record_event(
        EventType.EXPORTED,
        {
            "dossier": dossier_id,
            "items": [item.id for item in items],
            "withheld": sorted(withhold),
            "withheld_originals_included": include_withheld,
            "language": lang,
            "manifest_sha256": result.manifest_sha256,
            "pdf_timestamped": signed.timestamped,
            "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )


__all__ = ["ExportResult", "Timestamp", "export_dossier", "select_items"]
