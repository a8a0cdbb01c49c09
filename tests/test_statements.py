"""Statement extraction on sentences written for the test (not the sample's)."""

from pathlib import Path

import pytest

from riwaya.codebook import load_codebook
from riwaya.text.matcher import NormText
from riwaya.pipeline.mentions import EntityIndex, find_mentions
from riwaya.text.segment import split_sentences
from riwaya.pipeline.statements import StatementExtractor

CODEBOOK = load_codebook(Path(__file__).resolve().parent.parent / "data" / "codebook")
INDEX = EntityIndex.build(CODEBOOK)
EXTRACTOR = StatementExtractor.build(CODEBOOK)


def extract(text):
    nt = NormText.of(text)
    statements = EXTRACTOR.extract("t", nt, split_sentences(text), find_mentions(nt, INDEX))
    return statements


def triples(text):
    return {(s.actor_id, s.claim_id, s.stance) for s in extract(text)}


@pytest.mark.parametrize("text, expected", [
    # verb first (VSO), negation scoped over the claim
    ("قال المتحدث باسم التحالف إن التحالف لم يكن طرفا في الصفقة مع داعش.",
     {("DILLON", "COALITION_PARTY_TO_DEAL", "denies")}),
    # a denial verb
    ("نفت وزارة الدفاع الأمريكية أن تكون الصور مأخوذة من لعبة فيديو.",
     {("US_DOD", "VIDEO_GAME", "denies")}),
    # an admission verb
    ("أقر البنتاغون باحتمال خروج مقاتلين أجانب من الرقة.",
     {("US_DOD", "FOREIGN_FIGHTERS_ESCAPED", "concedes")}),
    # subject before the verb (SVO)
    ("الناشطون، ناشطون على مواقع التواصل الاجتماعي أكدوا أن الصور من لعبة فيديو.",
     {("ACTIVISTS", "VIDEO_GAME", "asserts")}),
    # according to
    ("وبحسب وكالة سانا فإن القوات الأمريكية تتحرك دون أي عوائق في مواقع داعش.",
     {("SANA", "US_SAFE_IN_ISIS_AREAS", "asserts")}),
    # a speaker outside the codebook is kept
    ("وقال مسؤول عراقي إن الصور من لعبة فيديو.",
     {("UNK:مسؤول عراقي", "VIDEO_GAME", "asserts")}),
    ("أفادت مصادر محلية بأن الصور من لعبة فيديو.",
     {("UNK:مصادر محليه", "VIDEO_GAME", "asserts")}),
    # passive report: no one is named (UNATTRIBUTED, not a speaker among the actors)
    ("قيل إن التحالف الدولي كان طرفا في صفقة إخلاء الرقة.",
     {("UNATTRIBUTED", "COALITION_PARTY_TO_DEAL", "asserts"),
      ("UNATTRIBUTED", "RAQQA_DEAL", "asserts")}),
    # a nested report refuted by the outer speaker
    ("وقال التحالف إن النظام السوري ادعى أنه حرر البوكمال، وهذا غير صحيح.",
     {("SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts"), ("COALITION", "ABU_KAMAL_LIBERATED", "denies")}),
    # rejecting someone's claims: both sides
    ("ورفض البنتاغون ادعاءات روسيا بأن التحالف يقدم دعما لداعش.",
     {("US_DOD", "US_SUPPORTS_ISIS", "denies"), ("RUSSIA", "US_SUPPORTS_ISIS", "asserts")}),
    # "did not deny" is no denial
    ("لم ينف التحالف أنه كان طرفا في الصفقة مع داعش.", set()),
    # "لا تزال" is "still", not a negation
    ("أكد النظام السوري أن الرقة لا تزال محتلة.",
     {("SYRIAN_GOV", "RAQQA_NOT_LIBERATED", "asserts")}),
    # a claim cue that carries its own stance: the ministry's "wrong images"
    ("وقالت وزارة الدفاع الروسية إن موظفا أرفق صورا خاطئة.",
     {("RU_MOD", "VIDEO_GAME", "concedes")}),
    # the outlet's own narration, with no speech cue, is not a statement
    ("الصور مأخوذة من لعبة فيديو.", set()),
    # an actor governed by a preposition is not the speaker
    ("وقال عن التحالف إن الصور من لعبة فيديو.", set()),
])
def test_statements(text, expected):
    assert triples(text) == expected


def test_short_form_and_anaphor_speakers():
    text = ("وقال الكولونيل رايان ديلون إن الصور من لعبة فيديو. "
            "وأكد ديلون أن التحالف لم يكن طرفا في الصفقة مع داعش. "
            "وقالت وزارة الدفاع الروسية إن موظفا أرفق صورا خاطئة. "
            "وأضافت الوزارة أن التحالف يقدم دعما لداعش.")
    assert triples(text) == {
        ("DILLON", "VIDEO_GAME", "asserts"), ("DILLON", "COALITION_PARTY_TO_DEAL", "denies"),
        ("RU_MOD", "VIDEO_GAME", "concedes"), ("RU_MOD", "US_SUPPORTS_ISIS", "asserts")}


