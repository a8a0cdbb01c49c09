"""The sidebar filter: actor, claim, outlet, stance, a confidence threshold and a reset, kept
in the URL.

One component for every page. Its four multiselects and the "Hide suggestions below" slider are
one sticky group of :mod:`components.urlstate` (``?actor=RU_MOD&actor=DILLON&stance=denies&conf=0.6``):
an opened or shared link sets the whole filter, every run writes it back to the URL, and
Streamlit keeps the widgets' values across page switches (``persist_state="session"``).
"""

from __future__ import annotations

import streamlit as st

from riwaya.dashboard.corpus import Prepared
from riwaya.dashboard.filters import Filters, filter_options

from components import urlstate

FIELDS = ("actors", "claims", "outlets", "stances")  # the multiselects
CONFIDENCE = "min_confidence"                        # the slider
LABELS = {"actors": "Actor (who speaks)", "claims": "Claim", "outlets": "Outlet",
          "stances": "Stance", CONFIDENCE: "Hide suggestions below"}
HELP = {
    "actors": "Show only what these actors said (and the sentences that name them). "
              "Several at once are allowed.",
    "claims": "Show only statements about these claims.",
    "outlets": "Show only these outlets' articles.",
    "stances": "asserts: says it is true · denies: says it is false · concedes: admits part of it.",
    CONFIDENCE: "Statements the machine only suggested (by similarity to a claim's example "
                "sentences) carry a score; hide those below this confidence. Statements found by "
                "a codebook cue pattern score high, and what a reviewer confirmed, corrected or "
                "added is always shown.",
}
#: shorter labels for the presenter bar's popovers
BAR_LABELS = {CONFIDENCE: "Confidence"}
KEY = "flt"  # widget keys: flt_actors, flt_claims, flt_outlets, flt_stances, flt_min_confidence, flt_reset


def widget_key(name: str) -> str:
    return f"{KEY}_{name}"


def _reset(defaults: dict[str, object]) -> None:
    for key, default in defaults.items():
        st.session_state[key] = default


def sidebar_filters(prep: Prepared, *, title: str = "Filter", bar=None) -> Filters:
    """Draw the filter and return it: in the sidebar, or (presenter mode, where there is no
    sidebar) as a row of popovers in the horizontal container ``bar`` at the top of the page.
    The same widgets, keys and URL parameters either way."""
    options = filter_options(prep)
    params = {name: urlstate.Param(Filters.QUERY_KEYS[name], widget_key(name),
                                   [i for i, _ in options[name]], default=[])
              for name in FIELDS}
    steps = [i for i, _ in options[CONFIDENCE]]
    params[CONFIDENCE] = urlstate.Param(Filters.QUERY_KEYS[CONFIDENCE], widget_key(CONFIDENCE),
                                        steps, default=steps[0])
    urlstate.seed(list(params.values()), sticky=True)

    compact = bar is not None
    if compact:
        boxes = {name: bar.popover(_bar_label(name, params[name]), key=f"{KEY}_pop_{name}")
                 for name in (*FIELDS, CONFIDENCE)}
        reset_box = bar
    else:
        st.sidebar.markdown(f"### {title}")
        boxes = {name: st.sidebar for name in (*FIELDS, CONFIDENCE)}
        reset_box = st.sidebar
    chosen: dict[str, object] = {}
    for name in FIELDS:
        param, labels = params[name], dict(options[name])
        chosen[name] = tuple(boxes[name].multiselect(
            LABELS[name], param.choices(), key=param.key, persist_state="session",
            format_func=lambda v, _l=labels: _l.get(v, v), help=HELP[name], placeholder="All"))
    param, labels = params[CONFIDENCE], dict(options[CONFIDENCE])
    chosen[CONFIDENCE] = float(boxes[CONFIDENCE].select_slider(
        LABELS[CONFIDENCE], param.choices(), key=param.key, persist_state="session",
        format_func=lambda v: labels.get(v, v), help=HELP[CONFIDENCE]))
    f = Filters(**chosen)
    reset_box.button("Reset filters", key=f"{KEY}_reset", on_click=_reset,
                     args=({p.key: list(p.default) if p.multi else p.default for p in params.values()},),
                     disabled=f.is_empty, width="content" if compact else "stretch")
    urlstate.publish(list(params.values()))
    return f


def _bar_label(name: str, param: urlstate.Param) -> str:
    """A popover's label in the compact bar: the field and how many are chosen ("Actor · 2")."""
    short = BAR_LABELS.get(name) or LABELS[name].split(" (")[0]
    value = st.session_state.get(param.key, param.default)
    if param.multi:
        return f"{short} · {len(value)}" if value else f"{short} · all"
    return f"{short} · {value}" if value != param.default else f"{short} · off"
