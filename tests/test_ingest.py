import pytest

from riwaya.errors import InputFileError
from riwaya.pipeline.ingest import decode_bytes, list_article_files, read_article
from riwaya.pipeline.rawfolder import doc_id_of, scan_raw_folder

ARABIC = "وقالت وزارة الدفاع الروسية أمس الثلاثاء إن موظفا أرفق صورا خاطئة"


@pytest.mark.parametrize("data, encoding", [
    (ARABIC.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8"),
    (ARABIC.encode("cp1256"), "cp1256"),
    (ARABIC.encode("utf-16"), "utf-16"),
])
def test_decodes_arabic_encodings(data, encoding):
    text, used, bad = decode_bytes(data, "a.txt")
    assert text == ARABIC
    assert used == encoding
    assert bad == 0


def test_type_check():
    with pytest.raises(TypeError, match="Expected bytes, got str instead"):
        decode_bytes(ARABIC)


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\n", "only white space"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "an image"),
    ("noise.txt", bytes(range(256)) * 4, "binary"),
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


# --- issue 9.3: decoding never guesses on mostly-UTF-8 text; mojibake is flagged ------------

BODY = (ARABIC + "\n") * 5


@pytest.mark.parametrize("name, data, bad", [
    ("one_bad_byte.txt", BODY.encode().replace(b"\n", b"\n\xff", 1), 1),
    ("bad_byte_inside_a_letter.txt", BODY.encode()[:40] + b"\xff" + BODY.encode()[40:], 3),
    ("cut_mid_character.txt", BODY.encode() + "ق".encode()[:1], 1),
    ("three_bad_bytes.txt", b"\x81" + BODY.encode() + b"\xfe\xfe", 3),
    ("bom_and_bad_byte.txt", b"\xef\xbb\xbf" + BODY.encode() + b"\xc0", 1),
])
def test_mostly_utf8_is_read_as_utf8_with_a_warning(tmp_path, name, data, bad):
    path = tmp_path / name
    path.write_bytes(data)
    article = read_article(path)
    assert article.encoding == "utf-8"
    assert ARABIC in article.text and "ط§" not in article.text   # not re-read as cp1256
    assert article.text.count("\ufffd") >= 1
    [warning] = article.warnings
    assert warning.startswith(f"{name}: {bad} byte") and "not valid UTF-8" in warning


def test_cp1256_is_still_read_as_cp1256(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(BODY.encode("cp1256") + "ok “quoted”".encode())  # a few UTF-8 characters
    article = read_article(path)
    assert article.encoding == "cp1256" and ARABIC in article.text


@pytest.mark.parametrize("text, kind", [
    (BODY.encode().decode("cp1256"), "Windows-1256"),           # ط§ظ„...
    (BODY.encode().decode("latin-1"), "UTF-8 Arabic read as Latin-1"),  # Ø§Ù„...
    (BODY.encode("cp1256").decode("latin-1"), "Arabic read as Latin-1"),  # ÇáÓáÇã
])
def test_mojibake_is_flagged(tmp_path, text, kind):
    path = tmp_path / "moji.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert any("mojibake" in w and kind in w for w in article.warnings), article.warnings


@pytest.mark.parametrize("text", [BODY, "Le président a dit à l'été qu'il était là. " * 5,
                                  "Der Bürgermeister äußerte sich über die Straße. " * 5])
def test_real_text_is_not_mojibake(tmp_path, text):
    path = tmp_path / "fine.txt"
    path.write_text(text, encoding="utf-8")
    assert read_article(path).warnings == ()


# --- issue 9.7: runs of combining marks capped ----------------------------------------------

@pytest.mark.parametrize("marks, kept", [
    ("\u0301" * 200_000, 4),                    # a letter followed by 200,000 marks
    ("\u0651\u064e", 2),                         # shadda + fatha: Arabic as written
    ("\u064b\u200d" * 1000, 4),                  # marks interleaved with zero-width joiners
])
def test_combining_marks_capped(tmp_path, marks, kept):
    path = tmp_path / "marks.txt"
    path.write_text(f"{ARABIC} ب{marks} {ARABIC}", encoding="utf-8")
    article = read_article(path)
    run = article.text.split(" ب", 1)[1].split(" ", 1)[0]
    assert len(run) == kept
    dropped = len(marks) - kept
    assert bool(article.warnings) == bool(dropped)
    if dropped:
        assert f"{dropped} combining marks dropped" in article.warnings[0]


# --- issue 9.8: only article contents; UTF-16 without BOM -------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
def test_utf16_without_bom_is_read(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes(BODY.encode(encoding))
    article = read_article(path)
    assert article.text == BODY and article.encoding == encoding


@pytest.mark.parametrize("content, what", [
    (b"%PDF-1.4\n1 0 obj << /Type /Page >> (" + ARABIC.encode() + b")", "a PDF document"),
    (b"{\\rtf1\\ansi " + ARABIC.encode() + b"}", "an RTF document"),
    (b"PK\x03\x04" + ARABIC.encode(), "a ZIP archive"),
    (b"\x1f\x8b\x08" + ARABIC.encode(), "a gzip archive"),
])
def test_other_formats_refused_whatever_the_name(tmp_path, content, what):
    path = tmp_path / "looks_like_text.txt"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=f"is {what}"):
        read_article(path)


# --- issue 9.4, 9.5, 9.8: which files are articles, their doc_ids -----------------------------

def _folder(tmp_path, names):
    raw = tmp_path / "raw"
    for name in names:
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_text(ARABIC, encoding="utf-8")
    raw.mkdir(exist_ok=True)
    return raw


@pytest.mark.parametrize("name, reason", [
    ("a.txt~", "an editor backup or swap file"),
    ("#a.txt#", "an editor backup or swap file"),
    ("a.txt.swp", "an editor backup or swap file"),
    ("a.bak", "an editor backup or swap file"),
    ("a.pdf", "not an article file: .pdf; convert it to text first"),
    ("a.rtf", "not an article file: .rtf; save it as plain text"),
    ("a.json", "not an article file: .json; data files are not articles"),
    ("a.PNG", "not an article file: .png; an image"),
    ("a.zip", "not an article file: .zip; an archive"),
    ("a.exe", "not an article file: .exe; articles are .txt, .text, .md, .html or .htm"),
])
def test_non_articles_skipped_with_reason(tmp_path, name, reason):
    raw = _folder(tmp_path, ["a.txt", name])
    found = scan_raw_folder(raw)
    assert [f.name for f in found.files] == ["a.txt"]
    assert found.skipped == [(name, found.skipped[0][1])] and reason in found.skipped[0][1]


@pytest.mark.parametrize("name, doc_id", [
    ("a.txt", "a"), ("a.text", "a"), ("a.md", "a"), ("a.html", "a"), ("a.HTM", "a"),
    ("a", "a"), ("report.2017", "report.2017"), ("x.y.txt", "x.y"), ("sana/a.txt", "sana__a"),
    ("sana/2017/a.txt", "sana__2017__a"),
])
def test_article_names_and_doc_ids(tmp_path, name, doc_id):
    raw = _folder(tmp_path, [name])
    found = scan_raw_folder(raw)
    assert [(f.doc_id, f.name) for f in found.files] == [(doc_id, name)]
    assert doc_id_of(name) == doc_id and not found.skipped


@pytest.mark.parametrize("names, clash", [
    (["x.txt", "x.md"], "x.md and x.txt would both be document 'x'"),
    (["x.txt", "x.html", "y.txt"], "x.html and x.txt would both be document 'x'"),
    (["x", "x.txt"], "x and x.txt would both be document 'x'"),
    (["a__b.txt", "a/b.txt"], "a/b.txt and a__b.txt would both be document 'a__b'"),
])
def test_doc_id_clash_is_an_error_naming_both(tmp_path, names, clash):
    raw = _folder(tmp_path, names)
    with pytest.raises(InputFileError, match=clash):
        scan_raw_folder(raw)


def test_backup_beside_article_is_no_clash(tmp_path):
    found = scan_raw_folder(_folder(tmp_path, ["x.txt", "x.txt~"]))
    assert [f.doc_id for f in found.files] == ["x"]


def test_symlinks(tmp_path):
    raw = _folder(tmp_path, ["a.txt", "inner/b.txt"])
    (tmp_path / "outside.txt").write_text(ARABIC, encoding="utf-8")
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "outside.txt").symlink_to(tmp_path / "outside.txt")
    (raw / "up.txt").symlink_to("../outside.txt")
    (raw / "dangling.txt").symlink_to(tmp_path / "nope.txt")
    (raw / "alias.txt").symlink_to("inner/b.txt")          # inside: followed
    (raw / "folder_link").symlink_to(raw / "inner")
    (raw / "loop").symlink_to(raw)
    found = scan_raw_folder(raw)
    assert [(f.doc_id, f.name) for f in found.files] == [
        ("a", "a.txt"), ("alias", "alias.txt"), ("inner__b", "inner/b.txt")]
    reasons = dict(found.skipped)
    assert "outside the raw folder" in reasons["passwd.txt"] and "/etc/passwd" in reasons["passwd.txt"]
    assert "outside the raw folder" in reasons["outside.txt"]
    assert "outside the raw folder" in reasons["up.txt"]
    assert reasons["dangling.txt"].startswith("a dangling link")
    assert "links to folders are not followed" in reasons["folder_link"]
    assert "links to folders are not followed" in reasons["loop"]


def test_empty_folders(tmp_path):
    raw = _folder(tmp_path, [])
    (raw / "empty").mkdir()
    (raw / "only_hidden").mkdir()
    (raw / "only_hidden" / ".DS_Store").write_text("x")
    found = scan_raw_folder(raw)
    assert found.files == []
    assert found.skipped == [("empty/", "an empty folder"), ("only_hidden/", "an empty folder")]
    assert found.warnings == [f"no article files in {raw}"]
