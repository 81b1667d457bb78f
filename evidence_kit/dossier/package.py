"""The export package: a folder (and optionally one .zip) that anyone can verify with standard tools.

Rule: the package is written so that nothing in it depends on the vault or a passphrase to be
checked, and so that every byte that matters is covered by the Ed25519 signature over
`manifest.json`:

    originals/NNNN_<safe name>   each item's original bytes, copied in chunks and hashed while
                                 copying; a copy that does not hash to the recorded SHA-256
                                 stops the export and nothing is left behind
    timestamps/                  RFC 3161 replies (.tsr), the TSA certificates (.pem), and the TSA
                                 roots the vault's keeper added (keeper_root_*.pem)
    VERIFY.txt                   how to check all of it, in the dossier's language
    SHA256SUMS                   `sha256sum -c` input for originals/, paths relative to the package root
    custody_log.jsonl            the custody log up to the recorded head, one signed event a line
                                 (package_custody.py), so the chain can be walked without the vault
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
Until step 4 everything lives in a visible sibling folder "<out_dir>.partial" (never a hidden
one: see storage/partials.py), so an interrupted export never leaves a folder that looks
complete, and one left by a kill is seen; `staged.discard()` removes it.

This module stages, writes and finishes; beside it: package_names.py (the safe names in
originals/), package_manifest.py (manifest.json's content), package_tokens.py (timestamps/ and
the openssl commands of VERIFY.txt), package_io.py (new files, typed write errors, the zip).
The format itself (file names, fingerprints) is verify/package_format.py.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_kit.domain import ItemKind, Timestamp
from evidence_kit.errors import OutputExistsError, PartialInTheWayError
from evidence_kit.hashing import sha256_hex
from evidence_kit.progress import CancelToken, ProgressCallback
from evidence_kit.storage.custody import SignedEvent
from evidence_kit.storage.derived_seal import SealState
from evidence_kit.storage.partials import partial_path
from evidence_kit.storage.signing_identity import SigningIdentity
from evidence_kit.timestamping.subjects import TokenSubject
from evidence_kit.verify import texts as verify_texts
from evidence_kit.verify.package_format import (
    CUSTODY_LOG_NAME,
    INNER_SUMS_NAME,
    MANIFEST_NAME,
    ORIGINALS_DIR,
    PDF_NAME,
    PUBLIC_KEY_NAME,
    SIGNATURE_NAME,
    SUMS_NAME,
    TIMESTAMPS_DIR,
    VERIFY_NAME,
    WITHHELD_REASON,
    is_sha256_hex,
    public_key_sha256,
)
from evidence_kit.verify.texts import WithheldFile

from .package_copy import BackgroundCopies, OpenOriginalChunks, Progress, copy_original
from .package_custody import custody_log_bytes
from .package_io import PackageWriteError, os_error, package_files, write_bytes, write_zip
from .package_manifest import (
    DossierFacts,
    KeeperRoot,
    keeper_root_files,
    manifest_bytes,
    time_entry,
    utc_text,
)
from .package_names import FALLBACK_STEM, MAX_NAME_BYTES, safe_file_name
from .package_tokens import PackageToken, check_token_inputs, token_files
from .signing import SignOutcome, sign_pdf

__all__ = [  # what other code imports from here (the rest of the writer is in the modules above)
    "MAX_NAME_BYTES",
    "KeeperRoot",
    "PackageItem",
    "PackageResult",
    "PackageToken",
    "PackageWriteError",
    "StagedPackage",
    "TokenSubject",
    "export_package",
    "finish_package",
    "package_files",
    "public_key_sha256",
    "safe_file_name",
    "write_package",
    "write_zip",
]


# ----------------------------------------------------------------------------- inputs and results


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
    withheld: bool = False  # shown as "content withheld" in the PDF
    # A withheld item whose original stays out of the package: only its name, hash, size and the
    # reason are in the manifest, so the police can ask for it through the proper channel.
    left_out: bool = False
    seal: SealState | None = None  # its derived-data seal: as recorded at import, and as found now


@dataclass(frozen=True)
class StagedPackage:
    """A package written up to its manifest, in a partial folder beside `out_dir` (steps 1-3)."""

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


# ----------------------------------------------------------------------------- step 1


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
        if not is_sha256_hex(item.sha256.lower()) or item.size < 0:
            raise ValueError(f"item {item.item_id} has no valid SHA-256 or size")
    check_token_inputs(tokens, {item.item_id: item.sha256 for item in items})


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
    custody_head_seq: int | None = None,
    keeper_roots: Sequence[KeeperRoot] = (),
    custody_events: Sequence[SignedEvent] = (),
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    staging: Path | None = None,
    defer_copies: list[tuple[PackageItem, Path]] | None = None,
) -> StagedPackage:
    """Step 1: write originals/, timestamps/, VERIFY.txt, SHA256SUMS, manifest.json, .sig and key.

    With `defer_copies`, the originals are not copied here: each (item, file to write) is added to
    it, for the caller to copy while the PDF is laid out (`package_copy.BackgroundCopies`).

    `out_dir` must not exist yet; the package is built in `staging` (default "<out_dir>.partial",
    beside it) and moved there by `finish_package`. `pdf_certificate_sha256`
    (SigningIdentity.certificate_sha256) binds the PDF's signer to the signed manifest. Raises
    ExtractMismatchError when an original does not match its recorded SHA-256 or size,
    DiskFullError, PackageWriteError, OutputExistsError or CancelledError; in each case nothing
    is left behind.
    """
    items = sorted(items, key=lambda item: item.number)
    tokens = list(tokens)
    _check_inputs(items, tokens, export_time, lang)
    out_dir = Path(out_dir)
    if out_dir.exists() or out_dir.is_symlink():
        raise OutputExistsError(path=str(out_dir))
    root = partial_path(out_dir) if staging is None else staging
    try:
        root.mkdir(mode=0o700)
    except FileExistsError as exc:  # left by an export that was killed: never written into, nor removed here
        raise PartialInTheWayError(path=str(root)) from exc
    except OSError as exc:
        raise os_error(exc, out_dir) from exc
    try:
        return _write_staged(
            root,
            out_dir,
            DossierFacts(
                dossier_id, vault_id, tool_version, export_time, lang, custody_head_hash, custody_head_seq
            ),
            items=items,
            signing_key=signing_key,
            tokens=tokens,
            keeper_roots=keeper_roots,
            custody_events=custody_events,
            pdf_certificate_sha256=pdf_certificate_sha256,
            defer_copies=defer_copies,
            progress=Progress(
                progress,
                sum(1 for item in items if not item.left_out),
                sum(item.size for item in items if not item.left_out),
            ),
            cancel=cancel,
        )
    except BaseException as exc:
        shutil.rmtree(root, ignore_errors=True)
        if isinstance(exc, OSError):
            raise os_error(exc, out_dir) from exc
        raise


def _write_staged(
    root: Path,
    out_dir: Path,
    facts: DossierFacts,
    *,
    items: Sequence[PackageItem],
    signing_key: Ed25519PrivateKey,
    tokens: Sequence[PackageToken],
    keeper_roots: Sequence[KeeperRoot],
    custody_events: Sequence[SignedEvent],
    pdf_certificate_sha256: str | None,
    defer_copies: list[tuple[PackageItem, Path]] | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> StagedPackage:
    (root / ORIGINALS_DIR).mkdir(mode=0o700)
    item_entries: list[dict[str, Any]] = []
    files_by_id: dict[int, str] = {}
    sums_lines: list[str] = []
    inner_sums_lines: list[str] = []  # the same hashes, for `sha256sum -c` run inside originals/
    left_out: set[int] = set()
    for item in items:
        name = safe_file_name(item.original_name, item.number)
        relative = f"{ORIGINALS_DIR}/{name}"
        files_by_id[item.item_id] = relative
        sha = item.sha256.lower()
        if item.left_out:
            left_out.add(item.item_id)
        else:
            if defer_copies is not None:
                defer_copies.append((item, root / ORIGINALS_DIR / name))
            else:
                copy_original(item, root / ORIGINALS_DIR / name, out_dir, progress, cancel)
            progress.done_files += 1
            progress.report(name)
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
                "original_in_package": not item.left_out,
                **({"withheld_reason": WITHHELD_REASON} if item.withheld else {}),
                "times": [time_entry(stamp) for stamp in item.times],
                **(
                    {"derived_seal": {"recorded": item.seal.recorded, "found": item.seal.found}}
                    if item.seal is not None
                    else {}
                ),
            }
        )
    if cancel is not None:
        cancel.check()

    token_entries, commands, support = token_files(tokens, files_by_id, left_out)
    root_entries, root_files = keeper_root_files(keeper_roots)
    support.update(root_files)
    if support:
        (root / TIMESTAMPS_DIR).mkdir(mode=0o700)
    for name, data in support.items():
        write_bytes(root / name, data)
    public_key = signing_key.public_key()
    key_sha256 = public_key_sha256(public_key)
    shipped = [item for item in items if not item.left_out]
    example = files_by_id[shipped[0].item_id] if shipped else f"{ORIGINALS_DIR}/0001_{FALLBACK_STEM}"
    verify_text = verify_texts.render_verify_txt(
        facts.lang,
        dossier_id=facts.dossier_id,
        export_time_utc=utc_text(facts.export_time),
        tool_version=facts.tool_version,
        original_count=len(shipped),
        withheld=[
            WithheldFile(files_by_id[item.item_id], item.sha256.lower(), not item.left_out)
            for item in items
            if item.withheld
        ],
        example_file=example,
        public_key_sha256=key_sha256,
        pdf_certificate_sha256=pdf_certificate_sha256,
        token_commands=commands,
    ).encode("utf-8")
    sums = "".join(sums_lines).encode("utf-8")
    inner_sums = "".join(inner_sums_lines).encode("utf-8")
    written = [(VERIFY_NAME, verify_text), (SUMS_NAME, sums), (INNER_SUMS_NAME, inner_sums)]
    if custody_events:
        log = custody_log_bytes(custody_events, {item.item_id for item in items})
        written.append((CUSTODY_LOG_NAME, log))
    for name, data in written:
        write_bytes(root / name, data)
        support[name] = data

    manifest = manifest_bytes(
        facts,
        public_key_sha256=key_sha256,
        pdf_certificate_sha256=pdf_certificate_sha256,
        items=item_entries,
        tokens=token_entries,
        support=support,
        keeper_roots=root_entries,
    )
    write_bytes(root / MANIFEST_NAME, manifest)
    write_bytes(root / SIGNATURE_NAME, signing_key.sign(manifest))
    write_bytes(
        root / PUBLIC_KEY_NAME,
        public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
    )
    return StagedPackage(
        root=root,
        out_dir=out_dir,
        manifest_bytes=manifest,
        manifest_sha256=sha256_hex(manifest),
        dossier_id=facts.dossier_id,
        export_time=facts.export_time,
        original_files=tuple(files_by_id[item.item_id] for item in shipped),
    )


# ----------------------------------------------------------------------------- step 4


def finish_package(
    staged: StagedPackage, *, zip_path: Path | None = None, zip_staging: Path | None = None
) -> PackageResult:
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
        raise os_error(exc, staged.out_dir) from exc
    if zip_path is not None:
        write_zip(
            staged.out_dir, zip_path, top=staged.out_dir.name, moment=staged.export_time, partial=zip_staging
        )
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
    custody_head_seq: int | None = None,
    keeper_roots: Sequence[KeeperRoot] = (),
    custody_events: Sequence[SignedEvent] = (),
    timestamp_url: str | None = None,
    zip_path: Path | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    staging: Path | None = None,
    zip_staging: Path | None = None,
    open_originals: OpenOriginalChunks | None = None,
) -> tuple[PackageResult, SignOutcome]:
    """Steps 1-4 in order. `render_pdf(manifest_sha256)` returns the unsigned PDF (bytes or a path).

    With `open_originals` (a reader usable on another thread, `vault.original_reader`), the
    originals are copied on a thread of their own while the PDF is rendered, and checked all the
    same before the PDF is signed; without it, in step 1 on this thread.

    Returns the finished package and how the PDF was signed (with or without a timestamp).
    Any failure removes the unfinished package. `staging` and `zip_staging` are the partial names
    (default "<name>.partial" beside each); the vault records them before (export.py).
    """
    deferred: list[tuple[PackageItem, Path]] | None = [] if open_originals is not None else None
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
        custody_head_seq=custody_head_seq,
        keeper_roots=keeper_roots,
        custody_events=custody_events,
        progress=progress,
        cancel=cancel,
        staging=staging,
        defer_copies=deferred,
    )
    copies = None
    if deferred is not None and open_originals is not None:
        copies = BackgroundCopies(deferred, open_originals, out_dir, cancel)
    try:
        if copies is not None:
            copies.start()
        unsigned = render_pdf(staged.manifest_sha256)
        if copies is not None:
            copies.finish()  # every original copied and matching its hash, or the error is raised
        if cancel is not None:
            cancel.check()
        outcome = sign_pdf(
            unsigned, staged.pdf_path, pdf_identity, staged.manifest_bytes, timestamp_url=timestamp_url
        )
        result = finish_package(staged, zip_path=zip_path, zip_staging=zip_staging)
    except BaseException:
        if copies is not None:
            copies.stop()  # before the folder it writes into is removed
        staged.discard()
        raise
    return result, outcome
