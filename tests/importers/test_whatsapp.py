"""WhatsApp exports in every layout and language the importer claims, with exact expected messages.

All names, numbers and texts are fictional. Each row is
(sent_at, sender, sender_id, text, kind, flags, attachment) where flags holds D (deleted),
E (edited) and O (media omitted).
"""

from __future__ import annotations

import dataclasses
import io
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.domain import Message
from evidence_kit.errors import ImportFormatError
from evidence_kit.importers import whatsapp
from evidence_kit.importers.archive import ArchiveBombError

FIXTURES = Path(__file__).parent / "fixtures" / "whatsapp"
LRM = "\u200e"
RLM = "\u200f"
NNBSP = "\u202f"
NBSP = "\u00a0"

Row = tuple[str | None, str | None, str | None, str, str, str, str | None]


def row(message: Message) -> Row:
    flags = ("D" if message.deleted else "") + ("E" if message.edited else "") + (
        "O" if message.media_omitted else ""
    )
    return (
        message.sent_at.isoformat(sep=" ") if message.sent_at else None,
        message.sender,
        message.sender_id,
        message.text,
        message.kind.value,
        flags,
        message.attachment,
    )


def rows(text: str, *, title: str | None = None) -> list[Row]:
    return [row(m) for m in whatsapp.parse_text(text, title=title).conversation.messages]


def codes(text: str) -> list[str]:
    return [w.code for w in whatsapp.parse_text(text).conversation.warnings]


# ---------------------------------------------------------------------------------------------
# Locales: Android
# ---------------------------------------------------------------------------------------------


def test_android_dutch() -> None:
    text = (
        "15-01-2024 21:04 - Berichten en gesprekken worden end-to-end versleuteld. Niemand buiten deze "
        "chat kan ze lezen of beluisteren, zelfs WhatsApp niet. Tik voor meer informatie.\n"
        "15-01-2024 21:05 - Anna de Vries: Hoi Bram, ben je er?\n"
        "15-01-2024 21:06 - Bram Jansen: <Media weggelaten>\n"
        f"15-01-2024 21:07 - Anna de Vries: {LRM}IMG-20240115-WA0001.jpg (bestand bijgevoegd)\n"
        "Kijk dit\n"
        "16-01-2024 08:00 - Bram Jansen: Dit bericht is verwijderd\n"
        "16-01-2024 08:01 - Anna de Vries: Je hebt dit bericht verwijderd\n"
        "16-01-2024 08:02 - Anna de Vries: Tot morgen <Dit bericht is bewerkt>\n"
        "16-01-2024 08:03 - \u202a+31 6 00000000\u202c: Wie is dit?\n"
        "16-01-2024 08:04 - Anna de Vries heeft Bram Jansen toegevoegd\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:04:00", None, None,
         "Berichten en gesprekken worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen "
         "of beluisteren, zelfs WhatsApp niet. Tik voor meer informatie.", "system", "", None),
        ("2024-01-15 21:05:00", "Anna de Vries", None, "Hoi Bram, ben je er?", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "", "message", "O", None),
        ("2024-01-15 21:07:00", "Anna de Vries", None, "Kijk dit", "message", "", "IMG-20240115-WA0001.jpg"),
        ("2024-01-16 08:00:00", "Bram Jansen", None, "", "message", "D", None),
        ("2024-01-16 08:01:00", "Anna de Vries", None, "", "message", "D", None),
        ("2024-01-16 08:02:00", "Anna de Vries", None, "Tot morgen", "message", "E", None),
        ("2024-01-16 08:03:00", "+31 6 00000000", "+31 6 00000000", "Wie is dit?", "message", "", None),
        ("2024-01-16 08:04:00", None, None, "Anna de Vries heeft Bram Jansen toegevoegd", "system", "", None),
    ]
    conversation = whatsapp.parse_text(text).conversation
    assert dict(conversation.extra) == {
        "layout": "Android", "date_order": "day/month/year", "clock": "24-hour", "language": "nl",
    }
    assert [(p.name, p.identifier) for p in conversation.participants] == [
        ("Anna de Vries", None), ("Bram Jansen", None), ("+31 6 00000000", "+31 6 00000000"),
    ]
    assert conversation.timezone_assumption == whatsapp.TIMEZONE_ASSUMPTION
    assert [w.code for w in conversation.warnings] == ["media_omitted"]
    assert conversation.warnings[0].format() == (
        '1 photos, videos or other files were left out of the export (exported "without media"); '
        "only their placeholders are in the chat."
    )


def test_android_us_english_12_hour_with_narrow_no_break_space() -> None:
    text = (
        f"1/15/24, 9:05{NNBSP}PM - Anna de Vries: See you at the station\n"
        f"1/15/24, 12:30{NNBSP}AM - Bram Jansen: Still awake?\n"
        f"1/15/24, 12:05{NNBSP}PM - Bram Jansen: <Media omitted>\n"
        f"1/16/24, 7:00{NBSP}AM - Anna de Vries: This message was deleted\n"
        "1/16/24, 7:01 am - Anna de Vries: IMG-20240116-WA0002.jpg (file attached)\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "See you at the station", "message", "", None),
        ("2024-01-15 00:30:00", "Bram Jansen", None, "Still awake?", "message", "", None),
        ("2024-01-15 12:05:00", "Bram Jansen", None, "", "message", "O", None),
        ("2024-01-16 07:00:00", "Anna de Vries", None, "", "message", "D", None),
        ("2024-01-16 07:01:00", "Anna de Vries", None, "", "message", "", "IMG-20240116-WA0002.jpg"),
    ]
    assert dict(whatsapp.parse_text(text).conversation.extra)["date_order"] == "month/day/year"


