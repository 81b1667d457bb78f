"""Settings → time-stamp authorities: edit the list through the real widgets, saved to settings.json."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evidence_kit.settings import Settings, load_settings
from evidence_kit.ui.controller import AppController


def _root_pem(common_name: str) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


def _open_editor(qtbot: QtBot, controller: AppController):  # type: ignore[no-untyped-def]
    window = controller.window
    window.open_settings()
    dialog = window.settings_dialog
    qtbot.mouseClick(dialog.tsa_edit, Qt.MouseButton.LeftButton)
    editor = dialog.tsa_editor
    qtbot.waitUntil(editor.isVisible)
    return dialog, editor


def test_authorities_are_added_checked_reordered_and_saved(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    settings_file = Path(os.environ["EVIDENCE_KIT_SETTINGS"])
    before = load_settings()
    assert [t.name for t in before.tsas] == [t.name for t in Settings().tsas]  # the shipped defaults
    dialog, editor = _open_editor(qtbot, controller)
    assert editor.list.count() == len(before.tsas)

    # A new authority with a bad address is refused, with words, and nothing is saved.
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.name_edit.clear()
    qtbot.keyClicks(editor.name_edit, "Fictional TSA")
    editor.url_edit.clear()
    qtbot.keyClicks(editor.url_edit, "ftp://tsa.example")
    editor.save()
    assert editor.isVisible()
    assert "http://" in editor.problem.text()
    assert editor.list.currentItem().text() == "Fictional TSA"

    editor.url_edit.clear()
    qtbot.keyClicks(editor.url_edit, "https://tsa.example/rfc3161")
    # Its own root: a file that is not a certificate is refused, a PEM certificate is taken.
    junk = tmp_path / "notes.txt"
    junk.write_text("not a certificate")
    assert not editor.set_roots_from_file(junk)
    assert "notes.txt" in editor.problem.text()
    pem = tmp_path / "root.pem"
    pem.write_bytes(_root_pem("Fictional Root CA"))
    assert editor.set_roots_from_file(pem)
    assert "Fictional Root CA" in editor.roots_label.text()

    # Move it to the top, remove the (now) last default, a shorter wait.
    last = editor.list.currentRow()
    for _ in range(last):
        qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert editor.list.currentRow() == 0
    assert not editor.up_button.isEnabled()
    editor.list.setCurrentRow(editor.list.count() - 1)
    removed = editor.list.currentItem().text()
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    editor.timeout.setValue(12)
    editor.save()
    assert not editor.isVisible()
    assert "Fictional TSA" in dialog.tsa_list.text()
    assert "Fictional TSA" not in settings_file.read_text()  # not saved before the settings are
    dialog.save()

    saved = load_settings()
    names = [t.name for t in saved.tsas]
    assert names[0] == "Fictional TSA"
    assert removed not in names
    assert len(names) == len(before.tsas)
    assert saved.tsas[0].url == "https://tsa.example/rfc3161"
    assert saved.tsas[0].roots_pem is not None and "BEGIN CERTIFICATE" in saved.tsas[0].roots_pem
    assert saved.tsa_timeout_s == 12
    assert saved.timestamping_enabled is False  # the toggle the test home set is kept
    assert oct(settings_file.stat().st_mode & 0o777) == "0o600"


def test_duplicate_names_are_refused_and_defaults_restore(qtbot: QtBot, controller: AppController) -> None:
    _dialog, editor = _open_editor(qtbot, controller)
    first = editor.list.item(0).text()
    editor.list.setCurrentRow(1)
    editor.name_edit.clear()
    qtbot.keyClicks(editor.name_edit, first.upper())
    editor.save()
    assert editor.isVisible()
    assert first.upper() in editor.problem.text()
    assert editor.list.currentRow() == 1

    while editor.list.count():
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert not editor.remove_button.isEnabled()
    assert not editor.name_edit.isEnabled()
    qtbot.mouseClick(editor.defaults_button, Qt.MouseButton.LeftButton)
    shown = [editor.list.item(i).text() for i in range(editor.list.count())]
    assert shown == [t.name for t in Settings().tsas]
    editor.reject()
    assert editor.result_settings() is None


def test_the_authority_editor_speaks_dutch(qtbot: QtBot, make_controller) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_language import assert_dutch

    controller = make_controller("nl")
    dialog, editor = _open_editor(qtbot, controller)
    assert editor.windowTitle() == "Tijdstempeldiensten"
    assert assert_dutch(editor, "tsa editor") > 10
    editor.reject()
    dialog.reject()
