"""The whole pipeline on real files, written to and read back from real Parquet/DuckDB."""

import json
import shutil
import subprocess
import sys

import pytest

import riwaya.pipeline.store
from conftest import ROOT
from riwaya.cli import TqdmProgress, main as cli_main
from riwaya.errors import CodebookError, MetadataError
from riwaya.pipeline.build import build_corpus, corpus_is_stale
from riwaya.pipeline.store import load_corpus, query, read_manifest

ARTICLE = ("وقال المتحدث باسم التحالف الكولونيل رايان ديلون إن الصور التي نشرتها وزارة الدفاع الروسية "
           "مأخوذة من لعبة فيديو.\nوأكد ديلون أن التحالف لم يكن طرفا في أي صفقة مع داعش في الرقة.\n")


def test_sample_build_writes_every_table(sample_build):
    out, report = sample_build.out, sample_build.report
    assert report.documents == 5 and not report.skipped
    counts = query(out, "SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM sentences) s, "
                        "(SELECT count(*) FROM statements) st, (SELECT count(*) FROM places) p")
    assert counts.iloc[0].tolist() == [5, report.sentences, report.statements, report.places]
    corpus = load_corpus(out)
    # every offset maps into documents.text: quotes, sentences and mentions are verbatim
    texts = dict(zip(corpus.documents.doc_id, corpus.documents.text))
    for table in (corpus.sentences, corpus.mentions):
        col = "text" if "text" in table else "surface"
        for row in table.itertuples():
            assert texts[row.doc_id][row.start:row.end] == getattr(row, col)
    for st in corpus.statements.itertuples():
        assert texts[st.doc_id][st.start:st.end] == st.quote
        assert st.start <= st.cue_start < st.cue_end <= st.end, st   # the highlight is in the quote
        assert texts[st.doc_id][st.cue_start:st.cue_end] in st.cue
    # every place on the map has coordinates
    assert corpus.places[["lat", "lon"]].notna().all().all()
    # 001 carries its body twice: collapsed
    doc = corpus.documents.set_index("doc_id").loc["001_7a61912e591ad750"]
    assert doc.text.count("وقالت وزارة الدفاع الروسية أمس الثلاثاء") == 1
    assert "repeated paragraph" in doc.removed
    # sources detected from the text
    sources = dict(zip(corpus.documents.doc_id, corpus.documents.source))
    assert sources["003_5ebe06736b7b5b94"] == "SANA" and sources["004_13bec49e8167a521"] == "Newsweek"


