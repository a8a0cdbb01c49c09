"""Who speaks: codebook actors, named people outside it, unnamed sources, no one (unattributed)."""

from pathlib import Path

import pytest

from riwaya.codebook import load_codebook
from riwaya.evaluate import norm_actor
from riwaya.pipeline.mentions import EntityIndex, find_mentions
from riwaya.pipeline.statements import StatementExtractor
from riwaya.text.matcher import NormText
from riwaya.text.segment import split_sentences

CODEBOOK = load_codebook(Path(__file__).resolve().parent.parent / "data" / "codebook")
INDEX = EntityIndex.build(CODEBOOK)
EXTRACTOR = StatementExtractor.build(CODEBOOK, examples=False)   # rules only: speakers are rules
CLAIM = "إن التحالف الدولي كان طرفا في صفقة إخلاء الرقة."


def speakers(text):
    nt = NormText.of(text)
    return {(s.actor_id, s.speaker_kind, s.affiliation)
            for s in EXTRACTOR.extract("t", nt, split_sentences(text), find_mentions(nt, INDEX))}


@pytest.mark.parametrize("text, expected", [
    # a codebook actor
    ("وقالت وزارة الدفاع الروسية " + CLAIM, ("RU_MOD", "codebook", None)),
    # a named person outside the codebook, speaking for the actor of the title
    ("وقال المتحدث باسم وزارة الدفاع الروسية الجنرال إيغور كوناشينكوف " + CLAIM,
     ("UNK:ايغور كوناشينكوف", "named", "RU_MOD")),
    ("وقال وزير الخارجية الروسي سيرغي لافروف اليوم " + CLAIM,
     ("UNK:سيرغي لافروف", "named", "RUSSIA")),
    # a profession speaks for no one, whatever its adjective
    ("وقال المحلل السياسي السوري أحمد الخطيب " + CLAIM, ("UNK:احمد الخطيب", "named", None)),
    # a title without a name speaks for the actor it names
    ("وقال وزير الخارجية السوري " + CLAIM, ("SYRIAN_GOV", "codebook", None)),
    # unnamed sources
    ("وقال مصدر عسكري " + CLAIM, ("UNK:مصدر عسكري", "source", None)),
    ("وقال قائد عسكري " + CLAIM, ("UNK:قائد عسكري", "source", None)),
    ("تقارير إعلامية تحدثت عن أن التحالف الدولي كان طرفا في صفقة إخلاء الرقة.",
     ("UNK:تقارير اعلاميه", "source", None)),
    # no one: impersonal passives and indefinite subjects
    ("قيل " + CLAIM, ("UNATTRIBUTED", "unattributed", None)),
    ("ويذكر أن التحالف الدولي كان طرفا في صفقة إخلاء الرقة.", ("UNATTRIBUTED", "unattributed", None)),
    ("وهناك من يرى أن التحالف الدولي كان طرفا في صفقة إخلاء الرقة.",
     ("UNATTRIBUTED", "unattributed", None)),
    ("ويشار إلى أن التحالف الدولي كان طرفا في صفقة إخلاء الرقة.",
     ("UNATTRIBUTED", "unattributed", None)),
    # one of an unnamed source; news and leaked papers as sources
    ("وقال أحد سكان الرقة " + CLAIM, ("UNK:احد سكان الرقه", "source", None)),
    ("وكشفت وثائق مسربة أن التحالف الدولي كان طرفا في صفقة إخلاء الرقة.",
     ("UNK:وثائق مسربه", "source", None)),
    # a title made definite by a chain of nouns ("عضو مجلس الرقة"), then the name
    ("وقال عضو مجلس الرقة المدني عمر علوش " + CLAIM, ("UNK:عمر علوش", "named", None)),
    # an adjective after a body in the title is the body's: the director speaks for no actor
    ("وقال مدير المرصد السوري رامي عبد الرحمن " + CLAIM, ("UNK:رامي عبد الرحمن", "named", None)),
])
def test_speaker_kinds(text, expected):
    assert speakers(text) == {expected}


def test_a_named_person_is_found_again_by_the_surname():
    text = ("وصل وزير الخارجية الروسي سيرغي لافروف إلى أنقرة. "
            "وقال لافروف " + CLAIM)
    assert speakers(text) == {("UNK:سيرغي لافروف", "named", "RUSSIA")}


def test_a_verb_without_subject_continues_the_speaker():
    text = "وقالت وزارة الدفاع الروسية إن الطقس جيد. وأضافت أن التحالف الدولي كان طرفا في صفقة إخلاء الرقة."
    assert speakers(text) == {("RU_MOD", "codebook", None)}


def test_the_accused_is_not_the_speaker():
    text = "روسيا تتهم أميركا بدعم داعش."
    nt = NormText.of(text)
    got = {(s.actor_id, s.claim_id) for s in
           EXTRACTOR.extract("t", nt, split_sentences(text), find_mentions(nt, INDEX))}
    assert got == {("RUSSIA", "US_SUPPORTS_ISIS")}


def test_the_city_named_before_is_the_city():
    text = ("وصلت القوات إلى أطراف البوكمال. "
            "وقال الجيش السوري إنه استعاد السيطرة على المدينة بالكامل.")
    nt = NormText.of(text)
    got = {(s.actor_id, s.claim_id, s.stance) for s in
           EXTRACTOR.extract("t", nt, split_sentences(text), find_mentions(nt, INDEX))}
    assert got == {("SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts")}


@pytest.mark.parametrize("actor, affiliation, expected", [
    ("UNATTRIBUTED", None, "UNK"),
    ("UNK:مصدر عسكري", None, "UNK"),
    ("UNK:ايغور كوناشينكوف", "RU_MOD", "RU_MOD"),
    ("RU_MOD", None, "RU_MOD"),
])
def test_evaluate_counts_unattributed_as_unk_and_named_as_their_actor(actor, affiliation, expected):
    assert norm_actor(actor, affiliation) == expected


@pytest.mark.parametrize("text, expected", [
    # a title and a name before the verb (SVO)
    ("المتحدثة باسم الخارجية الروسية ماريا زاخاروفا قالت " + CLAIM,
     ("UNK:ماريا زاخاروفا", "named", "RUSSIA")),
    # a title without a name before a codebook person is an apposition: the person speaks
    ("الكولونيل ريان ديلون المتحدث باسم التحالف قال " + CLAIM, ("DILLON", "codebook", None)),
])
def test_named_speaker_before_the_verb(text, expected):
    assert speakers(text) == {expected}


@pytest.mark.parametrize("text, expected", [
    # an actor's anaphor with the adjective of what it is part of: the one actor that fits
    ("وقالت الوزارة الروسية " + CLAIM, {("RU_MOD", "codebook", None)}),
    ("وقالت الوزارة الأمريكية " + CLAIM, {("US_DOD", "codebook", None)}),
    # the Turkish ministry is part of no codebook actor: a named speaker outside the codebook
    # (lexicon types state_body + a country's adjective), never dropped, never another's
    ("وقالت الوزارة التركية " + CLAIM, {("UNK:الوزاره التركيه", "named", None)}),
])
def test_an_institution_named_by_its_states_adjective(text, expected):
    assert speakers(text) == expected


def test_a_codebook_persons_short_form_speaks_without_the_full_name():
    assert speakers("قال ديلون " + CLAIM) == {("DILLON", "codebook", None)}
