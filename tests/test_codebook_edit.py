"""The codebook editor's backend (riwaya/codebook/edit.py), the fact-check field, and the
suggestions (riwaya/codebook/suggest.py): the loader's rules with errors per field, files
written atomically as one diffable line, and nothing lost on a bad form."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLE_CODEBOOK

from riwaya.codebook import load_codebook
from riwaya.codebook.edit import (KINDS, as_list, delete_record, dump_record, gazetteer_matches,
                                  parse_cues, save_actor, save_claim, save_place, suggest_id)
from riwaya.codebook.model import Claim
from riwaya.codebook.suggest import near_examples, unknown_places, unknown_speakers
from riwaya.errors import FormError
from riwaya.workspace import create_workspace

ACTOR = {"name_en": "Igor Konashenkov", "name_ar": "إيغور كوناشينكوف", "kind": "military",
         "aliases": "إيغور كوناشينكوف\nكوناشينكوف", "part_of": "RU_MOD"}


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()
            and not p.name.startswith(".")}


@pytest.mark.parametrize("form, field, message", [
    ({**ACTOR, "name_en": ""}, "name_en", "required"),
    ({**ACTOR, "kind": "wizard"}, "kind", "Input should be 'state'"),
    ({**ACTOR, "aliases": "\n  \n"}, "aliases", "at least one is needed"),
    ({**ACTOR, "aliases": "ال"}, "aliases", "a single letter or a proclitic"),
    ({**ACTOR, "id": "bad id"}, "id", "capital letters, digits and _"),
    ({**ACTOR, "id": "RU_MOD"}, "id", "RU_MOD is already an actor"),
    ({**ACTOR, "id": "RAQQA"}, "id", "RAQQA is already a place"),
    ({**ACTOR, "part_of": "NOBODY"}, "part_of", "part_of unknown actor 'NOBODY'"),
    ({**ACTOR, "colour": "red"}, "colour", "Extra inputs are not permitted"),
])
def test_an_invalid_actor_form_names_its_field_and_writes_nothing(codebook_copy, form, field, message):
    err = refused(save_actor, codebook_copy, form, field, message)
    assert message in str(err)


def refused(save, codebook, form, field, message) -> FormError:
    """``save(codebook, form)`` refused, naming ``field`` with ``message``; no file changed."""
    before = files(codebook)
    with pytest.raises(FormError) as err:
        save(codebook, form)
    assert message in err.value.errors[field], err.value.errors
    assert files(codebook) == before
    return err.value


@pytest.mark.parametrize("form, field, message", [
    ({"statement_en": "x", "label_en": "a label"}, "examples", "needs cues or examples"),
    ({"statement_en": "x", "label_en": "y" * 41, "examples": "a"}, "label_en", "at most 40"),
    ({"statement_en": "", "examples": "a"}, "statement_en", "required"),
    ({"statement_en": "x", "cues": "لعبة + @NOBODY"}, "cues", "unknown entity '@NOBODY'"),
    ({"statement_en": "x", "examples": "a", "presupposes": "NO_SUCH"}, "presupposes", "unknown claim"),
    ({"statement_en": "x", "examples": "a", "fact_check": {"verdict": "fake", "summary": "s"}},
     "fact_check.verdict", "Input should be 'false'"),
    ({"statement_en": "x", "examples": "a",
      "fact_check": {"verdict": "false", "summary": "s", "url": "javascript:alert(1)"}},
     "fact_check.url", "http(s)://"),
])
def test_an_invalid_claim_form(codebook_copy, form, field, message):
    refused(save_claim, codebook_copy, form, field, message)


def test_an_invalid_place_form(codebook_copy):
    with pytest.raises(FormError) as err:
        save_place(codebook_copy, {"name_en": "X", "name_ar": "س", "lat": "north", "lon": "200"})
    assert "a number is expected" in err.value.errors["lat"]
    with pytest.raises(FormError) as err:
        save_place(codebook_copy, {"name_en": "X", "name_ar": "سين", "lat": "95", "lon": "40"})
    assert "less than or equal to 90" in err.value.errors["lat"]


def test_adding_writes_one_readable_line_and_keeps_every_other(codebook_copy):
    before = (codebook_copy / "actors.jsonl").read_text(encoding="utf-8")
    actor = save_actor(codebook_copy, ACTOR)
    assert actor.id == "IGOR_KONASHENKOV"
    after = (codebook_copy / "actors.jsonl").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n")
    line = after.rstrip("\n").splitlines()[-1]
    assert line == ('{"id": "IGOR_KONASHENKOV", "name_en": "Igor Konashenkov", "name_ar": '
                    '"إيغور كوناشينكوف", "kind": "military", "aliases": ["إيغور كوناشينكوف", '
                    '"كوناشينكوف"], "part_of": ["RU_MOD"]}')
    cb = load_codebook(codebook_copy)
    assert cb.actors[-1] == actor


def test_editing_changes_one_line_and_keeps_fields_the_form_does_not_show(codebook_copy):
    lines = (codebook_copy / "actors.jsonl").read_text(encoding="utf-8").splitlines()
    original = next(i for i, line in enumerate(lines) if line.startswith('{"id": "RU_MOD"'))
    save_actor(codebook_copy, {"name_en": "Ministry of Defence of Russia"}, original_id="RU_MOD")
    new = (codebook_copy / "actors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [i for i, (a, b) in enumerate(zip(lines, new)) if a != b] == [original]
    edited = json.loads(new[original])
    assert edited["name_en"] == "Ministry of Defence of Russia"
    assert edited["anaphors"] == json.loads(lines[original])["anaphors"]      # kept
    with pytest.raises(FormError, match="RUSSIA is named by RU_MOD"):
        save_actor(codebook_copy, {"id": "RUSSIAN_FEDERATION"}, original_id="RUSSIA")
    save_actor(codebook_copy, {"id": "RUSSIAN_MOD"}, original_id="RU_MOD")    # named by none
    assert [a.id for a in load_codebook(codebook_copy).actors].count("RUSSIAN_MOD") == 1
    with pytest.raises(FormError, match="no actor 'GONE'"):
        save_actor(codebook_copy, {"name_en": "x"}, original_id="GONE")


def test_a_claim_defined_by_two_examples_and_a_place_from_the_gazetteer(codebook_copy):
    claim = save_claim(codebook_copy, {
        "label_en": "US spares ISIS convoys", "statement_en": "US aircraft refused to strike ISIS.",
        "examples": "رفضت الطائرات الأمريكية قصف رتل لتنظيم داعش\nUS aircraft refused to strike an ISIS convoy."})
    assert claim.id == "US_SPARES_ISIS_CONVOYS" and len(claim.examples) == 2
    matches = gazetteer_matches("تدمر", codebook_copy)
    assert matches[0].name_en == "Tadmur" and matches[0].lat == pytest.approx(34.56, abs=0.05)
    assert gazetteer_matches("Palmyra", codebook_copy)[0].entity_id == matches[0].entity_id
    place = save_place(codebook_copy, matches[0].form())
    assert (place.id, place.lat, place.country) == ("TADMUR", matches[0].lat, "SY")
    cb = load_codebook(codebook_copy)
    assert cb.claims[-1].id == claim.id and cb.places[-1].id == "TADMUR"
    assert gazetteer_matches("", codebook_copy) == []


def test_deleting(codebook_copy):
    with pytest.raises(FormError, match="RUSSIA is named by RU_MOD"):
        delete_record(codebook_copy, "actor", "RUSSIA")
    save_actor(codebook_copy, ACTOR)
    delete_record(codebook_copy, "actor", "IGOR_KONASHENKOV")
    assert (codebook_copy / "actors.jsonl").read_bytes() == (SAMPLE_CODEBOOK / "actors.jsonl").read_bytes()


def test_an_edit_waiting_for_another_gets_a_form_error(codebook_copy, monkeypatch):
    from filelock import FileLock

    from riwaya.codebook import edit

    monkeypatch.setattr(edit, "LOCK_TIMEOUT", 0.1)
    before = files(codebook_copy)
    with FileLock(str(codebook_copy / edit.LOCK_NAME)):
        with pytest.raises(FormError, match="another edit of this codebook is being saved"):
            save_actor(codebook_copy, ACTOR)
    assert files(codebook_copy) == before
    assert save_actor(codebook_copy, ACTOR).id == "IGOR_KONASHENKOV"      # free again


@pytest.mark.parametrize("value, expected", [
    ("a\n b \n\n", ["a", "b"]), (["a", " ", "b "], ["a", "b"]), (None, []), ("", [])])
def test_as_list(value, expected):
    assert as_list(value) == expected


def test_small_helpers():
    assert parse_cues("لعبة فيديو|لعبة الفيديو + @RU_MOD\n\nصور قديمة") == [
        {"all": ["لعبة فيديو|لعبة الفيديو", "@RU_MOD"]}, {"all": ["صور قديمة"]}]
    assert suggest_id("Igor Konashenkov") == "IGOR_KONASHENKOV"
    assert suggest_id("Igor Konashenkov", {"IGOR_KONASHENKOV"}) == "IGOR_KONASHENKOV_1"
    assert suggest_id("كوناشينكوف", prefix="ACTOR") == "ACTOR_1"
    assert set(KINDS) >= {"state", "ministry", "person"}


def test_the_sample_video_game_claim_carries_its_fact_check(sample_codebook):
    claim = next(c for c in sample_codebook.claims if c.id == "VIDEO_GAME")
    fc = claim.fact_check
    assert fc.verdict == "true" and fc.date == "2017-11-14"
    assert "AC-130" in fc.summary and "Fallujah" in fc.summary
    assert len(fc.evidence) == 3 and any("Fallujah" in e.description for e in fc.evidence)
    assert all(c.fact_check is None for c in sample_codebook.claims if c.id != "VIDEO_GAME")
    # it survives a round trip through the editor's line format
    assert Claim.model_validate(json.loads(dump_record(claim))) == claim


def test_an_empty_workspace_codebook_accepts_its_first_records(workspaces_root):
    ws = create_workspace("deir")
    save_actor(ws.codebook, {**ACTOR, "id": "RU_MOD", "part_of": ""})
    save_actor(ws.codebook, ACTOR)
    cb = load_codebook(ws.codebook)
    assert [a.id for a in cb.actors] == ["RU_MOD", "IGOR_KONASHENKOV"]
    first = (ws.codebook / "actors.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("//")                                       # the comment is kept


# --------------------------------------------------------------------------- suggestions

def test_unknown_speakers_from_a_real_build(sample_build):
    from riwaya.pipeline.store import load_corpus

    corpus = load_corpus(sample_build.out)
    found = unknown_speakers(corpus.statements)
    unk = corpus.statements[corpus.statements.actor_id.str.startswith("UNK:")]
    assert sum(s.count for s in found) == len(unk) and found
    assert [s.count for s in found] == sorted((s.count for s in found), reverse=True)
    top = found[0]
    assert top.label() == f"{top.name} ({top.count} statement{'s' if top.count > 1 else ''})"
    assert top.form()["aliases"][0] == top.name
    places = unknown_places(corpus.mentions, corpus.places)
    codebook_ids = {p.id for p in load_codebook(SAMPLE_CODEBOOK).places}
    assert places and not {p.entity_id for p in places} & codebook_ids
    assert all(p.entity_id.startswith(("GN:", "CC:")) for p in places)
    form = places[0].form()
    assert isinstance(form["lat"], float) and form["name_ar"]


def test_unknown_speakers_are_counted_and_prefilled():
    statements = pd.DataFrame({
        "actor_id": ["UNK:كوناشينكوف"] * 3 + ["UNK:مصدر عسكري", "RU_MOD"],
        "actor_surface": ["كوناشينكوف", "إيغور كوناشينكوف", "كوناشينكوف", "مصدر عسكري", "الوزارة"],
        "speaker_kind": ["named", "named", "named", "source", "codebook"],
        "affiliation": ["RU_MOD", "RU_MOD", None, None, None]})
    first, second = unknown_speakers(statements)
    assert first.label() == "كوناشينكوف (3 statements)" and second.label() == "مصدر عسكري (1 statement)"
    assert first.form()["part_of"] == ["RU_MOD"] and first.form()["kind"] == "person"
    assert first.surfaces == ("كوناشينكوف",)        # the name inside "إيغور كوناشينكوف"
    assert second.form()["kind"] == "group"
    assert unknown_speakers(statements, min_count=2) == [first]
    with pytest.raises(TypeError, match="lacks column"):
        unknown_speakers(statements.drop(columns="speaker_kind"))


class WordEncoder:
    """A stand-in sentence encoder: hashed bags of words, L2-normalised."""

    def encode(self, texts):
        out = np.zeros((len(texts), 512), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.split():
                out[i, sum(map(ord, w)) % 512] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_sentences_near_a_claims_examples_come_first():
    sentences = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
                              "text": ["الطقس جميل اليوم", "الصور مأخوذة من لعبة فيديو قديمة",
                                       "قالت الوزارة إن الصور من لعبة"]})
    found = near_examples(["الصور مأخوذة من لعبة فيديو"], sentences, top=2, encoder=WordEncoder())
    assert [(s.doc_id, s.sentence_id) for s in found] == [("a", 1), ("b", 0)]
    assert found[0].similarity > found[1].similarity
    assert near_examples([], sentences, encoder=WordEncoder()) == []


# --------------------------------------------------------------------------- end to end

def test_a_new_event_from_an_empty_workspace_to_statements(workspaces_root):
    """Create a workspace, add an article, add an actor and a claim defined by two example
    sentences, build: the statement is there, dated from the article's dateline."""
    from riwaya.pipeline.build import build_corpus
    from riwaya.pipeline.store import load_corpus
    from riwaya.upload import add_files

    ws = create_workspace("deir")
    text = ("دير الزور - الأربعاء 15 / 11 / 2017\n"
            "قال المتحدث باسم وزارة الدفاع الروسية اللواء إيغور كوناشينكوف إن الطائرات الأمريكية "
            "رفضت قصف رتل لتنظيم داعش قرب مدينة دير الزور.\n")
    assert add_files(ws, [("deir.txt", text.encode())]).results[0].status == "added"
    save_actor(ws.codebook, {"id": "RU_MOD", "name_en": "Russian Ministry of Defence",
                             "kind": "ministry", "aliases": "وزارة الدفاع الروسية"})
    save_claim(ws.codebook, {"id": "US_SPARES_ISIS", "statement_en": "US aircraft refused to strike ISIS.",
                             "examples": ["رفضت الطائرات الأمريكية قصف رتل لتنظيم داعش",
                                          "US aircraft refused to strike an ISIS convoy."]})
    build_corpus(ws.raw, ws.codebook, ws.processed)
    corpus = load_corpus(ws.processed)
    assert corpus.documents.set_index("doc_id").loc["deir", "date"] == "2017-11-15"
    st = corpus.statements
    assert list(zip(st.actor_id, st.claim_id, st.affiliation)) == [
        ("UNK:ايغور كوناشينكوف", "US_SPARES_ISIS", "RU_MOD")]
    # the unknown speaker is suggested; added as an actor, the next build names him
    (suggestion,) = unknown_speakers(st)
    assert suggestion.label() == "إيغور كوناشينكوف (1 statement)"
    actor = save_actor(ws.codebook, {**suggestion.form(), "name_en": "Igor Konashenkov"})
    assert actor.part_of == ["RU_MOD"] and actor.kind == "person"
    build_corpus(ws.raw, ws.codebook, ws.processed)
    st = load_corpus(ws.processed).statements
    assert list(zip(st.actor_id, st.claim_id)) == [("IGOR_KONASHENKOV", "US_SPARES_ISIS")]
