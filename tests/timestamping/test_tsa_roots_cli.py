"""A time-stamp authority's root given once with `timestamp --tsa URL --tsa-ca FILE` is kept in
the vault, logged, trusted by later checks and shipped in the dossier package; a root nobody
vouched for is a trust warning (exit 3), never an integrity failure. All through the real CLI,
against the local test TSA (tests/tsa_server.py) with its own root."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import text

from evidence_kit.timestamping import TsaConfig
from evidence_kit.vault import Vault
from tests.helpers import cli_env, run_cli
from tests.tsa_server import LocalTsa


def _trusting_env(tmp_path: Path, local_tsa: LocalTsa) -> dict[str, str]:
    """Settings that name the local TSA with its root: stamping works, and that computer trusts it."""
    path = tmp_path / "settings-trusting.json"
    tsa = {"name": "local-tsa", "url": local_tsa.url("tsa"), "roots_pem": local_tsa.pki.root_pem.decode()}
    path.write_text(json.dumps({"tsas": [tsa], "tsa_timeout_s": 5}), encoding="utf-8")
    return cli_env(tmp_path, EVIDENCE_KIT_SETTINGS=str(path))


@pytest.fixture
def stamped(tmp_path: Path, local_tsa: LocalTsa) -> Path:
    """A vault with two items time-stamped through settings that trusted the test root (not the vault)."""
    env = cli_env(tmp_path)
    path = tmp_path / "case.ekvault"
    run_cli(["init", str(path), "--insecure-fast-kdf"], env, check=True)
    for name, data in (("a.txt", "message to Anna de Vries"), ("b.txt", "e-mail from example.com")):
        (tmp_path / name).write_text(data, encoding="utf-8")
    run_cli(["add", str(path), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], env, check=True)
    run_cli(["timestamp", str(path)], _trusting_env(tmp_path, local_tsa), check=True)
    return path


def test_the_root_given_once_is_kept_logged_trusted_and_shipped(
    tmp_path: Path, stamped: Path, local_tsa: LocalTsa
) -> None:
    env = cli_env(tmp_path)  # a computer whose settings trust no test root
    root = local_tsa.pki.root
    fingerprint = hashlib.sha256(root.public_bytes(Encoding.DER)).hexdigest()

    # Without the root: intact, but a trust warning, exit 3 (it used to be "NOT intact", exit 1).
    before = run_cli(["verify", str(stamped)], env)
    assert before.returncode == 3, before.stdout + before.stderr
    assert before.stdout.startswith("Vault intact: 2 items")
    assert "NOT intact" not in before.stdout
    assert "Trust warnings (1)" in before.stdout and fingerprint in before.stdout

    # Given once, in DER (the vault keeps DER whatever the form): kept, logged; nothing waits.
    (tmp_path / "root.der").write_bytes(root.public_bytes(Encoding.DER))
    url = local_tsa.url("tsa")
    added = run_cli(["timestamp", str(stamped), "--tsa", url, "--tsa-ca", str(tmp_path / "root.der")], env)
    assert added.returncode == 0, added.stdout + added.stderr
    assert added.stdout.splitlines() == [
        f"Root certificate {root.subject.rfc4514_string()} kept in the vault: from now on you vouch "
        f"for it (SHA-256 fingerprint {fingerprint}).",
        "Nothing is waiting for a time-stamp.",
    ]
    # The same root again, now as PEM: stored once, no second event.
    (tmp_path / "root.pem").write_bytes(local_tsa.pki.root_pem)
    again = run_cli(["timestamp", str(stamped), "--tsa", url, "--tsa-ca", str(tmp_path / "root.pem")], env)
    assert again.stdout == "Nothing is waiting for a time-stamp.\n"
    log = json.loads(run_cli(["log", str(stamped), "--json"], env, check=True).stdout)
    events = [e for e in log if e["type"] == "tsa_ca_added"]
    assert len(events) == 1
    assert events[0]["data"]["sha256"] == fingerprint and events[0]["data"]["tsa_url"] == url

    # Persisted: every later verify trusts it, and says on whose word.
    after = run_cli(["verify", str(stamped)], env)
    assert after.returncode == 0, after.stdout + after.stderr
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert f"is trusted because you added it on {today} (SHA-256 fingerprint {fingerprint})" in after.stdout
    assert "Trust warnings" not in after.stdout

    # The package ships it, the manifest lists it with its hashes.
    package = tmp_path / "dossier"
    run_cli(["export", str(stamped), str(package), "--lang", "en"], env, check=True)
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    (listed,) = manifest["user_tsa_roots"]
    assert listed["sha256"] == fingerprint and listed["custody_seq"] == events[0]["seq"]
    shipped = package / listed["file"]
    assert x509.load_pem_x509_certificate(shipped.read_bytes()) == root
    support = {entry["file"]: entry["sha256"] for entry in manifest["support_files"]}
    assert support[listed["file"]] == hashlib.sha256(shipped.read_bytes()).hexdigest()

    # verify-package: a root only the package vouches for is a trust warning (3) ...
    alone = run_cli(["verify-package", str(package)], env)
    assert alone.returncode == 3, alone.stdout
    assert "was added by the vault's keeper on" in alone.stdout and "[TRUST?]" in alone.stdout
    assert "with 2 trust warnings" in alone.stdout
    # ... until the examiner passes it (having compared it) with --trust-ca.
    trusting = run_cli(["verify-package", str(package), "--trust-ca", str(tmp_path / "root.pem")], env)
    assert trusting.returncode == 0, trusting.stdout
    assert "one you gave with --trust-ca" in trusting.stdout and "[TRUST?]" not in trusting.stdout
    assert trusting.stdout.rstrip().endswith("checks passed.")
    # A changed package is still an integrity failure whatever is trusted.
    shipped.write_bytes(shipped.read_bytes().replace(b"\n", b"\r\n"))
    broken = run_cli(["verify-package", str(package), "--trust-ca", str(tmp_path / "root.pem")], env)
    assert broken.returncode == 1, broken.stdout


def test_a_bad_root_file_is_a_usage_error_naming_it(
    tmp_path: Path, stamped: Path, local_tsa: LocalTsa
) -> None:
    env = cli_env(tmp_path)
    (tmp_path / "not-a-cert.pem").write_text("-----BEGIN CERTIFICATE-----\nnonsense\n", encoding="utf-8")
    for args in (
        [
            "timestamp",
            str(stamped),
            "--tsa",
            local_tsa.url("tsa"),
            "--tsa-ca",
            str(tmp_path / "not-a-cert.pem"),
        ],
        ["verify-package", str(tmp_path), "--trust-ca", str(tmp_path / "not-a-cert.pem")],
        ["verify-package", str(tmp_path), "--trust-ca", str(tmp_path / "missing.pem")],
    ):
        done = run_cli(args, env)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr and str(tmp_path) in done.stderr
    log = json.loads(run_cli(["log", str(stamped), "--json"], env, check=True).stdout)
    assert not [e for e in log if e["type"] == "tsa_ca_added"]


def test_a_root_slipped_into_the_table_without_its_event_is_damage(
    vault: Vault, tmp_path: Path, good: TsaConfig, root: list[x509.Certificate]
) -> None:
    """Someone with the key who adds a root behind the program's back is caught, and not trusted."""
    (tmp_path / "a.txt").write_text("message to Anna de Vries", encoding="utf-8")
    vault.add_file(tmp_path / "a.txt")
    assert vault.stamp_pending([good]).ok
    der = root[0].public_bytes(Encoding.DER)
    with vault._require_engine().begin() as conn:
        conn.execute(
            text(
                "INSERT INTO tsa_roots (sha256, der, subject, tsa_url, added_at_utc, event_seq) "
                "VALUES (:s, :d, 'x', 'http://example.com', '2026-01-01T00:00:00.000000Z', 1)"
            ),
            {"s": hashlib.sha256(der).hexdigest(), "d": der},
        )
    report = vault.verify(record=False, tsa_roots=[])
    assert [p.code for p in report.problems] == ["tsa_root_unlogged"]
    assert [p.code for p in report.warnings] == ["timestamp_root_untrusted"]
