"""Adding a batch of paths to a vault: recognise, store, then read; nothing lost, everything reported.

Rules:
- A batch never stops at a bad file. Every file gets an `AddResult` (the items it became, what
  it was recognised as, its warnings, or the error that stopped it), which is the import
  report the CLI prints and the GUI shows.
- The original goes in FIRST, byte-exact, in a transaction of its own that commits before a
  single byte of it is parsed, thumbnailed or extracted (step 1, here). Only then is it read
  (step 2, `reading.py`), and what is read is written in a second, sealed transaction. Any
  failure in step 2 — a parser bug, a hostile file, memory running out — leaves the original
  in the vault as a plain file, with a warning naming the file and the step that failed.
- Recognising reads only the head of a file and cannot fail the file: at worst it is a file.
- An importer with `read_stream` hands over a `ConversationStream` whose messages are read while
  they are stored, in parts (`storage/conversation_store.py`), so memory does not depend on the
  export's size.
- Exports first: a chat export found in a folder claims the attachment files it references,
  so those become items linked to the export instead of loose duplicates.
- Only regular files are read, and links inside a folder are not followed (`paths.py` decides
  what each path is before anything opens it); what is skipped or refused is in the report.
  Files are taken in a stable, sorted order.
- A file whose bytes are already in the vault is kept with a note naming the earlier item, or
  skipped when the caller asks (`duplicates.py`); never dropped silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from evidence_kit.domain import AddResult, ItemKind, ItemSummary, ParseWarning
from evidence_kit.errors import AlreadyInVaultError, CancelledError, EvidenceKitError, FileUnreadableError
from evidence_kit.importers import registry
from evidence_kit.importers.chat_children import ChatReader
from evidence_kit.importers.duplicates import Duplicates, stored_again
from evidence_kit.importers.paths import Found, expand_paths
from evidence_kit.importers.reading import (
    IMPORTER_VERSION,
    Step,
    image_derived,
    needs_reading,
    report,
    step_failed,
)
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo
from evidence_kit.vault import NewDerived, NewItem, Vault, display_path

__all__ = ["IMPORTER_VERSION", "Duplicates", "add_paths", "image_derived"]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _recognise(path: Path, forced: str | None) -> tuple[registry.Recognition, list[ParseWarning]]:
    """What the file is; a recogniser that breaks makes it a plain file, never a lost one."""
    try:
        return registry.recognise(path, forced), []
    except (EvidenceKitError, OSError):
        raise
    except Exception as exc:
        return registry.Recognition(path, registry.FILE, None), [
            step_failed(display_path(path.name), Step.RECOGNISE, exc)
        ]


@dataclass
class _Batch:
    vault: Vault
    note: str
    cancel: CancelToken | None
    on_bytes: Callable[[int], None]
    duplicates: Duplicates = Duplicates.KEEP

    def store_original(
        self, path: Path, recognition: registry.Recognition, warnings: list[ParseWarning]
    ) -> ItemSummary:
        """Step 1: the original alone, byte-exact, committed, as a plain file. A file that
        needs no reading gets its import report in the same transaction: then this is all."""
        derived: list[NewDerived] = []
        if not needs_reading(recognition):
            warnings[:0] = recognition.warnings
            derived.append(report(registry.FILE, warnings, media_type=recognition.media_type))
        meta = NewItem(
            original_name=display_path(path.name),
            original_path=display_path(path),
            kind=ItemKind.FILE,
            media_type=recognition.media_type,
            importer=registry.FILE,
            importer_version=IMPORTER_VERSION,
            note=self.note,
        )
        return self.vault.add_file(
            path,
            meta=meta,
            derived=derived,
            cancel=self.cancel,
            on_bytes=self.on_bytes,
            follow_links=False,
            skip_duplicates=self.duplicates is Duplicates.SKIP,
        )


def add_paths(
    vault: Vault,
    paths: Iterable[str | os.PathLike[str]],
    *,
    note: str = "",
    forced_format: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    duplicates: Duplicates = Duplicates.KEEP,
) -> Iterator[AddResult]:
    """Add files and folders. Yields one result per path as it is done; stops only when cancelled.

    A file already in the vault (same SHA-256) is stored again with a note, or skipped with
    `Duplicates.SKIP`; its result names the earlier item (`duplicate_of`).

    Links, devices, FIFOs and sockets are never read: found in a folder they are reported as
    skipped, named by the user they are reported as not added (see `paths.py`).
    """
    files = list(expand_paths(paths))
    total_bytes = sum(_size(f.read) for f in files if f.read is not None)
    done_bytes = 0
    done_files = 0
    current = ""

    def on_bytes(count: int) -> None:
        nonlocal done_bytes
        done_bytes += count
        if progress is not None:
            progress(ProgressInfo(done_files, len(files), done_bytes, total_bytes, current))

    batch = _Batch(vault, note, cancel, on_bytes, duplicates)
    recognised: list[tuple[Found, registry.Recognition | None, EvidenceKitError | None]] = []
    notes: dict[int, list[ParseWarning]] = {}
    for found in files:
        if found.read is None:
            recognised.append((found, None, found.problem))
            continue
        try:
            recognised_now, notes[len(recognised)] = _recognise(found.read, forced_format)
            recognised.append((found, recognised_now, None))
        except EvidenceKitError as exc:  # it stopped being a regular file after it was checked
            recognised.append((found, None, exc))
        except OSError as exc:
            shown = display_path(found.path)
            recognised.append((found, None, FileUnreadableError(path=shown, detail=exc.strerror or str(exc))))
    # Exports first, so the attachment files they reference are not imported twice.
    exports_first = [i for i, r in enumerate(recognised) if r[1] is not None and r[1].is_export]
    first = set(exports_first)
    order = exports_first + [i for i in range(len(recognised)) if i not in first]
    consumed: set[Path] = set()
    for index in order:
        found, recognition, error = recognised[index]
        current = display_path(found.path)
        if progress is not None:
            progress(ProgressInfo(done_files, len(files), done_bytes, total_bytes, current))
        if cancel is not None:
            cancel.check()
        if found.read is not None and _resolved(found.read) in consumed:
            done_files += 1
            continue
        result, cancelled = _add_one(batch, found, recognition, error, consumed, notes.get(index, []))
        done_files += 1
        yield result
        if cancelled:
            raise CancelledError()
    if progress is not None:
        progress(ProgressInfo(len(files), len(files), done_bytes, total_bytes, ""))


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _not_added(shown: str, error: EvidenceKitError, *, skipped: bool = False) -> AddResult:
    params = tuple(error.params.items())
    return AddResult(path=shown, error=error.template, error_params=params, skipped=skipped)


def _through_link(found: Found) -> list[ParseWarning]:
    """The note that a named link was followed: the stored file is the one it leads to."""
    if found.via_link is None:
        return []
    return [
        ParseWarning(
            "reached_through_link",
            "{path} is a symbolic link; the file it leads to, {target}, was stored.",
            (("path", display_path(found.path)), ("target", display_path(found.via_link))),
        )
    ]


def _add_one(
    batch: _Batch,
    found: Found,
    recognition: registry.Recognition | None,
    error: EvidenceKitError | None,
    consumed: set[Path],
    recognise_notes: list[ParseWarning],
) -> tuple[AddResult, bool]:
    """One path: stored first, then read. Returns its result and whether it was cancelled
    while being read (the original is in by then and is reported before the batch stops)."""
    shown = display_path(found.path)
    if error is not None or recognition is None or found.read is None:
        problem = error or FileUnreadableError(path=shown, detail="not readable")
        return _not_added(shown, problem, skipped=found.skipped), False
    path, warnings = found.read, [*_through_link(found), *recognise_notes]
    try:
        item = batch.store_original(path, recognition, warnings)
    except CancelledError:
        raise
    except AlreadyInVaultError as exc:  # the caller asked to skip duplicates; nothing was stored
        return replace(_not_added(shown, exc, skipped=True), duplicate_of=int(exc.params["item"])), False
    except EvidenceKitError as exc:
        return _not_added(shown, exc), False
    except OSError as exc:
        return _not_added(shown, FileUnreadableError(path=shown, detail=exc.strerror or str(exc))), False
    earlier = batch.vault.earlier_copy(item)
    if earlier is not None:
        warnings.insert(0, stored_again(display_path(path.name), earlier, item.id))
    result, cancelled = _read(batch, item, path, shown, recognition, warnings, consumed)
    return replace(result, duplicate_of=earlier), cancelled


def _read(
    batch: _Batch,
    item: ItemSummary,
    path: Path,
    shown: str,
    recognition: registry.Recognition,
    warnings: list[ParseWarning],
    consumed: set[Path],
) -> tuple[AddResult, bool]:
    """Step 2 for an original just stored: read it, or report it as the plain file it is."""
    if not needs_reading(recognition):
        done = AddResult(path=shown, items=(item,), warnings=tuple(warnings), recognised_as=registry.FILE)
        return done, False
    warnings[:0] = recognition.warnings
    reader = ChatReader(batch.vault, batch.note, batch.cancel, batch.on_bytes)
    try:
        result = reader.read(item, path, recognition, warnings, consumed)
    except CancelledError:
        warnings.append(
            ParseWarning(
                "reading_cancelled",
                "{name} is stored as a plain file: reading it was cancelled.",
                (("name", display_path(path.name)),),
            )
        )
        result = reader.kept_as_file(item, shown, recognition, warnings)
        return replace(result, path=shown), True
    # The report names the path as the user gave it (a named link), the item the file it led to.
    return replace(result, path=shown), False
