"""Dates written in article text (riwaya/pipeline/dates.py): absolute dates in every accepted
form, relative ones against the article's date, and an article's own date from its dateline."""

from __future__ import annotations

import pytest

from riwaya.pipeline.dates import DateProblem, date_in_text, find_dates, parse_date

ARTICLE_DATE = "2017-11-15"          # a Wednesday


@pytest.mark.parametrize("value, expected", [
    ("الأربعاء 15 / 11 / 2017", "2017-11-15"),
    ("الاربعاء، 15/11/2017", "2017-11-15"),
    ("١٥ / ١١ / ٢٠١٧", "2017-11-15"),
    ("14 نوفمبر 2017", "2017-11-14"),
    ("14 تشرين الثاني 2017", "2017-11-14"),
    ("27 تشرين اول 2017", "2017-10-27"),
    ("Wed, 2017-11-15", "2017-11-15"),
    ("٢٠١٧-١١-١٤", "2017-11-14"),
])
def test_parse_date_reads_the_forms_articles_write(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["الأربعاء 03 / 04 / 2017", "الأربعاء", "15 / 11"])
def test_parse_date_still_refuses_what_is_not_one_date(value):
    with pytest.raises(DateProblem):
        parse_date(value)


@pytest.mark.parametrize("text, reference, expected", [
    # absolute dates inside sentences
    ("نشرت الوزارة الأربعاء 15 / 11 / 2017 بيانا", None, [("15 / 11 / 2017", "2017-11-15", False)]),
    ("في 14 نوفمبر 2017 قالت", None, [("14 نوفمبر 2017", "2017-11-14", False)]),
    ("وفي 14 تشرين الثاني/نوفمبر 2017", None, [("14 تشرين الثاني/نوفمبر 2017", "2017-11-14", False)]),
    ("في الـ 27 من تشرين أول 2017", None, [("27 من تشرين أول 2017", "2017-10-27", False)]),
    ("يوم ١٤ نوفمبر ٢٠١٧", None, [("١٤ نوفمبر ٢٠١٧", "2017-11-14", False)]),
    ("و14 Nov 2017 and November 3, 2017", None,
     [("14 Nov 2017", "2017-11-14", False), ("November 3, 2017", "2017-11-03", False)]),
    ("التقرير 2017-11-14 صدر", None, [("2017-11-14", "2017-11-14", False)]),
    # relative dates need the article's date
    ("وقالت الوزارة أمس الثلاثاء إن", None, []),
    ("وقالت الوزارة أمس الثلاثاء إن", ARTICLE_DATE, [("أمس الثلاثاء", "2017-11-14", True)]),
    ("وقال امس إن", ARTICLE_DATE, [("امس", "2017-11-14", True)]),
    ("أول أمس", ARTICLE_DATE, [("أول أمس", "2017-11-13", True)]),
    ("نشرت BBC الأحد الماضي تقريرا", ARTICLE_DATE, [("الأحد الماضي", "2017-11-12", True)]),
    ("الثلاثاء الماضي", ARTICLE_DATE, [("الثلاثاء الماضي", "2017-11-14", True)]),
    ("الأربعاء الماضي", ARTICLE_DATE, [("الأربعاء الماضي", "2017-11-08", True)]),
    ("يوم الجمعة الماضية", ARTICLE_DATE, [("يوم الجمعة الماضية", "2017-11-10", True)]),
    ("اليوم الأربعاء", ARTICLE_DATE, [("اليوم الأربعاء", "2017-11-15", True)]),
    # a named weekday wins over arithmetic when the article's date is a day off
    ("اليوم الثلاثاء", ARTICLE_DATE, [("اليوم الثلاثاء", "2017-11-14", True)]),
    ("أمس الاثنين", ARTICLE_DATE, [("أمس الاثنين", "2017-11-13", True)]),
    ("أمس الأربعاء", ARTICLE_DATE, [("أمس الأربعاء", "2017-11-15", True)]),   # the article is a day late
    # not dates
    ("في 03/04/2017", None, []),                          # two readings: never guessed
    ("في 31 فبراير 2017", None, []),                      # no such day
    ("في 14 نوفمبر", None, []),                           # no year
    ("عام 1850 في 14/11/1850", None, []),                 # before 1900
    ("قتل 15 شخصا و11 جريحا", None, []),
])
def test_find_dates(text, reference, expected):
    found = find_dates(text, reference=reference)
    assert [(f.surface, f.iso, f.relative) for f in found] == expected
    assert all(text[f.start:f.end] == f.surface for f in found)


@pytest.mark.parametrize("text, expected", [
    ("دمشق - سانا - الأربعاء 15 / 11 / 2017\nقالت الوزارة ...", "2017-11-15"),
    ("عنوان الخبر\nموسكو 14 تشرين الثاني 2017 (رويترز) - قالت", "2017-11-14"),
    ("وقالت الوزارة أمس الثلاثاء إن", None),              # relative only: no date of its own
    ("سطر\nسطر\nسطر\nوفي 14 نوفمبر 2017", None),          # past the first lines
    ("", None),
])
def test_an_articles_own_date_comes_from_its_first_lines(text, expected):
    assert date_in_text(text) == expected


def test_type_errors_say_what_was_expected():
    with pytest.raises(TypeError, match="Expected str"):
        find_dates(b"2017-11-14")
    with pytest.raises(DateProblem):
        find_dates("أمس", reference="yesterday")
