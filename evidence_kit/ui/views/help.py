"""Built-in help (F1) and the About dialog (version and licences).

Rule: the help is honest about what the program proves: a hash and a time-stamp show that a
file has not changed since it was stored, not that its content is true or who sent it. Its
list of keys is read from the window's own actions, so it never goes stale. It holds the
step-by-step guides for making the exports the program reads (`guide_texts.py`), each with a
picture drawn from its menu path (`guide_pictures.py`), opened by `guide:<key>` links. The About dialog
names the version and the licence of every library and font the program ships with;
`LIBRARIES` lists them (a test checks it against the dependencies in pyproject.toml).
"""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from evidence_kit import __version__
from evidence_kit.ui.views import guide_texts
from evidence_kit.ui.views.guide_pictures import picture
from evidence_kit.ui.widgets.colours import is_dark

# (what, the distribution names it covers, its licence). Licence names are proper names and
# stay in English; the few descriptions go through tr().
LIBRARIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Qt 6, PySide6, Shiboken6", ("PySide6-Essentials", "shiboken6"), "LGPL-3.0"),
    ("Python", (), "PSF-2.0"),
    ("SQLCipher", (), "BSD-3-Clause"),
    ("sqlcipher3", ("sqlcipher3",), "zlib"),
    ("OpenSSL", (), "Apache-2.0"),
    ("SQLAlchemy, Alembic, Mako", ("SQLAlchemy", "alembic"), "MIT"),
    ("cryptography", ("cryptography",), "Apache-2.0 / BSD-3-Clause"),
    ("filelock", ("filelock",), "MIT"),
    ("Pillow", ("Pillow",), "MIT-CMU"),
    ("pillow-heif", ("pillow-heif",), "BSD-3-Clause"),
    ("libheif, libde265", (), "LGPL-3.0"),
    ("x265", (), "GPL-2.0-or-later"),
    ("python-magic, filetype", ("python-magic", "filetype"), "MIT"),
    ("ReportLab, rl-accel", ("reportlab", "rl-accel"), "BSD-3-Clause"),
    ("arabic-reshaper", ("arabic-reshaper",), "MIT"),
    ("python-bidi", ("python-bidi",), "LGPL-3.0"),
    ("pyHanko, pyhanko-certvalidator", ("pyHanko",), "MIT"),
    ("rfc3161-client", ("rfc3161-client",), "Apache-2.0"),
    ("asn1crypto", ("asn1crypto",), "MIT"),
    ("certifi", ("certifi",), "MPL-2.0"),
    ("defusedxml", ("defusedxml",), "PSF-2.0"),
    ("ijson (with yajl)", ("ijson",), "BSD-3-Clause, ISC"),
    ("Beautiful Soup", ("beautifulsoup4",), "MIT"),
    ("platformdirs", ("platformdirs",), "MIT"),
)
FONTS: tuple[tuple[str, str], ...] = (
    ("Noto Sans, Noto Sans Mono, Noto Sans Arabic, Noto Sans Hebrew", "OFL-1.1"),
    ("Symbola", str(QT_TRANSLATE_NOOP("AboutDialog", "free for any use"))),
)


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


