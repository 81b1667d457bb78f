"""Translated names and sentences the screens share: kinds, time sources, events, errors, times.

Rule: every user-visible word comes from Qt's translation (context "Texts") or, for the
core's own templates (errors, warnings), from `evidence_kit.i18n`, whose catalogue the CLI
uses too. Names here are looked up from stable machine values, never built by concatenation.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from evidence_kit import i18n
from evidence_kit.domain import ItemKind, ParseWarning, TimeSource, Timestamp

CONTEXT = "Texts"

_KINDS = {
    ItemKind.FILE: QT_TRANSLATE_NOOP("Texts", "File"),
    ItemKind.IMAGE: QT_TRANSLATE_NOOP("Texts", "Image"),
    ItemKind.CHAT: QT_TRANSLATE_NOOP("Texts", "Chat"),
    ItemKind.EMAIL: QT_TRANSLATE_NOOP("Texts", "E-mail"),
    ItemKind.SMS: QT_TRANSLATE_NOOP("Texts", "SMS"),
    ItemKind.CALL_LOG: QT_TRANSLATE_NOOP("Texts", "Call log"),
}

_SOURCES = {
    TimeSource.CONTENT: QT_TRANSLATE_NOOP("Texts", "As shown in the content"),
    TimeSource.FILE_METADATA: QT_TRANSLATE_NOOP("Texts", "File's own time (modified)"),
    TimeSource.FILE_NAME: QT_TRANSLATE_NOOP("Texts", "From the file name"),
    TimeSource.IMPORT_CLOCK: QT_TRANSLATE_NOOP("Texts", "Stored in the vault (this computer's clock)"),
    TimeSource.TSA: QT_TRANSLATE_NOOP("Texts", "Trusted time-stamp"),
}

_EVENTS = {
    "vault_created": QT_TRANSLATE_NOOP("Texts", "Vault created"),
    "vault_migrated": QT_TRANSLATE_NOOP("Texts", "Vault updated to a new format"),
    "item_added": QT_TRANSLATE_NOOP("Texts", "Item stored"),
    "item_parsed": QT_TRANSLATE_NOOP("Texts", "Content read from the stored original"),
    "item_reparsed": QT_TRANSLATE_NOOP("Texts", "Content read again"),
    "note_changed": QT_TRANSLATE_NOOP("Texts", "Note changed"),
    "category_changed": QT_TRANSLATE_NOOP("Texts", "Category changed"),
    "item_withheld": QT_TRANSLATE_NOOP("Texts", "Marked sensitive (withheld from dossiers)"),
    "withhold_cleared": QT_TRANSLATE_NOOP("Texts", "Sensitive mark removed"),
    "offences_changed": QT_TRANSLATE_NOOP("Texts", "Offence categories changed"),
    "item_extracted": QT_TRANSLATE_NOOP("Texts", "Copy of the original saved"),
    "item_viewed": QT_TRANSLATE_NOOP("Texts", "Item viewed"),
    "verified": QT_TRANSLATE_NOOP("Texts", "Vault checked"),
    "passphrase_changed": QT_TRANSLATE_NOOP("Texts", "Passphrase changed"),
    "recovered_with_code": QT_TRANSLATE_NOOP("Texts", "New passphrase set with the recovery code"),
    "key_rotated": QT_TRANSLATE_NOOP("Texts", "Key replaced: the vault re-encrypted"),
    "recovery_code_reissued": QT_TRANSLATE_NOOP("Texts", "New recovery code made"),
    "exported": QT_TRANSLATE_NOOP("Texts", "Dossier exported"),
    "timestamp_obtained": QT_TRANSLATE_NOOP("Texts", "Trusted time-stamp obtained"),
    "backup_made": QT_TRANSLATE_NOOP("Texts", "Backup made"),
    "tsa_ca_added": QT_TRANSLATE_NOOP("Texts", "Time-stamp authority's root certificate added"),
    "incident_recorded": QT_TRANSLATE_NOOP("Texts", "Incident written down"),
    "incident_edited": QT_TRANSLATE_NOOP("Texts", "Incident changed (earlier version kept)"),
    "person_recorded": QT_TRANSLATE_NOOP("Texts", "Person added to the people register"),
    "notice_recorded": QT_TRANSLATE_NOOP("Texts", "Notice to a platform drafted"),
    "notice_edited": QT_TRANSLATE_NOOP("Texts", "Notice to a platform updated (earlier version kept)"),
    "person_edited": QT_TRANSLATE_NOOP(
        "Texts", "Person in the people register changed (earlier version kept)"
    ),
}

_FORMATS = {
    "image": QT_TRANSLATE_NOOP("Texts", "image"),
    "file": QT_TRANSLATE_NOOP("Texts", "file"),
    "sms": QT_TRANSLATE_NOOP("Texts", "SMS backup"),
    "calls": QT_TRANSLATE_NOOP("Texts", "call log backup"),
    "email": QT_TRANSLATE_NOOP("Texts", "e-mail"),
    "mbox": QT_TRANSLATE_NOOP("Texts", "mailbox (mbox)"),
    "whatsapp": QT_TRANSLATE_NOOP("Texts", "WhatsApp chat"),
    "signal": QT_TRANSLATE_NOOP("Texts", "Signal messages"),
    "telegram": QT_TRANSLATE_NOOP("Texts", "Telegram chat"),
    "instagram": QT_TRANSLATE_NOOP("Texts", "Instagram messages"),
    "facebook": QT_TRANSLATE_NOOP("Texts", "Facebook Messenger"),
    "clipboard": QT_TRANSLATE_NOOP("Texts", "pasted picture"),
    "attachment": QT_TRANSLATE_NOOP("Texts", "attached file"),
}

# The GUI's own error templates (the core's are in evidence_kit/locale).
_UI_ERRORS = (QT_TRANSLATE_NOOP("Texts", "Something went wrong: {detail}"),)


def tr(text: object, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, str(text), None, n)


def kind_name(kind: ItemKind | str) -> str:
    key = ItemKind(kind) if kind in ItemKind._value2member_map_ else None
    return tr(_KINDS[key]) if key is not None else str(kind)


def kind_names() -> list[tuple[ItemKind, str]]:
    return [(kind, tr(label)) for kind, label in _KINDS.items()]


# A picture's content time is EXIF's DateTimeOriginal: said so where a picture's time is shown.
_PICTURE_CONTENT = QT_TRANSLATE_NOOP("Texts", "Camera data (EXIF): when the picture was taken")

# The few words after a date in the evidence list: where that date comes from.
_SHORT_SOURCES = {
    TimeSource.CONTENT: QT_TRANSLATE_NOOP("Texts", "content"),
    TimeSource.FILE_NAME: QT_TRANSLATE_NOOP("Texts", "file name"),
    TimeSource.FILE_METADATA: QT_TRANSLATE_NOOP("Texts", "file date"),
    TimeSource.IMPORT_CLOCK: QT_TRANSLATE_NOOP("Texts", "stored"),
    TimeSource.TSA: QT_TRANSLATE_NOOP("Texts", "trusted time-stamp"),
}
_SHORT_PICTURE_CONTENT = QT_TRANSLATE_NOOP("Texts", "EXIF")


def source_name(source: TimeSource, kind: ItemKind | None = None) -> str:
    """Where a time comes from, in words; `kind` names a picture's content time as EXIF."""
    if source == TimeSource.CONTENT and kind == ItemKind.IMAGE:
        return tr(_PICTURE_CONTENT)
    return tr(_SOURCES.get(source, str(source)))


