"""`verify --against FILE` through the real CLI: the vault must still extend a custody-log head
recorded outside it (an earlier package, its manifest or PDF, or the head as printed on the
cover). A vault put back to an older copy of its folder, or a log signed again with another key,
is consistent in itself and passes a plain `verify`; only the outside record catches it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import text

from evidence_kit.vault import Vault
from tests.dossier.pdf_tools import pdftotext
from tests.helpers import PASSPHRASE, cli_env, run_cli


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = cli_env(tmp_path)
    vault = tmp_path / "case.ekvault"
    run_cli(["init", str(vault), "--insecure-fast-kdf"], env, check=True)
    (tmp_path / "a.txt").write_text("message to Anna de Vries", encoding="utf-8")
    run_cli(["add", str(vault), str(tmp_path / "a.txt")], env, check=True)
    return vault, env


def _export(vault: Path, env: dict[str, str], target: Path) -> dict[str, object]:
    run_cli(["export", str(vault), str(target), "--lang", "en", "--zip"], env, check=True)
    manifest: dict[str, object] = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    return manifest


def test_an_earlier_record_of_the_same_vault_passes_in_every_form(
    tmp_path: Path, case: tuple[Path, dict[str, str]]
) -> None:
    vault, env = case
    package = tmp_path / "dossier"
    manifest = _export(vault, env, package)
    seq, head = manifest["custody_log_head_seq"], manifest["custody_log_head"]
    assert isinstance(seq, int) and isinstance(head, str)
    run_cli(["add", str(vault), str(tmp_path / "a.txt"), "--note", "again"], env, check=True)

    # The head as the cover prints it, copied out of the PDF (pdftotext), is what --against reads.
    cover = pdftotext(package / "dossier.pdf")
    assert f"seq {seq} · sha256 {head}" in " ".join(cover.split())
    (tmp_path / "cover.txt").write_text(cover, encoding="utf-8")
    # Copied by hand: upper case, in groups, over two lines.
    groups = " ".join(head[i : i + 8] for i in range(0, 64, 8)).upper()
    (tmp_path / "by-hand.txt").write_text(
        f"Seq: {seq}\nSHA256 {groups[:36]}\n{groups[36:]}\n", encoding="utf-8"
    )
    (tmp_path / "hash-only.txt").write_text(head + "\n", encoding="utf-8")
    for record in (
        package,
        tmp_path / "dossier.zip",
        package / "manifest.json",
        package / "dossier.pdf",
        tmp_path / "cover.txt",
        tmp_path / "by-hand.txt",
        tmp_path / "hash-only.txt",
    ):
        done = run_cli(["verify", str(vault), "--against", str(record)], env)
        assert done.returncode == 0, (record, done.stdout, done.stderr)
        assert f"The custody log still contains the head {record} recorded (seq {seq} · sha256 {head})" in (
            done.stdout
        ), record


def test_a_vault_put_back_to_an_older_copy_fails_against_a_later_package(
    tmp_path: Path, case: tuple[Path, dict[str, str]]
) -> None:
    vault, env = case
    old_copy = tmp_path / "old-copy.ekvault"
    shutil.copytree(vault, old_copy)
    (tmp_path / "b.txt").write_text("threat sent to Anna de Vries", encoding="utf-8")
    run_cli(["add", str(vault), str(tmp_path / "b.txt")], env, check=True)
    package = tmp_path / "dossier"
    manifest = _export(vault, env, package)
    shutil.rmtree(vault)
    shutil.copytree(old_copy, vault)

    against = run_cli(["verify", str(vault), "--against", str(package)], env)
    assert against.returncode == 1, against.stdout
    assert against.stdout.startswith("Vault NOT intact: 1 problem found.")
    assert "was put back to an older copy" in against.stdout
    assert f"recorded event {manifest['custody_log_head_seq']}" in against.stdout
    alone = run_cli(["verify", str(vault)], env)
    assert alone.returncode == 0, alone.stdout  # consistent in itself: only an outside record shows it
    # The old copy has grown past the recorded number (each verify is an event): the event there
    # has another hash.
    grown = run_cli(["verify", str(vault), "--against", str(package)], env)
    assert grown.returncode == 1 and "does not have the hash" in grown.stdout, grown.stdout


def _sign_again_with_a_new_key(vault: Path) -> None:
    """What someone holding the passphrase could do: the same events, signed by a key of their own
    (rewritten events would be signed the same way; the key alone is what this test changes)."""
    opened = Vault.open(vault, PASSPHRASE)
    try:
        key = Ed25519PrivateKey.generate()
        with opened._require_engine().begin() as conn:
            guard = "SELECT sql FROM sqlite_master WHERE name = 'custody_events_no_update'"
            create_guard = conn.execute(text(guard)).scalar_one()
            conn.execute(text("DROP TRIGGER custody_events_no_update"))
            for seq, digest in conn.execute(text("SELECT seq, hash FROM custody_events")).all():
                signature = key.sign(bytes.fromhex(digest)).hex()
                conn.execute(
                    text("UPDATE custody_events SET signature = :s WHERE seq = :q"),
                    {"s": signature, "q": seq},
                )
            conn.execute(
                text("UPDATE vault_info SET signing_private_key = :k, signing_public_key = :p"),
                {
                    "k": key.private_bytes_raw(),
                    "p": key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
                },
            )
            conn.execute(text(create_guard))  # and the guard put back, so nothing else shows
    finally:
        opened.close()


def test_a_log_signed_again_with_another_key_fails_against_an_earlier_package(
    tmp_path: Path, case: tuple[Path, dict[str, str]]
) -> None:
    vault, env = case
    package = tmp_path / "dossier"
    _export(vault, env, package)
    _sign_again_with_a_new_key(vault)
    alone = run_cli(["verify", str(vault)], env)
    assert alone.returncode == 0, alone.stdout
    against = run_cli(["verify", str(vault), "--against", str(package)], env)
    assert against.returncode == 1, against.stdout
    assert "has been signed again with another key" in against.stdout


def test_a_record_of_another_vault_fails(tmp_path: Path, case: tuple[Path, dict[str, str]]) -> None:
    vault, env = case
    other = tmp_path / "other.ekvault"
    run_cli(["init", str(other), "--insecure-fast-kdf"], env, check=True)
    run_cli(["add", str(other), str(tmp_path / "a.txt")], env, check=True)
    _export(other, env, tmp_path / "other-dossier")
    done = run_cli(["verify", str(vault), "--against", str(tmp_path / "other-dossier")], env)
    assert done.returncode == 1
    assert "this vault is not the one that record was made from" in done.stdout
    assert "signed again with another key" in done.stdout


def test_usage_errors_exit_2_with_one_sentence(tmp_path: Path, case: tuple[Path, dict[str, str]]) -> None:
    vault, env = case
    package = tmp_path / "dossier"
    _export(vault, env, package)
    (tmp_path / "note.txt").write_text("nothing to compare here", encoding="utf-8")
    changed = tmp_path / "changed"
    shutil.copytree(package, changed)
    manifest = (changed / "manifest.json").read_text(encoding="utf-8")
    (changed / "manifest.json").write_text(
        manifest.replace('"language":"en"', '"language":"nl"'), encoding="utf-8"
    )
    cases = {
        str(tmp_path / "missing.txt"): "missing.txt cannot be used to compare the custody log",
        str(tmp_path / "note.txt"): "no custody log head found",
        str(changed): "does not match manifest.sig and public_key.pem",
    }
    for record, expected in cases.items():
        done = run_cli(["verify", str(vault), "--against", record], env)
        assert done.returncode == 2, (record, done.stdout, done.stderr)
        assert expected in done.stderr and "Traceback" not in done.stderr
    assert run_cli(["verify", str(vault), "--against"], env).returncode == 2  # argparse: FILE missing
    assert run_cli(["verify", str(tmp_path / "no-vault")], env).returncode == 2
    assert run_cli(["verify-package", str(tmp_path / "no-package")], env).returncode == 2
