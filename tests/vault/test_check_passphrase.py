"""`Vault.check_passphrase`: the "current passphrase" question before a change, answered by the key slot."""

from __future__ import annotations

from evidence_kit.vault import Vault

from .conftest import FAST, PASSPHRASE


def test_only_the_current_passphrase_passes_the_check(vault: Vault) -> None:
    assert vault.check_passphrase(PASSPHRASE)
    assert not vault.check_passphrase(PASSPHRASE + " ")
    assert not vault.check_passphrase("")
    vault.change_passphrase("a completely new passphrase", kdf=FAST)
    assert vault.check_passphrase("a completely new passphrase")
    assert not vault.check_passphrase(PASSPHRASE)
