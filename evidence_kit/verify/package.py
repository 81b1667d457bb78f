"""`verify-package`: check an export package (folder or .zip) with no vault and no passphrase.

Rule: the package is untrusted input. Nothing is extracted to disk; a zip is read member by
member in memory with size limits, and names that could escape a folder (`../`, absolute
paths, backslashes, drive letters) are findings, never paths we open. Every check reports,
none raises: damage becomes a `CheckResult` naming the file and what is wrong, so one bad
file never hides the others. Only a path that is neither a folder nor a readable zip raises
`PackageUnreadableError`.

What is checked: manifest.json's Ed25519 signature against public_key.pem (and that key's
fingerprint against the one the manifest records); every original and every support file
against the manifest (present, size, SHA-256); no extra files; SHA256SUMS agreeing with the
manifest; dossier.pdf's signature (intact, covering the whole file, by the certificate the
manifest records) and the manifest attached inside it; each RFC 3161 token's stamped hash,
and its signature against the TSA certificates in the package. Trust in the self-made keys
and in the TSA certificates shipped in the package is reported as a note, not a failure:
only the reader can compare them with a source outside the package.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence_kit.errors import EvidenceKitError
from evidence_kit.hashing import CHUNK_SIZE, sha256_hex
from evidence_kit.verify import texts as verify_texts
from evidence_kit.verify.package_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    INNER_SUMS_NAME,
    MANIFEST_NAME,
    ORIGINALS_DIR,
    PDF_ATTACHMENT_NAME,
    PDF_NAME,
    PUBLIC_KEY_NAME,
    SIGNATURE_NAME,
    SUMS_NAME,
    TIMESTAMPS_DIR,
    public_key_sha256,
)

MAX_MANIFEST_BYTES = 256 * 1024 * 1024  # ~500 bytes an item: room for far more than 100,000 items
MAX_SMALL_FILE_BYTES = 64 * 1024 * 1024  # SHA256SUMS, keys, signatures, VERIFY.txt, tokens, certificates
MAX_PDF_BYTES = 2 * 1024 * 1024 * 1024  # pyHanko needs the whole PDF in memory
MAX_ZIP_ENTRIES = 1_000_000
MAX_NAME_TREE_DEPTH = 32
# Files that operating systems drop into folders and zips on their own; never evidence.
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "ehthumbs.db"})
SYSTEM_FOLDERS = frozenset({"__MACOSX"})
# What reading a damaged file or zip member can raise: bad CRC or length (BadZipFile), broken
# deflate data (zlib.error), an unsupported compression method (NotImplementedError), ...
_READ_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)


class PackageUnreadableError(EvidenceKitError):
    template = "{path} is not an Evidence Kit package that can be read (a folder or a .zip): {detail}"


class CheckStatus(StrEnum):
    OK = "ok"
    MISMATCH = "mismatch"  # present but not what the manifest says
    MISSING = "missing"
    UNEXPECTED = "unexpected"  # in the package but not in the manifest
    INVALID = "invalid"  # cannot be read as what it should be
    NOTICE = "notice"  # something to know that is not a failure (trust, ignored system files)


FAILING = frozenset({CheckStatus.MISMATCH, CheckStatus.MISSING, CheckStatus.UNEXPECTED, CheckStatus.INVALID})


@dataclass(frozen=True)
class CheckResult:
    """One finding. `subject` is a package path ('originals/0001_a.png') or a file the check is about."""

    subject: str
    status: CheckStatus
    code: str
    template: str  # English with {placeholders}; translated by verify_texts.translate
    params: tuple[tuple[str, str], ...] = ()

    @property
    def failed(self) -> bool:
        return self.status in FAILING

    def format(self, lang: str = "en") -> str:
        return _fill(verify_texts.translate(self.template, lang), self.template, dict(self.params))


@dataclass(frozen=True)
class PackageReport:
    path: str
    results: tuple[CheckResult, ...]
    dossier_id: str | None = None
    manifest_sha256: str | None = None

    @property
    def ok(self) -> bool:
        return bool(self.results) and not self.failures

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        return tuple(result for result in self.results if result.failed)

    def about(self, subject: str) -> tuple[CheckResult, ...]:
        return tuple(result for result in self.results if result.subject == subject)


def _fill(translated: str, template: str, params: dict[str, str]) -> str:
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


def format_report(report: PackageReport, lang: str = "en") -> str:
    """The report as the CLI prints it: a header, one line per finding, and a verdict."""
    labels = verify_texts.STATUS_LABELS.get(lang, verify_texts.STATUS_LABELS["en"])
    width = max(len(label) for label in labels.values()) + 2

    def line(template: str, **params: object) -> str:
        values = {key: str(value) for key, value in params.items()}
        return _fill(verify_texts.translate(template, lang), template, values)

    lines = [line("Package: {path}", path=report.path)]
    if report.dossier_id is not None:
        lines.append(line("Dossier: {dossier_id}", dossier_id=report.dossier_id))
    if report.manifest_sha256 is not None:
        lines.append(
            line(
                "SHA-256 of manifest.json (shown in the PDF footer): {sha256}", sha256=report.manifest_sha256
            )
        )
    lines.append("")
    for result in report.results:
        lines.append(f"{'[' + labels[result.status.value] + ']':<{width}} {result.format(lang)}")
    lines.append("")
    count = sum(1 for result in report.results if result.status is not CheckStatus.NOTICE)
    failed = len(report.failures)
    if report.ok:
        lines.append(line("All {count} checks passed.", count=count))
    else:
        lines.append(
            line(
                "{failed} of {count} checks failed: this package is not as it was exported.",
                failed=failed,
                count=max(count, failed),
            )
        )
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- reading the package


def _unsafe_reason(name: str) -> str | None:
    """Why a member name could not be a package path, or None when it is fine."""
    if not name or "\x00" in name:
        return "empty or NUL in the name"
    if "\\" in name:
        return "backslash in the name"
    if name.startswith("/"):
        return "absolute path"
    parts = name.split("/")
    if ":" in parts[0]:
        return "drive letter or colon"
    if any(part in ("", ".", "..") for part in parts):
        return "'..', '.' or an empty folder name"
    if any(unicodedata.category(char) == "Cc" for char in name):
        return "control character in the name"
    return None


class _Source:
    """The package's files by '/'-separated relative path (NFC), however they are stored."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.sizes: dict[str, int] = {}
        self.bad_names: list[tuple[str, str]] = []  # (shown name, reason)

    def open(self, name: str) -> IO[bytes]:
        raise NotImplementedError

    def close(self) -> None:
        """Nothing to release by default."""

    def read(self, name: str, limit: int) -> bytes | None:
        """The whole file, or None when it is larger than `limit`."""
        if self.sizes[name] > limit:
            return None
        with self.open(name) as stream:
            data = stream.read(limit + 1)
        return None if len(data) > limit else data


