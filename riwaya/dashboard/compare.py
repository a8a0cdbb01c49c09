"""Comparing sources: which claims each outlet (or article) reports and how, what each leaves
out, which sentences they share, whom each quotes.

A group is a label and its doc_ids (:func:`source_groups`); the statements counted are those
of the :class:`~riwaya.dashboard.filters.View` (the sidebar's filter) in the group's articles.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from riwaya.dashboard import listing
from riwaya.dashboard.corpus import as_text, join_unique, outlet_of
from riwaya.dashboard.filters import View
from riwaya.dashboard.memo import per_corpus, per_view
from riwaya.dashboard.outlets import outlet_display, outlet_names  # noqa: F401 - re-exported
from riwaya.dashboard.matrix import cell_label, cell_stance, cell_text, stance_words
from riwaya.dashboard.reader import article_label, article_labels, doc_rows
from riwaya.pipeline.schema import STANCES

BY = {"outlet": "Outlets", "article": "Articles"}

Groups = Mapping[str, Sequence[str]]


def article_display(prep, doc_id: str, names: Mapping[str, str] | None = None) -> str:
    """An article as shown in a comparison: "outlet · date · the title's start [id]", the id
    cut to 12 characters and each part isolated (U+2068…U+2069) so that an Arabic title does
    not pull the id into its right-to-left run; "No outlet named [000_54f79f58]"."""
    if names is None:
        return article_displays(prep).get(doc_id, doc_id)
    d = doc_rows(prep, "documents", doc_id)
    if d.empty:
        return doc_id
    r = d.iloc[0]
    return _article_text(prep, doc_id, r["source"], r["date"], r["title"], names)


def _article_text(prep, doc_id: str, source, date, title, names: Mapping[str, str]) -> str:
    outlet = outlet_display(prep, outlet_of(source, doc_id), names)
    outlet = "No outlet named" if outlet.startswith("No outlet named") else outlet
    title = as_text(title)
    title = title if len(title) <= 42 else title[:40].rstrip() + "…"
    parts = [outlet, as_text(date), f"\u2068{title}\u2069" if title else ""]
    return " · ".join(p for p in parts if p) + f" [{doc_id[:12]}]"


@per_corpus
def article_displays(prep) -> dict[str, str]:
    """{doc_id: :func:`article_display`} of every article, in one pass (an article at a time
    scanned the documents: 100,000 options at 100,000 articles never finished)."""
    names, d = outlet_names(prep), prep.documents
    return {i: _article_text(prep, i, s, dt, t, names)
            for i, s, dt, t in zip(d["doc_id"], d["source"], d["date"], d["title"])}


def group_displays(prep, groups: Groups, by: str, *, arabic: bool = True) -> dict[str, str]:
    """{group label: how it is shown} for the groups of :func:`source_groups`; without
    ``arabic``, outlets by their name alone (headings under the chart)."""
    names = outlet_names(prep) if arabic else {}
    if by == "outlet":
        return {label: outlet_display(prep, label, names) for label in groups}
    return {label: (article_display(prep, docs[0], names) if len(docs) == 1 else label)
            for label, docs in groups.items()}


def options(view: View, by: str) -> tuple[list[str], dict[str, str]]:
    """What can be compared, and how each choice is labelled: the outlets in view, or the
    articles in view (oldest first)."""
    names = outlet_names(view.prep)
    if by == "outlet":
        return list(view.outlets), {o: outlet_display(view.prep, o, names) for o in view.outlets}
    if by == "article":
        ids = list(view.documents["doc_id"])
        displays = article_displays(view.prep)
        return ids, {d: displays.get(d, d) for d in ids}
    raise ValueError(f"by: expected one of {sorted(BY)}, got {by!r}")


def article_options(view: View, query: str | None = None, *, keep: Sequence[str] = ()
                    ) -> tuple[list[str], dict[str, str], int]:
    """The article chooser's options: ``keep`` (the articles chosen now) first, then the first
    :data:`riwaya.dashboard.listing.SHOWN` articles in view whose label contains ``query``; their
    labels; and how many match (100,000 options are not sent to the browser on every run)."""
    displays = article_displays(view.prep)
    ids, total = listing.first_ids(list(view.documents["doc_id"]), displays, query, keep=keep)
    return ids, {d: displays.get(d, d) for d in ids}, total


def article_note(shown: int, total: int) -> str:
    """Under the article chooser when it is cut: "Offering 200 of 10,000 articles in view: ..."."""
    if total <= shown:
        return ""
    return f"Offering {shown:,} of {total:,} articles in view: type in the search box to find others."


def source_groups(view: View, *, by: str, chosen: Sequence[str]) -> dict[str, list[str]]:
    """{group label: [doc_id, ...]} for the chosen outlets (by="outlet") or articles (by="article")."""
    docs = view.prep.documents
    known = set(docs["doc_id"])
    groups: dict[str, list[str]] = {}
    for key in chosen:
        if by == "outlet":
            ids = list(docs.loc[docs["source"] == key, "doc_id"])
            label = key
        else:
            ids = [key] if key in known else []
            label = article_label(view.prep, key)
        if ids:
            groups[label] = ids
    return groups


def _in_group(view: View, docs: Sequence[str]) -> pd.DataFrame:
    """The statements in view of the articles ``docs``: the columns the comparisons read (a
    copy of every column, six groups three times a run, was 2 s at 100,000 articles). Kept per
    filter and articles: the page asks for each group three times a run (19 look-ups, 0.3 s of
    CPU a run at 100,000 articles)."""
    return _statements_of(view, tuple(docs))


@per_view
def _statements_of(view: View, docs: tuple[str, ...]) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.compute as pc

    st = view.statements
    # by Arrow (pandas' isin of Arrow strings went value by value: 1.5 s a first visit at 100k)
    ids = st["doc_id"].array
    ids = pa.array(ids) if hasattr(ids, "__arrow_array__") else pa.array(ids.to_numpy(dtype=object), pa.string())
    inside = pc.is_in(ids, value_set=pa.array([str(d) for d in docs], pa.string()))
    return st.loc[inside.to_numpy(zero_copy_only=False), ["doc_id", "actor_id", "actor_label", "claim_id", "stance"]]


def compare_coverage(view: View, groups: Groups) -> pd.DataFrame:
    """Claims (rows) x groups (columns): how each group reports the claim, e.g. "asserts 2, denies 1".

    Blank means the group does not report the claim at all.
    """
    rows = {}
    for label, docs in groups.items():
        st = _in_group(view, docs)
        counts = st.groupby(["claim_id", "stance"]).size()
        rows[label] = {claim: ", ".join(f"{s} {counts[(claim, s)]}" for s in STANCES if (claim, s) in counts)
                       for claim in dict.fromkeys(st["claim_id"])}
    claims = [c for c in view.prep.claims["claim_id"] if any(c in col for col in rows.values())]
    table = pd.DataFrame({label: [col.get(c, "") for c in claims] for label, col in rows.items()},
                         index=claims)
    table.index.name = "claim"
    return table


def coverage_long(view: View, groups: Groups) -> pd.DataFrame:
    """Groups x claims in the long form of the actor x claim matrix (group, claim_id, counts,
    stance, text). Claims: every claim any group reports (under a claim filter, the chosen ones)."""
    prep, f = view.prep, view.filters
    cols = ["group", "claim_id", "claim_short", "claim_label", *STANCES, "n", "stance", "text", "label", "words"]
    in_groups = _in_group(view, [d for docs in groups.values() for d in docs])
    claims = list(f.claims) if f.claims else \
        [c for c in prep.claims["claim_id"] if c in set(in_groups["claim_id"])]
    rows = []
    for label, docs in groups.items():
        counts = _in_group(view, docs).groupby(["claim_id", "stance"]).size()
        for c in claims:
            cnt = {s: int(counts.get((c, s), 0)) for s in STANCES}
            rows.append({"group": label, "claim_id": c, "claim_short": prep.claim_short(c),
                         "claim_label": prep.claim_label(c), **cnt,
                         "n": sum(cnt.values()), "stance": cell_stance(cnt), "text": cell_text(cnt),
                         "label": cell_label(cnt), "words": stance_words(cnt)})
    return pd.DataFrame(rows, columns=cols)


def _reported_elsewhere(coverage: pd.DataFrame, label: str) -> pd.Series:
    others = coverage.drop(columns=[label])
    if not len(others.columns):
        return pd.Series(False, index=coverage.index)
    return (others != "").any(axis=1)


def omissions(coverage: pd.DataFrame) -> dict[str, list[str]]:
    """For each group, the claims that another group reports and this one does not."""
    out = {}
    for label in coverage.columns:
        elsewhere = _reported_elsewhere(coverage, label)
        out[label] = [c for c in coverage.index if coverage.at[c, label] == "" and elsewhere[c]]
    return out


def exclusive_claims(coverage: pd.DataFrame) -> dict[str, list[str]]:
    """For each group, the claims that only this group reports."""
    out = {}
    for label in coverage.columns:
        elsewhere = _reported_elsewhere(coverage, label)
        out[label] = [c for c in coverage.index if coverage.at[c, label] != "" and not elsewhere[c]]
    return out


def sentence_overlap(view: View, groups: Groups, *, threshold: float = 80.0) -> pd.DataFrame:
    """Every sentence of every group (whatever the filter: the articles' whole text), with its
    best match in another group.

    Columns: group, doc_id, sentence_id, text, best_group, best_doc, best_sentence, best_text,
    score (0-100, rapidfuzz ratio of the normalised sentences, punctuation ignored), shared
    (score >= threshold). ``text`` is kept only for the sentences the page can list
    (:func:`listable`), None for the others, and ``best_text`` for none (the page shows no
    match's text; the matches of the sentences listed are all over the corpus, and reading them
    read all of its text): six outlets at 100,000 articles are 400,000 sentences, 400 MB of
    text; :func:`shown` reads any missing.

    Computed once per corpus and groups, whatever the filter (it reads no statement: changing
    the sidebar's filter on the page does not compare again), and kept among the corpus's few
    large results (``prep.frames``: 400,000 rows for six outlets at 100,000 articles).
    """
    best = _closest(view.prep, groups)
    raw = best.pop("raw_score").to_numpy()
    best["shared"] = best["best_group"].notna().to_numpy() & (raw >= threshold)
    return best


def _closest(prep, groups: Groups) -> pd.DataFrame:
    """:func:`_closest_sentences`, kept among the corpus's few large results."""
    key = tuple((label, tuple(docs)) for label, docs in groups.items())
    return prep.frames.get(("compare", "closest", key), lambda: _closest_sentences(prep, dict(key)))


def start_overlap(view: View, groups: Groups) -> None:
    """Begin :func:`sentence_overlap`'s comparison in a thread while the page draws its chart
    (reading the forms and scoring leave Python's lock to the page most of the time: a first
    visit at 100,000 articles waited 3 s for it after the chart); :func:`sentence_overlap` then
    waits for it (the result is computed once, :class:`~riwaya.dashboard.memo.Memo`). An error
    is raised there, when the page asks."""
    import threading

    def run() -> None:
        try:
            _closest(view.prep, groups)
        except Exception:   # noqa: BLE001 - computed (and raised) again when the page asks
            pass

    threading.Thread(target=run, name="riwaya-compare", daemon=True).start()


#: sentences listed at once under each group (the counts say how many there are)
SHOWN = 50


#: the similarity thresholds the page offers (its slider): the sentences listed at any of
#: them keep their text in :func:`sentence_overlap`
SIMILARITY_STEPS = tuple(range(50, 101, 5))


def shown(sentences: pd.DataFrame, texts=None, *, read: Sequence[str] = ("text", "best_text")) -> pd.DataFrame:
    """The first :data:`SHOWN` of a list of sentences (a page of thousands was never drawn);
    a ``text`` or ``best_text`` (those of ``read``) missing there (``best_text``; ``text`` at a
    threshold off :data:`SIMILARITY_STEPS`) is read from ``texts`` (``prep.texts``) when given."""
    first = sentences.head(SHOWN)
    if texts is None or first.empty:
        return first
    out = {}
    for column, doc, sentence in (("text", "doc_id", "sentence_id"), ("best_text", "best_doc", "best_sentence")):
        if doc not in first or column not in read:
            continue
        values = first[column].astype(object) if column in first else pd.Series(None, index=first.index, dtype=object)
        missing = (values.isna() & first[doc].notna()).to_numpy()
        if missing.any():
            keys = first.loc[missing, [doc, sentence]].set_axis(["doc_id", "sentence_id"], axis=1)
            values = values.copy()
            values[missing] = texts.sentence_texts(keys)
        out[column] = values
    return first.assign(**out)


def listable(group: np.ndarray, shared_at: np.ndarray, found: np.ndarray) -> np.ndarray:
    """Which rows of :func:`sentence_overlap` a page can list: per group, the first
    :data:`SHOWN` shared and the first not shared at each of :data:`SIMILARITY_STEPS`
    (``shared_at``: each row's unrounded score; ``found``: it has a best match)."""
    keep = np.zeros(len(group), dtype=bool)
    for label in pd.unique(group):
        rows = np.flatnonzero(group == label)
        for step in SIMILARITY_STEPS:
            shared = found[rows] & (shared_at[rows] >= step)
            keep[rows[shared][:SHOWN]] = True
            keep[rows[~shared][:SHOWN]] = True
    return keep


def _closest_sentences(prep, groups: Groups) -> pd.DataFrame:
    """:func:`sentence_overlap` without ``shared`` but with the unrounded ``raw_score``."""
    from riwaya.dashboard.forms import compared_sentences
    from riwaya.dashboard.overlap import best_matches

    cols = ["group", "doc_id", "sentence_id", "text", "best_group", "best_doc", "best_sentence",
            "best_text", "score", "raw_score"]
    # each sentence's compared form (THE normaliser, then rapidfuzz's processing: punctuation
    # out), written by the build (riwaya.pipeline.sentence_forms): the page reads, never
    # normalises, the 400,000 sentences of six outlets at 100,000 articles
    keys, forms = compared_sentences(prep, groups)
    if keys.empty:
        return pd.DataFrame(columns=cols)
    group = keys["group"].to_numpy(dtype=object)
    # each sentence's closest one in another group: every pair for a few thousand sentences,
    # candidates by hashing beyond (riwaya.dashboard.overlap)
    best_j, best = best_matches(forms, group)
    found = best >= 0
    other = np.where(found, best_j, 0)
    # the text only of what a page can list, read by DuckDB: kept per filter, all of it was
    # most of the memory (and reading it most of the time)
    keep = listable(group, best, found)
    text = _texts_of(prep.texts, keys, keep)
    doc = pd.Categorical(keys["doc_id"])
    sentence = keys["sentence_id"].to_numpy(dtype="int64")
    return pd.DataFrame({
        "group": group, "doc_id": doc, "sentence_id": sentence, "text": text,
        "best_group": np.where(found, group[other], None),
        "best_doc": pd.Categorical.from_codes(np.where(found, doc.codes[other], -1), dtype=doc.dtype),
        "best_sentence": pd.arrays.IntegerArray(sentence[other], mask=~found),
        "best_text": np.full(len(keys), None, dtype=object),
        "score": [round(b, 1) if f else 0.0 for b, f in zip(best.tolist(), found.tolist())],
        "raw_score": best,
    }, columns=cols)


def _texts_of(texts, keys: pd.DataFrame, keep: np.ndarray) -> np.ndarray:
    """The sentences' text where ``keep`` (read by DuckDB: the first sentences of each group,
    in a few of the corpus's row groups), None elsewhere."""
    text = np.full(len(keys), None, dtype=object)
    wanted = keys.loc[keep, ["doc_id", "sentence_id"]]
    if len(wanted):
        text[keep] = texts.sentence_texts(wanted.astype({"doc_id": object})).to_numpy(dtype=object)
    return text


def overlap_of(overlap: pd.DataFrame, label: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shared, unique) sentences of one group in a :func:`sentence_overlap` frame."""
    mine = overlap[overlap["group"] == label]
    return mine[mine["shared"].astype(bool)], mine[~mine["shared"].astype(bool)]


def quoted_actors(view: View, groups: Groups) -> pd.DataFrame:
    """Whom each group quotes: group, actor_id, actor, statements, claims."""
    rows = []
    for label, docs in groups.items():
        st = _in_group(view, docs)
        for (actor_id, actor_label), g in st.groupby(["actor_id", "actor_label"], sort=False):
            rows.append({"group": label, "actor_id": actor_id, "actor": actor_label,
                         "statements": len(g),
                         "claims": join_unique(sorted(view.prep.claim_short(c) for c in g["claim_id"].unique()))})
    out = pd.DataFrame(rows, columns=["group", "actor_id", "actor", "statements", "claims"])
    return out.sort_values(["group", "statements", "actor"], ascending=[True, False, True]).reset_index(drop=True)


def labelled(frame: pd.DataFrame, displays: Mapping[str, str], *, column: str = "group") -> pd.DataFrame:
    """``frame`` with ``group_label``: how each group (``column``) is shown (:func:`group_displays`)."""
    return frame.assign(group_label=[displays.get(g, g) for g in frame[column]])


def quoted_table(quoted: pd.DataFrame, displays: Mapping[str, str]) -> pd.DataFrame:
    """Whom each quotes, as shown: source (its display name), actor (the name, never the id),
    statements, claims (their short labels)."""
    out = labelled(quoted, displays).rename(columns={"group_label": "source"})
    return out[["source", "actor", "statements", "claims"]]
