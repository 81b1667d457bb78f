"""Typed errors of the core. Imports nothing of ours.

Rule: every error a user can meet is one of these classes, carrying an English message
template with `{placeholders}` and the values for them. The CLI and the GUI translate the
template (see `i18n.py`) and fill it in; they never show a traceback. The template is the
translation key, so keep it a plain literal at the raise site's class.
"""

from __future__ import annotations


class EvidenceKitError(Exception):
    """Base of every error shown to a user."""

    template = "Something went wrong: {detail}"

    def __init__(self, **params: object) -> None:
        self.params = {key: str(value) for key, value in params.items()}
        super().__init__(self.template.format(**self.params))


class VaultError(EvidenceKitError):
    template = "Vault error: {detail}"


class NotAVaultError(VaultError):
    template = "{path} is not an Evidence Kit vault."


class VaultExistsError(VaultError):
    template = "{path} already exists; choose a new place for the vault."


class WrongPassphraseError(VaultError):
    template = "The passphrase is not correct for this vault."


class WrongRecoveryCodeError(VaultError):
    template = "The recovery code is not correct for this vault."


class VaultDamagedError(VaultError):
    template = "The vault {path} is damaged and cannot be opened: {detail}"


class StoredValueError(VaultError):
    template = (
        "The vault holds a value that cannot be read ({value}): it was changed outside Evidence Kit. "
        "Check the vault with verify."
    )


class VaultInUseError(VaultError):
    template = "The vault {path} is open elsewhere (in another window or program). Close it there first."


class VaultLockedError(VaultError):
    template = "The vault is locked."


class VaultTooNewError(VaultError):
    template = "The vault {path} was made by a newer version of Evidence Kit; update the program to open it."


class ItemNotFoundError(VaultError):
    template = "There is no item {item_id} in this vault."


class FileUnreadableError(EvidenceKitError):
    template = "Could not read {path}: {detail}"


class DiskFullError(EvidenceKitError):
    template = (
        "The disk is full while writing {path}; nothing was half-written. Free some space and try again."
    )


class OutputExistsError(EvidenceKitError):
    template = "{path} already exists; it was not overwritten."


class ExtractMismatchError(VaultError):
    template = "Item {item_id} no longer matches its recorded SHA-256; nothing was written to {path}."


class PassphraseTooWeakError(VaultError):
    template = "The passphrase is too short: use at least {minimum} characters."


class ImportFormatError(EvidenceKitError):
    """An importer could not read a file as the format it claims or was asked to read."""

    template = "{path} could not be read as {format}: {detail}"


class CancelledError(EvidenceKitError):
    template = "Cancelled."
