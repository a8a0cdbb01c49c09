"""Presenter mode and story mode in a real browser at 1920×1080: no sidebar, the filter as a bar on
top, large type; the shipped 4-step sample story stepped through with the arrow keys (the URL, the
caption and the page change); a step saved from the current view. Screenshots go to artifacts/
(present-story-step-N.png) to be looked at.

Same set-up as tests/test_browser.py (``-m browser``; needs /usr/bin/chromium and playwright).
"""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs, urlsplit

import pytest

from riwaya.dashboard import story as stories
from tests.dashboard_server import ROOT, AppServer, wait_app_idle

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts"
WAIT_MS = 30_000
PRESENTER = {"width": 1920, "height": 1080}
CAPTION = ".riwaya-story-caption"


@pytest.fixture(scope="module")
def stories_dir(tmp_path_factory):
    return shutil.copytree(ROOT / "data" / "stories", tmp_path_factory.mktemp("stories") / "stories")


@pytest.fixture(scope="module")
def server(sample_build, stories_dir):
    ARTIFACTS.mkdir(exist_ok=True)
    srv = AppServer(processed=sample_build.out, raw=ROOT / "data" / "raw", codebook=ROOT / "data" / "codebook",
                    log=ARTIFACTS / "streamlit-browser-present.log")
    srv.env["RIWAYA_STORIES"] = str(stories_dir)
    with srv:
        yield srv


@pytest.fixture
def page(chromium, server):
    context = chromium.new_context(viewport=PRESENTER)
    yield context.new_page()
    context.close()


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def wait_step(page, number: int, caption: str) -> None:
    page.wait_for_function(
        """([n, c]) => new URLSearchParams(location.search).get('step') === String(n)
               && document.querySelector('.riwaya-story-caption') !== null
               && document.querySelector('.riwaya-story-caption').innerText.trim() === c""",
        arg=[number, caption], timeout=WAIT_MS)
    wait_app_idle(page, WAIT_MS, ready=CAPTION)


def test_the_sample_story_runs_with_the_arrow_keys(page, server, stories_dir):
    story = stories.load_story(stories_dir, "sample")
    page.goto(f"{server.url}/{stories.step_url('sample', story, 1)}")
    wait_step(page, 1, story.steps[0].caption)
    seen_paths = []
    for n in range(1, len(story.steps) + 1):
        if n > 1:
            page.keyboard.press("ArrowRight")
            wait_step(page, n, story.steps[n - 1].caption)
        step = story.steps[n - 1]
        path = urlsplit(page.url).path
        assert path.endswith("/" + stories.url_path(step.page))
        seen_paths.append(path)
        q = query(page.url)
        for key, values in step.params.items():       # the step's filter and selection are in the URL
            assert q.get(key) == values, (n, key, q)
        assert q["present"] == ["1"] and q["story"] == ["sample"]
        assert page.locator("[data-testid='stException']").count() == 0
        page.screenshot(path=str(ARTIFACTS / f"present-story-step-{n}.png"))
    assert len(set(seen_paths)) >= 2                    # the page changed on the way
    page.keyboard.press("ArrowLeft")
    wait_step(page, 3, story.steps[2].caption)
    assert urlsplit(page.url).path.endswith("/Timeline")


