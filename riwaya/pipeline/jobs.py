"""Builds that run in the background, one per corpus folder, shared by everyone watching.

The dashboard never builds inside a page's script run: a page asks :class:`BuildJobs` for the
build of its folders; the first asker starts it in a thread, later askers (other browser
sessions) join the same job and show its progress. Across processes, the build itself holds
the folder's lock (:func:`riwaya.pipeline.store.build_lock`), so a second server or a command
line build waits instead of clobbering.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from riwaya.config import Paths
from riwaya.errors import RiwayaError


@dataclass(frozen=True)
class Progress:
    """What a job is doing now: ``done`` of ``total`` documents, the current one, the time."""

    done: int
    total: int
    what: str
    elapsed: float

    @property
    def fraction(self) -> float:
        return 0.0 if not self.total else min(1.0, max(0.0, self.done / self.total))

    @property
    def eta(self) -> float | None:
        """Seconds left, from the pace so far (None before the first document is done)."""
        if not self.total or self.done <= 0:
            return None
        return self.elapsed / self.done * (self.total - self.done)

    def describe(self) -> str:
        if not self.total:
            return self.what or "Starting…"
        left = self.eta
        eta = f" · about {left:.0f} s left" if left is not None else ""
        return f"{self.done}/{self.total} articles{eta} · {self.what}"


class BuildJob:
    """One build of ``paths`` in a daemon thread; its progress, report or error once done."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self.report = None
        self.error: str | None = None
        self._progress = Progress(0, 0, "Starting…", 0.0)
        self._started = time.monotonic()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"riwaya-build-{paths.processed.name}",
                                        daemon=True)

    def start(self) -> "BuildJob":
        self._thread.start()
        return self

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self._progress = Progress(done, total, what, time.monotonic() - self._started)

    def _run(self) -> None:
        from riwaya.pipeline.build import build_corpus

        try:
            # one process: Streamlit swaps ``__main__`` for the page it runs, and a spawned
            # worker would run that page again (riwaya.pipeline.parallel.main_reruns_safely);
            # documents unchanged since the last build are reused all the same
            self.report = build_corpus(self.paths.raw, self.paths.codebook, self.paths.processed,
                                       progress=self._on_progress, workers=1)
        except (RiwayaError, OSError) as exc:   # the message names the file and the problem
            self.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown to the user instead of a dead thread
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def progress(self) -> Progress:
        p = self._progress
        return Progress(p.done, p.total, p.what, time.monotonic() - self._started)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends (``timeout`` seconds at most); True when it has ended."""
        return self._done.wait(timeout)


class BuildJobs:
    """The jobs of one process, one per processed-corpus folder."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[Path, BuildJob] = {}

    def current(self, paths: Paths) -> BuildJob | None:
        """The last job of ``paths.processed`` (running or ended), if any."""
        with self._lock:
            return self._jobs.get(paths.processed.resolve())

    def start_or_join(self, paths: Paths) -> BuildJob:
        """The running job of ``paths.processed``, or a new one started now."""
        key = paths.processed.resolve()
        with self._lock:
            job = self._jobs.get(key)
            if job is None or not job.running:
                job = self._jobs[key] = BuildJob(paths).start()
            return job
