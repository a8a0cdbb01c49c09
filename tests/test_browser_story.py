"""The story views (Timeline, Actor network) in a real browser: the chart draws, a click on a
point opens its evidence / filters by its actor, and screenshots at phone, desktop and
presenter size go to artifacts/ (story-<page>-<size>.png) to be looked at.

Same set-up as tests/test_browser.py (``-m browser``; needs /usr/bin/chromium and playwright).
"""

from __future__ import annotations

import pytest

from tests.dashboard_server import MATRIX_POINTS, ROOT, AppServer, wait_app_idle
from tests.fixture_corpus import write_fixture

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts"
WAIT_MS = 30_000
READY = "[data-testid='stSidebar'] [data-testid='stMultiSelect'], h1"
POINTS = MATRIX_POINTS  # scatter points of the basic bundle
NODES = ".js-plotly-plot .scatterlayer .trace:last-child path.point"
SIZES = {"desktop": (1440, 900), "phone": (390, 844), "presenter": (1920, 1080)}


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    out = tmp_path_factory.mktemp("story-corpus")
    write_fixture(out)
    ARTIFACTS.mkdir(exist_ok=True)
    with AppServer(processed=out, log=ARTIFACTS / "streamlit-browser-story.log") as srv:
        yield srv


@pytest.fixture(scope="module")
def sample_server(sample_build):
    ARTIFACTS.mkdir(exist_ok=True)
    with AppServer(processed=sample_build.out, raw=ROOT / "data" / "raw", codebook=ROOT / "data" / "codebook",
                   log=ARTIFACTS / "streamlit-browser-story-sample.log") as srv:
        yield srv


def open_page(chromium, server, path: str, size=(1440, 900)):
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(server.url + path)
    wait_app_idle(page, WAIT_MS, ready=READY)
    page.wait_for_selector(POINTS, state="attached", timeout=WAIT_MS)
    assert page.locator("[data-testid='stException']").count() == 0
    return context, page


def test_timeline_draws_and_a_click_opens_the_evidence(chromium, fixture_server):
    context, page = open_page(chromium, fixture_server, "/Timeline?lane=COALITION_PARTY_TO_DEAL")
    try:
        points = page.locator(".js-plotly-plot .scatterlayer .trace path.point")
        assert points.count() >= 1
        points.first.click(force=True)
        page.wait_for_function("() => location.search.includes('stmt=b1')", timeout=WAIT_MS)
        quote = page.locator(".riwaya-quote").first
        quote.wait_for(timeout=WAIT_MS)
        assert quote.locator("mark").inner_text() == "نفى"
        page.screenshot(path=str(ARTIFACTS / "story-timeline-click.png"), full_page=True)
        page.get_by_text("Open in the reader at this sentence").first.click()
        page.wait_for_function("() => location.pathname.endsWith('/Reader')", timeout=WAIT_MS)
        assert "doc=b1" in page.url and "sent=2" in page.url
    finally:
        context.close()


def test_network_draws_and_a_click_on_an_actor_filters_by_it(chromium, fixture_server):
    context, page = open_page(chromium, fixture_server, "/Network")
    try:
        page.wait_for_selector(NODES, state="attached", timeout=WAIT_MS)
        assert page.locator(NODES).count() == 6
        assert page.locator(".js-plotly-plot .scatterlayer .js-line").count() >= 2  # links drawn
        page.locator(NODES).first.click(force=True)  # the actor with most statements: RU_MOD
        page.wait_for_function("() => location.search.includes('actor=RU_MOD')", timeout=WAIT_MS)
        page.wait_for_function(f"() => document.querySelectorAll({NODES!r}).length === 3", timeout=WAIT_MS)
        page.screenshot(path=str(ARTIFACTS / "story-network-click.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name, path", [("timeline", "/Timeline"), ("network", "/Network"),
                                        ("timeline-deal", "/Timeline?lane=RAQQA_DEAL&lane=COALITION_PARTY_TO_DEAL")])
def test_sample_story_screenshots(chromium, sample_server, name, path, size):
    if size == "presenter":
        path += ("&" if "?" in path else "?") + "present=1"
    context, page = open_page(chromium, sample_server, path, SIZES[size])
    try:
        text = page.inner_text(".js-plotly-plot")
        if name.startswith("timeline"):
            assert "Raqqa exit deal" in text or "Raqqa" in text
        else:
            assert "BBC" in text and "US-led coalition" in text
        page.screenshot(path=str(ARTIFACTS / f"story-{name}-{size}.png"), full_page=False)
        page.locator(".js-plotly-plot").first.screenshot(path=str(ARTIFACTS / f"story-{name}-{size}-chart.png"))
    finally:
        context.close()


def test_fixture_timeline_by_date_screenshot(chromium, fixture_server):
    context, page = open_page(chromium, fixture_server, "/Timeline")
    try:
        page.locator(".js-plotly-plot").first.screenshot(path=str(ARTIFACTS / "story-timeline-dated-chart.png"))
    finally:
        context.close()


def test_the_sidebar_story_and_briefing_fill_when_opened(chromium, fixture_server):
    """The sidebar's Story and Briefing expanders are drawn empty (a page's first run imports
    neither) and filled when opened."""
    context, page = open_page(chromium, fixture_server, "/Timeline")
    try:
        sidebar = page.locator("[data-testid='stSidebar']")
        assert sidebar.get_by_role("button", name="Briefing (HTML)").count() == 0
        for title, inside in (("Story", "Add this view as a step"), ("Briefing", "Briefing (HTML)")):
            sidebar.locator("[data-testid='stExpander'] summary", has_text=title).click()
            sidebar.get_by_role("button", name=inside).wait_for(timeout=WAIT_MS)
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()
