"""What the dossier shows of each item, read from the vault: `Describer` and `LazyItems`.

Rules this module keeps:
- Items are described one at a time and again for each pass of the renderer (cover and
  timeline, then the item pages), so a vault of thousands of items exports in bounded memory;
  only small derived data (image facts, import reports) is read for all items at once.
- The first pass loads no pictures; the second has them made ahead on another core.
- A withheld item's pixels and transcript never reach the PDF.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from evidence_kit.domain import Conversation, ItemKind, ItemSummary, ParseWarning
from evidence_kit.dossier.model import DossierItem, Language, TrustedTime
from evidence_kit.dossier.picture import TextExcerpt, is_text_file, pdf_picture, text_excerpt
from evidence_kit.dossier.pictures_ahead import Made, PicturesAhead
from evidence_kit.dossier.relations import Relations
from evidence_kit.dossier.texts import plain_type, platform_name
from evidence_kit.i18n import _, fmt
from evidence_kit.storage.derived_kinds import (
    DERIVED_CONVERSATION,
    DERIVED_IMAGE_INFO,
    DERIVED_IMPORT_REPORT,
    DERIVED_THUMBNAIL,
)
from evidence_kit.vault import Vault


def _json(data: bytes | None) -> dict[str, Any]:
    if not data:
        return {}
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _warnings(raw: Any) -> tuple[ParseWarning, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        ParseWarning(
            str(w.get("code", "")), str(w.get("message", "")), tuple(sorted(w.get("params", {}).items()))
        )
        for w in raw
        if isinstance(w, dict)
    )


def _main_sender(conversation: Conversation) -> str:
    counts = Counter(
        m.sender_id or m.sender
        for m in conversation.messages
        if m.kind == "message" and (m.sender or m.sender_id)
    )
    if not counts:
        return ""
    names = {m.sender_id or m.sender: m for m in conversation.messages}
    parts = []
    for key, _count in counts.most_common(2):
        message = names[key]
        label = message.sender or ""
        if message.sender_id and message.sender_id != label:
            label = f"{label} ({message.sender_id})" if label else message.sender_id
        parts.append(label)
    return ", ".join(parts)


_SMALL_KINDS = (DERIVED_IMAGE_INFO, DERIVED_IMPORT_REPORT)


class Describer:
    """Builds each item's dossier view from the vault, on demand."""

    def __init__(
        self,
        vault: Vault,
        lang: Language,
        withhold: frozenset[int],
        seal_broken: frozenset[int] = frozenset(),
        include_withheld: bool = False,
    ) -> None:
        self.vault = vault
        self.include_withheld = include_withheld
        self.lang = lang
        self.withhold = withhold
        self.seal_broken = seal_broken  # item ids whose derived data no longer matches its seal
        self.trusted = _trusted_times(vault)
        self.relations = Relations(vault, ())
        # Small derived data of every item, read at once: both passes over the items use it.
        self._small: dict[str, dict[int, bytes]] = {}
        self._with_conversation: set[int] = set()
        self._with_thumbnail: set[int] = set()

    def set_items(self, items: Sequence[ItemSummary]) -> None:
        """The exported items in dossier order: what parent, attachment and duplicate lines refer to."""
        self.relations = Relations(self.vault, items)
        ids = [item.id for item in items]
        # A few queries for all items instead of one per item and pass (a thousand items' export
        # spent a tenth of its time there); the conversations and pictures stay one at a time.
        self._small = {kind: self.vault.derived_of_items(ids, kind) for kind in _SMALL_KINDS}
        self._with_conversation = self.vault.items_with_derived(DERIVED_CONVERSATION)
        self._with_thumbnail = self.vault.items_with_derived(DERIVED_THUMBNAIL)

    @staticmethod
    def _item_warnings(
        report: dict[str, Any], info: dict[str, Any], conversation: Conversation | None
    ) -> tuple[ParseWarning, ...]:
        """The import report's warnings, without those the conversation section prints itself."""
        shown = conversation.warnings if conversation is not None else ()
        return _unique(_warnings(report.get("warnings")) + _warnings(info.get("warnings")), shown)

    def import_report(self, item_id: int) -> dict[str, Any]:
        """The item's import report (read with every item's at `set_items`)."""
        return _json(self._small.get(DERIVED_IMPORT_REPORT, {}).get(item_id))

    def shows_picture(self, item: ItemSummary) -> bool:
        """Whether the PDF shows a picture made from `item`'s original (an image, not withheld)."""
        return item.kind == ItemKind.IMAGE and item.id not in self.withhold

    def describe(
        self,
        number: int,
        item: ItemSummary,
        *,
        with_thumbnail: bool = True,
        picture_of: Callable[[], Made | None] | None = None,
    ) -> DossierItem:
        """The item as the PDF shows it; `picture_of` gives its picture when made ahead."""
        withheld = item.id in self.withhold
        info = _json(self._small.get(DERIVED_IMAGE_INFO, {}).get(item.id))
        report = _json(self._small.get(DERIVED_IMPORT_REPORT, {}).get(item.id))
        conversation: Conversation | None = None
        if item.id in self._with_conversation:
            # The messages may be stored in parts: read them through the one conversation reader.
            stored = self.vault.conversation(item.id)
            conversation = stored.conversation if stored is not None else None
        thumbnail = None
        picture: bytes | None = None
        rows: bytes | None = None
        text: TextExcerpt | None = None
        if with_thumbnail and not withheld:
            # Derived in memory for this PDF only; the original stays as it is in the vault.
            if item.kind == ItemKind.IMAGE:
                if picture_of is not None:
                    made = picture_of()
                    picture, rows = made if made is not None else (None, None)
                else:
                    picture = pdf_picture(b"".join(self.vault.iter_original(item.id)))
            elif conversation is None and is_text_file(item.original_name, item.media_type):
                text = text_excerpt(self.vault.iter_original(item.id), item.size)
            if picture is None and item.id in self._with_thumbnail:
                # Shown only where no picture could be made from the original.
                thumbnail = self.vault.derived(item.id, DERIVED_THUMBNAIL)
        platform, sender, description = "", "", ""
        headers: tuple[tuple[str, str], ...] = ()
        if conversation is not None:
            platform = platform_name(self.lang, conversation.platform) if conversation.platform else ""
            sender = _main_sender(conversation)
            count = len(conversation.messages)
            description = fmt("{count} messages", {"count": str(count)}, self.lang)
            if conversation.title:
                description = f"{conversation.title} — {description}"
            if item.kind == ItemKind.EMAIL:
                headers = conversation.extra
                description = conversation.title or item.original_name
        elif info:
            size = f"{info.get('width', '?')}×{info.get('height', '?')}"
            description = fmt("image, {size} pixels", {"size": size}, self.lang)
        else:
            description = plain_type(self.lang, item.media_type) if item.media_type else _("file", self.lang)
        exif = tuple((str(k), str(v)) for k, v in info.get("exif", []))
        width, height = info.get("width"), info.get("height")
        return DossierItem(
            number=number,
            item_id=str(item.id),
            kind=item.kind,
            original_name=item.original_name,
            media_type=item.media_type,
            size=item.size,
            sha256=item.sha256,
            times=item.times,
            platform=platform,
            sender=sender,
            description=description,
            note=item.note,
            category=item.category,
            withheld=withheld,
            original_in_package=self.include_withheld or not withheld,
            thumbnail=thumbnail,
            picture=picture,
            picture_rows=rows,
            text=text,
            image_size=(int(width), int(height))
            if isinstance(width, int) and isinstance(height, int)
            else None,
            exif=exif,
            email_headers=tuple(headers),
            conversation=None if withheld else conversation,
            trusted_time=self.trusted.get(item.id),
            warnings=self._item_warnings(report, info, conversation),
            seal_broken=item.id in self.seal_broken,
            **self.relations.of(item),
        )


