"""Pages in their other states, through AppTest: presentation mode, a filter with no results,
suggestions below a confidence threshold, no corpus or a broken one, and the Overview
building a missing corpus (with progress) or reporting a failed build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.apptest_support import (COMPARE, MAP, MATRIX, PAGES, figures, follow_link, html_text,
                                   matrix_cells, open_page)
from tests.fixture_corpus import write_fixture


# --------------------------------------------------------------------------- presenting, empty states

def test_presentation_mode_from_the_url_enlarges_type(corpus_env):
    at = open_page(MATRIX, {"present": "1"})
    assert at.toggle(key="present").value is True
    assert "font-size: 20px" in html_text(at)
    big = figures(at)[0]["layout"]["font"]["size"]
    at.toggle(key="present").set_value(False).run()
    assert figures(at)[0]["layout"]["font"]["size"] < big
    assert "present" not in at.query_params


@pytest.mark.parametrize("page", [MAP, MATRIX], ids=["map", "matrix"])
def test_a_filter_with_no_results_says_how_to_widen_it(corpus_env, page):
    at = open_page(page, {"actor": "DILLON", "stance": "asserts"})
    assert not figures(at)
    info = " ".join(el.value for el in at.info)
    assert "Widen it" in info and "Reset filters" in info


# --------------------------------------------------------------------------- suggestions (issue 8)

SUGGESTED_CELL = ("UNK:مصدر عسكري", "RAQQA_DEAL")  # one example-only suggestion, confidence 0.55



def test_the_confidence_slider_reaches_the_url_and_hides_a_suggestion(suggestions_env):
    at = open_page(MATRIX)
    assert matrix_cells(at)[SUGGESTED_CELL] == "asserts"
    assert at.select_slider(key="flt_min_confidence").value == "0"
    at.select_slider(key="flt_min_confidence").set_value("0.6").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params.get("conf") == "0.6"
    assert SUGGESTED_CELL not in matrix_cells(at)
    assert matrix_cells(at)[("COALITION", "RAQQA_DEAL")] == "concedes"  # found by rule: stays
    at.switch_page(COMPARE).run()  # a page switch keeps it
    assert at.select_slider(key="flt_min_confidence").value == "0.6"
    assert at.query_params.get("conf") == "0.6"
    at.button(key="flt_reset").click().run()
    assert at.select_slider(key="flt_min_confidence").value == "0" and "conf" not in at.query_params


def test_the_confidence_threshold_comes_from_the_url(suggestions_env):
    at = open_page(MATRIX, {"conf": "0.6", "present": "1"})
    assert at.select_slider(key="flt_min_confidence").value == "0.6"
    assert SUGGESTED_CELL not in matrix_cells(at)
    nav = {el.proto.label: el.proto.query_string for el in at.sidebar.get("page_link")}
    # links to pages keep it: not in their URLs (the same links whatever the filter,
    # context.nav_params) but in the page opened by the link
    assert nav["Map"] == "present=1"
    follow_link(at, MAP, nav["Map"])
    assert at.select_slider(key="flt_min_confidence").value == "0.6"
    assert at.query_params.get("conf") == "0.6" and at.query_params.get("present") == "1"
    at = open_page(MATRIX, {"conf": "0.63"})  # not one of the slider's steps: ignored
    assert at.select_slider(key="flt_min_confidence").value == "0"
    assert SUGGESTED_CELL in matrix_cells(at)


def test_matrix_rows_are_grouped_and_the_evidence_says_how_it_was_found(suggestions_env):
    at = open_page(MATRIX, {"cell": "|".join(SUGGESTED_CELL)})
    ticks = " | ".join(figures(at)[0]["layout"]["yaxis"]["ticktext"])
    assert ticks.index("CODEBOOK ACTORS") < ticks.index("NAMED, OUTSIDE THE CODEBOOK") \
        < ticks.index("UNNAMED SOURCES") < ticks.index("UNATTRIBUTED") < ticks.index("Unattributed")
    text = html_text(at)
    assert "Suggested by similarity to the claim&#x27;s examples (score 0.55)" in text
    assert "Speaker: unnamed source" in text
    at = open_page(MATRIX, {"cell": "UNK:إيغور كوناشينكوف|VIDEO_GAME"})
    assert "named speaker outside the codebook, speaks for Russian Ministry of Defence" in html_text(at)


@pytest.mark.parametrize("page", PAGES, ids=["overview", "map", "matrix", "compare", "reader"])
def test_no_corpus_says_how_to_add_articles(tmp_path, monkeypatch, page):
    monkeypatch.setenv("RIWAYA_PROCESSED", str(tmp_path / "processed"))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "raw"))
    at = open_page(page)
    text = " ".join(el.value for el in at.info)
    assert str(tmp_path / "raw") in text
    assert not figures(at)


def test_a_broken_corpus_is_reported_not_a_traceback(tmp_path, monkeypatch):
    out = tmp_path / "processed"
    out.mkdir()
    (out / "manifest.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("RIWAYA_PROCESSED", str(out))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "raw"))
    at = open_page(MAP)
    assert "unreadable manifest" in " ".join(el.value for el in at.error)


# --------------------------------------------------------------------------- building from Overview

@pytest.fixture
def raw_env(tmp_path, monkeypatch) -> dict[str, Path]:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("قال المتحدث إن الخبر صحيح.", encoding="utf-8")
    out = tmp_path / "processed"
    monkeypatch.setenv("RIWAYA_RAW", str(raw))
    monkeypatch.setenv("RIWAYA_PROCESSED", str(out))
    monkeypatch.setenv("RIWAYA_CODEBOOK", str(tmp_path / "codebook"))
    # these tests swap the build for a stand-in: it runs in the server's process to be seen
    monkeypatch.setenv("RIWAYA_BUILD_IN", "thread")
    return {"raw": raw, "out": out}


def test_overview_builds_a_missing_corpus_with_progress(raw_env, monkeypatch):
    from riwaya.pipeline import build, freshness

    calls = []

    def fake_build(raw_dir, codebook_dir, out_dir, *, progress=None, **_):
        for i in range(3):
            progress(i + 1, 3, f"article {i + 1}")
        calls.append(Path(out_dir))
        write_fixture(out_dir)
        return "3 documents"

    monkeypatch.setattr(freshness, "corpus_is_stale", lambda *a: not (raw_env["out"] / "manifest.json").exists())
    monkeypatch.setattr(build, "build_corpus", fake_build)
    at = open_page(None)
    assert calls == [raw_env["out"]]
    assert [m.value for m in at.metric][:2] == ["3", "3"]  # articles, outlets: the new corpus
    at.run()
    assert calls == [raw_env["out"]]  # not rebuilt: up to date now


@pytest.mark.parametrize("error, shown", [
    ("codebook", "claims.jsonl, line 3, field 'cues': expected a list"),
    ("disk", "No space left on device"),
])
def test_overview_reports_a_failed_build(raw_env, monkeypatch, error, shown):
    from riwaya.pipeline import build, freshness
    from riwaya.errors import CodebookError

    def failing(*a, **k):
        if error == "codebook":
            raise CodebookError("claims.jsonl", "expected a list", line=3, field="cues")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(freshness, "corpus_is_stale", lambda *a: True)
    monkeypatch.setattr(build, "build_corpus", failing)
    at = open_page(None)
    # the message is data (it names files): escaped markdown, shown as written (issue 9)
    errors = re.sub(r"\\(.)", r"\1", " ".join(el.value for el in at.error))
    assert shown in errors
    assert "previous corpus, if any, is unchanged" in " ".join(el.value for el in at.caption)
    at.run()  # no automatic retry loop; a button offers it
    assert at.button(key="build_again")
