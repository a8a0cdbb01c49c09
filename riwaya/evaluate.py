"""Score a processed corpus against a golden annotation (``data/golden``).

Golden files (one JSON object per line, see ``data/golden/README.md``):

- ``statements.jsonl``: ``doc_id, actor_id, claim_id, stance, evidence`` (+ ``note``, ``optional``);
  ``evidence`` is an exact substring of the article; its first occurrence in ``documents.text``
  locates the statement.
- ``mentions.jsonl``: one line per document: ``actors`` and ``places`` it refers to, ``not_places``
  (strings that must not be tagged as places), ``boilerplate`` (removed lines: nothing in them may
  be a mention, they should not even be in ``documents.text``) and optional ``metonyms``
  (country names used as actors: a place tag there is a warning, not an error).

Statement matching: a predicted statement matches a golden one when ``doc_id``, ``actor_id``
(any ``UNK:...`` counts as ``UNK``) and ``claim_id`` are equal and the predicted ``[start, end)``
overlaps the evidence's position. Matching is one-to-one (maximum matching, preferring pairs
with the same stance, then larger overlap). Golden records marked ``optional`` never count as
misses, and a prediction matching one is neither a hit nor a false positive.

No Streamlit import here: ``python -m riwaya evaluate`` and the tests call :func:`evaluate`.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from .schema import STANCES

STATEMENTS_FILE = "statements.jsonl"
MENTIONS_FILE = "mentions.jsonl"
UNK = "UNK"

#: Acceptance thresholds of the processing issue.
THRESHOLDS = {"precision": 0.9, "recall": 0.9, "stance_accuracy": 0.9,
              "actor_recall": 1.0, "place_recall": 1.0}


class GoldenError(ValueError):
    """A golden file is missing or malformed; names the file, line and field."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None,
                 field: str | None = None) -> None:
        where = str(path) + (f", line {line}" if line is not None else "")
        where += f", field '{field}'" if field else ""
        super().__init__(f"{where}: {problem}")


# --------------------------------------------------------------------------- golden data

@dataclass(frozen=True)
class GoldStatement:
    doc_id: str
    actor_id: str
    claim_id: str
    stance: str
    evidence: str
    note: str = ""
    optional: bool = False
    line: int = 0                 # line in statements.jsonl (1-based), to point at the record


@dataclass(frozen=True)
class GoldMentions:
    doc_id: str
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Golden:
    statements: tuple[GoldStatement, ...]
    mentions: dict[str, GoldMentions]

    @property
    def doc_ids(self) -> list[str]:
        return sorted({s.doc_id for s in self.statements} | set(self.mentions))


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldenError(path, f"cannot read ({exc})") from exc
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except ValueError as exc:
            raise GoldenError(path, f"not JSON ({exc})", line=n) from exc
        if not isinstance(obj, dict):
            raise GoldenError(path, "expected a JSON object", line=n)
        yield n, obj


def _str_field(path: Path, n: int, obj: dict, name: str) -> str:
    value = obj.get(name)
    if not isinstance(value, str) or not value.strip():
        raise GoldenError(path, "missing or empty string", line=n, field=name)
    return value


def _str_list(path: Path, n: int, obj: dict, name: str) -> tuple[str, ...]:
    value = obj.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GoldenError(path, "expected a list of non-empty strings", line=n, field=name)
    return tuple(value)


