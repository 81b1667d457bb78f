"""The dossier's words for what it claims and how to check it, its relations, and plain type names.

Rule: kept beside texts.py (which merges them into its catalogue, same keys in both languages)
so the cover's honest claims, appendix B's check commands, the withheld-original notes, the
parent/duplicate lines and the plain names of file types and platforms are read in one place.
Every claim says who vouches for it: the export (what a file says of itself), the user's own
computer (its clock, its self-made key) or a time-stamp authority (the only outside proof of a
time). A technical value (a MIME type) is printed in words, with the value itself in small print.
"""

from __future__ import annotations

CLAIMS_EN: dict[str, str] = {
    # Cover: what is proven, and by whom
    "statement.body": (
        "This dossier shows that the files in it are, bit for bit, the files stored in the evidence "
        "vault: when each file was stored, its SHA-256 hash (a digital fingerprint) was recorded, and "
        "every later action is recorded in the chain of custody log in appendix A. The dossier does "
        "not prove that the content of the files is true or complete, or that a message really comes "
        "from the person it appears to come from. That is for the investigation to establish."
    ),
    "statement.times": (
        "Who vouches for each time. A time \u201cas shown in the content\u201d is what the file or "
        "export itself claims (a chat line, a photo\u2019s EXIF data, an e-mail\u2019s Date header); "
        "nobody has checked it. The times an item was stored and this dossier was exported come from "
        "the clock of the user\u2019s own computer: they are recorded in the signed log, but a "
        "computer clock can be set to any time, so they prove nothing by themselves. Only a trusted "
        "timestamp from a time-stamp authority (TSA) proves that a file existed at a time: {tsa}."
    ),
    "statement.tsa_none": "no item in this dossier has one",
    "statement.tsa_some": "{count} of the {total} items have one, printed on their pages",
    "statement.signature": (
        "The package and this PDF are signed with a key that Evidence Kit made on the user\u2019s own "
        "computer (a self-made key; no authority issued it). The signature proves that the package "
        "and the PDF have not been changed since they were exported. It does not prove who the person "
        "is who made them, nor when: that must be established by who receives them."
    ),
    "cover.period_basis": "By the dates the content shows; file times and the storage clock do not count.",
    "cover.period_outliers": "Far outside this period: {items}",
    "cover.period_outlier": "item {number} ({date})",
    "cover.withheld_left_out": (
        "Withheld originals left out of the package: item(s) {numbers}. Their SHA-256 hashes are on "
        "their pages and in the manifest; ask for the originals through the proper channel."
    ),
    "cover.withheld_included": (
        "Item(s) {numbers} are not shown in this PDF (intimate or sensitive content); their originals "
        "are in the package."
    ),
    # Item page: who vouches for each time
    "proof.content": "claimed by the file or export itself; not checked",
    "proof.file_name": "read from the file name; the time zone is not known, and a name is easily changed",
    "proof.file_metadata": "from the file system of the user\u2019s computer; easily changed",
    "proof.import_clock": "from the clock of the user\u2019s computer; not proven",
    "proof.tsa": "proven by the time-stamp authority\u2019s signature",
    "meta.trusted_time_proves": (
        "The time-stamp authority\u2019s signature proves the file existed at that time."
    ),
    # Item page: withheld originals left out
    "item.withheld_box_left_out": "Content withheld \u2014 original not in this package",
    "item.withheld_explain_left_out": (
        "At the request of the person who compiled this dossier, the content of this item is not "
        "shown (for example because it is an intimate image), and its original file was left out of "
        "the package. The manifest keeps its SHA-256 (below), its size and the reason: ask for the "
        "original through the proper channel and check it against this SHA-256."
    ),
    # Relations
    "meta.parent": "Taken from",
    "meta.parent_item": "item {number} ({name})",
    "meta.chat_reference": (
        "hash of a reference to {export}, the export this chat was read from, not of the export "
        "itself; the export's SHA-256:"
    ),
    "meta.parent_outside": "an item that is not in this dossier (vault item {id})",
    "meta.parent_message": "attached to the message of {time} from {sender}",
    "meta.attachments": "Attachments",
    "meta.duplicates": "Same file (SHA-256)",
    "meta.duplicate_item": "also imported as item {number} ({name})",
    "msg.attachment_item": "Attachment: {name} \u2192 item {number}",
    # Plain names of file types; the MIME type follows in small print
    "type.text/plain": "Text file",
    "type.text/html": "Web page (HTML)",
    "type.text/csv": "Table (CSV)",
    "type.message/rfc822": "E-mail message",
    "type.application/pdf": "PDF document",
    "type.application/zip": "Zip archive",
    "type.application/json": "Data file (JSON)",
    "type.application/xml": "Data file (XML)",
    "type.application/octet-stream": "File of unknown type",
    "type.image": "Image ({format})",
    "type.video": "Video ({format})",
    "type.audio": "Sound recording ({format})",
    "type.other": "File ({format})",
    # Plain names of platforms
    "platform.call_log": "Call log",
    "platform.email": "E-mail",
    "platform.sms": "SMS",
    # Appendix B: the custody log, the timestamps and the PDF signature
    "verify.step_custody": (
        "Check the custody log: custody_log.jsonl in the package holds every event of appendix A "
        "with its hash, the previous hash and its signature. The Python command in VERIFY.txt "
        "(step 7) walks the chain; it must end at the head printed on the cover."
    ),
    "verify.step_tsa": (
        "Check the trusted timestamps (folder timestamps/) with OpenSSL; each must answer "
        "\u201cVerification: OK\u201d. VERIFY.txt (step 6) gives the command for each token, such as:"
    ),
    "verify.step_tsa_none": "Trusted timestamps: this package holds none.",
    "verify.step_tsa_windows": (
        "On Windows, certutil -asn shows a token\u2019s content (its time and the stamped hash) but does "
        "not check its signature; for that, use OpenSSL (it comes with Git for Windows)."
    ),
    "verify.step_pdf": (
        "Check the signature of this PDF with pdfsig (poppler); it must say \u201cSignature is "
        "Valid\u201d and \u201cTotal document signed\u201d."
    ),
    "verify.step_pdf_windows": (
        "On Windows, open the PDF in Adobe Acrobat Reader and open the signature panel: it must say "
        "that the document has not been modified since it was signed. Reader calls the signer\u2019s "
        "identity unknown, because the key is self-made; that is expected."
    ),
}

