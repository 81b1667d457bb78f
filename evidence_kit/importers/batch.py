"""Adding a batch of paths to a vault: recognise, parse, store; nothing lost, everything reported.

Rules:
- A batch never stops at a bad file. Every file gets an `AddResult` (the items it became, what
  it was recognised as, its warnings, or the error that stopped it), which is the import
  report the CLI prints and the GUI shows. Each item (or export with its attachments) is its
  own transaction, so the vault stays consistent whatever happens to the batch.
- The original is always stored byte-exact. When an importer cannot parse a file, the file is
  still stored as a plain file, with a warning naming it and the reason.
- Parsing touches no storage: importers yield domain objects. An importer with `read_stream`
  hands over a `ConversationStream` whose messages are read while they are stored, in parts
  (`storage/conversation_store.py`), so memory does not depend on the export's size.
- Exports first: a chat export found in a folder claims the attachment files it references,
  so those become items linked to the export instead of loose duplicates.
- Only regular files are read, and links inside a folder are not followed (`paths.py` decides
  what each path is before anything opens it); what is skipped or refused is in the report.
  Files are taken in a stable, sorted order.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from evidence_kit.domain import (
    AddResult,
    Conversation,
    ConversationStream,
    EmbeddedFile,
    ItemKind,
    Message,
    ParsedExport,
    ParseWarning,
    StreamedExport,
    TimeSource,
    Timestamp,
)
from evidence_kit.errors import CancelledError, EvidenceKitError, FileUnreadableError, ImportFormatError
from evidence_kit.importers import meta, registry
from evidence_kit.importers.files import describe_file
from evidence_kit.importers.images import ImageAnalysis, analyse_image
from evidence_kit.importers.paths import Found, expand_paths, open_regular
from evidence_kit.importers.sniff import Category, detect
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo
from evidence_kit.storage.conversation_store import Written, conversation_records
from evidence_kit.storage.derived_kinds import (
    DERIVED_FILE_INFO,
    DERIVED_IMAGE_INFO,
    DERIVED_IMPORT_REPORT,
    DERIVED_THUMBNAIL,
    JSON_TYPE,
)
from evidence_kit.vault import NewChild, NewDerived, NewItem, Vault, display_path, file_time

IMPORTER_VERSION = "1"


def _opener(path: Path) -> Callable[[], BinaryIO]:
    """Opens a fresh stream of the file each call; the analyser closes what it opens. Never
    blocks: the file must still be a regular file, and not a link, when it is opened."""
    return lambda: open_regular(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _warning_json(warnings: Iterable[ParseWarning]) -> list[dict[str, object]]:
    return [
        {"code": w.code, "message": w.message, "params": dict(w.params), "line": w.line} for w in warnings
    ]


def _report(recognised_as: str, warnings: Iterable[ParseWarning], **extra: object) -> NewDerived:
    document = {"recognised_as": recognised_as, "warnings": _warning_json(warnings), **extra}
    return _derived(DERIVED_IMPORT_REPORT, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def _derived(kind: str, data: bytes, media_type: str = JSON_TYPE) -> NewDerived:
    return NewDerived(
        kind=kind, media_type=media_type, data=data, producer="importer", producer_version=IMPORTER_VERSION
    )


def _not_parsed(path: Path, exc: EvidenceKitError, format_name: str) -> ParseWarning:
    return ParseWarning(
        "not_parsed",
        "{name} was not read as {format} ({reason}); the original is stored as a plain file.",
        (("name", display_path(path.name)), ("format", format_name), ("reason", str(exc))),
    )


def image_derived(
    open_stream: Callable[[], BinaryIO], name: str
) -> tuple[ItemKind, str | None, list[NewDerived], list[Timestamp], list[ParseWarning]]:
    """Analyse an image in memory: thumbnail, pixel size, EXIF that matters, GPS presence."""
    analysis = analyse_image(open_stream, name)
    if not isinstance(analysis, ImageAnalysis):
        return ItemKind.FILE, None, [], [], [analysis.warning]
    exif: list[tuple[str, str]] = []
    for label, value in (("Make", analysis.make), ("Model", analysis.model), ("Software", analysis.software)):
        if value:
            exif.append((label, value))
    for label, stamp in (
        ("DateTimeOriginal", analysis.taken_at),
        ("DateTimeDigitized", analysis.digitized_at),
        ("DateTime", analysis.modified_at),
    ):
        if stamp is not None and stamp.local is not None:
            shown = stamp.local.isoformat(sep=" ")
            if stamp.offset_minutes is not None:
                hours, minutes = divmod(abs(stamp.offset_minutes), 60)
                shown += f" {'+' if stamp.offset_minutes >= 0 else '-'}{hours:02d}:{minutes:02d}"
            exif.append((label, shown))
    if analysis.gps_present:
        exif.append(("GPS", "present (location not shown)"))
    info = {
        "format": analysis.format,
        "media_type": analysis.media_type,
        "width": analysis.width,
        "height": analysis.height,
        "animated": analysis.animated,
        "orientation": analysis.orientation,
        "gps_present": analysis.gps_present,
        "exif": exif,
        "warnings": _warning_json(analysis.warnings),
    }
    derived = [_derived(DERIVED_IMAGE_INFO, json.dumps(info, ensure_ascii=False).encode("utf-8"))]
    if analysis.thumbnail is not None:
        derived.append(_derived(DERIVED_THUMBNAIL, analysis.thumbnail.data, analysis.thumbnail.media_type))
    times = [analysis.taken_at] if analysis.taken_at is not None else []
    return ItemKind.IMAGE, analysis.media_type, derived, times, list(analysis.warnings)


# A streamed conversation's content time is looked for among its first messages only (they are
# held meanwhile); a conversation held whole is searched to its end, as always.
_CONTENT_TIME_LOOKAHEAD = 1000


def _content_time(stream: ConversationStream) -> tuple[list[Timestamp], Iterable[Message]]:
    """The time of the first message that has one, and the messages to store (none lost)."""
    messages: Iterable[Message] = stream.messages
    held: list[Message] = []
    rest: Iterator[Message] = iter(messages)
    for message in rest:
        held.append(message)
        if message.sent_at is not None or message.sent_at_utc is not None:
            offset = None
            if message.sent_at is not None and message.sent_at_utc is not None:
                delta = message.sent_at - message.sent_at_utc.replace(tzinfo=None)
                offset = int(delta.total_seconds() // 60)
            time = Timestamp(
                source=TimeSource.CONTENT,
                utc=message.sent_at_utc,
                local=message.sent_at,
                offset_minutes=offset,
                assumption=stream.timezone_assumption,
            )
            return [time], messages if isinstance(messages, tuple) else itertools.chain(held, rest)
        if len(held) >= _CONTENT_TIME_LOOKAHEAD and not isinstance(messages, tuple):
            break
    return [], messages if isinstance(messages, tuple) else itertools.chain(held, rest)


@dataclass
class _Batch:
    vault: Vault
    note: str
    cancel: CancelToken | None
    on_bytes: Callable[[int], None]

    def store_file(
        self, path: Path, recognition: registry.Recognition, extra_warnings: list[ParseWarning] | None = None
    ) -> AddResult:
        """A plain file or an image: the original, and what can be derived from it in memory."""
        shown = display_path(path)
        warnings = list(recognition.warnings) + list(extra_warnings or [])
        kind, media_type = ItemKind.FILE, recognition.media_type
        derived: list[NewDerived] = []
        times: list[Timestamp] = []
        recognised_as = registry.FILE
        if recognition.format == registry.IMAGE or (
            recognition.detected is not None and recognition.detected.category == Category.IMAGE
        ):
            kind, image_type, derived, times, image_warnings = image_derived(
                _opener(path), path.name
            )
            warnings += image_warnings
            media_type = image_type or media_type
            recognised_as = registry.IMAGE if kind == ItemKind.IMAGE else registry.FILE
        elif recognition.detected is not None and recognition.detected.category == Category.WEB_PAGE:
            description = describe_file(_opener(path), path.name)
            info = {
                "title": description.title,
                "url": description.url,
                "url_source": str(description.url_source) if description.url_source else None,
            }
            derived.append(_derived(DERIVED_FILE_INFO, json.dumps(info, ensure_ascii=False).encode("utf-8")))
            warnings += description.warnings
        derived.append(_report(recognised_as, warnings, media_type=media_type))
        meta = NewItem(
            original_name=display_path(path.name),
            original_path=shown,
            kind=kind,
            media_type=media_type,
            importer=recognised_as,
            importer_version=IMPORTER_VERSION,
            note=self.note,
            times=tuple(times),
        )
        item = self.vault.add_file(
            path, meta=meta, derived=derived, cancel=self.cancel, on_bytes=self.on_bytes, follow_links=False
        )
        return AddResult(path=shown, items=(item,), warnings=tuple(warnings), recognised_as=recognised_as)

    def store_export(
        self,
        path: Path,
        recognition: registry.Recognition,
        parsed: ParsedExport | StreamedExport,
        extra_warnings: list[ParseWarning] | None = None,
    ) -> AddResult:
        """A chat/e-mail/SMS export: the export itself, its parsed messages, and the files it carries.

        The messages are stored as they are read (a streamed conversation is never held whole):
        in parts, in the export's own transaction (`conversation_store.py`).
        """
        shown = display_path(path)
        stream = parsed.conversation
        if isinstance(stream, Conversation):
            stream = ConversationStream.of(stream)
        content_time, messages = _content_time(stream)
        stream = replace(stream, messages=messages)
        warnings = list(extra_warnings or []) + list(recognition.warnings) + list(stream.warnings)
        # Each child is keyed by its position, not its name: two files of one name (a zip holding
        # a name twice, two e-mail attachments called image001.png) must both be stored and kept
        # apart in the ids the vault hands back. The names are put back in `_links_by_name`.
        names = [embedded.name for embedded in parsed.files]
        children = [self._child(path, embedded, str(index)) for index, embedded in enumerate(parsed.files)]
        missing = parsed.missing
        written = Written()

        def derived(stored: dict[str, int]) -> Iterator[NewDerived]:
            own_end = len(warnings)  # warnings the parser finds on the way follow the conversation's own
            links = _links_by_name(names, stored, warnings)
            yield from conversation_records(
                stream, links=links, missing=missing, record=_derived, written=written
            )
            warnings[own_end:own_end] = written.end.warnings
            yield _report(
                recognition.format,
                warnings,
                messages=written.messages,
                attachments=len(stored),
                missing_attachments=list(missing),
            )

        with open_regular(path) as handle:
            stat = os.fstat(handle.fileno())
            meta = NewItem(
                original_name=display_path(path.name),
                original_path=shown,
                kind=registry.kind_for_platform(stream.platform),
                media_type=recognition.media_type,
                importer=recognition.format,
                importer_version=IMPORTER_VERSION,
                note=self.note,
                times=(*content_time, file_time(stat)),
            )
            items, failures = self.vault.add_export(
                handle, meta, children=children, derived=derived, cancel=self.cancel, on_bytes=self.on_bytes
            )
        for key, error in failures:
            name = names[int(key)]
            # The vault names a child by the key it was given (its position): put the name back.
            reason = (
                error.template.format(**{**error.params, "path": name})
                if error.params.get("path") == key
                else str(error)
            )
            warnings.append(
                ParseWarning(
                    "attachment_unreadable",
                    "The attached file {name} could not be stored: {reason}",
                    (("name", name), ("reason", reason)),
                )
            )
        # Importers that already report missing attachments themselves are not repeated.
        already = any("missing" in w.code for w in (*stream.warnings, *written.end.warnings))
        for name in () if already else missing:
            warnings.append(
                ParseWarning(
                    "attachment_missing",
                    "A message refers to {name}, but the export does not contain it.",
                    (("name", name),),
                )
            )
        return AddResult(
            path=shown,
            items=tuple(items),
            warnings=tuple(warnings),
            recognised_as=recognition.format,
            message_count=written.messages,
        )

    def _child(self, export_path: Path, embedded: EmbeddedFile, key: str) -> NewChild:
        name = PurePosixPath(embedded.name.replace("\\", "/")).name or embedded.name
        kind, media_type = ItemKind.FILE, embedded.media_type
        derived: list[NewDerived] = []
        times: list[Timestamp] = [embedded.modified] if embedded.modified is not None else []
        try:
            with embedded.open() as stream:
                head = stream.read(65536)
            detected = detect(head, name)
            media_type = detected.media_type
            if detected.category == Category.IMAGE:
                kind, image_type, derived, image_times, _warnings = image_derived(embedded.open, name)
                media_type = image_type or media_type
                times += image_times
        except (OSError, EvidenceKitError):
            pass  # storing it will report the problem with this file
        meta = NewItem(
            original_name=name,
            original_path=f"{display_path(export_path)}!{embedded.name}",
            kind=kind,
            media_type=media_type,
            importer="attachment",
            importer_version=IMPORTER_VERSION,
            note=self.note,
            times=tuple(times),
        )
        return NewChild(name=key, open=embedded.open, meta=meta, derived=derived)


def _links_by_name(names: list[str], stored: dict[str, int], warnings: list[ParseWarning]) -> dict[str, int]:
    """Which item each attachment name the messages use links to, from the children stored.

    When several stored children share a name, the messages that name it are linked to the
    FIRST of them, and a warning names every item. Why the first and not none: every one of
    them is stored and listed, so linking loses nothing, and the warning tells the examiner
    the link is a choice. Why not the last: a zip lists its entries in the order they were
    written, and appending a second entry of the same name is the known way to make readers
    that take the last entry (Python's zipfile, unzip) show a different file; the first entry
    is the one the exporting app wrote. (An export whose own reader keeps one file per name,
    such as a Telegram zip, already hands over the first entry only.)
    """
    ids_by_name: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        item_id = stored.get(str(index))
        if item_id is not None:
            ids_by_name.setdefault(name, []).append(item_id)
    for name, ids in ids_by_name.items():
        if len(ids) > 1:
            warnings.append(
                ParseWarning(
                    "attachment_same_name",
                    "{count} attached files are named {name}; each is stored as its own item ({items}). "
                    "Messages that name {name} are linked to the first, item {item}: check which one "
                    "was meant.",
                    (
                        ("count", str(len(ids))),
                        ("name", name),
                        ("items", ", ".join(str(i) for i in ids)),
                        ("item", str(ids[0])),
                    ),
                )
            )
    return {name: ids[0] for name, ids in ids_by_name.items()}


def _parse(recognition: registry.Recognition) -> ParsedExport | StreamedExport:
    module = registry.importer_for(recognition.format)
    if module is None:
        raise ImportFormatError(
            path=display_path(recognition.path), format=recognition.format, detail="unknown format"
        )
    if recognition.forced and recognition.format in getattr(module, "FORMATS", ()) and module is meta:
        # Instagram and Facebook exports look alike; a format the user chose names the platform.
        parsed = module.read(recognition.path, platform=recognition.format)
    elif hasattr(module, "read_stream"):
        # An importer that can read a large export without holding it: messages read while stored.
        parsed = module.read_stream(recognition.path)
    else:
        parsed = module.read(recognition.path)
    assert isinstance(parsed, ParsedExport | StreamedExport)
    return parsed


def add_paths(
    vault: Vault,
    paths: Iterable[str | os.PathLike[str]],
    *,
    note: str = "",
    forced_format: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[AddResult]:
    """Add files and folders. Yields one result per path as it is done; stops only when cancelled.

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

    batch = _Batch(vault, note, cancel, on_bytes)
    recognised: list[tuple[Found, registry.Recognition | None, EvidenceKitError | None]] = []
    for found in files:
        if found.read is None:
            recognised.append((found, None, found.problem))
            continue
        try:
            recognised.append((found, registry.recognise(found.read, forced_format), None))
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
        result = _add_one(batch, found, recognition, error, consumed)
        done_files += 1
        yield result
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
) -> AddResult:
    shown = display_path(found.path)
    if error is not None or recognition is None or found.read is None:
        return _not_added(
            shown, error or FileUnreadableError(path=shown, detail="not readable"), skipped=found.skipped
        )
    path, notes = found.read, _through_link(found)
    try:
        if recognition.is_export:
            try:
                parsed = _parse(recognition)
            except CancelledError:
                raise
            except (EvidenceKitError, RecursionError, MemoryError, ValueError) as exc:
                # The original still goes in, as a plain file, with the reason it was not parsed.
                problem = (
                    exc
                    if isinstance(exc, EvidenceKitError)
                    else ImportFormatError(
                        path=display_path(path),
                        format=recognition.format,
                        detail=str(exc) or type(exc).__name__,
                    )
                )
                fallback = registry.Recognition(path, registry.FILE, recognition.detected)
                notes.append(_not_parsed(path, problem, recognition.format))
                result = batch.store_file(path, fallback, notes)
            else:
                for embedded in parsed.files:
                    consumed.add(_resolved(path.parent / embedded.name))
                result = batch.store_export(path, recognition, parsed, notes)
        else:
            result = batch.store_file(path, recognition, notes)
    except CancelledError:
        raise
    except EvidenceKitError as exc:
        return _not_added(shown, exc)
    except OSError as exc:
        return _not_added(shown, FileUnreadableError(path=shown, detail=exc.strerror or str(exc)))
    # The report names the path as the user gave it (a named link), the item the file it led to.
    return replace(result, path=shown)
