"""The annotation engine (``dev/_build.py``: ``page()``, ``st()``, the checks and the writer),
loaded afresh for another page set: each golden set's ``_build.py`` calls :func:`load` with its
own corpus and split, instead of copying the loader."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def load(corpus: Path, *, n_pages: int, heldout=None, splits: tuple[str, ...] | None = None,
         out: Path | None = None) -> ModuleType:
    """A fresh copy of the engine with no pages, reading pages from ``corpus``: ``n_pages`` of
    them, ``heldout`` (a list of ids, or a function of the page stems) the held-out ones,
    ``splits`` the folders written, into ``out`` (default: beside the engine)."""
    spec = importlib.util.spec_from_file_location("golden_dev_build", HERE / "dev" / "_build.py")
    engine = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(engine)
    engine.PAGES = {}              # page() and st() fill these module globals
    engine.STATEMENTS = []
    engine.CORPUS = Path(corpus)
    engine.N_PAGES = n_pages
    if callable(heldout):
        engine.heldout_ids = heldout
    elif heldout is not None:
        engine.heldout_ids = lambda stems, ids=sorted(heldout): ids
    if splits is not None:
        engine.SPLITS = splits
    if out is not None:
        engine.HERE = Path(out)
    return engine
