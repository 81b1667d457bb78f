"""Typed errors of the core. Imports nothing of ours.

Rule: every error a user can meet is one of these classes, carrying an English message
template with `{placeholders}` and the values for them. The CLI and the GUI translate the
template (see `i18n.py`) and fill it in; they never show a traceback. The template is the
translation key, so keep it a plain literal at the raise site's class.
"""

from __future__ import annotations

import stat


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


class KeyFileInvalidError(VaultDamagedError):
    template = (
        "The key file {path} is damaged or was edited by hand ({field} is missing or not valid); "
        "the vault was not opened."
    )


class KeyFileLimitsError(VaultDamagedError):
    template = (
        "The key file {path} asks for key derivation settings outside safe limits ({field} = {value}); "
        "it was refused without trying them."
    )


class KeyFileMismatchError(VaultDamagedError):
    template = (
        "The key file of {path} does not open its database: it may be an old copy of keys.json from "
        "before the key was replaced, or the database is damaged."
    )


class KeyChangeInterruptedError(VaultError):
    template = (
        "The key file of {path} could not be replaced; the change is recorded and will be completed "
        "the next time the vault is opened."
    )


class VaultTornError(VaultDamagedError):
    """A vault folder that is a copy made while the vault was being written, or lacks a file."""

    template = (
        "The vault folder {path} is incomplete or was copied while it was being written, so it cannot "
        "be opened. Open the original vault instead; make copies with `evidence-kit backup` "
        "(in the app: Vault, Back up…)."
    )


class BackupTargetError(EvidenceKitError):
    template = "{path} already exists and is not empty; choose a new or empty folder for the backup."


class BackupInsideVaultError(EvidenceKitError):
    template = "{path} is inside the vault folder; choose a folder outside it for the backup."


class BackupWriteError(EvidenceKitError):
    template = (
        "Could not write the backup to {path}: {detail}. Nothing was left there; the vault is unchanged."
    )


class BackupNotVerifiedError(EvidenceKitError):
    template = (
        "The backup written to {path} did not check out ({problems} problems found), so it was removed. "
        "Check the vault itself with verify."
    )


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


class AlreadyInVaultError(EvidenceKitError):
    """A file whose bytes (SHA-256) an item already holds, left out as the user asked (skip duplicates)."""

    template = "{path} is already in the vault as item {item}; it was not added again."


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


# ----------------------------------------------------------------- paths that are not files
# A batch reads only regular files. These say why a path was not read; inside a folder the
# batch lists them as skipped (on purpose), named by the user they are a failure of that path.


class NotAFileError(FileUnreadableError):
    """A path that is not a regular file; it is never opened for reading, so nothing can block."""

    template = "{path} is not a regular file; it was not read."


class FifoRefusedError(NotAFileError):
    template = (
        "{path} is a named pipe (FIFO), not a file; it was not read, because reading it can wait forever."
    )


class DeviceRefusedError(NotAFileError):
    template = "{path} is a device, not a file; it was not read."


class SocketRefusedError(NotAFileError):
    template = "{path} is a socket, not a file; it was not read."


class LinkNotFollowedError(NotAFileError):
    template = (
        "{path} is a symbolic link to {target}; links inside a folder are not followed, so it was skipped."
    )


class DanglingLinkError(NotAFileError):
    template = "{path} is a symbolic link to {target}, which does not exist; nothing was added."


class LinkLoopError(NotAFileError):
    template = "{path} is a symbolic link that leads round in a loop ({target}); nothing was added."


class LinkToFolderError(NotAFileError):
    template = (
        "{path} is a symbolic link to the folder {target}; a link is followed only to a file. "
        "Add the folder itself to import what it holds."
    )


class LinkToSpecialError(NotAFileError):
    template = (
        "{path} is a symbolic link to {target}, which is not a regular file (a device, pipe or socket); "
        "nothing was added."
    )


def not_a_file_error(path: str, mode: int) -> NotAFileError:
    """The error for a path whose `st_mode` is not a regular file (nor a link or a folder)."""
    if stat.S_ISFIFO(mode):
        return FifoRefusedError(path=path)
    if stat.S_ISSOCK(mode):
        return SocketRefusedError(path=path)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return DeviceRefusedError(path=path)
    return NotAFileError(path=path)


class ReparseUnavailableError(EvidenceKitError):
    template = (
        "Reading a stored original again needs a file system that lives in memory only (/dev/shm), "
        "which this computer does not offer; the original is never written to a disk for it."
    )


class OriginalChangedError(EvidenceKitError):
    template = "The stored original of item {item_id} no longer matches its SHA-256; it was not read again."


class PartialInTheWayError(EvidenceKitError):
    template = (
        "{path} is an unfinished file left by an earlier export or extract that was stopped; "
        "remove it first (evidence-kit cleanup VAULT removes it)."
    )


class IncidentNotFoundError(VaultError):
    template = "There is no incident {incident_id} in this vault."


class NotAPictureError(EvidenceKitError):
    template = "Item {item} cannot be compared as a picture: {reason}"


class UnknownCategoryError(EvidenceKitError):
    template = "'{id}' is not an offence category (see evidence-kit categories)"


class IncidentInvalidError(VaultError):
    template = "The incident cannot be saved: {detail}"


class IncidentNoTextError(IncidentInvalidError):
    template = "The incident cannot be saved: give it a title or say what happened."


class IncidentTimeError(IncidentInvalidError):
    template = (
        "The incident cannot be saved: '{text}' is not a date (2026-11-03) or a date and time "
        "(2026-11-03 21:15)."
    )


class IncidentPeriodError(IncidentInvalidError):
    template = (
        "The incident cannot be saved: a period needs its start as well as its end, and cannot end "
        "before it starts."
    )


class IncidentTooLongError(IncidentInvalidError):
    template = (
        "The incident cannot be saved: a text is longer than {limit} characters, or a list has more "
        "than {count} entries."
    )


class PersonNotFoundError(VaultError):
    template = "There is no person {person_id} in the people register."


class PersonEmptyError(VaultError):
    template = (
        "The person cannot be saved: give a name, or at least one phone number, account, e-mail "
        "address or profile address."
    )


class NoticeNotFoundError(VaultError):
    template = "There is no notice {notice_id} in this vault."


class NoticeIncompleteError(VaultError):
    template = (
        "The notice cannot be saved: it needs the exact web address (URL) of the content and an "
        "explanation of why it is illegal."
    )
