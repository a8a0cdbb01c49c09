"""The cyclic garbage collector held off while one document is processed.

A document's work makes hundreds of thousands of long-lived objects (its tokens, the matches of
every matcher, mentions, cues) and frees them together at the end; none of them is cyclic
garbage. Each time the objects alive grow by a quarter, Python's collector scans every object
of the process (the loaded gazetteer and codebook too): a 2 MB article triggered 9 full scans,
1.5 CPU s of its 9. Held off during the document, the collector runs as usual right after it
and collects whatever cycles the document left.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """A context in which the cyclic garbage collector does not run (re-enabled after it if it
    was enabled; reference counting frees objects as always)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
