"""Method, confidence and speaker kind in the dashboard (issue 8): the confidence threshold of the
filter, speakers grouped apart from named actors, and how the evidence card says a statement
was found. ``suggested_prep`` is tests/fixture_corpus.py written with ``suggestions=True``;
``prep`` is the same corpus as built before these columns existed.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pandas as pd
import pytest

from riwaya.dashboard import corpus, html, matrix
from riwaya.dashboard.filters import Filters, filter_options
from riwaya.pipeline.schema import METHODS, SPEAKER_KINDS
from riwaya.pipeline.store import Corpus

EVIL = "<img src=x onerror=alert(1)>"
ALL_SUGGESTED = {"a1:0:0", "a1:1:0", "a1:1:1", "a1:2:0", "a1:3:0", "b1:0:0", "b1:1:0", "b1:2:0",
                 "s1:0:0", "s1:1:0", "s1:2:0", "n1:0:0", "n1:1:0", "n1:2:0", "n1:3:0"}


# --------------------------------------------------------------------------- a corpus built before

def test_a_corpus_built_before_reads_as_found_by_rule_with_full_confidence(prep):
    st = prep.statements.set_index("statement_id")
    assert set(st["method"]) == {"rule"} and set(st["confidence"]) == {1.0}
    assert st.loc["s1:1:0", "speaker_kind"] == "source"  # UNK:مصدر مجهول
    assert set(st.drop(index="s1:1:0")["speaker_kind"]) == {"codebook"}
    assert st["affiliation"].isna().all()


@pytest.mark.parametrize("actor_id, in_codebook, kind", [
    ("RU_MOD", True, "codebook"),
    ("UNATTRIBUTED", False, "unattributed"),
    ("UNATTRIBUTED", True, "unattributed"),
    ("UNK:مصدر عسكري", False, "source"),
    ("UNK:مصدر عسكري", None, "source"),
    ("GONE_FROM_CODEBOOK", False, "named"),
    ("RU_MOD", float("nan"), "named"),
    ("RU_MOD", pd.NA, "named"),
])
def test_implied_speaker_kind(actor_id, in_codebook, kind):
    assert corpus.implied_speaker_kind(actor_id, in_codebook) == kind


ACTORS = pd.DataFrame({"actor_id": ["RU_MOD"], "in_codebook": [True]})


@pytest.mark.parametrize("given, method, confidence, kind", [
    ({}, "rule", 1.0, "codebook"),                                          # no columns at all
    ({"method": None, "confidence": None, "speaker_kind": None}, "rule", 1.0, "codebook"),  # empty cells
    ({"method": "example", "confidence": 0.42, "speaker_kind": "named"}, "example", 0.42, "named"),
    ({"confidence": "not a number"}, "rule", 1.0, "codebook"),
    ({"confidence": 7.0}, "rule", 1.0, "codebook"),                         # clipped to [0, 1]
    ({"confidence": -1}, "rule", 0.0, "codebook"),
])
def test_provenance_fills_what_a_build_left_out(given, method, confidence, kind):
    st = pd.DataFrame([{"statement_id": "x", "actor_id": "RU_MOD", **given}])
    out = corpus.provenance(st, ACTORS).iloc[0]
    assert (out["method"], out["confidence"], out["speaker_kind"]) == (method, confidence, kind)
    assert pd.isna(out["affiliation"])


def test_unattributed_statements_of_an_older_build_are_labelled_and_grouped(prep):
    old = Corpus(**{name: getattr(prep, name) for name in ("documents", "sentences", "mentions", "places",
                                                            "claims")},
                 actors=prep.actors.drop(columns=["label", "speaker_kind"]),
                 statements=prep.statements[prep.statements["doc_id"] == "a1"][
                     ["statement_id", "doc_id", "sentence_id", "actor_id", "actor_surface", "claim_id",
                      "stance", "cue", "quote", "start", "end", "cue_start", "cue_end"]]
                 .assign(actor_id=["UNATTRIBUTED", "US_DOD", "US_DOD", "RU_MOD", "COALITION"]))
    again = corpus.prepare(old)
    assert again.actor_label("UNATTRIBUTED") == "Unattributed"
    kinds = dict(zip(again.actors["actor_id"], again.actors["speaker_kind"]))
    assert kinds["UNATTRIBUTED"] == "unattributed" and kinds["RU_MOD"] == "codebook"
    assert list(dict(filter_options(again)["actors"]))[-1] == "UNATTRIBUTED"


# --------------------------------------------------------------------------- the threshold

@pytest.mark.parametrize("f, hidden", [
    (Filters(), set()),
    (Filters(min_confidence=0.5), set()),
    (Filters(min_confidence=0.55), set()),                      # at the threshold: kept
    (Filters(min_confidence=0.6), {"n1:2:0"}),                  # the example-only suggestion (0.55)
    (Filters(min_confidence=0.85), {"n1:2:0", "n1:3:0"}),       # and "both" at 0.8
    (Filters(min_confidence=0.95), {"n1:1:0", "n1:2:0", "n1:3:0"}),
    (Filters(min_confidence=1), {"n1:0:0", "n1:1:0", "n1:2:0", "n1:3:0"}),
])
def test_the_threshold_hides_statements_below_it(suggested_prep, f, hidden):
    assert set(f.apply(suggested_prep).statements["statement_id"]) == ALL_SUGGESTED - hidden


@pytest.mark.parametrize("f, expected", [
    (Filters(claims=("RAQQA_DEAL",)), {"a1:3:0", "n1:2:0", "n1:3:0"}),
    (Filters(claims=("RAQQA_DEAL",), min_confidence=0.6), {"a1:3:0", "n1:3:0"}),
    (Filters(actors=("UNK:مصدر عسكري",), min_confidence=0.6), set()),
    (Filters(outlets=("Gamma Daily",), min_confidence=0.85), {"n1:0:0", "n1:1:0"}),
])
def test_the_threshold_combines_with_the_other_fields(suggested_prep, f, expected):
    assert set(f.apply(suggested_prep).statements["statement_id"]) == expected


@pytest.mark.parametrize("review, method, kept", [
    ("confirmed", "example", True),
    ("corrected", "example", True),
    ("added", "review", True),
    ("", "review", True),          # a statement a person added, whatever its review mark
    ("", "example", False),
    (None, "example", False),
    ("rejected", "example", False),
])
def test_what_a_person_reviewed_is_never_hidden(suggested_prep, review, method, kept):
    st = suggested_prep.statements.copy()
    low = st["statement_id"] == "n1:2:0"
    st["review"] = ""
    st.loc[low, ["review", "method", "confidence"]] = [review, method, 0.1]
    reviewed = dataclasses.replace(suggested_prep, statements=st)
    got = set(Filters(min_confidence=0.6).apply(reviewed).statements["statement_id"])
    assert ("n1:2:0" in got) is kept


def test_a_threshold_hides_statements_not_articles(suggested_prep):
    view = Filters(min_confidence=0.6).apply(suggested_prep)
    assert len(view.documents) == 4 and len(view.sentences) == len(suggested_prep.sentences)


@pytest.mark.parametrize("params, expected", [
    ({"conf": "0.6"}, 0.6),
    ({"conf": ["0.3", "0.7"]}, 0.7),
    ({"conf": ["0.3", "x"]}, 0.3),
    ({"conf": "1"}, 1.0),
    ({"conf": "1.5"}, 0.0),
    ({"conf": "-0.2"}, 0.0),
    ({"conf": "nan"}, 0.0),
    ({"conf": "<script>"}, 0.0),
    ({}, 0.0),
])
def test_the_threshold_from_the_url(params, expected):
    assert Filters.from_query(params).min_confidence == expected


def test_the_threshold_in_the_url_is_one_of_the_sliders_steps(suggested_prep):
    valid = {k: [i for i, _ in v] for k, v in filter_options(suggested_prep).items()}
    assert Filters.from_query({"conf": "0.6"}, valid=valid).min_confidence == 0.6
    assert Filters.from_query({"conf": "0.63"}, valid=valid).min_confidence == 0.0  # not offered
    steps = filter_options(suggested_prep)["min_confidence"]
    assert steps[0] == ("0", "off (show all)") and steps[-1] == ("1", "1.00") and len(steps) == 21
    assert ("0.05", "0.05") in steps and ("0.6", "0.60") in steps


@pytest.mark.parametrize("f, query", [
    (Filters(min_confidence=0.6), {"conf": ["0.6"]}),
    (Filters(min_confidence=0.05, actors=("DILLON",)), {"actor": ["DILLON"], "conf": ["0.05"]}),
    (Filters(min_confidence=1), {"conf": ["1"]}),
    (Filters(min_confidence=0), {}),
])
def test_the_threshold_round_trips_through_the_url(f, query):
    assert f.to_query() == query
    assert Filters.from_query(f.to_query()) == f


def test_a_threshold_is_a_filter():
    f = Filters(min_confidence=0.6)
    assert not f.is_empty and not f.picks_statements
    assert f.describe() == "confidence at least 0.6"
    assert Filters(min_confidence=1) == Filters(min_confidence=1.0)


@pytest.mark.parametrize("value", ["0.6", True, 1.5, -0.1, None, (0.5,)])
def test_a_threshold_must_be_a_number_from_0_to_1(value):
    with pytest.raises(TypeError, match="Filters.min_confidence: expected a number from 0 to 1"):
        Filters(min_confidence=value)


# --------------------------------------------------------------------------- speakers apart

CODEBOOK_ROWS = ["Russian Ministry of Defence · وزارة الدفاع الروسية",
                 "US Department of Defense · وزارة الدفاع الأمريكية",
                 "US-led coalition · التحالف الدولي",
                 "Social-media activists · ناشطون",
                 "Col. Ryan Dillon · رايان ديلون"]


@pytest.mark.parametrize("f, expected", [
    (Filters(), [("Codebook actors", CODEBOOK_ROWS),
                 ("Named, outside the codebook", ["Unlisted speaker · إيغور كوناشينكوف"]),
                 ("Unnamed sources", ["Unlisted speaker · مصدر مجهول", "Unlisted speaker · مصدر عسكري"]),
                 ("Unattributed", ["Unattributed"])]),
    (Filters(min_confidence=0.6), [("Codebook actors", CODEBOOK_ROWS),
                                   ("Named, outside the codebook", ["Unlisted speaker · إيغور كوناشينكوف"]),
                                   ("Unnamed sources", ["Unlisted speaker · مصدر مجهول"]),
                                   ("Unattributed", ["Unattributed"])]),
    # the chosen actors, grouped whatever the order they were chosen in
    (Filters(actors=("UNATTRIBUTED", "UNK:مصدر مجهول", "DILLON")),
     [("Codebook actors", ["Col. Ryan Dillon · رايان ديلون"]),
      ("Unnamed sources", ["Unlisted speaker · مصدر مجهول"]), ("Unattributed", ["Unattributed"])]),
    (Filters(claims=("VIDEO_GAME",)),
     [("Codebook actors", CODEBOOK_ROWS[:1] + CODEBOOK_ROWS[1:2] + CODEBOOK_ROWS[3:4]),
      ("Named, outside the codebook", ["Unlisted speaker · إيغور كوناشينكوف"])]),
])
def test_matrix_rows_are_grouped_by_who_speaks(suggested_prep, f, expected):
    long = matrix.actor_claim_matrix(f.apply(suggested_prep))
    assert matrix.row_groups(long) == expected
    # the cells' order (choices, CSV) follows the rows
    assert list(dict.fromkeys(long["actor_label"])) == [r for _, rows in expected for r in rows]


def test_the_matrix_counts_unattributed_statements_in_their_own_row(suggested_prep):
    m = matrix.actor_claim_matrix(Filters().apply(suggested_prep)).set_index(["actor_id", "claim_id"])
    assert m.loc[("UNATTRIBUTED", "US_SUPPORTS_ISIS"), "stance"] == "asserts"
    assert m.loc[("UNATTRIBUTED", "US_SUPPORTS_ISIS"), "group"] == "unattributed"
    assert m.loc[("RU_MOD", "US_SUPPORTS_ISIS"), "n"] == 2  # not merged with anyone
    assert m.loc[("UNK:إيغور كوناشينكوف", "VIDEO_GAME"), "group_label"] == "Named, outside the codebook"


def test_the_actor_filter_lists_speakers_in_the_same_groups(suggested_prep):
    options = filter_options(suggested_prep)["actors"]
    kinds = dict(zip(suggested_prep.actors["actor_id"], suggested_prep.actors["speaker_kind"]))
    groups = [kinds[a] for a, _ in options]
    assert groups == sorted(groups, key=list(corpus.SPEAKER_GROUPS).index)
    assert [a for a, _ in options][-4:] == ["UNK:إيغور كوناشينكوف", "UNK:مصدر عسكري", "UNK:مصدر مجهول",
                                             "UNATTRIBUTED"]
    labels = dict(options)
    assert labels["UNK:إيغور كوناشينكوف"] == "Unlisted speaker · إيغور كوناشينكوف · named, outside the codebook"
    assert labels["UNK:مصدر عسكري"] == "Unlisted speaker · مصدر عسكري · unnamed source"
    assert labels["UNATTRIBUTED"] == "Unattributed"
    assert labels["RU_MOD"] == "Russian Ministry of Defence · وزارة الدفاع الروسية"


def test_colours_do_not_depend_on_groups_or_threshold(suggested_prep):
    from riwaya.dashboard.palette import palette_for
    assert suggested_prep.actor_colours == palette_for(suggested_prep.actors["actor_id"])
    assert "UNATTRIBUTED" in suggested_prep.actor_colours


# --------------------------------------------------------------------------- how it was found

def row(**fields) -> SimpleNamespace:
    base = {"method": "rule", "confidence": 1.0, "speaker_kind": "codebook", "affiliation": None,
            "affiliation_label": None, "review": ""}
    return SimpleNamespace(**{**base, **fields})


def test_every_method_and_speaker_kind_of_the_schema_has_its_words():
    assert set(matrix.FOUND_BY) == set(METHODS)
    assert set(matrix.SPEAKER_TEXT) == set(corpus.SPEAKER_GROUPS) == set(SPEAKER_KINDS)


@pytest.mark.parametrize("fields, text", [
    ({}, "Found by a codebook cue pattern"),
    ({"confidence": 0.9}, "Found by a codebook cue pattern (confidence 0.90)"),
    ({"method": "example", "confidence": 0.63},
     "Suggested by similarity to the claim's examples (score 0.63)"),
    ({"method": "both", "confidence": 0.8},
     "Found by a codebook cue pattern and by similarity to the claim's examples (score 0.80)"),
    ({"method": "review"}, "Added by a reviewer"),
    ({"method": "rule", "review": "added"}, "Added by a reviewer"),
    ({"method": "example", "confidence": 0.4, "review": "confirmed"},
     "Suggested by similarity to the claim's examples (score 0.40); confirmed by a reviewer"),
    ({"review": "corrected"}, "Found by a codebook cue pattern; corrected by a reviewer"),
    ({"method": None, "confidence": float("nan")}, "Found by a codebook cue pattern"),
    ({"method": "example", "confidence": None}, "Suggested by similarity to the claim's examples"),
    ({"method": "ner"}, "Found by ner"),
])
def test_how_found(fields, text):
    assert matrix.how_found(row(**fields)) == text


@pytest.mark.parametrize("fields, text", [
    ({}, "codebook actor"),
    ({"speaker_kind": "named", "affiliation": "RU_MOD", "affiliation_label": "Russian Ministry of Defence"},
     "named speaker outside the codebook, speaks for Russian Ministry of Defence"),
    ({"speaker_kind": "named", "affiliation": "GONE"}, "named speaker outside the codebook, speaks for GONE"),
    ({"speaker_kind": "named"}, "named speaker outside the codebook"),
    ({"speaker_kind": "source"}, "unnamed source"),
    ({"speaker_kind": "unattributed"}, "unattributed (no speaker is named)"),
    ({"speaker_kind": None}, "unnamed source"),
])
def test_speaker_text(fields, text):
    assert matrix.speaker_text(row(**fields)) == text


@pytest.mark.parametrize("statement_id, found, speaker", [
    ("n1:2:0", "Suggested by similarity to the claim's examples (score 0.55)", "unnamed source"),
    ("n1:0:0", "Found by a codebook cue pattern (confidence 0.95)",
     "named speaker outside the codebook, speaks for Russian Ministry of Defence"),
    ("n1:1:0", "Found by a codebook cue pattern (confidence 0.90)", "unattributed (no speaker is named)"),
    ("n1:3:0", "Found by a codebook cue pattern and by similarity to the claim's examples (score 0.80)",
     "codebook actor"),
    ("a1:0:0", "Found by a codebook cue pattern", "codebook actor"),
])
def test_the_evidence_card_says_how_each_statement_was_found(suggested_prep, statement_id, found, speaker):
    ev = matrix.evidence(Filters().apply(suggested_prep)).set_index("statement_id", drop=False)
    r = SimpleNamespace(**ev.loc[statement_id].to_dict())
    out = html.evidence_found_html(r)
    assert f'<span class="riwaya-found">{found.replace(chr(39), "&#x27;")}</span>' in out
    assert f'<span class="riwaya-speaker-kind">Speaker: {speaker}</span>' in out


def test_the_evidence_csv_says_how_each_statement_was_found(suggested_prep):
    ev = matrix.evidence(Filters().apply(suggested_prep), actor_id="UNK:مصدر عسكري")
    csv = matrix.evidence_csv(ev).iloc[0]
    assert (csv["found_by"], csv["confidence"], csv["speaker_kind"]) == ("example", 0.55, "source")


def test_a_hostile_speaker_is_escaped_in_the_evidence_card(suggested_prep):
    ev = matrix.evidence(Filters().apply(suggested_prep), actor_id="UNK:إيغور كوناشينكوف").iloc[0].to_dict()
    evil = SimpleNamespace(**{**ev, "actor_id": f"UNK:{EVIL}", "actor_label": f"Unlisted speaker · {EVIL}",
                              "actor_surface": EVIL, "affiliation": EVIL, "affiliation_label": EVIL,
                              "method": EVIL, "speaker_kind": EVIL, "review": EVIL})
    card = html.evidence_meta_html(evil) + html.evidence_found_html(evil)
    assert "<img" not in card and "&lt;img src=x onerror=alert(1)&gt;" in card
    assert "speaks for &lt;img" in card and "Found by &lt;img" in card
