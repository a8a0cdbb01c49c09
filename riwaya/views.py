"""Everything the dashboard computes, as plain pandas functions (no Streamlit here).

The pages in ``pages/`` load the corpus, call these functions and display what they return.
Nothing here is specific to one event: names and labels come from the ``actors``, ``claims``
and ``places`` tables. Every piece of HTML built here escapes the text it embeds (article
text is untrusted).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, fields, replace
from typing import Iterable, Mapping, Sequence

import pandas as pd

from .schema import STANCES
from .store import Corpus

# --------------------------------------------------------------------------- palette

#: Okabe & Ito (2008), a palette that colour-blind readers can tell apart; ordered so that the
#: low-contrast yellow is used last.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
             "#F0E442")
#: Stance colours; "mixed" is an actor who took more than one stance on a claim.
STANCE_COLOURS = {"asserts": "#0072B2", "denies": "#D55E00", "concedes": "#E69F00",
                  "mixed": "#CC79A7"}
SILENT_COLOUR = "#E8E8E8"
SILENT_TEXT = "#8A8A8A"
SILENT_MARK = "—"
PLACE_COLOUR = "#555555"
STANCE_ORDER = (*STANCES, "mixed")
ARABIC_FONTS = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'Amiri', 'Arial', serif"


def palette_for(ids: Iterable[str]) -> dict[str, str]:
    """A stable colour per id: ids are sorted, so one id keeps its colour on every page.

    Pass every id of a kind (all actors, all claims, all outlets of the corpus), not the
    filtered ones, or colours would shift when the filter changes.
    """
    unique = sorted({str(i) for i in ids if i is not None and not pd.isna(i)})
    return {key: OKABE_ITO[n % len(OKABE_ITO)] for n, key in enumerate(unique)}


def tint(hex_colour: str, alpha: float = 0.25) -> str:
    """An ``rgba()`` string of a ``#rrggbb`` colour, for light backgrounds behind text."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


# --------------------------------------------------------------------------- prepared corpus

@dataclass(frozen=True)
class Prepared:
    """The corpus joined once into the frames the pages use (computed once, then cached)."""

    corpus: Corpus
    statements: pd.DataFrame   # + source, date, title, actor_label, name_en, name_ar, claim_label
    mentions: pd.DataFrame     # + source
    sentences: pd.DataFrame    # + source
    documents: pd.DataFrame
    actors: pd.DataFrame       # + label
    claims: pd.DataFrame       # + label
    places: pd.DataFrame
    outlets: tuple[str, ...]
    #: (lon range, lat range) of the map: the region of the whole corpus (see :func:`map_frame`)
    map_frame: tuple[list[float], list[float]] = ((25.0, 60.0), (20.0, 42.0))
    actor_colours: dict[str, str] = field(default_factory=dict)
    claim_colours: dict[str, str] = field(default_factory=dict)
    outlet_colours: dict[str, str] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return self.documents.empty

    def actor_label(self, actor_id: str) -> str:
        return _lookup(self.actors, "actor_id", actor_id, "label")

    def claim_label(self, claim_id: str) -> str:
        """The claim as a neutral English statement."""
        return _lookup(self.claims, "claim_id", claim_id, "label")

    def claim_short(self, claim_id: str) -> str:
        """A short English label for charts (the codebook's label_en, else the id)."""
        return _lookup(self.claims, "claim_id", claim_id, "short")


def _lookup(frame: pd.DataFrame, key: str, value: str, column: str) -> str:
    hit = frame.loc[frame[key] == value, column]
    return str(hit.iloc[0]) if len(hit) else str(value)


def _clean(value) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def actor_display(actor_id: str, name_en, name_ar) -> str:
    """"English name · Arabic name", falling back to whichever exists, then to the id."""
    en, ar = _clean(name_en), _clean(name_ar)
    if actor_id.startswith("UNK:"):
        form = ar or en or actor_id[4:]
        return f"Unlisted speaker · {form}"
    if en and ar and en != ar:
        return f"{en} · {ar}"
    return en or ar or actor_id


def claim_display(claim_id: str, statement_en) -> str:
    """The claim's neutral English statement; the id when the codebook gives none."""
    text = _clean(statement_en)
    return text or claim_id


def outlet_of(source, doc_id: str = "") -> str:
    """The outlet's name; an article whose outlet is unknown stands alone (it is not lumped
    together with other unknown ones): "Unknown outlet (000_54f79f58)"."""
    text = _clean(source)
    if text:
        return text
    return f"Unknown outlet ({doc_id[:12]})" if doc_id else "Unknown outlet"


