"""Every word the dossier PDF prints, in English and Dutch, and the way it writes dates and numbers.

Rule: the renderer prints no literal of its own; it asks `t(lang, key, **params)`. Both languages
have exactly the same keys and the same {placeholders} (a test checks), so a Dutch dossier never
falls back to English in the middle of a page. The Dutch is written for a Dutch police officer or
lawyer: "bewijsstuk", "bewaarketen", "tijdstempel".

Dates are written the way each reader expects them: English as ISO 8601 (2024-03-12, which no
reader misreads), Dutch as 12-03-2024. Month and weekday names live here, not in the locale of
the computer that happens to export.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from evidence_kit.dossier.chat_lines import CHAT_EN, CHAT_NL
from evidence_kit.dossier.model import Language
from evidence_kit.dossier.texts_case import CASE_EN, CASE_NL
from evidence_kit.dossier.texts_claims import CLAIMS_EN, CLAIMS_NL, type_key
from evidence_kit.dossier.texts_events import EVENTS_EN, EVENTS_NL
from evidence_kit.dossier.texts_pages import PAGE_TEXTS_EN, PAGE_TEXTS_NL

_EN: dict[str, str] = {
    # Cover
    "title": "Evidence dossier",
    "subtitle": "Digital evidence with its chain of custody",
    "cover.case": "Case",
    "cover.compiler": "Compiled by",
    "cover.compiler_blank": "not stated",
    "cover.period": "Period covered",
    "cover.period_range": "{start} to {end}",
    "cover.period_unknown": "no dates are shown in the content of the items",
    "cover.exported": "Exported",
    "cover.dossier_id": "Dossier ID",
    "cover.vault_id": "Vault ID",
    "cover.tool": "Made with",
    "cover.tool_value": "Evidence Kit {version}",
    "cover.items": "Items",
    "cover.items_total": "{count} in total",
    "cover.messages": "{count} chat messages",
    "cover.withheld": "{count} withheld from display (intimate or sensitive content)",
    "cover.manifest": "Manifest SHA-256",
    "cover.custody_head": "Custody log head",
    "cover.custody_head_use": (
        "Keep or copy this line. Later, evidence-kit verify VAULT --against FILE, with this line "
        "in FILE, shows whether the vault still contains this exact log, or was rolled back or rewritten."
    ),
    "cover.seal_broken": (
        "Warning: the parsed content, times or facts of item(s) {numbers} were changed after they "
        "were imported. They no longer match the seal written into the custody log at import, so "
        "what this dossier shows of them cannot be relied on. Their original files are unchanged "
        "only if their SHA-256 hashes check out; rely on those originals."
    ),
    "item.seal_broken": (
        "Changed after import: the parsed content, times or facts shown for this item no longer "
        "match the seal written into the custody log when it was imported. Do not rely on them; "
        "rely on the original file."
    ),
    "statement.title": "What this dossier proves, and what it does not",
    "cover.how_to_read": (
        "Page 2 lists all items; the timeline shows them by date; then every item has its own "
        "section. The original files are in the package that came with this dossier, under the "
        "names and SHA-256 hashes printed here. Appendix B says how to check them."
    ),
    # Kinds
    "kind.file": "File",
    "kind.image": "Image",
    "kind.chat": "Chat",
    "kind.email": "E-mail",
    "kind.sms": "SMS",
    "kind.call_log": "Call log",
    "kinds.file": "Files",
    "kinds.image": "Images",
    "kinds.chat": "Chats",
    "kinds.email": "E-mails",
    "kinds.sms": "SMS conversations",
    "kinds.call_log": "Call logs",
    # Summary table
    "summary.title": "Summary of items",
    "col.number": "No.",
    "col.kind": "Kind",
    "col.date": "Date as shown",
    "col.platform": "Platform",
    "col.sender": "Sender",
    "col.description": "Description",
    "col.sha256": "SHA-256",
    "summary.withheld": "withheld",
    "summary.none": "This dossier contains no items.",
    # Timeline
    "timeline.title": "Timeline",
    "timeline.intro": (
        "Items and chat messages by the date shown in their content. Dates are as the content "
        "shows them; items without such a date are listed at the end."
    ),
    "timeline.items_per.day": "Items per day",
    "timeline.items_per.week": "Items per week",
    "timeline.items_per.month": "Items per month",
    "timeline.messages_per.day": "Chat messages per day",
    "timeline.messages_per.week": "Chat messages per week",
    "timeline.messages_per.month": "Chat messages per month",
    "timeline.week_of": "week of {date}",
    "timeline.chat_span": "{count} messages, {start} to {end}",
    "timeline.undated": "Without a date in the content",
    "timeline.none": "No item shows a date in its content.",
    "timeline.item": "No. {number}",
    # Item section
    "item.title": "Item {number}: {name}",
    "item.withheld_box": "Content withheld \u2014 original in package",
    "item.withheld_explain": (
        "At the request of the person who compiled this dossier, the content of this item is not "
        "shown (for example because it is an intimate image). The original file is in the package; "
        "the SHA-256 below identifies it exactly."
    ),
    "item.preview_caption": "Reduced copy for reading; the original is in the package.",
    "item.no_preview": "No preview of this item is available; the original is in the package.",
    "item.preview_unreadable": "The preview of this item could not be read; the original is in the package.",
    "meta.title": "Details",
    "meta.item_id": "Item ID",
    "meta.kind": "Kind",
    "meta.file_name": "File name",
    "meta.size": "Size",
    "meta.size_value": "{bytes} bytes ({human})",
    "meta.type": "Type",
    "meta.type_unknown": "unknown",
    "meta.sha256": "SHA-256",
    "meta.platform": "Platform",
    "meta.sender": "Sender",
    "meta.category": "Category",
    "meta.image_size": "Image size",
    "meta.image_size_value": "{width} \u00d7 {height} pixels",
    "meta.times": "Times",
    "meta.trusted_time": "Trusted timestamp",
    "meta.trusted_time_value": "{time} by {tsa}",
    "meta.not_timestamped": "not timestamped by a time-stamp authority",
    "meta.no_times": "no times recorded",
    "exif.title": "Photo metadata (EXIF)",
    "headers.title": "E-mail headers",
    "note.title": "Note by the compiler",
    "warnings.title": "Points of attention from reading the file",
    # Time sources and time formats
    "source.content": "As shown in the content",
    "source.file_metadata": "File metadata (modification time)",
    "source.file_name": "From the file name",
    "source.import_clock": "Stored in the vault (computer clock)",
    "source.tsa": "Trusted timestamp (time-stamp authority)",
    "time.zone_not_stated": "time zone not stated",
    "time.utc_equivalent": "= {utc} UTC",
    "time.offset": "UTC{offset}",
    # Transcript
    "transcript.title": "Conversation",
    "transcript.count": "{count} messages, in the order of the export.",
    "transcript.count_one": "1 message.",
    "transcript.email_title": "Text of the message",
    "transcript.times": "Times are as shown in the export.",
    "transcript.time_zone": "Time zone: {assumption}",
    "transcript.participants": "Participants: {names}",
    "transcript.no_date": "Messages without a date",
    "msg.unknown_sender": "(sender unknown)",
    "msg.system": "system message",
    "msg.deleted": "[message deleted]",
    "msg.edited": "(edited)",
    "msg.forwarded": "(forwarded)",
    "msg.out_of_order": "(time earlier than the message before)",
    "msg.media_omitted": "(media not included in the export)",
    "msg.attachment": "Attachment: {name}",
    "msg.no_time": "time not shown",
    # Appendix A: custody log
    "custody.title": "Appendix A: chain of custody log",
    "custody.intro": (
        "Every action on the evidence is an event in this log, in order. The hash of each event is "
        "the SHA-256 of the previous event\u2019s hash followed by the event itself, so changing, "
        "inserting or removing an event changes every hash after it. Times are in UTC."
    ),
    "custody.head": "Head of the log at export: {hash}",
    "custody.none": "No custody events are included.",
    "col.seq": "No.",
    "col.time_utc": "Time (UTC)",
    "col.event": "Event",
    "col.hash": "Hash",
    # Appendix B: verification
    "verify.title": "Appendix B: how to check this dossier",
    "verify.intro": (
        "Anyone can check the package that came with this dossier with standard tools; no vault "
        "and no passphrase are needed. VERIFY.txt in the package gives every step in full."
    ),
    "verify.step_originals": (
        "Check the original files. In the package folder, run the command below; every line must "
        "end in OK. Each hash must also be the SHA-256 printed for that item in this dossier."
    ),
    "verify.step_originals_windows": (
        "On Windows, run for each file the command below and compare the hash it prints."
    ),
    "verify.step_manifest": (
        "Check that this dossier belongs to the package: the SHA-256 of manifest.json must be the "
        "manifest SHA-256 printed at the foot of every page."
    ),
    "verify.step_signature": (
        "Check the manifest\u2019s signature with OpenSSL; it must answer "
        "\u201cSignature Verified Successfully\u201d."
    ),
    "verify.step_tool": "Or check everything at once with Evidence Kit itself:",
    "verify.package": "PACKAGE",
    "verify.macos": "(macOS)",
    "verify.windows_file": "originals\\FILE",
    "section.items": "Items",
    "verify.limits": (
        "A match proves that the files are the same, bit for bit, as when they were stored and "
        "exported. It does not prove who made them or that what they show is true."
    ),
    # Footer
    "footer.dossier": "Dossier {id}",
    "footer.page_of": "Page {page} of",
    "footer.manifest": "Manifest SHA-256:",
    # Misc
    "none": "\u2014",
    "pdf.title": "Evidence dossier {id}",
    "pdf.subject": "Chain-of-custody dossier of digital evidence",
}

_NL: dict[str, str] = {
    "title": "Bewijsdossier",
    "subtitle": "Digitaal bewijs met de bewaarketen",
    "cover.case": "Zaak",
    "cover.compiler": "Samengesteld door",
    "cover.compiler_blank": "niet vermeld",
    "cover.period": "Periode",
    "cover.period_range": "{start} tot en met {end}",
    "cover.period_unknown": "de inhoud van de bewijsstukken toont geen datums",
    "cover.exported": "Ge\u00ebxporteerd op",
    "cover.dossier_id": "Dossiernummer",
    "cover.vault_id": "Kluisnummer",
    "cover.tool": "Gemaakt met",
    "cover.tool_value": "Bewijskluis (Evidence Kit) {version}",
    "cover.items": "Bewijsstukken",
    "cover.items_total": "{count} in totaal",
    "cover.messages": "{count} chatberichten",
    "cover.withheld": "{count} niet afgebeeld (intieme of gevoelige inhoud)",
    "cover.manifest": "SHA-256 van het manifest",
    "cover.custody_head": "Laatste hash van de bewaarketen",
    "cover.custody_head_use": (
        "Bewaar of kopieer deze regel. Later laat evidence-kit verify KLUIS --against BESTAND, met deze "
        "regel in BESTAND, zien of de kluis nog precies dit logboek bevat, of is teruggezet of herschreven."
    ),
    "cover.seal_broken": (
        "Let op: de uitgelezen inhoud, tijden of gegevens van bewijsstuk(ken) {numbers} zijn na het "
        "importeren gewijzigd. Ze komen niet meer overeen met het zegel dat bij het importeren in de "
        "bewaarketen is vastgelegd; wat dit dossier ervan toont, is daarom niet betrouwbaar. De "
        "originele bestanden zijn alleen ongewijzigd als hun SHA-256-hashwaarden kloppen; ga uit van "
        "die originelen."
    ),
    "item.seal_broken": (
        "Gewijzigd na het importeren: de uitgelezen inhoud, tijden of gegevens van dit bewijsstuk "
        "komen niet meer overeen met het zegel dat bij het importeren in de bewaarketen is "
        "vastgelegd. Ga er niet van uit; ga uit van het originele bestand."
    ),
    "statement.title": "Wat dit dossier bewijst, en wat niet",
    "cover.how_to_read": (
        "Pagina 2 geeft een overzicht van alle bewijsstukken; de tijdlijn zet ze op datum; daarna "
        "heeft elk stuk een eigen paragraaf. De originele bestanden zitten in het pakket bij dit "
        "dossier, onder de namen en SHA-256-hashwaarden die hier staan. Bijlage B legt uit hoe u ze "
        "controleert."
    ),
    "kind.file": "Bestand",
    "kind.image": "Afbeelding",
    "kind.chat": "Chat",
    "kind.email": "E-mail",
    "kind.sms": "Sms",
    "kind.call_log": "Belgeschiedenis",
    "kinds.file": "Bestanden",
    "kinds.image": "Afbeeldingen",
    "kinds.chat": "Chats",
    "kinds.email": "E-mails",
    "kinds.sms": "Sms-gesprekken",
    "kinds.call_log": "Belgeschiedenissen",
    "summary.title": "Overzicht van de bewijsstukken",
    "col.number": "Nr.",
    "col.kind": "Soort",
    "col.date": "Datum volgens inhoud",
    "col.platform": "Platform",
    "col.sender": "Afzender",
    "col.description": "Omschrijving",
    "col.sha256": "SHA-256",
    "summary.withheld": "niet afgebeeld",
    "summary.none": "Dit dossier bevat geen bewijsstukken.",
    "timeline.title": "Tijdlijn",
    "timeline.intro": (
        "Bewijsstukken en chatberichten op de datum die hun inhoud toont. De datums zijn zoals de "
        "inhoud ze weergeeft; stukken zonder zo\u2019n datum staan aan het eind."
    ),
    "timeline.items_per.day": "Bewijsstukken per dag",
    "timeline.items_per.week": "Bewijsstukken per week",
    "timeline.items_per.month": "Bewijsstukken per maand",
    "timeline.messages_per.day": "Chatberichten per dag",
    "timeline.messages_per.week": "Chatberichten per week",
    "timeline.messages_per.month": "Chatberichten per maand",
    "timeline.week_of": "week van {date}",
    "timeline.chat_span": "{count} berichten, {start} tot en met {end}",
    "timeline.undated": "Zonder datum in de inhoud",
    "timeline.none": "Geen enkel bewijsstuk toont een datum in de inhoud.",
    "timeline.item": "Nr. {number}",
    "item.title": "Stuk {number}: {name}",
    "item.withheld_box": "Inhoud niet afgebeeld \u2014 origineel in het pakket",
    "item.withheld_explain": (
        "Op verzoek van de samensteller van dit dossier is de inhoud van dit stuk niet afgebeeld "
        "(bijvoorbeeld omdat het een intieme afbeelding is). Het originele bestand zit in het "
        "pakket; de SHA-256 hieronder identificeert het precies."
    ),
    "item.preview_caption": "Verkleinde kopie om te lezen; het origineel zit in het pakket.",
    "item.no_preview": "Van dit stuk is geen voorbeeld beschikbaar; het origineel zit in het pakket.",
    "item.preview_unreadable": (
        "Het voorbeeld van dit stuk kon niet worden gelezen; het origineel zit in het pakket."
    ),
    "meta.title": "Gegevens",
    "meta.item_id": "Stuknummer in de kluis",
    "meta.kind": "Soort",
    "meta.file_name": "Bestandsnaam",
    "meta.size": "Grootte",
    "meta.size_value": "{bytes} bytes ({human})",
    "meta.type": "Type",
    "meta.type_unknown": "onbekend",
    "meta.sha256": "SHA-256",
    "meta.platform": "Platform",
    "meta.sender": "Afzender",
    "meta.category": "Categorie",
    "meta.image_size": "Afmetingen",
    "meta.image_size_value": "{width} \u00d7 {height} pixels",
    "meta.times": "Tijden",
    "meta.trusted_time": "Vertrouwd tijdstempel",
    "meta.trusted_time_value": "{time} door {tsa}",
    "meta.not_timestamped": "geen tijdstempel van een tijdstempelautoriteit",
    "meta.no_times": "geen tijden vastgelegd",
    "exif.title": "Fotogegevens (EXIF)",
    "headers.title": "Kopregels van de e-mail",
    "note.title": "Notitie van de samensteller",
    "warnings.title": "Aandachtspunten bij het inlezen van het bestand",
    "source.content": "Zoals getoond in de inhoud",
    "source.file_metadata": "Bestandsgegevens (wijzigingstijd)",
    "source.file_name": "Uit de bestandsnaam",
    "source.import_clock": "Opgeslagen in de kluis (klok van de computer)",
    "source.tsa": "Vertrouwd tijdstempel (tijdstempelautoriteit)",
    "time.zone_not_stated": "tijdzone niet vermeld",
    "time.utc_equivalent": "= {utc} UTC",
    "time.offset": "UTC{offset}",
    "transcript.title": "Gesprek",
    "transcript.count": "{count} berichten, in de volgorde van de export.",
    "transcript.count_one": "1 bericht.",
    "transcript.email_title": "Tekst van het bericht",
    "transcript.times": "Tijden zoals getoond in de export.",
    "transcript.time_zone": "Tijdzone: {assumption}",
    "transcript.participants": "Deelnemers: {names}",
    "transcript.no_date": "Berichten zonder datum",
    "msg.unknown_sender": "(afzender onbekend)",
    "msg.system": "systeembericht",
    "msg.deleted": "[bericht verwijderd]",
    "msg.edited": "(bewerkt)",
    "msg.forwarded": "(doorgestuurd)",
    "msg.out_of_order": "(tijd eerder dan het bericht ervoor)",
    "msg.media_omitted": "(media niet meegenomen in de export)",
    "msg.attachment": "Bijlage: {name}",
    "msg.no_time": "tijd niet getoond",
    "custody.title": "Bijlage A: logboek van de bewaarketen",
    "custody.intro": (
        "Elke handeling met het bewijs is een gebeurtenis in dit logboek, op volgorde. De hash van "
        "elke gebeurtenis is de SHA-256 van de hash van de vorige gebeurtenis, gevolgd door de "
        "gebeurtenis zelf. Wie een gebeurtenis wijzigt, tussenvoegt of verwijdert, verandert dus "
        "alle hashes daarna. Tijden zijn in UTC."
    ),
    "custody.head": "Laatste hash van het logboek bij export: {hash}",
    "custody.none": "Er zijn geen gebeurtenissen van de bewaarketen opgenomen.",
    "col.seq": "Nr.",
    "col.time_utc": "Tijd (UTC)",
    "col.event": "Gebeurtenis",
    "col.hash": "Hash",
    "verify.title": "Bijlage B: zo controleert u dit dossier",
    "verify.intro": (
        "Iedereen kan het pakket bij dit dossier controleren met standaardprogramma\u2019s; daarvoor "
        "zijn geen kluis en geen wachtwoordzin nodig. VERIFY.txt in het pakket beschrijft elke stap "
        "volledig."
    ),
    "verify.step_originals": (
        "Controleer de originele bestanden. Voer in de map van het pakket de opdracht hieronder "
        "uit; elke regel moet eindigen op OK. Elke hash moet ook de SHA-256 zijn die in dit dossier "
        "bij dat stuk staat."
    ),
    "verify.step_originals_windows": (
        "Voer op Windows voor elk bestand de opdracht hieronder uit en vergelijk de hash die verschijnt."
    ),
    "verify.step_manifest": (
        "Controleer dat dit dossier bij het pakket hoort: de SHA-256 van manifest.json moet gelijk "
        "zijn aan de SHA-256 van het manifest onderaan elke pagina."
    ),
    "verify.step_signature": (
        "Controleer de handtekening van het manifest met OpenSSL; het antwoord moet "
        "\u2018Signature Verified Successfully\u2019 zijn."
    ),
    "verify.step_tool": "Of controleer alles in \u00e9\u00e9n keer met Bewijskluis (Evidence Kit) zelf:",
    "verify.package": "PAKKET",
    "verify.macos": "(macOS)",
    "verify.windows_file": "originals\\BESTAND",
    "section.items": "Bewijsstukken",
    "verify.limits": (
        "Een overeenkomst bewijst dat de bestanden bit voor bit gelijk zijn aan het moment van "
        "opslaan en exporteren. Het bewijst niet wie ze heeft gemaakt, of dat wat ze tonen waar is."
    ),
    "footer.dossier": "Dossier {id}",
    "footer.page_of": "Pagina {page} van",
    "footer.manifest": "SHA-256 van het manifest:",
    "none": "\u2014",
    "pdf.title": "Bewijsdossier {id}",
    "pdf.subject": "Dossier van digitaal bewijs met de bewaarketen",
}

TEXTS: dict[Language, dict[str, str]] = {
    "en": {**_EN, **CHAT_EN, **PAGE_TEXTS_EN, **CLAIMS_EN, **EVENTS_EN, **CASE_EN},
    "nl": {**_NL, **CHAT_NL, **PAGE_TEXTS_NL, **CLAIMS_NL, **EVENTS_NL, **CASE_NL},
}

_MONTHS: dict[Language, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
}
_WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}


def t(lang: Language, key: str, **params: object) -> str:
    """The text `key` in `lang`, with its {placeholders} filled from `params`.

    An unknown key is a programming error and raises KeyError; it is never shown to a reader.
    """
    template = TEXTS[lang][key]
    return template.format(**params) if params else template


def has_text(lang: Language, key: str) -> bool:
    return key in TEXTS[lang]


def plain_type(lang: Language, media_type: str) -> str:
    """A MIME type in words ("PDF document"); the caller prints the value itself in small print."""
    key, value = type_key(media_type)
    return t(lang, key, format=value) if value else t(lang, key)


def platform_name(lang: Language, platform: str) -> str:
    """A platform as people write it: "WhatsApp", not the importer's "whatsapp"."""
    key = "platform." + platform.lower()
    if has_text(lang, key):
        return t(lang, key)
    return _PLATFORMS.get(platform.lower(), platform)


