"""The key commands through the real `evidence-kit`: `passwd --rotate-key`, `recovery-code`,
`leftovers`, and a malformed or hostile keys.json, a full disk: one clear sentence, never a
traceback, never a hang, and the vault still opens with the passphrase it had."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from evidence_kit.cli import main
from evidence_kit.hashing import canonical_json, sha256_hex
from evidence_kit.storage.key_change import PENDING_KEYS, ROTATING_DB, ROTATING_KEYS
from tests.helpers import cli_env, run_cli

SECOND = "second passphrase, fictional"
THIRD = "third passphrase, fictional"
CONTENTS = {"threat.txt": b"You will regret this (fictional)\n", "photo.bin": os.urandom(200_000)}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One vault with two items, made once through the CLI; each test works on its own copy."""
    tmp_path = tmp_path_factory.mktemp("made")
    env = cli_env(tmp_path)
    path = tmp_path / "case.ekvault"
    out = run_cli(["init", str(path), "--insecure-fast-kdf"], env, check=True).stdout
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, content in CONTENTS.items():
        (sources / name).write_bytes(content)
    run_cli(["add", str(path), str(sources)], env, check=True)
    (path / "vault.lock").unlink(missing_ok=True)
    return path, _code_in(out)


@pytest.fixture
def vault(tmp_path: Path, made: tuple[Path, str]) -> tuple[Path, str]:
    path = tmp_path / "case.ekvault"
    shutil.copytree(made[0], path)
    return path, made[1]


def _code_in(stdout: str) -> str:
    lines = stdout.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("Recovery code"))
    return lines[index + 1].strip()


def _as(env: dict[str, str], passphrase: str, **extra: str) -> dict[str, str]:
    return {**env, "EVIDENCE_KIT_PASSPHRASE": passphrase, **extra}