def prepare(corpus: Corpus) -> Prepared:
    """Join the corpus tables once into the frames every page uses."""
    docs = corpus.documents.copy()
    docs["source"] = [outlet_of(s, d) for s, d in zip(docs["source"], docs["doc_id"])]
    actors = corpus.actors.copy()
    # Speakers that appear only in statements still need a row (and a label).
    known = set(actors["actor_id"])
    extra = sorted(set(corpus.statements["actor_id"].dropna()) - known)
    if extra:
        add = pd.DataFrame({"actor_id": extra, "name_en": [None] * len(extra),
                            "name_ar": [e[4:] if e.startswith("UNK:") else None for e in extra],
                            "kind": ["unknown"] * len(extra),
                            "in_codebook": [False] * len(extra)})
        actors = pd.concat([actors, add], ignore_index=True)
    actors["label"] = [actor_display(str(a), en, ar) for a, en, ar in
                       zip(actors["actor_id"], actors["name_en"], actors["name_ar"])]
    claims = corpus.claims.copy()
    extra = sorted(set(corpus.statements["claim_id"].dropna()) - set(claims["claim_id"]))
    if extra:
        claims = pd.concat([claims, pd.DataFrame({"claim_id": extra, "statement_en": [None] * len(extra)})],
                           ignore_index=True)
    claims["label"] = [claim_display(str(c), s) for c, s in zip(claims["claim_id"], claims["statement_en"])]
    short = claims["label_en"] if "label_en" in claims else [None] * len(claims)
    claims["short"] = [_clean(l) or str(c) for c, l in zip(claims["claim_id"], short)]

    doc_meta = docs[["doc_id", "source", "date", "title"]]
    st = corpus.statements.merge(doc_meta, on="doc_id", how="left")
    st = st.merge(actors[["actor_id", "label", "name_en", "name_ar", "in_codebook"]]
                  .rename(columns={"label": "actor_label"}), on="actor_id", how="left")
    st = st.merge(claims[["claim_id", "label", "short"]]
                  .rename(columns={"label": "claim_label", "short": "claim_short"}),
                  on="claim_id", how="left")
    mentions = corpus.mentions.merge(doc_meta[["doc_id", "source"]], on="doc_id", how="left")
    sentences = corpus.sentences.merge(doc_meta, on="doc_id", how="left")
    outlets = tuple(sorted(set(docs["source"])))
    prep = Prepared(
        corpus=corpus, statements=st, mentions=mentions, sentences=sentences, documents=docs,
        actors=actors, claims=claims, places=corpus.places.copy(), outlets=outlets,
        actor_colours=palette_for(actors["actor_id"]),
        claim_colours=palette_for(claims["claim_id"]),
        outlet_colours=palette_for(outlets),
    )
    return replace(prep, map_frame=map_frame(place_summary(prep, Filters())))


# --------------------------------------------------------------------------- filters

