import pytest

from riwaya.pipeline.clean import clean_text

BODY = "وقالت وزارة الدفاع الروسية أمس الثلاثاء، إن موظفا أرفق صوراً خاطئة بتقرير."
BODY2 = "وأكد ناشطون على مواقع التواصل الاجتماعي أن التقرير الروسي احتوى على مقاطع من لعبة فيديو."


@pytest.fixture(scope="module")
def clean(sample_codebook):
    """clean_text with the sample codebook's rules."""
    return lambda text: clean_text(text, boilerplate=sample_codebook.boilerplate,
                                   sources=sample_codebook.sources)


@pytest.mark.parametrize("junk, reason", [
    ("إقرأ أيضاً: موسكو تعتزم عقد مؤتمر سوتشي", "read-also link"),
    ("اقرأ ايضا: خبر آخر عن روسيا", "read-also link"),
    ("قد يهمك: فرنسا تدعو روسيا لوقف الهجمات في سوريا", "teaser"),
    ("الشريط الإخباري", "ticker"),
    ("ترجمة: فريق الاولى نيوز", "credit"),
    ("إعداد وتقديم: عماد الطفيلي", "credit"),
    ("جميع الحقوق محفوظة © 2017", "footer"),
    ("التعليقات المنشورة لا تعبر عن رأي الموقع", "comment policy"),
    ("الرئيسية | سياسة | اقتصاد | رياضة", "site menu"),
])
def test_boilerplate_lines_are_removed(junk, reason, clean):
    out = clean(f"{BODY}\n{junk}\n{BODY2}")
    assert junk not in out.text
    assert BODY in out.text and BODY2 in out.text
    assert {"text": junk, "reason": reason} in out.removed


def test_related_stories_drop_the_rest(clean):
    out = clean(f"{BODY}\nانظر ايضاً\nالدفاع الروسية: إسقاط أكثر من 100 مسيرة\nموسكو-سانا أعلنت وزارة")
    assert out.text == BODY
    assert all(r["reason"] == "related stories" for r in out.removed)


def test_repeated_body_is_collapsed(clean):
    out = clean(f"{BODY}\n{BODY2}\n{BODY}\n{BODY2}")
    assert out.text == f"{BODY}\n{BODY2}"
    assert [r["reason"] for r in out.removed] == ["repeated paragraph"] * 2


def test_menu_run_of_short_lines(clean):
    out = clean(f"الرئيسية\nأخبار\nسياسة\nرياضة\n{BODY}")
    assert out.text == BODY


@pytest.mark.parametrize("text, source, basis", [
    (f"موسكو-سانا\n{BODY}", "سانا", "dateline"),
    (f"{BODY}\nالمصدر: نيوزويك", "نيوزويك", "source line"),
    (BODY, None, None),
])
def test_source_detection(text, source, basis, clean):
    out = clean(text)
    assert (out.source, out.source_basis) == (source, basis)
    assert out.text == BODY


def test_headline_detected_and_kept(clean):
    head = "بالصور.. عسكريون أمريكيون يشعرون بالأمان في دير الزور"
    out = clean(f"{head}\n{BODY}")
    assert out.title == head
    assert out.text.startswith(head)


def test_kept_text_is_verbatim_lines(clean):
    raw = f"  {BODY}  \n\n{BODY2}\n"
    out = clean(raw)
    for line in out.text.split("\n"):
        assert line in raw


# --------------------------------------------------------------------------- scraped pages
# (the page furniture below is made up for the tests: each line shows a kind of chrome)

BODY3 = ("وأوضح المصدر أن الاشتباكات استمرت حتى ساعات الصباح الأولى وأسفرت عن سقوط عدد من القتلى "
         "والجرحى في صفوف الطرفين، بحسب ما أفادت به مصادر محلية.")


