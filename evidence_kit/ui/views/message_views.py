"""Chats as bubbles and e-mails with their headers, in a read-only text browser.

Rules: every piece of content is HTML-escaped (a message can hold anything); nothing is
fetched from the network (links in messages are shown as text, never opened); attachment
links use our own `item:<id>` scheme and open the linked item; thumbnails are in-memory
document resources. Very long chats are shown in pages, so opening one never freezes.
Colours come from the palette (`widgets.colours`), and the page is drawn again when the
palette changes, so bubbles stay readable on a light and on a dark system palette.
"""

from __future__ import annotations

import contextlib
import html

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from evidence_kit.domain import Conversation, Message, MessageKind, call_facts, is_own, own_identifier
from evidence_kit.ui import texts
from evidence_kit.ui.models.rows import fold
from evidence_kit.ui.qt_compat import no_value
from evidence_kit.ui.widgets.colours import TextColours, hex_colour
from evidence_kit.ui.widgets.sender_colours import SenderShades

PAGE = 1500


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def _outgoing(message: Message) -> bool:
    """A message the vault's owner sent (where the export says so): drawn on the right."""
    return ("direction", "outgoing") in message.extra


def _style(colour: QColor) -> str:
    return f"color:{hex_colour(colour)}"


class _Browser(QTextBrowser):
    open_item = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setProperty("evidenceContent", True)
        self.anchorClicked.connect(self._clicked)
        self.colours = TextColours.of(self.palette())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "colours"):
            colours = TextColours.of(self.palette())
            if colours != self.colours:
                self.colours = colours
                self.redraw()

    def redraw(self) -> None:
        """Draw the shown content again in the current palette's colours (overridden)."""

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "item":
            with contextlib.suppress(ValueError):
                self.open_item.emit(int(url.path()))
        elif url.scheme() == "more":
            self.show_more()

    def show_more(self) -> None:
        """Overridden by views that page."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # Our thumbnails are document resources, found before this is asked; anything else
        # (a file, the network) is never loaded.
        no_value()
        return None

    def add_thumbnails(self, thumbnails: dict[int, QImage]) -> None:
        document = self.document()
        for item_id, image in thumbnails.items():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"thumb:{item_id}"), image)


class ChatView(_Browser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Conversation"))
        self._conversation: Conversation | None = None
        self._links: dict[str, int] = {}
        self._missing: frozenset[str] = frozenset()
        self._thumbnails: dict[int, QImage] = {}
        self._shown = 0
        self.shades = SenderShades()

    def set_conversation(
        self,
        conversation: Conversation,
        links: dict[str, int],
        missing: tuple[str, ...],
        thumbnails: dict[int, QImage],
    ) -> None:
        self._conversation = conversation
        self._links = links
        self._missing = frozenset(missing)
        self._thumbnails = thumbnails
        self.shades = SenderShades()
        self._shown = min(PAGE, len(conversation.messages))
        self._render()

    def show_match(self, words: str) -> bool:
        """Make sure the first message holding every search word is drawn; False if none does."""
        conversation = self._conversation
        wanted = fold(words).split()
        if conversation is None or not wanted:
            return False
        for position, message in enumerate(conversation.messages):
            haystack = fold(f"{message.sender or ''} {message.text}")
            if all(word in haystack for word in wanted):
                if position >= self._shown:
                    self._shown = min(position + PAGE // 2, len(conversation.messages))
                    self._render()
                return True
        return False

    def show_more(self) -> None:
        if self._conversation is not None:
            self._shown = min(self._shown + PAGE, len(self._conversation.messages))
            self._render()

    def redraw(self) -> None:
        self._render()

    def clear(self) -> None:
        self._conversation = None
        self._links = {}
        self._thumbnails = {}
        super().clear()

    def _render(self) -> None:
        conversation = self._conversation
        if conversation is None:
            return
        parts = []
        colours = self.colours
        if conversation.timezone_assumption:
            parts.append(
                f"<p style='{_style(colours.muted)}'><i>"
                + _text(
                    self.tr("About the times: {assumption}").format(
                        assumption=texts.core_text(conversation.timezone_assumption)
                    )
                )
                + "</i></p>"
            )
        for message in conversation.messages[: self._shown]:
            parts.append(self._message_html(message))
        remaining = len(conversation.messages) - self._shown
        if remaining > 0:
            parts.append(
                f"<p align='center'><a href='more:' style='{_style(colours.link)}'>"
                + _text(self.tr("Show more messages (%n not shown yet)", "", remaining))
                + "</a></p>"
            )
        position = self.verticalScrollBar().value()
        self.document().clear()
        self.add_thumbnails(self._thumbnails)
        self.setHtml("".join(parts))
        self.add_thumbnails(self._thumbnails)
        self.verticalScrollBar().setValue(position)

    def _message_html(self, message: Message) -> str:
        when = message.sent_at.strftime("%Y-%m-%d %H:%M") if message.sent_at else ""
        if message.kind == MessageKind.SYSTEM:
            line = self._call_text(message) or message.text
            return (
                f"<p align='center' style='{_style(self.colours.muted)}'><small>"
                + _text(f"{when}  {line}")
                + "</small></p>"
            )
        sender = (
            self._own_label(message) or message.sender or message.sender_id or self.tr("(unknown sender)")
        )
        background, sender_colour = self.colours.bubble(self.shades.shade(sender))
        colours = self.colours.on(background)
        marks = []
        if message.edited:
            marks.append(self.tr("edited"))
        if message.forwarded:
            marks.append(self.tr("forwarded"))
        body = _text(message.text)
        if message.deleted:
            body = (
                "<i>" + _text(self.tr("This message was deleted.")) + "</i>" + (f"<br>{body}" if body else "")
            )
        if message.media_omitted:
            body += (
                "<br><i>" + _text(self.tr("A photo, video or file was not included in the export.")) + "</i>"
            )
        for attachment in message.attachments:
            body += "<br>" + self._attachment_html(attachment.name, colours)
        head = (
            f"<b style='{_style(sender_colour)}'>{_text(sender)}</b>"
            f"&nbsp;&nbsp;<span style='{_style(colours.muted)}'>{_text(when)}</span>"
        )
        if marks:
            marked = _text(" · ".join(marks))
            head += f"&nbsp;&nbsp;<span style='{_style(colours.warning)}'>{marked}</span>"
        side = "right" if _outgoing(message) else "left"
        return (
            f"<table width='85%' align='{side}' cellpadding='6'"
            f" style='background-color:{hex_colour(background)};"
            f" margin-top:4px; margin-bottom:4px'><tr><td style='{_style(colours.text)}'>"
            f"{head}<br>{body}</td></tr></table>"
        )

    def _own_label(self, message: Message) -> str | None:
        """ "me" for the phone owner's own messages (with the owner's number when the export gives it)."""
        if not is_own(message):
            return None
        identifier = own_identifier(message)
        return self.tr("me ({id})").format(id=identifier) if identifier else self.tr("me")

    def _call_text(self, message: Message) -> str | None:
        """A call of a call log in the interface language: type, the other party, duration."""
        call = call_facts(message)
        if call is None:
            return None
        if call.name and call.number:
            party = self.tr("{name} ({number})").format(name=call.name, number=call.number)
        elif call.name or call.number:
            party = call.name or call.number or ""
        elif call.presentation == "withheld":
            party = self.tr("a withheld number")
        elif call.presentation == "payphone":
            party = self.tr("a payphone")
        else:
            party = self.tr("an unknown number")
        templates = {
            "incoming": self.tr("Incoming call from {party}, duration {duration}"),
            "outgoing": self.tr("Outgoing call to {party}, duration {duration}"),
            "missed": self.tr("Missed call from {party}"),
            "voicemail": self.tr("Voicemail from {party}, duration {duration}"),
            "rejected": self.tr("Rejected call from {party}"),
            "blocked": self.tr("Blocked call from {party}"),
            "answered_elsewhere": self.tr(
                "Call from {party}, answered on another device, duration {duration}"
            ),
        }
        unknown = self.tr("Call of an unknown type, {party}, duration {duration}")
        template = templates.get(call.call_type) or unknown
        seconds = call.seconds
        duration = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        return template.format(party=party, duration=duration)

    def _attachment_html(self, name: str, colours: TextColours) -> str:
        item_id = self._links.get(name)
        if item_id is None:
            label = self.tr("Attachment {name} (not in the export)").format(name=name)
            return f"<span style='{_style(colours.error)}'>📎 {_text(label)}</span>"
        label = self.tr("Attachment {name}: open it").format(name=name)
        picture = ""
        if item_id in self._thumbnails:
            picture = f"<img src='thumb:{item_id}' height='96'><br>"
        return f"<a href='item:{item_id}' style='{_style(colours.link)}'>{picture}📎 {_text(label)}</a>"


class EmailView(_Browser):
    """The headers that matter for a report first, then the text, of each message."""

    IMPORTANT = ("From", "To", "Cc", "Reply-To", "Date", "Subject", "Return-Path", "Message-ID")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("E-mail"))
        self._shown: tuple[Conversation, dict[str, int], dict[int, QImage]] | None = None

    def redraw(self) -> None:
        if self._shown is not None:
            self.set_email(*self._shown)

    def clear(self) -> None:
        self._shown = None
        super().clear()

    def set_email(
        self, conversation: Conversation, links: dict[str, int], thumbnails: dict[int, QImage]
    ) -> None:
        self._shown = (conversation, links, thumbnails)
        muted, link = _style(self.colours.muted), _style(self.colours.link)
        parts = []
        headers = list(conversation.extra)
        if headers:
            parts.append(self._headers_html(headers))
        for message in conversation.messages[:PAGE]:
            own = [(k, v) for k, v in message.extra if k in ("subject", "from", "to", "cc")]
            if len(conversation.messages) > 1:
                parts.append("<hr>")
                when = message.sent_at.strftime("%Y-%m-%d %H:%M") if message.sent_at else ""
                parts.append(
                    f"<p><b>{_text(message.sender or '')}</b> <span style='{muted}'>{_text(when)}</span>"
                )
                for key, value in own:
                    parts.append(f"<br><span style='{muted}'>{_text(key)}:</span> {_text(value)}")
                parts.append("</p>")
            parts.append(f"<p style='white-space:pre-wrap'>{_text(message.text)}</p>")
            for attachment in message.attachments:
                item_id = links.get(attachment.name)
                label = _text(self.tr("Attachment {name}").format(name=attachment.name))
                if item_id is not None:
                    picture = f"<img src='thumb:{item_id}' height='96'><br>" if item_id in thumbnails else ""
                    parts.append(f"<p><a href='item:{item_id}' style='{link}'>{picture}📎 {label}</a></p>")
                else:
                    parts.append(f"<p>📎 {label}</p>")
        self.document().clear()
        self.add_thumbnails(thumbnails)
        self.setHtml("".join(parts))
        self.add_thumbnails(thumbnails)

    def _headers_html(self, headers: list[tuple[str, str]]) -> str:
        important = [(k, v) for k, v in headers if k in self.IMPORTANT]
        technical = [(k, v) for k, v in headers if k not in self.IMPORTANT]
        muted = _style(self.colours.muted)
        rows = "".join(
            f"<tr><td style='{muted}' valign='top'>{_text(k)}</td><td>{_text(v)}</td></tr>"
            for k, v in important
        )
        html_text = f"<table cellpadding='3'>{rows}</table>"
        if technical:
            title = _text(self.tr("Technical headers (where the message came from)"))
            rows = "".join(
                f"<tr><td style='{muted}' valign='top'>{_text(k)}</td><td><small>{_text(v)}</small></td></tr>"
                for k, v in technical
            )
            html_text += f"<p><b>{title}</b></p><table cellpadding='2'>{rows}</table>"
        return html_text
