"""One article in, its rows out: the per-document work of a build.

Documents are independent once the codebook, gazetteer, matchers and statement extractor are
loaded: :class:`DocumentPipeline` loads them once (per process: the build's own, a pool worker's,
a Dask worker's) from picklable :class:`PipelineSettings`, and :meth:`DocumentPipeline.process`
turns one :class:`DocTask` into one :class:`DocResult`. What depends on the order of the
documents (which one repeats an earlier one) is decided afterwards by the build, in document
order, from the :class:`~riwaya.pipeline.duplicates.BodyPrints` a result carries.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from riwaya.codebook import Codebook, load_codebook
from riwaya.errors import InputFileError
from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.collector import collector_paused
from riwaya.pipeline.duplicates import BodyPrints
from riwaya.pipeline.encoder_cache import one_blas_thread
from riwaya.pipeline.ingest import read_article
from riwaya.pipeline.mentions import EntityIndex, Mention, find_mentions
from riwaya.pipeline.statements.examples import EmbeddingCache, load_model
from riwaya.pipeline.statements.extractor import StatementExtractor
from riwaya.review.examples import with_review_examples
from riwaya.text.matcher import NormText, normalized_key
from riwaya.text.normalize import arabic_ratio, normalize_form
from riwaya.text.segment import split_sentences


@dataclass(frozen=True)
class PipelineSettings:
    """Everything a process needs to load the pipeline: picklable, small."""

    codebook_dir: str
    embeddings_path: str | None = None     # the build's embedding cache (read, never written here)
    review_examples: dict[str, list[str]] = field(default_factory=dict)
    ner_model: str | None = None
    places_cache: str | None = None        # the gazetteer and entity index kept (places_cache.py)


@dataclass(frozen=True)
class DocTask:
    """One article to process: where it is and its metadata row (``{}`` when none)."""

    doc_id: str
    name: str
    path: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class DocResult:
    """One article's rows (``documents`` without ``duplicate_of``), or why it was skipped."""

    doc_id: str
    name: str
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)
    document: dict[str, Any] | None = None
    sentences: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    body: str = ""                               # the normalised body, for the duplicate check
    prints: BodyPrints | None = None
    embeddings: list[tuple[str, np.ndarray]] = field(default_factory=list)   # newly encoded


class RecordingEncoder:
    """The sentence encoder, noting what it encoded so a worker can hand it to the build's
    cache (the model itself is loaded on the first text, as before)."""

    def __init__(self) -> None:
        self.encoded: list[tuple[str, np.ndarray]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        vecs = np.asarray(load_model().encode(texts), dtype=np.float32).reshape(len(texts), -1)
        self.encoded.extend(zip(texts, vecs))
        return vecs

    def take(self) -> list[tuple[str, np.ndarray]]:
        out, self.encoded = self.encoded, []
        return out


class KnownVectors:
    """An encoder answering with vectors already worked out elsewhere (a worker's), so the
    build's cache takes them through its public ``embed``."""

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vectors[t] for t in texts])


def load_gazetteer(codebook: Codebook):
    """The offline gazetteer the codebook's ``gazetteer.json`` asks for, or None without one."""
    if codebook.gazetteer is None:
        return None
    from riwaya.pipeline.gazetteer import load_gazetteer as load

    return load(codebook.gazetteer)


def load_ner(model: str | None):
    from riwaya.pipeline.ner import load_ner as load

    return load(model)


def source_name(detected: str | None, codebook: Codebook) -> str | None:
    """An outlet as written ("نيوزويك") -> its English name when it is a media actor."""
    if not detected:
        return None
    key = normalized_key(detected)
    for actor in codebook.actors:
        if actor.kind != "media":
            continue
        if any(normalized_key(a) == key for a in actor.aliases):
            return actor.name_en
    return detected


