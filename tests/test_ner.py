"""Optional NER: camel-tools' NERecognizer on a tiny BERT built here, offsets exact.

camel-tools fixes its data folder when ``camel_tools.data`` is first imported, and
downloads its catalogue if it is missing, so everything that imports it runs in a
subprocess with its own ``CAMELTOOLS_DATA`` and ``HOME`` and with sockets refused.

The tiny model is a real 2-layer BERT whose attention and feed-forward outputs are
zeroed, so each token's last hidden state is its (one-hot) embedding, normalised;
the classifier then gives chosen words chosen labels and every other word ``O``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from riwaya.errors import NERUnavailable
from riwaya.pipeline.ner import (
    Entity,
    camel_data_dir,
    default_model_path,
    load_ner,
    merge_bio,
    token_offsets,
)

CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]

# word -> label the tiny model gives it; every other word gets O
WORD_LABELS = {
    "ديلون": "I-PERS",         # alone it still starts a span
    "رايان": "B-PERS",
    "وزارة": "B-ORG",
    "الدفاع": "I-ORG",
    "البو": "B-LOC",
    "كمال": "I-LOC",
    "العراق": "B-LOC",
    "الرقة": "B-LOC",
    "تويتر": "B-MISC",
}
OTHER_WORDS = ["قال", "إن", "رتلا", "هرب", "من", "إلى", "في", "و", "الروسية", "نشرت", ".", ",",
               "،", "عبر", "الكولونيل"]

# text -> expected (label, surface) in order; offsets are computed from the text
CASES = [
    ("قال الكولونيل رايان ديلون إن رتلا هرب من البو كمال إلى العراق.",
     [("person", "رايان ديلون"), ("place", "البو كمال"), ("place", "العراق")]),
    ("نشرت وزارة الدفاع الروسية عبر تويتر",
     [("organisation", "وزارة الدفاع")]),
    ("في  الدفاع", [("organisation", "الدفاع")]),              # I- without B- starts a span
    ("هرب من الرقة،\nو قال ديلون", [("place", "الرقة"), ("person", "ديلون")]),
    ("قال \u200d ديلون ، العراق", [("person", "ديلون"), ("place", "العراق")]),  # ZWJ: no wordpiece
    ("غيرمعروف الرقة كلمةمجهولة ديلون", [("place", "الرقة"), ("person", "ديلون")]),  # [UNK]s
    ("", []),
    ("   \n ", []),
]


def build_tiny_bert(path: Path) -> None:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + list(WORD_LABELS) + OTHER_WORDS
    path.mkdir(parents=True)
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    hidden = 32
    assert len(vocab) <= hidden
    config = BertConfig(vocab_size=len(vocab), hidden_size=hidden, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=37, max_position_embeddings=300,
                        num_labels=len(CAMEL_LABELS),
                        id2label=dict(enumerate(CAMEL_LABELS)),
                        label2id={label: i for i, label in enumerate(CAMEL_LABELS)})
    model = BertForTokenClassification(config)
    with torch.no_grad():
        emb = model.bert.embeddings
        emb.word_embeddings.weight.copy_(torch.eye(len(vocab), hidden))
        emb.position_embeddings.weight.zero_()
        emb.token_type_embeddings.weight.zero_()
        for layer in model.bert.encoder.layer:
            layer.attention.output.dense.weight.zero_()
            layer.attention.output.dense.bias.zero_()
            layer.output.dense.weight.zero_()
            layer.output.dense.bias.zero_()
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[CAMEL_LABELS.index("O")] = 1.0
        for word, label in WORD_LABELS.items():
            model.classifier.weight[CAMEL_LABELS.index(label), vocab.index(word)] = 10.0
    model.save_pretrained(path)
    BertTokenizer(str(path / "vocab.txt"), do_lower_case=False, strip_accents=False,
                  tokenize_chinese_chars=False).save_pretrained(path)


def write_catalogue(data_dir: Path, model_rel: str = "ner/arabert") -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "catalogue.json").write_text(json.dumps({
        "version": "1.6", "packages": {},
        "components": {"NamedEntityRecognition": {
            "default": "arabert", "datasets": {"arabert": {"path": model_rel}}}},
    }), encoding="utf-8")


SCRIPT = r"""
import json, socket, sys
def refuse(self, address):
    raise AssertionError(f"network access attempted: {address}")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse

from riwaya.errors import NERUnavailable
from riwaya.pipeline.ner import load_ner

