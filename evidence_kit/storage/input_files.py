"""Opening a file the user asked to store: only a regular file, never waiting on a FIFO or a device.

Rule: a path is opened without blocking and refused by `fstat` unless it is a regular file,
before a byte is read (`importers/paths.py` does the same for the batch's readers).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from evidence_kit.errors import not_a_file_error
from evidence_kit.storage.folder import display_path


def open_regular_file(path: Path, follow_links: bool) -> BinaryIO:
    """Open a file to store only if it is a regular file, never waiting on a FIFO or a device.

    O_NONBLOCK makes opening a FIFO return at once; `fstat` then refuses anything but a regular
    file before a byte is read. (`importers/paths.py` does the same for the batch's readers,
    which may not import the vault.)
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
