"""WhatsApp "Export chat": the `.txt` file and the export `.zip` (chat text plus media).

Rule: the export is read exactly as shown, in one pass of one compiled regular expression over
the whole text (a `split` at every header), never by trying locales line by line; each distinct
date and time string is read once. Performance matters (a chat can hold hundreds of thousands of
messages): see `bench/parse_whatsapp.py`. Every line that starts with a timestamp in
the file's own header shape starts a message; every other line continues the message before it.
Times are kept as the wall-clock time printed (the export states no zone). Text keeps everything
the person typed and drops only invisible bidi marks (U+200E, U+200F, U+202A-U+202E,
U+2066-U+2069) and the structural markers that became fields (attachment markers, "<Media
omitted>", "This message was deleted", "<This message was edited>" and their translations).
Line ends are normalised: CRLF becomes LF.

What the export looks like, and how it is read:

* Android: `15/01/2024, 21:05 - Anna: text`; iOS: `[15/01/2024, 21:05:12] Anna: text`; an old
  iOS form without brackets ends the time with `: `. Dates in `d/m/y`, `m/d/y`, `y/m/d` (or the
  rare `y/d/m`) with `/`, `.` or `-`; times 24-hour or 12-hour (`PM`, `p. m.`, `p.m.`, Arabic `م`/`ص`, Turkish
  `ÖS`/`ÖÖ`), `:` or `.` between hours and minutes, with or without seconds; Arabic-Indic
  digits, the Arabic comma, U+202F/U+00A0 as spaces, bidi marks and a BOM anywhere a phone puts
  them.
* The header shape (brackets, separators, seconds, clock, the text between date and time and
  after the time) is fixed within one export, so a line
  that looks like a header in another shape (a pasted quote of another chat) is text, not a new
  message; so is a header-shaped line whose date cannot exist.
* Day/month order is decided over the whole file: a field above 12 decides; otherwise the order
  in which messages then read oldest-first decides; otherwise the order usual for the export's
  format is taken and the warning `ambiguous_date_order` says so.
* A line without `Name: ` after the timestamp is a system line (no sender). iOS also writes
  system lines under a pseudo-sender (the group's name) with a U+200E before the text: the
  encryption notice under any name, and every marked line of a "sender" who never types, are
  system lines without a sender.
* `sender_id` is set when the sender as shown is a phone number (WhatsApp shows a number for
  people not in the phone's contacts).
"""

from __future__ import annotations

import gc
import itertools
import mimetypes
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    EmbeddedFile,
    Message,
    MessageKind,
    ParsedExport,
    ParseWarning,
    Participant,
    TimeSource,
    Timestamp,
)
from evidence_kit.errors import FileUnreadableError, ImportFormatError
from evidence_kit.importers.archive import MIB, ArchiveMember, ZipArchive
from evidence_kit.importers.common import invalid_date_warning
from evidence_kit.importers.signal_export import looks_like_signal_export

FORMAT = "whatsapp"

MAX_TEXT_BYTES = 256 * MIB
_MAX_LINE_WARNINGS = 20  # warnings about single lines; past this, one warning counts the rest
ZIP_TIME_ASSUMPTION = (
    "The time the zip stores for this file: the local time of the phone that made the export, "
    "in a time zone the zip does not state."
)
TIMEZONE_ASSUMPTION = (
    "Times are as shown in the export, in the exporting phone's local time zone, "
    "which the export does not state."
)

# ---------------------------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------------------------

# The marks text loses (the importer protocol's list); headers also tolerate U+061C (ALM).
_TEXT_MARKS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_MARKS = _TEXT_MARKS + "\u061c"
_MARKS_RE = re.compile(f"[{_TEXT_MARKS}]")
_SP = "[ \u00a0\u202f]"
_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"


def strip_marks(text: str) -> str:
    """Drop the invisible bidi marks (the only characters the importer removes from text)."""
    return _MARKS_RE.sub("", text) if _MARKS_RE.search(text) else text


# ---------------------------------------------------------------------------------------------
# The header: one compiled expression for every locale and both apps
# ---------------------------------------------------------------------------------------------

# Possessive (*+): a run of marks is never backtracked into, so no input can make the match slow.
_M = f"[{_MARKS}]*+"
_HEADER = re.compile(
    rf"^[\ufeff{_MARKS}]*+(?P<open>\[{_M})?"
    # The date, with what follows it up to the time (", ", " ", "، ", " à "...).
    rf"(?P<date>{_DIGIT}{{1,4}}{_M}(?P<ds>[./\-]){_M}{_DIGIT}{{1,2}}{_M}(?P=ds){_M}{_DIGIT}{{1,4}}{_M}\.?"
    rf"(?:[,\u060c]{_SP}*|{_SP}+)(?:(?:à|às|um|klo|kl\.){_SP}+)?{_M})"
    # The time, with what ends the header ("] ", " - ", or ": " in old iOS exports).
    rf"(?P<time>{_DIGIT}{{1,2}}(?P<ts>[:.]){_DIGIT}{{2}}(?:(?P=ts){_DIGIT}{{2}})?"
    rf"(?:{_M}{_SP}?{_M}(?:[AaPp]\.?{_SP}?[Mm]\.?|\u0635|\u0645|[Öö][ÖöSs])(?![^\W\d_]))?{_M}"
    rf"(?(open)\]{_SP}?|(?:{_SP}+{_M}[-\u2013]{_SP}|:{_SP})))",
    re.MULTILINE,
)
# The same header after a newline, as one group, for splitting a whole export in one call.
_HEADER_SPLIT = re.compile("\n(" + _HEADER.pattern.removeprefix("^") + ")")
_STRIDE = _HEADER_SPLIT.groups + 1  # the groups of one header, then its body
_OPEN, _DATE, _TIME = (_HEADER_SPLIT.groupindex[g] for g in ("open", "date", "time"))


# ---------------------------------------------------------------------------------------------
# Localized markers (WhatsApp's own strings; sources: the apps' string tables as collected by
# open-source parsers, and real exports). Whole-text placeholders are looked up as written,
# lower-cased or capitalised, with or without a final ".".
# ---------------------------------------------------------------------------------------------

