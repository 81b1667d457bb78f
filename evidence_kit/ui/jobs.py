"""The work the GUI sends to the vault worker: one function per job, run on the worker thread.

Rules: every function takes the worker's `JobContext` first and reaches the vault only
through it (so only through `vault.py`); it returns domain objects, rows or QImages, never
database rows. Pictures are decoded in memory (QImage is safe off the GUI thread); nothing
here writes content to disk except `extract`, which the user asked for.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from evidence_kit.case.demo_case import add_demo_case
from evidence_kit.domain import (
    AddResult,
    BackupReport,
    Conversation,
    CustodyEntry,
    ItemKind,
    ItemSummary,
    ParseWarning,
    VerifyReport,
)
from evidence_kit.errors import CancelledError, EvidenceKitError, WrongPassphraseError
from evidence_kit.i18n import get_language
from evidence_kit.importers.batch import Duplicates, add_paths, image_derived
from evidence_kit.progress import ProgressInfo
from evidence_kit.resources import demo_dir
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.derived_kinds import (
    DERIVED_FILE_INFO,
    DERIVED_IMAGE_INFO,
    DERIVED_IMPORT_REPORT,
    DERIVED_THUMBNAIL,
)
from evidence_kit.storage.item_parsing import ParsedFacts
from evidence_kit.storage.keys import KdfParams
from evidence_kit.ui.chat_rows import ChatRow, chat_rows
from evidence_kit.ui.models.rows import CONVERSATION_KINDS, ItemRow, TrustedState, make_row, rows_for
from evidence_kit.ui.workers import JobContext
from evidence_kit.vault import NewDerived, NewItem, Vault

ACTOR = "gui"
DEMO_PASSPHRASE = "demo passphrase, not secret"  # noqa: S105 (the demo's published passphrase)
THUMBNAIL_PX = 64
TEXT_PREVIEW_BYTES = 512 * 1024
MAX_IMAGE_BYTES = 256 * 1024 * 1024
PARTIAL_EVERY_S = 0.1
FREEZE_ROWS = 20_000  # from this many rows on, a full garbage collection is long enough to feel


@dataclass(frozen=True)
class Session:
    """An open vault, as the GUI may know it (no keys, no content)."""

    path: Path
    case_title: str
    vault_id: str
    recovery_code: str | None = None  # only right after creating: shown once
    demo_folder: Path | None = None  # a temporary demo vault, removed when it is locked
    leftovers: tuple[Path, ...] = ()  # left-over partial files found in the folder when opening
    interrupted_change: str | None = None  # a key change a kill interrupted: "finished" or "undone"
    # Unfinished files a killed export or extract left (storage/partials.py): offered for removal.
    leftover_partials: tuple[Path, ...] = ()


# ----------------------------------------------------------------- opening and creating


def create_vault(
    context: JobContext, path: Path, passphrase: str, case_title: str, kdf: KdfParams | None
) -> Session:
    vault, code = Vault.create(path, passphrase, case_title=case_title, kdf=kdf, actor=ACTOR)
    context.set_vault(vault)
    return Session(vault.path, vault.case_title, vault.vault_id, recovery_code=code)


def open_vault(
    context: JobContext,
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    new_passphrase: str | None = None,
    kdf: KdfParams | None = None,
) -> Session:
    """Unlock with the passphrase, or with the recovery code and then set a new passphrase."""
    if recovery_code is not None:
        vault = Vault.open(path, recovery_code=recovery_code, actor=ACTOR)
        try:
            if new_passphrase is not None:
                vault.change_passphrase(new_passphrase, kdf=kdf, event_type=EventType.RECOVERED)
        except BaseException:
            vault.close()
            raise
    else:
        vault = Vault.open(path, passphrase, actor=ACTOR)
    context.set_vault(vault)
    try:
        partial_leftovers = tuple(vault.partials.leftovers())
    except EvidenceKitError:
        partial_leftovers = ()  # opening must not fail over this; the next export meets the same problem
    return Session(
        vault.path,
        vault.case_title,
        vault.vault_id,
        leftovers=tuple(vault.leftovers()),
        interrupted_change=vault.interrupted_change,
        leftover_partials=partial_leftovers,
    )


def remove_partials(context: JobContext) -> tuple[Path, ...]:
    """Remove the unfinished files a killed export or extract left; returns those still there."""
    context.vault.partials.remove_leftovers()
    return tuple(context.vault.partials.leftovers())


def change_passphrase(
    context: JobContext, current: str, new: str, kdf: KdfParams | None, *, rotate_key: bool = False
) -> str | None:
    """Set a new passphrase for the open vault, once the current one is shown to be right.

    The current passphrase is checked by the vault (its passphrase slot, exactly as unlocking
    tries it); nothing is written when it is wrong. Without `rotate_key` the data key is
    rewrapped (the evidence is not re-encrypted) and None is returned; with it the vault is
    re-encrypted under a new key (progress reported) and the new recovery code is returned.
    The vault records the custody event itself.
    """
    vault = _checked(context, current)
    if rotate_key:
        return vault.rotate_key(new, kdf=kdf, progress=context.progress)
    vault.change_passphrase(new, kdf=kdf)
    return None


def new_recovery_code(context: JobContext, current: str, kdf: KdfParams | None) -> str:
    """A new recovery code for the open vault (to show once), once the passphrase is shown to be right."""
    return _checked(context, current).reissue_recovery_code(kdf=kdf)


def _checked(context: JobContext, current: str) -> Vault:
    vault = context.vault
    if not vault.check_passphrase(current):
        raise WrongPassphraseError()
    return vault


def build_demo(context: JobContext, case_title: str, note: str, kdf: KdfParams | None) -> Session:
    """A vault made from the fictional demo files, in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="evidence-kit-demo-"))
    try:
        vault, _code = Vault.create(
            folder / "demo.ekvault", DEMO_PASSPHRASE, case_title=case_title, kdf=kdf, actor=ACTOR
        )
        context.set_vault(vault)
        for _result in add_paths(vault, [demo_dir()], note=note, cancel=context.cancel):
            pass
        add_demo_case(vault, get_language())  # its incidents, people and offence categories
    except BaseException:
        context.set_vault(None)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Session(vault.path, vault.case_title, vault.vault_id, demo_folder=folder)


