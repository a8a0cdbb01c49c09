"""Dashboard benchmark (not a test): how fast the map appears and how fast a filter re-renders.

Prints
- start-to-map: seconds from launching the app as `make run` does (serve.py) to the map drawn
  in headless Chromium (land and markers on screen), in a fresh browser context (nothing
  cached); target < 4 s (median of --starts cold starts);
- filter re-render: seconds from choosing an actor in the sidebar to the map redrawn with the
  filtered markers; target < 0.5 s (median of several changes);
- each page's render time: seconds from asking for the page (in the warm session) to the page
  idle (script run over, every element drawn, charts plotted), for every page, Compare with its
  default six outlets and the Map with its biggest place chosen (its sentences, a page of them);
  target at 10k articles: every page <= 3 s;
- server RSS after every page was visited (the server and its children); target at 10k <= 1 GB
  (and after each page, on its line);
- with each, CPU seconds (user+sys): the server's (its script runs) and the browser's
  (Playwright's driver and Chromium), and the load average at the end: on a shared machine
  the wall clock is an upper bound, the CPU seconds are what a page cost.

Corpus: RIWAYA_PROCESSED if set (e.g. a corpus built from data/raw), else data/processed when
it holds a build, else the synthetic test corpus written to a temporary folder.
Usage: python benchmarks/bench_dashboard.py [--starts N] [--repeat N] [--page-repeat N]
[--pages WORD ...] (only the pages whose name holds a word: ``--pages Compare Network``)
A large corpus: ``python benchmarks/generate_articles.py DIR/raw -n 10000``, ``python -m riwaya
build --raw DIR/raw --out DIR/processed``, then ``RIWAYA_PROCESSED=DIR/processed python
benchmarks/bench_dashboard.py`` (without RIWAYA_RAW: a codebook edited since the build would
make the Overview rebuild the corpus first).
(BENCH_LOG=path keeps the streamlit log.)

What the time goes to (2 cores, sample corpus, 2026-11-22): server up ~0.6 s, Streamlit's
page and JS ~1.1 s, then the first script run (~0.5 s: corpus load; pandas, DuckDB, pyarrow
and plotly already imported by serve.py's warm-up) while the browser already loads plotly.js's
geo bundle and the base map (components/fastchart/preload.py), then the first draw ~0.15 s: start to
map ~2.9-3.1 s. Each start also prints the map's marks in the browser (seconds after the page
was requested). Streamlit's own plotly.js (4.7 MB) took ~2 s to start on this machine, which
is why the map is drawn by the geo bundle (components/fastchart/chart.py); the places table is only
filled when opened, as its code slowed the first draw. A filter change: ~0.25 s of script
run, then plotly redraws the markers over the base map cut to the corpus's region.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from riwaya.pipeline.store import read_manifest  # noqa: E402
from tests.dashboard_server import (MAP_POINTS, AppServer, launch_browser,  # noqa: E402
                                    wait_app_idle)

LAND = ".js-plotly-plot .geo .layer.land path"

# Armed just before a filter change: "end" is set once the script run that the change started
# has finished (the app went running -> notRunning) and the map, if any, has redrawn
# (plotly_afterplot), two animation frames later.
ARM_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__bench = {start: performance.now(), ran: false, done: false, plotted: false, end: null};
  const finish = () => { const b = window.__bench;
      if (b.done && (b.plotted || !document.querySelector('.js-plotly-plot')) && b.end === null)
        requestAnimationFrame(() => requestAnimationFrame(() => { if (b.end === null) b.end = performance.now(); })); };
  const hook = () => { const gd = document.querySelector('.js-plotly-plot');
      if (gd && gd.on && !gd.__benchHooked) { gd.__benchHooked = true;
        gd.on('plotly_afterplot', () => { const b = window.__bench; b.plotted = true;
          b.t_plot = performance.now() - b.start;
          // a redraw after arming means a run happened: its 'running' state can come and go
          // between two observer callbacks (the server sends a run's messages together)
          if (!b.ran) { b.ran = true; b.t_running = b.t_plot; }
          if (!b.done && app.getAttribute('data-test-script-state') === 'notRunning') {
            b.done = true; b.t_done = b.t_plot; }
          finish(); }); } };
  hook();
  if (!window.__benchObserver) {
    window.__benchObserver = new MutationObserver(() => {
      hook();
      const b = window.__bench, s = app.getAttribute('data-test-script-state');
      if (s === 'running' && !b.ran) { b.ran = true; b.t_running = performance.now() - b.start; }
      else if (b.ran && s === 'notRunning' && !b.done) { b.done = true; b.t_done = performance.now() - b.start; finish(); }
    });
    window.__benchObserver.observe(app, {attributes: true, subtree: true, childList: true});
  }
}"""


