"""Scoring a processed corpus against the golden annotation.

Statement matching: a predicted statement matches a golden one when ``doc_id``, ``actor_id``
(any ``UNK:...`` counts as ``UNK``) and ``claim_id`` are equal and the predicted ``[start, end)``
overlaps the evidence's position. Matching is one-to-one: a maximum-weight assignment
(scipy's ``linear_sum_assignment``) preferring pairs with the same stance, then larger overlap.
Golden records marked ``optional`` never count as misses, and a prediction matching one is
neither a hit nor a false positive.

Mentions: every golden actor and place of a document must be found; places need
coordinates; nothing may be tagged in ``not_places`` or in removed boilerplate.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from riwaya.evaluate.golden import Golden, load_golden, locate, occurrences
from riwaya.evaluate.report import EvalReport

UNK = "UNK"


def assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment; a weight of 0 means "no edge". Returns the
    ``(row, col)`` pairs with a positive weight."""
    if not weights or not weights[0]:
        return []
    w = np.asarray(weights, dtype=float)
    rows, cols = linear_sum_assignment(w, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if w[r, c] > 0]


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


def _ratio(num: int, den: int, *, empty: float = 1.0) -> float:
    return num / den if den else empty


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
                n = len(occurrences(text, g.evidence))
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
            occ = occurrences(text, s)
            if not occ:
                report.warnings.append(f"{doc_id[:3]} not_place {s!r} is not in documents.text")
            for m in place_ms:
                if any(_overlaps(m["start"], m["end"], a, b) for a, b in occ):
                    report.not_place_errors.append({"doc_id": doc_id, "entity_id": m["entity_id"],
                                                    "surface": m["surface"], "not_place": s})
        for s in gm.metonyms:
            occ = occurrences(text, s)
            for m in place_ms:
                if any(_overlaps(m["start"], m["end"], a, b) for a, b in occ):
                    report.warnings.append(f"{doc_id[:3]} place {m['entity_id']} {m['surface']!r} "
                                           f"tagged in {s!r}, where the country is an actor")
        for s in gm.boilerplate:
            occ = occurrences(text, s)
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
