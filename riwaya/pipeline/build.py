"""The batch pipeline: raw articles + codebook -> processed corpus (Parquet).

Stages per article: read and decode (:mod:`ingest`), clean (:mod:`clean`),
segment (:mod:`segment`), find actor and place mentions (:mod:`mentions`),
extract statements (:mod:`statements`). Places get coordinates offline from the
codebook or the gazetteer, online from Nominatim only when asked. The corpus is
published atomically (:mod:`store`).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from riwaya import __version__
from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.duplicates import DuplicateIndex
from riwaya.codebook import Codebook, load_codebook
from riwaya.config import Paths, embeddings_cache, geocode_cache, review_db
from riwaya.errors import GeocodingError, InputFileError, ReviewError
from riwaya.pipeline.ingest import read_article
from riwaya.text.matcher import NormText, normalized_key
from riwaya.pipeline.mentions import EntityIndex, Mention, find_mentions
from riwaya.pipeline.metadata import load_metadata
from riwaya.pipeline.rawfolder import scan_raw_folder
from riwaya.text.normalize import arabic_ratio, normalize_form
from riwaya.pipeline.schema import SCHEMA_VERSION, UNATTRIBUTED
from riwaya.text.segment import split_sentences
from riwaya.pipeline.statements.examples import EmbeddingCache
from riwaya.pipeline.statements.extractor import StatementExtractor
from riwaya.pipeline.store import build_lock, read_manifest, write_corpus
from riwaya.review.examples import review_examples, with_review_examples

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
        if self.build:
            lines.append(f"written to  {self.out_dir}/{self.build}")
        for warning in self.warnings:
            lines.append(f"warning     {warning}")
        if self.waited_s >= 0.05:
            lines.append(f"waited      {self.waited_s:.1f} s for another build of this folder")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _files_digest(folder: Path, h: "hashlib._Hash") -> None:
    """Names, sizes and modification times: cheap enough for every dashboard rerun,
    however large the corpus (no file is read)."""
    if not folder.is_dir():
        h.update(f"missing:{folder}".encode())
        return
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            st = p.stat()
            h.update(str(p.relative_to(folder)).encode("utf-8", "surrogateescape"))
            h.update(f"\0{st.st_size}\0{st.st_mtime_ns}\0".encode())


def input_fingerprint(raw_dir: Path | str, codebook_dir: Path | str) -> str:
    """A hash of every raw and codebook file (name, size, modification time) and of this version."""
    h = hashlib.sha256()
    h.update(f"riwaya {__version__} schema {SCHEMA_VERSION}".encode())
    _files_digest(Path(raw_dir), h)
    h.update(b"\0codebook\0")
    _files_digest(Path(codebook_dir), h)
    return h.hexdigest()


def corpus_is_stale(raw_dir: Path | str, codebook_dir: Path | str, out_dir: Path | str) -> bool:
    """True when nothing was built yet or the raw data or codebook changed since."""
    manifest = read_manifest(out_dir)
    if not manifest or manifest.get("schema_version") != SCHEMA_VERSION:
        return True
    return manifest.get("fingerprint") != input_fingerprint(raw_dir, codebook_dir)


def _load_gazetteer(codebook: Codebook):
    """The offline gazetteer the codebook's ``gazetteer.json`` asks for, or None without one."""
    if codebook.gazetteer is None:
        return None
    from riwaya.pipeline.gazetteer import load_gazetteer

    return load_gazetteer(codebook.gazetteer)


def _source_name(detected: str | None, codebook: Codebook) -> str | None:
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


