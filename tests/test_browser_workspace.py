"""Bring your own event, in real Chromium (issue 11's "done when"), on the real ``serve.py``:
create a workspace, upload a zip of mixed files (txt, html, csv, a duplicate, a broken file),
see each file's result, add an actor and a claim defined by two example sentences, and see the
new statements in the Actors × claims matrix without leaving the browser; reload: all is there.

Every folder is temporary (``RIWAYA_WORKSPACES`` and the sample's folders): nothing is written
into ``data/``. The builds are the real pipeline. Screenshots go to artifacts/workspace-*.png.
Waits are for elements or states, never fixed sleeps. Select with ``-m browser``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from components.upload import mapping_key
from tests.dashboard_server import ROOT, AppServer, pick_option, wait_app_idle

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts"
WAIT_MS = 60_000
BUILD_MS = 420_000          # real builds (the sentence encoder) on a shared, loaded machine
WS = "flood"
ARTICLE = "سيول في المدينة\n\nأكدت هيئة المياه أن السد على وشك الانهيار.\nوطلبت الهيئة من السكان الابتعاد عن مجرى النهر.\n"
PAGE = """<html><head><title>تحذير من انهيار السد</title></head><body>
<nav>الرئيسية | أخبار | رياضة</nav>
<article><h1>تحذير من انهيار السد</h1>
<p>أعلنت هيئة المياه أن جدران السد تتشقق وقد تنهار خلال أيام، داعية الأهالي إلى الابتعاد عن مجرى النهر.</p>
<p>وتشهد المنطقة منذ أسبوع أمطارا غزيرة لم تعرفها منذ عقود، وارتفع منسوب المياه في البحيرة إلى مستوى قياسي.</p>
<p>وقال سكان في القرى القريبة إنهم بدأوا نقل أمتعتهم إلى المرتفعات تحسبا لأي طارئ.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""
FEED = ("headline,body,site,published\n"
        "نشرة,قالت مصادر محلية إن المياه غمرت الطريق الرئيسي.,Epsilon,2026-11-22\n")
TABLE = ("title,text,source,date\n"
         "تحذير جديد,حذرت هيئة المياه من أن السد على وشك الانهيار.,Gamma Daily,2026-11-20\n"
         "الطقس,يتوقع أن تتوقف الأمطار نهاية الأسبوع المقبل بحسب الأرصاد.,Delta News,2026-11-21\n")


def mixed_zip() -> bytes:
    """txt, html, csv (two rows), a duplicate of the txt, a broken .docx and ../x.txt."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("dam.txt", ARTICLE)
        z.writestr("warning.html", PAGE)
        z.writestr("more.csv", TABLE)
        z.writestr("copies/dam-copy.txt", ARTICLE)
        z.writestr("broken.docx", b"this is not a Word file")
        z.writestr("../x.txt", ARTICLE + "خارج المجلد")     # climbs out of the folder: refused
    return buf.getvalue()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace-browser")
    ARTIFACTS.mkdir(exist_ok=True)
    srv = AppServer(processed=root / "sample-processed", raw=root / "sample-raw",
                    log=ARTIFACTS / "streamlit-workspace-browser.log")
    srv.env["RIWAYA_WORKSPACES"] = str(root / "workspaces")
    srv.env["RIWAYA_CACHE"] = str(root / "cache")
    with srv:
        srv.root = root
        yield srv


@pytest.fixture(scope="module")
def page(server, chromium):
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def settle(page, ready: str = "h1") -> None:
    wait_app_idle(page, WAIT_MS, ready=ready)
    assert page.locator("[data-testid='stException']").count() == 0


def go(page, label: str, title: str, attempts: int = 2) -> None:
    """Follow the sidebar's link to a page (in the same browser session) and wait for it. A
    click that lands while the page reruns itself (its build just ended) can be lost: then it
    is made again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        page.locator("[data-testid='stSidebar'] a", has_text=label).first.click()
        try:
            page.wait_for_function(
                "(t) => [...document.querySelectorAll('h1')].some(h => h.innerText.includes(t))",
                arg=title, timeout=WAIT_MS)
            break
        except PlaywrightTimeout:
            shot(page, f"failed-{title.split()[0].lower()}")   # what the page showed instead
            if attempt == attempts - 1:
                raise
    settle(page)


def fill(page, key: str, text: str) -> None:
    box = page.locator(f".st-key-{key} input, .st-key-{key} textarea").first
    box.fill(text)


def wait_text(page, text: str, timeout: int = WAIT_MS, where: str = "[data-testid='stMain']") -> None:
    page.wait_for_function("([w, t]) => (document.querySelector(w)?.innerText || '').includes(t)",
                           arg=[where, text], timeout=timeout)


def matrix_cells(page) -> dict[tuple[str, str], str]:
    data = page.evaluate("""() => Array.from(document.querySelector('.js-plotly-plot')?.data || [])
        .map(t => [t.name, Array.from(t.customdata || [])])""")
    return {(c[0], c[1]): name for name, custom in data for c in custom if isinstance(c, list)}


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"workspace-{name}.png"), full_page=True)