def _one_sentence(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def _recover(path: Path, env: dict[str, str], code: str, new: str) -> Any:
    return run_cli(
        ["recover", str(path)],
        {**env, "EVIDENCE_KIT_RECOVERY_CODE": code, "EVIDENCE_KIT_NEW_PASSPHRASE": new},
    )


def test_rotate_key_makes_old_key_files_and_the_old_code_useless(
    tmp_path: Path, env: dict[str, str], vault: tuple[Path, str]
) -> None:
    path, old_code = vault
    old_copy = (path / "keys.json").read_bytes()
    rotated = run_cli(["passwd", str(path), "--rotate-key"], {**env, "EVIDENCE_KIT_NEW_PASSPHRASE": SECOND})
    assert rotated.returncode == 0, rotated.stderr
    assert "Re-encrypting: 100%" in rotated.stderr
    assert "Old copies of keys.json and the old recovery code no longer open it" in rotated.stdout
    new_code = _code_in(rotated.stdout)
    assert new_code != old_code
    assert sorted(p.name for p in path.iterdir()) == ["README.txt", "keys.json", "vault.db", "vault.lock"]

    # the old passphrase, the old code: refused
    assert run_cli(["list", str(path)], env).returncode == 2
    assert _recover(path, env, old_code, THIRD).returncode == 2
    # an old copy of keys.json with the old passphrase: refused, in words that say why
    current = (path / "keys.json").read_bytes()
    (path / "keys.json").write_bytes(old_copy)
    refused = run_cli(["list", str(path)], env)
    assert refused.returncode == 2
    assert "old copy of keys.json" in _one_sentence(refused.stderr)
    (path / "keys.json").write_bytes(current)

    # the new passphrase: the originals byte-exact, verify passes, the event is logged
    for item in json.loads(run_cli(["list", str(path), "--json"], _as(env, SECOND), check=True).stdout):
        out = tmp_path / f"out-{item['id']}"
        run_cli(["extract", str(path), str(item["id"]), str(out)], _as(env, SECOND), check=True)
        assert out.read_bytes() == CONTENTS[item["original_name"]]
    assert run_cli(["verify", str(path)], _as(env, SECOND)).returncode == 0
    log = json.loads(run_cli(["log", str(path), "--json"], _as(env, SECOND), check=True).stdout)
    rotated_event = next(e for e in log if e["type"] == "key_rotated")
    assert rotated_event["data"]["key_file_sha256"] == hashlib.sha256(current).hexdigest()
    assert SECOND not in json.dumps(log) and new_code not in json.dumps(log)
    # the new code works
    assert _recover(path, env, new_code, THIRD).returncode == 0
    assert run_cli(["verify", str(path)], _as(env, THIRD)).returncode == 0


def test_plain_passwd_says_an_old_key_file_still_opens_and_it_does(
    env: dict[str, str], vault: tuple[Path, str]
) -> None:
    path, _code = vault
    old_copy = (path / "keys.json").read_bytes()
    changed = run_cli(["passwd", str(path)], {**env, "EVIDENCE_KIT_NEW_PASSPHRASE": SECOND}, check=True)
    assert "an old copy of keys.json still opens the vault with the old passphrase" in changed.stdout
    assert run_cli(["list", str(path)], env).returncode == 2
    (path / "keys.json").write_bytes(old_copy)
    assert run_cli(["list", str(path)], env).returncode == 0  # exactly what the message warned of


def test_recovery_code_replaces_the_code(
    tmp_path: Path, env: dict[str, str], vault: tuple[Path, str]
) -> None:
    path, old_code = vault
    old_copy = (path / "keys.json").read_bytes()
    made = run_cli(["recovery-code", str(path)], env, check=True)
    new_code = _code_in(made.stdout)
    assert "An old copy of keys.json still opens the vault with the old code" in made.stdout
    assert _recover(path, env, old_code, SECOND).returncode == 2
    log = json.loads(run_cli(["log", str(path), "--json"], env, check=True).stdout)
    assert log[-1]["type"] == "recovery_code_reissued" and new_code not in json.dumps(log)
    assert _recover(path, env, new_code, SECOND).returncode == 0
    assert run_cli(["verify", str(path)], _as(env, SECOND)).returncode == 0
    nl = run_cli(["--lang", "nl", "recovery-code", "--help"], env, check=True).stdout
    assert "herstelcode" in nl
    del old_copy


def _rewrite(path: Path, change: Any) -> None:
    """Edit keys.json as a person could: change it, then recompute its checksum."""
    document = json.loads((path / "keys.json").read_text())
    document.pop("checksum")
    change(document)
    document["checksum"] = sha256_hex(canonical_json(document))
    (path / "keys.json").write_text(json.dumps(document))


def _slot(document: dict[str, Any]) -> dict[str, Any]:
    slot: dict[str, Any] = document["slots"][0]
    return slot


HOSTILE: dict[str, Any] = {
    "iterations 2^31": lambda d: _slot(d)["kdf"].update(iterations=2**31),
    "memory 4 TiB": lambda d: _slot(d)["kdf"].update(memory_kib=4 * 1024**3),
    "lanes 0": lambda d: _slot(d)["kdf"].update(lanes=0),
    "iterations as text": lambda d: _slot(d)["kdf"].update(iterations="3"),
    "iterations true": lambda d: _slot(d)["kdf"].update(iterations=True),
    "salt missing": lambda d: _slot(d).pop("salt"),
    "salt too short": lambda d: _slot(d).update(salt="AAAA"),
    "nonce not base64": lambda d: _slot(d).update(nonce="not base64!"),
    "slots an object": lambda d: d.update(slots={"a": 1}),
    "slot a number": lambda d: d.update(slots=[7]),
    "no database": lambda d: d.pop("database"),
    "page size absurd": lambda d: d["database"].update(page_size=3),
    "vault id a list": lambda d: d.update(vault_id=[1]),
    "version text": lambda d: d.update(version="1"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_or_malformed_key_file_is_refused_at_once(
    env: dict[str, str], vault: tuple[Path, str], name: str
) -> None:
    path, _code = vault
    _rewrite(path, HOSTILE[name])
    for command in (["list", str(path)], ["passwd", str(path)]):
        # a timeout, not a timed assertion: 2^31 Argon2id passes would run for days
        result = run_cli(command, {**env, "EVIDENCE_KIT_NEW_PASSPHRASE": SECOND}, timeout=60)
        assert result.returncode == 2
        sentence = _one_sentence(result.stderr)
        assert str(path / "keys.json") in sentence
    dutch = run_cli(["--lang", "nl", "list", str(path)], env, timeout=60)
    assert "sleutelbestand" in _one_sentence(dutch.stderr)


def test_a_truncated_key_file_is_refused(
    tmp_path: Path, env: dict[str, str], vault: tuple[Path, str]
) -> None:
    path, code = vault
    data = (path / "keys.json").read_bytes()
    (path / "keys.json").write_bytes(data[: len(data) // 2])
    for result in (run_cli(["list", str(path)], env), _recover(path, env, code, SECOND)):
        assert result.returncode == 2
        assert "keys.json" in _one_sentence(result.stderr)


def _run_main(args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> int:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as exited:
        main(args)
    return int(exited.value.code or 0)


class _FullDisk:
    """A file handle on a full disk: every write fails with ENOSPC."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._handle.close()

    def write(self, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        self._handle.flush()

    def fileno(self) -> int:
        return int(self._handle.fileno())


@pytest.mark.parametrize("rotate", [False, True])
def test_a_full_disk_during_passwd_changes_nothing(
    env: dict[str, str],
    vault: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    rotate: bool,
) -> None:
    path, code = vault
    keys_before = (path / "keys.json").read_bytes()
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k)))
    args = ["passwd", str(path), *(["--rotate-key"] if rotate else [])]
    assert _run_main(args, {**env, "EVIDENCE_KIT_NEW_PASSPHRASE": SECOND}, monkeypatch) == 2
    # Progress lines come first, as many as the copy got through before the disk was "full".
    errors = re.sub(r"Re-encrypting: \d+%\n", "", capsys.readouterr().err)
    sentence = _one_sentence(errors)
    assert sentence.startswith("The disk is full while writing") and str(path) in sentence
    monkeypatch.undo()
    assert (path / "keys.json").read_bytes() == keys_before
    leftover = {PENDING_KEYS, ROTATING_DB, ROTATING_KEYS} & {p.name for p in path.iterdir()}
    assert not leftover and not [p for p in path.iterdir() if ".tmp" in p.name]
    log = json.loads(run_cli(["log", str(path), "--json"], env, check=True).stdout)  # the old passphrase
    assert [e["type"] for e in log][-1] == "item_added"
    assert run_cli(["verify", str(path)], env).returncode == 0
    assert _recover(path, env, code, SECOND).returncode == 0


def test_left_over_partial_files_are_reported_and_removed(
    tmp_path: Path, env: dict[str, str], vault: tuple[Path, str]
) -> None:
    path, _code = vault
    partial = path / ".keys.json.tmp-0f1e2d3c4b5a69788796a5b4c3d2e1f0"
    partial.write_bytes(b'{"format": "evidence-kit-keys", "slo')
    mine = path / ".my-notes.tmp"  # not ours: never named, never removed
    mine.write_text("fictional")
    listed = run_cli(["list", str(path)], env)
    assert listed.returncode == 0
    assert f"Left-over partial file: {partial}" in listed.stderr
    assert f"evidence-kit leftovers --remove {path}" in listed.stderr
    assert str(mine) not in listed.stderr
    dutch = run_cli(["--lang", "nl", "list", str(path)], env)
    assert "Achtergebleven half geschreven bestand" in dutch.stderr
    assert (
        run_cli(["leftovers", str(path)], env, check=True).stdout.strip()
        == f"Left-over partial file: {partial}"
    )
    assert partial.exists()
    run_cli(["leftovers", str(path), "--remove"], env, check=True)
    assert not partial.exists() and mine.exists()
    assert "Left-over" not in run_cli(["list", str(path)], env, check=True).stderr
    assert run_cli(["leftovers", str(path)], env, check=True).stdout.strip() == "No left-over partial files."
    shutil.rmtree(path)