@dataclass(frozen=True)
class Filters:
    """The sidebar's filter; an empty tuple means "everything"."""

    actors: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()

    #: query-string key of each field (``?actor=RU_MOD&actor=US_DOD&stance=denies``)
    QUERY_KEYS = {"actors": "actor", "claims": "claim", "outlets": "outlet", "stances": "stance"}

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.claims or self.outlets or self.stances)

    def to_query(self) -> dict[str, list[str]]:
        return {self.QUERY_KEYS[f.name]: list(getattr(self, f.name))
                for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_query(cls, params: Mapping[str, str | Sequence[str]], *,
                   valid: Mapping[str, Iterable[str]] | None = None) -> "Filters":
        """Read a filter from query parameters; values not in ``valid`` (per field) are dropped."""
        values = {}
        for name, key in cls.QUERY_KEYS.items():
            raw = params.get(key, [])
            items = [raw] if isinstance(raw, str) else list(raw or [])
            items = [i for i in dict.fromkeys(items) if i]
            if valid is not None and name in valid:
                allowed = set(valid[name])
                items = [i for i in items if i in allowed]
            values[name] = tuple(items)
        return cls(**values)

    def describe(self, prep: Prepared | None = None) -> str:
        """A short English description, for empty states and captions."""
        parts = []
        if self.actors:
            names = [prep.actor_label(a) if prep else a for a in self.actors]
            parts.append("actor: " + ", ".join(names))
        if self.claims:
            parts.append("claim: " + ", ".join(self.claims))
        if self.outlets:
            parts.append("outlet: " + ", ".join(self.outlets))
        if self.stances:
            parts.append("stance: " + ", ".join(self.stances))
        return "; ".join(parts) if parts else "no filter"


def filter_options(prep: Prepared) -> dict[str, list[tuple[str, str]]]:
    """(id, label) choices for each filter field, from the corpus itself."""
    speaking = set(prep.statements["actor_id"]) | set(
        prep.mentions.loc[prep.mentions["kind"] == "actor", "entity_id"])
    actors = prep.actors[prep.actors["actor_id"].isin(speaking)]
    # codebook actors first, unknown speakers after; alphabetical by label within each
    actors = actors.assign(_unk=~actors["in_codebook"].fillna(False).astype(bool)) \
        .sort_values(["_unk", "label"])
    claims = prep.claims.sort_values("short")
    return {
        "actors": list(zip(actors["actor_id"], actors["label"])),
        "claims": [(c, sh if sh != c else l) for c, sh, l in
                   zip(claims["claim_id"], claims["short"], claims["label"])],
        "outlets": [(o, o) for o in prep.outlets],
        "stances": [(s, s) for s in STANCES],
    }


def filter_statements(prep: Prepared, f: Filters) -> pd.DataFrame:
    """The statements that pass every part of the filter."""
    st = prep.statements
    mask = pd.Series(True, index=st.index)
    if f.actors:
        mask &= st["actor_id"].isin(f.actors)
    if f.claims:
        mask &= st["claim_id"].isin(f.claims)
    if f.outlets:
        mask &= st["source"].isin(f.outlets)
    if f.stances:
        mask &= st["stance"].isin(f.stances)
    return st[mask]


def sentences_in_view(prep: Prepared, f: Filters) -> pd.DataFrame:
    """(doc_id, sentence_id) of the sentences the filter keeps.

    No actor/claim/stance filter: every sentence of the chosen outlets. Otherwise the
    sentences holding a statement that passes the filter; with only an actor filter, also
    the sentences that merely mention one of the chosen actors.
    """
    keys = ["doc_id", "sentence_id"]
    if not (f.actors or f.claims or f.stances):
        sents = prep.sentences
        if f.outlets:
            sents = sents[sents["source"].isin(f.outlets)]
        return sents[keys].drop_duplicates().reset_index(drop=True)
    parts = [filter_statements(prep, f)[keys]]
    if f.actors and not (f.claims or f.stances):
        m = prep.mentions
        m = m[(m["kind"] == "actor") & m["entity_id"].isin(f.actors)]
        if f.outlets:
            m = m[m["source"].isin(f.outlets)]
        parts.append(m[keys])
    return pd.concat(parts).drop_duplicates().reset_index(drop=True)


# --------------------------------------------------------------------------- map

def _join_unique(values: Iterable) -> str:
    return ", ".join(dict.fromkeys(_clean(v) for v in values if _clean(v)))


def place_summary(prep: Prepared, f: Filters, *, colour_by: str = "claim") -> pd.DataFrame:
    """One row per mentioned place in view, with coordinates, counts and a colour key.

    ``colour_by`` is "claim" (the claim most often made in sentences naming the place, or
    "No claim") or "outlet" (the outlet that names it most). Places without coordinates are
    kept with ``lat``/``lon`` null so the page can say how many could not be drawn.
    """
    cols = ["entity_id", "name_en", "name_ar", "lat", "lon", "kind", "mentions", "articles",
            "outlets", "claims", "speakers", "colour_key", "colour_label"]
    keys = sentences_in_view(prep, f)
    m = prep.mentions[prep.mentions["kind"] == "place"].merge(keys, on=["doc_id", "sentence_id"])
    if m.empty:
        return pd.DataFrame(columns=cols)
    st = prep.statements.merge(keys, on=["doc_id", "sentence_id"])
    if f.claims:
        st = st[st["claim_id"].isin(f.claims)]
    if f.actors:
        st = st[st["actor_id"].isin(f.actors)]
    if f.stances:
        st = st[st["stance"].isin(f.stances)]
    ps = m[["doc_id", "sentence_id", "entity_id"]].drop_duplicates().merge(
        st[["doc_id", "sentence_id", "claim_id", "claim_label", "actor_label"]],
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
            "outlets": _join_unique(sorted(group["source"].unique())),
            "claims": _join_unique(sorted(prep.claim_short(c) for c in claim_counts.index)),
            "speakers": _join_unique(sorted(claims_here["actor_label"].dropna().unique())),
            "colour_key": colour_key, "colour_label": colour_label,
            "surface": group["surface"].mode().iloc[0],
        })
    out = pd.DataFrame(rows).merge(prep.places, on="entity_id", how="left")
    # a place missing from the places table is still listed, named as written
    out["name_ar"] = [_clean(a) or s for a, s in zip(out["name_ar"], out["surface"])]
    out["name_en"] = [_clean(e) or a for e, a in zip(out["name_en"], out["name_ar"])]
    out = out.sort_values(["mentions", "name_en"], ascending=[False, True]).reset_index(drop=True)
    return out[cols]


def map_focus(places: pd.DataFrame, *, radius: float = 20.0) -> pd.Series:
    """Which places the map should frame: those within ``radius`` degrees of the mention-weighted
    median position (one far-off mention, e.g. a country named in passing, must not shrink the
    event's region to a corner). True for every place when fewer than three have coordinates."""
    has = places["lat"].notna() & places["lon"].notna()
    if has.sum() < 3:
        return has
    drawn = places[has]
    weights = drawn["mentions"].clip(lower=1).astype(int)
    lat = drawn["lat"].repeat(weights).median()
    lon = drawn["lon"].repeat(weights).median()
    near = ((places["lat"] - lat) ** 2 + (places["lon"] - lon) ** 2) ** 0.5 <= radius
    return has & near


def geo_ranges(lat: pd.Series, lon: pd.Series, *, pad: float = 3.0,
               min_span: float = 10.0) -> tuple[list[float], list[float]]:
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


def map_frame(places: pd.DataFrame) -> tuple[list[float], list[float]]:
    """(lon range, lat range) of the event's region: the places of :func:`map_focus`.

    The map page uses the frame of the unfiltered corpus, so the base map stays put when the
    filter changes (Plotly then redraws markers only, and the view does not jump).
    """
    if places.empty:
        return [25.0, 60.0], [20.0, 42.0]
    drawn = places.dropna(subset=["lat", "lon"])
    focus = drawn[map_focus(drawn)] if len(drawn) else drawn
    if focus.empty:
        return [25.0, 60.0], [20.0, 42.0]
    return geo_ranges(focus["lat"], focus["lon"])


