"""The sidebar filter: actor, claim, outlet, stance and a reset, kept in the URL.

One component for every page. Its four multiselects are one sticky group of
:mod:`components.urlstate` (``?actor=RU_MOD&actor=DILLON&stance=denies``): an opened or shared
link sets the whole filter, every run writes it back to the URL, and Streamlit keeps the widgets'
values across page switches (``persist_state="session"``).
"""

from __future__ import annotations

import streamlit as st

from riwaya.dashboard.corpus import Prepared
from riwaya.dashboard.filters import Filters, filter_options

from components import urlstate

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
KEY = "flt"  # widget keys: flt_actors, flt_claims, flt_outlets, flt_stances, flt_reset


def widget_key(name: str) -> str:
    return f"{KEY}_{name}"


def _reset(keys: tuple[str, ...]) -> None:
    for key in keys:
        st.session_state[key] = []


def sidebar_filters(prep: Prepared, *, title: str = "Filter") -> Filters:
    """Draw the filter in the sidebar and return it."""
    options = filter_options(prep)
    params = {name: urlstate.Param(Filters.QUERY_KEYS[name], widget_key(name),
                                   [i for i, _ in options[name]], default=[])
              for name in FIELDS}
    urlstate.seed(list(params.values()), sticky=True)

    sidebar = st.sidebar
    sidebar.markdown(f"### {title}")
    chosen = {}
    for name, param in params.items():
        labels = dict(options[name])
        chosen[name] = tuple(sidebar.multiselect(
            LABELS[name], param.choices(), key=param.key, persist_state="session",
            format_func=lambda v, _l=labels: _l.get(v, v), help=HELP[name], placeholder="All"))
    f = Filters(**chosen)
    sidebar.button("Reset filters", key=f"{KEY}_reset", on_click=_reset,
                   args=(tuple(p.key for p in params.values()),), disabled=f.is_empty,
                   width="stretch")
    urlstate.publish(list(params.values()))
    return f
