"""What one actor filter costs one tab (and the server), measured in a quiet single session.

The load benchmark (``benchmarks/load_sessions.py``) puts 20 tabs on 2 cores: there the
filter's wall time is mostly the other tabs' work, so this measures the work itself. One
server on the sample (a copy built into a temporary folder), one Chromium; ``--rounds``
sessions one after the other, each as session i of the load run: a fresh tab opens /Map, opens
the sidebar's actor list and chooses the i-th actor, then waits for the map redrawn. For each
step it prints the tab's main-thread seconds (CDP Performance metrics: all of it, its CPU
time, its script, layout and style), the elements the server sent and how many of them changed
since the tab's previous run, React's commits and re-rendered components and nodes (by
the element they are in: ``REACT_RENDERS_JS``), the map's last redraw (``chart.js``'s marks: data received to drawn), the
kB the tab received and the server's CPU seconds (``--trace``'s hook); with ``--profile`` the
choice's JavaScript self time by whose code it is (plotly.js, each file of Streamlit's
frontend, other) and its top functions; for the first session, the JavaScript files the tab
fetched for the page.

Usage: python benchmarks/filter_cost.py [--rounds 4] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load.browser_js import (ACTOR_BOX, ARM_JS, DONE_JS, IDLE_JS, REACT_RENDERS_JS,  # noqa: E402
                                        RENDERS_JS, RENDERS_RESET_JS)
from benchmarks.load.session import ACTOR_IDS, LOAD_CHROMIUM_ARGS, busy, count_ws, ws_bytes  # noqa: E402
from benchmarks.load.stats import read_trace  # noqa: E402
from benchmarks.load_sessions import load_actor_ids, prepare_folders, trace_server  # noqa: E402
from tests.dashboard_server import CHROMIUM, MAP_POINTS, AppServer  # noqa: E402

#: the map's last redraw: from its data received (a script run's element) to drawn
MAP_DRAW_JS = """() => { const d = performance.getEntriesByName('riwaya-map-data'),
  w = performance.getEntriesByName('riwaya-map-drawn');
  return d.length && w.length ? (w[w.length - 1].startTime - d[d.length - 1].startTime) / 1000 : null; }"""


def whose(url: str) -> str:
    """Whose code a profiled function is: plotly.js, Streamlit's frontend (and which of its
    files), the page's own."""
    if "plotly" in url:
        return "plotly.js"
    if "/static/js/" in url or "/static/static/" in url:
        return "streamlit:" + url.rsplit("/", 1)[-1].split(".")[0]
    return "other" if url else "native/gc"


def profile_summary(profile: dict, top: int = 8) -> str:
    """Self time of a CDP CPU profile by whose code, and its top functions; then the time
    spent under plotly.js or the chart component's code (whoever called them), the rest by
    whose code it is."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", ())}
    ticks = Counter(profile.get("samples", []))
    total_us = profile["endTime"] - profile["startTime"]
    per = total_us / max(1, len(profile.get("samples", [])))
    by_owner, by_fn, under = Counter(), Counter(), Counter()
    for node_id, count in ticks.items():
        frame = nodes[node_id]["callFrame"]
        if frame["functionName"] == "(idle)":
            continue
        by_owner[whose(frame["url"])] += count * per / 1e6
        by_fn[f"{frame['functionName'] or '(anon)'} [{whose(frame['url'])}]"] += count * per / 1e6
        under[_under(node_id, nodes, parent)] += count * per / 1e6
    owners = ", ".join(f"{k} {v:.3f}" for k, v in by_owner.most_common())
    fns = "; ".join(f"{k} {v:.3f}" for k, v in by_fn.most_common(top))
    inclusive = ", ".join(f"{k} {v:.3f}" for k, v in under.most_common())
    return f"    JS self s: {owners}\n    top: {fns}\n    under: {inclusive}"


def _under(node_id: int, nodes: dict, parent: dict) -> str:
    """Whose code a sample ran under: plotly.js or the chart component (``chart.js``, a blob
    module) anywhere on its stack, else its own code's owner."""
    leaf, at = whose(nodes[node_id]["callFrame"]["url"]), node_id
    while at is not None:
        url = nodes[at]["callFrame"]["url"]
        if "plotly" in url:
            return "plotly.js (incl.)"
        if url.startswith("blob:"):
            return "chart component (incl.)"
        at = parent.get(at)
    return leaf


