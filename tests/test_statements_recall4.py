"""Classes of "the US supports ISIS" (US_SUPPORTS_ISIS) missed on unseen scraped pages, found by a
recall audit (helper S4: sentences of a seeded sample of unannotated pool pages,
/work/corpus/dev2_recall4, and the S3 audit's classes, /work/corpus/dev2_prec/recall_S3.md),
each fixed as codebook data (claims.jsonl cue patterns), with guards that nothing more is read
into it. Sentences written for this test, none copied from a page:

- members of the group as the object of training, moving, evacuating, rescuing, smuggling or
  supplying, the group named a few words on ("تدرب مسلحين كانوا في السابق من عناصر تنظيم داعش",
  "أجلت قادة من التنظيم"), the doer named by an adjective ("مروحيات أمريكية أجلت مسلحين"); not
  moving them out of a town (نقل، خروج، انسحاب، مغادرة: the deal's wording, RAQQA_DEAL and its kin);
- letting the group's fighters get away: their escape, passage or a corridor made easy or
  secured ("بتسهيل هروب مقاتلي داعش", "تتيح ممرا لمسلحي داعش"), their retreat covered ("غطت
  انسحاب مسلحي التنظيم"); not the civilians' way out, not under a deal, not their exit from a
  town (the deal's wording: tests/data/paraphrases.jsonl tune items);
- cooperation named as a pair ("التعاون بين التحالف والإرهابيين");
- weapons dropped or handed to the group ("أسقط أسلحة للتنظيم");
- the support with the US named only by its adjective ("الدعم الأمريكي لداعش");
- the support called "alleged" by the speaker ("الدعم الأمريكي المزعوم", "التنسيق المزعوم
  بين"): denied, whatever the verb of saying; "alleged" of the group's state is no denial;
- "safe havens" that the US deprives the group of ("حرمانهم من الملاذات") are no haven given, nor
  is support after the group is cleared out or deprived ("لحرمان داعش ... تدريب حلفائها",
  "تطهير جرابلس من قبضة داعش بدعم من الفصائل");
- met with it: a verb of saying with ب on it ("بزعم محاربة داعش") is a pretext, no one's
  statement; the second of a preposition's objects ("بين برلين وواشنطن") is no subject;
- a two-word surname ("عبد الرحمن" after "رامي عبد الرحمن") names the person again;
- and ABU_KAMAL_NO_STRIKE: the operation or the strikes at the town obstructed ("بتعطيل العملية
  العسكرية في البوكمال").
"""

import pytest

from tests.statement_probe import scored


def _asserts(actor, kind="codebook"):
    return {(actor, kind, "US_SUPPORTS_ISIS", "asserts")}


def _denies(actor):
    return {(actor, "codebook", "US_SUPPORTS_ISIS", "denies")}


