"""metadata.csv (issue 9.9): tolerant where a user would expect it, strict where it matters."""

import datetime as dt

import pytest

from riwaya.errors import MetadataError
from riwaya.pipeline.dates import DateProblem, parse_date
from riwaya.pipeline.metadata import load_metadata

TODAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize("value, iso", [
    ("2017-11-14", "2017-11-14"),
    ("2017/11/14", "2017-11-14"),
    ("2017-11-14T10:00:00Z", "2017-11-14"),
    ("2017-11-14T23:30:00+03:00", "2017-11-14"),
    ("2017-11-14 10:00", "2017-11-14"),
    ("14/11/2017", "2017-11-14"),
    ("14.11.2017", "2017-11-14"),
    ("11/14/2017", "2017-11-14"),          # only one reading is a date
    ("05/05/2017", "2017-05-05"),          # both readings are the same date
    ("14 Nov 2017", "2017-11-14"),
    ("14 November 2017", "2017-11-14"),
    ("Nov 14, 2017", "2017-11-14"),
    ("Tuesday, 14th November 2017", "2017-11-14"),
    ("14-Nov-2017", "2017-11-14"),
    ("٢٠١٧-١١-١٤", "2017-11-14"),
    ("١٤/١١/٢٠١٧", "2017-11-14"),
    ("14 نوفمبر 2017", "2017-11-14"),
    ("١٤ نوفمبر ٢٠١٧", "2017-11-14"),
    ("14 تشرين الثاني 2017", "2017-11-14"),
    ("الثلاثاء 14 تشرين الثاني/نوفمبر 2017", "2017-11-14"),
    ("3 أيار 2017", "2017-05-03"),
    ("3 آب 2017", "2017-08-03"),
    ("1 كانون الثاني 2018", "2018-01-01"),
    ("1 كانون الأول 2017", "2017-12-01"),
    ("14 نونبر 2017م", "2017-11-14"),
    ("12 جويلية 2017", "2017-07-12"),
    ("9 أبريل 2017", "2017-04-09"),
])
def test_accepted_dates(value, iso):
    assert parse_date(value, today=TODAY) == iso


@pytest.mark.parametrize("value, problem", [
    ("03/04/2017", "is ambiguous"),
    ("12.10.2017", "is ambiguous"),
    ("0001-01-01", "not a possible date"),
    ("1899-12-31", "not a possible date"),
    ("2027-06-01", "not a possible date"),          # more than a year after TODAY
    ("2017-02-30", "is not a date"),
    ("31/31/2017", "is not a date"),
    ("14 Nov", "is not a date in an accepted format"),
    ("14 Nov 17", "is not a date in an accepted format"),
    ("yesterday", "is not a date in an accepted format"),
    ("14 نوفمبر", "is not a date in an accepted format"),
])
def test_refused_dates(value, problem):
    with pytest.raises(DateProblem, match=problem):
        parse_date(value, today=TODAY)


def _write(tmp_path, text, encoding="utf-8", articles=("a.txt", "b.txt", "c.txt")):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "metadata.csv").write_bytes(text.encode(encoding))
    return raw, {name.rsplit(".", 1)[0] for name in articles}


@pytest.mark.parametrize("text, encoding", [
    ("file,source,date\na.txt,سانا,14/11/2017\n", "utf-8"),
    ("file;source;date\na.txt;سانا;14/11/2017\n", "utf-8"),
    ("file\tsource\tdate\na.txt\tسانا\t14/11/2017\n", "utf-8"),
    ("\ufefffile,source,date\na.txt,سانا,14/11/2017\n", "utf-8"),
    ("file,source,date\na.txt,سانا,14/11/2017\n", "cp1256"),
    ("file,source,date\na.txt,سانا,14/11/2017\n", "utf-16"),
    ("File , Source,DATE\r\na.txt,سانا,14/11/2017\r\n", "utf-8"),
    ("\n\nfile,source,date\na,سانا,14 Nov 2017\n\n", "utf-8"),   # a doc_id for the file
    ('file;source;date\na.txt;"سانا; دمشق";14/11/2017\n', "utf-8"),
])
def test_separators_and_encodings(tmp_path, text, encoding):
    raw, known = _write(tmp_path, text, encoding)
    meta = load_metadata(raw, known)
    assert meta.get("a")["date"] == "2017-11-14"
    assert meta.get("a")["source"].startswith("سانا")
    assert meta.warnings == []