def load_golden(golden_dir: Path | str) -> Golden:
    """Read and validate ``statements.jsonl`` and ``mentions.jsonl`` (either may be absent)."""
    root = Path(golden_dir)
    if not root.is_dir():
        raise GoldenError(root, "golden folder not found")
    statements: list[GoldStatement] = []
    path = root / STATEMENTS_FILE
    if path.exists():
        for n, obj in _read_jsonl(path):
            stance = _str_field(path, n, obj, "stance")
            if stance not in STANCES:
                raise GoldenError(path, f"stance {stance!r} is not one of {STANCES}", line=n,
                                  field="stance")
            optional = obj.get("optional", False)
            if not isinstance(optional, bool):
                raise GoldenError(path, "expected true or false", line=n, field="optional")
            statements.append(GoldStatement(
                doc_id=_str_field(path, n, obj, "doc_id"),
                actor_id=_str_field(path, n, obj, "actor_id"),
                claim_id=_str_field(path, n, obj, "claim_id"),
                stance=stance, evidence=_str_field(path, n, obj, "evidence"),
                note=str(obj.get("note") or ""), optional=optional, line=n))
    mentions: dict[str, GoldMentions] = {}
    path = root / MENTIONS_FILE
    if path.exists():
        for n, obj in _read_jsonl(path):
            doc_id = _str_field(path, n, obj, "doc_id")
            if doc_id in mentions:
                raise GoldenError(path, f"second line for document {doc_id}", line=n,
                                  field="doc_id")
            mentions[doc_id] = GoldMentions(
                doc_id=doc_id, **{k: _str_list(path, n, obj, k) for k in
                                  ("actors", "places", "not_places", "boilerplate", "metonyms")})
    return Golden(statements=tuple(statements), mentions=mentions)


# --------------------------------------------------------------------------- helpers

_DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"  # harakat, tatweel


def locate(text: str, needle: str) -> tuple[int, int, str] | None:
    """First position of ``needle`` in ``text`` as ``(start, end, how)``, or None.

    ``how`` is ``exact``; or, when only a tolerant search finds it, ``whitespace`` (runs of
    spaces/NBSP/newlines differ), ``nfkc`` (compatibility forms differ) or ``diacritics``
    (harakat or tatweel differ). Positions always index ``text`` itself.
    """
    if not needle:
        return None
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle), "exact"
    attempts = [("whitespace", needle, False), ("nfkc", unicodedata.normalize("NFKC", needle), False),
                ("diacritics", unicodedata.normalize("NFKC", needle), True)]
    for how, form, loose in attempts:
        tokens = form.split()
        if not tokens:
            continue
        if loose:
            strip = re.compile(f"[{_DIACRITICS}]")
            opt = f"[{_DIACRITICS}]*"
            parts = [opt.join(re.escape(ch) for ch in strip.sub("", t)) for t in tokens]
        else:
            parts = [re.escape(t) for t in tokens]
        m = re.search(r"\s+".join(parts), text)
        if m:
            return m.start(), m.end(), how
    return None


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while needle:
        hit = locate(text[start:], needle)
        if hit is None:
            break
        s, e, _ = hit
        out.append((start + s, start + e))
        start += max(e, s + 1)
    return out


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Half-open spans overlap; an empty span overlaps nothing."""
    return a0 < a1 and b0 < b1 and a0 < b1 and b0 < a1


def norm_actor(actor_id: Any) -> str:
    """``UNK:<surface>`` (and bare ``UNK``) count as ``UNK``; other ids are kept."""
    a = "" if actor_id is None or (isinstance(actor_id, float) and math.isnan(actor_id)) \
        else str(actor_id).strip()
    return UNK if a == UNK or a.startswith(UNK + ":") else a


def _int(v: Any) -> int | None:
    try:
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
            return None
        return int(v)
    except (TypeError, ValueError):
        return None


def _s(v: Any) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight assignment (Hungarian algorithm); 0 means "no edge". Returns (row, col)."""
    if not weights or not weights[0]:
        return []
    rows, cols = len(weights), len(weights[0])
    transpose = rows > cols
    w = [list(r) for r in zip(*weights)] if transpose else weights
    n, m = len(w), len(w[0])
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -w[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] and w[p[j] - 1][j - 1] > 0]
    return [(c, r) for r, c in pairs] if transpose else pairs


# --------------------------------------------------------------------------- report

