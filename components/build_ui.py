"""Building the processed corpus from the app: one background build shared by every session.

The build runs in a child process at a lower priority, watched by a thread owned by the server
(:class:`riwaya.pipeline.jobs.BuildJobs`, one per process through ``st.cache_resource``), never
inside a page's script run (nor in the server's interpreter, where it would slow every reader): the first session
that finds the corpus missing or stale starts it, every other session that arrives meanwhile
joins the same build and watches its progress (counts and time left).

Fresh everywhere: every page (:func:`keep_fresh`, from ``context.require_corpus``) checks
cheaply whether the articles or the codebook changed since the corpus was built (the raw
folder's and the codebook files' modification times with the manifest's build id are the cache
key of the full check), starts the build in the background and shows its progress while the
page goes on showing the corpus it has; when the build ends the page reruns on the new corpus.
Overview (:func:`ensure_corpus`) waits for the build instead, and also notices an article
edited in place (which changes no folder's time).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from riwaya.config import Paths
from riwaya.dashboard.html import md
from riwaya.errors import RiwayaError
from riwaya.pipeline import freshness  # light: the page's first run needs no pipeline stage
from riwaya.pipeline.rawfolder import list_article_files
from riwaya.pipeline.jobs import BuildJob, BuildJobs
from riwaya.pipeline.store import read_manifest

if TYPE_CHECKING:  # context imports this module
    from components.context import Context

ATTEMPT_KEY = "riwaya_build_attempted"
POLL_S = 0.25       # how often a watching session redraws the progress bar
#: How often a page's progress bar (a fragment) is redrawn while a build runs. Each redraw is a
#: run of the session: measured 0.06 CPU-s of the server and 0.08 of the browser each, so 20
#: readers polling every 0.5 s asked for 3 CPU-s a second of a 2-core machine, starving the
#: build and every reader's filter. Every 5 s the page still reruns on the new corpus within
#: 5 s of the build's end, and the sessions' redraws spread over those 5 s.
FRAGMENT_POLL_S = 5.0


@st.cache_resource
def jobs() -> BuildJobs:
    """The server's build jobs, shared by every session."""
    return BuildJobs()


@st.cache_resource
def _started() -> dict:
    """{processed folder: (job, input signature when it started)}: a build that failed is not
    started again by itself until an input changes (a button offers it)."""
    return {}


def start(p: Paths) -> BuildJob:
    """Start the build of ``p`` in the background (or join the running one). The inputs'
    signature is the one of when the job started: a job joined after another change (a second
    save while the first build runs) is followed by one more build when it ends."""
    job = jobs().start_or_join(p)
    started = _started()
    if started.get(str(p.processed), (None,))[0] is not job:
        started[str(p.processed)] = (job, input_signature(p))
    return job


def _stat(path: str) -> tuple:
    try:
        s = os.stat(path)
        return (s.st_size, s.st_mtime_ns)
    except OSError:
        return ()


def input_signature(p: Paths) -> tuple:
    """What changes when an article is added, removed or renamed (the raw folder's and its
    sub-folders' modification times, metadata.csv's) or a codebook file is saved: a few stat
    calls, whatever the corpus size. An article edited in place is left to Overview."""
    raw = [(".", _stat(str(p.raw)))]
    try:
        with os.scandir(p.raw) as entries:
            raw += [(e.name, _stat(e.path)) for e in entries
                    if e.name == "metadata.csv" or e.is_dir(follow_symlinks=False)]
    except OSError:
        pass
    try:
        with os.scandir(p.codebook) as entries:
            book = [(e.name, _stat(e.path)) for e in entries if e.is_file()]
    except OSError:
        book = []
    return tuple(sorted(raw)), tuple(sorted(book))


@st.cache_data(show_spinner=False, max_entries=64)
def _stale(raw: str, codebook: str, processed: str, build: str, signature: tuple) -> bool | None:
    # build and signature are the key: the full check runs once per change
    stale, _ = staleness(Paths(Path(raw), Path(codebook), Path(processed)))
    return stale


def is_stale(p: Paths) -> bool | None:
    """Whether the corpus of ``p`` is older than its articles or codebook (cheap: see the
    module's note); None when that cannot be told."""
    try:
        build = str((read_manifest(p.processed) or {}).get("build", ""))
    except RiwayaError:
        build = "unreadable"
    return _stale(str(p.raw), str(p.codebook), str(p.processed), build, input_signature(p))


def last_failure(p: Paths) -> str | None:
    """The error of the last build started here for ``p``, when nothing changed since."""
    job, signature = _started().get(str(p.processed), (None, None))
    if job is None or job.running or job.error is None:
        return None
    return job.error if signature == input_signature(p) else None


def _built_already(p: Paths) -> bool:
    """Whether the last build started here for ``p`` succeeded on these very inputs (then a
    corpus still called stale is not rebuilt again and again; Overview's full check decides)."""
    job, signature = _started().get(str(p.processed), (None, None))
    return (job is not None and not job.running and job.error is None
            and signature == input_signature(p))


