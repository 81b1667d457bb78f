"""The evidence list with many rows: sorting, filters and search give exactly the right rows.

A vault of about 1,500 items is built once through the real import path (WhatsApp export
zips whose members become items, loose chats, e-mails, pictures and notes; categories and
notes set through the vault), and every test opens its own copy through the unlock dialog.
What the list shows is compared with an oracle worked out here from the vault directly,
with the full conversation reader: the order after every header click, the rows passing
every filter and search, the selection through sorting and filtering, rows coming and going
when an edit or an import changes whether they pass, and thumbnails for the pictures on
screen. No timing is asserted (bench/ui_large_vault.py measures that).
"""

from __future__ import annotations

import dataclasses
import io
import json
import random
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from evidence_kit.domain import ItemKind, ItemSummary, TimeSource
from evidence_kit.importers.batch import add_paths
from evidence_kit.ui import texts
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.models.item_filter import ItemFilterProxy
from evidence_kit.ui.models.item_table import Column
from evidence_kit.ui.models.rows import CONVERSATION_KINDS, _row_from_stored, make_row
from evidence_kit.ui.models.thumbnails import THUMBNAIL_BATCH
from evidence_kit.ui.views.evidence_list import EvidenceList
from evidence_kit.ui.views.workspace import Workspace
from evidence_kit.vault import Vault

from .conftest import FAST, PASSPHRASE, open_vault, wait_idle

ZIPS = 10
MEMBERS = 140
WORDS = [
    "morgen",
    "buiten",
    "deur",
    "fiets",
    "school",
    "werk",
    "huis",
    "straat",
    "foto",
    "bericht",
    "wacht",
    "kom",
    "politie",
    "vriend",
]
RARE = "zebrapad"
CATEGORIES = ("Threat", "Insult", "Doxxing")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _png(rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 14), (rng.randrange(256), rng.randrange(256), rng.randrange(256))).save(
        buffer, "PNG"
    )
    return buffer.getvalue()


def _chat_lines(rng: random.Random, count: int, month: int, extra: str = "") -> list[str]:
    senders = ("Mark (fictional)", "Anna de Vries", "Onbekend nummer")
    lines = []
    for number in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 9)))
        if rng.random() < 0.05:
            text += f" {RARE}"
        if number == 0 and extra:
            text = extra
        stamp = f"{1 + number % 27:02d}-{month:02d}-2026 {number % 24:02d}:{number % 60:02d}"
        lines.append(f"{stamp} - {senders[number % 3]}: {text}")
    return lines