def test_android_british_english() -> None:
    text = (
        "15/01/2024, 21:05 - Anna de Vries: Morning!\n"
        "02/02/2024, 07:30 - Bram Jansen: <Media omitted>\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "Morning!", "message", "", None),
        ("2024-02-02 07:30:00", "Bram Jansen", None, "", "message", "O", None),
    ]


def test_android_german() -> None:
    text = (
        "15.01.24, 21:05 - Anna de Vries: Hallo zusammen\n"
        "15.01.24, 21:06 - Bram Jansen: IMG-20240115-WA0003.jpg (Datei angehängt)\n"
        "15.01.24, 21:07 - Bram Jansen: <Medien ausgeschlossen>\n"
        "Vertrag.pdf\n"
        "15.01.24, 21:08 - Anna de Vries: Diese Nachricht wurde gelöscht.\n"
        "15.01.24, 21:09 - Anna de Vries: Du hast diese Nachricht gelöscht.\n"
        "15.01.24, 21:10 - Bram Jansen: Bis morgen <Diese Nachricht wurde bearbeitet>\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "Hallo zusammen", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "", "message", "", "IMG-20240115-WA0003.jpg"),
        ("2024-01-15 21:07:00", "Bram Jansen", None, "Vertrag.pdf", "message", "O", None),
        ("2024-01-15 21:08:00", "Anna de Vries", None, "", "message", "D", None),
        ("2024-01-15 21:09:00", "Anna de Vries", None, "", "message", "D", None),
        ("2024-01-15 21:10:00", "Bram Jansen", None, "Bis morgen", "message", "E", None),
    ]


def test_android_french() -> None:
    text = (
        "12/03/2024 09:58 - Marie Dubois a créé le groupe « Famille : été »\n"
        "12/03/2024 10:02 - Marie Dubois: Bonjour à tous !\n"
        "Deuxième ligne\n"
        "12/03/2024 10:03 - Paul Martin: IMG-20240312-WA0001.jpg (fichier joint)\n"
        "La plage\n"
        f"13/03/2024 08:15 - Paul Martin: {LRM}Rapport.pdf • {LRM}3 pages {LRM}(fichier joint)\n"
        "13/03/2024 08:16 - Paul Martin: <Médias omis>\n"
        "13/03/2024 08:17 - Paul Martin: Ce message a été supprimé\n"
        "13/03/2024 08:18 - Marie Dubois: À demain <Ce message a été modifié>\n"
    )
    assert rows(text) == [
        ("2024-03-12 09:58:00", None, None,
         "Marie Dubois a créé le groupe « Famille : été »", "system", "", None),
        ("2024-03-12 10:02:00", "Marie Dubois", None,
         "Bonjour à tous !\nDeuxième ligne", "message", "", None),
        ("2024-03-12 10:03:00", "Paul Martin", None, "La plage", "message", "", "IMG-20240312-WA0001.jpg"),
        ("2024-03-13 08:15:00", "Paul Martin", None, "", "message", "", "Rapport.pdf"),
        ("2024-03-13 08:16:00", "Paul Martin", None, "", "message", "O", None),
        ("2024-03-13 08:17:00", "Paul Martin", None, "", "message", "D", None),
        ("2024-03-13 08:18:00", "Marie Dubois", None, "À demain", "message", "E", None),
    ]


def test_android_spanish_12_hour_a_m_p_m() -> None:
    text = (
        "15/1/24, 9:05 p. m. - Lucía García: Hola, ¿qué tal?\n"
        "15/1/24, 12:10 a. m. - Diego López: <Multimedia omitido>\n"
        "16/1/24, 12:15 p. m. - Diego López: IMG-20240116-WA0004.jpg (archivo adjunto)\n"
        "16/1/24, 1:00 p. m. - Lucía García: Se eliminó este mensaje.\n"
        "16/1/24, 1:01 p. m. - Diego López: Eliminaste este mensaje.\n"
        "16/1/24, 1:02 p. m. - Lucía García: Nos vemos <Se editó este mensaje.>\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Lucía García", None, "Hola, ¿qué tal?", "message", "", None),
        ("2024-01-15 00:10:00", "Diego López", None, "", "message", "O", None),
        ("2024-01-16 12:15:00", "Diego López", None, "", "message", "", "IMG-20240116-WA0004.jpg"),
        ("2024-01-16 13:00:00", "Lucía García", None, "", "message", "D", None),
        ("2024-01-16 13:01:00", "Diego López", None, "", "message", "D", None),
        ("2024-01-16 13:02:00", "Lucía García", None, "Nos vemos", "message", "E", None),
    ]


