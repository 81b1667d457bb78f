"""Keep Python's full garbage collections short while a vault is open.

Rule: once a vault's list has loaded, every object alive at that moment (Qt's wrappers, the
modules, the session, the rows) is left out of later full collections (`gc.freeze`). A full
collection walks every tracked object while holding the interpreter lock, so without this one
collection at the end of an import froze the window for 65 ms with a small vault and longer
with a large one (`bench/ui_latency.py`). On lock everything is handed back (`gc.unfreeze`) and
collected once, so nothing of a closed vault stays parked in memory.

This is the pattern CPython documents for `gc.freeze` (long-lived objects, shorter pauses);
reference counting frees almost everything anyway, the cyclic collector only finds cycles.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Leave every object alive now out of later collections (cheap: no walk)."""
    gc.freeze()


def release() -> None:
    """Hand the frozen objects back and collect once: call when the vault has locked."""
    gc.unfreeze()
    gc.collect()
