"""Building the processed corpus from the app: one background build shared by every session.

The build runs in a thread owned by the server (:class:`riwaya.pipeline.jobs.BuildJobs`, one
per process through ``st.cache_resource``), never inside a page's script run: the first session
that finds the corpus missing or stale starts it, every other session that arrives meanwhile
joins the same build and watches its progress (counts and time left).
"""

from __future__ import annotations

import streamlit as st

from riwaya.config import Paths
from riwaya.dashboard.html import md
from riwaya.errors import RiwayaError
from riwaya.pipeline import build as pipeline
from riwaya.pipeline.ingest import list_article_files
from riwaya.pipeline.jobs import BuildJob, BuildJobs

from components.context import Context

ATTEMPT_KEY = "riwaya_build_attempted"
POLL_S = 0.25       # how often a watching session redraws the progress bar


@st.cache_resource
def jobs() -> BuildJobs:
    """The server's build jobs, shared by every session."""
    return BuildJobs()


def article_files(p: Paths) -> list:
    """The article files of the raw folder (metadata.csv and hidden files not counted)."""
    try:
        return list_article_files(p.raw)
    except RiwayaError:
        return []


def staleness(p: Paths) -> tuple[bool | None, str | None]:
    """(stale?, problem). None when it cannot be told (an input or the corpus cannot be read)."""
    try:
        return bool(pipeline.corpus_is_stale(p.raw, p.codebook, p.processed)), None
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
    if watch(jobs().start_or_join(p)):
        st.rerun()


def ensure_corpus(ctx: Context) -> None:
    """On Overview: build when the corpus is missing or stale (automatically once per session);
    a build already running (started by another session) is joined, not repeated."""
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
            st.info(f"No articles found in `{p.raw}`. Put Arabic news articles there (UTF-8 .txt, "
                    f"one article per file), then reload this page to build the corpus.")
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