def close_vault(context: JobContext) -> None:
    context.set_vault(None)


# ----------------------------------------------------------------- listing


def list_rows(context: JobContext) -> list[ItemRow]:
    """Every item as a list row, with everything sorting and search need worked out here.

    Python's cyclic garbage collector is held off while the rows are made. A vault of 100,000
    items makes about a million objects here, and each full collection on the way walks all
    of them while holding the interpreter lock, which froze the window for a quarter of a
    second at a time (and cost two of the five seconds of opening). The rows hold no
    reference cycles; reference counting frees them when the vault locks.
    """
    vault = context.vault
    enabled = gc.isenabled()
    gc.disable()
    try:
        rows = rows_for(vault, vault.items())
        if enabled and len(rows) >= FREEZE_ROWS:
            # Leave the objects made so far out of every later collection; otherwise the first
            # collections after this walk all of them, and the window stalls anyway, later.
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return rows


def decode_image(data: bytes, max_side: int | None = None) -> QImage:
    """A QImage of image bytes, in memory; EXIF orientation applied. Null image when unreadable."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    if max_side is not None:
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > max_side:
            reader.setScaledSize(size.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if not image.isNull():
        return image
    return _decode_with_pillow(data, max_side)


def _decode_with_pillow(data: bytes, max_side: int | None) -> QImage:
    """Formats Qt cannot read (HEIC, some TIFFs) through Pillow, still in memory."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            picture = opened.convert("RGBA")
            if max_side is not None:
                picture.thumbnail((max_side, max_side))
            raw = picture.tobytes("raw", "RGBA")
            image = QImage(raw, picture.width, picture.height, QImage.Format.Format_RGBA8888)
            return image.copy()  # own the pixels: `raw` goes away
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return QImage()


def load_thumbnails(context: JobContext, item_ids: Sequence[int]) -> dict[int, QImage]:
    """The stored thumbnails of these items (read in one query), decoded; items without are left out."""
    stored = context.vault.derived_of_items(item_ids, DERIVED_THUMBNAIL)
    found: dict[int, QImage] = {}
    for item_id in item_ids:
        if context.cancel.cancelled:
            break
        data = stored.get(item_id)
        if data:
            image = decode_image(data, THUMBNAIL_PX * 2)
            if not image.isNull():
                found[item_id] = image
    return found


# ----------------------------------------------------------------- importing


@dataclass(frozen=True)
class ImportOutcome:
    results: tuple[AddResult, ...]
    rows: tuple[ItemRow, ...]
    cancelled: bool
    total_files: int


