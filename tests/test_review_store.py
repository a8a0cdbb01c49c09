"""The review loop without a dashboard: keys, the DuckDB store (one writer at a time, two
processes at once), applying decisions, surviving a rebuild, claim examples, and the export
that ``riwaya evaluate`` scores."""

from __future__ import annotations

import json
import subprocess
import sys
import shutil
from pathlib import Path

import pandas as pd
import pytest

from riwaya import review
from riwaya.config import review_db
from riwaya.errors import ReviewError
from riwaya.pipeline.store import load_corpus
from riwaya.review import ReviewStore, Target, apply_decisions, sentence_key
from tests.fixture_corpus import fixture_tables

ROOT = Path(__file__).resolve().parent.parent

TABLES = fixture_tables()
STATEMENTS = pd.DataFrame(TABLES["statements"])
SENTENCES = pd.DataFrame(TABLES["sentences"])


def sentence(doc_id: str, sentence_id: int) -> str:
    s = SENTENCES[(SENTENCES["doc_id"] == doc_id) & (SENTENCES["sentence_id"] == sentence_id)]
    return str(s["text"].iloc[0])


def target_of(statement_id: str, sentences: pd.DataFrame = SENTENCES) -> tuple[Target, str]:
    r = STATEMENTS[STATEMENTS["statement_id"] == statement_id].iloc[0]
    text = sentence(r["doc_id"], r["sentence_id"])
    return Target.of(r["doc_id"], text, r["actor_id"], r["claim_id"], r["stance"]), text


@pytest.fixture
def store(tmp_path) -> ReviewStore:
    return ReviewStore(tmp_path / "review.duckdb")


def four_decisions(store: ReviewStore) -> None:
    """Confirm a1:0:0, reject s1:1:0 (the unknown source), correct b1:2:0's stance, add one."""
    t, s = target_of("a1:0:0")
    store.record(review.confirm(t, s, reviewer="ana"))
    t, s = target_of("s1:1:0")
    store.record(review.reject(t, s, reviewer="ana", note="not a claim"))
    t, s = target_of("b1:2:0")
    store.record(review.correct(t, s, stance="concedes", reviewer="ben"))
    store.record(review.add("b1", sentence("b1", 1), "COALITION", "US_SUPPORTS_ISIS", "denies",
                            reviewer="ben"))


# --------------------------------------------------------------------------- keys, decisions

def test_the_sentence_key_ignores_spelling_marks_and_spacing():
    plain = "قالت وزارة الدفاع الروسية إن التحالف يدعم داعش"
    marked = "قَالَتْ  وزارة   الدفاع الروسيـــة ان التحالف يدعم داعش"
    assert sentence_key(plain) == sentence_key(marked)
    assert sentence_key(plain) != sentence_key(plain + " في البوكمال")
    with pytest.raises(TypeError, match="Expected the sentence text as str"):
        sentence_key(3)


def test_targets_and_decisions_are_checked():
    t, s = target_of("b1:2:0")
    assert t.id == Target.of("b1", s, "DILLON", "COALITION_PARTY_TO_DEAL", "denies").id
    assert t.id != Target.of("a1", s, "DILLON", "COALITION_PARTY_TO_DEAL", "denies").id
    with pytest.raises(ReviewError, match="changes nothing"):
        review.correct(t, s, stance="denies")
    with pytest.raises(ReviewError, match="stance 'maybe'"):
        review.add("b1", s, "DILLON", "X", "maybe")
    with pytest.raises(ReviewError, match="needs a claim id"):
        review.add("b1", s, "DILLON", " ", "asserts")
    assert review.speaker_id("العقيد رايان ديلون", ["DILLON"]) == "UNK:العقيد رايان ديلون"
    assert review.speaker_id("DILLON", ["DILLON"]) == "DILLON"
    with pytest.raises(ReviewError, match="needs a speaker"):
        review.speaker_id("  ")


# --------------------------------------------------------------------------- the store

