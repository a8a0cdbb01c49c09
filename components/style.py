"""Presentation mode and the shared CSS (Arabic fonts, right-to-left blocks)."""

from __future__ import annotations

import streamlit as st

from riwaya.dashboard.palette import ARABIC_FONTS

from components import urlstate

PRESENT_KEY = "present"
#: presentation mode in the URL: ``present=1`` (absent when off)
PRESENT = urlstate.Param(PRESENT_KEY, PRESENT_KEY, {"1": True}, default=False)

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


def presentation_toggle() -> bool:
    """A sidebar toggle for presentation mode, kept in the URL as ``present=1``.

    Like the filter, a sticky :mod:`components.urlstate` parameter: a link sets it, the URL
    follows it, and it stays on across page switches (``persist_state="session"``).
    """
    urlstate.seed([PRESENT], sticky=True)
    on = st.sidebar.toggle("Presentation mode", key=PRESENT_KEY, persist_state="session",
                           help="Larger type and less chrome, for showing on a screen.")
    urlstate.publish([PRESENT])
    return on


def inject_css(presenting: bool) -> None:
    st.html(BASE_CSS + (PRESENT_CSS if presenting else ""))
