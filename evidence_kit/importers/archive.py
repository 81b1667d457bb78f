"""Reading untrusted zip files in memory, within limits, without ever extracting to disk.

Rule: a zip is a list of names and byte streams, nothing more. No member is ever written to the
file system, so a name like `../../etc/passwd` or `/abs/path` cannot escape anywhere; such names
are still reported as a `ParseWarning` because they are a sign of a crafted archive. Every number
an archive declares (member count, sizes, compression ratio) is checked before anything is
decompressed, and the same limits are enforced again on the bytes actually produced while a
member is streamed, so a zip bomb is refused quickly with a clear, typed error instead of
filling memory or disk. Anything the `zipfile` module raises for a damaged archive becomes
`CorruptArchiveError`; nothing else escapes.

Rule: a member is read by its entry in the central directory, never looked up by its name. A
zip can hold two entries of one name (appending a second is how a file is shadowed for readers
that take the last); each is read with its own bytes, and the archive is reported with a
warning. A name given instead of a member means the first entry of that name.

`ZipArchive` lists and reads members; `ZipArchive.opener(member)` returns a callable that opens
a fresh bounded stream each time, usable as `EmbeddedFile.open` after the archive is closed.
"""

from __future__ import annotations

import io
import struct
import threading
import weakref
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, BinaryIO

from evidence_kit.domain import ParseWarning
from evidence_kit.errors import ImportFormatError

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

# Exceptions the zipfile module (and the codecs below it) raise for damaged or hostile input.
_ZIP_FAILURES: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    struct.error,
    ValueError,
    OSError,
    NotImplementedError,  # unsupported compression method (deflate64, ...)
    RuntimeError,  # encrypted member ("password required")
    UnicodeDecodeError,
    IndexError,
    KeyError,
    OverflowError,
    MemoryError,
)


class ArchiveError(ImportFormatError):
    """Base of the archive reader's errors (a kind of ImportFormatError for the registry)."""

    template = "{path} could not be read as a zip archive: {detail}"


class CorruptArchiveError(ArchiveError):
    template = "{path} is a damaged or truncated zip archive: {detail}"


class ArchiveBombError(ArchiveError):
    template = "{path} was not unpacked because it looks like a zip bomb: {detail}"


class ArchiveLimitError(ArchiveError):
    template = "{path} was not unpacked because it exceeds a safety limit: {detail}"


@dataclass(frozen=True)
class ArchiveLimits:
    """How much an archive may claim and produce.

    The ratio limit is judged only for members (and archives) larger than `ratio_floor`: a small
    file is harmless whatever its ratio, and text compresses well. Media in a chat export barely
    compress, so a large member expanding more than `max_ratio` times is refused.
    """

    max_members: int = 20_000
    max_member_size: int = 4 * GIB
    max_total_size: int = 8 * GIB
    max_ratio: int = 200
    ratio_floor: int = 4 * MIB


DEFAULT_LIMITS = ArchiveLimits()


@dataclass(frozen=True)
class ArchiveMember:
    """One entry of the central directory, as declared (nothing decompressed yet).

    `index` is its position in the central directory: what it is read by, so two entries of
    one name each give their own bytes.
    """

    name: str
    size: int
    compressed_size: int
    is_dir: bool
    unsafe_name: bool
    modified: datetime | None
    index: int


def is_unsafe_name(name: str) -> bool:
    """True for names that would leave a target folder if someone did extract them."""
    if not name or "\x00" in name:
        return True
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return True
    return any(part == ".." for part in PurePosixPath(normalised).parts)


def _duplicate_warnings(members: list[ArchiveMember]) -> list[ParseWarning]:
    """One warning per name that more than one entry carries."""
    counts = Counter(m.name for m in members if not m.is_dir)
    return [
        ParseWarning(
            code="archive_duplicate_name",
            message="The archive holds {count} entries named {name}. Each was read from its own entry; "
            "two entries of one name can mean the archive was changed after it was made.",
            params=(("count", str(count)), ("name", name)),
        )
        for name, count in counts.items()
        if count > 1
    ]


def _member_time(info: zipfile.ZipInfo) -> datetime | None:
    try:
        return datetime(*info.date_time)
    except (TypeError, ValueError):
        return None


