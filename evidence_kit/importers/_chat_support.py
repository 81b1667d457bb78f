"""Shared ground for the JSON and HTML chat importers (Telegram, Meta, Discord).

Rule: these importers read untrusted exports, so everything they touch goes through here with
one discipline. Text keeps what a person typed and loses only the invisible bidi marks the
importer protocol drops; a character that cannot be stored (a lone UTF-16 surrogate from a
`\\ud83d` JSON escape, an undecodable byte) becomes U+FFFD and is counted in a warning. Files an
export carries are reached only through an `ExportTree`, which names them by relative POSIX path
and refuses absolute paths, `..`, and symbolic links, so an export can never make us read a
file outside the folder or zip the user chose. Nothing is ever written to disk.

What lives here: `clean_text`, the `WarningLog` that counts repeated problems into one
warning, `load_json` (size cap, BOM, invalid UTF-8, malformed JSON as a typed error), small
typed accessors for JSON values, `ExportTree` over a folder or a zip, and `parse_html` /
`html_text` that keep control characters written as `&#x07;` references (Python's HTML
unescaping would silently drop them).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from evidence_kit.domain import ParseWarning
from evidence_kit.errors import EvidenceKitError, FileUnreadableError, ImportFormatError
from evidence_kit.importers.archive import ArchiveMember, ZipArchive
from evidence_kit.importers.paths import open_regular

MIB = 1024 * 1024
MAX_EXPORT_BYTES = 256 * MIB
TOO_LARGE = "too large to parse as a chat; stored as a plain file"
# A folder export is listed, not read; past this many files the listing stops (a wrong folder).
MAX_LISTED_FILES = 200_000

# The invisible marks the importer protocol drops from message text.
_BIDI = str.maketrans(
    dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"


def strip_marks(value: str) -> str:
    """`value` without the bidi marks U+200E/U+200F/U+202A-U+202E/U+2066-U+2069."""
    return value.translate(_BIDI)


def fix_surrogates(value: str) -> tuple[str, int]:
    """Lone surrogates (from JSON escapes like "\\ud800") replaced by U+FFFD, and how many."""
    if not _SURROGATE.search(value):
        return value, 0
    return _SURROGATE.subn(_REPLACEMENT, value)


# ---------------------------------------------------------------------------------------------
# Warnings
# ---------------------------------------------------------------------------------------------


@dataclass
class _Tally:
    message: str
    params: dict[str, str]
    count: int = 0


@dataclass
class WarningLog:
    """Warnings in the order they first happened; a repeated problem becomes one counted warning.

    `add` records one warning as it is. `tally` counts a problem by its code: its message must
    hold `{count}`, and the parameters of the first occurrence (an example) are kept. The message
    is always passed as `message=` so the translation catalog's extractor finds the literal.
    """

    _items: list[ParseWarning | str] = field(default_factory=list)
    _tallies: dict[str, _Tally] = field(default_factory=dict)

    def add(self, code: str, /, *, message: str, line: int | None = None, **params: str) -> None:
        self._items.append(
            ParseWarning(code=code, message=message, params=tuple(sorted(params.items())), line=line)
        )

    def tally(self, code: str, /, *, message: str, amount: int = 1, **params: str) -> None:
        if amount <= 0:
            return
        known = self._tallies.get(code)
        if known is None:
            known = self._tallies[code] = _Tally(message=message, params=dict(params))
            self._items.append(code)
        known.count += amount

    def extend(self, warnings: Iterable[ParseWarning]) -> None:
        self._items.extend(warnings)

    def text(self, value: str) -> str:
        """`value` made storable (see `fix_surrogates`), counting any repair."""
        fixed, bad = fix_surrogates(value)
        self.tally(
            "invalid_character",
            message="{count} characters could not be read (lone UTF-16 surrogates) and are shown as U+FFFD.",
            amount=bad,
        )
        return fixed

    def warnings(self) -> tuple[ParseWarning, ...]:
        out: list[ParseWarning] = []
        for item in self._items:
            if isinstance(item, ParseWarning):
                out.append(item)
                continue
            tally = self._tallies[item]
            params = dict(tally.params)
            params["count"] = str(tally.count)
            out.append(ParseWarning(code=item, message=tally.message, params=tuple(sorted(params.items()))))
        return tuple(out)


def clean_text(value: str, log: WarningLog) -> str:
    """Message text as the protocol keeps it: bidi marks dropped, unstorable characters replaced."""
    return strip_marks(log.text(value))


def missing_warning(log: WarningLog, missing: Sequence[str]) -> None:
    """The protocol's warning for files the messages name that the export does not hold."""
    if not missing:
        return
    unique = list(dict.fromkeys(missing))
    shown = ", ".join(unique[:10]) + (", …" if len(unique) > 10 else "")
    log.add(
        "attachments_missing",
        message="{count} files the messages refer to are not in the export: {names}.",
        count=str(len(unique)),
        names=shown,
    )