_PLATFORMS = {
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "signal": "Signal",
    "discord": "Discord",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "messenger": "Messenger",
    "meta": "Meta (Instagram/Facebook)",
}


# Dates and numbers -------------------------------------------------------------------------------


def format_int(lang: Language, value: int) -> str:
    """1234567 -> '1,234,567' (en) or '1.234.567' (nl)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "nl" else text


def format_size(lang: Language, size: int) -> str:
    """A byte count for people: '1.2 MB' (en) or '1,2 MB' (nl); decimal units like file managers."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            text = f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
            return text.replace(".", ",") if lang == "nl" else text
        value /= 1000
    raise AssertionError("unreachable")  # pragma: no cover


def format_date(lang: Language, day: date) -> str:
    """A short date: 2024-03-12 (en) or 12-03-2024 (nl)."""
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.strftime("%Y-%m-%d")


def format_long_date(lang: Language, day: date) -> str:
    """A date for headings: 'Tuesday 12 March 2024' / 'dinsdag 12 maart 2024'."""
    weekday = _WEEKDAYS[lang][day.weekday()]
    return f"{weekday} {day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def format_month(lang: Language, day: date) -> str:
    return f"{_MONTHS[lang][day.month - 1]} {day.year}"


def format_datetime(lang: Language, moment: datetime, *, seconds: bool = True) -> str:
    """Date and wall-clock time as given (no time zone conversion)."""
    clock = moment.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{format_date(lang, moment.date())} {clock}"


def format_offset(minutes: int) -> str:
    """120 -> '+02:00', -330 -> '-05:30'."""
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def format_utc(lang: Language, moment: datetime) -> str:
    """An aware datetime converted to UTC, without the 'UTC' suffix (callers add it)."""
    return format_datetime(lang, moment.astimezone(UTC))


def format_aware(lang: Language, moment: datetime) -> str:
    """An aware datetime as local wall time with its offset and the UTC equivalent."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    local = format_datetime(lang, moment.replace(tzinfo=None))
    zone = t(lang, "time.offset", offset=format_offset(minutes))
    if minutes == 0:
        return f"{local} UTC"
    return f"{local} ({zone}) {t(lang, 'time.utc_equivalent', utc=format_utc(lang, moment))}"
