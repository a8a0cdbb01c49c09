"""riwaya.dashboard.timeline: a claim's lifecycle (first assertion, denial, concession), by date
or, with no dates, by article order; undated statements counted, never given a date."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
import pytest

from riwaya.dashboard import timeline, timeline_table
from riwaya.dashboard.corpus import prepare
from riwaya.dashboard.filters import Filters
from riwaya.pipeline.store import load_corpus


def undate(prep, docs=None):
    """``prep`` with the dates of ``docs`` (every article when None) removed."""
    st = prep.statements
    gone = st["doc_id"].isin(docs) if docs is not None else pd.Series(True, index=st.index)
    return replace(prep, statements=st.assign(date=st["date"].where(~gone, None)))


def marks(tl, claim):
    """{milestone: sorted actor ids} of a claim."""
    lc = timeline.lifecycle(tl)
    return {r.milestone: sorted(r.actor_ids) for r in lc[lc["claim_id"] == claim].itertuples()}


# --------------------------------------------------------------------------- the fixture (dated)

@pytest.mark.parametrize("claim, milestone, actors", [
    ("VIDEO_GAME", "first assertion", ["US_DOD"]),      # 11-14; the activists only on 11-15
    ("VIDEO_GAME", "first denial", ["RU_MOD"]),          # SANA, 11-14
    ("VIDEO_GAME", "first concession", ["RU_MOD"]),      # Alpha News, 11-14
    ("COALITION_PARTY_TO_DEAL", "first denial", ["DILLON"]),
    ("RAQQA_DEAL", "first concession", ["COALITION"]),
    ("US_SUPPORTS_ISIS", "first assertion", ["RU_MOD"]),  # Alpha and Beta both: the first day only
])
def test_lifecycle_marks_the_first_of_each_stance(prep, claim, milestone, actors):
    tl = timeline.timeline(Filters().apply(prep))
    assert tl.by == "date" and tl.undated == 0
    assert marks(tl, claim)[milestone] == actors


def test_one_mark_per_stance_and_the_later_ones_unmarked(prep):
    tl = timeline.timeline(Filters().apply(prep))
    p = tl.points
    assert set(p.loc[(p["claim_id"] == "VIDEO_GAME") & (p["actor_id"] == "ACTIVISTS"), "milestone"]) == {""}
    us = p[(p["claim_id"] == "US_SUPPORTS_ISIS") & (p["stance"] == "asserts")]
    assert list(us["milestone"]) == ["first assertion", ""]  # 11-14 (Alpha), then 11-15 (Beta)


def test_lanes_tracks_and_points_do_not_cover_each_other(prep):
    tl = timeline.timeline(Filters().apply(prep))
    assert [c for c, _ in tl.lanes] == ["VIDEO_GAME", "US_SUPPORTS_ISIS", "RAQQA_DEAL",
                                        "COALITION_PARTY_TO_DEAL", "US_SAFE_IN_ISIS_AREAS", "RAQQA_NOT_LIBERATED"]
    assert ("RAQQA_NOT_LIBERATED", "RAQQA_NOT_LIBERATED") in tl.lanes  # no short label: the id
    p = tl.points
    top = p[p["claim_id"] == "VIDEO_GAME"]
    assert set(top["lane"]) == {len(tl.lanes) - 1}  # the first claim at the top
    assert top.set_index("actor_id").loc["US_DOD", "y"] > top.set_index("stance").loc["denies", "y"] \
        > top.set_index("stance").loc["concedes", "y"]
    assert not p.duplicated(["x", "y"]).any()
    assert p["x"].dt.normalize().astype(str).tolist() == p["date"].tolist()  # never off its day


@pytest.mark.parametrize("filters, claims, lanes", [
    (Filters(actors=("DILLON",)), (), ["COALITION_PARTY_TO_DEAL"]),
    (Filters(), ("RAQQA_DEAL", "VIDEO_GAME"), ["VIDEO_GAME", "RAQQA_DEAL"]),
    (Filters(stances=("concedes",)), (), ["VIDEO_GAME", "RAQQA_DEAL"]),
    (Filters(outlets=("SANA",)), ("RAQQA_DEAL",), []),
])
def test_the_timeline_follows_the_filter_and_the_claim_choice(prep, filters, claims, lanes):
    tl = timeline.timeline(filters.apply(prep), claims)
    assert [c for c, _ in tl.lanes] == lanes
    assert tl.is_empty == (not lanes)


@pytest.mark.parametrize("undated_docs, by, drawn, undated, articles", [
    (["b1"], "date", 8, 3, 1),      # Beta's three statements: counted, listed, not drawn
    (None, "article", 11, 11, 3),   # no dates at all: the articles in order
])
def test_missing_dates_are_counted_never_invented(prep, undated_docs, by, drawn, undated, articles):
    tl = timeline.timeline(Filters().apply(undate(prep, undated_docs)))
    assert (tl.by, len(tl.drawn), tl.undated, tl.undated_articles) == (by, drawn, undated, articles)
    assert len(tl.points) == 11  # nothing dropped
    rows = timeline_table.table(tl)
    assert (rows["date"] == "no date").sum() == undated
    note = timeline.dates_note(tl)
    assert f"{undated} statement(s)" in note and f"{articles} article(s)" in note
    if by == "article":
        assert timeline.article_key(tl) == "1 = Alpha News (a1); 2 = Beta Agency (b1); 3 = SANA (s1)"
        assert tl.points["x"].between(0, 3).all()


def test_with_no_dates_first_means_first_in_article_order(prep):
    tl = timeline.timeline(Filters().apply(undate(prep)))
    assert marks(tl, "VIDEO_GAME") == {"first assertion": ["US_DOD"], "first concession": ["RU_MOD"],
                                       "first denial": ["RU_MOD"]}
    vg = tl.points[tl.points["claim_id"] == "VIDEO_GAME"].sort_values("x")
    assert list(vg["doc_id"]) == ["a1", "a1", "b1", "s1"]


def test_dated_corpus_says_nothing_about_dates(prep):
    assert timeline.dates_note(timeline.timeline(Filters().apply(prep))) == ""


def test_table_statement_choices_and_evidence(prep):
    view = Filters().apply(prep)
    tl = timeline.timeline(view, ("COALITION_PARTY_TO_DEAL",))
    rows = timeline_table.table(tl)
    assert pd.read_csv(io.BytesIO(timeline_table.table_csv(tl)))["reader_link"].tolist() == rows["reader_link"].tolist()
    assert list(rows[["actor", "stance", "lifecycle", "date", "outlet"]].iloc[0]) == [
        "Col. Ryan Dillon · رايان ديلون", "denies", "first denial", "2017-11-15", "Beta Agency"]
    assert rows["reader_link"].iloc[0] == "Reader?doc=b1&sent=2#s-2"
    choices = timeline_table.statement_choices(tl)
    assert choices == {"b1:2:0": "Coalition party to deal · Col. Ryan Dillon · رايان ديلون denies · "
                                 "Beta Agency, 2017-11-15"}
    ev = timeline_table.evidence(view, "b1:2:0")
    assert (ev["actor_id"].tolist(), ev["cue"].tolist()) == (["DILLON"], ["نفى"])
    assert timeline_table.evidence(view, None).empty
    assert list(timeline.lifecycle_table(tl).iloc[0]) == ["Coalition party to deal", "first denial",
                                                           "Col. Ryan Dillon · رايان ديلون", "Beta Agency",
                                                           "2017-11-15"]


def test_empty_corpus(empty_prep):
    tl = timeline.timeline(Filters().apply(empty_prep))
    assert tl.is_empty and tl.lanes == [] and timeline.dates_note(tl) == ""
    assert timeline_table.table(tl).empty and timeline.lifecycle(tl).empty


def test_figure_escapes_titles_and_marks_the_milestones(prep):
    from components.story_figures import timeline_figure

    fig = timeline_figure(timeline.timeline(Filters().apply(prep))).to_plotly_json()
    points = [t for t in fig["data"] if t.get("customdata") is not None]
    assert {t["name"] for t in points} == {"asserts", "denies", "concedes"}
    custom = [str(c) for t in points for row in t["customdata"] for c in row]
    assert any("&lt;b&gt;عاجل&lt;/b&gt;" in c for c in custom)  # SANA's title, escaped
    assert not any("<b>عاجل" in c for c in custom)
    diamonds = sum(s == "diamond" for t in points for s in t["marker"]["symbol"])
    assert diamonds == len(timeline.lifecycle(timeline.timeline(Filters().apply(prep))).explode("actor_ids"))
    assert fig["layout"]["xaxis"]["type"] == "date"


# --------------------------------------------------------------------------- the sample, built by the pipeline

@pytest.fixture(scope="module")
def sample_prep(sample_build):
    return prepare(load_corpus(sample_build.out))


@pytest.mark.parametrize("claim, actor, stance", [
    ("VIDEO_GAME", "ACTIVISTS", "asserts"),            # the images came from a video game
    ("VIDEO_GAME", "RU_MOD", "concedes"),              # and the Russian MoD conceded it
    ("RAQQA_DEAL", "BBC", "asserts"),                  # the BBC reported the deal
    ("RAQQA_DEAL", "COALITION", "concedes"),           # the coalition conceded it
    ("COALITION_PARTY_TO_DEAL", "COALITION", "denies"),  # but denied being party to it
    ("COALITION_PARTY_TO_DEAL", "US_DOD", "denies"),     # as did the Pentagon
    ("COALITION_PARTY_TO_DEAL", "BBC", "asserts"),
])
def test_sample_story_on_the_timeline(sample_prep, claim, actor, stance):
    tl = timeline.timeline(Filters().apply(sample_prep), (claim,))
    p = tl.points
    assert ((p["actor_id"] == actor) & (p["stance"] == stance)).any()
    assert set(p["claim_id"]) == {claim} and len(p) == p["statement_id"].nunique()
    # a stance that is there has its first statement marked, whoever made it
    assert (p.loc[p["stance"] == stance, "milestone"] != "").any()


def test_sample_dates_are_not_invented(sample_prep):
    tl = timeline.timeline(Filters().apply(sample_prep))
    dated = sample_prep.statements["date"].map(lambda d: bool(d) and d == d).sum()
    assert len(tl.points) == len(sample_prep.statements)
    assert tl.by == ("date" if dated else "article")
    assert tl.undated == len(sample_prep.statements) - (dated if dated else 0)
    if not dated:
        assert "No article in view has a date" in timeline.dates_note(tl)


# --------------------------------------------------------------------------- many statements: a point per day

def test_day_points_hold_every_drawn_statement_once(prep):
    tl = timeline.timeline(Filters().apply(prep))
    days = timeline.day_points(tl)
    d = tl.drawn
    assert days["count"].sum() == len(d) and not days.duplicated(["lane", "stance", "x"]).any()
    for r in days.itertuples(index=False):
        part = d[(d["lane"] == r.lane) & (d["stance"] == r.stance) & (d["date"] == r.date)]
        assert r.count == len(part) and r.statement_id == part.loc[part["x"].idxmin(), "statement_id"]
        assert r.milestone == part["milestone"].iat[0] and r.x.hour == 12
        assert sum(n for _, n in r.actors) == len(part) == sum(n for _, n in r.outlets)
        assert [n for _, n in r.actors] == sorted((n for _, n in r.actors), reverse=True)
    vg = days[(days["claim_short"] == tl.lanes[0][1]) & (days["stance"] == "asserts")]
    assert vg["milestone"].tolist()[0] == "first assertion"


@pytest.mark.parametrize("limit, grouped", [(None, False), (0, True), (7, True), (8, False)])
def test_many_statements_are_drawn_a_point_per_claim_stance_and_day(prep, monkeypatch, limit, grouped):
    from components.story_figures import timeline_figure

    if limit is not None:
        monkeypatch.setattr(timeline, "POINTS_DRAWN", limit)  # the fixture draws 8 dated statements
    st = prep.statements
    odd = replace(prep, statements=st.assign(actor_label=st["actor_label"].where(
        st["actor_id"] != "US_DOD", "<b>DoD</b>")))
    tl = timeline.timeline(Filters().apply(undate(odd, ["b1"])))
    assert timeline.is_grouped(tl) == grouped and bool(timeline.points_note(tl)) == grouped
    fig = timeline_figure(tl).to_plotly_json()
    points = [t for t in fig["data"] if t.get("customdata") is not None]
    ids = [row[0] for t in points for row in t["customdata"]]
    assert set(ids) <= set(tl.drawn["statement_id"])      # a click opens a statement's evidence
    assert len(ids) == (len(timeline.day_points(tl)) if grouped else len(tl.drawn))
    custom = [str(c) for t in points for row in t["customdata"] for c in row]
    assert not any("<b>DoD" in c for c in custom) and any("&lt;b&gt;DoD" in c for c in custom)
    diamonds = sum(s == "diamond" for t in points for s in t["marker"]["symbol"])
    marked = timeline.day_points(tl) if grouped else tl.drawn
    assert diamonds == (marked["milestone"] != "").sum() > 0


@pytest.mark.parametrize("filters, claims", [(Filters(), ()), (Filters(stances=("denies",)), ()),
                                             (Filters(), ("VIDEO_GAME",))])
def test_points_keep_codes_and_the_table_reads_each_quote_from_the_corpus(prep, filters, claims):
    """The points hold their texts as categories and no quote; the table's rows have the
    quote, outlet and actor of their statement in the corpus, as plain values."""
    tl = timeline.timeline(filters.apply(prep), claims)
    assert "quote" not in tl.points
    assert all(isinstance(tl.points[c].dtype, pd.CategoricalDtype) for c in timeline.CATEGORIES)
    rows = timeline_table.table(tl)
    assert len(rows) == len(tl.points) > 0
    by_id = prep.statements.set_index("statement_id")
    ids = tl.points.iloc[timeline_table._table_order(tl)]["statement_id"].tolist()
    for column, source in (("quote", "quote"), ("outlet", "source"), ("actor", "actor_label")):
        assert not isinstance(rows[column].dtype, pd.CategoricalDtype)
        assert rows[column].astype(str).tolist() == by_id.loc[ids, source].astype(str).tolist()
