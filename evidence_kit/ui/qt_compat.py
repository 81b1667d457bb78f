"""Work-arounds for bugs in the pinned PySide6, each with a probe that proves it is needed.

PySide6 6.12.0 on Python 3.11: when a Python override of a C++ virtual that returns a
QVariant (`data`, `headerData`, `loadResource`) returns None, one reference to None is
released too many. None is not immortal before Python 3.12, so after some thousands of
repaints the interpreter aborts with "none_dealloc: deallocating None". Every such override
returns `no_value()` instead of a bare None: it gives back the reference PySide takes, but
only when the probe below shows the bug (a fixed PySide6, or Python >= 3.12, needs nothing).
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

from PySide6.QtCore import QAbstractListModel, QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt


class _Probe(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> None:
        return None


_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


@cache
def none_reference_lost() -> bool:
    """True when returning None from a QVariant virtual loses a reference to None."""
    model = _Probe()
    proxy = QIdentityProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    rounds = 64
    before = sys.getrefcount(None)
    for _ in range(rounds):
        proxy.data(index, Qt.ItemDataRole.DisplayRole)
    lost = before - sys.getrefcount(None)
    for _ in range(max(lost, 0)):
        _incref(None)  # give back what the probe itself cost
    return lost >= rounds // 2


def no_value() -> None:
    """What a data()/headerData()/loadResource() override returns for "nothing"."""
    if none_reference_lost():
        _incref(None)
    return None
