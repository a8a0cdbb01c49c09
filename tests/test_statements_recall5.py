"""False statements on unseen scraped pages, found by reading every statement predicted on a
seeded sample of unannotated pool pages and a mining set (helper S5, /work/corpus/dev2_recall4,
tune half and mining set; notes in /work/corpus/dev2_recall5). Each class is fixed as codebook
data or a general rule, with a guard that the claim is still read where it is said. Sentences
written for this test, none copied from a page:

- a deal's words about another deal: an agreement named for the clash it prevents ("اتفاق منع
  التعارض": a noun, nobody opposing), another's consent ("بموافقة موسكو"), a deal that lets a state buy arms, an "internal"
  agreement, the wounded taken to hospital (COALITION_PARTY_TO_DEAL, RAQQA_DEAL: codebook data, ``not_between`` words that
  qualify the anchor itself now cut a pattern without near groups too, ``claims._near_span``);
- an option or a scenario weighed ("والخيار الثاني هو …"): the lexicon's ``conditional`` words,
  unless negated ("لا يمكن إنكار أن": ``stance.irrealis_before``);
- a ticker line, headlines glued after their date-and-time stamps: a content ends at the next
  stamp (``statements/tickers.py``);
- the support called "so-called" by the speaker ("ما يسمى بالدعم الأمريكي لداعش"): denied, as
  "alleged" is; not the group's name ("ما يسمى تنظيم داعش");
- a verbal noun with the US as its subject and the group after مع ("تعاون واشنطن مع داعش"): the
  claim's wording; not with another party against the group;
- a verb's form after the article is the tail of a name ("فاليري" is no "يري":
  ``statements/cues.py``).
"""

import pytest

from tests.statement_probe import scored


def _claims(text):
    return {(claim, stance) for _, _, claim, stance in scored(text)}


WRONG = [
    # a deal named for the clash it prevents: no opposing
    ("ويقول البيت الأبيض إن المطار مشمول باتفاق منع التعارض الموقع بين الولايات المتحدة "
     "وروسيا لتفادي الصدام في سماء الرقة .", "COALITION_PARTY_TO_DEAL"),
    # Moscow's consent to a deal between two presidents
    ("ويرى المحلل أن واشنطن حققت اختراقا بموافقة موسكو خلال اتفاق بين ترمب وبوتين على "
     "إبعاد القوات الأجنبية عن الجنوب .", "COALITION_PARTY_TO_DEAL"),
    # an internal agreement
    ("وخلص الباحث إلى وجود اتفاق داخلي بين الأحزاب الكردية حول إدارة الرقة بعد طرد "
     "التنظيم .", "RAQQA_DEAL"),
    # a deal letting a state buy arms
    ("وأعلن الرئيس أن الطرفين سيوقعان اتفاق يتيح لأنقرة شراء منظومة صواريخ , بعد معركة "
     "الرقة .", "RAQQA_DEAL"),
    # an option, a scenario, a possibility weighed
    ("ويقول خبير عسكري إن الخيار الثاني هو إطلاق يد داعش في الرقة بالاتفاق مع الأكراد ودفع "
     "مسلحيه نحو تدمر .", "RAQQA_DEAL"),
    ("ويقول خبير عسكري إن السيناريو المرجح هو خروج مسلحي داعش من الرقة بموجب اتفاق مع "
     "الأكراد .", "RAQQA_DEAL"),
    ("ويقول خبير عسكري إنه يمكن أن يتم التوصل إلى اتفاق لخروج مسلحي داعش من الرقة .",
     "RAQQA_DEAL"),
    # the wounded taken to hospital: no fighters carried out under a deal
    ("وقالت المصادر إن قائدا ميدانيا قتل وأصيب أربعة عناصر آخرين تم نقلهم إلى مشفى في مدينة "
     "الطبقة بريف الرقة .", "RAQQA_DEAL"),
    # a ticker: the reporter's item ends at the next item's stamp
    ("2019 - 03 - 02 10 : 15 : 40 قال مراسلنا إن الأمطار أغلقت الطريق الرئيسي 2019 - 03 - 02 "
     "09 : 02 : 11 عرض الفنان قبل عام مجموعة صور عن الفلوجة في معرض جديد .", "OLD_FOOTAGE"),
    # "فاليري" is a name, no verb of seeing
    ("ورد رئيس الأركان فاليري ماكاروف الولايات المتحدة بدعم تنظيم داعش في سوريا .",
     "US_SUPPORTS_ISIS"),
]


