"""Trusted timestamps in the vault, through the real HTTP path to the local OpenSSL TSA.

Items are queued in the transaction that stores them, stamped later in Merkle batches, the
custody log head is anchored after each batch, every token is recorded in the custody log, a
TSA's failure leaves the work queued with its reason, and `verify` notices a token, a proof or
a history that no longer fits what the TSA signed.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import BinaryIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from evidence_kit.errors import CancelledError
from evidence_kit.progress import CancelToken
from evidence_kit.timestamping import (
    NonceMismatchError,
    NoTsaAnsweredError,
    NoTsaConfiguredError,
    TimestampError,
    TokenDigestMismatchError,
    TsaCertificateExpiredError,
    TsaCertificatePurposeError,
    TsaCertificateUntrustedError,
    TsaConfig,
    TsaGarbageResponseError,
    TsaHttpError,
    TsaRejectedError,
    TsaUnreachableError,
    certifi_roots,
    openssl_verify_command,
    stamp_digest,
)
from evidence_kit.timestamping.queue import StampReport
from evidence_kit.vault import NewChild, NewItem, Vault
from tests.timestamping.conftest import TsaFactory
from tests.timestamping.stamping_helpers import (
    CONTENTS,
    TSA_NAME,
    add_files,
    head_by_hand,
    openssl_ok,
    root_by_hand,
    sha,
    stamp_events,
)
from tests.tsa_server import LocalTsa
from tests.vault.conftest import FAST, PASSPHRASE

# ----------------------------------------------------------------------------- queueing


def unreadable() -> BinaryIO:
    raise FileNotFoundError(2, "No such file or directory")


def test_every_added_item_is_queued_in_its_own_transaction(vault: Vault, tmp_path: Path) -> None:
    add_files(vault, tmp_path, CONTENTS[:1])
    children = [
        NewChild(
            "photo.jpg", lambda: io.BytesIO(b"photo of Anna"), NewItem("photo.jpg", "chat.zip/photo.jpg")
        ),
        NewChild("gone.jpg", unreadable, NewItem("gone.jpg", "chat.zip/gone.jpg")),
    ]
    items, failures = vault.add_export(
        io.BytesIO(b"zip bytes of a chat export"), NewItem("chat.zip", "/exports/chat.zip"), children=children
    )
    assert [f[0] for f in failures] == ["gone.jpg"]
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(CancelledError):
        vault.add_stream(io.BytesIO(b"cancelled"), NewItem("x", "x"), cancel=cancel)
    pending = vault.pending_timestamps()
    # The export, its stored child and the first file; nothing of the failed child or the cancelled add.
    assert [(p.subject, p.item_id, p.digest, p.attempts, p.last_error_template) for p in pending] == [
        ("item", 1, sha(CONTENTS[0]), 0, None),
        ("item", 3, sha(b"photo of Anna"), 0, None),
        ("item", 2, sha(b"zip bytes of a chat export"), 0, None),
    ]
    assert {i.id for i in items} == {2, 3}


def test_nothing_to_do_and_no_tsa_configured(vault: Vault, tmp_path: Path) -> None:
    assert vault.stamp_pending([]) == StampReport()
    add_files(vault, tmp_path, CONTENTS[:1])
    report = vault.stamp_pending([])
    assert [type(e) for e in report.errors] == [NoTsaConfiguredError] and report.remaining == 1
    assert vault.pending_timestamps()[0].attempts == 0  # turned off is not a failed attempt


# ----------------------------------------------------------------------------- stamping


def test_items_and_the_log_head_are_stamped_and_recorded(
    vault: Vault, tmp_path: Path, good: TsaConfig, root: list[x509.Certificate]
) -> None:
    add_files(vault, tmp_path)
    head_before = vault.custody_log()[-1].seq  # 1 created + 3 added
    report = vault.stamp_pending([good])
    assert report.ok and report.errors == () and report.remaining == 0
    assert report.items == (1, 2, 3)
    batch, anchor = report.tokens
    assert (batch.subject, anchor.subject) == ("merkle_root", "custody_head")
    assert report.token_items == ((batch.id, (1, 2, 3)),)
    assert vault.pending_timestamps() == []

    for item, data in zip(vault.items(), CONTENTS, strict=True):
        (stamp,) = vault.item_timestamps(item.id)
        assert stamp.item_sha256 == sha(data)
        assert (stamp.leaf_index, stamp.tree_size) == (item.id - 1, 3)
        assert stamp.token == batch
        assert root_by_hand(sha(data), stamp.steps) == batch.digest
        assert stamp.covers_item
    assert (batch.tsa_config_name, batch.tsa_url, batch.tsa_name) == ("local-tsa", good.url, TSA_NAME)
    assert batch.root_pem == root[0].public_bytes(Encoding.PEM)

    # The head after the batch's own event is what was anchored.
    assert vault.head_timestamps() == [anchor]
    assert anchor.head_seq == head_before + 1
    assert anchor.digest == head_by_hand(vault, head_before + 1)
    assert vault.all_item_timestamps() == [(i, TSA_NAME, batch.gen_time) for i in (1, 2, 3)]

    batch_event, head_event = stamp_events(vault)
    assert batch_event["subject"] == "merkle_root" and batch_event["items"] == "[1, 2, 3]"
    assert batch_event["digest"] == batch.digest and batch_event["token"] == str(batch.id)
    assert batch_event["token_sha256"] == sha(batch.response_der)
    assert head_event["subject"] == "custody_head" and head_event["head_seq"] == str(head_before + 1)
    assert head_event["digest"] == anchor.digest

    assert vault.verify(record=False, tsa_roots=root).ok
    # Checked against Mozilla's roots only, the test root is not trusted: one trust warning
    # naming both tokens, and the vault is still intact.
    report_untrusted = vault.verify(record=False, tsa_roots=certifi_roots())
    assert report_untrusted.ok and not report_untrusted.problems
    assert [(p.code, dict(p.params)["tokens"]) for p in report_untrusted.warnings] == [
        ("timestamp_root_untrusted", f"{batch.id}, {anchor.id}"),
    ]


def test_openssl_accepts_each_stored_token_for_its_data_only(
    vault: Vault, tmp_path: Path, good: TsaConfig, local_tsa: LocalTsa
) -> None:
    batch_files = add_files(vault, tmp_path, CONTENTS[:2])
    vault.stamp_pending([good])
    (single_file,) = add_files(vault, tmp_path, CONTENTS[2:])
    vault.stamp_pending([good])
    ca = tmp_path / "ca.pem"
    ca.write_bytes(local_tsa.pki.root_pem)

    def check(
        token_der: bytes, chain_pem: bytes, digest_hex: str | None = None, data_file: str | None = None
    ) -> bool:
        (tmp_path / "token.tsr").write_bytes(token_der)
        (tmp_path / "chain.pem").write_bytes(chain_pem)
        command = openssl_verify_command(
            "token.tsr",
            ca_file="ca.pem",
            untrusted_file="chain.pem",
            digest_hex=digest_hex,
            data_file=data_file,
        )
        return openssl_ok(command, tmp_path)

    # Batch items: the root recomputed from each file and its proof; one changed byte breaks it.
    for item_id, path in zip((1, 2), batch_files, strict=True):
        (stamp,) = vault.item_timestamps(item_id)
        assert stamp.token.subject == "merkle_root"
        data = path.read_bytes()
        assert check(
            stamp.token.response_der, stamp.token.chain_pem, digest_hex=root_by_hand(sha(data), stamp.steps)
        )
        changed = bytes([data[0] ^ 1]) + data[1:]
        assert not check(
            stamp.token.response_der,
            stamp.token.chain_pem,
            digest_hex=root_by_hand(sha(changed), stamp.steps),
        )
    # A batch of one is the item's own SHA-256: openssl hashes the file itself.
    (stamp,) = vault.item_timestamps(3)
    assert (stamp.token.subject, stamp.token.digest, stamp.steps) == ("item", sha(CONTENTS[2]), ())
    assert check(stamp.token.response_der, stamp.token.chain_pem, data_file=str(single_file))
    single_file.write_bytes(CONTENTS[2] + b" ")
    assert not check(stamp.token.response_der, stamp.token.chain_pem, data_file=str(single_file))
    # Each custody head: the chain recomputed from the bodies; the head one event later fails.
    anchors = vault.head_timestamps()
    assert len(anchors) == 2
    for anchor in anchors:
        assert anchor.head_seq is not None
        assert check(anchor.response_der, anchor.chain_pem, digest_hex=head_by_hand(vault, anchor.head_seq))
        assert not check(
            anchor.response_der, anchor.chain_pem, digest_hex=head_by_hand(vault, anchor.head_seq + 1)
        )


def test_large_backlogs_are_stamped_in_several_batches(
    vault: Vault,
    tmp_path: Path,
    good: TsaConfig,
    root: list[x509.Certificate],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("evidence_kit.timestamping.stamping.MAX_BATCH", 2)
    add_files(vault, tmp_path, tuple(f"file {n} of Anna".encode() for n in range(5)))
    report = vault.stamp_pending([good])
    assert [t.subject for t in report.tokens] == ["merkle_root", "merkle_root", "item", "custody_head"]
    assert [ids for _token, ids in report.token_items] == [(1, 2), (3, 4), (5,)]
    assert [len(vault.item_timestamps(i)) for i in range(1, 6)] == [1, 1, 1, 1, 1]
    assert vault.verify(record=False, tsa_roots=root).ok


def test_the_tsa_is_asked_outside_the_database_lock(
    vault: Vault, tmp_path: Path, good: TsaConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the TSA is being asked, another thread can write to the vault (no lock, no transaction)."""
    import evidence_kit.timestamping.stamping as stamping_module

    add_files(vault, tmp_path, CONTENTS[:1])
    real = stamp_digest
    writes: list[bool] = []

    def stamp_while_someone_writes(digest: bytes, tsas: list[TsaConfig]) -> object:
        writer = threading.Thread(target=lambda: vault.set_note(1, "written during the request"))
        writer.start()
        writer.join(timeout=10)
        writes.append(not writer.is_alive())
        return real(digest, tsas)

    monkeypatch.setattr(stamping_module, "stamp_digest", stamp_while_someone_writes)
    report = vault.stamp_pending([good])
    assert writes == [True, True] and report.ok  # the item, then the head
    assert vault.item(1).note == "written during the request"