@dataclass
class EvalReport:
    """Scores and the itemised differences; ``format()`` for people, ``to_dict()`` for JSON."""

    golden_dir: str = ""
    documents: list[str] = field(default_factory=list)
    # statements
    n_golden: int = 0                 # required golden statements (the recall denominator)
    n_optional: int = 0
    n_predicted: int = 0              # predicted statements scored (golden documents, with a claim)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    stance_correct: int = 0
    stance_accuracy: float = 0.0
    matched: list[dict] = field(default_factory=list)
    optional_matched: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    stance_errors: list[dict] = field(default_factory=list)
    evidence_errors: list[dict] = field(default_factory=list)
    per_doc: dict[str, dict[str, int]] = field(default_factory=dict)
    ignored: dict[str, int] = field(default_factory=dict)
    # mentions
    actors_total: int = 0
    actors_found: int = 0
    actor_recall: float = 0.0
    places_total: int = 0
    places_found: int = 0
    place_recall: float = 0.0
    missing_actors: list[dict] = field(default_factory=list)
    missing_places: list[dict] = field(default_factory=list)
    unexpected_places: list[dict] = field(default_factory=list)   # informational, not a failure
    coordinate_errors: list[dict] = field(default_factory=list)
    not_place_errors: list[dict] = field(default_factory=list)
    boilerplate_errors: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ verdict
    def failures(self, thresholds: dict[str, float] | None = None) -> list[str]:
        """What keeps the corpus from the acceptance thresholds (empty list: it passes)."""
        t = {**THRESHOLDS, **(thresholds or {})}
        out = []
        for key in ("precision", "recall", "stance_accuracy", "actor_recall", "place_recall"):
            if getattr(self, key) < t[key]:
                out.append(f"{key} {getattr(self, key):.3f} < {t[key]:.2f}")
        for key in ("coordinate_errors", "not_place_errors", "boilerplate_errors"):
            if getattr(self, key):
                out.append(f"{len(getattr(self, key))} {key.replace('_', ' ')}")
        return out

    @property
    def passed(self) -> bool:
        return not self.failures()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["failures"] = self.failures()
        return d

    # ------------------------------------------------------------------ text
    def format(self, *, limit: int = 60) -> str:
        """A readable plain-text report (tables, then the itemised differences)."""
        L: list[str] = []
        rule = "-" * 78
        L.append(f"Riwaya evaluation against {self.golden_dir or 'golden data'} "
                 f"({len(self.documents)} documents)")
        L.append(rule)
        L.append(f"{'statements':<22}{'value':>10}   {'detail'}")
        L.append(f"{'precision':<22}{self.precision:>10.3f}   tp {self.tp} / predicted {self.tp + self.fp}")
        L.append(f"{'recall':<22}{self.recall:>10.3f}   tp {self.tp} / golden {self.n_golden}"
                 f" (+{self.n_optional} optional, {len(self.optional_matched)} found)")
        L.append(f"{'F1':<22}{self.f1:>10.3f}")
        L.append(f"{'stance accuracy':<22}{self.stance_accuracy:>10.3f}   "
                 f"{self.stance_correct} / {self.tp} matched")
        L.append(f"{'mentions':<22}")
        L.append(f"{'actor recall':<22}{self.actor_recall:>10.3f}   {self.actors_found} / {self.actors_total}")
        L.append(f"{'place recall':<22}{self.place_recall:>10.3f}   {self.places_found} / {self.places_total}")
        L.append(f"{'unexpected places':<22}{len(self.unexpected_places):>10}   "
                 f"(place entities the golden lists do not name; not a failure)")
        L.append(f"{'coordinate errors':<22}{len(self.coordinate_errors):>10}")
        L.append(f"{'not-place errors':<22}{len(self.not_place_errors):>10}")
        L.append(f"{'boilerplate errors':<22}{len(self.boilerplate_errors):>10}")
        if self.ignored:
            L.append("ignored predictions: " + ", ".join(f"{k} {v}" for k, v in self.ignored.items()))
        fails = self.failures()
        L.append(rule)
        L.append("PASS" if not fails else "FAIL: " + "; ".join(fails))
        if self.per_doc:
            L.append(rule)
            L.append(f"{'document':<24}{'golden':>7}{'pred':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'stance':>8}")
            for doc, c in self.per_doc.items():
                L.append(f"{doc:<24}{c['golden']:>7}{c['predicted']:>6}{c['tp']:>5}{c['fp']:>5}"
                         f"{c['fn']:>5}{c['stance_ok']:>5}/{c['tp']:<2}")

        def section(title: str, rows: list[dict], fmt) -> None:
            if not rows:
                return
            L.append(rule)
            L.append(f"{title} ({len(rows)})")
            for r in rows[:limit]:
                L.append("  " + fmt(r))
            if len(rows) > limit:
                L.append(f"  ... {len(rows) - limit} more")

        section("STANCE ERRORS", self.stance_errors, lambda r: (
            f"{r['doc_id'][:3]} {r['actor_id']} × {r['claim_id']}: golden {r['golden_stance']}, "
            f"predicted {r['predicted_stance']} (cue {r['cue']!r}) | {_short(r['evidence'])}"))
        section("MISSES (golden statements not found)", self.misses, lambda r: (
            f"{r['doc_id'][:3]} {r['actor_id']} {r['stance']} {r['claim_id']} | {_short(r['evidence'])}"
            + (f"\n      why: {r['reason']}" if r.get("reason") else "")))
        section("FALSE POSITIVES (predicted, not in golden)", self.false_positives, lambda r: (
            f"{r['doc_id'][:3]} s{r['sentence_id']} {r['actor_id']} {r['stance']} {r['claim_id']} "
            f"(cue {r['cue']!r}) | {_short(r['quote'])}"
            + (f"\n      note: {r['reason']}" if r.get("reason") else "")))
        section("EVIDENCE NOT IN documents.text (annotation or cleaning error)", self.evidence_errors,
                lambda r: f"{r['doc_id'][:3]} golden line {r['line']}: {r['problem']} | "
                          f"{_short(r['evidence'])}")
        section("MISSING ACTORS", self.missing_actors, lambda r: f"{r['doc_id'][:3]} {r['actor_id']}")
        section("MISSING PLACES", self.missing_places, lambda r: f"{r['doc_id'][:3]} {r['place']}")
        section("UNEXPECTED PLACES (check: common word or real place?)", self.unexpected_places,
                lambda r: f"{r['doc_id'][:3]} {r['entity_id']} ({r['name_en']}) {r['surface']!r}")
        section("PLACES WITHOUT COORDINATES", self.coordinate_errors,
                lambda r: f"{r.get('doc_id', '')[:3]} {r['entity_id']}: {r['problem']}")
        section("NOT-PLACES TAGGED AS PLACES", self.not_place_errors, lambda r: (
            f"{r['doc_id'][:3]} {r['entity_id']} {r['surface']!r} inside {r['not_place']!r}"))
        section("BOILERPLATE", self.boilerplate_errors, lambda r: (
            f"{r['doc_id'][:3]} {r['problem']}: {_short(r['text'])}"))
        if self.warnings:
            L.append(rule)
            L.append(f"WARNINGS ({len(self.warnings)})")
            L.extend("  " + w for w in self.warnings[:limit])
            if len(self.warnings) > limit:
                L.append(f"  ... {len(self.warnings) - limit} more")
        return "\n".join(L)