def test_android_italian_portuguese_turkish_polish_indonesian() -> None:
    italian = (
        "15/01/24, 21:05 - Giulia Rossi: Ciao\n"
        "15/01/24, 21:06 - Marco Bianchi: <Media omessi>\n"
        "15/01/24, 21:07 - Marco Bianchi: DOC-20240115-WA0001.pdf (file allegato)\n"
        "15/01/24, 21:08 - Giulia Rossi: Questo messaggio è stato eliminato\n"
        "15/01/24, 21:09 - Giulia Rossi: A domani <Questo messaggio è stato modificato>\n"
    )
    assert rows(italian) == [
        ("2024-01-15 21:05:00", "Giulia Rossi", None, "Ciao", "message", "", None),
        ("2024-01-15 21:06:00", "Marco Bianchi", None, "", "message", "O", None),
        ("2024-01-15 21:07:00", "Marco Bianchi", None, "", "message", "", "DOC-20240115-WA0001.pdf"),
        ("2024-01-15 21:08:00", "Giulia Rossi", None, "", "message", "D", None),
        ("2024-01-15 21:09:00", "Giulia Rossi", None, "A domani", "message", "E", None),
    ]
    portuguese = (
        "15/01/2024 21:05 - Ana Souza: Oi!\n"
        "15/01/2024 21:06 - João Lima: <Mídia oculta>\n"
        "15/01/2024 21:07 - João Lima: AUD-20240115-WA0001.opus (arquivo anexado)\n"
        "15/01/2024 21:08 - Ana Souza: Mensagem apagada\n"
        "15/01/2024 21:09 - Ana Souza: Até logo <Mensagem editada>\n"
    )
    assert rows(portuguese) == [
        ("2024-01-15 21:05:00", "Ana Souza", None, "Oi!", "message", "", None),
        ("2024-01-15 21:06:00", "João Lima", None, "", "message", "O", None),
        ("2024-01-15 21:07:00", "João Lima", None, "", "message", "", "AUD-20240115-WA0001.opus"),
        ("2024-01-15 21:08:00", "Ana Souza", None, "", "message", "D", None),
        ("2024-01-15 21:09:00", "Ana Souza", None, "Até logo", "message", "E", None),
    ]
    turkish = (
        "15.01.2024 21:05 - Ayşe Yılmaz: Merhaba\n"
        "15.01.2024 21:06 - Mehmet Kaya: <Medya dahil edilmedi>\n"
        "15.01.2024 21:07 - Mehmet Kaya: IMG-20240115-WA0005.jpg (dosya ekli)\n"
        "15.01.2024 21:08 - Ayşe Yılmaz: Bu mesaj silindi\n"
        "15.01.2024 21:09 - Ayşe Yılmaz: Görüşürüz <Bu mesaj düzenlendi>\n"
    )
    assert rows(turkish) == [
        ("2024-01-15 21:05:00", "Ayşe Yılmaz", None, "Merhaba", "message", "", None),
        ("2024-01-15 21:06:00", "Mehmet Kaya", None, "", "message", "O", None),
        ("2024-01-15 21:07:00", "Mehmet Kaya", None, "", "message", "", "IMG-20240115-WA0005.jpg"),
        ("2024-01-15 21:08:00", "Ayşe Yılmaz", None, "", "message", "D", None),
        ("2024-01-15 21:09:00", "Ayşe Yılmaz", None, "Görüşürüz", "message", "E", None),
    ]
    polish = (
        "15.01.2024, 21:05 - Zofia Nowak: Cześć\n"
        "15.01.2024, 21:06 - Piotr Wójcik: <Pominięto multimedia>\n"
        "15.01.2024, 21:07 - Piotr Wójcik: IMG-20240115-WA0006.jpg (załączony plik)\n"
        "Plan na październik\n"
        "15.01.2024, 21:08 - Zofia Nowak: Ta wiadomość została usunięta\n"
    )
    assert rows(polish) == [
        ("2024-01-15 21:05:00", "Zofia Nowak", None, "Cześć", "message", "", None),
        ("2024-01-15 21:06:00", "Piotr Wójcik", None, "", "message", "O", None),
        ("2024-01-15 21:07:00", "Piotr Wójcik", None, "Plan na październik", "message", "",
         "IMG-20240115-WA0006.jpg"),
        ("2024-01-15 21:08:00", "Zofia Nowak", None, "", "message", "D", None),
    ]
    indonesian = (
        "20/08/24 14.30 - Budi Santoso: Halo\n"
        "20/08/24 14.31 - +62 812-0000-0000: <Media tidak disertakan>\n"
        "20/08/24 14.32 - Budi Santoso: IMG-20240820-WA0001.jpg (file terlampir)\n"
        "20/08/24 14.33 - Budi Santoso: Pesan ini telah dihapus\n"
        "20/08/24 14.34 - Budi Santoso: Oke <Pesan ini diedit>\n"
    )
    assert rows(indonesian) == [
        ("2024-08-20 14:30:00", "Budi Santoso", None, "Halo", "message", "", None),
        ("2024-08-20 14:31:00", "+62 812-0000-0000", "+62 812-0000-0000", "", "message", "O", None),
        ("2024-08-20 14:32:00", "Budi Santoso", None, "", "message", "", "IMG-20240820-WA0001.jpg"),
        ("2024-08-20 14:33:00", "Budi Santoso", None, "", "message", "D", None),
        ("2024-08-20 14:34:00", "Budi Santoso", None, "Oke", "message", "E", None),
    ]


def test_android_arabic_with_arabic_indic_digits_and_arabic_am_pm() -> None:
    text = (
        f"{RLM}١٥/١/٢٠٢٤، ٩:٠٥ م - فاطمة الزهراء: مرحبا\n"
        "١٥/١/٢٠٢٤، ١٢:١٠ ص - عمر خالد: <تم استبعاد الوسائط>\n"
        "١٦/١/٢٠٢٤، ٨:٠٠ ص - عمر خالد: تم حذف هذه الرسالة\n"
        f"١٦/١/٢٠٢٤، ٨:٠١ ص - فاطمة الزهراء: إلى اللقاء {RLM}<تم تعديل هذه الرسالة>\n"
        "١٦/١/٢٠٢٤، ٨:٠٢ ص - فاطمة الزهراء: IMG-20240116-WA0001.jpg (الملف مرفق)\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "فاطمة الزهراء", None, "مرحبا", "message", "", None),
        ("2024-01-15 00:10:00", "عمر خالد", None, "", "message", "O", None),
        ("2024-01-16 08:00:00", "عمر خالد", None, "", "message", "D", None),
        ("2024-01-16 08:01:00", "فاطمة الزهراء", None, "إلى اللقاء", "message", "E", None),
        ("2024-01-16 08:02:00", "فاطمة الزهراء", None, "", "message", "", "IMG-20240116-WA0001.jpg"),
    ]
    assert dict(whatsapp.parse_text(text).conversation.extra)["language"] == "ar"