@pytest.mark.parametrize("junk, reason", [
    ("الأكثر قراءة مواضيع ذات صلة اختيارات المحرر النشرة", "related stories"),
    ("مواد أخرى للكاتب ذات صلة", "related stories"),
    ("اترك تعليقاً إرسال التعليق يعني الموافقة على الشروط", "comment form"),
    ("إذا أردت أن تتصل بنا لتقديم اقتراح ارسل البريد الإلكتروني", "contact"),
    ("الناشر - رئيس التحرير : فلان الفلاني", "credit"),
    ("Your browser does not support the video tag.", "video player"),
    ("لقد اختارت الموقع اللغة العربية كلغة الإعدادات الخاصة بك .", "site notice"),
    ("فلان الفلاني , \" عنوان مقال ما \" , جريدة ما , 10 / 3 / 2017 .", "reference list"),
    ("الرئيسية أخبار سياسة اقتصاد رياضة منوعات", "site menu"),
    ("مواقيت الصلاة", "prayer times"),
    ("الفجر 4:30 الشروق 6:01 الظهر 11:50 العصر 2:45", "prayer times"),
    ("العنوان : شارع النصر ، هاتف : +963 11 2233445", "address"),
    ("Kensington Village , Avonmore Road , London W14 8TS", "address"),
    ("الجيش يعلن السيطرة على مدينة جديدة في ريف حماة ...", "teaser"),
    ("شارك :", "share widget"),
    ("آخر تحديث : 12:30", "ticker"),
    ("عدد المشاهدات : 1234", "page counter"),
])
def test_scraped_page_furniture_is_removed(junk, reason, clean):
    out = clean(f"{BODY}\n{BODY2}\n{junk}")
    assert junk not in out.text and BODY2 in out.text
    assert {"text": junk, "reason": reason} in out.removed


def test_read_also_stub_before_body_text_keeps_the_text(clean):
    line = "اقرأ أيضا : " + BODY3 + " " + BODY3
    out = clean(f"{BODY}\n{line}\n{BODY2}")
    assert line in out.text


def test_teaser_list_of_headlines(clean):
    teasers = ["اشتباكات عنيفة في مدينة جنين", "غضب ليبي من قوات عسكرية إيطالية",
               "مصادر تؤكد توسيع حملات التجنيد", "روسيا تجدد اهتمامها بمشروع التسوية"]
    out = clean("\n".join([BODY, BODY2, *teasers]))
    assert out.text == f"{BODY}\n{BODY2}"
    assert {r["reason"] for r in out.removed} == {"teaser list"}


def test_headline_above_the_body_survives_a_menu(clean):
    head = "الجيش يعلن السيطرة على بلدة جديدة في الريف الشرقي"
    out = clean(f"أخبار سوريا\nتقارير وتحليلات\nمقالات الرأي\n{head}\n{BODY}")
    assert out.text == f"{head}\n{BODY}"
    assert out.title == head


def test_link_and_other_script_lines(clean):
    out = clean(f"{BODY}\nwww.example.com/news/123\nShare this story on your favourite network\n{BODY2}")
    assert out.text == f"{BODY}\n{BODY2}"


def test_photo_gallery_whose_slides_repeat_its_title(clean):
    title = "عاصمة التنظيم السرية في قبضة القوات المحلية"
    slides = []
    for caption in ("الدخول إلى المدينة", "مستشفى المدينة", "علم جديد", "الفرار من المدينة"):
        slides += [f"{title} {caption} مقاتلون يتقدمون في الشوارع المدمرة .",
                   "وتظهر الصورة آثار الدمار في الأحياء السكنية ."]
    out = clean("\n".join([BODY, BODY2, *slides]))
    assert out.text == f"{BODY}\n{BODY2}"
    assert {r["reason"] for r in out.removed} == {"photo gallery"}


def test_sentences_opening_alike_are_not_a_gallery(clean):
    lines = ["وقال المتحدث باسم وزارة الدفاع الروسية إن الطائرات نفذت عشرات الطلعات فوق البادية .",
             "وقال المتحدث باسم وزارة الدفاع الروسية إن القوات تقدمت نحو الضفة الشرقية للنهر .",
             "وقال المتحدث باسم وزارة الدفاع الروسية إن الوحدات الهندسية فككت مئات الألغام .",
             "وقال المتحدث باسم وزارة الدفاع الروسية إن الغارات لم تستهدف أي مدنيين في المنطقة ."]
    out = clean("\n".join(lines))
    assert out.text == "\n".join(lines)
    unjoined = [line[1:] for line in lines]          # قال ...: consecutive, no captions between
    assert clean("\n".join(unjoined)).text == "\n".join(unjoined)


