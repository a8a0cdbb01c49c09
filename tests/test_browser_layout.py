"""The sample's map and matrix as people see them, in real Chromium at desktop, presenter and
phone sizes: every place of the event named on the map, no name over another name or over
another place's marker; countries and rivers are no markers; the matrix's cell click shows
its evidence under the chart; the phone opens with the sidebar closed.
"""

from __future__ import annotations

import pytest

from tests.dashboard_server import MAP_POINTS, MATRIX_POINTS, ROOT, SIDEBAR_OPEN, AppServer, wait_app_idle

pytestmark = pytest.mark.browser

WAIT_MS = 60_000
ARTIFACTS = ROOT / "artifacts"
EVENT_PLACES = ("Deir ez-Zor", "Raqqa", "Abu Kamal", "Fallujah")

#: every marker and every name written on the map, with its place id and its box on screen
MAP_BOXES = """() => {
  const gd = document.querySelector('.st-key-map_chart .js-plotly-plot');
  const out = {labels: [], markers: []};
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  gd.querySelectorAll('.scatterlayer g.trace').forEach(g => {
    const trace = g.__data__[0].trace;
    g.querySelectorAll('path.point').forEach((p, i) =>
      out.markers.push({id: trace.customdata[i][0], box: box(p)}));
    if (trace.name === 'place names')
      g.querySelectorAll('text').forEach((t, i) =>
        out.labels.push({id: trace.customdata[i][0], text: t.textContent, box: box(t)}));
  });
  return out;
}"""


def overlap(a, b, tolerance: float = 0.5) -> bool:
    return (a[0] < b[2] - tolerance and b[0] < a[2] - tolerance
            and a[1] < b[3] - tolerance and b[1] < a[3] - tolerance)


@pytest.fixture(scope="module")
def server(sample_build):
    ARTIFACTS.mkdir(exist_ok=True)
    with AppServer(processed=sample_build.out, raw=ROOT / "data" / "raw",
                   log=ARTIFACTS / "streamlit-browser-layout.log") as srv:
        yield srv


@pytest.mark.parametrize("width, height, query", [(1440, 900, ""), (1920, 1080, "?present=1")],
                         ids=["desktop", "presenter"])
def test_the_event_places_are_named_on_the_map_clear_of_each_other(chromium, server, width, height, query):
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(server.url + "/Map" + query)
        wait_app_idle(page, WAIT_MS)
        page.wait_for_selector(MAP_POINTS, state="attached", timeout=WAIT_MS)
        page.wait_for_function("() => document.querySelectorAll('.st-key-map_chart .scatterlayer text').length >= 4",
                               timeout=WAIT_MS)
        boxes = page.evaluate(MAP_BOXES)
        page.screenshot(path=str(ARTIFACTS / f"map-labels-{width}.png"))
        names = {lab["text"]: lab for lab in boxes["labels"]}
        for place in EVENT_PLACES:
            assert place in names, f"{place} has no name on the map at {width}x{height}: {sorted(names)}"
            w = names[place]["box"][2] - names[place]["box"][0]
            assert w > 10, f"{place}'s name is not drawn ({names[place]['box']})"
        labels = boxes["labels"]
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                assert not overlap(a["box"], b["box"]), f"{a['text']} overlaps {b['text']}: {a['box']} {b['box']}"
            for m in boxes["markers"]:
                if m["id"] != a["id"]:
                    assert not overlap(a["box"], m["box"]), f"{a['text']} covers the marker of {m['id']}"
        # countries and rivers are context, not markers over the cities
        ids = {m["id"] for m in boxes["markers"]}
        assert "EUPHRATES" not in ids and not any(i.startswith("CC:") for i in ids), ids
        assert "Euphrates" in page.inner_text(".riwaya-map-key")
        # plotly's "Share chart…" (it needs Plotly's cloud) is gone; "Share this view" shows the
        # view's whole link, to copy
        page.hover(".st-key-map_chart .js-plotly-plot")
        assert page.locator(".st-key-map_chart .modebar-btn[data-title^='Share chart']").count() == 0
        assert page.locator(".st-key-map_chart .modebar-btn[data-title^='Download plot']").count() == 1
        page.get_by_role("button", name="Share this view").click()
        code = page.locator("[data-testid='stPopoverBody'] code, [data-testid='stPopoverBody'] pre").first
        code.wait_for(timeout=WAIT_MS)
        assert code.inner_text().startswith(server.url + "/Map"), code.inner_text()
        if query:
            assert "present=1" in code.inner_text()
    finally:
        context.close()


def test_a_matrix_cell_click_shows_its_evidence_under_the_chart(chromium, server):
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    try:
        page.goto(server.url + "/Actors_x_claims")
        wait_app_idle(page, WAIT_MS)
        page.wait_for_selector(MATRIX_POINTS, state="attached", timeout=WAIT_MS)
        # before a click: no list of every statement, a hint instead
        assert page.locator(".riwaya-quote").count() <= 5
        # click the first coloured (non-silent) cell
        cell = page.evaluate("""() => {
          const gd = document.querySelector('.st-key-matrix_chart .js-plotly-plot');
          for (const g of gd.querySelectorAll('.scatterlayer g.trace')) {
            const trace = g.__data__[0].trace;
            if (trace.name === 'silent') continue;
            const p = g.querySelector('path.point'); const r = p.getBoundingClientRect();
            return {x: r.left + r.width / 2, y: r.top + r.height / 2, ids: trace.customdata[0]};
          }
        }""")
        page.mouse.click(cell["x"], cell["y"])
        page.wait_for_function("() => location.search.includes('cell=')", timeout=WAIT_MS)
        wait_app_idle(page, WAIT_MS)
        page.wait_for_selector(".riwaya-quote", timeout=WAIT_MS)
        # the cell is marked on the chart and its evidence is in view
        page.wait_for_function("""() => (document.querySelector('.st-key-matrix_chart .js-plotly-plot')
                                  .layout.shapes || []).some(s => s.name === 'chosen')""", timeout=WAIT_MS)
        page.wait_for_function("""() => { const q = document.querySelector('.riwaya-quote');
                                  const r = q.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }""",
                               timeout=WAIT_MS)
        page.screenshot(path=str(ARTIFACTS / "matrix-cell-clicked.png"))
    finally:
        context.close()


