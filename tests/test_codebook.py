import json
import re
from pathlib import Path

import pytest

from conftest import SAMPLE_CODEBOOK
from riwaya.codebook import load_codebook
from riwaya.codebook.model import (Actor, BoilerplateRule, Claim, LexiconEntry, Place,
                                   SourceRule)
from riwaya.errors import CodebookError
SPEC_IDS = {
    "actors": {"RU_MOD", "RUSSIA", "US_DOD", "USA", "COALITION", "DILLON", "BRAGA", "SDF", "ISIS",
               "SYRIAN_GOV", "IRAQI_FORCES", "TURKEY_MFA", "BBC", "NEWSWEEK", "SANA", "ACTIVISTS",
               "HOTEIT", "CLINTON", "CIA", "WESTERN_MEDIA", "WESTERN_OFFICIAL", "DRIVERS",
               "ARAB_TRIBES", "EMWAZI"},
    "claims": {"VIDEO_GAME", "OLD_FOOTAGE", "US_SUPPORTS_ISIS", "ABU_KAMAL_NO_STRIKE",
               "ABU_KAMAL_LIBERATED", "RAQQA_DEAL", "COALITION_PARTY_TO_DEAL",
               "FOREIGN_FIGHTERS_ESCAPED", "US_SAFE_IN_ISIS_AREAS", "RAQQA_NOT_LIBERATED"},
}


def test_sample_codebook_has_the_spec_ids(sample_codebook):
    cb = sample_codebook
    assert {a.id for a in cb.actors} == SPEC_IDS["actors"]
    assert {c.id for c in cb.claims} == SPEC_IDS["claims"]
    assert {"RAQQA", "ABU_KAMAL", "FALLUJAH", "DEIR_EZZOR", "MOSUL", "DAMASCUS", "EUPHRATES",
            "AL_UDEID"} <= {p.id for p in cb.places}


