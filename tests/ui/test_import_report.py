"""The import report dialog shows a link or special file skipped inside a folder as its own row:
"skipped" with the core's reason (what the link points to), counted apart from added and failed."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from evidence_kit.importers.batch import add_paths
from evidence_kit.ui.views.import_report import ImportReportDialog
from evidence_kit.vault import Vault

from .conftest import FAST, PASSPHRASE


def test_skipped_links_and_fifos_are_rows_of_their_own(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    (folder / "kept.txt").write_bytes(b"kept\n")
    (folder / "shadow").symlink_to("/etc/shadow")
    os.mkfifo(folder / "pipe")
    named_fifo = tmp_path / "named.fifo"
    os.mkfifo(named_fifo)
    vault, _code = Vault.create(tmp_path / "case.ekvault", PASSPHRASE, kdf=FAST)
    with vault:
        results = list(add_paths(vault, [folder, named_fifo]))
    dialog = ImportReportDialog(results, cancelled=False, total_files=len(results))
    qtbot.addWidget(dialog)
    rows = dict(dialog.outcome_texts())
    assert rows[str(folder / "kept.txt")] == "added, recognised as file"
    assert rows[str(folder / "shadow")] == (
        f"skipped: {folder / 'shadow'} is a symbolic link to /etc/shadow; links inside a folder are not "
        "followed, so it was skipped."
    )
    assert rows[str(folder / "pipe")].startswith(f"skipped: {folder / 'pipe'} is a named pipe (FIFO)")
    assert rows[str(named_fifo)].startswith(f"NOT added: {named_fifo} is a named pipe (FIFO)")
    # Without the app's English catalogue installed Qt leaves the plural forms as "file(s)".
    summary = dialog.summary.text()
    assert summary.startswith("1 file(s) added. 1 file(s) could NOT be added (see below). 2 link(s) ")
    assert "inside the folders skipped; nothing was read from them" in summary