@st.fragment(run_every=FRAGMENT_POLL_S)
def _progress(p: Paths) -> None:
    """The running build's progress bar; the whole page reruns when the build ends."""
    job = jobs().current(p)
    if job is None or not job.running:
        st.rerun(scope="app")
    pr = job.progress()
    st.progress(pr.fraction, text=f"Updating the corpus with the new articles or codebook: "
                                  f"{md(pr.describe())}")


def keep_fresh(ctx: "Context") -> bool:
    """On every page: start (or show) the background build when the corpus is older than its
    inputs. True while a build is running (the page shows the corpus it has meanwhile).

    What it shows goes in one container drawn on every run, empty or not: the page's elements
    after it keep their places when a build starts or ends, so the browser updates them
    instead of building them anew (a chart was drawn from scratch twice per build)."""
    with st.container():
        return _keep_fresh(ctx)


def _keep_fresh(ctx: "Context") -> bool:
    p = ctx.paths
    job = jobs().current(p)
    if job is None or not job.running:
        if (error := last_failure(p)) is not None:
            st.warning(f"The last build failed: {md(error)}. The corpus shown is the previous one.")
            if st.button("Build again", key="build_again_fresh", icon=":material/refresh:"):
                start(p)
                st.rerun()
            return False
        if not is_stale(p) or not article_files(p) or _built_already(p):
            return False
        start(p)
    _progress(p)
    return True


def article_files(p: Paths) -> list:
    """The article files of the raw folder (metadata.csv and hidden files not counted)."""
    try:
        return list_article_files(p.raw)
    except RiwayaError:
        return []


def staleness(p: Paths) -> tuple[bool | None, str | None]:
    """(stale?, problem). None when it cannot be told (an input or the corpus cannot be read)."""
    try:
        return bool(freshness.corpus_is_stale(p.raw, p.codebook, p.processed)), None
    except (RiwayaError, OSError) as exc:
        return None, f"Could not check whether the corpus is up to date: {exc}"


def watch(job: BuildJob) -> bool:
    """Show ``job``'s progress until it ends; True when it succeeded."""
    with st.status("Building the corpus from the articles…", expanded=True) as status:
        bar = st.progress(0.0, text="Starting…")
        while job.running:
            p = job.progress()
            bar.progress(p.fraction, text=p.describe())
            job.wait(POLL_S)
        if job.error is not None:
            status.update(label="The build failed", state="error")
            st.error(f"Building the corpus failed: {md(job.error)}")  # names files: data
            st.caption("The previous corpus, if any, is unchanged.")
            return False
        bar.progress(1.0, text="Done")
        status.update(label=f"Corpus built in {job.progress().elapsed:.1f} s", state="complete",
                      expanded=False)
        if job.report is not None:
            st.caption(md(job.report.format()[:500]))
    return True


def _build(p: Paths) -> None:
    st.session_state[ATTEMPT_KEY] = True
    if watch(start(p)):
        st.rerun()


def ensure_corpus(ctx: "Context") -> None:
    """On Overview: build when the corpus is missing or stale (automatically once per session);
    a build already running (started by another session) is joined, not repeated."""
    ctx.fresh_checked = True   # require_corpus need not check again
    p = ctx.paths
    running = jobs().current(p)
    if running is not None and running.running:
        st.info("The corpus is being rebuilt; this page shows it when the build is done.")
        if watch(running):
            st.rerun()
        return
    files = article_files(p)
    if not files:
        if not ctx.has_corpus:
            st.info(f"No articles yet. Add them on the page **Add articles** (files, a table or "
                    f"a zip), or put Arabic news articles in `{p.raw}` (UTF-8 .txt, one article "
                    f"per file) and reload this page: the corpus is built by itself.")
        return
    stale, problem = staleness(p)
    missing = ctx.prep is None
    if problem and missing:
        st.warning(md(problem))
    if not (missing or stale):
        return
    reason = "No processed corpus yet" if missing else "The articles or the codebook changed since the last build"
    if not st.session_state.get(ATTEMPT_KEY):
        st.info(f"{reason}: building it now ({len(files)} article file(s)).")
        _build(p)
    else:
        st.warning(f"{reason}.")
        if st.button("Build the corpus now", key="build_again"):
            _build(p)


def corpus_status(ctx: "Context") -> None:
    """On a page that works without a corpus (Add articles, Codebook): the running build's
    progress, a failed build's error, or what the corpus holds now, with links to read it."""
    if keep_fresh(ctx):
        return
    if ctx.has_corpus:
        prep = ctx.prep
        st.caption(f"The corpus of this workspace is up to date: {len(prep.documents)} articles, "
                   f"{len(prep.statements)} statements.")
    elif article_files(ctx.paths):
        st.caption("No corpus built yet: open **Overview** to build it.")
