"""Many readers (issue 9, item 13): browser sessions at once against one dashboard server.

Starts one dashboard (``serve.py``, as ``make run`` does, through tests/dashboard_server.py's
AppServer) on a copy of the sample articles built into a temporary folder, then opens
``--sessions`` sessions spread over ``--browsers`` Chromium processes (tabs of one window each),
all at once. Each session:
- map load: opens /Map and waits until the map's points are drawn;
- actor filter: picks an actor in the sidebar (session i takes the i-th actor) and waits until the
  page is idle with the new result (the URL names the actor, no script run in progress, the map
  redrawn); a pick that draws no chip in the widget (a click lost in the browser: nothing is
  sent to the server) is made again and counted ("picked N times");
- then checks that it shows no error (an exception, an error box, "build failed").
Mid-run (once the first map is drawn) an article is added to the raw folder's copy: the next
page run of any session starts the background build (components/build_ui.py ``keep_fresh``),
which runs while the other sessions load; the run waits for the new build and checks, in a
fresh session, that the Overview counts the added article.

Prints each session's timings, then p50/p95 of map load and filter, the error count, the
rebuild's duration and the server's peak RSS, against the issue's targets (browsers on the
same 2 cores): map p95 <= 30 s, filter p95 <= 5 s, 0 errors. Exit status 1 when a target is
missed.

Usage: python benchmarks/load_sessions.py [--sessions 20] [--browsers 2] [--no-rebuild] [--trace FILE]
(BENCH_LOG=path keeps the streamlit log.) tests/test_load_sessions.py runs a reduced version.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.dashboard_server import CHROMIUM, CHROMIUM_ARGS, MAP_POINTS, AppServer  # noqa: E402

RAW = ROOT / "data" / "raw"
CODEBOOK = ROOT / "data" / "codebook"
MAP_TARGET_S, FILTER_TARGET_S = 30.0, 5.0
TIMEOUT_MS = 240_000
ACTOR_BOX = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"

#: Each session stands for a reader looking at their own tab: as a foreground tab, its timers
#: and renderer are not slowed the way Chromium slows tabs in the background (measured: every
#: tab reports visibilityState "visible" in headless mode; these keep it so for the renderer's
#: priority too).
LOAD_CHROMIUM_ARGS = [*CHROMIUM_ARGS, "--disable-background-timer-throttling",
                      "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"]

IDLE_JS = """(sel) => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && document.querySelector(sel) !== null
        && document.querySelector('[data-testid="stSkeleton"]') === null; }"""

# Armed just before the actor is chosen: records when the page is first idle with the actor in
# the URL (the run the choice started has published it and ended) and when a map was last
# redrawn (any plot, also one drawn anew). Fragment runs afterwards (a build's progress bar,
# polled) are not the filter's: the page was once idle with its result.
ARM_JS = """(actor) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const b = window.__load = {start: performance.now(), plotted: null, first: null, actor: actor,
                             runs: 0, draws: 0, running: false, hidden: document.visibilityState !== 'visible',
                             gd: document.querySelector('.js-plotly-plot')};
  const hook = () => document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    if (gd.on && gd.__loadArmed !== b) {
      gd.__loadArmed = b;
      gd.on('plotly_afterplot', () => { if (window.__load === b) { b.plotted = performance.now(); b.draws += 1; } });
    } });
  const check = () => {
    hook();
    const running = app.getAttribute('data-test-script-state') === 'running';
    if (running && !b.running) b.runs += 1;   // a script run (or fragment run) started
    b.running = running;
    const idle = !running && app.getAttribute('data-test-script-state') === 'notRunning'
      && document.querySelector('[data-testid="stSkeleton"]') === null
      && (b.actor ? new URLSearchParams(location.search).getAll('actor').includes(b.actor)
                  : new URLSearchParams(location.search).has('actor'));
    if (idle && b.first === null) b.first = performance.now();
  };
  hook();
  new MutationObserver(check).observe(app, {attributes: true, subtree: true, childList: true});
}"""
# done: idle once with the actor, and the map redrawn after the choice (or no redraw within 3 s
# of that: the actor's places are the ones already drawn)
DONE_JS = """() => { const b = window.__load;
  return b && b.first !== null && (b.plotted !== null || performance.now() - b.first > 3000); }"""
TOOK_JS = """() => { const b = window.__load;
  return [(Math.max(b.first, b.plotted === null ? 0 : b.plotted) - b.start) / 1000,
          b.runs, b.draws, b.hidden, b.gd !== null && document.contains(b.gd)]; }"""
#: the chosen actors' chips of the sidebar's multiselect (Streamlit 1.67 draws them as react-aria
#: tags, ``[data-tag]``; a ``[data-baseweb='tag']`` selector found none, chosen or not)
CHIPS = "[data-testid='stSidebar'] [data-testid='stMultiSelect'] [data-tag]"
#: the pick has taken: the widget shows the chosen actor's chip
CHOSEN_JS = """([chips, label]) => Array.from(document.querySelectorAll(chips))
  .some(t => t.textContent.trim() === label)"""
#: what a session that timed out on its filter shows: the URL's actors and the chosen chips
STUCK_JS = """(chips) => [location.search, document.querySelector('[data-testid="stApp"]')
  .getAttribute('data-test-script-state'), Array.from(document.querySelectorAll(chips))
  .map(t => t.textContent.trim())]"""
#: A click on an option can be lost in the browser (measured once per 20-session run: the tab's
#: multiselect took no value, so no script run was ever requested and the server's trace shows
#: none): the pick is checked by the chip it draws, and made again when no chip came.
PICK_ATTEMPTS, PICK_MS = 3, 30_000


@dataclass
class Session:
    n: int
    map_s: float | None = None
    filter_s: float | None = None
    actor: str = ""
    errors: list[str] = field(default_factory=list)
    filter_runs: int = 0        # script runs the page went through while the filter took
    filter_draws: int = 0       # map redraws meanwhile
    filter_kb: float = 0.0      # websocket kB the browser received meanwhile
    hidden: bool = False        # the tab was hidden (a background tab) when it filtered
    map_kept: bool = False      # the map drawn before the filter was updated, not drawn anew
    map_cpu: float = 0.0        # the tab's main-thread busy seconds (CDP TaskDuration): map load
    filter_cpu: float = 0.0     # ... and from the filter's choice to its result
    repicks: int = 0            # picks of the actor that did not take (no chip) and were made again


@dataclass
class Result:
    sessions: list[Session]
    rebuild_s: float | None = None      # from the article added to the new build published
    rebuild_error: str | None = None
    peak_rss_mb: float = 0.0
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    articles_after: int | None = None
    cpu_s: dict[str, float] = field(default_factory=dict)   # CPU seconds: server, browsers

    @property
    def errors(self) -> int:
        return sum(len(s.errors) for s in self.sessions) + (self.rebuild_error is not None)

    def times(self, what: str) -> list[float]:
        return sorted(getattr(s, what) for s in self.sessions if getattr(s, what) is not None)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (``q`` from 0 to 100) of ``values``; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def prepare_folders(tmp: Path) -> tuple[Path, Path]:
    """A copy of the sample articles and their corpus built from it: (raw, processed)."""
    from riwaya.pipeline.build import build_corpus

    raw, processed = tmp / "raw", tmp / "processed"
    shutil.copytree(RAW, raw)
    build_corpus(raw, CODEBOOK, processed)
    return raw, processed


def add_article(raw: Path) -> Path:
    """A new article in ``raw``: the first sample article with one more sentence."""
    first = sorted(raw.glob("*.txt"))[0]
    new = raw / "zz_load_test_added.txt"
    new.write_text(first.read_text(encoding="utf-8") + "\nوقال مصدر محلي إن الوضع هادئ.\n",
                   encoding="utf-8")
    return new


def rss_mb(pid: int) -> float:
    """Resident memory of the process ``pid`` and its children (MB)."""
    total = 0
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the server and by the browsers this run started."""
    import psutil

    out = {"server": 0.0, "browsers": 0.0}
    for proc in psutil.Process().children(recursive=True):
        try:
            times = proc.cpu_times()
            used = times.user + times.system
            if proc.pid == server_pid:
                out["server"] += used
            elif "chrom" in proc.name():
                out["browsers"] += used
        except psutil.Error:
            pass
    return out


