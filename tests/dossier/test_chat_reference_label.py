"""A chat item's page in the dossier says what its SHA-256 is: the hash of the small reference
record that names the export it was read from, not of the export, and prints the export's own
SHA-256 beside it (English and Dutch). Fictional whole-account Telegram fixture."""

from __future__ import annotations

from pathlib import Path

from evidence_kit.dossier.export import export_dossier
from evidence_kit.importers.batch import add_paths
from evidence_kit.importers.chat_children import chat_items
from evidence_kit.storage.keys import KdfParams
from evidence_kit.vault import Vault
from tests.dossier.pdf_tools import normalise, pdftotext
from tests.importers.many_chats_fixtures import telegram_json_account_zip


def test_a_chat_items_hash_is_labelled_as_that_of_a_reference(tmp_path: Path) -> None:
    vault, _code = Vault.create(
        tmp_path / "case.ekvault", "correct horse battery", case_title="Chats", kdf=KdfParams.insecure_fast()
    )
    with vault:
        (result,) = list(add_paths(vault, [telegram_json_account_zip(tmp_path)]))
        export = next(i for i in result.items if i.parent_id is None)
        chat = chat_items(export, vault.items())[1]
        alone = export_dossier(vault, tmp_path / "en", lang="en", item_ids=[chat.id])
        both = export_dossier(vault, tmp_path / "nl", lang="nl", item_ids=[export.id, chat.id])
    english = normalise(pdftotext(alone.folder / "dossier.pdf"))
    assert chat.sha256 in english.replace(" ", "")
    assert (
        "hash of a reference to an item that is not in this dossier (vault item "
        f"{export.id}), the export this chat was read from, not of the export itself; the export's SHA-256:"
    ) in english
    assert export.sha256 in english.replace(" ", "")
    dutch = normalise(pdftotext(both.folder / "dossier.pdf"))
    assert "hash van een verwijzing naar stuk 1 (DataExport_2026-11-30.zip), de export waaruit" in dutch
    assert "niet van de export zelf; de SHA-256 van de export:" in dutch
    # Only the chat item's page carries the label; the export's own hash is not called a reference.
    assert dutch.count("hash van een verwijzing") == 1
