"""Which paths of a batch are files to read, and opening them without ever blocking.

Rules:
- Only regular files are read. What a path is gets decided with `lstat` / `stat` before
  anything opens it, so a device, a FIFO or a socket is never opened: a FIFO would block
  `open()` forever, `/dev/zero` would fill the disk.
- Inside a folder, symbolic links are not followed, whether they point at a file, a folder, or
  nowhere: each is listed as skipped, with what it points to, and nothing outside the folder
  is read through it (a link to `/etc/shadow` never becomes evidence). Devices, FIFOs and
  sockets found in a folder are skipped the same way. Skipped on purpose is not a failure.
- A link the user names is followed only when it ends at a regular file; the file it points
  to is read, and the report says it was reached through the link. A dangling link, a loop,
  or a link to a folder, a device, a FIFO or a socket is refused (a failure of that path).
- Between the check and the open the path could be swapped. So files are opened with
  `O_NONBLOCK` (an open of a FIFO returns at once), `O_NOFOLLOW` (a link slipped in is not
  followed) and `O_NOCTTY`, and `fstat` must show a regular file before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evidence_kit.errors import (
    DanglingLinkError,
    EvidenceKitError,
    FileUnreadableError,
    LinkLoopError,
    LinkNotFollowedError,
    LinkToFolderError,
    LinkToSpecialError,
    not_a_file_error,
)
from evidence_kit.storage.folder import display_path


@dataclass(frozen=True)
class Found:
    """One path of a batch: the file to read, or why nothing is read.

    `path` is what the report names (as given, or as found in a folder); `read` is the regular
    file to open (the file a named link points to, resolved), None when nothing is read.
    `skipped` marks a path left out on purpose inside a folder: reported, not a failure.
    `via_link` is set when a named link was followed: it is the file the link led to.
    """

    path: Path
    read: Path | None = None
    problem: EvidenceKitError | None = None
    skipped: bool = False
    via_link: Path | None = None


def _unreadable(path: Path, exc: OSError) -> FileUnreadableError:
    return FileUnreadableError(path=display_path(path), detail=exc.strerror or str(exc))


def link_target(path: Path) -> str:
    """What a link says it points to, as text (never followed to find out)."""
    try:
        return display_path(os.readlink(path))
    except OSError as exc:
        return f"? ({exc.strerror or exc})"


def _named_link(path: Path) -> Found:
    """A link the user named: followed only when it ends at a regular file."""
    shown, target = display_path(path), link_target(path)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Found(path, problem=LinkLoopError(path=shown, target=target))
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return Found(path, problem=DanglingLinkError(path=shown, target=target))
        return Found(path, problem=_unreadable(path, exc))
    resolved = Path(os.path.realpath(path))
    if stat.S_ISREG(mode):
        return Found(path, read=resolved, via_link=resolved)
    if stat.S_ISDIR(mode):
        return Found(path, problem=LinkToFolderError(path=shown, target=display_path(resolved)))
    return Found(path, problem=LinkToSpecialError(path=shown, target=display_path(resolved)))


def _walk(root: Path) -> Iterator[Found]:
    """Everything under a folder, in a stable order: each folder's entries sorted by name,
    its files before its subfolders (as `os.walk` gave them). Iterative, so a deeply nested
    folder cannot exhaust Python's recursion limit."""
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            yield Found(folder, problem=_unreadable(folder, exc))
            continue
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                yield Found(path, problem=_unreadable(path, exc))
                continue
            if stat.S_ISLNK(mode):
                problem = LinkNotFollowedError(path=display_path(path), target=link_target(path))
                yield Found(path, problem=problem, skipped=True)
            elif stat.S_ISDIR(mode):
                subfolders.append(path)
            elif stat.S_ISREG(mode):
                yield Found(path, read=path)
            else:
                yield Found(path, problem=not_a_file_error(display_path(path), mode), skipped=True)
        pending.extend(reversed(subfolders))


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Found]:
    """Every path of a batch, folders walked: files to read, and what is skipped or refused."""
    for given in paths:
        path = Path(given)
        try:
            mode = os.lstat(path).st_mode
        except OSError as exc:
            yield Found(path, problem=_unreadable(path, exc))
            continue
        if stat.S_ISLNK(mode):
            yield _named_link(path)
        elif stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield Found(path, read=path)
        else:
            yield Found(path, problem=not_a_file_error(display_path(path), mode))


# O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; O_NOCTTY: a
# terminal device can never become our controlling terminal. Both only matter if the path was
# swapped after it was checked; for a regular file they change nothing.
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


def open_regular(path: Path, *, follow_links: bool = False) -> BinaryIO:
    """Open a file for reading only when it is, at the moment of opening, a regular file.

    Raises OSError when it cannot be opened (ELOOP when it has become a link and links are not
    followed) and a `NotAFileError` when the opened entry is not a regular file.
    """
    fd = os.open(path, _READ_FLAGS | (0 if follow_links else os.O_NOFOLLOW))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_a_file_error(display_path(path), mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