def test_presenter_has_no_sidebar_a_filter_bar_and_large_type(page, server):
    page.goto(f"{server.url}/?present=1")
    wait_app_idle(page, WAIT_MS, ready="[data-testid='stMetricValue']")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    bar = page.locator(".st-key-presenter_bar")
    assert bar.is_visible() and bar.bounding_box()["y"] < 100
    for label in ("Actor", "Claim", "Outlet", "Stance", "Story", "Briefing", "Pages"):
        assert bar.get_by_text(label, exact=False).first.is_visible(), label
    number = page.eval_on_selector("[data-testid='stMetricValue']", "e => parseFloat(getComputedStyle(e).fontSize)")
    label = page.eval_on_selector("[data-testid='stMetricLabel'] p", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert number >= 28 and label >= 20
    page.screenshot(path=str(ARTIFACTS / "present-overview.png"))
    # the bar's filter is the sidebar's: same widgets, same URL
    bar.get_by_text("Stance", exact=False).first.click()
    box = page.locator("[data-testid='stPopoverBody'] [data-testid='stMultiSelect'] input").first
    from tests.dashboard_server import pick_option
    pick_option(page, box, "denies")
    page.wait_for_function("() => new URLSearchParams(location.search).get('stance') === 'denies'",
                           timeout=WAIT_MS)


#: the matrix's geometry in the browser: chart box, cells (markers), their numbers, the names
MATRIX_GEOMETRY = """() => {
  const gd = document.querySelector('.js-plotly-plot'), box = gd.getBoundingClientRect();
  const cells = [...gd.querySelectorAll('.scatterlayer path.point')].map(e => e.getBoundingClientRect());
  const numbers = [...gd.querySelectorAll('.scatterlayer .textpoint text')]
    .filter(e => /^[0-9]+$/.test(e.textContent)).map(e => parseFloat(getComputedStyle(e).fontSize));
  const size = s => [...gd.querySelectorAll(s)].map(e => parseFloat(getComputedStyle(e).fontSize));
  return {height: box.height, left: box.left, width: box.width,
          rows: new Set([...gd.querySelectorAll('.ytick text')].map(e => e.textContent)).size,
          cell: Math.min(...cells.map(r => r.width)), right: Math.max(...cells.map(r => r.right)),
          leftmost: Math.min(...cells.map(r => r.left)),
          number: Math.min(...numbers), names: Math.min(...size('.ytick text')), claims: Math.min(...size('.xtick text'))};
}"""


def test_the_whole_matrix_fits_one_presenter_screen_and_uses_its_width(page, server):
    page.goto(f"{server.url}/Actors_x_claims?present=1")
    wait_app_idle(page, WAIT_MS)
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", state="attached", timeout=WAIT_MS)
    g = page.evaluate(MATRIX_GEOMETRY)
    assert g["rows"] >= 17                               # 14 codebook actors, 2 groups' headers, ...
    assert g["height"] <= PRESENTER["height"]            # one screen, its heading and legend included
    assert g["names"] >= 20 and g["claims"] >= 20        # labels
    assert g["number"] >= 22 and g["cell"] >= 30         # big numbers in big cells
    # the cells spread over the screen's width: no empty right half
    assert g["right"] >= 0.8 * PRESENTER["width"] and g["right"] - g["leftmost"] >= 0.45 * PRESENTER["width"]
    page.screenshot(path=str(ARTIFACTS / "present-matrix.png"))


def test_the_bar_stays_on_top_while_the_page_scrolls(page, server):
    page.goto(f"{server.url}/Actors_x_claims?present=1")
    wait_app_idle(page, WAIT_MS)
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", state="attached", timeout=WAIT_MS)
    bar = page.locator(".st-key-presenter_bar")
    page.mouse.move(PRESENTER["width"] / 2, PRESENTER["height"] / 2)
    page.mouse.wheel(0, 1500)
    page.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop > 400",
                           timeout=WAIT_MS)
    box = bar.bounding_box()
    assert bar.is_visible() and 0 <= box["y"] <= 2 and box["height"] < 120   # held at the top
    assert page.locator("h1").first.bounding_box()["y"] < 0                   # the page did scroll
    # the bar works there: its Pages menu opens over the page
    bar.get_by_text("Pages", exact=True).click()
    page.locator("[data-testid='stPopoverBody'] [data-testid='stPageLink']").first.wait_for(timeout=WAIT_MS)
    page.screenshot(path=str(ARTIFACTS / "present-scrolled.png"))


def test_the_current_view_is_saved_as_a_step(page, server, stories_dir):
    page.goto(f"{server.url}/Actors_x_claims?present=1&claim=VIDEO_GAME")
    wait_app_idle(page, WAIT_MS)
    page.locator(".st-key-presenter_bar").get_by_text("Story", exact=True).click()
    body = page.locator("[data-testid='stPopoverBody']")
    body.locator(".riwaya-story-step").first.wait_for(timeout=WAIT_MS)   # the sample story's steps
    body.locator("textarea").fill("Only the video-game claim")
    body.locator("textarea").press("Control+Enter")                      # the text area's value is sent
    body.get_by_role("button", name="Add this view as a step").click()
    page.wait_for_function(
        """() => [...document.querySelectorAll('.riwaya-story-step')]
                 .some(e => e.innerText.includes('Only the video-game claim'))""", timeout=WAIT_MS)
    story = stories.load_story(stories_dir, "sample")
    assert len(story.steps) == 5
    assert story.steps[-1] == stories.Step(page="pages/2_Actors_x_claims.py", params={"claim": ["VIDEO_GAME"]},
                                           caption="Only the video-game claim")


def test_the_briefing_buttons_download_the_view_as_html_and_pdf(page, server):
    page.goto(f"{server.url}/Actors_x_claims?present=1&claim=VIDEO_GAME&cell=RU_MOD%7CVIDEO_GAME")
    wait_app_idle(page, WAIT_MS)
    page.locator(".st-key-presenter_bar").get_by_text("Briefing", exact=True).click()
    body = page.locator("[data-testid='stPopoverBody']")
    with page.expect_download(timeout=WAIT_MS) as html_file:
        body.get_by_role("button", name="Briefing (HTML)").click()
    doc = open(html_file.value.path(), encoding="utf-8").read()
    assert html_file.value.suggested_filename == "riwaya-briefing-view.html"
    assert "Filter: claim: Images from a video game; cell: Russian Ministry of Defence" in doc
    assert "Russian Ministry of Defence concedes" in doc and "Plotly.newPlot" in doc
    with page.expect_download(timeout=90_000) as pdf_file:
        body.get_by_role("button", name="Briefing (PDF)").click()
    data = open(pdf_file.value.path(), "rb").read()
    assert data.startswith(b"%PDF") and len(data) > 10_000
