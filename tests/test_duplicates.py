"""Near-duplicates by content hash + MinHash/LSH (riwaya.pipeline.duplicates), checked against
the pairwise rule it replaced (PairwiseDuplicates) and in a real build."""

import itertools
import random
import subprocess
import sys

import pytest

import riwaya.pipeline.build
import riwaya.pipeline.duplicate_replay
from conftest import ROOT, SAMPLE_CODEBOOK, SAMPLE_RAW
from riwaya.pipeline.duplicates import DuplicateIndex, PairwiseDuplicates, is_near_copy, length_bucket, minhash
from riwaya.pipeline.store import load_corpus
from riwaya.text.normalize import normalize_form

DEV = ROOT.parent / "shared" / "corpus" / "dev"


def _bodies() -> dict[str, str]:
    """The sample's articles (and the dev corpus's when present), normalised."""
    paths = sorted(SAMPLE_RAW.glob("*.txt")) + sorted(DEV.glob("*.txt"))
    return {p.stem: normalize_form(p.read_text(encoding="utf-8")) for p in paths}


def _sentences(body: str) -> list[str]:
    return [s for s in body.split(".") if s.strip()]


def _near_copy(body: str, other: str) -> str:
    """The body with one sentence replaced by a sentence of about its length from ``other``."""
    parts = body.split(".")
    theirs = sorted(_sentences(other), key=len)
    replacement = theirs[len(theirs) // 2].strip()
    i = min(range(len(parts)), key=lambda k: abs(len(parts[k]) - len(replacement)))
    parts[i] = " " + replacement
    return ".".join(parts)


@pytest.fixture(scope="module")
def bodies():
    return _bodies()


def test_exact_copy_is_a_duplicate(bodies):
    index = DuplicateIndex()
    first, body = next(iter(bodies.items()))
    assert index.add(first, body) is None
    assert index.add("copy", body) == first


def test_near_copy_with_a_changed_sentence_is_a_duplicate(bodies):
    from rapidfuzz import fuzz

    names = sorted(bodies, key=lambda k: -len(bodies[k]))
    body, other = bodies[names[0]], bodies[names[1]]
    near = _near_copy(body, other)
    assert near != body and fuzz.ratio(body, near) >= 95   # really a near copy, not a byte copy
    index = DuplicateIndex()
    assert index.add(names[0], body) is None
    assert index.add("near", near) == names[0]


def test_distinct_articles_are_not_duplicates(bodies):
    index = DuplicateIndex()
    assert [index.add(k, v) for k, v in bodies.items()] == [None] * len(bodies)
    # an article sharing a third of its sentences with another is still its own
    names = list(bodies)
    a, b = _sentences(bodies[names[0]]), _sentences(bodies[names[1]])
    assert index.add("mix", ".".join(a[: len(a) // 3] + b)) is None


def _corpus_with_copies(bodies, seed):
    rng = random.Random(seed)
    names = list(bodies)
    docs = [(k, bodies[k]) for k in names]
    for n, k in enumerate(names[:8]):
        docs.append((f"{k}~copy", bodies[k]))
        other = bodies[names[(n + 1) % len(names)]]
        docs.append((f"{k}~near", _near_copy(bodies[k], other)))
        docs.append((f"{k}~credit", "وكالة سانا " + bodies[k] + " المصدر رويترز"))
    rng.shuffle(docs)
    return docs


def test_same_answers_as_the_pairwise_rule(bodies):
    for seed in range(3):
        docs = _corpus_with_copies(bodies, seed)
        new, old = DuplicateIndex(), PairwiseDuplicates()
        got = [new.add(k, v) for k, v in docs]
        assert got == [old.add(k, v) for k, v in docs]
        # copies were really there: each of the (up to 8) families has at least two
        assert sum(x is not None for x in got) >= 2 * min(8, len(bodies))


def test_what_is_marked_does_not_depend_on_the_order(bodies):
    """Whatever the order, each family of copies keeps exactly its first member unmarked."""
    docs = _corpus_with_copies(bodies, 0)
    family = {k: k.split("~")[0] for k, _ in docs}
    members: dict[str, list[str]] = {}
    for k, v in docs:
        members.setdefault(family[k], []).append(v)
    # only families whose members are all copies of each other by the rule (a near copy and
    # a credited copy of a short article can be more than one length bucket apart)
    clean = {f for f, vs in members.items()
             if all(is_near_copy(a, b) and abs(length_bucket(a) - length_bucket(b)) <= 1
                    for a, b in itertools.combinations(vs, 2))}
    # 5 sample articles alone (a clone without ../shared) leave fewer clean families
    assert sum(len(members[f]) > 1 for f in clean) >= (5 if DEV.is_dir() else 3)
    docs = [(k, v) for k, v in docs if family[k] in clean]
    marked_counts = set()
    for seed in range(4):
        random.Random(seed).shuffle(docs)
        index = DuplicateIndex()
        marked = {k for k, v in docs if index.add(k, v) is not None}
        first = {}
        for k, _ in docs:
            first.setdefault(family[k], k)
        assert marked == {k for k, _ in docs} - set(first.values())
        marked_counts.add(len(marked))
    assert len(marked_counts) == 1


def test_deterministic_in_another_process(bodies):
    """Fixed seed and SHA-1 shingle hashes: the same signature under another hash seed."""
    body = next(iter(bodies.values()))
    code = ("import sys; from riwaya.pipeline.duplicates import minhash; "
            "print([int(x) for x in minhash(sys.stdin.read()).hashvalues[:8]])")
    runs = {subprocess.run([sys.executable, "-c", code], input=body, capture_output=True, text=True,
                           cwd=ROOT, check=True, env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
                           ).stdout for seed in ("1", "2")}
    assert runs == {str([int(x) for x in minhash(body).hashvalues[:8]]) + "\n"}


def test_add_says_what_it_expected():
    with pytest.raises(TypeError, match="expected the body as str"):
        DuplicateIndex().add("a", b"bytes")


def test_sample_build_is_identical_with_the_pairwise_rule(tmp_path, monkeypatch):
    """The sample plus copies of its articles: every table the same as with the old check."""
    import shutil

    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    for n, p in enumerate(sorted(SAMPLE_RAW.glob("*.txt"))[:3]):
        text = p.read_text(encoding="utf-8")
        (raw / f"9{n}_copy.txt").write_text(text, encoding="utf-8")
        (raw / f"9{n}_credit.txt").write_text(text + "\nالمصدر: وكالة سانا\n", encoding="utf-8")
    riwaya.pipeline.build.build_corpus(raw, SAMPLE_CODEBOOK, tmp_path / "new")
    monkeypatch.setattr(riwaya.pipeline.duplicate_replay, "DuplicateIndex", PairwiseDuplicates)
    riwaya.pipeline.build.build_corpus(raw, SAMPLE_CODEBOOK, tmp_path / "old")
    new, old = load_corpus(tmp_path / "new"), load_corpus(tmp_path / "old")
    assert new.documents.duplicate_of.notna().sum() >= 6
    for name in ("documents", "sentences", "mentions", "statements", "places", "actors", "claims"):
        a, b = getattr(new, name), getattr(old, name)
        assert a.equals(b), name


def _edited(docs, rng):
    """``docs`` after removals (an original of a family among them), insertions (a copy of an
    earlier article among them) and changes (an article turned into a copy of another)."""
    old = docs[:-6]
    index = DuplicateIndex()
    answers = {k: index.add(k, v) for k, v in old}
    originals = sorted({a for a in answers.values() if a})
    new = [d for d in old if d[0] != rng.choice(originals)]
    for _ in range(2):
        new.pop(rng.randrange(len(new)))
    for k, v in docs[-6:] + [("0~early_copy", new[len(new) // 2][1])]:
        new.insert(rng.randrange(len(new) + 1) if k != "0~early_copy" else 0, (k, v))
    for _ in range(2):
        i, j = rng.sample(range(len(new)), 2)
        new[i] = (new[i][0], _near_copy(new[j][1], new[i][1]))
    return old, answers, new


@pytest.mark.parametrize("seed", range(6))
def test_few_changes_answer_as_a_full_build(bodies, seed):
    """FewChanges (an incremental build's check: the previous answers, adjusted for the documents
    processed again and those gone) answers as the index asked about every document."""
    from riwaya.pipeline.duplicate_replay import FewChanges
    from riwaya.pipeline.duplicates import BodyPrints, PrintsTable
    from riwaya.pipeline.incremental import ReusedDoc

    old, answers, new = _edited(_corpus_with_copies(bodies, seed), random.Random(seed))
    index = DuplicateIndex()
    expected = [index.add(k, v) for k, v in new]
    table = PrintsTable.of(old)
    where = {k: (i, v) for i, (k, v) in enumerate(old)}
    few = FewChanges(table)
    got = []
    for k, v in new:
        i, before = where.get(k, (None, None))
        if before == v:
            got.append(few.reused(k, ReusedDoc(i, {}, [], table.prints(i), table.body_of(i), answers[k])))
        else:
            got.append(few.fresh(k, v, BodyPrints.of(v)))
    assert got == expected
    # the edits changed answers of unchanged documents (else this would test little)
    assert any(answers[k] != e for (k, v), e in zip(new, expected) if where.get(k, (0, None))[1] == v)


def test_few_changes_says_what_it_expected():
    from riwaya.pipeline.duplicate_replay import FewChanges

    with pytest.raises(TypeError, match="expected a PrintsTable"):
        FewChanges([("a", "body")])
