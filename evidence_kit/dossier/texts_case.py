"""The dossier's words for its case part: incident log, people, offence categories, known gaps.

Rule: like texts.py (which merges these into `TEXTS`), both languages have the same keys and
placeholders. The Dutch speaks to a police officer: "incident", "aangifte", "strafbaar feit".
"""

from __future__ import annotations

CASE_EN: dict[str, str] = {
    "index.section.case": "The case: incidents, people, offences",
    "case.title": "The case: incidents, people and offences",
    "case.intro": (
        "What the keeper of the evidence wrote down: what happened, who did it, and which offences "
        "may apply. These are the keeper's own accounts, each sealed in the custody log when it was "
        "written down; an edit adds a version and never replaces one. The times are as the keeper "
        "gave them: only the items' contents and trusted time stamps show when something happened."
    ),
    "case.incidents": "Incident log",
    "case.incidents_count": "{count} incident(s), in the order they happened (undated last).",
    "case.incident": "Incident {number}",
    "case.incident_titled": "Incident {number}: {title}",
    "case.when": "When",
    "case.when_unknown": "not given",
    "case.period": "{start} to {end}",
    "case.what": "What happened",
    "case.platform": "Platform",
    "case.urls": "Web addresses",
    "case.place": "Place",
    "case.who": "Who",
    "case.impact": "Impact on the victim",
    "case.witnesses": "Witnesses",
    "case.steps": "Steps taken",
    "case.evidence": "Evidence",
    "case.evidence_none": "none linked",
    "case.item_numbers": "No. {numbers}",
    "case.items_outside": "vault item(s) {ids}, not in this dossier",
    "case.categories": "Offence categories",
    "case.record": "Record",
    "case.record_one": (
        "version 1, written down {first}; SHA-256 of this version {sha256} (custody event {seq})"
    ),
    "case.record_many": (
        "version {version}, first written down {first}, last changed {last}; the earlier versions "
        "are kept in the vault. SHA-256 of this version {sha256} (custody event {seq})"
    ),
    "case.people": "The other party",
    "case.people_intro": (
        "The people as the keeper knows them: names, phone numbers, accounts, e-mail and profile "
        "addresses. 'Appears in' lists the items of this dossier where one of these exactly "
        "appears (after normalising a phone number and letter case), never a guess."
    ),
    "case.col.person": "Person",
    "case.col.appears": "Appears in",
    "case.col.messages": "Messages sent",
    "case.col.span": "First and last message",
    "case.identity.names": "name",
    "case.identity.phones": "phone",
    "case.identity.handles": "account",
    "case.identity.emails": "e-mail",
    "case.identity.urls": "profile",
    "case.appears_none": "no item of this dossier",
    "case.offences": "Offence categories and the law",
    "case.offences_intro": (
        "The forms of digital violence the keeper gave the incidents and items, following GREVIO "
        "General Recommendation No. 1, with the Dutch offences (Wetboek van Strafrecht) that may "
        "apply and their official text."
    ),
    "case.given_to": "Given to: {where}",
    "case.given_incidents": "incident(s) {numbers}",
    "case.given_items": "item(s) No. {numbers}",
    "case.col.article": "Article",
    "case.col.offence": "Offence",
    "case.col.source": "Official text",
    "case.unverified": "(the reference was not checked against the article's text)",
    "case.gaps": "Known gaps",
    "case.gaps_intro": (
        "What a reader of this dossier will miss, as the checklist of police and victim support "
        "finds it: hints, not judgements. Saying so strengthens the rest."
    ),
    "case.gaps_none": "The checklist found nothing obvious missing.",
    "case.gap_item": "No. {number}",
    "case.gap_incident": "Incident {number}",
    "timeline.events_per_week": "Events per week: items, messages and incidents",
    "timeline.events_per_month": "Events per month: items, messages and incidents",
    "timeline.incident": "Incident {number}",
    "timeline.incidents_note": (
        "Incidents from the incident log stand on the day the keeper gave them, before that day's items."
    ),
    "meta.offences": "Offence categories",
    "meta.incidents": "Incidents",
    "meta.incident_numbers": "incident(s) {numbers}",
}

