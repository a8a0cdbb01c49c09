"""The Actor network page in Streamlit's AppTest: a small network is drawn whole (how many links
to draw, ``?drawn=``, is a choice only past 300), the links table is a page with a search
(issue 10: thousands of links took the browser seconds to draw and to receive)."""

from __future__ import annotations

from tests.apptest_support import NETWORK, figures, open_page


def drawn_links(at) -> int:
    """How many links the figure draws (a line trace holds x0, x1, None per link)."""
    return sum(len(t["x"]) // 3 for t in figures(at)[0]["data"] if t.get("mode") == "lines")


def test_a_small_network_is_drawn_whole_without_a_choice(corpus_env):
    """The fixture's five links: all drawn, no "Links drawn" choice (nothing to leave out)."""
    at = open_page(NETWORK, {"drawn": "300"})
    assert "network_drawn" not in {r.key for r in at.radio}
    assert drawn_links(at) == 5
    table = at.dataframe[0].value
    assert len(table) == 5 and list(table["claims"]) == sorted(table["claims"], reverse=True)


def test_the_links_table_searches(corpus_env):
    at = open_page(NETWORK)
    at.text_input(key="network_find").input("Russian").run()
    table = at.dataframe[0].value
    assert 0 < len(table) < 5
    assert all("Russian" in f"{a} {b}" for a, b in zip(table["actor"], table["other actor"]))
    assert drawn_links(at) == 5                   # the search narrows the table, not the figure
