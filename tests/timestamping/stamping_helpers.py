"""Shared data and helpers of the vault time-stamping tests (fictional contents, a local TSA)."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from sqlalchemy import text

from evidence_kit.vault import Vault

TSA_NAME = "CN=Evidence Kit Test TSA,O=Evidence Kit tests,C=NL"
CONTENTS = (
    b"Screenshot: message from +31 6 00000000 to Anna de Vries",
    b"E-mail from noreply@example.com, 3 March",
    b"Chat export with Bram Jansen",
)



def add_files(vault: Vault, folder: Path, contents: tuple[bytes, ...] = CONTENTS) -> list[Path]:
    paths = []
    for index, data in enumerate(contents):
        path = folder / f"evidence-{len(vault.items()) + 1}-{index}.txt"
        path.write_bytes(data)
        vault.add_file(path)
        paths.append(path)
    return paths


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp_events(vault: Vault) -> list[dict[str, str]]:
    return [dict(e.data) for e in vault.custody_log() if e.event_type == "timestamp_obtained"]


def openssl_ok(command: list[str], cwd: Path) -> bool:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=30, check=False)
    assert ("Verification: OK" in done.stdout) == (done.returncode == 0), done.stdout + done.stderr
    return done.returncode == 0


def root_by_hand(item_sha256_hex: str, steps: tuple[str, ...]) -> str:
    """docs/timestamps.md's recipe, written out again without the package's Merkle code."""
    node = hashlib.sha256(b"\x00" + bytes.fromhex(item_sha256_hex)).digest()
    for step in steps:
        side, sibling_hex = step.split(":")
        sibling = bytes.fromhex(sibling_hex)
        node = hashlib.sha256(b"\x01" + (sibling + node if side == "left" else node + sibling)).digest()
    return node.hex()


def head_by_hand(vault: Vault, up_to: int) -> str:
    """docs/verification.md's chain, recomputed from the stored bodies up to event `up_to`."""
    with vault._require_engine().connect() as conn:
        bodies = conn.execute(
            text("SELECT body FROM custody_events WHERE seq <= :n ORDER BY seq"), {"n": up_to}
        ).scalars()
        head = bytes(32)
        for body in bodies:
            head = hashlib.sha256(head + body.encode("utf-8")).digest()
    return head.hex()
