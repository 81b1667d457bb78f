"""Where a platform takes a notice of illegal content: its own page, or its in-app route.

Rule: this is data (`resources/case/platforms.toml`), each entry with the page it was checked
against and the date; a page is linked only where the platform has one of its own for such
notices, otherwise the in-app route it offers is described. A platform not in the file gets no
route: the notice's text is the same whatever way it is sent.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from evidence_kit.resources import case_dir

_WORDS = {
    "en": {"page": "{platform}'s page for notices of illegal content: {url}", "app": "{platform}: {how}"},
    "nl": {
        "page": "De pagina van {platform} voor meldingen van illegale inhoud: {url}",
        "app": "{platform}: {how}",
    },
}


@dataclass(frozen=True)
class PlatformRoute:
    names: tuple[str, ...]
    display: str
    url: str
    how: dict[str, str]
    source: str
    checked: date

    def text(self, lang: str) -> str:
        """One line for the notice's reader: the page, and how to do it in the app."""
        words = _WORDS["nl" if lang == "nl" else "en"]
        how = self.how["nl" if lang == "nl" else "en"]
        line = words["app"].format(platform=self.display, how=how)
        if self.url:
            line = words["page"].format(platform=self.display, url=self.url) + "\n" + line
        return line


@cache
def platform_routes() -> tuple[PlatformRoute, ...]:
    with (case_dir() / "platforms.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        PlatformRoute(
            names=tuple(entry["names"]),
            display=entry["display"],
            url=entry["url"],
            how=dict(entry["how"]),
            source=entry["source"],
            checked=entry["checked"],
        )
        for entry in data["platform"]
    )


def route_for(platform: str) -> PlatformRoute | None:
    """The route of the platform named `platform` (any case, spaces trimmed); None when unknown."""
    wanted = " ".join(platform.casefold().split())
    return next((route for route in platform_routes() if wanted in route.names), None)
