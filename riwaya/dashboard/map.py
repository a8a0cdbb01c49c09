"""The map page's data: the places in view, the region to frame, the sentences naming a place.

The region is computed from the corpus itself (the places its articles name most), never
assumed: a corpus about another part of the world gets its own map.
"""

from __future__ import annotations

import pandas as pd

from riwaya.dashboard.corpus import Prepared, as_categories, as_text, join_unique
from riwaya.dashboard.filters import View, kind_mentions, sentence_keys
from riwaya.dashboard.memo import per_corpus, per_view
from riwaya.dashboard.query import with_texts

#: (lon range, lat range) of a corpus with no place to draw: the whole world
WORLD_FRAME = ((-180.0, 180.0), (-60.0, 85.0))

Frame = tuple[list[float], list[float]]

PLACE_COLUMNS = ["entity_id", "name_en", "name_ar", "lat", "lon", "kind", "mentions", "articles",
                 "outlets", "claims", "speakers", "colour_key", "colour_label"]
COLOUR_BY = {"claim": "Claim made there", "outlet": "Outlet naming it"}
#: kinds of place that are areas or lines, not spots: drawn as context (the base map shades
#: countries and draws rivers; the page lists them beside the map), never as a dot over a city
CONTEXT_KINDS = frozenset({"country", "river", "region", "sea", "lake", "province", "governorate",
                           "desert", "area", "continent", "mountains"})
#: (plot width / plot height) of the map's drawing area, the frame's shape
MAP_ASPECT = 1.7


@per_view
def place_summary(view: View, *, colour_by: str = "claim") -> pd.DataFrame:
    """One row per mentioned place in view, with coordinates, counts and a colour key.

    ``colour_by`` is "claim" (the claim most often made in sentences naming the place, or
    "No claim") or "outlet" (the outlet that names it most). Places without coordinates are
    kept with ``lat``/``lon`` null so the page can say how many could not be drawn.
    """
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour_by: expected one of {sorted(COLOUR_BY)}, got {colour_by!r}")
    prep = view.prep
    # the place mentions in view, by integer sentence keys; grouped once, never a scan per
    # place (a filter at 10k articles took 2 s of per-place masks)
    m = kind_mentions(prep, "place")
    if (keys := view.sentence_keys) is not None:
        m = m[m["skey"].isin(keys).to_numpy()]
    if m.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    by_place = m.groupby("entity_id", sort=True, observed=True)
    out = pd.DataFrame({"mentions": by_place.size(), "articles": by_place["doc_id"].nunique()})
    out.index = out.index.astype(object)
    st = view.statements[["claim_id", "actor_label"]].assign(
        skey=sentence_keys(prep, "statements").loc[view.statements.index].to_numpy())
    said = m[["skey", "entity_id"]].drop_duplicates().merge(st, on="skey")
    # how often each place goes with each outlet, claim, speaker, spelling: counted once on
    # the category codes, then everything below works on these few rows
    outlets, surfaces = _counts(m, "source"), _counts(m, "surface")
    claims = _counts(said, "claim_id")
    claims = claims.assign(short=claims["claim_id"].map(prep.claim_short))
    out["outlets"] = _joined(outlets, "source").reindex(out.index, fill_value="")
    out["claims"] = _joined(claims, "short").reindex(out.index, fill_value="")
    out["speakers"] = _joined(_counts(said, "actor_label"), "actor_label").reindex(out.index, fill_value="")
    if colour_by == "outlet":
        top = _most(outlets, "source")
        out["colour_key"] = out["colour_label"] = top.reindex(out.index)
    else:
        top = _most(claims, "claim_id").reindex(out.index)
        out["colour_key"] = top.fillna("")
        out["colour_label"] = [prep.claim_short(c) if isinstance(c, str) else "No claim" for c in top]
    out["surface"] = _most(surfaces, "surface").reindex(out.index)
    out = out.reset_index()
    out = out.merge(prep.places, on="entity_id", how="left")
    # a place missing from the places table is still listed, named as written
    out["name_ar"] = [as_text(a) or s for a, s in zip(out["name_ar"], out["surface"])]
    out["name_en"] = [as_text(e) or a for e, a in zip(out["name_en"], out["name_ar"])]
    out = out.sort_values(["mentions", "name_en"], ascending=[False, True]).reset_index(drop=True)
    return out[PLACE_COLUMNS]


