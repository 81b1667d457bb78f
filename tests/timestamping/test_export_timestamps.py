"""Trusted times travel into the dossier: the PDF names the TSA, the package holds the tokens,
VERIFY.txt's `openssl ts -verify` commands pass, and `verify-package` checks them.

Items are stamped through the real HTTP path by the local OpenSSL TSA; a second batch stays
unstamped, so the dossier must say "not timestamped" for it.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

from evidence_kit.dossier.export import export_dossier
from evidence_kit.importers.batch import add_paths
from evidence_kit.vault import Vault
from evidence_kit.verify.package import verify_package
from tests.dossier import pdf_tools
from tests.timestamping.conftest import TsaFactory
from tests.vault.conftest import FAST, PASSPHRASE


def test_stamped_export(tmp_path: Path, tsa_config: TsaFactory) -> None:
    tsa = tsa_config("tsa")
    source = tmp_path / "in"
    source.mkdir()
    for index in range(3):
        (source / f"stamped {index}.txt").write_text(f"evidence {index}\n")
    later = tmp_path / "later.txt"
    later.write_text("added after the stamps\n")
    vault, _code = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST)
    with vault:
        list(add_paths(vault, [source]))
        report = vault.stamp_pending([tsa])
        assert len(report.items) == 3 and report.ok
        list(add_paths(vault, [later]))
        result = export_dossier(vault, tmp_path / "dossier", lang="en")
    root = result.folder
    tokens = sorted((root / "timestamps").glob("*.tsr"))
    assert tokens, "the package must hold the .tsr tokens"
    verify_txt = (root / "VERIFY.txt").read_text(encoding="utf-8")
    commands = [
        line.strip() for line in verify_txt.splitlines() if line.strip().startswith("openssl ts -verify")
    ]
    assert len(commands) >= len(tokens)
    for command in commands:
        run = subprocess.run(shlex.split(command), cwd=root, capture_output=True, text=True)
        assert run.returncode == 0 and "Verification: OK" in run.stdout, (command, run.stdout, run.stderr)
    assert verify_package(root).ok
    text = pdf_tools.normalise(pdf_tools.pdftotext(root / "dossier.pdf"))
    assert text.count("Trusted timestamp not timestamped by a time-stamp authority") == 1  # the later item
    stamped = re.findall(
        r"Trusted timestamp (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC by (.+?) (?:Note|Item|Appendix|$)", text
    )
    assert len(stamped) == 3, text
    assert all(tsa_name.startswith(report.tokens[0].tsa_name) for _time, tsa_name in stamped), stamped
