"""What an actor filter costs the browser on the Map (issue 9, many readers), in real Chromium.

Plotly re-projects the whole base map on every redraw, so what the tab is given of it is
what every filter pays: the base map is cut to a box around the corpus's places (land clipped
to it, borders and rivers cut into their runs inside it, each border once), and that box does
not move with the filter: the browser cuts it once per page. The page is the sample's Map.
"""

from __future__ import annotations

import pytest

from components.fastchart.chart import topojson_box
from tests.dashboard_server import AppServer, open_map, pick_option, wait_app_idle

WAIT_MS = 60_000
READY = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"
LAND = ".js-plotly-plot .geo .layer.land path"

#: what the tab holds of the base map: the box it was cut to, the points of each layer's arcs,
#: how many of them lie outside the box (a land ring's and a line's inner points must not)
BASE_MAP_JS = """() => {
  const a = window.PlotlyGeoAssets, t = a && a.topojson && a.topojson.world_50m;
  if (!t || !a.riwayaBox) return null;
  const b = JSON.parse(a.riwayaBox), out = {box: b, points: 0, outside: 0, layers: {}};
  const inside = p => p[0] >= b[0] - 1e-9 && p[0] <= b[1] + 1e-9 && p[1] >= b[2] - 1e-9 && p[1] <= b[3] + 1e-9;
  const arcsOf = (x, acc) => { if (typeof x === 'number') acc.push(x < 0 ? ~x : x); else if (x) x.forEach(y => arcsOf(y, acc)); return acc; };
  for (const [name, o] of Object.entries(t.objects)) {
    const ids = arcsOf(o.geometries.map(g => g.arcs), []);
    let n = 0;
    for (const i of ids) {
      const pts = t.arcs[i];
      n += pts.length;
      // a line's run keeps one point past the edge at each end; a land ring is clipped
      const inner = name === 'land' ? pts : pts.slice(1, -1);
      out.outside += inner.filter(p => !inside(p)).length;
    }
    out.layers[name] = n;
    out.points += n;
  }
  return out; }"""


@pytest.mark.parametrize("frame, base, expected", [
    (([30.0, 50.0], [25.0, 40.0]), None, [18.0, 62.0, 13.0, 52.0]),
    # a filter's view inside the corpus's box: the corpus's box, whatever the filter
    (([36.0, 40.0], [33.0, 36.0]), ([30.0, 50.0], [25.0, 40.0]), [18.0, 62.0, 13.0, 52.0]),
    (([25.0, 45.0], [20.0, 30.0]), ([30.0, 50.0], [25.0, 40.0]), [18.0, 62.0, 13.0, 52.0]),
    # a view leaving it (an actor speaking of a place far away): the box holding both
    (([-80.0, -70.0], [35.0, 45.0]), ([30.0, 50.0], [25.0, 40.0]), [-92.0, 62.0, 13.0, 57.0]),
])
def test_the_base_map_box_holds_the_frame_and_the_corpus(frame, base, expected):
    assert topojson_box(frame, base=base) == expected


@pytest.fixture(scope="module")
def server(sample_build, tmp_path_factory):
    with AppServer(processed=sample_build.out, log=tmp_path_factory.mktemp("log") / "st.log") as srv:
        yield srv


@pytest.mark.browser
def test_a_filter_redraws_the_map_over_a_base_map_cut_once_to_the_corpus(chromium, server):
    page = open_map(chromium, server, WAIT_MS, ready=READY)
    try:
        page.wait_for_function(f"() => ({BASE_MAP_JS})() !== null", timeout=WAIT_MS)
        before = page.evaluate(BASE_MAP_JS)
        # the land clipped to the box, the lines cut to their runs in it: a few thousand
        # points (whole polygons and country outlines touching the box: 16,000)
        assert before["outside"] == 0, before
        assert 1000 < before["points"] < 8000, before
        assert before["layers"]["land"] > 300 and before["layers"]["countries"] > 300, before
        page.evaluate("() => { window.PlotlyGeoAssets.topojson.world_50m.__before = true; }")
        drawn = page.evaluate("() => performance.getEntriesByName('riwaya-map-drawn').length")
        frame = page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot')"
                              ".layout.geo.lonaxis.range)")

        actor = page.locator(READY).first
        pick_option(page, actor.locator("input"), "Dillon", WAIT_MS)
        page.keyboard.press("Escape")
        page.wait_for_function("() => location.search.includes('actor=DILLON')", timeout=WAIT_MS)
        wait_app_idle(page, WAIT_MS, ready=READY)
        page.wait_for_function(f"() => performance.getEntriesByName('riwaya-map-drawn').length > {drawn}",
                               timeout=WAIT_MS)
        # the view is fitted to the filter's places, the base map stays the one cut at first
        assert page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot')"
                             ".layout.geo.lonaxis.range)") != frame
        after = page.evaluate(BASE_MAP_JS)
        assert after["box"] == before["box"]
        assert page.evaluate("() => window.PlotlyGeoAssets.topojson.world_50m.__before === true")
        d = page.eval_on_selector(LAND, "e => e.getAttribute('d') || ''")
        assert d.count("L") >= 5, d   # land still drawn
    finally:
        page.context.close()