# ---------------------------------------------------------------------------------------------
# Locales: iOS
# ---------------------------------------------------------------------------------------------


def test_ios_british_english_with_group_pseudo_sender() -> None:
    text = (
        f"[15/01/2024, 21:00:00] Book Club: {LRM}Messages and calls are end-to-end encrypted. No one "
        "outside of this chat, not even WhatsApp, can read or listen to them.\r\n"
        f"[15/01/2024, 21:00:01] Book Club: {LRM}Anna de Vries created this group\r\n"
        f"[15/01/2024, 21:00:02] Book Club: {LRM}Anna de Vries added Bram Jansen\r\n"
        "[15/01/2024, 21:05:12] Anna de Vries: Welcome!\r\n"
        f"[15/01/2024, 21:05:30] Bram Jansen: {LRM}<attached: 00000005-PHOTO-2024-01-15-21-05-30.jpg>\r\n"
        f"[15/01/2024, 21:06:00] Bram Jansen: {LRM}image omitted\r\n"
        f"[15/01/2024, 21:06:10] Anna de Vries: {LRM}Report.pdf • 2 pages {LRM}document omitted\r\n"
        f"[15/01/2024, 21:07:00] Anna de Vries: {LRM}This message was deleted.\r\n"
        f"[15/01/2024, 21:07:05] Bram Jansen: {LRM}You deleted this message.\r\n"
        f"[15/01/2024, 21:08:00] Bram Jansen: Thanks @{chr(0x2068)}Anna de Vries{chr(0x2069)} "
        f"{LRM}<This message was edited>\r\n"
        f"[16/01/2024, 09:00:00] Anna de Vries: {LRM}Missed voice call\r\n"
    )
    conversation = whatsapp.parse_text(text).conversation
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:00:00", None, None, "Messages and calls are end-to-end encrypted. No one outside of "
         "this chat, not even WhatsApp, can read or listen to them.", "system", "", None),
        ("2024-01-15 21:00:01", None, None, "Anna de Vries created this group", "system", "", None),
        ("2024-01-15 21:00:02", None, None, "Anna de Vries added Bram Jansen", "system", "", None),
        ("2024-01-15 21:05:12", "Anna de Vries", None, "Welcome!", "message", "", None),
        ("2024-01-15 21:05:30", "Bram Jansen", None, "", "message", "",
         "00000005-PHOTO-2024-01-15-21-05-30.jpg"),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "", "message", "O", None),
        ("2024-01-15 21:06:10", "Anna de Vries", None, "Report.pdf • 2 pages", "message", "O", None),
        ("2024-01-15 21:07:00", "Anna de Vries", None, "", "message", "D", None),
        ("2024-01-15 21:07:05", "Bram Jansen", None, "", "message", "D", None),
        ("2024-01-15 21:08:00", "Bram Jansen", None, "Thanks @Anna de Vries", "message", "E", None),
        ("2024-01-16 09:00:00", "Anna de Vries", None, "Missed voice call", "system", "", None),
    ]
    assert conversation.title == "Book Club"
    assert [p.name for p in conversation.participants] == ["Anna de Vries", "Bram Jansen"]
    assert dict(conversation.extra)["layout"] == "iOS"


def test_ios_one_to_one_notice_is_not_the_other_persons_message() -> None:
    text = (
        f"[15/01/2024, 21:00:00] Bram Jansen: {LRM}Messages and calls are end-to-end encrypted. No one "
        "outside of this chat, not even WhatsApp, can read or listen to them.\n"
        "[15/01/2024, 21:05:12] Bram Jansen: Hi Anna\n"
        f"[15/01/2024, 21:06:00] Bram Jansen: {LRM}Missed video call\n"
    )
    conversation = whatsapp.parse_text(text, title="Bram Jansen").conversation
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:00:00", None, None, "Messages and calls are end-to-end encrypted. No one outside of "
         "this chat, not even WhatsApp, can read or listen to them.", "system", "", None),
        ("2024-01-15 21:05:12", "Bram Jansen", None, "Hi Anna", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "Missed video call", "system", "", None),
    ]
    assert [p.name for p in conversation.participants] == ["Bram Jansen"]


