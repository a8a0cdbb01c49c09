"""The batch pipeline: raw articles + codebook -> processed corpus (Parquet).

Stages per article: read and decode (:mod:`ingest`), clean (:mod:`clean`),
segment (:mod:`segment`), find actor and place mentions (:mod:`mentions`),
extract statements (:mod:`statements`). Places get coordinates offline from the
codebook or the gazetteer, online from Nominatim only when asked. The corpus is
published atomically (:mod:`store`).
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from riwaya.codebook import Codebook, load_codebook
from riwaya.config import Paths, embeddings_cache, geocode_cache, review_db
from riwaya.errors import GeocodingError, ReviewError
from riwaya.pipeline.assemble import CorpusAssembler
from riwaya.pipeline.document import (DocTask, DocumentPipeline, KnownVectors, PipelineSettings,
                                      load_gazetteer)
from riwaya.pipeline.duplicate_replay import duplicate_decider
from riwaya.pipeline.freshness import corpus_is_stale, input_fingerprint  # noqa: F401 - re-exported
from riwaya.pipeline.incremental import (KEYS_SCHEMA, KEYS_TABLE, content_key, keys_row,
                                         prefetch_previous, previous_keys, processing_version)
from riwaya.pipeline.mentions import EntityIndex
from riwaya.pipeline.metadata import load_metadata
from riwaya.pipeline.parallel import run_local, worker_count
from riwaya.pipeline.sentence_forms import FORMS_SCHEMA, FORMS_TABLE
from riwaya.pipeline.places_cache import CACHE_FILE as PLACES_CACHE
from riwaya.pipeline.places_cache import places_index
from riwaya.pipeline.rawfolder import scan_raw_folder
from riwaya.pipeline.schema import SCHEMA_VERSION, UNATTRIBUTED
from riwaya.pipeline.statements.examples import EmbeddingCache
from riwaya.pipeline.statements.extractor import StatementExtractor  # noqa: F401 - the class tests patch, reached from here
from riwaya.pipeline.store import CorpusWriter, build_lock, read_manifest
from riwaya.review.examples import review_examples

_load_gazetteer = load_gazetteer     # the name benchmarks/bench_examples.py imports

log = logging.getLogger(__name__)

#: ``progress(done, total, what)``: called before each file (``done`` files finished) and once
#: with ``done == total`` before writing; the command line draws it with tqdm, the dashboard
#: with a progress bar (components/build_ui.py)
ProgressFn = Callable[[int, int, str], None]


@dataclass
class BuildReport:
    documents: int = 0
    sentences: int = 0
    mentions: int = 0
    places: int = 0
    statements: int = 0
    unknown_speakers: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, duplicate_of)
    places_without_coordinates: list[str] = field(default_factory=list)
    out_dir: str = ""
    build: str = ""
    waited_s: float = 0.0          # time spent waiting for another build of the same folder
    reused: int = 0                # documents unchanged since the previous build, taken from it
    warnings: list[str] = field(default_factory=list)   # what was used partly or not at all, and why

    def format(self) -> str:
        lines = [
            f"documents   {self.documents}",
            f"sentences   {self.sentences}",
            f"mentions    {self.mentions}",
            f"places      {self.places}",
            f"statements  {self.statements}",
            f"unknown speakers  {self.unknown_speakers}",
        ]
        for doc, of in self.duplicates:
            lines.append(f"duplicate   {doc} repeats {of}")
        for name in self.places_without_coordinates:
            lines.append(f"no coordinates for place {name}")
        lines.append(f"skipped     {len(self.skipped)}")
        for name, reason in self.skipped:
            lines.append(f"  - {name}: {reason}")
        if self.reused:
            lines.append(f"reused      {self.reused} unchanged documents of the previous build")
        if self.build:
            lines.append(f"written to  {self.out_dir}/{self.build}")
        for warning in self.warnings:
            lines.append(f"warning     {warning}")
        if self.waited_s >= 0.05:
            lines.append(f"waited      {self.waited_s:.1f} s for another build of this folder")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "BuildReport":
        """The report :meth:`to_dict` gave (read back from JSON: pairs are lists there)."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for pairs in ("skipped", "duplicates"):
            if pairs in known:
                known[pairs] = [tuple(p) for p in known[pairs]]
        return cls(**known)