def _plain(series: pd.Series) -> pd.Series:
    """A result keyed by place id, its index and values as plain objects (not categories)."""
    out = series.astype(object)
    out.index = out.index.astype(object)
    return out


def _counts(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """entity_id, ``column``, n: how many of ``rows`` pair each place with each value (a
    missing value left out), as plain objects."""
    counts = rows.groupby(["entity_id", column], sort=False, observed=True).size().rename("n").reset_index()
    return counts.astype({"entity_id": object, column: object})


def _joined(counts: pd.DataFrame, column: str) -> pd.Series:
    """Per place, its distinct ``column`` values (:func:`_counts`) sorted and joined by ", "."""
    pairs = counts.sort_values(column)
    return _plain(pairs.groupby("entity_id", sort=True)[column].agg(join_unique))


def _most(counts: pd.DataFrame, column: str) -> pd.Series:
    """Per place, its most frequent ``column`` value (:func:`_counts`; of equals, the first
    in sort order)."""
    counts = counts.sort_values(["n", column], ascending=[False, True], kind="stable")
    return _plain(counts.drop_duplicates("entity_id").set_index("entity_id")[column])


def drawn(places: pd.DataFrame) -> pd.DataFrame:
    """The places that have coordinates (the others are listed in the table only)."""
    return places.dropna(subset=["lat", "lon"])


def is_context(places: pd.DataFrame) -> pd.Series:
    """True for the places that are areas or lines (:data:`CONTEXT_KINDS`): countries, rivers…"""
    if "kind" not in places:
        return pd.Series(False, index=places.index)
    return places["kind"].fillna("").astype(str).str.lower().isin(CONTEXT_KINDS)


def spots(places: pd.DataFrame) -> pd.DataFrame:
    """The places drawn as markers: with coordinates, not :func:`is_context`."""
    d = drawn(places)
    return d[~is_context(d)]


def context_places(places: pd.DataFrame) -> pd.DataFrame:
    """The countries, rivers and other areas named, most mentioned first: listed beside the map."""
    return places[is_context(places)]


def outside(places: pd.DataFrame, frame: Frame) -> pd.DataFrame:
    """The places with coordinates that fall outside ``frame`` (lon range, lat range)."""
    d = drawn(places)
    return d[~(d["lon"].between(*frame[0]) & d["lat"].between(*frame[1]))]


def outside_note(places: pd.DataFrame, frame: Frame) -> str | None:
    """A caption naming the places drawn outside ``frame`` (None when there is none)."""
    out = outside(places, frame)
    if out.empty:
        return None
    return ("Outside this view: " + ", ".join(f"{r.name_en} ({r.mentions})" for r in out.itertuples(index=False))
            + ". Scroll on the map to zoom out.")


def place_choices(places: pd.DataFrame) -> dict[str, str]:
    """{place id: "English · Arabic (n mentions)"}, in the order of ``places``."""
    return {r.entity_id: f"{r.name_en} · {r.name_ar} ({r.mentions} mention{'s' if r.mentions != 1 else ''})"
            for r in places.itertuples(index=False)}


def place_row(places: pd.DataFrame, place_id: str) -> pd.Series:
    """The row of ``place_id`` in a :func:`place_summary` frame."""
    hit = places[places["entity_id"] == place_id]
    if hit.empty:
        raise KeyError(f"place {place_id!r} is not in view")
    return hit.iloc[0]


def places_table(places: pd.DataFrame) -> pd.DataFrame:
    """The place summary as shown and exported: no internal colour key."""
    return places.drop(columns=["colour_key"]).rename(columns={"colour_label": "colour"})


def map_focus(places: pd.DataFrame, *, radius: float = 13.0) -> pd.Series:
    """Which places the map should frame: those within ``radius`` degrees of the mention-weighted
    median position (one far-off mention, e.g. a country named in passing, must not shrink the
    event's region to a corner). True for every place when fewer than three have coordinates."""
    has = places["lat"].notna() & places["lon"].notna()
    if has.sum() < 3:
        return has
    d = places[has]
    weights = d["mentions"].clip(lower=1).astype(int)
    lat = d["lat"].repeat(weights).median()
    lon = d["lon"].repeat(weights).median()
    near = ((places["lat"] - lat) ** 2 + (places["lon"] - lon) ** 2) ** 0.5 <= radius
    return has & near


def geo_ranges(lat: pd.Series, lon: pd.Series, *, pad: float = 3.0,
               min_span: float = 10.0, aspect: float = 2.6) -> Frame:
    """(lon range, lat range) framing the points with a margin, at least ``min_span`` degrees
    wide, in landscape: ``aspect`` times as wide as high on a Mercator map (which keeps its
    aspect ratio: a frame of the plot's shape fills it)."""
    lo_lon, hi_lon = float(lon.min()) - pad, float(lon.max()) + pad
    lo_lat, hi_lat = float(lat.min()) - pad, float(lat.max()) + pad
    if hi_lon - lo_lon < min_span:
        mid = (hi_lon + lo_lon) / 2
        lo_lon, hi_lon = mid - min_span / 2, mid + min_span / 2
    if hi_lat - lo_lat < min_span * 0.7:
        mid = (hi_lat + lo_lat) / 2
        lo_lat, hi_lat = mid - min_span * 0.35, mid + min_span * 0.35
    from riwaya.dashboard.maplabels import latitude, mercator

    y0, y1 = mercator(lo_lat), mercator(hi_lat)
    if hi_lon - lo_lon < aspect * (y1 - y0):  # too narrow: widen
        mid, half = (hi_lon + lo_lon) / 2, aspect * (y1 - y0) / 2
        lo_lon, hi_lon = mid - half, mid + half
    else:  # too flat: heighten (on the Mercator scale)
        mid, half = (y1 + y0) / 2, (hi_lon - lo_lon) / aspect / 2
        lo_lat, hi_lat = latitude(mid - half), latitude(mid + half)
    return [max(-180.0, lo_lon), min(180.0, hi_lon)], [max(-85.0, lo_lat), min(85.0, hi_lat)]


def map_frame(places: pd.DataFrame, *, aspect: float = 2.6) -> Frame:
    """(lon range, lat range) framing the places of :func:`map_focus` (``places`` has lat, lon
    and mentions; with ``kind``, countries and rivers do not count when spots are there), in
    the shape ``aspect`` (plot width / height), zoomed in no closer than 12 degrees across
    (a region: the map always shows where in the world it is, coasts and neighbours);
    the whole world when none has coordinates."""
    d = drawn(places)
    if len(d) and not is_context(d).all():
        d = d[~is_context(d)]
    focus = d[map_focus(d)] if len(d) else d
    if focus.empty:
        return list(WORLD_FRAME[0]), list(WORLD_FRAME[1])
    return geo_ranges(focus["lat"], focus["lon"], pad=1.2, min_span=12.0, aspect=aspect)


@per_corpus
def corpus_frame(prep: Prepared, *, aspect: float = 2.6) -> Frame:
    """The region of the whole corpus: :func:`map_frame` of every place mention.

    The map page uses it whatever the filter, so the base map stays put when the filter
    changes (Plotly then redraws markers only, and the view does not jump).
    """
    m = kind_mentions(prep, "place")
    counts = m.groupby("entity_id", observed=True).size().rename("mentions").reset_index()
    counts["entity_id"] = counts["entity_id"].astype(object)
    return map_frame(counts.merge(prep.places[["entity_id", "lat", "lon", "kind"]], on="entity_id", how="left"),
                     aspect=aspect)


#: the columns of :func:`place_sentences`
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "source", "date", "text", "speakers", "claims", "stances"]