def test_ios_us_english_12_hour_and_other_ios_locales() -> None:
    us = (
        f"[1/15/24, 9:05:12{NNBSP}PM] Anna de Vries: Hi\n"
        f"[1/15/24, 12:00:00{NNBSP}AM] +1 (555) 010-0000: Midnight\n"
    )
    assert rows(us) == [
        ("2024-01-15 21:05:12", "Anna de Vries", None, "Hi", "message", "", None),
        ("2024-01-15 00:00:00", "+1 (555) 010-0000", "+1 (555) 010-0000", "Midnight", "message", "", None),
    ]
    dutch = (
        "[15-01-2024 21:05:12] Anna de Vries: Hoi\n"
        f"[15-01-2024 21:05:20] Bram Jansen: {LRM}<bijgevoegd: 00000002-PHOTO-2024-01-15-21-05-20.jpg>\n"
        f"[15-01-2024 21:05:30] Bram Jansen: {LRM}afbeelding weggelaten\n"
    )
    assert rows(dutch) == [
        ("2024-01-15 21:05:12", "Anna de Vries", None, "Hoi", "message", "", None),
        ("2024-01-15 21:05:20", "Bram Jansen", None,
         "", "message", "", "00000002-PHOTO-2024-01-15-21-05-20.jpg"),
        ("2024-01-15 21:05:30", "Bram Jansen", None, "", "message", "O", None),
    ]
    german = (
        "[15.01.24, 21:05:12] Anna de Vries: Hallo\n"
        f"[15.01.24, 21:05:20] Bram Jansen: {LRM}<Anhang: 00000003-AUDIO-2024-01-15-21-05-20.opus>\n"
        f"[15.01.24, 21:05:30] Bram Jansen: {LRM}Bild weggelassen\n"
    )
    assert rows(german) == [
        ("2024-01-15 21:05:12", "Anna de Vries", None, "Hallo", "message", "", None),
        ("2024-01-15 21:05:20", "Bram Jansen", None,
         "", "message", "", "00000003-AUDIO-2024-01-15-21-05-20.opus"),
        ("2024-01-15 21:05:30", "Bram Jansen", None, "", "message", "O", None),
    ]
    italian = (
        f"[15/01/24, 21:05:12] Giulia Rossi: {LRM}<allegato: 00000004-PHOTO-2024-01-15-21-05-12.jpg>\n"
        f"[15/01/24, 21:05:13] Giulia Rossi: {LRM}immagine omessa\n"
    )
    assert rows(italian) == [
        ("2024-01-15 21:05:12", "Giulia Rossi", None,
         "", "message", "", "00000004-PHOTO-2024-01-15-21-05-12.jpg"),
        ("2024-01-15 21:05:13", "Giulia Rossi", None, "", "message", "O", None),
    ]
    arabic = (
        f"[١٥{RLM}/١{RLM}/٢٠٢٤، ٩:٠٥:١٢ م] فاطمة الزهراء: مرحبا\n"
        f"[١٥{RLM}/١{RLM}/٢٠٢٤، ٩:٠٦:٠٠ م] فاطمة الزهراء: "
        f"{LRM}<المُرفق: 00000006-PHOTO-2024-01-15-21-06-00.jpg>\n"
        f"[١٥{RLM}/١{RLM}/٢٠٢٤، ٩:٠٧:٠٠ م] عمر خالد: {LRM}لم يتم إدراج الصورة\n"
    )
    assert rows(arabic) == [
        ("2024-01-15 21:05:12", "فاطمة الزهراء", None, "مرحبا", "message", "", None),
        ("2024-01-15 21:06:00", "فاطمة الزهراء", None,
         "", "message", "", "00000006-PHOTO-2024-01-15-21-06-00.jpg"),
        ("2024-01-15 21:07:00", "عمر خالد", None, "", "message", "O", None),
    ]


def test_old_ios_layout_without_brackets() -> None:
    text = "21/08/19, 11:28:51 PM: Anna de Vries: Waste of time\n22/08/19, 9:00:00 AM: Bram Jansen: Agreed\n"
    assert rows(text) == [
        ("2019-08-21 23:28:51", "Anna de Vries", None, "Waste of time", "message", "", None),
        ("2019-08-22 09:00:00", "Bram Jansen", None, "Agreed", "message", "", None),
    ]


# ---------------------------------------------------------------------------------------------
# Day/month order
# ---------------------------------------------------------------------------------------------


def test_day_month_order_is_decided_by_the_whole_file_not_the_first_lines() -> None:
    lines = [f"{d:02d}/01/2024, 10:{d:02d} - Anna de Vries: line {d}" for d in range(1, 13)]
    lines += [f"{d:02d}/02/2024, 10:00 - Anna de Vries: day {d}" for d in range(1, 12)]
    lines.append("13/02/2024, 10:00 - Bram Jansen: the first field above 12")
    result = rows("\n".join(lines))
    assert result[0] == ("2024-01-01 10:01:00", "Anna de Vries", None, "line 1", "message", "", None)
    assert result[11] == ("2024-01-12 10:12:00", "Anna de Vries", None, "line 12", "message", "", None)
    assert result[-1] == (
        "2024-02-13 10:00:00", "Bram Jansen", None, "the first field above 12", "message", "", None
    )
    assert codes("\n".join(lines)) == []


def test_month_first_is_decided_by_a_second_field_above_12() -> None:
    text = "01/02/2024, 10:00 - Anna de Vries: a\n" * 30 + "01/25/2024, 10:00 - Anna de Vries: b\n"
    assert rows(text)[0][0] == "2024-01-02 10:00:00"
    assert rows(text)[-1][0] == "2024-01-25 10:00:00"


def test_order_from_the_sequence_of_messages() -> None:
    text = (
        "10/01/2024, 10:00 - Anna de Vries: a\n"
        "11/01/2024, 10:00 - Anna de Vries: b\n"
        "01/02/2024, 10:00 - Anna de Vries: c\n"
    )
    assert [r[0] for r in rows(text)] == ["2024-01-10 10:00:00", "2024-01-11 10:00:00", "2024-02-01 10:00:00"]
    warnings = whatsapp.parse_text(text).conversation.warnings
    assert [(w.code, w.format()) for w in warnings] == [
        ("date_order_from_sequence",
         "No date in the export shows whether it is written day/month or month/day; dates were read as "
         "day/month/year because the messages are then in time order."),
    ]


@pytest.mark.parametrize(
    ("text", "first", "order"),
    [
        ("05/06/2024, 10:00 - Anna de Vries: a\n05/06/2024, 10:01 - Anna de Vries: b\n",
         "2024-06-05 10:00:00", "day/month/year"),
        ("5/6/24, 10:00 - Anna de Vries: a\n5/6/24, 10:01 - Anna de Vries: hi\n",
         "2024-05-06 10:00:00", "month/day/year"),
        ("5/6/24, 10:00 AM - Anna de Vries: a\n", "2024-05-06 10:00:00", "month/day/year"),
        ("5/6/24, 10:00 - Anna de Vries: <Medien ausgeschlossen>\n", "2024-06-05 10:00:00", "day/month/year"),
        ("05.06.24, 10:00 - Anna de Vries: a\n", "2024-06-05 10:00:00", "day/month/year"),
    ],
    ids=["padded-british", "unpadded-us", "us-12-hour", "german-markers", "dotted"],
)
def test_ambiguous_order_takes_the_usual_one_and_says_so(text: str, first: str, order: str) -> None:
    conversation = whatsapp.parse_text(text).conversation
    assert row(conversation.messages[0])[0] == first
    ambiguous = [w for w in conversation.warnings if w.code == "ambiguous_date_order"]
    assert len(ambiguous) == 1
    assert dict(ambiguous[0].params)["order"] == order
    assert ambiguous[0].format().startswith(
        "No date in the export shows whether it is written day/month or month/day; dates were read as "
        f"{order}, which is usual for this kind of export. Check one date you know, for example "
    )