def test_participle_continues_the_speaker_across_sentences():
    text = ("وقال التحالف الدولي إن الصور من لعبة فيديو.\n"
            "مشيراً إلى أن النظام السوري لم يحرر البوكمال.")
    assert ("COALITION", "VIDEO_GAME", "asserts") in triples(text)


def test_colon_hands_speaker_to_next_paragraph():
    text = "يقول العميد أمين حطيط في حديث لنا:\nنحن نعتبر أن التحالف يقدم دعما لداعش منذ سنوات."
    assert triples(text) == {("HOTEIT", "US_SUPPORTS_ISIS", "asserts")}


def test_offsets_quote_and_cue_map_into_the_text():
    text = "مقدمة.\nوقالت وزارة الخارجية التركية إن التحالف الدولي لا يعقد صفقات مع داعش."
    (st,) = extract(text)
    assert (st.actor_id, st.claim_id, st.stance) == ("TURKEY_MFA", "COALITION_PARTY_TO_DEAL", "denies")
    assert text[st.start:st.end].startswith("قالت وزارة الخارجية التركية")  # the clitic و stays out
    assert text[st.cue_start:st.cue_end] == "لا"
    assert st.sentence_id == 1


def test_one_statement_per_speaker_claim_and_stance_in_a_sentence():
    text = "وقال التحالف إن الصور من لعبة فيديو، مضيفا أن لعبة الفيديو معروفة."
    assert [(s.actor_id, s.claim_id) for s in extract(text)] == [("COALITION", "VIDEO_GAME")]


def test_not_denying_is_no_denial_of_the_claim():
    text = "وقالت وزارة الخارجية التركية إن عدم نفي البنتاغون لوجود الاتفاق مع داعش في الرقة أمر يبعث على الصدمة."
    assert ("TURKEY_MFA", "RAQQA_DEAL", "denies") not in triples(text)
    assert ("TURKEY_MFA", "RAQQA_DEAL", "asserts") in triples(text)


@pytest.mark.parametrize("text, expected", [
    # more deny verbs and participles of the lexicon: the stance is the speaker's
    ("واستبعد البنتاغون خروج مقاتلين أجانب من الرقة.",
     {("US_DOD", "FOREIGN_FIGHTERS_ESCAPED", "denies")}),
    ("وتحدث المتحدث باسم البنتاغون عن معركة الرقة، مستبعدا خروج مقاتلين أجانب من المدينة.",
     {("US_DOD", "FOREIGN_FIGHTERS_ESCAPED", "denies")}),
    ("وتحدثت وزارة الدفاع الأمريكية عن الصور، منكرة أن تكون مأخوذة من لعبة فيديو.",
     {("US_DOD", "VIDEO_GAME", "denies")}),
    # reporting verbs that need their object: insist on, comment on
    ("وأصرت وزارة الدفاع الروسية على أن الطيران الأمريكي منع الطائرات الروسية من ضرب داعش "
     "في البوكمال.", {("RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts")}),
    ("وعلقت وزارة الدفاع الروسية على ذلك بالقول إن الطيران الأمريكي منع الطائرات الروسية من "
     "ضرب داعش في البوكمال.", {("RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts")}),
    # the same verbs in their other senses are no statement
    ("ونقل الجيش مقاتلين إلى البوكمال.", set()),
    ("وحمل المقاتلون أسلحتهم وغادروا الرقة.", set()),
])
def test_more_reporting_verbs(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an announcement whose object is the event's verbal noun states the event ("opens" cues)
    ("أعلن الجيش السوري تحرير مدينة البوكمال بالكامل من تنظيم داعش.",
     {("SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts")}),
    ("وأكد الجيش السوري الخميس استعادة البوكمال.",
     {("SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts")}),
    # the same noun deeper in what is said names a battle, not its outcome
    ("وقال الجيش إنه بدأ عملية تحرير البوكمال.", set()),
    ("وأعلن الجيش بدء معركة تحرير البوكمال.", set()),
])
def test_announced_verbal_noun(text, expected):
    assert triples(text) == expected


ACCUSATION = "وقالت وزارة الدفاع الروسية إن واشنطن تدعم تنظيم داعش."


