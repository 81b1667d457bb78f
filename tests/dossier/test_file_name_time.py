"""A screenshot dated by its file name, in the dossier: its item lists the time with its source
and the assumption (no time zone), and the timeline places it on that day saying where the time
comes from. Fictional data from `sample_dossier.py`."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.domain import TimeSource, Timestamp
from evidence_kit.dossier.pdf import render_dossier
from evidence_kit.i18n import _
from evidence_kit.importers.name_times import ANDROID_SCREENSHOT_ASSUMPTION
from tests.dossier import pdf_tools
from tests.dossier.sample_dossier import build_sample


@pytest.mark.parametrize(
    ("lang", "source", "assumption", "timeline"),
    [
        ("en", "From the file name", "as Android names a screenshot", "21:15 (From the file name)"),
        ("nl", "Uit de bestandsnaam", "zoals Android een schermafbeelding", "21:15 (Uit de bestandsnaam)"),
    ],
)
def test_a_file_name_time_is_printed_with_its_source(
    tmp_path: Path, uncommon_text: tuple[str, ...], lang: str, source: str, assumption: str, timeline: str
) -> None:
    sample = build_sample(lang, uncommon_text)  # type: ignore[arg-type]
    screenshot = sample.items[0]
    named = Timestamp(
        TimeSource.FILE_NAME, local=datetime(2024, 3, 1, 21, 15, 0), assumption=ANDROID_SCREENSHOT_ASSUMPTION
    )
    item = dataclasses.replace(screenshot, times=(named, *screenshot.times[1:]))
    pdf = tmp_path / "dossier.pdf"
    with pdf.open("wb") as out:  # translated as the export translates (`dossier/export.py`)
        render_dossier(sample.info, [item], [], out, translate=lambda text: _(text, lang))
    text = pdf_tools.normalise(pdf_tools.pdftotext(pdf))
    assert source in text
    assert assumption in text
    assert timeline in text
