"""Publication dates as users write them in metadata.csv -> ISO ``YYYY-MM-DD``; never guessed.

Accepted (:data:`ACCEPTED`): ISO dates with ``-``, ``/`` or ``.`` and an optional time and
zone (``2017-11-14T10:00:00Z``: the date as written); day/month/year with ``/``, ``.`` or
``-`` when only one reading is a date (``14/11/2017``; ``03/04/2017`` is ambiguous and
refused); a month named in English (``14 Nov 2017``, ``November 14, 2017``) or Arabic
(``14 نوفمبر 2017``, ``14 تشرين الثاني 2017``, Maghreb ``14 نونبر 2017``, the Levantine
double form ``تشرين الثاني/نوفمبر``), with an optional weekday; Arabic-Indic and Persian
digits anywhere. A date before :data:`EARLIEST` or more than a year ahead is refused as
impossible for a news article.
"""

from __future__ import annotations

import datetime as dt
import re

ACCEPTED = ("2017-11-14, 2017-11-14T10:00:00Z, 14/11/2017, 14.11.2017, 14 Nov 2017, "
            "Nov 14, 2017, 14 نوفمبر 2017, 14 تشرين الثاني 2017 (Latin or Arabic digits)")
EARLIEST = dt.date(1900, 1, 1)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_MONTHS_AR = {   # after _ARABIC_FORMS; Egyptian/Gulf, Levantine, Maghreb names
    1: "يناير|كانون الثاني|جانفي|جانفييه",
    2: "فبراير|شباط|فيفري|فبرير",
    3: "مارس|اذار",
    4: "ابريل|نيسان|افريل",
    5: "مايو|ايار|ماي",
    6: "يونيو|يونيه|حزيران|جوان",
    7: "يوليو|يوليه|تموز|جويليه|يوليوز",
    8: "اغسطس|اب|اوت|غشت",
    9: "سبتمبر|ايلول|شتنبر",
    10: "اكتوبر|تشرين الاول",
    11: "نوفمبر|تشرين الثاني|نونبر",
    12: "ديسمبر|كانون الاول|دجنبر",
}
_MONTH_OF = {name: n for n, names in _MONTHS_AR.items() for name in names.split("|")}
_MONTH_OF.update({name: n for n, name in enumerate(_MONTHS_EN, 1)})
_MONTH_OF.update({name[:3]: n for n, name in enumerate(_MONTHS_EN, 1)})
_MONTH_OF["sept"] = 9
_MONTH_NAME = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len,
                                                       reverse=True)) + r")\.?(?!\w)")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
             "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "يوم"}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
                  r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_TOKEN = re.compile(r"M\d+|\d+|[^\W\d_]+")


class DateProblem(ValueError):
    """A date cell that is not used; the message says why."""


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _named_month(value: str) -> dt.date | None:
    text = re.sub(r"(\d+)(?:st|nd|rd|th)\b", r"\1", value.lower().translate(_ARABIC_FORMS))
    text = re.sub(r"(\d{4})\s*م(?!\w)", r"\1", text)              # 2017م: of the common era
    text = _MONTH_NAME.sub(lambda m: f" M{_MONTH_OF[m.group(1)]} ", text)
    text = re.sub(r"(M\d+)\s*/\s*\1", r"\1", text)                 # تشرين الثاني/نوفمبر
    tokens = [t for t in _TOKEN.findall(text) if t not in _WEEKDAYS]
    months = [int(t[1:]) for t in tokens if t.startswith("M")]
    numbers = [t for t in tokens if t.isdigit()]
    if len(months) != 1 or len(numbers) != 2 or len(tokens) != 3:
        return None
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) != 1:
        return None
    return _date(int(years[0]), months[0], int(days[0]))


def _parse(value: str) -> dt.date:
    if m := _ISO.fullmatch(value):
        found = _date(int(m[1]), int(m[2]), int(m[3]))
        if found is None:
            raise DateProblem(f"{value!r} is not a date")
        return found
    if m := _DMY.fullmatch(value):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        readings = {d for d in (_date(year, b, a), _date(year, a, b)) if d}
        if len(readings) > 1:
            raise DateProblem(f"{value!r} is ambiguous (day {a} of month {b}, or month {a} "
                              f"day {b}?); write it as {year}-MM-DD")
        if not readings:
            raise DateProblem(f"{value!r} is not a date")
        return readings.pop()
    found = _named_month(value)
    if found is None:
        raise DateProblem(f"{value!r} is not a date in an accepted format")
    return found


def parse_date(value: str, *, today: dt.date | None = None) -> str:
    """``value`` as ``YYYY-MM-DD``.

    Raises:
        DateProblem: the value is not a date in an accepted format, is ambiguous, or is
            impossible for an article (before 1900, or more than a year after ``today``).
    """
    if not isinstance(value, str):
        raise TypeError(f"Expected str, got {type(value).__name__} instead")
    found = _parse(" ".join(value.translate(_DIGITS).split()).strip(" ,،."))
    today = today or dt.date.today()
    if found < EARLIEST or found > today + dt.timedelta(days=366):
        raise DateProblem(f"{value!r} is not a possible date for an article (before "
                          f"{EARLIEST.year} or more than a year ahead)")
    return found.isoformat()
