"""The Overview page's data: headline numbers, statements per claim and stance, the articles."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from riwaya.dashboard import listing
from riwaya.dashboard.corpus import Prepared
from riwaya.dashboard.filters import View
from riwaya.dashboard.memo import per_corpus, per_view


@per_corpus
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


def dates_caption(summary: Mapping[str, object], outlets: Sequence[str]) -> str | None:
    """"Articles dated A to B. Outlets: ..." from a :func:`corpus_summary` (None when no
    article has a date)."""
    first, last = summary["first_date"], summary["last_date"]
    if not first:
        return None
    span = first if first == last else f"{first} to {last}"
    return f"Articles dated {span}. Outlets: {', '.join(outlets)}."


@per_view
def stance_by_claim(view: View) -> pd.DataFrame:
    """Statements in view per claim and stance (claim_id, claim_short, claim_label, stance, n),
    for the overview chart."""
    st = view.statements
    if st.empty:
        return pd.DataFrame(columns=["claim_id", "claim_short", "claim_label", "stance", "n"])
    out = st.groupby(["claim_id", "claim_short", "claim_label", "stance"]).size().rename("n").reset_index()
    return out.sort_values(["claim_id", "stance"]).reset_index(drop=True)


def outlets_shown(prep: Prepared) -> list[str]:
    """The corpus's outlets as the caption lists them: English with Arabic in brackets where the
    codebook knows both ("SANA (سانا)"), then how many articles name no outlet."""
    from riwaya.dashboard.compare import outlet_display, outlet_names

    names = outlet_names(prep)
    shown = [outlet_display(prep, o, names) for o in prep.outlets]
    named = [o for o in shown if not o.startswith("No outlet named")]
    unnamed = len(shown) - len(named)
    return named + ([f"{unnamed} article(s) naming no outlet"] if unnamed else [])


def claims_key(prep: Prepared) -> pd.DataFrame:
    """What the claim ids mean: claim_id, claim (the neutral English statement)."""
    return prep.claims[["claim_id", "label"]].rename(columns={"label": "claim"})


@per_corpus
def articles_table(prep: Prepared) -> pd.DataFrame:
    """One row per article: date, outlet, title, counts (computed once per corpus)."""
    d = prep.documents
    n_st = prep.statements.groupby("doc_id").size()
    n_se = prep.sentences.groupby("doc_id").size()
    from riwaya.dashboard.compare import outlet_display, outlet_names

    names = outlet_names(prep)
    outlets = [outlet_display(prep, o, names) for o in d["source"]]
    out = pd.DataFrame({
        "date": d["date"], "outlet": ["(not named)" if o.startswith("No outlet named") else o for o in outlets],
        "title": d["title"], "doc_id": d["doc_id"],
        "sentences": d["doc_id"].map(n_se).fillna(0).astype(int),
        "statements": d["doc_id"].map(n_st).fillna(0).astype(int),
        "duplicate_of": d["duplicate_of"],
    })
    return out.sort_values(["date", "outlet", "doc_id"], na_position="last").reset_index(drop=True)


@per_corpus
def _articles_text(prep: Prepared) -> pd.Series:
    """What the articles table's search looks in: date, outlet, title and id of each row."""
    t = articles_table(prep)
    return (t["date"].astype(str) + " " + t["outlet"].astype(str) + " " + t["title"].fillna("").astype(str)
            + " " + t["doc_id"].astype(str))


def articles_page(prep: Prepared, query: str | None = None, *, most: int | None = None) -> tuple[pd.DataFrame, int]:
    """The first ``most`` rows of :func:`articles_table` whose date, outlet, title or id contain
    ``query``, and how many rows match (what the page shows: 100,000 rows are not sent)."""
    return listing.first_rows(articles_table(prep), _articles_text(prep), query, most=most)


def articles_csv(prep: Prepared) -> bytes:
    """:func:`articles_table` as the page's CSV download, made when asked for."""
    return articles_table(prep).to_csv(index=False).encode("utf-8")


#: the optional file of the codebook folder saying what the event is
EVENT_FILE = "event.json"


def event_description(codebook_dir) -> dict[str, str] | None:
    """What the event is, from ``event.json`` in the codebook folder (data, not code):
    ``{"title": ..., "summary": ...}``; None when the folder has no such file. A malformed
    file raises :class:`~riwaya.errors.CodebookError` naming it and the problem."""
    import json
    from pathlib import Path

    from riwaya.errors import CodebookError

    path = Path(codebook_dir) / EVENT_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CodebookError(path, f"not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CodebookError(path, f"expected one JSON object, got {type(data).__name__}")
    for field in ("title", "summary"):
        if not isinstance(data.get(field, ""), str):
            raise CodebookError(path, f"expected text, got {type(data[field]).__name__}", field=field)
    out = {k: data.get(k, "").strip() for k in ("title", "summary")}
    return out if any(out.values()) else None


def bar_statements(view: View, claim_id: str, stance: str, *, most: int = 8) -> pd.DataFrame:
    """The statements behind one bar segment of the overview chart (a claim, a stance), oldest
    first, ``most`` at most: what a click on the chart shows."""
    from riwaya.dashboard.matrix import evidence

    ev = evidence(view, claim_id=claim_id)
    return ev[ev["stance"] == stance].head(most).reset_index(drop=True)