@pytest.mark.parametrize("text, expected", [
    # members of the group as the object, the group named a few words on
    ("وقال رئيس الأركان الروسي إن الولايات المتحدة تدرب مسلحين كانوا في السابق من عناصر "
     "تنظيم داعش.", _asserts("RUSSIA")),
    ("وقالت وزارة الدفاع الروسية إن القوات الأمريكية أجلت قادة من تنظيم داعش بالمروحيات.",
     _asserts("RU_MOD")),
    # ... the doer named by an adjective
    ("وذكرت وكالة سانا أن مروحيات أمريكية أجلت مسلحين من داعش إلى جهة مجهولة.",
     _asserts("SANA")),
    # guards: the allies trained or moved to fight the group, the US's own troops
    ("وقال التحالف إنه ينقل مقاتلين محليين دربهم لقتال داعش إلى دير الزور.", set()),
    ("وقال البنتاغون إنه سيواصل تسليح المقاتلين الأكراد الذين يحاربون تنظيم داعش.", set()),
    ("وقال مسؤول أمريكي إن القوات الأمريكية نقلت عناصر من قسد لقتال داعش في دير الزور.",
     set()),
    ("وقال الجيش الأمريكي إنه أجلى جنوده من قاعدة قرب مواقع داعش.", set()),
    # ... nor an evacuation under a deal (the deal's claims, not this one)
    ("وقالت دمشق إن القوات الأمريكية أشرفت على اتفاق إجلاء عناصر من داعش.", set()),
    # letting the group's fighters get away
    ("واتهمت وزارة الدفاع الروسية واشنطن بتسهيل هروب مقاتلي داعش من المدينة.",
     _asserts("RU_MOD")),
    ("وقالت وزارة الدفاع الروسية إن واشنطن تتيح ممرا لمسلحي داعش نحو البوكمال.",
     _asserts("RU_MOD")),
    ("وقالت موسكو إن طائرات التحالف غطت انسحاب مسلحي التنظيم من المدينة.", _asserts("RUSSIA")),
    ("واتهمت دمشق واشنطن بتأمين فرار مسلحي داعش عبر البادية.", _asserts("SYRIAN_GOV")),
    # guards: the civilians' way out; the fighters' movements watched
    ("وقال المتحدث باسم التحالف إن قواته ساعدت المدنيين على الخروج من مناطق سيطرة داعش.",
     set()),
    ("وقال المتحدث باسم التحالف إن طائراته تراقب تحركات مسلحي داعش في البادية.", set()),
    # cooperation named as a pair
    ("وقالت وزارة الدفاع الروسية إن التعاون بين التحالف والإرهابيين مستمر.",
     _asserts("RU_MOD")),
    # weapons dropped to the group
    ("وقالت وزارة الدفاع الروسية إن طائرات أمريكية ألقت أسلحة وذخائر لمسلحي داعش.",
     _asserts("RU_MOD")),
    ("وقالت وزارة الدفاع الروسية إن التحالف أسقط أسلحة للتنظيم في ريف دير الزور.",
     _asserts("RU_MOD")),
    # the US named by the support's adjective
    ("وقالت موسكو إن الدعم الأمريكي لداعش لم يعد سرا.", _asserts("RUSSIA")),
    # guard: protecting civilians from the group, by a force the US backs
    ("وقالت قوات سوريا الديمقراطية المدعومة أمريكيا إنها تحمي المدنيين من هجمات داعش.", set()),
    # "alleged": the speaker rejects it, whatever the verb of saying
    ("وعلق المتحدث باسم البنتاغون على الدعم الأمريكي المزعوم لتنظيم داعش بالقول إنه دعاية.",
     _denies("US_DOD")),
    ("وقال المتحدث باسم البنتاغون إن الحديث عن التنسيق المزعوم بين القوات الأمريكية وداعش "
     "لا يستحق الرد.", _denies("US_DOD")),
    ("وسخر البنتاغون من التقارير المزعومة عن حماية القوات الأمريكية لمسلحي داعش.",
     _denies("US_DOD")),
    # guards: "alleged" of the group's state, not of the support
    ("وقال وزير الخارجية الروسي سيرغي لافروف إن واشنطن تدعم تنظيم الدولة الإسلامية المزعومة.",
     _asserts("RUSSIA", "named")),
    ("وقال وزير الخارجية الروسي سيرغي لافروف إن الدعم الأمريكي لتنظيم داعش في دولته المزعومة "
     "واضح.", _asserts("RUSSIA", "named")),
    # havens the US deprives the group of
    ("وقالت واشنطن إنها ملتزمة بقتل أعضاء التنظيم وحرمانهم من الملاذات الآمنة.", set()),
    # depriving or clearing the group out, then support for others (precision on the sample)
    ("وقالت وكالة أسوشييتد برس إن واشنطن ستعمل لحرمان داعش من أي ملجأ وستواصل تدريب حلفائها "
     "وتسليحهم.", set()),
    ("وقال مسؤول تركي إن الحكومة التركية فكرت في شن عملية تطهير جرابلس من قبضة داعش بدعم من "
     "فصائل المعارضة لكن الخلافات مع الولايات المتحدة حالت دون ذلك.", set()),
])
def test_us_supports_isis_wordings(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb of saying's form with ب on it is a verbal noun, a pretext ("بزعم محاربة داعش"):
    # no one speaks, the group after it least of all (cues.py)
    ("وتقود واشنطن تحالفا بزعم محاربة تنظيم داعش , كما سهل هذا التحالف هروب مسلحي التنظيم "
     "من منطقة إلى أخرى.", set()),
    # the second of a preposition's two objects joined by و is no subject of the verb after
    # them ("الخلاف بين برلين وواشنطن أفادت": not Washington) (speakers.py)
    ("مصادر ألمانية مطلعة على الخلاف بين برلين وواشنطن أفادت أن طائرات التحالف أسقطت أسلحة "
     "للتنظيم في سوريا.", set()),
    ("وقالت روسيا وتركيا إن التحالف يتواطأ مع داعش.", _asserts("RUSSIA")),
])
def test_speaker_classes_met_with_it(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text, expected", [
    # obstructing the operation or the strikes at the town (ABU_KAMAL_NO_STRIKE), not an
    # advance anywhere, nor the coalition's own operations held up
    ("واتهمت روسيا الولايات المتحدة بتعطيل العملية العسكرية في البوكمال.",
     {("RUSSIA", "codebook", "ABU_KAMAL_NO_STRIKE", "asserts")}),
    ("واتهمت وزارة الدفاع الروسية الولايات المتحدة بعرقلة العملية العسكرية للجيش السوري في "
     "البوكمال.", {("RU_MOD", "codebook", "ABU_KAMAL_NO_STRIKE", "asserts")}),
    ("وقالت موسكو إن واشنطن تعرقل تقدم القوات السورية نحو البوكمال.", set()),
    ("وقال التحالف إن الطقس السيئ عطل عملياته قرب البوكمال.", set()),
])
def test_obstructing_the_operation_at_abu_kamal(text, expected):
    assert scored(text) == expected


def test_a_two_word_surname_names_the_person_again():
    """"رامي عبد الرحمن" recalled as "عبد الرحمن" (a surname of عبد/أبو/بن and a word,
    named.py): the person speaks, not the last subject before ("انكفأ تنظيم داعش")."""
    text = ("وقال مدير المرصد رامي عبد الرحمن لوكالة فرانس برس إن المعارك مستمرة.\n"
            "انكفأ تنظيم داعش في مواجهة هجمات ضده إلى مدينة البوكمال.\n"
            "ويؤكد عبد الرحمن أن حزب الله ومقاتلين عراقيين شكلوا عماد المعركة لطرد تنظيم داعش "
            "من البوكمال.")
    assert scored(text) == {("UNK", "named", "ABU_KAMAL_LIBERATED", "asserts")}


def test_a_surname_named_earlier_before_its_verb():
    """"غير أن جيراسيموف قال لصحيفة ... أمس إن": the person named in full before speaks again,
    the surname before the verb, the verb's addressee and a time phrase before its object
    (speakers.py ``_named_before``)."""
    text = ("وقال رئيس هيئة الأركان الروسية فاليري جيراسيموف إن القاعدة الأمريكية غير قانونية.\n"
            "غير أن جيراسيموف قال لصحيفة كراسنايا زفيزدا أمس الأربعاء إن الولايات المتحدة تدرب مسلحين "
            "كانوا في السابق من عناصر تنظيم داعش.")
    assert ("UNK", "named", "US_SUPPORTS_ISIS", "asserts") in scored(text) or \
        ("RUSSIA", "named", "US_SUPPORTS_ISIS", "asserts") in scored(text)