def build_corpus(raw_dir: Path | str | None = None, codebook_dir: Path | str | None = None,
                 out_dir: Path | str | None = None, *, geocode_online: bool = False,
                 ner_model: str | None = None, progress: ProgressFn | None = None,
                 workers: int | None = 1, scheduler: str | None = None,
                 full: bool = False) -> BuildReport:
    """Process every article and publish the corpus atomically; returns a summary.

    ``workers``: processes on this machine (1: in this process; None or 0: every core;
    :mod:`riwaya.pipeline.parallel`). ``scheduler``: a Dask scheduler address; the documents
    are then processed on its workers (:mod:`riwaya.pipeline.distributed`). Documents
    unchanged since the previous build (same content and processing version) are reused from
    it unless ``full`` (:mod:`riwaya.pipeline.incremental`). The tables are the same
    whichever way they were made.

    One build at a time per ``out_dir`` (:func:`riwaya.pipeline.store.build_lock`): a build
    started while another runs waits for it, says so through ``progress``, and reports the
    wait in ``waited_s``. The rest is :func:`_build_unlocked`.
    """
    out = Path(out_dir) if out_dir is not None else Paths.from_env().processed

    def waiting() -> None:
        if progress:
            progress(0, 0, "waiting for another build of this corpus to finish")

    with build_lock(out, on_wait=waiting) as waited:
        report = _build_unlocked(raw_dir, codebook_dir, out, geocode_online=geocode_online,
                                 ner_model=ner_model, progress=progress, workers=workers,
                                 scheduler=scheduler, full=full)
    report.waited_s = waited
    return report