class _HelpBrowser(QTextBrowser):
    """Shows the guides' pictures from memory; loads nothing from disk or the network."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures: dict[str, QImage] = {}

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        key = name.toString() if isinstance(name, QUrl) else str(name)
        return self.pictures.get(key)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        self.browser = _HelpBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)  # guide: and help: links are ours; nothing else is opened
        self.browser.setAccessibleName(self.tr("Help"))
        self.browser.anchorClicked.connect(self._link)
        self.shown_guide = ""
        self.show_help()
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "guide":
            self.show_guide(url.path())
        elif url.scheme() == "help":
            self.show_help()

    def show_help(self) -> None:
        self.shown_guide = ""
        self.browser.setHtml(self.help_html())

    def show_guide(self, key: str) -> bool:
        """Show one guide, with its picture; False (and the help) for an unknown key."""
        entry = guide_texts.guide(key)
        if entry is None:
            self.show_help()
            return False
        self.shown_guide = key
        image = picture(entry.path, entry.where, is_dark(self.browser.palette()))
        resource = QUrl(f"guide-picture:{key}")
        self.browser.pictures = {resource.toString(): image}
        back = html.escape(self.tr("← All help"))
        steps = "".join(f"<li>{html.escape(step)}</li>" for step in entry.steps)
        tips = "".join(_p(tip) for tip in entry.tips)
        where = html.escape(self.tr("Where: {place}").format(place=entry.where))
        self.browser.setHtml(
            f"<p><a href='help:'>{back}</a></p><h2>{html.escape(entry.title)}</h2><p><i>{where}</i></p>"
            f"<p><img src='{resource.toString()}' width='{image.width()}'></p>"
            f"<ol>{steps}</ol>{tips}"
        )
        return True

    def guides_html(self) -> str:
        links = "".join(
            f"<li><a href='guide:{key}'>{html.escape(title)}</a></li>"
            for key, title in guide_texts.guide_titles()
        )
        title = html.escape(self.tr("Getting your evidence out of an app: step by step"))
        intro = html.escape(
            self.tr(
                "How to make, in each app, the export that Evidence Kit reads, and how to take a screenshot "
                "the police can use."
            )
        )
        return f"<h3>{title}</h3><p>{intro}</p><ul>{links}</ul>"

    def help_html(self) -> str:
        sections: list[tuple[str, list[str]]] = [
            (
                self.tr("Keeping evidence"),
                [
                    self.tr(
                        "Drag screenshots, photos, chat exports (.zip or .txt), e-mails (.eml) and other "
                        "files onto the window, or use “Add files…”. Press Ctrl+V to store a screenshot "
                        "straight from the clipboard. Every file is stored exactly as it is, with its "
                        "SHA-256 fingerprint and the time it was stored."
                    ),
                    self.tr(
                        "Signal has no official way to export a chat. Take screenshots of the messages (with "
                        "the date visible) and add them; add the phone's own backup only if you know how it "
                        "was made."
                    ),
                    self.tr(
                        "Write a note with each item: what happened, who it came from, why it matters. Every "
                        "change of a note is recorded."
                    ),
                ],
            ),
            (
                self.tr("Case work"),
                [
                    self.tr(
                        "Case → Incidents (Ctrl+J) keeps the incident log: for each incident when it "
                        "happened, what happened, the exact web addresses, who did it, what it did to you, "
                        "and the evidence items that show it. A change never overwrites: every version is "
                        "kept, and History shows each one with its SHA-256 fingerprint."
                    ),
                    self.tr(
                        "“What is missing” gives hints, never judgements: a screenshot without its web "
                        "address, a name without a number, an item that does not say when it happened. The "
                        "timeline puts incidents and items in order; the people register lists every name, "
                        "number and account of the other party and where each appears."
                    ),
                    self.tr(
                        "From an incident, “Notice to a platform” drafts the request to remove illegal "
                        "content (EU Digital Services Act, Article 16). Copy it into an e-mail or the "
                        "platform's form, and record when you sent it and what came of it. The offence "
                        "categories are information for the conversation with the police, not legal advice."
                    ),
                ],
            ),
            (
                self.tr("Staying safe"),
                [
                    self.tr(
                        "“Quick exit” (the red button, Ctrl+Shift+Q, or Esc twice) hides the window at once "
                        "and locks the vault. The vault also locks by itself when the computer is not used "
                        "for a few minutes (see Settings)."
                    ),
                    self.tr(
                        "The title bar never shows your case. In Settings you can give the program a neutral "
                        "name. Nothing from the vault is written to disk outside the vault, unless you save "
                        "a copy or export a dossier yourself."
                    ),
                ],
            ),
            (
                self.tr("The dossier: what each file is for"),
                [
                    self.tr(
                        "dossier.pdf — the readable report: every item with its times, notes and "
                        "fingerprint, and the custody log. It is digitally signed."
                    ),
                    self.tr(
                        "originals/ — the files exactly as they were stored; their fingerprints are in "
                        "the PDF and in the manifest."
                    ),
                    self.tr(
                        "manifest.json — the list of every file in the dossier with its SHA-256 "
                        "fingerprint; manifest.sig and public_key.pem let anyone check that the list "
                        "was not changed."
                    ),
                    self.tr("SHA256SUMS — the same fingerprints in the format of the common sha256sum tool."),
                    self.tr(
                        "VERIFY.txt — step-by-step instructions for checking the dossier without "
                        "this program."
                    ),
                    self.tr(
                        "timestamps/ — trusted time-stamps, where they could be obtained: an "
                        "independent authority confirms that the fingerprints existed at that time."
                    ),
                ],
            ),
            (
                self.tr("What to tell the police"),
                [
                    self.tr(
                        "Give them the dossier folder (or its .zip) on a USB stick, and tell them the "
                        "dossier number and the manifest fingerprint shown when it was made. They can check "
                        "the package with this program (“Check a dossier you received”) or with VERIFY.txt."
                    ),
                    self.tr(
                        "Be clear about what the fingerprints prove: that the files have not changed since "
                        "you stored them. They do not prove who sent a message or that its content is true; "
                        "the times shown in chats are the phone's own, as shown."
                    ),
                    self.tr("Keep the vault itself: the investigators may ask for the originals again."),
                ],
            ),
        ]
        parts = [self.guides_html()]
        for title, paragraphs in sections:
            parts.append(f"<h3>{html.escape(title)}</h3>")
            parts += [_p(text) for text in paragraphs]
        parts.append(self.keys_html())
        return "".join(parts)

    def keys_html(self) -> str:
        """Every key of the window's menus and buttons, read from the actions themselves."""
        keys: list[tuple[str, str]] = []
        window = self.parentWidget()
        for action in window.actions() if window is not None else []:
            if not action.shortcut().isEmpty():
                keys.append((_key_text(action.shortcut()), action.text().replace("&", "")))
        keys += [
            ("Tab, Shift+Tab", self.tr("Next or previous field or button")),
            (self.tr("Alt + the underlined letter"), self.tr("That menu, tab or button")),
            ("Esc, Esc", self.tr("Quick exit")),
            ("Ctrl+H", self.tr("Show or hide a passphrase while you type it")),
            ("Enter", self.tr("Open the chosen item in the list")),
        ]
        rows = "".join(
            f"<tr><td><b>{html.escape(key)}</b></td><td>{html.escape(what)}</td></tr>" for key, what in keys
        )
        title = html.escape(self.tr("Working with the keyboard"))
        return f"<h3>{title}</h3><table cellpadding='3'>{rows}</table>"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Evidence Kit"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        name = self.tr("Evidence Kit")
        self.title = QLabel(f"<h2>{html.escape(name)} {html.escape(__version__)}</h2>", self)
        self.title.setObjectName("aboutTitle")
        layout.addWidget(self.title)
        body = QLabel(self)
        body.setWordWrap(True)
        body.setOpenExternalLinks(False)
        lines = [
            self.tr(
                "Keeps the proof of online violence: byte-exact, encrypted, with a verifiable chain "
                "of custody."
            ),
            self.tr("Licence: GNU General Public License, version 3 or later."),
            self.tr("Built with Qt {qt} and PySide6 {pyside} (LGPL v3), Python {python}.").format(
                qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
            ),
        ]
        body.setText("".join(_p(line) for line in lines))
        layout.addWidget(body)
        self.licences = QTextBrowser(self)
        self.licences.setObjectName("licences")
        self.licences.setOpenLinks(False)
        self.licences.setAccessibleName(self.tr("Libraries, fonts and their licences"))
        self.licences.setHtml(self.licences_html())
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

    def licences_html(self) -> str:
        libraries = "".join(
            f"<tr><td>{html.escape(what)}</td><td>{html.escape(licence)}</td></tr>"
            for what, _dists, licence in LIBRARIES
        )
        fonts = "".join(
            f"<tr><td>{html.escape(what)}</td>"
            f"<td>{html.escape(QCoreApplication.translate('AboutDialog', licence))}</td></tr>"
            for what, licence in FONTS
        )
        libraries_title = html.escape(self.tr("Libraries"))
        fonts_title = html.escape(self.tr("Fonts (shown in the window and embedded in the dossier PDF)"))
        return (
            f"<h4>{libraries_title}</h4><table cellpadding='2'>{libraries}</table>"
            f"<h4>{fonts_title}</h4><table cellpadding='2'>{fonts}</table>"
            + _p(
                self.tr(
                    "The licence texts of the fonts travel with them (resources/fonts). Qt and PySide6 are "
                    "used under the LGPL; their source is at qt.io."
                )
            )
        )