def _unique(warnings: Sequence[ParseWarning], shown: Sequence[ParseWarning]) -> tuple[ParseWarning, ...]:
    seen = {(w.code, w.message, w.params) for w in shown}
    kept = []
    for warning in warnings:
        key = (warning.code, warning.message, warning.params)
        if key not in seen:
            seen.add(key)
            kept.append(warning)
    return tuple(kept)


def _trusted_times(vault: Vault) -> dict[int, TrustedTime]:
    """Each item's earliest trusted time, where the vault has time-stamp tokens."""
    found: dict[int, TrustedTime] = {}
    for item_id, tsa_name, gen_time in vault.all_item_timestamps():
        if item_id not in found or gen_time < found[item_id].gen_time:
            found[item_id] = TrustedTime(tsa_name=tsa_name, gen_time=gen_time)
    return found


class LazyItems:
    """Re-iterable: each pass loads the items again, one at a time (bounded memory)."""

    def __init__(self, describer: Describer, items: Sequence[ItemSummary]) -> None:
        self._describer = describer
        self._items = items
        self._passes = 0

    def __iter__(self) -> Iterator[DossierItem]:
        # The renderer's first pass (cover, summary, timeline) shows no pictures: skip loading them.
        first_pass = not self._passes
        self._passes += 1
        describer, items = self._describer, self._items
        if first_pass:
            for number, item in enumerate(items, start=1):
                yield describer.describe(number, item, with_thumbnail=False)
            return
        # The pictures are made ahead on another core while the pages before them are laid out.
        wanted = {index: item.id for index, item in enumerate(items) if describer.shows_picture(item)}
        with PicturesAhead(wanted, describer.vault.original_reader) as ahead:
            for index, item in enumerate(items):
                yield describer.describe(index + 1, item, picture_of=partial(ahead.picture, index))
