"""Briefing export: the sample story as one self-contained HTML file that Chromium opens offline
(charts drawn, filter and quotes shown), and as a PDF printed by Chromium (pages rendered to PNG
in artifacts/ to be looked at; its text holds the glosses and the Arabic quotes). Also
``python -m riwaya briefing``."""

from __future__ import annotations

import re
import unicodedata

import pytest

from components import briefing
from riwaya.cli import main
from riwaya.dashboard import briefing as b
from riwaya.dashboard import story as stories
from riwaya.dashboard.corpus import prepare
from riwaya.pipeline.store import load_corpus
from tests.conftest import ROOT

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="module")
def sample(sample_build):
    return prepare(load_corpus(sample_build.out))


@pytest.fixture(scope="module")
def story_briefing(sample):
    story = stories.load_story(ROOT / "data" / "stories", "sample")
    specs = [briefing.spec_from_params(sample, f"Step {i + 1}", s.params, s.caption)
             for i, s in enumerate(story.steps)]
    return story, briefing.build(sample, specs, title=story.title, where="sample")


def test_every_step_is_a_section_with_its_filter_charts_and_quotes(sample, story_briefing):
    story, brief = story_briefing
    assert [s.caption for s in brief.sections] == [s.caption for s in story.steps]
    # the filter in the words the pages use: the claim's label, the cell as the matrix names it
    assert brief.sections[1].filter_text.startswith(
        f"claim: {sample.claim_short('VIDEO_GAME')}; cell: Russian Ministry of Defence")
    assert "VIDEO_GAME" not in brief.sections[1].filter_text
    assert list(brief.sections[1].evidence["actor_id"]) == ["RU_MOD"]
    last = brief.sections[3]
    assert set(last.evidence["actor_id"]) == {"COALITION"} and set(last.evidence["stance"]) == {"denies"}
    matrix_rows = {t for trace in last.charts[1].figure["data"] for t in trace["y"]}
    assert any("Pentagon" in r for r in matrix_rows) and any("coalition" in r for r in matrix_rows)
    assert all(len(s.charts) == 2 for s in brief.sections)
    assert set(brief.sources["doc_id"]) == {d for s in brief.sections for d in s.evidence["doc_id"]}


def test_the_html_is_self_contained_and_escaped(sample, story_briefing):
    _, brief = story_briefing
    evil = b.Briefing("<script>alert(1)</script>", brief.corpus, brief.generated, brief.sections,
                      brief.sources)
    doc = briefing.render_html(evil)
    assert "<script>alert(1)" not in doc and "&lt;script&gt;alert(1)" in doc
    markup = re.sub(r"<script>.*?</script>", "", doc, flags=re.S)      # the inline scripts left out
    assert "<script" not in markup.replace('<script type="application/json"', "")  # no script from elsewhere
    assert not re.search(r"<link|<img|<iframe|url\(", markup)         # no stylesheet, image or frame fetched
    assert "Plotly.newPlot" in doc and len(doc) > 1_000_000            # plotly.js is inside


@pytest.mark.browser
def test_the_html_opens_offline_in_chromium_with_charts_filter_and_quotes(chromium, sample, story_briefing,
                                                                          tmp_path):
    story, brief = story_briefing
    path = tmp_path / "briefing.html"
    path.write_text(briefing.render_html(brief), encoding="utf-8")
    context = chromium.new_context(offline=True, viewport={"width": 1200, "height": 900})
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("() => document.body.dataset.charts === 'ready'", timeout=30_000)
        assert page.locator(".riwaya-chart .main-svg").count() >= 2 * len(brief.sections)
        assert page.locator(".riwaya-chart .scatterlayer path.point").count() > 0    # matrix cells drawn
        text = page.inner_text("body")
        assert f"Filter: claim: {sample.claim_short('VIDEO_GAME')}" in text and story.steps[3].caption in text
        assert "Russian Ministry of Defence concedes: " + sample.claim_label("VIDEO_GAME") in text
        quote = brief.sections[1].evidence["sentence"].iloc[0]
        assert quote in text
        assert page.eval_on_selector(".riwaya-quote", "e => getComputedStyle(e).direction") == "rtl"
        assert [u for u in requests if not u.startswith("file:")] == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "briefing-html.png"), full_page=True)
    finally:
        context.close()


def _words(text: str) -> list[str]:
    """Arabic words of 3+ letters, normalised as the pipeline does (the PDF's text layer holds
    presentation forms and may drop a mark)."""
    from riwaya.text.normalize import normalize_form

    return re.findall(r"[\u0621-\u064a]{3,}", normalize_form(text))