def test_the_charts_code_sent_with_every_run_carries_no_comment_lines():
    """The chart component's code is part of its element: every run of every session sends
    it, so it goes without its comment lines and indentation, and still reads as the code."""
    from pathlib import Path

    from components.fastchart import chart, preload

    source = sum(len(Path(chart.__file__).with_name(f).read_text(encoding="utf-8"))
                 for f in ("chart.js", "chart_assets.js"))
    for code in (chart._JS, preload.ASSETS_JS):
        lines = code.splitlines()
        assert lines and not [x for x in lines if x.lstrip().startswith("//") or x != x.strip()]
    assert len(chart._JS) < 0.8 * source
    assert "export default function (component)" in chart._JS and "function crop(t, b, shown)" in chart._JS


def test_the_server_does_not_collect_all_garbage_after_every_run():
    """Streamlit runs ``gc.collect(2)`` after every script run by default: 0.07-0.2 s of the
    server's CPU with the corpus and plotly loaded, holding the interpreter, after every page
    run and every progress redraw of every session (py-spy on the 20-reader run: a third of
    the server's busy samples). The project's config turns it off."""
    import tomllib

    from tests.dashboard_server import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False


#: counts React's commits (renders written to the page): React calls the devtools hook's
#: onCommitFiberRoot on each one when the hook exists before it loads
REACT_COMMITS_JS = """window.__commits = 0; window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true, renderers: new Map(), isDisabled: false, inject() { return 1; },
  checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
  onCommitFiberRoot() { window.__commits += 1; } };"""


@pytest.mark.browser
def test_a_filters_elements_reach_the_tab_together_in_few_renders(chromium, server):
    """Streamlit's frontend renders once per batch of messages it receives; a run's ~50
    elements sent one by one as the script wrote them cost the tab 31-42 React commits per
    actor filter (the widget's own included). components/fastchart/batching.py holds a run's
    messages while it runs (0.4 s at most): 15-18."""
    page = open_map(chromium, server, WAIT_MS, ready=READY, init_script=REACT_COMMITS_JS)
    try:
        drawn = page.evaluate("() => performance.getEntriesByName('riwaya-map-drawn').length")
        box = page.locator(READY).first.locator("input")
        box.click()
        page.keyboard.type("Dillon")
        page.wait_for_function("() => (document.querySelector('[role=\"option\"]') || {}).textContent"
                               "?.includes('Dillon')", timeout=WAIT_MS)
        before = page.evaluate("() => window.__commits")
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.search.includes('actor=DILLON')", timeout=WAIT_MS)
        wait_app_idle(page, WAIT_MS, ready=READY)
        page.wait_for_function(f"() => performance.getEntriesByName('riwaya-map-drawn').length > {drawn}",
                               timeout=WAIT_MS)
        commits = page.evaluate("() => window.__commits") - before
        assert 0 < commits <= 26, commits
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_second_tab_takes_plotly_and_the_base_map_from_the_cache_and_draws_once(chromium, server):
    """A Map load costs a tab about 2 CPU-s (``benchmarks/map_load_cpu.py``), the load test
    opens 10 tabs per browser: the later tabs must not download plotly.js (1.4 MB) or the base
    map (1.7 MB) again (the app's static files carry validators, so the browser's cache keeps
    them), and a tab loads each once and draws the map once (no second draw on load)."""
    from benchmarks.map_load_cpu import load_map, watch_assets

    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        seen = []
        for _ in range(2):
            page = context.new_page()
            assets = watch_assets(page)
            load_map(page, server.url)
            seen.append(assets)
            counts = page.evaluate("""() => ({
              plotly: performance.getEntriesByName('riwaya-plotly-loaded').length,
              drawn: performance.getEntriesByName('riwaya-map-drawn').length,
              fetched: performance.getEntriesByType('resource').filter(
                r => /plotly-geo|world_50m/.test(r.name)).length})""")
            assert counts == {"plotly": 1, "drawn": 1, "fetched": 2}, counts
        first, second = seen
        for name in ("plotly-geo", "topojson"):
            assert not first[name]["cached"] and first[name]["bytes"] > 400_000, first
            assert first[name]["etag"], first  # validators: what lets the browser keep it
            assert second[name]["cached"] and second[name]["bytes"] < 1_000, second
    finally:
        context.close()
