"""Running the per-document function on every core: a process pool, results in document order.

Each worker process loads the pipeline once (:func:`_init_worker`: codebook, gazetteer,
matchers, extractor) and then processes chunks of :class:`~riwaya.pipeline.document.DocTask`;
the pool uses the ``spawn`` start method (safe with threads, the same on every platform).
Results come back in the order the tasks were given, so everything that depends on order
(the near-duplicate decision) is decided by the build exactly as a serial build does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence

from riwaya.pipeline.document import DocResult, DocTask, DocumentPipeline, PipelineSettings

CHUNK = 8            # documents per task sent to a worker (fewer round trips, still balanced)
POOL_MIN_DOCS = 50   # fewer documents than this: "every core" means this process only

_PIPELINE: DocumentPipeline | None = None
log = logging.getLogger(__name__)


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(workers: int | None, documents: int) -> int:
    """How many processes to use. ``None`` or 0: every available core, but only for at least
    :data:`POOL_MIN_DOCS` documents (starting a worker costs as much as ~50 documents);
    N: exactly N (1: this process only)."""
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool)
                                or workers < 0):
        raise TypeError(f"workers: expected a whole number >= 0 or None, got {workers!r}")
    if not workers:
        return available_cores() if documents >= POOL_MIN_DOCS else 1
    return workers


def main_reruns_safely() -> bool:
    """Whether a ``spawn``ed worker may import this process's ``__main__``: a module run with
    ``-m`` or the script the interpreter was started with (guarded by ``if __name__ ==
    "__main__"``, as multiprocessing requires). Not a page that Streamlit (or its AppTest)
    put in ``sys.modules["__main__"]``: a worker would run that page again."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.abspath(path) == os.path.abspath(sys.argv[0] if sys.argv else "")


def _init_worker(settings: PipelineSettings) -> None:
    """Pool initialiser: one thread for what loads its thread pool later (an NER model),
    then the pipeline, loaded once per worker. numpy's BLAS is loaded by then: each document
    is processed with one BLAS thread by :func:`riwaya.pipeline.encoder_cache.one_blas_thread`."""
    global _PIPELINE
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    _PIPELINE = DocumentPipeline.load(settings)


def _process_chunk(tasks: Sequence[DocTask]) -> list[DocResult]:
    assert _PIPELINE is not None, "worker used before _init_worker"
    return [_PIPELINE.process(t) for t in tasks]


def chunk_size(documents: int, workers: int) -> int:
    """Documents per task: :data:`CHUNK`, fewer when there are few (every worker gets some)."""
    return max(1, min(CHUNK, documents // (4 * max(1, workers))))


def chunks(items: Sequence[DocTask], size: int = CHUNK) -> Iterator[list[DocTask]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def run_local(settings: PipelineSettings, tasks: Sequence[DocTask], workers: int,
              local: Callable[[], DocumentPipeline]) -> Iterator[DocResult]:
    """Process ``tasks``, yielding results in task order: in this process when ``workers``
    is 1 (``local()`` gives its pipeline), else in a pool of ``workers`` processes."""
    if workers > 1 and len(tasks) > 1 and not main_reruns_safely():
        log.warning("building in one process: __main__ (%s) is not the started script, and "
                    "worker processes would run it again", getattr(sys.modules["__main__"],
                                                                    "__file__", "?"))
        workers = 1
    if workers <= 1 or len(tasks) <= 1:
        pipeline = local()
        for task in tasks:
            yield pipeline.process(task)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context,
                             initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.map(_process_chunk, chunks(tasks, chunk_size(len(tasks), workers))):
            yield from results