def test_the_store_keeps_every_decision_and_the_latest_one_is_in_force(store):
    assert store.version() == "" and store.decisions().empty
    assert not store.path.exists()          # reading does not create the file
    t, s = target_of("a1:1:0")
    first = store.record(review.confirm(t, s, reviewer="ana", note="checked"))[0]
    v1 = store.version()
    assert first.id == 1 and first.decided_at is not None and v1
    store.record(review.correct(t, s, claim_id="VIDEO_GAME", reviewer="ben"))
    v2 = store.version()
    assert v2 != v1                          # every write changes the version, even within a tick
    d = store.decisions()
    assert len(d) == 1 and d.loc[0, "action"] == "correct" and d.loc[0, "new_claim_id"] == "VIDEO_GAME"
    assert list(store.history()["action"]) == ["confirm", "correct"]
    assert list(store.history()["reviewer"]) == ["ana", "ben"]
    assert store.history()["note"].iloc[0] == "checked"
    store.record(review.withdraw(t, s))
    assert store.decisions().empty and len(store.history()) == 3
    assert store.version() not in (v1, v2)
    with pytest.raises(TypeError, match="Expected riwaya.review.Decision"):
        store.record({"action": "confirm"})


def test_undo_puts_back_the_decision_that_was_in_force(store):
    from riwaya.review.forms import undo

    t, s = target_of("a1:1:0")
    store.record(review.correct(t, s, stance="asserts", note="first reading"))
    before = store.decisions()
    stored = store.record(review.confirm(t, s))
    store.record(*undo(stored, before, reviewer="ana"))
    d = store.decisions()
    assert (d.loc[0, "action"], d.loc[0, "new_stance"], d.loc[0, "note"]) == \
        ("correct", "asserts", f"undo of #{stored[0].id}")
    # nothing was in force before: undo withdraws
    t2, s2 = target_of("b1:0:0")
    stored = store.record(review.reject(t2, s2))
    store.record(*undo(stored, store.decisions().iloc[:0], reviewer="ana"))
    assert list(store.decisions()["target_id"]) == [t.id]


def test_a_failed_transaction_stores_nothing(store):
    import duckdb

    t, s = target_of("a1:0:0")
    store.record(review.confirm(t, s))
    bad = review.confirm(t, s)
    object.__setattr__(bad, "sentence", None)      # breaks the NOT NULL constraint on insert
    with pytest.raises(duckdb.ConstraintException):
        store.record(review.reject(t, s), bad)
    assert list(store.history()["action"]) == ["confirm"]


def _write_many(path: str, who: str, n: int) -> None:
    store = ReviewStore(path)
    for i in range(n):
        store.record(review.add("a1", f"جملة رقم {i} من {who}", "RU_MOD", "VIDEO_GAME", "asserts",
                                reviewer=who))


#: a writer in a process of its own (a plain interpreter: multiprocessing's spawn would re-run
#: whatever script an earlier test left as __main__, such as an AppTest page)
_WRITER = "import sys; from tests.test_review_store import _write_many; " \
          "_write_many(sys.argv[1], sys.argv[2], int(sys.argv[3]))"


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "review.duckdb")
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, path, who, "15"], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for who in ("p1", "p2")]
    seen = 0
    while any(p.poll() is None for p in procs):     # a third reader meanwhile
        seen = max(seen, len(ReviewStore(path).history()))
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    h = ReviewStore(path).history()
    assert len(h) == 30 and h["id"].is_unique
    assert h["reviewer"].value_counts().to_dict() == {"p1": 15, "p2": 15}
    assert seen <= 30