def place_sentences(view: View, place_id: str) -> pd.DataFrame:
    """The sentences in view that mention ``place_id``, with every speaker, claim and stance of
    each sentence, its outlet and its text; oldest first (the CSV). The page reads
    :func:`place_sentence_rows` and the text of the page it shows (:func:`sentence_page`)."""
    return _with_text(place_sentence_rows(view, place_id), view.prep.texts)


@per_view
def place_sentence_rows(view: View, place_id: str) -> pd.DataFrame:
    """:func:`place_sentences` without the text. Joined and grouped by sentence on integer
    keys (a scan of the statements per sentence took 80 s for a country's 33,866 mentions at
    10k articles), and kept for the filter (:func:`riwaya.dashboard.memo.per_view`); the text is
    read a page at a time (at 100,000 articles a country is named in ~400,000 sentences)."""
    cols = [c for c in SENTENCE_COLUMNS if c != "text"]
    prep = view.prep
    m = kind_mentions(prep, "place")
    m = m[(m["entity_id"] == place_id).to_numpy()]
    if (keys := view.sentence_keys) is not None:
        m = m[m["skey"].isin(keys).to_numpy()]
    hits = m[["doc_id", "sentence_id", "skey"]].drop_duplicates("skey")
    if hits.empty:
        return pd.DataFrame(columns=cols)
    out = hits.merge(_rows_of(prep, "sentences", hits["skey"], ["source", "date"]).drop_duplicates("skey"),
                     on="skey", how="left")
    st = _rows_of(prep, "statements", hits["skey"], ["actor_label", "claim_id", "stance"])
    st = st.assign(pair=[f"{a}: {b}" for a, b in zip(st["claim_id"], st["stance"])])
    said = st.groupby("skey", sort=False).agg(speakers=("actor_label", join_unique),
                                              claims=("claim_id", join_unique),
                                              stances=("pair", join_unique))
    out = out.merge(said, on="skey", how="left")
    # kept per filter, up to ~400,000 rows: ids, outlets and dates as categories (codes)
    out = as_categories(out, ("doc_id", "source")).assign(
        sentence_id=out["sentence_id"].astype(int), date=_plain_dates(out["date"]))
    out[["speakers", "claims", "stances"]] = out[["speakers", "claims", "stances"]].astype(object).fillna("")
    return out[cols].sort_values(["date", "source", "doc_id", "sentence_id"]).reset_index(drop=True)


