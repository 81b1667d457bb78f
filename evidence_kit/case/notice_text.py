"""The text of a notice to a platform under the EU Digital Services Act (Article 16), and where
else to turn.

Rule: the text carries, in the notice's language, every element Article 16(2) DSA names:
(a) a substantiated explanation of why the content is illegal, (b) the exact web addresses,
(c) the sender's name and e-mail address (or that the sender did not give them), and (d) the
statement of good faith, always. The explanation is the keeper's (the default is made from the
offence categories and is meant to be edited). Nothing here is legal advice, and the text says
which Dutch articles may apply only as the taxonomy lists them (`taxonomy.py`).

The other routes are said plainly: Helpwanted.nl (the Dutch expertise centre for online sexual
abuse, which helps get intimate images removed) for intimate images and sextortion, the police
for threats, stalking and doxing (112 when in danger now, 0900-8844 otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from evidence_kit.case.taxonomy import Taxonomy, load_taxonomy
from evidence_kit.storage.notices import NoticeFields

HELPWANTED_URL = "https://www.helpwanted.nl"
POLICE_URL = "https://www.politie.nl"
HELPWANTED_CATEGORIES = frozenset(
    {"intimate_image_abuse", "sextortion", "cyberflashing", "online_sexual_harassment"}
)
POLICE_CATEGORIES = frozenset({"threats", "online_stalking", "doxing", "sextortion", "intimate_image_abuse"})

_WORDS = {
    "en": {
        "title": "Notice of illegal content (EU Digital Services Act, Article 16)",
        "to": "To: {platform}",
        "date": "Date: {date}",
        "where": "1. Where the content is (exact web addresses):",
        "why": "2. Why this content is illegal:",
        "offences": "Offences under Dutch criminal law (Wetboek van Strafrecht) that may apply:",
        "sender": "3. Sender: {sender}",
        "no_sender": "3. Sender: the sender has chosen not to give a name and e-mail address.",
        "statement_head": "4. Statement:",
        "statement": "I declare in good faith that the information and allegations in this notice are "
        "accurate and complete.",
        "request": "I ask you to remove this content or disable access to it, and to inform me of your "
        "decision and of the possibilities to contest it.",
        "default": "In my view this content is {name}. In plain words, as a guide for victims puts it: "
        '"{description}"',
    },
    "nl": {
        "title": "Melding van illegale inhoud (EU-verordening digitale diensten, artikel 16)",
        "to": "Aan: {platform}",
        "date": "Datum: {date}",
        "where": "1. Waar de inhoud staat (precieze webadressen):",
        "why": "2. Waarom deze inhoud illegaal is:",
        "offences": "Strafbare feiten uit het Wetboek van Strafrecht die van toepassing kunnen zijn:",
        "sender": "3. Afzender: {sender}",
        "no_sender": "3. Afzender: de afzender heeft ervoor gekozen geen naam en e-mailadres te geven.",
        "statement_head": "4. Verklaring:",
        "statement": "Ik verklaar te goeder trouw dat de informatie en beweringen in deze melding juist "
        "en volledig zijn.",
        "request": "Ik vraag u deze inhoud te verwijderen of de toegang ertoe onmogelijk te maken, en mij "
        "te laten weten wat u besluit en hoe ik daartegen bezwaar kan maken.",
        "default": "Naar mijn mening is deze inhoud {name}. In gewone woorden, zoals een gids voor "
        'slachtoffers het zegt: "{description}"',
    },
}

_ROUTES = {
    "en": {
        "helpwanted": "Intimate images or sextortion: Helpwanted.nl helps to get images removed, free and "
        "anonymously if you wish: " + HELPWANTED_URL,
        "police": "Threats, stalking or your address made public: report it to the police (112 if you "
        "are in danger now, otherwise 0900-8844 or " + POLICE_URL + ").",
    },
    "nl": {
        "helpwanted": "Intieme beelden of sextortion: Helpwanted.nl helpt beelden verwijderd te krijgen, "
        "gratis en als u wilt anoniem: " + HELPWANTED_URL,
        "police": "Bedreiging, stalking of uw adres openbaar gemaakt: doe aangifte of melding bij de "
        "politie (112 bij direct gevaar, anders 0900-8844 of " + POLICE_URL + ").",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in _WORDS else "en"


def default_explanation(categories: Sequence[str], lang: str, taxonomy: Taxonomy | None = None) -> str:
    """An explanation to start from, made from the offence categories (the keeper edits it)."""
    taxonomy = taxonomy or load_taxonomy()
    words = _WORDS[_lang(lang)]
    lines = []
    for category_id in categories:
        category = taxonomy.get(category_id)
        if category is not None:
            lines.append(
                words["default"].format(
                    name=category.name(lang).lower(), description=category.description(lang)
                )
            )
    return "\n".join(lines)


def notice_text(fields: NoticeFields, day: date, taxonomy: Taxonomy | None = None) -> str:
    """The notice as the keeper sends it (e-mail or the platform's form)."""
    lang = _lang(fields.language)
    words = _WORDS[lang]
    lines = [
        words["title"],
        "",
        words["to"].format(platform=fields.platform or "-"),
        words["date"].format(date=day.isoformat()),
        "",
    ]
    lines.append(words["where"])
    lines += [f"   {url}" for url in fields.urls]
    lines += ["", words["why"], *("   " + line for line in fields.explanation.splitlines())]
    if fields.categories:
        taxonomy = taxonomy or load_taxonomy()
        articles: dict[str, str] = {}
        for category_id in fields.categories:
            category = taxonomy.get(category_id)
            for offence in category.offences if category is not None else ():
                articles.setdefault(offence.article, offence.name(lang))
        if articles:
            lines += ["", "   " + words["offences"]]
            lines += [f"   - {article}: {name}" for article, name in articles.items()]
    lines.append("")
    sender = " ".join(part for part in (fields.name, f"<{fields.email}>" if fields.email else "") if part)
    lines.append(words["sender"].format(sender=sender) if sender else words["no_sender"])
    lines += ["", words["statement_head"], "   " + words["statement"], "", words["request"]]
    return "\n".join(lines) + "\n"


def routes(categories: Sequence[str], lang: str) -> list[str]:
    """Where else to turn for these categories (Helpwanted.nl, the police), in plain words."""
    chosen = set(categories)
    texts = _ROUTES[_lang(lang)]
    found = []
    if chosen & HELPWANTED_CATEGORIES:
        found.append(texts["helpwanted"])
    if chosen & POLICE_CATEGORIES:
        found.append(texts["police"])
    return found
