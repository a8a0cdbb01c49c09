"""Running the per-document function on a Dask cluster (``build --scheduler ADDRESS``).

The same :meth:`~riwaya.pipeline.document.DocumentPipeline.process` as a local build, sent as
chunks of tasks with ``distributed.Client.map``. Each worker process loads the pipeline once
per distinct :class:`~riwaya.pipeline.document.PipelineSettings` and keeps it (a module-level
cache), so a chunk costs only its documents. Results are gathered in task order, so the build
decides near-duplicates and writes the tables exactly as a local build does.

Every worker needs this package installed (same version), the codebook folder and the raw
articles at the same paths as the machine that runs ``riwaya build`` (a shared file system);
see README "Building on a Dask cluster".
"""

from __future__ import annotations

import json
import threading
from typing import Iterator, Sequence

from riwaya.errors import UsageError
from riwaya.pipeline.document import DocResult, DocTask, DocumentPipeline, PipelineSettings
from riwaya.pipeline.parallel import chunk_size, chunks

_PIPELINES: dict[str, DocumentPipeline] = {}
_LOCK = threading.Lock()


def _pipeline(settings: PipelineSettings) -> DocumentPipeline:
    key = json.dumps(settings.__dict__, sort_keys=True, ensure_ascii=False)
    with _LOCK:
        pipeline = _PIPELINES.get(key)
        if pipeline is None:
            pipeline = _PIPELINES[key] = DocumentPipeline.load(settings)
        return pipeline


def process_chunk(tasks: Sequence[DocTask], settings: PipelineSettings) -> list[DocResult]:
    """What a Dask worker runs: one chunk of documents (one at a time per process)."""
    pipeline = _pipeline(settings)
    with _LOCK:
        return [pipeline.process(t) for t in tasks]


def run_dask(settings: PipelineSettings, tasks: Sequence[DocTask], address: str) -> Iterator[DocResult]:
    """Process ``tasks`` on the Dask scheduler at ``address``; results in task order."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is in requirements.txt
        raise UsageError("--scheduler needs dask and distributed (pip install -r requirements.txt)") from exc
    if not tasks:
        return
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        size = chunk_size(len(tasks), sum(client.nthreads().values()))
        futures = client.map(process_chunk, list(chunks(tasks, size)), settings=settings,
                             pure=False)
        for future in futures:
            yield from future.result()
            future.release()
    finally:
        client.close()
