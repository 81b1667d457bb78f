"""Reading a received package, a folder or a .zip, as untrusted input.

Rule: nothing is extracted to disk; a zip is read member by member in memory with size limits,
and names that could escape a folder (`../`, absolute paths, backslashes, drive letters), links
and encrypted members are set aside as `bad_names`, never paths we open. Only a path that is
neither a folder nor a readable zip raises `PackageUnreadableError`.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import IO

from evidence_kit.errors import EvidenceKitError
from evidence_kit.verify.package_format import MANIFEST_NAME

MAX_ZIP_ENTRIES = 1_000_000
# Files that operating systems drop into folders and zips on their own; never evidence.
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "ehthumbs.db"})
SYSTEM_FOLDERS = frozenset({"__MACOSX"})
# What reading a damaged file or zip member can raise: bad CRC or length (BadZipFile), broken
# deflate data (zlib.error), an unsupported compression method (NotImplementedError), ...
READ_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)


class PackageUnreadableError(EvidenceKitError):
    template = "{path} is not an Evidence Kit package that can be read (a folder or a .zip): {detail}"


def unsafe_reason(name: str) -> str | None:
    """Why a member name could not be a package path, or None when it is fine."""
    if not name or "\x00" in name:
        return "empty or NUL in the name"
    if "\\" in name:
        return "backslash in the name"
    if name.startswith("/"):
        return "absolute path"
    parts = name.split("/")
    if ":" in parts[0]:
        return "drive letter or colon"
    if any(part in ("", ".", "..") for part in parts):
        return "'..', '.' or an empty folder name"
    if any(unicodedata.category(char) == "Cc" for char in name):
        return "control character in the name"
    return None


def is_system_file(name: str) -> bool:
    parts = name.split("/")
    return parts[-1] in SYSTEM_FILES or parts[-1].startswith("._") or any(p in SYSTEM_FOLDERS for p in parts)


class PackageSource:
    """The package's files by '/'-separated relative path (NFC), however they are stored."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.sizes: dict[str, int] = {}
        self.bad_names: list[tuple[str, str]] = []  # (shown name, reason)

    def open(self, name: str) -> IO[bytes]:
        raise NotImplementedError

    def close(self) -> None:
        """Nothing to release by default."""

    def read(self, name: str, limit: int) -> bytes | None:
        """The whole file, or None when it is larger than `limit`."""
        if self.sizes[name] > limit:
            return None
        with self.open(name) as stream:
            data = stream.read(limit + 1)
        return None if len(data) > limit else data


class FolderSource(PackageSource):
    def __init__(self, root: Path) -> None:
        super().__init__(str(root))
        self.root = root
        self.actual: dict[str, str] = {}
        for folder, dirs, files in os.walk(root, followlinks=False):
            base = Path(folder).relative_to(root)
            for name in sorted(dirs):
                if (Path(folder) / name).is_symlink():
                    self.bad_names.append((self._shown(base / name), "a link to another place"))
            dirs.sort()
            for name in sorted(files):
                full = Path(folder) / name
                shown = self._shown(base / name)
                info = full.lstat()
                if stat.S_ISLNK(info.st_mode):
                    self.bad_names.append((shown, "a link to another place"))
                    continue
                if not stat.S_ISREG(info.st_mode):
                    self.bad_names.append((shown, "not a regular file"))
                    continue
                relative = (base / name).as_posix()
                # NFC: a Mac or a zip tool may have stored the same name decomposed.
                key = unicodedata.normalize("NFC", relative)
                if key in self.sizes:
                    self.bad_names.append((shown, "two files with the same name"))
                    continue
                self.sizes[key] = info.st_size
                self.actual[key] = relative

    @staticmethod
    def _shown(relative: Path) -> str:
        return os.fsencode(relative.as_posix()).decode("utf-8", errors="backslashreplace")

    def open(self, name: str) -> IO[bytes]:
        return (self.root / self.actual[name]).open("rb")


class ZipSource(PackageSource):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        try:
            self.archive = zipfile.ZipFile(path)
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise PackageUnreadableError(path=str(path), detail=str(exc)) from exc
        if len(infos) > MAX_ZIP_ENTRIES:
            self.archive.close()
            raise PackageUnreadableError(path=str(path), detail="too many entries")
        files = [info for info in infos if not info.is_dir()]
        prefix = self._common_top(files)
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in files:
            name = info.filename
            reason = unsafe_reason(name)
            if reason is None and info.flag_bits & 0x1:
                reason = "encrypted"
            if reason is not None:
                self.bad_names.append((name, reason))
                continue
            relative = unicodedata.normalize("NFC", name[len(prefix) :] if name.startswith(prefix) else name)
            if relative in self.infos:
                self.bad_names.append((name, "two files with the same name"))
                continue
            self.infos[relative] = info
            self.sizes[relative] = info.file_size

    @staticmethod
    def _common_top(files: list[zipfile.ZipInfo]) -> str:
        """'folder/' when the zip holds the package inside one top folder (as finish_package writes it).

        Decided on the safe names only, so a hostile extra member cannot hide the package.
        """
        names = [info.filename for info in files if unsafe_reason(info.filename) is None]
        if not names or MANIFEST_NAME in names:
            return ""
        tops = {name.split("/", 1)[0] + "/" for name in names if name.endswith("/" + MANIFEST_NAME)}
        tops = {top for top in tops if top + MANIFEST_NAME in names}
        if len(tops) == 1:
            return tops.pop()
        firsts = {name.split("/", 1)[0] + "/" for name in names}
        if len(firsts) == 1 and all("/" in name for name in names):
            return firsts.pop()  # one top folder whose manifest.json is missing
        return ""

    def open(self, name: str) -> IO[bytes]:
        return self.archive.open(self.infos[name])

    def close(self) -> None:
        self.archive.close()


def open_source(path: Path) -> PackageSource:
    if path.is_dir():
        try:
            return FolderSource(path)
        except OSError as exc:
            raise PackageUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from exc
    if path.is_file():
        return ZipSource(path)
    raise PackageUnreadableError(path=str(path), detail="no such folder or file")