_ANDROID_ATTACHED = {
    "file attached": "en",
    "bestand bijgevoegd": "nl",
    "datei angehängt": "de",
    "fichier joint": "fr",
    "archivo adjunto": "es",
    "archivo adjuntado": "es",
    "file allegato": "it",
    "arquivo anexado": "pt",
    "ficheiro anexado": "pt",
    "dosya ekli": "tr",
    "załączony plik": "pl",
    "plik załączony": "pl",
    "file terlampir": "id",
    "الملف مرفق": "ar",
    "ملف مرفق": "ar",
}
_IOS_ATTACHED = {
    "attached": "en",
    "bijgevoegd": "nl",
    "bijlage": "nl",
    "anhang": "de",
    "angehängt": "de",
    "pièce jointe": "fr",
    "joint": "fr",
    "adjunto": "es",
    "allegato": "it",
    "anexado": "pt",
    "anexo": "pt",
    "eklendi": "tr",
    "ek": "tr",
    "załączono": "pl",
    "załącznik": "pl",
    "terlampir": "id",
    "dilampirkan": "id",
    "المُرفق": "ar",
    "المرفق": "ar",
    "مرفق": "ar",
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_ANDROID_ATTACHMENT = re.compile(
    rf"(?P<name>\S.*?){_SP}\((?P<label>{_alternation(_ANDROID_ATTACHED)})\)",
    re.IGNORECASE,
)
_IOS_ATTACHMENT = re.compile(
    rf"<(?P<label>{_alternation(_IOS_ATTACHED)}):{_SP}(?P<name>[^<>\n]{{1,255}}?)>",
    re.IGNORECASE,
)

# Whole-message (or, for Android "<Media omitted>", whole-first-line) placeholders.
_OMITTED_ANDROID = {
    "en": ["<Media omitted>"],
    "nl": ["<Media weggelaten>"],
    "de": ["<Medien ausgeschlossen>", "<Medien weggelassen>"],
    "fr": ["<Médias omis>", "<Fichier omis>"],
    "es": ["<Multimedia omitido>", "<Archivo omitido>"],
    "it": ["<Media omessi>", "<Media omesso>"],
    "pt": ["<Mídia oculta>", "<Mídia omitida>", "<Multimédia omitido>", "<Ficheiro não revelado>"],
    "tr": ["<Medya dahil edilmedi>", "<Medya atlanmış>"],
    "pl": ["<Pominięto multimedia>", "<pliki pominięto>"],
    "id": ["<Media tidak disertakan>"],
    "ar": ["<تم استبعاد الوسائط>"],
}
_OMITTED_IOS = {
    "en": [
        "image omitted",
        "video omitted",
        "audio omitted",
        "sticker omitted",
        "GIF omitted",
        "document omitted",
        "Contact card omitted",
        "video note omitted",
    ],
    "nl": [
        "afbeelding weggelaten",
        "video weggelaten",
        "audio weggelaten",
        "sticker weggelaten",
        "GIF weggelaten",
        "document weggelaten",
        "Visitekaartje weggelaten",
    ],
    "de": [
        "Bild weggelassen",
        "Video weggelassen",
        "Audio weggelassen",
        "Sticker weggelassen",
        "GIF weggelassen",
        "Dokument weggelassen",
        "Kontaktkarte ausgelassen",
    ],
    "fr": [
        "image absente",
        "vidéo absente",
        "audio omis",
        "sticker omis",
        "GIF retiré",
        "document manquant",
        "Fiche contact manquante",
    ],
    "es": [
        "imagen omitida",
        "video omitido",
        "audio omitido",
        "sticker omitido",
        "GIF omitido",
        "documento omitido",
        "Tarjeta de contacto omitida",
    ],
    "it": [
        "immagine omessa",
        "video omesso",
        "audio omesso",
        "sticker non incluso",
        "GIF esclusa",
        "documento omesso",
        "Scheda contatto omessa",
    ],
    "pt": [
        "imagem ocultada",
        "imagem omitida",
        "imagem não revelada",
        "vídeo omitido",
        "vídeo ocultado",
        "vídeo não revelado",
        "áudio ocultado",
        "áudio omitido",
        "ficheiro de áudio não revelado",
        "figurinha omitida",
        "sticker não revelado",
        "GIF omitido",
        "GIF não revelada",
        "documento omitido",
        "documento não revelado",
        "Cartão do contato omitido",
        "Contacto não revelado",
    ],
    "tr": [
        "görüntü dahil edilmedi",
        "video dahil edilmedi",
        "ses dahil edilmedi",
        "Çıkartma dahil edilmedi",
        "GIF dahil edilmedi",
        "belge dahil edilmedi",
        "Kişi kartı dahil edilmedi",
    ],
    "pl": [
        "obraz pominięty",
        "wideo pominięte",
        "audio pominięte",
        "pominięto naklejkę",
        "Plik GIF pominięty",
        "dokument pominięty",
        "Pominięta wizytówka kontaktu",
    ],
    "id": [
        "gambar tidak disertakan",
        "video tidak disertakan",
        "audio tidak disertakan",
        "stiker tidak disertakan",
        "GIF tidak disertakan",
        "dokumen tidak disertakan",
        "Kartu kontak tidak disertakan",
    ],
    "ar": [
        "لم يتم إدراج الصورة",
        "لم يتم إدراج الفيديوهات",
        "لم يتم إدراج المقاطع الصوتية",
        "تم حذف الملصقات",
        "لم يتم إدراج صورة GIF",
        "لم يتم إدراج المستند",
        "لم يتم إدراج بطاقة جهة اتصال",
    ],
}
# iOS writes "report.pdf • 2 pages document omitted": the document phrase may end a longer line.
_DOCUMENT_OMITTED = (
    "document omitted",
    "document weggelaten",
    "Dokument weggelassen",
    "document manquant",
    "documento omitido",
    "documento omesso",
    "documento não revelado",
    "belge dahil edilmedi",
    "dokument pominięty",
    "dokumen tidak disertakan",
    "لم يتم إدراج المستند",
)
_DELETED = {
    "en": ["This message was deleted", "You deleted this message"],
    "nl": ["Dit bericht is verwijderd", "Je hebt dit bericht verwijderd", "U hebt dit bericht verwijderd"],
    "de": ["Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht"],
    "fr": ["Ce message a été supprimé", "Vous avez supprimé ce message"],
    "es": ["Se eliminó este mensaje", "Este mensaje fue eliminado", "Eliminaste este mensaje"],
    "it": ["Questo messaggio è stato eliminato", "Hai eliminato questo messaggio"],
    "pt": [
        "Esta mensagem foi apagada",
        "Mensagem apagada",
        "Você apagou esta mensagem",
        "Apagou esta mensagem",
        "Esta mensagem foi eliminada",
        "Eliminou esta mensagem",
    ],
    "tr": ["Bu mesaj silindi", "Bu mesajı sildiniz"],
    "pl": [
        "Ta wiadomość została usunięta",
        "Usunąłeś(-ęłaś) tę wiadomość",
        "Usunąłeś(aś) tę wiadomość",
        "Usunięto tę wiadomość",
    ],
    "id": [
        "Pesan ini dihapus",
        "Pesan ini telah dihapus",
        "Anda menghapus pesan ini",
        "Anda telah menghapus pesan ini",
    ],
    "ar": ["تم حذف هذه الرسالة", "لقد حذفت هذه الرسالة", "لقد حذَفت هذه الرسالة", "أنت حذفت هذه الرسالة"],
}
_MISSED_CALLS = {
    "en": ["Missed voice call", "Missed video call", "Missed group voice call", "Missed group video call"],
    "nl": ["Gemist spraakgesprek", "Gemist videogesprek", "Gemiste spraakoproep", "Gemiste video-oproep"],
    "de": ["Verpasster Sprachanruf", "Verpasster Videoanruf"],
    "fr": ["Appel vocal manqué", "Appel vidéo manqué"],
    "es": ["Llamada perdida", "Llamada de voz perdida", "Videollamada perdida"],
    "it": ["Chiamata vocale persa", "Videochiamata persa"],
    "pt": ["Chamada de voz perdida", "Chamada de vídeo perdida", "Videochamada perdida"],
    "tr": ["Cevapsız sesli arama", "Cevapsız görüntülü arama"],
    "pl": ["Nieodebrane poł. głosowe", "Nieodebrane poł. wideo", "Nieodebrane połączenie głosowe"],
    "id": ["Panggilan suara tak terjawab", "Panggilan video tak terjawab"],
    "ar": ["مكالمة صوتية فائتة", "مكالمة فيديو فائتة"],
}
_EDITED = {
    "en": ["This message was edited"],
    "nl": ["Dit bericht is bewerkt"],
    "de": ["Diese Nachricht wurde bearbeitet"],
    "fr": ["Ce message a été modifié"],
    "es": ["Se editó este mensaje.", "Se editó este mensaje", "Este mensaje fue editado"],
    "it": ["Questo messaggio è stato modificato"],
    "pt": ["Esta mensagem foi editada", "Mensagem editada"],
    "tr": ["Bu mesaj düzenlendi"],
    "pl": ["Ta wiadomość została zmieniona", "Ta wiadomość została edytowana"],
    "id": ["Pesan ini diedit"],
    "ar": ["تم تعديل هذه الرسالة"],
}
# The end-to-end encryption notices that open a chat (Android: a system line; iOS: a line under
# the other person's or the group's name). Matched as prefixes.
_ENCRYPTION_NOTICES = {
    "en": [
        "Messages and calls are end-to-end encrypted",
        "Messages to this group are now secured",
        "Messages to this chat and calls are now secured",
        "Messages to this group are secured",
        "Messages you send to this group are now secured",
        "Messages you send to this chat and calls are now secured",
    ],
    "nl": [
        "Berichten en gesprekken worden end-to-end versleuteld",
        "Berichten die naar deze groep worden",
        "Berichten die je naar deze chat",
    ],
    "de": [
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
        "Nachrichten an diese Gruppe sind",
        "Nachrichten in diesem Chat sowie Anrufe sind",
    ],
    "fr": ["Les messages et les appels sont chiffrés de bout en bout", "Les messages envoyés dans ce groupe"],
    "es": ["Los mensajes y las llamadas están cifrados de extremo a extremo", "Los mensajes en este grupo"],
    "it": ["I messaggi e le chiamate sono crittografati end-to-end", "I messaggi inviati a questo gruppo"],
    "pt": [
        "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta",
        "As mensagens e chamadas são encriptadas ponto a ponto",
        "As mensagens para este grupo",
    ],
    "tr": ["Mesajlar ve aramalar uçtan uca şifrelidir", "Bu gruba gönderdiğiniz mesajlar"],
    "pl": [
        "Wiadomości i połączenia są w pełni zaszyfrowane",
        "Wiadomości i połączenia są szyfrowane",
        "Wiadomości do tej grupy",
    ],
    "id": ["Pesan dan panggilan terenkripsi secara end-to-end", "Pesan-pesan yang dikirim ke grup ini"],
    "ar": ["الرسائل والمكالمات مشفرة تمامًا بين الطرفين", "إن الرسائل التي ترسلها إلى هذه المجموعة"],
}


def _norm(text: str) -> str:
    return text.strip().rstrip(".").lower()


def _variants(phrase: str) -> tuple[str, ...]:
    """The spellings a placeholder is looked up by: as written, lower-case, with or without a "."."""
    bare = phrase.rstrip(".")
    forms = {bare, bare.lower(), bare[:1].upper() + bare[1:], bare[:1].lower() + bare[1:]}
    return tuple(forms | {f + "." for f in forms})


# One dictionary for every whole-body placeholder: its spellings -> (what it is, locale).
_WHOLE: dict[str, tuple[str, str]] = {}
for _what, _table in (
    ("deleted", _DELETED),
    ("omitted", _OMITTED_IOS),
    ("omitted", {loc: [f"<{p}>" for p in ps] for loc, ps in _OMITTED_IOS.items()}),
    ("omitted", _OMITTED_ANDROID),
    ("call", _MISSED_CALLS),
):
    for _locale, _phrases in _table.items():
        for _phrase in _phrases:
            for _form in _variants(_phrase):
                _WHOLE.setdefault(_form, (_what, _locale))
_WHOLE_MAX = max(len(key) for key in _WHOLE) + 8

_EDITED_SUFFIX = re.compile(
    rf"{_SP}*<(?P<label>{_alternation(p for ps in _EDITED.values() for p in ps)})>\Z", re.IGNORECASE
)
_DOCUMENT_OMITTED_ENDINGS = tuple(phrase[-4:] for phrase in _DOCUMENT_OMITTED) + tuple(
    phrase[-4:].upper() for phrase in _DOCUMENT_OMITTED
)
_DOCUMENT_OMITTED_RE = re.compile(rf"{_SP}(?:{_alternation(_DOCUMENT_OMITTED)})\Z", re.IGNORECASE)
_EDITED_LOCALE = {_norm(p): loc for loc, ps in _EDITED.items() for p in ps}
_NOTICE_PREFIXES = tuple(p for ps in _ENCRYPTION_NOTICES.values() for p in ps)
_NOTICE_LOCALE = {p: loc for loc, ps in _ENCRYPTION_NOTICES.items() for p in ps}
_NOTICE_HEADS = frozenset(p[:12] for p in _NOTICE_PREFIXES)
_ANDROID_LABEL_LOCALE = {k.lower(): v for k, v in _ANDROID_ATTACHED.items()}
_IOS_LABEL_LOCALE = {k.lower(): v for k, v in _IOS_ATTACHED.items()}


_QUOTES = frozenset('"\u201c\u201d\u201e\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d')
_PHONE = re.compile(r"\+?[0-9][0-9 \-().\u00a0\u202f]{5,}[0-9]")

# File names WhatsApp gives the chat text (and the zip): "WhatsApp Chat with Anna.txt" and so on.
_TITLE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^WhatsApp[ _]Chat[ _](?:with|-|–)[ _](?P<t>.+)$",
        r"^WhatsApp[ _-]Chat[ _]mit[ _](?P<t>.+)$",
        r"^WhatsApp[ _-]chat[ _]met[ _](?P<t>.+)$",
        r"^Discussion[ _]WhatsApp[ _]avec[ _](?P<t>.+)$",
        r"^Chat[ _]de[ _]WhatsApp[ _]con[ _](?P<t>.+)$",
        r"^Chat[ _]WhatsApp[ _](?:con|dengan)[ _](?P<t>.+)$",
        r"^Conversa[ _](?:do|no)[ _]WhatsApp[ _]com[ _](?P<t>.+)$",
        r"^Czat[ _]WhatsApp[ _]z[ _](?P<t>.+)$",
        r"^(?P<t>.+?)[ _]ile[ _]WhatsApp[ _]Sohbeti$",
        r"^(?:دردشة|محادثة)[ _]واتساب[ _]مع[ _](?P<t>.+)$",
    )
)
_COPY_SUFFIX = re.compile(r"[ _]\(\d+\)$")


