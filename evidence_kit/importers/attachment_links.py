"""Which stored attachment item each name a conversation's messages use links to.

Rule: every attachment is stored and listed, even when several share a name; a name shared by
several links to the FIRST of them, and a warning names every one (see `links_by_name`).
"""

from __future__ import annotations

from evidence_kit.domain import ParseWarning


def links_by_name(names: list[str], stored: dict[str, int], warnings: list[ParseWarning]) -> dict[str, int]:
    """Which item each attachment name the messages use links to, from the children stored.

    When several stored children share a name, the messages that name it are linked to the
    FIRST of them, and a warning names every item. Why the first and not none: every one of
    them is stored and listed, so linking loses nothing, and the warning tells the examiner
    the link is a choice. Why not the last: a zip lists its entries in the order they were
    written, and appending a second entry of the same name is the known way to make readers
    that take the last entry (Python's zipfile, unzip) show a different file; the first entry
    is the one the exporting app wrote. (An export whose own reader keeps one file per name,
    such as a Telegram zip, already hands over the first entry only.)
    """
    ids_by_name: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        item_id = stored.get(str(index))
        if item_id is not None:
            ids_by_name.setdefault(name, []).append(item_id)
    for name, ids in ids_by_name.items():
        if len(ids) > 1:
            warnings.append(
                ParseWarning(
                    "attachment_same_name",
                    "{count} attached files are named {name}; each is stored as its own item ({items}). "
                    "Messages that name {name} are linked to the first, item {item}: check which one "
                    "was meant.",
                    (
                        ("count", str(len(ids))),
                        ("name", name),
                        ("items", ", ".join(str(i) for i in ids)),
                        ("item", str(ids[0])),
                    ),
                )
            )
    return {name: ids[0] for name, ids in ids_by_name.items()}
