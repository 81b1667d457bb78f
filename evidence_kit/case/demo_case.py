"""The demo case's case work: incidents, the other party and offence categories, written down
over the fictional demo files (`resources/demo/`) as a keeper would.

Rule: everything here is invented (names, numbers, addresses use reserved example ranges and
domains) and says so; it is written through the same vault calls the app and the CLI use, so
the demo's dossier shows the case part exactly as a real one would.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from evidence_kit.storage.incidents import IncidentFields
from evidence_kit.storage.people import PersonFields
from evidence_kit.vault import Vault

_CHAT = "WhatsApp-chat met Mark (fictief).txt"
_NIGHT = "Screenshot 2026-10-03 at 23.41.png"
_STATION = "Screenshot 2026-10-17 at 08.05.png"
_MAIL = "Email from unknown sender 2026-10-20.eml"

_TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "t1": "Late-night messages and threats on WhatsApp",
        "w1": (
            "Mark kept messaging me late at night. He wrote that he knows where I work and will wait "
            "outside tomorrow, and threatened that everybody gets to see my private photos."
        ),
        "i1": "I could not sleep and was afraid to go to work the next day.",
        "s1": ("Blocked his number on 4 October", "Told my sister"),
        "t2": "Instagram message: he saw me at the station",
        "w2": "A direct message on Instagram said he saw me at the station that morning. I had not seen him.",
        "i2": "I now take a different route and check who is behind me.",
        "s2": ("Reported the account to Instagram",),
        "t3": "Anonymous e-mail with my new address",
        "w3": (
            "An e-mail from an unknown sender describes my new home (the blue door) and says my "
            "photos go online if I call the police."
        ),
        "i3": "I feel unsafe at home.",
        "s3": ("Called the police (0900-8844) on 21 October",),
        "witness": "Lotte (my sister, fictional)",
        "note": "Ex-partner (fictional). Uses WhatsApp and Instagram.",
    },
    "nl": {
        "t1": "Berichten en dreigementen 's nachts via WhatsApp",
        "w1": (
            "Mark bleef me 's nachts berichten sturen. Hij schreef dat hij weet waar ik werk en "
            "morgen buiten wacht, en dreigde dat iedereen mijn privéfoto's te zien krijgt."
        ),
        "i1": "Ik kon niet slapen en durfde de volgende dag bijna niet naar mijn werk.",
        "s1": ("Zijn nummer geblokkeerd op 4 oktober", "Mijn zus verteld"),
        "t2": "Instagrambericht: hij zag me op het station",
        "w2": (
            "Een direct bericht op Instagram zei dat hij me die ochtend op het station zag. Ik had "
            "hem niet gezien."
        ),
        "i2": "Ik neem nu een andere route en kijk wie er achter me loopt.",
        "s2": ("Het account gemeld bij Instagram",),
        "t3": "Anonieme e-mail met mijn nieuwe adres",
        "w3": (
            "Een e-mail van een onbekende afzender beschrijft mijn nieuwe huis (de blauwe deur) en "
            "zegt dat mijn foto's online komen als ik de politie bel."
        ),
        "i3": "Ik voel me thuis niet veilig.",
        "s3": ("De politie gebeld (0900-8844) op 21 oktober",),
        "witness": "Lotte (mijn zus, fictief)",
        "note": "Ex-partner (fictief). Gebruikt WhatsApp en Instagram.",
    },
}


def add_demo_case(vault: Vault, lang: str = "en") -> None:
    """Write the demo's incidents, people and item categories into `vault` (demo files imported)."""
    text = _TEXTS["nl" if lang == "nl" else "en"]
    ids = {item.original_name: item.id for item in vault.items()}
    chat, night, station, mail = (ids.get(name) for name in (_CHAT, _NIGHT, _STATION, _MAIL))
    vault.add_person(
        PersonFields(
            names=("Mark (fictief)",),
            phones=("+31 6 00000001",),
            handles=("@mark_fictief",),
            urls=("https://instagram.example/mark_fictief",),
            note=text["note"],
        )
    )
    vault.add_person(PersonFields(names=("A friend",), emails=("throwaway.sender@example.net",)))
    vault.record_incident(
        IncidentFields(
            title=text["t1"], what=text["w1"], started="2026-10-03T23:05+02:00",
            ended="2026-10-04T07:30+02:00", platform="WhatsApp", people=("Mark (fictief)", "+31 6 00000001"),
            impact=text["i1"], witnesses=(text["witness"],), steps=text["s1"],
            items=tuple(i for i in (chat, night) if i is not None),
            categories=("threats", "intimate_image_abuse", "online_stalking"),
        )
    )  # fmt: skip
    vault.record_incident(
        IncidentFields(
            title=text["t2"], what=text["w2"], started="2026-10-17T07:58+02:00", platform="Instagram",
            urls=("https://instagram.example/direct/t/000000001",), people=("@mark_fictief",),
            impact=text["i2"], steps=text["s2"],
            items=tuple(i for i in (station,) if i is not None), categories=("online_stalking",),
        )
    )  # fmt: skip
    third = vault.record_incident(
        IncidentFields(
            title=text["t3"], what=text["w3"], started="2026-10-20T02:14+02:00", platform="E-mail",
            people=("throwaway.sender@example.net",), steps=text["s3"],
            items=tuple(i for i in (mail,) if i is not None), categories=("doxing", "threats"),
        )
    )  # fmt: skip
    # A later word added to the third: the dossier shows version 2, the first stays in the vault.
    vault.edit_incident(third.incident_id, replace(third.fields, impact=text["i3"]))
    for item_id, offences in ((night, ("threats",)), (mail, ("doxing", "threats"))):
        if item_id is not None:
            vault.set_offences(item_id, offences)
