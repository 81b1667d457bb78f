"""The export package: safe names, the manifest, SHA256SUMS, VERIFY.txt and the standard tools' checks."""

from __future__ import annotations

import hashlib
import io
import json
import shlex
import stat
import subprocess
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidence_kit.domain import ItemKind
from evidence_kit.dossier import package
from evidence_kit.dossier.package import (
    MAX_NAME_BYTES,
    PackageItem,
    PackageToken,
    PackageWriteError,
    TokenSubject,
    finish_package,
    safe_file_name,
    write_package,
    write_zip,
)
from evidence_kit.errors import CancelledError, ExtractMismatchError, OutputExistsError
from evidence_kit.hashing import canonical_json
from evidence_kit.progress import CancelToken, ProgressInfo

from .package_fixtures import (
    CUSTODY_HEAD,
    EXPORT_TIME,
    build_package,
    fictional_items,
    item,
    manifest_key,
    tiny_pdf,
)

# ----------------------------------------------------------------------------- safe names


@pytest.mark.parametrize(
    ("original", "number", "expected"),
    [
        ("screenshot.png", 7, "0007_screenshot.png"),
        ("../../etc/passwd", 4, "0004_passwd"),
        ("..\\..\\Windows\\System32\\evil.dll", 1, "0001_evil.dll"),
        ("/absolute/path/photo.JPG", 12, "0012_photo.JPG"),
        ("photo\u202egnp.exe", 5, "0005_photognp.exe"),  # the RTL override cannot fake ".png"
        ("CON", 3, "0003_CON_"),
        ("con.txt", 3, "0003_con_.txt"),
        ("LPT1.log", 3, "0003_LPT1_.log"),
        ("COM¹.txt", 3, "0003_COM¹_.txt"),
        ("👍🏽👋🏿.png", 9, "0009_file.png"),
        ("Zażółć gęślą jaźń.jpg", 1, "0001_Zażółć_gęślą_jaźń.jpg"),
        ("e\u0301te\u0301.txt", 1, "0001_\u00e9t\u00e9.txt"),  # NFD in, NFC out
        ("fa\u200dmily\u200b.txt", 2, "0002_family.txt"),  # zero-width characters dropped
        ("bell\x07 tab\t.txt", 2, "0002_bell_tab.txt"),
        ('a<b>c:d"e|f?g*h.txt', 2, "0002_a_b_c_d_e_f_g_h.txt"),
        (".hidden", 2, "0002_hidden"),
        ("name. . .", 2, "0002_name"),
        ("", 1, "0001_file"),
        ("...", 1, "0001_file"),
        ("report.tar.gz", 10000, "10000_report.tar.gz"),
        ("مرحبا.pdf", 6, "0006_مرحبا.pdf"),
        ("İstanbul ılık.heic", 8, "0008_İstanbul_ılık.heic"),
    ],
)
def test_safe_file_name(original: str, number: int, expected: str) -> None:
    assert safe_file_name(original, number) == expected


def test_long_names_are_cut_to_the_byte_limit_keeping_the_extension() -> None:
    name = safe_file_name("ż" * 300 + ".jpeg", 1)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name == "0001_" + "ż" * ((MAX_NAME_BYTES - len("0001_") - len(".jpeg") - 1) // 2) + ".jpeg"


def test_uncommon_text_names_are_safe_and_unique(uncommon_text: tuple[str, ...]) -> None:
    names = [safe_file_name(text + ".txt", number) for number, text in enumerate(uncommon_text, start=1)]
    assert len({name.casefold() for name in names}) == len(names)
    assert names[0] == "0001_Right-to-left_override_evil.exe_and_back.txt"
    for name in names:
        _assert_safe(name)


_WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


def _assert_safe(name: str) -> None:
    assert name == unicodedata.normalize("NFC", name)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert not any(unicodedata.category(char)[0] == "C" for char in name)
    assert not _WINDOWS_FORBIDDEN & set(name)
    assert not any(char.isspace() for char in name)
    assert name not in (".", "..") and not name.endswith((".", " "))
    assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}


@settings(max_examples=1500, deadline=None)
@given(original=st.text(max_size=400), number=st.integers(min_value=0, max_value=99_999))
def test_any_name_becomes_safe(original: str, number: int) -> None:
    name = safe_file_name(original, number)
    _assert_safe(name)
    assert name.startswith(f"{number:04d}_")


# ----------------------------------------------------------------------------- the package


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("package") / "dossier-EK-2024-0001"
    build_package(root)
    return root