class _FolderSource(_Source):
    def __init__(self, root: Path) -> None:
        super().__init__(str(root))
        self.root = root
        self.actual: dict[str, str] = {}
        for folder, dirs, files in os.walk(root, followlinks=False):
            base = Path(folder).relative_to(root)
            for name in sorted(dirs):
                if (Path(folder) / name).is_symlink():
                    self.bad_names.append((self._shown(base / name), "a link to another place"))
            dirs.sort()
            for name in sorted(files):
                full = Path(folder) / name
                shown = self._shown(base / name)
                info = full.lstat()
                if stat.S_ISLNK(info.st_mode):
                    self.bad_names.append((shown, "a link to another place"))
                    continue
                if not stat.S_ISREG(info.st_mode):
                    self.bad_names.append((shown, "not a regular file"))
                    continue
                relative = (base / name).as_posix()
                # NFC: a Mac or a zip tool may have stored the same name decomposed.
                key = unicodedata.normalize("NFC", relative)
                if key in self.sizes:
                    self.bad_names.append((shown, "two files with the same name"))
                    continue
                self.sizes[key] = info.st_size
                self.actual[key] = relative

    @staticmethod
    def _shown(relative: Path) -> str:
        return os.fsencode(relative.as_posix()).decode("utf-8", errors="backslashreplace")

    def open(self, name: str) -> IO[bytes]:
        return (self.root / self.actual[name]).open("rb")


class _ZipSource(_Source):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        try:
            self.archive = zipfile.ZipFile(path)
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise PackageUnreadableError(path=str(path), detail=str(exc)) from exc
        if len(infos) > MAX_ZIP_ENTRIES:
            self.archive.close()
            raise PackageUnreadableError(path=str(path), detail="too many entries")
        files = [info for info in infos if not info.is_dir()]
        prefix = self._common_top(files)
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in files:
            name = info.filename
            reason = _unsafe_reason(name)
            if reason is None and info.flag_bits & 0x1:
                reason = "encrypted"
            if reason is not None:
                self.bad_names.append((name, reason))
                continue
            relative = unicodedata.normalize("NFC", name[len(prefix) :] if name.startswith(prefix) else name)
            if relative in self.infos:
                self.bad_names.append((name, "two files with the same name"))
                continue
            self.infos[relative] = info
            self.sizes[relative] = info.file_size

    @staticmethod
    def _common_top(files: list[zipfile.ZipInfo]) -> str:
        """'folder/' when the zip holds the package inside one top folder (as finish_package writes it).

        Decided on the safe names only, so a hostile extra member cannot hide the package.
        """
        names = [info.filename for info in files if _unsafe_reason(info.filename) is None]
        if not names or MANIFEST_NAME in names:
            return ""
        tops = {name.split("/", 1)[0] + "/" for name in names if name.endswith("/" + MANIFEST_NAME)}
        tops = {top for top in tops if top + MANIFEST_NAME in names}
        if len(tops) == 1:
            return tops.pop()
        firsts = {name.split("/", 1)[0] + "/" for name in names}
        if len(firsts) == 1 and all("/" in name for name in names):
            return firsts.pop()  # one top folder whose manifest.json is missing
        return ""

    def open(self, name: str) -> IO[bytes]:
        return self.archive.open(self.infos[name])

    def close(self) -> None:
        self.archive.close()


