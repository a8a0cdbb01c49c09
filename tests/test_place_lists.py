"""Towns named in lists (riwaya/pipeline/place_lists.py list_labels, quoted_lists, list_runs;
place_judge.py): a labelled list's item labels, a quotation that is only a list of names, a run
of three names or more. The sentences are written for the tests: each shows a class of page,
not an article's words."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def places(place_mentions):
    """``places(text)``: the English names of the place mentions in ``text``."""
    return lambda text: [name for _, _, name in place_mentions(text)]


LABELLED = "\n".join([
    "في ما يلي قائمة بالمدن التي خسرها التنظيم خلال العامين الماضيين .",
    "السخنة : استعادتها القوات الحكومية في الصيف بعد معارك استمرت أسابيع .",
    "صبيخان : دخلتها القوات بعد انسحاب المقاتلين منها نحو الصحراء .",
    "العشارة : سيطرت عليها القوات في الخريف بدعم من الطيران .",
])


def test_a_labelled_list_s_labels_are_places(places):
    assert places(LABELLED) == ["As Sukhnah", "Subaykhān", "Al ‘Ashārah"]


def test_a_single_label_is_still_a_dateline(places):
    assert places("صبيخان : قال مصدر محلي إن القوات دخلت البلدة بعد انسحاب المقاتلين .") == []


@pytest.mark.parametrize("text, expected", [
    # a quotation that is only a list of towns: each is a place, near the event or not
    ("وشارك المقاتلون في معارك \" الجلاء وصبيخان والعشارة \" خلال العام الماضي .",
     ["Al Jalā’", "Subaykhān", "Al ‘Ashārah"]),
    # a run of three towns joined by و, no quotes
    ("وكانت معارك الجلاء وصبيخان والعشارة الأعنف خلال العام .",
     ["Al Jalā’", "Subaykhān", "Al ‘Ashārah"]),
])
def test_towns_listed_together_are_places(text, expected, places):
    assert places(text) == expected


@pytest.mark.parametrize("text", [
    # countries listed together are the states that act, not places
    "واتفقت روسيا وتركيا وإيران على مواصلة المحادثات .",
    # a quotation with a sentence in it is no list
    "وقال \" إن الأمر يفتح الباب أمام حل سياسي \" .",
])
def test_what_no_list_makes_a_place(text, places):
    assert places(text) == []