CLAIMS_NL: dict[str, str] = {
    "statement.body": (
        "Dit dossier toont aan dat de bestanden erin bit voor bit de bestanden zijn die in de "
        "bewijskluis zijn opgeslagen: bij het opslaan is van elk bestand de SHA-256-hashwaarde (een "
        "digitale vingerafdruk) vastgelegd, en elke latere handeling staat in het logboek van de "
        "bewaarketen in bijlage A. Het dossier bewijst niet dat de inhoud van de bestanden waar of "
        "volledig is, of dat een bericht echt afkomstig is van de persoon van wie het lijkt te komen. "
        "Dat moet het onderzoek vaststellen."
    ),
    "statement.times": (
        "Wie voor elke tijd instaat. Een tijd \u2018zoals getoond in de inhoud\u2019 is wat het "
        "bestand of de export zelf beweert (een chatregel, de EXIF-gegevens van een foto, de "
        "Date-regel van een e-mail); niemand heeft die gecontroleerd. De tijden van opslaan en van "
        "deze export komen van de klok van de eigen computer van de gebruiker: ze staan in het "
        "ondertekende logboek, maar een computerklok kan op elke tijd worden gezet, dus op zichzelf "
        "bewijzen ze niets. Alleen een vertrouwd tijdstempel van een tijdstempelautoriteit (TSA) "
        "bewijst dat een bestand op een tijdstip bestond: {tsa}."
    ),
    "statement.tsa_none": "geen enkel stuk in dit dossier heeft er een",
    "statement.tsa_some": "{count} van de {total} stukken hebben er een, vermeld op hun pagina",
    "statement.signature": (
        "Het pakket en deze pdf zijn ondertekend met een sleutel die Bewijskluis op de eigen computer "
        "van de gebruiker heeft gemaakt (een zelfgemaakte sleutel; geen instantie heeft die "
        "uitgegeven). De handtekening bewijst dat het pakket en de pdf niet zijn gewijzigd sinds de "
        "export. Ze bewijst niet wie de persoon is die ze heeft gemaakt, en ook niet wanneer: dat moet "
        "wie ze ontvangt vaststellen."
    ),
    "cover.period_basis": "Volgens de datums in de inhoud; bestandstijden en de opslagklok tellen niet mee.",
    "cover.period_outliers": "Ver buiten deze periode: {items}",
    "cover.period_outlier": "stuk {number} ({date})",
    "cover.withheld_left_out": (
        "Afgeschermde originelen die niet in het pakket zitten: stuk(ken) {numbers}. Hun "
        "SHA-256-hashwaarden staan op hun pagina en in het manifest; vraag de originelen op via de "
        "daarvoor bestemde weg."
    ),
    "cover.withheld_included": (
        "Stuk(ken) {numbers} zijn in deze pdf niet afgebeeld (intieme of gevoelige inhoud); hun "
        "originelen zitten wel in het pakket."
    ),
    "proof.content": "beweerd door het bestand of de export zelf; niet gecontroleerd",
    "proof.file_name": (
        "gelezen uit de bestandsnaam; de tijdzone is niet bekend en een naam is makkelijk te wijzigen"
    ),
    "proof.file_metadata": "van het bestandssysteem van de computer van de gebruiker; makkelijk te wijzigen",
    "proof.import_clock": "van de klok van de computer van de gebruiker; niet bewezen",
    "proof.tsa": "bewezen door de handtekening van de tijdstempelautoriteit",
    "meta.trusted_time_proves": (
        "De handtekening van de tijdstempelautoriteit bewijst dat het bestand op dat moment bestond."
    ),
    "item.withheld_box_left_out": "Inhoud niet afgebeeld \u2014 origineel niet in dit pakket",
    "item.withheld_explain_left_out": (
        "Op verzoek van de samensteller van dit dossier is de inhoud van dit stuk niet afgebeeld "
        "(bijvoorbeeld omdat het een intieme afbeelding is) en is het originele bestand niet in het "
        "pakket opgenomen. Het manifest bewaart de SHA-256 (hieronder), de grootte en de reden: vraag "
        "het origineel op via de daarvoor bestemde weg en controleer het met deze SHA-256."
    ),
    "meta.parent": "Afkomstig uit",
    "meta.parent_item": "stuk {number} ({name})",
    "meta.chat_reference": (
        "hash van een verwijzing naar {export}, de export waaruit dit gesprek is gelezen, niet "
        "van de export zelf; de SHA-256 van de export:"
    ),
    "meta.parent_outside": "een stuk dat niet in dit dossier zit (stuk {id} in de kluis)",
    "meta.parent_message": "bijlage bij het bericht van {time} van {sender}",
    "meta.attachments": "Bijlagen",
    "meta.duplicates": "Hetzelfde bestand (SHA-256)",
    "meta.duplicate_item": "ook ge\u00efmporteerd als stuk {number} ({name})",
    "msg.attachment_item": "Bijlage: {name} \u2192 stuk {number}",
    "type.text/plain": "Tekstbestand",
    "type.text/html": "Webpagina (HTML)",
    "type.text/csv": "Tabel (CSV)",
    "type.message/rfc822": "E-mailbericht",
    "type.application/pdf": "PDF-document",
    "type.application/zip": "Zip-archief",
    "type.application/json": "Gegevensbestand (JSON)",
    "type.application/xml": "Gegevensbestand (XML)",
    "type.application/octet-stream": "Bestand van onbekend type",
    "type.image": "Afbeelding ({format})",
    "type.video": "Video ({format})",
    "type.audio": "Geluidsopname ({format})",
    "type.other": "Bestand ({format})",
    "platform.call_log": "Belgeschiedenis",
    "platform.email": "E-mail",
    "platform.sms": "Sms",
    "verify.step_custody": (
        "Controleer het logboek van de bewaarketen: custody_log.jsonl in het pakket bevat elke "
        "gebeurtenis uit bijlage A met haar hash, de vorige hash en haar handtekening. De "
        "Python-opdracht in VERIFY.txt (stap 7) loopt de keten na; die moet eindigen bij de laatste "
        "hash op het voorblad."
    ),
    "verify.step_tsa": (
        "Controleer de vertrouwde tijdstempels (map timestamps/) met OpenSSL; elk moet "
        "\u2018Verification: OK\u2019 antwoorden. VERIFY.txt (stap 6) geeft de opdracht per "
        "tijdstempel, bijvoorbeeld:"
    ),
    "verify.step_tsa_none": "Vertrouwde tijdstempels: dit pakket bevat er geen.",
    "verify.step_tsa_windows": (
        "Op Windows toont certutil -asn de inhoud van een tijdstempel (het tijdstip en de gestempelde "
        "hash), maar controleert de handtekening niet; gebruik daarvoor OpenSSL (het zit bij Git voor "
        "Windows)."
    ),
    "verify.step_pdf": (
        "Controleer de handtekening van deze pdf met pdfsig (poppler); het moet \u2018Signature is "
        "Valid\u2019 en \u2018Total document signed\u2019 zeggen."
    ),
    "verify.step_pdf_windows": (
        "Open op Windows de pdf in Adobe Acrobat Reader en open het handtekeningenpaneel: daar moet "
        "staan dat het document niet is gewijzigd sinds het werd ondertekend. Reader noemt de "
        "identiteit van de ondertekenaar onbekend, omdat de sleutel zelfgemaakt is; dat is te "
        "verwachten."
    ),
}

# The plain name's key for a MIME type: an exact entry, else its top-level type, else "other".
_EXACT = frozenset(key[len("type.") :] for key in CLAIMS_EN if key.count("/") == 1)


def type_key(media_type: str) -> tuple[str, str]:
    """(text key, the {format} value) for a MIME type, e.g. ("type.image", "PNG")."""
    value = media_type.split(";", 1)[0].strip().lower()
    if value in _EXACT:
        return "type." + value, ""
    top, _sep, sub = value.partition("/")
    fmt = (sub.removeprefix("x-").removeprefix("vnd.").split("+")[0] or top).upper()
    if top in ("image", "video", "audio"):
        return "type." + top, fmt
    return "type.other", fmt