def test_damaged_second_copy_of_the_body_is_removed(clean):
    damaged = BODY3.replace("الأولى ", "").replace("عدد من ", "")
    out = clean(f"{BODY}\n{BODY3}\n{BODY2}\n{damaged}")
    assert out.text == f"{BODY}\n{BODY3}\n{BODY2}"
    assert out.removed == [{"text": damaged, "reason": "repeated paragraph (damaged copy)"}]


# a page's article, then teasers of other stories: each a headline glued to its lead
ARTICLE = [
    "الجيش يعلن السيطرة على بلدة جديدة في الريف الشرقي لمحافظة دير الزور بعد معارك مع التنظيم",
    "وقال مصدر عسكري إن وحدات الجيش سيطرت على البلدة بعد معارك عنيفة مع عناصر التنظيم "
    "استمرت عدة أيام في الريف الشرقي لمحافظة دير الزور وأسفرت عن مقتل العشرات .",
    "وأضاف المصدر أن وحدات الهندسة تعمل على تفكيك الألغام التي زرعها عناصر التنظيم في "
    "البلدة قبل انسحابهم نحو الريف الشرقي للمحافظة .",
    "وأوضح المصدر العسكري أن الجيش يواصل تقدمه في الريف الشرقي بعد السيطرة على البلدة "
    "وأن عناصر التنظيم انسحبوا نحو البادية بعد معارك استمرت عدة أيام .",
    "ويأتي تقدم الجيش في الريف الشرقي لمحافظة دير الزور بعد أسابيع من المعارك مع التنظيم "
    "الذي خسر معظم البلدات التي سيطر عليها في المحافظة .",
    "وكان الجيش قد أعلن الأسبوع الماضي السيطرة على بلدات أخرى في الريف الشرقي للمحافظة "
    "بعد معارك مع عناصر التنظيم الذين انسحبوا نحو البادية .",
]
TEASERS = [
    "هل تنجح الحكومة في خفض الأسعار ? تواجه الحكومة ضغوطا متزايدة من النقابات العمالية "
    "لرفع الأجور وخفض أسعار السلع الأساسية قبل نهاية العام المالي الحالي .",
    "منتخب الشباب يتأهل إلى النهائي : تأهل منتخب الشباب لكرة القدم إلى المباراة النهائية "
    "للبطولة القارية بعد فوزه بركلات الترجيح في مباراة مثيرة أمس .",
    "مهرجان الكتاب يفتتح دورته الجديدة : افتتح مهرجان الكتاب السنوي دورته الجديدة بمشاركة "
    "مئات الناشرين من عشرات الدول وسط إقبال كبير من الزوار والطلاب .",
]


def test_teasers_of_other_stories_after_the_article(clean):
    out = clean("\n".join(ARTICLE + TEASERS))
    assert out.text == "\n".join(ARTICLE)
    assert {r["reason"] for r in out.removed} == {"teasers of other stories"}


def test_an_article_whose_last_paragraphs_change_subject_is_kept(clean):
    # two paragraphs off the article's vocabulary are not a teaser block, nor are they the
    # page's end when the article goes on after them
    out = clean("\n".join(ARTICLE + TEASERS[:2]))
    assert out.text == "\n".join(ARTICLE + TEASERS[:2])
    out = clean("\n".join(ARTICLE[:3] + TEASERS + ARTICLE[3:]))
    assert out.text == "\n".join(ARTICLE[:3] + TEASERS + ARTICLE[3:])


@pytest.mark.parametrize("line", [
    "وقال المتحدث إن القوات تقدمت نحو البلدة . . .",      # a paragraph cut short by the writer
    "وقال في اتصال هاتفي : إن الوضع صعب .",
    "وتحدثت مصادر عن صور وفيديو من المدينة .",
])
def test_article_lines_like_furniture_are_kept(line, clean):
    assert line in clean(f"{BODY}\n{line}\n{BODY2}").text