def test_layout_is_exactly_the_documented_files(built: Path) -> None:
    assert package.package_files(built) == [
        "SHA256SUMS",
        "VERIFY.txt",
        "dossier.pdf",
        "manifest.json",
        "manifest.sig",
        "originals/0001_screenshot.png",
        "originals/0002_WhatsApp_Chat_met_Anna.txt",
        "originals/0003_bericht.eml",
        "originals/0004_passwd",
        "originals/0005_photognp.exe",
        "originals/0006_CON_.txt",
        "originals/0007_Zażółć_ıİ.jpg",
        "originals/0008_empty.bin",
        "originals/SHA256SUMS",
        "public_key.pem",
        "timestamps/0001.tsr",
        "timestamps/0002.tsr",
        "timestamps/0003.tsr",
        f"timestamps/{next(p.name for p in (built / 'timestamps').glob('ca_*.pem'))}",
    ]
    assert not list(built.parent.glob("*partial*")) and not list(built.parent.glob(".*"))


def test_originals_are_byte_identical_and_private(built: Path) -> None:
    for entry in fictional_items():
        copied = built / "originals" / safe_file_name(entry.original_name, entry.number)
        assert hashlib.sha256(copied.read_bytes()).hexdigest() == entry.sha256
        assert stat.S_IMODE(copied.stat().st_mode) == 0o600