def test_year_first_dates() -> None:
    assert rows("2024/01/05, 10:00 - Anna de Vries: a\n[2024-01-05 10:00:01] x: y\n") == [
        ("2024-01-05 10:00:00", "Anna de Vries", None, "a\n[2024-01-05 10:00:01] x: y", "message", "", None),
    ]


# ---------------------------------------------------------------------------------------------
# Lines, marks and line ends
# ---------------------------------------------------------------------------------------------


def test_multi_line_messages_keep_blank_lines_and_header_lookalikes_stay_text() -> None:
    text = (
        "15/01/2024, 21:05 - Anna de Vries: First line\n"
        "\n"
        "   indented third line\n"
        "[15/01/2024, 21:00:00] Bram Jansen: quoted from another chat (iOS shape)\n"
        "15/01/2024 21:00 - Bram Jansen: quoted in another shape (no comma)\n"
        "32/13/2024, 25:61 - Nobody: a header with a date that cannot exist\n"
        "15/01/2024, 21:06 - Bram Jansen: Second message\n"
    )
    conversation = whatsapp.parse_text(text).conversation
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None,
         "First line\n\n   indented third line\n[15/01/2024, 21:00:00] Bram Jansen: quoted from another chat "
         "(iOS shape)\n15/01/2024 21:00 - Bram Jansen: quoted in another shape (no comma)\n"
         "32/13/2024, 25:61 - Nobody: a header with a date that cannot exist", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "Second message", "message", "", None),
    ]
    assert [(w.code, w.line, w.format()) for w in conversation.warnings] == [
        ("invalid_header_date", 6,
         "Line 6 looks like the start of a message, but its date or time cannot exist; it was kept as "
         "part of the message before it."),
    ]


def test_bom_crlf_mixed_line_ends_and_invisible_marks() -> None:
    text = (
        "\ufeff15/01/2024, 21:05 - Anna de Vries: one\r\n"
        "two\n"
        f"{LRM}15/01/2024, 21:06 - {LRM}Bram Jansen{LRM}: {LRM}three {chr(0x2068)}@Anna{chr(0x2069)}\r\n"
        "lone\rcarriage return stays\n"
        f"15/01/2024, 21:07{NBSP}- Anna de Vries: no-break space before the dash is not a header\n"
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "one\ntwo", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None,
         "three @Anna\nlone\rcarriage return stays\n15/01/2024, 21:07\u00a0- Anna de Vries: no-break "
         "space before the dash is not a header", "message", "", None),
    ]


def test_text_keeps_everything_typed(uncommon_text: tuple[str, ...]) -> None:
    lines = [f"15/01/2024, 21:{i:02d} - Anna de Vries: {sample}" for i, sample in enumerate(uncommon_text)]
    result = rows("\n".join(lines) + "\n")
    expected = [whatsapp.strip_marks(sample) for sample in uncommon_text]
    assert [r[3] for r in result] == expected
    assert result[0][3] == "Right-to-left override: evil.exe and back"
    assert "vertical\x0b formfeed\x0c escape\x1b" in result[-1][3]
    assert len(result) == len(uncommon_text)


def test_sender_name_with_colon_in_text_and_empty_text() -> None:
    text = (
        "15/01/2024, 21:05 - Anna de Vries: Note: bring ID\n"
        "15/01/2024, 21:06 - Bram Jansen:\n"
        "continued after an empty first line\n"
        '15/01/2024, 21:07 - Anna de Vries changed the subject from "Plans: old" to "Plans: new"\n'
    )
    assert rows(text) == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "Note: bring ID", "message", "", None),
        ("2024-01-15 21:06:00", "Bram Jansen", None,
         "continued after an empty first line", "message", "", None),
        ("2024-01-15 21:07:00", None, None,
         'Anna de Vries changed the subject from "Plans: old" to "Plans: new"', "system", "", None),
    ]


def test_preamble_before_the_first_message_is_reported() -> None:
    text = "Some note a tool added\nanother line\n15/01/2024, 21:05 - Anna de Vries: hi\n"
    conversation = whatsapp.parse_text(text).conversation
    assert [row(m) for m in conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "hi", "message", "", None),
    ]
    assert [(w.code, w.format()) for w in conversation.warnings] == [
        ("unparsed_preamble", "Lines 1 to 2 come before the first message and were not read as messages."),
    ]


def test_a_marker_in_the_middle_of_a_text_is_kept_in_place() -> None:
    text = "[15/01/2024, 21:05:12] Anna de Vries: see <attached: 00000001-PHOTO.jpg> above\n"
    assert rows(text) == [
        ("2024-01-15 21:05:12", "Anna de Vries", None,
         "see <attached: 00000001-PHOTO.jpg> above", "message", "", "00000001-PHOTO.jpg"),
    ]


def test_not_whatsapp_at_all() -> None:
    for text in ("", "just some text\nwithout headers\n", "\x00\x01\x02" * 100):
        with pytest.raises(ImportFormatError, match="no WhatsApp message lines were found"):
            whatsapp.parse_text(text, name="x.txt")


