"""The Overview page's data: headline numbers, statements per claim and stance, the articles."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from riwaya.dashboard.corpus import Prepared
from riwaya.dashboard.filters import View


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


def stance_by_claim(view: View) -> pd.DataFrame:
    """Statements in view per claim and stance (claim_id, claim_short, claim_label, stance, n),
    for the overview chart."""
    st = view.statements
    if st.empty:
        return pd.DataFrame(columns=["claim_id", "claim_short", "claim_label", "stance", "n"])
    out = st.groupby(["claim_id", "claim_short", "claim_label", "stance"]).size().rename("n").reset_index()
    return out.sort_values(["claim_id", "stance"]).reset_index(drop=True)


def claims_key(prep: Prepared) -> pd.DataFrame:
    """What the claim ids mean: claim_id, claim (the neutral English statement)."""
    return prep.claims[["claim_id", "label"]].rename(columns={"label": "claim"})


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