# --------------------------------------------------------------------------- evaluation

def _ratio(num: int, den: int, *, empty: float = 1.0) -> float:
    return num / den if den else empty


def evaluate(corpus, golden_dir: Path | str | Golden) -> EvalReport:
    """Compare ``corpus`` (a :class:`riwaya.store.Corpus`) with the golden annotation.

    ``golden_dir`` is a folder with ``statements.jsonl`` / ``mentions.jsonl`` (or a loaded
    :class:`Golden`). Only documents the golden data covers are scored; predicted statements
    without a claim are ignored and counted.
    """
    golden = golden_dir if isinstance(golden_dir, Golden) else load_golden(golden_dir)
    report = EvalReport(golden_dir="" if isinstance(golden_dir, Golden) else str(golden_dir))
    report.documents = golden.doc_ids
    docs = corpus.documents
    texts: dict[str, str] = {}
    if docs is not None and len(docs):
        texts = {str(d): _s(t) for d, t in zip(docs["doc_id"], docs["text"])}
    _score_statements(report, golden, corpus.statements, texts)
    _score_mentions(report, golden, corpus.mentions, corpus.places, texts)
    return report


def _score_statements(report: EvalReport, golden: Golden, statements: pd.DataFrame,
                      texts: dict[str, str]) -> None:
    gold_docs = set(golden.doc_ids)
    # ---- golden positions
    gold: list[dict] = []
    for g in golden.statements:
        rec = {"doc_id": g.doc_id, "actor_id": g.actor_id, "claim_id": g.claim_id,
               "stance": g.stance, "evidence": g.evidence, "optional": g.optional,
               "line": g.line, "note": g.note, "start": None, "end": None, "reason": ""}
        text = texts.get(g.doc_id)
        if text is None:
            rec["reason"] = "document not in the corpus"
            report.evidence_errors.append({"doc_id": g.doc_id, "line": g.line,
                                           "evidence": g.evidence,
                                           "problem": "document not in the corpus"})
        else:
            hit = locate(text, g.evidence)
            if hit is None:
                rec["reason"] = "evidence not found in documents.text (line dropped by cleaning?)"
                report.evidence_errors.append({"doc_id": g.doc_id, "line": g.line,
                                               "evidence": g.evidence,
                                               "problem": "not found in documents.text"})
            else:
                rec["start"], rec["end"] = hit[0], hit[1]
                if hit[2] != "exact":
                    report.warnings.append(f"{g.doc_id[:3]} golden line {g.line}: evidence found "
                                           f"only by {hit[2]}-tolerant search")
                n = len(_occurrences(text, g.evidence))
                if n > 1:
                    report.warnings.append(f"{g.doc_id[:3]} golden line {g.line}: evidence occurs "
                                           f"{n}× in documents.text (repeated body not collapsed?)")
        gold.append(rec)

    # ---- predictions
    preds: list[dict] = []
    ignored = {"other documents": 0, "without claim": 0}
    if statements is not None and len(statements):
        for row in statements.to_dict("records"):
            doc = _s(row.get("doc_id"))
            if doc not in gold_docs:
                ignored["other documents"] += 1
                continue
            claim = _s(row.get("claim_id")).strip()
            if not claim:
                ignored["without claim"] += 1
                continue
            start, end = _int(row.get("start")), _int(row.get("end"))
            quote = _s(row.get("quote"))
            text = texts.get(doc, "")
            if start is not None and end is not None and text and quote \
                    and text[start:end] != quote:
                report.warnings.append(f"{doc[:3]} statement {_s(row.get('statement_id'))}: "
                                       f"quote differs from documents.text[start:end]")
            preds.append({"doc_id": doc, "sentence_id": _int(row.get("sentence_id")),
                          "actor_id": norm_actor(row.get("actor_id")),
                          "actor_raw": _s(row.get("actor_id")), "claim_id": claim,
                          "stance": _s(row.get("stance")), "cue": _s(row.get("cue")),
                          "quote": quote or (text[start:end] if text and start is not None
                                             and end is not None else ""),
                          "start": start, "end": end})
    report.ignored = {k: v for k, v in ignored.items() if v}

    # ---- one-to-one matching within each (doc, actor, claim) group
    def key(r: dict) -> tuple[str, str, str]:
        return r["doc_id"], r["actor_id"], r["claim_id"]

    groups: dict[tuple, tuple[list[int], list[int]]] = {}
    for i, g in enumerate(gold):
        groups.setdefault(key(g), ([], []))[0].append(i)
    for j, p in enumerate(preds):
        groups.setdefault(key(p), ([], []))[1].append(j)
    match: dict[int, int] = {}          # pred index -> gold index
    for gi, pj in groups.values():
        if not gi or not pj:
            continue
        weights = []
        for i in gi:
            g, row = gold[i], []
            for j in pj:
                p = preds[j]
                if g["start"] is None or p["start"] is None or p["end"] is None \
                        or not _overlaps(p["start"], p["end"], g["start"], g["end"]):
                    row.append(0.0)
                    continue
                inter = min(p["end"], g["end"]) - max(p["start"], g["start"])
                union = max(p["end"], g["end"]) - min(p["start"], g["start"])
                row.append((500.0 if g["optional"] else 1000.0)
                           + (10.0 if p["stance"] == g["stance"] else 0.0) + inter / union)
            weights.append(row)
        for r, c in _assign(weights):
            match[pj[c]] = gi[r]
    matched_gold = {i: j for j, i in match.items()}

    # ---- tally
    per_doc = {d: {"golden": 0, "predicted": 0, "tp": 0, "fp": 0, "fn": 0, "stance_ok": 0}
               for d in golden.doc_ids}
    for g in gold:
        if not g["optional"]:
            per_doc[g["doc_id"]]["golden"] += 1
    for i, g in enumerate(gold):
        j = matched_gold.get(i)
        if j is None:
            if not g["optional"]:
                report.misses.append({**_gold_view(g), "reason": g["reason"] or
                                      _why_missed(g, preds)})
                per_doc[g["doc_id"]]["fn"] += 1
            continue
        p = preds[j]
        pair = {**_gold_view(g), "predicted_stance": p["stance"], "golden_stance": g["stance"],
                "cue": p["cue"], "quote": p["quote"], "sentence_id": p["sentence_id"],
                "predicted_actor": p["actor_raw"]}
        if g["optional"]:
            report.optional_matched.append(pair)
            continue
        report.matched.append(pair)
        per_doc[g["doc_id"]]["tp"] += 1
        if p["stance"] == g["stance"]:
            per_doc[g["doc_id"]]["stance_ok"] += 1
        else:
            report.stance_errors.append(pair)
    for j, p in enumerate(preds):
        if j in match:
            if not gold[match[j]]["optional"]:
                per_doc[p["doc_id"]]["predicted"] += 1
            continue
        per_doc[p["doc_id"]]["predicted"] += 1
        per_doc[p["doc_id"]]["fp"] += 1
        report.false_positives.append({
            "doc_id": p["doc_id"], "sentence_id": p["sentence_id"], "actor_id": p["actor_raw"],
            "claim_id": p["claim_id"], "stance": p["stance"], "cue": p["cue"],
            "quote": p["quote"], "start": p["start"], "end": p["end"],
            "reason": _why_false(p, gold, matched_gold)})

    report.per_doc = per_doc
    report.n_golden = sum(1 for g in gold if not g["optional"])
    report.n_optional = len(gold) - report.n_golden
    report.tp = len(report.matched)
    report.fp = len(report.false_positives)
    report.fn = len(report.misses)
    report.n_predicted = report.tp + report.fp + len(report.optional_matched)
    report.precision = _ratio(report.tp, report.tp + report.fp,
                              empty=1.0 if report.n_golden == 0 else 0.0)
    report.recall = _ratio(report.tp, report.n_golden)
    pr = report.precision + report.recall
    report.f1 = 2 * report.precision * report.recall / pr if pr else 0.0
    report.stance_correct = report.tp - len(report.stance_errors)
    report.stance_accuracy = _ratio(report.stance_correct, report.tp,
                                    empty=1.0 if report.n_golden == 0 else 0.0)


