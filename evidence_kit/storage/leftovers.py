"""Left-over partial files: what a killed process left in a vault folder, found and offered for removal.

Rule: every file the vault writes beside its database is first written as a hidden temporary
(`.keys.json.tmp-…`, see `folder.write_private_file`) and renamed into place when complete. A
kill -9 or a power cut between the two leaves the temporary behind. It is never part of the
vault and never read, but it is not harmless: a key file's temporary is one more copy of the
wrapped data key. So each opening lists them (`find_leftovers`), the CLI and the app report them
as "left-over partial files", and offer to remove them (`remove_leftovers`).

Only names the program itself makes are matched; a file the user put in the folder is never
touched. This function is the one place to extend when another writer gets partial files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# `.keys.json.tmp-<hex>`, `.keys.json.pending.tmp-<hex>`, `.README.txt.tmp-<hex>`, and the plain
# `.keys.json.tmp` older versions wrote.
_PARTIAL = re.compile(r"^\.(keys\.json(\.pending|\.rotating)?|README\.txt)\.tmp(-[0-9a-f]{8,64})?$")


def find_leftovers(folder: Path) -> list[Path]:
    """The left-over partial files in a vault folder, sorted by name (empty when it cannot be read)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted(path for path in entries if _PARTIAL.match(path.name) and path.is_file())


def remove_leftovers(paths: Iterable[Path]) -> list[Path]:
    """Remove the given left-over files; returns those that could not be removed."""
    failed = []
    for path in paths:
        if not _PARTIAL.match(path.name):
            continue  # only ever what find_leftovers names
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            failed.append(path)
    return failed