class BoundedStream(io.RawIOBase):
    """A read-only stream over a zip member that stops with ArchiveBombError past its limits.

    `limit` is the most bytes the member may produce (its declared size, capped by the member
    limit); `ratio_limit` is the most it may produce from its compressed size. Both are checked
    on the bytes actually read, so a lying central directory cannot get past them.
    """

    def __init__(
        self,
        inner: IO[bytes],
        *,
        limit: int,
        ratio_limit: int,
        path: str,
        format_name: str,
        member: str,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._inner = inner
        self._limit = limit
        self._ratio_limit = ratio_limit
        self._path = path
        self._format = format_name
        self._member = member
        self._on_close = on_close
        self._produced = 0

    @property
    def produced(self) -> int:
        return self._produced

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        try:
            data = self._inner.read(len(view))
        except ArchiveError:
            raise
        except _ZIP_FAILURES as exc:
            raise CorruptArchiveError(
                path=self._path, format=self._format, detail=f"member {self._member}: {exc}"
            ) from None
        count = len(data)
        self._produced += count
        if self._produced > self._ratio_limit:
            raise ArchiveBombError(
                path=self._path,
                format=self._format,
                detail=f"member {self._member} expands far beyond its compressed size",
            )
        if self._produced > self._limit:
            raise ArchiveBombError(
                path=self._path,
                format=self._format,
                detail=f"member {self._member} produces more bytes than it may",
            )
        view[:count] = data
        return count

    def close(self) -> None:
        if not self.closed:
            try:
                self._inner.close()
            except _ZIP_FAILURES:
                pass
            finally:
                if self._on_close is not None:
                    self._on_close()
        super().close()


def _open_zipfile(source: Path | bytes, path: str, format_name: str) -> zipfile.ZipFile:
    try:
        if isinstance(source, Path):
            return zipfile.ZipFile(source, "r")
        return zipfile.ZipFile(io.BytesIO(source), "r")
    except _ZIP_FAILURES as exc:
        raise CorruptArchiveError(path=path, format=format_name, detail=str(exc) or "not a zip") from None


def _bounded_member(
    zf: zipfile.ZipFile,
    member: ArchiveMember,
    *,
    cap: int,
    limits: ArchiveLimits,
    path: str,
    format_name: str,
    on_close: Callable[[], None] | None = None,
) -> BoundedStream:
    try:
        info = zf.infolist()[member.index]
        if info.filename != member.name:  # the same archive read twice lists the same entries
            raise zipfile.BadZipFile(f"entry {member.index} is no longer {member.name}")
        inner = zf.open(info, "r")
    except _ZIP_FAILURES as exc:
        detail = f"member {member.name}: {exc}"
        raise CorruptArchiveError(path=path, format=format_name, detail=detail) from None
    return BoundedStream(
        inner,
        limit=min(member.size, cap, limits.max_member_size),
        ratio_limit=max(limits.max_ratio * max(member.compressed_size, 1), limits.ratio_floor),
        path=path,
        format_name=format_name,
        member=member.name,
        on_close=on_close,
    )


class _ReopenedZip:
    """The archive opened once more, lazily, for every member opener made by one `ZipArchive`.

    It outlives `ZipArchive.close()` (children are read after the importer is done) and is
    closed when the last opener is dropped. zipfile lets several members be read from one open
    archive, so sharing it is safe; the lock only guards the lazy opening.
    """

    def __init__(self, source: Path | bytes, path: str, format_name: str) -> None:
        self._source, self._path, self._format = source, path, format_name
        self._zip: zipfile.ZipFile | None = None
        self._lock = threading.Lock()

    def get(self) -> zipfile.ZipFile:
        with self._lock:
            if self._zip is None:
                self._zip = _open_zipfile(self._source, self._path, self._format)
                weakref.finalize(self, self._zip.close)
            return self._zip


class ZipArchive:
    """An untrusted zip, opened from a path or from bytes, checked against `ArchiveLimits`.

    Construction reads only the central directory and refuses the archive (ArchiveBombError,
    ArchiveLimitError, CorruptArchiveError) when its declarations break a limit. Use as a
    context manager or call `close()`.
    """

    def __init__(
        self,
        source: Path | bytes,
        *,
        display_name: str | None = None,
        format_name: str = "zip",
        limits: ArchiveLimits = DEFAULT_LIMITS,
    ) -> None:
        self._source = source
        self._path = (
            display_name
            if display_name is not None
            else (str(source) if isinstance(source, Path) else "archive")
        )
        self._format = format_name
        self._limits = limits
        self._zip = self._open_zip()
        try:
            self.members, self.warnings = self._check()
        except BaseException:
            self._zip.close()
            raise
        self._by_name: dict[str, ArchiveMember] = {}
        for member in self.members:
            self._by_name.setdefault(member.name, member)  # the first entry of a name
        self._reopened: _ReopenedZip | None = None

    # -- opening -----------------------------------------------------------------------------

    def _archive_size(self) -> int:
        if isinstance(self._source, Path):
            try:
                return self._source.stat().st_size
            except OSError as exc:
                raise CorruptArchiveError(path=self._path, format=self._format, detail=str(exc)) from None
        return len(self._source)

    def _open_zip(self) -> zipfile.ZipFile:
        return _open_zipfile(self._source, self._path, self._format)

    def _error(self, cls: type[ArchiveError], detail: str) -> ArchiveError:
        return cls(path=self._path, format=self._format, detail=detail)

    def _check(self) -> tuple[tuple[ArchiveMember, ...], tuple[ParseWarning, ...]]:
        limits = self._limits
        try:
            infos = self._zip.infolist()
        except _ZIP_FAILURES as exc:
            raise self._error(CorruptArchiveError, str(exc)) from None
        if len(infos) > limits.max_members:
            raise self._error(ArchiveLimitError, f"{len(infos)} members (the limit is {limits.max_members})")
        members: list[ArchiveMember] = []
        warnings: list[ParseWarning] = []
        total = 0
        for index, info in enumerate(infos):
            size, packed = info.file_size, info.compress_size
            if size < 0 or packed < 0:
                raise self._error(CorruptArchiveError, f"member {info.filename} declares a negative size")
            if size > limits.max_member_size:
                raise self._error(
                    ArchiveLimitError,
                    f"member {info.filename} claims {size} bytes (the limit is {limits.max_member_size})",
                )
            if size > limits.ratio_floor and size > limits.max_ratio * max(packed, 1):
                raise self._error(
                    ArchiveBombError,
                    f"member {info.filename} claims {size} bytes from {packed} compressed bytes",
                )
            total += size
            unsafe = is_unsafe_name(info.filename)
            if unsafe:
                warnings.append(
                    ParseWarning(
                        code="archive_unsafe_name",
                        message="The archive holds a member named {name}, which points outside the "
                        "archive; it was read in memory only and nothing was written to disk.",
                        params=(("name", info.filename),),
                    )
                )
            members.append(
                ArchiveMember(
                    name=info.filename,
                    size=size,
                    compressed_size=packed,
                    is_dir=info.is_dir(),
                    unsafe_name=unsafe,
                    modified=_member_time(info),
                    index=index,
                )
            )
        warnings += _duplicate_warnings(members)
        archive_size = max(self._archive_size(), 1)
        if total > limits.max_total_size:
            raise self._error(
                ArchiveBombError if total > limits.max_ratio * archive_size else ArchiveLimitError,
                f"its members claim {total} bytes in all (the limit is {limits.max_total_size})",
            )
        if total > limits.ratio_floor and total > limits.max_ratio * archive_size:
            raise self._error(
                ArchiveBombError, f"its members claim {total} bytes from a {archive_size}-byte archive"
            )
        return tuple(members), tuple(warnings)

    # -- reading -----------------------------------------------------------------------------

    def member(self, name: str | ArchiveMember) -> ArchiveMember:
        """The member itself, or the first entry named `name` (KeyError when there is none)."""
        return name if isinstance(name, ArchiveMember) else self._by_name[name]

    def read(self, name: str | ArchiveMember, *, max_size: int) -> bytes:
        """The whole member, or ArchiveLimitError when it declares more than `max_size` bytes."""
        member = self.member(name)
        if member.size > max_size:
            raise self._error(
                ArchiveLimitError,
                f"member {member.name} is {member.size} bytes (the limit here is {max_size})",
            )
        stream = _bounded_member(
            self._zip, member, cap=max_size, limits=self._limits, path=self._path, format_name=self._format
        )
        with stream:
            chunks: list[bytes] = []
            while True:
                chunk = stream.read(MIB)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def opener(self, name: str | ArchiveMember) -> Callable[[], BinaryIO]:
        """A callable giving a fresh bounded stream of the member, valid after close().

        All openers of one archive share one reopened zip: opening it again per member would
        parse the whole central directory each time (an export of n files cost n² work).
        """
        member = self.member(name)
        path, format_name, limits = self._path, self._format, self._limits
        if self._reopened is None:
            self._reopened = _ReopenedZip(self._source, path, format_name)
        reopened = self._reopened

        def open_member() -> BinaryIO:
            raw = _bounded_member(
                reopened.get(),
                member,
                cap=limits.max_member_size,
                limits=limits,
                path=path,
                format_name=format_name,
            )
            return io.BufferedReader(raw, buffer_size=256 * KIB)

        return open_member

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> ZipArchive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