def _gold_view(g: dict) -> dict:
    return {k: g[k] for k in ("doc_id", "actor_id", "claim_id", "stance", "evidence", "line",
                              "start", "end")}


def _why_missed(g: dict, preds: list[dict]) -> str:
    """What the pipeline predicted where a golden statement is (to help debugging)."""
    if g["start"] is None:
        return ""
    near = [p for p in preds if p["doc_id"] == g["doc_id"] and p["start"] is not None
            and p["end"] is not None and _overlaps(p["start"], p["end"], g["start"], g["end"])]
    same = [p for p in preds if (p["doc_id"], p["actor_id"], p["claim_id"])
            == (g["doc_id"], g["actor_id"], g["claim_id"])]
    parts = []
    if near:
        parts.append("predicted here: " + "; ".join(
            f"{p['actor_raw']} {p['stance']} {p['claim_id']}" for p in near[:4]))
    else:
        parts.append("nothing predicted over the evidence")
    if same:
        parts.append(f"{len(same)} prediction(s) of {g['actor_id']} × {g['claim_id']} elsewhere in "
                     f"the document or already matched")
    return "; ".join(parts)


def _why_false(p: dict, gold: list[dict], matched_gold: dict[int, int]) -> str:
    same = [i for i, g in enumerate(gold) if (g["doc_id"], g["actor_id"], g["claim_id"])
            == (p["doc_id"], p["actor_id"], p["claim_id"])]
    dup = [i for i in same if i in matched_gold and gold[i]["start"] is not None
           and p["start"] is not None and p["end"] is not None
           and _overlaps(p["start"], p["end"], gold[i]["start"], gold[i]["end"])]
    if dup:
        return f"duplicate: golden line {gold[dup[0]]['line']} is already matched by another prediction"
    if same:
        return "golden has this actor × claim in the document, but at other evidence"
    here = [g for g in gold if g["doc_id"] == p["doc_id"] and g["start"] is not None
            and p["start"] is not None and p["end"] is not None
            and _overlaps(p["start"], p["end"], g["start"], g["end"])]
    if here:
        return "golden here: " + "; ".join(f"{g['actor_id']} {g['stance']} {g['claim_id']}"
                                           for g in here[:4])
    return ""


