"""Building the processed corpus from the app, with visible progress."""

from __future__ import annotations

import time

import streamlit as st

from riwaya.config import Paths
from riwaya.pipeline import build as pipeline
from riwaya.errors import RiwayaError

from components.context import Context

ATTEMPT_KEY = "riwaya_build_attempted"


def raw_files(p: Paths) -> list:
    if not p.raw.is_dir():
        return []
    return sorted(f for f in p.raw.iterdir() if f.is_file() and not f.name.startswith("."))


def staleness(p: Paths) -> tuple[bool | None, str | None]:
    """(stale?, problem). None when it cannot be told (an input or the corpus cannot be read)."""
    try:
        return bool(pipeline.corpus_is_stale(p.raw, p.codebook, p.processed)), None
    except (RiwayaError, OSError) as exc:
        return None, f"Could not check whether the corpus is up to date: {exc}"


def build_with_progress(p: Paths) -> bool:
    """Run the pipeline with a status box and a progress bar; True on success."""
    st.session_state[ATTEMPT_KEY] = True
    with st.status("Building the corpus from the articles…", expanded=True) as status:
        bar = st.progress(0.0, text="Starting…")
        started = time.monotonic()

        def progress(done: int, total: int, what: str) -> None:
            frac = 0.0 if not total else min(1.0, max(0.0, done / total))
            bar.progress(frac, text=f"{done}/{total} · {what}")

        try:
            report = pipeline.build_corpus(p.raw, p.codebook, p.processed, progress=progress)
        except (RiwayaError, OSError) as exc:  # the message names the file and the problem
            status.update(label="The build failed", state="error")
            st.error(f"Building the corpus failed: {exc}")
            st.caption("The previous corpus, if any, is unchanged.")
            return False
        bar.progress(1.0, text="Done")
        status.update(label=f"Corpus built in {time.monotonic() - started:.1f} s", state="complete",
                      expanded=False)
        if report is not None:
            st.caption(str(report)[:500])
    return True


def ensure_corpus(ctx: Context) -> None:
    """On Overview: build when the corpus is missing or stale (automatically once per session)."""
    p = ctx.paths
    files = raw_files(p)
    if not files:
        if not ctx.has_corpus:
            st.info(f"No articles found in `{p.raw}`. Put Arabic news articles there (UTF-8 .txt, "
                    f"one article per file), then reload this page to build the corpus.")
        return
    stale, problem = staleness(p)
    missing = ctx.prep is None
    if problem and missing:
        st.warning(problem)
    if not (missing or stale):
        return
    reason = "No processed corpus yet" if missing else "The articles or the codebook changed since the last build"
    if not st.session_state.get(ATTEMPT_KEY):
        st.info(f"{reason}: building it now ({len(files)} article file(s)).")
        if build_with_progress(p):
            st.cache_data.clear()
            st.rerun()
    else:
        st.warning(f"{reason}.")
        if st.button("Build the corpus now", key="build_again"):
            if build_with_progress(p):
                st.cache_data.clear()
                st.rerun()
