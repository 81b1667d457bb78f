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
import json
import os
import secrets
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from evidence_kit import __version__
from evidence_kit.domain import (
    Conversation,
    ItemKind,
    ItemSummary,
    ParseWarning,
    TimeSource,
    Timestamp,
)
from evidence_kit.dossier.case_facts import case_file
from evidence_kit.dossier.model import CustodyEventRow, DossierInfo, DossierItem, Language, TrustedTime
from evidence_kit.dossier.package import (
    KeeperRoot,
    PackageItem,
    PackageResult,
    PackageToken,
    TokenSubject,
    export_package,
)
from evidence_kit.dossier.pdf import render_dossier
from evidence_kit.dossier.picture import TextExcerpt, is_text_file, pdf_picture, text_excerpt
from evidence_kit.dossier.pictures_ahead import Made, PicturesAhead
from evidence_kit.dossier.relations import Relations
from evidence_kit.dossier.signing import SignOutcome
from evidence_kit.dossier.texts import plain_type, platform_name
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, fmt
from evidence_kit.progress import CancelToken, ProgressCallback
from evidence_kit.storage.custody import EventType, SignedEvent
from evidence_kit.storage.derived_kinds import (
    DERIVED_CONVERSATION,
    DERIVED_IMAGE_INFO,
    DERIVED_IMPORT_REPORT,
    DERIVED_THUMBNAIL,
)
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


def _json(data: bytes | None) -> dict[str, Any]:
    if not data:
        return {}
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _warnings(raw: Any) -> tuple[ParseWarning, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        ParseWarning(
            str(w.get("code", "")), str(w.get("message", "")), tuple(sorted(w.get("params", {}).items()))
        )
        for w in raw
        if isinstance(w, dict)
    )


def _main_sender(conversation: Conversation) -> str:
    counts = Counter(
        m.sender_id or m.sender
        for m in conversation.messages
        if m.kind == "message" and (m.sender or m.sender_id)
    )
    if not counts:
        return ""
    names = {m.sender_id or m.sender: m for m in conversation.messages}
    parts = []
    for key, _count in counts.most_common(2):
        message = names[key]
        label = message.sender or ""
        if message.sender_id and message.sender_id != label:
            label = f"{label} ({message.sender_id})" if label else message.sender_id
        parts.append(label)
    return ", ".join(parts)


