"""components.urlstate.Param: what a URL value means for a widget, and back (no Streamlit run).

The URL state through real page runs is tested in test_apptest.py and test_browser.py."""

import pytest

from components.urlstate import Param

ACTOR = Param("actor", "flt_actors", ["RU_MOD", "DILLON"], default=[])
PLACE = Param("place", "map_place", ["GN:RAQQA", "ABU_KAMAL"])
PRESENT = Param("present", "present", {"1": True}, default=False)
PICK = Param("pick", "cmp_pick", ["SANA", "Beta", "Alpha"], default=["SANA", "Beta"], keep_default=True)


@pytest.mark.parametrize("param, raw, value", [
    (ACTOR, ("DILLON", "NOT_AN_ACTOR", "DILLON", "RU_MOD"), ["DILLON", "RU_MOD"]),  # order kept, once
    (ACTOR, ("NOT_AN_ACTOR",), []),
    (PLACE, ("ABU_KAMAL",), "ABU_KAMAL"),
    (PLACE, ("x|y",), None),
    (PLACE, (), None),
    (PRESENT, ("1",), True),
    (PRESENT, ("0",), False),
    (PRESENT, ("true",), False),
    (PICK, (), ["SANA", "Beta"]),             # nothing (valid) in the URL: the default
    (PICK, ("Gone",), ["SANA", "Beta"]),
    (PICK, ("Alpha",), ["Alpha"]),
])
def test_url_values_become_widget_values_and_unknown_ones_are_dropped(param, raw, value):
    assert param.from_url(raw) == value


@pytest.mark.parametrize("param, value, raw", [
    (ACTOR, ["RU_MOD", "DILLON"], ["RU_MOD", "DILLON"]),
    (ACTOR, [], []),
    (PLACE, None, []),                        # the default is left out of the URL
    (PLACE, "GN:RAQQA", ["GN:RAQQA"]),
    (PRESENT, True, ["1"]),
    (PRESENT, False, []),
    (PICK, ["SANA", "Beta"], ["SANA", "Beta"]),  # keep_default: written all the same
])
def test_widget_values_become_url_values(param, value, raw):
    assert param.to_url(value) == raw


def test_a_value_no_longer_offered_falls_back():
    assert ACTOR.valid(["GONE", "DILLON"]) == ["DILLON"]
    assert PLACE.valid("GN:GONE") is None
    assert PLACE.valid("ABU_KAMAL") == "ABU_KAMAL"


@pytest.mark.parametrize("kwargs, message", [
    ({"name": "x", "key": "k", "options": "abc"}, "expected a sequence of str ids or a mapping"),
    ({"name": "x", "key": "k", "options": {1: True}}, "URL values must be str"),
    ({"name": 1, "key": "k", "options": []}, "expected str name and key"),
])
def test_a_malformed_param_says_what_was_expected(kwargs, message):
    with pytest.raises(TypeError, match=message):
        Param(**kwargs)
