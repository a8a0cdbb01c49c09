"""The actor × claim matrix: who took which stance on which claim, and the evidence of a cell.

Rows are grouped by who speaks (:data:`riwaya.dashboard.corpus.SPEAKER_GROUPS`): codebook
actors, named speakers outside the codebook, unnamed sources, and "Unattributed" last, so that
an impersonal "it was said" is never a row among named actors. Each piece of evidence says how
it was found (:func:`how_found`) and who the speaker is (:func:`speaker_text`).
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import quote_plus, urlencode

import pandas as pd

from riwaya.dashboard.corpus import SPEAKER_GROUPS, as_text
from riwaya.dashboard.filters import View, speaker_group
from riwaya.dashboard.memo import per_view
from riwaya.dashboard.palette import SILENT_MARK
from riwaya.pipeline.schema import STANCES

EVIDENCE_COLUMNS = ["statement_id", "doc_id", "sentence_id", "source", "date", "title", "actor_id",
                    "actor_label", "actor_surface", "claim_id", "claim_short", "claim_label", "stance",
                    "cue", "quote", "start", "end", "cue_start", "cue_end", "method", "confidence",
                    "speaker_kind", "affiliation", "affiliation_label", "review"]
#: how a statement was found (statements.method), for the evidence card
FOUND_BY = {"rule": "Found by a codebook cue pattern",
            "example": "Suggested by similarity to the claim's examples",
            "both": "Found by a codebook cue pattern and by similarity to the claim's examples",
            "review": "Added by a reviewer"}
#: who speaks (statements.speaker_kind), for the evidence card
SPEAKER_TEXT = {"codebook": "codebook actor", "named": "named speaker outside the codebook",
                "source": "unnamed source", "unattributed": "unattributed (no speaker is named)"}


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


def cell_label(counts: Mapping[str, int]) -> str:
    """What a cell shows on the chart: its number of statements ("—" for none); the stances of
    a mixed cell are said in words beside the chart (:func:`stance_words`)."""
    n = sum(counts.get(s, 0) for s in STANCES)
    return str(n) if n else SILENT_MARK


def stance_words(counts: Mapping[str, int]) -> str:
    """A cell in plain words: "3 asserts, 2 concedes"; "never addressed" for none."""
    parts = [f"{counts[s]} {s}" for s in STANCES if counts.get(s, 0)]
    return ", ".join(parts) if parts else "never addressed"


def mixed_cells(long: pd.DataFrame, *, row: str = "actor_label") -> list[tuple[str, str, str]]:
    """The mixed cells of a matrix in long form, in plain words: [(row, claim, "2 asserts,
    1 denies"), ...], in matrix order."""
    mixed = long[long["stance"] == "mixed"]
    return [(getattr(r, row), r.claim_short, stance_words({s: getattr(r, s) for s in STANCES}))
            for r in mixed.itertuples(index=False)]


def has_statements(long: pd.DataFrame) -> bool:
    """Whether a matrix in long form (this module's, or Compare's) has any non-silent cell."""
    return not long.empty and long["n"].sum() > 0


@per_view
def actor_claim_matrix(view: View) -> pd.DataFrame:
    """The actor x claim matrix in long form: one row per (actor, claim) cell, silent ones included.

    Rows: the actors with a statement in view, plus actors chosen in the filter, grouped by
    speaker kind (codebook actors first, "Unattributed" last), the most vocal first within a
    group. Columns: every claim of the codebook (only the chosen ones under a claim filter).
    Columns of the result: actor_id, actor_label, group, group_label, claim_id, claim_short,
    claim_label, asserts, denies, concedes, n, stance, text.
    """
    prep, f, st = view.prep, view.filters, view.statements
    actor_ids = list(dict.fromkeys(list(st["actor_id"]) + list(f.actors)))
    claim_ids = list(f.claims) if f.claims else list(prep.claims["claim_id"])
    cols = ["actor_id", "actor_label", "group", "group_label", "claim_id", "claim_short", "claim_label",
            *STANCES, "n", "stance", "text", "label", "words"]
    if not actor_ids or not claim_ids:
        return pd.DataFrame(columns=cols)
    counts = st.groupby(["actor_id", "claim_id", "stance"]).size()
    kinds = dict(zip(prep.actors["actor_id"], prep.actors["speaker_kind"]))
    rows = []
    for a in actor_ids:
        group = kinds.get(a, "source")
        for c in claim_ids:
            cnt = {s: int(counts.get((a, c, s), 0)) for s in STANCES}
            rows.append({"actor_id": a, "actor_label": prep.actor_label(a), "group": group,
                         "group_label": SPEAKER_GROUPS.get(group, SPEAKER_GROUPS["source"]), "claim_id": c,
                         "claim_short": prep.claim_short(c),
                         "claim_label": prep.claim_label(c), **cnt, "n": sum(cnt.values()),
                         "stance": cell_stance(cnt), "text": cell_text(cnt),
                         "label": cell_label(cnt), "words": stance_words(cnt)})
    out = pd.DataFrame(rows, columns=cols)
    # by speaker group, the most vocal actors first within each; claims in codebook order
    order = out.groupby("actor_id", sort=False)["n"].sum().sort_values(ascending=False, kind="stable")
    out["_g"] = out["group"].map(speaker_group)
    out["_a"] = out["actor_id"].map({a: i for i, a in enumerate(order.index)})
    return out.sort_values(["_g", "_a"], kind="stable").drop(columns=["_g", "_a"]).reset_index(drop=True)


def row_groups(long: pd.DataFrame) -> list[tuple[str, list[str]]]:
    """The matrix's rows by group, in order: [(group label, [actor label, ...]), ...]."""
    groups: dict[str, list[str]] = {}
    for label, actor in dict.fromkeys(zip(long["group_label"], long["actor_label"])):
        groups.setdefault(label, []).append(actor)
    return list(groups.items())


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
    # by actor id: two speakers may share a label (one row each, as in the matrix)
    wide = frame.pivot(index="actor_id", columns="claim_id", values="cell")
    actors = list(dict.fromkeys(long["actor_id"]))
    wide = wide.reindex(index=actors, columns=list(dict.fromkeys(long["claim_id"])))
    label = dict(zip(long["actor_id"], long["actor_label"]))
    wide.index = pd.Index([label[a] for a in actors], name="actor")
    wide.columns.name = None
    return wide.reset_index()


def claims_in_matrix(long: pd.DataFrame) -> pd.DataFrame:
    """The matrix's claims, for its key: label, claim_id, claim."""
    return long[["claim_short", "claim_id", "claim_label"]].drop_duplicates() \
        .rename(columns={"claim_short": "label", "claim_label": "claim"})


def cell_choices(long: pd.DataFrame) -> dict[str, str]:
    """{"ACTOR|CLAIM": "actor — claim (stance, n)"} for every non-silent cell, in matrix order."""
    cells = long[long["n"] > 0]
    return {cell_key(r.actor_id, r.claim_id): f"{r.actor_label} — {r.claim_short} ({r.stance}, {r.n})"
            for r in cells.itertuples(index=False)}


def cell_key(actor_id: str, claim_id: str) -> str:
    """The id of a cell, as chosen in the page and kept in the URL: "ACTOR|CLAIM"."""
    return f"{actor_id}|{claim_id}"


def split_cell(cell: str | None) -> tuple[str | None, str | None]:
    """(actor id, claim id) of a :func:`cell_key`; (None, None) for no cell."""
    if not cell:
        return None, None
    actor_id, claim_id = cell.split("|", 1)
    return actor_id, claim_id


def evidence(view: View, *, actor_id: str | None = None, claim_id: str | None = None) -> pd.DataFrame:
    """The statements in view behind a cell (or a row, a column, the whole view), oldest first."""
    return evidence_rows(view, evidence_positions(view, actor_id=actor_id, claim_id=claim_id))


def evidence_positions(view: View, *, actor_id: str | None = None, claim_id: str | None = None):
    """The positions (in ``view.statements``) of :func:`evidence`'s rows, oldest first: what a
    page keeps of a long list (110,000 statements' rows were copied on every run and kept by the
    CSV button), its page's rows made by :func:`evidence_rows`."""
    order = _oldest_first(view)   # sorted once per filter
    st = view.statements
    if actor_id:
        order = order[(st["actor_id"] == actor_id).to_numpy()[order]]
    if claim_id:
        order = order[(st["claim_id"] == claim_id).to_numpy()[order]]
    return order


def evidence_rows(view: View, positions) -> pd.DataFrame:
    """The evidence rows (:data:`EVIDENCE_COLUMNS`) of the statements at ``positions``."""
    # reindex: ``review`` is there only once a person reviewed something
    return view.statements.iloc[positions].reindex(columns=EVIDENCE_COLUMNS).reset_index(drop=True)


@per_view
def _oldest_first(view: View):
    """The positions of the statements in view, oldest first (by date, outlet, article,
    sentence): kept per filter, a sort of 110,000 statements a run took 1 s at 100,000 articles."""
    import numpy as np

    st = view.statements[["date", "source", "doc_id", "sentence_id"]].reset_index(drop=True)
    return np.asarray(st.sort_values(["date", "source", "doc_id", "sentence_id"], na_position="last").index)


def evidence_page(ev: pd.DataFrame, page: int, *, size: int = 10) -> tuple[pd.DataFrame, int]:
    """(the rows of page ``page`` (1-based, clamped), the number of pages) of an evidence list
    (a frame, or the positions of :func:`evidence_positions`)."""
    pages = max(1, -(-len(ev) // size))
    page = min(max(int(page), 1), pages)
    part = slice((page - 1) * size, page * size)
    return (ev.iloc[part] if isinstance(ev, pd.DataFrame) else ev[part]), pages


def evidence_csv(ev: pd.DataFrame, *, absolute=None) -> pd.DataFrame:
    """The evidence table as exported: readable columns, no offsets, a reader link
    (made absolute by ``absolute``, a function of the app-relative link, when given: a CSV
    is read away from the app)."""
    out = ev[["date", "source", "title", "actor_label", "actor_surface", "speaker_kind", "affiliation",
              "claim_id", "claim_label", "stance", "cue", "quote", "method", "confidence",
              "doc_id", "sentence_id"]].copy()
    links = reader_links(ev["doc_id"], ev["sentence_id"])
    out["reader_link"] = [absolute(link) for link in links] if absolute else links
    return out.rename(columns={"actor_label": "actor", "source": "outlet", "claim_label": "claim",
                               "method": "found_by"})


def how_found(r) -> str:
    """How a statement (a row of :func:`evidence`) was found, in plain English: "Found by a
    codebook cue pattern", "Suggested by similarity to the claim's examples (score 0.63)",
    both, or "Added by a reviewer"; a reviewer's confirmation or correction is said too."""
    method, review = as_text(getattr(r, "method", "")) or "rule", as_text(getattr(r, "review", ""))
    if review == "added":
        method = "review"
    text = FOUND_BY.get(method, f"Found by {method}")
    try:
        confidence = float(getattr(r, "confidence", 1.0))
    except (TypeError, ValueError):
        confidence = float("nan")
    if method in ("example", "both") and confidence == confidence:
        text += f" (score {confidence:.2f})"
    elif method == "rule" and confidence < 1:
        text += f" (confidence {confidence:.2f})"
    if review in ("confirmed", "corrected"):
        text += f"; {review} by a reviewer"
    return text


def speaker_text(r) -> str:
    """Who the speaker of a statement (a row of :func:`evidence`) is: "codebook actor",
    "named speaker outside the codebook, speaks for <affiliation>", "unnamed source",
    "unattributed (no speaker is named)". Plain text: escape it before it goes into HTML."""
    kind = as_text(getattr(r, "speaker_kind", ""))
    text = SPEAKER_TEXT.get(kind, kind or SPEAKER_TEXT["source"])
    affiliation = as_text(getattr(r, "affiliation_label", "")) or as_text(getattr(r, "affiliation", ""))
    return f"{text}, speaks for {affiliation}" if affiliation else text


def reader_links(doc_ids, sentence_ids) -> list[str]:
    """:func:`reader_link` of each (doc_id, sentence_id), each article's id quoted once."""
    quoted = {d: quote_plus(str(d)) for d in dict.fromkeys(doc_ids)}
    return [f"Reader?doc={quoted[d]}&sent={int(s)}#s-{int(s)}" for d, s in zip(doc_ids, sentence_ids)]


def reader_link(doc_id: str, sentence_id: int) -> str:
    """The app-relative URL of the reader page (pages/4_Reader.py) at one sentence."""
    return f"Reader?{urlencode({'doc': doc_id, 'sent': int(sentence_id)})}#s-{int(sentence_id)}"
