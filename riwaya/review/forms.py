"""What the review widgets (``components/review.py``) show and store, in plain pandas: the
statement behind an evidence card and its target, the choices of the selectors, the decisions a
button stands for, and the sentence that tells a reader what was stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

from riwaya.dashboard.corpus import Prepared, actor_display, as_text
from riwaya.errors import ReviewError
from riwaya.pipeline.schema import STANCES
from riwaya.review import model
from riwaya.review.model import UNATTRIBUTED, Decision, Target
from riwaya.review.store import decision_of

#: what the review column says, and what a stored decision is called
STATUS_LABEL = {"confirmed": "Confirmed", "corrected": "Corrected", "added": "Added by a reader",
                "rejected": "Rejected", "undone": "Undone", "error": "Not stored"}
DONE = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected", "add": "added",
        "withdraw": "undone"}


def widget_key(*parts) -> str:
    """A short key made of letters and digits (safe in CSS classes) for any text."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Reviewable:
    """A statement as the review controls see it."""

    statement_id: str
    doc_id: str
    sentence_id: int
    sentence: str
    actor_id: str
    claim_id: str
    stance: str
    quote: str
    status: str                 # "" | confirmed | corrected | added
    target: Target              # what a decision on it is about
    decision: Decision | None   # the decision in force on it

    @property
    def key(self) -> str:
        return widget_key(self.statement_id)


def sentence_text(prep: Prepared, doc_id: str, sentence_id: int) -> str:
    from riwaya.dashboard.reader import sentence_text as text_of   # read by DuckDB

    return text_of(prep, doc_id, int(sentence_id)) or ""


def reviewable(prep: Prepared, statement_id: str) -> Reviewable | None:
    """The statement ``statement_id`` of the prepared corpus, with its target; None when there
    is no such statement (or it has no claim or sentence to decide on)."""
    st = prep.statements
    rows = st[st["statement_id"] == statement_id]
    if rows.empty:
        return None
    r = rows.iloc[0]
    sentence = sentence_text(prep, r["doc_id"], r["sentence_id"])
    decision = None
    target_id = as_text(r.get("review_target"))
    if target_id and not prep.decisions.empty:
        hit = prep.decisions[prep.decisions["target_id"] == target_id]
        decision = decision_of(hit.iloc[0]) if len(hit) else None
    try:
        target = decision.target if decision is not None else Target.of(
            r["doc_id"], sentence, r["actor_id"], r["claim_id"], r["stance"])
    except ReviewError:
        return None
    return Reviewable(str(statement_id), str(r["doc_id"]), int(r["sentence_id"]), sentence,
                      str(r["actor_id"]), str(r["claim_id"]), str(r["stance"]),
                      as_text(r.get("quote")), as_text(r.get("review")), target, decision)


# --------------------------------------------------------------------------- choices

def speaker_choices(prep: Prepared, doc_id: str | None = None) -> dict[str, str]:
    """{actor id: label} for the speaker selector: the actors the article names first, then
    the codebook's, then the other speakers of the corpus, then "Unattributed"."""
    ids: list[str] = []
    if doc_id is not None:
        m = prep.mentions
        ids += list(m.loc[(m["doc_id"] == doc_id) & (m["kind"] == "actor"), "entity_id"])
    a = prep.actors
    in_codebook = a["in_codebook"].fillna(False).astype(bool)
    ids += sorted(a.loc[in_codebook, "actor_id"], key=prep.actor_label)
    ids += sorted(a.loc[~in_codebook, "actor_id"], key=prep.actor_label)
    ids.append(UNATTRIBUTED)
    return {i: (prep.actor_label(i) if i != UNATTRIBUTED else "Unattributed (no one is named)")
            for i in dict.fromkeys(ids)}


def claim_choices(prep: Prepared) -> dict[str, str]:
    """{claim id: "short label — statement"} in codebook order."""
    return {c: (s if s == lab else f"{s} — {lab}") for c, s, lab in
            zip(prep.claims["claim_id"], prep.claims["short"], prep.claims["label"])}