def short_source_name(source: TimeSource, kind: ItemKind | None = None) -> str:
    """A word or two for where a time comes from, shown after a date in a list."""
    if source == TimeSource.CONTENT and kind == ItemKind.IMAGE:
        return tr(_SHORT_PICTURE_CONTENT)
    return tr(_SHORT_SOURCES.get(source, str(source)))


def dated_text(stamp: Timestamp | None, kind: ItemKind | None = None) -> str:
    """A date as the evidence list shows it: the time, then where it comes from."""
    if stamp is None:
        return ""
    shown = time_text(stamp)
    return f"{shown} \u00b7 {short_source_name(stamp.source, kind)}" if shown else ""


def source_text(stamp: Timestamp, kind: ItemKind | None = None) -> str:
    """Where a time comes from, with what was assumed about it (a tooltip's text)."""
    text = source_name(stamp.source, kind)
    return f"{text}\n{core_text(stamp.assumption)}" if stamp.assumption else text


def event_name(event_type: str) -> str:
    label = _EVENTS.get(event_type)
    return tr(label) if label else event_type


def format_name(name: str | None) -> str:
    if not name:
        return tr(_FORMATS["file"])
    label = _FORMATS.get(name)
    return tr(label) if label else name


def platform_name(platform: str) -> str:
    names = {
        "whatsapp": "WhatsApp",
        "telegram": "Telegram",
        "signal": "Signal",
        "instagram": "Instagram",
        "facebook": "Facebook",
        "sms": tr(_KINDS[ItemKind.SMS]),
        "email": tr(_KINDS[ItemKind.EMAIL]),
        "call_log": tr(_KINDS[ItemKind.CALL_LOG]),
    }
    return names.get(platform, platform)


def core_text(template: str, params: tuple[tuple[str, str], ...] | dict[str, str] = ()) -> str:
    """A core template (error, warning) in the current language, filled in."""
    values = dict(params)
    if template in i18n.catalog(i18n.get_language()) or i18n.get_language() == "en":
        return i18n.fmt(template, values)
    translated = tr(template)
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)