def place_sentences(prep: Prepared, place_id: str, f: Filters) -> pd.DataFrame:
    """The sentences in view that mention ``place_id``, with speakers, claims and outlet."""
    cols = ["doc_id", "sentence_id", "source", "date", "text", "speakers", "claims", "stances"]
    keys = sentences_in_view(prep, f)
    m = prep.mentions[(prep.mentions["kind"] == "place") & (prep.mentions["entity_id"] == place_id)]
    hits = m[["doc_id", "sentence_id"]].drop_duplicates().merge(keys, on=["doc_id", "sentence_id"])
    if hits.empty:
        return pd.DataFrame(columns=cols)
    sents = hits.merge(prep.sentences, on=["doc_id", "sentence_id"], how="left")
    st = prep.statements.merge(hits, on=["doc_id", "sentence_id"])
    rows = []
    for rec in sents.itertuples(index=False):
        s = st[(st["doc_id"] == rec.doc_id) & (st["sentence_id"] == rec.sentence_id)]
        rows.append({
            "doc_id": rec.doc_id, "sentence_id": int(rec.sentence_id), "source": rec.source,
            "date": _clean(rec.date), "text": rec.text,
            "speakers": _join_unique(s["actor_label"]), "claims": _join_unique(s["claim_id"]),
            "stances": _join_unique(f"{a}: {b}" for a, b in zip(s["claim_id"], s["stance"])),
        })
    return pd.DataFrame(rows, columns=cols).sort_values(["date", "source", "doc_id", "sentence_id"]) \
        .reset_index(drop=True)


# --------------------------------------------------------------------------- actor x claim

def cell_stance(counts: Mapping[str, int]) -> str:
    """asserts / denies / concedes when only one stance was taken, mixed for several, silent for none."""
    taken = [s for s in STANCES if counts.get(s, 0) > 0]
    if not taken:
        return "silent"
    return taken[0] if len(taken) == 1 else "mixed"


def cell_text(counts: Mapping[str, int]) -> str:
    """The label written in a matrix cell: the count, with stance initials when mixed."""
    n = sum(counts.get(s, 0) for s in STANCES)
    if n == 0:
        return SILENT_MARK
    if cell_stance(counts) == "mixed":
        return " ".join(f"{s[0].upper()}{counts[s]}" for s in STANCES if counts.get(s, 0))
    return str(n)


def actor_claim_matrix(prep: Prepared, f: Filters) -> pd.DataFrame:
    """The actor x claim matrix in long form: one row per (actor, claim) cell, silent ones included.

    Rows: the actors with a statement in view, plus actors chosen in the filter. Columns: every
    claim of the codebook (only the chosen ones under a claim filter). Columns of the result:
    actor_id, actor_label, claim_id, claim_label, asserts, denies, concedes, n, stance, text.
    """
    st = filter_statements(prep, f)
    actor_ids = list(dict.fromkeys(list(st["actor_id"]) + list(f.actors)))
    claim_ids = list(f.claims) if f.claims else list(prep.claims["claim_id"])
    cols = ["actor_id", "actor_label", "claim_id", "claim_short", "claim_label", *STANCES, "n", "stance", "text"]
    if not actor_ids or not claim_ids:
        return pd.DataFrame(columns=cols)
    counts = st.groupby(["actor_id", "claim_id", "stance"]).size()
    rows = []
    for a in actor_ids:
        for c in claim_ids:
            cnt = {s: int(counts.get((a, c, s), 0)) for s in STANCES}
            rows.append({"actor_id": a, "actor_label": prep.actor_label(a), "claim_id": c,
                         "claim_short": prep.claim_short(c),
                         "claim_label": prep.claim_label(c), **cnt, "n": sum(cnt.values()),
                         "stance": cell_stance(cnt), "text": cell_text(cnt)})
    out = pd.DataFrame(rows, columns=cols)
    # most vocal actors first; claims in codebook order
    order = out.groupby("actor_id")["n"].sum().sort_values(ascending=False, kind="stable")
    out["_a"] = out["actor_id"].map({a: i for i, a in enumerate(order.index)})
    return out.sort_values(["_a"], kind="stable").drop(columns="_a").reset_index(drop=True)


def matrix_wide(long: pd.DataFrame) -> pd.DataFrame:
    """Actors as rows, claims as columns, each cell "stance (count)" or "silent": for CSV."""
    if long.empty:
        return pd.DataFrame()
    def describe(r) -> str:
        if r["stance"] == "silent":
            return "silent"
        if r["stance"] == "mixed":
            return "mixed (" + ", ".join(f"{s} {r[s]}" for s in STANCES if r[s]) + ")"
        return f"{r['stance']} ({r['n']})"
    frame = long.assign(cell=long.apply(describe, axis=1))
    wide = frame.pivot(index="actor_label", columns="claim_id", values="cell")
    wide = wide.reindex(index=list(dict.fromkeys(long["actor_label"])),
                        columns=list(dict.fromkeys(long["claim_id"])))
    wide.index.name = "actor"
    wide.columns.name = None
    return wide.reset_index()


