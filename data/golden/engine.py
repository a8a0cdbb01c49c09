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


def build_batch(engine: ModuleType, batch, argv: list[str], here: Path) -> None:
    """Write one batch of a set annotated in batches: ``batch`` is (the engine's PAGES and
    STATEMENTS of that batch, its corpus, its tune ids, its check ids, (tune folder, check
    folder)); the folders are written beside ``here``'s build script unless ``--check``."""
    import shutil
    import tempfile

    data, corpus, tune, check, names = batch
    engine.PAGES.clear()
    engine.PAGES.update(data["PAGES"])
    engine.STATEMENTS[:] = data["STATEMENTS"]
    engine.CORPUS = corpus
    engine.N_PAGES = len(tune) + len(check)
    engine.heldout_ids = lambda stems: sorted(check)
    with tempfile.TemporaryDirectory() as tmp:
        engine.HERE = Path(tmp)
        info = engine.build(check_only="--check" in argv)
        if "--check" not in argv:
            for src, dst in (("tune", names[0]), ("heldout", names[1])):
                (here / dst).mkdir(exist_ok=True)
                for name in ("statements.jsonl", "mentions.jsonl"):
                    shutil.copyfile(Path(tmp) / src / name, here / dst / name)
    assert sorted(info["tune"]) == sorted(tune) and sorted(info["heldout"]) == sorted(check)
    for split, name in (("tune", names[0]), ("heldout", names[1])):
        cs = [c for c in info["counts"].values() if c["split"] == split]
        print(f"{name}: {len(cs)} pages, {sum(c['required'] for c in cs)} required, "
              f"{sum(c['optional'] for c in cs)} optional statements")