def test_the_phone_opens_with_the_sidebar_closed_and_the_matrix_scrolls_with_names_in_view(chromium, server):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(server.url + "/Actors_x_claims")
        wait_app_idle(page, WAIT_MS)
        page.wait_for_selector(MATRIX_POINTS, state="attached", timeout=WAIT_MS)
        assert page.evaluate(f"() => ({SIDEBAR_OPEN})()") is False
        scroller = page.locator(".st-key-matrix_chart")
        assert scroller.evaluate("e => e.scrollWidth > e.clientWidth + 50"), "the matrix does not scroll sideways"
        names = page.locator(".riwaya-sticky-names")
        assert names.is_visible() and "Russian Ministry of Defence" in names.inner_text()
        cut = names.evaluate("""e => [...e.querySelectorAll('span')]
            .filter(s => s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1)
            .map(s => s.textContent)""")
        assert cut == [], f"names cut short on a phone: {cut}"   # wrapped, not cut with "…"
        rows = names.evaluate("""e => [...e.children].slice(1).map(d => d.getBoundingClientRect())
            .map(r => [r.top, r.bottom])""")
        assert all(a[1] <= b[0] + 1 for a, b in zip(rows, rows[1:])), "names overlap"
        before = names.bounding_box()
        scroller.evaluate("e => { e.scrollLeft = 300; }")
        page.wait_for_function("() => document.querySelector('.st-key-matrix_chart').scrollLeft > 0", timeout=WAIT_MS)
        assert names.bounding_box() == before  # the names stay while the cells scroll
        page.screenshot(path=str(ARTIFACTS / "matrix-phone-scrolled.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("path,chart", [("/Timeline", "timeline_chart")])
def test_a_chart_heading_fits_a_phone(chromium, server, path, chart):
    """The title written on a chart (for its PNG) starts at the figure's left edge on a phone, not
    after the lane names, where it ran off the screen ("When each claim was asserted, de"). (The
    map and the network keep their width and scroll sideways, opened at their middle.)"""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(server.url + path)
        wait_app_idle(page, WAIT_MS)
        title = page.locator(f".st-key-{chart} .js-plotly-plot .gtitle").first
        title.wait_for(state="attached", timeout=WAIT_MS)
        box = title.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    finally:
        context.close()


#: the names in a chart's legend (its traces shown there), and whether plotly drew it and its
#: title visibly
CHART_LEGEND = """key => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const shown = e => !!e && e.getClientRects().length > 0;
  return {names: gd.data.filter(t => t.showlegend !== false && t.name).map(t => t.name),
          legend: shown(gd.querySelector('.legend')), title: shown(gd.querySelector('.g-gtitle'))};
}"""


#: px between a chart's element and the next one drawn with a height
GAP_UNDER = """key => {
  const chart = document.querySelector(`.st-key-${key}`);
  let next = chart.nextElementSibling;
  while (next && next.getBoundingClientRect().height === 0) next = next.nextElementSibling;
  return next.getBoundingClientRect().top - chart.getBoundingClientRect().bottom;
}"""


@pytest.mark.parametrize("path, key, title", [("/Map", "map_chart", "Places named in the articles"),
                                              ("/Network", "network_chart", "Actors linked by agreement")],
                         ids=["map", "network"])
@pytest.mark.parametrize("width, phone", [(390, True), (1440, False)], ids=["phone", "desktop"])
def test_a_scrolling_chart_s_title_and_legend_are_never_cut_by_the_screen(chromium, server, path, key, title,
                                                                           width, phone):
    """On a phone the map and the network keep their width and scroll sideways, opened at their
    middle: their own title and legend were cut at both edges ("es", "deal"). There they are
    hidden and the same title, filter and legend are text within the screen; a desktop shows
    the figure's own, and no room is taken by the phone's text."""
    kwargs = dict(is_mobile=True, has_touch=True) if phone else {}
    context = chromium.new_context(viewport={"width": width, "height": 844}, **kwargs)
    page = context.new_page()
    try:
        page.goto(server.url + path)
        wait_app_idle(page, WAIT_MS)
        page.wait_for_selector(f".st-key-{key} .js-plotly-plot .legend", state="attached", timeout=WAIT_MS)
        drawn = page.evaluate(CHART_LEGEND, key)
        caption = page.locator(".riwaya-chart-caption")
        assert drawn["names"], drawn
        if not phone:
            assert drawn["legend"] and drawn["title"] and not caption.is_visible()
            if key == "network_chart":  # its own element takes no room: no second gap under the chart
                assert page.evaluate(GAP_UNDER, key) <= 20
            return
        assert not drawn["legend"] and not drawn["title"], drawn
        assert caption.is_visible()
        text = caption.inner_text()
        assert title in text and "Filter: no filter" in text
        assert all(name in text for name in drawn["names"]), (drawn["names"], text)
        box = caption.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    finally:
        context.close()
