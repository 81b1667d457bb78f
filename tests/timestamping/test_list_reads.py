"""The vault's bulk reads for the evidence list give what the one-item reads give.

`Vault.derived_of_items` (every chat's messages, a page of thumbnails: a few queries however
many items) must return exactly what `Vault.derived` returns item by item, and
`Vault.timestamp_states` exactly which items a stored token covers and which still wait, as
the real local TSA leaves them. The list's rows then show those states after the vault is
opened again.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION, DERIVED_IMPORT_REPORT, DERIVED_THUMBNAIL
from evidence_kit.ui.models.rows import TrustedState, rows_for
from evidence_kit.vault import NewDerived, NewItem, Vault
from tests.timestamping.conftest import TsaFactory
from tests.vault.conftest import FAST, PASSPHRASE


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _code = Vault.create(tmp_path / "case.ekvault", PASSPHRASE, kdf=FAST)
    yield opened
    opened.close()


def _add(vault: Vault, name: str, derived: list[NewDerived] = []) -> int:  # noqa: B006 (never changed)
    meta = NewItem(original_name=name, original_path=f"/fictional/{name}")
    return vault.add_stream(io.BytesIO(name.encode()), meta, derived=derived).id


def test_derived_of_items_is_derived_for_each(vault: Vault, tmp_path: Path) -> None:
    # More items than one query binds, some with the kind and some without.
    ids = [
        _add(
            vault,
            f"note {n}.txt",
            [NewDerived("thumbnail", "image/png", b"png %d" % n, "test", "1")] if n % 3 else [],
        )
        for n in range(1100)
    ]
    source = tmp_path / "chats"
    source.mkdir()
    for number in range(4):
        (source / f"WhatsApp Chat with Contact {number}.txt").write_text(
            f"03-10-2026 23:0{number} - Mark (fictional): message {number}\n", encoding="utf-8"
        )
    chats = [item.id for result in add_paths(vault, [source]) for item in result.items]
    every = [*ids, *chats]
    for kind in (DERIVED_THUMBNAIL, DERIVED_CONVERSATION, DERIVED_IMPORT_REPORT):
        one_by_one = {i: data for i in every if (data := vault.derived(i, kind)) is not None}
        assert vault.derived_of_items([*every, *every[:10]], kind) == one_by_one, kind  # repeats are fine
    assert len(vault.derived_of_items(every, DERIVED_THUMBNAIL)) == sum(1 for n in range(1100) if n % 3)
    assert len(vault.derived_of_items(every, DERIVED_CONVERSATION)) == 4
    assert vault.derived_of_items([], DERIVED_THUMBNAIL) == {}
    assert vault.derived_of_items([10**9], DERIVED_THUMBNAIL) == {}


def test_timestamp_states_follow_the_queue_and_the_tokens(vault: Vault, tsa_config: TsaFactory) -> None:
    first = [_add(vault, f"screenshot {n}.png") for n in range(3)]
    assert vault.timestamp_states() == (set(), set(first))
    report = vault.stamp_pending([tsa_config()])
    assert report.ok and sorted(report.items) == first
    later = _add(vault, "later.txt")
    assert vault.timestamp_states() == (set(first), {later})
    states = {row.id: row.trusted for row in rows_for(vault, vault.items())}
    assert states == {**dict.fromkeys(first, TrustedState.STAMPED), later: TrustedState.PENDING}