def evidence(prep: Prepared, f: Filters, *, actor_id: str | None = None,
             claim_id: str | None = None) -> pd.DataFrame:
    """The statements behind a cell (or a row, a column, the whole view), oldest first."""
    st = filter_statements(prep, f)
    if actor_id:
        st = st[st["actor_id"] == actor_id]
    if claim_id:
        st = st[st["claim_id"] == claim_id]
    cols = ["statement_id", "doc_id", "sentence_id", "source", "date", "title", "actor_id",
            "actor_label", "actor_surface", "claim_id", "claim_short", "claim_label", "stance", "cue", "quote",
            "start", "end", "cue_start", "cue_end"]
    return st.sort_values(["date", "source", "doc_id", "sentence_id"], na_position="last")[cols] \
        .reset_index(drop=True)


def evidence_csv(ev: pd.DataFrame) -> pd.DataFrame:
    """The evidence table as exported: readable columns, no offsets, a reader link."""
    out = ev[["date", "source", "title", "actor_label", "actor_surface", "claim_id", "claim_label",
              "stance", "cue", "quote", "doc_id", "sentence_id"]].copy()
    out["reader_link"] = [reader_link(d, s) for d, s in zip(ev["doc_id"], ev["sentence_id"])]
    return out.rename(columns={"actor_label": "actor", "source": "outlet", "claim_label": "claim"})


def reader_link(doc_id: str, sentence_id: int) -> str:
    """The app-relative URL of the reader page (pages/4_Reader.py) at one sentence."""
    from urllib.parse import urlencode
    return f"Reader?{urlencode({'doc': doc_id, 'sent': int(sentence_id)})}#s-{int(sentence_id)}"


# --------------------------------------------------------------------------- HTML

_ARABIC_RUN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"
                         r"(?:[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\s()«»]*"
                         r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF)])?")


def bidi_html(text) -> str:
    """Escape mixed English/Arabic text and isolate each Arabic run (<bdi dir="rtl">), so a line
    such as "Abu Kamal · البوكمال · 34.45, 40.92" keeps its order."""
    escaped = html.escape(_clean(text))
    return _ARABIC_RUN.sub(lambda m: f'<bdi dir="rtl" lang="ar" class="riwaya-ar-inline">{m.group(0)}</bdi>',
                           escaped)


def rtl_block(inner_html: str, *, css_class: str = "riwaya-ar", extra_style: str = "") -> str:
    """Wrap already-escaped HTML in a right-to-left Arabic block."""
    return (f'<div class="{css_class}" dir="rtl" lang="ar" style="font-family: {ARABIC_FONTS}; '
            f'text-align: right; line-height: 1.9; {extra_style}">{inner_html}</div>')


def quote_html(quote: str, *, offset: int, cue_start, cue_end, colour: str = "#E69F00") -> str:
    """The quote escaped, with its cue (document offsets) in a <mark>; RTL block."""
    quote = quote or ""
    try:
        a, b = int(cue_start) - int(offset), int(cue_end) - int(offset)
    except (TypeError, ValueError):
        a = b = -1
    if 0 <= a < b <= len(quote):
        inner = (html.escape(quote[:a]) +
                 f'<mark class="riwaya-cue" style="background:{tint(colour, 0.45)}; '
                 f'border-bottom: 2px solid {colour}; padding: 0;">' +
                 html.escape(quote[a:b]) + "</mark>" + html.escape(quote[b:]))
    else:
        inner = html.escape(quote)
    return rtl_block(inner, css_class="riwaya-ar riwaya-quote")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str        # actor | place | claim | cue
    label: str
    colour: str


def _segments(length: int, spans: Sequence[Span]) -> list[tuple[int, int, list[Span]]]:
    """Cut [0, length) at every span boundary; each piece lists the spans covering it."""
    cuts = {0, length}
    for s in spans:
        cuts.update((max(0, min(length, s.start)), max(0, min(length, s.end))))
    edges = sorted(cuts)
    out = []
    for a, b in zip(edges, edges[1:]):
        if a < b:
            out.append((a, b, [s for s in spans if s.start <= a and s.end >= b]))
    return out


def _style(covering: Sequence[Span]) -> tuple[str, str]:
    styles, titles = [], []
    actor = next((s for s in covering if s.kind == "actor"), None)
    place = next((s for s in covering if s.kind == "place"), None)
    claim = next((s for s in covering if s.kind == "claim"), None)
    cue = next((s for s in covering if s.kind == "cue"), None)
    if actor is not None:
        styles.append(f"background:{tint(actor.colour, 0.30)}")
        titles.append(f"actor: {actor.label}")
    if place is not None:  # places: a dashed frame, so they never look like an actor's colour
        styles.append(f"outline: 1.5px dashed {place.colour}; outline-offset: 1px; "
                      f"background:{tint(place.colour, 0.10)}")
        titles.append(f"place: {place.label}")
    if claim is not None:
        styles.append(f"text-decoration: underline 3px {claim.colour}; text-underline-offset: 6px")
        titles.append(f"claim: {claim.label}")
    if cue is not None:
        styles.append("font-weight: 700")
        titles.append(f"cue: {cue.label}")
    return "; ".join(styles), " | ".join(titles)


