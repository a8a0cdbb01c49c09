"""What every page needs: where the corpus is, the loaded corpus, the filter and the look.

Every page (``app.py`` is Overview, the others are in ``pages/``) starts with :func:`setup`: it
sets the page up, chooses the workspace in view (``?ws=NAME``, :mod:`components.workspace`; its
folders are ``ctx.paths``), loads its corpus (cached per corpus folder and build name), and draws
the shared sidebar: workspace, navigation, presentation mode and the filter.
:func:`require_corpus` keeps the corpus fresh: a changed article folder or codebook starts a
background build (:func:`components.build_ui.keep_fresh`) and the page reruns on the new corpus
when it ends. Filtering happens outside the cache, in ``riwaya.dashboard.filters``
(``Filters.apply``).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from riwaya.config import Paths, review_db
from riwaya.dashboard.corpus import Prepared, load_prepared
from riwaya.dashboard.filters import Filters
from riwaya.dashboard.html import md
from riwaya.errors import CorpusError
from riwaya.pipeline.store import read_manifest
from riwaya.review import ReviewStore, load_decisions
from riwaya.workspace import Workspace

from components import build_ui, workspace
from components import presenter
from components.filters import sidebar_filters
from components.style import PRESENT, inject_css, presentation_toggle

# The pages, in navigation order: (script relative to app.py, title, icon)
OVERVIEW = "app.py"
MAP = "pages/1_Map.py"
MATRIX = "pages/2_Actors_x_claims.py"
COMPARE = "pages/3_Compare_sources.py"
READER = "pages/4_Reader.py"
TIMELINE = "pages/5_Timeline.py"
NETWORK = "pages/6_Network.py"
SEARCH = "pages/7_Search.py"
ADD_ARTICLES = "pages/8_Add_articles.py"
CODEBOOK = "pages/9_Codebook.py"
PAGES = [
    (OVERVIEW, "Overview", ":material/home:"),
    (MAP, "Map", ":material/map:"),
    (MATRIX, "Actors × claims", ":material/grid_on:"),
    (COMPARE, "Compare sources", ":material/compare:"),
    (READER, "Reader", ":material/menu_book:"),
    (TIMELINE, "Timeline", ":material/timeline:"),
    (NETWORK, "Actor network", ":material/hub:"),
    (SEARCH, "Search", ":material/search:"),
    (ADD_ARTICLES, "Add articles", ":material/upload_file:"),
    (CODEBOOK, "Codebook", ":material/edit_note:"),
]


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=4)
def _load(path: str, build: str, review: str = "") -> Prepared:
    # ``build`` and ``review`` (the review file's version) are the cache key: a new build or a
    # new review decision is a new entry, so a decision shows at once on every page. One
    # object shared, read-only, by every session (st.cache_data unpickled a fresh copy of the
    # whole corpus on every rerun); what is derived from it is cached on it (``prep.memo``).
    # Its frames are slim: the text columns stay in the Parquet files, read by DuckDB for
    # what a page shows (``prep.texts``, riwaya/dashboard/query.py).
    return load_prepared(path, load_decisions(review_db(path)))


@dataclass
class Context:
    paths: Paths
    prep: Prepared | None
    filters: Filters
    presenting: bool
    problem: str | None = None      # why there is no corpus, for the empty state
    workspace: Workspace | None = None   # the workspace in view (its folders are ``paths``)
    fresh_checked: bool = False     # this run already checked for a newer build (Overview)

    @property
    def has_corpus(self) -> bool:
        return self.prep is not None and not self.prep.is_empty


def load(p: Paths) -> tuple[Prepared | None, str | None]:
    """The prepared corpus of ``p.processed`` (cached) or None with the reason."""
    try:
        manifest = read_manifest(p.processed)
        if manifest is None:
            return None, "missing"
        return _load(str(p.processed), str(manifest.get("build", "")),
                     ReviewStore(review_db(p.processed)).version()), None
    except CorpusError as exc:
        return None, str(exc)
    except Exception as exc:  # a corrupt Parquet file etc.: say so instead of a traceback
        return None, f"The processed corpus in {p.processed} could not be read: {exc}"


def setup(title: str = "Riwaya") -> Context:
    """Set the page up; load the corpus; draw the sidebar (navigation, presentation mode, filter)."""
    st.set_page_config(page_title=f"{title} · Riwaya" if title != "Riwaya" else title,
                       page_icon="📰", layout="wide", initial_sidebar_state="auto")
    ws_box = st.sidebar.container()   # first: the workspace decides what is loaded
    nav = st.sidebar.container()
    ws = workspace.current(ws_box)
    paths = ws.paths  # the sample: RIWAYA_RAW, RIWAYA_CODEBOOK, RIWAYA_PROCESSED or their defaults
    prep, problem = load(paths)
    presenting = presentation_toggle()
    inject_css(presenting)
    bar = presenter.top_bar() if presenting else None  # presenter mode: no sidebar, one bar on top
    if prep is not None and not prep.is_empty:
        filters = sidebar_filters(prep, bar=bar)
    else:
        filters = Filters()
    ctx = Context(paths, prep, filters, presenting, problem, ws)
    # story editor and briefing export (sidebar, or the presenter bar), then the story's step
    presenter.tools(ctx, bar, PAGES, nav_params(presenting))
    with nav:
        st.markdown("## Riwaya")
        for script, label, icon in PAGES:
            st.page_link(script, label=label, icon=icon, query_params=nav_params(presenting))
    return ctx


def nav_params(presenting: bool) -> dict[str, str]:
    """Query parameters of the links between pages (the sidebar's, the presenter's menu): the
    workspace and presentation mode, not the filter. The filter goes with the click all the
    same: its widgets keep their values across a page switch (``persist_state="session"``), a
    URL naming no filter leaves them as they are (the sticky group of
    :func:`components.urlstate.seed`) and the page opened writes them to its URL. So these
    links are the same elements whatever the filter, and a filter re-renders none of them
    (with the filter in their URLs, ten links changed on every filter: about a seventh of
    what a filter cost the tab; ``benchmarks/filter_cost.py``)."""
    params: dict[str, str] = {}
    if (ws := workspace.url_value()) is not None:
        params[workspace.URL_NAME] = ws
    if presenting:
        params[PRESENT.name] = PRESENT.to_url(True)[0]
    return params


def carry_params(filters: Filters, presenting: bool, **extra) -> dict[str, list[str] | str]:
    """Query parameters that keep the workspace, the filter and presentation mode on another
    page, for links to one view (an article at a sentence, a place): opened in a new tab too."""
    params: dict[str, list[str] | str] = dict(filters.to_query())
    params.update(nav_params(presenting))
    params.update({k: str(v) for k, v in extra.items() if v is not None})
    return params


def reader_params(ctx: Context, doc_id: str, sentence_id: int | None = None) -> dict:
    """Query parameters of a link to the reader at one sentence, keeping the filter."""
    return carry_params(ctx.filters, ctx.presenting, doc=doc_id,
                        sent=None if sentence_id is None else int(sentence_id))


def require_corpus(ctx: Context) -> Prepared:
    """The corpus, or an explanation of how to get one (and the page stops). Starts (or shows)
    the background build when the articles or the codebook changed."""
    building = False if ctx.fresh_checked else build_ui.keep_fresh(ctx)
    if ctx.has_corpus:
        return ctx.prep  # type: ignore[return-value]
    if building:
        st.info("The corpus is being built from the articles; this page shows it when the "
                "build ends.")
        st.stop()
    if ctx.prep is not None and ctx.prep.is_empty:
        st.info(f"The processed corpus is empty. Add Arabic articles on the page **Add articles** "
                f"(or put UTF-8 .txt files, one per article, in `{ctx.paths.raw}`): the corpus is "
                f"rebuilt by itself.")
    elif ctx.problem and ctx.problem != "missing":
        st.error(md(ctx.problem))  # names files: data, never markdown
        st.info("Open **Overview** to rebuild the corpus.")
    else:
        st.info(f"No processed corpus yet. Add Arabic articles on the page **Add articles** (or "
                f"put UTF-8 .txt files in `{ctx.paths.raw}` and open **Overview**): the corpus is "
                f"built with progress. From a terminal: `python -m riwaya build`.")
    st.page_link(OVERVIEW, label="Go to Overview", icon=":material/home:",
                 query_params=carry_params(ctx.filters, ctx.presenting))
    st.stop()


def empty_filter_note(ctx: Context, what: str) -> None:
    """The empty state of a filtered view: says which filter and how to widen it."""
    f = ctx.filters
    if f.is_empty:
        st.info(f"No {what} in this corpus yet. Add articles to `{ctx.paths.raw}` and rebuild "
                f"from **Overview**.")
    else:
        st.info(f"No {what} match the filter ({md(f.describe(ctx.prep))}). Widen it: remove an actor, "
                f"claim, outlet or stance in the sidebar, lower **Hide suggestions below**, or "
                f"press **Reset filters**.")
