"""The platforms' reporting routes: a checked source for each, Dutch and English, found by name."""

from __future__ import annotations

from datetime import date

import pytest

from evidence_kit.case.platform_routes import platform_routes, route_for


def test_every_route_names_its_source_and_speaks_both_languages() -> None:
    routes = platform_routes()
    assert len(routes) >= 6
    names = [name for route in routes for name in route.names]
    assert len(names) == len(set(names))  # a name leads to one platform
    for route in routes:
        assert route.source.startswith("https://") and route.checked <= date.today()
        assert route.how["en"].strip() and route.how["nl"].strip() and route.how["en"] != route.how["nl"]
        assert all(name == name.casefold().strip() for name in route.names)
        if route.url:  # a page of the platform's own, on its own site
            assert route.url.startswith("https://www." + route.display.casefold() + ".com/")


@pytest.mark.parametrize(("written", "display"), [("TikTok", "TikTok"), (" instagram ", "Instagram"),
                                                  ("Twitter", "X"), ("Messenger", "Facebook")])  # fmt: skip
def test_a_platform_is_found_however_it_is_written(written: str, display: str) -> None:
    route = route_for(written)
    assert route is not None and route.display == display


def test_unknown_or_private_channels_have_no_route() -> None:
    assert route_for("WhatsApp") is None and route_for("") is None and route_for("E-mail") is None


def test_the_route_text_gives_the_page_where_there_is_one() -> None:
    tiktok = route_for("tiktok")
    assert tiktok is not None
    assert tiktok.text("en").splitlines()[0] == (
        "TikTok's page for notices of illegal content: "
        "https://www.tiktok.com/legal/page/global/reporting-illegal-content/en"
    )
    assert tiktok.text("nl").startswith("De pagina van TikTok voor meldingen van illegale inhoud: https://")
    youtube = route_for("YouTube")
    assert youtube is not None and youtube.text("nl") == (
        "YouTube: Klik op de drie puntjes rechtsonder bij de video en kies rapporteren."
    )
