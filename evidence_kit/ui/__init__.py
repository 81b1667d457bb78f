"""The desktop app (PySide6). The only package of Evidence Kit that imports Qt.

Rule: the UI is a face of `vault.py`, like the CLI. Every vault call runs in the one worker
thread (`workers.py`); widgets get domain objects and ids back, never database rows.
"""
