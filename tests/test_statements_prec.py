"""Classes of wrong statements that a precision audit of unseen scraped pages showed (every
prediction on 800 pool pages read, /work/corpus/dev2_prec A and A2; sentences written for this
test, none copied from a page), each with a guard that the claim is still found:

- a claim's words in an article that never names what the claim needs (another deal, another
  city's agreement: the claim's ``needs`` met nowhere in the document);
- support without the claim's object ("الدعم العسكري لشركائها": an example match);
- support cut from the group by an act against it ("ومنع عودة", "في مواجهة", "معارك ... مع");
- what someone seeks ("السعي لتسوية") or an operation's name ("عمليات احتلال") read as a deed;
- a town "under the control of" the group read as liberated;
- the group leaving "without a fight", or an actor named far off in a long sentence, read as
  US forces unhindered;
- an adjective's stem matching a verbal noun ("قديم*" in "تقديم");
- "among them" (بينهم) read as hiding among civilians;
- one word counted as both a pattern's anchor and its near group ("صفقات")."""

import pytest

from tests.statement_probe import scored

#: neutral sentences before the one tested: an article, not an excerpt (statements/article.py MIN_ARTICLE)
LEAD = ("عقد المجلس اجتماعه الدوري أمس في مقره بحضور عدد من الوزراء والمسؤولين والخبراء. "
        "وناقش المجتمعون عدة ملفات مطروحة على جدول الأعمال تتعلق بالاقتصاد والتعليم والصحة "
        "والنقل والطاقة والزراعة والمياه، واستمعوا إلى تقارير اللجان المختصة عن سير العمل "
        "خلال الأشهر الماضية. ") * 4


