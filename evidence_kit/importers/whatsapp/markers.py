"""WhatsApp's own words in a sender's text, turned into fields: deleted, edited, omitted media,
attachments, call records and encryption notices.

Rule: the words are those of `languages.toml`; `Markers` compiles them once into lookup tables
and expressions. A whole-message placeholder is looked up in one dictionary of every spelling
(as written, lower-cased or capitalised, with or without a final "."); most texts hold no
marker at all, which `Markers.may_hold` tells cheaply before `Markers.read` looks closer. The
language a marker is written in is counted as evidence of the export's language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from evidence_kit.importers.whatsapp.characters import SP, strip_marks
from evidence_kit.importers.whatsapp.languages import Languages, Phrases, load

# What a text turned out to be, once WhatsApp's markers are taken off.
Read = tuple[
    str,  # text
    bool,  # system: an encryption notice or a call record
    bool,  # notice: an encryption notice (WhatsApp's own words, whoever's line it is on)
    bool,  # deleted
    bool,  # edited
    bool,  # media omitted
    str | None,  # attachment name
    str,  # locale evidence ("" when none)
    str,  # what WhatsApp wrote about the attachment before it ("report.pdf • 3 pages"), "" when none
]

_SPACES = " \u00a0\u202f"  # the characters of SP
_COUNTER = re.compile(r"\d{8}-")  # iOS numbers the files of an export: "00000012-report.pdf"


def _preamble_of(before: str, name: str) -> bool:
    """True when `before` is WhatsApp's own note on the attachment `name` ("report.pdf • 3 pages"
    before "<attached: 00000012-report.pdf>"), not words a person typed."""
    head = before.split(" \u2022 ", 1)[0].strip().casefold()
    bare = name[9:] if _COUNTER.match(name) else name
    if head == bare.casefold():
        return True
    # "document.pdf • 1 page": the file's own name with its page count, renamed in the export.
    extension = bare.rsplit(".", 1)[-1].casefold()
    return " \u2022 " in before and "." in head and head.rsplit(".", 1)[1] == extension


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _norm(text: str) -> str:
    return text.strip().rstrip(".").lower()


def _fold(text: str) -> str:
    """A placeholder as looked up when its exact spelling is not known: any case, no final full stop."""
    return text.strip().rstrip(".\u3002").casefold()


def _variants(phrase: str) -> tuple[str, ...]:
    """The spellings a placeholder is looked up by: as written, lower-case, with or without a "."."""
    bare = phrase.rstrip(".")
    forms = {bare, bare.lower(), bare[:1].upper() + bare[1:], bare[:1].lower() + bare[1:]}
    return tuple(forms | {f + "." for f in forms})


def _locale_of(table: dict[str, Phrases], key: Callable[[str], str] = str) -> dict[str, str]:
    """{phrase: locale}; a phrase in two languages belongs to the later one (the data has none)."""
    return {key(p): locale for locale, phrases in table.items() for p in phrases}


class Markers:
    """The markers of every language in `languages`, compiled for lookup."""

    __slots__ = (
        "android_attachment",
        "android_label_locale",
        "document_omitted_endings",
        "document_omitted_re",
        "edited_locale",
        "edited_suffix",
        "group_event",
        "heads",
        "ios_attachment",
        "ios_label_locale",
        "notice_heads",
        "notice_locale_of",
        "notice_prefixes",
        "whole",
        "whole_folded",
        "whole_max",
    )

    def __init__(self, languages: Languages) -> None:
        android_attached = languages.table("attached.android")
        ios_attached = languages.table("attached.ios")
        omitted_ios = languages.table("omitted.ios")
        document_omitted = languages.phrases("omitted.ios_document")
        edited = languages.table("edited")
        edited_phrases = languages.phrases("edited")
        notices = languages.table("encryption_notices")

        self.android_attachment = re.compile(
            rf"(?P<name>\S.*?){SP}\((?P<label>{_alternation(languages.phrases('attached.android'))})\)",
            re.IGNORECASE,
        )
        self.ios_attachment = re.compile(
            rf"<(?P<label>{_alternation(languages.phrases('attached.ios'))}):{SP}(?P<name>[^<>\n]{{1,255}}?)>",
            re.IGNORECASE,
        )

        # One dictionary for every whole-body placeholder: its spellings -> (what it is, locale).
        self.whole: dict[str, tuple[str, str]] = {}
        # The same, any case and without a final full stop: "<без медиафайлов>" as "<Без медиафайлов>".
        self.whole_folded: dict[str, tuple[str, str]] = {}
        for what, table in (
            ("deleted", languages.table("deleted")),
            ("omitted", omitted_ios),
            ("omitted", {loc: tuple(f"<{p}>" for p in ps) for loc, ps in omitted_ios.items()}),
            ("omitted", languages.table("omitted.android")),
            ("call", languages.table("missed_calls")),
        ):
            for locale, phrases in table.items():
                for phrase in phrases:
                    for form in _variants(phrase):
                        self.whole.setdefault(form, (what, locale))
                    self.whole_folded.setdefault(_fold(phrase), (what, locale))
        self.whole_max = max((len(key) for key in self.whole), default=0) + 8

        if any("<" in phrase for phrase in edited_phrases):  # (`_edited` counts on it)
            raise ValueError("an edited label holds '<'")
        self.edited_suffix = re.compile(rf"{SP}*<(?P<label>{_alternation(edited_phrases)})>\Z", re.IGNORECASE)
        # The last four characters of every document phrase, as written and upper-cased: one set
        # lookup per text (a tuple for `endswith` grows with every language).
        self.document_omitted_endings = frozenset(phrase[-4:] for phrase in document_omitted) | frozenset(
            phrase[-4:].upper() for phrase in document_omitted
        )
        self.document_omitted_re = re.compile(rf"{SP}(?:{_alternation(document_omitted)})\Z", re.IGNORECASE)
        self.edited_locale = _locale_of(edited, _norm)
        self.notice_prefixes = tuple(p for ps in notices.values() for p in ps)
        self.notice_locale_of = _locale_of(notices)
        self.notice_heads = frozenset(p[:12] for p in self.notice_prefixes)
        # The first twelve characters of every notice and every whole-body placeholder (`may_hold`).
        self.heads = self.notice_heads | frozenset(key[:12] for key in self.whole)
        self.android_label_locale = _locale_of(android_attached, str.lower)
        # Group events ("{} added you"): "{}" is a name; the whole line must match.
        events = languages.phrases("group_events")
        self.group_event = (
            re.compile("|".join(re.escape(e).replace(r"\{\}", ".+?") for e in events)) if events else None
        )
        self.ios_label_locale = _locale_of(ios_attached, str.lower)

    def may_hold(self, text: str) -> bool:
        """False when `text` certainly holds no WhatsApp marker (the common case, checked cheaply).

        `text` has lost its bidi marks (`strip_marks`), as every caller passes it.
        """
        if "<" in text:
            return True
        newline = text.find("\n")
        if (text[newline - 1] if newline > 0 else text[-1:]) == ")":
            return True
        if newline < 0 and text[-4:] in self.document_omitted_endings:
            return True
        # A whole-body placeholder starts with one of `heads` too: one set lookup of the first
        # twelve characters rules out both it and an encryption notice for most texts.
        head = text[:12]
        return head in self.heads and (
            head in self.notice_heads or (len(text) <= self.whole_max and text in self.whole)
        )

    def read(self, text: str) -> Read:
        """Turn WhatsApp's markers in a sender's text into fields."""
        edited = False
        locale = ""
        if text.endswith(">"):
            found = self._edited(text)
            if found:
                edited = True
                locale = self.edited_locale.get(_norm(found.group("label")), "")
                text = text[: found.start()]

        if len(text) <= self.whole_max:
            hit = self.whole.get(text) or self.whole_folded.get(_fold(text))
            if hit is not None:
                what, locale = hit
                if what == "deleted":
                    return "", False, False, True, edited, False, None, locale, ""
                if what == "omitted":
                    return "", False, False, False, edited, True, None, locale, ""
                return text, True, False, False, edited, False, None, locale, ""  # a call record

        newline = text.find("\n")
        first = text if newline < 0 else text[:newline]
        after_first = "" if newline < 0 else text[newline + 1 :]

        if newline >= 0 and len(first) <= self.whole_max:
            hit = self.whole.get(first) or self.whole_folded.get(_fold(first))
            if hit is not None and hit[0] == "omitted":
                return after_first, False, False, False, edited, True, None, hit[1], ""

        if first.endswith(")") and len(first) <= 600:
            android = self.android_attachment.fullmatch(first)
            if android:
                label = self.android_label_locale.get(android.group("label").lower(), "")
                # A document may be written "Report.pdf • 3 pages (file attached)": the file is before "•".
                written = android.group("name")
                name = written.split(" \u2022 ", 1)[0].strip()
                note = written.strip() if name != written.strip() else ""
                return after_first, False, False, False, edited, False, name, label, note

        if "<" in text:
            ios = self.ios_attachment.search(text)
            if ios:
                before, after = text[: ios.start()], text[ios.end() :]
                name = ios.group("name").strip()
                note = ""
                if not after.strip():
                    text = before.rstrip(" \u00a0\u202f")
                    if text and "\n" not in text and _preamble_of(text, name):
                        text, note = "", text.strip()  # "report.pdf • 3 pages": the attachment's, not typed
                elif not before.strip():
                    text = after.lstrip(" \u00a0\u202f")
                # A marker in the middle of a text stays where it is: nothing is lost or reordered.
                label = self.ios_label_locale.get(ios.group("label").lower(), "")
                return text, False, False, False, edited, False, name, label, note

        if newline < 0 and text[-4:] in self.document_omitted_endings:
            document = self.document_omitted_re.search(text, max(0, len(text) - 80))
            if document:
                return text[: document.start()], False, False, False, edited, True, None, locale, ""

        if text[:12] in self.notice_heads and text.startswith(self.notice_prefixes):
            return text, True, True, False, edited, False, None, self.notice_locale(text), ""
        return text, False, False, False, edited, False, None, locale, ""

    def _edited(self, text: str) -> re.Match[str] | None:
        """ "<This message was edited>" (any language) at the end of `text`, within its last 80
        characters: `edited_suffix.search` from there, found without trying every position.

        No label holds "<", so a match's "<" is the last one in the text, and the match starts
        where the spaces before it start (or 80 characters from the end, if later)."""
        start = max(0, len(text) - 80)
        at = text.rfind("<", start)
        if at < 0:
            return None
        while at > start and text[at - 1] in _SPACES:
            at -= 1
        return self.edited_suffix.match(text, at)

    def is_group_event(self, text: str) -> bool:
        """True when `text` is one of WhatsApp's group events ("Anna added you"), as a whole."""
        return self.group_event is not None and self.group_event.fullmatch(text) is not None

    def notice_locale(self, text: str) -> str:
        """The language of the encryption notice `text` starts with ("" when none)."""
        for prefix, locale in self.notice_locale_of.items():
            if text.startswith(prefix):
                return locale
        return ""

    def locale_evidence(self, bodies: list[str]) -> Counter[str]:
        """Which languages WhatsApp's own markers in the first bodies are in (only to break a tie)."""
        found: Counter[str] = Counter()
        for raw in bodies[:5000]:
            text = strip_marks(raw)
            newline = text.find("\n")
            colon = text.find(": ", 0, newline if newline >= 0 else len(text))
            body = text[colon + 2 :] if colon > 0 else text
            if body[:12] in self.notice_heads and body.startswith(self.notice_prefixes):
                found[self.notice_locale(body)] += 1
            elif colon > 0 and self.may_hold(body):
                locale = self.read(body)[7]
                if locale:
                    found[locale] += 1
        return found


# The shipped languages, compiled once at import.
MARKERS = Markers(load())
