"""verify-package: a good package passes; each kind of tampering fails and names what is wrong.

Every tampering case runs on a folder and on a zip. The expected failures are exact: the test
fails if the damage goes unnoticed, and also if anything else is blamed.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import re
import shutil
import string
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_kit.dossier.package import package_files
from evidence_kit.errors import EvidenceKitError
from evidence_kit.hashing import canonical_json
from evidence_kit.verify import package as verify_module
from evidence_kit.verify import texts as verify_texts
from evidence_kit.verify.package import (
    CheckResult,
    CheckStatus,
    PackageReport,
    PackageUnreadableError,
    format_report,
    verify_package,
)
from evidence_kit.verify.package_format import public_key_sha256
from tests.dossier.package_fixtures import build_package, example_tsa, local_tsa_server

TOP = "dossier-EK-2024-0001"
CHAT = "originals/0002_WhatsApp_Chat_met_Anna.txt"
EMAIL = "originals/0003_bericht.eml"

Files = dict[str, bytes]


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("verify")
    folder, archive = base / TOP, base / f"{TOP}.zip"
    build_package(folder, zip_path=archive)
    return folder, archive


def _read_folder(folder: Path) -> Files:
    return {name: (folder / name).read_bytes() for name in package_files(folder)}


def _write_zip(path: Path, files: Files, top: str | None = TOP) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(f"{top}/{name}" if top else name, data)


def _variant(
    original: tuple[Path, Path], form: str, tmp_path: Path, tamper: Callable[[Files], object]
) -> Path:
    """A copy of the good package (as a folder or a zip) with `tamper` applied to its files."""
    folder, _archive = original
    files = _read_folder(folder)
    changed = dict(files)
    tamper(changed)
    if form == "zip":
        target = tmp_path / f"{TOP}.zip"
        _write_zip(target, changed)
        return target
    target = tmp_path / TOP
    shutil.copytree(folder, target)
    for name in files.keys() - changed.keys():
        (target / name).unlink()
    for name, data in changed.items():
        if files.get(name) != data:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    return target


def _failures(report: PackageReport) -> set[tuple[str, CheckStatus, str]]:
    return {(result.subject, result.status, result.code) for result in report.failures}


def _flip(data: bytes, index: int) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 0x01
    return bytes(changed)


# ----------------------------------------------------------------------------- a good package


@pytest.mark.parametrize("form", ["folder", "zip"])
def test_a_good_package_passes(original: tuple[Path, Path], form: str) -> None:
    folder, archive = original
    report = verify_package(folder if form == "folder" else archive)
    assert report.ok, format_report(report)
    assert report.dossier_id == "EK-2024-0001"
    assert report.manifest_sha256 == hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()
    ok_subjects = {result.subject for result in report.results if result.status is CheckStatus.OK}
    assert ok_subjects == {
        "manifest.sig",
        "dossier.pdf",
        *(n for n in package_files(folder) if "/" in n),
        "SHA256SUMS",
        "VERIFY.txt",
    }
    codes = [result.code for result in report.results]
    # originals + SHA256SUMS, originals/SHA256SUMS, VERIFY.txt, 3 tokens, 1 CA file
    assert codes.count("file_ok") == 8 + 7
    assert codes.count("token_ok") == 3
    assert "pdf_manifest_ok" in codes and "sums_ok" in codes and "manifest_signature_ok" in codes


def test_a_flat_zip_without_a_top_folder_passes(original: tuple[Path, Path], tmp_path: Path) -> None:
    flat = tmp_path / "flat.zip"
    _write_zip(flat, _read_folder(original[0]), top=None)
    assert verify_package(flat).ok


def test_the_report_reads_well_in_english_and_dutch(original: tuple[Path, Path]) -> None:
    report = verify_package(original[0])
    english = format_report(report, "en").splitlines()
    assert english[0] == f"Package: {original[0]}"
    assert english[1] == "Dossier: EK-2024-0001"
    assert f"[OK]         {CHAT} matches its SHA-256 and size in the manifest." in english
    # The example TSA's root comes only with the package: intact, with a trust warning per token.
    assert english[-1] == (
        "All 22 checks passed, with 3 trust warnings: the files are as exported, but some rest on a "
        "certificate only the package vouches for."
    )
    assert sum(line.startswith("[TRUST?]     ") for line in english) == 3
    dutch = format_report(report, "nl").splitlines()
    assert dutch[0] == f"Pakket: {original[0]}"
    assert f"[OK]         {CHAT} komt overeen met zijn SHA-256 en grootte in het manifest." in dutch
    assert dutch[-1].startswith("Alle 22 controles zijn geslaagd, met 3 waarschuwingen over vertrouwen")
    assert sum(line.startswith("[VERTROUW?]  ") for line in dutch) == 3
    assert not [line for line in dutch if "matches" in line or "signed by" in line]


def test_a_package_with_a_timestamped_pdf_reports_the_trusted_time(tmp_path: Path) -> None:
    with local_tsa_server(example_tsa()) as url:
        _result, outcome = build_package(tmp_path / TOP, timestamp_url=url)
    assert outcome.timestamped
    report = verify_package(tmp_path / TOP)
    assert report.ok
    (note,) = [result for result in report.results if result.code == "pdf_timestamp_ok"]
    assert (
        note.format()
        == "The signature of dossier.pdf carries a timestamp of 2024-05-17 14:00:00 (UTC); it is intact."
    )
    assert not [result for result in report.results if result.code == "pdf_no_timestamp"]


# ----------------------------------------------------------------------------- tampering, one test per case

FORMS = pytest.mark.parametrize("form", ["folder", "zip"])


@FORMS
def test_one_byte_of_an_original(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    def tamper(files: Files) -> None:
        files[CHAT] = _flip(files[CHAT], 5)

    report = verify_package(_variant(original, form, tmp_path, tamper))
    assert _failures(report) == {(CHAT, CheckStatus.MISMATCH, "file_hash_mismatch")}
    (failure,) = report.failures
    assert failure.format().startswith(f"{CHAT} has been changed: its SHA-256 is ")
    assert not report.ok


@FORMS
def test_one_byte_of_the_manifest(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    def tamper(files: Files) -> None:
        files["manifest.json"] = files["manifest.json"].replace(b"EK-2024-0001", b"EK-2024-0002")

    report = verify_package(_variant(original, form, tmp_path, tamper))
    assert _failures(report) == {
        ("manifest.sig", CheckStatus.MISMATCH, "manifest_signature_bad"),
        ("dossier.pdf", CheckStatus.MISMATCH, "pdf_manifest_differs"),
    }


@FORMS
def test_one_byte_of_the_pdf(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    def tamper(files: Files) -> None:
        pdf = files["dossier.pdf"]
        files["dossier.pdf"] = _flip(pdf, pdf.index(b"ReportLab"))

    report = verify_package(_variant(original, form, tmp_path, tamper))
    assert _failures(report) == {("dossier.pdf", CheckStatus.MISMATCH, "pdf_changed")}


@FORMS
def test_bytes_added_to_the_pdf_after_signing(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    def tamper(files: Files) -> None:
        files["dossier.pdf"] += b"\n% a comment added after signing\n"

    report = verify_package(_variant(original, form, tmp_path, tamper))
    assert _failures(report) == {("dossier.pdf", CheckStatus.MISMATCH, "pdf_extended")}


@FORMS
def test_a_removed_original(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    report = verify_package(_variant(original, form, tmp_path, lambda files: files.pop(EMAIL)))
    assert _failures(report) == {(EMAIL, CheckStatus.MISSING, "file_missing")}
    assert f"[MISSING]    {EMAIL} is missing." in format_report(report).splitlines()


@FORMS
@pytest.mark.parametrize(
    "name",
    ["manifest.sig", "public_key.pem", "dossier.pdf", "SHA256SUMS", "VERIFY.txt", "timestamps/0002.tsr"],
)
def test_a_removed_package_file(original: tuple[Path, Path], tmp_path: Path, form: str, name: str) -> None:
    report = verify_package(_variant(original, form, tmp_path, lambda files: files.pop(name)))
    assert _failures(report) == {(name, CheckStatus.MISSING, "file_missing")}


@FORMS
def test_a_removed_manifest(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    report = verify_package(_variant(original, form, tmp_path, lambda files: files.pop("manifest.json")))
    assert _failures(report) == {("manifest.json", CheckStatus.MISSING, "file_missing")}
    assert report.dossier_id is None and report.manifest_sha256 is None


@FORMS
@pytest.mark.parametrize("name", ["originals/0009_extra.png", "notes.txt", "timestamps/0004.tsr"])
def test_an_added_file(original: tuple[Path, Path], tmp_path: Path, form: str, name: str) -> None:
    def tamper(files: Files) -> None:
        files[name] = b"added later"

    report = verify_package(_variant(original, form, tmp_path, tamper))
    assert _failures(report) == {(name, CheckStatus.UNEXPECTED, "file_unexpected")}
    (failure,) = report.failures
    assert failure.format() == f"{name} is not part of the exported package."


@FORMS
def test_system_files_are_noted_not_failed(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    def tamper(files: Files) -> None:
        files[".DS_Store"] = b"\x00\x00\x00\x01Bud1"
        files["originals/Thumbs.db"] = b"thumbs"

    report = verify_package(_variant(original, form, tmp_path, tamper))
    assert report.ok
    assert {r.subject for r in report.results if r.code == "system_file"} == {
        ".DS_Store",
        "originals/Thumbs.db",
    }


@FORMS
def test_a_changed_time_stamp_token(original: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    def tamper(files: Files) -> None:
        files["timestamps/0001.tsr"] = _flip(files["timestamps/0001.tsr"], 200)

    report = verify_package(_variant(original, form, tmp_path, tamper))
    assert _failures(report) == {("timestamps/0001.tsr", CheckStatus.MISMATCH, "file_hash_mismatch")}


def test_a_manifest_re_signed_with_another_key_is_caught_by_the_pdf(
    original: tuple[Path, Path], tmp_path: Path
) -> None:
    """Someone swaps an original, rewrites the manifest and SHA256SUMS and signs with their own key."""
    forger = Ed25519PrivateKey.generate()

    def tamper(files: Files) -> None:
        files[CHAT] = b"a different chat"
        manifest = json.loads(files["manifest.json"])
        new_sha = hashlib.sha256(files[CHAT]).hexdigest()
        old_sha = manifest["items"][1]["sha256"]
        manifest["items"][1].update(sha256=new_sha, size=len(files[CHAT]))
        files["SHA256SUMS"] = files["SHA256SUMS"].replace(old_sha.encode(), new_sha.encode())
        for entry in manifest["support_files"]:
            if entry["file"] == "SHA256SUMS":
                entry["sha256"] = hashlib.sha256(files["SHA256SUMS"]).hexdigest()
        manifest["signature"]["public_key_sha256"] = public_key_sha256(forger.public_key())
        files["manifest.json"] = canonical_json(manifest)
        files["manifest.sig"] = forger.sign(files["manifest.json"])
        files["public_key.pem"] = forger.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    report = verify_package(_variant(original, "folder", tmp_path, tamper))
    # The signed PDF carries the true manifest, and the Merkle timestamp no longer covers the chat.
    assert _failures(report) == {
        ("dossier.pdf", CheckStatus.MISMATCH, "pdf_manifest_differs"),
        ("timestamps/0002.tsr", CheckStatus.MISMATCH, "token_proof_mismatch"),
    }


def test_a_corrupted_zip_member_is_named(original: tuple[Path, Path], tmp_path: Path) -> None:
    """One byte of the zip file itself, inside an original stored uncompressed: the CRC check names it."""
    target = tmp_path / "stored.zip"
    files = _read_folder(original[0])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(f"{TOP}/{name}", data)
    raw = target.read_bytes()
    target.write_bytes(_flip(raw, raw.index(files[CHAT]) + 3))
    report = verify_package(target)
    assert _failures(report) == {(CHAT, CheckStatus.MISMATCH, "file_unreadable")}
    (failure,) = report.failures
    assert "Bad CRC-32" in failure.format()


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        ("../evil.txt", "'..', '.' or an empty folder name"),
        (f"{TOP}/../../evil.txt", "'..', '.' or an empty folder name"),
        ("/etc/evil.txt", "absolute path"),
        ("C:/evil.txt", "drive letter or colon"),
        (f"{TOP}\\..\\evil.txt", "backslash in the name"),
    ],
)
def test_zip_names_that_escape_are_reported_and_never_written(
    original: tuple[Path, Path], tmp_path: Path, member: str, reason: str
) -> None:
    target = tmp_path / "evil.zip"
    files = _read_folder(original[0])
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in sorted(files.items()):
            archive.writestr(f"{TOP}/{name}", data)
        archive.writestr(zipfile.ZipInfo(member), b"owned")
    before = sorted(tmp_path.rglob("*"))
    report = verify_package(target)
    assert sorted(tmp_path.rglob("*")) == before
    assert _failures(report) == {(member, CheckStatus.INVALID, "bad_name")}
    (failure,) = report.failures
    assert failure.format() == f"{member} has a name that is not allowed in a package: {reason}"


def test_a_symlink_in_a_folder_is_reported(original: tuple[Path, Path], tmp_path: Path) -> None:
    target = _variant(original, "folder", tmp_path, lambda files: None)
    (target / "originals" / "link.png").symlink_to("/etc/hostname")
    report = verify_package(target)
    assert _failures(report) == {("originals/link.png", CheckStatus.INVALID, "bad_name")}


def test_a_second_signature_on_the_pdf_is_reported(original: tuple[Path, Path], tmp_path: Path) -> None:
    """Someone signs the dossier again (in a new field, as any PDF signer would) after the vault did."""
    from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from evidence_kit.storage.signing_identity import make_signing_identity

    folder = _variant(original, "folder", tmp_path, lambda files: None)
    other = make_signing_identity("Someone else")
    certificate = asn1_x509.Certificate.load(other.certificate_der)
    key = asn1_keys.PrivateKeyInfo.load(
        other.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([certificate]),  # type: ignore[no-untyped-call]
    )
    writer = IncrementalPdfFileWriter(io.BytesIO((folder / "dossier.pdf").read_bytes()))
    signed = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Other"), signer=signer)
    (folder / "dossier.pdf").write_bytes(signed.getvalue())
    report = verify_package(folder)
    assert _failures(report) == {("dossier.pdf", CheckStatus.MISMATCH, "pdf_signed_again")}


def test_a_pdf_signed_by_another_certificate_is_reported(original: tuple[Path, Path], tmp_path: Path) -> None:
    from evidence_kit.dossier.signing import sign_pdf
    from evidence_kit.storage.signing_identity import make_signing_identity
    from tests.dossier.package_fixtures import tiny_pdf

    folder = _variant(original, "folder", tmp_path, lambda files: None)
    (folder / "dossier.pdf").unlink()
    manifest = (folder / "manifest.json").read_bytes()
    sign_pdf(tiny_pdf(), folder / "dossier.pdf", make_signing_identity("Someone else"), manifest)
    report = verify_package(folder)
    assert _failures(report) == {("dossier.pdf", CheckStatus.MISMATCH, "pdf_signer_mismatch")}


# ----------------------------------------------------------------------------- bad input never crashes


def test_a_missing_path_and_a_non_zip_are_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(PackageUnreadableError):
        verify_package(tmp_path / "nothing-here")
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 but not really a zip")
    with pytest.raises(PackageUnreadableError) as caught:
        verify_package(junk)
    assert str(junk) in str(caught.value)


def test_an_empty_folder_fails(tmp_path: Path) -> None:
    report = verify_package(tmp_path)
    assert not report.ok
    assert ("manifest.json", CheckStatus.MISSING, "file_missing") in _failures(report)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_zips_never_crash(original: tuple[Path, Path], data: st.DataObject) -> None:
    raw = bytearray(original[1].read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = original[1].parent / "mutated.zip"
    path.write_bytes(bytes(raw))
    try:
        report = verify_package(path)
    except EvidenceKitError:
        return
    assert isinstance(report, PackageReport)
    format_report(report, "nl")


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(string.printable, max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    replacement=st.dictionaries(
        st.sampled_from(
            [
                "format",
                "format_version",
                "items",
                "support_files",
                "timestamps",
                "pdf",
                "signature",
                "dossier_id",
            ]
        ),
        _json,
        max_size=4,
    )
)
def test_odd_manifests_are_findings_not_crashes(
    original: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory, replacement: dict[str, object]
) -> None:
    folder = original[0]
    manifest = json.loads((folder / "manifest.json").read_bytes())
    manifest.update(replacement)
    target = tmp_path_factory.mktemp("odd") / "odd.zip"
    files = _read_folder(folder)
    files["manifest.json"] = json.dumps(manifest).encode()
    _write_zip(target, files)
    report = verify_package(target)
    if replacement:
        assert not report.ok


# ----------------------------------------------------------------------------- texts


def _templates_in_verify_module() -> set[str]:
    """The report templates in the modules of verify-package (verify/package.py and its package_*.py)."""
    found: set[str] = set()
    for module in sorted(Path(verify_module.__file__).parent.glob("package*.py")):
        found |= _templates_in(module)
    return found


def _templates_in(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        position = {"add": 3, "line": 0}.get(name)
        if position is not None and len(node.args) > position:
            argument = node.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.add(argument.value)
    return found


def test_every_report_template_has_a_dutch_translation_with_the_same_placeholders() -> None:
    templates = _templates_in_verify_module()
    assert len(templates) >= 30
    fields = string.Formatter()
    for template in templates:
        assert template in verify_texts.REPORT_NL, template
        english = {name for _, name, _, _ in fields.parse(template) if name}
        dutch = {name for _, name, _, _ in fields.parse(verify_texts.REPORT_NL[template]) if name}
        assert english == dutch, template
    assert set(verify_texts.REPORT_NL) == templates  # no stale translations


def test_format_report_for_a_failure() -> None:
    report = PackageReport(
        path="/media/usb/dossier.zip",
        results=(
            CheckResult(
                "originals/0001_a.png",
                CheckStatus.OK,
                "file_ok",
                "{file} matches its SHA-256 and size in the manifest.",
                (("file", "originals/0001_a.png"),),
            ),
            CheckResult(
                "originals/0002_b.png",
                CheckStatus.MISSING,
                "file_missing",
                "{file} is missing.",
                (("file", "originals/0002_b.png"),),
            ),
            CheckResult(
                "manifest.sig",
                CheckStatus.NOTICE,
                "key_trust",
                "The key is the vault's own; compare its fingerprint with the vault's key if you can.",
            ),
        ),
        dossier_id="EK-1",
        manifest_sha256="ab" * 32,
    )
    assert format_report(report, "en") == (
        "Package: /media/usb/dossier.zip\n"
        "Dossier: EK-1\n"
        f"SHA-256 of manifest.json (shown in the PDF footer): {'ab' * 32}\n"
        "\n"
        "[OK]         originals/0001_a.png matches its SHA-256 and size in the manifest.\n"
        "[MISSING]    originals/0002_b.png is missing.\n"
        "[NOTE]       The key is the vault's own; compare its fingerprint with the vault's key if you can.\n"
        "\n"
        "1 of 2 checks failed: this package is not as it was exported.\n"
    )
    dutch = format_report(report, "nl")
    assert "[ONTBREEKT]  originals/0002_b.png ontbreekt.\n" in dutch
    assert dutch.endswith(
        "1 van de 2 controles zijn mislukt: dit pakket is niet meer zoals het werd geëxporteerd.\n"
    )
    assert re.search(r"^\[LET OP\]", dutch, re.MULTILINE)
    assert not report.ok
