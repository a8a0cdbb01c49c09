"""The timeline of a claim: who said it first, when it was denied, when it was conceded.

One lane per claim; each statement in view is a point at its article's date (``documents.date``,
an ISO date or null). Dates are never invented:

- when some statements are dated, the chart's x axis is the date and the undated statements are
  counted (:attr:`Timeline.undated`) and listed in the table, not drawn;
- when none is dated, the x axis is the order of the articles (by article id, then sentence) and
  the page says that dates are missing: "first" then means first in that order, not in time.

Within a lane, asserts, denies and concedes each have a track of their own, so a lifecycle
reads left to right: the first assertion, the first denial, the first concession are marked
(:data:`MILESTONES`). Several statements on one day are spread across that day in article
and sentence order, so that no point covers another. Past :data:`POINTS_DRAWN` dated statements
(thousands of points are slow to draw in a browser) the chart draws one point per claim, stance
and day instead (:func:`day_points`), sized by how many statements it holds; a click on it opens
the first of them, and the table (a page of it, searched) and its CSV still list every statement.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from riwaya.dashboard.corpus import as_text
from riwaya.dashboard.filters import View
from riwaya.dashboard.memo import per_view
from riwaya.pipeline.schema import STANCES

#: the lifecycle's marks: the first statement of each stance on a claim
MILESTONES = {"asserts": "first assertion", "denies": "first denial", "concedes": "first concession"}
#: a stance's track within its claim's lane (lane i is drawn at y = i; tracks above and below)
TRACK = {"asserts": 0.25, "denies": 0.0, "concedes": -0.25}
#: above this many dated statements the chart draws one point per claim, stance and day
POINTS_DRAWN = 2_000
COLUMNS = ["claim_id", "claim_short", "claim_label", "lane", "y", "x", "date", "dated", "source",
           "title", "doc_id", "sentence_id", "statement_id", "actor_id", "actor_label", "stance",
           "milestone", "row"]
#: the points' columns kept as categories: few distinct values (a small code a point, not a string
#: each: the points of 124,000 statements at 100,000 articles held 88 MB, now ~15)
CATEGORIES = ("claim_id", "claim_short", "claim_label", "date", "source", "title", "actor_id",
              "actor_label", "stance", "milestone")
#: what the points are computed from (the statements' other columns, the quote first of all, are
#: not copied: read from the corpus's statements at ``row`` for the rows shown, :func:`quotes`)
_READ = ("claim_id", "claim_short", "claim_label", "date", "source", "title", "doc_id",
         "sentence_id", "statement_id", "actor_id", "actor_label", "stance")


@dataclass(frozen=True)
class Timeline:
    """The points of the timeline and how its x axis reads.

    ``points``: one row per statement drawn or listed (columns :data:`COLUMNS`, the text ones as
    categories; ``row``: the statement's position in ``statements``, the corpus's); ``x`` is a
    timestamp (``by == "date"``) or an article position (``by == "article"``, article ``i``
    spans ``i`` to ``i + 1``), NaN/NaT for an undated statement on a dated axis.
    ``lanes``: the claims top to bottom as (claim id, short label). ``articles``: on an article
    axis, (position of the article's centre, its label) for the ticks. ``undated``: statements
    (and ``undated_articles`` articles) without a date.
    """

    points: pd.DataFrame
    lanes: list[tuple[str, str]]
    by: str                       # "date" or "article"
    articles: list[tuple[float, str]]
    undated: int
    undated_articles: int
    #: the corpus's statements (shared, not a copy): the points' other columns (:func:`quotes`)
    statements: pd.DataFrame | None = field(default=None, compare=False, repr=False)
    #: what is derived from it (its table, its choices), computed once: a timeline is shared
    #: by every session with the same filter (:func:`timeline` is memoised)
    derived: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def is_empty(self) -> bool:
        return self.points.empty

    def once(self, name: str, compute):
        """``compute()``, computed once for this timeline (kept in :attr:`derived`)."""
        if name not in self.derived:
            self.derived[name] = compute()
        value = self.derived[name]
        return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value

    @property
    def drawn(self) -> pd.DataFrame:
        """The points that have a place on the x axis."""
        return self.points[self.points["x"].notna()]


def parse_dates(values: pd.Series) -> pd.Series:
    """ISO dates (``documents.date``) as timestamps; NaT for null, empty or unreadable ones."""
    return pd.to_datetime(values.map(as_text).replace("", None), errors="coerce", format="ISO8601")


def claim_choices(view: View) -> dict[str, str]:
    """{claim id: short label} of the claims with a statement in view, in codebook order."""
    said = set(view.statements["claim_id"].dropna().unique())   # not a string per statement
    claims = view.prep.claims
    return {c: s for c, s in zip(claims["claim_id"], claims["short"]) if c in said}


def timeline(view: View, claim_ids=()) -> Timeline:
    """The timeline of the statements in view (of ``claim_ids`` only, when given); computed
    once per filter and claims, shared by every session."""
    return _timeline(view, tuple(claim_ids or ()))


@per_view
def _timeline(view: View, claim_ids: tuple[str, ...]) -> Timeline:
    st = view.statements
    st = st[[c for c in _READ if c in st]].assign(   # the columns it needs, not a copy of all
        row=view.prep.statements.index.get_indexer(st.index).astype("int32"))
    if claim_ids:
        st = st[st["claim_id"].isin(list(claim_ids))]
    # a code a statement from here on: each look-up below is made once per distinct value
    # (a Python string per statement, 124,000 of them a pass, left the heap fragmented)
    st = _as_categories(st)
    dates = st["date"].cat.categories
    st = st.assign(_when=_by_category(st["date"], parse_dates(pd.Series(dates, dtype=object)).to_numpy(),
                                      np.datetime64("NaT", "ns")))
    by = "date" if st["_when"].notna().any() else "article"
    st = st.sort_values(["_when", "doc_id", "sentence_id", "statement_id"], na_position="last", kind="stable")
    said = set(st["claim_id"].dropna().unique())
    order = [c for c in claim_choices(view) if c in said]
    lanes = [(c, view.prep.claim_short(c)) for c in order]
    lane_of = {c: i for i, c in enumerate(reversed(order))}  # the first claim at the top
    lane = _by_category(st["claim_id"], np.array([lane_of.get(c, np.nan) for c in st["claim_id"].cat.categories],
                                                 dtype=float), np.nan)
    texts = {c: _by_category(st[c], np.array([as_text(v) for v in st[c].cat.categories], dtype=object), "")
             for c in ("title", "date") if c in st}
    points = st.assign(lane=lane if np.isnan(lane).any() else lane.astype("int64"),
                       dated=st["_when"].notna(), title=texts.get("title", ""), date=texts["date"])
    track = np.array([TRACK.get(v, 0.0) for v in st["stance"].cat.categories], dtype=float)
    points["y"] = points["lane"] + _by_category(st["stance"], track, 0.0)
    articles: list[tuple[float, str]] = []
    if by == "date":
        points["x"] = _within_day(points)
    else:
        points["x"], articles = _article_positions(points, view)
    points["milestone"] = _milestones(points, by)
    undated = points[~points["dated"]]
    return Timeline(_as_categories(points.reindex(columns=COLUMNS).reset_index(drop=True)),
                    lanes, by, articles,
                    len(undated) if by == "date" else len(points),
                    undated["doc_id"].nunique() if by == "date" else points["doc_id"].nunique(),
                    statements=view.prep.statements)


def _as_categories(points: pd.DataFrame) -> pd.DataFrame:
    """The points with their :data:`CATEGORIES` columns as categories."""
    return points.astype({c: "category" for c in CATEGORIES if c in points})


def _by_category(values: pd.Series, per_category: np.ndarray, missing) -> np.ndarray:
    """Each row's value of ``per_category`` (one per category of ``values``), ``missing``
    where ``values`` has none."""
    table = np.append(per_category, np.array([missing], dtype=per_category.dtype))
    return table[values.cat.codes.to_numpy()]   # code -1 (no value): the last


def plain(values: pd.Series) -> pd.Series:
    """A category column as its values (a table sent to the browser must not carry every
    category of the timeline)."""
    return values.astype(object) if isinstance(values.dtype, pd.CategoricalDtype) else values


def quotes(tl: Timeline, points: pd.DataFrame) -> pd.Series:
    """The quote of each of ``points`` (rows of ``tl.points``), read from the corpus's statements."""
    if tl.statements is None or "quote" not in tl.statements or points.empty:
        return pd.Series("", index=points.index, dtype=object)
    q = tl.statements["quote"].iloc[points["row"].to_numpy()]
    return pd.Series(q.to_numpy(dtype=object), index=points.index)


def _within_day(points: pd.DataFrame) -> pd.Series:
    """Each dated statement's timestamp, spread over its day in article and sentence order
    (from 03:00 to 21:00), so that statements of one day do not cover each other."""
    x = pd.Series(pd.NaT, index=points.index, dtype="datetime64[ns]")
    dated = points[points["dated"]]
    for _, day in dated.groupby("_when", sort=False):
        n = len(day)
        hours = [3 + 18 * (i + 0.5) / n for i in range(n)]
        x.loc[day.index] = day["_when"] + pd.to_timedelta(hours, unit="h")
    return x


def _article_positions(points: pd.DataFrame, view: View) -> tuple[pd.Series, list[tuple[float, str]]]:
    """With no dates: article ``i`` (in article id order) spans ``i`` to ``i + 1``, its
    statements spread in sentence order; ticks name each article by outlet and id."""
    docs = sorted(set(points["doc_id"]))
    index = {d: i for i, d in enumerate(docs)}
    x = pd.Series(float("nan"), index=points.index, dtype=float)
    for doc, part in points.groupby("doc_id", sort=False):
        n = len(part)
        x.loc[part.index] = [index[doc] + 0.1 + 0.8 * (i + 0.5) / n for i in range(n)]
    source = dict(zip(points["doc_id"], points["source"]))
    ticks = [(i + 0.5, _article_name(as_text(source.get(d)), d)) for i, d in enumerate(docs)]
    return x, ticks


def _article_name(outlet: str, doc_id: str) -> str:
    """An article's tick label: its outlet, with the start of its id unless the outlet already
    names it ("No outlet named · article 000_54f79f58")."""
    if not outlet:
        return doc_id[:12]
    return outlet if doc_id[:8] in outlet else f"{outlet} ({doc_id[:8]})"


def _milestones(points: pd.DataFrame, by: str) -> pd.Series:
    """The lifecycle mark of each statement: "first assertion" etc. for the first statement(s)
    of each stance on a claim (every statement of that stance on the first day, on a date axis;
    the first in article order otherwise), "" for the others and for undated ones on a date axis."""
    out = pd.Series("", index=points.index, dtype=object)
    drawn = points[points["x"].notna()]
    for (_, stance), part in drawn.groupby(["claim_id", "stance"], sort=False):
        if stance not in MILESTONES:
            continue
        if by == "date":
            first = part.index[part["_when"] == part["_when"].min()]
        else:
            first = [part["x"].idxmin()]
        out.loc[first] = MILESTONES[stance]
    return out


def is_grouped(tl: Timeline, *, limit: int | None = None) -> bool:
    """Whether the chart draws one point per claim, stance and day (more than ``limit``,
    default :data:`POINTS_DRAWN`, dated statements)."""
    return tl.by == "date" and len(tl.drawn) > (POINTS_DRAWN if limit is None else limit)


def day_points(tl: Timeline) -> pd.DataFrame:
    """One point per claim, stance and day of the drawn statements: lane, y, stance, x (the
    day's noon), date, claim_short, count, statement_id (the day's first statement, in
    article and sentence order: a click opens it), actors and outlets (the most frequent
    first, as (name, count) lists), milestone (the first-day points of a lifecycle)."""
    return tl.once("day_points", lambda: _day_points(tl.drawn))


def _day_points(drawn: pd.DataFrame) -> pd.DataFrame:
    cols = ["lane", "y", "stance", "x", "date", "claim_short", "count", "statement_id",
            "actors", "outlets", "milestone"]
    if drawn.empty:
        return pd.DataFrame(columns=cols)
    keys = ["lane", "stance", "day"]
    frame = drawn.assign(day=drawn["x"].dt.normalize(), outlet=drawn["source"].map(as_text))
    # first: drawn is in time, article and sentence order
    out = frame.groupby(keys, sort=True).agg(
        y=("y", "first"), date=("date", "first"), claim_short=("claim_short", "first"),
        count=("statement_id", "size"), statement_id=("statement_id", "first"),
        milestone=("milestone", "first"))
    out["actors"], out["outlets"] = _most(frame, keys, "actor_label"), _most(frame, keys, "outlet")
    out = out.reset_index()
    out["x"] = out["day"] + pd.Timedelta(hours=12)
    return out.reindex(columns=cols)


def _most(frame: pd.DataFrame, keys: list[str], column: str) -> pd.Series:
    """Per group of ``keys``, the (value of ``column``, count) pairs, the most frequent first
    (then by value)."""
    counts = frame.groupby([*keys, column], sort=True).size().rename("n").reset_index()
    counts = counts.sort_values([*keys, "n", column], ascending=[True] * len(keys) + [False, True],
                                kind="stable")
    counts["pair"] = list(zip(counts[column], counts["n"].astype(int)))
    return counts.groupby(keys, sort=True)["pair"].agg(list)


def points_note(tl: Timeline) -> str:
    """What the page says when the chart draws a point per claim, stance and day ("" otherwise)."""
    if not is_grouped(tl):
        return ""
    return (f"{len(tl.drawn):,} statements: each point is one claim's statements of one stance on "
            f"one day, sized by how many; click it to read the first of them. The table below "
            f"and its CSV list every statement.")


def lifecycle(tl: Timeline) -> pd.DataFrame:
    """Per claim, who marked each step of its lifecycle: claim_id, stance, milestone, actors
    (labels, in order), outlets, date ("" when undated)."""
    rows = []
    marked = tl.points[tl.points["milestone"] != ""]
    for (claim, stance), part in marked.groupby(["claim_id", "stance"], sort=False):
        rows.append({"claim_id": claim, "stance": stance, "milestone": MILESTONES[stance],
                     "actor_ids": list(dict.fromkeys(part["actor_id"])),
                     "actors": ", ".join(dict.fromkeys(part["actor_label"])),
                     "outlets": ", ".join(dict.fromkeys(part["source"].map(as_text))),
                     "date": ", ".join(dict.fromkeys(d for d in part["date"] if d))})
    order = {"stance": {s: i for i, s in enumerate(STANCES)},
             "claim_id": {c: i for i, (c, _) in enumerate(tl.lanes)}}
    out = pd.DataFrame(rows, columns=["claim_id", "stance", "milestone", "actor_ids", "actors",
                                      "outlets", "date"])
    return out.sort_values(["claim_id", "stance"], key=lambda s: s.map(order[s.name]),
                           kind="stable").reset_index(drop=True)


def lifecycle_table(tl: Timeline) -> pd.DataFrame:
    """:func:`lifecycle` for the page: claim, step, who, outlet, date ("no date")."""
    return tl.once("lifecycle_table", lambda: _lifecycle_table(tl))


def _lifecycle_table(tl: Timeline) -> pd.DataFrame:
    lc = lifecycle(tl)
    short = dict(tl.lanes)
    return pd.DataFrame({"claim": lc["claim_id"].map(lambda c: short.get(c, c)), "step": lc["milestone"],
                         "who": lc["actors"], "outlet": lc["outlets"],
                         "date": [d or "no date" for d in lc["date"]]})


def article_key(tl: Timeline) -> str:
    """On an article axis (ticks numbered 1, 2, …): which article each number is."""
    return "; ".join(f"{i + 1} = {label}" for i, (_, label) in enumerate(tl.articles))


def dates_note(tl: Timeline) -> str:
    """What the page says about missing dates ("" when every statement has one)."""
    if tl.is_empty or not tl.undated:
        return ""
    if tl.by == "article":
        return (f"No article in view has a date ({tl.undated} statement(s) in {tl.undated_articles} "
                f"article(s)), so the timeline shows the articles in order of their ids, not in time: "
                f"“first” means first in that order. Dates come from the articles' metadata.")
    return (f"{tl.undated} statement(s) from {tl.undated_articles} article(s) without a date are not "
            f"on the chart; they are listed in the table below as “no date”.")