@pytest.mark.browser
def test_the_cli_writes_the_html_and_a_pdf_with_the_quotes(sample_build, sample, tmp_path):
    import pypdfium2 as pdfium
    from pypdf import PdfReader

    out, pdf = tmp_path / "b.html", tmp_path / "b.pdf"
    assert main(["briefing", "--processed", str(sample_build.out), "--story", "sample",
                 "--out", str(out), "--pdf", str(pdf)]) == 0
    assert "Two contested claims" in out.read_text(encoding="utf-8")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 4
    text = " ".join(p.extract_text() for p in reader.pages)
    flat = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "Russian Ministry of Defence concedes:" in flat and "Sources" in flat
    assert f"claim: {sample.claim_short('COALITION_PARTY_TO_DEAL')}; stance: denies" in flat
    # the text layer may glue words where a line wraps or the cue's <mark> ends: look for each
    # word in the text without spaces
    from riwaya.text.normalize import normalize_form

    found = normalize_form(text).replace(" ", "").replace("\n", "")
    st = sample.statements
    for actor, claim in (("RU_MOD", "VIDEO_GAME"), ("COALITION", "COALITION_PARTY_TO_DEAL")):
        quote = st[(st["actor_id"] == actor) & (st["claim_id"] == claim)]["quote"].iloc[0]
        words = _words(quote)
        assert sum(w in found for w in words) >= 0.9 * len(words), (quote, words)
    ARTIFACTS.mkdir(exist_ok=True)
    doc = pdfium.PdfDocument(str(pdf))
    for i in range(len(doc)):
        doc[i].render(scale=1.2).to_pil().save(ARTIFACTS / f"briefing-pdf-page-{i + 1}.png")


def test_the_cli_filters_a_single_view(sample_build, tmp_path):
    out = tmp_path / "v.html"
    assert main(["briefing", "--processed", str(sample_build.out), "--out", str(out),
                 "--actor", "RU_MOD", "--claim", "VIDEO_GAME", "--claim", "NOT_A_CLAIM"]) == 0
    doc = out.read_text(encoding="utf-8")
    assert "Filter: actor: Russian Ministry of Defence" in doc and "claim: Images from a video game" in doc
    assert "NOT_A_CLAIM" not in doc


def _outside_scripts(doc: str) -> str:
    return re.sub(r"<script>.*?</script>", "", doc, flags=re.S)  # plotly.js and the drawing code


@pytest.mark.parametrize("outlets", [("SANA",), ("unnamed",), ("SANA", "unnamed")])
def test_outlets_and_claims_read_as_the_pages_show_them(sample, outlets):
    """The filter line, the quote cards and the sources name outlets as the Compare page does
    (English with the Arabic in brackets; "No outlet named · article …"), claims by their label."""
    from riwaya.dashboard.compare import outlet_display
    from riwaya.dashboard.filters import Filters

    unnamed = next(o for o in sample.outlets if o.startswith("No outlet named · article "))
    chosen = tuple(unnamed if o == "unnamed" else o for o in outlets)
    spec = briefing.ViewSpec("The view", Filters(outlets=chosen, claims=tuple(sample.claims["claim_id"])))
    brief = briefing.build(sample, [spec], title="t", where="sample")
    doc = _outside_scripts(briefing.render_html(brief))
    shown = [outlet_display(sample, o) for o in chosen]
    assert "Unknown outlet" not in doc and "Unknown outlet" not in brief.sections[0].filter_text
    assert brief.sections[0].filter_text.startswith("claim: " + sample.claim_short(sample.claims["claim_id"].iloc[0]))
    assert "outlet: " + ", ".join(shown) in brief.sections[0].filter_text
    assert not any(c in brief.sections[0].filter_text for c in sample.claims["claim_id"])  # no raw ids
    assert set(brief.sections[0].evidence["source"]) <= set(shown) and len(brief.sections[0].evidence)
    assert set(brief.sources["source"]) <= set(shown)
    if "SANA" in chosen:
        assert "SANA (\u2068سانا\u2069)" in shown and "سانا" in doc
    if unnamed in chosen:
        assert unnamed in doc


def test_the_cli_names_a_missing_or_broken_story(sample_build, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RIWAYA_STORIES", str(tmp_path))
    (tmp_path / "bad.json").write_text('{"steps": [{"page": "nowhere.py"}]}', encoding="utf-8")
    for name, problem in (("missing", "no such story"), ("bad", "steps.0.page")):
        assert main(["briefing", "--processed", str(sample_build.out), "--story", name,
                     "--out", str(tmp_path / "x.html")]) == 2
        err = capsys.readouterr().err
        assert str(tmp_path / f"{name}.json") in err and problem in err
    assert not (tmp_path / "x.html").exists()
