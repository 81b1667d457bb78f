"""The vault folder on disk: its file names, atomic private writes, the one-opener lock, path text.

Rule: a vault is one folder (`keys.json`, `vault.db`, `vault.lock`, `README.txt`), 0700/0600;
while a transaction runs, SQLite keeps `vault.db-journal` beside the database. A copy of the
folder is a backup only when made by `backup.py`.
Every file the vault writes beside its database is written atomically with mode 0600 (a crash
leaves the old file or the new one, never half), and only one process at a time holds the
folder's lock: a second opener is turned away with `VaultInUseError`, never "database is locked".
(`settings.py` writes the settings file with the same `write_private_file`.) An original to store
is opened with `open_regular_file`, which never waits on a FIFO or a device.
"""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from pathlib import Path
from typing import BinaryIO

import filelock

from evidence_kit.errors import VaultInUseError, not_a_file_error

KEY_FILE = "keys.json"
DB_FILE = "vault.db"
LOCK_FILE = "vault.lock"
README_FILE = "README.txt"

# Neutral on purpose: the folder may sit on a shared computer, and this file is the one thing in
# it anybody can read. It names no program, no case and nothing about evidence.
README_TEXT = (
    "This folder holds encrypted data. Do not change or remove files in this folder.\n"
    "Make copies only with the program that made it: a copy made while it is in use can be broken.\n"
    "Deze map bevat versleutelde gegevens. Wijzig of verwijder geen bestanden in deze map.\n"
    "Maak alleen een kopie met het programma dat hem maakte: een kopie die wordt gemaakt terwijl\n"
    "het in gebruik is, kan kapot zijn.\n"
)


def write_private_file(path: Path, data: bytes) -> None:
    """Write atomically with mode 0600: a crash leaves the old file or the new one, never half."""
    tmp = path.with_name(f".{path.name}.tmp-{uuid.uuid4().hex}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def acquire_lock(folder: Path) -> filelock.BaseFileLock:
    """Take the folder's lock for the whole session, or say the vault is open elsewhere."""
    lock_path = folder / LOCK_FILE
    lock = filelock.FileLock(str(lock_path), mode=0o600)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout as exc:
        raise VaultInUseError(path=folder) from exc
    return lock


def display_path(value: str | os.PathLike[str]) -> str:
    """A path as text that SQLite can store: undecodable bytes become backslash escapes."""
    raw = os.fsencode(value)
    return raw.decode("utf-8", errors="backslashreplace")


def open_regular_file(path: Path, follow_links: bool) -> BinaryIO:
    """Open a file to store only if it is a regular file, never waiting on a FIFO or a device.

    O_NONBLOCK makes opening a FIFO return at once; `fstat` then refuses anything but a regular
    file before a byte is read. (`importers/paths.py` does the same for the batch's readers,
    which may not import storage.) `Vault.add_file` opens what it stores this way.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_a_file_error(display_path(path), mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