async def errors_on(page) -> list[str]:
    found = []
    for el in await page.query_selector_all(ERRORS):
        found.append((await el.inner_text())[:200])
    body = await page.inner_text("body")
    if "build failed" in body.lower():
        found.append("a build failed message")
    return found


async def busy_s(cdp) -> float:
    """Seconds the tab's renderer main thread has been busy so far (CDP TaskDuration)."""
    metrics = (await cdp.send("Performance.getMetrics"))["metrics"]
    return next((m["value"] for m in metrics if m["name"] == "TaskDuration"), 0.0)


async def pick_actor(s: Session, page, cdp) -> tuple[int, float]:
    """Choose the session's actor (the ``s.n``-th) in the sidebar, armed to time its result:
    open the list, click the option, wait until the widget shows its chip; a pick that drew no
    chip (the click was lost) is made again, up to PICK_ATTEMPTS times, and counted in
    ``s.repicks``. Returns the websocket bytes and busy seconds of the tab when it was armed."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    for attempt in range(PICK_ATTEMPTS):
        await page.wait_for_function(IDLE_JS, arg=ACTOR_BOX, timeout=TIMEOUT_MS)
        box = page.locator(ACTOR_BOX).first.locator("input")
        await box.click()
        options = page.locator("[role='option']").filter(has_not_text="Select all")
        await options.first.wait_for(timeout=TIMEOUT_MS)
        option = options.nth(s.n % await options.count())
        s.actor = (await option.inner_text()).strip()
        armed = ws_bytes.get(id(page), 0), await busy_s(cdp)
        await page.evaluate(ARM_JS, ACTOR_IDS.get(s.actor, ""))
        await option.click()
        try:
            await page.wait_for_function(CHOSEN_JS, arg=[CHIPS, s.actor], timeout=PICK_MS)
            return armed
        except PlaywrightTimeout:
            if attempt == PICK_ATTEMPTS - 1:
                raise
            s.repicks += 1
            await page.keyboard.press("Escape")
    raise AssertionError("unreachable")


async def run_session(s: Session, page, url: str, first_map: asyncio.Event) -> None:
    try:
        cdp = await page.context.new_cdp_session(page)
        await cdp.send("Performance.enable")
        t0 = time.monotonic()
        await page.goto(url + "/Map", timeout=TIMEOUT_MS)
        await page.wait_for_selector(f"{MAP_POINTS}, {ERRORS}", state="attached", timeout=TIMEOUT_MS)
        if await page.query_selector(ERRORS) is not None:  # an error instead of the map: no wait
            s.errors += await errors_on(page)
            return
        s.map_s = time.monotonic() - t0
        s.map_cpu = await busy_s(cdp)
        first_map.set()
        received, busy = await pick_actor(s, page, cdp)
        try:
            await page.wait_for_function(DONE_JS, timeout=TIMEOUT_MS)
        except Exception:
            s.errors.append(f"filter never done; the page shows {await page.evaluate(STUCK_JS, CHIPS)}")
            return
        s.filter_s, s.filter_runs, s.filter_draws, s.hidden, s.map_kept = await page.evaluate(TOOK_JS)
        s.filter_kb = (ws_bytes.get(id(page), 0) - received) / 1024
        s.filter_cpu = await busy_s(cdp) - busy
        await page.keyboard.press("Escape")
        s.errors += await errors_on(page)
    except Exception as exc:  # noqa: BLE001 - a session's failure is counted, not fatal
        s.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")


#: {option label: actor id} of the sidebar's actor filter: the URL holds the id
ACTOR_IDS: dict[str, str] = {}
#: {id(page): websocket bytes it received so far}
ws_bytes: dict[int, int] = {}


def count_ws(page) -> None:
    """Count the bytes the page receives over its websockets (Streamlit's messages)."""
    def on_ws(ws) -> None:
        def on_frame(payload) -> None:
            ws_bytes[id(page)] = ws_bytes.get(id(page), 0) + len(payload)
        ws.on("framereceived", on_frame)
    page.on("websocket", on_ws)


def load_actor_ids(processed: Path) -> None:
    """{option label: actor id} of the corpus's actor filter (what the sidebar lists)."""
    from riwaya.dashboard.corpus import prepare
    from riwaya.dashboard.filters import filter_options
    from riwaya.pipeline.store import load_corpus

    ACTOR_IDS.update((label, actor_id) for actor_id, label in
                     filter_options(prepare(load_corpus(processed)))["actors"])


async def watch_rss(pid: int, result: Result, stop: asyncio.Event) -> None:
    while not stop.is_set():
        result.peak_rss_mb = max(result.peak_rss_mb, rss_mb(pid))
        try:
            await asyncio.wait_for(stop.wait(), 0.5)
        except asyncio.TimeoutError:
            pass


async def rebuild_mid_run(raw: Path, processed: Path, first_map: asyncio.Event, result: Result,
                          timeout: float = 600.0) -> None:
    """Once the first map is drawn, add an article; wait for the server's build to publish."""
    from riwaya.pipeline.store import read_manifest

    await first_map.wait()
    before = read_manifest(processed)["build"]
    t0 = time.monotonic()
    add_article(raw)
    while time.monotonic() - t0 < timeout:
        manifest = read_manifest(processed)
        if manifest and manifest["build"] != before:
            result.rebuild_s = time.monotonic() - t0
            return
        await asyncio.sleep(0.25)  # polling the manifest file, not waiting for the page
    result.rebuild_error = f"no new build within {timeout:.0f} s of adding an article"


async def articles_shown(browser, url: str) -> int | None:
    """The Overview's "Articles" figure, in a fresh session."""
    page = await (await browser.new_context(viewport={"width": 1400, "height": 1000})).new_page()
    await page.goto(url + "/", timeout=TIMEOUT_MS)
    metric = page.locator("[data-testid='stMetric']").first
    await metric.wait_for(timeout=TIMEOUT_MS)
    await page.wait_for_function(IDLE_JS, arg="[data-testid='stMetric']", timeout=TIMEOUT_MS)
    text = await metric.locator("[data-testid='stMetricValue']").inner_text()
    return int(text.replace(",", "")) if text.strip().replace(",", "").isdigit() else None


def trace_server(server: AppServer, trace: Path) -> None:
    """Have the server write one JSON line per script run to ``trace`` (benchmarks/trace)."""
    trace.unlink(missing_ok=True)
    server.env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "benchmarks" / "trace"), *filter(None, [server.env.get("PYTHONPATH")])])
    server.env["RIWAYA_RUN_TRACE"] = str(trace)


