"""The dossier's words for its page furniture and item pages: index, header, pictures, text files, e-mails.

Rule: like texts.py (which merges these into `TEXTS`), both languages have the same keys and
placeholders; they live apart so the index and item-page layout can change without touching
the cover's and appendix's words.
"""

from __future__ import annotations

PAGE_TEXTS_EN: dict[str, str] = {
    "header.case": "Case: {title}",
    "header.no_case": "Evidence dossier",
    "index.title": "Index of items",
    "index.intro": (
        "Every item with its file name, kind, the time its content shows and where that time comes "
        "from, your note, and the page where its section starts. Click a row's number, name or page "
        "to go there."
    ),
    "index.col.name": "File name",
    "index.col.time": "Time and its source",
    "index.col.note": "Note",
    "index.col.page": "Page",
    "index.messages": "{count} messages",
    "index.chat_span": "{start} to {end}",
    "index.chat_source": "as the messages show it",
    "index.contents": "Contents",
    "index.section.index": "Index of items",
    "index.section.timeline": "Timeline",
    "index.section.items": "The items",
    "index.section.custody": "Chain of custody",
    "index.section.verify": "How to verify",
    "picture.caption": (
        "Copy of the original for reading, {width} \u00d7 {height} pixels, shown at the full width "
        "of the page; the original file is in the package, unchanged."
    ),
    "picture.caption_reduced": (
        "Reduced copy for reading ({width} \u00d7 {height} pixels, the original has {orig_width} "
        "\u00d7 {orig_height}); the original file is in the package, unchanged."
    ),
    "picture.continued": "Item {number}, picture continued",
    "textfile.title": "Content of the file",
    "textfile.complete": "The whole file as text ({bytes} bytes), line by line as it is stored.",
    "textfile.cut": (
        "The first {shown} of {bytes} bytes, as text; the rest is not shown here. The whole file is "
        "in the package."
    ),
    "textfile.empty": "The file is empty.",
    "email.message_of": "Message {number} of {count}",
    "email.field.subject": "Subject",
    "email.field.to": "To",
    "email.field.cc": "Cc",
    "email.field.reply_to": "Reply to",
    "email.field.return_path": "Return path",
    "email.field.dkim_signature": "DKIM signature",
    "email.field.signature": "Signature",
    "email.field.encrypted": "Encrypted",
}

PAGE_TEXTS_NL: dict[str, str] = {
    "header.case": "Zaak: {title}",
    "header.no_case": "Bewijsdossier",
    "index.title": "Register van de bewijsstukken",
    "index.intro": (
        "Elk bewijsstuk met bestandsnaam, soort, de tijd die de inhoud toont en waar die tijd "
        "vandaan komt, uw notitie, en de pagina waar het begint. Klik op het nummer, de naam of "
        "de pagina om erheen te gaan."
    ),
    "index.col.name": "Bestandsnaam",
    "index.col.time": "Tijd en bron",
    "index.col.note": "Notitie",
    "index.col.page": "Pagina",
    "index.messages": "{count} berichten",
    "index.chat_span": "{start} t/m {end}",
    "index.chat_source": "zoals de berichten tonen",
    "index.contents": "Inhoud",
    "index.section.index": "Register van de bewijsstukken",
    "index.section.timeline": "Tijdlijn",
    "index.section.items": "De bewijsstukken",
    "index.section.custody": "Bewaarketen",
    "index.section.verify": "Zo controleert u het",
    "picture.caption": (
        "Kopie van het origineel om te lezen, {width} \u00d7 {height} pixels, op de volle breedte "
        "van de pagina; het originele bestand zit onveranderd in het pakket."
    ),
    "picture.caption_reduced": (
        "Verkleinde kopie om te lezen ({width} \u00d7 {height} pixels, het origineel heeft "
        "{orig_width} \u00d7 {orig_height}); het originele bestand zit onveranderd in het pakket."
    ),
    "picture.continued": "Stuk {number}, vervolg van de afbeelding",
    "textfile.title": "Inhoud van het bestand",
    "textfile.complete": (
        "Het hele bestand als tekst ({bytes} bytes), regel voor regel zoals het is opgeslagen."
    ),
    "textfile.cut": (
        "De eerste {shown} van {bytes} bytes, als tekst; de rest staat hier niet. Het hele bestand "
        "zit in het pakket."
    ),
    "textfile.empty": "Het bestand is leeg.",
    "email.message_of": "Bericht {number} van {count}",
    "email.field.subject": "Onderwerp",
    "email.field.to": "Aan",
    "email.field.cc": "Cc",
    "email.field.reply_to": "Antwoord aan",
    "email.field.return_path": "Retouradres",
    "email.field.dkim_signature": "DKIM-handtekening",
    "email.field.signature": "Handtekening",
    "email.field.encrypted": "Versleuteld",
}
