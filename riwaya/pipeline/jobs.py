"""Builds that run in the background, one per corpus folder, shared by everyone watching.

The dashboard never builds inside a page's script run: a page asks :class:`BuildJobs` for the
build of its folders; the first asker starts it (a child process at a lower priority, followed
by a thread: :mod:`riwaya.pipeline.build_child`), later askers (other browser sessions) join the
same job and show its progress. Across processes, the build itself holds
the folder's lock (:func:`riwaya.pipeline.store.build_lock`), so a second server or a command
line build waits instead of clobbering.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from riwaya.config import Paths, background_build_in
from riwaya.errors import RiwayaError

_PROJECT = Path(__file__).resolve().parents[2]  # where ``riwaya`` is importable from


def _drain(stream) -> list[str]:
    """Read ``stream`` to its end in a thread (a full pipe would stall the child); the lines."""
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(stream), daemon=True).start()
    return lines


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
    """One build of ``paths`` in a child process watched by a daemon thread; its progress, report
    or error once done."""

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
        try:
            where = background_build_in()
        except RiwayaError as exc:
            self.error = str(exc)
            self._done.set()
            return
        if where == "thread":
            self._run_here()
        else:
            self._run_child()

    def _run_here(self) -> None:
        """Build in this process (``RIWAYA_BUILD_IN=thread``)."""
        from riwaya.pipeline.build import build_corpus

        try:
            # one process: Streamlit swaps ``__main__`` for the page it runs, and a spawned
            # worker would run that page again (riwaya.pipeline.parallel.main_reruns_safely)
            self.report = build_corpus(self.paths.raw, self.paths.codebook, self.paths.processed,
                                       progress=self._on_progress, workers=1)
        except (RiwayaError, OSError) as exc:   # the message names the file and the problem
            self.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown to the user instead of a dead thread
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    def _run_child(self) -> None:
        """Run the build in a child process (:mod:`riwaya.pipeline.build_child`) and follow
        its progress lines; its report or error once it ends. The job is done as soon as the
        report (or error) line comes: the child's own exit, at its lower priority on a busy
        machine, took 10-18 s more, during which every page kept polling the old build."""
        cmd = [sys.executable, "-m", "riwaya.pipeline.build_child",
               *(str(Path(p).resolve()) for p in (self.paths.raw, self.paths.codebook, self.paths.processed))]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(_PROJECT), *filter(None, [os.environ.get("PYTHONPATH")])]))
        try:
            with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  encoding="utf-8", env=env) as child:
                stderr = _drain(child.stderr)
                for line in child.stdout:  # type: ignore[union-attr]
                    self._take(line)
                child.wait()
                if self.report is None and self.error is None:
                    said = "".join(stderr).strip().splitlines()
                    self.error = (f"The build stopped (exit code {child.returncode})"
                                  + (f": {said[-1]}" if said else "."))
        except OSError as exc:  # the interpreter could not be started
            self.error = f"The build could not start: {exc}"
        finally:
            self._done.set()

    def _take(self, line: str) -> None:
        """One JSON line of the child: progress, the report or the error."""
        try:
            record = json.loads(line)
        except ValueError:
            return  # a stray print: not ours
        if "progress" in record:
            self._on_progress(*record["progress"])
        elif "report" in record:
            from riwaya.pipeline.build import BuildReport

            self.report = BuildReport.from_dict(record["report"])
            self._done.set()  # the corpus is published: readers need not wait for the exit
        elif "error" in record:
            self.error = str(record["error"])
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
