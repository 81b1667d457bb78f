"""The package's files against its manifest: each listed file, SHA256SUMS, and whatever else is there.

Rule: a listed file is present, has the manifest's size and hashes to its SHA-256 (read in
chunks, never more than one byte past the recorded size); SHA256SUMS lists exactly the originals
with the manifest's hashes; a file the manifest does not list is a failure, except the files an
operating system drops into folders on its own, which are a notice.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import IO

from evidence_kit.hashing import CHUNK_SIZE
from evidence_kit.verify.package_check import MAX_SMALL_FILE_BYTES, PackageCheck
from evidence_kit.verify.package_format import SUMS_NAME
from evidence_kit.verify.package_manifest import FileEntry, Manifest
from evidence_kit.verify.package_report import CheckStatus
from evidence_kit.verify.package_source import READ_ERRORS, is_system_file


def check_files(check: PackageCheck, manifest: Manifest) -> None:
    """Every original and support file the manifest lists, then SHA256SUMS against the manifest."""
    for entry in manifest.items:
        check_file(check, entry)
    for number, entry in manifest.left_out:
        if entry.file in check.source.sizes:
            check_file(check, entry)  # present after all: it must still be the original, or it is reported
            continue
        check.add(
            entry.file,
            CheckStatus.NOTICE,
            "original_withheld",
            "Item {number}: its original ({file}, SHA-256 {sha256}) was left out of this package on "
            "purpose (intimate or sensitive content); ask for it through the proper channel and check "
            "it against this SHA-256.",
            number=number,
            file=entry.file,
            sha256=entry.sha256,
        )
    for entry in manifest.support:
        check_file(check, entry)
    check_sums(check, manifest)


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


def check_file(check: PackageCheck, entry: FileEntry) -> None:
    name = entry.file
    check.expected.add(name)
    check.file_ok[name] = False
    if name not in check.source.sizes:
        check.add(name, CheckStatus.MISSING, "file_missing", "{file} is missing.", file=name)
        return
    if check.source.sizes[name] != entry.size:
        check.add(
            name,
            CheckStatus.MISMATCH,
            "file_size_mismatch",
            "{file} has been changed: it is {actual} bytes, the manifest says {expected}.",
            file=name,
            actual=check.source.sizes[name],
            expected=entry.size,
        )
        return
    try:
        with check.source.open(name) as stream:
            actual, size = _hash_limited(stream, entry.size)
    except READ_ERRORS as exc:
        # A zip member whose CRC or length does not match fails here.
        check.add(
            name,
            CheckStatus.MISMATCH,
            "file_unreadable",
            "{file} could not be read: {detail}",
            file=name,
            detail=str(exc),
        )
        return
    if size != entry.size:
        check.add(
            name,
            CheckStatus.MISMATCH,
            "file_size_mismatch",
            "{file} has been changed: it is {actual} bytes, the manifest says {expected}.",
            file=name,
            actual=size,
            expected=entry.size,
        )
    elif actual != entry.sha256:
        check.add(
            name,
            CheckStatus.MISMATCH,
            "file_hash_mismatch",
            "{file} has been changed: its SHA-256 is {actual}, the manifest says {expected}.",
            file=name,
            actual=actual,
            expected=entry.sha256,
        )
    else:
        check.file_ok[name] = True
        check.add(
            name,
            CheckStatus.OK,
            "file_ok",
            "{file} matches its SHA-256 and size in the manifest.",
            file=name,
        )


def check_sums(check: PackageCheck, manifest: Manifest) -> None:
    """SHA256SUMS must list exactly the originals, with the manifest's hashes."""
    if not check.file_ok.get(SUMS_NAME):
        return  # already reported as missing or changed
    try:
        data = check.source.read(SUMS_NAME, MAX_SMALL_FILE_BYTES) or b""
    except READ_ERRORS:
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
        check.add(
            SUMS_NAME,
            CheckStatus.MISMATCH,
            "sums_mismatch",
            "SHA256SUMS does not agree with manifest.json: {detail}",
            detail="; ".join(problems[:5]),
        )
    else:
        check.add(SUMS_NAME, CheckStatus.OK, "sums_ok", "SHA256SUMS agrees with manifest.json.")


def check_extra(check: PackageCheck) -> None:
    """Names that are not allowed, then every file no check has accounted for."""
    for shown, reason in check.source.bad_names:
        check.add(
            shown,
            CheckStatus.INVALID,
            "bad_name",
            "{file} has a name that is not allowed in a package: {detail}",
            file=shown,
            detail=reason,
        )
    for name in sorted(check.source.sizes):
        if name in check.expected:
            continue
        if is_system_file(name):
            check.add(
                name,
                CheckStatus.NOTICE,
                "system_file",
                "{file} is a system file of the operating system; it was ignored.",
                file=name,
            )
        else:
            check.add(
                name,
                CheckStatus.UNEXPECTED,
                "file_unexpected",
                "{file} is not part of the exported package.",
                file=name,
            )
