"""Import → export → check with the tools a sceptical officer has (qpdf, poppler, sha256sum, openssl).

A vault with screenshots, a photo, a WhatsApp chat, an e-mail and a withheld image, with
`uncommon_text` in the notes and in the chat, is exported through the real CLI; then the
package is checked with external tools, and tampering with it is caught by `verify-package`.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_kit.dossier.pdf_text import displayed_text, has_rtl
from evidence_kit.importers.batch import add_paths
from evidence_kit.vault import Vault
from tests.dossier import pdf_tools
from tests.functional.fixtures import email_with_attachment, photo_with_exif, screenshot, whatsapp_zip
from tests.helpers import cli_env, run_cli
from tests.vault.conftest import FAST, PASSPHRASE

WITHHELD_SIZE = (777, 555)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from tests.conftest import UNCOMMON_TEXT

    tmp = tmp_path_factory.mktemp("export")
    source = tmp / "evidence"
    source.mkdir()
    screenshot(source / "screenshot one.png", "#ffeedd")
    photo_with_exif(source / "photo.jpg")
    whatsapp_zip(
        source / "WhatsApp Chat with Mark.zip",
        extra_lines=[line.replace("\n", " ") for line in UNCOMMON_TEXT if "\n" not in line],
    )
    email_with_attachment(source / "threat.eml")
    screenshot(source / "intimate.png", "#d0a090", WITHHELD_SIZE)
    vault_path = tmp / "case.ekvault"
    vault, _code = Vault.create(vault_path, PASSPHRASE, case_title="Fictional case", kdf=FAST)
    with vault:
        results = list(add_paths(vault, [source]))
        assert all(r.error is None for r in results)
        ids = {item.original_name: item.id for item in vault.items()}
        vault.set_note(ids["photo.jpg"], "\n".join(UNCOMMON_TEXT))
        items = vault.items()
    env = cli_env(tmp)
    out = tmp / "dossier"
    result = run_cli(
        [
            "export",
            str(vault_path),
            str(out),
            "--lang",
            "en",
            "--withhold",
            str(ids["intimate.png"]),
            "--compiler",
            "Support worker (fictional)",
            "--zip",
        ],
        env,
    )
    assert result.returncode == 0, result.stderr
    assert "--include-withheld" in result.stdout  # the CLI says the withheld original was left out
    dossier_id = re.search(r"Dossier (EK-\d{8}-[0-9A-Z]{6})", result.stdout)
    assert dossier_id is not None, result.stdout
    return {
        "out": out,
        "items": items,
        "ids": ids,
        "dossier_id": dossier_id.group(1),
        "env": env,
        "vault": vault_path,
        "zip": tmp / "dossier.zip",
        "withheld_png": (source / "intimate.png").read_bytes(),
    }


def test_package_files(exported: dict[str, object]) -> None:
    out = exported["out"]
    assert isinstance(out, Path)
    assert sorted(p.name for p in out.iterdir()) == [
        "SHA256SUMS",
        "VERIFY.txt",
        "custody_log.jsonl",
        "dossier.pdf",
        "manifest.json",
        "manifest.sig",
        "originals",
        "public_key.pem",
    ]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["dossier_id"] == exported["dossier_id"]
    assert "dossier.pdf" not in json.dumps(manifest["items"])
    # The originals but the withheld one, and the checksum list for `sha256sum -c` inside originals/.
    assert len(list((out / "originals").iterdir())) == len(exported["items"])  # type: ignore[arg-type]
    assert Path(str(exported["zip"])).is_file()


def test_qpdf_pdffonts_pdfsig(exported: dict[str, object]) -> None:
    pdf = Path(str(exported["out"])) / "dossier.pdf"
    assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0
    fonts = pdf_tools.fonts(pdf)
    assert fonts and all(embedded == "yes" for _name, embedded in fonts), fonts
    sig = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True)
    assert "Signature is Valid." in sig.stdout, sig.stdout
    assert "Total document signed" in sig.stdout


def test_pdf_text_holds_hashes_id_and_uncommon_text(
    exported: dict[str, object], uncommon_text: tuple[str, ...]
) -> None:
    pdf = Path(str(exported["out"])) / "dossier.pdf"
    raw = pdf_tools.pdftotext(pdf)
    for item in exported["items"]:  # type: ignore[attr-defined]
        assert item.sha256 in raw, item.original_name
    assert str(exported["dossier_id"]) in raw
    body = pdf_tools.normalise(pdf_tools.pdftotext(pdf, body_only=True))
    for line in uncommon_text:
        shown = pdf_tools.normalise(displayed_text(line))
        if has_rtl(line):
            assert all(word in body for word in re.findall(r"\w+", shown)), line
        else:
            assert shown in body, line


def test_sha256sum_and_openssl(exported: dict[str, object]) -> None:
    out = Path(str(exported["out"]))
    for folder in (out, out / "originals"):  # from the package folder, and inside originals/
        check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        # Every original but the withheld one, which is left out of the package by default.
        assert check.stdout.count(": OK") == len(exported["items"]) - 1  # type: ignore[arg-type]
    signature = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "public_key.pem",
            "-rawin",
            "-in",
            "manifest.json",
            "-sigfile",
            "manifest.sig",
        ],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert "Signature Verified Successfully" in signature.stdout, signature.stdout + signature.stderr
    # VERIFY.txt's custody-log command, exactly as printed, prints the head the manifest records.
    command = next(
        line.strip()
        for line in (out / "VERIFY.txt").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("python3 -c")
    )
    argv = shlex.split(command)
    walked = subprocess.run([sys.executable, *argv[1:]], cwd=out, capture_output=True, text=True)
    head = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["custody_log_head"]
    assert walked.stdout.strip() == head, walked.stdout + walked.stderr


def test_verify_package_passes_for_folder_and_zip(exported: dict[str, object]) -> None:
    env = exported["env"]
    assert isinstance(env, dict)
    for target in (exported["out"], exported["zip"]):
        result = run_cli(["verify-package", str(target)], env)
        assert result.returncode == 0, result.stdout


def test_withheld_pixels_are_nowhere_in_the_pdf(exported: dict[str, object], tmp_path: Path) -> None:
    pdf = Path(str(exported["out"])) / "dossier.pdf"
    assert WITHHELD_SIZE not in pdf_tools.image_sizes(pdf)
    thumbnail_sizes = {(w, h) for w, h in pdf_tools.image_sizes(pdf)}
    assert (512, 365) not in thumbnail_sizes  # the withheld image's thumbnail size (777x555 scaled to 512)
    decoded = pdf_tools.decoded_bytes(pdf, tmp_path)
    assert bytes(exported["withheld_png"]) not in decoded  # type: ignore[arg-type]
    # The withheld original is left out of the package (the default); the manifest keeps its hash.
    withheld = hashlib.sha256(bytes(exported["withheld_png"])).hexdigest()  # type: ignore[arg-type]
    assert withheld not in (Path(str(exported["out"])) / "SHA256SUMS").read_text()
    manifest = json.loads((Path(str(exported["out"])) / "manifest.json").read_text(encoding="utf-8"))
    entry = next(item for item in manifest["items"] if item["sha256"] == withheld)
    assert entry["original_in_package"] is False and entry["withheld_reason"]


def test_export_is_a_custody_event(exported: dict[str, object]) -> None:
    env = exported["env"]
    assert isinstance(env, dict)
    log = json.loads(run_cli(["log", str(exported["vault"]), "--json"], env, check=True).stdout)
    event = [e for e in log if e["type"] == "exported"][-1]
    assert event["data"]["dossier"] == exported["dossier_id"]
    manifest = (Path(str(exported["out"])) / "manifest.json").read_bytes()
    assert event["data"]["manifest_sha256"] == hashlib.sha256(manifest).hexdigest()
    assert event["data"]["language"] == "en"


def _tamper_original(root: Path) -> str:
    target = sorted((root / "originals").iterdir())[0]
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    return target.name


def _tamper_manifest(root: Path) -> str:
    path = root / "manifest.json"
    path.write_bytes(path.read_bytes().replace(b'"size":', b'"size" :', 1))
    return "manifest.json"


def _tamper_pdf(root: Path) -> str:
    path = root / "dossier.pdf"
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x20
    path.write_bytes(bytes(data))
    return "dossier.pdf"


def _remove_file(root: Path) -> str:
    target = sorted(p for p in (root / "originals").iterdir() if p.name != "SHA256SUMS")[-1]
    target.unlink()
    return target.name


@pytest.mark.parametrize("tamper", [_tamper_original, _tamper_manifest, _tamper_pdf, _remove_file])
def test_tampering_fails_verify_package(exported: dict[str, object], tmp_path: Path, tamper: object) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(Path(str(exported["out"])), copy)
    named = tamper(copy)  # type: ignore[operator]
    env = exported["env"]
    assert isinstance(env, dict)
    result = run_cli(["verify-package", str(copy)], env)
    assert result.returncode == 1
    failing = [
        line
        for line in result.stdout.splitlines()
        if line.startswith("[") and not line.startswith(("[OK]", "[NOTE]"))
    ]
    assert failing and any(named in line for line in failing), result.stdout