class _Describer:
    """Builds each item's dossier view from the vault, on demand."""

    def __init__(
        self,
        vault: Vault,
        lang: Language,
        withhold: frozenset[int],
        seal_broken: frozenset[int] = frozenset(),
        include_withheld: bool = False,
    ) -> None:
        self.vault = vault
        self.include_withheld = include_withheld
        self.lang = lang
        self.withhold = withhold
        self.seal_broken = seal_broken  # item ids whose derived data no longer matches its seal
        self.trusted = _trusted_times(vault)
        self.relations = Relations(vault, ())

    def set_items(self, items: Sequence[ItemSummary]) -> None:
        """The exported items in dossier order: what parent, attachment and duplicate lines refer to."""
        self.relations = Relations(self.vault, items)

    @staticmethod
    def _item_warnings(
        report: dict[str, Any], info: dict[str, Any], conversation: Conversation | None
    ) -> tuple[ParseWarning, ...]:
        """The import report's warnings, without those the conversation section prints itself."""
        shown = conversation.warnings if conversation is not None else ()
        return _unique(_warnings(report.get("warnings")) + _warnings(info.get("warnings")), shown)

    def picture_original(self, item: ItemSummary) -> bytes | None:
        """The bytes the PDF's picture of `item` is made from; None when it shows none."""
        if item.kind != ItemKind.IMAGE or item.id in self.withhold:
            return None
        return b"".join(self.vault.iter_original(item.id))

    def describe(
        self,
        number: int,
        item: ItemSummary,
        *,
        with_thumbnail: bool = True,
        picture_of: Callable[[], Made | None] | None = None,
    ) -> DossierItem:
        """The item as the PDF shows it; `picture_of` gives its picture when made ahead."""
        withheld = item.id in self.withhold
        kinds = [DERIVED_IMAGE_INFO, DERIVED_IMPORT_REPORT, DERIVED_CONVERSATION]
        if with_thumbnail and not withheld:
            kinds.append(DERIVED_THUMBNAIL)
        derived = self.vault.derived_many(item.id, kinds)
        info = _json(derived.get(DERIVED_IMAGE_INFO))
        report = _json(derived.get(DERIVED_IMPORT_REPORT))
        conversation: Conversation | None = None
        if derived.get(DERIVED_CONVERSATION):
            # The messages may be stored in parts: read them through the one conversation reader.
            stored = self.vault.conversation(item.id)
            conversation = stored.conversation if stored is not None else None
        thumbnail = derived.get(DERIVED_THUMBNAIL)
        picture: bytes | None = None
        rows: tuple[float, ...] | None = None
        text: TextExcerpt | None = None
        if with_thumbnail and not withheld:
            # Derived in memory for this PDF only; the original stays as it is in the vault.
            if item.kind == ItemKind.IMAGE:
                if picture_of is not None:
                    made = picture_of()
                    picture, rows = made if made is not None else (None, None)
                else:
                    picture = pdf_picture(b"".join(self.vault.iter_original(item.id)))
            elif conversation is None and is_text_file(item.original_name, item.media_type):
                text = text_excerpt(self.vault.iter_original(item.id), item.size)
        platform, sender, description = "", "", ""
        headers: tuple[tuple[str, str], ...] = ()
        if conversation is not None:
            platform = platform_name(self.lang, conversation.platform) if conversation.platform else ""
            sender = _main_sender(conversation)
            count = len(conversation.messages)
            description = fmt("{count} messages", {"count": str(count)}, self.lang)
            if conversation.title:
                description = f"{conversation.title} — {description}"
            if item.kind == ItemKind.EMAIL:
                headers = conversation.extra
                description = conversation.title or item.original_name
        elif info:
            size = f"{info.get('width', '?')}×{info.get('height', '?')}"
            description = fmt("image, {size} pixels", {"size": size}, self.lang)
        else:
            description = plain_type(self.lang, item.media_type) if item.media_type else _("file", self.lang)
        exif = tuple((str(k), str(v)) for k, v in info.get("exif", []))
        width, height = info.get("width"), info.get("height")
        return DossierItem(
            number=number,
            item_id=str(item.id),
            kind=item.kind,
            original_name=item.original_name,
            media_type=item.media_type,
            size=item.size,
            sha256=item.sha256,
            times=item.times,
            platform=platform,
            sender=sender,
            description=description,
            note=item.note,
            category=item.category,
            withheld=withheld,
            original_in_package=self.include_withheld or not withheld,
            thumbnail=thumbnail,
            picture=picture,
            picture_rows=rows,
            text=text,
            image_size=(int(width), int(height))
            if isinstance(width, int) and isinstance(height, int)
            else None,
            exif=exif,
            email_headers=tuple(headers),
            conversation=None if withheld else conversation,
            trusted_time=self.trusted.get(item.id),
            warnings=self._item_warnings(report, info, conversation),
            seal_broken=item.id in self.seal_broken,
            **self.relations.of(item),
        )


def _unique(warnings: Sequence[ParseWarning], shown: Sequence[ParseWarning]) -> tuple[ParseWarning, ...]:
    seen = {(w.code, w.message, w.params) for w in shown}
    kept = []
    for warning in warnings:
        key = (warning.code, warning.message, warning.params)
        if key not in seen:
            seen.add(key)
            kept.append(warning)
    return tuple(kept)


def _trusted_times(vault: Vault) -> dict[int, TrustedTime]:
    """Each item's earliest trusted time, where the vault has time-stamp tokens."""
    found: dict[int, TrustedTime] = {}
    for item_id, tsa_name, gen_time in vault.all_item_timestamps():
        if item_id not in found or gen_time < found[item_id].gen_time:
            found[item_id] = TrustedTime(tsa_name=tsa_name, gen_time=gen_time)
    return found


class _LazyItems:
    """Re-iterable: each pass loads the items again, one at a time (bounded memory)."""

    def __init__(self, describer: _Describer, items: Sequence[ItemSummary]) -> None:
        self._describer = describer
        self._items = items
        self._passes = 0

    def __iter__(self) -> Iterator[DossierItem]:
        # The renderer's first pass (cover, summary, timeline) shows no pictures: skip loading them.
        first_pass = not self._passes
        self._passes += 1
        describer, items = self._describer, self._items
        if first_pass:
            for number, item in enumerate(items, start=1):
                yield describer.describe(number, item, with_thumbnail=False)
            return
        # The pictures are made ahead on another core while the pages before them are laid out.
        with PicturesAhead(len(items), lambda i: describer.picture_original(items[i])) as ahead:
            for index, item in enumerate(items):
                yield describer.describe(index + 1, item, picture_of=partial(ahead.picture, index))


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
    describer = _Describer(vault, lang, frozenset(withhold), broken, include_withheld)
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
            _LazyItems(describer, items),
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
        report = _json(vault.derived(item.id, DERIVED_IMPORT_REPORT))
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
