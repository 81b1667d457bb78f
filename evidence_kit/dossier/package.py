"""The export package: a folder (and optionally one .zip) that anyone can verify with standard tools.

Rule: the package is written so that nothing in it depends on the vault or a passphrase to be
checked, and so that every byte that matters is covered by the Ed25519 signature over
`manifest.json`:

    originals/NNNN_<safe name>   each item's original bytes, copied in chunks and hashed while
                                 copying; a copy that does not hash to the recorded SHA-256
                                 stops the export and nothing is left behind
    timestamps/                  RFC 3161 replies (.tsr) and the TSA certificates (.pem)
    VERIFY.txt                   how to check all of it, in the dossier's language
    SHA256SUMS                   `sha256sum -c` input for originals/, paths relative to the package root
    manifest.json                canonical JSON (hashing.canonical_json) listing every item and every
                                 file above with its SHA-256 and size; NOT dossier.pdf, which carries
                                 the manifest's SHA-256 in its footer instead
    manifest.sig, public_key.pem raw Ed25519 signature of manifest.json's bytes; the key as SPKI PEM
    dossier.pdf                  rendered after the manifest is final, with manifest.json attached,
                                 then signed (signing.py)

Order of calls (`export_package` does all four):
    1. staged = write_package(out_dir, ...)          -> staged.manifest_sha256 for the PDF footer
    2. render the PDF with staged.manifest_sha256
    3. signing.sign_pdf(pdf, staged.pdf_path, identity, staged.manifest_bytes, ...)
    4. result = finish_package(staged, zip_path=...) -> moves the folder to out_dir, writes the zip
Until step 4 everything lives in a hidden sibling folder, so an interrupted export never leaves
a folder that looks complete; `staged.discard()` removes it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, cast

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_kit.domain import ItemKind, Timestamp
from evidence_kit.errors import (
    DiskFullError,
    EvidenceKitError,
    ExtractMismatchError,
    OutputExistsError,
)
from evidence_kit.hashing import CHUNK_SIZE, canonical_json, read_chunks, sha256_hex
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo
from evidence_kit.storage.signing_identity import SigningIdentity
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
    TOOL_NAME,
    VERIFY_NAME,
    public_key_sha256,
)

from .signing import SignOutcome, sign_pdf

# Safe names (see safe_file_name): well under the 255-byte limit of common file systems, and
# short enough that "<folder>\originals\<name>" stays under Windows' classic 260-character limit.
MAX_NAME_BYTES = 120
MAX_EXTENSION_CHARS = 10
FALLBACK_STEM = "file"
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in (*"123456789", "¹", "²", "³")}
    | {f"LPT{n}" for n in (*"123456789", "¹", "²", "³")}
)
_EXTENSION = re.compile(rf"[A-Za-z0-9]{{1,{MAX_EXTENSION_CHARS}}}")
_UNDERSCORE_RUNS = re.compile(r"_{2,}")
_DOT_RUNS = re.compile(r"\.{2,}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
# Fixed zip entry time for entries written before 1980 (the zip format cannot say earlier).
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class PackageWriteError(EvidenceKitError):
    template = "Could not write the export package {path}: {detail}"


# ----------------------------------------------------------------------------- safe names


def _keep(char: str) -> str:
    """What one character of a name's stem becomes: itself, '_' or nothing."""
    category = unicodedata.category(char)
    if category[0] in "LN" or category in ("Mn", "Mc", "Me"):
        return char  # letters, digits and combining marks of any script carry the meaning of a name
    if category[0] == "C":
        return ""  # controls, bidi overrides, zero-width joiners, surrogates: invisible, so dropped
    if char in "-.":
        return char
    return "_"  # spaces, punctuation, symbols and emoji: awkward to type in a shell command


def _clean_stem(stem: str) -> str:
    cleaned = "".join(_keep(char) for char in stem)
    cleaned = _DOT_RUNS.sub(".", _UNDERSCORE_RUNS.sub("_", cleaned)).strip("._- ")
    if cleaned.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        cleaned += "_"
    return cleaned