def test_messages_made_without_the_constructor_equal_constructed_ones() -> None:
    text = (
        "15/01/2024, 21:05 - Anna de Vries: hi <This message was edited>\n"
        "15/01/2024, 21:06 - Bram Jansen: IMG-1.jpg (file attached)\n"
        "15/01/2024, 21:07 - Bram Jansen added Anna de Vries\n"
    )
    names = [f.name for f in dataclasses.fields(Message)]
    for made in whatsapp.parse_text(text).conversation.messages:
        assert type(made) is Message
        assert sorted(vars(made)) == sorted(names)
        rebuilt = Message(**{name: getattr(made, name) for name in names})
        assert made == rebuilt and hash(made) == hash(rebuilt) and repr(made) == repr(rebuilt)
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.text = "changed"  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------
# Files: .txt and .zip
# ---------------------------------------------------------------------------------------------


def test_read_txt_file_with_title_from_the_file_name_and_missing_media(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Anna de Vries (1).txt"
    path.write_text(
        "15/01/2024, 21:05 - Anna de Vries: IMG-20240115-WA0001.jpg (file attached)\n", encoding="utf-8"
    )
    parsed = whatsapp.read(path)
    assert parsed.conversation.title == "Anna de Vries"
    assert parsed.files == ()
    assert parsed.missing == ("IMG-20240115-WA0001.jpg",)
    assert [w.format() for w in parsed.conversation.warnings] == [
        "1 files the messages refer to are not in the export: IMG-20240115-WA0001.jpg.",
    ]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 16, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def test_read_ios_zip_links_media_and_reports_missing(tmp_path: Path) -> None:
    chat = (
        f"[15/01/2024, 21:05:12] Anna de Vries: {LRM}<attached: 00000001-PHOTO-2024-01-15-21-05-12.jpg>\r\n"
        f"[15/01/2024, 21:05:20] Anna de Vries: {LRM}<attached: 00000002-AUDIO-2024-01-15-21-05-20.opus>\r\n"
        "[15/01/2024, 21:06:00] Bram Jansen: Nice\r\n"
    ).encode()
    photo = b"\xff\xd8\xff\xe0fictional jpeg bytes"
    path = tmp_path / "WhatsApp Chat - Book Club.zip"
    path.write_bytes(
        _zip({
            "_chat.txt": chat,
            "00000001-PHOTO-2024-01-15-21-05-12.jpg": photo,
            "__MACOSX/._00000001-PHOTO-2024-01-15-21-05-12.jpg": b"apple double",
            "extra-unreferenced.txt": b"not a chat",
        })
    )
    assert whatsapp.sniff(path.read_bytes()[:65536], path.name)
    parsed = whatsapp.read(path)
    assert parsed.conversation.title == "Book Club"
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:12", "Anna de Vries", None,
         "", "message", "", "00000001-PHOTO-2024-01-15-21-05-12.jpg"),
        ("2024-01-15 21:05:20", "Anna de Vries", None,
         "", "message", "", "00000002-AUDIO-2024-01-15-21-05-20.opus"),
        ("2024-01-15 21:06:00", "Bram Jansen", None, "Nice", "message", "", None),
    ]
    assert [(f.name, f.size, f.media_type) for f in parsed.files] == [
        ("00000001-PHOTO-2024-01-15-21-05-12.jpg", len(photo), "image/jpeg"),
        ("extra-unreferenced.txt", 10, "text/plain"),
    ]
    with parsed.files[0].open() as stream:
        assert stream.read() == photo
    modified = parsed.files[0].modified
    assert modified is not None and modified.local == datetime(2024, 1, 16, 10, 0, 0)
    assert modified.source.value == "file_metadata" and modified.utc is None
    with parsed.files[0].open() as again:
        assert again.read(4) == photo[:4]
    assert parsed.missing == ("00000002-AUDIO-2024-01-15-21-05-20.opus",)
    assert [w.code for w in parsed.conversation.warnings] == ["attachments_missing"]
    assert dict(parsed.conversation.extra)["chat_file"] == "_chat.txt"
    assert parsed.conversation.messages[0].attachments[0].media_type == "image/jpeg"


def test_read_android_zip_finds_the_named_chat_text(tmp_path: Path) -> None:
    chat = "15-01-2024 21:05 - Anna de Vries: IMG-20240115-WA0001.jpg (bestand bijgevoegd)\nFoto\n"
    path = tmp_path / "export.zip"
    path.write_bytes(
        _zip({
            "IMG-20240115-WA0001.jpg": b"jpeg",
            "WhatsApp-chat met Anna de Vries.txt": chat.encode("utf-8"),
        })
    )
    parsed = whatsapp.read(path)
    assert parsed.conversation.title == "Anna de Vries"
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "Foto", "message", "", "IMG-20240115-WA0001.jpg"),
    ]
    assert [f.name for f in parsed.files] == ["IMG-20240115-WA0001.jpg"]
    assert parsed.missing == ()


def test_zip_with_traversal_names_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "crafted.zip"
    chat = b"[15/01/2024, 21:05:12] Anna de Vries: hi\n"
    path.write_bytes(_zip({"_chat.txt": chat, "../../evil.jpg": b"x"}))
    parsed = whatsapp.read(path)
    assert [f.name for f in parsed.files] == ["../../evil.jpg"]
    assert [w.code for w in parsed.conversation.warnings] == ["archive_unsafe_name"]
    assert not (tmp_path.parent.parent / "evil.jpg").exists()


def test_zip_without_chat_and_zip_bomb_are_typed_errors(tmp_path: Path) -> None:
    no_chat = tmp_path / "photos.zip"
    no_chat.write_bytes(_zip({"IMG-1.jpg": b"jpeg"}))
    with pytest.raises(ImportFormatError, match="the zip holds no WhatsApp chat text"):
        whatsapp.read(no_chat)
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip({"_chat.txt": b"\0" * (32 * 1024 * 1024)}))
    started = time.perf_counter()
    with pytest.raises(ArchiveBombError):
        whatsapp.read(bomb)
    assert time.perf_counter() - started < 2.0
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(_zip({"_chat.txt": b"[15/01/2024, 21:05:12] A: hi\n" * 100})[:-40])
    with pytest.raises(ImportFormatError, match="damaged or truncated"):
        whatsapp.read(truncated)