args = json.loads(sys.argv[1])
out = {}

def attempt(name, fn):
    try:
        out[name] = {"ok": fn()}
    except NERUnavailable as exc:
        out[name] = {"error": str(exc)}

def run(tagger):
    if tagger is None:
        return None
    return [[[e.label, e.start, e.end, e.surface] for e in tagger.entities(t)] for t in args["texts"]]

attempt("default", lambda: run(load_ner()))
if args.get("path"):
    attempt("explicit", lambda: run(load_ner(args["path"])))
attempt("camel_imported_before", lambda: "camel_tools.data" in sys.modules)
print(json.dumps(out, ensure_ascii=False))
"""


def run_in_subprocess(data_dir: Path, home: Path, model_path: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAMELTOOLS", "HF_"))}
    env.update(CAMELTOOLS_DATA=str(data_dir), HOME=str(home), HF_HUB_OFFLINE="1",
               TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(ROOT))
    args = {"texts": [text for text, _ in CASES], "path": str(model_path) if model_path else None}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(args)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """A camel data folder with a catalogue and the tiny model where it says."""
    base = tmp_path_factory.mktemp("camel")
    data_dir = base / "ctdata"
    write_catalogue(data_dir)
    build_tiny_bert(data_dir / "data" / "ner" / "arabert")
    return run_in_subprocess(data_dir, base / "home", data_dir / "data" / "ner" / "arabert")


@pytest.fixture(scope="module")
def not_installed(tmp_path_factory) -> dict:
    """An empty camel data folder; a valid model elsewhere."""
    base = tmp_path_factory.mktemp("nocamel")
    build_tiny_bert(base / "model")
    (base / "ctdata").mkdir()
    return run_in_subprocess(base / "ctdata", base / "home", base / "model")


def expected_entities(text: str, expected: list[tuple[str, str]]) -> list[list]:
    out, cursor = [], 0
    for label, surface in expected:
        start = text.index(surface, cursor)
        out.append([label, start, start + len(surface), surface])
        cursor = start + len(surface)
    return out


@pytest.mark.parametrize("case", range(len(CASES)))
@pytest.mark.parametrize("how", ["default", "explicit"])
def test_entities_with_exact_offsets(installed, how, case):
    text, expected = CASES[case]
    got = installed[how]["ok"][case]
    assert got == expected_entities(text, expected)
    for label, start, end, surface in got:
        assert text[start:end] == surface


def test_not_installed_returns_none_without_importing_camel(not_installed):
    assert not_installed["default"] == {"ok": None}
    assert not_installed["camel_imported_before"] == {"ok": False}


def test_model_without_catalogue_refuses_instead_of_downloading(not_installed):
    error = not_installed["explicit"]["error"]
    assert "catalogue" in error and "would download it" in error
    assert "camel_data -i ner-arabert" in error


# ------------------------------------------------------------------- in-process, no camel import

@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing", "does not exist"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "no config.json, vocab.txt"),
    (lambda p: (p / "f.txt").write_text("x") and p / "f.txt", "does not exist"),
])
def test_bad_model_path(tmp_path, make, message):
    with pytest.raises(NERUnavailable, match=message) as info:
        load_ner(make(tmp_path))
    assert "camel_data -i ner-arabert" in str(info.value)


def test_load_ner_type_check():
    with pytest.raises(TypeError, match="Expected str or Path"):
        load_ner(42)


@pytest.mark.parametrize("catalogue, model_files, found", [
    (None, False, False),                                           # nothing installed
    ("{broken", False, False),                                      # unreadable catalogue
    (json.dumps({"components": {}}), False, False),                 # no NER component
    ("ok", False, False),                                           # catalogue, no model
    ("ok", True, True),
])
def test_default_model_path(tmp_path, monkeypatch, catalogue, model_files, found):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert camel_data_dir() == tmp_path
    if catalogue == "ok":
        write_catalogue(tmp_path)
    elif catalogue is not None:
        (tmp_path / "catalogue.json").write_text(catalogue)
    if model_files:
        model = tmp_path / "data" / "ner" / "arabert"
        model.mkdir(parents=True)
        (model / "config.json").write_text("{}")
    result = default_model_path()
    assert (result == tmp_path / "data" / "ner" / "arabert") if found else result is None
    if not found:
        assert load_ner() is None


@pytest.mark.parametrize("tags, spans", [
    (["O", "B-PERS", "I-PERS", "O"], [("PERS", 1, 3)]),
    (["B-LOC", "B-LOC"], [("LOC", 0, 1), ("LOC", 1, 2)]),
    (["I-ORG", "I-ORG", "O"], [("ORG", 0, 2)]),
    (["B-LOC", "I-ORG"], [("LOC", 0, 1), ("ORG", 1, 2)]),
    (["O", "O"], []),
    ([], []),
])
def test_merge_bio(tags, spans):
    assert merge_bio(tags) == spans


@pytest.mark.parametrize("text, tokens", [
    ("قال ديلون، العراق.", [("قال", 0, 3), ("ديلون", 4, 9), ("،", 9, 10), ("العراق", 11, 17),
                             (".", 17, 18)]),
    ("  البو   كمال ", [("البو", 2, 6), ("كمال", 9, 13)]),
    ("", []),
])
def test_token_offsets(text, tokens):
    assert token_offsets(text) == tokens
    for token, start, end in tokens:
        assert text[start:end] == token


def test_entity_is_frozen():
    entity = Entity("place", 0, 5, "الرقة")
    with pytest.raises(AttributeError):
        entity.start = 1


def test_ner_module_imports_no_camel_ner():
    code = "import sys, riwaya.pipeline.ner; print('camel_tools.ner' in sys.modules, 'torch' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.stdout.split() == ["False", "False"], proc.stderr


# ------------------------------------------------------------------- the tagger on a stand-in model

class FakeTokenizer:
    def tokenize(self, word):
        return [] if word == "\u200d" else [word]


class FakeRecognizer:
    """Labels words from a table, like camel's NERecognizer.predict (one list per sentence)."""

    tokenizer = FakeTokenizer()

    def __init__(self, table):
        self.table, self.calls = table, []

    def predict(self, sentences, batch_size=32):
        self.calls.append(sentences)
        return [[self.table.get(w, "O") for w in words] for words in sentences]