def test_cancel_leaves_the_rest_queued(vault: Vault, tmp_path: Path, good: TsaConfig) -> None:
    add_files(vault, tmp_path, CONTENTS[:1])
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(CancelledError):
        vault.stamp_pending([good], cancel=cancel)
    assert [p.item_id for p in vault.pending_timestamps()] == [1]


# ----------------------------------------------------------------------------- failures

FAULTS: dict[str, type[TimestampError]] = {
    "closed": TsaUnreachableError,
    "garbage": TsaGarbageResponseError,
    "http500": TsaHttpError,
    "rejected": TsaRejectedError,
    "different-data": TokenDigestMismatchError,
    "wrong-nonce": NonceMismatchError,
    "expired": TsaCertificateExpiredError,
    "no-eku": TsaCertificatePurposeError,
    "untrusted": TsaCertificateUntrustedError,
}


def fault_config(mode: str, local_tsa: LocalTsa, tsa_config: TsaFactory) -> TsaConfig:
    if mode == "closed":
        return TsaConfig("local-closed", local_tsa.closed_url, roots_pem=local_tsa.pki.root_pem, timeout=5)
    return tsa_config(mode)


@pytest.mark.parametrize("mode", list(FAULTS))
def test_each_tsa_fault_is_refused_and_the_work_stays_queued(
    mode: str, vault: Vault, tmp_path: Path, local_tsa: LocalTsa, tsa_config: TsaFactory
) -> None:
    add_files(vault, tmp_path, CONTENTS[:2])  # the import itself never waits for a TSA
    events_before = len(vault.custody_log())
    report = vault.stamp_pending([fault_config(mode, local_tsa, tsa_config)])
    (error,) = report.errors
    assert isinstance(error, NoTsaAnsweredError)
    (failure,) = error.failures
    assert type(failure) is FAULTS[mode]
    assert failure.params["tsa"] == f"local-{mode}"
    assert (report.tokens, report.items, report.remaining) == ((), (), 2)
    pending = vault.pending_timestamps()
    assert [(p.item_id, p.attempts, p.last_error_template) for p in pending] == [
        (1, 1, FAULTS[mode].template),
        (2, 1, FAULTS[mode].template),
    ]
    assert dict(pending[0].last_error_params) == {k: str(v) for k, v in failure.params.items()}
    assert pending[0].last_attempt_at is not None
    assert len(vault.custody_log()) == events_before  # no token, no event
    assert vault.head_timestamps() == [] and vault.item_timestamps(1) == []
    assert vault.verify(record=False).ok