def pick_corpus(tmp: Path) -> tuple[Path, str]:
    env = os.environ.get("RIWAYA_PROCESSED")
    if env:
        return Path(env), f"RIWAYA_PROCESSED={env}"
    default = ROOT / "data" / "processed"
    try:
        if read_manifest(default):
            return default, str(default)
    except Exception:  # noqa: BLE001
        pass
    from tests.fixture_corpus import write_fixture
    write_fixture(tmp)
    return tmp, "synthetic test corpus (no processed corpus found)"


def map_drawn(page, timeout_ms: int = 60_000) -> None:
    page.wait_for_selector(LAND, state="attached", timeout=timeout_ms)
    page.wait_for_selector(MAP_POINTS, state="attached", timeout=timeout_ms)


def cold_start(browser, corpus: Path, tmp: str, n: int) -> tuple[float, float, float, object, object]:
    """Start the app, open the map in a fresh context; (healthy, page load, start-to-map, server, page)."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    server = AppServer(processed=corpus, raw=os.environ.get("RIWAYA_RAW") or Path(tmp) / "no-raw",
                       log=Path(os.environ.get("BENCH_LOG") or Path(tmp) / f"streamlit-{n}.log"))
    t0 = time.monotonic()
    server.start()
    try:
        healthy = server.wait_healthy()
        t_goto = time.monotonic()
        page.goto(server.url + "/Map")
        t_loaded = time.monotonic()
        map_drawn(page)
        took = time.monotonic() - t0
        print(f"         server CPU from launch to map drawn {cpu_seconds(server.proc.pid):.2f} s "
              f"(Python's imports included)")
        return healthy, t_loaded - t_goto, took, server, page
    except BaseException:
        server.stop()
        raise


MARKS = {"riwaya-plotly-loaded": "plotly.js ready", "riwaya-topojson-loaded": "base map fetched",
         "riwaya-map-data": "chart data in", "riwaya-map-drawn": "drawn"}


def browser_marks(page) -> str:
    """The map's performance marks (components/fastchart/chart_assets.js, chart.js), seconds after the
    browser started loading the page."""
    marks = dict(page.evaluate("() => performance.getEntriesByType('mark').map(m => [m.name, m.startTime])"))
    return ", ".join(f"{label} {marks[name] / 1000:.2f}" for name, label in MARKS.items() if name in marks)


#: every page, as the navigation names it
PAGES = {"Overview": "/", "Map": "/Map", "Actors × claims": "/Actors_x_claims",
         "Compare sources (6 outlets)": "/Compare_sources", "Reader": "/Reader",
         "Timeline": "/Timeline", "Actor network": "/Network"}
PLOTTED = """() => [...document.querySelectorAll('.js-plotly-plot')].every(
    gd => gd.querySelector('.main-svg') !== null)"""


def biggest_place(corpus: Path) -> str | None:
    """The place with most mentions (the map's biggest marker)."""
    from riwaya.dashboard.corpus import load_prepared
    from riwaya.dashboard.filters import Filters
    from riwaya.dashboard.map import place_summary

    places = place_summary(Filters().apply(load_prepared(corpus)))
    return None if places.empty else str(places["entity_id"].iloc[0])


def render_time(page, url: str, server_pid: int | None = None) -> tuple[float, float, float]:
    """(seconds from asking for ``url`` to the page idle with its charts plotted, the
    server's CPU seconds (user+sys, with its children) meanwhile, the browser's): on a shared
    machine the wall clock is an upper bound, the CPU seconds are what the page cost."""
    cpu = cpu_seconds(server_pid) if server_pid else 0.0
    browser = browser_cpu_seconds(server_pid) if server_pid else 0.0
    t = time.monotonic()
    page.goto(url)
    wait_app_idle(page, timeout_ms=120_000, ready="h1")
    page.wait_for_function(PLOTTED, timeout=120_000)
    took = time.monotonic() - t
    if not server_pid:
        return took, float("nan"), float("nan")
    return took, cpu_seconds(server_pid) - cpu, browser_cpu_seconds(server_pid) - browser


def _cpu(procs) -> float:
    import psutil

    total = 0.0
    for p in procs:
        try:
            times = p.cpu_times()
            total += times.user + times.system
        except psutil.Error:  # a process that just ended
            pass
    return total


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of the process ``pid`` and its children."""
    import psutil

    try:
        proc = psutil.Process(pid)
        return _cpu([proc, *proc.children(recursive=True)])
    except psutil.Error:
        return float("nan")


def browser_cpu_seconds(server_pid: int) -> float:
    """User + system CPU seconds of this benchmark's other child processes: Playwright's
    driver and Chromium (every process it started but the server's)."""
    import psutil

    try:
        server = psutil.Process(server_pid)
        skip = {server_pid, *(c.pid for c in server.children(recursive=True))}
    except psutil.Error:
        skip = {server_pid}
    return _cpu([c for c in psutil.Process().children(recursive=True) if c.pid not in skip])


def page_times(page, base: str, corpus: Path, repeat: int, server_pid: int | None = None,
               only: list[str] | None = None) -> None:
    """Each page's render time in the warm session (median of ``repeat``; the first visit,
    which fills the server's caches for that page, is shown too), and the server's CPU
    seconds for it. ``only``: the pages whose name holds one of these words (every page
    when None)."""
    from urllib.parse import quote

    pages = dict(PAGES)
    if not only or any(w.lower() in "map, biggest place chosen" for w in only):
        if place := biggest_place(corpus):
            pages["Map, biggest place chosen"] = f"/Map?place={quote(place)}"
    if only:
        pages = {name: path for name, path in pages.items() if any(w.lower() in name.lower() for w in only)}
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for name, path in pages.items():
        try:
            runs = [render_time(page, base + path, server_pid) for _ in range(max(repeat, 1) + 1)]
        except PlaywrightTimeout:
            print(f"page {name:30s} not drawn within 120 s   SLOW")
            continue
        times, cpus, browser = ([r[i] for r in runs] for i in range(3))
        med = statistics.median(times[1:])
        print(f"page {name:30s} {med:6.2f} s, CPU server {statistics.median(cpus[1:]):5.2f} s "
              f"browser {statistics.median(browser[1:]):5.2f} s   (first visit {times[0]:.2f} s, "
              f"CPU server {cpus[0]:.2f} s; target at 10k <= 3 s)   {'OK' if med <= 3 else 'SLOW'}"
              + (f"; server RSS then {rss_mb(server_pid):.0f} MB" if server_pid else ""))


def rss_mb(pid: int) -> float:
    """Resident memory (MB) of the process ``pid`` and its children."""
    import psutil

    try:
        proc = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20
    except psutil.Error:
        return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--starts", type=int, default=3, help="cold starts to time (default 3)")
    ap.add_argument("--repeat", type=int, default=5, help="filter changes to time (default 5)")
    ap.add_argument("--page-repeat", type=int, default=2, help="visits of each page to time (default 2)")
    ap.add_argument("--pages", nargs="+", metavar="WORD",
                    help="time only the pages whose name holds one of these words (e.g. Compare Network)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        corpus, what = pick_corpus(Path(tmp))
        print(f"corpus: {what}")
        browser = launch_browser(p)  # the browser is not part of the app's start-up
        starts = []
        for n in range(max(args.starts, 1)):
            healthy, loaded, start_to_map, server, page = cold_start(browser, corpus, tmp, n)
            print(f"start {n + 1}: server healthy {healthy:.2f} s, page load (HTML, JS) {loaded:.2f} s, "
                  f"first run to map drawn {start_to_map - healthy - loaded:.2f} s, "
                  f"start to map {start_to_map:.2f} s")
            print(f"         in the browser: {browser_marks(page)}")
            starts.append(start_to_map)
            if n < max(args.starts, 1) - 1:
                server.stop()
                page.context.close()
        med = statistics.median(starts)
        print(f"start to map rendered     {med:6.2f} s   median of {len(starts)} "
              f"(min {min(starts):.2f}, max {max(starts):.2f}; target < 4 s)   {'OK' if med < 4 else 'SLOW'}")
        try:
            wait_app_idle(page, ready="[data-testid='stSidebar'] [data-testid='stMultiSelect']")
            total = page.locator(MAP_POINTS).count()

            # toggle each of the first actors of the filter on and off; time "on"
            actor_box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
            timings, cpus = [], []
            for i in range(args.repeat):
                actor_box.locator("input").click()
                options = page.locator("[role='option']").filter(has_not_text="Select all")
                options.first.wait_for(timeout=10_000)
                option = options.nth(i % options.count())
                name = option.inner_text()
                page.evaluate(ARM_JS)
                cpu = cpu_seconds(server.proc.pid)
                option.click()
                page.wait_for_function("() => window.__bench && window.__bench.end !== null", timeout=20_000)
                took = page.evaluate("() => (window.__bench.end - window.__bench.start) / 1000")
                cpus.append(cpu_seconds(server.proc.pid) - cpu)
                points = page.locator(MAP_POINTS).count()
                phases = page.evaluate("() => [window.__bench.t_running, window.__bench.t_done, window.__bench.t_plot]")
                detail = " ".join(f"{k} {v / 1000:.2f}" for k, v in zip(("run-start", "run-end", "plotted"), phases) if v)
                print(f"  actor {name[:40]!r}: {took:.3f} s, {points} marker(s) (of {total}); {detail}")
                timings.append(took)
                page.keyboard.press("Escape")
                page.locator("[role='listbox']").wait_for(state="hidden", timeout=10_000)
                page.evaluate("() => document.activeElement && document.activeElement.blur()")
                # clear the filter again (not timed)
                page.locator("[data-testid='stSidebar'] button", has_text="Reset filters").click()
                page.wait_for_function(
                    f"(n) => document.querySelectorAll({MAP_POINTS!r}).length === n", arg=total, timeout=20_000)
                wait_app_idle(page, ready="[data-testid='stSidebar'] [data-testid='stMultiSelect']")
            med = statistics.median(timings)
            print(f"actor filter re-render    {med:6.2f} s   median of {len(timings)} "
                  f"(min {min(timings):.2f}, max {max(timings):.2f}; target < 0.5 s)"
                  f"   {'OK' if med < 0.5 else 'SLOW'}; server CPU {statistics.median(cpus):.2f} s")
            page_times(page, server.url, corpus, args.page_repeat, server.proc.pid, args.pages)
            print(f"server RSS after every page {rss_mb(server.proc.pid):6.0f} MB   (target at 10k <= 1 GB)")
            print(f"load average (1, 5, 15 min) {' '.join(f'{x:.2f}' for x in os.getloadavg())}: "
                  f"wall-clock times are upper bounds on a busy machine")
        finally:
            server.stop()
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
