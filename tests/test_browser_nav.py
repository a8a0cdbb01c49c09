"""The links between pages in a real browser (issue 9, many readers): the same links whatever the
filter, and the filter still goes to the page a link opens.

With the filter in their URLs, the sidebar's ten page links changed on every filter, and each
changed element is re-rendered by Streamlit's frontend in every tab that filters. Their URLs now
carry only the workspace and presentation mode (``components.context.nav_params``); the filter
goes with the click through the session (``persist_state="session"`` widgets, the sticky group
of ``components.urlstate.seed``) and the page opened writes it to its URL.
"""

from __future__ import annotations

import pytest

from benchmarks.load.browser_js import REACT_RENDERS_JS, RENDERS_JS, RENDERS_RESET_JS
from tests.dashboard_server import AppServer, open_map, pick_option, wait_app_idle

pytestmark = pytest.mark.browser

WAIT_MS = 60_000
READY = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"
LINKS = "[data-testid='stSidebar'] [data-testid='stPageLink-NavLink']"
CHIPS = "[data-testid='stSidebar'] [data-testid='stMultiSelect'] [data-tag]"

#: each sidebar link's href, and whether it is the DOM node marked before (``MARK_JS``)
LINKS_JS = f"""() => Array.from(document.querySelectorAll("{LINKS}"))
  .map(a => [a.textContent.trim(), a.getAttribute('href'), a.__rwMarked === true])"""
MARK_JS = f"""() => document.querySelectorAll("{LINKS}").forEach(a => {{ a.__rwMarked = true; }})"""


@pytest.fixture(scope="module")
def server(sample_build, tmp_path_factory):
    with AppServer(processed=sample_build.out, log=tmp_path_factory.mktemp("log") / "st.log") as srv:
        yield srv


@pytest.mark.parametrize("query", ["", "?present=1"], ids=["sidebar", "presenter"])
def test_a_filter_leaves_the_page_links_as_they_are_and_a_link_keeps_the_filter(chromium, server, query):
    page = open_map(chromium, server, WAIT_MS, query=query)
    try:
        before = page.evaluate(LINKS_JS)
        assert len(before) == 10 and before[0][0].endswith("Overview"), before  # icon name + label
        page.evaluate(MARK_JS)

        if query:   # presenter mode: the filter is a popover in the bar on top
            page.locator(".st-key-presenter_bar").get_by_text("Actor", exact=False).first.click()
            box = page.locator("[data-testid='stPopoverBody'] [data-testid='stMultiSelect'] input").first
        else:
            box = page.locator(READY).first.locator("input")
        pick_option(page, box, "Dillon", WAIT_MS)
        page.keyboard.press("Escape")
        page.wait_for_function("() => location.search.includes('actor=DILLON')", timeout=WAIT_MS)
        wait_app_idle(page, WAIT_MS)

        after = page.evaluate(LINKS_JS)
        # the same links, the same DOM nodes, no filter in their URLs
        assert [a[:2] for a in after] == [b[:2] for b in before]
        assert all(marked for *_, marked in after), after
        assert not [href for _, href, _ in after if "actor=" in href]
        assert all(("present=1" in href) == bool(query) for _, href, _ in after)

        # a link still takes the filter (and presentation mode) to the page it opens
        page.evaluate(f"""() => Array.from(document.querySelectorAll("{LINKS}"))
                          .find(a => a.textContent.includes('Actors × claims')).click()""")
        page.wait_for_function("() => location.pathname.endsWith('/Actors_x_claims')"
                               " && location.search.includes('actor=DILLON')", timeout=WAIT_MS)
        wait_app_idle(page, WAIT_MS)
        assert ("present=1" in page.url) == bool(query)
        if not query:
            chips = page.eval_on_selector_all(CHIPS, "els => els.map(e => e.textContent.trim())")
            assert any("Dillon" in c for c in chips), chips
    finally:
        page.context.close()


def test_a_filter_re_renders_the_widgets_it_did_not_touch_once(chromium, server):
    """The filter's other widgets (the confidence slider, the presentation toggle) keep their
    values through an actor filter; their values are assigned only when they change
    (``components.urlstate.seed``), so they are sent unchanged. Assigned on every run, each was sent back with its value
    and Streamlit's frontend re-rendered it in two more commits after the run (with the four
    multiselects, the open actor list among them: a fifth of what React re-rendered for a
    filter, ``benchmarks/filter_cost.py``)."""
    page = open_map(chromium, server, WAIT_MS, ready=READY, init_script=REACT_RENDERS_JS)
    try:
        drawn = page.evaluate("() => performance.getEntriesByName('riwaya-map-drawn').length")
        page.evaluate(RENDERS_RESET_JS)
        pick_option(page, page.locator(READY).first.locator("input"), "Dillon", WAIT_MS)
        page.keyboard.press("Escape")
        page.wait_for_function("() => location.search.includes('actor=DILLON')", timeout=WAIT_MS)
        wait_app_idle(page, WAIT_MS, ready=READY)
        page.wait_for_function(f"() => performance.getEntriesByName('riwaya-map-drawn').length > {drawn}",
                               timeout=WAIT_MS)
        got = page.evaluate(RENDERS_JS)
        # sent unchanged, not re-rendered, or once with the run's elements; not after the run
        assert got["with"].get("stSlider", 0) <= 1, got
        assert got["with"].get("stCheckbox", 0) <= 1, got
    finally:
        page.context.close()