async def one_session(browser, url: str, n: int, profile: bool, trace: Path) -> dict[str, dict]:
    """A fresh tab on /Map, then the ``n``-th actor chosen, as session ``n`` of the load run:
    what the map load, opening the actor list and choosing the actor (to the map redrawn)
    cost the tab and the server."""
    page = await (await browser.new_context(viewport={"width": 1400, "height": 1000})).new_page()
    count_ws(page)
    await page.add_init_script(REACT_RENDERS_JS)
    scripts: list[str] = []   # the JavaScript files the tab fetched, in order
    page.on("request", lambda r: scripts.append(r.url.rsplit("/", 1)[-1])
            if r.resource_type == "script" or r.url.endswith(".js") else None)
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Performance.enable")
    if profile:
        await cdp.send("Profiler.enable")
        await cdp.send("Profiler.setSamplingInterval", {"interval": 200})
    out: dict[str, dict] = {}
    runs = len(read_trace(trace)) if trace.exists() else 0
    mark = (0, {})

    async def done(phase: str, prof: dict | None = None) -> None:
        nonlocal runs, mark
        now = await busy(cdp)
        trace_runs = read_trace(trace) if trace.exists() else []
        out[phase] = {**{k: v - mark[1].get(k, 0.0) for k, v in now.items()},
                      "kb": (ws_bytes.get(id(page), 0) - mark[0]) / 1024,
                      "server": sum(r["cpu"] for r in trace_runs[runs:]),
                      "elements": sum(r["msgs"] for r in trace_runs[runs:]),
                      "changed": sum(r.get("changed", 0) for r in trace_runs[runs:]),
                      "kinds": _kinds(trace_runs[runs:]),
                      "changed_kinds": _kinds(trace_runs[runs:], "changed_kinds"),
                      "draw": await page.evaluate(MAP_DRAW_JS) or 0.0, "profile": prof,
                      **_renders(await page.evaluate(RENDERS_JS))}
        await page.evaluate(RENDERS_RESET_JS)
        runs, mark = len(trace_runs), (ws_bytes.get(id(page), 0), now)

    try:
        if profile:
            await cdp.send("Profiler.start")
        await page.goto(url + "/Map")
        await page.wait_for_selector(MAP_POINTS, state="attached", timeout=120_000)
        await page.wait_for_function(IDLE_JS, arg=ACTOR_BOX, timeout=120_000)
        await done("map load", (await cdp.send("Profiler.stop"))["profile"] if profile else None)
        out["map load"]["scripts"] = list(scripts)
        await page.locator(ACTOR_BOX).first.locator("input").click()
        options = page.locator("[role='option']").filter(has_not_text="Select all")
        await options.first.wait_for(timeout=120_000)
        await done("open list")
        option = options.nth(n % await options.count())
        actor = (await option.inner_text()).strip()
        if profile:
            await cdp.send("Profiler.start")
        await page.evaluate(ARM_JS, ACTOR_IDS.get(actor, ""))
        await option.click()
        await page.wait_for_function(DONE_JS, timeout=120_000)
        await done("choose", (await cdp.send("Profiler.stop"))["profile"] if profile else None)
        out["choose"]["actor"] = actor
    finally:
        await page.context.close()
    return out


async def measure(rounds: int, profile: bool, tmp: Path) -> None:
    from playwright.async_api import async_playwright

    raw, codebook, processed = prepare_folders(tmp)
    load_actor_ids(processed)
    trace = tmp / "runs.jsonl"
    server = AppServer(processed=processed, raw=raw, codebook=codebook, log=tmp / "streamlit.log")
    trace_server(server, trace)
    rows: list[dict[str, dict]] = []
    with server:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LOAD_CHROMIUM_ARGS)
            try:
                for n in range(rounds):
                    rows.append(await one_session(browser, server.url, n, profile, trace))
                    print(f"session {n + 1} ({rows[-1]['choose']['actor'][:30]})")
                    for phase, got in rows[-1].items():
                        print(f"  {phase:10s} {_line(got)}")
                        if n == 0 and got.get("scripts"):
                            print(f"    scripts fetched ({len(got['scripts'])}): {', '.join(got['scripts'])}")
                        if got["profile"]:
                            print(profile_summary(got["profile"]))
            finally:
                await browser.close()
    for phase in ("map load", "open list", "choose"):
        print(f"median {phase:10s} {_line({k: statistics.median(r[phase][k] for r in rows) for k in _KEYS})}")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


_KEYS = ("busy", "cpu", "script", "layout", "style", "draw", "kb", "server", "elements", "changed",
         "commits", "renders")


def _renders(got: dict) -> dict:
    """React's commits and re-rendered components and nodes (REACT_RENDERS_JS), in all and by
    where they are (the data-testid above them)."""
    by = Counter(got["renders"])
    return {"commits": got["commits"], "renders": sum(by.values()),
            "where": ", ".join(f"{k} {v}" for k, v in by.most_common(12))}


def _kinds(runs: list[dict], field: str = "kinds") -> str:
    """The messages the server's runs sent, by kind: "markdown 12, plotly 1, ..."; with
    ``field`` "changed_kinds", those that differ from the session's previous run."""
    total = Counter()
    for r in runs:
        total.update({k: v[0] if isinstance(v, list) else v for k, v in r.get(field, {}).items()})
    return ", ".join(f"{k} {v}" for k, v in total.most_common())


def _line(got: dict) -> str:
    return (f"tab busy {got['busy']:.3f} s, CPU {got['cpu']:.3f} s (script {got['script']:.3f}, layout {got['layout']:.3f}, "
            f"style {got['style']:.3f}); map drawn in {got['draw']:.3f} s; {got['kb']:.0f} kB; "
            f"server CPU {got['server']:.3f} s, {got['elements']:.0f} elements"
            + (f" ({got['kinds']})" if got.get("kinds") else "")
            + f", {got['changed']:.0f} changed" + (f" ({got['changed_kinds']})" if got.get("changed_kinds") else "")
            + f"; React: {got['commits']:.0f} commits, {got['renders']:.0f} renders"
            + (f" ({got['where']})" if got.get("where") else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=4, help="sessions, one after the other (default 4)")
    ap.add_argument("--profile", action="store_true", help="the tab's JS self time by owner")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(measure(args.rounds, args.profile, Path(tmp)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
