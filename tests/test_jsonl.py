"""The one JSON Lines reader (riwaya/jsonl.py): comments, validation, errors that point."""

import pytest
from pydantic import BaseModel, Field

from riwaya.errors import CodebookError, DataFileError, GoldenError, RiwayaError
from riwaya.jsonl import read_jsonl


class Row(BaseModel):
    name: str
    count: int = Field(ge=0)


def write(tmp_path, text: str, name: str = "rows.jsonl"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_comments_and_blank_lines_are_skipped_and_lines_counted(tmp_path):
    path = write(tmp_path, '// a comment\n\n{"name": "a", "count": 1}\n   // indented\n'
                           '{"name": "b", "count": 2}\n')
    assert [(n, r.name) for n, r in read_jsonl(path, Row)] == [(3, "a"), (5, "b")]


@pytest.mark.parametrize("text, line, field, message", [
    ('{"name": "a", "count": -1}\n', 1, "count", "greater than or equal to 0"),
    ('{"name": "a", "count": 1}\n{"count": 1}\n', 2, "name", "Field required"),
    ('{"name": "a", "count": 1}\n{oops\n', 2, None, "not valid JSON"),
    ('["a", 1]\n', 1, None, "expected a JSON object, got list"),
])
def test_errors_name_file_line_and_field(tmp_path, text, line, field, message):
    path = write(tmp_path, text)
    with pytest.raises(GoldenError, match=message) as info:
        read_jsonl(path, Row, error=GoldenError)
    assert (info.value.path, info.value.line, info.value.field) == (path, line, field)
    assert str(info.value).startswith(f"{path}, line {line}")


def test_file_problems(tmp_path):
    with pytest.raises(CodebookError, match="file not found"):
        read_jsonl(tmp_path / "nope.jsonl", Row, error=CodebookError)
    path = tmp_path / "cp1256.jsonl"
    path.write_bytes('{"name": "الرقة", "count": 1}\n'.encode("cp1256"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        read_jsonl(path, Row)
    big = write(tmp_path, '{"name": "a", "count": 1}\n' * 50_000, "big.jsonl")
    with pytest.raises(DataFileError, match="larger than 1 MiB"):
        read_jsonl(big, Row, max_bytes=2**20)


def test_every_data_file_error_is_a_riwaya_error():
    assert issubclass(CodebookError, DataFileError) and issubclass(GoldenError, DataFileError)
    assert issubclass(DataFileError, RiwayaError)


def test_model_must_be_a_pydantic_class(tmp_path):
    with pytest.raises(TypeError, match="Expected a pydantic model class"):
        read_jsonl(write(tmp_path, "{}\n"), dict)