def sentence_choices(prep: Prepared, doc_id: str, width: int = 34) -> dict[int, str]:
    """{sentence id: "n · its beginning…"} of one article, in text order (short: a select box
    clips a right-to-left text at its start, so the beginning must fit on a phone)."""
    from riwaya.dashboard.reader import article_sentences   # with their text, read by DuckDB

    s = article_sentences(prep, doc_id)
    out = {}
    for i, t in zip(s["sentence_id"], s["text"]):
        text = " ".join(str(t).split())
        text = text if len(text) <= width else text[:width - 1] + "…"
        out[int(i)] = f"{int(i) + 1} · \u2067{text}\u2069"    # the text isolated right-to-left
    return out


def stance_choices() -> tuple[str, ...]:
    return STANCES


# --------------------------------------------------------------------------- decisions

def correction(item: Reviewable, actor_id: str, claim_id: str, stance: str, **who) -> list[Decision]:
    """The decisions of a correction. A statement a reader added is withdrawn and added anew
    (its target is what it says); any other is corrected."""
    if item.status == "added":
        if (actor_id, claim_id, stance) == (item.actor_id, item.claim_id, item.stance):
            raise ReviewError("the correction changes nothing: choose another speaker, claim or "
                              "stance")
        return [model.withdraw(item.target, item.sentence, **who),
                model.add(item.doc_id, item.sentence, actor_id, claim_id, stance, **who)]
    return [model.correct(item.target, item.sentence, actor_id=actor_id, claim_id=claim_id,
                          stance=stance, quote=item.quote, **who)]


def undo(decisions: list[Decision], before: pd.DataFrame, **who) -> list[Decision]:
    """Decisions that put back what was in force on the targets of ``decisions`` (``before``:
    the decisions in force then): the earlier decision again, else a withdrawal."""
    out = []
    for d in decisions:
        prev = before[before["target_id"] == d.target.id] if not before.empty else before
        if len(prev):
            p = decision_of(prev.iloc[0])
            out.append(Decision(p.action, p.target, p.sentence, p.new_actor_id, p.new_claim_id,
                                p.new_stance, p.quote, **who, note=f"undo of #{d.id}"))
        else:
            out.append(model.withdraw(d.target, d.sentence, **who, note=f"undo of #{d.id}"))
    return out


def _actor(prep: Prepared, actor_id: str) -> str:
    """An actor's label, also for a speaker a reader just typed (not in the corpus yet)."""
    if (prep.actors["actor_id"] == actor_id).any():
        return prep.actor_label(actor_id)
    return actor_display(actor_id, None, actor_id[4:] if actor_id.startswith("UNK:") else None)


def describe(prep: Prepared, d: Decision) -> str:
    """What a decision stored, in words: "Dillon · ديلون denies “Coalition party to deal” in
    article b1, sentence «…» (by alice, 14:03 UTC)"."""
    actor, claim, stance = d.result
    what = f"{_actor(prep, actor)} {stance} “{prep.claim_short(claim)}”"
    if d.action == "correct":
        t = d.target
        what += f" (was: {_actor(prep, t.actor_id)} {t.stance} “{prep.claim_short(t.claim_id)}”)"
    sentence = " ".join(d.sentence.split())
    sentence = sentence if len(sentence) <= 80 else sentence[:79] + "…"
    when = f", {d.decided_at:%Y-%m-%d %H:%M} UTC" if d.decided_at is not None else ""
    by = f" (by {d.reviewer}{when})" if d.reviewer else ""
    note = f" · note: {d.note}" if d.note else ""
    return f"{what} · article {d.target.doc_id} · «{sentence}»{by}{note}"


def status_text(prep: Prepared, item: Reviewable) -> str:
    """The line under a reviewed card: who decided, when, and what the machine said."""
    d = item.decision
    if d is None:
        return ""
    when = f" on {d.decided_at:%Y-%m-%d %H:%M} UTC" if d.decided_at is not None else ""
    text = f"by {d.reviewer or 'a reader'}{when}"
    if d.action == "correct":
        t = d.target
        text += f"; the machine said {prep.actor_label(t.actor_id)} {t.stance} “{prep.claim_short(t.claim_id)}”"
    if d.note:
        text += f" · note: {d.note}"
    return text