def _open_source(path: Path) -> _Source:
    if path.is_dir():
        try:
            return _FolderSource(path)
        except OSError as exc:
            raise PackageUnreadableError(path=str(path), detail=exc.strerror or str(exc)) from exc
    if path.is_file():
        return _ZipSource(path)
    raise PackageUnreadableError(path=str(path), detail="no such folder or file")


def _is_system_file(name: str) -> bool:
    parts = name.split("/")
    return parts[-1] in SYSTEM_FILES or parts[-1].startswith("._") or any(p in SYSTEM_FOLDERS for p in parts)


# ----------------------------------------------------------------------------- the manifest


class _ManifestError(ValueError):
    pass


@dataclass(frozen=True)
class _FileEntry:
    file: str
    sha256: str
    size: int


@dataclass(frozen=True)
class _TokenEntry:
    file: str
    stamped_sha256: str
    subject: str
    item_ids: tuple[int, ...]
    ca_file: str | None
    untrusted_file: str | None
    proofs: dict[int, tuple[str, ...]]


@dataclass
class _Manifest:
    dossier_id: str
    public_key_sha256: str
    pdf_certificate_sha256: str | None
    items: list[_FileEntry] = field(default_factory=list)
    item_ids: dict[int, _FileEntry] = field(default_factory=dict)
    support: list[_FileEntry] = field(default_factory=list)
    tokens: list[_TokenEntry] = field(default_factory=list)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _ManifestError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise _ManifestError(f"{name} is not a number")


