import pytest

from riwaya.errors import InputFileError
from riwaya.pipeline.ingest import decode_bytes, list_article_files, read_article

ARABIC = "وقالت وزارة الدفاع الروسية أمس الثلاثاء إن موظفا أرفق صورا خاطئة"


@pytest.mark.parametrize("data, encoding", [
    (ARABIC.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8"),
    (ARABIC.encode("cp1256"), "cp1256"),
    (ARABIC.encode("utf-16"), "utf-16"),
])
def test_decodes_arabic_encodings(data, encoding):
    text, used = decode_bytes(data, "a.txt")
    assert text == ARABIC
    assert used == encoding


def test_type_check():
    with pytest.raises(TypeError, match="Expected bytes, got str instead"):
        decode_bytes(ARABIC)


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\n", "only white space"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])
def test_bad_files_name_file_and_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError) as err:
        read_article(path)
    assert problem in str(err.value)
    assert name in str(err.value)


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(ARABIC.encode() * 10)
    with pytest.raises(InputFileError, match="over the .* limit"):
        read_article(path, max_bytes=100)


def test_crlf_becomes_lf_and_doc_id_is_stem(tmp_path):
    path = tmp_path / "007_abc.txt"
    path.write_bytes((ARABIC + "\r\n" + ARABIC).encode())
    art = read_article(path)
    assert art.doc_id == "007_abc"
    assert art.text == ARABIC + "\n" + ARABIC


def test_listing_skips_metadata_and_hidden(tmp_path):
    for name in ["b.txt", "a.txt", ".hidden", "metadata.csv"]:
        (tmp_path / name).write_text("x")
    assert [p.name for p in list_article_files(tmp_path)] == ["a.txt", "b.txt"]


def test_missing_folder(tmp_path):
    with pytest.raises(InputFileError, match="raw folder not found"):
        list_article_files(tmp_path / "nope")