def test_several_tsas_are_tried_in_order(
    vault: Vault, tmp_path: Path, local_tsa: LocalTsa, tsa_config: TsaFactory, good: TsaConfig
) -> None:
    add_files(vault, tmp_path, CONTENTS[:1])
    report = vault.stamp_pending([tsa_config("garbage"), tsa_config("expired")])
    (error,) = report.errors
    assert isinstance(error, NoTsaAnsweredError)
    assert [type(f) for f in error.failures] == [TsaGarbageResponseError, TsaCertificateExpiredError]
    (pending,) = vault.pending_timestamps()
    assert pending.last_error_template == NoTsaAnsweredError.template
    assert dict(pending.last_error_params) == {"tried": "local-garbage, local-expired"}
    report = vault.stamp_pending([tsa_config("garbage"), good])
    assert report.ok and [t.tsa_config_name for t in report.tokens] == ["local-tsa", "local-tsa"]


def test_an_offline_vault_gets_its_stamps_when_the_tsa_comes_back(
    tmp_path: Path, local_tsa: LocalTsa, tsa_config: TsaFactory, good: TsaConfig, root: list[x509.Certificate]
) -> None:
    path = tmp_path / "offline.ekvault"
    offline = fault_config("closed", local_tsa, tsa_config)
    vault, _code = Vault.create(path, PASSPHRASE, kdf=FAST)
    with vault:
        add_files(vault, tmp_path, CONTENTS[:2])
        assert vault.stamp_pending([offline]).remaining == 2
    with Vault.open(path, PASSPHRASE) as vault:  # a later session, still offline
        add_files(vault, tmp_path, CONTENTS[2:])
        vault.stamp_pending([offline])
        assert [(p.item_id, p.attempts) for p in vault.pending_timestamps()] == [(1, 2), (2, 2), (3, 1)]
    with Vault.open(path, PASSPHRASE) as vault:  # the TSA answers again
        report = vault.stamp_pending([good])
        assert report.ok and report.items == (1, 2, 3) and report.remaining == 0
        assert all(len(vault.item_timestamps(i)) == 1 for i in (1, 2, 3))
        assert len(vault.head_timestamps()) == 1
        assert vault.verify(record=False, tsa_roots=root).ok