@pytest.mark.parametrize("reply, expected", [
    # a denial of "these accusations" denies what the last other speaker asserted
    ("من جهته، نفى المتحدث باسم التحالف الكولونيل ريان ديلون هذه الاتهامات، مؤكدا أن التحالف "
     "يحارب التنظيم.", {("DILLON", "US_SUPPORTS_ISIS", "denies")}),
    ("ونفى البنتاغون ذلك في بيان.", {("US_DOD", "US_SUPPORTS_ISIS", "denies")}),
    # confirming them is not a denial, and "ذلك" opening a longer clause is no anaphor
    ("وأكد المرصد هذه الاتهامات.", set()),
    ("ونفى البنتاغون ذلك الأمر الذي أعلنه في الصيف حول التدريبات.", set()),
])
def test_denial_of_claims_made_before(reply, expected):
    found = triples(f"{ACCUSATION} {reply}")
    assert found - {("RU_MOD", "US_SUPPORTS_ISIS", "asserts")} == expected


def test_a_denial_with_nothing_before_denies_nothing():
    assert triples("ونفى البنتاغون هذه الاتهامات.") == set()


@pytest.mark.parametrize("text, expected", [
    # a cue's verb stem (منع*، عرقل*) in the imperfect: يمنع، يعرقل (the town named: obstructing
    # Russian strikes is the Abu Kamal claim where the town is said or just before it)
    ("وأكد المتحدث باسم التحالف ريان ديلون أن التحالف لم يمنع الطائرات الروسية من ضرب داعش "
     "في البوكمال.",
     {("DILLON", "ABU_KAMAL_NO_STRIKE", "denies")}),
    ("وقالت روسيا إن التحالف يعرقل عمل الطيران الروسي فوق البوكمال.",
     {("RUSSIA", "ABU_KAMAL_NO_STRIKE", "asserts")}),
])
def test_cue_stems_match_the_imperfect(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an according-to frame whose source carries the preposition ل
    ("ووفقا لمصادر محلية، فإن مقاتلين أجانب من تنظيم داعش تمكنوا من الخروج من الرقة بين المدنيين.",
     {("UNK", "FOREIGN_FIGHTERS_ESCAPED", "asserts")}),
    # a ministry of foreign affairs speaks for its state (dev guideline 9)
    ("وقال المتحدث باسم الخارجية الروسية إن واشنطن تدعم داعش في سوريا.",
     {("RUSSIA", "US_SUPPORTS_ISIS", "asserts")}),
])
def test_sources_and_state_voices(text, expected):
    assert {(a.split(":")[0], c, s) for a, c, s in triples(text)} == expected


@pytest.mark.parametrize("text, expected", [
    # a relay: the source after عن speaks, not the agency before it
    ("ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن التحالف لم يكن طرفا في الاتفاق الذي سمح "
     "لمسلحي داعش بالخروج من الرقة.", "UNK:مسؤول امريكي"),
    ("ونقلت الوكالة عن وزارة الدفاع الروسية قولها إن طائرات التحالف منعت الطيران الروسي من "
     "قصف داعش قرب البوكمال.", "RU_MOD"),
])
def test_relayed_source_speaks(text, expected):
    assert {a for a, _, _ in triples(text)} == {expected}


def test_postposed_attribution_says_the_quote_before_it():
    text = ('وجاء ذلك في مؤتمر صحفي. "التحالف لم يكن طرفا في أي اتفاق في الرقة"، قال البنتاغون '
            'في بيان.')
    found = extract(text)
    assert {(s.actor_id, s.claim_id, s.stance) for s in found} == \
        {("US_DOD", "COALITION_PARTY_TO_DEAL", "denies")}
    quote = text[found[0].start:found[0].end]
    assert quote.startswith("التحالف لم يكن طرفا") and quote.endswith("قال البنتاغون")
    # a verb opening its clause after a quote of someone else keeps its own content
    assert triples('قال "نحن هنا"، وقال البنتاغون إن الصور مأخوذة من لعبة فيديو.') == \
        {("US_DOD", "VIDEO_GAME", "asserts")}


@pytest.mark.parametrize("text, expected", [
    # a statement noun framing what follows belongs to the actor of its adjective
    ("وبحسب الرواية الروسية، فإن التحالف يدعم تنظيم داعش.", "RUSSIA"),
    ("وتقول المزاعم الروسية إن القوات الأمريكية تتحرك بحرية في مناطق سيطرة داعش شرق الفرات "
     "دون أن تتعرض لأي هجوم.", "RUSSIA"),
    # what someone says about a statement: the noun is its topic, the speaker stays
    ("وأكد ناشطون على مواقع التواصل الاجتماعي أن التقرير الروسي احتوى على مقاطع من لعبة فيديو.",
     "ACTIVISTS"),
])
def test_statement_noun_with_an_actors_adjective(text, expected):
    assert {a for a, _, _ in triples(text)} == {expected}