# Words the core puts into a sentence as a value (one vocabulary for every export): shown in the
# user's language too, so a Dutch sentence never says "day/month/year".
_VALUE_WORDS = {
    "day/month/year": QT_TRANSLATE_NOOP("Texts", "day/month/year"),
    "month/day/year": QT_TRANSLATE_NOOP("Texts", "month/day/year"),
    "year/month/day": QT_TRANSLATE_NOOP("Texts", "year/month/day"),
    "year/day/month": QT_TRANSLATE_NOOP("Texts", "year/day/month"),
}
# Media types people meet in warnings, in words; the type itself goes under Details.
_MEDIA_WORDS = {
    "application/octet-stream": QT_TRANSLATE_NOOP("Texts", "a kind of file this program does not recognise"),
    "application/zip": QT_TRANSLATE_NOOP("Texts", "a zip archive"),
    "application/pdf": QT_TRANSLATE_NOOP("Texts", "a PDF document"),
    "application/json": QT_TRANSLATE_NOOP("Texts", "JSON data"),
    "application/xml": QT_TRANSLATE_NOOP("Texts", "XML data"),
    "text/xml": QT_TRANSLATE_NOOP("Texts", "XML data"),
    "text/plain": QT_TRANSLATE_NOOP("Texts", "plain text"),
    "text/html": QT_TRANSLATE_NOOP("Texts", "a web page"),
    "message/rfc822": QT_TRANSLATE_NOOP("Texts", "an e-mail"),
    "image/png": QT_TRANSLATE_NOOP("Texts", "a PNG picture"),
    "image/jpeg": QT_TRANSLATE_NOOP("Texts", "a JPEG picture"),
}
_DETAIL = "\x00detail\x00"
_UNKNOWN_TYPE = "application/octet-stream"


def _plain_values(params: tuple[tuple[str, str], ...] | dict[str, str]) -> dict[str, str]:
    values = dict(params)
    for key, value in values.items():
        word = _VALUE_WORDS.get(value)
        if word is not None:
            values[key] = tr(word)
    return values


def plain_text(template: str, params: tuple[tuple[str, str], ...] | dict[str, str] = ()) -> tuple[str, str]:
    """(the plain sentence, the technical detail) of a core message.

    A template ending in ": {detail}" carries what a library said ("Error -3 while decompressing
    data"): the user reads the sentence before it, and the detail is shown apart, under Details.
    """
    values = _plain_values(params)
    types = [f"{key}: {value}" for key, value in values.items() if value in _MEDIA_WORDS]
    for key, value in list(values.items()):
        if value in _MEDIA_WORDS:
            values[key] = tr(_MEDIA_WORDS[value])
    detail = values.get("detail", "")
    if not detail or not template.endswith(": {detail}"):
        return core_text(template, values), "; ".join(types)
    values["detail"] = _DETAIL
    sentence = core_text(template, values)
    head, marker, _tail = sentence.partition(": " + _DETAIL)
    if not marker:
        return sentence.replace(_DETAIL, detail), "; ".join(types)
    return head.rstrip(" .") + ".", "; ".join([detail, *types])


def media_type_text(media_type: str | None) -> str:
    """A media type for people: "not recognised" instead of application/octet-stream."""
    if not media_type or media_type == _UNKNOWN_TYPE:
        return tr(QT_TRANSLATE_NOOP("Texts", "not recognised; stored exactly as it is"))
    return media_type


def error_text(exc: BaseException) -> str:
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if isinstance(template, str) and isinstance(params, dict):
        return core_text(template, _plain_values(params))
    return str(exc)


def warning_text(warning: ParseWarning) -> str:
    return core_text(warning.message, _plain_values(warning.params))


def _offset_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def time_text(stamp: Timestamp | None, *, seconds: bool = False) -> str:
    """A time as shown: the wall-clock value (with its offset when known), else UTC."""
    if stamp is None:
        return ""
    pattern = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    if stamp.local is not None:
        text = stamp.local.strftime(pattern)
        if stamp.offset_minutes is not None and seconds:
            text += f" ({_offset_text(stamp.offset_minutes)})"
        return text
    if stamp.utc is not None:
        return stamp.utc.strftime(pattern) + " UTC"
    return ""


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def local_text(moment: datetime, offset_minutes: int | None = None) -> str:
    """An aware moment in the wall-clock time it was recorded in (or this computer's)."""
    if offset_minutes is not None:
        zone = timezone(timedelta(minutes=offset_minutes))
        return f"{moment.astimezone(zone):%Y-%m-%d %H:%M:%S} ({_offset_text(offset_minutes)})"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        value /= 1024
        if value < 1024 or unit == "TiB":
            return f"{value:.1f} {unit}"
    return str(size)