def _build_sources(folder: Path, uncommon: str) -> list[tuple[Path, str]]:
    """The files to import, each with the note its batch gets."""
    rng = random.Random(1500)
    loose = folder / "loose"
    loose.mkdir(parents=True)
    for number in range(30):
        extra = uncommon if number == 0 else ""
        lines = _chat_lines(rng, rng.randrange(5, 40), 1 + number % 12, extra)
        (loose / f"WhatsApp Chat with Contact {number:02d}.txt").write_text("\n".join(lines) + "\n", "utf-8")
    for number in range(8):
        messages = [
            {
                "id": index,
                "type": "message",
                "date": f"2026-{1 + number:02d}-{1 + index:02d}T10:00:00",
                "from": "Mark (fictional)" if index % 2 else "Anna de Vries",
                "from_id": f"user{index % 2}",
                "text": " ".join(rng.choice(WORDS) for _ in range(6)),
            }
            for index in range(12)
        ]
        document = {"name": f"Chat {number}", "type": "personal_chat", "id": number, "messages": messages}
        (loose / f"telegram-{number}.json").write_text(json.dumps(document), "utf-8")
    for number in range(5):
        (loose / f"mail {number}.eml").write_text(
            "From: Unknown <throwaway@example.net>\nTo: Anna de Vries <anna@example.org>\n"
            f"Subject: Bericht {number} {rng.choice(WORDS)}\n"
            f"Date: Tue, {10 + number} Mar 2026 02:14:02 +0100\nMessage-ID: <{number}@example.net>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            f"{' '.join(rng.choice(WORDS) for _ in range(20))}\n",
            encoding="utf-8",
        )
    for number in range(20):
        (loose / f"Screenshot {number:02d}.png").write_bytes(_png(rng))
        (loose / f"incident log {number:02d}.txt").write_text(
            " ".join(rng.choice(WORDS) for _ in range(30)), "utf-8"
        )
    batches = [(loose, "")]
    notes = ("Sent by Mark (fictional)", "", "Screenshots made by Anna de Vries")
    for number in range(ZIPS):
        group = folder / f"zip {number}"
        group.mkdir()
        names = []
        members: list[tuple[zipfile.ZipInfo, bytes]] = []
        for index in range(MEMBERS):
            month = 1 + index * 12 // MEMBERS
            when = (2026, month, 1 + index % 28, index % 24, index % 60, 0)
            if index % 3 == 0:
                name, data = f"IMG-2026{month:02d}-WA{number}{index:04d}.png", _png(rng)
            elif index % 3 == 1:
                name, data = f"note {number}-{index:04d} {rng.choice(WORDS)}.txt", b"fictional note\n"
            else:
                name, data = f"DOC-{number}-{index:04d}.dat", rng.randbytes(32)
            names.append(name)
            members.append((zipfile.ZipInfo(name, date_time=when), data))
        lines = _chat_lines(rng, 20, 1 + number % 12)
        lines += [
            f"02-{1 + number % 12:02d}-2026 10:00 - Anna de Vries: {name} (file attached)"
            for name in names[:3]
        ]
        with zipfile.ZipFile(group / f"WhatsApp Chat with Group {number}.zip", "w") as archive:
            archive.writestr("_chat.txt", "\n".join(lines) + "\n")
            for info, data in members:
                archive.writestr(info, data)
        batches.append((group, notes[number % len(notes)]))
    return batches


@dataclass(frozen=True)
class Expected:
    """One item as the oracle sees it, read from the vault with the full conversation reader."""

    summary: ItemSummary
    platform: str
    sender: str
    title: str
    content: str  # folded: names and messages
    haystack: str  # folded: the content, the note and the category
    naive_date: str  # the shown time, wall clock, ISO
    day: date


def _expected(vault: Vault) -> dict[int, Expected]:
    found = {}
    for summary in vault.items():
        platform = sender = title = ""
        parts = [summary.original_name]
        if summary.kind in CONVERSATION_KINDS:
            stored = vault.conversation(summary.id)
            assert stored is not None
            conversation = stored.conversation
            platform, title = conversation.platform, conversation.title or ""
            parts.append(title)
            senders: list[str] = []
            for message in conversation.messages:
                name = message.sender or message.sender_id
                if name and name not in senders and len(senders) < 3:
                    senders.append(name)
                parts += [message.sender or "", message.text, *(a.name for a in message.attachments)]
            sender = ", ".join(senders)
        shown = next(
            (
                t
                for source in (TimeSource.CONTENT, TimeSource.FILE_METADATA)
                for t in summary.times
                if t.source == source and (t.local or t.utc)
            ),
            summary.imported_at,
        )
        wall = shown.local or (shown.utc.replace(tzinfo=None) if shown.utc else None)
        assert wall is not None
        moment = shown.local or shown.utc
        assert moment is not None
        found[summary.id] = Expected(
            summary=summary,
            platform=platform,
            sender=sender,
            title=title or summary.original_name,
            content=_fold("\n".join(parts)),
            haystack=_fold("\n".join([*parts, summary.note, summary.category])),
            naive_date=wall.isoformat(),
            day=moment.date(),
        )
    return found


