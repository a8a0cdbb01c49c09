"""The workspace in view: one event's articles, codebook, corpus and review decisions.

The URL names it (``?ws=NAME``; absent = the sample, :data:`riwaya.workspace.DEFAULT_WORKSPACE`)
through :mod:`components.urlstate`, like every other piece of page state, so a shared link opens
the same event. The sidebar shows it and switches; *New workspace* creates one (empty or a
copy of another) and switches to it. Every page's :func:`components.context.setup` asks
:func:`current` for the folders it loads.
"""

from __future__ import annotations

import streamlit as st

from riwaya.dashboard.html import md
from riwaya.errors import RiwayaError
from riwaya.workspace import DEFAULT_WORKSPACE, Workspace, create_workspace, get_workspace, list_workspaces

from components import urlstate

URL_NAME = "ws"               # the query parameter
KEY = "workspace"             # the switcher's widget key
NEW_FORM = "workspace_new"    # the New workspace form (keys workspace_new_*)
CREATED = "workspace__created"  # session state: the name just created, switched to on this run
EMPTY = ""                     # "start from" choice: an empty codebook


def param(names: list[str]) -> urlstate.Param:
    """The switcher's :class:`~components.urlstate.Param` over the workspace ``names``."""
    return urlstate.Param(URL_NAME, KEY, names, default=DEFAULT_WORKSPACE)


@st.cache_data(show_spinner=False, max_entries=256)
def _count(ws: Workspace, raw_mtime: int) -> int:
    return ws.article_count()   # cached per raw folder's modification time


def describe(ws: Workspace) -> str:
    """"12 articles" (or "the sample, 5 articles"): what the workspace holds."""
    try:
        n = _count(ws, ws.raw.stat().st_mtime_ns)
    except OSError:
        n = 0
    return ("the sample, " if ws.is_default else "") + f"{n} article{'s' if n != 1 else ''}"


def current(box=None) -> Workspace:
    """Draw the switcher in ``box`` (a sidebar container) and return the workspace in view.

    Called before anything is loaded: the workspace decides which corpus the page shows."""
    box = box if box is not None else st.sidebar
    try:
        spaces = list_workspaces()
    except RiwayaError as exc:   # an unreadable workspaces folder: the sample still works
        box.warning(md(str(exc)))
        spaces = [get_workspace(None)]
    by_name = {ws.name: ws for ws in spaces}
    p = param(list(by_name))
    if (made := st.session_state.pop(CREATED, None)) in by_name:
        st.session_state[KEY] = made          # just created: show it (the URL follows below)
        urlstate.publish([p])
    else:
        urlstate.seed([p], drawn_next=True)
    # the label is the name alone: a label that changes (a count) would reset the widget
    name = box.selectbox("Workspace", p.choices(), key=KEY,
                         help="One workspace is one event: its articles, codebook, corpus and "
                              "review decisions. The address bar names it (?ws=…).")
    urlstate.publish([p])
    ws = by_name.get(name) or by_name[DEFAULT_WORKSPACE]
    box.caption(md(describe(ws)))
    _new_form(box, list(by_name))
    return ws


def url_value() -> str | None:
    """The workspace the URL names (None: the sample), for links to other pages."""
    values = urlstate.in_url(URL_NAME)
    return values[-1] if values else None


def _create() -> None:
    """The New workspace form was submitted: create it, or keep the error for the form."""
    name = str(st.session_state.get(f"{NEW_FORM}_name", "")).strip()
    start = st.session_state.get(f"{NEW_FORM}_from", EMPTY)
    try:
        ws = create_workspace(name, copy_from=start or None)
    except RiwayaError as exc:
        st.session_state[f"{NEW_FORM}__error"] = str(exc)
        return
    st.session_state.pop(f"{NEW_FORM}__error", None)
    st.session_state[CREATED] = ws.name
    st.session_state[f"{NEW_FORM}_name"] = ""


def _new_form(box, names: list[str]) -> None:
    with box.popover("New workspace", icon=":material/add:", width="stretch"):
        with st.form(NEW_FORM, border=False):
            st.text_input("Name", key=f"{NEW_FORM}_name", max_chars=40,
                          placeholder="e.g. deir-ez-zor-2017",
                          help="Letters, digits, - and _; it names the folder and the URL.")
            st.selectbox("Start from", [EMPTY, *names], key=f"{NEW_FORM}_from",
                         format_func=lambda n: "an empty codebook" if n == EMPTY
                         else f"a copy of {n} (articles and codebook)")
            st.form_submit_button("Create", type="primary", on_click=_create,
                                  key=f"{NEW_FORM}_create")
        if err := st.session_state.get(f"{NEW_FORM}__error"):
            st.error(md(err))
