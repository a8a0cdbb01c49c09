"""Presentation mode and the shared CSS (Arabic fonts, right-to-left blocks)."""

from __future__ import annotations

import streamlit as st

from riwaya.views import ARABIC_FONTS

PRESENT_KEY = "present"

BASE_CSS = f"""
<style>
.riwaya-ar {{ font-family: {ARABIC_FONTS}; direction: rtl; unicode-bidi: isolate; text-align: right; }}
.riwaya-quote {{ font-size: 1.2rem; padding: .35rem .6rem; border-right: 4px solid #CC79A7;
                 background: rgba(204,121,167,.06); margin: .2rem 0 .4rem 0; }}
.riwaya-reader {{ font-size: 1.3rem; line-height: 2.1; }}
.riwaya-reader .riwaya-focus {{ background: rgba(204,121,167,.12); }}
.riwaya-meta {{ color: #555; font-size: .9rem; }}
/* our script-only st.html elements (chart preloading, scrolling to a sentence) take no room */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) {{ display: none; }}
</style>
"""

PRESENT_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.2rem; }
h1 { font-size: 2.6rem !important; } h2 { font-size: 2.0rem !important; }
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
footer, [data-testid="stStatusWidget"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 1rem !important; max-width: 96% !important; }
.riwaya-quote { font-size: 1.6rem; } .riwaya-reader { font-size: 1.7rem; }
/* the sidebar (filters) keeps its usual size: 16/20 */
[data-testid="stSidebar"] { zoom: 0.8; }
</style>
"""


def _remember() -> None:
    st.session_state[f"{PRESENT_KEY}__state"] = bool(st.session_state[PRESENT_KEY])


def presentation_toggle() -> bool:
    """A sidebar toggle for presentation mode, kept in the URL as ``present=1``.

    Like the filter, its state is a plain session-state value (it survives page switches); the
    URL sets it when a session starts or when a link changes it.
    """
    state, written = f"{PRESENT_KEY}__state", f"{PRESENT_KEY}__written"
    url_value = st.query_params.get(PRESENT_KEY)
    if state not in st.session_state:
        st.session_state[state] = url_value == "1"
    elif url_value is not None and (url_value == "1") != st.session_state.get(written):
        st.session_state[state] = url_value == "1"
    st.session_state[PRESENT_KEY] = st.session_state[state]
    on = st.sidebar.toggle("Presentation mode", key=PRESENT_KEY, on_change=_remember,
                           help="Larger type and less chrome, for showing on a screen.")
    if on and url_value != "1":
        st.query_params[PRESENT_KEY] = "1"
    elif not on and PRESENT_KEY in st.query_params:
        del st.query_params[PRESENT_KEY]
    st.session_state[written] = on
    return on


def inject_css(presenting: bool) -> None:
    st.html(BASE_CSS + (PRESENT_CSS if presenting else ""))
