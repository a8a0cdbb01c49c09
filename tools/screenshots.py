"""Screenshot every page of the dashboard at desktop, phone and presenter size.

    .venv/bin/python tools/screenshots.py [--out artifacts/screens] [--processed DIR]

Builds the shipped sample into a temporary folder (unless --processed names a corpus), starts
the dashboard as ``make run`` does, and writes ``<page>-<size>.png`` for the Overview, Map,
Actors × claims, Compare sources, Reader, Timeline and Actor network at 1440×900, 390×844 and 1920×1080 (presenter
size, ``?present=1``). Full-page shots; waits are for the page to be drawn, never fixed sleeps.
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
         "network": "/Network"}
SIZES = {"1440": (1440, 900, ""), "390": (390, 844, ""), "1920-present": (1920, 1080, "present=1")}
CHART = ".js-plotly-plot"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts" / "screens")
    ap.add_argument("--processed", type=Path, default=None)
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
            for size, (w, h, query) in SIZES.items():
                ctx = browser.new_context(viewport={"width": w, "height": h})
                page = ctx.new_page()
                for name, path in PAGES.items():
                    page.goto(server.url + path + (f"?{query}" if query else ""))
                    wait_app_idle(page, 60000)
                    if name in ("overview", "map", "matrix", "timeline", "network"):
                        page.wait_for_selector(CHART, timeout=60000)
                        wait_app_idle(page, 60000)
                    target = args.out / f"{name}-{size}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                ctx.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