def _truncate_utf8(text: str, max_bytes: int) -> str:
    """The longest prefix of `text` in whole code points that fits in `max_bytes` of UTF-8."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[: max(max_bytes, 0)].decode("utf-8", errors="ignore")


def base_name(original: str) -> str:
    """The last path component of a name as an export or a file system gave it ('../a\\b.png' -> 'b.png')."""
    return re.split(r"[/\\]", original)[-1]


def safe_file_name(original: str, number: int) -> str:
    """The name under which item `number` is written into `originals/`, e.g. '0007_screenshot.png'.

    NFC; no path separators, control or formatting characters (so a right-to-left override
    cannot make "photo\\u202egnp.exe" look like a PNG), no characters Windows forbids, no
    reserved device name, no leading/trailing dots or spaces, at most MAX_NAME_BYTES of UTF-8.
    The number prefix makes names unique even on case-insensitive file systems.
    """
    if number < 0:
        raise ValueError("item numbers are not negative")
    normalized = unicodedata.normalize("NFC", base_name(original))
    # Invisible characters go before the extension is looked for, so the real one is kept.
    visible = "".join(char for char in normalized if unicodedata.category(char)[0] != "C")
    stem, dot, suffix = visible.rpartition(".")
    extension = "." + suffix if dot and stem.strip(". ") and _EXTENSION.fullmatch(suffix) else ""
    if not extension:
        stem = visible
    prefix = f"{number:04d}_"
    budget = MAX_NAME_BYTES - len(prefix) - len(extension) - 1  # 1 spare byte for a reserved-name "_"
    stem = _clean_stem(unicodedata.normalize("NFC", _truncate_utf8(_clean_stem(stem), budget)))
    return prefix + (stem or FALLBACK_STEM) + extension


# ----------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class PackageItem:
    """One item to export. `open()` returns a fresh binary stream (or an iterator of chunks) of its bytes.

    `number` is the item's number in the dossier (1, 2, ...), the same the PDF prints; it
    prefixes the file name. `sha256` and `size` are the values recorded in the vault: the copy
    is checked against them.
    """

    number: int
    item_id: int
    original_name: str
    sha256: str
    size: int
    kind: ItemKind
    open: Callable[[], BinaryIO | Iterator[bytes]]
    media_type: str | None = None
    times: tuple[Timestamp, ...] = ()
    message_count: int | None = None
    withheld: bool = False  # shown as "content withheld" in the PDF; the original is still in the package


class TokenSubject(StrEnum):
    """What the digest in a time-stamp token's message imprint is."""

    ITEM = "item"  # one item's SHA-256: `openssl ts -verify -data originals/<file>` checks it directly
    MERKLE_ROOT = "merkle_root"  # a Merkle root over several items' SHA-256 (see docs/verification.md)
    CUSTODY_HEAD = "custody_head"  # the custody log's head hash at some moment


