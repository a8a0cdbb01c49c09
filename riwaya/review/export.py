"""Decisions as golden data (``python -m riwaya review export --golden DIR``) and as a list
(``python -m riwaya review list``).

The export is a golden folder ``riwaya evaluate --golden DIR`` reads
(:mod:`riwaya.evaluate.golden`): every statement a reader confirmed, corrected or added is a
golden statement whose evidence is its sentence; a rejected one is not written, so the
machine's statement there counts as a false positive. A document counts as golden once it has
a decision: every machine statement of it that no reader confirmed is then scored as false.
Mentions are not reviewed: ``mentions.jsonl`` only names the documents whose every statement
was rejected (so they are scored too), with nothing to find in them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from riwaya.atomic import TMP_PREFIX
from riwaya.evaluate.golden import MENTIONS_FILE, STATEMENTS_FILE, GoldMentions, GoldStatement
from riwaya.review.model import POSITIVE, sentence_key


@dataclass(frozen=True)
class Export:
    folder: Path
    statements: int          # golden statements written
    rejected: int            # rejections (not written)
    documents: int           # documents the golden data covers

    def format(self) -> str:
        return (f"{self.statements} golden statement(s) from reviewed decisions, "
                f"{self.rejected} rejection(s) left out, {self.documents} document(s): "
                f"{self.folder / STATEMENTS_FILE}, {self.folder / MENTIONS_FILE}")


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and v != v) else str(v)


def golden_records(decisions: pd.DataFrame,
                   sentences: pd.DataFrame | None = None) -> tuple[list[dict], list[dict]]:
    """(statements.jsonl records, mentions.jsonl records) of the decisions in force.

    The evidence is the sentence as the current corpus has it (``sentences``, found by its
    key), else as it read when the decision was made."""
    current: dict[tuple[str, str], str] = {}
    if sentences is not None and not decisions.empty:
        s = sentences[sentences["doc_id"].isin(set(decisions["doc_id"]))]
        current = {(d, sentence_key(str(t))): str(t) for d, t in zip(s["doc_id"], s["text"])}
    statements, docs_with, docs_all = [], set(), set()
    for r in decisions.sort_values(["doc_id", "id"]).to_dict("records"):
        docs_all.add(r["doc_id"])
        if r["action"] not in POSITIVE:
            continue
        evidence = current.get((r["doc_id"], r["sentence_key"])) or str(r["sentence"])
        when = pd.Timestamp(r["decided_at"]).strftime("%Y-%m-%d %H:%M") if r["decided_at"] is not None else ""
        note = f"review: {r['action']} by {_text(r['reviewer']) or 'unknown'} {when} UTC".strip()
        if _text(r["note"]):
            note += f": {_text(r['note'])}"
        record = GoldStatement(
            doc_id=r["doc_id"],
            actor_id=_text(r["new_actor_id"]) or r["actor_id"],
            claim_id=_text(r["new_claim_id"]) or r["claim_id"],
            stance=_text(r["new_stance"]) or r["stance"],
            evidence=evidence.strip(), note=note)
        statements.append(record.model_dump(exclude={"line", "optional", "speaker"}))
        docs_with.add(r["doc_id"])
    mentions = [{"doc_id": GoldMentions(doc_id=d).doc_id} for d in sorted(docs_all - docs_with)]
    return statements, mentions


def export_golden(decisions: pd.DataFrame, golden_dir: Path | str,
                  sentences: pd.DataFrame | None = None) -> Export:
    """Write ``statements.jsonl`` and ``mentions.jsonl`` of the decisions into ``golden_dir``
    (created; both files replaced whole)."""
    folder = Path(golden_dir)
    folder.mkdir(parents=True, exist_ok=True)
    statements, mentions = golden_records(decisions, sentences)
    header = "// exported by `python -m riwaya review export` from the readers' decisions\n"
    for name, records in ((STATEMENTS_FILE, statements), (MENTIONS_FILE, mentions)):
        tmp = folder / f"{TMP_PREFIX}{name}"
        tmp.write_text(header + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                       encoding="utf-8")
        tmp.replace(folder / name)
    rejected = int((decisions["action"] == "reject").sum()) if not decisions.empty else 0
    return Export(folder, len(statements), rejected, len({r["doc_id"] for r in statements + mentions}))


def format_decisions(frame: pd.DataFrame, *, unplaced: set[int] = frozenset()) -> str:
    """One line per decision: id, when (UTC), who, what, where, note; ``unplaced`` ids are
    marked (their sentence is no longer in the current corpus)."""
    if frame.empty:
        return "no review decisions"
    lines = []
    for r in frame.sort_values("id").to_dict("records"):
        what = f"{r['actor_id']} {r['stance']} {r['claim_id']}"
        if r["action"] == "correct":
            what += (f" -> {_text(r['new_actor_id']) or r['actor_id']} "
                     f"{_text(r['new_stance']) or r['stance']} {_text(r['new_claim_id']) or r['claim_id']}")
        when = pd.Timestamp(r["decided_at"]).strftime("%Y-%m-%d %H:%M")
        sentence = " ".join(str(r["sentence"]).split())
        sentence = sentence if len(sentence) <= 60 else sentence[:59] + "…"
        line = (f"#{r['id']:<4} {when}  {_text(r['reviewer']) or '-':<10} {r['action']:<8} "
                f"{r['doc_id']}  {what}  «{sentence}»")
        if _text(r["note"]):
            line += f"  note: {_text(r['note'])}"
        if int(r["id"]) in unplaced:
            line += "  [sentence not in the current corpus]"
        lines.append(line)
    return "\n".join(lines)