# ---------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------


def decode_text(data: bytes, log: WarningLog) -> str:
    """Bytes of a UTF-8 (or BOM-marked UTF-16) export as text; bad bytes become U+FFFD, counted."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = max(text.count(_REPLACEMENT) - data.decode(encoding, errors="ignore").count(_REPLACEMENT), 1)
        log.add(
            "invalid_utf8",
            message="The export is not valid UTF-8: {count} unreadable bytes were shown as U+FFFD.",
            count=str(bad),
        )
        return text


def load_json(data: bytes, *, path: str, format_name: str, log: WarningLog) -> object:
    """Parse a JSON export held in memory, or raise ImportFormatError saying why it is not JSON."""
    if len(data) > MAX_EXPORT_BYTES:
        raise ImportFormatError(path=path, format=format_name, detail=TOO_LARGE)
    text = decode_text(data, log)
    try:
        return json.loads(text)
    except RecursionError:
        raise ImportFormatError(
            path=path, format=format_name, detail="the JSON is nested too deeply"
        ) from None
    except ValueError as exc:  # JSONDecodeError, and integers longer than Python allows
        detail = f"not valid JSON ({str(exc).split(':')[0][:120]})"
        raise ImportFormatError(path=path, format=format_name, detail=detail) from None


def get_str(obj: Mapping[str, object], key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) else None


def get_int(obj: Mapping[str, object], key: str) -> int | None:
    """An integer, also when written as a string of digits (Telegram writes epochs as strings)."""
    value = obj.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    if isinstance(value, str) and 0 < len(value) <= 20 and re.fullmatch(r"-?[0-9]+", value):
        return int(value)
    return None


def get_dict(obj: Mapping[str, object], key: str) -> dict[str, object] | None:
    value = obj.get(key)
    return value if isinstance(value, dict) else None


def get_list(obj: Mapping[str, object], key: str) -> list[object]:
    value = obj.get(key)
    return value if isinstance(value, list) else []


def dicts(values: Iterable[object]) -> list[dict[str, object]]:
    return [value for value in values if isinstance(value, dict)]


def id_text(obj: Mapping[str, object], key: str) -> str | None:
    """An identifier written as a number or a string, as text."""
    value = obj.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


# ---------------------------------------------------------------------------------------------
# The files of an export: a folder or a zip
# ---------------------------------------------------------------------------------------------


def normalise_name(name: str) -> str | None:
    """A relative POSIX name inside an export, or None when it would point outside it."""
    if not name or "\x00" in name:
        return None
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return None
    parts = [part for part in PurePosixPath(name).parts if part not in ("", ".")]
    if not parts or any(part == ".." for part in parts):
        return None
    return "/".join(parts)


def join_name(folder: str, relative: str) -> str | None:
    """`relative` (which may use `..`) taken from inside `folder`, kept inside the export."""
    if not relative or "\x00" in relative:
        return None
    relative = relative.replace("\\", "/")
    if relative.startswith("/") or re.match(r"[A-Za-z]:", relative) or "://" in relative:
        return None
    parts: list[str] = [part for part in folder.split("/") if part]
    for part in relative.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
            continue
        parts.append(part)
    return "/".join(parts) if parts else None


class ExportTree:
    """Read access to the files of one export, by relative POSIX name."""

    label: str
    warnings: tuple[ParseWarning, ...] = ()  # what opening the tree found (unsafe zip member names)

    def names(self) -> list[str]:
        raise NotImplementedError

    def is_file(self, name: str) -> bool:
        raise NotImplementedError

    def size(self, name: str) -> int | None:
        raise NotImplementedError

    def read(self, name: str, *, format_name: str) -> bytes:
        raise NotImplementedError

    def opener(self, name: str) -> Callable[[], BinaryIO]:
        raise NotImplementedError

    def head(self, name: str, size: int = 65536) -> bytes:
        """The first `size` bytes of a file (empty when it cannot be read): for recognising it."""
        try:
            with self.opener(name)() as stream:
                return stream.read(size)
        except (EvidenceKitError, OSError, KeyError):
            return b""

    def close(self) -> None:
        """Release what the tree holds open (a zip); openers stay usable."""


def _open_file(path: Path) -> Callable[[], BinaryIO]:
    def open_file() -> BinaryIO:
        try:
            return open_regular(path)  # never blocks, even if swapped for a FIFO since the check
        except OSError as exc:
            raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None

    return open_file


class FolderTree(ExportTree):
    """An export folder on disk. Symbolic links are never followed, neither listed nor read."""

    def __init__(self, root: Path, label: str | None = None) -> None:
        self.root = root
        self.label = label if label is not None else str(root)
        self._listing: list[str] | None = None

    def _path(self, name: str) -> Path | None:
        clean = normalise_name(name)
        if clean is None:
            return None
        path = self.root
        try:
            for part in clean.split("/"):
                path = path / part
                mode = os.lstat(path).st_mode
                if stat.S_ISLNK(mode):
                    return None
        except (OSError, ValueError):
            return None
        return path if stat.S_ISREG(mode) else None

    def names(self) -> list[str]:
        if self._listing is None:
            found: list[str] = []
            for folder, dirs, files in os.walk(self.root, followlinks=False):
                dirs.sort()
                relative = Path(folder).relative_to(self.root).as_posix()
                for file_name in sorted(files):
                    found.append(file_name if relative == "." else f"{relative}/{file_name}")
                if len(found) > MAX_LISTED_FILES:
                    break
            self._listing = found
        return self._listing

    def is_file(self, name: str) -> bool:
        return self._path(name) is not None

    def size(self, name: str) -> int | None:
        path = self._path(name)
        try:
            return path.stat().st_size if path is not None else None
        except OSError:
            return None

    def read(self, name: str, *, format_name: str) -> bytes:
        path = self._path(name)
        if path is None:
            raise ImportFormatError(
                path=f"{self.label}/{name}", format=format_name, detail="the file is missing"
            )
        try:
            if path.stat().st_size > MAX_EXPORT_BYTES:
                raise ImportFormatError(path=str(path), format=format_name, detail=TOO_LARGE)
            return path.read_bytes()
        except OSError as exc:
            raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None

    def opener(self, name: str) -> Callable[[], BinaryIO]:
        path = self._path(name)
        if path is None:
            raise KeyError(name)
        return _open_file(path)


class ZipTree(ExportTree):
    """An export zip, read in memory through the bounded `ZipArchive` (zip bombs, `../` names)."""

    def __init__(self, path: Path, *, format_name: str) -> None:
        self.label = str(path)
        self._archive = ZipArchive(path, display_name=str(path), format_name=format_name)
        # Members by normalised name ("a\\b.jpg" is "a/b.jpg"); of a name held twice, the first entry.
        self._files: dict[str, ArchiveMember] = {}
        for member in self._archive.members:
            clean = normalise_name(member.name)
            if not member.is_dir and not member.unsafe_name and clean is not None:
                self._files.setdefault(clean, member)
        self.warnings = self._archive.warnings

    def names(self) -> list[str]:
        return sorted(self._files)

    def is_file(self, name: str) -> bool:
        return name in self._files

    def size(self, name: str) -> int | None:
        member = self._files.get(name)
        return member.size if member is not None else None

    def read(self, name: str, *, format_name: str) -> bytes:
        member = self._files.get(name)
        if member is None:
            raise ImportFormatError(
                path=f"{self.label}/{name}", format=format_name, detail="the file is missing"
            )
        return self._archive.read(member, max_size=MAX_EXPORT_BYTES)

    def opener(self, name: str) -> Callable[[], BinaryIO]:
        return self._archive.opener(self._files[name])

    def close(self) -> None:
        self._archive.close()


def is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False


def open_tree(path: Path, *, format_name: str) -> tuple[ExportTree, str | None]:
    """The tree holding `path` and the name of `path` in it (None when `path` is the tree itself).

    A folder is its own tree; a zip is read as a tree; a single file is a member of the tree of
    its folder (so the files its messages name can be found beside it).
    """
    try:
        if path.is_dir():
            return FolderTree(path), None
        if is_zip(path):
            return ZipTree(path, format_name=format_name), None
        return FolderTree(path.parent), path.name
    except OSError as exc:
        raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None


def zip_names_in_head(head: bytes) -> list[str]:
    """Names of the zip members whose local headers start within `head` (a cheap sniff)."""
    names: list[str] = []
    for match in re.finditer(rb"PK\x03\x04", head):
        start = match.start()
        if start + 30 > len(head):
            break
        length = int.from_bytes(head[start + 26 : start + 28], "little")
        names.append(head[start + 30 : start + 30 + length].decode("utf-8", errors="replace"))
        if len(names) >= 256:
            break
    return names


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

# Python's HTML unescaping drops or rewrites references to control characters (&#x07; becomes
# nothing, &#x85; becomes "…"), yet they are what the person typed. Before parsing they are
# turned into a private two-character escape (U+E000 then U+E100+code) and restored when the
# text is read. A literal U+E000 in the input is doubled so it can never be taken for an escape.
_ESC = "\ue000"
_CTRL_BASE = 0xE100
_PROTECT = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));|\ue000")
_RESTORE = re.compile("\ue000(.)", re.DOTALL)


def _protect(match: re.Match[str]) -> str:
    whole = match.group(0)
    if whole == _ESC:
        return _ESC + _ESC
    hex_digits, dec_digits = match.group(1), match.group(2)
    code = int(hex_digits, 16) if hex_digits is not None else int(dec_digits)
    if (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0x7F <= code <= 0x9F:
        return _ESC + chr(_CTRL_BASE + code)
    return whole


def _restore_one(match: re.Match[str]) -> str:
    char = match.group(1)
    if char == _ESC:
        return _ESC
    code = ord(char) - _CTRL_BASE
    return chr(code) if 0 <= code <= 0x9F else char


def restore(value: str) -> str:
    """Undo the control-character escape in text or an attribute read from `parse_html`."""
    return _RESTORE.sub(_restore_one, value) if _ESC in value else value


class _EveryTag(frozenset[str]):
    """Every tag name: BeautifulSoup otherwise turns a text of only spaces into one space."""

    def __contains__(self, item: object) -> bool:
        return True


# Exported chat pages nest about fifteen elements deep. A page nested far deeper is not an export,
# and reading text out of it would take time quadratic in its depth, so it is refused up front.
MAX_HTML_DEPTH = 400
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*?(/?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def html_depth(text: str, limit: int = MAX_HTML_DEPTH) -> int:
    """How deeply the tags of `text` nest (counting opens against closes), stopping past `limit`."""
    depth = deepest = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def parse_html(text: str, *, path: str, format_name: str) -> BeautifulSoup:
    """A forgiving parse (Python's html.parser: no network, no entities beyond HTML's own) that
    keeps every space as written, also between inline tags ("<b>a</b>   <i>b</i>").

    Raises ImportFormatError for a page nested deeper than any export (see MAX_HTML_DEPTH).
    """
    if html_depth(text) > MAX_HTML_DEPTH:
        raise ImportFormatError(path=path, format=format_name, detail="the HTML is nested too deeply")
    return BeautifulSoup(_PROTECT.sub(_protect, text), "html.parser", preserve_whitespace_tags=_EveryTag())


_INNER_LAYOUT = re.compile(r"\n *")
_TRAILING_LAYOUT = re.compile(r"\n *\Z")


def _excluded(node: object, root: Tag, exclude: Callable[[Tag], bool]) -> bool:
    parent = getattr(node, "parent", None)
    while parent is not None and parent is not root:
        if isinstance(parent, Tag) and exclude(parent):
            return True
        parent = parent.parent
    return False


def html_text(
    element: Tag, *, structural_newlines: bool = False, exclude: Callable[[Tag], bool] | None = None
) -> str:
    """The text of `element` as shown: <br> is a line break, markup is dropped.

    With `structural_newlines` the literal newlines are taken as layout, the way Telegram
    Desktop writes: it turns every typed line break into <br> and lays out its markup as
    "<div>" + "\n" + content + "\n" + indentation + "</div>". So one newline right after the
    opening tag and a newline with indentation at the end are dropped (typed spaces after the
    first newline are kept), and any other literal newline with its indentation too.
    Subtrees for which `exclude` is true are left out.
    """
    parts: list[str | None] = []  # None is a <br>
    for node in element.descendants:
        if exclude is not None and _excluded(node, element, exclude):
            continue
        if isinstance(node, Tag):
            if exclude is not None and exclude(node):
                continue
            if node.name == "br":
                parts.append(None)
            continue
        if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(node, NavigableString):
            parts.append(str(node))
    if structural_newlines:
        texts = [index for index, part in enumerate(parts) if part is not None]
        if texts:
            first, last = texts[0], texts[-1]
            head = parts[first] or ""
            parts[first] = head[1:] if head.startswith("\n") else head
            parts[last] = _TRAILING_LAYOUT.sub("", parts[last] or "")
            parts = [_INNER_LAYOUT.sub("", part) if part is not None else None for part in parts]
    return restore("".join("\n" if part is None else part for part in parts))


def classes(element: Tag) -> list[str]:
    value = element.get("class")
    if isinstance(value, list):
        return [str(item) for item in value]
    return value.split() if isinstance(value, str) else []


def attribute(element: Tag, name: str) -> str | None:
    value = element.get(name)
    if isinstance(value, list):
        value = " ".join(str(item) for item in value)
    return restore(value) if isinstance(value, str) else None
