"""Hostile e-mail through `add`: bad encoded words, a Date that is not a date, a header bomb, a
huge folded header, a huge line without a newline, a truncated mbox.

Each ends the same way: `add` exits 0 without a traceback, the original is in the vault
byte-exact (extracted and compared with its hash), the report names the file in a clear
sentence (also in Dutch), and `verify` passes. The inputs are fictional and generated here; the
large ones are written to tmp_path. Each `add` is bounded by the conftest's time limit, so a
return of the quadratic header parsing fails instead of hanging.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from tests.helpers import run_cli
from tests.hostile.conftest import (
    add,
    assert_stored_exactly,
    assert_verify_passes,
    items,
    original,
    report_line,
)

HEAD = (
    b"To: Bram Jansen <bram@example.org>\nDate: Tue, 14 Nov 2023 23:13:20 +0100\n"
    b"Message-ID: <vijandig-0001@example.org>\n"
)


def _messages(vault: Path, env: dict[str, str], name: str) -> list[dict[str, object]]:
    item = next(i for i in items(vault, env) if i["original_name"] == name)
    shown = json.loads(run_cli(["messages", str(vault), str(item["id"]), "--json"], env, check=True).stdout)
    assert isinstance(shown, list)
    return shown


def _check(vault: Path, env: dict[str, str], files: list[Path], scratch: Path) -> None:
    assert_stored_exactly(vault, env, {f.name: f.read_bytes() for f in files}, scratch)
    assert_verify_passes(vault, env)


def test_bad_encoded_words_and_dates_are_shown_as_written(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    undecodable = tmp_path / "onleesbaar.eml"
    undecodable.write_bytes(
        b"From: =?utf-8?B?/w==?= <anna@example.org>\n"
        b"Subject: =?x-unknown?B?SGFsbG8=?= =?utf-8?B?!!!?= =?utf-8?Q?afgebroken\n"
        b"To: Bram Jansen <bram@example.org>\nDate: dit is geen datum\n\nTekst.\n"
    )
    year_zero = tmp_path / "jaar-nul.eml"
    year_zero.write_bytes(
        b"From: =?x-unknown?Q?=FF=FE?= <anna@example.org>\nSubject: jaar nul\n"
        b"To: Bram Jansen <bram@example.org>\nDate: Mon, 1 Jan 0 00:30:00 +0000\n\nTekst.\n"
    )
    # NUL after the first 4 KiB, so the file is still recognised as an e-mail.
    nul = tmp_path / "nul.eml"
    nul.write_bytes(
        b"From: Anna <anna@example.org>\n"
        + b"Received: from relay.example.org by mx.example.org\n" * 100
        + b"Subject: met\x00nul\n"
        + HEAD
        + b"\nTekst.\n"
    )
    files = [undecodable, year_zero, nul]

    result = add(vault, files, env)

    assert result.returncode == 0, result.stderr
    line = report_line(result, undecodable)
    assert "recognised as email, 1 message" in line and "1 messages" not in line
    assert "1 messages have a Date header that is not a valid date" in result.stderr
    assert (
        'name a character set this program does not know ("x-unknown") and are shown as written'
        in result.stderr
    )
    assert "2 encoded words are damaged" in result.stderr
    assert "1 messages have a Date header with an impossible year" in result.stderr
    assert "1 header values contain NUL or undecodable bytes" in result.stderr
    (message,) = _messages(vault, env, undecodable.name)
    assert message["sender"] == "\\xff" and message["sent_at"] is None
    (message,) = _messages(vault, env, year_zero.name)
    assert message["sender"] == "=?x-unknown?Q?=FF=FE?=" and message["sent_at"] is None
    _check(vault, env, files, tmp_path / "out")


def test_a_header_bomb_of_100k_fields_is_cut_with_a_warning(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    bomb = tmp_path / "bom.eml"
    fields = b"".join(b"X-Veld-%d: waarde\n" % i for i in range(100_000))
    bomb.write_bytes(b"From: Anna <anna@example.org>\nSubject: bom\n" + HEAD + fields + b"\nTekst.\n")

    result = add(vault, [bomb], env)

    assert result.returncode == 0, result.stderr
    assert "recognised as email, 1 message," in report_line(result, bomb) + ","
    assert (
        "1 messages of bom.eml have a header larger than 1048576 bytes; the fields after that point "
        "are not shown (first: message 1); the stored original is unchanged."
    ) in result.stderr
    _check(vault, env, [bomb], tmp_path / "out")


def test_a_5_mb_folded_header_is_cut_for_display(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    folded = tmp_path / "gevouwen.eml"
    value = b"\n ".join([b"=?utf-8?B?QUJD?= <x@example.org>,"] * 150_000)  # ~5 MB of addresses
    folded.write_bytes(
        b"From: Anna <anna@example.org>\nSubject: gevouwen\nCc: " + value + b"\n" + HEAD + b"\nTekst.\n"
    )
    assert folded.stat().st_size > 5_000_000

    result = add(vault, [folded], env)

    assert result.returncode == 0, result.stderr
    assert "recognised as email, 1 message," in report_line(result, folded) + ","
    assert (
        "1 header fields of gevouwen.eml are longer than 65536 bytes and were cut for display "
        "(first: Cc in message 1); the stored original is unchanged."
    ) in result.stderr
    (message,) = _messages(vault, env, folded.name)
    assert message["text"] == "Tekst."
    _check(vault, env, [folded], tmp_path / "out")


def test_a_50_mb_line_without_a_newline_is_cut_for_display(
    tmp_path: Path, env: dict[str, str], vault: Path
) -> None:
    huge = tmp_path / "lange-regel.eml"
    with huge.open("wb") as out:
        out.write(b"From: Anna <anna@example.org>\nSubject: lange regel\n" + HEAD + b"\n")
        block = b"z" * (1 << 20)
        for _ in range(50):
            out.write(block)
    in_mbox = tmp_path / "lange-regel.mbox"
    with in_mbox.open("wb") as out:
        out.write(b"From anna@example.org Tue Nov 14 23:13:20 2023\nFrom: Anna <anna@example.org>\n")
        out.write(b"Subject: lange regel\n" + HEAD + b"\n")
        for _ in range(50):
            out.write(block)

    result = add(vault, [huge, in_mbox], {**env, "EVIDENCE_KIT_LANG": "nl"})

    assert result.returncode == 0, result.stderr
    for path in (huge, in_mbox):
        assert path.name in report_line(result, path)
        assert (
            f"1 berichten in {path.name} hebben regels langer dan 1048576 bytes; die regels zijn ingekort "
            "voor weergave"
        ) in result.stderr
    _check(vault, env, [huge, in_mbox], tmp_path / "out")


def test_a_truncated_mbox_keeps_what_it_holds(tmp_path: Path, env: dict[str, str], vault: Path) -> None:
    attachment = base64.encodebytes(bytes(range(256)) * 200)
    message = (
        b"From: Anna <anna@example.org>\nSubject: met bijlage\n" + HEAD + b"MIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed; boundary=GRENS\n\n"
        b"--GRENS\nContent-Type: text/plain\n\nZie bijlage.\n"
        b"--GRENS\nContent-Type: application/octet-stream; name=bestand.bin\n"
        b"Content-Transfer-Encoding: base64\n\n" + attachment + b"--GRENS--\n"
    )
    separator = b"From anna@example.org Tue Nov 14 23:13:20 2023\n"
    whole = separator + message + b"\n" + separator + message
    truncated = tmp_path / "afgebroken.mbox"
    truncated.write_bytes(whole[: len(whole) - len(attachment) // 2 - 13])  # in the middle of base64
    assert not truncated.read_bytes().endswith(b"\n")

    result = add(vault, [truncated], env)

    assert result.returncode == 0, result.stderr
    assert "recognised as mbox, 2 messages" in report_line(result, truncated)
    assert (
        "1 messages of afgebroken.mbox end before their last MIME part is closed: the message or the file "
        "was cut short; what it holds was kept and its last attachment may be incomplete (first: message 2)."
    ) in result.stderr
    texts = [m["text"] for m in _messages(vault, env, truncated.name)]
    assert texts == ["Zie bijlage.", "Zie bijlage."]
    listed = items(vault, env)
    assert sorted(str(i["original_name"]) for i in listed) == [
        "afgebroken.mbox",
        "bestand (2).bin",
        "bestand.bin",
    ]
    mbox_item = next(i for i in listed if i["original_name"] == truncated.name)
    assert original(vault, mbox_item["id"], env, tmp_path / "mbox-out") == truncated.read_bytes()
    assert_verify_passes(vault, env)
