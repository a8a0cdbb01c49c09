"""What the charts lead to, with Streamlit's AppTest: the Overview's bars open their statements,
the matrix lists nothing until a cell is chosen, and then one page of it; Compare names outlets
in words and spells its mixed cells out."""

from __future__ import annotations

import pytest

from tests.apptest_support import COMPARE, MATRIX, figures, html_text, open_page


def test_a_click_on_an_overview_bar_lists_its_statements(corpus_env):  # noqa: F811
    at = open_page(None)
    assert any("Click a bar" in c.value for c in at.caption)
    at.session_state["overview_bar"] = ("VIDEO_GAME", "asserts")  # what the chart's click stores
    at.run()
    assert not at.exception
    assert any("asserts\\: 2 statement" in c.value for c in at.caption)  # markdown-escaped
    assert html_text(at).count("riwaya-quote") >= 2
    assert any(el.proto.page == "Reader" for el in at.get("page_link") if "reader" in el.proto.label)


@pytest.mark.parametrize("query, quotes", [({}, 0), ({"cell": "DILLON|COALITION_PARTY_TO_DEAL"}, 1)])
def test_the_matrix_lists_a_chosen_cells_evidence_only(corpus_env, query, quotes):  # noqa: F811
    at = open_page(MATRIX, query)
    assert html_text(at).count('class="riwaya-ar riwaya-quote"') == quotes
    if not query:
        assert any("Click a cell" in i.value for i in at.info)


def test_compare_spells_mixed_cells_out_and_explains_its_colour(corpus_env):  # noqa: F811
    at = open_page(COMPARE)
    text = html_text(at)
    assert "the source <i>reports</i>" in text
    stances = {t["name"] for f in figures(at) for t in f["data"]}
    assert ("Mixed</b> cells" in text) == ("mixed" in stances)
