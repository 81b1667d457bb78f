"""Fixtures every test package shares.

`uncommon_text` is the text that every importer, the GUI and the PDF must survive
(docs/architecture.md, "Tests"). `samples_dir` is `../shared/samples` beside the clone when it exists
(CI has it; a user's clone does not), for the conformance tests only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO_ROOT.parent / "shared" / "samples"

UNCOMMON_TEXT: tuple[str, ...] = (
    "Right-to-left override: \u202eevil.exe\u202c and back",
    "Zero-width joiners: 👨\u200d👩\u200d👧\u200d👦 fa\u200dmily",
    "Emoji with skin tones: 👍🏽 👋🏿 🤷🏼\u200d♀️",
    "Turkish: ıi İI — Istanbul İstanbul ılık",
    "Arabic: مرحبا، هذا نص عربي للاختبار",
    "Polish: Zażółć gęślą jaźń — ŁÓDŹ",
    "Combining marks: e\u0301 a\u0308 n\u0303 Z\u0335\u0321a\u0336l\u0337g\u0334o",
    "Dutch: één, ijsje, coördinatie, Ĳsselmeer",
    "Long line: " + ("lorem ipsum dolor sit amet " * 371)[:10_000],
    "Control characters: bell\x07 tab\t vertical\x0b formfeed\x0c escape\x1b end",
)


@pytest.fixture
def uncommon_text() -> tuple[str, ...]:
    return UNCOMMON_TEXT


@pytest.fixture
def samples_dir() -> Path:
    if not SAMPLES_DIR.is_dir():
        pytest.skip("../shared/samples is not present (only CI and developers have it)")
    return SAMPLES_DIR
