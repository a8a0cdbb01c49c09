"""The review loop in real Chromium, on the real ``serve.py`` and a copy of the bundled sample
built by the real pipeline: confirm, reject and correct under the evidence cards, add a statement
in the Reader; then ``python -m riwaya build`` into the same folder with the article changed (its
sentences renumbered), reload: the decisions are still there and the matrix reflects them; and
``python -m riwaya review export`` gives golden data ``python -m riwaya evaluate`` scores.

Screenshots (1440×900 and 390×844) go to artifacts/review-*.png. Waits are for elements or
states, never fixed sleeps. Select with ``-m browser``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from riwaya.pipeline.store import query
from riwaya.review import ReviewStore
from riwaya.review.forms import widget_key
from tests.dashboard_server import (ROOT, AppServer, launch_browser, pick_option, sidebar,
                                    wait_app_idle)

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts"
WAIT_MS = 45_000
READY = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"
DOC = "004_13bec49e8167a521"
# the sample's statements decided on: (statement id in the first build, matrix cell)
CONFIRM = (f"{DOC}:5:8", "COALITION|COALITION_PARTY_TO_DEAL")       # COALITION denies
REJECT = (f"{DOC}:0:0", "UNATTRIBUTED|RAQQA_DEAL")                  # «قيل …»
CORRECT = (f"{DOC}:4:7", "WESTERN_OFFICIAL|COALITION_PARTY_TO_DEAL")  # concedes -> asserts
ADD_SENTENCE = 10                                                   # nothing found there
NEW_SPEAKER = "مراسل نيوزويك"
INSERTED = "وأضاف مصدر محلي أن الوضع في المدينة هادئ منذ أيام."


def riwaya(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "riwaya", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env={**os.environ, "RIWAYA_REVIEWER": "browser"})


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("review-browser")
    raw = Path(shutil.copytree(ROOT / "data" / "raw", root / "raw"))
    codebook = Path(shutil.copytree(ROOT / "data" / "codebook", root / "codebook"))
    out = root / "processed"
    done = riwaya("build", "--raw", str(raw), "--codebook", str(codebook), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return raw, codebook, out


@pytest.fixture(scope="module")
def server(folders):
    raw, codebook, out = folders
    ARTIFACTS.mkdir(exist_ok=True)
    old = os.environ.get("RIWAYA_REVIEWER")
    os.environ["RIWAYA_REVIEWER"] = "browser"
    try:
        with AppServer(processed=out, raw=raw, codebook=codebook,
                       log=ARTIFACTS / "streamlit-review-browser.log") as srv:
            yield srv
    finally:
        os.environ.pop("RIWAYA_REVIEWER") if old is None else os.environ.update(RIWAYA_REVIEWER=old)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_browser(p)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        pg = context.new_page()
        try:
            yield pg
        finally:
            browser.close()


def open_(page, server, path: str):
    page.goto(server.url + path)
    wait_app_idle(page, WAIT_MS, ready=READY)
    assert page.locator("[data-testid='stException']").count() == 0
    return page


def settle(page) -> None:
    wait_app_idle(page, WAIT_MS, ready=READY)


def shot(page, name: str, locator=None) -> Path:
    """A screenshot of the viewport with ``locator`` scrolled into view, at 1440×900 and at
    390×844 (sidebar closed)."""
    paths = []
    for w, h in ((1440, 900), (390, 844)):
        page.set_viewport_size({"width": w, "height": h})
        sidebar(page, w > 400)
        settle(page)
        if locator is not None:
            locator.scroll_into_view_if_needed()
        path = ARTIFACTS / f"{name}-{w}.png"
        page.screenshot(path=str(path))
        paths.append(path)
    page.set_viewport_size({"width": 1440, "height": 900})
    sidebar(page, True)
    settle(page)
    return paths[0]


def card(page, statement_id: str):
    box = page.locator(f".st-key-review_{widget_key(statement_id)}")
    box.wait_for(timeout=WAIT_MS)
    return box


def click(page, selector: str) -> None:
    page.locator(f"{selector} button").first.click()


def choose(page, key: str, text: str) -> None:
    """Type into a selectbox (``key``) and take the first match (or the new option typed)."""
    pick_option(page, page.locator(f".st-key-{key} input"), text, WAIT_MS)


def matrix_cells(page) -> dict[tuple[str, str], str]:
    """{(actor id, claim id): trace name (the stance)} of the drawn matrix."""
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", state="attached", timeout=WAIT_MS)
    data = page.evaluate("""() => Array.from(document.querySelector('.js-plotly-plot').data || [])
        .map(t => [t.name, Array.from(t.customdata || [])])""")
    return {(c[0], c[1]): name for name, custom in data for c in custom if isinstance(c, list)}


def test_confirm_reject_correct_add_rebuild_and_export(page, server, folders, tmp_path):
    raw, codebook, out = folders
    store = ReviewStore(out / "review.duckdb")

    # ---- confirm
    open_(page, server, f"/Actors_x_claims?cell={CONFIRM[1]}")
    box = card(page, CONFIRM[0])
    click(page, f".st-key-review_confirm_{widget_key(CONFIRM[0])}")
    box.locator(".riwaya-review[data-review='confirmed']").wait_for(timeout=WAIT_MS)
    notice = page.locator(".st-key-review_notice_matrix")
    notice.wait_for(timeout=WAIT_MS)
    assert "Stored: confirmed" in notice.inner_text() and "by browser" in box.inner_text()
    shot(page, "review-evidence-card", box)

    # ---- reject
    open_(page, server, f"/Actors_x_claims?cell={REJECT[1]}")
    quote = query(out, "SELECT quote FROM statements WHERE statement_id = ?", [REJECT[0]])["quote"][0]
    card(page, REJECT[0])
    click(page, f".st-key-review_reject_{widget_key(REJECT[0])}")
    page.locator(".st-key-review_notice_matrix .riwaya-review[data-review='rejected']").wait_for(timeout=WAIT_MS)
    page.locator(f".st-key-review_{widget_key(REJECT[0])}").wait_for(state="detached", timeout=WAIT_MS)
    assert quote not in page.inner_text("[data-testid='stMain']")

    # ---- correct: concedes -> asserts, with a note
    open_(page, server, f"/Actors_x_claims?cell={CORRECT[1]}")
    assert matrix_cells(page)[tuple(CORRECT[1].split("|"))] == "concedes"
    k = widget_key(CORRECT[0])
    box = card(page, CORRECT[0])
    click(page, f".st-key-review_correct_{k}")
    page.locator(f".st-key-review_fix_stance_{k}").wait_for(timeout=WAIT_MS)
    choose(page, f"review_fix_stance_{k}", "asserts")
    page.locator(f".st-key-review_fix_note_{k} input").fill("he describes the deal, he does not concede it")
    shot(page, "review-correct-form", box)
    click(page, f".st-key-review_fix_save_{k}")
    box.locator(".riwaya-review[data-review='corrected']").wait_for(timeout=WAIT_MS)
    settle(page)
    assert matrix_cells(page)[tuple(CORRECT[1].split("|"))] == "asserts"

    # ---- add, in the Reader, with a speaker the codebook lacks (typed in)
    open_(page, server, f"/Reader?doc={DOC}&sent={ADD_SENTENCE}")
    k = widget_key(DOC)
    form = page.locator(f".st-key-review_add_{k}")
    form.locator("summary").click()
    page.locator(f".st-key-review_add_actor_{k}").wait_for(timeout=WAIT_MS)
    choose(page, f"review_add_actor_{k}", NEW_SPEAKER)
    choose(page, f"review_add_claim_{k}", "Foreign fighters")
    choose(page, f"review_add_stance_{k}", "asserts")
    shot(page, "review-reader-add", form)
    page.get_by_role("button", name="Add the statement").click()
    page.locator(".st-key-review_notice_reader .riwaya-review[data-review='added']").wait_for(timeout=WAIT_MS)
    assert NEW_SPEAKER in page.inner_text(".st-key-review_notice_reader")
    shot(page, "review-reader-added", page.locator(".st-key-review_notice_reader"))

    d = store.decisions()
    assert sorted(d["action"]) == ["add", "confirm", "correct", "reject"]
    assert set(d["reviewer"]) == {"browser"}
    assert f"UNK:{NEW_SPEAKER}" in set(d["actor_id"])

    # ---- the article changes (a new second sentence: every later id moves) and is rebuilt
    article = raw / f"{DOC}.txt"
    first, rest = article.read_text(encoding="utf-8").split("\n", 1)
    article.write_text(f"{first}\n{INSERTED}\n{rest}", encoding="utf-8")
    done = riwaya("build", "--raw", str(raw), "--codebook", str(codebook), "--out", str(out))
    assert done.returncode == 0, done.stderr
    moved = query(out, "SELECT sentence_id FROM sentences WHERE doc_id = ? AND text LIKE ?",
                  [DOC, "وقال التحالف الدولي في رده%"])["sentence_id"][0]
    assert moved == 6 and store.path.exists()

    # ---- reload: the decisions are still there and the matrix reflects them
    open_(page, server, f"/Actors_x_claims?cell={CONFIRM[1]}")
    page.locator(".riwaya-review[data-review='confirmed']").first.wait_for(timeout=WAIT_MS)
    cells = matrix_cells(page)
    assert cells[tuple(CORRECT[1].split("|"))] == "asserts"
    assert cells.get((f"UNK:{NEW_SPEAKER}", "FOREIGN_FIGHTERS_ESCAPED")) == "asserts"
    open_(page, server, f"/Actors_x_claims?cell={REJECT[1]}")
    page.locator(".riwaya-quote").first.wait_for(timeout=WAIT_MS)
    assert quote not in page.inner_text("[data-testid='stMain']")
    open_(page, server, f"/Actors_x_claims?cell={CORRECT[1]}")
    page.locator(".riwaya-review[data-review='corrected']").first.wait_for(timeout=WAIT_MS)
    open_(page, server, f"/Actors_x_claims?cell=UNK:{NEW_SPEAKER}|FOREIGN_FIGHTERS_ESCAPED")
    page.locator(".riwaya-review[data-review='added']").first.wait_for(timeout=WAIT_MS)
    shot(page, "review-after-rebuild", page.locator(".riwaya-review[data-review='added']").first)

    # ---- the export scores with evaluate
    golden = tmp_path / "golden"
    done = riwaya("review", "export", "--out", str(out), "--golden", str(golden))
    assert done.returncode == 0 and "3 golden statement(s)" in done.stdout, done.stdout + done.stderr
    done = riwaya("evaluate", "--out", str(out), "--golden", str(golden), "--json")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert report["documents"] == [DOC] and report["n_golden"] == 3
    matched = {(m["actor_id"], m["claim_id"]) for m in report["matched"]}
    assert ("COALITION", "COALITION_PARTY_TO_DEAL") in matched          # the confirmed one
    assert {(m["actor_id"], m["claim_id"]) for m in report["misses"]} >= {
        (f"UNK:{NEW_SPEAKER}", "FOREIGN_FIGHTERS_ESCAPED")}             # the machine missed it