def _plain_dates(dates: pd.Series) -> pd.Series:
    """:func:`as_text` of each date ("" for none), as a category (its categories sorted)."""
    dates = dates.astype("category")
    return pd.Series(pd.Categorical(dates.cat.codes.map(
        dict(enumerate(as_text(c) for c in dates.cat.categories)) | {-1: ""}).to_numpy()), index=dates.index)


def _rows_of(prep: Prepared, table: str, skeys: pd.Series, columns: list[str]) -> pd.DataFrame:
    """``columns`` and ``skey`` of the rows of ``table`` in the sentences ``skeys``
    (:func:`riwaya.dashboard.filters.sentence_keys`), in table order."""
    keys = sentence_keys(prep, table)
    mine = keys.isin(skeys).to_numpy()
    return getattr(prep, table).loc[mine, columns].assign(skey=keys[mine].to_numpy())


def _with_text(rows: pd.DataFrame, texts) -> pd.DataFrame:
    """Rows of :func:`place_sentence_rows` with their sentences' text (read by DuckDB, these
    sentences' only), in :data:`SENTENCE_COLUMNS` order."""
    if "text" in rows or texts is None:
        return rows
    return with_texts(texts, rows)[SENTENCE_COLUMNS] if len(rows) else rows.assign(text=None)[SENTENCE_COLUMNS]


#: sentences shown at once under a chosen place (the CSV has them all)
SENTENCE_PAGE = 25


def sentence_pages(sents: pd.DataFrame) -> int:
    """How many pages of :data:`SENTENCE_PAGE` sentences (at least 1)."""
    return max(1, -(-len(sents) // SENTENCE_PAGE))


def sentence_page(sents: pd.DataFrame, page: int, texts=None) -> pd.DataFrame:
    """Page ``page`` (from 0, clamped) of :func:`place_sentences` (or of
    :func:`place_sentence_rows`, with the page's text read from ``texts``, ``prep.texts``)."""
    page = min(max(int(page), 0), sentence_pages(sents) - 1)
    return _with_text(sents.iloc[page * SENTENCE_PAGE:(page + 1) * SENTENCE_PAGE], texts)


def sentence_page_label(sents: pd.DataFrame, page: int) -> str:
    """"Sentences 26–50 of 33,866" for a page selector."""
    first = page * SENTENCE_PAGE
    return f"Sentences {first + 1:,}–{min(first + SENTENCE_PAGE, len(sents)):,} of {len(sents):,}"
