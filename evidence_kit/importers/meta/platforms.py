"""Which app a Meta export comes from: Instagram, Facebook Messenger, or not known.

Rule: the platform is recorded only as far as the export shows it. A user who names it (`--as
instagram`, `--as facebook`) decides; otherwise the data decides (an end-to-end-encrypted chat
download, `thread_type` and `ip` are Facebook's), then the names in the download; when nothing
tells, the platform is "meta" and the conversation says so in a warning.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMAT = "instagram"
FACEBOOK = "facebook"
FORMATS: tuple[str, ...] = (FORMAT, FACEBOOK)
UNDETERMINED = "meta"  # the platform when the export does not say which of the two it is


def platform_of(votes: list[str], hints: Iterable[str]) -> str:
    """Facebook when the data says so (an E2EE download, thread_type, ip); otherwise the names
    in the download (your_instagram_activity/..., instagram-name-2024.zip) decide."""
    if FACEBOOK in votes:
        return FACEBOOK
    text = " ".join(hints).lower()
    instagram, facebook = "instagram" in text, "facebook" in text
    if instagram != facebook:
        return FORMAT if instagram else FACEBOOK
    return UNDETERMINED