def reader_spans(prep: Prepared, doc_id: str) -> list[Span]:
    """Highlight spans (document offsets) of one article: actors, places, claims, cues."""
    spans: list[Span] = []
    m = prep.mentions[prep.mentions["doc_id"] == doc_id]
    places = prep.places.set_index("entity_id")
    for r in m.itertuples(index=False):
        if r.kind == "actor":
            spans.append(Span(int(r.start), int(r.end), "actor", prep.actor_label(r.entity_id),
                              prep.actor_colours.get(r.entity_id, OKABE_ITO[0])))
        elif r.kind == "place":
            name = _clean(places["name_en"].get(r.entity_id)) if r.entity_id in places.index else ""
            spans.append(Span(int(r.start), int(r.end), "place", name or _clean(r.surface), PLACE_COLOUR))
    st = prep.statements[prep.statements["doc_id"] == doc_id]
    for r in st.itertuples(index=False):
        spans.append(Span(int(r.start), int(r.end), "claim",
                          f"{r.actor_label} {r.stance} {r.claim_id}",
                          prep.claim_colours.get(r.claim_id, OKABE_ITO[0])))
        if not (pd.isna(r.cue_start) or pd.isna(r.cue_end)):
            spans.append(Span(int(r.cue_start), int(r.cue_end), "cue", _clean(r.cue), "#000000"))
    return spans


def reader_html(prep: Prepared, doc_id: str, *, focus_sentence: int | None = None) -> str:
    """The article as escaped, right-to-left HTML: one <span id="s-N"> per sentence, with
    actors and places shaded, statements underlined in their claim's colour, cues in bold."""
    docs = prep.documents[prep.documents["doc_id"] == doc_id]
    if docs.empty:
        return ""
    text = str(docs["text"].iloc[0] or "")
    spans = reader_spans(prep, doc_id)
    sents = prep.sentences[prep.sentences["doc_id"] == doc_id].sort_values("start")
    # sentence boundaries as spans of their own kind, so pieces never cross a sentence edge
    bounds = [(int(r.start), int(r.end), int(r.sentence_id)) for r in sents.itertuples(index=False)]
    pieces: list[str] = []
    pos = 0

    def render(a: int, b: int) -> str:
        local = [Span(max(s.start, a) - a, min(s.end, b) - a, s.kind, s.label, s.colour)
                 for s in spans if s.start < b and s.end > a]
        out = []
        for x, y, cover in _segments(b - a, local):
            chunk = html.escape(text[a + x:a + y])
            style, title = _style(cover)
            if style:
                out.append(f'<span style="{html.escape(style)}" title="{html.escape(title)}">{chunk}</span>')
            else:
                out.append(chunk)
        return "".join(out)

    for start, end, sid in bounds:
        if start < pos or end > len(text) or start >= end:
            continue
        if start > pos:
            pieces.append(render(pos, start))
        focus = ' class="riwaya-sent riwaya-focus" style="outline: 3px solid #CC79A7; ' \
                'outline-offset: 3px; border-radius: 3px;"' if focus_sentence == sid else ' class="riwaya-sent"'
        pieces.append(f'<span id="s-{sid}" data-sentence="{sid}"{focus}>{render(start, end)}</span>')
        pos = end
    if pos < len(text):
        pieces.append(render(pos, len(text)))
    return rtl_block("".join(pieces), css_class="riwaya-ar riwaya-reader",
                     extra_style="white-space: pre-wrap; font-size: 1.25em;")


def legend_html(items: Sequence[tuple[str, str, str]]) -> str:
    """A legend: (label, colour, kind) with kind "shade", "frame", "underline" or "bold"."""
    out = []
    for label, colour, kind in items:
        if kind == "frame":
            sample = (f'<span style="outline: 1.5px dashed {colour}; outline-offset: 1px; '
                      f'background:{tint(colour, 0.10)}; padding: 0 4px">abc</span>')
        elif kind == "underline":
            sample = f'<span style="text-decoration: underline 3px {colour}; text-underline-offset: 5px">abc</span>'
        elif kind == "bold":
            sample = '<b>abc</b>'
        else:
            sample = f'<span style="background:{tint(colour, 0.30)}; padding: 0 4px">abc</span>'
        out.append(f'<span style="margin-right: 1.2em; white-space: nowrap">{sample} {html.escape(label)}</span>')
    return '<div class="riwaya-legend" style="line-height: 2">' + " ".join(out) + "</div>"


