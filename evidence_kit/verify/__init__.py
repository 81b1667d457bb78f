"""Verification: of an open vault (`vault.py`) and of a dossier package (`package.py`).

Rule: verification reports, it never raises for damage, and it imports nothing that writes: the
checks stand apart from the code whose output they check. The package format it checks is
defined in `package_format.py`, which the dossier writer follows.
"""