def read_trace(trace: Path) -> list[dict]:
    """The server's script runs written by ``--trace`` (benchmarks/trace/sitecustomize.py)."""
    import json

    return [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines() if line.strip()]


def trace_summary(trace: Path) -> list[str]:
    """What the server's script runs cost, from the trace: per kind (full page runs, fragment
    runs) their number, wall and CPU seconds (p50/p95/total), elements and kB sent."""
    runs = read_trace(trace)
    out = []
    for kind, chosen in (("full runs", [r for r in runs if not r["fragments"]]),
                         ("fragment runs", [r for r in runs if r["fragments"]])):
        if not chosen:
            continue
        wall = [r["end"] - r["start"] for r in chosen]
        cpu = [r["cpu"] for r in chosen]
        out.append(f"{kind:14s} {len(chosen):4d}: wall p50 {percentile(wall, 50):5.2f} s p95 "
                   f"{percentile(wall, 95):5.2f} s; CPU p50 {percentile(cpu, 50):5.2f} s p95 "
                   f"{percentile(cpu, 95):5.2f} s total {sum(cpu):5.1f} s; elements p50 "
                   f"{percentile([r['msgs'] for r in chosen], 50)}, kB p50 "
                   f"{percentile([r['bytes'] for r in chosen], 50) / 1024:.0f} total "
                   f"{sum(r['bytes'] for r in chosen) / 1024:.0f}; stopped for a rerun "
                   f"{sum(r['event'] == 'SCRIPT_STOPPED_FOR_RERUN' for r in chosen)}")
    return out


