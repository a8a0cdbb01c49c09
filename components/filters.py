"""The sidebar filter: actor, claim, outlet, stance and a reset, kept in the URL.

One component for every page. The URL (``st.query_params``) is read once per browser session
to set the widgets (so a shared link reproduces the view); after that the widgets are the
truth and every run writes them back to the URL.
"""

from __future__ import annotations

from typing import Sequence

import streamlit as st

from riwaya.views import Filters, Prepared, filter_options

FIELDS = ("actors", "claims", "outlets", "stances")
LABELS = {"actors": "Actor (who speaks)", "claims": "Claim", "outlets": "Outlet",
          "stances": "Stance"}
HELP = {
    "actors": "Show only what these actors said (and the sentences that name them). "
              "Several at once are allowed.",
    "claims": "Show only statements about these claims.",
    "outlets": "Show only these outlets' articles.",
    "stances": "asserts: says it is true · denies: says it is false · concedes: admits part of it.",
}


def query_dict() -> dict[str, list[str]]:
    """The URL's query parameters, every value as a list."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def widget_key(key: str, name: str) -> str:
    return f"{key}_{name}"


def _reset(key: str, fields: Sequence[str]) -> None:
    for name in fields:
        st.session_state[widget_key(key, name)] = []


def write_query(f: Filters, *, fields: Sequence[str] = FIELDS) -> None:
    """Put the filter into the URL, leaving other parameters alone; writes only on change."""
    wanted = f.to_query()
    for name in fields:
        qk = Filters.QUERY_KEYS[name]
        values = wanted.get(qk, [])
        current = st.query_params.get_all(qk)
        if values == current:
            continue
        if values:
            st.query_params[qk] = values
        elif qk in st.query_params:
            del st.query_params[qk]


def sidebar_filters(prep: Prepared, *, key: str = "flt", fields: Sequence[str] = FIELDS,
                    title: str = "Filter", sync_url: bool = True) -> Filters:
    """Draw the filter in the sidebar and return it.

    ``key`` prefixes every widget key (two filters on a page need two prefixes); ``fields``
    chooses which of actor/claim/outlet/stance to offer; ``sync_url`` keeps the state in the URL.
    """
    options = filter_options(prep)
    valid = {name: [i for i, _ in options[name]] for name in FIELDS}
    labels = {name: dict(options[name]) for name in FIELDS}
    init_flag = f"{key}__from_url"
    saved_key = f"{key}__saved"
    if sync_url and init_flag not in st.session_state:
        # first run of this browser session: the URL sets the filter (a shared link)
        from_url = Filters.from_query(query_dict(), valid=valid)
        for name in fields:
            st.session_state[widget_key(key, name)] = list(getattr(from_url, name))
        st.session_state[init_flag] = True
    else:
        # another page of the same session: widget state may have been dropped with the page
        saved = st.session_state.get(saved_key, {})
        for name in fields:
            if widget_key(key, name) not in st.session_state:
                st.session_state[widget_key(key, name)] = list(saved.get(name, []))
    # values that are no longer offered (a rebuilt corpus) must not reach the widget
    for name in fields:
        wk = widget_key(key, name)
        if wk in st.session_state:
            kept = [v for v in st.session_state[wk] if v in set(valid[name])]
            if kept != list(st.session_state[wk]):
                st.session_state[wk] = kept

    sidebar = st.sidebar
    sidebar.markdown(f"### {title}")
    chosen = {}
    for name in fields:
        chosen[name] = tuple(sidebar.multiselect(
            LABELS[name], options=valid[name], key=widget_key(key, name),
            format_func=lambda v, _l=labels[name]: _l.get(v, v), help=HELP[name],
            placeholder="All",
        ))
    f = Filters(**chosen)
    st.session_state[saved_key] = {name: list(v) for name, v in chosen.items()}
    sidebar.button("Reset filters", key=f"{key}_reset", on_click=_reset, args=(key, tuple(fields)),
                   disabled=f.is_empty, width="stretch")
    if sync_url:
        write_query(f, fields=fields)
    return f
