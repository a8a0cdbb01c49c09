"""The evaluation report: scores, the itemised differences, and the verdict.

``format()`` for people (tables, then what differs and why), ``to_dict()`` for JSON; the
verdict (:meth:`EvalReport.failures`) compares the scores with :data:`THRESHOLDS`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Acceptance thresholds of the processing issue.
THRESHOLDS = {"precision": 0.9, "recall": 0.9, "stance_accuracy": 0.9,
              "actor_recall": 1.0, "place_recall": 1.0}


def short_doc(doc_id: str) -> str:
    """A document id as the report prints it: a long hashed stem by its number (``000``)."""
    return doc_id if len(doc_id) <= 12 else doc_id[:3]


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


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
    false_pins: list[dict] = field(default_factory=list)          # places the golden lacks
    boilerplate_places: list[dict] = field(default_factory=list)  # place mentions off the article
    warnings: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ verdict
    def failures(self, thresholds: dict[str, float] | None = None) -> list[str]:
        """What keeps the corpus from the acceptance thresholds (empty list: it passes)."""
        t = {**THRESHOLDS, **(thresholds or {})}
        out = []
        for key in ("precision", "recall", "stance_accuracy", "actor_recall", "place_recall"):
            if getattr(self, key) < t[key]:
                out.append(f"{key} {getattr(self, key):.3f} < {t[key]:.2f}")
        for key in ("coordinate_errors", "not_place_errors", "boilerplate_errors", "false_pins",
                    "boilerplate_places"):
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
        L.append(f"{'false pins':<22}{len(self.false_pins):>10}   "
                 f"(places in the article the golden list lacks)")
        L.append(f"{'boilerplate places':<22}{len(self.boilerplate_places):>10}   "
                 f"(place mentions outside the article)")
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
            f"{short_doc(r['doc_id'])} {r['actor_id']} × {r['claim_id']}: golden {r['golden_stance']}, "
            f"predicted {r['predicted_stance']} (cue {r['cue']!r}) | {_short(r['evidence'])}"))
        section("MISSES (golden statements not found)", self.misses, lambda r: (
            f"{short_doc(r['doc_id'])} {r['actor_id']} {r['stance']} {r['claim_id']} | {_short(r['evidence'])}"
            + (f"\n      why: {r['reason']}" if r.get("reason") else "")))
        section("FALSE POSITIVES (predicted, not in golden)", self.false_positives, lambda r: (
            f"{short_doc(r['doc_id'])} s{r['sentence_id']} {r['actor_id']} {r['stance']} {r['claim_id']} "
            f"(cue {r['cue']!r}) | {_short(r['quote'])}"
            + (f"\n      note: {r['reason']}" if r.get("reason") else "")))
        section("EVIDENCE NOT IN documents.text (annotation or cleaning error)", self.evidence_errors,
                lambda r: f"{short_doc(r['doc_id'])} golden line {r['line']}: {r['problem']} | "
                          f"{_short(r['evidence'])}")
        section("MISSING ACTORS", self.missing_actors, lambda r: f"{short_doc(r['doc_id'])} {r['actor_id']}")
        section("MISSING PLACES", self.missing_places, lambda r: f"{short_doc(r['doc_id'])} {r['place']}")
        section("UNEXPECTED PLACES (check: common word or real place?)", self.unexpected_places,
                lambda r: f"{short_doc(r['doc_id'])} {r['entity_id']} ({r['name_en']}) {r['surface']!r}")
        section("PLACES WITHOUT COORDINATES", self.coordinate_errors,
                lambda r: f"{short_doc(r.get('doc_id', ''))} {r['entity_id']}: {r['problem']}")
        section("NOT-PLACES TAGGED AS PLACES", self.not_place_errors, lambda r: (
            f"{short_doc(r['doc_id'])} {r['entity_id']} {r['surface']!r} inside {r['not_place']!r}"))
        section("FALSE PINS (places in the article the golden list lacks)", self.false_pins,
                lambda r: f"{short_doc(r['doc_id'])} {r['entity_id']} ({r['name_en']}) {r['surface']!r}"
                          + (f" ×{r['mentions']}" if r.get("mentions", 1) > 1 else ""))
        section("PLACES FROM BOILERPLATE", self.boilerplate_places, lambda r: (
            f"{short_doc(r['doc_id'])} {r['entity_id']} ({r['name_en']}) {r['surface']!r}"
            + (f" raw line {r['line']}" if r.get("line") else "")))
        section("BOILERPLATE", self.boilerplate_errors, lambda r: (
            f"{short_doc(r['doc_id'])} {r['problem']}: {_short(r['text'])}"))
        if self.warnings:
            L.append(rule)
            L.append(f"WARNINGS ({len(self.warnings)})")
            L.extend("  " + w for w in self.warnings[:limit])
            if len(self.warnings) > limit:
                L.append(f"  ... {len(self.warnings) - limit} more")
        return "\n".join(L)
