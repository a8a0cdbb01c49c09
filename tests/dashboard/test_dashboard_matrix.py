"""riwaya.dashboard.matrix: the actor x claim matrix, its cells and their evidence."""

from __future__ import annotations

import pytest

from riwaya.dashboard import matrix
from riwaya.dashboard.filters import Filters
from riwaya.dashboard.palette import SILENT_MARK


@pytest.mark.parametrize("counts, stance, text", [
    ({}, "silent", "—"),
    ({"asserts": 2}, "asserts", "2"),
    ({"denies": 1, "asserts": 0}, "denies", "1"),
    ({"denies": 1, "concedes": 1}, "mixed", "D1 C1"),
    ({"asserts": 3, "denies": 1, "concedes": 2}, "mixed", "A3 D1 C2"),
])
def test_cell_stance_and_text(counts, stance, text):
    assert matrix.cell_stance(counts) == stance
    assert matrix.cell_text(counts) == text


@pytest.mark.parametrize("actor, claim, stance, n", [
    ("RU_MOD", "VIDEO_GAME", "mixed", 2),
    ("RU_MOD", "US_SUPPORTS_ISIS", "asserts", 2),
    ("US_DOD", "US_SUPPORTS_ISIS", "denies", 1),
    ("DILLON", "COALITION_PARTY_TO_DEAL", "denies", 1),
    ("COALITION", "RAQQA_DEAL", "concedes", 1),
    ("DILLON", "VIDEO_GAME", "silent", 0),
    ("RU_MOD", "OLD_FOOTAGE", "silent", 0),
])
def test_matrix_cells(prep, actor, claim, stance, n):
    m = matrix.actor_claim_matrix(Filters().apply(prep)).set_index(["actor_id", "claim_id"])
    assert m.loc[(actor, claim), "stance"] == stance
    assert m.loc[(actor, claim), "n"] == n
    if stance == "silent":
        assert m.loc[(actor, claim), "text"] == SILENT_MARK


def test_matrix_rows_and_columns_follow_the_filter(prep):
    full = matrix.actor_claim_matrix(Filters().apply(prep))
    assert len(full) == 6 * 7  # 6 speakers x 7 claims, silent cells included
    assert full["actor_id"].iloc[0] == "RU_MOD"  # most statements first
    one = matrix.actor_claim_matrix(Filters(actors=("DILLON",)).apply(prep))
    assert set(one["actor_id"]) == {"DILLON"}
    # an actor chosen in the filter who never speaks still gets a (silent) row
    isis = matrix.actor_claim_matrix(Filters(actors=("ISIS",)).apply(prep))
    assert set(isis["actor_id"]) == {"ISIS"} and set(isis["stance"]) == {"silent"}
    assert not matrix.has_statements(isis) and matrix.has_statements(full)
    claim = matrix.actor_claim_matrix(Filters(claims=("VIDEO_GAME",)).apply(prep))
    assert set(claim["claim_id"]) == {"VIDEO_GAME"}
    assert set(claim["actor_id"]) == {"RU_MOD", "US_DOD", "ACTIVISTS"}


def test_matrix_wide_for_csv(prep):
    wide = matrix.matrix_wide(matrix.actor_claim_matrix(Filters(claims=("VIDEO_GAME", "OLD_FOOTAGE")).apply(prep)))
    assert list(wide.columns) == ["actor", "VIDEO_GAME", "OLD_FOOTAGE"]
    row = wide.set_index("actor").loc["Russian Ministry of Defence · وزارة الدفاع الروسية"]
    assert row["VIDEO_GAME"] == "mixed (denies 1, concedes 1)"
    assert row["OLD_FOOTAGE"] == "silent"


def test_cells_to_choose_and_the_claims_key(prep):
    long = matrix.actor_claim_matrix(Filters(actors=("DILLON", "RU_MOD")).apply(prep))
    cells = matrix.cell_choices(long)
    assert list(cells)[0].startswith("RU_MOD|")  # matrix order: most vocal first
    assert cells["DILLON|COALITION_PARTY_TO_DEAL"] == \
        "Col. Ryan Dillon · رايان ديلون — Coalition party to deal (denies, 1)"
    assert "DILLON|VIDEO_GAME" not in cells  # silent cells cannot be chosen
    assert matrix.split_cell(matrix.cell_key("DILLON", "X|Y")) == ("DILLON", "X|Y")
    assert matrix.split_cell(None) == (None, None)
    key = matrix.claims_in_matrix(long)
    assert list(key.columns) == ["label", "claim_id", "claim"] and len(key) == 7


def test_evidence_of_a_cell_and_its_csv(prep):
    ev = matrix.evidence(Filters().apply(prep), actor_id="RU_MOD", claim_id="VIDEO_GAME")
    assert list(ev["statement_id"]) == ["a1:2:0", "s1:2:0"]
    assert set(ev["stance"]) == {"concedes", "denies"}
    csv = matrix.evidence_csv(ev)
    assert "reader_link" in csv and csv["reader_link"].iloc[0] == "Reader?doc=a1&sent=2#s-2"
    assert "cue_start" not in csv


def test_evidence_follows_the_filter(prep):
    ev = matrix.evidence(Filters(outlets=("SANA",)).apply(prep), actor_id="RU_MOD")
    assert set(ev["doc_id"]) == {"s1"}


def test_an_empty_corpus_has_an_empty_matrix(empty_prep):
    assert matrix.actor_claim_matrix(Filters().apply(empty_prep)).empty


@pytest.mark.parametrize("actor_id, claim_id", [(None, None), ("DILLON", None), (None, "VIDEO_GAME"),
                                                ("DILLON", "VIDEO_GAME"), ("nobody", None)])
def test_a_page_of_evidence_is_made_from_positions_alone(prep, actor_id, claim_id):
    """The page keeps the positions of a long evidence list and makes only its page's rows."""
    view = Filters().apply(prep)
    full = matrix.evidence(view, actor_id=actor_id, claim_id=claim_id)
    positions = matrix.evidence_positions(view, actor_id=actor_id, claim_id=claim_id)
    assert len(positions) == len(full)
    page, pages = matrix.evidence_page(positions, 2, size=2)
    assert pages == matrix.evidence_page(full, 2, size=2)[1]
    assert matrix.evidence_rows(view, page).equals(matrix.evidence_page(full, 2, size=2)[0].reset_index(drop=True))
