"""The build uses camel-tools' NER model when a user has installed it (tiny BERT built here)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLE_CODEBOOK
from test_ner import build_tiny_bert, write_catalogue  # the tiny model of the NER tests


def _build(tmp_path: Path, data_dir: Path, *extra: str) -> dict:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    # "وزارة الدفاع" alone is no codebook alias: only the NER model can surface it
    (raw / "ner.txt").write_text("نشرت وزارة الدفاع عبر تويتر\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAMELTOOLS", "HF_"))}
    env.update(CAMELTOOLS_DATA=str(data_dir), HOME=str(tmp_path / "home"), HF_HUB_OFFLINE="1",
               TRANSFORMERS_OFFLINE="1")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "riwaya", "build", "--raw", str(raw), "--out", str(out),
                           "--codebook", str(SAMPLE_CODEBOOK), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    code = ("import json,sys; from riwaya.pipeline.store import load_corpus; c=load_corpus(sys.argv[1]); "
            "print(json.dumps({'mentions': c.mentions[['kind','entity_id','surface','method']].values.tolist(),"
            "'actors': c.actors.actor_id.tolist()}, ensure_ascii=False))")
    res = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    return json.loads(res.stdout)


def test_installed_model_surfaces_entities_the_codebook_lacks(tmp_path):
    data_dir = tmp_path / "ctdata"
    write_catalogue(data_dir)
    build_tiny_bert(data_dir / "data" / "ner" / "arabert")
    got = _build(tmp_path, data_dir)
    assert ["actor", "NER:وزاره الدفاع", "وزارة الدفاع", "ner"] in got["mentions"]
    assert "NER:وزاره الدفاع" in got["actors"]


def test_without_a_model_the_build_runs_on_the_codebook(tmp_path):
    (tmp_path / "empty").mkdir()
    got = _build(tmp_path, tmp_path / "empty")
    assert all(m[3] != "ner" for m in got["mentions"])