def import_paths(
    context: JobContext, paths: Sequence[str], duplicates: Duplicates = Duplicates.KEEP
) -> ImportOutcome:
    """Add files and folders; partial results (rows) are handed over as they are stored. Files
    already in the vault are kept or skipped as `duplicates` says (`importers/duplicates.py`)."""
    vault = context.vault
    results: list[AddResult] = []
    rows: list[ItemRow] = []
    batch: list[ItemRow] = []
    total = 0
    last = datetime.now(UTC)

    def on_progress(info: ProgressInfo) -> None:
        nonlocal total
        total = info.total_files
        context.progress(info)

    fresh_state = TrustedState.PENDING  # every new item is queued for a time-stamp as it is stored
    cancelled = False
    try:
        adding = add_paths(vault, paths, progress=on_progress, cancel=context.cancel, duplicates=duplicates)
        for result in adding:
            results.append(result)
            new_rows = [make_row(s, None, fresh_state) for s in result.items]
            if any(row.summary.kind in CONVERSATION_KINDS for row in new_rows):
                new_rows = rows_for(vault, result.items)  # platform, senders, chat text for search
            rows.extend(new_rows)
            batch.extend(new_rows)
            now = datetime.now(UTC)
            if (now - last).total_seconds() >= PARTIAL_EVERY_S:
                context.partial(tuple(batch))
                batch = []
                last = now
    except CancelledError:
        cancelled = True
    if batch:
        context.partial(tuple(batch))
    return ImportOutcome(tuple(results), tuple(rows), cancelled, total)


def paste_image(context: JobContext, png: bytes, name: str) -> ItemRow:
    """Store a clipboard picture (PNG bytes made in memory) as a new image item.

    Like every import (see `importers/batch.py`), the picture is stored and committed first;
    only then is it analysed, and a failure there leaves it stored as a plain file.
    """
    vault = context.vault
    meta = NewItem(
        original_name=name,
        original_path="clipboard",
        kind=ItemKind.FILE,
        media_type="image/png",
        importer="clipboard",
        importer_version="1",
    )
    summary = vault.add_stream(io.BytesIO(png), meta, cancel=context.cancel)
    with contextlib.suppress(Exception):  # the picture is in; what could not be read is just not shown
        kind, media_type, derived, times, warnings = image_derived(lambda: io.BytesIO(png), name)
        report = {
            "recognised_as": "clipboard",
            "warnings": [{"code": w.code, "message": w.message, "params": dict(w.params)} for w in warnings],
            "media_type": "image/png",
        }
        derived = [
            *derived,
            NewDerived(
                DERIVED_IMPORT_REPORT,
                "application/json",
                json.dumps(report, ensure_ascii=False).encode("utf-8"),
                "gui",
                "1",
            ),
        ]
        facts = ParsedFacts(
            kind if kind == ItemKind.IMAGE else ItemKind.FILE,
            media_type or "image/png",
            "clipboard",
            "1",
            tuple(times),
        )
        vault.record_parsed(summary.id, facts, derived=lambda _links: derived)
        summary = vault.item(summary.id)
    return make_row(summary, None, TrustedState.NONE)


# ----------------------------------------------------------------- one item


@dataclass(frozen=True)
class ItemDetail:
    summary: ItemSummary
    image: QImage | None = None
    image_info: dict[str, Any] = field(default_factory=dict)
    import_report: dict[str, Any] = field(default_factory=dict)
    file_info: dict[str, Any] = field(default_factory=dict)
    conversation: Conversation | None = None
    links: dict[str, int] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    attachment_thumbnails: dict[int, QImage] = field(default_factory=dict)
    text_preview: str | None = None
    preview_truncated: bool = False
    custody: tuple[CustodyEntry, ...] = ()
    trusted_times: tuple[tuple[str, datetime], ...] = ()  # (authority, signed time)
    parent: ItemSummary | None = None
    chats: tuple[ChatRow, ...] = ()  # an export of several chats: each chat, its own item

    @property
    def warnings(self) -> tuple[ParseWarning, ...]:
        found = []
        for source in (self.import_report, self.image_info):
            for raw in source.get("warnings", []) or []:
                if isinstance(raw, dict):
                    params = tuple((str(k), str(v)) for k, v in (raw.get("params") or {}).items())
                    found.append(ParseWarning(str(raw.get("code", "")), str(raw.get("message", "")), params))
        return tuple(found)


