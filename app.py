"""Riwaya dashboard: `streamlit run app.py` (or `make run`).

The entry point: page setup, navigation, the shared sidebar (filters, presentation mode); the
pages in pages/ do the rest. Overview builds the corpus on first run or when data changed.
"""

import streamlit as st

from components import context

st.set_page_config(page_title="Riwaya", page_icon="📰", layout="wide",
                   initial_sidebar_state="expanded")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("pages/matrix.py", title="Actors × claims", icon=":material/grid_on:", url_path="matrix"),
    st.Page("pages/compare.py", title="Compare sources", icon=":material/compare:", url_path="compare"),
    st.Page("pages/reader.py", title="Reader", icon=":material/menu_book:", url_path="reader"),
]

page = st.navigation(PAGES)
context.setup()
page.run()
