"""A small imitation of Telegram Desktop's HTML export writer, for fictional test pages.

It reproduces the layout rules of tdesktop's `export_output_html.cpp` that the importer relies
on: every block tag is written as "\\n" + indentation + tag + "\\n", typed line breaks become
<br>, and `SerializeString` escapes & " ' < > and writes control characters as "&#x07;". The
pages it writes are our own fictional data; nothing here is copied from a real export.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def serialize(text: str) -> str:
    """tdesktop's SerializeString: the escaping applied to every piece of text it writes."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char == "\n" or char in "\u2028\u2029":
            out.append("<br>")
        elif char == '"':
            out.append("&quot;")
        elif char == "&":
            out.append("&amp;")
        elif char == "'":
            out.append("&apos;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif code < 32:
            out.append(f"&#x{code:02X};")
        else:
            out.append(char)
    return "".join(out)


@dataclass
class Writer:
    """pushTag/popTag with tdesktop's indentation (one space per open tag)."""

    tags: list[tuple[str, bool]] = field(default_factory=list)

    def push(self, tag: str, *, inline: bool = False, empty: bool = False, **attributes: str) -> str:
        inner = "".join(f' {name}="{serialize(value)}"' for name, value in sorted(attributes.items()))
        indent = " " * len(self.tags)
        result = (
            ("" if inline else "\n" + indent)
            + f"<{tag}{inner}{'/' if empty else ''}>"
            + ("" if inline else "\n")
        )
        if not empty:
            self.tags.append((tag, not inline))
        return result

    def pop(self) -> str:
        tag, block = self.tags.pop()
        indent = " " * len(self.tags)
        return ("\n" + indent if block else "") + f"</{tag}>" + ("\n" if block else "")

    def div(self, class_name: str, **attributes: str) -> str:
        return self.push("div", **{"class": class_name}, **attributes)

    def text_div(self, class_name: str, html: str, **attributes: str) -> str:
        return self.div(class_name, **attributes) + html + self.pop()


def reply_link(message_id: int) -> str:
    return f'<a href="#go_to_message{message_id}" onclick="return GoToMessage({message_id})">this message</a>'


@dataclass
class Page:
    """One messages.html page being written."""

    title: str
    # Messages sit five tags deep (html, body, page_wrap, page_body, history), as in a real page.
    writer: Writer = field(default_factory=lambda: Writer(tags=[("div", True)] * 5))
    body: list[str] = field(default_factory=list)

    def service(self, message_id: int, html: str) -> None:
        w = self.writer
        self.body.append(
            w.push("div", **{"class": "message service", "id": f"message{message_id}"})
            + w.text_div("body details", html)
            + w.pop()
        )

    def message(
        self,
        message_id: int,
        *,
        date_title: str,
        time: str,
        from_name: str | None,
        text: str | None = None,
        text_html: str | None = None,
        reply_to: int | None = None,
        reply_elsewhere: bool = False,
        forwarded: tuple[str | None, str, str] | None = None,
        media: str = "",
        via: str | None = None,
        signature: str | None = None,
    ) -> None:
        """A default message; `from_name=None` writes a "joined" one (same sender as before).

        `forwarded` is (name or None for a joined forward, date title, date text); `media` is
        a callable result of `photo`/`generic_media` below, made with this page's writer.
        """
        w = self.writer
        joined = from_name is None
        classes = "message default clearfix" + (" joined" if joined else "")
        out = w.push("div", **{"class": classes, "id": f"message{message_id}"})
        if not joined:
            out += w.div("pull_left userpic_wrap")
            out += w.div("userpic userpic2", style="width: 42px; height: 42px")
            out += w.text_div("initials", "AV", style="line-height: 42px")
            out += w.pop() + w.pop()
        out += w.div("body")
        out += w.text_div("pull_right date details", time, title=date_title)
        if not joined:
            out += w.text_div("from_name", serialize(from_name or "") + (f" via @{via}" if via else ""))
        if forwarded is not None:
            name, fdate_title, fdate_text = forwarded
            if name is not None:
                out += w.div("pull_left forwarded userpic_wrap")
                out += w.div("userpic userpic3", style="width: 42px; height: 42px")
                out += w.text_div("initials", "KV", style="line-height: 42px")
                out += w.pop() + w.pop()
            out += w.div("forwarded body")
            if name is not None:
                out += w.div("from_name") + serialize(name)
                out += w.push("span", inline=True, **{"class": "date details", "title": fdate_title})
                out += " " + fdate_text + w.pop() + w.pop()
        if reply_to is not None or reply_elsewhere:
            link = (
                "In reply to a message in another chat"
                if reply_elsewhere
                else "In reply to " + reply_link(reply_to or 0)
            )
            out += w.text_div("reply_to details", link)
        out += media
        shown = text_html if text_html is not None else (serialize(text) if text else "")
        if shown:
            out += w.text_div("text", shown)
        if signature:
            out += w.text_div("signature details", serialize(signature))
        if forwarded is not None:
            out += w.pop()
        out += w.pop() + w.pop()
        self.body.append(out)

    def photo(self, href: str) -> str:
        w = self.writer
        return (
            w.div("media_wrap clearfix")
            + w.push("a", **{"class": "photo_wrap clearfix pull_left", "href": href})
            + w.push(
                "img",
                empty=True,
                **{"class": "photo", "src": href[:-4] + "_thumb.jpg", "style": "width: 260px; height: 195px"},
            )
            + w.pop()
            + w.pop()
        )

    def generic_media(
        self, classes: str, *, title: str = "", description: str = "", status: str = "", link: str = ""
    ) -> str:
        w = self.writer
        out = w.div("media_wrap clearfix")
        if link:
            out += w.push("a", **{"class": "media clearfix pull_left block_link " + classes, "href": link})
        else:
            out += w.div("media clearfix pull_left " + classes)
        out += w.div("fill pull_left") + w.pop()
        out += w.div("body")
        if title:
            out += w.text_div("title bold", serialize(title))
        if description:
            out += w.text_div("description", serialize(description))
        if status:
            out += w.text_div("status details", serialize(status))
        out += w.pop() + w.pop() + w.pop()
        return out

    def render(self, *, base: str = "") -> str:
        """The whole page: the tdesktop preamble, header and history around the messages."""
        w = Writer()
        out = "<!DOCTYPE html>" + w.push("html") + w.push("head")
        out += w.push("meta", empty=True, charset="utf-8")
        out += w.push("title", inline=True) + "Exported Data" + w.pop()
        out += w.push("meta", empty=True, name="viewport", content="width=device-width, initial-scale=1.0")
        out += w.push("link", empty=True, href=base + "css/style.css", rel="stylesheet")
        out += w.push("script", src=base + "js/script.js", type="text/javascript") + w.pop()
        out += w.pop() + w.push("body", onload="CheckLocation();") + w.div("page_wrap")
        out += w.div("page_header") + w.div("content") + w.text_div("text bold", serialize(self.title))
        out += w.pop() + w.pop()
        out += w.div("page_body chat_page") + w.div("history")
        # The messages were written with their own writer; re-indent is not needed by the reader.
        out += "".join(self.body)
        out += w.pop() + w.pop() + w.pop() + w.pop() + w.pop()
        return out