@pytest.mark.parametrize("text, keep_misc, expected", [
    ("قال رايان ديلون في الرقة.", False, [("person", "رايان ديلون"), ("place", "الرقة")]),
    ("نشرت تويتر عن الرقة", False, [("place", "الرقة")]),
    ("نشرت تويتر عن الرقة", True, [("misc", "تويتر"), ("place", "الرقة")]),
    ("الرقة. الرقة", False, [("place", "الرقة"), ("place", "الرقة")]),   # two sentences
])
def test_tagger_on_stand_in(text, keep_misc, expected):
    from riwaya.pipeline.ner import NamedEntityTagger

    fake = FakeRecognizer({**WORD_LABELS, "رايان": "B-PERS", "ديلون": "I-PERS"})
    tagger = NamedEntityTagger(fake, keep_misc=keep_misc)
    got = [[e.label, e.start, e.end, e.surface] for e in tagger.entities(text)]
    assert got == expected_entities(text, expected)


def test_sentences_are_tagged_separately():
    from riwaya.pipeline.ner import NamedEntityTagger

    fake = FakeRecognizer({})
    NamedEntityTagger(fake).entities("قال ديلون. هرب رتل؟ و \u200d العراق")
    assert fake.calls == [[["قال", "ديلون", "."], ["هرب", "رتل", "؟"], ["و", "العراق"]]]


@pytest.mark.parametrize("text, expected", [
    ("قال رايان ديلون إن رتلا هرب من البو كمال",
     [("actor", "NER:رايان ديلون", "رايان ديلون", 1, 3), ("place", "NER:البو كمال", "البو كمال", 7, 9)]),
    ("وزارة الدفاع", [("actor", "NER:وزاره الدفاع", "وزارة الدفاع", 0, 2)]),
])
def test_mentions_for_the_build(text, expected):
    from riwaya.text.matcher import NormText
    from riwaya.pipeline.ner import NamedEntityTagger

    fake = FakeRecognizer({**WORD_LABELS, "رايان": "B-PERS", "ديلون": "I-PERS"})
    norm = NormText.of(text)
    got = NamedEntityTagger(fake).mentions(norm)
    assert [(m.kind, m.entity_id, m.surface, m.first_token, m.last_token) for m in got] == expected
    for m in got:
        assert (m.method, text[m.start:m.end]) == ("ner", m.surface)
        assert norm.tokens[m.first_token].start == m.start
        assert norm.tokens[m.last_token - 1].end == m.end
