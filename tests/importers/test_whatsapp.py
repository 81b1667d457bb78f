"""WhatsApp exports in every layout and language the importer claims, with exact expected messages.

All names, numbers and texts are fictional. Each row is
(sent_at, sender, sender_id, text, kind, flags, attachment) where flags holds D (deleted),
E (edited) and O (media omitted).
"""

from __future__ import annotations

from evidence_kit.importers import whatsapp

from .whatsapp_fixtures import (
    LRM,
    NBSP,
    NNBSP,
    RLM,
    row,
    rows,
)

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