def build_corpus(raw_dir: Path | str | None = None, codebook_dir: Path | str | None = None,
                 out_dir: Path | str | None = None, *, geocode_online: bool = False,
                 ner_model: str | None = None, progress: ProgressFn | None = None) -> BuildReport:
    """Process every article and publish the corpus atomically; returns a summary.

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
                                 ner_model=ner_model, progress=progress)
    report.waited_s = waited
    return report


def _build_unlocked(raw_dir: Path | str | None = None, codebook_dir: Path | str | None = None,
                    out_dir: Path | str | None = None, *, geocode_online: bool = False,
                    ner_model: str | None = None, progress: ProgressFn | None = None) -> BuildReport:
    """Process every article and publish the corpus atomically (the build lock held).

    Folders left out come from :mod:`riwaya.config` (``RIWAYA_RAW``... else ``data/...``).
    A bad codebook or metadata file raises before anything is written; an
    unreadable article is skipped and listed in the report.
    """
    default = Paths.from_env()
    raw_dir = Path(raw_dir) if raw_dir is not None else default.raw
    codebook_dir = Path(codebook_dir) if codebook_dir is not None else default.codebook
    out_dir = Path(out_dir) if out_dir is not None else default.processed
    codebook = load_codebook(codebook_dir)
    folder = scan_raw_folder(raw_dir)   # which files are articles (rawfolder.py), and why not
    files = folder.files
    metadata = load_metadata(raw_dir, known={f.doc_id for f in files})
    gazetteer = _load_gazetteer(codebook)
    index = EntityIndex.build(codebook, gazetteer)
    embeddings = EmbeddingCache(embeddings_cache(out_dir))
    # what readers confirmed, corrected or added (riwaya.review) are examples of their claims
    try:
        examples = review_examples(review_db(out_dir))
    except ReviewError as exc:   # a damaged review file must not stop the build; it is named
        examples = {}
        warnings = [f"review decisions not used as claim examples: {exc}"]
    else:
        warnings = []
    reviewed = with_review_examples(codebook, examples)
    extractor = StatementExtractor.build(reviewed, cache=embeddings)
    ner = _load_ner(ner_model)
    fingerprint = input_fingerprint(raw_dir, codebook_dir)

    report = BuildReport(out_dir=str(out_dir), skipped=list(folder.skipped),
                         warnings=warnings + folder.warnings + metadata.warnings)
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in
                                             ("documents", "sentences", "mentions", "statements")}
    duplicates = DuplicateIndex()
    for n, entry in enumerate(files):
        if progress:
            progress(n, len(files), entry.name)
        try:
            article = read_article(entry.path, doc_id=entry.doc_id, name=entry.name)
        except InputFileError as exc:
            report.skipped.append((entry.name, exc.problem))
            continue
        report.warnings.extend(article.warnings)
        cleaned = clean_text(article.text, boilerplate=codebook.boilerplate, sources=codebook.sources)
        if not cleaned.text.strip():
            report.skipped.append((entry.name, "no article text left after removing boilerplate"))
            continue
        meta = metadata.get(article.doc_id, {})
        text = NormText.of(cleaned.text)
        sentences = split_sentences(cleaned.text)
        extra: list[Mention] = ner.mentions(text) if ner else []
        mentions = find_mentions(text, index, extra=extra)
        statements = extractor.extract(article.doc_id, text, sentences, mentions)

        duplicate_of = duplicates.add(article.doc_id, normalize_form(cleaned.text))
        if duplicate_of:
            report.duplicates.append((article.doc_id, duplicate_of))

        source = meta.get("source") or _source_name(cleaned.source, codebook)
        basis = "metadata" if meta.get("source") else (cleaned.source_basis or "unknown")
        language = meta.get("language") or ("ar" if arabic_ratio(cleaned.text) >= 0.5 else "other")
        rows["documents"].append({
            "doc_id": article.doc_id, "file": entry.name, "source": source, "source_basis": basis,
            "date": meta.get("date"), "url": meta.get("url"),
            "title": meta.get("title") or cleaned.title, "text": cleaned.text, "language": language,
            "duplicate_of": duplicate_of, "raw_text": article.text, "encoding": article.encoding,
            "removed": json.dumps(cleaned.removed,
                                  ensure_ascii=False),
            "credits": "\n".join(cleaned.credits) or None,
        })
        sent_of = _sentence_lookup(sentences)
        for s in sentences:
            rows["sentences"].append({"doc_id": article.doc_id, "sentence_id": s.sentence_id,
                                      "start": s.start, "end": s.end, "text": s.text})
        for m in mentions:
            rows["mentions"].append({
                "doc_id": article.doc_id, "sentence_id": sent_of(m.start), "kind": m.kind,
                "entity_id": m.entity_id, "surface": m.surface, "start": m.start, "end": m.end,
                "method": m.method})
        for k, st in enumerate(statements):
            rows["statements"].append({
                "statement_id": f"{article.doc_id}:{st.sentence_id}:{k}", "doc_id": article.doc_id,
                "sentence_id": st.sentence_id, "actor_id": st.actor_id,
                "actor_surface": st.actor_surface, "claim_id": st.claim_id, "stance": st.stance,
                "cue": st.cue, "quote": cleaned.text[st.start:st.end], "start": st.start,
                "end": st.end, "cue_start": st.cue_start, "cue_end": st.cue_end,
                "method": st.method, "confidence": st.confidence, "speaker_kind": st.speaker_kind,
                "affiliation": st.affiliation})
        report.documents += 1
        report.sentences += len(sentences)
        report.mentions += len(mentions)
        report.statements += len(statements)
    if progress:
        progress(len(files), len(files), "writing")
    embeddings.save()

    places = _places_table(rows["mentions"], codebook, index, gazetteer,
                           geocode_cache(out_dir) if geocode_online else None,
                           report)
    actors = _actors_table(codebook, rows["statements"], rows["mentions"])
    claims = [{"claim_id": c.id, "label_en": codebook.claim_label(c), "statement_en": c.statement_en}
              for c in codebook.claims]
    report.places = len(places)
    report.unknown_speakers = len({r["actor_id"] for r in rows["statements"]
                                   if r["actor_id"].startswith("UNK:")})
    build = write_corpus(out_dir, {**rows, "places": places, "actors": actors, "claims": claims},
                         info={"fingerprint": fingerprint, "raw_dir": str(raw_dir),
                               "codebook_dir": str(codebook_dir),
                               "summary": {k: v for k, v in report.to_dict().items()
                                           if k not in ("out_dir", "build")}})
    report.build = build.name
    return report


def _sentence_lookup(sentences):
    starts = [s.start for s in sentences]

    def find(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return sentences[max(i, 0)].sentence_id if sentences else 0
    return find


def _load_ner(model: str | None):
    from riwaya.pipeline.ner import load_ner

    return load_ner(model)


def _places_table(mentions: list[dict[str, Any]], codebook: Codebook, index: EntityIndex,
                  gazetteer, online_cache: Path | None, report: BuildReport) -> list[dict[str, Any]]:
    """One row per place mentioned; coordinates from the codebook, the gazetteer, or
    (``online_cache`` given: --geocode-online) Nominatim, cached in that file."""
    used = sorted({m["entity_id"] for m in mentions if m["kind"] == "place"})
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
                found = _geocode(place.name_ar, place.name_en, gazetteer, online_geocoder)
                if found:
                    lat, lon, geocoder = found
            rows.append({"entity_id": entity_id, "name_en": place.name_en, "name_ar": place.name_ar,
                         "lat": lat, "lon": lon, "kind": place.kind, "geocoder": geocoder})
            if lat is None:
                report.places_without_coordinates.append(place.name_en)
            continue
        entry = index.place_info.get(entity_id)
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


def _actors_table(codebook: Codebook, statements: list[dict[str, Any]],
                  mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = [{"actor_id": a.id, "name_en": a.name_en, "name_ar": a.name_ar or a.aliases[0],
             "kind": a.kind, "in_codebook": True} for a in codebook.actors]
    known = {a.id for a in codebook.actors}
    extra: dict[str, str] = {}
    for st in statements:
        if st["actor_id"] not in known:
            extra.setdefault(st["actor_id"], st["actor_surface"])
    for m in mentions:
        if m["kind"] == "actor" and m["entity_id"] not in known:
            extra.setdefault(m["entity_id"], m["surface"])
    for actor_id, surface in sorted(extra.items()):
        if actor_id == UNATTRIBUTED:
            rows.append({"actor_id": actor_id, "name_en": "Unattributed (passive voice)",
                         "name_ar": "مبني للمجهول", "kind": "unattributed", "in_codebook": False})
            continue
        rows.append({"actor_id": actor_id, "name_en": f"Unknown: {surface}", "name_ar": surface,
                     "kind": "unknown", "in_codebook": False})
    return rows