@dataclass(frozen=True)
class BigVault:
    path: Path
    expected: dict[int, Expected]


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> BigVault:
    from tests.conftest import UNCOMMON_TEXT

    folder = tmp_path_factory.mktemp("large-list")
    path = folder / "case.ekvault"
    uncommon = " ".join(line for line in UNCOMMON_TEXT if "\n" not in line and len(line) < 200)
    vault, _code = Vault.create(path, PASSPHRASE, case_title="Many items (fictional)", kdf=FAST)
    with vault:
        for source, note in _build_sources(folder / "sources", uncommon):
            for result in add_paths(vault, [source], note=note):
                assert result.error is None, result
        ids = [s.id for s in vault.items()]
        for position, item_id in enumerate(ids[::37]):
            vault.set_category(item_id, CATEGORIES[position % len(CATEGORIES)])
        for position, item_id in enumerate(ids[5::61]):
            vault.set_note(item_id, f"Written down {position}: {WORDS[position % len(WORDS)]} met de FIETS")
        expected = _expected(vault)
    assert len(expected) > 1400
    return BigVault(path, expected)


@pytest.fixture
def opened(qtbot: QtBot, controller: AppController, big_vault: BigVault, tmp_path: Path) -> Workspace:
    """The big vault (a copy of it) unlocked through the window, its list loaded."""
    copy = tmp_path / "copy.ekvault"
    shutil.copytree(big_vault.path, copy)
    open_vault(qtbot, controller, copy)
    workspace = controller.window.workspace
    assert workspace is not None
    assert workspace.model.rowCount() == len(big_vault.expected)
    return workspace


def _ids(lst: EvidenceList) -> list[int]:
    return [row.id for row in lst.visible_rows()]


def _oracle_order(expected: dict[int, Expected], column: Column, descending: bool) -> list[int]:
    keys: dict[Column, Callable[[Expected], Any]] = {
        Column.KIND: lambda e: texts.kind_name(e.summary.kind),
        Column.DATE: lambda e: e.naive_date,
        Column.PLATFORM: lambda e: e.platform,
        Column.SENDER: lambda e: _fold(e.sender),
        Column.TITLE: lambda e: _fold(e.title),
        Column.CATEGORY: lambda e: _fold(e.summary.category),
        Column.NOTE: lambda e: not e.summary.note,
        Column.TRUSTED: lambda e: "pending",  # time-stamping is off in tests: every item waits
    }
    key = keys[column]
    return [
        e.summary.id
        for e in sorted(expected.values(), key=lambda e: (key(e), e.summary.id), reverse=descending)
    ]


