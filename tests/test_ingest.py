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


HTML_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الجيش يدخل الميادين | موقع</title>
<script>var related = "اشتباكات في جنين"; window.ads = [];</script>
<style>.menu { color: red }</style></head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li></ul></nav>
<article>
<h1>الجيش السوري يدخل مدينة الميادين</h1>
<p>قال مصدر عسكري إن الجيش السوري دخل مدينة الميادين في ريف دير الزور الشرقي صباح اليوم بعد معارك عنيفة مع تنظيم داعش استمرت عدة أيام.</p>
<p>وأضاف المصدر أن وحدات الهندسة تعمل على تفكيك الألغام التي زرعها التنظيم في الأحياء السكنية قبل انسحابه نحو البوكمال.</p>
</article>
<aside><h3>أخبار ذات صلة</h3><ul>
<li><a href="/1">اشتباكات عنيفة في جنين</a></li><li><a href="/2">غارات على نابلس</a></li>
<li><a href="/3">انفجار في ليبيا</a></li></ul></aside>
<footer>لندن W14 جميع الحقوق محفوظة 2017</footer>
</body></html>"""


@pytest.mark.parametrize("name, content", [
    ("page.html", HTML_PAGE),
    ("page.txt", HTML_PAGE),                     # an HTML document saved as text
])
def test_html_page_is_reduced_to_its_main_text(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    article = read_article(path)
    assert "دخل مدينة الميادين في ريف دير الزور الشرقي" in article.text
    assert "وحدات الهندسة تعمل على تفكيك الألغام" in article.text
    for chrome in ("var related", "window.ads", "color: red", "جنين", "نابلس", "ليبيا", "W14",
                   "الرئيسية", "<p>"):
        assert chrome not in article.text, chrome


def test_html_page_without_article_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>t</title><script>var a = 1;</script></head>"
                    "<body><div></div></body></html>", encoding="utf-8")
    with pytest.raises(InputFileError, match="no article text"):
        read_article(path)


def test_text_with_angle_brackets_is_not_html(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"{ARABIC} <b>عاجل</b>\n{ARABIC}", encoding="utf-8")
    assert read_article(path).text == f"{ARABIC} <b>عاجل</b>\n{ARABIC}"
