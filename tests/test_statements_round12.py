"""Statement classes of round 2 (helper C12, ``/work/helpers/C2``). Every sentence is written
for this test (none copied from a page): an accusation after "(went) so far as" ("وصلت إلى حد
اتهام", "لدرجة اتهام") is the clause's subject's, the subject after an opening verb, before the
verb, or the actor whose adjective follows the sentence's opening noun; a subjectless verb of
saying followed by a colon ("وأضاف : " … "") goes on with the current speaker, and so does an
"وأن" clause after the quote; a headline's state glued to its subtitle's ministry saying the
same claim ("موسكو تتهم … الدفاع الروسية تقول إن …") is the ministry's statement alone, but
two verbs joined by و stay two statements; a town named only as where something lies ("حيث
تقع المدينة") is not the town the fighters were driven from (codebook: ABU_KAMAL_LIBERATED's
not_between)."""

import pytest

from tests.statement_probe import scored


@pytest.mark.parametrize("text, expected", [
    # an accusation after "(so far) as": the clause's subject accuses
    ("وصلت موسكو إلى حد اتهام واشنطن بحماية عناصر داعش الفارين من البوكمال.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    ("والحكومة الروسية ذهبت إلى حد اتهام الأمريكيين بحماية مقاتلي داعش.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    ("الحملة الإعلامية الروسية على البنتاغون، التي لم تهدأ منذ أسابيع، بلغت حد اتهام "
     "واشنطن بحماية عناصر داعش.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    ("ووصل الخلاف بين العاصمتين لدرجة اتهام واشنطن بحماية عناصر داعش.", set()),
    # a statement noun with no owner and no "so far as" stays no frame
    ("وتحدث التقرير عن اتهام واشنطن بحماية عناصر داعش.", set()),
    # a subjectless verb of saying before a colon goes on with the speaker
    ("وقال المسؤول إن القوات نقلت المقاتلين بالحافلات. وأضاف : \" الإعلان عن المعركة كان "
     "تمويها \" وأن الصفقة على خروج مسلحي الرقة وافق عليها التحالف الدولي.",
     {("UNK", "named", "COALITION_PARTY_TO_DEAL", "asserts"),
      ("UNK", "named", "RAQQA_DEAL", "asserts")}),
    ("وقال المسؤول إن القوات نقلت المقاتلين بالحافلات. وأضاف : الصفقة على خروج مسلحي الرقة "
     "وافق عليها التحالف الدولي.",
     {("UNK", "named", "COALITION_PARTY_TO_DEAL", "asserts"),
      ("UNK", "named", "RAQQA_DEAL", "asserts")}),
    # a headline's state glued to its ministry's subtitle: the ministry's statement
    ("روسيا تتهم التحالف بحماية داعش وزارة الدفاع الروسية تقول إن الأمريكيين يحمون عناصر "
     "داعش.",
     {("RU_MOD", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    # ... but two verbs joined by و are two statements
    ("وقالت موسكو إن واشنطن تحمي داعش، وأكدت وزارة الدفاع الروسية أن الأمريكيين يحمون "
     "عناصر داعش.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts"),
      ("RU_MOD", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    # ... and so are two subjects of one verb
    ("اتهمت روسيا ووزارة الدفاع الروسية واشنطن بحماية عناصر داعش.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts"),
      ("RU_MOD", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    # the town named only as where something lies is not what the fighters were driven from
    ("دخل الجيش السوري البوكمال. وأوضحت الوكالة أن الجيش التقى القوات العراقية على الحدود "
     "بين البلدين، حيث تقع المدينة، بعد طرد عناصر التنظيم من مواقعهم في تلك المنطقة.", set()),
    ("وقالت الوكالة إن الجيش وصل إلى الحدود حيث تقع البوكمال بعد طرد عناصر التنظيم من "
     "المنطقة.", set()),
    ("وقالت الوكالة إن الجيش طرد عناصر التنظيم من مدينة البوكمال.",
     {("UNK", "source", "ABU_KAMAL_LIBERATED", "asserts")}),
])
def test_round12_statement_classes(text, expected):
    assert scored(text) == expected