@pytest.mark.parametrize("row, column, says", [
    ("a.txt,S,03/04/2017,ar", "date", "'03/04/2017' is ambiguous"),
    ("a.txt,S,0001-01-01,ar", "date", "is not a possible date"),
    ("a.txt,S,14 Nov,ar", "date", "is not a date in an accepted format"),
    ("a.txt,S,2017-11-14,klingon", "language", "'klingon' is not an ISO 639-1 code"),
    ("a.txt,S,2017-11-14,xx", "language", "'xx' is not an ISO 639-1 code"),
    ("missing.txt,S,2017-11-14,ar", "file", "'missing.txt' is not an article of the raw folder"),
    (",S,2017-11-14,ar", "file", "empty; row ignored"),
])
def test_odd_cell_is_a_warning_naming_file_line_and_column(tmp_path, row, column, says):
    raw, known = _write(tmp_path, f"file,source,date,language\nb.txt,T,2017-11-15,en\n{row}\n")
    meta = load_metadata(raw, known)
    [warning] = meta.warnings
    assert warning.startswith(f"{raw / 'metadata.csv'}, line 3, column '{column}': ")
    assert says in warning
    if column == "date":
        assert "Accepted: 2017-11-14, 2017-11-14T10:00:00Z, 14/11/2017" in warning
        assert "date" not in meta.get("a") and meta.get("a")["language"] == "ar"
    if column == "language":
        assert "language" not in meta.get("a") and meta.get("a")["date"] == "2017-11-14"
    assert meta.get("b") == {"source": "T", "date": "2017-11-15", "language": "en"}  # the rest used


def test_language_codes_are_normalised(tmp_path):
    raw, known = _write(tmp_path, "file,language\na.txt,AR\nb.txt,ar-SY\nc.txt,en_GB\n")
    meta = load_metadata(raw, known)
    assert [meta.get(d)["language"] for d in "abc"] == ["ar", "ar-SY", "en-GB"]


def test_extra_columns_and_cells_are_ignored_with_a_warning(tmp_path):
    raw, known = _write(tmp_path, "file,source,notes,page\na.txt,S,hello,3\nb.txt,T,,,surplus\n")
    meta = load_metadata(raw, known)
    assert meta.get("a") == {"source": "S"} and meta.get("b") == {"source": "T"}
    assert meta.warnings[0].endswith("line 1: column(s) 'notes', 'page' ignored; known columns: "
                                     "file, source, url, date, language, title")
    assert "line 3: 5 cells but 4 columns in the header" in meta.warnings[1]


def test_file_listed_twice_keeps_the_first(tmp_path):
    raw, known = _write(tmp_path, "file,source\na.txt,first\na,second\n")
    meta = load_metadata(raw, known)
    assert meta.get("a") == {"source": "first"}
    assert meta.warnings == [f"{raw / 'metadata.csv'}, line 3, column 'file': 'a' already listed "
                             "on line 2; this row ignored"]


@pytest.mark.parametrize("text, problem", [
    ("name,source\na.txt,S\n", r"line 1: needs a header row with a 'file' column"),
    ("a.txt|S\n", r"needs a header row with a 'file' column, columns separated by commas"),
])
def test_no_file_column_stops_with_file_and_line(tmp_path, text, problem):
    raw, known = _write(tmp_path, text)
    with pytest.raises(MetadataError, match=problem):
        load_metadata(raw, known)


def test_no_metadata_file_or_an_empty_one(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    assert len(load_metadata(raw)) == 0
    (raw / "metadata.csv").write_bytes(b"")
    assert len(load_metadata(raw)) == 0 and load_metadata(raw).warnings == []
