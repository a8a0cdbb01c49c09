"""A briefing's HTML printed to PDF by Chromium (the one Playwright drives for the browser
tests; ``RIWAYA_CHROMIUM``). Chromium shapes Arabic and lays it out right to left as the
browser shows it, and draws the plotly charts with the bundle the HTML carries (no network).

Playwright's sync API refuses to run inside a running asyncio loop, so the printing runs in a
thread of its own: the same call works from the command line and from a Streamlit script.
"""

from __future__ import annotations

import threading
from pathlib import Path

from riwaya.config import chromium_path
from riwaya.errors import ExportError

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
#: the width charts are drawn at before printing: A4 less the margins, at 96 dpi
PRINT_WIDTH_PX = 700


def html_to_pdf(html: str, *, timeout_s: float = 90.0) -> bytes:
    """The PDF (A4) of the self-contained HTML document ``html``, once its charts are drawn."""
    if not isinstance(html, str):
        raise TypeError(f"html_to_pdf: expected the HTML as str, got {type(html).__name__}")
    executable = chromium_path()
    if not Path(executable).exists():
        raise ExportError(f"no Chromium at {executable} to print the PDF: install Debian's "
                          f"chromium or set RIWAYA_CHROMIUM (the HTML briefing needs none)")
    out: dict[str, object] = {}

    def work() -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=executable, headless=True, args=ARGS)
                try:
                    page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1000})
                    page.set_content(html, wait_until="load", timeout=timeout_s * 1000)
                    page.wait_for_function("() => document.body.dataset.charts !== undefined "
                                           "|| document.querySelector('.riwaya-chart') === null",
                                           timeout=timeout_s * 1000)
                    out["pdf"] = page.pdf(format="A4", print_background=True,
                                          margin={"top": "14mm", "bottom": "14mm", "left": "12mm",
                                                  "right": "12mm"})
                finally:
                    browser.close()
        except Exception as exc:  # reported to the caller's thread
            out["error"] = exc

    thread = threading.Thread(target=work, name="riwaya-pdf", daemon=True)
    thread.start()
    thread.join(timeout_s + 30)
    if thread.is_alive():
        raise ExportError(f"printing the PDF took more than {timeout_s + 30:.0f} s")
    if "error" in out:
        raise ExportError(f"printing the PDF with {executable} failed: {out['error']}")
    return out["pdf"]  # type: ignore[return-value]
