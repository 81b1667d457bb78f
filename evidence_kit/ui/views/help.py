"""Built-in help (F1) and the About dialog (version and licences).

Rule: the help is honest about what the program proves: a hash and a time-stamp show that a
file has not changed since it was stored, not that its content is true or who sent it.
"""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from evidence_kit import __version__


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Help"))
        self.browser.setHtml(self.help_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

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
        parts = []
        for title, paragraphs in sections:
            parts.append(f"<h3>{html.escape(title)}</h3>")
            parts += [_p(text) for text in paragraphs]
        return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Evidence Kit"))
        layout = QVBoxLayout(self)
        name = self.tr("Evidence Kit")
        title = QLabel(f"<h2>{html.escape(name)} {html.escape(__version__)}</h2>", self)
        layout.addWidget(title)
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
            self.tr("Fonts: Noto (SIL Open Font License 1.1) and Symbola (free for any use)."),
            self.tr(
                "Also uses SQLCipher, SQLAlchemy, cryptography, Pillow, ReportLab and pyHanko; see their "
                "licences in the source."
            ),
        ]
        body.setText("".join(_p(line) for line in lines))
        layout.addWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
