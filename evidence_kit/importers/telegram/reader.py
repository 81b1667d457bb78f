"""Reading a Telegram Desktop export from a path: `read_all` and `read`.

This is where the package's rule is kept (see `__init__`): `read_all` gives one `ParsedExport`
per chat, and `read` gives the chat only when there is exactly one, else it raises
`TelegramMultipleChatsError`.

`path` is `result.json`, an HTML chat page, the export folder, or a zip of it. A folder holding
both `result.json` and `messages.html` (both formats exported) is read from the JSON, which
alone carries account ids and Unix times.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from evidence_kit.domain import ManyChats, ParsedExport, StreamedExport
from evidence_kit.errors import FileUnreadableError, ImportFormatError
from evidence_kit.importers._chat_support import ExportTree, FolderTree, open_tree
from evidence_kit.importers.common import folder_of, starts_json_object
from evidence_kit.importers.many_chats import many_from_exports
from evidence_kit.importers.telegram.chat import FORMAT
from evidence_kit.importers.telegram.html_export import HTML_PAGE, html_chat, html_chats
from evidence_kit.importers.telegram.json_document import read_json
from evidence_kit.importers.telegram.json_stream_export import streamed_json
from evidence_kit.importers.telegram.recognition import html_head, json_head


class TelegramMultipleChatsError(ImportFormatError):
    """A whole-account export holds several chats: read them with `read_all`."""

    template = "{path} is a Telegram export of {count} chats; each chat has to be read on its own."


def _shallowest(names: list[str], file_name: str) -> str | None:
    found = [n for n in names if PurePosixPath(n).name == file_name and "__MACOSX" not in n]
    return min(found, key=lambda n: (n.count("/"), n)) if found else None


def _head(tree: ExportTree, member: str) -> bytes:
    """The first 64 KiB of `member`, never the whole file (the JSON is read as a stream); a file
    that cannot be read says so, as reading it whole did."""
    try:
        with tree.opener(member)() as stream:
            return stream.read(65536)
    except KeyError:
        raise ImportFormatError(
            path=f"{tree.label}/{member}", format=FORMAT, detail="the file is missing"
        ) from None
    except OSError as exc:
        raise FileUnreadableError(path=f"{tree.label}/{member}", detail=exc.strerror or str(exc)) from None


def _read_member(tree: ExportTree, member: str, display: str) -> list[ParsedExport]:
    head = _head(tree, member)
    if json_head(head) or starts_json_object(head):
        return read_json(tree, member, display)
    if b"<" not in head[:4096]:
        raise ImportFormatError(path=display, format=FORMAT, detail="not a Telegram Desktop export")
    folder = folder_of(member)
    siblings = [
        n
        for n in tree.names()
        if PurePosixPath(n).parent == PurePosixPath(member).parent
        and HTML_PAGE.fullmatch(PurePosixPath(n).name)
        and n != member
    ]
    if not html_head(head):
        raise ImportFormatError(path=display, format=FORMAT, detail="not a Telegram Desktop chat page")
    # A page of a whole-account export (chats/chat_001/) names its files from the export's root.
    nested = re.fullmatch(r"(?:(.*)/)?chats/chat_[^/]+", folder)
    base = (nested.group(1) or "") if nested else folder
    return [html_chat(tree, [member], base, partial=bool(siblings))]


def _whole_account_root(path: Path) -> tuple[Path, str] | None:
    """For a page inside a whole-account HTML export (chats/chat_001/messages.html): its root."""
    chat_folder = path.parent
    root = chat_folder.parent.parent
    if chat_folder.parent.name == "chats" and (root / "export_results.html").is_file():
        return root, f"chats/{chat_folder.name}/{path.name}"
    return None


def read_all(path: Path) -> list[ParsedExport]:
    """Every chat of the Telegram Desktop export at `path`, one `ParsedExport` per chat.

    `path` is `result.json`, an HTML chat page, the export folder, or a zip of it.
    """
    path = Path(path)
    display = str(path)
    tree, member = open_tree(path, format_name=FORMAT)
    try:
        if member is not None:
            if path.suffix.lower() in (".html", ".htm"):
                nested = _whole_account_root(path)
                if nested is not None:
                    tree.close()
                    tree, member = FolderTree(nested[0]), nested[1]
            return _read_member(tree, member, display)
        names = tree.names()
        result_json = _shallowest(names, "result.json")
        if result_json is not None:
            return read_json(tree, result_json, f"{display}/{result_json}")
        page = _shallowest(names, "messages.html")
        index = _shallowest(names, "export_results.html")
        if index is not None and (page is None or page.count("/") > index.count("/")):
            base = folder_of(index)
            chats = html_chats(tree, base)
            if chats:
                return chats
        if page is not None:
            base = folder_of(page)
            return html_chats(tree, base)
        raise ImportFormatError(path=display, format=FORMAT, detail="no result.json or messages.html found")
    finally:
        tree.close()


def read(path: Path) -> ParsedExport:
    """The one chat of the Telegram Desktop export at `path`.

    Raises TelegramMultipleChatsError for a whole-account export of several chats (use
    `read_all`), ImportFormatError when `path` is not a Telegram Desktop export.
    """
    chats = read_all(path)
    if len(chats) != 1:
        raise TelegramMultipleChatsError(
            path=str(path), format=FORMAT, count=str(len(chats)), detail="use read_all to read each chat"
        )
    return chats[0]


def _json_member(path: Path, tree: ExportTree, member: str | None) -> str | None:
    """The `result.json` that `read_all` would read from this tree, if it reads one."""
    if member is None:
        return _shallowest(tree.names(), "result.json")
    if path.suffix.lower() in (".html", ".htm"):
        return None
    head = _head(tree, member)
    return member if json_head(head) or starts_json_object(head) else None


def read_export(path: Path) -> StreamedExport | ParsedExport | ManyChats:
    """The export at `path` as it is to be stored: its one chat, or every chat of a whole-account
    export, each to become a conversation of its own (`importers/chat_children.py`). The JSON is
    read while it is stored (`json_stream_export.py`); HTML pages are read whole, as documents."""
    path = Path(path)
    tree, member = open_tree(path, format_name=FORMAT)
    try:
        json_member = _json_member(path, tree, member)
        if json_member is not None:
            display = str(path) if member is not None else f"{path}/{json_member}"
            return streamed_json(tree, json_member, display)
    finally:
        tree.close()  # its openers stay usable for the streamed pass
    chats = read_all(path)
    return chats[0] if len(chats) == 1 else many_from_exports(chats)
