"""What the codebook could add, read from a built corpus: the editor's suggestions.

* :func:`unknown_speakers`: speakers the pipeline kept but the codebook lacks (statements of
  ``UNK:…`` actors, named people and unnamed sources), most statements first, each with a
  pre-filled actor form ("كوناشينكوف (7 statements) — add as actor?");
* :func:`unknown_places`: places the offline gazetteer found (``GN:``/``CC:`` ids) that are
  not codebook places, most mentions first, each with a pre-filled place form;
* :func:`near_examples`: the corpus sentences closest to a claim's example sentences (the
  build's sentence encoder and embedding cache, :mod:`riwaya.pipeline.statements.examples`),
  to pick more examples or to see what the claim would catch.

Plain pandas in, dataclasses out; nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from riwaya.codebook.edit import suggest_id
from riwaya.text.normalize import normalize_form

UNKNOWN_PREFIX = "UNK:"
KIND_OF_SPEAKER = {"named": "person", "source": "group"}


@dataclass(frozen=True)
class SpeakerSuggestion:
    actor_id: str                  # UNK:<normalised form>
    name: str                      # the most frequent surface, as written
    count: int                     # statements
    speaker_kind: str              # named, source
    affiliation: str | None        # the codebook actor a named speaker speaks for
    surfaces: tuple[str, ...]      # every surface, most frequent first

    def label(self) -> str:
        """``كوناشينكوف (7 statements)``."""
        return f"{self.name} ({self.count} statement{'s' if self.count != 1 else ''})"

    def form(self, taken: Sequence[str] = ()) -> dict[str, Any]:
        """An actor form pre-filled from what the corpus shows (name_en left for the user)."""
        return {"id": "", "name_en": "", "name_ar": self.name,
                "kind": KIND_OF_SPEAKER.get(self.speaker_kind, "person"),
                "aliases": list(self.surfaces),
                "part_of": [self.affiliation] if self.affiliation else [],
                "provenance": "suggested from the corpus's unknown speakers"}


@dataclass(frozen=True)
class PlaceSuggestion:
    entity_id: str                 # GN:<geonameid> or CC:<ISO2>
    name_ar: str
    name_en: str
    lat: float | None
    lon: float | None
    kind: str
    count: int                     # mentions
    surfaces: tuple[str, ...]

    def label(self) -> str:
        return f"{self.name_ar or self.name_en} ({self.count} mention{'s' if self.count != 1 else ''})"

    def form(self, taken: Sequence[str] = ()) -> dict[str, Any]:
        """A place form pre-filled with the gazetteer's names and coordinates."""
        return {"id": suggest_id(self.name_en, taken, prefix="PLACE"), "name_en": self.name_en,
                "name_ar": self.name_ar or (self.surfaces[0] if self.surfaces else ""),
                "aliases": list(dict.fromkeys(s for s in (self.name_ar, *self.surfaces) if s)),
                "lat": self.lat, "lon": self.lon, "kind": self.kind or "place",
                "provenance": f"suggested from the corpus (gazetteer {self.entity_id})"}


@dataclass(frozen=True)
class SentenceSuggestion:
    doc_id: str
    sentence_id: int
    text: str
    similarity: float


