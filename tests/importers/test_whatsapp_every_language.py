"""WhatsApp's own words in every language the importer knows, on Android and on iOS.

Each language gets a fictional chat in the exact shape its phone writes (Android: `15/01/2024,
21:05 - Name: text`, iOS: `[15/01/2024, 21:05:12] Name: \u200etext`), built from its table in
`languages.toml`, and must come out with the markers as fields. The hand-written chats further
down spell the strings out (Russian, Ukrainian, Czech, Japanese, Thai, Hindi), so that losing a
table from the data file fails here too. All names and messages are fictional.
"""

from __future__ import annotations

import pytest

from evidence_kit.domain import Message, MessageKind
from evidence_kit.importers import whatsapp
from evidence_kit.importers.whatsapp import languages

from .whatsapp_fixtures import LRM

LOADED = languages.load()
LOCALES = list(LOADED.tables)


def _first(locale: str, kind: str) -> str | None:
    phrases = LOADED.tables[locale].get(kind)
    return phrases[0] if phrases else None


def _chat(locale: str, platform: str) -> tuple[str, list[str]]:
    """A chat in `locale` on `platform` and what each of its lines must become."""
    if platform == "android":
        head = "15/01/2024, 21:{:02d} - "
        mark = ""
    else:
        head = "[15/01/2024, 21:{:02d}:00] "
        mark = LRM
    lines: list[str] = []
    expected: list[str] = []

    def line(text: str, what: str) -> None:
        lines.append(head.format(len(lines)) + text)
        expected.append(what)

    notice = _first(locale, "encryption_notices")
    if notice:
        if platform == "android":
            line(f"{notice}.", "system")
        else:
            line(f"Fictional Group: {mark}{notice}.", "system")
    line("Anna de Vries: hello", "text")
    deleted = _first(locale, "deleted")
    if deleted:
        line(f"Bram Jansen: {mark}{deleted}", "deleted")
    missed = _first(locale, "missed_calls")
    if missed:
        line(f"Bram Jansen: {mark}{missed}", "system")
    if platform == "android":
        omitted = _first(locale, "omitted.android")
        if omitted:
            line(f"Anna de Vries: {omitted}", "omitted")
        label = _first(locale, "attached.android")
        if label:
            line(f"Anna de Vries: IMG-20240115-WA0001.jpg ({label})", "attachment")
    else:
        omitted = _first(locale, "omitted.ios")
        if omitted:
            line(f"Anna de Vries: {mark}{omitted}", "omitted")
        label = _first(locale, "attached.ios")
        if label:
            line(f"Anna de Vries: {mark}<{label}: 00000012-PHOTO-2024-01-15-21-05-12.jpg>", "attachment")
    return "\n".join(lines) + "\n", expected


def _what(message: Message) -> str:
    if message.kind is MessageKind.SYSTEM:
        return "system"
    if message.deleted:
        return "deleted"
    if message.media_omitted:
        return "omitted"
    if message.attachments:
        return "attachment"
    return "text"


@pytest.mark.parametrize("platform", ["android", "ios"])
@pytest.mark.parametrize("locale", LOCALES)
def test_every_language_on_both_platforms(locale: str, platform: str) -> None:
    text, expected = _chat(locale, platform)
    conversation = whatsapp.parse_text(text).conversation
    assert [_what(m) for m in conversation.messages] == expected, (locale, platform, text)
    if _first(locale, "encryption_notices"):
        assert conversation.messages[0].sender is None  # WhatsApp's notice, even under the group's name
    for message in conversation.messages:
        if message.attachments:
            assert message.attachment in ("IMG-20240115-WA0001.jpg", "00000012-PHOTO-2024-01-15-21-05-12.jpg")
            assert message.text == ""
    # The group's name is no person: only the two fictional people took part.
    assert {p.name for p in conversation.participants} <= {"Anna de Vries", "Bram Jansen"}


