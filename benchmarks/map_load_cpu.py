"""What one tab's Map load costs the browser (issue 9, many readers): CPU-s per tab.

Starts one dashboard (``serve.py`` through tests/dashboard_server.py's AppServer) on a corpus
(``--processed``, else the sample built into a temporary folder), launches ONE headless
Chromium (the load test's flags) with one context, and opens ``--tabs`` tabs of /Map one after
another, each left open (as the load test's 10 tabs per browser). For each tab: the CPU seconds
(user+sys) Chromium's processes spent from ``goto`` until the map's points are drawn and the
page is idle, split by process type (renderer, browser, gpu, other), and how the big assets
came: from the network (bytes) or the HTTP cache. The 2nd and later tabs are what matter in
the load test (a browser opens 10).

With ``--trace FILE`` (a Chromium trace of tab ``--trace-tab``, default 2; categories
devtools.timeline, v8, disabled-by-default-v8.compile) it also prints the renderer's
main-thread time by kind (lazy parse+compile, evaluation, style+layout, paint, GC, code cache)
and each script's top-level evaluation. ``--disk-profile`` uses a browser profile on disk (as
a reader's own browser: V8's code cache kept) instead of the load test's in-memory context
(no code cache: every tab compiles plotly.js and Streamlit's bundle anew); ``--chromium-arg``
adds a flag (``--process-per-site``: the tabs share one renderer and its compiled code).

Usage: python benchmarks/map_load_cpu.py [--tabs 5] [--processed DIR] [--trace FILE [--trace-tab N]]
       [--disk-profile] [--chromium-arg=FLAG ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load.session import LOAD_CHROMIUM_ARGS  # noqa: E402
from tests.dashboard_server import CHROMIUM, MAP_POINTS, AppServer, wait_app_idle  # noqa: E402

WAIT_MS = 120_000
READY = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"
#: the assets whose delivery is reported: short name -> a pattern of their URL
ASSETS = {"plotly-geo": re.compile(r"/plotly-geo\.min\.js(\?|$)"), "topojson": re.compile(r"/world_50m\.json(\?|$)"),
          "st-bundle": re.compile(r"/static/js/index\.[\w-]+\.js$")}
TRACE_CATEGORIES = ["devtools.timeline", "v8", "disabled-by-default-v8.compile"]


def chromium_tree(pid: int) -> list[psutil.Process]:
    """The browser process ``pid`` and all its children."""
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def kind(proc: psutil.Process) -> str:
    """renderer / gpu / browser / other, from Chromium's --type= flag."""
    try:
        cmd = " ".join(proc.cmdline())
    except psutil.Error:
        return "other"
    if "--type=renderer" in cmd:
        return "renderer"
    if "--type=gpu-process" in cmd:
        return "gpu"
    if "--type=" not in cmd:
        return "browser"
    return "other"


def cpu_by_kind(pid: int) -> dict[str, float]:
    """CPU seconds (user+sys) so far of Chromium's processes, by kind (processes gone are not
    counted: a tab's renderer stays while the tab is open)."""
    out: dict[str, float] = defaultdict(float)
    for proc in chromium_tree(pid):
        try:
            t = proc.cpu_times()
            out[kind(proc)] += t.user + t.system
        except psutil.Error:
            pass
    return out


def browser_pid() -> int:
    """The pid of the Chromium we launched: the one child of this process running CHROMIUM."""
    for child in psutil.Process().children(recursive=True):
        try:
            if child.exe().endswith(Path(CHROMIUM).name) or "chrom" in child.name():
                if "--type=" not in " ".join(child.cmdline()):
                    return child.pid
        except psutil.Error:
            continue
    raise RuntimeError("no Chromium process found among this process's children")


def watch_assets(page) -> dict[str, dict]:
    """How the big assets reach this tab, filled in as they come: {name: {status, bytes (from
    the network), cached (from the HTTP cache), cache-control, etag (validators sent)}}."""
    seen: dict[str, dict] = {}
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    ids: dict[str, str] = {}

    def on_response(ev):
        url = ev["response"]["url"]
        for name, pattern in ASSETS.items():
            if pattern.search(url):
                ids[ev["requestId"]] = name
                headers = {k.lower(): v for k, v in ev["response"]["headers"].items()}
                seen[name] = {"status": ev["response"]["status"],
                              "cached": ev["response"].get("fromDiskCache", False)
                              or ev["response"].get("fromMemoryCache", False),
                              "cache-control": headers.get("cache-control", "-"),
                              "etag": "etag" in headers or "last-modified" in headers, "bytes": 0}

    def on_finished(ev):
        name = ids.get(ev["requestId"])
        if name:
            seen[name]["bytes"] = int(ev.get("encodedDataLength", 0))

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    return seen


def load_map(page, url: str) -> float:
    t0 = time.monotonic()
    page.goto(url + "/Map", timeout=WAIT_MS)
    wait_app_idle(page, WAIT_MS, ready=READY)
    page.wait_for_selector(MAP_POINTS, state="attached", timeout=WAIT_MS)
    page.wait_for_function("() => performance.getEntriesByName('riwaya-map-drawn').length > 0",
                           timeout=WAIT_MS)
    return time.monotonic() - t0


