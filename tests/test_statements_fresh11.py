"""Statement classes found on fresh pool pages drawn by topic (helper C11, ``/work/helpers/C``)
and on the tune halves. Every sentence is written for this test (none copied from a page):
two speakers joined by "و" each say what their verb says, a dual verb ("اتهما", "أكدا") is a
verb of saying, a second subject after a preposition ("بين دمشق وموسكو") or a pair of accused
objects is no speaker; "its Russian ally" is Russia; help for a faction that fights the group
("تحارب التنظيم بدعم من التحالف") is no support of the group; foreign fighters who are to hand
themselves over in exchange for their families' exit did not escape; "احتلال الرقة" in construct
names the city's capture (a heading's "دلالات احتلال الرقة") unless its occupier, a foreign presence
or its going on is said; the pronoun that says what a city is ("الرقة التي قال إنها مدينة محتلة")
stands for the city named before it, as "المدينة" does."""

import pytest

from tests.statement_probe import scored


@pytest.mark.parametrize("text, expected", [
    # a dual verb after two coordinated subjects: both speak
    ("وكان الجيش السوري وروسيا قد اتهما الولايات المتحدة بدعم داعش.",
     {("SYRIAN_GOV", "codebook", "US_SUPPORTS_ISIS", "asserts"),
      ("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    ("وكانت وزارة الدفاع الروسية والحكومة السورية قد أكدتا أن الطيران الأمريكي يحمي مسلحي داعش.",
     {("RU_MOD", "codebook", "US_SUPPORTS_ISIS", "asserts"),
      ("SYRIAN_GOV", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    # two subjects after the verb
    ("واتهمت روسيا والحكومة السورية الولايات المتحدة بدعم داعش.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts"),
      ("SYRIAN_GOV", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    ("وأكدت وزارة الدفاع الروسية والحكومة السورية أن الطيران الأمريكي يحمي مسلحي داعش.",
     {("RU_MOD", "codebook", "US_SUPPORTS_ISIS", "asserts"),
      ("SYRIAN_GOV", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    # "its Russian ally" named with the army is Russia
    ("وكان الجيش السوري وحليفه الروسي قد اتهما الولايات المتحدة بحماية مسلحي داعش.",
     {("SYRIAN_GOV", "codebook", "US_SUPPORTS_ISIS", "asserts"),
      ("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    # ... but not a pair governed by a preposition, nor the accused pair after the accuser
    ("وفي لقاء بين دمشق وموسكو قالت روسيا إن الولايات المتحدة تدعم داعش.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    ("واتهمت واشنطن الجيش السوري وروسيا بدعم داعش.", set()),
    ("وقال مسؤول تركي إن واشنطن اتهمت الجيش السوري والحكومة الروسية بالكذب.", set()),
    # an agreement between the coalition and the group on its fighters leaving the city
    ("وقال مصدر إنه تم الاتفاق بين التحالف الدولي وتنظيم داعش على خروج المسلحين من الرقة.",
     {("UNK", "source", "RAQQA_DEAL", "asserts"),
      ("UNK", "source", "COALITION_PARTY_TO_DEAL", "asserts")}),
    # the coalition's help for those who fight the group is no support of the group
    ("وقال المسؤول إن الفصائل تحارب التنظيم بدعم من التحالف.", set()),
    ("وقال المسؤول إن التحالف يقدم الدعم لتنظيم داعش.",
     {("UNK", "named", "US_SUPPORTS_ISIS", "asserts")}),
    # foreign fighters to hand themselves over in exchange for their families' exit: no escape
    ("وقال المصدر إن الأمريكيين طلبوا تسليم المقاتلين الأجانب أنفسهم مقابل السماح لعائلاتهم "
     "بالخروج من الرقة.", set()),
    ("وقال المصدر إن عشرات المقاتلين الأجانب تمكنوا من الفرار من الرقة.",
     {("UNK", "source", "FOREIGN_FIGHTERS_ESCAPED", "asserts")}),
    # "احتلال الرقة" in construct names the city's capture unless its occupier, a foreign
    # presence or its going on is said
    ("وقال مسؤول إن دلالات احتلال الرقة كبيرة على مستقبل المنطقة.", set()),
    ("وقالت دمشق إن احتلال الرقة مستمر.",
     {("SYRIAN_GOV", "codebook", "RAQQA_NOT_LIBERATED", "asserts")}),
    ("وقال المسؤول إن احتلال قسد للرقة لن يدوم.",
     {("UNK", "named", "RAQQA_NOT_LIBERATED", "asserts")}),
    ("وقالت دمشق إن الرقة تحت الاحتلال.",
     {("SYRIAN_GOV", "codebook", "RAQQA_NOT_LIBERATED", "asserts")}),
    # the pronoun that says what a city is stands for the city named before it
    ("وعن الرقة قال وزير الخارجية السوري إنها مدينة محتلة.",
     {("SYRIAN_GOV", "codebook", "RAQQA_NOT_LIBERATED", "asserts")}),
    ("وتحدث وزير الخارجية السوري عن الرقة التي قال إنها مدينة محتلة.",
     {("SYRIAN_GOV", "codebook", "RAQQA_NOT_LIBERATED", "asserts")}),
])
def test_fresh11_statement_classes(text, expected):
    assert scored(text) == expected