def reader_legend(prep: Prepared, doc_id: str) -> list[tuple[str, str, str]]:
    """Legend entries for the article's highlights, in display order."""
    items: list[tuple[str, str, str]] = []
    m = prep.mentions[prep.mentions["doc_id"] == doc_id]
    for a in dict.fromkeys(m.loc[m["kind"] == "actor", "entity_id"]):
        items.append((f"Actor: {prep.actor_label(a)}", prep.actor_colours.get(a, OKABE_ITO[0]), "shade"))
    if (m["kind"] == "place").any():
        items.append(("Place", PLACE_COLOUR, "frame"))
    st = prep.statements[prep.statements["doc_id"] == doc_id]
    for c in dict.fromkeys(st["claim_id"]):
        items.append((f"Claim: {prep.claim_short(c)} — {prep.claim_label(c)}",
                      prep.claim_colours.get(c, OKABE_ITO[0]), "underline"))
    if len(st):
        items.append(("Attribution / stance cue", "#000000", "bold"))
    return items


# --------------------------------------------------------------------------- comparing sources

_TASHKEEL = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_NON_WORD = re.compile(r"[^\w\s]+")


def normalise_ar(text: str) -> str:
    """Arabic text folded for near-duplicate matching (diacritics, alef/ya/ta marbuta forms)."""
    text = _TASHKEEL.sub("", text or "")
    text = re.sub("[إأآٱ]", "ا", text)
    text = text.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    text = _NON_WORD.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def source_groups(prep: Prepared, *, by: str, chosen: Sequence[str]) -> dict[str, list[str]]:
    """{group label: [doc_id, ...]} for the chosen outlets (by="outlet") or articles (by="article")."""
    docs = prep.documents
    groups: dict[str, list[str]] = {}
    for key in chosen:
        if by == "outlet":
            ids = list(docs.loc[docs["source"] == key, "doc_id"])
            label = key
        else:
            ids = [key] if key in set(docs["doc_id"]) else []
            label = article_label(prep, key)
        if ids:
            groups[label] = ids
    return groups


def article_label(prep: Prepared, doc_id: str) -> str:
    d = prep.documents[prep.documents["doc_id"] == doc_id]
    if d.empty:
        return doc_id
    r = d.iloc[0]
    title = _clean(r["title"])
    title = (title[:40] + "…") if len(title) > 41 else title
    parts = [r["source"], _clean(r["date"]), title or doc_id]
    return " · ".join(p for p in parts if p) + f" [{doc_id}]"


def compare_coverage(prep: Prepared, groups: Mapping[str, Sequence[str]], f: Filters) -> pd.DataFrame:
    """Claims (rows) x groups (columns): how each group reports the claim, e.g. "asserts 2, denies 1".

    Blank means the group does not report the claim at all. Respects the actor, claim and stance
    filters (not the outlet filter: the groups choose the outlets).
    """
    base = filter_statements(prep, Filters(actors=f.actors, claims=f.claims, stances=f.stances))
    rows = {}
    for label, docs in groups.items():
        st = base[base["doc_id"].isin(docs)]
        counts = st.groupby(["claim_id", "stance"]).size()
        col = {}
        for claim in dict.fromkeys(st["claim_id"]):
            col[claim] = ", ".join(f"{s} {counts[(claim, s)]}" for s in STANCES if (claim, s) in counts)
        rows[label] = col
    claims = [c for c in prep.claims["claim_id"] if any(c in col for col in rows.values())]
    table = pd.DataFrame({label: [col.get(c, "") for c in claims] for label, col in rows.items()},
                         index=claims)
    table.index.name = "claim"
    return table


def coverage_long(prep: Prepared, groups: Mapping[str, Sequence[str]], f: Filters) -> pd.DataFrame:
    """Groups x claims in the long form of :func:`actor_claim_matrix` (group, claim_id, counts, stance, text).

    Claims: every claim any group reports (under a claim filter, the chosen claims).
    """
    base = filter_statements(prep, Filters(actors=f.actors, claims=f.claims, stances=f.stances))
    cols = ["group", "claim_id", "claim_short", "claim_label", *STANCES, "n", "stance", "text"]
    in_groups = base[base["doc_id"].isin([d for docs in groups.values() for d in docs])]
    claims = list(f.claims) if f.claims else \
        [c for c in prep.claims["claim_id"] if c in set(in_groups["claim_id"])]
    rows = []
    for label, docs in groups.items():
        counts = base[base["doc_id"].isin(docs)].groupby(["claim_id", "stance"]).size()
        for c in claims:
            cnt = {s: int(counts.get((c, s), 0)) for s in STANCES}
            rows.append({"group": label, "claim_id": c, "claim_short": prep.claim_short(c),
                         "claim_label": prep.claim_label(c), **cnt,
                         "n": sum(cnt.values()), "stance": cell_stance(cnt), "text": cell_text(cnt)})
    return pd.DataFrame(rows, columns=cols)


def omissions(coverage: pd.DataFrame) -> dict[str, list[str]]:
    """For each group, the claims that another group reports and this one does not."""
    out = {}
    for label in coverage.columns:
        others = coverage.drop(columns=[label])
        reported_elsewhere = (others != "").any(axis=1) if len(others.columns) else pd.Series(False, index=coverage.index)
        out[label] = [c for c in coverage.index if coverage.at[c, label] == "" and reported_elsewhere[c]]
    return out