CASE_NL: dict[str, str] = {
    "index.section.case": "De zaak: incidenten, personen, strafbare feiten",
    "case.title": "De zaak: incidenten, personen en strafbare feiten",
    "case.intro": (
        "Wat de beheerder van het bewijs heeft vastgelegd: wat er gebeurde, wie het deed en welke "
        "strafbare feiten van toepassing kunnen zijn. Dit zijn de eigen verslagen van de beheerder, "
        "elk bij het vastleggen verzegeld in de bewaarketen; een wijziging voegt een versie toe en "
        "vervangt er nooit een. De tijden zijn zoals de beheerder ze opgaf: alleen de inhoud van de "
        "bewijsstukken en vertrouwde tijdstempels tonen wanneer iets gebeurde."
    ),
    "case.incidents": "Logboek van incidenten",
    "case.incidents_count": (
        "{count} incident(en), in de volgorde waarin ze gebeurden (zonder datum als laatste)."
    ),
    "case.incident": "Incident {number}",
    "case.incident_titled": "Incident {number}: {title}",
    "case.when": "Wanneer",
    "case.when_unknown": "niet opgegeven",
    "case.period": "{start} tot en met {end}",
    "case.what": "Wat er gebeurde",
    "case.platform": "Platform",
    "case.urls": "Webadressen",
    "case.place": "Plaats",
    "case.who": "Wie",
    "case.impact": "Gevolgen voor het slachtoffer",
    "case.witnesses": "Getuigen",
    "case.steps": "Genomen stappen",
    "case.evidence": "Bewijsstukken",
    "case.evidence_none": "geen gekoppeld",
    "case.item_numbers": "Nr. {numbers}",
    "case.items_outside": "item(s) {ids} uit de kluis, niet in dit dossier",
    "case.categories": "Categorieën strafbare feiten",
    "case.record": "Vastlegging",
    "case.record_one": (
        "versie 1, vastgelegd {first}; SHA-256 van deze versie {sha256} (gebeurtenis {seq} van de "
        "bewaarketen)"
    ),
    "case.record_many": (
        "versie {version}, eerst vastgelegd {first}, laatst gewijzigd {last}; de eerdere versies "
        "blijven in de kluis bewaard. SHA-256 van deze versie {sha256} (gebeurtenis {seq} van de "
        "bewaarketen)"
    ),
    "case.people": "De andere partij",
    "case.people_intro": (
        "De personen zoals de beheerder ze kent: namen, telefoonnummers, accounts, e-mail- en "
        "profieladressen. 'Komt voor in' noemt de bewijsstukken van dit dossier waarin een daarvan "
        "precies voorkomt (na gelijktrekken van telefoonnummers en hoofdletters), nooit een gok."
    ),
    "case.col.person": "Persoon",
    "case.col.appears": "Komt voor in",
    "case.col.messages": "Verstuurde berichten",
    "case.col.span": "Eerste en laatste bericht",
    "case.identity.names": "naam",
    "case.identity.phones": "telefoon",
    "case.identity.handles": "account",
    "case.identity.emails": "e-mail",
    "case.identity.urls": "profiel",
    "case.appears_none": "geen bewijsstuk van dit dossier",
    "case.offences": "Categorieën strafbare feiten en de wet",
    "case.offences_intro": (
        "De vormen van digitaal geweld die de beheerder aan de incidenten en bewijsstukken gaf, "
        "volgens GREVIO General Recommendation No. 1, met de Nederlandse strafbare feiten "
        "(Wetboek van Strafrecht) die van toepassing kunnen zijn en hun officiële tekst."
    ),
    "case.given_to": "Gegeven aan: {where}",
    "case.given_incidents": "incident(en) {numbers}",
    "case.given_items": "bewijsstuk(ken) nr. {numbers}",
    "case.col.article": "Artikel",
    "case.col.offence": "Strafbaar feit",
    "case.col.source": "Officiële tekst",
    "case.unverified": "(de verwijzing is niet aan de tekst van het artikel gecontroleerd)",
    "case.gaps": "Bekende hiaten",
    "case.gaps_intro": (
        "Wat een lezer van dit dossier zal missen, volgens de controlelijst van politie en "
        "slachtofferhulp: hints, geen oordelen. Dat eerlijk zeggen versterkt de rest."
    ),
    "case.gaps_none": "De controlelijst vond niets duidelijk ontbrekends.",
    "case.gap_item": "Nr. {number}",
    "case.gap_incident": "Incident {number}",
    "timeline.events_per_week": "Gebeurtenissen per week: bewijsstukken, berichten en incidenten",
    "timeline.events_per_month": "Gebeurtenissen per maand: bewijsstukken, berichten en incidenten",
    "timeline.incident": "Incident {number}",
    "timeline.incidents_note": (
        "Incidenten uit het logboek staan op de dag die de beheerder opgaf, vóór de bewijsstukken "
        "van die dag."
    ),
    "meta.offences": "Categorieën strafbare feiten",
    "meta.incidents": "Incidenten",
    "meta.incident_numbers": "incident(en) {numbers}",
}
