"""Key handling: the random data key of a vault and the key slots that wrap it.

Rule: the database is encrypted with a random 256-bit data key that never leaves memory in
the clear. It is stored only wrapped (AES-256-GCM) under key-encryption keys derived with
Argon2id from the passphrase or from the recovery code. The slot's Argon2id parameters,
the slot type and the vault id are the GCM associated data, so a slot cannot be moved to
another vault or have its parameters weakened unnoticed. Changing the passphrase rewraps
the data key; it never re-encrypts the data.

The key file (`keys.json`) holds no secret and nothing about the case: only the vault id,
the database cipher settings, salts, nonces and wrapped keys. A SHA-256 checksum over its
content tells accidental damage apart from a wrong passphrase. Every value read from it is
checked for type and bounds (`key_limits.py`) before any key derivation runs: a hand-edited
file asking for 2^31 Argon2id passes is refused at once, never tried.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from evidence_kit.errors import (
    KeyFileInvalidError,
    KeyFileLimitsError,
    NotAVaultError,
    VaultDamagedError,
    VaultTooNewError,
)
from evidence_kit.hashing import canonical_json, sha256_hex
from evidence_kit.storage import key_limits as limits
from evidence_kit.storage.engine import HMAC_ALGORITHMS, LEGACY_HMAC_ALGORITHM, PAGE_SIZES, CipherSettings

KEY_FILE_FORMAT = "evidence-kit-keys"
KEY_FILE_VERSION = 1
DATA_KEY_BYTES = 32
SLOT_PASSPHRASE = "passphrase"  # noqa: S105 (a slot name)
SLOT_RECOVERY = "recovery_code"

# Crockford's base32 alphabet: no I, L, O, U, so a printed code cannot be misread.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_CODE_BYTES = 20  # 160 bits: 32 characters in 8 groups of 4


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored in each slot so that stronger defaults never lock anyone out."""

    memory_kib: int
    iterations: int
    lanes: int

    @classmethod
    def default(cls) -> KdfParams:
        # RFC 9106, section 4, second recommended option: 64 MiB, 3 passes, 4 lanes.
        return cls(memory_kib=64 * 1024, iterations=3, lanes=4)

    @classmethod
    def insecure_fast(cls) -> KdfParams:
        """UNSAFE: for tests and benchmarks only. Offers no protection against guessing."""
        return cls(memory_kib=64, iterations=1, lanes=1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC, so the same passphrase typed on macOS (NFD input) and Windows unlocks the vault."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_recovery_code() -> str:
    value = int.from_bytes(secrets.token_bytes(RECOVERY_CODE_BYTES), "big")
    chars = []
    for _ in range(RECOVERY_CODE_BYTES * 8 // 5):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    code = "".join(reversed(chars))
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize_recovery_code(code: str) -> bytes:
    """Forgiving reading of a typed code: case, spaces, dashes and look-alike letters do not matter."""
    cleaned = code.upper().translate(str.maketrans("OIL", "011", " -\t\n\r"))
    return cleaned.encode("ascii", errors="replace")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt, length=32, iterations=params.iterations, lanes=params.lanes, memory_cost=params.memory_kib
    )
    return kdf.derive(secret)


@dataclass(frozen=True)
class KeySlot:
    slot_type: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def _aad(self, vault_id: str) -> bytes:
        return canonical_json(
            {"vault_id": vault_id, "slot_type": self.slot_type, "kdf": self.params.as_dict()}
        )

    @classmethod
    def wrap(
        cls, data_key: bytes, secret: bytes, slot_type: str, params: KdfParams, vault_id: str
    ) -> KeySlot:
        salt = os.urandom(16)
        nonce = os.urandom(12)
        slot = cls(slot_type, params, salt, nonce, b"")
        wrapped = AESGCM(_derive(secret, salt, params)).encrypt(nonce, data_key, slot._aad(vault_id))
        return cls(slot_type, params, salt, nonce, wrapped)

    def unwrap(self, secret: bytes, vault_id: str) -> bytes | None:
        """The data key, or None when the secret is wrong."""
        try:
            return AESGCM(_derive(secret, self.salt, self.params)).decrypt(
                self.nonce, self.wrapped_key, self._aad(vault_id)
            )
        except InvalidTag:
            return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.slot_type,
            "kdf": self.params.as_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_dict(cls, raw: object, path: Path) -> KeySlot:
        """A slot as read from `path`, every field checked for type and every bound (see `limits`)."""
        slot = _field(raw, dict, "slots[]", path)
        kdf = _field(slot.get("kdf"), dict, "kdf", path)
        if kdf.get("algorithm") != "argon2id":
            raise KeyFileInvalidError(path=path, field="kdf.algorithm")
        params = KdfParams(
            _bounded(kdf.get("memory_kib"), "kdf.memory_kib", limits.MEMORY_KIB, path),
            _bounded(kdf.get("iterations"), "kdf.iterations", limits.ITERATIONS, path),
            _bounded(kdf.get("lanes"), "kdf.lanes", limits.LANES, path),
        )
        limits.check_cost(params.memory_kib, params.iterations, params.lanes, path)
        return cls(
            _field(slot.get("type"), str, "type", path),
            params,
            _bytes(slot.get("salt"), "salt", limits.SALT_BYTES, path),
            _bytes(slot.get("nonce"), "nonce", limits.NONCE_BYTES, path),
            _bytes(slot.get("wrapped_key"), "wrapped_key", limits.WRAPPED_KEY_BYTES, path),
        )


T = TypeVar("T")


def _field(value: object, kind: type[T], name: str, path: Path) -> T:
    """`value` when it has the JSON type the format asks for; a clear error naming the file if not."""
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise KeyFileInvalidError(path=path, field=name)
    return value


def _bounded(value: object, name: str, bounds: tuple[int, int], path: Path) -> int:
    number = _field(value, int, name, path)
    if not bounds[0] <= number <= bounds[1]:
        raise KeyFileLimitsError(path=path, field=name, value=str(number))
    return number


def _bytes(value: object, name: str, bounds: tuple[int, int], path: Path) -> bytes:
    try:
        data = _unb64(value)
    except ValueError as exc:  # binascii.Error is a ValueError
        raise KeyFileInvalidError(path=path, field=name) from exc
    if not bounds[0] <= len(data) <= bounds[1]:
        raise KeyFileLimitsError(path=path, field=f"len({name})", value=str(len(data)))
    return data


@dataclass(frozen=True)
class KeyFile:
    """The content of `keys.json`: vault id, database cipher settings and key slots."""

    vault_id: str
    cipher: CipherSettings
    slots: tuple[KeySlot, ...]

    def slot(self, slot_type: str) -> KeySlot | None:
        return next((s for s in self.slots if s.slot_type == slot_type), None)

    def with_slot(self, new: KeySlot) -> KeyFile:
        others = tuple(s for s in self.slots if s.slot_type != new.slot_type)
        return KeyFile(self.vault_id, self.cipher, (*others, new))

    def _body(self) -> dict[str, Any]:
        return {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "vault_id": self.vault_id,
            "database": {
                "cipher": "sqlcipher4",
                "page_size": self.cipher.page_size,
                "hmac": self.cipher.hmac_algorithm,
            },
            "slots": [s.as_dict() for s in self.slots],
        }

    def to_bytes(self) -> bytes:
        body = self._body()
        document = {**body, "checksum": sha256_hex(canonical_json(body))}
        return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> KeyFile:
        """The key file read from `path`; anything malformed or out of bounds is refused at once,
        before any key derivation runs, with an error naming the file."""
        if len(data) > limits.KEY_FILE_BYTES:
            raise KeyFileLimitsError(path=path, field="size", value=str(len(data)))
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise VaultDamagedError(path=path, detail="the key file is not readable") from exc
        if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
            raise NotAVaultError(path=path)
        checksum = document.pop("checksum", None)
        if checksum != sha256_hex(canonical_json(document)):
            raise VaultDamagedError(path=path, detail="the key file has been changed or damaged")
        version = _field(document.get("version"), int, "version", path)
        if version > KEY_FILE_VERSION:
            raise VaultTooNewError(path=path)
        raw_slots = _field(document.get("slots"), list, "slots", path)
        if not 1 <= len(raw_slots) <= limits.MAX_SLOTS:
            raise KeyFileLimitsError(path=path, field="len(slots)", value=str(len(raw_slots)))
        slots = tuple(KeySlot.from_dict(raw, path) for raw in raw_slots)
        database = _field(document.get("database"), dict, "database", path)
        # Key files written before "hmac" was recorded belong to vaults with SQLCipher's default.
        hmac_algorithm = _field(database.get("hmac", LEGACY_HMAC_ALGORITHM), str, "database.hmac", path)
        page_size = _field(database.get("page_size"), int, "database.page_size", path)
        # A closed list: these reach a PRAGMA, never as free text.
        if page_size not in PAGE_SIZES:
            raise KeyFileInvalidError(path=path, field="database.page_size")
        if hmac_algorithm not in HMAC_ALGORITHMS:
            raise KeyFileInvalidError(path=path, field="database.hmac")
        cipher = CipherSettings(page_size, hmac_algorithm)
        vault_id = _field(document.get("vault_id"), str, "vault_id", path)
        if not 1 <= len(vault_id) <= limits.VAULT_ID_CHARS:
            raise KeyFileInvalidError(path=path, field="vault_id")
        return cls(vault_id, cipher, slots)


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)
