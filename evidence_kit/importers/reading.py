"""Reading a stored original: what an image, a web page or an export holds, recorded as derived data.

Rules this module keeps:
- It runs only AFTER the original is stored and committed (`batch.py` step 1), so whatever
  goes wrong here can never cost the original: it stays in the vault as a plain file.
- Every failure, expected or not, ends in the same calm place (`kept_as_file`): a translated
  warning naming the file and the step that failed, written into the item's import report.
  Only cancelling and interrupting pass through.
- What is read is written in one sealed transaction (`Vault.record_parsed`); the item's kind
  and importer change only then, so an item is a chat only when its messages are stored too.
- Parsing touches no storage: importers yield domain objects, this module turns them into
  `NewDerived` records and `NewChild` items.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from evidence_kit import __version__
from evidence_kit.domain import (
    AddResult,
    Conversation,
    ConversationStream,
    EmbeddedFile,
    ItemKind,
    ItemSummary,
    ManyChats,
    Message,
    ParsedExport,
    ParseWarning,
    StreamedExport,
    TimeSource,
    Timestamp,
)
from evidence_kit.errors import CancelledError, EvidenceKitError, ImportFormatError
from evidence_kit.i18n import _
from evidence_kit.importers import meta, registry
from evidence_kit.importers.attachment_links import links_by_name
from evidence_kit.importers.files import describe_file
from evidence_kit.importers.images import ImageAnalysis, analyse_image
from evidence_kit.importers.name_times import name_time
from evidence_kit.importers.paths import open_regular
from evidence_kit.importers.sniff import Category, detect
from evidence_kit.progress import CancelToken
from evidence_kit.storage.conversation_store import Written, conversation_records
from evidence_kit.storage.derived_kinds import (
    DERIVED_FILE_INFO,
    DERIVED_IMAGE_INFO,
    DERIVED_IMPORT_REPORT,
    DERIVED_THUMBNAIL,
    JSON_TYPE,
)
from evidence_kit.storage.item_parsing import ParsedFacts
from evidence_kit.vault import NewChild, NewDerived, NewItem, Vault, display_path

# The version recorded with everything the readers make: the program's own. Any release may
# change what a parser makes of a file, so `verify --reparse` calls a difference under another
# version a warning, and under the same version an integrity failure.
IMPORTER_VERSION = __version__
PARSER_VERSION = IMPORTER_VERSION


class Step(StrEnum):
    """The steps after storing an original; a failure names the one it happened in."""

    RECOGNISE = "recognise"
    PARSE = "parse"
    IMAGE = "image"
    WEB_PAGE = "web_page"
    ATTACHMENTS = "attachments"
    RECORD = "record"


def step_text(step: Step) -> str:
    """What the user reads for a step ("... but {step} failed"), in the current language."""
    texts = {
        Step.RECOGNISE: _("recognising what kind of file it is"),
        Step.PARSE: _("reading its messages"),
        Step.IMAGE: _("reading the picture"),
        Step.WEB_PAGE: _("reading the web page"),
        Step.ATTACHMENTS: _("reading its attached files"),
        Step.RECORD: _("storing what was read"),
    }
    return texts[step]


def needs_reading(recognition: registry.Recognition) -> bool:
    """Whether anything is read from the file after it is stored (else step 1 is all)."""
    if recognition.is_export or recognition.format == registry.IMAGE:
        return True
    category = recognition.detected.category if recognition.detected is not None else None
    return category in (Category.IMAGE, Category.WEB_PAGE)


def opener(path: Path) -> Callable[[], BinaryIO]:
    """Opens a fresh stream of the file each call; the analyser closes what it opens. Never
    blocks: the file must still be a regular file, and not a link, when it is opened."""
    return lambda: open_regular(path)


def warning_json(warnings: Iterable[ParseWarning]) -> list[dict[str, object]]:
    return [
        {"code": w.code, "message": w.message, "params": dict(w.params), "line": w.line} for w in warnings
    ]


def report(recognised_as: str, warnings: Iterable[ParseWarning], **extra: object) -> NewDerived:
    document = {"recognised_as": recognised_as, "warnings": warning_json(warnings), **extra}
    return derived_record(DERIVED_IMPORT_REPORT, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def derived_record(kind: str, data: bytes, media_type: str = JSON_TYPE) -> NewDerived:
    return NewDerived(
        kind=kind, media_type=media_type, data=data, producer="importer", producer_version=IMPORTER_VERSION
    )


def not_parsed(path: Path, exc: EvidenceKitError, format_name: str) -> ParseWarning:
    return ParseWarning(
        "not_parsed",
        "{name} was not read as {format} ({reason}); the original is stored as a plain file.",
        (("name", display_path(path.name)), ("format", format_name), ("reason", str(exc))),
    )


def step_failed(name: str, step: Step, exc: BaseException) -> ParseWarning:
    """The warning for a step that failed after the original was stored."""
    return ParseWarning(
        "step_failed",
        "{name} is stored as a plain file, but {step} failed ({reason}).",
        (("name", name), ("step", step_text(step)), ("reason", reason_of(exc))),
    )


def reason_of(exc: BaseException) -> str:
    """Why a step failed, in words. Never an unexpected exception's own text: it may quote the
    content being read (a parser error showing the line it choked on)."""
    if isinstance(exc, EvidenceKitError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return _("there was not enough memory to read it")
    if isinstance(exc, RecursionError):
        return _("it is nested too deeply to read")
    return type(exc).__name__


def image_derived(
    open_stream: Callable[[], BinaryIO], name: str
) -> tuple[ItemKind, str | None, list[NewDerived], list[Timestamp], list[ParseWarning]]:
    """Analyse an image in memory: thumbnail, pixel size, EXIF that matters, GPS presence, and the
    time its file name `name` states."""
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
        "warnings": warning_json(analysis.warnings),
    }
    derived = [derived_record(DERIVED_IMAGE_INFO, json.dumps(info, ensure_ascii=False).encode("utf-8"))]
    if analysis.thumbnail is not None:
        thumbnail = analysis.thumbnail
        derived.append(derived_record(DERIVED_THUMBNAIL, thumbnail.data, thumbnail.media_type))
    # EXIF's DateTimeOriginal and the time the file's name states are two sources, each kept.
    times = [stamp for stamp in (analysis.taken_at, name_time(name)) if stamp is not None]
    return ItemKind.IMAGE, analysis.media_type, derived, times, list(analysis.warnings)


# A streamed conversation's content time is looked for among its first messages only (they are
# held meanwhile); a conversation held whole is searched to its end, as always.
CONTENT_TIME_LOOKAHEAD = 1000


def content_time(stream: ConversationStream) -> tuple[list[Timestamp], Iterable[Message]]:
    """The time of the first message that has one (what the export claims it starts with), and
    the messages to store: none lost, the ones looked at handed on first."""
    messages: Iterable[Message] = stream.messages
    whole = isinstance(messages, tuple)
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
            return [time], messages if whole else itertools.chain(held, rest)
        if len(held) >= CONTENT_TIME_LOOKAHEAD and not whole:
            break
    return [], messages if whole else itertools.chain(held, rest)


def as_stream(parsed: ParsedExport | StreamedExport) -> ConversationStream:
    conversation = parsed.conversation
    return ConversationStream.of(conversation) if isinstance(conversation, Conversation) else conversation


def parse(
    recognition: registry.Recognition, path: Path | None = None
) -> ParsedExport | StreamedExport | ManyChats:
    """Run the importer the recognition chose on `path` (by default the recognised path).

    An importer that can read a large export without holding it (`read_stream`) hands over its
    messages as a stream; they are read while they are stored. An importer whose exports may
    hold several chats (`read_export`) hands over `ManyChats` for those (`chat_children.py`).
    """
    path = recognition.path if path is None else path
    module = registry.importer_for(recognition.format)
    if module is None:
        raise ImportFormatError(path=display_path(path), format=recognition.format, detail="unknown format")
    if recognition.forced and recognition.format in getattr(module, "FORMATS", ()) and module is meta:
        # Instagram and Facebook exports look alike; a format the user chose names the platform.
        parsed = module.read_export(path, platform=recognition.format)
    elif hasattr(module, "read_export"):
        parsed = module.read_export(path)
    elif hasattr(module, "read_stream"):
        parsed = module.read_stream(path)
    else:
        parsed = module.read(path)
    assert isinstance(parsed, ParsedExport | StreamedExport | ManyChats)
    return parsed


def _stat_key(path: Path) -> tuple[int, int, int] | None:
    try:
        found = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


@dataclass
class OriginalReader:
    """Step 2 of adding a file: read what the stored original holds, and record it sealed."""

    vault: Vault
    note: str
    cancel: CancelToken | None
    on_bytes: Callable[[int], None]

    def read(
        self,
        item: ItemSummary,
        path: Path,
        recognition: registry.Recognition,
        warnings: list[ParseWarning],
        consumed: set[Path],
    ) -> AddResult:
        """What the stored `item` (the original at `path`) holds. Never raises but to cancel."""
        shown = display_path(path)
        step = Step.PARSE if recognition.is_export else Step.IMAGE
        before = _stat_key(path)
        try:
            if recognition.is_export:
                return self._export(item, path, recognition, warnings, consumed, before)
            if recognition.detected is not None and recognition.detected.category == Category.WEB_PAGE:
                step = Step.WEB_PAGE
                return self._web_page(item, path, recognition, warnings)
            return self._image(item, path, recognition, warnings)
        except CancelledError:
            raise
        except _Failed as failed:
            step, exc = failed.step, failed.cause
        except Exception as exc_:
            exc = exc_
        warnings.append(step_failed(display_path(path.name), step, exc))
        return self.kept_as_file(item, shown, recognition, warnings)

    def kept_as_file(
        self, item: ItemSummary, shown: str, recognition: registry.Recognition, warnings: list[ParseWarning]
    ) -> AddResult:
        """The original stays a plain file; its import report says why. Never raises but to cancel."""
        facts = ParsedFacts(ItemKind.FILE, recognition.media_type, registry.FILE, IMPORTER_VERSION)
        derived = [report(registry.FILE, warnings, media_type=recognition.media_type)]
        # When even this fails (the disk is full), the warnings are still shown to the user.
        with contextlib.suppress(Exception):
            self.vault.record_parsed(item.id, facts, derived=lambda _links: derived)
        return AddResult(path=shown, items=(item,), warnings=tuple(warnings), recognised_as=registry.FILE)

    def _record(
        self,
        item: ItemSummary,
        facts: ParsedFacts,
        derived: Callable[[dict[str, int]], Iterable[NewDerived]],
        children: list[NewChild] | None = None,
        later_children: Callable[[dict[str, int]], Iterable[NewChild]] = lambda _links: (),
    ) -> tuple[list[ItemSummary], list[tuple[str, EvidenceKitError]]]:
        try:
            record = self.vault.record_parsed(
                item.id,
                facts,
                children=children or [],
                derived=derived,
                later_children=later_children,
                cancel=self.cancel,
                on_bytes=self.on_bytes,
            )
        except (CancelledError, _Failed):
            raise
        except Exception as exc:
            raise _Failed(Step.RECORD, exc) from exc
        return record.children, record.failures

    def _image(
        self, item: ItemSummary, path: Path, recognition: registry.Recognition, warnings: list[ParseWarning]
    ) -> AddResult:
        kind, image_type, derived, times, image_warnings = image_derived(opener(path), path.name)
        warnings += image_warnings
        media_type = image_type or recognition.media_type
        recognised_as = registry.IMAGE if kind == ItemKind.IMAGE else registry.FILE
        derived.append(report(recognised_as, warnings, media_type=media_type))
        facts = ParsedFacts(kind, media_type, recognised_as, IMPORTER_VERSION, tuple(times))
        self._record(item, facts, lambda _links: derived)
        return AddResult(
            path=display_path(path),
            items=(self.vault.item(item.id),),
            warnings=tuple(warnings),
            recognised_as=recognised_as,
        )

    def _web_page(
        self, item: ItemSummary, path: Path, recognition: registry.Recognition, warnings: list[ParseWarning]
    ) -> AddResult:
        description = describe_file(opener(path), path.name)
        info = {
            "title": description.title,
            "url": description.url,
            "url_source": str(description.url_source) if description.url_source else None,
        }
        warnings += description.warnings
        derived = [
            derived_record(DERIVED_FILE_INFO, json.dumps(info, ensure_ascii=False).encode("utf-8")),
            report(registry.FILE, warnings, media_type=recognition.media_type),
        ]
        facts = ParsedFacts(ItemKind.FILE, recognition.media_type, registry.FILE, IMPORTER_VERSION)
        self._record(item, facts, lambda _links: derived)
        return AddResult(
            path=display_path(path),
            items=(self.vault.item(item.id),),
            warnings=tuple(warnings),
            recognised_as=registry.FILE,
        )

    def _export(
        self,
        item: ItemSummary,
        path: Path,
        recognition: registry.Recognition,
        warnings: list[ParseWarning],
        consumed: set[Path],
        before: tuple[int, int, int] | None,
    ) -> AddResult:
        try:
            parsed = parse(recognition)
        except CancelledError:
            raise
        except (EvidenceKitError, MemoryError, RecursionError, ValueError) as exc:
            # The expected way a parse ends badly: said as "not read as <format>".
            problem = _as_format_error(exc, path, recognition.format)
            warnings.append(not_parsed(path, problem, recognition.format))
            return self.kept_as_file(item, display_path(path), recognition, warnings)
        if isinstance(parsed, ManyChats):
            return self.record_many(item, path, recognition, parsed, warnings, consumed, before)
        return self.record_export(item, path, recognition, parsed, warnings, consumed, before)

    def record_many(
        self,
        item: ItemSummary,
        path: Path,
        recognition: registry.Recognition,
        parsed: ManyChats,
        warnings: list[ParseWarning],
        consumed: set[Path],
        before: tuple[int, int, int] | None,
    ) -> AddResult:
        """An export of several chats: this reader keeps it a plain file (`chat_children.py`
        gives the reader that stores each chat as a conversation of its own)."""
        detail = f"it holds {len(parsed.chats)} chats"
        problem = ImportFormatError(path=display_path(path), format=recognition.format, detail=detail)
        warnings.append(not_parsed(path, problem, recognition.format))
        return self.kept_as_file(item, display_path(path), recognition, warnings)

    def record_export(
        self,
        item: ItemSummary,
        path: Path,
        recognition: registry.Recognition,
        parsed: ParsedExport | StreamedExport,
        warnings: list[ParseWarning],
        consumed: set[Path] | None = None,
        before: tuple[int, int, int] | None = None,
    ) -> AddResult:
        """Record a parsed export: its messages, and the files it carries as items of their own.

        The messages are stored as they are read (a streamed conversation is never held whole),
        in parts, in the sealed transaction (`storage/conversation_store.py`). A parser that
        fails part-way rolls that transaction back; the original stays a plain file.
        """
        stream = as_stream(parsed)
        times, messages = content_time(stream)
        stream = replace(stream, messages=_read_guarded(messages, path, recognition.format, before))
        warnings += list(stream.warnings)
        # Each child is keyed by its position, not its name: two files of one name (a zip holding
        # a name twice, two e-mail attachments called image001.png) must both be stored and kept
        # apart in the ids the vault hands back. The names are put back in `links_by_name`.
        names = [embedded.name for embedded in parsed.files]
        try:
            children = [self._child(path, file, str(index)) for index, file in enumerate(parsed.files)]
        except CancelledError:
            raise
        except Exception as exc:
            raise _Failed(Step.ATTACHMENTS, exc) from exc
        missing = parsed.missing
        written = Written()

        def derived(stored: dict[str, int]) -> Iterator[NewDerived]:
            own_end = len(warnings)  # warnings the parser finds on the way follow its own
            links = links_by_name(names, stored, warnings)
            yield from conversation_records(
                stream, links=links, missing=missing, record=derived_record, written=written
            )
            warnings[own_end:own_end] = written.end.warnings
            yield report(
                recognition.format,
                warnings,
                messages=written.messages,
                attachments=len(stored),
                missing_attachments=list(missing),
            )

        facts = ParsedFacts(
            registry.kind_for_platform(stream.platform),
            recognition.media_type,
            recognition.format,
            IMPORTER_VERSION,
            tuple(times),
        )
        stored_children, failures = self._record(item, facts, derived, children)
        for embedded in parsed.files:
            if consumed is not None:
                consumed.add(_resolved(path.parent / embedded.name))
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
            path=display_path(path),
            items=(self.vault.item(item.id), *stored_children),
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
        meta_ = NewItem(
            original_name=name,
            original_path=f"{display_path(export_path)}!{embedded.name}",
            kind=kind,
            media_type=media_type,
            importer="attachment",
            importer_version=IMPORTER_VERSION,
            note=self.note,
            times=tuple(times),
        )
        return NewChild(name=key, open=embedded.open, meta=meta_, derived=derived)


def _read_guarded(
    messages: Iterable[Message], path: Path, format_name: str, before: tuple[int, int, int] | None
) -> Iterator[Message]:
    """The messages, read while they are stored: a parser that fails on the way is named as the
    step that failed (not as storing), and a file that changed while it was read is refused."""
    try:
        yield from messages
    except CancelledError:
        raise
    except (EvidenceKitError, MemoryError, RecursionError, ValueError) as exc:
        raise _Failed(Step.PARSE, _as_format_error(exc, path, format_name)) from exc
    except Exception as exc:
        raise _Failed(Step.PARSE, exc) from exc
    if before is not None and _stat_key(path) != before:
        changed = ImportFormatError(
            path=display_path(path), format=format_name, detail="the file changed while it was being read"
        )
        raise _Failed(Step.PARSE, changed)


def _as_format_error(exc: BaseException, path: Path, format_name: str) -> EvidenceKitError:
    if isinstance(exc, EvidenceKitError):
        return exc
    return ImportFormatError(path=display_path(path), format=format_name, detail=reason_of(exc))


class _Failed(Exception):
    """A step failed after the original was stored: which one, and why."""

    def __init__(self, step: Step, cause: BaseException) -> None:
        super().__init__(step)
        self.step = step
        self.cause = cause


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