def sentence_lookup(sentences):
    """offset -> the id of the sentence holding it."""
    starts = [s.start for s in sentences]

    def find(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return sentences[max(i, 0)].sentence_id if sentences else 0
    return find


@dataclass
class DocumentPipeline:
    """The loaded pipeline; :meth:`process` one article at a time."""

    codebook: Codebook
    gazetteer: Any
    index: EntityIndex
    extractor: StatementExtractor
    ner: Any
    embeddings: EmbeddingCache
    recorder: RecordingEncoder | None = None

    @classmethod
    def load(cls, settings: PipelineSettings, *, embeddings: EmbeddingCache | None = None,
             codebook: Codebook | None = None, gazetteer: Any = None) -> "DocumentPipeline":
        """Load once per process. ``embeddings`` given (the build's own process): used and
        filled directly; else a read-only copy of the cache file whose new vectors each
        result carries back (:attr:`DocResult.embeddings`)."""
        if not isinstance(settings, PipelineSettings):
            raise TypeError(f"DocumentPipeline.load expected PipelineSettings, got "
                            f"{type(settings).__name__}")
        codebook = codebook or load_codebook(settings.codebook_dir)
        if gazetteer is None:
            from riwaya.pipeline.places_cache import places_index

            gazetteer, index = places_index(codebook, settings.codebook_dir, settings.places_cache)
        else:
            index = EntityIndex.build(codebook, gazetteer)
        recorder = None
        if embeddings is None:
            recorder = RecordingEncoder()
            path = Path(settings.embeddings_path) if settings.embeddings_path else None
            embeddings = EmbeddingCache(path, encoder=recorder)
        reviewed = with_review_examples(codebook, settings.review_examples)
        return cls(codebook, gazetteer, index,
                   StatementExtractor.build(reviewed, cache=embeddings), load_ner(settings.ner_model),
                   embeddings, recorder)

    def process(self, task: DocTask) -> DocResult:
        """One article's rows; an unreadable or empty article gives a skipped result."""
        with one_blas_thread(), collector_paused():
            return self._process(task)

    def _process(self, task: DocTask) -> DocResult:
        result = DocResult(task.doc_id, task.name)
        try:
            article = read_article(task.path, doc_id=task.doc_id, name=task.name)
        except InputFileError as exc:
            result.skipped = exc.problem
            return result
        result.warnings = list(article.warnings)
        codebook = self.codebook
        cleaned = clean_text(article.text, boilerplate=codebook.boilerplate, sources=codebook.sources,
                             agencies=codebook.gazetteer.news_agencies if codebook.gazetteer else ())
        if not cleaned.text.strip():
            result.skipped = "no article text left after removing boilerplate"
            return result
        meta = task.meta
        doc_id = article.doc_id
        text = NormText.of(cleaned.text)
        sentences = split_sentences(cleaned.text)
        extra: list[Mention] = self.ner.mentions(text) if self.ner else []
        mentions = find_mentions(text, self.index, extra=extra)
        statements = self.extractor.extract(doc_id, text, sentences, mentions)
        if left_out := getattr(self.extractor.examples, "left_out", 0):
            result.warnings.append(f"{task.name}: {left_out} of its spoken passages were matched by cue "
                                   f"patterns only, not by the claims' example sentences (a very long article)")
        result.body = normalize_form(cleaned.text)
        result.prints = BodyPrints.of(result.body)

        source = meta.get("source") or source_name(cleaned.source, codebook)
        basis = "metadata" if meta.get("source") else (cleaned.source_basis or "unknown")
        language = meta.get("language") or ("ar" if arabic_ratio(cleaned.text) >= 0.5 else "other")
        result.document = {
            "doc_id": doc_id, "file": task.name, "source": source, "source_basis": basis,
            "date": meta.get("date"), "url": meta.get("url"),
            "title": meta.get("title") or cleaned.title, "text": cleaned.text, "language": language,
            "raw_text": article.text, "encoding": article.encoding,
            "removed": json.dumps(cleaned.removed, ensure_ascii=False),
            "credits": "\n".join(cleaned.credits) or None,
        }
        sent_of = sentence_lookup(sentences)
        result.sentences = [{"doc_id": doc_id, "sentence_id": s.sentence_id, "start": s.start,
                             "end": s.end, "text": s.text} for s in sentences]
        result.mentions = [{
            "doc_id": doc_id, "sentence_id": sent_of(m.start), "kind": m.kind,
            "entity_id": m.entity_id, "surface": m.surface, "start": m.start, "end": m.end,
            "method": m.method} for m in mentions]
        result.statements = [{
            "statement_id": f"{doc_id}:{st.sentence_id}:{k}", "doc_id": doc_id,
            "sentence_id": st.sentence_id, "actor_id": st.actor_id,
            "actor_surface": st.actor_surface, "claim_id": st.claim_id, "stance": st.stance,
            "cue": st.cue, "quote": cleaned.text[st.start:st.end], "start": st.start,
            "end": st.end, "cue_start": st.cue_start, "cue_end": st.cue_end,
            "method": st.method, "confidence": st.confidence, "speaker_kind": st.speaker_kind,
            "affiliation": st.affiliation} for k, st in enumerate(statements)]
        if self.recorder is not None:
            result.embeddings = self.recorder.take()
        return result
