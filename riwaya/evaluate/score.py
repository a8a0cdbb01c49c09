"""Scoring a processed corpus against the golden annotation.

Statement matching: a predicted statement matches a golden one when ``doc_id``, ``actor_id``
(any ``UNK:...`` and ``UNATTRIBUTED`` count as ``UNK``, a named speaker with an ``affiliation``
as that actor) and ``claim_id`` are equal and the predicted ``[start, end)``
overlaps the evidence's position. Matching is one-to-one: a maximum-weight assignment
(scipy's ``linear_sum_assignment``) preferring pairs with the same stance, then larger overlap.
Golden records marked ``optional`` never count as misses, and a prediction matching one is
neither a hit nor a false positive.

Mentions (:mod:`riwaya.evaluate.places`): every golden actor and place of a document must be
found; places need coordinates; nothing may be tagged in ``not_places``, no place may be pinned
that the golden list lacks (false pins), none may come from boilerplate.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from riwaya.evaluate.golden import Golden, load_golden, locate, occurrences
from riwaya.evaluate.places import int_of, overlaps, ratio, score_mentions, text_of
from riwaya.evaluate.report import EvalReport, short_doc

UNK = "UNK"


def assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment; a weight of 0 means "no edge". Returns the
    ``(row, col)`` pairs with a positive weight."""
    if not weights or not weights[0]:
        return []
    w = np.asarray(weights, dtype=float)
    rows, cols = linear_sum_assignment(w, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if w[r, c] > 0]


UNATTRIBUTED = "UNATTRIBUTED"


def norm_actor(actor_id: Any, affiliation: Any = None) -> str:
    """``UNK:<surface>``, bare ``UNK`` and ``UNATTRIBUTED`` (an impersonal passive) count as
    ``UNK``; other ids are kept. A speaker outside the codebook with an ``affiliation`` (a named
    spokesman of RU_MOD) counts as the actor it speaks for, as the golden guidelines code it."""
    a = "" if actor_id is None or (isinstance(actor_id, float) and math.isnan(actor_id)) \
        else str(actor_id).strip()
    if a == UNK or a.startswith(UNK + ":") or a == UNATTRIBUTED:
        aff = "" if affiliation is None or (isinstance(affiliation, float) and math.isnan(affiliation)) \
            else str(affiliation).strip()
        return aff or UNK
    return a