@pytest.mark.parametrize("text,claim", WRONG)
def test_not_this_claim(text, claim):
    assert claim not in {c for c, _ in _claims(text)}


RIGHT = [
    # guards: the same wordings about the claim's own deal
    ("وقال المسؤول إن التحالف الدولي يعارض الاتفاق الذي سمح لمسلحي داعش بالخروج من الرقة .",
     "COALITION_PARTY_TO_DEAL"),
    ("وأكد المصدر أن الاتفاق تم بموافقة التحالف الدولي على خروج مسلحي داعش من الرقة .",
     "COALITION_PARTY_TO_DEAL"),
    ("وأكد المصدر أنه تم الاتفاق بين قسد والتحالف الدولي على خروج مسلحي داعش من الرقة .",
     "COALITION_PARTY_TO_DEAL"),
    ("وخلص الباحث إلى وجود اتفاق بين قسد والتنظيم على خروج مسلحيه من الرقة .", "RAQQA_DEAL"),
    ("ويقول خبير عسكري إن مسلحي داعش خرجوا من الرقة بموجب اتفاق مع الأكراد .", "RAQQA_DEAL"),
    ("وقالت المصادر إن الحافلات نقلت مئات المسلحين من الرقة إلى البادية .", "RAQQA_DEAL"),
    # a negated possibility is no option weighed: said
    ("وقال ناشطون إنه لا يمكن إنكار أن الاتفاق سمح لمسلحي داعش بمغادرة الرقة .", "RAQQA_DEAL"),
    ("وقال ناشطون إن الاتفاق يتيح لمسلحي داعش مغادرة الرقة .", "RAQQA_DEAL"),
    ("وقال مراسلنا إن الصور المنشورة قديمة وتعود إلى قصف عراقي قرب الفلوجة قبل عام .",
     "OLD_FOOTAGE"),
    ("ويرى الخبير أن الولايات المتحدة تدعم تنظيم داعش في سوريا .", "US_SUPPORTS_ISIS"),
    ("من جهته وصف الجنرال فاليري ماكاروف الولايات المتحدة بأنها تدعم داعش .",
     "US_SUPPORTS_ISIS"),
]


@pytest.mark.parametrize("text,claim", RIGHT)
def test_still_this_claim(text, claim):
    assert claim in {c for c, _ in _claims(text)}


STANCE = [
    ("وقال المتحدث الأمريكي إن ما يسمى بالدعم الأمريكي لداعش مجرد دعاية .", "denies"),
    ("وقال المتحدث الأمريكي إن ما يسمى بالتعاون بين واشنطن وتنظيم داعش كذبة .", "denies"),
    ("وقال المسؤول الروسي إن ما يسمى تنظيم داعش يتلقى الدعم الأمريكي في سوريا .", "asserts"),
    ("وقال المتحدث الروسي إن تعاون واشنطن مع داعش بات مكشوفا .", "asserts"),
    ("وقال المتحدث الروسي إن تنسيق التحالف مع داعش في البادية بات واضحا .", "asserts"),
    ("وقال المتحدث إن تعاون واشنطن مع موسكو ضد داعش مستمر .", None),
    ("وقال المتحدث إن تعاون واشنطن مع قسد في محاربة داعش مستمر .", None),
]


@pytest.mark.parametrize("text,stance", STANCE)
def test_support_stance(text, stance):
    stances = {s for c, s in _claims(text) if c == "US_SUPPORTS_ISIS"}
    assert stances == ({stance} if stance else set())
