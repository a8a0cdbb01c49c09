"""Presentation mode and the shared CSS (Arabic fonts, right-to-left blocks)."""

from __future__ import annotations

import streamlit as st

from riwaya.dashboard.chart_html import centre_scroll_script
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
/* typed text (codebook and upload forms): an Arabic line runs right to left, an English one left to right */
textarea, [data-testid="stTextInputRootElement"] input {{ unicode-bidi: plaintext; text-align: start; }}
.riwaya-story {{ flex: 1 1 20rem; min-width: 12rem; }}
.riwaya-story-caption {{ font-size: 1.25rem; font-weight: 600; }}
.riwaya-gloss {{ font-size: 1rem; color: #222; }}
mark.riwaya-hit {{ background: #F0E442; padding: 0; }}
/* legends wrap: an entry longer than the line breaks inside instead of being cut */
.riwaya-legend > span {{ white-space: normal !important; display: inline-block; max-width: 100%;
                         overflow-wrap: anywhere; }}
.riwaya-phone-only {{ display: none; }}
@media (min-width: 641px) {{  /* an element holding only text for phones takes no room */
  [data-testid="stElementContainer"]:has(> .stHtml > .riwaya-phone-only:only-child) {{ display: none; }}
}}
/* phones: the map keeps the width its names were placed for and scrolls sideways; its title and
   legend, which the screen's edges would cut, are shown as text beside it instead */
@media (max-width: 640px) {{
  .riwaya-phone-only {{ display: block; }}
  .st-key-map_chart .g-gtitle, .st-key-map_chart .legend,
  .st-key-network_chart .g-gtitle, .st-key-network_chart .legend {{ display: none; }}
  .st-key-map_chart {{ overflow-x: auto; }}
  .st-key-map_chart .riwaya-chart {{ min-width: 700px; }}  /* figures.MAP_SIZE */
  /* headline numbers three a row, not one a screen */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {{
    flex-direction: row !important; flex-wrap: wrap !important; }}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) > [data-testid="stColumn"] {{
    width: calc(33% - 1rem) !important; flex: 1 1 calc(33% - 1rem) !important; min-width: calc(33% - 1rem) !important; }}
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] * {{ font-size: 1.7rem !important; }}
  /* the network's names need room: it keeps a tablet's width and scrolls too */
  .st-key-network_chart {{ overflow-x: auto; }}
  .st-key-network_chart .riwaya-chart {{ min-width: 640px; }}
}}
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
/* presenter (components/presenter.py): no sidebar, the filter is the bar on top; numbers >= 28 px,
   labels >= 20 px at 1920x1080 */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2.4rem !important; line-height: 1.2; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p { font-size: 1.1rem !important; }
/* the bar stays on top while the page scrolls: sticky is bound by its parent's box, so the wrapper
   Streamlit puts around the bar (as tall as the bar) is what sticks, within the page's column */
[data-testid="stLayoutWrapper"]:has(> .st-key-presenter_bar), .st-key-presenter_bar {
  position: sticky; top: 0; z-index: 999; }
.st-key-presenter_bar { background: var(--background-color, #fff); padding: .3rem 0; border-bottom: 1px solid #ddd; }
.st-key-presenter_bar button p, .st-key-story_bar button p { font-size: 1rem; }
/* a story's step: its caption stays on screen (a strip at the bottom) wherever the page scrolls */
.st-key-story_bar { position: fixed; left: 0; right: 0; bottom: 0; z-index: 1000; background: #fff;
                    border-top: 2px solid #CC79A7; padding: .4rem 2% .5rem 2%;
                    box-shadow: 0 -4px 12px rgba(0,0,0,.08); }
[data-testid="stMainBlockContainer"] { padding-bottom: 9rem !important; }
.riwaya-story-caption { font-size: 1.6rem; font-weight: 600; line-height: 1.35; }
.riwaya-gloss { font-size: 1.2rem; }
/* a phone shows the step inline, above the page */
@media (max-width: 640px) { .riwaya-story-caption { font-size: 1.05rem; }
  .st-key-story_bar { position: static; padding: .2rem 0; box-shadow: none; } }
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


#: charts that keep their width on a phone and scroll sideways (BASE_CSS): opened at their middle
SCROLLED_CHARTS = ("map_chart", "network_chart")


def inject_css(presenting: bool) -> None:
    st.html(BASE_CSS + (PRESENT_CSS if presenting else ""))
    st.html(centre_scroll_script(SCROLLED_CHARTS), unsafe_allow_javascript=True)
