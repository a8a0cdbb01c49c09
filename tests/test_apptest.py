"""Every page through Streamlit's AppTest, on the synthetic fixture corpus.

Each page must run without an exception, and a filter change must change what its figures
contain (the plotly figure JSON is in ``proto.spec`` of the chart element). The URL state:
test_apptest_url.py; presenting, empty and failing states, suggestions, the Overview's build:
test_apptest_states.py; the bundled sample and the story pages: test_apptest_sample.py."""

from __future__ import annotations

import pytest

from tests.apptest_support import (COMPARE, MAP, MATRIX, PAGES, READER, all_text, figures,
                                   html_text, map_places, matrix_cells, open_page, place_names,
                                   set_actors, traces)


# --------------------------------------------------------------------------- every page

@pytest.mark.parametrize("page", PAGES, ids=["overview", "map", "matrix", "compare", "reader"])
def test_every_page_runs_and_has_the_shared_sidebar(corpus_env, page):
    at = open_page(page)
    assert at.title[0].value
    assert at.multiselect(key="flt_actors").options  # the filter is on every page
    nav = [el.proto.label for el in at.sidebar.get("page_link")]
    assert nav[:7] == ["Overview", "Map", "Actors × claims", "Compare sources", "Reader", "Timeline",
                       "Actor network"]
    assert {"Add articles", "Codebook"} <= set(nav)   # issue 11's pages


def test_overview_figure_follows_the_filter(corpus_env):
    at = open_page(None)
    claims_all = {row[0] for t in traces(at) for row in t["customdata"]}
    assert "VIDEO_GAME" in claims_all and len(claims_all) == 6
    # short English labels on the axis (the claim id when the codebook has none)
    assert {y for t in traces(at) for y in t["y"]} >= {"Video game images", "RAQQA_NOT_LIBERATED"}
    set_actors(at, ["DILLON"])
    assert {row[0] for t in traces(at) for row in t["customdata"]} == {"COALITION_PARTY_TO_DEAL"}
    assert [t["name"] for t in traces(at)] == ["denies"]


def test_map_markers_follow_the_actor_filter(corpus_env):
    at = open_page(MAP)
    assert map_places(at) == {"GN:RAQQA", "GN:ABU_KAMAL", "GN:DEIR", "GN:FALLUJAH"}
    fig = figures(at)[0]
    assert fig["data"][0]["type"] == "scattergeo"
    hover = fig["data"][0]["hovertemplate"]
    assert "customdata[1]" in hover and "customdata[2]" in hover  # English and Arabic names
    assert "Raqqa" in place_names(at)
    set_actors(at, ["DILLON"])
    assert map_places(at) == {"GN:RAQQA"}
    assert place_names(at) == ["Raqqa"]
    set_actors(at, ["RU_MOD"])
    assert map_places(at) == {"GN:ABU_KAMAL", "GN:DEIR", "GN:FALLUJAH"}


def test_map_colour_by_outlet_and_choosing_a_place_lists_its_sentences(corpus_env):
    at = open_page(MAP)
    assert "US backs ISIS" in {t["name"] for t in traces(at)}  # legend: short claim labels
    at.radio(key="map_colour").set_value("outlet").run()
    # the outlet naming a place most (ties: alphabetical); Beta Agency never leads
    assert {t["name"] for t in traces(at)} == {"Alpha News", "SANA"}
    assert at.query_params.get("colour") == "outlet"
    at.selectbox(key="map_place").set_value("GN:RAQQA").run()
    text = html_text(at)
    assert "ونفى ديلون أن يكون التحالف طرفا في صفقة الرقة." in text
    assert "Col. Ryan Dillon" in text and "COALITION_PARTY_TO_DEAL: denies" in text
    assert at.query_params.get("place") == "GN:RAQQA"
    readers = [el.proto for el in at.get("page_link") if "Read in context" in el.proto.label]
    assert len(readers) == 3