def test_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ImportFormatError):
        whatsapp.read(empty)
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ImportFormatError):
        whatsapp.read(garbage)
    with pytest.raises(ImportFormatError, match="a folder is not a WhatsApp export"):
        whatsapp.read(tmp_path)


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"15/01/2024, 21:05 - Anna de Vries: caf\xe9 \xff\xfe ok\n")
    parsed = whatsapp.read(path)
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "caf\ufffd \ufffd\ufffd ok", "message", "", None),
    ]
    assert [(w.code, w.format()) for w in parsed.conversation.warnings] == [
        ("invalid_utf8", "The chat text is not valid UTF-8: 3 unreadable bytes were shown as U+FFFD."),
    ]


def test_utf16_export_resaved_by_another_tool(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes("15/01/2024, 21:05 - Anna de Vries: hoi\n".encode("utf-16"))
    assert [row(m) for m in whatsapp.read(path).conversation.messages] == [
        ("2024-01-15 21:05:00", "Anna de Vries", None, "hoi", "message", "", None),
    ]


def test_a_50_mib_single_line(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    body = "x" * (50 * 1024 * 1024)
    path.write_text(f"15/01/2024, 21:05 - Anna de Vries: {body}\n", encoding="ascii")
    started = time.perf_counter()
    messages = whatsapp.read(path).conversation.messages
    assert time.perf_counter() - started < 10
    assert len(messages) == 1 and len(messages[0].text) == len(body)
    headless = tmp_path / "headless.txt"
    headless.write_text(body, encoding="ascii")
    with pytest.raises(ImportFormatError):
        whatsapp.read(headless)


def test_many_lookalike_lines_stay_linear_and_warnings_are_counted() -> None:
    lookalikes = "\n".join(f"32/01/2024, 10:{i % 60:02d} - X: {i}" for i in range(60_000))
    other_shape = "\n".join(f"[15/01/2024, 10:00:{i % 60:02d}] Y: {i}" for i in range(60_000))
    text = f"15/01/2024, 21:05 - Anna de Vries: start\n{lookalikes}\n{other_shape}\n"
    started = time.perf_counter()
    conversation = whatsapp.parse_text(text).conversation
    assert time.perf_counter() - started < 5
    assert len(conversation.messages) == 1
    assert conversation.messages[0].text == f"start\n{lookalikes}\n{other_shape}"
    codes = [w.code for w in conversation.warnings]
    assert codes == ["invalid_header_date"] * 21
    assert conversation.warnings[0].format() == (
        "Line 2 looks like the start of a message, but its date or time cannot exist; it was kept as part "
        "of the message before it."
    )
    assert conversation.warnings[-1].format() == (
        "59980 more lines look like the start of a message but have a date or time that cannot exist; "
        "they were kept as part of the messages before them."
    )


def test_a_long_run_of_marks_cannot_slow_the_header_down() -> None:
    marks = LRM * 200_000
    started = time.perf_counter()
    assert rows(f"15/01/2024, 21:05{marks} - Anna: x\n{marks}\n") == [
        ("2024-01-15 21:05:00", "Anna", None, "x\n", "message", "", None),
    ]
    with pytest.raises(ImportFormatError):
        whatsapp.parse_text(f"15/01/2024, 21:05{marks}{NBSP}{marks}x\n{marks}[15/01/2024{marks}\n")
    assert time.perf_counter() - started < 2.0


# ---------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------


def test_sniff_decides_by_content() -> None:
    android = b"15/01/2024, 21:05 - Anna de Vries: hi\n"
    assert whatsapp.sniff(android, "renamed.dat")
    assert whatsapp.sniff(b"\xef\xbb\xbf[15/01/2024, 21:05:12] Anna de Vries: hi\r\n", "_chat.txt")
    assert not whatsapp.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "chat.txt")
    assert not whatsapp.sniff(b"Hello, this is a letter.\nRegards\n", "WhatsApp Chat with Anna.txt")
    assert not whatsapp.sniff(b"[2019-05-29, 15:04] Me: How is everyone?\n", "chat.md")  # signal-export
    assert not whatsapp.sniff(b"", "empty.txt")
    zipped = _zip({"_chat.txt": android})
    assert whatsapp.sniff(zipped[:65536], "anything.bin")
    assert not whatsapp.sniff(_zip({"report.docx": b"PK"})[:65536], "report.zip")


def test_fixture_files_parse_exactly() -> None:
    parsed = whatsapp.read(FIXTURES / "WhatsApp Chat with Anna de Vries.txt")
    assert [row(m) for m in parsed.conversation.messages] == [
        ("2023-12-31 23:59:00", None, None,
         "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
         "can read or listen to them. Tap to learn more.", "system", "", None),
        ("2024-01-01 00:01:00", "Anna de Vries", None, "Happy new year 🎉🎆", "message", "", None),
        ("2024-01-01 00:02:00", "+31 6 00000000", "+31 6 00000000",
         "Who gave you this number?\n\nStop writing to me.", "message", "", None),
        ("2024-01-01 00:03:00", "+31 6 00000000", "+31 6 00000000", "", "message", "O", None),
        ("2024-01-13 14:00:00", "Anna de Vries", None, "", "message", "D", None),
    ]
    assert parsed.conversation.title == "Anna de Vries"
    assert [w.code for w in parsed.conversation.warnings] == ["media_omitted"]
