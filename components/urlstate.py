"""Single-value page state (chosen place, cell, article...) mirrored in the URL."""

from __future__ import annotations

from typing import Sequence

import streamlit as st


def init(widget_key: str, param: str, options: Sequence, default=None):
    """Before drawing a widget: take its value from the URL on a fresh visit; drop stale values."""
    opts = list(options)
    if widget_key not in st.session_state:
        value = st.query_params.get(param)
        if value is not None and not isinstance(value, str):
            value = str(value)
        match = next((o for o in opts if str(o) == value), None) if value is not None else None
        st.session_state[widget_key] = match if match is not None else default
    elif st.session_state[widget_key] not in opts and st.session_state[widget_key] != default:
        st.session_state[widget_key] = default


def write(param: str, value, default=None) -> None:
    """Mirror a value in the URL (removed when it is the default)."""
    if value is None or value == default:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != str(value):
        st.query_params[param] = str(value)


def selected_points(widget_key: str) -> list[dict]:
    """The points chosen in a plotly chart drawn with ``on_select``, [] when none."""
    event = st.session_state.get(widget_key)
    if not event:
        return []
    try:
        return list(event["selection"]["points"])
    except (KeyError, TypeError):
        return []


def take_selection(chart_key: str, target_key: str, to_value) -> None:
    """When the user picks a point in a chart, put it into the widget ``target_key``.

    Runs before the chart is drawn, so the selectbox drawn later shows the choice; a selection is
    applied once (a later change of the selectbox wins until the next click).
    """
    points = selected_points(chart_key)
    marker = f"{chart_key}__applied"
    signature = repr(points)
    if points and st.session_state.get(marker) != signature:
        value = to_value(points[0])
        if value is not None:
            st.session_state[target_key] = value
    st.session_state[marker] = signature
