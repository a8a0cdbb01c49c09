"""Lines shared by the page-splitter tests (tests/test_stories*.py): one article's headline and
paragraphs, written for the tests (a class of page, not an article's words)."""

ARTICLE = [
    "القوات الحكومية تستعيد بلدة على الضفة الغربية لنهر الفرات",
    "أعلنت القوات الحكومية السيطرة على بلدة جديدة في ريف دير الزور الشرقي بعد معارك استمرت أياما مع مقاتلي التنظيم .",
    "وقال مصدر عسكري إن وحدات الهندسة بدأت تفكيك الألغام التي زرعها التنظيم في الشوارع والمباني العامة للبلدة .",
    "وأضاف المصدر أن الطيران الحربي نفذ عشرات الغارات على مواقع التنظيم في محيط البلدة قبل دخول القوات إليها .",
    "وذكرت مصادر محلية أن مئات العائلات نزحت من البلدة خلال الأسابيع الماضية باتجاه المناطق الصحراوية القريبة .",
    "ويأتي هذا التقدم بعد أيام من إعلان القوات بدء هجوم واسع على آخر معاقل التنظيم في المحافظة الشرقية .",
]


def kept_lines(lines: list[str], codebook, agencies) -> list[str]:
    """The lines of the page ``lines`` that ``clean_text`` keeps, with ``codebook``'s line rules
    and ``agencies`` (the news agencies of the test's pages)."""
    from riwaya.pipeline.clean import clean_text

    return clean_text("\n".join(lines), boilerplate=codebook.boilerplate, sources=codebook.sources,
                      agencies=agencies).text.split("\n")