def _replace_line(path: Path, lineno: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[lineno - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("file, lineno, text, message, field", [
    ("actors.jsonl", 3, "{not json", "not valid JSON", None),
    ("actors.jsonl", 2, json.dumps({"id": "lower", "name_en": "x", "kind": "state", "aliases": ["a"]}),
     "String should match pattern", "id"),
    ("actors.jsonl", 4, json.dumps({"id": "X", "name_en": "x", "kind": "alien", "aliases": ["a"]}),
     "Input should be", "kind"),
    ("actors.jsonl", 5, json.dumps({"id": "X", "name_en": "x", "kind": "state", "aliases": []}),
     "at least 1 item", "aliases"),
    ("actors.jsonl", 6, json.dumps({"id": "X", "name_en": "x", "kind": "state", "aliases": ["ab"], "colour": 1}),
     "Extra inputs are not permitted", "colour"),
    ("claims.jsonl", 1, json.dumps({"id": "C", "statement_en": "s", "cues": [{"all": ["a||b"]}]}),
     "empty alternative", "cues.0.all"),
    ("places.jsonl", 2, json.dumps({"id": "P", "name_en": "p", "name_ar": "ب", "lat": 123, "lon": 0}),
     "less than or equal to 90", "lat"),
    ("boilerplate.jsonl", 1, json.dumps({"pattern": "([", "action": "drop_line", "reason": "r"}),
     "not a regular expression RE2 can run", "pattern"),
    # catastrophic backtracking in a backtracking engine: refused (RE2 would run it linearly)
    ("boilerplate.jsonl", 1, json.dumps({"pattern": "^(\\w+\\s?)*$", "action": "drop_line", "reason": "r"}),
     "a repeated group that itself repeats", "pattern"),
    ("boilerplate.jsonl", 2, json.dumps({"pattern": "(a+)+$", "action": "drop_line", "reason": "r"}),
     "a repeated group that itself repeats", "pattern"),
    ("boilerplate.jsonl", 1, json.dumps({"pattern": "(?<=x)y", "action": "drop_line", "reason": "r"}),
     "lookarounds and backreferences are not allowed", "pattern"),
    ("sources.jsonl", 1, json.dumps({"basis": "credit", "pattern": "^(كتب)\\s*:"}),
     "needs a named group", None),
    # forms that normalise to nothing useful (issue 9, item 12): silently useless before
    *[("actors.jsonl", 2, json.dumps({"id": "X", "name_en": "x", "kind": "state", field: forms}),
       message, field) for field, forms, message in [
        ("aliases", ["،"], "no letter or digit once normalised"),
        ("aliases", ["داعش", "و"], "item 1 'و' is only a single letter or a proclitic"),
        ("aliases", ["ال"], "only a single letter or a proclitic"),
        ("aliases", ["لل"], "only a single letter or a proclitic"),
        ("aliases", ["ـ َ"], "no letter or digit once normalised"),   # tatweel and a mark
        ("aliases", ["x"], "only a single letter or a proclitic"),
        ("aliases", ["ح*"], "shorter than 2 letters"),
    ]],
    *[("actors.jsonl", 3, json.dumps({"id": "X", "name_en": "x", "kind": "state", "aliases": ["داعش"],
                                      field: forms}), message, field) for field, forms, message in [
        ("short_forms", ["ف"], "only a single letter or a proclitic"),
        ("anaphors", ["الوزارة", "،"], "item 1 '،' has no letter or digit"),
        ("anaphors", ["وال"], "only a single letter or a proclitic"),
    ]],
    ("places.jsonl", 1, json.dumps({"id": "P", "name_en": "p", "name_ar": "بلدة", "aliases": ["."]}),
     "no letter or digit once normalised", "aliases"),
    *[("claims.jsonl", 2, json.dumps({"id": "C", "statement_en": "s", "cues": [cue]}), message, field)
      for cue, message, field in [
        ({"all": ["*"]}, "alternative '*' of group '*' has no letter or digit", "cues.0.all"),
        ({"all": ["قال|*"]}, "alternative '*'", "cues.0.all"),
        ({"all": ["ق*"]}, "shorter than 2 letters", "cues.0.all"),
        ({"all": ["قال"], "near": ["@ISIS|ا*"]}, "shorter than 2 letters", "cues.0.near"),
        ({"all": ["قال"], "near": ["ال*"]}, "only a single letter or a proclitic", "cues.0.near"),
        ({"all": ["و ال"]}, "only a single letter or a proclitic", "cues.0.all"),
        ({"all": ["قال"], "near": ["،"]}, "has no letter or digit", "cues.0.near"),
        ({"all": ["و"]}, "only a single letter or a proclitic", "cues.0.all"),
        # an unknown @ID is reported in the group that names it
        ({"all": ["قال"], "near": ["@NOPE"]}, "cue names unknown entity '@NOPE'", "cues.0.near"),
        ({"all": ["@NOPE", "قال"]}, "cue names unknown entity '@NOPE'", "cues.0.all"),
    ]],
    ("claims.jsonl", 3, json.dumps({"id": "C", "statement_en": "s",
                                    "cues": [{"all": ["قال"]}, {"all": ["نفى"], "near": ["@NOPE"]}]}),
     "unknown entity '@NOPE'", "cues.1.near"),
])
def test_malformed_line_names_file_line_and_field(codebook_copy, file, lineno, text, message, field):
    _replace_line(codebook_copy / file, lineno, text)
    with pytest.raises(CodebookError) as err:
        load_codebook(codebook_copy)
    msg = str(err.value)
    assert file in msg and f"line {lineno}" in msg and message in msg
    if field:
        assert f"field '{field}'" in msg


def test_missing_file(codebook_copy):
    (codebook_copy / "claims.jsonl").unlink()
    with pytest.raises(CodebookError, match=r"claims.jsonl: file is missing"):
        load_codebook(codebook_copy)


def test_unknown_entity_in_claim_cue(codebook_copy):
    path = codebook_copy / "claims.jsonl"
    _replace_line(path, 1, json.dumps({"id": "C", "statement_en": "s", "cues": [{"all": ["@NOPE"]}]}))
    with pytest.raises(CodebookError, match=r"claims.jsonl, line 1, field .cues.0.all.: claim C cue names unknown entity .@NOPE."):
        load_codebook(codebook_copy)


def test_duplicate_id(codebook_copy):
    path = codebook_copy / "actors.jsonl"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(path.read_text(encoding="utf-8") + first + "\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"actors.jsonl, line 25, field .id.: duplicate actor id .RU_MOD. \(first on line 1\)"):
        load_codebook(codebook_copy)


def test_not_utf8(codebook_copy):
    path = codebook_copy / "actors.jsonl"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1256"))
    with pytest.raises(CodebookError, match="actors.jsonl: not UTF-8"):
        load_codebook(codebook_copy)


def test_codebook_readme_example_lines_are_valid():
    """Every example line of data/codebook/README.md passes its file's validation."""
    text = (SAMPLE_CODEBOOK / "README.md").read_text(encoding="utf-8")
    examples = [json.loads(block) for block in re.findall(r"```json\n\s*(.+?)\n\s*```", text, re.S)]
    models = [Actor, Claim, Place, LexiconEntry, BoilerplateRule, SourceRule]
    assert len(examples) == len(models)
    for example, model in zip(examples, models):
        model.model_validate(example)


def test_codebook_model_points_to_a_readme_that_exists():
    import riwaya.codebook.model

    assert "data/codebook/README.md" in riwaya.codebook.model.__doc__
    assert (SAMPLE_CODEBOOK / "README.md").exists()


@pytest.mark.parametrize("form", ["حرر*", "US", "ب ب س", "ا ف ب", "الرقة", "داعش", "AB*", "قال"])
def test_usable_forms_are_accepted(form):
    """The rejection above is not too wide: short real names and 2-letter prefixes pass."""
    Actor.model_validate({"id": "X", "name_en": "x", "kind": "state", "aliases": [form],
                          "short_forms": [form], "anaphors": [form]})
    Claim.model_validate({"id": "C", "statement_en": "s", "cues": [{"all": [form], "near": [form]}]})

