"""The chat's title from the name WhatsApp gives the export: "WhatsApp Chat with Anna.txt".

Rule: the patterns are the `file_name_patterns` of `languages.toml`, tried in the file's order;
the first that matches gives the title.
"""

from __future__ import annotations

import re
from pathlib import Path

from evidence_kit.importers.whatsapp.characters import strip_marks
from evidence_kit.importers.whatsapp.languages import Languages, load


def title_patterns(languages: Languages) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in languages.phrases("file_name_patterns"))


# File names WhatsApp gives the chat text (and the zip): "WhatsApp Chat with Anna.txt" and so on.
_TITLE_PATTERNS = title_patterns(load())
_COPY_SUFFIX = re.compile(r"[ _]\(\d+\)$")


def title_from_name(name: str) -> str | None:
    """'WhatsApp Chat with Anna de Vries (1).txt' -> 'Anna de Vries'; None when not recognised."""
    stem = Path(name).name
    for suffix in (".txt", ".zip"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = _COPY_SUFFIX.sub("", strip_marks(stem).strip())
    for pattern in _TITLE_PATTERNS:
        match = pattern.match(stem)
        if match:
            return match.group("t").replace("_", " ").strip() or None
    return None
