"""Verification: of an open vault (`vault.py`) and of a dossier package (`package.py`, whose checks
are in `package_*.py`; its docstring says which module checks what).

Rule: verification reports, it never raises for damage, and it imports nothing that writes: the
checks stand apart from the code whose output they check. The package format it checks is
defined in `package_format.py`, which the dossier writer follows. A check that verify shares
with the layers below it is written there once: whether a token covers an item
(timestamping/subjects.py, for both verifiers), a token's signature (timestamping/client.py),
one custody-chain link (storage/custody.py).
"""
