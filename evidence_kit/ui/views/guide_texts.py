"""The step-by-step guides: how to make, in each app, the export that Evidence Kit reads.

Rule: a guide names the menu items as the app itself shows them (in the user's language where
we know the app's own words), says what to choose for the best evidence (media included, JSON
where there is a choice), and where the file ends up. Nothing here is a real person's data; the
pictures (`guide_pictures.py`) are drawn from the menu path below, never screenshots.
Every text is marked with QT_TRANSLATE_NOOP("Guides", ...) and translated when shown.

Sources (facts only, checked 2026-12; menus change, so the words are kept short):
- WhatsApp Android "⋮ > More > Export chat", "Include media / Without media"; iPhone "contact
  name > Export Chat > Attach Media / Without Media": WhatsApp's FAQ as quoted in
  github.com/ristri/whatsappstat (README) and github.com/lucasrodes/whatstk
  (docs/source/getting_started/export_chat.rst); maxwellito.com/post/whatsapp-backup.
- Telegram Desktop "three dots > Export chat history", format "Machine-readable JSON"; the lite
  macOS app cannot export: reference.langchain.com (chat_loaders/telegram),
  github.com/Mistolotus/tdl docs/desktop_export.md, github.com/atkann/telegram-export-converter.
- Instagram / Facebook "Accounts Center > Your information and permissions > Download your
  information", JSON, date range, ready within 48 hours, link valid about four days:
  hooleft.me/blog/how-instagram-data-download-actually-works, engageweb.co.uk (Instagram data
  download), rdrr.io/github/tmsouth/FacebookMessageTimes (Messages only, JSON, all time).
- SMS Backup & Restore (SyncTech) writes one XML file of messages and one of calls, locally or
  to Google Drive: visualfoodie.com/using-sms-backup-and-restore-for-a-new-phone,
  simonlycontracts.co.uk/backup-restore-text-messages-android.
- E-mail: Thunderbird saves a message as .eml (fileformats.archiveteam.org, Thunderbird Message
  File); Google Takeout gives Gmail as .mbox (hosting.xyz/wiki/hosting/mail/transfer/export,
  tomorrow-box.com/blog); Thunderbird keeps each folder as an mbox file (itec4b.com/?p=183).
- Discord: DiscordChatExporter's JSON is what the importer reads (evidence_kit/importers/
  discord.py); attachment links expire unless media is downloaded.
- Advice on evidence: the police ask for dates and exact times, e-mail and web addresses (URLs),
  user names and nicknames, chat logs, saved text messages and screenshots (politie, quoted in
  112groningen.nl/Groningen/nieuws/35567, 2019; internetsporen.nl); photograph the screen with a
  second phone where the app tells the sender about screenshots, and record the user name and
  profile picture (politie advice quoted in 112groningen.nl/399813, 2025); victim support asks
  first whether the evidence of a threat was kept (slachtofferhulp.nl, "Stappenplan nazorg na
  online bedreiging"); report intimate images to the platform and get support
  (Helpwanted.nl hotline, quoted in vice.com/nl "wat je moet doen als je naaktfoto op het
  internet rondslingert"); cybercrime and threats can be reported to the police (0900-8844,
  112 when in danger; politie.nl).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Guides"


def _t(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


@dataclass(frozen=True)
class Guide:
    key: str
    title: str
    where: str  # the device or program the steps happen in
    path: tuple[str, ...]  # the menu path, drawn as the guide's picture
    steps: tuple[str, ...]
    tips: tuple[str, ...] = ()

    def translated(self) -> Guide:
        return Guide(
            key=self.key,
            title=_t(self.title),
            where=_t(self.where),
            path=tuple(_t(p) for p in self.path),
            steps=tuple(_t(s) for s in self.steps),
            tips=tuple(_t(t) for t in self.tips),
        )


GUIDES: tuple[Guide, ...] = (
    Guide(
        key="whatsapp-android",
        title=str(QT_TRANSLATE_NOOP("Guides", "WhatsApp on an Android phone")),
        where=str(QT_TRANSLATE_NOOP("Guides", "Android phone")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "the chat")),
            "⋮",
            str(QT_TRANSLATE_NOOP("Guides", "More")),
            str(QT_TRANSLATE_NOOP("Guides", "Export chat")),
            str(QT_TRANSLATE_NOOP("Guides", "Include media")),
        ),
        steps=(
            str(QT_TRANSLATE_NOOP("Guides", "Open the chat you want to keep.")),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides", "Tap ⋮ (the three dots at the top right), then “More”, then “Export chat”."
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Choose “Include media” to keep the photos, videos and voice messages with the chat "
                    "(you get a .zip file), or “Without media” for the text only (a .txt file). With "
                    "media is the better evidence.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Save the export where this computer can reach it: “Save to Files” or Google Drive, or "
                    "e-mail it to yourself. Then copy the file to this computer.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Drag the .zip or .txt file onto this window, or click “Add files…”. Do not unpack the "
                    "zip: Evidence Kit keeps it whole and links each photo to its message.",
                )
            ),
        ),
        tips=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "A very long chat may be exported without its oldest media. Keep the phone and its "
                    "chat too until the case is closed.",
                )
            ),
        ),
    ),
    Guide(
        key="whatsapp-iphone",
        title=str(QT_TRANSLATE_NOOP("Guides", "WhatsApp on an iPhone")),
        where=str(QT_TRANSLATE_NOOP("Guides", "iPhone")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "the chat")),
            str(QT_TRANSLATE_NOOP("Guides", "contact or group name")),
            str(QT_TRANSLATE_NOOP("Guides", "Export Chat")),
            str(QT_TRANSLATE_NOOP("Guides", "Attach Media")),
        ),
        steps=(
            str(QT_TRANSLATE_NOOP("Guides", "Open the chat you want to keep.")),
            str(QT_TRANSLATE_NOOP("Guides", "Tap the name of the contact or group at the top of the chat.")),
            str(QT_TRANSLATE_NOOP("Guides", "Scroll down and tap “Export Chat”.")),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Choose “Attach Media” to keep the photos, videos and voice messages (best), or "
                    "“Without Media” for the text only. Either way you get a .zip file.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Choose “Save to Files”, or AirDrop or e-mail the .zip to yourself, and copy it to "
                    "this computer.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides", "Drag the .zip onto this window, or click “Add files…”. Do not unpack it."
                )
            ),
        ),
    ),
    Guide(
        key="telegram",
        title=str(QT_TRANSLATE_NOOP("Guides", "Telegram")),
        where=str(QT_TRANSLATE_NOOP("Guides", "Telegram Desktop on a computer")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "the chat")),
            "⋮",
            str(QT_TRANSLATE_NOOP("Guides", "Export chat history")),
            str(QT_TRANSLATE_NOOP("Guides", "Machine-readable JSON")),
            str(QT_TRANSLATE_NOOP("Guides", "Export")),
        ),
        steps=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Install Telegram Desktop from desktop.telegram.org on a computer and log in. The phone "
                    "apps and the small “Telegram for macOS” app cannot export a chat.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides", "Open the chat, click ⋮ (top right) and choose “Export chat history”."
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Tick photos, videos, voice messages and files to keep them, and raise the size limit.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides", "Set “Format” to “Machine-readable JSON” and the period to the whole chat."
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Click “Export”. Telegram makes a folder with result.json and the media beside it. Drag "
                    "that whole folder onto this window.",
                )
            ),
        ),
    ),
    Guide(
        key="instagram",
        title=str(QT_TRANSLATE_NOOP("Guides", "Instagram messages")),
        where=str(QT_TRANSLATE_NOOP("Guides", "the Instagram app or instagram.com")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "Settings")),
            str(QT_TRANSLATE_NOOP("Guides", "Accounts Center")),
            str(QT_TRANSLATE_NOOP("Guides", "Your information and permissions")),
            str(QT_TRANSLATE_NOOP("Guides", "Download your information")),
            str(QT_TRANSLATE_NOOP("Guides", "Messages, JSON")),
        ),
        steps=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Go to your profile, open the menu (☰) and “Settings”, then “Accounts Center”.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Choose “Your information and permissions”, then “Download your information”, then "
                    "“Download or transfer information”, and pick your Instagram account.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Choose “Some of your information” and tick only “Messages”, then “Download to device”.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Set the date range to “All time”, the format to “JSON” and the media quality to "
                    "“High”, and click “Create files”.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Meta sends an e-mail when the files are ready (within about two days). Download the "
                    ".zip within four days and add it here as it is.",
                )
            ),
        ),
        tips=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Disappearing messages and some end-to-end encrypted chats are not in the download: "
                    "take screenshots of those as well.",
                )
            ),
        ),
    ),
    Guide(
        key="facebook",
        title=str(QT_TRANSLATE_NOOP("Guides", "Facebook Messenger")),
        where=str(QT_TRANSLATE_NOOP("Guides", "the Facebook app or facebook.com")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "Settings & privacy")),
            str(QT_TRANSLATE_NOOP("Guides", "Accounts Center")),
            str(QT_TRANSLATE_NOOP("Guides", "Your information and permissions")),
            str(QT_TRANSLATE_NOOP("Guides", "Download your information")),
            str(QT_TRANSLATE_NOOP("Guides", "Messages, JSON")),
        ),
        steps=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Open the menu, “Settings & privacy”, “Settings”, then “Accounts Center”.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Choose “Your information and permissions”, then “Download your information”, and pick "
                    "your Facebook account.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Choose “Some of your information”, tick only “Messages”, set the date range to “All "
                    "time” and the format to “JSON”, and create the files.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "When Meta's e-mail arrives, download the .zip (or every part of it) and add it here "
                    "without unpacking it.",
                )
            ),
        ),
        tips=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "The HTML format works too, but JSON keeps every time exactly. Messages the other "
                    "person removed are not in the download: take screenshots while you still can.",
                )
            ),
        ),
    ),
    Guide(
        key="sms",
        title=str(QT_TRANSLATE_NOOP("Guides", "Text messages (SMS) on Android")),
        where=str(QT_TRANSLATE_NOOP("Guides", "the app SMS Backup & Restore")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "SMS Backup & Restore")),
            str(QT_TRANSLATE_NOOP("Guides", "Back up now")),
            str(QT_TRANSLATE_NOOP("Guides", "Messages and calls")),
            str(QT_TRANSLATE_NOOP("Guides", "Local or Google Drive")),
        ),
        steps=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides", "Install “SMS Backup & Restore” by SyncTech from the Google Play Store."
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Open it and start a backup (“Back up now” or “Set up a backup”). Choose “Messages”, "
                    "and “Call logs” if calls matter too; keep MMS pictures included.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Let it save on the phone or on Google Drive. You get an XML file for the messages "
                    "(sms-….xml) and one for the calls (calls-….xml).",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Copy both files to this computer and add them. Do not open and save them first.",
                )
            ),
        ),
        tips=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "An iPhone has no such export: take screenshots of the messages, with the number and "
                    "the date visible.",
                )
            ),
        ),
    ),
    Guide(
        key="email",
        title=str(QT_TRANSLATE_NOOP("Guides", "E-mail")),
        where=str(QT_TRANSLATE_NOOP("Guides", "your e-mail program or webmail")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "the message")),
            str(QT_TRANSLATE_NOOP("Guides", "Save as / Download message")),
            str(QT_TRANSLATE_NOOP("Guides", ".eml file")),
        ),
        steps=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Thunderbird: open the message and choose “File”, “Save As”, “File”; keep the .eml "
                    "ending.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Gmail in a browser: open the message, click ⋮ (More) and “Download message”; it is "
                    "saved as an .eml file.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Many messages at once: Google Takeout (takeout.google.com, select only “Mail”) gives "
                    "an .mbox file; Thunderbird keeps each folder as an mbox file, which the add-on "
                    "“ImportExportTools NG” can export.",
                )
            ),
            str(QT_TRANSLATE_NOOP("Guides", "Add the .eml or .mbox files here.")),
        ),
        tips=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Do not forward the e-mail to yourself: a forwarded message loses the original headers "
                    "that show where it came from.",
                )
            ),
        ),
    ),
    Guide(
        key="discord",
        title=str(QT_TRANSLATE_NOOP("Guides", "Discord")),
        where=str(QT_TRANSLATE_NOOP("Guides", "DiscordChatExporter on a computer")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "DiscordChatExporter")),
            str(QT_TRANSLATE_NOOP("Guides", "channel or direct message")),
            str(QT_TRANSLATE_NOOP("Guides", "Format: JSON")),
            str(QT_TRANSLATE_NOOP("Guides", "Download media")),
            str(QT_TRANSLATE_NOOP("Guides", "Export")),
        ),
        steps=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Discord cannot export one conversation itself; its data package (“Request all of my "
                    "data”) holds only your own messages.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "The free program DiscordChatExporter (github.com/Tyrrrz/DiscordChatExporter) exports "
                    "a channel or direct message with both sides. Choose the export format “JSON”.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Switch on downloading the media (“Download assets”): Discord's links to attachments "
                    "stop working after a while.",
                )
            ),
            str(QT_TRANSLATE_NOOP("Guides", "Add the .json file, with its media folder beside it, here.")),
        ),
        tips=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "The program needs your Discord login token, which opens your whole account. Use it only "
                    "yourself, on your own computer; Discord's terms do not allow it, so if that worries "
                    "you, take screenshots with the message links instead.",
                )
            ),
        ),
    ),
    Guide(
        key="screenshot",
        title=str(QT_TRANSLATE_NOOP("Guides", "A good screenshot")),
        where=str(QT_TRANSLATE_NOOP("Guides", "any phone or computer")),
        path=(
            str(QT_TRANSLATE_NOOP("Guides", "web address (URL)")),
            str(QT_TRANSLATE_NOOP("Guides", "name and number or user name")),
            str(QT_TRANSLATE_NOOP("Guides", "date and time")),
            str(QT_TRANSLATE_NOOP("Guides", "the whole message")),
        ),
        steps=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Make sure the picture shows who sent it (the name and the phone number or user name, "
                    "not only a nickname), the date and time, the whole message, and on a website the web "
                    "address (URL).",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Open the sender's profile and take a screenshot of that too: the user name and "
                    "profile picture help the police find the account.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Android: power and volume-down together. iPhone: side button and volume-up. Windows: "
                    "Windows+Shift+S. Mac: Shift+Command+4. Linux: Print Screen.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "For a long conversation take several screenshots that overlap a little, in order.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Where the app tells the sender about screenshots (Snapchat), photograph the screen "
                    "with a second phone.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Add the original picture here, uncut and unedited (or paste it with Ctrl+V), and "
                    "write in the note what it shows and when you received it.",
                )
            ),
        ),
        tips=(
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Save the evidence before you block or report the account or delete anything: a "
                    "removed account or message takes the proof with it. Then report and block.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "The police ask for dates and exact times, web and e-mail addresses, user names, chat "
                    "logs, text messages and screenshots. You can report a threat at 0900-8844 or online "
                    "at politie.nl; call 112 when you are in danger.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Keep the evidence even if you do not want to report now. Victim Support Netherlands "
                    "(Slachtofferhulp Nederland) helps with reporting and with what it does to you; for "
                    "intimate images and online sexual abuse, Helpwanted.nl helps to have them removed.",
                )
            ),
            str(
                QT_TRANSLATE_NOOP(
                    "Guides",
                    "Do not send intimate images to other people to show them; keep them here. In the "
                    "dossier you can withhold them, so that only their fingerprint is shown.",
                )
            ),
        ),
    ),
)


def guide(key: str) -> Guide | None:
    """The guide with this key, in the current language."""
    for entry in GUIDES:
        if entry.key == key:
            return entry.translated()
    return None


def guide_titles() -> list[tuple[str, str]]:
    """(key, translated title) of every guide, in the order shown."""
    return [(entry.key, _t(entry.title)) for entry in GUIDES]
