"""The corpus as the pages use it: its tables joined once (:func:`prepare`), and display labels.

Nothing here is specific to one event: names and labels come from the ``actors``, ``claims``
and ``places`` tables of the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from riwaya.dashboard.memo import Memo, give_back_memory, use_system_memory_pool
from riwaya.dashboard.palette import palette_for
from riwaya.dashboard.query import TEXT_COLUMNS, Texts, slim
from riwaya.pipeline.schema import SPEAKER_KINDS, TABLES, UNATTRIBUTED, speaker_kind
from riwaya.pipeline.store import Corpus, build_dir, read_manifest
from riwaya.review.apply import reviewed_corpus


#: the text columns of the big frames held as categories (their categories sorted): an
#: integer code per row, not a string (at 100,000 articles the mentions are 6 million rows)
CATEGORIES: dict[str, tuple[str, ...]] = {
    "mentions": ("doc_id", "kind", "entity_id", "surface", "method", "source"),
    "sentences": ("doc_id", "source", "date"),
}
#: how many filters' frames (statements, sentences, mentions, documents) a corpus keeps
VIEW_FRAMES = 8


@dataclass(frozen=True)
class Prepared:
    """The corpus joined once into the frames the pages use (computed once, then cached).

    One object is shared, read-only, by every session of the server: nothing may change its
    frames in place. Results derived from it are kept in :attr:`memo`
    (:mod:`riwaya.dashboard.memo`), so a new corpus starts with none.

    The articles' and sentences' text is not in these frames: :attr:`texts` reads it by
    DuckDB for what a page shows (:mod:`riwaya.dashboard.query`).
    """

    statements: pd.DataFrame   # + source, date, title, actor_label, name_en, name_ar, claim_label;
                               # method, confidence, speaker_kind, affiliation always filled
                               # (:func:`provenance`), + affiliation_label
    mentions: pd.DataFrame     # + source; its text columns categories (CATEGORIES)
    sentences: pd.DataFrame    # + source, date; no text (:attr:`texts`); categories (CATEGORIES)
    documents: pd.DataFrame    # no text, raw_text, removed, credits (:attr:`texts`)
    actors: pd.DataFrame       # + label, speaker_kind (the actor's group: SPEAKER_GROUPS)
    claims: pd.DataFrame       # + label, short
    places: pd.DataFrame
    outlets: tuple[str, ...]
    actor_colours: dict[str, str] = field(default_factory=dict)
    claim_colours: dict[str, str] = field(default_factory=dict)
    outlet_colours: dict[str, str] = field(default_factory=dict)
    decisions: pd.DataFrame = field(default_factory=pd.DataFrame)  # the review decisions applied
    #: the text columns (:data:`riwaya.dashboard.query.TEXT_COLUMNS`), read by DuckDB
    texts: Texts | None = field(default=None, compare=False, repr=False)
    memo: Memo = field(default_factory=Memo, init=False, compare=False, repr=False)
    #: the filtered frames of the last few filters (large: kept few)
    frames: Memo = field(default_factory=lambda: Memo(VIEW_FRAMES), init=False, compare=False,
                         repr=False)

    @property
    def is_empty(self) -> bool:
        return self.documents.empty

    def actor_label(self, actor_id: str) -> str:
        return _lookup(self, "actors", "actor_id", actor_id, "label")

    def claim_label(self, claim_id: str) -> str:
        """The claim as a neutral English statement."""
        return _lookup(self, "claims", "claim_id", claim_id, "label")

    def claim_short(self, claim_id: str) -> str:
        """A short English label for charts (the codebook's label_en, else the id)."""
        return _lookup(self, "claims", "claim_id", claim_id, "short")

    def _labels(self, table: str, key: str, column: str) -> dict:
        """{id: label} of one table's column, built once per corpus (a label per chart cell
        must not scan the table)."""
        def build() -> dict:
            frame = getattr(self, table)
            return {k: str(v) for k, v in zip(frame[key][::-1], frame[column][::-1])}  # first wins
        return self.memo.get(("labels", table, column), build)


#: the label of each speaker kind (``statements.speaker_kind``), in the order the dashboard
#: groups speakers: codebook actors first, "Unattributed" last
SPEAKER_GROUPS = dict(zip(SPEAKER_KINDS, ("Codebook actors", "Named, outside the codebook",
                                          "Unnamed sources", "Unattributed")))


def implied_speaker_kind(actor_id, in_codebook) -> str:
    """The speaker kind an actor id implies, for a corpus built before ``speaker_kind``
    existed: "codebook" for a codebook actor, "unattributed" for UNATTRIBUTED, "source" for
    an ``UNK:<form>`` (an older build cannot tell a named person from an unnamed source),
    "named" for any other id."""
    actor_id = as_text(actor_id)
    return speaker_kind(actor_id, not pd.isna(in_codebook) and bool(in_codebook),
                        otherwise="source" if actor_id.startswith("UNK:") else "named")


def provenance(statements: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The statements with how each was found (``method``, ``confidence``) and who speaks
    (``speaker_kind``, ``affiliation``) on every row: a corpus built before these columns
    existed (or a row left empty) reads as found by a codebook cue pattern ("rule"),
    confidence 1.0, its speaker kind implied by the actor id (:func:`implied_speaker_kind`)."""
    st = statements.copy()
    codebook = set(actors.loc[actors["in_codebook"].fillna(False).astype(bool), "actor_id"])
    implied = pd.Series([implied_speaker_kind(a, a in codebook) for a in st["actor_id"]],
                        index=st.index, dtype=object)
    for column, default in (("method", "rule"), ("speaker_kind", implied), ("affiliation", None)):
        if column not in st:
            st[column] = default
        elif default is not None:
            st[column] = st[column].astype(object).where(st[column].notna(), default)
    confidence = pd.to_numeric(st["confidence"], errors="coerce") if "confidence" in st else None
    st["confidence"] = (1.0 if confidence is None else confidence.fillna(1.0).clip(0.0, 1.0))
    st["confidence"] = st["confidence"].astype(float)
    return st


def _speaker_kinds(actors: pd.DataFrame, statements: pd.DataFrame) -> list[str]:
    """Each actor's group: "codebook" for a codebook actor, else the kind its statements give
    it most often, else the kind its id implies."""
    said = {a: k.value_counts().index[0] for a, k in statements.groupby("actor_id")["speaker_kind"]}
    kinds = []
    for actor_id, in_codebook in zip(actors["actor_id"], actors["in_codebook"]):
        implied = implied_speaker_kind(actor_id, in_codebook)
        kinds.append(implied if implied == "codebook" else said.get(actor_id, implied))
    return kinds


def _lookup(prep: Prepared, table: str, key: str, value: str, column: str) -> str:
    return prep._labels(table, key, column).get(value, str(value))


def as_text(value) -> str:
    """A table cell as plain text: "" for None and NaN, otherwise the string, stripped."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def join_unique(values: Iterable) -> str:
    """The non-empty values, each once, in order, joined by ", "."""
    return ", ".join(dict.fromkeys(as_text(v) for v in values if as_text(v)))


def actor_display(actor_id: str, name_en, name_ar) -> str:
    """"English name · Arabic name", falling back to whichever exists, then to the id."""
    en, ar = as_text(name_en), as_text(name_ar)
    if actor_id == UNATTRIBUTED:
        return "Unattributed"
    if actor_id.startswith("UNK:"):
        form = ar or en or actor_id[4:]
        return f"Unlisted speaker · {form}"
    if en and ar and en != ar:
        return f"{en} · {ar}"
    return en or ar or actor_id


def claim_display(claim_id: str, statement_en) -> str:
    """The claim's neutral English statement; the id when the codebook gives none."""
    return as_text(statement_en) or claim_id


#: what an article naming no outlet shows as its outlet (with its id: each stands alone)
UNNAMED_OUTLET = "No outlet named"


def outlet_of(source, doc_id: str = "") -> str:
    """The outlet's name; an article whose outlet is unknown stands alone (it is not lumped
    together with other unknown ones): "No outlet named · article 000_54f79f58"."""
    text = as_text(source)
    if text:
        return text
    return f"{UNNAMED_OUTLET} · article {doc_id[:12]}" if doc_id else UNNAMED_OUTLET


def _actors(corpus: Corpus) -> pd.DataFrame:
    """The actors table, plus a row for each speaker found only in statements, with a label."""
    actors = corpus.actors.copy()
    extra = sorted(set(corpus.statements["actor_id"].dropna()) - set(actors["actor_id"]))
    if extra:
        add = pd.DataFrame({"actor_id": extra, "name_en": [None] * len(extra),
                            "name_ar": [e[4:] if e.startswith("UNK:") else None for e in extra],
                            "kind": ["unknown"] * len(extra),
                            "in_codebook": [False] * len(extra)})
        actors = pd.concat([actors, add], ignore_index=True)
    actors["label"] = [actor_display(str(a), en, ar) for a, en, ar in
                       zip(actors["actor_id"], actors["name_en"], actors["name_ar"])]
    return actors


def _claims(corpus: Corpus) -> pd.DataFrame:
    """The claims table, plus a row for each claim found only in statements; label and short."""
    claims = corpus.claims.copy()
    extra = sorted(set(corpus.statements["claim_id"].dropna()) - set(claims["claim_id"]))
    if extra:
        claims = pd.concat([claims, pd.DataFrame({"claim_id": extra, "statement_en": [None] * len(extra)})],
                           ignore_index=True)
    claims["label"] = [claim_display(str(c), s) for c, s in zip(claims["claim_id"], claims["statement_en"])]
    short = claims["label_en"] if "label_en" in claims else [None] * len(claims)
    claims["short"] = [as_text(s) or str(c) for c, s in zip(claims["claim_id"], short)]
    return claims


def as_categories(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """``frame`` with each of ``columns`` it has as a category, its categories sorted (so a
    sort by the column sorts by its text)."""
    out = {}
    for column in columns:
        if column in frame:
            values = frame[column]
            values = values if isinstance(values.dtype, pd.CategoricalDtype) else values.astype("category")
            cats = values.cat.categories
            out[column] = values if cats.is_monotonic_increasing else \
                values.cat.reorder_categories(cats.sort_values())
    return frame.assign(**out) if out else frame


def with_doc_columns(frame: pd.DataFrame, docs: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """``frame`` (its ``doc_id`` a category) with each of the articles' ``columns`` of its
    article (``docs``: doc_id and those columns), as categories: looked up once per article,
    not per row (a merge of millions of rows copied every string); None for an unknown article."""
    frame = frame.reset_index(drop=True)
    codes = frame["doc_id"].cat.codes.to_numpy()
    per_doc = docs.drop_duplicates("doc_id").set_index("doc_id").reindex(frame["doc_id"].cat.categories)
    out = {}
    for column in columns:
        values = pd.Categorical(per_doc[column].to_numpy())
        values = values.reorder_categories(values.categories.sort_values())
        mine = values.codes[codes] if len(values) else codes
        mine = pd.Series(mine).where(codes >= 0, -1).to_numpy()   # no article: missing
        out[column] = pd.Categorical.from_codes(mine, dtype=values.dtype)
    return frame.assign(**{c: pd.Series(v, index=frame.index) for c, v in out.items()})


def load_prepared(out_dir, decisions: pd.DataFrame | None = None) -> Prepared:
    """The prepared corpus of the processed folder ``out_dir``: its tables read without their
    text columns, which stay in the build's Parquet files (:class:`Texts`, read by DuckDB)."""
    use_system_memory_pool()   # freed Arrow memory handed back, not kept by a pool
    build = build_dir(out_dir)
    frames = {name: read_frame(build / f"{name}.parquet", skip=TEXT_COLUMNS.get(name, ()),
                               categories=CATEGORIES.get(name, ())) for name in TABLES}
    corpus = Corpus(**frames, manifest=read_manifest(out_dir) or {})
    prep = prepare(corpus, decisions, texts=Texts.over_parquet(build))
    del corpus, frames
    give_back_memory()
    return prep


def read_frame(path, *, skip: Iterable[str] = (), categories: Iterable[str] = ()) -> pd.DataFrame:
    """One table of a build (a Parquet file) without its ``skip`` columns, read by pyarrow:
    the ``categories`` columns as categories straight from the file's dictionaries (6 million
    mentions at 100,000 articles are never a string per row, even while read); a column with
    no value at all reads as None, as DuckDB reads it."""
    import pyarrow.parquet as pq

    columns = [c for c in pq.read_schema(path).names if c not in set(skip)]
    table = pq.read_table(path, columns=columns, read_dictionary=[c for c in categories if c in columns])
    frame = table.to_pandas()
    for column in columns:
        if len(frame) and table[column].null_count == len(frame) and frame[column].dtype != object:
            frame[column] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    return frame


def _for_review(corpus: Corpus, decisions: pd.DataFrame | None, texts: Texts) -> Corpus:
    """The corpus with the text of the sentences the review decisions are about (the
    decisions are keyed by a sentence's text, :mod:`riwaya.review`), when its frames lack it."""
    from dataclasses import replace

    if decisions is None or decisions.empty or "text" in corpus.sentences:
        return corpus
    s = corpus.sentences
    decided = s["doc_id"].isin(set(decisions["doc_id"]))   # every article stays; only these get text
    text = pd.Series(None, index=s.index, dtype=object)
    text[decided] = texts.sentence_texts(s[decided])
    return replace(corpus, sentences=s.assign(text=text))


def prepare(corpus: Corpus, decisions: pd.DataFrame | None = None, *, texts: Texts | None = None) -> Prepared:
    """Join the corpus tables once into the frames every page uses; the readers' review
    ``decisions`` (:mod:`riwaya.review`) override the machine's statements first.

    ``texts``: where the text columns are read (:func:`load_prepared` passes the build's
    Parquet files); without it the corpus's own frames hold them and are copied into DuckDB.
    Either way the frames of the result hold no text column."""
    if texts is None:
        texts = Texts.from_frames({"documents": corpus.documents, "sentences": corpus.sentences})
    corpus = reviewed_corpus(_for_review(corpus, decisions, texts), decisions)
    docs = slim("documents", corpus.documents)
    docs["source"] = [outlet_of(s, d) for s, d in zip(docs["source"], docs["doc_id"])]
    # oldest first, the order a view's articles are listed in: the unfiltered view is this
    # frame itself, not a sorted copy of it (30 MB at 100,000 articles)
    docs = docs.sort_values(["date", "source", "doc_id"], na_position="last", ignore_index=True)
    actors, claims = _actors(corpus), _claims(corpus)
    doc_meta = docs[["doc_id", "source", "date", "title"]]
    st = provenance(corpus.statements, actors)
    actors["speaker_kind"] = _speaker_kinds(actors, st)
    speaks_for = {a: as_text(en) or label for a, en, label in
                  zip(actors["actor_id"], actors["name_en"], actors["label"])}  # English, short
    st["affiliation_label"] = [speaks_for.get(a, a) if as_text(a) else None for a in st["affiliation"]]
    st = st.merge(doc_meta, on="doc_id", how="left")
    st = st.merge(actors[["actor_id", "label", "name_en", "name_ar", "in_codebook"]]
                  .rename(columns={"label": "actor_label"}), on="actor_id", how="left")
    st = st.merge(claims[["claim_id", "label", "short"]]
                  .rename(columns={"label": "claim_label", "short": "claim_short"}),
                  on="claim_id", how="left")
    mentions = with_doc_columns(as_categories(corpus.mentions, CATEGORIES["mentions"]), docs,
                                ("source",))
    # grouped by kind (in table order within one): a kind's mentions are a slice of them
    mentions = mentions.sort_values("kind", kind="stable", ignore_index=True)
    # + outlet and date (not the title: a copy per sentence; search adds it to what it shows)
    sentences = with_doc_columns(as_categories(slim("sentences", corpus.sentences),
                                               CATEGORIES["sentences"]), docs, ("source", "date"))
    outlets = tuple(sorted(set(docs["source"])))
    return Prepared(
        statements=st, mentions=mentions, sentences=sentences, documents=docs,
        actors=actors, claims=claims, places=corpus.places.copy(), outlets=outlets,
        actor_colours=palette_for(actors["actor_id"]),
        claim_colours=palette_for(claims["claim_id"]),
        outlet_colours=palette_for(outlets),
        decisions=decisions if decisions is not None else pd.DataFrame(),
        texts=texts,
    )