def test_bad_files_are_skipped_with_reasons_and_cp1256_is_decoded(raw_copy, codebook_copy, tmp_path):
    (raw_copy / "empty.txt").write_bytes(b"")
    (raw_copy / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    (raw_copy / "windows.txt").write_bytes(ARTICLE.encode("cp1256"))
    (raw_copy / "huge.txt").write_bytes(b"a" * (6 * 1024 * 1024))
    report = build_corpus(raw_copy, codebook_copy, tmp_path / "out")
    skipped = dict(report.skipped)
    assert skipped["empty.txt"] == "is empty"
    assert skipped["photo.jpg"] == "not an article file: .jpg; an image"
    assert "limit" in skipped["huge.txt"]
    corpus = load_corpus(tmp_path / "out")
    doc = corpus.documents.set_index("doc_id").loc["windows"]
    assert doc.encoding == "cp1256" and doc.text == ARTICLE.strip()
    got = corpus.statements[corpus.statements.doc_id == "windows"]
    assert set(zip(got.actor_id, got.claim_id, got.stance)) == {
        ("DILLON", "VIDEO_GAME", "asserts"), ("DILLON", "COALITION_PARTY_TO_DEAL", "denies")}


def test_bad_codebook_leaves_the_previous_corpus(raw_copy, codebook_copy, tmp_path):
    out = tmp_path / "out"
    build_corpus(raw_copy, codebook_copy, out)
    before = read_manifest(out)
    (codebook_copy / "claims.jsonl").write_text('{"id": "X"}\n', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"claims.jsonl, line 1, field 'statement_en'"):
        build_corpus(raw_copy, codebook_copy, out)
    assert read_manifest(out) == before
    assert len(load_corpus(out).documents) == 5


def test_crash_while_writing_leaves_the_previous_corpus(raw_copy, codebook_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_corpus(raw_copy, codebook_copy, out)
    before = read_manifest(out)
    (raw_copy / "new.txt").write_text(ARTICLE, encoding="utf-8")
    calls = {"n": 0}
    real = riwaya.pipeline.store.pq.write_table

    def crash(table, where, *a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(table, where, *a, **k)

    monkeypatch.setattr(riwaya.pipeline.store.pq, "write_table", crash)
    with pytest.raises(OSError, match="disk full"):
        build_corpus(raw_copy, codebook_copy, out)
    assert read_manifest(out) == before
    assert len(load_corpus(out).documents) == 5
    assert not list(out.glob(".building-*"))
    monkeypatch.setattr(riwaya.pipeline.store.pq, "write_table", real)
    build_corpus(raw_copy, codebook_copy, out)
    assert len(load_corpus(out).documents) == 6
    assert len(list(out.glob("build-*"))) <= 2  # old builds are pruned


def test_bad_metadata_cell_is_a_warning_naming_file_line_and_column(raw_copy, codebook_copy,
                                                                     tmp_path):
    (raw_copy / "metadata.csv").write_text("file,source,date\n000_54f79f58a69dbdb0.txt,X,2017-11-14\n"
                                      "001_7a61912e591ad750.txt,Y,14 Nov\n", encoding="utf-8")
    report = build_corpus(raw_copy, codebook_copy, tmp_path / "out")   # one odd cell: no stop
    [warning] = [w for w in report.warnings if "metadata.csv" in w]
    assert "metadata.csv, line 3, column 'date': '14 Nov' is not a date" in warning
    assert "Accepted: 2017-11-14" in warning
    dates = load_corpus(tmp_path / "out").documents.set_index("doc_id").date
    assert dates["000_54f79f58a69dbdb0"] == "2017-11-14" and dates.isna()["001_7a61912e591ad750"]


def test_metadata_without_file_column_stops_the_build(raw_copy, codebook_copy, tmp_path):
    (raw_copy / "metadata.csv").write_text("name,source\nx.txt,X\n", encoding="utf-8")
    with pytest.raises(MetadataError, match=r"metadata.csv, line 1: needs a header row with a 'file'"):
        build_corpus(raw_copy, codebook_copy, tmp_path / "out")


def test_metadata_overrides_detection(raw_copy, codebook_copy, tmp_path):
    (raw_copy / "metadata.csv").write_text(
        "file,source,url,date,language,title\n"
        "003_5ebe06736b7b5b94.txt,SANA (sana.sy),https://sana.sy/x,2017-11-15,ar,\n", encoding="utf-8")
    build_corpus(raw_copy, codebook_copy, tmp_path / "out")
    doc = load_corpus(tmp_path / "out").documents.set_index("doc_id").loc["003_5ebe06736b7b5b94"]
    assert (doc.source, doc.source_basis, doc.date, doc.url) == (
        "SANA (sana.sy)", "metadata", "2017-11-15", "https://sana.sy/x")
    assert doc.title.startswith("بالصور")   # the headline still comes from the text


def test_no_network_is_touched(raw_copy, codebook_copy, tmp_path, no_network):
    report = build_corpus(raw_copy, codebook_copy, tmp_path / "out")
    assert report.documents == 5 and no_network == []


def test_stale_detection(raw_copy, codebook_copy, tmp_path):
    out = tmp_path / "out"
    assert corpus_is_stale(raw_copy, codebook_copy, out)
    build_corpus(raw_copy, codebook_copy, out)
    assert not corpus_is_stale(raw_copy, codebook_copy, out)
    (raw_copy / "new.txt").write_text(ARTICLE, encoding="utf-8")
    assert corpus_is_stale(raw_copy, codebook_copy, out)
    build_corpus(raw_copy, codebook_copy, out)
    with open(codebook_copy / "actors.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"id": "NEW", "name_en": "New", "kind": "person", "aliases": ["فلان الفلاني"]}\n')
    assert corpus_is_stale(raw_copy, codebook_copy, out)


def test_an_edit_made_while_the_build_reads_its_inputs_leaves_the_corpus_stale(
        raw_copy, codebook_copy, tmp_path, monkeypatch):
    """A codebook saved (in the dashboard) after the build has read the codebook but before it
    publishes must not be taken as built: the corpus stays stale, so it is built again."""
    import riwaya.pipeline.build as build

    read = build.load_codebook

    def read_then_edit(folder):
        codebook = read(folder)
        with open(codebook_copy / "actors.jsonl", "a", encoding="utf-8") as fh:
            fh.write('{"id": "NEW", "name_en": "New", "kind": "person", "aliases": ["فلان الفلاني"]}\n')
        return codebook

    monkeypatch.setattr(build, "load_codebook", read_then_edit)
    out = tmp_path / "out"
    build_corpus(raw_copy, codebook_copy, out)
    assert corpus_is_stale(raw_copy, codebook_copy, out)


def test_the_build_after_an_edit_made_during_a_build_uses_the_edit(
        raw_copy, codebook_copy, tmp_path, monkeypatch):
    """The next build must not reuse the documents of a build that did not read the edit: their
    processing version is the codebook the build read, not the one on disk when it finished
    (it was: the dashboard's rebuild reused every document and the new actor never appeared)."""
    import riwaya.pipeline.build as build

    read = build.load_codebook

    def read_then_edit(folder):
        codebook = read(folder)
        with open(codebook_copy / "actors.jsonl", "a", encoding="utf-8") as fh:
            fh.write('{"id": "VIDEO_MAKERS", "name_en": "Video makers", "kind": "organisation", '
                     '"aliases": ["الفيديو"]}\n')
        monkeypatch.setattr(build, "load_codebook", read)   # once
        return codebook

    monkeypatch.setattr(build, "load_codebook", read_then_edit)
    out = tmp_path / "out"
    build_corpus(raw_copy, codebook_copy, out)
    assert "VIDEO_MAKERS" not in set(load_corpus(out).mentions.entity_id)
    report = build_corpus(raw_copy, codebook_copy, out)
    assert report.reused == 0
    assert "VIDEO_MAKERS" in set(load_corpus(out).mentions.entity_id)
    assert not corpus_is_stale(raw_copy, codebook_copy, out)


def test_duplicate_documents_are_marked(raw_copy, codebook_copy, tmp_path):
    shutil.copy(raw_copy / "003_5ebe06736b7b5b94.txt", raw_copy / "005_copy.txt")
    report = build_corpus(raw_copy, codebook_copy, tmp_path / "out")
    assert ("005_copy", "003_5ebe06736b7b5b94") in report.duplicates
    docs = load_corpus(tmp_path / "out").documents.set_index("doc_id")
    assert docs.loc["005_copy"].duplicate_of == "003_5ebe06736b7b5b94"


def test_progress_is_one_callback_drawn_by_the_cli_with_tqdm(raw_copy, codebook_copy, tmp_path,
                                                            capsys):
    calls = []
    build_corpus(raw_copy, codebook_copy, tmp_path / "out", progress=lambda *a: calls.append(a))
    assert [c[0] for c in calls] == [0, 1, 2, 3, 4, 5] and {c[1] for c in calls} == {5}
    assert calls[-1][2] == "writing"
    bar = TqdmProgress()
    for done in range(21):
        bar(done, 20, "x")
    bar.close()
    assert "building: 100%" in capsys.readouterr().err and bar.bar.n == 20


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "riwaya", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_cli_build_and_info(raw_copy, codebook_copy, tmp_path):
    (raw_copy / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    res = _cli("build", "--raw", raw_copy, "--codebook", codebook_copy, "--out", out)
    assert res.returncode == 0, res.stderr
    assert "documents   5" in res.stdout and "empty.txt: is empty" in res.stdout
    res = _cli("build", "--raw", raw_copy, "--codebook", codebook_copy, "--out", out, "--json")
    summary = json.loads(res.stdout)
    assert summary["documents"] == 5 and summary["skipped"] == [["empty.txt", "is empty"]]
    res = _cli("info", "--out", out)
    assert res.returncode == 0 and "statements" in res.stdout


@pytest.mark.parametrize("args, message", [
    (("build", "--raw", "/nonexistent/raw"), "raw folder not found"),
    (("build", "--codebook", "/nonexistent/cb"), "codebook folder not found"),
    (("info", "--out", "/nonexistent/out"), "No processed corpus in /nonexistent/out"),
    (("evaluate", "--golden", "/nonexistent/golden"), "/nonexistent/golden: golden folder not found"),
    (("check-codebook", "--codebook", "/nonexistent/cb"), "codebook folder not found"),
])
def test_cli_errors_are_clear(args, message):
    res = _cli(*args)
    assert res.returncode == 2
    assert message in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("variable, command, message", [
    ("RIWAYA_CODEBOOK", ["check-codebook"], "codebook folder not found"),
    ("RIWAYA_PROCESSED", ["info"], "No processed corpus in"),
    ("RIWAYA_GOLDEN", ["evaluate"], "golden folder not found"),
])
def test_cli_defaults_come_from_the_environment(monkeypatch, capsys, tmp_path, variable, command,
                                                message):
    """riwaya/config.py: the command line's default folders follow RIWAYA_* variables."""
    monkeypatch.setenv(variable, str(tmp_path / "elsewhere"))
    assert cli_main(command) == 2
    err = capsys.readouterr().err
    assert message in err and str(tmp_path / "elsewhere") in err


def test_cli_help_lists_commands():
    res = _cli("--help")
    for command in ("build", "check-codebook", "evaluate", "info"):
        assert command in res.stdout
    res = _cli("build", "--help")
    for option in ("--raw", "--codebook", "--out", "--geocode-online", "--ner-model"):
        assert option in res.stdout


def _codebook_with_uncharted_place(codebook_copy):
    with open(codebook_copy / "places.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"id": "TANF", "name_en": "Al-Tanf", "name_ar": "التنف", "kind": "base"}\n')


@pytest.mark.online_local
def test_geocode_online_asks_nominatim_for_what_is_offline_unknown(raw_copy, codebook_copy, tmp_path,
                                                                   monkeypatch, fake_nominatim):
    monkeypatch.setenv("RIWAYA_NOMINATIM_URL", fake_nominatim.url)
    monkeypatch.delenv("RIWAYA_CACHE", raising=False)
    _codebook_with_uncharted_place(codebook_copy)
    (raw_copy / "tanf.txt").write_text("وقال التحالف إن قاعدة التنف آمنة.\n", encoding="utf-8")
    out = tmp_path / "data" / "processed"
    offline = build_corpus(raw_copy, codebook_copy, out)
    assert offline.places_without_coordinates == ["Al-Tanf"] and fake_nominatim.log == []
    build_corpus(raw_copy, codebook_copy, out, geocode_online=True)
    places = load_corpus(out).places.set_index("entity_id")
    assert places.loc["TANF"].geocoder == "nominatim"
    assert (round(places.loc["TANF"].lat, 2), round(places.loc["TANF"].lon, 2)) == (33.5, 38.63)
    assert [r["q"] for r in fake_nominatim.log] == ["التنف"]
    assert (tmp_path / "data" / "cache" / "geocode.json").exists()  # cached beside the corpus
    build_corpus(raw_copy, codebook_copy, out, geocode_online=True)
    assert len(fake_nominatim.log) == 1  # the second build asks nobody
    monkeypatch.setenv("RIWAYA_CACHE", str(tmp_path / "elsewhere"))
    build_corpus(raw_copy, codebook_copy, out, geocode_online=True)
    assert len(fake_nominatim.log) == 2  # RIWAYA_CACHE names another cache: asked again there
    assert (tmp_path / "elsewhere" / "geocode.json").exists()