def _build_unlocked(raw_dir: Path | str | None = None, codebook_dir: Path | str | None = None,
                    out_dir: Path | str | None = None, *, geocode_online: bool = False,
                    ner_model: str | None = None, progress: ProgressFn | None = None,
                    workers: int | None = 1, scheduler: str | None = None,
                    full: bool = False) -> BuildReport:
    """Process every article and publish the corpus atomically (the build lock held).

    Folders left out come from :mod:`riwaya.config` (``RIWAYA_RAW``... else ``data/...``).
    A bad codebook or metadata file raises before anything is written; an
    unreadable article is skipped and listed in the report.
    """
    default = Paths.from_env()
    raw_dir = Path(raw_dir) if raw_dir is not None else default.raw
    codebook_dir = Path(codebook_dir) if codebook_dir is not None else default.codebook
    out_dir = Path(out_dir) if out_dir is not None else default.processed
    # the inputs' fingerprint is taken before any of them is read: an edit made while the build
    # runs (a codebook saved in the dashboard) leaves the corpus stale, to be built again
    fingerprint = input_fingerprint(raw_dir, codebook_dir)
    codebook = load_codebook(codebook_dir)
    # what readers confirmed, corrected or added (riwaya.review) are examples of their claims
    try:
        examples = review_examples(review_db(out_dir))
    except ReviewError as exc:   # a damaged review file must not stop the build; it is named
        examples = {}
        warnings = [f"review decisions not used as claim examples: {exc}"]
    else:
        warnings = []
    settings = PipelineSettings(str(codebook_dir), str(embeddings_cache(out_dir)), examples,
                                ner_model, str(out_dir / PLACES_CACHE))
    # the codebook's version as it was read (codebook.version), not as it is on disk by now
    version = processing_version(settings, codebook.version)
    # the previous build's tables are read in a thread while the raw folder is scanned and hashed
    previous_build = None if full else prefetch_previous(out_dir, version)
    folder = scan_raw_folder(raw_dir)   # which files are articles (rawfolder.py), and why not
    files = folder.files
    metadata = load_metadata(raw_dir, known={f.doc_id for f in files})
    tasks = [DocTask(f.doc_id, f.name, str(f.path), dict(metadata.get(f.doc_id, {}) or {}))
             for f in files]
    keys = [content_key(t) for t in tasks]
    local = _LocalPipeline(settings, codebook, embeddings_cache(out_dir))
    if previous_build is not None and not scheduler:
        # documents to process in this process: its pipeline is loaded (Python) while the
        # previous build's tables are still being read (Arrow, without the GIL)
        known = previous_keys(out_dir, version)
        fresh = sum(known.get(t.doc_id) != k or k is None for t, k in zip(tasks, keys))
        if fresh and worker_count(workers, fresh) == 1:
            local.pipeline()
    previous = previous_build.result() if previous_build is not None else None
    reused = [previous.reuse(t.doc_id, k) if previous else None for t, k in zip(tasks, keys)]
    todo = [t for t, r in zip(tasks, reused) if r is None]

    report = BuildReport(out_dir=str(out_dir), skipped=list(folder.skipped),
                         warnings=warnings + folder.warnings + metadata.warnings)

    if scheduler:
        from riwaya.pipeline.distributed import run_dask

        results = run_dask(settings, todo, scheduler)
    else:
        results = run_local(settings, todo, worker_count(workers, len(todo)), local.pipeline)
    known_vectors = KnownVectors()
    merged: list[EmbeddingCache] = []   # the cache file, read once a worker hands vectors back
    # which earlier document each repeats, decided in order (duplicate_replay.py)
    duplicates = duplicate_decider(previous, len(todo))
    with CorpusWriter(out_dir, extra={KEYS_TABLE: KEYS_SCHEMA, FORMS_TABLE: FORMS_SCHEMA}) as writer:
        assembler = CorpusAssembler(writer, {a.id for a in codebook.actors}, previous)
        for n, (task, key, old) in enumerate(zip(tasks, keys, reused)):
            if progress:
                progress(n, len(tasks), task.name)
            if old is not None:
                report.reused += 1
                report.warnings.extend(old.warnings)
                duplicate_of = duplicates.reused(task.doc_id, old)
                if duplicate_of:
                    report.duplicates.append((task.doc_id, duplicate_of))
                assembler.add_reused(old, duplicate_of)
                continue
            result = next(results)
            report.warnings.extend(result.warnings)
            if result.skipped:
                report.skipped.append((result.name, result.skipped))
                continue
            if result.embeddings:   # encoded by a worker: into this build's cache file
                known_vectors.vectors.update(result.embeddings)
                if not merged:
                    merged.append(EmbeddingCache(embeddings_cache(out_dir), encoder=known_vectors))
                merged[0].embed([text for text, _ in result.embeddings])
            duplicate_of = duplicates.fresh(result.doc_id, _Packed(result.body), result.prints)
            if duplicate_of:
                report.duplicates.append((result.doc_id, duplicate_of))
            assembler.add_fresh(result, duplicate_of,
                                keys_row(result.doc_id, key, result.warnings, result.prints))
        if progress:
            progress(len(tasks), len(tasks), "writing")
        assembler.flush()
        for embeddings in (local.embeddings, *merged):
            if embeddings is not None:
                embeddings.save()
        totals = assembler.totals
        places = _places_table(sorted(totals.places_used), codebook, local,
                               geocode_cache(out_dir) if geocode_online else None, report)
        actors = _actors_table(codebook, totals.extra_actors())
        claims = [{"claim_id": c.id, "label_en": codebook.claim_label(c),
                   "statement_en": c.statement_en} for c in codebook.claims]
        report.documents, report.sentences = totals.documents, totals.sentences
        report.mentions, report.statements = totals.mentions, totals.statements
        report.places = len(places)
        report.unknown_speakers = len(totals.unknown_speakers)
        for name, rows in (("places", places), ("actors", actors), ("claims", claims)):
            writer.write(name, rows)
        build = writer.publish({
            "fingerprint": fingerprint, "processing_version": version, "raw_dir": str(raw_dir),
            "codebook_dir": str(codebook_dir),
            "summary": {k: v for k, v in report.to_dict().items() if k not in ("out_dir", "build")}})
    report.build = build.name
    return report


class _Packed:
    """A body kept compressed by the near-duplicate index (read back only to confirm a
    candidate): a fifth of the memory for a large corpus."""

    __slots__ = ("data",)

    def __init__(self, body: str) -> None:
        self.data = zlib.compress(body.encode("utf-8"), 1)

    def __call__(self) -> str:
        return zlib.decompress(self.data).decode("utf-8")


