"""A reader's first filter sends the page's other widgets unchanged (components/urlstate.py
``seed``): a widget whose proto differs from the run before is re-rendered by the browser, and
with twenty readers on two cores every re-render of every tab counts (issue 9, many readers).

A widget given its first value by ``seed`` is sent with that value set (``set_value``) on its
first run and without it on the next, so it changed on exactly the run of a reader's first
filter: the Map's "Colour markers by" and the sidebar's workspace switcher (on the page a session
opens) did."""

from __future__ import annotations

import pytest

from components import workspace
from tests.apptest_support import MAP, open_page, set_actors


@pytest.mark.parametrize("page, kind, key", [(MAP, "radio", "map_colour"),
                                             (None, "selectbox", workspace.KEY)])
def test_a_first_filter_leaves_a_widget_shown_at_its_default_unchanged(corpus_env, page, kind, key):
    at = open_page(page)   # the workspace switcher: on the session's first page (after a page
    # switch it is given its value once more, or it would return its default once)
    before = getattr(at, kind)(key=key).proto.SerializeToString()
    set_actors(at, ["DILLON"])
    assert getattr(at, kind)(key=key).proto.SerializeToString() == before


def test_a_widget_value_from_the_url_is_still_given(corpus_env):
    at = open_page(MAP, {"colour": "outlet"})
    assert at.radio(key="map_colour").value == "outlet"
    set_actors(at, ["DILLON"])
    assert at.radio(key="map_colour").value == "outlet"
