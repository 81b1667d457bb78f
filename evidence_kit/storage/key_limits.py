"""The bounds every value read from `keys.json` must keep before a key derivation may run.

Rule: `keys.json` sits unencrypted beside the database and anyone can edit it (a checksum only
catches accidents: whoever edits it can recompute it). Argon2id does exactly what its
parameters ask, so a file asking for 2^31 passes or 4 TiB of memory would hang or exhaust the
computer when the passphrase is tried. Every parameter is therefore bounded when the file is
read, and a file outside the bounds is refused at once, naming the file and the value.

The bounds are wide enough for every value this program writes (the defaults, RFC 9106's
first option of 2 GiB and one pass, and the cheap test setting) and narrow enough that the
worst file allowed costs seconds, not hours.
"""

from __future__ import annotations

from pathlib import Path

from evidence_kit.errors import KeyFileLimitsError

KEY_FILE_BYTES = 1024 * 1024  # a real key file is about 1.5 KiB
MAX_SLOTS = 8
VAULT_ID_CHARS = 64

MEMORY_KIB = (64, 2 * 1024 * 1024)  # 64 KiB (tests only) to 2 GiB (RFC 9106, first option)
ITERATIONS = (1, 16)
LANES = (1, 64)
# Memory times passes: 2 GiB x 4 at most, so one try never costs more than a few seconds.
MAX_COST_KIB = 8 * 1024 * 1024

SALT_BYTES = (16, 64)
NONCE_BYTES = (12, 12)  # AES-GCM's nonce
WRAPPED_KEY_BYTES = (48, 48)  # a 32-byte data key and the 16-byte GCM tag


def check_cost(memory_kib: int, iterations: int, lanes: int, path: Path) -> None:
    """The combinations single bounds let through: Argon2id's own minimum, and the total work."""
    if memory_kib < 8 * lanes:  # Argon2's rule: at least 8 KiB of memory per lane
        raise KeyFileLimitsError(path=path, field="kdf.memory_kib", value=str(memory_kib))
    if memory_kib * iterations > MAX_COST_KIB:
        raise KeyFileLimitsError(
            path=path, field="kdf.memory_kib * kdf.iterations", value=str(memory_kib * iterations)
        )