def exclusive_claims(coverage: pd.DataFrame) -> dict[str, list[str]]:
    """For each group, the claims that only this group reports."""
    out = {}
    for label in coverage.columns:
        others = coverage.drop(columns=[label])
        elsewhere = (others != "").any(axis=1) if len(others.columns) else pd.Series(False, index=coverage.index)
        out[label] = [c for c in coverage.index if coverage.at[c, label] != "" and not elsewhere[c]]
    return out


def sentence_overlap(prep: Prepared, groups: Mapping[str, Sequence[str]], *,
                     threshold: float = 80.0) -> pd.DataFrame:
    """Every sentence of every group, with its best match in another group.

    Columns: group, doc_id, sentence_id, text, best_group, best_doc, best_sentence, best_text,
    score (0-100, rapidfuzz ratio on normalised Arabic), shared (score >= threshold).
    """
    from rapidfuzz import fuzz, process

    cols = ["group", "doc_id", "sentence_id", "text", "best_group", "best_doc", "best_sentence",
            "best_text", "score", "shared"]
    frames = []
    for label, docs in groups.items():
        s = prep.sentences[prep.sentences["doc_id"].isin(docs)][["doc_id", "sentence_id", "text"]]
        frames.append(s.assign(group=label))
    if not frames:
        return pd.DataFrame(columns=cols)
    allsent = pd.concat(frames, ignore_index=True)
    if allsent.empty:
        return pd.DataFrame(columns=cols)
    norm = [normalise_ar(t) for t in allsent["text"]]
    scores = process.cdist(norm, norm, scorer=fuzz.ratio, workers=1)
    group = allsent["group"].to_numpy()
    rows = []
    for i in range(len(allsent)):
        best, best_j = -1.0, None
        for j in range(len(allsent)):
            if group[j] == group[i]:
                continue
            if scores[i][j] > best:
                best, best_j = float(scores[i][j]), j
        r = allsent.iloc[i]
        row = {"group": r["group"], "doc_id": r["doc_id"], "sentence_id": int(r["sentence_id"]),
               "text": r["text"], "best_group": None, "best_doc": None, "best_sentence": None,
               "best_text": None, "score": 0.0, "shared": False}
        if best_j is not None:
            o = allsent.iloc[best_j]
            row.update(best_group=o["group"], best_doc=o["doc_id"], best_sentence=int(o["sentence_id"]),
                       best_text=o["text"], score=round(best, 1), shared=best >= threshold)
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


def quoted_actors(prep: Prepared, groups: Mapping[str, Sequence[str]], f: Filters) -> pd.DataFrame:
    """Whom each group quotes: group, actor, statements, claims."""
    base = filter_statements(prep, Filters(actors=f.actors, claims=f.claims, stances=f.stances))
    rows = []
    for label, docs in groups.items():
        st = base[base["doc_id"].isin(docs)]
        for (actor_id, actor_label), g in st.groupby(["actor_id", "actor_label"], sort=False):
            rows.append({"group": label, "actor_id": actor_id, "actor": actor_label,
                         "statements": len(g), "claims": _join_unique(sorted(g["claim_id"].unique()))})
    out = pd.DataFrame(rows, columns=["group", "actor_id", "actor", "statements", "claims"])
    return out.sort_values(["group", "statements", "actor"], ascending=[True, False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- overview

def corpus_summary(prep: Prepared) -> dict[str, object]:
    """Headline numbers of the corpus."""
    docs = prep.documents
    dates = sorted(d for d in docs["date"].dropna().astype(str) if d)
    st = prep.statements
    return {
        "articles": len(docs),
        "outlets": len(prep.outlets),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "claims_reported": int(st["claim_id"].nunique()),
        "claims_in_codebook": len(prep.claims),
        "speakers": int(st["actor_id"].nunique()),
        "unlisted_speakers": int(st.loc[st["actor_id"].astype(str).str.startswith("UNK:"), "actor_id"].nunique()),
        "statements": len(st),
        "places": int(prep.mentions.loc[prep.mentions["kind"] == "place", "entity_id"].nunique()),
    }


def stance_by_claim(prep: Prepared, f: Filters) -> pd.DataFrame:
    """Statements per claim and stance (claim_id, claim_short, claim_label, stance, n), for the overview chart."""
    st = filter_statements(prep, f)
    if st.empty:
        return pd.DataFrame(columns=["claim_id", "claim_short", "claim_label", "stance", "n"])
    out = st.groupby(["claim_id", "claim_short", "claim_label", "stance"]).size().rename("n").reset_index()
    return out.sort_values(["claim_id", "stance"]).reset_index(drop=True)


def articles_table(prep: Prepared) -> pd.DataFrame:
    """One row per article: date, outlet, title, counts."""
    d = prep.documents
    n_st = prep.statements.groupby("doc_id").size()
    n_se = prep.sentences.groupby("doc_id").size()
    out = pd.DataFrame({
        "date": d["date"], "outlet": d["source"], "title": d["title"], "doc_id": d["doc_id"],
        "sentences": d["doc_id"].map(n_se).fillna(0).astype(int),
        "statements": d["doc_id"].map(n_st).fillna(0).astype(int),
        "duplicate_of": d["duplicate_of"],
    })
    return out.sort_values(["date", "outlet", "doc_id"], na_position="last").reset_index(drop=True)