# Hand-written: the strings as WhatsApp writes them, independent of the data file.
SPELLED_OUT = {
    "ru": (
        "15.01.2024, 21:05 - Анна: Данное сообщение удалено\n"
        "15.01.2024, 21:06 - Анна: <Без медиафайлов>\n"
        "15.01.2024, 21:07 - Борис: Вы удалили данное сообщение\n"
        "15.01.2024, 21:08 - Борис: IMG-20240115-WA0001.jpg (файл добавлен)\n",
        "[15.01.2024, 21:05:00] Анна: \u200eизображение отсутствует\n"
        "[15.01.2024, 21:06:00] Анна: \u200eПропущенный аудиозвонок\n"
        "[15.01.2024, 21:07:00] Борис: \u200e<прикреплено: 00000003-PHOTO-2024-01-15-21-07-00.jpg>\n",
    ),
    "uk": (
        "15.01.2024, 21:05 - Олена: Це повідомлення було видалено\n"
        "15.01.2024, 21:06 - Олена: <Медіа пропущено>\n"
        "15.01.2024, 21:07 - Петро: IMG-20240115-WA0001.jpg (файл додано)\n",
        "[15.01.2024, 21:05:00] Олена: \u200eзображення відсутнє\n"
        "[15.01.2024, 21:06:00] Олена: \u200eПропущений аудіодзвінок\n"
        "[15.01.2024, 21:07:00] Петро: \u200e<додано: 00000003-PHOTO-2024-01-15-21-07-00.jpg>\n",
    ),
    "cs": (
        "15.01.24 21:05 - Jana: Tato zpráva byla odstraněna\n"
        "15.01.24 21:06 - Jana: <Média vynechána>\n"
        "15.01.24 21:07 - Petr: IMG-20240115-WA0001.jpg (soubor byl přiložen)\n",
        "[15.01.24 21:05:00] Jana: \u200eobrázek vynechán\n"
        "[15.01.24 21:06:00] Jana: \u200eTuto zprávu jste smazal/a.\n"
        "[15.01.24 21:07:00] Petr: \u200e<příloha: 00000003-PHOTO-2024-01-15-21-07-00.jpg>\n",
    ),
    "ja": (
        "2024/01/15 21:05 - 花子: このメッセージは削除されました\n"
        "2024/01/15 21:06 - 花子: <メディアは含まれていません>\n"
        "2024/01/15 21:07 - 太郎: IMG-20240115-WA0001.jpg (添付ファイル有り)\n",
        "[2024/01/15 21:05:00] 花子: \u200e画像は含まれていません\n"
        "[2024/01/15 21:06:00] 花子: \u200eこのメッセージを削除しました。\n"
        "[2024/01/15 21:07:00] 太郎: \u200e<添付ファイル: 00000003-PHOTO-2024-01-15-21-07-00.jpg>\n",
    ),
    "th": (
        "15/1/2567 21:05 - สมชาย: ข้อความนี้ได้ถูกลบ\n"
        "15/1/2567 21:06 - สมชาย: <สื่อถูกลบ>\n"
        "15/1/2567 21:07 - สมหญิง: IMG-20240115-WA0001.jpg (ไฟล์ที่แนบ)\n",
        "[15/1/2567 21:05:00] สมชาย: \u200eไม่มีรูปภาพ\n"
        "[15/1/2567 21:06:00] สมชาย: \u200eข้อความนี้ถูกลบแล้ว\n"
        "[15/1/2567 21:07:00] สมหญิง: \u200e<แนบ: 00000003-PHOTO-2024-01-15-21-07-00.jpg>\n",
    ),
    "hi": (
        "15/01/24, 9:05 pm - अनीता: यह संदेश मिटाया गया\n"
        "15/01/24, 9:06 pm - अनीता: <मीडिया के बिना>\n"
        "15/01/24, 9:07 pm - राहुल: IMG-20240115-WA0001.jpg (फाइल अटैच कर दी गई है)\n",
        "[15/01/24, 9:05:00 PM] अनीता: \u200eफ़ोटो हटाई गई\n"
        "[15/01/24, 9:06:00 PM] अनीता: \u200eयह मैसेज डिलीट कर दिया गया है\n"
        "[15/01/24, 9:07:00 PM] राहुल: \u200e<अटैच किया गया: 00000003-PHOTO-2024-01-15-21-07-00.jpg>\n",
    ),
}
EXPECTED = {
    ("ru", "android"): ["deleted", "omitted", "deleted", "attachment"],
    ("ru", "ios"): ["omitted", "system", "attachment"],
    ("uk", "android"): ["deleted", "omitted", "attachment"],
    ("uk", "ios"): ["omitted", "system", "attachment"],
}


@pytest.mark.parametrize("platform", ["android", "ios"])
@pytest.mark.parametrize("locale", list(SPELLED_OUT))
def test_languages_the_issue_names_spelled_out(locale: str, platform: str) -> None:
    text = SPELLED_OUT[locale][0 if platform == "android" else 1]
    conversation = whatsapp.parse_text(text).conversation
    default = ["deleted", "omitted", "attachment"]
    if platform == "ios":
        default = ["omitted", "deleted", "attachment"]
    assert [_what(m) for m in conversation.messages] == EXPECTED.get((locale, platform), default)
    assert dict(conversation.extra)["language"] == locale
    assert all(m.text == "" for m in conversation.messages if m.kind is MessageKind.MESSAGE)
    # Thai phones count years in the Buddhist era: 2567 is 2024.
    assert {m.sent_at.date().isoformat() for m in conversation.messages if m.sent_at} == {"2024-01-15"}