class _LocalPipeline:
    """This process's pipeline, loaded on first use: the serial build's, and the gazetteer
    and entity index the places table needs (loaded then only if no document was processed
    here)."""

    def __init__(self, settings: PipelineSettings, codebook: Codebook, embeddings: Path) -> None:
        self.settings, self.codebook, self.embeddings_path = settings, codebook, embeddings
        self.embeddings: EmbeddingCache | None = None
        self._pipeline: DocumentPipeline | None = None
        self._loaded: tuple[Any, EntityIndex] | None = None

    def pipeline(self) -> DocumentPipeline:
        if self._pipeline is None:
            self.embeddings = EmbeddingCache(self.embeddings_path)
            self._pipeline = DocumentPipeline.load(self.settings, embeddings=self.embeddings,
                                                   codebook=self.codebook)
        return self._pipeline

    def gazetteer(self):
        return self._places()[0]

    def index(self) -> EntityIndex:
        return self._places()[1]

    def _places(self) -> tuple[Any, EntityIndex]:
        if self._pipeline is not None:
            return self._pipeline.gazetteer, self._pipeline.index
        if self._loaded is None:      # kept between builds (places_cache.py)
            self._loaded = places_index(self.codebook, self.settings.codebook_dir,
                                        self.settings.places_cache)
        return self._loaded


def _places_table(used: list[str], codebook: Codebook, local: _LocalPipeline,
                  online_cache: Path | None, report: BuildReport) -> list[dict[str, Any]]:
    """One row per place mentioned (``used``: their ids, sorted); coordinates from the
    codebook, the gazetteer, or (``online_cache`` given: --geocode-online) Nominatim, cached
    in that file."""
    by_id = {p.id: p for p in codebook.places}
    online_geocoder = None
    if online_cache is not None:
        from riwaya.pipeline.geocode import OnlineGeocoder

        online_geocoder = OnlineGeocoder(cache_path=online_cache)
    rows = []
    for entity_id in used:
        if entity_id in by_id:
            place = by_id[entity_id]
            lat, lon, geocoder = place.lat, place.lon, "codebook"
            if lat is None or lon is None:
                lat = lon = None
                found = _geocode(place.name_ar, place.name_en, local.gazetteer(), online_geocoder)
                if found:
                    lat, lon, geocoder = found
            rows.append({"entity_id": entity_id, "name_en": place.name_en, "name_ar": place.name_ar,
                         "lat": lat, "lon": lon, "kind": place.kind, "geocoder": geocoder})
            if lat is None:
                report.places_without_coordinates.append(place.name_en)
            continue
        entry = local.index().place_info.get(entity_id)
        gazetteer = local.gazetteer()
        if entry is None and gazetteer is not None:
            entry = gazetteer.get(entity_id)
        if entry is None:
            continue
        rows.append({"entity_id": entity_id, "name_en": entry.name_en, "name_ar": entry.name_ar,
                     "lat": entry.lat, "lon": entry.lon, "kind": entry.kind,
                     "geocoder": entry.geocoder})
    return rows


def _geocode(name_ar: str, name_en: str, gazetteer, online_geocoder):
    from riwaya.pipeline.geocode import resolve_place

    try:
        return resolve_place(name_ar, name_en, gazetteer=gazetteer, online=online_geocoder)
    except GeocodingError as exc:
        log.warning("%s", exc)
        return None


def _actors_table(codebook: Codebook, extra: dict[str, str]) -> list[dict[str, Any]]:
    """The codebook's actors, then those outside it (``extra``: id -> first surface seen)."""
    rows = [{"actor_id": a.id, "name_en": a.name_en, "name_ar": a.name_ar or a.aliases[0],
             "kind": a.kind, "in_codebook": True} for a in codebook.actors]
    for actor_id, surface in sorted(extra.items()):
        if actor_id == UNATTRIBUTED:
            rows.append({"actor_id": actor_id, "name_en": "Unattributed (passive voice)",
                         "name_ar": "مبني للمجهول", "kind": "unattributed", "in_codebook": False})
            continue
        rows.append({"actor_id": actor_id, "name_en": f"Unknown: {surface}", "name_ar": surface,
                     "kind": "unknown", "in_codebook": False})
    return rows
