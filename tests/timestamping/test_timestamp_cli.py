"""The CLI and time-stamps: `evidence-kit timestamp`, and stamping on the side of `add` and
`verify` that never fails the command. Everything goes to the local TSA, never a public one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import cli_env, run_cli
from tests.tsa_server import LocalTsa

TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"


def settings_file(tmp_path: Path, local_tsa: LocalTsa, mode: str) -> str:
    path = tmp_path / f"settings-{mode}.json"
    tsa = {"name": f"local-{mode}", "url": local_tsa.url(mode), "roots_pem": local_tsa.pki.root_pem.decode()}
    path.write_text(json.dumps({"tsas": [tsa], "tsa_timeout_s": 5}), encoding="utf-8")
    return str(path)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A vault with two files added while timestamping was off (cli_env's settings)."""
    env = cli_env(tmp_path)
    path = tmp_path / "case.ekvault"
    run_cli(["init", str(path), "--insecure-fast-kdf"], env, check=True)
    for name, data in (("a.txt", "message to Anna de Vries"), ("b.txt", "e-mail from example.com")):
        (tmp_path / name).write_text(data, encoding="utf-8")
    added = run_cli(["add", str(path), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], env, check=True)
    assert "time-stamp" not in added.stderr.lower()  # off: nothing tried, nothing said
    return path


def test_timestamp_command_stamps_what_waits(tmp_path: Path, vault: Path, local_tsa: LocalTsa) -> None:
    env = cli_env(tmp_path)
    (tmp_path / "root.pem").write_bytes(local_tsa.pki.root_pem)
    url = local_tsa.url("tsa")
    done = run_cli(["timestamp", str(vault), "--tsa", url, "--tsa-ca", str(tmp_path / "root.pem")], env)
    assert done.returncode == 0, done.stderr
    kept, *lines = done.stdout.splitlines()
    assert kept.startswith("Root certificate CN=Evidence Kit Test Root CA,") and "kept in the vault" in kept
    assert len(lines) == 2, done.stdout
    assert re.fullmatch(rf"Items 1-2 time-stamped by {re.escape(url)} at {TIME}\.", lines[0])
    # 1 created, 2 added, 1 root added, 1 batch token: the head after event 5 is anchored.
    assert re.fullmatch(rf"Custody log up to event 5 time-stamped by {re.escape(url)} at {TIME}\.", lines[1])
    again = run_cli(["timestamp", str(vault), "--tsa", url, "--tsa-ca", str(tmp_path / "root.pem")], env)
    assert (again.returncode, again.stdout) == (0, "Nothing is waiting for a time-stamp.\n")
    log = json.loads(run_cli(["log", str(vault), "--json"], env, check=True).stdout)
    assert [e["data"]["subject"] for e in log if e["type"] == "timestamp_obtained"] == [
        "merkle_root",
        "custody_head",
    ]


def test_timestamp_command_exits_1_when_no_tsa_answers(
    tmp_path: Path, vault: Path, local_tsa: LocalTsa
) -> None:
    env = cli_env(tmp_path)
    done = run_cli(["timestamp", str(vault), "--tsa", local_tsa.closed_url], env)
    assert done.returncode == 1
    first, second = done.stdout.splitlines()
    assert first.startswith(
        "Time-stamping postponed, will retry later: "
        f"The time-stamp authority {local_tsa.closed_url} could not be reached: "
    )
    assert second == "2 still waiting for a time-stamp."
    # Timestamping off in the settings and no --tsa: said so, still queued.
    off = run_cli(["timestamp", str(vault)], env)
    assert off.returncode == 1
    assert off.stdout == (
        "Timestamping is off in the settings, so nothing was sent; 2 still waiting. "
        "Use --tsa URL to ask a time-stamp authority now.\n"
    )
    usage = run_cli(["timestamp", str(vault), "--tsa-ca", str(tmp_path / "a.txt")], env)
    assert (usage.returncode, usage.stderr) == (2, "--tsa-ca needs --tsa.\n")


def test_add_stamps_on_the_side_and_never_fails_for_a_tsa(
    tmp_path: Path, vault: Path, local_tsa: LocalTsa
) -> None:
    (tmp_path / "c.txt").write_text("screenshot of Bram Jansen's post", encoding="utf-8")
    broken = cli_env(tmp_path, EVIDENCE_KIT_SETTINGS=settings_file(tmp_path, local_tsa, "garbage"))
    added = run_cli(["add", str(vault), str(tmp_path / "c.txt")], broken)
    assert added.returncode == 0 and added.stdout.startswith("3\t")
    assert re.search(
        r"^Time-stamping postponed, will retry later: The time-stamp authority local-garbage sent an "
        r"answer that is not a time-stamp response: .+$",
        added.stderr,
        re.MULTILINE,
    ), added.stderr
    # `list` only reads: it does not stamp.
    listed = run_cli(["list", str(vault)], broken, check=True)
    assert "time-stamp" not in listed.stderr.lower()
    # The TSA is back: the next modifying command stamps the backlog, and verify trusts the
    # configured root.
    fixed = cli_env(tmp_path, EVIDENCE_KIT_SETTINGS=settings_file(tmp_path, local_tsa, "tsa"))
    verified = run_cli(["verify", str(vault)], fixed)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.stderr.splitlines() == ["3 items time-stamped by local-tsa."]
    assert verified.stdout.startswith("Vault intact: 3 items")
    # A computer that does not trust that root says so: a trust warning (exit 3), not damage.
    untrusting = run_cli(["verify", str(vault)], cli_env(tmp_path))
    assert untrusting.returncode == 3, untrusting.stdout
    assert untrusting.stdout.startswith("Vault intact: 3 items")
    assert untrusting.stdout.count("is not one this computer trusts, and you have not added it") == 1


def test_broken_settings_postpone_but_do_not_fail(tmp_path: Path, vault: Path) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    env = cli_env(tmp_path, EVIDENCE_KIT_SETTINGS=str(tmp_path / "broken.json"))
    (tmp_path / "d.txt").write_text("voice message transcript", encoding="utf-8")
    added = run_cli(["add", str(vault), str(tmp_path / "d.txt")], env)
    assert added.returncode == 0
    assert (
        "Time-stamping postponed, will retry later: "
        f"The settings file {tmp_path / 'broken.json'} cannot be used: it is not valid JSON"
        in added.stderr.splitlines()
    )