def _get(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise _ManifestError(f"{where}: '{key}' is missing")
    value = obj[key]
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise _ManifestError(f"{where}: '{key}' has the wrong type")
    if not isinstance(value, kind):
        raise _ManifestError(f"{where}: '{key}' has the wrong type")
    return value


def _sha(obj: Any, key: str, where: str) -> str:
    value = _get(obj, key, str, where)
    if len(value) != 64 or any(char not in "0123456789abcdef" for char in value):
        raise _ManifestError(f"{where}: '{key}' is not a SHA-256 in lower-case hex")
    return str(value)


def _path(obj: Any, key: str, where: str, folder: str | None) -> str:
    value = str(_get(obj, key, str, where))
    reason = _unsafe_reason(value)
    if reason is not None:
        raise _ManifestError(f"{where}: '{key}' is not a safe package path ({reason})")
    parts = value.split("/")
    if folder is None and len(parts) != 1:
        raise _ManifestError(f"{where}: '{key}' must be a file at the top of the package")
    if folder is not None and (len(parts) != 2 or parts[0] != folder):
        raise _ManifestError(f"{where}: '{key}' must be a file in {folder}/")
    return unicodedata.normalize("NFC", value)


def _file_entry(obj: Any, where: str, folder: str | None) -> _FileEntry:
    size = _get(obj, "size", int, where)
    if size < 0:
        raise _ManifestError(f"{where}: 'size' is negative")
    return _FileEntry(_path(obj, "file", where, folder), _sha(obj, "sha256", where), int(size))


def _proofs(token: Any, where: str) -> dict[int, tuple[str, ...]]:
    """The Merkle inclusion steps per item id ("left:<hex>"/"right:<hex>", see timestamping/merkle.py)."""
    raw = _get(token, "inclusion_proofs", dict, where)
    proofs: dict[int, tuple[str, ...]] = {}
    for key, steps in raw.items():
        if not key.isdigit() or not isinstance(steps, list) or not all(isinstance(s, str) for s in steps):
            raise _ManifestError(f"{where}: 'inclusion_proofs' must map item ids to lists of steps")
        proofs[int(key)] = tuple(steps)
    return proofs


def _parse_manifest(data: bytes) -> _Manifest:
    try:
        top = json.loads(
            data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_reject_constant
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _ManifestError(f"not UTF-8 JSON ({exc})") from exc
    if not isinstance(top, dict):
        raise _ManifestError("not a JSON object")
    if top.get("format") != FORMAT_NAME:
        raise _ManifestError("'format' is not " + FORMAT_NAME)
    version = _get(top, "format_version", int, "manifest")
    if version != FORMAT_VERSION:
        raise _ManifestError(f"format version {version} is not supported by this version of Evidence Kit")
    signature = _get(top, "signature", dict, "manifest")
    pdf = _get(top, "pdf", dict, "manifest")
    if _get(pdf, "file", str, "pdf") != PDF_NAME:
        raise _ManifestError("'pdf.file' must be " + PDF_NAME)
    certificate = pdf.get("signing_certificate_sha256")
    manifest = _Manifest(
        dossier_id=str(_get(top, "dossier_id", str, "manifest")),
        public_key_sha256=_sha(signature, "public_key_sha256", "signature"),
        pdf_certificate_sha256=_sha(pdf, "signing_certificate_sha256", "pdf")
        if certificate is not None
        else None,
    )
    seen: set[str] = {MANIFEST_NAME, SIGNATURE_NAME, PUBLIC_KEY_NAME, PDF_NAME}
    for index, item in enumerate(_get(top, "items", list, "manifest"), start=1):
        where = f"item {index}"
        entry = _file_entry(item, where, ORIGINALS_DIR)
        item_id = _get(item, "id", int, where)
        if entry.file in seen or item_id in manifest.item_ids:
            raise _ManifestError(f"{where}: its file or id appears twice")
        seen.add(entry.file)
        manifest.items.append(entry)
        manifest.item_ids[int(item_id)] = entry
    for index, support in enumerate(_get(top, "support_files", list, "manifest"), start=1):
        where = f"support file {index}"
        value = _get(support, "file", str, where)
        folder = None
        if "/" in value:
            folder = ORIGINALS_DIR if value == INNER_SUMS_NAME else TIMESTAMPS_DIR
        entry = _file_entry(support, where, folder)
        if entry.file in seen:
            raise _ManifestError(f"{where}: its file appears twice")
        seen.add(entry.file)
        manifest.support.append(entry)
    support_names = {entry.file for entry in manifest.support}
    for index, token in enumerate(_get(top, "timestamps", list, "manifest"), start=1):
        where = f"timestamp {index}"
        if not isinstance(token, dict):
            raise _ManifestError(f"{where}: not a JSON object")
        optional = {}
        for key in ("ca_file", "untrusted_file"):
            optional[key] = _path(token, key, where, TIMESTAMPS_DIR) if token.get(key) is not None else None
        entry_file = _path(token, "file", where, TIMESTAMPS_DIR)
        for name in (entry_file, *[value for value in optional.values() if value is not None]):
            if name not in support_names:
                raise _ManifestError(f"{where}: {name} is not listed among the support files")
        item_ids = _get(token, "item_ids", list, where)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in item_ids):
            raise _ManifestError(f"{where}: 'item_ids' must be numbers")
        manifest.tokens.append(
            _TokenEntry(
                file=entry_file,
                stamped_sha256=_sha(token, "stamped_sha256", where),
                subject=str(_get(token, "subject", str, where)),
                item_ids=tuple(item_ids),
                ca_file=optional["ca_file"],
                untrusted_file=optional["untrusted_file"],
                proofs=_proofs(token, where),
            )
        )
    if SUMS_NAME not in support_names:
        raise _ManifestError(f"{SUMS_NAME} is not listed among the support files")
    return manifest


# ----------------------------------------------------------------------------- the checks


def _hash_limited(stream: IO[bytes], limit: int) -> tuple[str, int]:
    """SHA-256 and size of at most `limit` + 1 bytes (one byte more than expected is enough)."""
    digest = hashlib.sha256()
    size = 0
    while size <= limit:
        chunk = stream.read(min(CHUNK_SIZE, limit + 1 - size))
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


class _Checker:
    def __init__(self, source: _Source) -> None:
        self.source = source
        self.results: list[CheckResult] = []
        self.expected: set[str] = set()
        self.file_ok: dict[str, bool] = {}
        self.manifest_bytes: bytes | None = None
        self.manifest: _Manifest | None = None

    def add(self, subject: str, status: CheckStatus, code: str, template: str, /, **params: object) -> None:
        values = tuple((key, str(value)) for key, value in params.items())
        self.results.append(CheckResult(subject, status, code, template, values))

    def read_small(self, name: str, limit: int = MAX_SMALL_FILE_BYTES) -> bytes | None:
        """A required small file, or None after reporting it missing or unreadable."""
        self.expected.add(name)
        if name not in self.source.sizes:
            self.add(name, CheckStatus.MISSING, "file_missing", "{file} is missing.", file=name)
            return None
        try:
            data = self.source.read(name, limit)
        except _READ_ERRORS as exc:
            self.add(
                name,
                CheckStatus.INVALID,
                "file_unreadable",
                "{file} could not be read: {detail}",
                file=name,
                detail=str(exc),
            )
            return None
        if data is None:
            self.add(
                name,
                CheckStatus.INVALID,
                "file_unreadable",
                "{file} could not be read: {detail}",
                file=name,
                detail=f"larger than {limit} bytes",
            )
        return data

    # -- manifest and signature

    def check_manifest(self) -> None:
        data = self.read_small(MANIFEST_NAME, MAX_MANIFEST_BYTES)
        signature = self.read_small(SIGNATURE_NAME, 1024)
        key_pem = self.read_small(PUBLIC_KEY_NAME, 64 * 1024)
        if data is None:
            return
        self.manifest_bytes = data
        try:
            self.manifest = _parse_manifest(data)
        except _ManifestError as exc:
            self.add(
                MANIFEST_NAME,
                CheckStatus.INVALID,
                "manifest_invalid",
                "manifest.json is not a valid Evidence Kit manifest: {detail}",
                detail=str(exc),
            )
        if signature is None or key_pem is None:
            return
        try:
            key = serialization.load_pem_public_key(key_pem)
            if not isinstance(key, Ed25519PublicKey):
                raise ValueError("another kind of key")
        except (ValueError, TypeError) as exc:
            self.add(
                PUBLIC_KEY_NAME,
                CheckStatus.INVALID,
                "key_invalid",
                "public_key.pem is not an Ed25519 public key: {detail}",
                detail=str(exc),
            )
            return
        fingerprint = public_key_sha256(key)
        try:
            key.verify(signature, data)
        except InvalidSignature:
            self.add(
                SIGNATURE_NAME,
                CheckStatus.MISMATCH,
                "manifest_signature_bad",
                "The signature in manifest.sig does not match manifest.json and public_key.pem: "
                "manifest.json or the key has been changed.",
            )
            return
        self.add(
            SIGNATURE_NAME,
            CheckStatus.OK,
            "manifest_signature_ok",
            "manifest.json is signed by the key in public_key.pem (SHA-256 {fingerprint}).",
            fingerprint=fingerprint,
        )
        if self.manifest is not None and self.manifest.public_key_sha256 != fingerprint:
            self.add(
                PUBLIC_KEY_NAME,
                CheckStatus.MISMATCH,
                "key_not_recorded",
                "public_key.pem is not the key recorded in manifest.json (SHA-256 {actual}, "
                "recorded {expected}).",
                actual=fingerprint,
                expected=self.manifest.public_key_sha256,
            )
        self.add(
            PUBLIC_KEY_NAME,
            CheckStatus.NOTICE,
            "key_trust",
            "The key is the vault's own; compare its fingerprint with the vault's key if you can.",
        )

    # -- files listed in the manifest

    def check_file(self, entry: _FileEntry) -> None:
        name = entry.file
        self.expected.add(name)
        self.file_ok[name] = False
        if name not in self.source.sizes:
            self.add(name, CheckStatus.MISSING, "file_missing", "{file} is missing.", file=name)
            return
        if self.source.sizes[name] != entry.size:
            self.add(
                name,
                CheckStatus.MISMATCH,
                "file_size_mismatch",
                "{file} has been changed: it is {actual} bytes, the manifest says {expected}.",
                file=name,
                actual=self.source.sizes[name],
                expected=entry.size,
            )
            return
        try:
            with self.source.open(name) as stream:
                actual, size = _hash_limited(stream, entry.size)
        except _READ_ERRORS as exc:
            # A zip member whose CRC or length does not match fails here.
            self.add(
                name,
                CheckStatus.MISMATCH,
                "file_unreadable",
                "{file} could not be read: {detail}",
                file=name,
                detail=str(exc),
            )
            return
        if size != entry.size:
            self.add(
                name,
                CheckStatus.MISMATCH,
                "file_size_mismatch",
                "{file} has been changed: it is {actual} bytes, the manifest says {expected}.",
                file=name,
                actual=size,
                expected=entry.size,
            )
        elif actual != entry.sha256:
            self.add(
                name,
                CheckStatus.MISMATCH,
                "file_hash_mismatch",
                "{file} has been changed: its SHA-256 is {actual}, the manifest says {expected}.",
                file=name,
                actual=actual,
                expected=entry.sha256,
            )
        else:
            self.file_ok[name] = True
            self.add(
                name,
                CheckStatus.OK,
                "file_ok",
                "{file} matches its SHA-256 and size in the manifest.",
                file=name,
            )

    def check_sums(self, manifest: _Manifest) -> None:
        """SHA256SUMS must list exactly the originals, with the manifest's hashes."""
        if not self.file_ok.get(SUMS_NAME):
            return  # already reported as missing or changed
        try:
            data = self.source.read(SUMS_NAME, MAX_SMALL_FILE_BYTES) or b""
        except _READ_ERRORS:
            return  # it hashed correctly a moment ago; a second read failing is reported by nothing new
        expected = {entry.file: entry.sha256 for entry in manifest.items}
        problems: list[str] = []
        listed: dict[str, str] = {}
        for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
            digest, sep, name = raw.partition("  ")
            if not sep:
                digest, sep, name = raw.partition(" *")
            name = unicodedata.normalize("NFC", name)
            if not sep or name in listed:
                problems.append(f"line {number} is not a 'hash  path' line or repeats a file")
                continue
            listed[name] = digest.lower()
        for name, digest in listed.items():
            if expected.get(name) != digest:
                problems.append(f"{name} has another hash than in manifest.json, or is not in it")
        problems.extend(f"{name} is not listed" for name in expected if name not in listed)
        if problems:
            self.add(
                SUMS_NAME,
                CheckStatus.MISMATCH,
                "sums_mismatch",
                "SHA256SUMS does not agree with manifest.json: {detail}",
                detail="; ".join(problems[:5]),
            )
        else:
            self.add(SUMS_NAME, CheckStatus.OK, "sums_ok", "SHA256SUMS agrees with manifest.json.")

    # -- the PDF

    def check_pdf(self, manifest: _Manifest | None) -> None:
        data = self.read_small(PDF_NAME, MAX_PDF_BYTES)
        if data is None:
            return
        try:
            self._check_pdf(data, manifest)
        except Exception as exc:  # pyHanko parsing untrusted bytes can fail in many ways
            self.add(
                PDF_NAME,
                CheckStatus.INVALID,
                "pdf_unreadable",
                "dossier.pdf cannot be read as a PDF: {detail}",
                detail=str(exc) or type(exc).__name__,
            )

    def _check_pdf(self, data: bytes, manifest: _Manifest | None) -> None:
        from pyhanko.pdf_utils.reader import PdfFileReader

        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_regular_signatures
        if not signatures:
            self.add(PDF_NAME, CheckStatus.INVALID, "pdf_unsigned", "dossier.pdf is not signed.")
        elif len(signatures) > 1:
            # Evidence Kit signs once; a second signature means someone changed and re-signed the PDF.
            self.add(
                PDF_NAME,
                CheckStatus.MISMATCH,
                "pdf_signed_again",
                "dossier.pdf carries {count} signatures; Evidence Kit signs a dossier once.",
                count=len(signatures),
            )
        else:
            self._check_signature(signatures[0], manifest)
        self._check_attachment(reader)

    def _check_signature(self, signature: Any, manifest: _Manifest | None) -> None:
        from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext

        signer = signature.signer_cert
        # Trust the signer's own certificate for the cryptographic check; trust is reported apart.
        context = ValidationContext(trust_roots=[signer], allow_fetching=False, revocation_mode="soft-fail")
        ts_context = ValidationContext(
            trust_roots=_timestamp_certificates(signature), allow_fetching=False, revocation_mode="soft-fail"
        )
        # skip_diff: any later revision already fails the whole-file coverage check below.
        status = validate_pdf_signature(signature, context, ts_validation_context=ts_context, skip_diff=True)
        if not (status.intact and status.valid):
            self.add(
                PDF_NAME,
                CheckStatus.MISMATCH,
                "pdf_changed",
                "dossier.pdf has been changed after it was signed.",
            )
            return
        if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            self.add(
                PDF_NAME,
                CheckStatus.MISMATCH,
                "pdf_extended",
                "dossier.pdf was extended after it was signed: the signature does not cover the whole file.",
            )
            return
        self.add(
            PDF_NAME,
            CheckStatus.OK,
            "pdf_signature_ok",
            "dossier.pdf is signed and unchanged since signing; the signature covers the whole file.",
        )
        certificate_sha256 = hashlib.sha256(signer.dump()).hexdigest()
        if manifest is not None and manifest.pdf_certificate_sha256 not in (None, certificate_sha256):
            self.add(
                PDF_NAME,
                CheckStatus.MISMATCH,
                "pdf_signer_mismatch",
                "dossier.pdf is signed by a certificate other than the one recorded in manifest.json "
                "(SHA-256 {actual}, recorded {expected}).",
                actual=certificate_sha256,
                expected=manifest.pdf_certificate_sha256,
            )
        self.add(
            PDF_NAME,
            CheckStatus.NOTICE,
            "pdf_signer_self_made",
            "dossier.pdf is signed with the vault's own certificate ({signer}); no public authority "
            "vouches for it, so PDF readers call the signer unknown. This is expected.",
            signer=signer.subject.human_friendly,
        )
        timestamp = status.timestamp_validity
        if timestamp is not None:
            if timestamp.intact and timestamp.valid:
                self.add(
                    PDF_NAME,
                    CheckStatus.NOTICE,
                    "pdf_timestamp_ok",
                    "The signature of dossier.pdf carries a timestamp of {time} (UTC); it is intact.",
                    time=_utc(timestamp.timestamp),
                )
            else:
                self.add(
                    PDF_NAME,
                    CheckStatus.MISMATCH,
                    "pdf_timestamp_bad",
                    "The timestamp on the signature of dossier.pdf is damaged.",
                )
        elif status.signer_reported_dt is not None:
            self.add(
                PDF_NAME,
                CheckStatus.NOTICE,
                "pdf_no_timestamp",
                "The signature of dossier.pdf has no timestamp; its signing time is the computer's "
                "clock: {time} (UTC).",
                time=_utc(status.signer_reported_dt),
            )

    def _check_attachment(self, reader: Any) -> None:
        attached = _attachment(reader, PDF_ATTACHMENT_NAME)
        if attached is None:
            self.add(
                PDF_NAME,
                CheckStatus.MISSING,
                "pdf_manifest_missing",
                "dossier.pdf has no manifest.json attached.",
            )
        elif self.manifest_bytes is not None and attached != self.manifest_bytes:
            self.add(
                PDF_NAME,
                CheckStatus.MISMATCH,
                "pdf_manifest_differs",
                "The manifest attached to dossier.pdf differs from manifest.json.",
            )
        elif self.manifest_bytes is not None:
            self.add(
                PDF_NAME,
                CheckStatus.OK,
                "pdf_manifest_ok",
                "The manifest attached to dossier.pdf is identical to manifest.json.",
            )

    # -- time-stamp tokens

    def check_tokens(self, manifest: _Manifest) -> None:
        for token in manifest.tokens:
            if not self.file_ok.get(token.file):
                continue  # its file was already reported missing or changed
            try:
                self._check_token(token, manifest)
            except Exception as exc:  # ASN.1 parsing of untrusted bytes can fail in many ways
                self.add(
                    token.file,
                    CheckStatus.INVALID,
                    "token_invalid",
                    "{file} is not a usable time-stamp token: {detail}",
                    file=token.file,
                    detail=str(exc) or type(exc).__name__,
                )

    def _check_token(self, token: _TokenEntry, manifest: _Manifest) -> None:
        from rfc3161_client import decode_timestamp_response

        from evidence_kit.timestamping.client import verify_response
        from evidence_kit.timestamping.errors import TimestampError

        data = self.source.read(token.file, MAX_SMALL_FILE_BYTES) or b""
        imprint = decode_timestamp_response(data).tst_info.message_imprint.message.hex()
        if imprint != token.stamped_sha256:
            self.add(
                token.file,
                CheckStatus.MISMATCH,
                "token_imprint_mismatch",
                "{file} stamps {actual}, not {expected} as the manifest says.",
                file=token.file,
                actual=imprint,
                expected=token.stamped_sha256,
            )
            return
        if not self._token_covers_items(token, manifest):
            return
        roots = self._certificates(token.ca_file)
        if roots:
            try:
                info = verify_response(
                    data,
                    bytes.fromhex(imprint),
                    roots=roots,
                    intermediates=self._certificates(token.untrusted_file),
                    tsa=token.file,
                )
            except TimestampError as exc:
                self.add(
                    token.file,
                    CheckStatus.INVALID,
                    "token_invalid",
                    "{file} is not a usable time-stamp token: {detail}",
                    file=token.file,
                    detail=str(exc),
                )
                return
            time = _utc(info.gen_time)
        else:
            time = _utc(decode_timestamp_response(data).tst_info.gen_time)
        if token.subject == "item":
            self.add(
                token.file,
                CheckStatus.OK,
                "token_ok",
                "{file}: a valid time-stamp token of {time} (UTC) for {subject}.",
                file=token.file,
                time=time,
                subject=manifest.item_ids[token.item_ids[0]].file,
            )
        elif token.subject == "merkle_root":
            self.add(
                token.file,
                CheckStatus.OK,
                "token_ok",
                "{file}: a valid time-stamp token of {time} (UTC) for the Merkle root {sha256} of {items}.",
                file=token.file,
                time=time,
                sha256=imprint,
                items=", ".join(manifest.item_ids[i].file for i in token.item_ids),
            )
        else:
            self.add(
                token.file,
                CheckStatus.OK,
                "token_ok",
                "{file}: a valid time-stamp token of {time} (UTC) for the custody log head {sha256}.",
                file=token.file,
                time=time,
                sha256=imprint,
            )
        if roots:
            self.add(
                token.file,
                CheckStatus.NOTICE,
                "token_trust",
                "{file}: the time-stamp authority's certificate in the package was used; compare it with "
                "the one the authority publishes.",
                file=token.file,
            )
        else:
            self.add(
                token.file,
                CheckStatus.NOTICE,
                "token_no_root",
                "{file}: the package holds no root certificate of the time-stamp authority, so only the "
                "stamped hash was checked, not the authority's signature.",
                file=token.file,
            )

    def _token_covers_items(self, token: _TokenEntry, manifest: _Manifest) -> bool:
        """An item token stamps its item's SHA-256; a Merkle root is reached from each item's proof."""
        from evidence_kit.timestamping.merkle import root_from_steps

        if token.subject == "item":
            item = manifest.item_ids.get(token.item_ids[0]) if len(token.item_ids) == 1 else None
            if item is None or item.sha256 != token.stamped_sha256:
                self.add(
                    token.file,
                    CheckStatus.MISMATCH,
                    "token_item_mismatch",
                    "{file} stamps {actual}, not {expected} as the manifest says.",
                    file=token.file,
                    actual=token.stamped_sha256,
                    expected=item.sha256 if item is not None else "?",
                )
                return False
        elif token.subject == "merkle_root":
            stamped = bytes.fromhex(token.stamped_sha256)
            for item_id in token.item_ids:
                item = manifest.item_ids.get(item_id)
                steps = token.proofs.get(item_id)
                if (
                    item is None
                    or steps is None
                    or root_from_steps(bytes.fromhex(item.sha256), steps) != stamped
                ):
                    self.add(
                        token.file,
                        CheckStatus.MISMATCH,
                        "token_proof_mismatch",
                        "{file}: the inclusion proof of item {item} does not lead to the stamped Merkle "
                        "root {sha256}.",
                        file=token.file,
                        item=item.file if item is not None else item_id,
                        sha256=token.stamped_sha256,
                    )
                    return False
        elif token.subject != "custody_head":
            self.add(
                token.file,
                CheckStatus.INVALID,
                "token_invalid",
                "{file} is not a usable time-stamp token: {detail}",
                file=token.file,
                detail=f"unknown subject {token.subject!r}",
            )
            return False
        return True

    def _certificates(self, name: str | None) -> list[x509.Certificate]:
        if name is None or not self.file_ok.get(name):
            return []
        return list(x509.load_pem_x509_certificates(self.source.read(name, MAX_SMALL_FILE_BYTES) or b""))

    # -- what else is there

    def check_extra(self) -> None:
        for shown, reason in self.source.bad_names:
            self.add(
                shown,
                CheckStatus.INVALID,
                "bad_name",
                "{file} has a name that is not allowed in a package: {detail}",
                file=shown,
                detail=reason,
            )
        for name in sorted(self.source.sizes):
            if name in self.expected:
                continue
            if _is_system_file(name):
                self.add(
                    name,
                    CheckStatus.NOTICE,
                    "system_file",
                    "{file} is a system file of the operating system; it was ignored.",
                    file=name,
                )
            else:
                self.add(
                    name,
                    CheckStatus.UNEXPECTED,
                    "file_unexpected",
                    "{file} is not part of the exported package.",
                    file=name,
                )

    def run(self) -> None:
        self.check_manifest()
        manifest = self.manifest
        if manifest is not None:
            for entry in manifest.items:
                self.check_file(entry)
            for entry in manifest.support:
                self.check_file(entry)
            self.check_sums(manifest)
        self.check_pdf(manifest)
        if manifest is not None:
            self.check_tokens(manifest)
            self.check_extra()


def _utc(moment: datetime) -> str:
    if moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _timestamp_certificates(signature: Any) -> list[Any]:
    """The certificates inside the signature's own timestamp token (for the cryptographic check only)."""
    attrs = signature.signer_info["unsigned_attrs"]
    certificates: list[Any] = []
    if attrs.native is None:
        return certificates
    for attr in attrs:
        if attr["type"].native != "signature_time_stamp_token":
            continue
        for token in attr["values"]:
            for choice in token["content"]["certificates"]:
                if choice.name == "certificate":
                    certificates.append(choice.chosen)
    return certificates


def _attachment(reader: Any, wanted: str) -> bytes | None:
    """The bytes of the embedded file `wanted` from the document's EmbeddedFiles name tree."""
    try:
        tree = reader.root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return None
    found = _find_in_name_tree(tree, wanted, 0)
    if found is None:
        return None
    spec = found.get_object()
    stream = spec["/EF"].get("/UF") or spec["/EF"]["/F"]
    data: bytes = stream.get_object().data
    return data


def _find_in_name_tree(node: Any, wanted: str, depth: int) -> Any:
    if depth > MAX_NAME_TREE_DEPTH:
        return None
    node = node.get_object()
    names = node.get("/Names")
    if names is not None:
        names = names.get_object()
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == wanted:
                return names[index + 1]
    for kid in node.get("/Kids") or ():
        found = _find_in_name_tree(kid, wanted, depth + 1)
        if found is not None:
            return found
    return None


def verify_package(path: Path) -> PackageReport:
    """Check a package folder or .zip (see the module docstring); never raises for damage inside it."""
    path = Path(path)
    source = _open_source(path)
    try:
        checker = _Checker(source)
        checker.run()
    finally:
        with contextlib.suppress(Exception):
            source.close()
    manifest_sha256 = sha256_hex(checker.manifest_bytes) if checker.manifest_bytes is not None else None
    return PackageReport(
        path=str(path),
        results=tuple(checker.results),
        dossier_id=checker.manifest.dossier_id if checker.manifest is not None else None,
        manifest_sha256=manifest_sha256,
    )