def test_a_head_anchor_that_fails_stays_queued(
    vault: Vault,
    tmp_path: Path,
    local_tsa: LocalTsa,
    tsa_config: TsaFactory,
    good: TsaConfig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import evidence_kit.timestamping.stamping as stamping_module

    add_files(vault, tmp_path, CONTENTS[:1])
    real = stamp_digest
    offline = fault_config("closed", local_tsa, tsa_config)
    calls: list[int] = []

    def head_goes_offline(digest: bytes, tsas: list[TsaConfig]) -> object:
        calls.append(1)
        return real(digest, tsas if len(calls) == 1 else [offline])

    monkeypatch.setattr(stamping_module, "stamp_digest", head_goes_offline)
    report = vault.stamp_pending([good])
    assert report.items == (1,) and [t.subject for t in report.tokens] == ["item"]
    assert [type(e) for e in report.errors] == [NoTsaAnsweredError]
    log_seq = vault.custody_log()[-1].seq
    (pending,) = vault.pending_timestamps()
    assert (pending.subject, pending.head_seq, pending.attempts) == ("custody_head", log_seq, 1)
    assert pending.last_error_template == TsaUnreachableError.template
    monkeypatch.setattr(stamping_module, "stamp_digest", real)
    vault.request_head_timestamp()  # an export asks too: one anchor of the newest head answers both
    report = vault.stamp_pending([good])
    assert report.ok and report.head_seq == log_seq and vault.pending_timestamps() == []
