"""The app's chat view of an SMS backup and a call log, in Dutch: the owner's own messages are
"ik", never "(onbekende afzender)", and each call says its type, the other party's name and
number, and its duration, in the interface language. Through the real window."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from evidence_kit.importers.batch import add_paths
from evidence_kit.ui.controller import AppController
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "sms"


def _chat_text(qtbot: QtBot, controller: AppController, name: str) -> str:
    workspace = controller.window.workspace
    assert workspace is not None
    rows = {row.summary.original_name: row for row in workspace.model.rows()}
    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(rows[name].id)
    if os.environ.get("EK_GRABS"):
        controller.window.grab().save(str(Path(os.environ["EK_GRABS"]) / f"sms-view-{name}.png"))
    return page.chat_view.toPlainText()


def test_own_messages_and_calls_in_dutch(
    qtbot: QtBot, make_controller: Callable[..., AppController], vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    with Vault.open(path, PASSPHRASE) as vault:
        results = list(add_paths(vault, [FIXTURES / "sms-traps.xml", FIXTURES / "calls-traps.xml"]))
        assert all(r.error is None for r in results)
    controller = make_controller("nl")
    open_vault(qtbot, controller, path)

    sms = _chat_text(qtbot, controller, "sms-traps.xml")
    senders = re.findall(r"^(.+?)\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", sms, re.MULTILINE)
    assert senders.count("ik") == 3  # the three messages the phone sent (and one draft/failed)
    assert "(onbekende afzender)" not in sms
    assert "Anna de Vries" in senders

    calls = _chat_text(qtbot, controller, "calls-traps.xml")
    for line in (
        "Oproep van onbekend type, +31600000004, duur 0:01:01",
        "Gemiste oproep van Anna de Vries (+31600000001)",
        "Inkomend gesprek van een afgeschermd nummer, duur 0:00:12",
        "Voicemail van Chris Jansen (+31600000003), duur 0:00:45",
        "Uitgaand gesprek naar Anna de Vries (+31600000001), duur 1:02:03",
        "Geweigerde oproep van een afgeschermd nummer",
        "Geblokkeerde oproep van Anna de Vries (+31600000001)",
    ):
        assert line in calls, calls
    assert "Incoming call" not in calls and "duration" not in calls
