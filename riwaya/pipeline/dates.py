"""Publication dates as users write them in metadata.csv -> ISO ``YYYY-MM-DD``; never guessed.

Accepted (:data:`ACCEPTED`): ISO dates with ``-``, ``/`` or ``.`` and an optional time and
zone (``2017-11-14T10:00:00Z``: the date as written); day/month/year with ``/``, ``.`` or
``-`` when only one reading is a date (``14/11/2017``; ``03/04/2017`` is ambiguous and
refused); a month named in English (``14 Nov 2017``, ``November 14, 2017``) or Arabic
(``14 نوفمبر 2017``, ``14 تشرين الثاني 2017``, Maghreb ``14 نونبر 2017``, the Levantine
double form ``تشرين الثاني/نوفمبر``), with an optional weekday; Arabic-Indic and Persian
digits anywhere; a leading weekday and spaces around separators (``الأربعاء 15 / 11 / 2017``).
A date before :data:`EARLIEST` or more than a year ahead is refused as impossible for a news
article.

Dates in running text (:func:`find_dates`): the same forms inside a sentence, and, given the
article's own date as ``reference``, relative ones: ``أمس`` (yesterday), ``أول أمس``, ``اليوم
الثلاثاء`` and ``الثلاثاء الماضي`` (the last Tuesday before the article). :func:`date_in_text`
reads an article's own date from its dateline or first lines (absolute dates only), for
articles that come without one (:mod:`riwaya.upload`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ACCEPTED = ("2017-11-14, 2017-11-14T10:00:00Z, 14/11/2017, 14.11.2017, 14 Nov 2017, "
            "Nov 14, 2017, 14 نوفمبر 2017, 14 تشرين الثاني 2017 (Latin or Arabic digits)")
EARLIEST = dt.date(1900, 1, 1)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_MONTHS_AR = {   # after _ARABIC_FORMS; Egyptian/Gulf, Levantine, Maghreb names
    1: "يناير|كانون الثاني|كانون ثاني|جانفي|جانفييه",
    2: "فبراير|شباط|فيفري|فبرير",
    3: "مارس|اذار",
    4: "ابريل|نيسان|افريل",
    5: "مايو|ايار|ماي",
    6: "يونيو|يونيه|حزيران|جوان",
    7: "يوليو|يوليه|تموز|جويليه|يوليوز",
    8: "اغسطس|اب|اوت|غشت",
    9: "سبتمبر|ايلول|شتنبر",
    10: "اكتوبر|تشرين الاول|تشرين اول",
    11: "نوفمبر|تشرين الثاني|تشرين ثاني|نونبر",
    12: "ديسمبر|كانون الاول|كانون اول|دجنبر",
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


def _tidy(value: str) -> str:
    """Digits made Latin, spaces collapsed, separators closed up between digits, a leading
    weekday (``الأربعاء 15/11/2017``, ``Wed, 2017-11-15``) dropped before a numeric date."""
    text = " ".join(value.translate(_DIGITS).split()).strip(" ,،.")
    text = re.sub(r"(?<=\d) ?([/.-]) ?(?=\d)", r"\1", text)
    head, _, rest = text.partition(" ")
    if rest and head.strip(",،").lower().translate(_ARABIC_FORMS) in _WEEKDAYS \
            and rest[:1].isdigit() and (_ISO.fullmatch(rest) or _DMY.fullmatch(rest)):
        return rest
    return text


def parse_date(value: str, *, today: dt.date | None = None) -> str:
    """``value`` as ``YYYY-MM-DD``.

    Raises:
        DateProblem: the value is not a date in an accepted format, is ambiguous, or is
            impossible for an article (before 1900, or more than a year after ``today``).
    """
    if not isinstance(value, str):
        raise TypeError(f"Expected str, got {type(value).__name__} instead")
    found = _parse(_tidy(value))
    today = today or dt.date.today()
    if found < EARLIEST or found > today + dt.timedelta(days=366):
        raise DateProblem(f"{value!r} is not a possible date for an article (before "
                          f"{EARLIEST.year} or more than a year ahead)")
    return found.isoformat()


def _plausible(found: dt.date | None, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return found is not None and EARLIEST <= found <= today + dt.timedelta(days=366)


# -- dates in running text -------------------------------------------------------------------

#: weekday names (after _ARABIC_FORMS) -> Monday=0 ... Sunday=6
_WEEKDAY_AR = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3,
               "الجمعه": 4, "السبت": 5, "الاحد": 6}
_WD = "|".join(_WEEKDAY_AR)
_AR_MONTHS = "|".join(sorted((n for n in _MONTH_OF if not n.isascii()), key=len, reverse=True))
_EN_MONTHS = "|".join(sorted((n for n in _MONTH_OF if n.isascii()), key=len, reverse=True))
_B, _E = r"(?:(?<=[وفبل])|(?<!\w))", r"(?!\w)"     # و١٤ نوفمبر: a conjunction may cling
#: (kind, pattern) on text translated 1:1 (digits Latin, alef/teh/yeh forms folded)
_TEXT_PATTERNS = (
    ("iso", re.compile(_B + r"(\d{4})-(\d{1,2})-(\d{1,2})" + _E)),
    ("dmy", re.compile(_B + r"(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4})" + _E)),
    ("named", re.compile(_B + r"(\d{1,2})\s+(?:من\s+)?(?:شهر\s+)?(" + _AR_MONTHS + r")(?:\s*/\s*(?:"
                         + _AR_MONTHS + r"))?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?(\d{4})" + _E)),
    ("named_en", re.compile(_B + r"(?:(\d{1,2})\s+(" + _EN_MONTHS + r")\.?,?\s+(\d{4})|("
                            + _EN_MONTHS + r")\.?\s+(\d{1,2}),?\s+(\d{4}))" + _E, re.IGNORECASE)),
    ("before_yesterday", re.compile(r"(?<!\w)(?:[وف])?اول (?:من )?امس(?!\w)")),
    ("yesterday", re.compile(r"(?<!\w)(?:[وف])?امس(?: (" + _WD + r"))?(?!\w)")),
    ("today", re.compile(r"(?<!\w)(?:[وف])?اليوم (" + _WD + r")(?!\w)")),
    ("last_weekday", re.compile(r"(?<!\w)(?:[وفب])?(?:يوم )?(" + _WD + r") (?:الماضي|الماضيه|المنصرم|الفائت)(?!\w)")),
)
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي",
                       **{a: b for a, b in zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)}})


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: where (``start``/``end`` into the text given), as written, as
    ISO ``YYYY-MM-DD``, and whether it was read relative to the article's date."""

    start: int
    end: int
    surface: str
    iso: str
    relative: bool


