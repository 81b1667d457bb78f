"""Hashing and canonical encoding: the two things every signature and check in the kit rests on.

Rule: a SHA-256 is always of the original bytes, computed while they stream past (never by
reading a whole file into memory), and every JSON that is hashed or signed is encoded by
`canonical_json` only, so another program can reproduce the bytes exactly
(docs/verification.md, section "Canonical encoding").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import BinaryIO

CHUNK_SIZE = 1024 * 1024  # 1 MiB: the unit of streaming, storage and hashing


def canonical_json(value: object) -> bytes:
    """Sorted keys, UTF-8, no insignificant whitespace, no NaN/Infinity."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_chunks(chunks: Iterable[bytes]) -> tuple[str, int]:
    """SHA-256 (hex) and total size of a stream of byte chunks."""
    digest = hashlib.sha256()
    size = 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def read_chunks(stream: BinaryIO, chunk_size: int = CHUNK_SIZE) -> Iterable[bytes]:
    """Yield exactly `chunk_size` bytes at a time (the last chunk may be shorter).

    Streams from pipes or archives can return short reads; filling each chunk keeps the
    chunk boundaries independent of how the source happened to deliver its bytes.
    """
    while True:
        parts: list[bytes] = []
        wanted = chunk_size
        while wanted:
            part = stream.read(wanted)
            if not part:
                break
            parts.append(part)
            wanted -= len(part)
        if not parts:
            return
        yield parts[0] if len(parts) == 1 else b"".join(parts)
        if wanted:
            return


def sha256_file(stream: BinaryIO) -> str:
    return sha256_chunks(read_chunks(stream))[0]
