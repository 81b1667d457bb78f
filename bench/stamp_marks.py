"""How long does the evidence list take to show a batch of new time-stamps?

When a Merkle batch of up to 10,000 items comes back from the TSA, the background stamper marks
those rows "time-stamped" (`evidence_kit.ui.stamper.mark_stamped`). Measured here on a real
`EvidenceList` (model, filter proxy, table view, filter combo boxes) of `--rows` synthetic rows,
offscreen: `mark_stamped` for `--batch` rows, against the baseline of the same run, calling the
model's `replace_row` once per row (each call tells the view and the list's filter boxes, which
rescan every row), timed on `--baseline` rows and given per row and as a projection.

Run from the repository root: `python bench/stamp_marks.py [--rows 100000] [--batch 10000]`.
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from evidence_kit.domain import ItemKind, ItemSummary, TimeSource, Timestamp
from evidence_kit.ui.models.item_table import ItemTableModel
from evidence_kit.ui.models.rows import ItemRow, TrustedState, make_row
from evidence_kit.ui.stamper import mark_stamped
from evidence_kit.ui.views.evidence_list import EvidenceList


def rows(count: int) -> list[ItemRow]:
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    made = []
    for i in range(1, count + 1):
        summary = ItemSummary(
            id=i,
            uuid=f"00000000-0000-0000-0000-{i:012d}",
            kind=ItemKind.FILE if i % 3 else ItemKind.IMAGE,
            sha256=f"{i:064x}",
            size=1000 + i,
            original_name=f"fictional file {i}.txt",
            original_path=f"/home/anna/fictional/{i}.txt",
            media_type="text/plain",
            importer="files",
            importer_version="1",
            note="",
            category=("Threat", "Insult", "")[i % 3],
            parent_id=None,
            imported_at=Timestamp(source=TimeSource.IMPORT_CLOCK, utc=now),
        )
        made.append(make_row(summary, None, TrustedState.PENDING))
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=100)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    model = ItemTableModel()
    view = EvidenceList(model)
    view.resize(1100, 700)
    view.show()
    model.set_rows(rows(args.rows))
    app.processEvents()

    # Baseline: one replace_row per row, on rows the batch below does not touch.
    ids = [row.id for row in model.rows()]
    baseline_ids = ids[: args.baseline]
    start = time.perf_counter()
    for item_id in baseline_ids:
        row = model.row_by_id(item_id)
        assert row is not None
        model.replace_row(replace(row, trusted=TrustedState.STAMPED))
    app.processEvents()
    baseline_s = time.perf_counter() - start

    batch_ids = ids[-args.batch :]  # the newest items, as after an import
    start = time.perf_counter()
    changed = mark_stamped(model, batch_ids)
    app.processEvents()
    batch_s = time.perf_counter() - start
    assert changed == len(batch_ids)
    assert all(model.row_by_id(i).trusted is TrustedState.STAMPED for i in batch_ids)  # type: ignore[union-attr]
    view.close()

    per_row_baseline_ms = baseline_s / len(baseline_ids) * 1000
    per_row_batch_ms = batch_s / len(batch_ids) * 1000
    print(
        f"{args.rows} rows: replace_row per row {per_row_baseline_ms:.3f} ms "
        f"(projected {per_row_baseline_ms * len(batch_ids) / 1000:.1f} s for {len(batch_ids)}); "
        f"mark_stamped {len(batch_ids)} rows in {batch_s * 1000:.1f} ms"
    )
    print(
        json.dumps(
            {
                "bench": "stamp_marks",
                "rows": args.rows,
                "batch": len(batch_ids),
                "baseline_rows": len(baseline_ids),
                "baseline_replace_row_ms_per_row": round(per_row_baseline_ms, 4),
                "baseline_projected_s_for_batch": round(per_row_baseline_ms * len(batch_ids) / 1000, 2),
                "mark_stamped_ms_for_batch": round(batch_s * 1000, 1),
                "mark_stamped_ms_per_row": round(per_row_batch_ms, 4),
                "speedup_per_row": round(per_row_baseline_ms / per_row_batch_ms, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