async def run(sessions: int = 20, browsers: int = 2, rebuild: bool = True, log: Path | None = None,
              tmp: Path | None = None, trace: Path | None = None) -> Result:
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(tmp or scratch)
        raw, processed = prepare_folders(tmp)
        load_actor_ids(processed)
        n_articles = len(list(raw.glob("*.txt")))
        result = Result([Session(i) for i in range(sessions)])
        server = AppServer(processed=processed, raw=raw, codebook=CODEBOOK,
                           log=log or tmp / "streamlit.log")
        if trace is not None:
            trace_server(server, trace)
        with server:
            async with async_playwright() as p:
                stop = asyncio.Event()
                rss = asyncio.create_task(watch_rss(server.proc.pid, result, stop))
                procs = [await p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=LOAD_CHROMIUM_ARGS)
                         for _ in range(max(1, browsers))]
                try:
                    contexts = [await b.new_context(viewport={"width": 1400, "height": 1000}) for b in procs]
                    pages = [await contexts[s.n % len(contexts)].new_page() for s in result.sessions]
                    for pg in pages:
                        count_ws(pg)
                    first_map = asyncio.Event()
                    built = asyncio.create_task(rebuild_mid_run(raw, processed, first_map, result)) \
                        if rebuild else None
                    await asyncio.gather(*(run_session(s, pg, server.url, first_map)
                                           for s, pg in zip(result.sessions, pages)))
                    if built is not None:
                        if not built.done():  # every session ended before a page run saw the article
                            await pages[0].reload(timeout=TIMEOUT_MS)
                        await built
                    for s, pg in zip(result.sessions, pages):  # after the rebuild: still no error
                        if not s.errors:
                            s.errors += await errors_on(pg)
                    if rebuild and result.rebuild_error is None:
                        shown = await articles_shown(procs[0], server.url)
                        result.articles_after = shown
                        if shown != n_articles + 1:
                            result.rebuild_error = (f"the Overview shows {shown} articles after the rebuild, "
                                                    f"expected {n_articles + 1}")
                finally:
                    stop.set()
                    await rss
                    result.cpu_s = cpu_seconds(server.proc.pid)
                    for b in procs:
                        await b.close()
        result.load = os.getloadavg()
        return result


