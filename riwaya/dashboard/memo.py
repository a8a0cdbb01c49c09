"""Small results computed once per corpus and filter, shared by every session.

The prepared corpus is one read-only object shared by every session of the server
(``components/context.py`` keeps it in ``st.cache_resource``); each :class:`Memo` lives on it, so a
new build or a new review decision (a new :class:`~riwaya.dashboard.corpus.Prepared`) starts
with an empty one and nothing stale is ever served. Keys are plain values: the function's name,
the :class:`~riwaya.dashboard.filters.Filters` (a frozen dataclass of tuples) and the arguments.

Twenty sessions asking for the same map at once compute it once: a key being computed is
locked, the others wait for its result. Results are shared: a DataFrame is handed out as a
shallow copy (pandas' copy-on-write keeps the cached one intact if the copy is changed).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from functools import wraps
from typing import Callable, Hashable

import pandas as pd

#: results kept per corpus (least recently used dropped first)
MAX_ENTRIES = 256
#: a result that took this long to compute has its scratch memory handed back (:func:`give_back_memory`,
#: ~0.1 s at 100,000 articles): the Reader's and the Timeline's first results took 0.3-1 s and
#: left 40-100 MB each
GIVE_BACK_AFTER_S = 0.3


#: glibc's malloc: a block from this size is mapped from the system and unmapped when freed.
#: glibc's own threshold starts at 128 KB and grows to this after the first big blocks are freed
#: (at 100,000 articles, within the first page), from then on as it pleases: fixed here, a
#: page's big scratch arrays (1-32 MB) are handed back when freed, not kept in malloc's heaps
#: (server RSS after every page 1,445 -> 1,035 MB, peak 1,535 -> 1,229 MB). Lower (1-8 MB)
#: kept no less and cost the Map's place page 0.4 CPU-s a run in page faults
MMAP_THRESHOLD = 32 << 20
#: glibc's malloc: at most this many heaps (one a thread otherwise: each Streamlit script run
#: is a thread, and what a run freed stayed in its heap)
ARENA_MAX = 2


def use_system_memory_pool() -> None:
    """Have pyarrow allocate with the C library's ``malloc``, not its own mimalloc pool, which
    kept what the pages' Arrow columns had freed (at 100,000 articles, ~100-150 MB more resident
    after every page); :func:`give_back_memory` hands malloc's back. Big blocks are mapped and
    handed back when freed, in at most :data:`ARENA_MAX` heaps (:data:`MMAP_THRESHOLD`). Once per process."""
    import pyarrow as pa

    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())
        _malloc_options()


def _malloc_options() -> None:
    import ctypes

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):   # not glibc
        return
    mallopt(-3, MMAP_THRESHOLD)   # M_MMAP_THRESHOLD
    mallopt(-8, ARENA_MAX)        # M_ARENA_MAX


def give_back_memory() -> None:
    """Hand memory freed by a big computation back to the system: glibc's heap and pyarrow's
    pool keep it otherwise, and the server's RSS stays at its highest (at 100,000 articles,
    reading the corpus left 170 MB, Compare's first run 350 MB)."""
    import ctypes
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: nothing to trim
        pass


def _handed_out(value):
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)
    return value


class Memo:
    """A bounded, thread-safe ``key -> result`` store; each key computed once at a time."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        if not isinstance(max_entries, int) or max_entries < 1:
            raise TypeError(f"Memo: expected a positive int max_entries, got {max_entries!r}")
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.computed = 0   # how many results were computed (for tests and benchmarks)

    def __len__(self) -> int:
        return len(self._values)

    def get(self, key: Hashable, compute: Callable[[], object]):
        """The result for ``key``, computing it with ``compute()`` the first time."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return _handed_out(self._values[key])
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:  # another thread may have finished it while this one waited
                if key in self._values:
                    return _handed_out(self._values[key])
            started = time.monotonic()
            value = compute()
            if time.monotonic() - started >= GIVE_BACK_AFTER_S:   # a big computation's scratch
                give_back_memory()
            with self._lock:
                self._values[key] = value
                self.computed += 1
                while len(self._values) > self.max_entries:
                    self._values.popitem(last=False)
                self._computing.pop(key, None)
        return _handed_out(value)


def per_corpus(fn):
    """Cache ``fn(prep, *args)`` on the prepared corpus (arguments must be hashable)."""
    @wraps(fn)
    def cached(prep, *args, **kwargs):
        memo = getattr(prep, "memo", None)
        if memo is None:
            return fn(prep, *args, **kwargs)
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        return memo.get(key, lambda: fn(prep, *args, **kwargs))
    return cached


def per_view(fn):
    """Cache ``fn(view, *args)`` on the view's corpus, keyed by the view's filter."""
    @wraps(fn)
    def cached(view, *args, **kwargs):
        memo = getattr(getattr(view, "prep", None), "memo", None)
        if memo is None:
            return fn(view, *args, **kwargs)
        key = (fn.__module__, fn.__qualname__, view.filters, args, tuple(sorted(kwargs.items())))
        return memo.get(key, lambda: fn(view, *args, **kwargs))
    return cached
