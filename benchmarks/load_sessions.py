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
       [--renders]
(BENCH_LOG=path keeps the streamlit log.) tests/test_load_sessions.py runs a reduced version.
The parts: benchmarks/load/ (``session``: one reader's session; ``stats``: result, report, trace;
``browser_js``: what the tabs are asked).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load.browser_js import IDLE_JS, REACT_RENDERS_JS  # noqa: E402
from benchmarks.load.session import (ACTOR_IDS, LOAD_CHROMIUM_ARGS, TIMEOUT_MS, Session,  # noqa: E402,F401
                                     count_ws, errors_on, run_session)
from benchmarks.load.stats import (Result, cpu_seconds, percentile, read_trace, report,  # noqa: E402,F401
                                   rss_mb, trace_summary)
from tests.dashboard_server import CHROMIUM, AppServer  # noqa: E402

RAW = ROOT / "data" / "raw"
CODEBOOK = ROOT / "data" / "codebook"


def prepare_folders(tmp: Path) -> tuple[Path, Path, Path]:
    """A copy of the sample articles and of the codebook, and the corpus built from them:
    (raw, codebook, processed). The server reads the copies: an edit of the working tree's
    codebook during a run (another engineer's) would otherwise start a rebuild mid-measure."""
    from riwaya.pipeline.build import build_corpus

    raw, codebook, processed = tmp / "raw", tmp / "codebook", tmp / "processed"
    shutil.copytree(RAW, raw)
    shutil.copytree(CODEBOOK, codebook)
    build_corpus(raw, codebook, processed)
    return raw, codebook, processed


def add_article(raw: Path) -> Path:
    """A new article in ``raw``: the first sample article with one more sentence."""
    first = sorted(raw.glob("*.txt"))[0]
    new = raw / "zz_load_test_added.txt"
    new.write_text(first.read_text(encoding="utf-8") + "\nوقال مصدر محلي إن الوضع هادئ.\n",
                   encoding="utf-8")
    return new


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


async def run(sessions: int = 20, browsers: int = 2, rebuild: bool = True, log: Path | None = None,
              tmp: Path | None = None, trace: Path | None = None, renders: bool = False) -> Result:
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(tmp or scratch)
        raw, codebook, processed = prepare_folders(tmp)
        load_actor_ids(processed)
        n_articles = len(list(raw.glob("*.txt")))
        result = Result([Session(i) for i in range(sessions)])
        server = AppServer(processed=processed, raw=raw, codebook=codebook,
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
                        if renders:  # React's commits and re-renders per filter (a little CPU of its own)
                            await pg.add_init_script(REACT_RENDERS_JS)
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20, help="browser sessions (default 20)")
    ap.add_argument("--browsers", type=int, default=2, help="Chromium processes (default 2)")
    ap.add_argument("--no-rebuild", action="store_true", help="no article added mid-run")
    ap.add_argument("--trace", type=Path, metavar="FILE",
                    help="have the server write each script run (wall, CPU, elements, bytes) to FILE "
                         "as JSON lines, and summarise them")
    ap.add_argument("--renders", action="store_true",
                    help="count React's commits and re-rendered components per filter in every tab "
                         "(benchmarks/load/browser_js.py REACT_RENDERS_JS; costs the tabs a little)")
    args = ap.parse_args()
    print(f"{args.sessions} sessions in {args.browsers} Chromium processes, one server; "
          f"load average at the start {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    log = Path(os.environ["BENCH_LOG"]) if os.environ.get("BENCH_LOG") else None
    result = asyncio.run(run(args.sessions, args.browsers, not args.no_rebuild, log, trace=args.trace,
                             renders=args.renders))
    ok = report(result)
    if args.trace is not None and args.trace.exists():
        print("\n".join(trace_summary(args.trace)))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