def _score_mentions(report: EvalReport, golden: Golden, mentions: pd.DataFrame,
                    places: pd.DataFrame, texts: dict[str, str]) -> None:
    rows = mentions.to_dict("records") if mentions is not None and len(mentions) else []
    coords: dict[str, tuple[float | None, float | None]] = {}
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    if places is not None and len(places):
        for r in places.to_dict("records"):
            eid = _s(r.get("entity_id"))
            lat, lon = r.get("lat"), r.get("lon")
            ok = lambda x: x is not None and x is not pd.NA and isinstance(x, (int, float)) \
                and math.isfinite(float(x))
            coords[eid] = (float(lat) if ok(lat) else None, float(lon) if ok(lon) else None)
            names[eid] = _s(r.get("name_en")).casefold().strip()
            labels[eid] = _s(r.get("name_en"))

    def has_coords(eid: str) -> str:
        if eid not in coords:
            return "not in the places table"
        lat, lon = coords[eid]
        if lat is None or lon is None:
            return "no lat/lon"
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return f"lat/lon out of range ({lat}, {lon})"
        return ""

    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        r = {**r, "start": _int(r.get("start")), "end": _int(r.get("end")),
             "kind": _s(r.get("kind")), "entity_id": _s(r.get("entity_id")),
             "surface": _s(r.get("surface")), "doc_id": _s(r.get("doc_id"))}
        by_doc.setdefault(r["doc_id"], []).append(r)
        text = texts.get(r["doc_id"])
        if text is not None and r["start"] is not None and r["end"] is not None \
                and text[r["start"]:r["end"]] != r["surface"]:
            report.warnings.append(f"{r['doc_id'][:3]} mention {r['entity_id']} {r['surface']!r}: "
                                   f"surface differs from documents.text[start:end]")

    # every predicted place entity has coordinates
    seen: set[str] = set()
    for r in rows:
        eid = _s(r.get("entity_id"))
        if _s(r.get("kind")) == "place" and eid not in seen:
            seen.add(eid)
            problem = has_coords(eid)
            if problem:
                report.coordinate_errors.append({"doc_id": _s(r.get("doc_id")), "entity_id": eid,
                                                 "problem": problem})

    for doc_id in golden.doc_ids:
        gm = golden.mentions.get(doc_id)
        if gm is None:
            continue
        ms = by_doc.get(doc_id, [])
        actor_ids = {m["entity_id"] for m in ms if m["kind"] == "actor"}
        place_ids = {m["entity_id"] for m in ms if m["kind"] == "place"}
        for a in gm.actors:
            report.actors_total += 1
            if a in actor_ids:
                report.actors_found += 1
            else:
                report.missing_actors.append({"doc_id": doc_id, "actor_id": a})
        expected: set[str] = set()
        for pl in gm.places:
            report.places_total += 1
            if pl.startswith("name:"):
                wanted = pl[5:].casefold().strip()
                hits = [e for e in place_ids if names.get(e) == wanted]
            else:
                hits = [pl] if pl in place_ids else []
            expected.update(hits)
            if hits:
                report.places_found += 1
            else:
                report.missing_places.append({"doc_id": doc_id, "place": pl})
        for m in ms:
            if m["kind"] == "place" and m["entity_id"] not in expected:
                expected.add(m["entity_id"])          # list each unexpected entity once per document
                report.unexpected_places.append({"doc_id": doc_id, "entity_id": m["entity_id"],
                                                 "name_en": labels.get(m["entity_id"], ""),
                                                 "surface": m["surface"]})
        text = texts.get(doc_id)
        if text is None:
            continue
        place_ms = [m for m in ms if m["kind"] == "place" and m["start"] is not None
                    and m["end"] is not None]
        for s in gm.not_places:
            occ = _occurrences(text, s)
            if not occ:
                report.warnings.append(f"{doc_id[:3]} not_place {s!r} is not in documents.text")
            for m in place_ms:
                if any(_overlaps(m["start"], m["end"], a, b) for a, b in occ):
                    report.not_place_errors.append({"doc_id": doc_id, "entity_id": m["entity_id"],
                                                    "surface": m["surface"], "not_place": s})
        for s in gm.metonyms:
            occ = _occurrences(text, s)
            for m in place_ms:
                if any(_overlaps(m["start"], m["end"], a, b) for a, b in occ):
                    report.warnings.append(f"{doc_id[:3]} place {m['entity_id']} {m['surface']!r} "
                                           f"tagged in {s!r}, where the country is an actor")
        for s in gm.boilerplate:
            occ = _occurrences(text, s)
            for a, b in occ:
                report.boilerplate_errors.append({"doc_id": doc_id, "text": s,
                                                  "problem": "kept in documents.text"})
                for m in ms:
                    if m["start"] is not None and m["end"] is not None \
                            and _overlaps(m["start"], m["end"], a, b):
                        report.boilerplate_errors.append({
                            "doc_id": doc_id, "text": f"{m['kind']} {m['entity_id']} "
                                                      f"{m['surface']!r} in {s!r}",
                            "problem": "mention inside boilerplate"})

    report.actor_recall = _ratio(report.actors_found, report.actors_total)
    report.place_recall = _ratio(report.places_found, report.places_total)


# --------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    """``python -m riwaya.evaluate [--out DIR] [--golden DIR] [--json]``; exit 1 below thresholds."""
    from .store import load_corpus

    ap = argparse.ArgumentParser(prog="python -m riwaya.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("data/processed"), help="processed corpus")
    ap.add_argument("--golden", type=Path, default=Path("data/golden"), help="golden folder")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    report = evaluate(load_corpus(args.out), args.golden)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json
          else report.format())
    return 0 if report.passed else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
