"""The map page's data: the places in view, the region to frame, the sentences naming a place.

The region is computed from the corpus itself (the places its articles name most), never
assumed: a corpus about another part of the world gets its own map.
"""

from __future__ import annotations

import pandas as pd

from riwaya.dashboard.corpus import Prepared, as_text, join_unique
from riwaya.dashboard.filters import View

#: (lon range, lat range) of a corpus with no place to draw: the whole world
WORLD_FRAME = ((-180.0, 180.0), (-60.0, 85.0))

Frame = tuple[list[float], list[float]]

PLACE_COLUMNS = ["entity_id", "name_en", "name_ar", "lat", "lon", "kind", "mentions", "articles",
                 "outlets", "claims", "speakers", "colour_key", "colour_label"]
COLOUR_BY = {"claim": "Claim made there", "outlet": "Outlet naming it"}


def place_summary(view: View, *, colour_by: str = "claim") -> pd.DataFrame:
    """One row per mentioned place in view, with coordinates, counts and a colour key.

    ``colour_by`` is "claim" (the claim most often made in sentences naming the place, or
    "No claim") or "outlet" (the outlet that names it most). Places without coordinates are
    kept with ``lat``/``lon`` null so the page can say how many could not be drawn.
    """
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour_by: expected one of {sorted(COLOUR_BY)}, got {colour_by!r}")
    prep = view.prep
    m = view.mentions[view.mentions["kind"] == "place"]
    if m.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    ps = m[["doc_id", "sentence_id", "entity_id"]].drop_duplicates().merge(
        view.statements[["doc_id", "sentence_id", "claim_id", "claim_label", "actor_label"]],
        on=["doc_id", "sentence_id"], how="left")
    rows = []
    for pid, group in m.groupby("entity_id", sort=True):
        claims_here = ps.loc[ps["entity_id"] == pid]
        claim_counts = claims_here["claim_id"].dropna().value_counts()
        outlet_counts = group["source"].value_counts()
        if colour_by == "outlet":
            top = sorted(outlet_counts[outlet_counts == outlet_counts.max()].index)[0]
            colour_key, colour_label = top, top
        elif len(claim_counts):
            top = sorted(claim_counts[claim_counts == claim_counts.max()].index)[0]
            colour_key, colour_label = top, prep.claim_short(top)
        else:
            colour_key, colour_label = "", "No claim"
        rows.append({
            "entity_id": pid, "mentions": len(group), "articles": group["doc_id"].nunique(),
            "outlets": join_unique(sorted(group["source"].unique())),
            "claims": join_unique(sorted(prep.claim_short(c) for c in claim_counts.index)),
            "speakers": join_unique(sorted(claims_here["actor_label"].dropna().unique())),
            "colour_key": colour_key, "colour_label": colour_label,
            "surface": group["surface"].mode().iloc[0],
        })
    out = pd.DataFrame(rows).merge(prep.places, on="entity_id", how="left")
    # a place missing from the places table is still listed, named as written
    out["name_ar"] = [as_text(a) or s for a, s in zip(out["name_ar"], out["surface"])]
    out["name_en"] = [as_text(e) or a for e, a in zip(out["name_en"], out["name_ar"])]
    out = out.sort_values(["mentions", "name_en"], ascending=[False, True]).reset_index(drop=True)
    return out[PLACE_COLUMNS]


def drawn(places: pd.DataFrame) -> pd.DataFrame:
    """The places that have coordinates (the others are listed in the table only)."""
    return places.dropna(subset=["lat", "lon"])


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


def map_focus(places: pd.DataFrame, *, radius: float = 20.0) -> pd.Series:
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
               min_span: float = 10.0) -> Frame:
    """(lon range, lat range) framing the points with a margin, at least ``min_span`` degrees
    wide, in landscape (a mercator map keeps its aspect ratio; a wide frame fills the page)."""
    lo_lon, hi_lon = float(lon.min()) - pad, float(lon.max()) + pad
    lo_lat, hi_lat = float(lat.min()) - pad, float(lat.max()) + pad
    if hi_lon - lo_lon < min_span:
        mid = (hi_lon + lo_lon) / 2
        lo_lon, hi_lon = mid - min_span / 2, mid + min_span / 2
    if hi_lat - lo_lat < min_span * 0.7:
        mid = (hi_lat + lo_lat) / 2
        lo_lat, hi_lat = mid - min_span * 0.35, mid + min_span * 0.35
    if hi_lon - lo_lon < 2.6 * (hi_lat - lo_lat):
        mid, half = (hi_lon + lo_lon) / 2, 1.3 * (hi_lat - lo_lat)
        lo_lon, hi_lon = mid - half, mid + half
    return [max(-180.0, lo_lon), min(180.0, hi_lon)], [max(-85.0, lo_lat), min(85.0, hi_lat)]


def map_frame(places: pd.DataFrame) -> Frame:
    """(lon range, lat range) framing the places of :func:`map_focus` (``places`` has lat, lon
    and mentions); the whole world when none has coordinates."""
    d = drawn(places)
    focus = d[map_focus(d)] if len(d) else d
    if focus.empty:
        return list(WORLD_FRAME[0]), list(WORLD_FRAME[1])
    return geo_ranges(focus["lat"], focus["lon"])


def corpus_frame(prep: Prepared) -> Frame:
    """The region of the whole corpus: :func:`map_frame` of every place mention.

    The map page uses it whatever the filter, so the base map stays put when the filter
    changes (Plotly then redraws markers only, and the view does not jump).
    """
    m = prep.mentions[prep.mentions["kind"] == "place"]
    counts = m.groupby("entity_id").size().rename("mentions").reset_index()
    return map_frame(counts.merge(prep.places[["entity_id", "lat", "lon"]], on="entity_id", how="left"))


def place_sentences(view: View, place_id: str) -> pd.DataFrame:
    """The sentences in view that mention ``place_id``, with every speaker, claim and stance of
    each sentence, and its outlet."""
    cols = ["doc_id", "sentence_id", "source", "date", "text", "speakers", "claims", "stances"]
    m = view.mentions[(view.mentions["kind"] == "place") & (view.mentions["entity_id"] == place_id)]
    hits = m[["doc_id", "sentence_id"]].drop_duplicates()
    if hits.empty:
        return pd.DataFrame(columns=cols)
    prep = view.prep
    sents = hits.merge(prep.sentences, on=["doc_id", "sentence_id"], how="left")
    st = prep.statements.merge(hits, on=["doc_id", "sentence_id"])
    rows = []
    for rec in sents.itertuples(index=False):
        s = st[(st["doc_id"] == rec.doc_id) & (st["sentence_id"] == rec.sentence_id)]
        rows.append({
            "doc_id": rec.doc_id, "sentence_id": int(rec.sentence_id), "source": rec.source,
            "date": as_text(rec.date), "text": rec.text,
            "speakers": join_unique(s["actor_label"]), "claims": join_unique(s["claim_id"]),
            "stances": join_unique(f"{a}: {b}" for a, b in zip(s["claim_id"], s["stance"])),
        })
    return pd.DataFrame(rows, columns=cols).sort_values(["date", "source", "doc_id", "sentence_id"]) \
        .reset_index(drop=True)