def title_from_name(name: str) -> str | None:
    """'WhatsApp Chat with Anna de Vries (1).txt' -> 'Anna de Vries'; None when not recognised."""
    stem = Path(name).name
    for suffix in (".txt", ".zip"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = _COPY_SUFFIX.sub("", strip_marks(stem).strip())
    for pattern in _TITLE_PATTERNS:
        match = pattern.match(stem)
        if match:
            return match.group("t").replace("_", " ").strip() or None
    return None


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


def decode_export(data: bytes) -> tuple[str, int]:
    """The text of an export and how many undecodable bytes became U+FFFD.

    WhatsApp writes UTF-8 (iOS with a BOM); UTF-16 with a BOM is accepted for files re-saved by
    other tools.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
        bad = text.count("\ufffd")
    else:
        try:
            text = data.decode("utf-8-sig")
            bad = 0
        except UnicodeDecodeError:
            text = data.decode("utf-8-sig", errors="replace")
            bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return text.removeprefix("\ufeff"), max(bad, 0)


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------

_DATE_PARTS = re.compile(rf"({_DIGIT}+){_M}([./\-]){_M}({_DIGIT}+){_M}[./\-]{_M}({_DIGIT}+)")
_TIME_PARTS = re.compile(
    rf"({_DIGIT}+)([:.])({_DIGIT}+)(?:[:.]({_DIGIT}+))?"
    rf"(?:{_M}{_SP}?{_M}(?P<ap>[AaPp]\.?{_SP}?[Mm]\.?|\u0635|\u0645|[Öö][ÖöSs]))?"
)


@dataclass(eq=False)
class _DateInfo:
    """One date as written: its three numbers and how it is written; `day` once the order is known."""

    fields: tuple[int, int, int]
    separator: str
    joiner: str  # what stands between date and time, marks left out
    year_first: bool
    unpadded: bool  # a one-digit day or month (1/5/24), as US exports write it
    short_year: bool
    day: tuple[int, int, int] | None = None  # (year, month, day); None when it cannot exist


@dataclass(frozen=True)
class _TimeInfo:
    """One time as written, already on the 24-hour clock; `valid` is False for 25:61 and such."""

    hour: int
    minute: int
    second: int
    separator: str
    ending: str  # what ends the header ("] ", " - ", ": "), marks left out
    seconds: bool
    twelve_hour: bool
    latin_ampm: bool
    valid: bool


def _date_info(written: str) -> _DateInfo:
    parts = _DATE_PARTS.match(written)
    assert parts is not None  # the header expression only captures what this matches
    d1, separator, d2, d3 = parts.groups()
    return _DateInfo(
        fields=(int(d1), int(d2), int(d3)),
        separator=separator,
        joiner=strip_marks(written[parts.end() :]),
        year_first=len(d1) > 2,
        unpadded=len(d1) == 1 or len(d2) == 1,
        short_year=len(d3) <= 2,
    )


def _time_info(written: str) -> _TimeInfo:
    parts = _TIME_PARTS.match(written)
    assert parts is not None
    hour, minute = int(parts.group(1)), int(parts.group(3))
    second = int(parts.group(4) or 0)
    ap = parts.group("ap")
    latin = False
    if ap is not None:
        first, last = ap[0], ap[-1]
        latin = first in "AaPp"
        pm = first in "Pp" or ap == "\u0645" or last in "Ss"
        if pm and hour < 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    return _TimeInfo(
        hour=hour,
        minute=minute,
        second=second,
        separator=parts.group(2),
        ending=strip_marks(written[parts.end() :]),
        seconds=parts.group(4) is not None,
        twelve_hour=ap is not None,
        latin_ampm=latin,
        valid=hour <= 23 and minute <= 59 and second <= 59,
    )


# (bracketed, date separator, date-time joiner, year first, time separator, ending, seconds, 12-hour)
_Shape = tuple[bool, str, str, bool, str, str, bool, bool]


def _shape(bracketed: bool, date: _DateInfo, clock: _TimeInfo) -> _Shape:
    return (
        bracketed,
        date.separator,
        date.joiner,
        date.year_first,
        clock.separator,
        clock.ending,
        clock.seconds,
        clock.twelve_hour,
    )


_ORDER_WORDS = {
    "dmy": "day/month/year",
    "mdy": "month/day/year",
    "ymd": "year/month/day",
    "ydm": "year/day/month",
}


def _ymd(fields: tuple[int, int, int], order: str) -> tuple[int, int, int]:
    a, b, c = fields
    if order == "ymd":
        year, month, day = a, b, c
    elif order == "ydm":
        year, day, month = a, b, c
    elif order == "mdy":
        month, day, year = a, b, c
    else:
        day, month, year = a, b, c
    return (year + 2000 if year < 100 else year), month, day


def _valid_ymd(year: int, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2999):
        return False
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return True


def _inversions(keys: list[tuple[int, int, int]]) -> int:
    return sum(1 for earlier, later in itertools.pairwise(keys) if later < earlier)


def _decide_order(
    dates: list[_DateInfo],
    sequence: list[_DateInfo],
    locales: Callable[[], Counter[str]],
    example: str,
) -> tuple[str, list[ParseWarning]]:
    """Day/month order for the whole file. `dates`: each date once; `sequence`: in file order."""
    if dates[0].year_first:
        # Year first is year/month/day, unless only the middle field ever goes above 12.
        middle = any(d.fields[1] > 12 for d in dates)
        return ("ydm" if middle and not any(d.fields[2] > 12 for d in dates) else "ymd"), []
    over_first = sum(1 for d in dates if d.fields[0] > 12)
    over_second = sum(1 for d in dates if d.fields[1] > 12)
    if over_first and not over_second:
        return "dmy", []
    if over_second and not over_first:
        return "mdy", []
    if over_first and over_second:
        # Both orders break somewhere: take the one that breaks less (the rest are reported).
        return ("dmy" if over_first >= over_second else "mdy"), []
    # No field above 12: the order that puts the messages in time order wins.
    by_order = {order: _inversions([_ymd(d.fields, order) for d in sequence]) for order in ("dmy", "mdy")}
    if by_order["dmy"] != by_order["mdy"]:
        order = "dmy" if by_order["dmy"] < by_order["mdy"] else "mdy"
        return order, [
            ParseWarning(
                code="date_order_from_sequence",
                message="No date in the export shows whether it is written day/month or month/day; "
                "dates were read as {order} because the messages are then in time order.",
                params=(("order", _ORDER_WORDS[order]),),
            )
        ]
    order = _usual_order(dates, locales())
    return order, [
        ParseWarning(
            code="ambiguous_date_order",
            message="No date in the export shows whether it is written day/month or month/day; "
            "dates were read as {order}, which is usual for this kind of export. "
            "Check one date you know, for example {example}.",
            params=(("order", _ORDER_WORDS[order]), ("example", example)),
        )
    ]


def _usual_order(dates: list[_DateInfo], locales: Counter[str]) -> str:
    """The order an export of this shape and language usually has: month first only in the US."""
    if dates[0].separator != "/":
        return "dmy"
    language = locales.most_common(1)[0][0] if locales else ""
    if language not in ("", "en"):
        return "dmy"
    # US exports write 1/5/24 (no leading zeros, two-digit year); British ones 05/01/2024.
    unpadded = any(d.unpadded for d in dates) and all(d.short_year for d in dates)
    return "mdy" if unpadded else "dmy"



_PHONE_DIGITS = 7


def _sender(raw: str, cache: dict[str, tuple[str, str | None] | None]) -> tuple[str, str | None] | None:
    """(name, phone number or None) for a raw sender string, or None when it is not a sender."""
    known = cache.get(raw, False)
    if known is not False:
        return known  # type: ignore[return-value]
    result: tuple[str, str | None] | None = None
    if len(raw) <= 120 and _QUOTES.isdisjoint(raw):
        name = strip_marks(raw).strip()
        if name:
            phone = _PHONE.fullmatch(name) is not None and sum(c.isdigit() for c in name) >= _PHONE_DIGITS
            result = (name, name if phone else None)
    cache[raw] = result  # also the list of participants, in order of appearance
    return result


# What a text turned out to be, once WhatsApp's markers are taken off.
_Read = tuple[
    str,  # text
    bool,  # system: an encryption notice or a call record
    bool,  # notice: an encryption notice (WhatsApp's own words, whoever's line it is on)
    bool,  # deleted
    bool,  # edited
    bool,  # media omitted
    str | None,  # attachment name
    str,  # locale evidence ("" when none)
]


def _may_hold_marker(text: str) -> bool:
    """False when `text` certainly holds no WhatsApp marker (the common case, checked cheaply)."""
    if "<" in text or "\u200e" in text:
        return True
    newline = text.find("\n")
    if (text[newline - 1] if newline > 0 else text[-1:]) == ")":
        return True
    if len(text) <= _WHOLE_MAX and text in _WHOLE:
        return True
    if newline < 0 and text.endswith(_DOCUMENT_OMITTED_ENDINGS):
        return True
    return text[:12] in _NOTICE_HEADS


def _read_text(text: str) -> _Read:
    """Turn WhatsApp's markers in a sender's text into fields."""
    edited = False
    locale = ""
    if text.endswith(">"):
        found = _EDITED_SUFFIX.search(text, max(0, len(text) - 80))
        if found:
            edited = True
            locale = _EDITED_LOCALE.get(_norm(found.group("label")), "")
            text = text[: found.start()]

    if len(text) <= _WHOLE_MAX:
        hit = _WHOLE.get(text)
        if hit is not None:
            what, locale = hit
            if what == "deleted":
                return "", False, False, True, edited, False, None, locale
            if what == "omitted":
                return "", False, False, False, edited, True, None, locale
            return text, True, False, False, edited, False, None, locale  # a call record

    newline = text.find("\n")
    first = text if newline < 0 else text[:newline]
    after_first = "" if newline < 0 else text[newline + 1 :]

    if newline >= 0 and len(first) <= _WHOLE_MAX:
        hit = _WHOLE.get(first)
        if hit is not None and hit[0] == "omitted":
            return after_first, False, False, False, edited, True, None, hit[1]

    if first.endswith(")") and len(first) <= 600:
        android = _ANDROID_ATTACHMENT.fullmatch(first)
        if android:
            label = _ANDROID_LABEL_LOCALE.get(android.group("label").lower(), "")
            # A document may be written "Report.pdf • 3 pages (file attached)": the file is before "•".
            name = android.group("name").split(" \u2022 ", 1)[0].strip()
            return after_first, False, False, False, edited, False, name, label

    if "<" in text:
        ios = _IOS_ATTACHMENT.search(text)
        if ios:
            before, after = text[: ios.start()], text[ios.end() :]
            if not after.strip():
                text = before.rstrip(" \u00a0\u202f")
            elif not before.strip():
                text = after.lstrip(" \u00a0\u202f")
            # A marker in the middle of a text stays where it is: nothing is lost or reordered.
            label = _IOS_LABEL_LOCALE.get(ios.group("label").lower(), "")
            return text, False, False, False, edited, False, ios.group("name").strip(), label

    if newline < 0 and text.endswith(_DOCUMENT_OMITTED_ENDINGS):
        document = _DOCUMENT_OMITTED_RE.search(text, max(0, len(text) - 80))
        if document:
            return text[: document.start()], False, False, False, edited, True, None, locale

    if text[:12] in _NOTICE_HEADS and text.startswith(_NOTICE_PREFIXES):
        return text, True, True, False, edited, False, None, _notice_locale(text)
    return text, False, False, False, edited, False, None, locale


def _locale_evidence(bodies: list[str]) -> Counter[str]:
    """Which languages WhatsApp's own markers in the first bodies are in (only to break a tie)."""
    found: Counter[str] = Counter()
    for raw in bodies[:5000]:
        text = strip_marks(raw)
        newline = text.find("\n")
        colon = text.find(": ", 0, newline if newline >= 0 else len(text))
        body = text[colon + 2 :] if colon > 0 else text
        if body[:12] in _NOTICE_HEADS and body.startswith(_NOTICE_PREFIXES):
            found[_notice_locale(body)] += 1
        elif colon > 0 and _may_hold_marker(body):
            locale = _read_text(body)[7]
            if locale:
                found[locale] += 1
    return found


_MEDIA_TYPES: dict[str, str | None] = {}


def media_type_of(name: str) -> str | None:
    """The media type a file name's extension suggests (cached: exports repeat a few extensions)."""
    dot = name.rfind(".")
    extension = name[dot:].lower() if dot >= 0 else ""
    if extension not in _MEDIA_TYPES:
        if len(_MEDIA_TYPES) > 1000:
            return mimetypes.guess_type("x" + extension)[0]
        _MEDIA_TYPES[extension] = mimetypes.guess_type("x" + extension)[0]
    return _MEDIA_TYPES[extension]


def _notice_locale(text: str) -> str:
    for prefix, locale in _NOTICE_LOCALE.items():
        if text.startswith(prefix):
            return locale
    return ""


@dataclass
class ParsedChat:
    """The result of parsing a chat text, before it is packed into a ParsedExport."""

    conversation: Conversation
    referenced: tuple[str, ...]


def parse_text(text: str, *, name: str = "", title: str | None = None) -> ParsedChat:
    """Parse decoded export text (CRLF is read as LF). ImportFormatError when no message is found."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    # Hundreds of thousands of small objects are made and all kept: the cyclic collector would
    # only rescan them (a third of the time), so it pauses for the parse. It is never left off.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse_text(text, name=name, title=title)
    finally:
        if collecting:
            gc.enable()


def _message_defaults() -> dict[str, object]:
    """Every field of a Message with its default, for making hundreds of thousands of them.

    A frozen dataclass sets each field through `object.__setattr__`, which is half the cost of a
    parse. Message is a plain frozen dataclass (no `__post_init__`, no slots), so the parser makes
    the same object by giving it its complete field dictionary at once (a test checks the result
    equals the constructor's). If domain.py ever adds slots or a `__post_init__`, this fails at
    import time instead of making broken objects.
    """
    template = Message(sender=None, text="")
    if hasattr(Message, "__post_init__") or not hasattr(template, "__dict__"):
        raise TypeError("Message is no longer a plain frozen dataclass; update whatsapp._parse_text")
    return dict(template.__dict__)


_MESSAGE_DEFAULTS = _message_defaults()


def _parse_text(text: str, *, name: str, title: str | None) -> ParsedChat:
    # One split over the whole text: every "\n" followed by a header cuts it (a literal first
    # character lets the regular expression engine skip ahead instead of trying every position).
    # The pieces are [before the first header, (header groups..., body) per message].
    parts = _HEADER_SPLIT.split("\n" + text)
    if len(parts) == 1:
        raise ImportFormatError(path=name, format=FORMAT, detail="no WhatsApp message lines were found")
    preamble = parts[0].removeprefix("\n")
    wholes: list[str] = parts[1::_STRIDE]
    opens: list[str | None] = parts[_OPEN::_STRIDE]
    bodies: list[str] = parts[_STRIDE::_STRIDE]
    count = len(wholes)
    warnings: list[ParseWarning] = []
    marks = _MARKS_RE.search(text) is not None

    # Each distinct date and time string is read once.
    date_cache: dict[str, _DateInfo] = {}
    time_cache: dict[str, _TimeInfo] = {}
    dates: list[_DateInfo] = []
    clocks: list[_TimeInfo] = []
    for date_written, time_written in zip(parts[_DATE::_STRIDE], parts[_TIME::_STRIDE], strict=True):
        date = date_cache.get(date_written)
        if date is None:
            date = date_cache[date_written] = _date_info(date_written)
        clock = time_cache.get(time_written)
        if clock is None:
            clock = time_cache[time_written] = _time_info(time_written)
        dates.append(date)
        clocks.append(clock)

    lines: list[int] = []

    def line_of(index: int) -> int:
        """The 1-based line of header `index` (counted once, only when a warning needs it)."""
        if not lines:
            line = preamble.count("\n") + (1 if parts[0] else 0)
            for whole, body in zip(wholes, bodies, strict=True):
                line += 1
                lines.append(line)
                line += whole.count("\n") + body.count("\n")
        return lines[index]

    def merge(keep: list[bool]) -> None:
        """Fold every header not kept, with its body, into the message before it."""
        nonlocal preamble, wholes, opens, bodies, dates, clocks, count
        kept_w: list[str] = []
        kept_o: list[str | None] = []
        kept_b: list[str] = []
        kept_d: list[_DateInfo] = []
        kept_c: list[_TimeInfo] = []
        # Pieces are joined once at the end: folding line by line would copy quadratically.
        folded: dict[int, list[str]] = {}
        before: list[str] = [preamble] if preamble else []
        for index in range(count):
            if keep[index]:
                kept_w.append(wholes[index])
                kept_o.append(opens[index])
                kept_b.append(bodies[index])
                kept_d.append(dates[index])
                kept_c.append(clocks[index])
            elif kept_b:
                folded.setdefault(len(kept_b) - 1, [kept_b[-1]]).append(wholes[index] + bodies[index])
            else:
                before.append(wholes[index] + bodies[index])
        for position, pieces in folded.items():
            kept_b[position] = "\n".join(pieces)
        preamble = "\n".join(before)
        wholes, opens, bodies, dates, clocks, count = kept_w, kept_o, kept_b, kept_d, kept_c, len(kept_w)

    bracketed = count - opens.count(None)
    date_shapes = {(d.separator, d.joiner, d.year_first) for d in date_cache.values()}
    time_shapes = {(t.separator, t.ending, t.seconds, t.twelve_hour) for t in time_cache.values()}
    if len(date_shapes) == 1 and len(time_shapes) == 1 and bracketed in (0, count):
        dominant = _shape(bracketed > 0, dates[0], clocks[0])
    else:
        # The export's own header shape is fixed; a header-shaped line in another shape is text.
        shape_of = [_shape(o is not None, d, c) for o, d, c in zip(opens, dates, clocks, strict=True)]
        dominant = Counter(shape_of).most_common(1)[0][0]
        merge([shape == dominant for shape in shape_of])
        if not count:
            raise ImportFormatError(path=name, format=FORMAT, detail="no WhatsApp message lines were found")

    # Day/month order, over the whole file.
    distinct = list({id(d): d for d in dates}.values())
    sequence = [d for index, d in enumerate(dates) if index == 0 or d is not dates[index - 1]]
    example = strip_marks(wholes[0]).strip(" -[]:\u00a0\u202f")
    order, order_warnings = _decide_order(distinct, sequence, lambda: _locale_evidence(bodies), example)
    warnings.extend(order_warnings)
    for date in distinct:
        ymd = _ymd(date.fields, order)
        date.day = ymd if _valid_ymd(*ymd) else None

    # A header-shaped line whose date or time cannot exist (a pasted "32/13/2024, 25:61 - x")
    # is text of the message before it; only the very first line keeps its own message.
    invalid: list[int] = []
    if any(d.day is None for d in distinct) or not all(c.valid for c in time_cache.values()):
        invalid = [i for i in range(count) if dates[i].day is None or not clocks[i].valid]
    if invalid:
        for index in invalid[:_MAX_LINE_WARNINGS]:
            warnings.append(invalid_date_warning(line_of(index), merged=index > 0))
        if len(invalid) > _MAX_LINE_WARNINGS:
            warnings.append(
                ParseWarning(
                    code="invalid_header_date",
                    message="{count} more lines look like the start of a message but have a date or time "
                    "that cannot exist; they were kept as part of the messages before them.",
                    params=(("count", str(len(invalid) - _MAX_LINE_WARNINGS)),),
                )
            )
        dropped = set(invalid) - {0}
        merge([index not in dropped for index in range(count)])

    if preamble.strip():
        warnings.append(
            ParseWarning(
                code="unparsed_preamble",
                message="Lines 1 to {last} come before the first message and were not read as messages.",
                params=(("last", str(preamble.count("\n") + 1)),),
                line=1,
            )
        )

    # Messages.
    senders: dict[str, tuple[str, str | None] | None] = {}
    locales: Counter[str] = Counter()
    messages: list[Message] = []
    participants: dict[str, Participant] = {}
    typed_by: set[str] = set()  # senders with at least one line of their own words
    own_lines: list[int] = []  # lines under a sender holding WhatsApp's own words (iOS)
    omitted = 0
    referenced: dict[str, None] = {}
    message_kind, system_kind = MessageKind.MESSAGE, MessageKind.SYSTEM
    new, set_dict, defaults = object.__new__, object.__setattr__, _MESSAGE_DEFAULTS
    for index in range(count):
        raw = bodies[index]
        if raw.endswith("\n"):
            raw = raw.rstrip("\n")

        # "Name: text" (or "Name:" alone); anything else is a system line.
        newline = raw.find("\n")
        first_end = newline if newline >= 0 else len(raw)
        colon = raw.find(": ", 0, first_end)
        who: tuple[str, str | None] | bool | None = None
        if colon > 0:
            key, body = raw[:colon], raw[colon + 2 :]
            who = senders.get(key, False)
            if who is False:
                who = _sender(key, senders)
        elif first_end > 1 and raw[first_end - 1] == ":":
            key, body = raw[: first_end - 1], (raw[first_end + 1 :] if newline >= 0 else "")
            who = senders.get(key, False)
            if who is False:
                who = _sender(key, senders)

        deleted = edited = media_omitted = notice = marked = False
        attachment: str | None = None
        if not who:
            sender = sender_id = None
            body = strip_marks(raw) if marks else raw
            system = True
            if body[:12] in _NOTICE_HEADS and body.startswith(_NOTICE_PREFIXES):
                locales[_notice_locale(body)] += 1
        else:
            sender, sender_id = who  # type: ignore[misc]
            system = False
            if marks:
                marked = body[:1] == "\u200e"
                body = strip_marks(body)
            if _may_hold_marker(body):
                body, system, notice, deleted, edited, media_omitted, attachment, locale = _read_text(body)
                if locale:
                    locales[locale] += 1
            if marked or notice:
                if not (deleted or media_omitted or attachment):
                    own_lines.append(len(messages))
            else:
                typed_by.add(sender)

        day, clock = dates[index].day, clocks[index]
        sent_at = None
        if day is not None and clock.valid:
            sent_at = datetime(day[0], day[1], day[2], clock.hour, clock.minute, clock.second)

        attachments: tuple[AttachmentRef, ...] = ()
        if attachment:
            attachments = (AttachmentRef(attachment, media_type_of(attachment)),)
            referenced.setdefault(attachment, None)
        omitted += media_omitted
        message: Message = new(Message)
        set_dict(
            message,
            "__dict__",
            {
                **defaults,
                "sender": sender,
                "text": body,
                "sent_at": sent_at,
                "sender_id": sender_id,
                "kind": system_kind if system else message_kind,
                "deleted": deleted,
                "edited": edited,
                "media_omitted": media_omitted,
                "attachments": attachments,
            },
        )
        messages.append(message)

    # iOS writes WhatsApp's own lines (marked with U+200E) under a pseudo-sender, the group's
    # name: a "sender" who never types is no person. The encryption notice is never a person's.
    noticed = {messages[i].sender for i in own_lines if messages[i].text.startswith(_NOTICE_PREFIXES)}
    pseudo = {s for s in noticed if s is not None} - typed_by
    if title is not None and title not in typed_by and any(messages[i].sender == title for i in own_lines):
        pseudo.add(title)
    group_title = title
    for index in own_lines:
        message = messages[index]
        if message.sender in pseudo or (
            message.kind is system_kind and message.text.startswith(_NOTICE_PREFIXES)
        ):
            if message.sender in pseudo:
                group_title = group_title or message.sender
            messages[index] = replace(message, sender=None, sender_id=None, kind=system_kind)
    # Everyone who wrote under a name, in order of appearance (the sender cache keeps that order).
    for known in senders.values():
        if known is not None and known[0] not in pseudo and known[0] not in participants:
            participants[known[0]] = Participant(name=known[0], identifier=known[1])

    if omitted:
        warnings.append(
            ParseWarning(
                code="media_omitted",
                message="{count} photos, videos or other files were left out of the export "
                '(exported "without media"); only their placeholders are in the chat.',
                params=(("count", str(omitted)),),
            )
        )

    extra = (
        ("layout", "iOS" if dominant[0] else "Android"),
        ("date_order", _ORDER_WORDS[order]),
        ("clock", "12-hour" if dominant[7] else "24-hour"),
        ("language", locales.most_common(1)[0][0] if locales else "unknown"),
    )
    conversation = Conversation(
        platform="whatsapp",
        messages=tuple(messages),
        title=group_title,
        participants=tuple(participants.values()),
        timezone_assumption=TIMEZONE_ASSUMPTION,
        warnings=tuple(warnings),
        extra=extra,
    )
    return ParsedChat(conversation=conversation, referenced=tuple(referenced))


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_LOCAL_HEADER = re.compile(rb"PK\x03\x04")


def _looks_like_chat_text(text: str, name: str = "") -> bool:
    for line in text.split("\n", 20)[:20]:
        if _HEADER.match(line):
            return not looks_like_signal_export(text, name)
    return False


def _zip_names_in_head(head: bytes) -> list[tuple[str, bytes]]:
    """Names (and the bytes after each local header) of the zip members that start in `head`."""
    found: list[tuple[str, bytes]] = []
    for match in _LOCAL_HEADER.finditer(head):
        start = match.start()
        if start + 30 > len(head):
            break
        name_len = int.from_bytes(head[start + 26 : start + 28], "little")
        extra_len = int.from_bytes(head[start + 28 : start + 30], "little")
        raw_name = head[start + 30 : start + 30 + name_len]
        name = raw_name.decode("utf-8", errors="replace")
        data_start = start + 30 + name_len + extra_len
        found.append((name, head[data_start : data_start + 16384] if data_start < len(head) else b""))
        if len(found) > 64:
            break
    return found


def _is_chat_member_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    if name.startswith("__MACOSX/") or base.startswith("._") or not base.lower().endswith(".txt"):
        return False
    return base == "_chat.txt" or "whatsapp" in base.lower() or title_from_name(base) is not None


def sniff(head: bytes, name: str) -> bool:
    """True when `head` (the first 64 KiB) is a WhatsApp export text or export zip."""
    try:
        if head[:4] in _ZIP_MAGIC:
            for member, data in _zip_names_in_head(head):
                if _is_chat_member_name(member):
                    return True
                if member.lower().endswith(".txt") and data:
                    try:
                        text = zlib.decompressobj(-15).decompress(data, 65536).decode("utf-8", "replace")
                    except zlib.error:
                        text = data.decode("utf-8", "replace")
                    if _looks_like_chat_text(text.removeprefix("\ufeff")):
                        return True
            return False
        text, _ = decode_export(head)
        return _looks_like_chat_text(text, name)
    except (ValueError, LookupError):
        return False


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportFormatError(
                path=str(path), format=FORMAT, detail="too large to parse as a chat; stored as a plain file"
            )
        return path.read_bytes()
    except OSError as exc:
        raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None


def _decode_warning(bad: int) -> list[ParseWarning]:
    if not bad:
        return []
    return [
        ParseWarning(
            code="invalid_utf8",
            message="The chat text is not valid UTF-8: {count} unreadable bytes were shown as U+FFFD.",
            params=(("count", str(bad)),),
        )
    ]


def _with_warnings(conversation: Conversation, extra: Iterable[ParseWarning]) -> Conversation:
    added = tuple(extra)
    return replace(conversation, warnings=added + conversation.warnings) if added else conversation


def _missing_warning(missing: list[str]) -> list[ParseWarning]:
    if not missing:
        return []
    shown = ", ".join(missing[:10]) + (", …" if len(missing) > 10 else "")
    return [
        ParseWarning(
            code="attachments_missing",
            message="{count} files the messages refer to are not in the export: {names}.",
            params=(("count", str(len(missing))), ("names", shown)),
        )
    ]


def _choose_chat_member(archive: ZipArchive) -> ArchiveMember | None:
    candidates = [
        m
        for m in archive.members
        if not m.is_dir
        and m.name.lower().endswith(".txt")
        and not m.name.startswith("__MACOSX/")
        and not m.name.rsplit("/", 1)[-1].startswith("._")
    ]
    for member in candidates:
        if member.name.rsplit("/", 1)[-1] == "_chat.txt" and "/" not in member.name:
            return member
    for member in candidates:
        if "/" not in member.name and _is_chat_member_name(member.name):
            return member
    for member in candidates:
        if "/" not in member.name:
            with archive.opener(member.name)() as stream:
                head = stream.read(65536)
            if _looks_like_chat_text(decode_export(head)[0]):
                return member
    return None


def _member_time(member: ArchiveMember) -> Timestamp | None:
    if member.modified is None:
        return None
    return Timestamp(
        source=TimeSource.FILE_METADATA,
        local=member.modified,
        assumption=ZIP_TIME_ASSUMPTION,
    )


def _read_zip(path: Path) -> ParsedExport:
    shown = str(path)
    with ZipArchive(path, display_name=shown, format_name=FORMAT) as archive:
        chat = _choose_chat_member(archive)
        if chat is None:
            raise ImportFormatError(path=shown, format=FORMAT, detail="the zip holds no WhatsApp chat text")
        text, bad = decode_export(archive.read(chat.name, max_size=MAX_TEXT_BYTES))
        base = chat.name.rsplit("/", 1)[-1]
        title = title_from_name(base) or title_from_name(path.name)
        parsed = parse_text(text, name=shown, title=title)

        media = [
            m
            for m in archive.members
            if not m.is_dir
            and m.name != chat.name
            and not m.name.startswith("__MACOSX/")
            and not m.name.rsplit("/", 1)[-1].startswith("._")
        ]
        basenames = Counter(m.name.rsplit("/", 1)[-1] for m in media)
        files: list[EmbeddedFile] = []
        for member in media:
            base_name = member.name.rsplit("/", 1)[-1]
            shown_name = base_name if basenames[base_name] == 1 and not member.unsafe_name else member.name
            files.append(
                EmbeddedFile(
                    name=shown_name,
                    open=archive.opener(member.name),
                    size=member.size,
                    media_type=media_type_of(base_name),
                    modified=_member_time(member),
                )
            )
        present = {f.name for f in files}
        missing = [name for name in parsed.referenced if name not in present]
        conversation = _with_warnings(
            parsed.conversation,
            [*archive.warnings, *_decode_warning(bad), *_missing_warning(missing)],
        )
        conversation = replace(conversation, extra=(*conversation.extra, ("chat_file", chat.name)))
        return ParsedExport(conversation=conversation, files=tuple(files), missing=tuple(missing))


def read(path: Path) -> ParsedExport:
    """Parse a WhatsApp export `.txt` or `.zip` at `path`."""
    path = Path(path)
    if path.is_dir():
        raise ImportFormatError(path=str(path), format=FORMAT, detail="a folder is not a WhatsApp export")
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise FileUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from None
    if magic in _ZIP_MAGIC:
        return _read_zip(path)
    data = _read_bytes(path, MAX_TEXT_BYTES)
    text, bad = decode_export(data)
    parsed = parse_text(text, name=str(path), title=title_from_name(path.name))
    missing = list(parsed.referenced)
    conversation = _with_warnings(parsed.conversation, [*_decode_warning(bad), *_missing_warning(missing)])
    return ParsedExport(conversation=conversation, files=(), missing=tuple(missing))
