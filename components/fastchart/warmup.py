"""Import the heavy libraries while the server waits for its first visitor.

``serve.py`` (what ``make run`` starts) calls :func:`start` once the Streamlit server is
up; a page calls :func:`wait` before its own heavy imports, so the first visitor's first
page run does not pay for pandas, pyarrow, DuckDB and plotly, and no two threads ever
import them at once. Under a plain ``streamlit run app.py`` nothing was started and
:func:`wait` returns at once.
"""

from __future__ import annotations

import importlib
import threading
import time
from typing import Callable

MODULES = ("pandas", "pyarrow.parquet", "duckdb", "plotly.graph_objects", "plotly.io",
           "riwaya.pipeline.store", "riwaya.dashboard.html", "components.figures",
           "streamlit.emojis")  # read by Streamlit for any label that is not ASCII ("Actors × claims")

_started = threading.Event()
_done = threading.Event()


def start(server_ready: Callable[[], bool], *, poll: float = 0.02, give_up: float = 60.0) -> None:
    """Import :data:`MODULES` in a background thread once ``server_ready()`` is true."""
    def run() -> None:
        deadline = time.monotonic() + give_up
        try:
            while not server_ready() and time.monotonic() < deadline:
                time.sleep(poll)
            for name in MODULES:
                importlib.import_module(name)
        finally:
            _done.set()

    _started.set()
    threading.Thread(target=run, name="riwaya-warm-up", daemon=True).start()


def wait(timeout: float = 30.0) -> None:
    """Block until the warm-up (if one was started) has finished."""
    if _started.is_set():
        _done.wait(timeout)
