"""Writing a package's files to disk: new files only, typed errors, and the deterministic zip.

Rule: every file of a package is created new with mode 0600 (it is evidence) and never
overwrites anything; an OS error becomes DiskFullError or PackageWriteError naming the path.
The zip holds the folder under one top folder, sorted, with fixed times and modes, so the same
folder always gives the same zip; it is written as "<name>.zip.partial" (visible, see
storage/partials.py) and renamed into place only when complete.
"""

from __future__ import annotations

import errno
import os
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from evidence_kit.errors import DiskFullError, EvidenceKitError, OutputExistsError
from evidence_kit.hashing import CHUNK_SIZE
from evidence_kit.storage.partials import partial_path, remove_partial

# Fixed zip entry time for entries written before 1980 (the zip format cannot say earlier).
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class PackageWriteError(EvidenceKitError):
    template = "Could not write the export package {path}: {detail}"


def os_error(exc: OSError, path: Path) -> EvidenceKitError:
    if exc.errno == errno.ENOSPC:
        return DiskFullError(path=str(path))
    return PackageWriteError(path=str(path), detail=exc.strerror or str(exc))


def create_file(path: Path) -> BinaryIO:
    """A new file, mode 0600 (evidence), never overwriting."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


def write_bytes(path: Path, data: bytes) -> None:
    with create_file(path) as handle:
        handle.write(data)


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    utc = moment.astimezone(UTC)
    if utc.year < 1980:
        return _ZIP_EPOCH
    return (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)


def package_files(root: Path) -> list[str]:
    """Every regular file under `root`, as sorted '/'-separated relative paths."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder).relative_to(root)
        for name in files:
            found.append((base / name).as_posix() if base != Path(".") else name)
    return sorted(found)


def write_zip(root: Path, zip_path: Path, *, top: str, moment: datetime, partial: Path | None = None) -> None:
    """One .zip of the folder: entries under `top/`, sorted, with fixed times and modes (deterministic).

    Written to `partial` (default: "<zip>.partial" beside it) and renamed to `zip_path` at the end;
    on any failure or interruption the partial is removed.
    """
    date_time = _zip_time(moment)
    if zip_path.absolute().is_relative_to(root.absolute()):
        raise PackageWriteError(path=str(zip_path), detail="the zip cannot be inside the folder it packs")
    if zip_path.exists() or zip_path.is_symlink():
        raise OutputExistsError(path=str(zip_path))
    partial = partial_path(zip_path) if partial is None else partial
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError as exc:
        raise OutputExistsError(path=str(partial)) from exc
    except OSError as exc:
        raise os_error(exc, zip_path) from exc
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
            for relative in package_files(root):
                source = root / relative
                info = zipfile.ZipInfo(f"{top}/{relative}", date_time=date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so the mode below means the same everywhere
                info.external_attr = (0o100600 & 0xFFFF) << 16
                info.file_size = source.stat().st_size
                with source.open("rb") as reader, archive.open(info, "w") as writer:
                    shutil.copyfileobj(reader, writer, CHUNK_SIZE)
            # Checked again just before the rename: never replace a file that appeared meanwhile.
        if zip_path.exists() or zip_path.is_symlink():
            raise OutputExistsError(path=str(zip_path))
        os.rename(partial, zip_path)
    except BaseException as exc:
        remove_partial(partial)
        if isinstance(exc, OSError):
            raise os_error(exc, zip_path) from exc
        raise