def _click_header(qtbot: QtBot, lst: EvidenceList, column: Column) -> None:
    header = lst.table.horizontalHeader()
    point = QPoint(header.sectionViewportPosition(column) + 8, header.height() // 2)
    with qtbot.waitSignal(lst.proxy.layoutChanged, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _search(qtbot: QtBot, lst: EvidenceList, text: str) -> None:
    """Type like a person (one key at a time) and wait for the search pause to apply it."""
    lst.search.clear()
    if text.isascii():
        qtbot.keyClicks(lst.search, text)
    else:
        lst.search.setText(text)  # QTest types ASCII only (anything else aborts the process)
    qtbot.waitUntil(lambda: lst.proxy.current_filter.words == tuple(_fold(text).split()), timeout=5_000)


def test_rows_hold_what_the_vault_holds(opened: Workspace, big_vault: BigVault) -> None:
    rows = {row.id: row for row in opened.model.rows()}
    assert rows.keys() == big_vault.expected.keys()
    for item_id, expected in big_vault.expected.items():
        row = rows[item_id]
        assert (row.platform, row.sender, row.title) == (expected.platform, expected.sender, expected.title)
        assert row.summary == expected.summary
        assert row.content_text == expected.content
    kinds = {row.summary.kind for row in rows.values()}
    assert {ItemKind.IMAGE, ItemKind.FILE, ItemKind.CHAT, ItemKind.EMAIL} <= kinds


def test_the_quick_conversation_reader_agrees_with_the_full_one(big_vault: BigVault, tmp_path: Path) -> None:
    copy = tmp_path / "copy.ekvault"
    shutil.copytree(big_vault.path, copy)
    with Vault.open(copy, PASSPHRASE) as vault:
        chats = [s for s in vault.items() if s.kind in CONVERSATION_KINDS]
        assert len(chats) > 50
        for summary in chats:
            document = vault.conversation_documents([summary.id]).get(summary.id)
            stored = vault.conversation(summary.id)
            assert document is not None and stored is not None
            quick = _row_from_stored(summary, document, make_row(summary, None).trusted)
            full = make_row(summary, stored.conversation)
            assert quick == full
            assert (quick.content_text, quick.meta_text, quick.date_key) == (
                full.content_text,
                full.meta_text,
                full.date_key,
            )
        # Data it cannot read gives the same row as the full reader's fallback: no conversation.
        broken = _row_from_stored(chats[0], b"{not json", make_row(chats[0], None).trusted)
        assert broken == make_row(chats[0], None)


def test_every_column_sorts_both_ways_like_the_oracle(
    qtbot: QtBot, opened: Workspace, big_vault: BigVault
) -> None:
    lst = opened.list
    for column in Column:
        _click_header(qtbot, lst, column)
        first = lst.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert _ids(lst) == _oracle_order(big_vault.expected, column, first), column.name
        _click_header(qtbot, lst, column)
        assert _ids(lst) == _oracle_order(big_vault.expected, column, not first), column.name
        # What the table draws is the row at that place.
        top = big_vault.expected[_ids(lst)[0]]
        assert lst.table.model().index(0, Column.TITLE).data() == top.title
    assert lst.count.text() == f"{len(big_vault.expected)} items"


def _oracle_filter(
    expected: dict[int, Expected],
    order: list[int],
    *,
    words: str = "",
    kind: ItemKind | None = None,
    platform: str | None = None,
    category: str | None = None,
    days: tuple[date, date] | None = None,
) -> list[int]:
    folded = _fold(words).split()
    kept = []
    for item_id in order:
        e = expected[item_id]
        if kind is not None and e.summary.kind != kind:
            continue
        if platform is not None and e.platform != platform:
            continue
        if category is not None and e.summary.category != category:
            continue
        if days is not None and not days[0] <= e.day <= days[1]:
            continue
        if not all(word in e.haystack for word in folded):
            continue
        kept.append(item_id)
    return kept


def test_search_and_filters_pass_exactly_the_oracles_rows(
    qtbot: QtBot, opened: Workspace, big_vault: BigVault
) -> None:
    lst = opened.list
    expected = big_vault.expected
    _click_header(qtbot, lst, Column.TITLE)  # filters keep the order the list is sorted in
    order = _ids(lst)
    total = len(order)

    # Letter by letter: each longer word looks only at what the shorter one passed.
    lst.search.clear()
    for end in range(1, len(RARE) + 1):
        qtbot.keyClicks(lst.search, RARE[end - 1])
        qtbot.waitUntil(lambda end=end: lst.proxy.current_filter.words == (RARE[:end],), timeout=5_000)
        assert _ids(lst) == _oracle_filter(expected, order, words=RARE[:end]), RARE[:end]
    hits = _ids(lst)
    assert 0 < len(hits) < total
    assert lst.count.text() == f"{len(hits)} of {total} items"

    # New results start at the top, wherever the list was scrolled to.
    lst.table.verticalScrollBar().setValue(lst.table.verticalScrollBar().maximum())
    _search(qtbot, lst, "morgen")
    assert lst.table.verticalScrollBar().value() == 0 < lst.table.verticalScrollBar().maximum()
    for words in (
        "MORGEN buiten",
        "img-2026",
        "met de fiets",
        "threat",
        "één ĳsselmeer",
        "ZEBRAPAD morgen",
        "qqq-none",
    ):
        _search(qtbot, lst, words)
        assert _ids(lst) == _oracle_filter(expected, order, words=words), words
    assert _ids(lst) == [] and lst.count.text() == f"0 of {total} items"
    _search(qtbot, lst, "")
    assert _ids(lst) == order

    for kind in ItemKind:
        lst.kind.setCurrentIndex(lst.kind.findData(str(kind)))
        assert _ids(lst) == _oracle_filter(expected, order, kind=kind), kind
    lst.kind.setCurrentIndex(0)
    platforms = [lst.platform.itemData(i) for i in range(1, lst.platform.count())]
    assert platforms == ["email", "telegram", "whatsapp"]
    for platform in platforms:
        lst.platform.setCurrentIndex(lst.platform.findData(platform))
        assert _ids(lst) == _oracle_filter(expected, order, platform=platform), platform
    lst.platform.setCurrentIndex(0)
    categories = [lst.category.itemData(i) for i in range(1, lst.category.count())]
    assert categories == [*sorted(CATEGORIES), ItemFilterProxy.NO_CATEGORY]
    for category in CATEGORIES:
        lst.category.setCurrentIndex(lst.category.findData(category))
        assert _ids(lst) == _oracle_filter(expected, order, category=category), category
    lst.category.setCurrentIndex(lst.category.findData(ItemFilterProxy.NO_CATEGORY))
    assert _ids(lst) == _oracle_filter(expected, order, category="")
    lst.category.setCurrentIndex(0)

    lst.date_from.setDate(QDate(2026, 3, 1))
    lst.date_to.setDate(QDate(2026, 4, 30))
    lst.use_dates.setChecked(True)
    days = (date(2026, 3, 1), date(2026, 4, 30))
    in_range = _oracle_filter(expected, order, days=days)
    assert _ids(lst) == in_range and 0 < len(in_range) < total
    # Everything at once, then sorted the other way while filtered.
    lst.kind.setCurrentIndex(lst.kind.findData(str(ItemKind.FILE)))
    _search(qtbot, lst, "note")
    assert _ids(lst) == _oracle_filter(expected, order, words="note", kind=ItemKind.FILE, days=days)
    _click_header(qtbot, lst, Column.TITLE)
    reverse = _oracle_order(expected, Column.TITLE, descending=True)
    assert _ids(lst) == _oracle_filter(expected, reverse, words="note", kind=ItemKind.FILE, days=days)
    assert _ids(lst)

    lst.use_dates.setChecked(False)
    lst.kind.setCurrentIndex(0)
    _search(qtbot, lst, "")
    assert _ids(lst) == reverse
    assert lst.count.text() == f"{total} items"


def test_selection_stays_on_its_item_through_sorting_and_filtering(
    qtbot: QtBot, opened: Workspace, big_vault: BigVault, qtmodeltester: ModelTester
) -> None:
    lst = opened.list
    table = lst.table
    qtmodeltester.check(lst.proxy)  # Qt's own model checks, on every change from here on
    chosen = next(
        e for e in big_vault.expected.values() if e.summary.kind == ItemKind.CHAT and RARE in e.haystack
    )
    lst.select_item(chosen.summary.id)
    assert [r.id for r in lst.selected_rows()] == [chosen.summary.id]
    for column in (Column.TITLE, Column.DATE, Column.KIND):
        _click_header(qtbot, lst, column)
        assert [r.id for r in lst.selected_rows()] == [chosen.summary.id], column.name
        assert lst.row_at(table.currentIndex().row()).id == chosen.summary.id  # type: ignore[union-attr]
    table.verticalScrollBar().setValue(0)
    _search(qtbot, lst, RARE)
    assert [r.id for r in lst.selected_rows()] == [chosen.summary.id]
    assert table.viewport().rect().intersects(table.visualRect(table.currentIndex()))  # kept in view
    assert table.verticalHeader().count() == lst.proxy.rowCount() < len(big_vault.expected)
    _search(qtbot, lst, "qqq-none")
    assert lst.selected_rows() == [] and table.verticalHeader().count() == 0
    _search(qtbot, lst, "")
    assert table.verticalHeader().count() == len(big_vault.expected)
    # Opening the chosen item from the list (Return on the selected row) opens that item.
    lst.select_item(chosen.summary.id)
    table.setFocus()
    with qtbot.waitSignal(opened.item_page.item_loaded, timeout=20_000) as loaded:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert loaded.args == [chosen.summary.id]


def test_rows_come_and_go_as_edits_and_imports_change_what_passes(
    qtbot: QtBot, opened: Workspace, big_vault: BigVault, tmp_path: Path
) -> None:
    lst = opened.list
    page = opened.item_page
    lst.category.setCurrentIndex(lst.category.findData("Threat"))
    before = _ids(lst)
    outside = next(e for e in big_vault.expected.values() if not e.summary.category).summary.id
    assert outside not in before
    for category, present in (("Threat", True), ("", False)):
        with qtbot.waitSignal(page.item_loaded, timeout=20_000):
            opened.open_item(outside)
        page.side.category.setEditText(category)
        with qtbot.waitSignal(page.note_saved, timeout=20_000):
            page.side.save_button.click()
        opened.show_list()
        assert (outside in _ids(lst)) is present
        assert lst.count.text() == f"{len(before) + present} of {len(big_vault.expected)} items"
    assert _ids(lst) == before
    # Many rows changed at once, told as one range (as the time-stamp marker does): one layout change.
    model = opened.model
    changed = [row for row in model.rows() if not row.summary.category][:40]
    blocked = model.blockSignals(True)
    for row in changed:
        model.replace_row(row.with_summary(dataclasses.replace(row.summary, category="Threat")))
    model.blockSignals(blocked)
    with qtbot.waitSignal(lst.proxy.layoutChanged, timeout=5_000):
        model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, len(Column) - 1), [])
    assert set(_ids(lst)) == set(before) | {row.id for row in changed}
    assert _ids(lst) == [row.id for row in model.rows() if row.summary.category == "Threat"]
    lst.category.setCurrentIndex(0)

    # Imported while a search is active: what matches appears (at the end), the rest is there but hidden.
    _search(qtbot, lst, RARE)
    shown = _ids(lst)
    new = tmp_path / "new"
    new.mkdir()
    (new / "WhatsApp Chat with Someone new.txt").write_text(
        f"03-10-2026 23:01 - Mark (fictional): {RARE} bij de deur\n", "utf-8"
    )
    (new / "unrelated.txt").write_text("nothing to find here", "utf-8")
    with qtbot.waitSignal(opened.import_finished, timeout=20_000) as finished:
        opened.import_paths([str(new)])
    ids = {item.id for result in finished.args[0].results for item in result.items}
    assert len(ids) == 2 and all(opened.model.row_by_id(i) is not None for i in ids)
    matching = [i for i in ids if opened.model.row_by_id(i).summary.kind == ItemKind.CHAT]  # type: ignore[union-attr]
    assert _ids(lst) == shown + matching
    wait_idle(qtbot, opened.controller)
    if opened.report is not None:
        opened.report.close()


