"""Screenshot every page of the dashboard at desktop, phone and presenter size.

    .venv/bin/python tools/screenshots.py [--out artifacts/screens] [--processed DIR]
                                          [--pages map matrix ...] [--sizes 1440 390 1920-present]

Builds the shipped sample into a temporary folder (unless --processed names a corpus), starts
the dashboard as ``make run`` does, and writes ``<page>-<size>.png`` for the Overview, Map,
Actors × claims, Compare sources, Reader, Timeline, Actor network, Search, Add articles and
Codebook at 1440×900, 390×844 and 1920×1080 (presenter
size, ``?present=1``). Whole-page shots (the window is made as tall as the page: Streamlit
scrolls inside its own container); waits are for the page to be drawn, never fixed sleeps.
``--pages`` and ``--sizes`` shoot a part.
Look at every PNG after a change to the UI.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from dashboard_server import AppServer, launch_browser, wait_app_idle  # noqa: E402

PAGES = {"overview": "/", "map": "/Map", "matrix": "/Actors_x_claims",
         "compare": "/Compare_sources", "reader": "/Reader", "timeline": "/Timeline",
         "network": "/Network", "search": "/Search", "add-articles": "/Add_articles",
         "codebook": "/Codebook"}
SIZES = {"1440": (1440, 900, ""), "390": (390, 844, ""), "1920-present": (1920, 1080, "present=1")}
CHART = ".js-plotly-plot"


#: how tall the app's content is: Streamlit scrolls inside its own container, so a "full page"
#: screenshot sees one screen unless the window is made that tall
CONTENT_HEIGHT = """() => Math.max(...['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]']
    .map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))"""


def whole_page(page, width: int, height: int, *, most: int = 12000) -> None:
    """Make the window as tall as the page's content (at most ``most`` px) and wait for the
    app to settle at that size (charts redraw when the window changes)."""
    tall = min(max(int(page.evaluate(CONTENT_HEIGHT)), height), most)
    if tall > height:
        page.set_viewport_size({"width": width, "height": tall})
        page.wait_for_function(f"() => window.innerHeight === {tall}")
        wait_app_idle(page, 60000)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts" / "screens")
    ap.add_argument("--processed", type=Path, default=None)
    ap.add_argument("--pages", nargs="+", choices=sorted(PAGES), default=list(PAGES),
                    help="only these pages (default: all)")
    ap.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=list(SIZES),
                    help="only these sizes (default: all)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        processed = args.processed
        if processed is None:
            from riwaya.pipeline.build import build_corpus

            processed = Path(tmp) / "processed"
            build_corpus(ROOT / "data" / "raw", ROOT / "data" / "codebook", processed)
        from playwright.sync_api import sync_playwright

        with AppServer(processed=processed, raw=ROOT / "data" / "raw",
                       log=args.out / "streamlit.log") as server, sync_playwright() as p:
            browser = launch_browser(p)
            for size in args.sizes:
                w, h, query = SIZES[size]
                ctx = browser.new_context(viewport={"width": w, "height": h})
                page = ctx.new_page()
                for name in args.pages:
                    path = PAGES[name]
                    page.goto(server.url + path + (f"?{query}" if query else ""))
                    wait_app_idle(page, 60000)
                    if name in ("overview", "map", "matrix", "timeline", "network"):
                        page.wait_for_selector(CHART, timeout=60000)
                        wait_app_idle(page, 60000)
                    target = args.out / f"{name}-{size}.png"
                    whole_page(page, w, h)
                    page.screenshot(path=str(target), full_page=True)
                    page.set_viewport_size({"width": w, "height": h})
                    print(target)
                ctx.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
