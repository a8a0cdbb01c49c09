"""Run the dashboard with `streamlit run` on 127.0.0.1 and drive it with headless Chromium.

Used by tests/test_browser.py and benchmarks/bench_dashboard.py. Waits are polls with a
deadline, never fixed sleeps.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("RIWAYA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def streamlit_bin() -> str:
    candidate = Path(sys.executable).with_name("streamlit")
    return str(candidate) if candidate.exists() else "streamlit"


class AppServer:
    """The dashboard as ``make run`` starts it (``serve.py``: ``streamlit run app.py`` plus a
    warm-up) on a free port of 127.0.0.1, with the given corpus folders."""

    def __init__(self, *, processed: Path | str, raw: Path | str | None = None,
                 codebook: Path | str | None = None, log: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env["RIWAYA_PROCESSED"] = str(processed)
        env["RIWAYA_RAW"] = str(raw) if raw else str(Path(processed) / "_no_raw_articles")
        if codebook:
            env["RIWAYA_CODEBOOK"] = str(codebook)
        self.env = env
        self.log_path = log
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0

    def start(self) -> "AppServer":
        log = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "serve.py"), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        return self

    def wait_healthy(self, timeout: float = 60.0) -> float:
        """Poll the health endpoint; seconds since start when it answered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc and self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started_at
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"streamlit did not answer on {self.url} within {timeout} s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def __enter__(self) -> "AppServer":
        self.start()
        self.wait_healthy()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


# Selectors of what "rendered" means
MAP_LAND = ".js-plotly-plot .geo path.land, .js-plotly-plot .geolayer .land path, .js-plotly-plot path.land"
MAP_POINTS = ".js-plotly-plot .scattergeo path.point"
MATRIX_POINTS = ".js-plotly-plot .scatterlayer path.point"


def wait_app_idle(page, timeout_ms: int = 30000, ready: str = "h1") -> None:
    """Wait until the page shows ``ready``, Streamlit has no script run in progress and every
    element has been drawn (no lazy-loading skeleton left)."""
    page.wait_for_function(
        """(sel) => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && app.getAttribute('data-test-connection-state') === 'CONNECTED'
                && document.querySelector(sel) !== null
                && document.querySelector('[data-testid="stSkeleton"]') === null;
        }""", arg=ready, timeout=timeout_ms)


def open_map(chromium, server, timeout_ms: int, *, query: str = "", ready: str = "h1",
             init_script: str | None = None):
    """A new tab (its own 1400×1000 context, ``init_script`` run in every page) at /Map
    ``query``, once the app is idle and the map's points are drawn; the context is closed when
    the map never comes. The caller closes ``page.context``."""
    page = chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        if init_script:
            page.add_init_script(init_script)
        page.goto(server.url + "/Map" + query)
        wait_app_idle(page, timeout_ms, ready=ready)
        page.wait_for_selector(MAP_POINTS, state="attached", timeout=timeout_ms)
    except Exception:
        page.context.close()
        raise
    return page


SIDEBAR_OPEN = """() => { const r = document.querySelector("[data-testid='stSidebar']")
    .getBoundingClientRect(); return r.width > 0 && r.right > 0; }"""


def sidebar(page, open_: bool, timeout_ms: int = 30000) -> None:
    """Open or close the sidebar (on a phone an open one covers the page). Streamlit often
    follows a change of width by itself (with an animation): wait for that first."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    want = f"() => ({SIDEBAR_OPEN})() === {str(open_).lower()}"
    try:
        page.wait_for_function(want, timeout=3000)
    except PlaywrightTimeout:
        button = ("[data-testid='stExpandSidebarButton']" if open_ else
                  "[data-testid='stSidebarCollapseButton']")
        page.locator(button).first.click(force=True)
        page.wait_for_function(want, timeout=timeout_ms)


def pick_option(page, box, text: str, timeout_ms: int = 30000, attempts: int = 3) -> None:
    """Choose the option holding ``text`` in the select box whose input is ``box``: focus it,
    type, wait until the filtered list shows the option first, press Enter, wait until the
    widget shows the choice. A list that a rerun of the page closed while typing (keys lost),
    or a lost Enter, is opened and typed into again, up to ``attempts`` times; Enter is never
    pressed on a list not yet filtered."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        box.scroll_into_view_if_needed()
        box.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
        try:
            page.wait_for_function(
                """(t) => { const o = document.querySelector('[role="option"]');
                            return o !== null && o.textContent.includes(t); }""",
                arg=text, timeout=timeout_ms // attempts)
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
            continue
        page.keyboard.press("Enter")
        # the choice has taken only when the widget shows it (an Enter typed while a rerun
        # redrew the list can be lost too): otherwise choose again
        try:
            page.wait_for_function(
                """([e, t]) => {
                    const w = e.closest('[data-testid="stSelectbox"],[data-testid="stMultiSelect"]');
                    if (w === null) return false;
                    if (w.innerText.includes(t)) return true;  // a multiselect's chip
                    // a select box shows its choice in its input, with the list closed
                    return e.value.includes(t)
                        && document.querySelector('[role="option"]') === null; }""",
                arg=[box.element_handle(), text], timeout=timeout_ms // attempts)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