def test_thumbnails_come_for_the_pictures_on_screen(
    qtbot: QtBot, opened: Workspace, big_vault: BigVault
) -> None:
    lst = opened.list
    table = lst.table
    model = opened.model
    asked: list[list[int]] = []
    model.thumbnail_wanted.connect(asked.append)

    def missing() -> list[int]:
        top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        bottom = bottom if bottom >= 0 else lst.proxy.rowCount() - 1
        return [
            row.id
            for number in range(top, bottom + 1)
            if (row := lst.row_at(number)) is not None
            and row.summary.kind == ItemKind.IMAGE
            and model.thumbnail(row.id) is None
        ]

    lst.kind.setCurrentIndex(lst.kind.findData(str(ItemKind.IMAGE)))  # a screen full of pictures
    bar = table.verticalScrollBar()
    assert bar.maximum() > 0
    waited = 0
    for value in (0, bar.maximum() // 3, bar.maximum(), bar.maximum() // 2):
        # Jumps through many pages without waiting: only the last place's pictures matter.
        for step in range(0, bar.maximum(), max(1, bar.maximum() // 25)):
            bar.setValue(step)
            table.viewport().repaint()
        bar.setValue(value)
        table.viewport().repaint()
        waited += len(missing())  # drawn, not loaded yet
        qtbot.waitUntil(lambda: not missing(), timeout=20_000)
    assert waited > 0 and asked and all(0 < len(batch) <= THUMBNAIL_BATCH for batch in asked)
    images = sum(1 for e in big_vault.expected.values() if e.summary.kind == ItemKind.IMAGE)
    # Pages scrolled past while a batch loaded were not all asked for.
    assert sum(len(batch) for batch in asked) < images
    wait_idle(qtbot, opened.controller)
