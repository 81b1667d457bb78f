"""The dossier's SMS transcript and call log: the owner's own messages are "me"/"ik" (with the
owner's number when the export gives it), and each call says its type, the other party's name
and number, and its duration in the dossier's language. Exported through `export_dossier`."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_kit.domain import Message, MessageKind
from evidence_kit.dossier.chat_lines import call_text, sender_label
from evidence_kit.dossier.export import export_dossier
from evidence_kit.dossier.texts import t
from evidence_kit.importers.batch import add_paths
from evidence_kit.vault import Vault
from tests.dossier import pdf_tools
from tests.vault.conftest import FAST, PASSPHRASE

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "sms"


def test_a_dutch_dossier_says_ik_and_words_each_call(tmp_path: Path) -> None:
    vault, _code = Vault.create(tmp_path / "case.ekvault", PASSPHRASE, case_title="Fictieve zaak", kdf=FAST)
    with vault:
        results = list(add_paths(vault, [FIXTURES / "sms-traps.xml", FIXTURES / "calls-traps.xml"]))
        assert all(r.error is None for r in results)
        export_dossier(vault, tmp_path / "dossier", lang="nl")
    text = pdf_tools.normalise(pdf_tools.pdftotext(tmp_path / "dossier" / "dossier.pdf"))
    assert text.count("22:56:40 ik Laat me met rust.") == 1
    assert "(afzender onbekend) Laat me" not in text
    for line in (
        "oproep Oproep van onbekend type, +31600000004, duur 0:01:01",
        "oproep Gemiste oproep van Anna de Vries (+31600000001)",
        "oproep Inkomend gesprek van een afgeschermd nummer, duur 0:00:12",
        "oproep Voicemail van Chris Jansen (+31600000003), duur 0:00:45",
        "oproep Uitgaand gesprek naar Anna de Vries (+31600000001), duur 1:02:03",
        "oproep Geweigerde oproep van een afgeschermd nummer",
        "oproep Geblokkeerde oproep van Anna de Vries (+31600000001)",
    ):
        assert line in text
    assert "Incoming call" not in text and "Outgoing call" not in text


def _en(key: str, **params: object) -> str:
    return t("en", key, **params)


@pytest.mark.parametrize(
    ("message", "label"),
    [
        (Message(sender=None, text="x", extra=(("direction", "outgoing"),)), "me"),
        (
            Message(sender=None, text="x", extra=(("direction", "outgoing"), ("from", "+31600000009"))),
            "me (+31600000009)",
        ),
        (Message(sender="Anna", text="x", extra=(("direction", "incoming"),)), None),
        (Message(sender=None, text="x", extra=(("direction", "unknown"),)), None),  # never guessed as own
    ],
)
def test_own_messages_in_english(message: Message, label: str | None) -> None:
    assert sender_label(_en, message) == label


def test_calls_in_english() -> None:
    def call(direction: str, call_type: str, *extra: tuple[str, str], **who: str) -> Message:
        facts = (("direction", direction), ("call_type", call_type), ("duration_seconds", "75"), *extra)
        return Message(text="Fixed English", kind=MessageKind.SYSTEM, extra=facts, **who)  # type: ignore[arg-type]

    assert call_text(_en, call("incoming", "incoming", sender="Anna", sender_id="+31600000001")) == (
        "Incoming call from Anna (+31600000001), duration 0:01:15"
    )
    assert call_text(_en, call("outgoing", "outgoing", ("to", "+31600000002"), sender=None)) == (
        "Outgoing call to +31600000002, duration 0:01:15"
    )
    assert call_text(_en, call("incoming", "missed", ("number_presentation", "payphone"), sender=None)) == (
        "Missed call from a payphone"
    )
    assert call_text(_en, Message(sender=None, text="x", kind=MessageKind.SYSTEM)) is None