def evaluate(corpus, golden_dir: Path | str | Golden) -> EvalReport:
    """Compare ``corpus`` (a :class:`riwaya.pipeline.store.Corpus`) with the golden annotation.

    ``golden_dir`` is a folder with ``statements.jsonl`` / ``mentions.jsonl`` (or a loaded
    :class:`Golden`). Only documents the golden data covers are scored; predicted statements
    without a claim are ignored and counted.
    """
    golden = golden_dir if isinstance(golden_dir, Golden) else load_golden(golden_dir)
    report = EvalReport(golden_dir=golden.folder)
    report.documents = golden.doc_ids
    docs = corpus.documents
    texts: dict[str, str] = {}
    raws: dict[str, str] = {}
    if docs is not None and len(docs):
        texts = {str(d): text_of(t) for d, t in zip(docs["doc_id"], docs["text"])}
        if "raw_text" in docs.columns:
            raws = {str(d): text_of(t) for d, t in zip(docs["doc_id"], docs["raw_text"])}
    _score_statements(report, golden, corpus.statements, texts)
    score_mentions(report, golden, corpus.mentions, corpus.places, texts, raws)
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
        hit = None if text is None else locate(text, g.evidence)
        if hit is None:
            problem = ("document not in the corpus" if text is None
                       else "not found in documents.text")
            rec["reason"] = problem if text is None else \
                "evidence not found in documents.text (line dropped by cleaning?)"
            report.evidence_errors.append({"doc_id": g.doc_id, "line": g.line,
                                           "evidence": g.evidence, "problem": problem})
        else:
            rec["start"], rec["end"] = hit[0], hit[1]
            if hit[2] != "exact":
                report.warnings.append(f"{short_doc(g.doc_id)} golden line {g.line}: evidence found "
                                       f"only by {hit[2]}-tolerant search")
            n = len(occurrences(text, g.evidence))
            if n > 1:
                report.warnings.append(f"{short_doc(g.doc_id)} golden line {g.line}: evidence occurs "
                                       f"{n}× in documents.text (repeated body not collapsed?)")
        gold.append(rec)

    # ---- predictions
    preds: list[dict] = []
    ignored = {"other documents": 0, "without claim": 0}
    if statements is not None and len(statements):
        for row in statements.to_dict("records"):
            doc = text_of(row.get("doc_id"))
            if doc not in gold_docs:
                ignored["other documents"] += 1
                continue
            claim = text_of(row.get("claim_id")).strip()
            if not claim:
                ignored["without claim"] += 1
                continue
            start, end = int_of(row.get("start")), int_of(row.get("end"))
            quote = text_of(row.get("quote"))
            text = texts.get(doc, "")
            if start is not None and end is not None and text and quote \
                    and text[start:end] != quote:
                report.warnings.append(f"{short_doc(doc)} statement {text_of(row.get('statement_id'))}: "
                                       f"quote differs from documents.text[start:end]")
            preds.append({"doc_id": doc, "sentence_id": int_of(row.get("sentence_id")),
                          "actor_id": norm_actor(row.get("actor_id"), row.get("affiliation")),
                          "actor_raw": text_of(row.get("actor_id")), "claim_id": claim,
                          "stance": text_of(row.get("stance")), "cue": text_of(row.get("cue")),
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
                        or not overlaps(p["start"], p["end"], g["start"], g["end"]):
                    row.append(0.0)
                    continue
                inter = min(p["end"], g["end"]) - max(p["start"], g["start"])
                union = max(p["end"], g["end"]) - min(p["start"], g["start"])
                row.append((500.0 if g["optional"] else 1000.0)
                           + (10.0 if p["stance"] == g["stance"] else 0.0) + inter / union)
            weights.append(row)
        for r, c in assign(weights):
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
    report.precision = ratio(report.tp, report.tp + report.fp,
                              empty=1.0 if report.n_golden == 0 else 0.0)
    report.recall = ratio(report.tp, report.n_golden)
    pr = report.precision + report.recall
    report.f1 = 2 * report.precision * report.recall / pr if pr else 0.0
    report.stance_correct = report.tp - len(report.stance_errors)
    report.stance_accuracy = ratio(report.stance_correct, report.tp,
                                    empty=1.0 if report.n_golden == 0 else 0.0)


def _gold_view(g: dict) -> dict:
    return {k: g[k] for k in ("doc_id", "actor_id", "claim_id", "stance", "evidence", "line",
                              "start", "end")}


def _why_missed(g: dict, preds: list[dict]) -> str:
    """What the pipeline predicted where a golden statement is (to help debugging)."""
    if g["start"] is None:
        return ""
    near = [p for p in preds if p["doc_id"] == g["doc_id"] and p["start"] is not None
            and p["end"] is not None and overlaps(p["start"], p["end"], g["start"], g["end"])]
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
           and overlaps(p["start"], p["end"], gold[i]["start"], gold[i]["end"])]
    if dup:
        return f"duplicate: golden line {gold[dup[0]]['line']} is already matched by another prediction"
    if same:
        return "golden has this actor × claim in the document, but at other evidence"
    here = [g for g in gold if g["doc_id"] == p["doc_id"] and g["start"] is not None
            and p["start"] is not None and p["end"] is not None
            and overlaps(p["start"], p["end"], g["start"], g["end"])]
    if here:
        return "golden here: " + "; ".join(f"{g['actor_id']} {g['stance']} {g['claim_id']}"
                                           for g in here[:4])
    return ""