def _matching(values: pd.Series, test) -> pd.Series:
    """``test`` (a function of a str Series -> bool Series) per row of ``values``; on a
    categorical column it runs on the categories only (a million mentions are never turned
    into a million strings)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = values.cat.categories
        return values.isin(cats[test(pd.Series(cats.astype(str))).to_numpy()])
    return test(values.astype(str))


def _expect_frame(value: Any, name: str, columns: Sequence[str]) -> None:
    if not isinstance(value, pd.DataFrame):
        raise TypeError(f"Expected {name} as a pandas DataFrame, got {type(value).__name__} instead")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise TypeError(f"{name} lacks column(s) {', '.join(missing)}")


def name_in(surface: str, form: str) -> str:
    """The words of ``surface`` (as written) that normalise to ``form``, the speaker's id
    without ``UNK:``: ``المتحدث باسم … اللواء إيغور كوناشينكوف`` -> ``إيغور كوناشينكوف``; the whole
    surface when no span does."""
    words = surface.split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if normalize_form(" ".join(words[i:j])) == form:
                return " ".join(words[i:j])
    return surface


def unknown_speakers(statements: pd.DataFrame, *, min_count: int = 1) -> list[SpeakerSuggestion]:
    """Speakers outside the codebook (``UNK:`` actors), most statements first."""
    _expect_frame(statements, "statements", ("actor_id", "actor_surface", "speaker_kind"))
    unk = statements[_matching(statements["actor_id"], lambda s: s.str.startswith(UNKNOWN_PREFIX))]
    found = []
    for actor_id, rows in unk.groupby("actor_id", sort=False, observed=True):
        if len(rows) < min_count:
            continue
        form = str(actor_id)[len(UNKNOWN_PREFIX):]
        names = rows["actor_surface"].dropna().astype(str).map(lambda s: name_in(s, form))
        surfaces = tuple(names.value_counts().index)
        kinds = rows["speaker_kind"].dropna().astype(str).value_counts()
        affiliations = (rows["affiliation"].dropna().astype(str).value_counts()
                        if "affiliation" in rows else pd.Series(dtype=int))
        found.append(SpeakerSuggestion(
            actor_id=str(actor_id), name=surfaces[0] if surfaces else str(actor_id)[4:],
            count=len(rows), speaker_kind=kinds.index[0] if len(kinds) else "named",
            affiliation=affiliations.index[0] if len(affiliations) else None, surfaces=surfaces))
    return sorted(found, key=lambda s: (-s.count, s.name))


def unknown_places(mentions: pd.DataFrame, places: pd.DataFrame) -> list[PlaceSuggestion]:
    """Places the gazetteer found that the codebook lacks, most mentions first."""
    _expect_frame(mentions, "mentions", ("kind", "entity_id", "surface"))
    _expect_frame(places, "places", ("entity_id", "name_en", "name_ar", "lat", "lon"))
    places_found = mentions[mentions["kind"] == "place"]
    gaz = places_found[_matching(places_found["entity_id"], lambda s: s.str.match(r"^(GN|CC):"))]
    info = places.set_index("entity_id")
    found = []
    for entity_id, rows in gaz.groupby("entity_id", sort=False, observed=True):
        row = info.loc[entity_id] if entity_id in info.index else None
        def value(col: str):
            v = None if row is None else row.get(col)
            return None if v is None or (isinstance(v, float) and np.isnan(v)) else v
        found.append(PlaceSuggestion(
            entity_id=str(entity_id), name_ar=str(value("name_ar") or ""),
            name_en=str(value("name_en") or ""),
            lat=None if value("lat") is None else float(value("lat")),
            lon=None if value("lon") is None else float(value("lon")),
            kind=str(value("kind") or "place"), count=len(rows),
            surfaces=tuple(rows["surface"].astype(str).value_counts().index)))
    return sorted(found, key=lambda p: (-p.count, p.name_en))


def near_examples(examples: Sequence[str], sentences: pd.DataFrame, *, top: int = 10,
                  min_similarity: float = 0.2, cache_path: Path | str | None = None,
                  encoder=None) -> list[SentenceSuggestion]:
    """The ``top`` sentences most like any of ``examples`` (cosine similarity of the sentence
    encoder; at least ``min_similarity``), most similar first. ``cache_path``: the corpus's
    ``embeddings.npz`` (:func:`riwaya.config.embeddings_cache`), so sentences the build encoded
    are not encoded again; ``encoder``: a stand-in for the model (tests)."""
    from riwaya.pipeline.statements.examples import EmbeddingCache

    _expect_frame(sentences, "sentences", ("doc_id", "sentence_id", "text"))
    examples = [e.strip() for e in examples if isinstance(e, str) and e.strip()]
    if not examples or sentences.empty:
        return []
    cache = EmbeddingCache(Path(cache_path) if cache_path else None, encoder=encoder)
    texts = sentences["text"].astype(str).tolist()
    sims = cache.embed(texts) @ cache.embed(examples).T          # rows are L2-normalised
    best = sims.max(axis=1)
    order = np.argsort(-best, kind="stable")[:top]
    return [SentenceSuggestion(str(sentences.iloc[i]["doc_id"]),
                               int(sentences.iloc[i]["sentence_id"]), texts[i], float(best[i]))
            for i in order if best[i] >= min_similarity]