def _absolute(kind: str, m: re.Match) -> dt.date | None:
    if kind == "iso":
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if kind == "dmy":
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        readings = {d for d in (_date(year, b, a), _date(year, a, b)) if d}
        return readings.pop() if len(readings) == 1 else None
    if kind == "named":
        return _date(int(m[3]), _MONTH_OF[" ".join(m[2].split())], int(m[1]))
    if m[1]:
        return _date(int(m[3]), _MONTH_OF[m[2].lower()], int(m[1]))
    return _date(int(m[6]), _MONTH_OF[m[4].lower()], int(m[5]))


def _relative(kind: str, m: re.Match, reference: dt.date) -> dt.date:
    """The day a relative date names. A named weekday wins over the arithmetic ("أمس الثلاثاء"
    in an article dated a day late is still the Tuesday): today or yesterday + weekday is that
    weekday on or before the article's date; last + weekday (الماضي), the one strictly before."""
    if kind == "before_yesterday":
        return reference - dt.timedelta(days=2)
    weekday = m.group(1) if m.re.groups else None
    if weekday is None:
        return reference - dt.timedelta(days=1 if kind == "yesterday" else 0)
    back = (reference.weekday() - _WEEKDAY_AR[weekday]) % 7
    if kind == "last_weekday" and back == 0:
        back = 7
    return reference - dt.timedelta(days=back)


def find_dates(text: str, *, reference: str | dt.date | None = None) -> list[FoundDate]:
    """Every date written in ``text``, in order. Relative dates (yesterday, last Tuesday) only
    when ``reference``, the article's own date, is given; a numeric date that reads two ways
    (``03/04/2017``) and impossible dates are left out.

    Raises:
        TypeError: ``text`` is not a str.
        DateProblem: ``reference`` is not a date.
    """
    if not isinstance(text, str):
        raise TypeError(f"Expected str, got {type(text).__name__} instead")
    if isinstance(reference, str):
        reference = dt.date.fromisoformat(parse_date(reference))
    folded = text.translate(_FOLD)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _TEXT_PATTERNS:
        relative = kind not in ("iso", "dmy", "named", "named_en")
        if relative and reference is None:
            continue
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            day = _relative(kind, m, reference) if relative else _absolute(kind, m)
            if not _plausible(day):
                continue
            taken.append((m.start(), m.end()))
            found.append(FoundDate(m.start(), m.end(), text[m.start():m.end()], day.isoformat(),
                                   relative))
    return sorted(found, key=lambda f: f.start)


HEAD_LINES, HEAD_CHARS = 3, 400


def date_in_text(text: str) -> str | None:
    """The article's own date from its dateline or first lines (the first of its first
    :data:`HEAD_LINES` non-empty lines, within :data:`HEAD_CHARS` characters, that holds an
    absolute date), or None. Relative dates are never used: they need this very date."""
    if not isinstance(text, str):
        raise TypeError(f"Expected str, got {type(text).__name__} instead")
    lines = [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
    head = "\n".join(lines)[:HEAD_CHARS]
    found = find_dates(head)
    return found[0].iso if found else None