def test_matrix_follows_the_filter_and_marks_silence(corpus_env):
    at = open_page(MATRIX)
    cells = matrix_cells(at)
    assert cells[("RU_MOD", "VIDEO_GAME")] == "mixed"
    assert cells[("DILLON", "COALITION_PARTY_TO_DEAL")] == "denies"
    assert cells[("DILLON", "VIDEO_GAME")] == "silent"
    silent = next(t for t in traces(at) if t["name"] == "silent")
    assert set(silent["text"]) == {"—"}
    set_actors(at, ["DILLON", "ACTIVISTS"])
    assert {a for a, _ in matrix_cells(at)} == {"DILLON", "ACTIVISTS"}
    at.multiselect(key="flt_stances").set_value(["denies"]).run()
    assert {k for k, v in matrix_cells(at).items() if v != "silent"} == {("DILLON", "COALITION_PARTY_TO_DEAL")}


def test_matrix_cell_shows_rtl_evidence_with_the_cue_and_a_reader_link(corpus_env):
    at = open_page(MATRIX)
    at.selectbox(key="matrix_cell").set_value("DILLON|COALITION_PARTY_TO_DEAL").run()
    text = html_text(at)
    assert 'dir="rtl"' in text
    assert ">نفى</mark>" in text
    assert "Beta Agency" in text
    assert "وقال مصدر مجهول" not in text  # only this cell's evidence
    link = next(el.proto for el in at.get("page_link") if "reader" in el.proto.label)
    assert link.page == "Reader"  # pages/4_Reader.py
    assert "doc=b1" in link.query_string and "sent=2" in link.query_string
    assert at.query_params.get("cell") == "DILLON|COALITION_PARTY_TO_DEAL"
    buttons = [el.proto.label for el in at.get("download_button")]
    assert any("matrix" in b for b in buttons) and any("evidence" in b for b in buttons)


def test_compare_sources_follows_the_filter_and_shows_what_only_one_says(corpus_env):
    at = open_page(COMPARE)
    fig = figures(at)[0]
    groups = {row[0] for t in fig["data"] for row in t["customdata"]}
    assert groups == {"Alpha News", "Beta Agency", "SANA"}
    text = all_text(at)
    sana = text[text.index("<b>SANA</b><p>"):]
    assert sana.index("US safe in ISIS areas") < sana.index("Leaves out")
    assert sana.index("RAQQA_NOT_LIBERATED") < sana.index("Leaves out")  # no short label: the id
    assert "<b>SANA</b>: 0 shared, 3 only here" in text
    assert "<b>Alpha News</b>: 1 shared, 3 only here" in text
    set_actors(at, ["DILLON"])
    claims = {row[1] for t in figures(at)[0]["data"] for row in t["customdata"]}
    assert claims == {"COALITION_PARTY_TO_DEAL"}
    at.multiselect(key="cmp_pick_outlet").set_value(["SANA"]).run()
    assert not figures(at)
    assert "Choose at least two" in all_text(at)


def test_compare_articles(corpus_env):
    at = open_page(COMPARE)
    at.radio(key="cmp_by").set_value("article").run()
    assert not at.exception
    groups = {row[0] for t in figures(at)[0]["data"] for row in t["customdata"]}
    assert any(g.endswith("[s1]") for g in groups)


def test_reader_escapes_the_article_and_opens_at_the_quoted_sentence(corpus_env):
    at = open_page(READER, {"doc": "s1", "sent": "1"})
    assert at.selectbox(key="reader_doc").value == "s1"
    body = html_text(at)
    assert "&lt;script&gt;alert(" in body
    assert "<script>alert(" not in body
    assert "Quoted passage" in all_text(at)
    assert 'id="s-1" data-sentence="1" class="riwaya-sent riwaya-focus"' in body
    assert "Unlisted speaker" in body  # legend
    assert "scrollIntoView" in body


def test_reader_article_choice_follows_the_filter(corpus_env):
    at = open_page(READER)
    assert len(at.selectbox(key="reader_doc").options) == 3
    set_actors(at, ["DILLON"])
    options = " ".join(at.selectbox(key="reader_doc").options)
    assert "[b1]" in options and "[s1]" not in options  # the open article (a1) stays listed
    assert "ديلون" in html_text(at)
