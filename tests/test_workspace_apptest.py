"""Workspaces, Add articles and Codebook pages through Streamlit's AppTest (issue 11).

A temporary workspaces folder (``RIWAYA_WORKSPACES``) and corpus folders: nothing is written
into ``data/``. Builds are the real pipeline only where a test says so; elsewhere a fake build
writes the synthetic fixture corpus (tests/fixture_corpus.py), as tests/test_apptest.py does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixture_corpus import write_fixture
from tests.apptest_support import open_page

MATRIX, ADD, CODEBOOK = "pages/2_Actors_x_claims.py", "pages/8_Add_articles.py", "pages/9_Codebook.py"
TIMEOUT = 90


@pytest.fixture
def spaces(tmp_path, monkeypatch) -> dict[str, Path]:
    """The sample = the synthetic fixture corpus (no raw articles); an empty workspaces folder."""
    sample = tmp_path / "sample-processed"
    write_fixture(sample)
    monkeypatch.setenv("RIWAYA_PROCESSED", str(sample))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "no-raw"))
    monkeypatch.setenv("RIWAYA_WORKSPACES", str(tmp_path / "workspaces"))
    return {"sample": sample, "root": tmp_path / "workspaces"}


def run(page: str | None = None, query: dict | None = None) -> AppTest:
    return open_page(page, query, timeout=TIMEOUT)  # builds and saves take longer


def texts(at: AppTest, kind: str) -> str:
    return " ".join(el.value for el in at.get(kind)).replace("\\", "")


def test_new_workspace_is_created_and_named_in_the_url(spaces):
    at = run()
    assert at.selectbox(key="workspace").value == "sample"
    at.text_input(key="workspace_new_name").input("flood")
    at.button(key="workspace_new_create").click().run()
    assert not at.exception
    assert at.selectbox(key="workspace").value == "flood"
    assert at.query_params["ws"] in ("flood", ["flood"])
    assert (spaces["root"] / "flood" / "codebook" / "actors.jsonl").exists()
    assert not [m.value for m in at.metric]   # its corpus is empty: no sample figures shown


@pytest.mark.parametrize("name, message", [
    ("sample", "the sample"),
    ("../x", "only letters, digits"),
    ("", "needs a name"),
])
def test_a_bad_workspace_name_is_refused_with_a_message(spaces, name, message):
    at = run()
    at.text_input(key="workspace_new_name").input(name)
    at.button(key="workspace_new_create").click().run()
    assert message in texts(at, "error").replace("\\", "")
    assert at.selectbox(key="workspace").value == "sample"
    assert not spaces["root"].exists() or not any(p.name != "sample" for p in spaces["root"].iterdir())


def test_the_url_chooses_the_workspace_and_its_corpus(spaces):
    from riwaya.workspace import create_workspace

    ws = create_workspace("other")
    write_fixture(ws.processed, suggestions=True)   # one article more than the sample's
    sample = [m.value for m in run().metric]
    other = run(None, {"ws": "other"})
    assert other.selectbox(key="workspace").value == "other"
    assert [m.value for m in other.metric][0] == str(int(sample[0]) + 1)
    # a link to another page keeps the workspace
    matrix = run(MATRIX, {"ws": "other"})
    assert matrix.query_params["ws"] in ("other", ["other"])
    assert matrix.selectbox(key="workspace").value == "other"
    # an unknown name falls back to the sample
    assert run(None, {"ws": "nosuch"}).selectbox(key="workspace").value == "sample"


def test_every_page_starts_the_rebuild_when_articles_were_added(spaces, monkeypatch):
    """Fresh everywhere: a page other than Overview notices new articles and rebuilds in the
    background; the page reruns on the new corpus when the build ends."""
    from riwaya.pipeline import build, freshness
    from riwaya.workspace import create_workspace

    from components import build_ui

    ws = create_workspace("fresh")
    write_fixture(ws.processed)
    calls = []

    def fake_build(raw_dir, codebook_dir, out_dir, *, progress=None, **_):
        progress(1, 1, "a.txt")
        calls.append(Path(out_dir))
        write_fixture(out_dir, suggestions=True)
        return "built"

    monkeypatch.setenv("RIWAYA_BUILD_IN", "thread")  # the stand-in build runs where it is seen
    monkeypatch.setattr(build, "build_corpus", fake_build)
    monkeypatch.setattr(freshness, "corpus_is_stale", lambda raw, *a: any(Path(raw).glob("*.txt"))
                        and not calls)
    at = run(MATRIX, {"ws": "fresh"})
    assert calls == []                              # nothing changed: no build
    (ws.raw / "a.txt").write_text("قال المتحدث إن الخبر صحيح.", encoding="utf-8")
    at.run()
    job = build_ui.jobs().current(ws.paths)
    assert job is not None
    job.wait(30)
    assert calls == [ws.processed]
    at.run()
    assert not at.exception
    assert "4 articles" in texts(run(ADD, {"ws": "fresh"}), "caption")


def test_add_articles_page_runs_for_a_new_workspace(spaces):
    from riwaya.workspace import create_workspace

    create_workspace("empty")
    at = run(ADD, {"ws": "empty"})
    assert "empty" in texts(at, "caption")
    assert at.button(key="upload_add").disabled      # nothing chosen yet


def test_codebook_page_adds_an_actor_and_shows_field_errors(spaces, builds):
    from riwaya.codebook import load_codebook
    from riwaya.workspace import create_workspace

    ws = create_workspace("book")
    before = (ws.codebook / "actors.jsonl").read_text(encoding="utf-8")
    at = run(CODEBOOK, {"ws": "book"})
    # invalid: no English name, no alias, a bad id
    at.text_input(key="cb_actor_id").input("bad id")
    at.button(key="cb_actor_save").click().run()
    errors = [e.value for e in at.error]
    assert len(errors) >= 2, errors
    assert (ws.codebook / "actors.jsonl").read_text(encoding="utf-8") == before   # nothing lost
    # valid
    at.text_input(key="cb_actor_id").input("")
    at.text_input(key="cb_actor_name_en").input("Water Authority")
    at.text_input(key="cb_actor_name_ar").input("هيئة المياه")
    at.text_area(key="cb_actor_aliases").input("هيئة المياه\nالهيئة العامة للمياه")
    at.selectbox(key="cb_actor_kind").set_value("organisation")
    at.button(key="cb_actor_save").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert "WATER_AUTHORITY" in texts(at, "success")
    actors = {a.id: a for a in load_codebook(ws.codebook).actors}
    assert actors["WATER_AUTHORITY"].aliases == ["هيئة المياه", "الهيئة العامة للمياه"]
    assert at.selectbox(key="cb_actor_pick").value == "WATER_AUTHORITY"   # the form shows it
    assert builds == [ws.paths]   # one rebuild, for the valid save only


def test_codebook_page_saves_a_claim_with_examples_and_a_fact_check(spaces, builds):
    from riwaya.codebook import load_codebook
    from riwaya.workspace import create_workspace

    ws = create_workspace("claims")
    at = run(CODEBOOK, {"ws": "claims", "edit": "claim"})
    at.text_input(key="cb_claim_statement_en").input("The dam is about to collapse.")
    at.text_input(key="cb_claim_label_en").input("Dam about to collapse")
    at.text_area(key="cb_claim_examples").input("السد على وشك الانهيار\nجدران السد تتشقق وقد تنهار")
    at.selectbox(key="cb_claim_fc_verdict").set_value("false")
    at.text_input(key="cb_claim_fc_url").input("javascript:alert(1)")
    at.button(key="cb_claim_save").click().run()
    # the fact-check has no summary and a bad link: both named under their fields, nothing saved
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "summary" in errors and "http" in errors, errors
    assert not load_codebook(ws.codebook).claims
    at.text_input(key="cb_claim_fc_url").input("https://example.org/debunk")
    at.text_area(key="cb_claim_fc_summary").input("Engineers inspected it on the same day.")
    at.button(key="cb_claim_save").click().run()
    assert not at.error, [e.value for e in at.error]
    (claim,) = load_codebook(ws.codebook).claims
    assert claim.examples == ["السد على وشك الانهيار", "جدران السد تتشقق وقد تنهار"]
    assert claim.fact_check.verdict == "false" and claim.fact_check.url == "https://example.org/debunk"


def _upload_script(sizes: dict) -> None:
    """An AppTest script: what the Add articles button does with the uploaded files ``sizes``
    ({name: bytes}), then the report (the uploader itself cannot be driven by AppTest)."""
    import streamlit as st

    from components import upload
    from riwaya.workspace import get_workspace

    class Uploaded:   # what st.file_uploader returns: a name and the bytes
        def __init__(self, name: str, data: bytes) -> None:
            self.name, self._data = name, data

        def getvalue(self) -> bytes:
            return self._data

    ws = get_workspace("up")
    st.session_state[f"upload_files_{st.session_state.get(upload.ROUND, 0)}"] = [
        Uploaded(name, data) for name, data in sizes.items()]
    upload._add(ws, {})
    upload.show_report(ws)


@pytest.fixture
def builds(monkeypatch) -> list:
    """The rebuilds the page asked for (none is run)."""
    from components import build_ui

    started = []
    monkeypatch.setattr(build_ui, "start", started.append)
    return started


def test_an_upload_over_100_mb_is_refused_whole_and_nothing_is_lost(spaces, builds):
    from riwaya.upload import MAX_UPLOAD_BYTES
    from riwaya.workspace import create_workspace

    ws = create_workspace("up")
    (ws.raw / "old.txt").write_text("قال المتحدث إن الخبر صحيح.", encoding="utf-8")
    files = {"big.txt": b"a" * (MAX_UPLOAD_BYTES + 1), "small.txt": "خبر قصير.".encode()}
    at = AppTest.from_function(_upload_script, args=(files,), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "100" in texts(at, "error") and "MB" in texts(at, "error")
    assert "Nothing was added" in texts(at, "caption")
    assert sorted(p.name for p in ws.raw.iterdir()) == ["old.txt"]
    assert builds == []


def test_an_upload_reports_each_file(spaces, builds):
    from riwaya.workspace import create_workspace

    ws = create_workspace("up")
    files = {"a.txt": "أكدت هيئة المياه أن السد على وشك الانهيار.".encode(),
             "a-again.txt": "أكدت هيئة المياه أن السد على وشك الانهيار.".encode(),
             "empty.txt": b"", "scan.pdf": b"%PDF-1.4 not really"}
    at = AppTest.from_function(_upload_script, args=(files,), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    (table,) = at.table
    rows = {name: row for name, row in table.value.iterrows()}
    assert rows["a.txt"]["Result"] == "added as a"
    assert rows["a-again.txt"]["Result"].startswith("duplicate of a")
    for name in ("empty.txt", "scan.pdf"):   # skipped, and why
        assert rows[name]["Result"].startswith("skipped: ") and len(rows[name]["Result"]) > 15
    assert "1 added" in texts(at, "success")
    assert builds == [ws.paths]   # the rebuild follows


def test_a_suggested_speaker_opens_the_actor_form_filled_in(spaces, builds):
    from riwaya.workspace import create_workspace

    ws = create_workspace("suggest", copy_from=None)
    write_fixture(ws.processed, suggestions=True)   # named speaker "UNK:إيغور كوناشينكوف" (RU_MOD)
    at = run(CODEBOOK, {"ws": "suggest", "edit": "suggest"})
    labels = [m.value.replace("\\", "") for m in at.markdown if "statement" in m.value]
    assert any("كوناشينكوف" in label for label in labels), labels
    at.button(key="cb_sugg_actor_0").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="cb_section").value == "actor"
    assert at.selectbox(key="cb_actor_pick").value == ""          # a new actor …
    name_ar = at.text_input(key="cb_actor_name_ar").value         # … filled from the suggestion
    assert name_ar and name_ar in labels[0]
    assert at.text_area(key="cb_actor_aliases").value.strip()


def test_the_matrix_evidence_card_shows_the_claims_fact_check(spaces):
    import shutil

    from riwaya.workspace import create_workspace

    ws = create_workspace("checked", copy_from="sample")   # the sample's codebook: VIDEO_GAME has one
    shutil.rmtree(ws.raw)
    ws.raw.mkdir()                                         # no articles: nothing to rebuild
    write_fixture(ws.processed)
    at = run(MATRIX, {"ws": "checked", "cell": "US_DOD|VIDEO_GAME"})
    html = "\n".join(el.proto.body for el in at.get("html"))
    assert "riwaya-factcheck" in html and "AC-130" in html
    at = run(MATRIX, {"ws": "checked", "cell": "DILLON|COALITION_PARTY_TO_DEAL"})
    assert "riwaya-factcheck" not in "\n".join(el.proto.body for el in at.get("html"))


def test_editing_a_claim_keeps_what_the_form_does_not_show_and_clears_its_fact_check(spaces, builds):
    from riwaya.codebook import load_codebook
    from riwaya.codebook.edit import save_claim
    from riwaya.workspace import create_workspace

    ws = create_workspace("edit")
    save_claim(ws.codebook, {"id": "DAM", "statement_en": "The dam will collapse.",
                             "examples": "السد على وشك الانهيار", "note": "kept",
                             "fact_check": {"verdict": "false", "summary": "Inspected."}})
    at = run(CODEBOOK, {"ws": "edit", "edit": "claim"})
    at.selectbox(key="cb_claim_pick").set_value("DAM").run()
    assert at.text_area(key="cb_claim_examples").value == "السد على وشك الانهيار"   # filled in
    assert at.selectbox(key="cb_claim_fc_verdict").value == "false"
    at.selectbox(key="cb_claim_fc_verdict").set_value("")
    at.text_area(key="cb_claim_fc_summary").input("")
    at.text_input(key="cb_claim_label_en").input("Dam collapse")
    at.button(key="cb_claim_save").click().run()
    assert not at.error, [e.value for e in at.error]
    (claim,) = load_codebook(ws.codebook).claims
    assert (claim.label_en, claim.note, claim.fact_check) == ("Dam collapse", "kept", None)


def test_a_save_while_a_build_runs_is_followed_by_one_more_build(spaces, monkeypatch):
    """A second save joins the running build (one build at a time); its change is built when
    that build ends, and a build of unchanged inputs is not repeated."""
    import threading

    from riwaya.codebook.edit import save_actor
    from riwaya.pipeline import build
    from riwaya.workspace import create_workspace

    from components import build_ui

    release = threading.Event()

    def slow_build(raw_dir, codebook_dir, out_dir, *, progress=None, **_):
        release.wait(30)
        write_fixture(out_dir)
        return "built"

    monkeypatch.setenv("RIWAYA_BUILD_IN", "thread")  # the stand-in build runs where it is seen
    monkeypatch.setattr(build, "build_corpus", slow_build)
    ws = create_workspace("twice")
    (ws.raw / "a.txt").write_text("قال المتحدث إن الخبر صحيح.", encoding="utf-8")
    job = build_ui.start(ws.paths)
    save_actor(ws.codebook, {"name_en": "Water Authority", "aliases": "هيئة المياه", "kind": "organisation"})
    assert build_ui.start(ws.paths) is job          # joined, not a second build at once
    release.set()
    assert job.wait(30) and job.error is None
    assert not build_ui._built_already(ws.paths)    # the save came after it started: build again
    again = build_ui.start(ws.paths)
    assert again is not job and again.wait(30)
    assert build_ui._built_already(ws.paths)        # nothing changed since: not again