def _json(data: bytes | None) -> dict[str, Any]:
    if not data:
        return {}
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _read_original(vault: Vault, item_id: int, limit: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    for chunk in vault.iter_original(item_id):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return b"".join(chunks)[:limit], True
    return b"".join(chunks), False


def _is_text(summary: ItemSummary) -> bool:
    media = summary.media_type or ""
    return media.startswith("text/") or media in ("application/json", "application/xml", "message/rfc822")


def _looks_like_text(data: bytes) -> bool:
    """Unknown type: show it as text only if it is UTF-8 without NUL bytes (not binary)."""
    head = data[:8192]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 4  # cut in the middle of a character at the end
    return True


def load_detail(context: JobContext, item_id: int, *, record_view: bool = True) -> ItemDetail:
    """Everything the item view shows. Opening an item in full is a custody event."""
    vault = context.vault
    if record_view:
        vault.record_view(item_id)
    summary = vault.item(item_id)
    image: QImage | None = None
    conversation: Conversation | None = None
    links: dict[str, int] = {}
    missing: tuple[str, ...] = ()
    thumbnails: dict[int, QImage] = {}
    preview: str | None = None
    truncated = False
    try:
        stored = vault.conversation(item_id)
    except (ValueError, KeyError, TypeError, AttributeError):
        stored = None  # damaged derived data: the original is still shown and extractable
    if stored is not None:
        conversation, links, missing = stored
    if conversation is not None:
        thumbnails = load_thumbnails(context, sorted(set(links.values())))
    elif summary.kind == ItemKind.IMAGE and summary.size <= MAX_IMAGE_BYTES:
        data, _cut = _read_original(vault, item_id, MAX_IMAGE_BYTES)
        image = decode_image(data)
    elif _is_text(summary) or summary.media_type is None:
        data, truncated = _read_original(vault, item_id, TEXT_PREVIEW_BYTES)
        if _is_text(summary) or _looks_like_text(data):
            preview = data.decode("utf-8", errors="replace")
    trusted = [(str(stamp.token.tsa_name), stamp.token.gen_time) for stamp in vault.item_timestamps(item_id)]
    return ItemDetail(
        summary=summary,
        image=image,
        image_info=_json(vault.derived(item_id, DERIVED_IMAGE_INFO)),
        import_report=_json(vault.derived(item_id, DERIVED_IMPORT_REPORT)),
        file_info=_json(vault.derived(item_id, DERIVED_FILE_INFO)),
        conversation=conversation,
        links=links,
        missing=missing,
        attachment_thumbnails=thumbnails,
        text_preview=preview,
        preview_truncated=truncated,
        custody=tuple(vault.custody_log(item_id)),
        trusted_times=tuple(trusted),
        parent=vault.item(summary.parent_id) if summary.parent_id is not None else None,
        chats=chat_rows(vault, summary) if conversation is None else (),
    )


@dataclass(frozen=True)
class Saved:
    row: ItemRow
    custody: tuple[CustodyEntry, ...]


def save_note_and_category(context: JobContext, row: ItemRow, note: str, category: str) -> Saved:
    """Each change is its own custody event; nothing is written when nothing changed."""
    vault = context.vault
    current = vault.item(row.id)
    if note != current.note:
        vault.set_note(row.id, note)
    if category != current.category:
        vault.set_category(row.id, category)
    return Saved(row.with_summary(vault.item(row.id)), tuple(vault.custody_log(row.id)))


def set_offences(context: JobContext, row: ItemRow, offences: tuple[str, ...]) -> Saved:
    """Give the item these offence categories (taxonomy ids): one custody event when they change."""
    vault = context.vault
    vault.set_offences(row.id, offences)
    return Saved(row.with_summary(vault.item(row.id)), tuple(vault.custody_log(row.id)))


def set_withhold(context: JobContext, row: ItemRow, reason: str | None) -> Saved:
    """Mark the item "sensitive: withhold from dossiers" (or clear it with None): one custody event."""
    vault = context.vault
    vault.set_withhold(row.id, reason)
    return Saved(row.with_summary(vault.item(row.id)), tuple(vault.custody_log(row.id)))


def extract(context: JobContext, item_id: int, target: Path) -> ItemSummary:
    return context.vault.extract(item_id, target)


# ----------------------------------------------------------------- whole vault


def verify_vault(context: JobContext) -> VerifyReport:
    def on_item(done: int, total: int) -> None:
        context.progress(ProgressInfo(done, total, 0, 0, ""))

    return context.vault.verify(cancel=context.cancel, on_item=on_item)


def backup(context: JobContext, dest: Path) -> BackupReport:
    """A consistent, checked copy of the vault in `dest`, through the core (a custody event of its own)."""
    return context.vault.backup(dest, progress=context.progress, cancel=context.cancel)


def custody_log(context: JobContext) -> list[CustodyEntry]:
    return context.vault.custody_log()


def verify_package(context: JobContext, path: Path) -> Any:
    from evidence_kit.verify.package import verify_package as check

    return check(path)


def export(context: JobContext, out_dir: Path, options: dict[str, Any]) -> Any:
    """The dossier, through the core's `export_dossier` (a custody event of its own)."""
    from evidence_kit.dossier.export import export_dossier  # ReportLab and pyHanko load only when needed

    def on_progress(info: ProgressInfo) -> None:
        context.progress(info)

    return export_dossier(context.vault, out_dir, progress=on_progress, cancel=context.cancel, **options)
