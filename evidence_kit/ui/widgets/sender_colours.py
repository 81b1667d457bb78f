"""Which colour each sender of a chat gets.

Rule: within one chat, senders get the fixed, contrast-checked hues of `colours.SENDER_SHADES`
in the order they first speak, so the first ten people never share a colour (a hash alone made
two of eight senders collide). Later senders get a hue derived from a hash of their name, spread
over the colour wheel. The same chat always gets the same colours.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from evidence_kit.ui.widgets.colours import SENDER_SHADES


class SenderShades:
    """A chat's senders, each with its shade index for `TextColours.bubble`."""

    def __init__(self, senders: Iterable[str] = ()) -> None:
        self._shades: dict[str, int] = {}
        for sender in senders:
            self.shade(sender)

    def shade(self, sender: str) -> int:
        known = self._shades.get(sender)
        if known is not None:
            return known
        if len(self._shades) < len(SENDER_SHADES):
            shade = len(self._shades)
        else:
            # Past the fixed hues: a stable index beyond them, read as a hue on the colour wheel.
            shade = len(SENDER_SHADES) + zlib.crc32(sender.encode("utf-8", "replace")) % 997
        self._shades[sender] = shade
        return shade