def test_bring_your_own_event(page, server, tmp_path):
    page.goto(server.url)
    settle(page)

    # ---- a new, empty workspace; the URL names it
    page.get_by_role("button", name="New workspace").click()
    fill(page, "workspace_new_name", WS)
    page.locator(".st-key-workspace_new_create button").click()
    page.wait_for_url(f"**ws={WS}**", timeout=WAIT_MS)
    settle(page)
    page.keyboard.press("Escape")   # close the popover
    assert (server.root / "workspaces" / WS / "codebook").is_dir()

    # ---- upload a zip of mixed files: each file's result
    go(page, "Add articles", "Add articles")
    upload, feed = tmp_path / "event.zip", tmp_path / "feed.csv"
    upload.write_bytes(mixed_zip())
    feed.write_text(FEED, encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(upload), str(feed)])
    # a table file: its columns mapped in a form, proposed from the header
    text_column = page.locator(f".st-key-{mapping_key('feed.csv', 'text')} input")
    text_column.wait_for(timeout=WAIT_MS)
    assert text_column.input_value() == "body"
    assert page.locator(f".st-key-{mapping_key('feed.csv', 'outlet')} input").input_value() == "site"
    page.locator(".st-key-upload_add button:not([disabled])").wait_for(timeout=WAIT_MS)
    page.locator(".st-key-upload_add button").click()
    results = page.locator(".st-key-upload_results table")
    results.wait_for(timeout=WAIT_MS)
    rows = {r.locator("th").first.inner_text().strip(): r.inner_text()
            for r in results.locator("tbody tr").all()}
    shot(page, "upload-results")
    by_name = {k.split("/")[-1]: v for k, v in rows.items()}
    assert "added" in next(v for k, v in by_name.items() if k.startswith("dam.txt"))
    assert "added" in next(v for k, v in by_name.items() if k.startswith("warning.html"))
    assert sum("added" in v for k, v in rows.items() if "more.csv" in k) == 2
    assert "duplicate of" in next(v for k, v in by_name.items() if k.startswith("dam-copy.txt"))
    broken = next(v for k, v in by_name.items() if k.startswith("broken.docx"))
    assert "skipped" in broken and len(broken.split("skipped", 1)[1].strip()) > 5   # and why
    climbing = next(v for k, v in rows.items() if "x.txt" in k)
    assert "skipped" in climbing and ".." in climbing
    assert not (server.root / "workspaces" / WS / "x.txt").exists()
    assert "added" in rows["feed.csv row 1"] and "Epsilon" in rows["feed.csv row 1"]
    # the corpus is built in the background with progress, then the page shows it
    wait_text(page, "up to date", BUILD_MS)

    # ---- an actor and a claim defined by two example sentences
    go(page, "Codebook", "Codebook")
    fill(page, "cb_actor_name_en", "Water Authority")
    fill(page, "cb_actor_name_ar", "هيئة المياه")
    fill(page, "cb_actor_aliases", "هيئة المياه\nالهيئة")
    pick_option(page, page.locator(".st-key-cb_actor_kind input"), "organis", WAIT_MS)
    page.locator(".st-key-cb_actor_save button").click()
    wait_text(page, "Saved actor WATER_AUTHORITY")
    settle(page)
    page.locator("[data-testid='stRadio'] label", has_text="Claims").click()
    page.locator(".st-key-cb_claim_statement_en").wait_for(timeout=WAIT_MS)
    settle(page)
    fill(page, "cb_claim_statement_en", "The dam is about to collapse.")
    fill(page, "cb_claim_label_en", "Dam about to collapse")
    fill(page, "cb_claim_examples", "السد على وشك الانهيار\nجدران السد تتشقق وقد تنهار خلال أيام")
    shot(page, "codebook-claim")
    page.locator(".st-key-cb_claim_save button").click()
    wait_text(page, "Saved claim DAM_ABOUT_TO_COLLAPSE")
    settle(page)

    # ---- the matrix shows the new statements once the background build is done
    go(page, "Actors × claims", "Actors × claims")
    try:
        page.wait_for_function(
            """() => Array.from(document.querySelector('.js-plotly-plot')?.data || [])
                  .some(t => Array.from(t.customdata || []).some(c => Array.isArray(c)
                        && c[0] === 'WATER_AUTHORITY' && c[1] === 'DAM_ABOUT_TO_COLLAPSE'))""",
            timeout=BUILD_MS)
    except Exception:
        shot(page, "matrix-timeout")     # what the page showed instead, for the failure's reader
        raise
    settle(page)
    assert matrix_cells(page)[("WATER_AUTHORITY", "DAM_ABOUT_TO_COLLAPSE")] == "asserts"
    shot(page, "matrix")

    # ---- reload: the workspace, its articles, codebook and statements are all still there
    page.reload()
    settle(page)
    assert f"ws={WS}" in page.url
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", state="attached", timeout=WAIT_MS)
    assert matrix_cells(page)[("WATER_AUTHORITY", "DAM_ABOUT_TO_COLLAPSE")] == "asserts"
    assert page.locator(".st-key-workspace input").input_value() == WS