@pytest.mark.parametrize("text, expected", [
    # a deal in an article that names no city of the claim: another deal
    (LEAD + "وقال مسؤولون في الحكومة اللبنانية إن الاتفاق يسمح بإجلاء خمسمئة شخص من البلدة "
     "الحدودية.", set()),
    # ... while the same words in an article on the city still count
    (LEAD + "خرج مئات المسلحين من الرقة أمس. وقال مسؤولون محليون إن الاتفاق يسمح بإجلاء "
     "عائلاتهم.", {("UNK", "source", "RAQQA_DEAL", "asserts")}),
    # ... and in an excerpt of a few sentences, which may leave the city to its surroundings
    ("وقال مسؤولون محليون إن الاتفاق يسمح بإجلاء عائلات المسلحين.",
     {("UNK", "source", "RAQQA_DEAL", "asserts")}),
    # foreign fighters named in an article on no city of the claim: no escape from it
    (LEAD + "وقالت الحكومة الهولندية إن مقاتلين أجانب غادروا البلاد للانضمام إلى داعش.", set()),
    # support for partners, not for ISIS: the act without the claim's object
    ("ونقل البيت الأبيض عن الرئيس الأمريكي قوله إنه أبلغ الرئيس التركي أن واشنطن بدأت تعدل "
     "الدعم العسكري لشركائها في سوريا. وتقاتل هذه القوات تنظيم داعش.", set()),
    ("وقال الرئيس الأمريكي إن واشنطن ستواصل دعم حلفائها على الأرض في سوريا.", set()),
    # ... while the object said keeps it
    ("وقال وزير الخارجية الروسي إن واشنطن تدعم الإرهابيين في سوريا. ويقاتل الجيش السوري داعش.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
    # an act against the group between the support and it
    ("وقال البنتاغون إن القوات الأمريكية باقية لدعم شركائها ومنع عودة الجماعات الإرهابية.",
     set()),
    # what someone seeks is no deal made
    ("وقال الوزير إن بلاده تؤكد السعي لتسوية عبر الحوار بين الأطراف في الرقة وخروج المسلحين.",
     set()),
    # support against the group ("في مواجهة") is no support of it
    ("وقال الرئيس التركي إنه يريد طرد القوات الكردية التي تدعمها الولايات المتحدة في مواجهة "
     "تنظيم داعش.", set()),
    # a town "under the control of" the group is no liberation
    ("وقال الجنرال إن ضربات جوية نفذت في منطقة البوكمال، آخر مدينة كانت تحت سيطرة تنظيم الدولة.",
     set()),
    ("وقال الجيش السوري إن البوكمال باتت تحت سيطرة قواته بالكامل.",
     {("SYRIAN_GOV", "codebook", "ABU_KAMAL_LIBERATED", "asserts")}),
    # the group leaving a town "without a fight" says nothing of US forces
    ("وذكرت مواقع محلية أن الوجهاء يفاوضون على انسحاب داعش من المدينة دون قتال.", set()),
    ("ولفتت وزارة الدفاع الروسية إلى أن طائرات الاستطلاع لم ترصد أي اشتباك بين التنظيم "
     "والقوات الأمريكية.", {("RU_MOD", "codebook", "US_SAFE_IN_ISIS_AREAS", "asserts")}),
    # a stem of an adjective matches no verb's imperfect: تقديم is no "قديم"
    ("وقال مدير الوكالة إن قوتها تكمن في تقديم الصور والتسجيلات المصورة بسرعة قياسية.", set()),
    ("وقال ناشطون إن وزارة الدفاع الروسية نشرت صورا قديمة لغارات في العراق.",
     {("ACTIVISTS", "codebook", "OLD_FOOTAGE", "asserts")}),
    # an operation's name is its aim: "عمليات احتلال المدينة" is no occupation said
    ("وقالت مصادر مطلعة إن أنقرة فشلت في إقناع واشنطن بالسماح لها بالمشاركة في عمليات احتلال "
     "مدينة الرقة من أيدي داعش.", set()),
    # "among them" counts the fighters: no hiding among civilians
    ("وقال الرئيس الفرنسي إن الجماعات الإرهابية في الرقة تضم نحو عشرة آلاف مقاتل أجنبي من "
     "خمسين دولة، بينهم ألف أوروبي.", set()),
    ("وقال مسؤول كردي إن مقاتلين أجانب خرجوا من الرقة مختبئين بين المدنيين.",
     {("UNK", "source", "FOREIGN_FIGHTERS_ESCAPED", "asserts")}),
    # a word that is both the pattern's anchor and its near group counts once: "صفقات" alone is
    # no party to a deal
    ("وقال المحلل إن روسيا عقدت صفقات مع تركيا والولايات المتحدة لتهدئة الجبهات حول الرقة.",
     set()),
    # in a long sentence, an actor named far from the anchor is not its subject
    ("وقال الباحث إن الولايات المتحدة سلمت البلاد لجيرانها بعد أن احتلتها وحلت جيشها ثم انسحبت "
     "منها تحت ضغط المقاومة فعملت القوى الإقليمية على توسيع نفوذها الاقتصادي والسياسي والعسكري "
     "فيها حتى وصل الأمر إلى دخول قوات من الشرطة الأجنبية إلى مناطق الجنوب بعد هزيمة تنظيم "
     "داعش.", set()),
    ("وقالت وزارة الدفاع الروسية إن آليات أمريكية تدخل مناطق سيطرة داعش دون أي عوائق.",
     {("RU_MOD", "codebook", "US_SAFE_IN_ISIS_AREAS", "asserts")}),
    # support for those who fight the group: the battle governs the group before the support
    ("وقال المرصد إن الفصائل خاضت معارك عنيفة مع تنظيم داعش، وبغطاء جوي من طيران التحالف الدولي.",
     set()),
    ("وقالت موسكو إن التحالف الدولي يقدم غطاء جويا لتنظيم داعش في معاركه مع الجيش السوري.",
     {("RUSSIA", "codebook", "US_SUPPORTS_ISIS", "asserts")}),
])
def test_precision_classes(text, expected):
    assert scored(text) == expected