def test_manifest_is_canonical_and_complete(built: Path) -> None:
    raw = (built / "manifest.json").read_bytes()
    manifest = json.loads(raw)
    assert canonical_json(manifest) == raw
    assert manifest["format"] == "evidence-kit-package"
    assert manifest["format_version"] == 1
    assert manifest["dossier_id"] == "EK-2024-0001"
    assert manifest["vault_id"] == "5f1c0d6e-0000-4000-8000-000000000001"
    assert manifest["tool"] == {"name": "Evidence Kit", "version": "0.1.0"}
    assert manifest["export_time_utc"] == "2024-05-17T14:30:05Z"
    assert manifest["language"] == "en"
    assert manifest["custody_log_head"] == CUSTODY_HEAD
    assert manifest["signature"]["algorithm"] == "Ed25519"
    assert manifest["signature"]["public_key_sha256"] == package.public_key_sha256(
        manifest_key().public_key()
    )
    chat = manifest["items"][1]
    assert chat == {
        "number": 2,
        "id": 102,
        "file": "originals/0002_WhatsApp_Chat_met_Anna.txt",
        "original_name": "WhatsApp Chat met Anna.txt",
        "sha256": fictional_items()[1].sha256,
        "size": fictional_items()[1].size,
        "kind": "chat",
        "media_type": "text/plain",
        "message_count": 2,
        "withheld_in_pdf": False,
        "original_in_package": True,
        "times": [
            {
                "source": "content",
                "utc": None,
                "local": "2024-03-12T21:14:00",
                "offset_minutes": None,
                "assumption": "time zone not stated in the export",
            },
            {
                "source": "import_clock",
                "utc": "2024-03-13T09:00:00Z",
                "local": "2024-03-13T09:00:00",
                "offset_minutes": 0,
                "assumption": None,
            },
        ],
    }
    assert manifest["items"][6]["withheld_in_pdf"] is True
    assert manifest["items"][3]["original_name"] == "../../etc/passwd"
    assert [entry["subject"] for entry in manifest["timestamps"]] == ["item", "merkle_root", "custody_head"]
    support = {entry["file"]: entry for entry in manifest["support_files"]}
    for name in ("SHA256SUMS", "VERIFY.txt", "timestamps/0001.tsr"):
        data = (built / name).read_bytes()
        assert support[name] == {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def test_manifest_does_not_hold_the_pdf_hash_but_the_pdf_holds_the_manifest_hash(built: Path) -> None:
    raw = (built / "manifest.json").read_bytes()
    pdf_sha256 = hashlib.sha256((built / "dossier.pdf").read_bytes()).hexdigest()
    assert pdf_sha256.encode() not in raw
    assert "dossier.pdf" in json.loads(raw)["pdf"]["file"]


def test_sha256sums_lists_every_original_relative_to_the_package_root(built: Path) -> None:
    lines = (built / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    expected = [
        f"{entry.sha256}  originals/{safe_file_name(entry.original_name, entry.number)}"
        for entry in fictional_items()
    ]
    assert lines == expected


def test_sha256sum_c_passes_in_the_package_folder(built: Path) -> None:
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=built, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "originals/0001_screenshot.png: OK"
    assert len(result.stdout.splitlines()) == 8


def _commands(verify_txt: str, prefix: str) -> list[str]:
    return [line.strip() for line in verify_txt.splitlines() if line.strip().startswith(prefix)]


def test_the_openssl_signature_command_in_verify_txt_works(built: Path, tmp_path: Path) -> None:
    text = (built / "VERIFY.txt").read_text(encoding="utf-8")
    (command,) = _commands(text, "openssl pkeyutl")
    assert command == (
        "openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile manifest.sig"
    )
    result = subprocess.run(shlex.split(command), cwd=built, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Signature Verified Successfully" in result.stdout
    # The same command fails on a manifest with one byte changed.
    for name in ("public_key.pem", "manifest.sig"):
        (tmp_path / name).write_bytes((built / name).read_bytes())
    changed = bytearray((built / "manifest.json").read_bytes())
    changed[10] ^= 0x01
    (tmp_path / "manifest.json").write_bytes(bytes(changed))
    result = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Signature Verification Failure" in result.stdout


def test_the_openssl_ts_commands_in_verify_txt_work(built: Path) -> None:
    text = (built / "VERIFY.txt").read_text(encoding="utf-8")
    commands = _commands(text, "openssl ts -verify")
    assert [shlex.split(command)[4] for command in commands] == [
        "timestamps/0001.tsr",
        "timestamps/0002.tsr",
        "timestamps/0003.tsr",
    ]
    assert "-data originals/0001_screenshot.png" in commands[0]
    for command in commands:
        result = subprocess.run(shlex.split(command), cwd=built, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Verification: OK" in result.stdout
        assert "not a CA cert" not in result.stderr


def test_the_openssl_ts_command_fails_for_a_changed_original(built: Path, tmp_path: Path) -> None:
    text = (built / "VERIFY.txt").read_text(encoding="utf-8")
    command = _commands(text, "openssl ts -verify")[0]
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("timestamps", "originals"):
        (copy / name).mkdir()
    for path in (built / "timestamps").iterdir():
        (copy / "timestamps" / path.name).write_bytes(path.read_bytes())
    changed = bytearray((built / "originals" / "0001_screenshot.png").read_bytes())
    changed[-1] ^= 0x01
    (copy / "originals" / "0001_screenshot.png").write_bytes(bytes(changed))
    result = subprocess.run(shlex.split(command), cwd=copy, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Verification: FAILED" in result.stdout


def test_verify_txt_names_every_check_in_english(built: Path) -> None:
    raw = (built / "VERIFY.txt").read_bytes()
    text = raw.decode("utf-8")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert text.startswith("EVIDENCE KIT - HOW TO VERIFY THIS PACKAGE\r\n")
    for expected in (
        "Dossier:      EK-2024-0001",
        "Exported:     2024-05-17T14:30:05Z (UTC)",
        "The 8 original file(s)",
        "evidence-kit verify-package .",
        "sha256sum -c SHA256SUMS",
        "shasum -a 256 -c SHA256SUMS",
        "certutil -hashfile originals\\0001_screenshot.png SHA256",
        "Get-FileHash -Algorithm SHA256 -LiteralPath $f",
        "certutil -hashfile manifest.json SHA256",
        "pdfsig dossier.pdf",
        "They do not prove that what the\r\nfiles show is true",
        package.public_key_sha256(manifest_key().public_key()),
        "timestamps/0003.tsr: stamps the custody log head " + CUSTODY_HEAD,
    ):
        assert expected in text, expected


def test_verify_txt_in_dutch(tmp_path: Path) -> None:
    root = tmp_path / "pakket"
    build_package(root, lang="nl")
    text = (root / "VERIFY.txt").read_bytes().decode("utf-8")
    assert text.startswith("EVIDENCE KIT (BEWIJSKLUIS) - ZO CONTROLEERT U DIT PAKKET\r\n")
    for expected in (
        "Geëxporteerd: 2024-05-17T14:30:05Z (UTC)",
        "Ze bewijzen niet\r\ndat wat de bestanden laten zien waar is",
        "openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile manifest.sig",
        "timestamps/0003.tsr: stempelt de kop van het bewaarlogboek " + CUSTODY_HEAD,
        "timestamps/0002.tsr: stempelt de Merkle-wortel",
    ):
        assert expected in text, expected
    assert json.loads((root / "manifest.json").read_bytes())["language"] == "nl"


def test_without_tokens_verify_txt_says_so(tmp_path: Path) -> None:
    root = tmp_path / "p"
    build_package(root, with_tokens=False)
    assert "This package holds no time-stamp tokens." in (root / "VERIFY.txt").read_text(encoding="utf-8")
    assert not (root / "timestamps").exists()


# ----------------------------------------------------------------------------- failures leave nothing


def _stage(out_dir: Path, items: list[PackageItem], **kwargs: object) -> package.StagedPackage:
    return write_package(
        out_dir,
        dossier_id="EK-2024-0002",
        vault_id="v",
        tool_version="0.1.0",
        export_time=EXPORT_TIME,
        lang="en",
        custody_head_hash=CUSTODY_HEAD,
        items=items,
        signing_key=manifest_key(),
        **kwargs,  # type: ignore[arg-type]
    )


def test_an_original_that_no_longer_matches_stops_the_export(tmp_path: Path) -> None:
    good = item(1, "a.txt", b"first")
    bad = PackageItem(
        2,
        102,
        "b.txt",
        hashlib.sha256(b"recorded").hexdigest(),
        8,
        ItemKind.FILE,
        open=lambda: io.BytesIO(b"changed!"),
    )
    with pytest.raises(ExtractMismatchError) as caught:
        _stage(tmp_path / "out", [good, bad])
    assert caught.value.params["item_id"] == "102"
    assert caught.value.params["path"] == str(tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_an_original_longer_than_recorded_stops_the_export(tmp_path: Path) -> None:
    longer = PackageItem(
        1,
        101,
        "a.bin",
        hashlib.sha256(b"abc").hexdigest(),
        3,
        ItemKind.FILE,
        open=lambda: io.BytesIO(b"abcdef"),
    )
    with pytest.raises(ExtractMismatchError):
        _stage(tmp_path / "out", [longer])
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputExistsError):
        _stage(tmp_path / "out", [item(1, "a.txt", b"x")])
    assert list((tmp_path / "out").iterdir()) == []


def test_duplicate_numbers_are_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="numbers must be unique"):
        _stage(tmp_path / "out", [item(1, "a.txt", b"x"), replace(item(1, "b.txt", b"y"), item_id=7)])
    with pytest.raises(ValueError, match="ids must be unique"):
        _stage(tmp_path / "out", [item(1, "a.txt", b"x"), replace(item(2, "b.txt", b"y"), item_id=101)])
    assert list(tmp_path.iterdir()) == []


def test_an_item_token_must_stamp_its_item(tmp_path: Path) -> None:
    entry = item(1, "a.txt", b"x")
    token = PackageToken(
        b"", "TSA", hashlib.sha256(b"other").hexdigest(), TokenSubject.ITEM, (entry.item_id,)
    )
    with pytest.raises(ValueError, match="must stamp that item"):
        _stage(tmp_path / "out", [entry], tokens=[token])


def test_cancel_removes_the_unfinished_package(tmp_path: Path) -> None:
    token = CancelToken()
    seen: list[ProgressInfo] = []

    def progress(info: ProgressInfo) -> None:
        seen.append(info)
        if info.done_bytes >= 2 * 1024 * 1024:
            token.cancel()

    big = bytes(range(256)) * (12 * 1024)  # 3 MiB: three chunks
    with pytest.raises(CancelledError):
        _stage(tmp_path / "out", [item(1, "big.bin", big)], progress=progress, cancel=token)
    assert list(tmp_path.iterdir()) == []
    assert [info.done_bytes for info in seen] == [1024 * 1024, 2 * 1024 * 1024]


def test_chunk_iterators_are_copied_and_progress_is_reported(tmp_path: Path) -> None:
    parts = [b"a" * 1000, b"b" * 2000, b"c"]
    data = b"".join(parts)

    def chunks() -> Iterator[bytes]:
        yield from parts

    entry = PackageItem(
        1, 101, "chat.txt", hashlib.sha256(data).hexdigest(), len(data), ItemKind.CHAT, open=chunks
    )
    seen: list[ProgressInfo] = []
    staged = _stage(tmp_path / "out", [entry], progress=seen.append)
    assert (staged.root / "originals" / "0001_chat.txt").read_bytes() == data
    assert seen[-1] == ProgressInfo(1, 1, 3001, 3001, "0001_chat.txt")
    assert staged.root.name == "out.partial"  # visible, never a hidden dot-folder
    staged.discard()
    assert list(tmp_path.iterdir()) == []


def test_finish_requires_the_pdf_and_moves_the_folder(tmp_path: Path) -> None:
    staged = _stage(tmp_path / "out", [item(1, "a.txt", b"x")])
    with pytest.raises(PackageWriteError):
        finish_package(staged)
    staged.pdf_path.write_bytes(tiny_pdf())
    result = finish_package(staged, zip_path=tmp_path / "out.zip")
    assert result.root == tmp_path / "out"
    assert (
        result.manifest_sha256
        == hashlib.sha256((tmp_path / "out" / "manifest.json").read_bytes()).hexdigest()
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "out.zip"]


def test_the_zip_is_deterministic_and_holds_the_whole_folder(built: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    write_zip(built, first, top="dossier-EK-2024-0001", moment=EXPORT_TIME)
    write_zip(built, second, top="dossier-EK-2024-0001", moment=EXPORT_TIME)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names == ["dossier-EK-2024-0001/" + name for name in package.package_files(built)]
        # Zip times have a 2-second resolution: 14:30:05 is stored as 14:30:04.
        assert {info.date_time for info in archive.infolist()} == {(2024, 5, 17, 14, 30, 4)}
        assert archive.read("dossier-EK-2024-0001/manifest.json") == (built / "manifest.json").read_bytes()
    with pytest.raises(OutputExistsError):
        write_zip(built, first, top="x", moment=EXPORT_TIME)
    with pytest.raises(PackageWriteError, match="cannot be inside"):
        write_zip(built, built / "self.zip", top="x", moment=EXPORT_TIME)
    assert not (built / "self.zip").exists()


def test_tokens_from_a_real_openssl_tsa_verify_with_the_printed_commands(tmp_path: Path) -> None:
    """End to end with the timestamping client and OpenSSL's own TSA (tests/tsa_server.py), including a
    reply without the TSA's certificate: then the certificate must travel in the -untrusted file."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from evidence_kit.timestamping.client import stamp_with
    from evidence_kit.timestamping.tsas import TsaConfig
    from evidence_kit.verify.package import verify_package
    from tests.tsa_server import running_tsa

    items = fictional_items()
    tokens: list[PackageToken] = []
    (tmp_path / "tsa").mkdir()
    with running_tsa(tmp_path / "tsa") as tsa:
        for mode, entry in (("tsa", items[0]), ("no-cert", items[3])):
            config = TsaConfig(
                name="Local test TSA",
                url=tsa.url(mode),
                roots_pem=tsa.pki.root_pem,
                intermediates_pem=tsa.pki.good.certificate.public_bytes(Encoding.PEM),
            )
            stamp = stamp_with(bytes.fromhex(entry.sha256), config)
            tokens.append(
                PackageToken(
                    response_der=stamp.response_der,
                    tsa_name=stamp.info.tsa_name,
                    stamped_sha256=entry.sha256,
                    subject=TokenSubject.ITEM,
                    item_ids=(entry.item_id,),
                    tsa_certificates_pem=stamp.info.certificates_pem,
                    gen_time=stamp.info.gen_time,
                )
            )
    staged = _stage(tmp_path / "out", items, tokens=tokens)
    staged.pdf_path.write_bytes(tiny_pdf())  # unsigned: only the tokens matter here
    root = finish_package(staged).root
    commands = _commands((root / "VERIFY.txt").read_bytes().decode("utf-8"), "openssl ts -verify")
    assert "-untrusted" not in commands[0] and "-untrusted" in commands[1]
    for command in commands:
        result = subprocess.run(shlex.split(command), cwd=root, capture_output=True, text=True)
        assert "Verification: OK" in result.stdout, result.stderr
    report = verify_package(root)
    assert [r.code for r in report.results if r.subject.endswith(".tsr") and r.code == "token_ok"] == [
        "token_ok",
        "token_ok",
    ]
    assert {r.subject for r in report.failures} == {"dossier.pdf"}  # unsigned on purpose


def test_a_failing_pdf_renderer_leaves_nothing_behind(tmp_path: Path) -> None:
    from evidence_kit.dossier.package import export_package

    from .package_fixtures import pdf_identity

    def render(manifest_sha256: str) -> bytes:
        raise RuntimeError(f"renderer broke on {manifest_sha256[:8]}")

    with pytest.raises(RuntimeError, match="renderer broke on"):
        export_package(
            tmp_path / "out",
            render_pdf=render,
            pdf_identity=pdf_identity(),
            dossier_id="EK-2024-0003",
            vault_id="v",
            tool_version="0.1.0",
            export_time=EXPORT_TIME,
            lang="en",
            custody_head_hash=CUSTODY_HEAD,
            items=[item(1, "a.txt", b"x")],
            signing_key=manifest_key(),
        )
    assert list(tmp_path.iterdir()) == []
