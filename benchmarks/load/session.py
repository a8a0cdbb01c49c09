"""One reader's session of the load benchmark: open the Map, wait for its points, choose an
actor in the sidebar, wait for the result, look for errors; what the tab cost meanwhile."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from benchmarks.load.browser_js import (ACTOR_BOX, ARM_JS, CHIPS, CHOSEN_JS, DONE_JS, ERRORS, IDLE_JS,
                                        RENDERS_JS, RENDERS_RESET_JS, STUCK_JS, TOOK_JS)
from tests.dashboard_server import CHROMIUM_ARGS, MAP_POINTS

TIMEOUT_MS = 240_000
#: Each session stands for a reader looking at their own tab: as a foreground tab, its timers
#: and renderer are not slowed the way Chromium slows tabs in the background (measured: every
#: tab reports visibilityState "visible" in headless mode; these keep it so for the renderer's
#: priority too).
LOAD_CHROMIUM_ARGS = [*CHROMIUM_ARGS, "--disable-background-timer-throttling",
                      "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"]
#: A click on an option can be lost in the browser (measured once per 20-session run: the tab's
#: multiselect took no value, so no script run was ever requested and the server's trace shows
#: none): the pick is checked by the chip it draws, and made again when no chip came.
PICK_ATTEMPTS, PICK_MS = 3, 30_000
#: the tab's main-thread seconds (CDP Performance metrics) kept per filter: all of it, and
#: its JavaScript, layout and style recalculation (wall time of its tasks, so they grow when
#: other processes take the cores); ``cpu``: the main thread's CPU seconds (ThreadTime),
#: which a busy machine inflates far less
BUSY_METRICS = {"TaskDuration": "busy", "ScriptDuration": "script", "LayoutDuration": "layout",
                "RecalcStyleDuration": "style", "ThreadTime": "cpu"}


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
    filter_parts: dict[str, float] = field(default_factory=dict)  # ... of which script, layout, style
    repicks: int = 0            # picks of the actor that did not take (no chip) and were made again
    filter_commits: int | None = None   # React commits from the choice to its result (``--renders``)
    filter_renders: int | None = None   # ... and the components and nodes they re-rendered


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


async def errors_on(page) -> list[str]:
    found = []
    for el in await page.query_selector_all(ERRORS):
        found.append((await el.inner_text())[:200])
    body = await page.inner_text("body")
    if "build failed" in body.lower():
        found.append("a build failed message")
    return found


async def busy(cdp) -> dict[str, float]:
    """Seconds the tab's renderer main thread has been busy so far (CDP Performance metrics):
    ``busy`` (TaskDuration), and of it ``script``, ``layout``, ``style``."""
    metrics = (await cdp.send("Performance.getMetrics"))["metrics"]
    return {BUSY_METRICS[m["name"]]: m["value"] for m in metrics if m["name"] in BUSY_METRICS}


async def busy_s(cdp) -> float:
    """Seconds the tab's renderer main thread has been busy so far (CDP TaskDuration)."""
    return (await busy(cdp)).get("busy", 0.0)


async def pick_actor(s: Session, page, cdp) -> tuple[int, dict[str, float]]:
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
        armed = ws_bytes.get(id(page), 0), await busy(cdp)
        await page.evaluate(ARM_JS, ACTOR_IDS.get(s.actor, ""))
        await page.evaluate(RENDERS_RESET_JS)   # counted only with REACT_RENDERS_JS (--renders)
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
    """Map load, then actor filter, then errors shown; a failure is counted in ``s.errors``."""
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
        received, before = await pick_actor(s, page, cdp)
        try:
            await page.wait_for_function(DONE_JS, timeout=TIMEOUT_MS)
        except Exception:
            s.errors.append(f"filter never done; the page shows {await page.evaluate(STUCK_JS, CHIPS)}")
            return
        s.filter_s, s.filter_runs, s.filter_draws, s.hidden, s.map_kept = await page.evaluate(TOOK_JS)
        s.filter_kb = (ws_bytes.get(id(page), 0) - received) / 1024
        after = await busy(cdp)
        s.filter_parts = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in after}
        s.filter_cpu = s.filter_parts.get("busy", 0.0)
        got = await page.evaluate(RENDERS_JS)
        if await page.evaluate("() => window.__REACT_DEVTOOLS_GLOBAL_HOOK__?.onCommitFiberRoot !== undefined"):
            s.filter_commits, s.filter_renders = got["commits"], sum(got["renders"].values())
        await page.keyboard.press("Escape")
        s.errors += await errors_on(page)
    except Exception as exc:  # noqa: BLE001 - a session's failure is counted, not fatal
        s.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
