"""Classes of statements missed on unseen scraped pages, found by a recall audit (helper S3:
sentences of seeded samples of unannotated pool pages, /work/corpus/dev2_prec A and A2, holding
a claim's key words and a form of saying, read where no statement was found; sentences written
for this test, none copied from a page), each with a guard that nothing more is read into it:

- control of a town announced as the speech verb's object ("أعلن الجيش السيطرة على المدينة",
  "أعلن سيطرته على"), the noun of saying too ("بعد إعلان الجيش السيطرة على"), and over the town
  named before the verb ("البوكمال التي أعلن الجيش السيطرة عليها"); not parts of it, not a
  battle for it, nor a fight "for control" (للسيطرة) that a speaker denies taking part in;
- a time phrase or the frame of saying between the verb of saying and its object ("أعلن قبل
  أيام تحرير", "أعلن في وقت سابق سيطرته على", "أعلن في بيان له استعادة");
- the group denying it has withdrawn from the town ("نفى التنظيم الانسحاب من المدينة"), the
  town named or "the city" named before (not its positions around the town);
- the Syrian government named as its opponents name it ("نظام الأسد", "قوات النظام",
  "القوات النظامية": actors.jsonl aliases)."""

import pytest

from tests.statement_probe import scored

LIBERATED = {("SYRIAN_GOV", "codebook", "ABU_KAMAL_LIBERATED", "asserts")}


@pytest.mark.parametrize("text, expected", [
    # control announced as the verb's object
    ("وأعلنت قيادة الجيش السوري مساء الأربعاء السيطرة على مدينة البوكمال بعد اشتباكات.",
     LIBERATED),
    ("وكان الجيش السوري قد أعلن سيطرته على البوكمال في بيان بثه التلفزيون الرسمي.", LIBERATED),
    # ... by the noun of saying
    ("وبعد يوم من إعلان الجيش السوري السيطرة على البوكمال عادت بعض العائلات إلى منازلها.",
     LIBERATED),
    # ... over the town named before the verb
    ("وتحدثت تقارير عن قادة للتنظيم في البوكمال التي أعلن الجيش السوري السيطرة عليها الخميس.",
     LIBERATED),
    # a time phrase before the object
    ("وكان الجيش السوري أعلن قبل يومين سيطرته على البوكمال.", LIBERATED),
    ("وأعلن الجيش السوري في وقت سابق تحرير البوكمال من مسلحي التنظيم.", LIBERATED),
    # the frame of saying before the object
    ("وأعلن الجيش السوري في بيان له استعادة البوكمال.", LIBERATED),
    # the government named as its opponents name it (a speaker form)
    ("وكانت قوات النظام قد أعلنت سيطرتها على البوكمال بعد معارك مع التنظيم.", LIBERATED),
    ("وقال نظام الأسد إن وحداته حررت البوكمال.", LIBERATED),
    # the group itself denying it has withdrawn from the town (named, or "the city" before)
    ("وبعد يوم من إعلان الجيش السوري السيطرة على البوكمال نفى تنظيم داعش الانسحاب من المدينة.",
     LIBERATED | {("ISIS", "codebook", "ABU_KAMAL_LIBERATED", "denies")}),
    ("ونفى تنظيم داعش في بيان الانسحاب من البوكمال.",
     {("ISIS", "codebook", "ABU_KAMAL_LIBERATED", "denies")}),
    ("ونفى تنظيم داعش الانسحاب من مواقعه في محيط البوكمال.", set()),
    ("ونفى الجيش السوري الانسحاب من البوكمال.", set()),
    # not parts of the town, not a battle for it, not control deeper in what is said
    ("وأعلن الجيش السوري السيطرة على أحياء في البوكمال.", set()),
    ("وأعلن الجيش السوري السيطرة على قرى في محيط البوكمال.", set()),
    ("وأعلن الجيش السوري بدء معركة السيطرة على البوكمال.", set()),
    ("وأعلن الجيش السوري قبل أيام أن معركة السيطرة على البوكمال اقتربت.", set()),
    # a fight "for control" (ل before the article: للسيطرة) denied is no denial of the control
    ("ونفت فصائل عراقية مشاركة مقاتليها في القتال الدائر للسيطرة على مدينة البوكمال.", set()),
])
def test_recall_classes(text, expected):
    assert scored(text) == expected
