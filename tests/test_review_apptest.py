"""The review widgets through Streamlit's AppTest, on a fresh copy of the fixture corpus:
Confirm, Reject and Correct… under the evidence cards, Add in the Reader, Undo; each decision is
in the review file and shows at once (the matrix, the Reader's statements)."""

from __future__ import annotations

import pytest

from riwaya.config import review_db
from riwaya.review import ReviewStore
from riwaya.review.forms import widget_key
from tests.fixture_corpus import write_fixture
from tests.apptest_support import MATRIX, READER, html_text, matrix_cells, open_page


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    out = tmp_path / "processed"
    write_fixture(out)
    monkeypatch.setenv("RIWAYA_PROCESSED", str(out))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "no-raw"))
    monkeypatch.setenv("RIWAYA_REVIEWER", "tester")
    monkeypatch.delenv("RIWAYA_REVIEW", raising=False)
    return out


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def press(at, key: str):
    return ok(at.button(key=key).click().run())


def decisions(out):
    return ReviewStore(review_db(out)).decisions()


def test_confirm_reject_and_undo_under_the_evidence(corpus):
    at = open_page(MATRIX, {"cell": "UNK:مصدر مجهول|RAQQA_NOT_LIBERATED"})
    assert ("UNK:مصدر مجهول", "RAQQA_NOT_LIBERATED") in matrix_cells(at)
    k = widget_key("s1:1:0")
    press(at, f"review_reject_{k}")
    d = decisions(corpus)
    assert list(d["action"]) == ["reject"] and list(d["reviewer"]) == ["tester"]
    # gone from the matrix at once, and the page says what was stored
    assert ("UNK:مصدر مجهول", "RAQQA_NOT_LIBERATED") not in matrix_cells(at)
    assert 'data-review="rejected"' in html_text(at) and "Stored: rejected" in html_text(at)
    press(at, "review_undo_matrix")
    assert decisions(corpus).empty
    assert ("UNK:مصدر مجهول", "RAQQA_NOT_LIBERATED") in matrix_cells(at)

    at = open_page(MATRIX, {"cell": "DILLON|COALITION_PARTY_TO_DEAL"})
    k = widget_key("b1:2:0")
    press(at, f"review_confirm_{k}")
    assert list(decisions(corpus)["action"]) == ["confirm"]
    body = html_text(at)
    assert 'data-review="confirmed"' in body and "by tester" in body
    # a confirmed card offers Reject, Correct… and Undo, not Confirm again
    keys = {b.key for b in at.button}
    assert f"review_confirm_{k}" not in keys and f"review_withdraw_{k}" in keys


def test_correct_changes_the_stance_everywhere(corpus):
    at = open_page(MATRIX, {"cell": "DILLON|COALITION_PARTY_TO_DEAL"})
    assert matrix_cells(at)[("DILLON", "COALITION_PARTY_TO_DEAL")] == "denies"
    k = widget_key("b1:2:0")
    press(at, f"review_correct_{k}")
    at.selectbox(key=f"review_fix_stance_{k}").set_value("concedes")
    at.text_input(key=f"review_fix_note_{k}").input("a concession, read again")
    press(at, f"review_fix_save_{k}")
    d = decisions(corpus)
    assert (d.loc[0, "action"], d.loc[0, "new_stance"], d.loc[0, "note"]) == \
        ("correct", "concedes", "a concession, read again")
    at = open_page(MATRIX)
    assert matrix_cells(at)[("DILLON", "COALITION_PARTY_TO_DEAL")] == "concedes"


def test_a_correction_that_changes_nothing_is_refused(corpus):
    at = open_page(MATRIX, {"cell": "DILLON|COALITION_PARTY_TO_DEAL"})
    k = widget_key("b1:2:0")
    press(at, f"review_correct_{k}")
    press(at, f"review_fix_save_{k}")
    assert decisions(corpus).empty
    assert "changes nothing" in html_text(at)


def test_add_a_statement_in_the_reader(corpus):
    at = open_page(READER, {"doc": "b1", "sent": "1"})
    k = widget_key("b1")
    assert at.selectbox(key=f"review_add_sentence_{k}").value == 1    # the quoted sentence
    at.selectbox(key=f"review_add_actor_{k}").set_value("COALITION")
    at.selectbox(key=f"review_add_claim_{k}").set_value("US_SUPPORTS_ISIS")
    at.selectbox(key=f"review_add_stance_{k}").set_value("denies")
    ok(at.button[[b.label for b in at.button].index("Add the statement")].click().run())
    d = decisions(corpus)
    assert (d.loc[0, "action"], d.loc[0, "actor_id"], d.loc[0, "stance"]) == ("add", "COALITION", "denies")
    table = at.dataframe[0].value
    added = table[table["review"] == "added"]
    assert len(added) == 1 and added.iloc[0]["sentence"] == 1 and added.iloc[0]["claim_id"] == "US_SUPPORTS_ISIS"
    assert "Stored: added" in html_text(at)


def test_add_without_a_speaker_says_what_is_missing(corpus):
    at = open_page(READER, {"doc": "b1"})
    ok(at.button[[b.label for b in at.button].index("Add the statement")].click().run())
    assert decisions(corpus).empty
    assert "Choose a speaker and a claim" in html_text(at)