#: the renderer's main-thread trace events summed per kind of work (nested V8 events: the
#: compile work happens inside the calls and evaluations that trigger it)
MAIN_THREAD_WORK = {
    "lazy compile (a function's first call)": ("V8.CompileCode",),
    "lazy parse (a function's first call)": ("V8.ParseFunction", "V8.PreParse"),
    "parse+compile (scripts, modules)": ("V8.ParseProgram", "v8.compile", "v8.compileModule"),
    "script evaluation (top level)": ("EvaluateScript", "v8.evaluateModule"),
    "style+layout": ("UpdateLayoutTree", "Layout"),
    "paint": ("Paint",),
    "garbage collection": ("MinorGC", "MajorGC"),
    "code cache produced / consumed": ("v8.produceCache", "v8.produceModuleCache", "v8.consumeCache",
                                       "v8.deserializeOnBackground"),
}


def main_thread_work(trace_path: Path) -> dict[str, float]:
    """CPU milliseconds of each kind of :data:`MAIN_THREAD_WORK` on the traced tab's main thread,
    plus the top-level evaluation of each script (``eval <file>``)."""
    events = json.loads(trace_path.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    kind_of = {name: k for k, names in MAIN_THREAD_WORK.items() for name in names}
    out: dict[str, float] = defaultdict(float)
    for ev in events:
        if ev.get("ph") != "X" or (ev.get("pid"), ev.get("tid")) not in main:
            continue
        ms = ev.get("tdur", ev.get("dur", 0)) / 1000  # the thread's CPU time where recorded
        if ev["name"] in kind_of:
            out[kind_of[ev["name"]]] += ms
        if ev["name"] in ("EvaluateScript", "v8.evaluateModule"):
            url = ((ev.get("args") or {}).get("data") or {}).get("url") or "(inline or module)"
            out["eval " + url.rsplit("/", 1)[-1]] += ms
    return dict(out)


def run(url: str, tabs: int, trace: Path | None, trace_tab: int = 2, profile: Path | None = None,
        extra_args: tuple[str, ...] = ()) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        if profile is None:  # as the load test: an in-memory ("incognito") context
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[*LOAD_CHROMIUM_ARGS, *extra_args])
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
        else:  # a profile on disk, as a reader's own browser
            context = p.chromium.launch_persistent_context(
                str(profile), executable_path=CHROMIUM, headless=True, args=[*LOAD_CHROMIUM_ARGS, *extra_args],
                viewport={"width": 1400, "height": 1000})
            browser = context.browser
        try:
            pid = browser_pid()
            for n in range(1, tabs + 1):
                page = context.new_page()
                assets = watch_assets(page)
                tracing = trace is not None and n == trace_tab and browser is not None
                if tracing:
                    browser.start_tracing(page=page, path=str(trace), categories=TRACE_CATEGORIES)
                before = cpu_by_kind(pid)
                wall = load_map(page, url)
                after = cpu_by_kind(pid)
                if tracing:
                    browser.stop_tracing()
                cpu = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in ("renderer", "browser", "gpu", "other")}
                rows.append({"tab": n, "wall": wall, "cpu": cpu, "assets": dict(assets)})
        finally:
            context.close()
            if profile is None:
                browser.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tabs", type=int, default=5)
    ap.add_argument("--processed", type=Path, help="a built corpus (default: the sample, built now)")
    ap.add_argument("--trace", type=Path, help="write a Chromium trace of one tab here and summarise it")
    ap.add_argument("--disk-profile", action="store_true",
                    help="a browser profile on disk (HTTP and V8 code cache kept) instead of the load test's in-memory context")
    ap.add_argument("--chromium-arg", action="append", default=[], metavar="FLAG",
                    help="one more Chromium flag (repeatable), e.g. --chromium-arg=--process-per-site")
    ap.add_argument("--trace-tab", type=int, default=2, help="the tab traced (default 2)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="map_load_cpu_") as tmp:
        processed = args.processed
        if processed is None:
            from benchmarks.load_sessions import prepare_folders
            processed = prepare_folders(Path(tmp))[2]
        with AppServer(processed=processed, log=Path(tmp) / "st.log") as server:
            rows = run(server.url, args.tabs, args.trace, args.trace_tab,
                       Path(tmp) / "profile" if args.disk_profile else None, tuple(args.chromium_arg))
    print("tab  wall_s  cpu_s(total = renderer + browser + gpu + other)   assets (status, bytes, cached)")
    for r in rows:
        c = r["cpu"]
        assets = "  ".join(f"{k}:{v['status']},{v['bytes'] // 1000}kB{',cache' if v['cached'] else ''}"
                           for k, v in sorted(r["assets"].items()))
        print(f"{r['tab']:>3}  {r['wall']:6.2f}  {sum(c.values()):5.2f} = {c['renderer']:.2f} + {c['browser']:.2f}"
              f" + {c['gpu']:.2f} + {c['other']:.2f}   {assets}")
    later = [sum(r["cpu"].values()) for r in rows[1:]]
    if later:
        print(f"tabs 2-{len(rows)}: mean {sum(later) / len(later):.2f} CPU-s per tab Map load")
    first = rows[0]["assets"]
    for k, v in sorted(first.items()):
        print(f"  {k}: Cache-Control {v['cache-control']!r}, validators {'yes' if v['etag'] else 'no'}")
    if args.trace:
        print(f"renderer main thread, tab {args.trace_tab} (ms):")
        work = main_thread_work(args.trace)
        for name, ms in sorted(work.items(), key=lambda kv: (kv[0].startswith("eval "), -kv[1])):
            if ms >= 1:
                print(f"  {name:45s} {ms:7.1f}")


if __name__ == "__main__":
    main()
