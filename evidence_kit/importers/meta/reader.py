"""Reading Meta's exports from a path: which files form which conversations; `read_all`, `read`.

This is where the package's rule is kept (see `__init__`): the `message_N` files of one folder
are one thread, a single file given alone is read alone (with a warning when the thread goes
on in other files), `read_all` gives one `ParsedExport` per thread, and `read` raises
`MetaMultipleThreadsError` for more than one. An end-to-end-encrypted chat download is a JSON
file per chat under any name, so loose JSON files are recognised by their start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath

from evidence_kit.domain import ManyChats, ParsedExport, StreamedExport
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers._chat_support import ExportTree, FolderTree, open_tree
from evidence_kit.importers.common import folder_of, starts_json_object
from evidence_kit.importers.many_chats import many_from_exports
from evidence_kit.importers.meta.html_export import html_file
from evidence_kit.importers.meta.json_export import json_file
from evidence_kit.importers.meta.json_stream_export import all_json, streamed_thread
from evidence_kit.importers.meta.platforms import FORMAT, FORMATS, platform_of
from evidence_kit.importers.meta.recognition import DYI_PAGE, KNOWN_TOPS, kind_of_head
from evidence_kit.importers.meta.thread import Thread, finish


class MetaMultipleThreadsError(ImportFormatError):
    """A folder or download holding several conversations: read them with `read_all`."""

    template = (
        "{path} holds {count} Instagram or Facebook Messenger conversations; each has to be read on its own."
    )


_MAX_LOOSE_JSON = 5000


def _page_key(name: str) -> int:
    match = DYI_PAGE.search(name)
    return int(match.group(1)) if match else 0


def _read_thread(
    tree: ExportTree,
    members: list[str],
    display: str,
    platform: str | None,
    *,
    partial: bool = False,
) -> ParsedExport:
    """One conversation from its files; `partial` when only one file of several was given."""
    return finish(*gather(tree, members, display, platform, partial=partial))


def gather(
    tree: ExportTree,
    members: list[str],
    display: str,
    platform: str | None,
    *,
    partial: bool = False,
    keep: bool = True,
) -> tuple[Thread, str]:
    """A thread read from its files, and its platform; with `keep` False its messages are made
    for what they gather and only their times kept (`json_stream_export.py`)."""
    folder = folder_of(members[0])
    thread = Thread(tree=tree, folder=folder, keep=keep)
    thread.log.extend(tree.warnings)
    if isinstance(tree, FolderTree) and not folder:
        thread.hint_folder = tree.root.name
    if partial:
        thread.log.add(
            "pages_not_read",
            message="This conversation continues in other files of the export (message_2.json, ...); only "
            "the file given was read. Add the conversation's folder to read all of it.",
        )
    votes: list[str] = []
    for member in sorted(members, key=_page_key):
        shown = f"{display}/{member}" if tree.label == display else display
        head = tree.head(member)
        if starts_json_object(head):
            json_file(thread, member, shown, votes)
        elif kind_of_head(head) == "html" or b"<" in head[:2048]:
            if kind_of_head(head) != "html":
                raise ImportFormatError(path=shown, format=FORMAT, detail="not a Meta message page")
            html_file(thread, member)
        else:
            raise ImportFormatError(path=shown, format=FORMAT, detail="not a Meta message thread")
    label = tree.root.name if isinstance(tree, FolderTree) else tree.label.rsplit("/", 1)[-1]
    chosen = platform if platform is not None else platform_of(votes, [*thread.hints, members[0], label])
    return thread, chosen


def _threads(tree: ExportTree) -> list[list[str]]:
    """The threads a tree holds: message_N pages grouped by folder (JSON preferred), and E2EE files."""
    dyi: dict[tuple[str, str], list[str]] = {}
    loose: list[str] = []
    for name in tree.names():
        path = PurePosixPath(name)
        match = DYI_PAGE.match(path.name)
        if match:
            kind = "json" if match.group(2) == "json" else "html"
            dyi.setdefault((str(path.parent), kind), []).append(name)
        elif path.suffix.lower() == ".json" and not name.startswith("__MACOSX/"):
            loose.append(name)
    found: list[list[str]] = []
    for (folder, kind), members in sorted(dyi.items()):
        if kind == "html" and (folder, "json") in dyi:
            continue
        found.append(members)
    # An end-to-end-encrypted chat download is a JSON file per chat under any name; only the
    # start of each is read, and a folder of thousands of other JSON files is not searched on.
    for name in loose[:_MAX_LOOSE_JSON]:
        if kind_of_head(tree.head(name)) == "e2ee":
            found.append([name])
    return found


def _has_sibling_pages(path: Path) -> bool:
    try:
        return any(
            DYI_PAGE.match(p.name) and p.name != path.name and p.suffix == path.suffix
            for p in path.parent.iterdir()
        )
    except OSError:
        return False


def _dyi_root(path: Path) -> tuple[Path, str] | None:
    """For a file inside a download (…/messages/inbox/x/message_1.json): the download's root and
    the file's name in it, so that attachments named from the root can be found."""
    parts = path.parts
    for depth in range(2, min(6, len(parts))):
        top = parts[-depth - 1]
        if top in KNOWN_TOPS:
            root = Path(*parts[: -depth - 1])
            return root, "/".join(parts[-depth - 1 :])
    return None