def test_sessions_of_one_server_writing_at_once_lose_nothing(tmp_path):
    """Streamlit's sessions are threads of one process."""
    import threading

    path = str(tmp_path / "review.duckdb")
    threads = [threading.Thread(target=_write_many, args=(path, who, 10)) for who in ("t1", "t2", "t3")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    h = ReviewStore(path).history()
    assert len(h) == 30 and h["id"].is_unique and set(h["reviewer"]) == {"t1", "t2", "t3"}


def test_the_review_file_is_beside_the_corpus_unless_the_environment_says(tmp_path, monkeypatch):
    monkeypatch.delenv("RIWAYA_REVIEW", raising=False)
    assert review_db(tmp_path / "processed") == tmp_path / "processed" / "review.duckdb"
    monkeypatch.setenv("RIWAYA_REVIEW", str(tmp_path / "elsewhere.duckdb"))
    assert review_db(tmp_path / "processed") == tmp_path / "elsewhere.duckdb"


# --------------------------------------------------------------------------- applying

def test_decisions_override_the_machine(store):
    four_decisions(store)
    out = apply_decisions(STATEMENTS, SENTENCES, store.decisions(), codebook_ids={"COALITION"})
    by_id = out.set_index("statement_id")
    assert by_id.loc["a1:0:0", "review"] == "confirmed"
    assert "s1:1:0" not in by_id.index                                   # rejected
    assert (by_id.loc["b1:2:0", "stance"], by_id.loc["b1:2:0", "review"]) == ("concedes", "corrected")
    added = out[out["review"] == "added"]
    assert len(added) == 1
    a = added.iloc[0]
    assert (a["doc_id"], a["sentence_id"], a["actor_id"], a["claim_id"], a["stance"]) == \
        ("b1", 1, "COALITION", "US_SUPPORTS_ISIS", "denies")
    assert (a["method"], a["confidence"], a["speaker_kind"]) == ("review", 1.0, "codebook")
    assert a["quote"] == sentence("b1", 1) and a["statement_id"].startswith("b1:1:review-")
    unreviewed = out[out["review"] == ""]
    assert len(unreviewed) == len(STATEMENTS) - 3 and set(unreviewed["review_target"]) == {""}
    # nothing decided: the same statements, an empty review column
    same = apply_decisions(STATEMENTS, SENTENCES, None)
    assert same.drop(columns=list(review.REVIEW_COLUMNS)).equals(STATEMENTS)
    assert set(same["review"]) == {""}


def renumbered() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The fixture as a rebuild might give it: a new first sentence in b1 and s1 (every id and
    offset after it moves), the statements renumbered."""
    sents, stmts = [], []
    for doc in ("a1", "b1", "s1"):
        shift = 0
        if doc != "a1":
            head = "هذه جملة جديدة في أول الخبر."
            sents.append({"doc_id": doc, "sentence_id": 0, "start": 0, "end": len(head), "text": head})
            shift = len(head) + 1
        for r in SENTENCES[SENTENCES["doc_id"] == doc].itertuples(index=False):
            new_id = r.sentence_id + (doc != "a1")
            sents.append({"doc_id": doc, "sentence_id": new_id, "start": r.start + shift,
                          "end": r.end + shift, "text": r.text})
        for n, r in enumerate(STATEMENTS[STATEMENTS["doc_id"] == doc].to_dict("records")):
            new_id = r["sentence_id"] + (doc != "a1")
            stmts.append({**r, "statement_id": f"{doc}:{new_id}:{n}", "sentence_id": new_id,
                          "start": r["start"] + shift, "end": r["end"] + shift,
                          "cue_start": r["cue_start"] + shift, "cue_end": r["cue_end"] + shift})
    return pd.DataFrame(stmts), pd.DataFrame(sents)


def test_decisions_survive_renumbered_sentences_and_statements(store):
    four_decisions(store)
    stmts, sents = renumbered()
    out = apply_decisions(stmts, sents, store.decisions())
    got = {(r.doc_id, r.sentence_id, r.actor_id, r.stance, r.review)
           for r in out[out["review"] != ""].itertuples()}
    assert got == {("a1", 0, "RU_MOD", "asserts", "confirmed"),
                   ("b1", 3, "DILLON", "concedes", "corrected"),
                   ("b1", 2, "COALITION", "denies", "added")}
    assert not ((out["doc_id"] == "s1") & (out["actor_id"] == "UNK:مصدر مجهول")).any()
    added = out[out["review"] == "added"].iloc[0]
    assert (added["start"], added["end"]) == tuple(sents[(sents["doc_id"] == "b1")
                                                         & (sents["sentence_id"] == 2)][["start", "end"]].iloc[0])


def test_a_confirmed_statement_stays_when_the_machine_stops_finding_it(store):
    t, s = target_of("b1:2:0")
    store.record(review.confirm(t, s))
    t2, s2 = target_of("a1:3:0")
    store.record(review.correct(t2, s2, stance="asserts"))
    fewer = STATEMENTS[~STATEMENTS["statement_id"].isin(["b1:2:0", "a1:3:0"])]
    out = apply_decisions(fewer, SENTENCES, store.decisions())
    kept = out[out["review"] != ""].set_index("doc_id")
    assert kept.loc["b1", "actor_id"] == "DILLON" and kept.loc["b1", "method"] == "review"
    assert (kept.loc["a1", "stance"], kept.loc["a1", "review"]) == ("asserts", "corrected")
    # the article changed: the sentence is gone, the decision cannot be placed and is listed
    changed = SENTENCES.assign(text=SENTENCES["text"].where(
        ~((SENTENCES["doc_id"] == "b1") & (SENTENCES["sentence_id"] == 2)), "نص آخر تماما."))
    out = apply_decisions(fewer, changed, store.decisions())
    assert "b1" not in set(out.loc[out["review"] != "", "doc_id"])
    assert list(review.unplaced(changed, store.decisions())["doc_id"]) == ["b1"]


def test_a_correction_onto_another_statement_leaves_one(store):
    # a1 sentence 1 has US_DOD denies US_SUPPORTS_ISIS and US_DOD asserts VIDEO_GAME
    t, s = target_of("a1:1:0")
    store.record(review.correct(t, s, claim_id="VIDEO_GAME", stance="asserts"))
    out = apply_decisions(STATEMENTS, SENTENCES, store.decisions())
    one = out[(out["doc_id"] == "a1") & (out["sentence_id"] == 1)]
    assert len(one) == 1 and one.iloc[0]["review"] == "corrected"


def test_a_corrected_speaker_takes_the_kind_of_its_new_speaker(store):
    t, s = target_of("b1:0:0")                       # ACTIVISTS asserts VIDEO_GAME
    store.record(review.correct(t, s, actor_id="UNK:مصدر مجهول"))
    t, s = target_of("a1:2:0")                       # RU_MOD concedes VIDEO_GAME
    store.record(review.correct(t, s, actor_id="UNK:مراسل"))
    kinds = STATEMENTS.assign(speaker_kind=["source" if a.startswith("UNK:") else "codebook"
                                            for a in STATEMENTS["actor_id"]], affiliation=None)
    out = apply_decisions(kinds, SENTENCES, store.decisions(), codebook_ids={"ACTIVISTS", "RU_MOD"})
    by_id = out.set_index("statement_id")
    assert by_id.loc["b1:0:0", "speaker_kind"] == "source"    # as the build said of that speaker
    assert by_id.loc["a1:2:0", "speaker_kind"] == "named"     # someone new


# --------------------------------------------------------------------------- examples, export

def test_positive_decisions_become_examples_of_their_claim(store, sample_codebook):
    four_decisions(store)
    ex = review.claim_examples(store.decisions())
    assert ex == {"US_SUPPORTS_ISIS": [sentence("a1", 0), sentence("b1", 1)],
                  "COALITION_PARTY_TO_DEAL": [sentence("b1", 2)]}
    claim = sample_codebook.compiled_claims[0]
    more = review.with_review_examples(sample_codebook, {claim.id: ["جملة مثال من قارئ."]})
    assert more.compiled_claims[0].examples == claim.examples + ("جملة مثال من قارئ.",)
    assert review.with_review_examples(sample_codebook, {}) is sample_codebook


def test_the_export_is_golden_data_that_evaluate_scores(store, tmp_path):
    from riwaya.evaluate import evaluate, load_golden
    from riwaya.pipeline.store import write_corpus
    from riwaya.review.export import export_golden

    out = tmp_path / "processed"
    write_corpus(out, TABLES)
    four_decisions(store)
    t, s = target_of("s1:0:0")          # s1: only a rejection: still scored
    store.record(review.reject(t, s))
    t, s = target_of("s1:2:0")
    store.record(review.reject(t, s))
    result = export_golden(store.decisions(), tmp_path / "golden", SENTENCES)
    assert (result.statements, result.rejected) == (3, 3)
    lines = (tmp_path / "golden" / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(x) for x in lines if not x.startswith("//")]
    assert {(r["doc_id"], r["actor_id"], r["stance"]) for r in records} == \
        {("a1", "RU_MOD", "asserts"), ("b1", "DILLON", "concedes"), ("b1", "COALITION", "denies")}
    assert all(r["evidence"] in set(SENTENCES["text"]) for r in records)
    assert any(r["note"].startswith("review: correct by ben") for r in records)
    golden = load_golden(tmp_path / "golden")
    assert set(golden.doc_ids) == {"a1", "b1", "s1"}
    corpus = load_corpus(out)
    machine = evaluate(corpus, golden)
    # confirmed: a hit; corrected: the machine's stance is wrong; added: a miss; rejected: false
    assert (machine.tp, machine.fn) == (2, 1) and len(machine.stance_errors) == 1
    assert machine.fp == len(STATEMENTS) - 2                # every other machine statement
    reviewed = evaluate(review.reviewed_corpus(corpus, store.decisions()), golden)
    assert reviewed.fn == 0 and not reviewed.stance_errors


def test_the_command_line_lists_and_exports(store, tmp_path, capsys, monkeypatch):
    from riwaya.cli import main
    from riwaya.pipeline.store import write_corpus

    monkeypatch.delenv("RIWAYA_REVIEW", raising=False)
    out = tmp_path / "processed"
    write_corpus(out, TABLES)
    four_decisions(ReviewStore(review_db(out)))
    assert main(["review", "list", "--out", str(out)]) == 0
    listed = capsys.readouterr().out
    assert "4 decision(s) in force" in listed and "correct" in listed and "note: not a claim" in listed
    assert main(["review", "list", "--out", str(out), "--history"]) == 0
    golden = tmp_path / "golden"
    assert main(["review", "export", "--out", str(out), "--golden", str(golden)]) == 0
    assert "3 golden statement(s)" in capsys.readouterr().out
    code = main(["evaluate", "--out", str(out), "--golden", str(golden)])
    report = capsys.readouterr().out
    assert code == 1 and "precision" in report and "recall" in report


# --------------------------------------------------------------------------- a real rebuild

def test_decisions_survive_a_rebuild_of_the_sample_with_a_changed_article(tmp_path, raw_copy,
                                                                         monkeypatch):
    from riwaya.dashboard.corpus import prepare
    from riwaya.pipeline import build as build_module
    from riwaya.pipeline.build import build_corpus

    monkeypatch.delenv("RIWAYA_REVIEW", raising=False)
    out = tmp_path / "processed"
    codebook = Path(__file__).resolve().parent.parent / "data" / "codebook"
    build_corpus(raw_copy, codebook, out)
    corpus = load_corpus(out)
    st, se = corpus.statements, corpus.sentences
    row = st.iloc[0]
    text = se[(se["doc_id"] == row["doc_id"]) & (se["sentence_id"] == row["sentence_id"])]["text"].iloc[0]
    store = ReviewStore(review_db(out))
    store.record(review.confirm(Target.of(row["doc_id"], text, row["actor_id"], row["claim_id"],
                                          row["stance"]), text, reviewer="ana"))
    other = st[(st["doc_id"] == row["doc_id"]) & (st["sentence_id"] != row["sentence_id"])].iloc[-1]
    other_text = se[(se["doc_id"] == other["doc_id"])
                    & (se["sentence_id"] == other["sentence_id"])]["text"].iloc[0]
    store.record(review.reject(Target.of(other["doc_id"], other_text, other["actor_id"],
                                         other["claim_id"], other["stance"]), other_text))
    # the article gains a first paragraph: every sentence id after it moves
    article = raw_copy / f"{row['doc_id']}.txt"
    body = article.read_text(encoding="utf-8")
    article.write_text("هذا سطر جديد أضيف في أول المقال. وهذه جملة ثانية جديدة.\n" + body, encoding="utf-8")
    seen = {}
    real_build = build_module.StatementExtractor.build

    def spy(codebook, **kw):
        seen.update({c.id: c.examples for c in codebook.compiled_claims})
        return real_build(codebook, **kw)

    monkeypatch.setattr(build_module.StatementExtractor, "build", spy)
    build_corpus(raw_copy, codebook, out)
    assert text in seen[row["claim_id"]]             # the confirmed sentence is an example now
    assert store.path.exists() and len(store.history()) == 2    # the rebuild kept the file
    rebuilt = load_corpus(out)
    moved = rebuilt.sentences[(rebuilt.sentences["doc_id"] == row["doc_id"])
                              & (rebuilt.sentences["text"] == text)]
    assert int(moved["sentence_id"].iloc[0]) > int(row["sentence_id"])
    prep = prepare(rebuilt, store.decisions())
    mine = prep.statements[prep.statements["doc_id"] == row["doc_id"]]
    confirmed = mine[mine["review"] == "confirmed"]
    assert len(confirmed) == 1 and int(confirmed["sentence_id"].iloc[0]) == int(moved["sentence_id"].iloc[0])
    assert not ((mine["actor_id"] == other["actor_id"]) & (mine["claim_id"] == other["claim_id"])
                & (mine["stance"] == other["stance"]) & (mine["quote"] == other["quote"])).any()
