"""The filter and the pages' choices in the URL, through AppTest: the URL sets them, a change
is written to it, a page switch and a page opened by its address keep them, unknown values are
ignored."""

from __future__ import annotations

from tests.apptest_support import (COMPARE, MAP, MATRIX, READER, all_text, map_places,
                                   matrix_cells, open_page, set_actors)


# --------------------------------------------------------------------------- URL state

def test_the_url_sets_the_filter(corpus_env):
    at = open_page(MAP, {"actor": ["DILLON"], "stance": "denies"})
    assert at.multiselect(key="flt_actors").value == ["DILLON"]
    assert at.multiselect(key="flt_stances").value == ["denies"]
    assert map_places(at) == {"GN:RAQQA"}


def test_the_filter_is_written_to_the_url_and_reset_clears_it(corpus_env):
    at = open_page(MATRIX)
    set_actors(at, ["RU_MOD", "DILLON"])
    assert at.query_params.get("actor") == ["RU_MOD", "DILLON"]
    at.button(key="flt_reset").click().run()
    assert at.multiselect(key="flt_actors").value == []
    assert "actor" not in at.query_params
    assert len({a for a, _ in matrix_cells(at)}) == 6


def test_the_filter_survives_a_page_switch(corpus_env):
    at = open_page(MATRIX)
    set_actors(at, ["DILLON"])
    at.switch_page(MAP).run()
    assert at.multiselect(key="flt_actors").value == ["DILLON"]
    assert map_places(at) == {"GN:RAQQA"}


def test_unknown_values_in_the_url_are_ignored(corpus_env):
    at = open_page(MATRIX, {"actor": ["NOT_AN_ACTOR"], "cell": "x|y", "present": "0"})
    assert at.multiselect(key="flt_actors").value == []
    assert at.selectbox(key="matrix_cell").value is None


def test_the_filter_and_presentation_mode_survive_a_page_opened_by_its_address(corpus_env):
    at = open_page(MATRIX)
    set_actors(at, ["DILLON"])
    at.toggle(key="present").set_value(True).run()
    at.query_params.clear()  # the Map opened by its address: no filter in the URL
    at.switch_page(MAP).run()
    assert at.multiselect(key="flt_actors").value == ["DILLON"]
    assert at.toggle(key="present").value is True
    assert map_places(at) == {"GN:RAQQA"}
    assert at.query_params.get("actor") == "DILLON" and at.query_params.get("present") == "1"


def test_a_value_no_longer_offered_does_not_reach_a_widget(corpus_env):
    """A session that outlives a rebuilt corpus (its actor is gone), a filter that hides the
    chosen place: no error, the value is dropped from the widget and the URL."""
    at = open_page(MAP, {"actor": "DILLON", "place": "GN:RAQQA"})
    assert at.selectbox(key="map_place").value == "GN:RAQQA"
    at.session_state["flt_actors"] = ["GONE_ACTOR", "DILLON"]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="flt_actors").value == ["DILLON"]
    assert at.query_params.get("actor") == "DILLON"
    set_actors(at, ["RU_MOD"])  # Raqqa is not among RU_MOD's places
    assert at.selectbox(key="map_place").value is None
    assert "place" not in at.query_params


def test_reader_article_choice_is_written_to_the_url(corpus_env):
    at = open_page(READER, {"doc": "s1", "sent": "1"})
    at.selectbox(key="reader_doc").set_value("b1").run()
    assert at.query_params.get("doc") == "b1"
    assert "sent" not in at.query_params  # s1's sentence is not b1's
    assert "Quoted passage" not in all_text(at)
    set_actors(at, ["DILLON"])
    assert at.query_params.get("actor") == "DILLON" and at.query_params.get("doc") == "b1"
    at = open_page(READER, {"doc": "NOT_AN_ARTICLE", "sent": "x"})
    assert at.selectbox(key="reader_doc").value == "a1"  # the oldest article
    assert at.query_params.get("doc") == "a1" and "sent" not in at.query_params


def test_compare_choices_and_similarity_come_from_the_url(corpus_env):
    at = open_page(COMPARE, {"pick": ["SANA", "Beta Agency", "NOT_AN_OUTLET"], "similarity": "60"})
    assert at.multiselect(key="cmp_pick_outlet").value == ["SANA", "Beta Agency"]
    assert at.slider(key="similarity").value == 60
    assert at.query_params.get("pick") == ["SANA", "Beta Agency"]
    at.radio(key="cmp_by").set_value("article").run()
    assert at.query_params.get("by") == "article"
    assert sorted(at.query_params["pick"]) == ["a1", "b1", "s1"]  # the articles, not the outlets
