"""A fault at any step after storing never costs the original: every importer, every step.

For each kind of file the program reads, one function of one step is replaced by one that
raises (a bug, memory running out, nesting too deep), and the real `evidence-kit add` runs in
its own process (`inject_fault.py`). Each run must end the same way: the original is in the
vault byte-exact as a plain file, the report says which file and which step failed in one
calm sentence without the error's own text, the rest of the batch is in, nothing printed a
traceback, the log shows the original stored before anything was read, and `verify` passes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.functional.fixtures import screenshot, whatsapp_zip
from tests.helpers import run_cli
from tests.hostile.conftest import assert_verify_passes, items, original
from tests.hostile.inject_fault import SECRET_MARKER

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"


def _copy(relative: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        source = FIXTURES / relative
        target = folder / source.name
        shutil.copyfile(source, target)
        return target

    return make


def _whatsapp_zip(folder: Path) -> Path:
    return whatsapp_zip(folder / "WhatsApp Chat with Mark Fictief.zip")[0]


def _png(folder: Path) -> Path:
    return screenshot(folder / "screenshot.png", "#ffeeaa")


def _web_page(folder: Path) -> Path:
    page = folder / "profile.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Fictional profile</title>"
        '<link rel="canonical" href="https://example.org/u/fictief"></head>'
        "<body><p>A fictional page.</p></body></html>",
        encoding="utf-8",
    )
    return page


def _signal(folder: Path) -> Path:
    chat = folder / "Anna de Vries"
    chat.mkdir()
    shutil.copyfile(FIXTURES / "signal" / "Anna de Vries" / "chat.md", chat / "chat.md")
    return chat / "chat.md"


READ = "reading its messages"
ATTACHED = "reading its attached files"
STORING = "storing what was read"
PICTURE = "reading the picture"
PAGE = "reading the web page"
KIND = "recognising what kind of file it is"
READING = "evidence_kit.importers.reading"

# (case id, how to make the file, function replaced, error kind, step named in the report)
CASES: list[tuple[str, Callable[[Path], Path], str, str, str]] = [
    ("whatsapp-parse", _copy("whatsapp/WhatsApp Chat with Anna de Vries.txt"),
     "evidence_kit.importers.whatsapp:read_stream", "runtime", READ),
    ("whatsapp-out-of-memory", _copy("whatsapp/WhatsApp Chat with Anna de Vries.txt"),
     "evidence_kit.importers.whatsapp:read_stream", "memory", "not read as whatsapp"),
    # The messages are read while they are stored: a fault half-way rolls that step back whole.
    ("whatsapp-mid-stream", _copy("whatsapp/WhatsApp Chat with Anna de Vries.txt"),
     "evidence_kit.importers.whatsapp.stream:_messages", "runtime", READ),
    ("whatsapp-recognise", _copy("whatsapp/WhatsApp Chat with Anna de Vries.txt"),
     "evidence_kit.importers.registry:recognise", "runtime", KIND),
    ("whatsapp-serialise", _copy("whatsapp/WhatsApp Chat with Anna de Vries.txt"),
     "evidence_kit.importers.reading:conversation_records", "runtime", STORING),
    ("whatsapp-zip-attachments", _whatsapp_zip, f"{READING}:detect", "runtime", ATTACHED),
    ("whatsapp-zip-record", _whatsapp_zip, f"{READING}:links_by_name", "runtime", STORING),
    ("telegram-parse", _copy("telegram/single/result.json"),
     "evidence_kit.importers.telegram:read_export", "runtime", READ),
    ("instagram-parse", _copy("meta/e2ee/annadevries_10.json"),
     "evidence_kit.importers.meta:read_export", "recursion", "nested too deeply"),
    ("sms-parse", _copy("sms/sms-traps.xml"), "evidence_kit.importers.sms:read_stream", "runtime", READ),
    ("email-parse", _copy("email/evidence.eml"), "evidence_kit.importers.email:read_stream", "runtime", READ),
    ("email-attachments", _copy("email/evidence.eml"), f"{READING}:detect", "runtime", ATTACHED),
    ("mbox-parse", _copy("email/mailbox.mbox"), "evidence_kit.importers.email:read_stream", "runtime", READ),
    ("discord-parse", _copy("discord/dm.json"), "evidence_kit.importers.discord:read", "runtime", READ),
    ("signal-parse", _signal, "evidence_kit.importers.signal_export:read", "runtime", READ),
    ("image-analysis", _png, "evidence_kit.importers.reading:analyse_image", "runtime", PICTURE),
    ("image-record", _png, "evidence_kit.storage.item_parsing:seal_of", "runtime", STORING),
    ("web-page", _web_page, "evidence_kit.importers.reading:describe_file", "runtime", PAGE),
]


def _add_with_fault(
    vault: Path, paths: list[Path], env: dict[str, str], target: str, kind: str
) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "tests.hostile.inject_fault", target, kind, "--", "add", str(vault)]
    args += [str(p) for p in paths]
    repo = Path(__file__).resolve().parents[2]
    return subprocess.run(
        args, env={**env, "PYTHONPATH": str(repo)}, capture_output=True, text=True, timeout=120, cwd=repo
    )


@pytest.mark.parametrize(
    ("make", "target", "kind", "step"),
    [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_fault_after_storing_leaves_the_original_as_a_plain_file(
    tmp_path: Path,
    env: dict[str, str],
    vault: Path,
    make: Callable[[Path], Path],
    target: str,
    kind: str,
    step: str,
) -> None:
    source_dir = tmp_path / "files"
    source_dir.mkdir()
    hostile = make(source_dir)
    other = source_dir / "aaa-other-file.txt"
    other.write_bytes(b"the rest of the batch, fictional\n")

    result = _add_with_fault(vault, [hostile, other], env, target, kind)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    assert SECRET_MARKER not in output  # an unexpected error's own text may quote the evidence
    lines = [line for line in result.stderr.splitlines() if hostile.name in line and "plain file" in line]
    assert lines, output
    assert step in lines[0], output
    listed = items(vault, env)
    stored = next(i for i in listed if i["original_name"] == hostile.name)
    assert stored["kind"] == "file"
    assert stored["sha256"] == hashlib.sha256(hostile.read_bytes()).hexdigest()
    assert original(vault, stored["id"], env, tmp_path / "out.bin") == hostile.read_bytes()
    assert not [i for i in listed if i.get("parent_id") == stored["id"]]  # no half-stored attachments
    rest = next(i for i in listed if i["original_name"] == other.name)
    assert original(vault, rest["id"], env, tmp_path / "rest.txt") == other.read_bytes()
    log = json.loads(run_cli(["log", str(vault), "--json"], env, check=True).stdout)
    types = [e["type"] for e in log if e.get("item_id") == stored["id"]]
    assert types[0] == "item_added", types
    assert_verify_passes(vault, env)


def test_without_a_fault_the_same_files_are_read(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    """The control: the cases above fail because of the fault, not because the files are unreadable."""
    source_dir = tmp_path / "files"
    source_dir.mkdir()
    made = {case_id: make(source_dir / case_id) for case_id, make, *_rest in _distinct(source_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "evidence_kit.cli", "add", str(vault), *map(str, made.values())],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "plain file" not in result.stderr, result.stderr
    kinds = {i["original_name"]: i["kind"] for i in items(vault, env)}
    for path in made.values():
        assert kinds[path.name] != "file" or path.suffix == ".html", (path.name, kinds)
    log = json.loads(run_cli(["log", str(vault), "--json"], env, check=True).stdout)
    assert any(e["type"] == "item_parsed" for e in log)


def _distinct(root: Path) -> list[tuple[str, Callable[[Path], Path]]]:
    seen: dict[Callable[[Path], Path], str] = {}
    for case_id, make, *_rest in CASES:
        if not any(make is known for known in seen):
            seen[make] = case_id
    out = []
    for make, case_id in seen.items():
        (root / case_id).mkdir()
        out.append((case_id, make))
    return out
