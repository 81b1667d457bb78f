"""The `evidence-kit` command end to end: every error is one clear sentence, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from evidence_kit.vault import DB_FILE, Vault
from tests.helpers import PASSPHRASE, cli_env, run_cli


def _assert_one_sentence(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path)


@pytest.fixture
def vault(tmp_path: Path, env: dict[str, str]) -> Path:
    path = tmp_path / "case.ekvault"
    result = run_cli(["init", str(path), "--insecure-fast-kdf", "--title", "CLI test"], env, check=True)
    assert "Recovery code" in result.stdout
    assert "--insecure-fast-kdf" in result.stderr  # the warning
    return path


def test_init_add_list_log_verify(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    folder = tmp_path / "in" / "sub"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("alpha")
    (tmp_path / "in" / "b.txt").write_text("beta")
    added = run_cli(["add", str(vault), str(tmp_path / "in"), "--note", "from the phone"], env, check=True)
    lines = added.stdout.strip().splitlines()
    assert [line.split("\t")[1] for line in lines] == [_sha("beta"), _sha("alpha")]
    items = json.loads(run_cli(["list", str(vault), "--json"], env, check=True).stdout)
    assert [(i["id"], i["original_name"], i["note"]) for i in items] == [
        (1, "b.txt", "from the phone"),
        (2, "a.txt", "from the phone"),
    ]
    log = json.loads(run_cli(["log", str(vault), "--json"], env, check=True).stdout)
    assert [e["type"] for e in log] == ["vault_created", "item_added", "item_added"]
    assert log[1]["data"]["sha256"] == _sha("beta")
    verify = run_cli(["verify", str(vault)], env)
    assert verify.returncode == 0 and "Vault intact: 2 items" in verify.stdout


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_unreadable_file_is_reported_and_the_rest_go_in(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("good")
    result = run_cli(["add", str(vault), str(tmp_path / "missing.txt"), str(good)], env)
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.count("\t") == 2  # one item line
    items = json.loads(run_cli(["list", str(vault), "--json"], env, check=True).stdout)
    assert [i["original_name"] for i in items] == ["good.txt"]


def test_wrong_passphrase(env: dict[str, str], vault: Path) -> None:
    result = run_cli(["list", str(vault)], {**env, "EVIDENCE_KIT_PASSPHRASE": "wrong one"})
    assert result.returncode == 2
    _assert_one_sentence(result.stderr)
    assert "passphrase is not correct" in result.stderr


def test_not_a_vault(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_cli(["list", str(tmp_path)], env)
    assert result.returncode == 2
    _assert_one_sentence(result.stderr)
    assert "is not an Evidence Kit vault" in result.stderr


def test_vault_in_use_by_another_process(env: dict[str, str], vault: Path) -> None:
    with Vault.open(vault, PASSPHRASE):
        result = run_cli(["list", str(vault)], env)
    assert result.returncode == 2
    _assert_one_sentence(result.stderr)
    assert "is open elsewhere" in result.stderr
    assert run_cli(["list", str(vault)], env).returncode == 0


def test_damaged_vault(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    damaged = tmp_path / "damaged.ekvault"
    shutil.copytree(vault, damaged)
    data = bytearray((damaged / DB_FILE).read_bytes())
    data[100] ^= 0xFF  # page 1: the database cannot even be opened
    (damaged / DB_FILE).write_bytes(bytes(data))
    result = run_cli(["list", str(damaged)], env)
    assert result.returncode == 2
    _assert_one_sentence(result.stderr)
    assert "is damaged" in result.stderr


def test_verify_exit_code_and_report_on_damage(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    run_cli(["add", str(vault), str(big)], env, check=True)
    data = bytearray((vault / DB_FILE).read_bytes())
    data[len(data) // 2] ^= 0x10
    (vault / DB_FILE).write_bytes(bytes(data))
    result = run_cli(["verify", str(vault)], env)
    assert result.returncode == 1
    assert "Vault NOT intact" in result.stdout and "Item 1 (big.bin)" in result.stdout
    assert "Traceback" not in result.stderr


def test_extract_refuses_to_overwrite(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text("x")
    run_cli(["add", str(vault), str(source)], env, check=True)
    result = run_cli(["extract", str(vault), "1", str(source)], env)
    assert result.returncode == 2
    _assert_one_sentence(result.stderr)
    assert "already exists" in result.stderr
    result = run_cli(["extract", str(vault), "7", str(tmp_path / "y")], env)
    assert result.returncode == 2 and "There is no item 7" in result.stderr


def test_passwd_and_recover_from_files(tmp_path: Path, env: dict[str, str]) -> None:
    path = tmp_path / "r.ekvault"
    out = run_cli(["init", str(path), "--insecure-fast-kdf"], env, check=True).stdout
    code = out.splitlines()[2].strip()
    new = tmp_path / "new.txt"
    new.write_text("second passphrase\n")
    run_cli(["passwd", str(path), "--new-passphrase-file", str(new)], env, check=True)
    assert run_cli(["list", str(path)], env).returncode == 2
    assert (
        run_cli(["list", str(path)], {**env, "EVIDENCE_KIT_PASSPHRASE": "second passphrase"}).returncode == 0
    )
    code_file = tmp_path / "code.txt"
    code_file.write_text(code.lower() + "\n")
    run_cli(
        ["recover", str(path), "--recovery-code-file", str(code_file)],
        {**env, "EVIDENCE_KIT_NEW_PASSPHRASE": "third passphrase"},
        check=True,
    )
    result = run_cli(["verify", str(path)], {**env, "EVIDENCE_KIT_PASSPHRASE": "third passphrase"})
    assert result.returncode == 0
    bad = run_cli(
        ["recover", str(path)],
        {
            **env,
            "EVIDENCE_KIT_RECOVERY_CODE": "0000-0000",
            "EVIDENCE_KIT_NEW_PASSPHRASE": "fourth passphrase",
        },
    )
    assert bad.returncode == 2 and "recovery code is not correct" in bad.stderr


def test_no_passphrase_without_a_terminal(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    env = {k: v for k, v in env.items() if k != "EVIDENCE_KIT_PASSPHRASE"}
    result = run_cli(["list", str(vault)], env)
    assert result.returncode == 2
    _assert_one_sentence(result.stderr)
    assert "No passphrase given" in result.stderr


def test_messages_in_dutch(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    result = run_cli(["--lang", "nl", "list", str(vault)], {**env, "EVIDENCE_KIT_PASSPHRASE": "fout fout"})
    assert result.returncode == 2
    assert result.stderr.strip() == "De wachtzin is niet juist voor deze kluis."


def test_demo_runs(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_cli(["demo"], env)
    assert result.returncode == 0, result.stderr
    assert "Vault intact: 5 items" in result.stdout
    assert "Screenshot 2026-10-03 at 23.41.png" in result.stdout


def test_a_reader_that_stops_reading_does_not_stop_the_command() -> None:
    """`evidence-kit ... | head`: output into a closed pipe is dropped, the work goes on, no error."""
    import subprocess
    import sys as _sys

    script = (
        "import sys\n"
        "from evidence_kit.cli.common import out\n"
        "for n in range(20000):\n"
        "    out(f'line {n} ' + 'x' * 60)\n"
        "print('finished', file=sys.stderr)\n"
    )
    process = subprocess.Popen(
        [_sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"line 0 ")
    process.stdout.close()  # what `head -1` does
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert errors.strip() == "finished"  # the loop ran to its end; no "Broken pipe", no traceback