@pytest.mark.parametrize("text, expected", [
    # what is asked is no statement: a verb of asking, a content opening with a question word
    # or ending with a question mark; a question ends the content of the cue before it
    ("وقال التحالف إن الصور من لعبة فيديو، متسائلا عما إذا كانت روسيا تدعم داعش.",
     {("COALITION", "VIDEO_GAME", "asserts")}),
    ("وتساءلت وزارة الخارجية الروسية عما إذا كانت واشنطن تدعم داعش.", set()),
    ("وقال العميد أمين حطيط: هل يعقل أن واشنطن تدعم داعش؟", set()),
    ("وقالت وزارة الدفاع الروسية: لماذا لا يقصف التحالف قوافل داعش الخارجة من البوكمال؟", set()),
])
def test_a_question_is_no_statement(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a negation stops at the complementizer of a clause of its own ...
    ("واعتبرت الخارجية السورية أن الرقة لم تتحرر بعد وأنها تحت الاحتلال الأمريكي.",
     {("SYRIAN_GOV", "RAQQA_NOT_LIBERATED", "asserts")}),
    ("وقال البنتاغون إنه لا شك أن الصور من لعبة فيديو.", {("US_DOD", "VIDEO_GAME", "asserts")}),
    # ... unless it negates a verb of saying or thinking, or a word that passes it on
    ("وقال الجيش السوري إننا لا نعتبر أن الرقة تحررت.",
     {("SYRIAN_GOV", "RAQQA_NOT_LIBERATED", "asserts")}),
    ("وقال الجيش السوري إنه ليس من الصحيح أن الرقة تحررت.",
     {("SYRIAN_GOV", "RAQQA_NOT_LIBERATED", "asserts")}),
    ("وقال التحالف إنه لا يمكن أن نكون طرفا في صفقة مع داعش.",
     {("COALITION", "COALITION_PARTY_TO_DEAL", "denies")}),
])
def test_negation_scope_and_complementizers(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place the claim needs, named one sentence before, when the content names none
    ("خرج آخر مسلحي داعش من الرقة الشهر الماضي. وذكر ناشطون أن خروجهم تم بموجب اتفاق مع "
     "قوات سوريا الديمقراطية.", {("ACTIVISTS", "RAQQA_DEAL", "asserts")}),
    # not when the content names a place of its own, nor when two places were named before
    ("خرج آخر مسلحي داعش من الرقة. وقال ناشطون إن الاتفاق في الموصل صامد.", set()),
    ("خرج آخر مسلحي داعش من الرقة نحو دير الزور. وذكر ناشطون أن خروجهم تم بموجب اتفاق.", set()),
    # a claim found only so, which another claim found presupposes, is not said
    ("غادر مئات المسلحين الرقة. وأفادت بي بي سي بأن ذلك تم باتفاق شارك فيه التحالف بقيادة "
     "الولايات المتحدة.", {("BBC", "COALITION_PARTY_TO_DEAL", "asserts")}),
])
def test_the_place_named_before(text, expected):
    assert triples(text) == expected


def test_a_rule_met_by_the_context_is_less_sure():
    text = ("خرج آخر مسلحي داعش من الرقة الشهر الماضي. وذكر ناشطون أن خروجهم تم بموجب اتفاق مع "
            "قوات سوريا الديمقراطية.")
    assert [(s.method, s.confidence) for s in extract(text)] == [("rule", 0.8)]


@pytest.mark.parametrize("text, expected", [
    # who denies or admits is who the claim is about
    ("وتنفي واشنطن باستمرار أي تنسيق مع تنظيم داعش.", {("USA", "US_SUPPORTS_ISIS", "denies")}),
    ("ونفى التحالف الدولي أن تكون طائراته قد عرقلت عمل الطيران الروسي فوق البوكمال.",
     {("COALITION", "ABU_KAMAL_NO_STRIKE", "denies")}),
    # asserting does not make the speaker the one the claim is about
    ("وقالت روسيا إن أي تنسيق مع تنظيم داعش مرفوض.", set()),
])
def test_the_speaker_of_a_denial_fills_the_claims_actor(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "جاء في المزاعم الروسية": the adjective's actor speaks ...
    ("وجاء في المزاعم الروسية أن القوات الأمريكية تتحرك بحرية في مناطق داعش.",
     {("RUSSIA", "US_SAFE_IN_ISIS_AREAS", "asserts")}),
    # ... or the one part of it the article names: the Russian claims are the ministry's
    ("نشرت وزارة الدفاع الروسية صورا جوية جديدة. وجاء في المزاعم الروسية أن القوات الأمريكية "
     "تتحرك بحرية في مناطق داعش.", {("RU_MOD", "US_SAFE_IN_ISIS_AREAS", "asserts")}),
])
def test_an_adjectives_actor_is_the_most_specific_one_named(text, expected):
    assert triples(text) == expected