@dataclass(frozen=True)
class PackageToken:
    """An RFC 3161 token to ship in `timestamps/`.

    `response_der` is the TSA's reply as received (DER TimeStampResp: what `openssl ts -verify
    -in` reads). `stamped_sha256` is the hex digest in its message imprint. `tsa_certificates_pem`
    is the TSA's chain as stored with the token (PEM, any order; self-signed certificates become
    the `-CAfile`, the others `-untrusted`). `inclusion_proofs` holds, per item id, the opaque
    steps of the Merkle scheme (MERKLE_ROOT tokens only).
    """

    response_der: bytes
    tsa_name: str
    stamped_sha256: str
    subject: TokenSubject
    item_ids: tuple[int, ...] = ()
    tsa_certificates_pem: bytes = b""
    gen_time: datetime | None = None
    inclusion_proofs: tuple[tuple[int, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class TokenCommand:
    """How VERIFY.txt tells a reader to check one token with openssl."""

    token_file: str
    subject: str  # a TokenSubject value
    data_file: str | None  # the original the token stamps directly, if any
    stamped_sha256: str
    item_files: tuple[str, ...]  # the originals a Merkle root covers
    verify_command: str
    show_command: str
    has_ca_file: bool


@dataclass(frozen=True)
class StagedPackage:
    """A package written up to its manifest, in a hidden folder beside `out_dir` (steps 1-3)."""

    root: Path
    out_dir: Path
    manifest_bytes: bytes
    manifest_sha256: str
    dossier_id: str
    export_time: datetime
    original_files: tuple[str, ...] = field(default=())

    @property
    def pdf_path(self) -> Path:
        """Where step 3 writes the signed dossier.pdf."""
        return self.root / PDF_NAME

    def discard(self) -> None:
        """Remove the unfinished package (after a failure in steps 2-3)."""
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass(frozen=True)
class PackageResult:
    """A finished package: the folder, the optional zip, and the manifest hash the custody event records."""

    root: Path
    manifest_sha256: str
    zip_path: Path | None
    item_count: int
    original_files: tuple[str, ...]


# ----------------------------------------------------------------------------- helpers


def utc_text(moment: datetime) -> str:
    """An aware datetime as UTC ISO 8601 with 'Z', as the manifest writes times."""
    if moment.utcoffset() is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _time_entry(stamp: Timestamp) -> dict[str, Any]:
    return {
        "source": str(stamp.source),
        "utc": utc_text(stamp.utc) if stamp.utc is not None else None,
        "local": stamp.local.isoformat() if stamp.local is not None else None,
        "offset_minutes": stamp.offset_minutes,
        "assumption": stamp.assumption,
    }


def _os_error(exc: OSError, path: Path) -> EvidenceKitError:
    if exc.errno == errno.ENOSPC:
        return DiskFullError(path=str(path))
    return PackageWriteError(path=str(path), detail=exc.strerror or str(exc))


def _create_file(path: Path) -> BinaryIO:
    """A new file, mode 0600 (evidence), never overwriting."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


def _write_bytes(path: Path, data: bytes) -> None:
    with _create_file(path) as handle:
        handle.write(data)


def _chunks_of(source: BinaryIO | Iterator[bytes]) -> Iterator[bytes]:
    if hasattr(source, "read"):
        # Read fixed-size chunks: iterating a binary file would yield "lines" of any length.
        yield from read_chunks(cast(BinaryIO, source))
    else:
        yield from source


def _split_certificates(pem: bytes, response_der: bytes) -> tuple[bytes, bytes]:
    """(self-signed roots, other certificates openssl needs) of a TSA's PEM chain, each as PEM.

    The TSA's own (non-CA) certificate goes into the `-untrusted` file only when the reply does
    not carry it already: openssl warns about a non-CA certificate there, which would worry a
    careful reader for nothing.
    """
    if not pem.strip():
        return b"", b""
    roots: list[bytes] = []
    others: list[bytes] = []
    leaves: list[bytes] = []
    for cert in x509.load_pem_x509_certificates(pem):
        encoded = cert.public_bytes(serialization.Encoding.PEM)
        try:
            is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            is_ca = False
        if cert.issuer == cert.subject:
            roots.append(encoded)
        else:
            (others if is_ca else leaves).append(encoded)
    if leaves and not _reply_has_certificates(response_der):
        others.extend(leaves)
    return b"".join(roots), b"".join(others)


def _reply_has_certificates(response_der: bytes) -> bool:
    from rfc3161_client import decode_timestamp_response

    try:
        return bool(decode_timestamp_response(response_der).signed_data.certificates)
    except ValueError:
        return False


def token_openssl_commands(
    token_file: str,
    *,
    data_file: str | None,
    digest_hex: str,
    ca_file: str | None,
    untrusted_file: str | None,
) -> tuple[str, str]:
    """The `openssl ts -verify` command for one token (against a file or a digest) and the one that shows it.

    Package paths use '/' (openssl accepts it on Windows too) and are safe names, so no quoting
    is needed. Without a root certificate in the package the reader must supply the TSA's own.
    """
    target = f"-data {data_file}" if data_file is not None else f"-digest {digest_hex}"
    ca = f"-CAfile {ca_file}" if ca_file is not None else "-CAfile TSA_ROOT_CERTIFICATE.pem"
    untrusted = f" -untrusted {untrusted_file}" if untrusted_file is not None else ""
    verify = f"openssl ts -verify -in {token_file} {target} {ca}{untrusted}"
    show = f"openssl ts -reply -in {token_file} -text"
    return verify, show


# ----------------------------------------------------------------------------- step 1


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total_files: int, total_bytes: int) -> None:
        self.callback = callback
        self.total_files = total_files
        self.total_bytes = total_bytes
        self.done_files = 0
        self.done_bytes = 0

    def report(self, current: str) -> None:
        if self.callback is not None:
            self.callback(
                ProgressInfo(self.done_files, self.total_files, self.done_bytes, self.total_bytes, current)
            )


def _copy_original(
    item: PackageItem, target: Path, out_dir: Path, progress: _Progress, cancel: CancelToken | None
) -> None:
    """Stream one original into `target`, hashing as it goes; refuse a copy that does not match."""
    digest = hashlib.sha256()
    size = 0
    with _create_file(target) as handle:
        source = item.open()
        try:
            for chunk in _chunks_of(source):
                if cancel is not None:
                    cancel.check()
                digest.update(chunk)
                size += len(chunk)
                if size > item.size:
                    break  # longer than recorded: no need to copy the rest to know it is wrong
                handle.write(chunk)
                progress.done_bytes += len(chunk)
                progress.report(target.name)
        finally:
            close = getattr(source, "close", None)
            if callable(close):
                close()
    if size != item.size or digest.hexdigest() != item.sha256.lower():
        raise ExtractMismatchError(item_id=item.item_id, path=str(out_dir))


def _check_inputs(
    items: Sequence[PackageItem], tokens: Sequence[PackageToken], export_time: datetime, lang: str
) -> None:
    if export_time.utcoffset() is None:
        raise ValueError("export_time must be an aware datetime")
    if lang not in verify_texts.LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    numbers = [item.number for item in items]
    if len(set(numbers)) != len(numbers):
        raise ValueError("item numbers must be unique")
    ids = {item.item_id for item in items}
    if len(ids) != len(items):
        raise ValueError("item ids must be unique")
    for item in items:
        if not _HEX64.fullmatch(item.sha256.lower()) or item.size < 0:
            raise ValueError(f"item {item.item_id} has no valid SHA-256 or size")
    for token in tokens:
        if not _HEX64.fullmatch(token.stamped_sha256.lower()):
            raise ValueError("a token's stamped_sha256 must be 64 hex digits")
        if not set(token.item_ids) <= ids:
            raise ValueError("a token names an item that is not exported")
        if token.subject is TokenSubject.ITEM:
            if len(token.item_ids) != 1:
                raise ValueError("an item token names exactly one item")
            (stamped_item,) = (item for item in items if item.item_id == token.item_ids[0])
            if stamped_item.sha256.lower() != token.stamped_sha256.lower():
                raise ValueError("an item token must stamp that item's SHA-256")
        if token.subject is TokenSubject.MERKLE_ROOT and {i for i, _ in token.inclusion_proofs} != set(
            token.item_ids
        ):
            raise ValueError("a Merkle token needs one inclusion proof per item")


def _write_tokens(
    root: Path, tokens: Sequence[PackageToken], files_by_id: Mapping[int, str]
) -> tuple[list[dict[str, Any]], list[TokenCommand], dict[str, bytes]]:
    """Write timestamps/*.tsr and the (deduplicated) TSA certificates; return manifest entries, commands."""
    entries: list[dict[str, Any]] = []
    commands: list[TokenCommand] = []
    support: dict[str, bytes] = {}
    if not tokens:
        return entries, commands, support
    (root / TIMESTAMPS_DIR).mkdir(mode=0o700)
    for index, token in enumerate(tokens, start=1):
        token_file = f"{TIMESTAMPS_DIR}/{index:04d}.tsr"
        support[token_file] = token.response_der
        roots_pem, others_pem = _split_certificates(token.tsa_certificates_pem, token.response_der)
        ca_file = untrusted_file = None
        if roots_pem:
            ca_file = f"{TIMESTAMPS_DIR}/ca_{sha256_hex(roots_pem)[:16]}.pem"
            support[ca_file] = roots_pem
        if others_pem:
            untrusted_file = f"{TIMESTAMPS_DIR}/chain_{sha256_hex(others_pem)[:16]}.pem"
            support[untrusted_file] = others_pem
        stamped = token.stamped_sha256.lower()
        data_file = files_by_id[token.item_ids[0]] if token.subject is TokenSubject.ITEM else None
        verify, show = token_openssl_commands(
            token_file,
            data_file=data_file,
            digest_hex=stamped,
            ca_file=ca_file,
            untrusted_file=untrusted_file,
        )
        commands.append(
            TokenCommand(
                token_file,
                str(token.subject),
                data_file,
                stamped,
                tuple(files_by_id[item_id] for item_id in token.item_ids),
                verify,
                show,
                ca_file is not None,
            )
        )
        entries.append(
            {
                "file": token_file,
                "tsa": token.tsa_name,
                "subject": str(token.subject),
                "stamped_sha256": stamped,
                "item_ids": list(token.item_ids),
                "gen_time_utc": utc_text(token.gen_time) if token.gen_time is not None else None,
                "ca_file": ca_file,
                "untrusted_file": untrusted_file,
                "inclusion_proofs": {str(item_id): list(steps) for item_id, steps in token.inclusion_proofs},
            }
        )
    for name, data in support.items():
        _write_bytes(root / name, data)
    return entries, commands, support


def write_package(
    out_dir: Path,
    *,
    dossier_id: str,
    vault_id: str,
    tool_version: str,
    export_time: datetime,
    lang: str,
    custody_head_hash: str,
    items: Iterable[PackageItem],
    signing_key: Ed25519PrivateKey,
    tokens: Iterable[PackageToken] = (),
    pdf_certificate_sha256: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> StagedPackage:
    """Step 1: write originals/, timestamps/, VERIFY.txt, SHA256SUMS, manifest.json, .sig and key.

    `out_dir` must not exist yet; the package is built in a hidden sibling folder and moved
    there by `finish_package`. `pdf_certificate_sha256` (SigningIdentity.certificate_sha256)
    binds the PDF's signer to the signed manifest. Raises ExtractMismatchError when an original
    does not match its recorded SHA-256 or size, DiskFullError, PackageWriteError,
    OutputExistsError or CancelledError; in each case nothing is left behind.
    """
    items = sorted(items, key=lambda item: item.number)
    tokens = list(tokens)
    _check_inputs(items, tokens, export_time, lang)
    out_dir = Path(out_dir)
    if out_dir.exists() or out_dir.is_symlink():
        raise OutputExistsError(path=str(out_dir))
    root = out_dir.parent / f".{out_dir.name}.partial-{secrets.token_hex(4)}"
    try:
        root.mkdir(mode=0o700)
    except OSError as exc:
        raise _os_error(exc, out_dir) from exc
    try:
        return _write_staged(
            root,
            out_dir,
            dossier_id=dossier_id,
            vault_id=vault_id,
            tool_version=tool_version,
            export_time=export_time,
            lang=lang,
            custody_head_hash=custody_head_hash,
            items=items,
            signing_key=signing_key,
            tokens=tokens,
            pdf_certificate_sha256=pdf_certificate_sha256,
            progress=_Progress(progress, len(items), sum(item.size for item in items)),
            cancel=cancel,
        )
    except BaseException as exc:
        shutil.rmtree(root, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _os_error(exc, out_dir) from exc
        raise


def _write_staged(
    root: Path,
    out_dir: Path,
    *,
    dossier_id: str,
    vault_id: str,
    tool_version: str,
    export_time: datetime,
    lang: str,
    custody_head_hash: str,
    items: Sequence[PackageItem],
    signing_key: Ed25519PrivateKey,
    tokens: Sequence[PackageToken],
    pdf_certificate_sha256: str | None,
    progress: _Progress,
    cancel: CancelToken | None,
) -> StagedPackage:
    (root / ORIGINALS_DIR).mkdir(mode=0o700)
    item_entries: list[dict[str, Any]] = []
    files_by_id: dict[int, str] = {}
    sums_lines: list[str] = []
    inner_sums_lines: list[str] = []  # the same hashes, for `sha256sum -c` run inside originals/
    for item in items:
        name = safe_file_name(item.original_name, item.number)
        relative = f"{ORIGINALS_DIR}/{name}"
        _copy_original(item, root / ORIGINALS_DIR / name, out_dir, progress, cancel)
        progress.done_files += 1
        progress.report(name)
        files_by_id[item.item_id] = relative
        sha = item.sha256.lower()
        sums_lines.append(f"{sha}  {relative}\n")
        inner_sums_lines.append(f"{sha}  {name}\n")
        item_entries.append(
            {
                "number": item.number,
                "id": item.item_id,
                "file": relative,
                "original_name": item.original_name,
                "sha256": sha,
                "size": item.size,
                "kind": str(item.kind),
                "media_type": item.media_type,
                "message_count": item.message_count,
                "withheld_in_pdf": item.withheld,
                "times": [_time_entry(stamp) for stamp in item.times],
            }
        )
    if cancel is not None:
        cancel.check()

    token_entries, commands, support = _write_tokens(root, tokens, files_by_id)
    public_key = signing_key.public_key()
    key_sha256 = public_key_sha256(public_key)
    example = files_by_id[items[0].item_id] if items else f"{ORIGINALS_DIR}/0001_{FALLBACK_STEM}"
    verify_text = verify_texts.render_verify_txt(
        lang,
        dossier_id=dossier_id,
        export_time_utc=utc_text(export_time),
        tool_version=tool_version,
        original_count=len(items),
        example_file=example,
        public_key_sha256=key_sha256,
        pdf_certificate_sha256=pdf_certificate_sha256,
        token_commands=commands,
    ).encode("utf-8")
    sums = "".join(sums_lines).encode("utf-8")
    inner_sums = "".join(inner_sums_lines).encode("utf-8")
    for name, data in ((VERIFY_NAME, verify_text), (SUMS_NAME, sums), (INNER_SUMS_NAME, inner_sums)):
        _write_bytes(root / name, data)
        support[name] = data

    manifest: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "dossier_id": dossier_id,
        "vault_id": vault_id,
        "tool": {"name": TOOL_NAME, "version": tool_version},
        "export_time_utc": utc_text(export_time),
        "language": lang,
        "hash_algorithm": "sha256",
        "custody_log_head": custody_head_hash,
        "signature": {
            "algorithm": "Ed25519",
            "file": SIGNATURE_NAME,
            "public_key_file": PUBLIC_KEY_NAME,
            "public_key_sha256": key_sha256,
        },
        "pdf": {
            "file": PDF_NAME,
            "signing_certificate_sha256": pdf_certificate_sha256,
            "attachment": PDF_ATTACHMENT_NAME,
        },
        "sha256sums_file": SUMS_NAME,
        "items": item_entries,
        "timestamps": token_entries,
        "support_files": [
            {"file": name, "sha256": sha256_hex(data), "size": len(data)}
            for name, data in sorted(support.items())
        ],
    }
    manifest_bytes = canonical_json(manifest)
    _write_bytes(root / MANIFEST_NAME, manifest_bytes)
    _write_bytes(root / SIGNATURE_NAME, signing_key.sign(manifest_bytes))
    _write_bytes(
        root / PUBLIC_KEY_NAME,
        public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
    )
    return StagedPackage(
        root=root,
        out_dir=out_dir,
        manifest_bytes=manifest_bytes,
        manifest_sha256=sha256_hex(manifest_bytes),
        dossier_id=dossier_id,
        export_time=export_time,
        original_files=tuple(files_by_id[item.item_id] for item in items),
    )


# ----------------------------------------------------------------------------- step 4


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    utc = moment.astimezone(UTC)
    if utc.year < 1980:
        return _ZIP_EPOCH
    return (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)


def package_files(root: Path) -> list[str]:
    """Every regular file under `root`, as sorted '/'-separated relative paths."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder).relative_to(root)
        for name in files:
            found.append((base / name).as_posix() if base != Path(".") else name)
    return sorted(found)


def write_zip(root: Path, zip_path: Path, *, top: str, moment: datetime) -> None:
    """One .zip of the folder: entries under `top/`, sorted, with fixed times and modes (deterministic)."""
    date_time = _zip_time(moment)
    if zip_path.absolute().is_relative_to(root.absolute()):
        raise PackageWriteError(path=str(zip_path), detail="the zip cannot be inside the folder it packs")
    try:
        fd = os.open(zip_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError as exc:
        raise OutputExistsError(path=str(zip_path)) from exc
    except OSError as exc:
        raise _os_error(exc, zip_path) from exc
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
            for relative in package_files(root):
                source = root / relative
                info = zipfile.ZipInfo(f"{top}/{relative}", date_time=date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so the mode below means the same everywhere
                info.external_attr = (0o100600 & 0xFFFF) << 16
                info.file_size = source.stat().st_size
                with source.open("rb") as reader, archive.open(info, "w") as writer:
                    shutil.copyfileobj(reader, writer, CHUNK_SIZE)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            zip_path.unlink()
        if isinstance(exc, OSError):
            raise _os_error(exc, zip_path) from exc
        raise


def finish_package(staged: StagedPackage, *, zip_path: Path | None = None) -> PackageResult:
    """Step 4: check dossier.pdf is there, move the folder to `out_dir`, and write the optional zip."""
    if not staged.pdf_path.is_file():
        raise PackageWriteError(path=str(staged.out_dir), detail="dossier.pdf was not written")
    if staged.out_dir.exists() or staged.out_dir.is_symlink():
        raise OutputExistsError(path=str(staged.out_dir))
    if zip_path is not None and (zip_path.exists() or zip_path.is_symlink()):
        raise OutputExistsError(path=str(zip_path))
    if zip_path is not None and zip_path.absolute().is_relative_to(staged.out_dir.absolute()):
        raise PackageWriteError(path=str(zip_path), detail="the zip cannot be inside the folder it packs")
    try:
        os.rename(staged.root, staged.out_dir)
    except OSError as exc:
        raise _os_error(exc, staged.out_dir) from exc
    if zip_path is not None:
        write_zip(staged.out_dir, zip_path, top=staged.out_dir.name, moment=staged.export_time)
    return PackageResult(
        root=staged.out_dir,
        manifest_sha256=staged.manifest_sha256,
        zip_path=zip_path,
        item_count=len(staged.original_files),
        original_files=staged.original_files,
    )


# ----------------------------------------------------------------------------- all four steps


def export_package(
    out_dir: Path,
    *,
    render_pdf: Callable[[str], bytes | Path],
    pdf_identity: SigningIdentity,
    dossier_id: str,
    vault_id: str,
    tool_version: str,
    export_time: datetime,
    lang: str,
    custody_head_hash: str,
    items: Iterable[PackageItem],
    signing_key: Ed25519PrivateKey,
    tokens: Iterable[PackageToken] = (),
    timestamp_url: str | None = None,
    zip_path: Path | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> tuple[PackageResult, SignOutcome]:
    """Steps 1-4 in order. `render_pdf(manifest_sha256)` returns the unsigned PDF (bytes or a path).

    Returns the finished package and how the PDF was signed (with or without a timestamp).
    Any failure removes the unfinished package.
    """
    staged = write_package(
        out_dir,
        dossier_id=dossier_id,
        vault_id=vault_id,
        tool_version=tool_version,
        export_time=export_time,
        lang=lang,
        custody_head_hash=custody_head_hash,
        items=items,
        signing_key=signing_key,
        tokens=tokens,
        pdf_certificate_sha256=pdf_identity.certificate_sha256,
        progress=progress,
        cancel=cancel,
    )
    try:
        unsigned = render_pdf(staged.manifest_sha256)
        if cancel is not None:
            cancel.check()
        outcome = sign_pdf(
            unsigned, staged.pdf_path, pdf_identity, staged.manifest_bytes, timestamp_url=timestamp_url
        )
        result = finish_package(staged, zip_path=zip_path)
    except BaseException:
        staged.discard()
        raise
    return result, outcome
