"""datasketch's ``MinHash`` and ``MinHashLSH``, imported without ``scipy.integrate``.

``datasketch.lsh`` imports ``scipy.integrate`` (with scipy.special, scipy.optimize and
scipy.sparse.linalg: 0.5 s, a tenth of a one-article rebuild) for one function,
``_optimal_param``, which chooses the LSH bands when none are given; Riwaya always gives them
(:mod:`riwaya.pipeline.duplicates`). So datasketch is imported while a stand-in module holds
the name ``scipy.integrate``, and the stand-in is taken away at once: a later
``import scipy.integrate`` gets scipy's own. What datasketch kept of it (``quad``), and any
attribute of the stand-in, imports the real module when used. When ``scipy.integrate`` or
datasketch is imported already, nothing stands in.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types

_NAME = "scipy.integrate"
_LOCK = threading.Lock()


def _real() -> types.ModuleType:
    """scipy's own ``scipy.integrate`` (imported now if need be)."""
    with _LOCK:
        if isinstance(sys.modules.get(_NAME), _StandIn):
            del sys.modules[_NAME]
    return importlib.import_module(_NAME)


class _StandIn(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):      # what the import system asks of a module (__path__...)
            raise AttributeError(name)
        return getattr(_real(), name)


def _quad(*args, **kwargs):
    return _real().quad(*args, **kwargs)


def _import_datasketch() -> types.ModuleType:
    if "datasketch" in sys.modules or _NAME in sys.modules:
        return importlib.import_module("datasketch")
    stand_in = _StandIn(_NAME, "scipy.integrate, imported when used (riwaya.pipeline.sketches)")
    stand_in.quad = _quad
    with _LOCK:
        sys.modules[_NAME] = stand_in
    try:
        return importlib.import_module("datasketch")
    finally:
        with _LOCK:
            if sys.modules.get(_NAME) is stand_in:
                del sys.modules[_NAME]
        scipy = sys.modules.get("scipy")
        if scipy is not None and scipy.__dict__.get("integrate") is stand_in:
            del scipy.integrate


_datasketch = _import_datasketch()
MinHash = _datasketch.MinHash
MinHashLSH = _datasketch.MinHashLSH

__all__ = ["MinHash", "MinHashLSH"]
