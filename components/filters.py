"""The sidebar filter: actor, claim, outlet, stance and a reset, kept in the URL.

One component for every page. The URL (``st.query_params``) sets the filter when a browser
session starts or a link changes it (so a shared link reproduces the view); every run writes
the filter back to the URL.
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


def _state_key(key: str) -> str:
    return f"{key}__state"


def _remember(key: str, name: str) -> None:
    """on_change of a filter widget: its new value becomes the filter's state."""
    st.session_state[_state_key(key)][name] = list(st.session_state[widget_key(key, name)])


def _reset(key: str, fields: Sequence[str]) -> None:
    for name in fields:
        st.session_state[widget_key(key, name)] = []
        st.session_state[_state_key(key)][name] = []


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
    # The filter's state is a plain session-state dict (it survives page switches, which widget
    # state does not). The URL overrides it on the first run of a browser session and whenever
    # the URL's filter changed behind our back (an opened or shared link); a URL without any
    # filter parameter (a page switch that dropped them) has no say.
    state_key, written_key = _state_key(key), f"{key}__written"
    from_url = Filters.from_query(query_dict(), valid=valid)
    url_has_filter = any(Filters.QUERY_KEYS[n] in st.query_params for n in FIELDS)
    if state_key not in st.session_state or (
            sync_url and url_has_filter and from_url != st.session_state.get(written_key)):
        st.session_state[state_key] = {n: list(getattr(from_url, n)) if sync_url else [] for n in FIELDS}
    state = st.session_state[state_key]
    for name in fields:
        # values no longer offered (a rebuilt corpus) must not reach the widget
        state[name] = [v for v in state.get(name, []) if v in set(valid[name])]
        st.session_state[widget_key(key, name)] = list(state[name])

    sidebar = st.sidebar
    sidebar.markdown(f"### {title}")
    chosen = {}
    for name in fields:
        chosen[name] = tuple(sidebar.multiselect(
            LABELS[name], options=valid[name], key=widget_key(key, name),
            format_func=lambda v, _l=labels[name]: _l.get(v, v), help=HELP[name],
            placeholder="All", on_change=_remember, args=(key, name),
        ))
    f = Filters(**chosen)
    sidebar.button("Reset filters", key=f"{key}_reset", on_click=_reset, args=(key, tuple(fields)),
                   disabled=f.is_empty, width="stretch")
    if sync_url:
        write_query(f, fields=fields)
        st.session_state[written_key] = f
    return f