def read_all(path: Path, *, platform: str | None = None) -> list[ParsedExport]:
    """Every conversation of the export at `path` (a thread file, folder, download folder or zip).

    `platform` ("instagram" or "facebook") records what the user says the export is; by default
    it is recognised from the export, or left as "meta" with a warning.
    """
    return [t for t in _read(path, platform, _read_thread) if isinstance(t, ParsedExport)]


ThreadReader = Callable[..., ParsedExport | StreamedExport]


def _streamed_thread(
    tree: ExportTree, members: list[str], display: str, platform: str | None, *, partial: bool = False
) -> ParsedExport | StreamedExport:
    """A thread of JSON files streamed (`json_stream_export.py`); HTML, or out of order, held."""
    if all_json(tree, members):
        ordered = sorted(members, key=_page_key)
        thread, chosen = gather(tree, ordered, display, platform, partial=partial, keep=False)
        streamed = streamed_thread(tree, ordered, display, thread, chosen)
        if streamed is not None:
            return streamed
    return _read_thread(tree, members, display, platform, partial=partial)


def _read(path: Path, platform: str | None, read_thread: ThreadReader) -> list[ParsedExport | StreamedExport]:
    path = Path(path)
    if platform is not None and platform not in FORMATS:
        raise ValueError(f"platform must be one of {FORMATS}")
    display = str(path)
    tree, member = open_tree(path, format_name=FORMAT)
    try:
        if member is not None:
            partial = DYI_PAGE.match(path.name) is not None and _has_sibling_pages(path)
            root = _dyi_root(path)
            if root is not None:
                tree.close()
                tree, member = FolderTree(root[0]), root[1]
            return [read_thread(tree, [member], display, platform, partial=partial)]
        threads = _threads(tree)
        if not threads:
            raise ImportFormatError(
                path=display, format=FORMAT, detail="no Instagram or Messenger conversation found"
            )
        return [read_thread(tree, members, display, platform) for members in threads]
    finally:
        tree.close()


def read(path: Path, *, platform: str | None = None) -> ParsedExport:
    """The one conversation of the export at `path`; see `read_all`.

    Raises MetaMultipleThreadsError when `path` holds several conversations.
    """
    threads = read_all(path, platform=platform)
    if len(threads) != 1:
        raise MetaMultipleThreadsError(
            path=str(path), format=FORMAT, count=str(len(threads)), detail="use read_all to read each one"
        )
    return threads[0]


def read_export(path: Path, *, platform: str | None = None) -> ParsedExport | StreamedExport | ManyChats:
    """The export at `path` as it is to be stored: its one thread, or every thread of a download,
    each to become a conversation of its own (`importers/chat_children.py`); JSON threads are
    read while they are stored (`json_stream_export.py`)."""
    if platform is not None and platform not in FORMATS:
        raise ValueError(f"platform must be one of {FORMATS}")
    threads = _read(path, platform, _streamed_thread)
    return threads[0] if len(threads) == 1 else many_from_exports(threads)
