"""`python -m evidence_kit.cli ...`: the same as the `evidence-kit` command."""

from __future__ import annotations

from evidence_kit.cli import main

if __name__ == "__main__":
    main()