def report(result: Result) -> bool:
    """Print the timings; True when every target is met."""
    for s in result.sessions:
        fmt = lambda v: "   -  " if v is None else f"{v:6.2f}"  # noqa: E731
        print(f"session {s.n + 1:2d}: map {fmt(s.map_s)} s, filter {fmt(s.filter_s)} s "
              f"(tab busy {s.map_cpu:4.1f} / {s.filter_cpu:4.1f} s; filter: {s.filter_runs} runs, "
              f"{s.filter_draws} map draws{'' if s.map_kept else ' (map drawn anew)'}, {s.filter_kb:.0f} kB"
              f"{', hidden tab' if s.hidden else ''}"
              f"{f', picked {s.repicks + 1} times' if s.repicks else ''}) ({s.actor[:30]})"
              f"{'  ERRORS: ' + '; '.join(s.errors) if s.errors else ''}")
    maps, filters = result.times("map_s"), result.times("filter_s")
    ok = True
    for name, values, target in (("map load", maps, MAP_TARGET_S), ("actor filter", filters, FILTER_TARGET_S)):
        p50, p95 = percentile(values, 50), percentile(values, 95)
        met = p95 is not None and p95 <= target and len(values) == len(result.sessions)
        ok &= met
        print(f"{name:13s} p50 {p50 or float('nan'):6.2f} s  p95 {p95 or float('nan'):6.2f} s  "
              f"({len(values)} of {len(result.sessions)} sessions; target p95 <= {target:.0f} s)  "
              f"{'OK' if met else 'MISSED'}")
    if result.rebuild_s is not None:
        print(f"rebuild       an article added mid-run was built and published in {result.rebuild_s:.1f} s; "
              f"the Overview then showed {result.articles_after} articles")
    if result.rebuild_error:
        print(f"rebuild       FAILED: {result.rebuild_error}")
    print(f"errors        {result.errors}  (target 0)  {'OK' if result.errors == 0 else 'MISSED'}")
    if result.cpu_s:
        print(f"CPU           server {result.cpu_s['server']:.0f} s, browsers {result.cpu_s['browsers']:.0f} s "
              f"(2 cores)")
    print(f"server        peak RSS {result.peak_rss_mb:.0f} MB; load average at the end "
          f"{result.load[0]:.1f} {result.load[1]:.1f} {result.load[2]:.1f}")
    return ok and result.errors == 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20, help="browser sessions (default 20)")
    ap.add_argument("--browsers", type=int, default=2, help="Chromium processes (default 2)")
    ap.add_argument("--no-rebuild", action="store_true", help="no article added mid-run")
    ap.add_argument("--trace", type=Path, metavar="FILE",
                    help="have the server write each script run (wall, CPU, elements, bytes) to FILE "
                         "as JSON lines, and summarise them")
    args = ap.parse_args()
    print(f"{args.sessions} sessions in {args.browsers} Chromium processes, one server; "
          f"load average at the start {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    log = Path(os.environ["BENCH_LOG"]) if os.environ.get("BENCH_LOG") else None
    result = asyncio.run(run(args.sessions, args.browsers, not args.no_rebuild, log, trace=args.trace))
    ok = report(result)
    if args.trace is not None and args.trace.exists():
        print("\n".join(trace_summary(args.trace)))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
