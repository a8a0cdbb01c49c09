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
