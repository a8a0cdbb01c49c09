"""Adding articles (riwaya/upload/): real files of every format, zips good and hostile, the
size limit, duplicates, tables and their column mapping, and `riwaya add` in a subprocess.
Every bad input gets a clear result and nothing already in the workspace is lost."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_RAW

from riwaya.errors import InputFileError, UploadError
from riwaya.pipeline.metadata import load_metadata
from riwaya.upload import MAX_UPLOAD_BYTES, ColumnMapping, add_files, add_paths, propose_mapping, table_columns
from riwaya.upload.archive import zip_members
from riwaya.workspace import create_workspace

ARTICLE = (SAMPLE_RAW / "001_7a61912e591ad750.txt").read_bytes()
OTHER = (SAMPLE_RAW / "003_5ebe06736b7b5b94.txt").read_bytes()
DATED = ("دمشق - سانا - الأربعاء 15 / 11 / 2017\n"
         "قال المتحدث باسم وزارة الدفاع الروسية اللواء إيغور كوناشينكوف إن الطائرات الأمريكية "
         "رفضت قصف رتل لتنظيم داعش قرب مدينة دير الزور الثلاثاء الماضي.\n")
PAGE = ("<!doctype html><html><head><title>خبر</title></head><body><nav>الرئيسية | أخبار</nav>"
        "<article><h1>عنوان الخبر</h1><p>" + "أعلنت وزارة الخارجية الروسية في بيان أن الوضع في "
        "دير الزور يتحسن وأن المدنيين عادوا إلى بيوتهم بعد انسحاب المسلحين من الأحياء الشرقية. " * 4
        + "</p></article><footer>جميع الحقوق محفوظة</footer></body></html>").encode()


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is ``text`` (Latin letters)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def docx_bytes(paragraphs: list[str], title: str = "") -> bytes:
    import docx

    doc = docx.Document()
    doc.core_properties.title = title
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def xlsx_bytes(rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes], *, symlinks: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = 0o120777 << 16
            z.writestr(info, target)
    return buf.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


@pytest.fixture
def ws(workspaces_root):
    return create_workspace("event")


@pytest.fixture
def sample_ws(workspaces_root):
    return create_workspace("copy", copy_from="sample")


def by_name(report) -> dict:
    return {r.name: r for r in report.results}


def test_a_zip_of_mixed_files_gets_one_result_each(ws):
    table = "title,body,source,date\nأ,مقال قصير عن قصف رتل قرب البوكمال,SANA,2017-11-14\nب,,RT,\n"
    upload = zip_bytes({"a.txt": ARTICLE, "page.html": PAGE, "t.csv": table.encode(),
                        "copy.txt": ARTICLE, "broken.pdf": b"%PDF-1.4 not really a pdf",
                        "doc.docx": docx_bytes(["بيان وزارة الدفاع", "نص البيان الكامل عن دير الزور"],
                                               title="بيان"),
                        "scan.pdf": minimal_pdf("Russian ministry said the convoy left on Tuesday"),
                        "notes/readme.png": b"\x89PNG\r\n", "__MACOSX/._a.txt": b"junk"})
    report = add_files(ws, [("upload.zip", upload)])
    got = by_name(report)
    assert got["upload.zip/a.txt"].status == "added" and got["upload.zip/a.txt"].doc_id == "a"
    assert got["upload.zip/page.html"].status == "added"
    assert got["upload.zip/t.csv row 1"].status == "added" and got["upload.zip/t.csv row 1"].outlet == "SANA"
    assert got["upload.zip/t.csv row 2"].status == "skipped"
    assert "no text in column 'body'" in got["upload.zip/t.csv row 2"].reason
    assert got["upload.zip/copy.txt"].status == "duplicate"
    assert got["upload.zip/copy.txt"].duplicate_of == "a" and not got["upload.zip/copy.txt"].written
    assert got["upload.zip/broken.pdf"].status == "skipped"
    assert "not a readable PDF" in got["upload.zip/broken.pdf"].reason
    assert got["upload.zip/doc.docx"].status == "added" and got["upload.zip/scan.pdf"].status == "added"
    assert "not a supported file (.png)" in got["upload.zip/notes/readme.png"].reason
    assert not any("__MACOSX" in name for name in got)
    assert report.summary() == "5 added, 1 duplicate, 3 skipped"
    # what was written reads as the build reads it
    assert (ws.raw / "a.txt").read_bytes().decode("utf-8").strip() == ARTICLE.decode("utf-8").strip()
    page = (ws.raw / "page.txt").read_text(encoding="utf-8")
    assert "الأحياء الشرقية" in page and "الرئيسية" not in page and "<" not in page
    assert "Russian ministry" in (ws.raw / "scan.txt").read_text(encoding="utf-8")
    assert "دير الزور" in (ws.raw / "doc.txt").read_text(encoding="utf-8")
    meta = load_metadata(ws.raw, known={"a", "page", "t-0001", "doc", "scan"})
    assert not meta.warnings
    assert meta.get("t-0001") == {"source": "SANA", "date": "2017-11-14", "title": "أ"}
    assert meta.get("doc") == {"title": "بيان"}
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in ws.raw.glob("*.txt"))


@pytest.mark.parametrize("member, reason", [
    ("../x.txt", "climbs out"),
    ("a/../../x.txt", "climbs out"),
    ("/tmp/x.txt", "absolute path"),
    ("C:\\x.txt", "absolute path"),
    ("inner.zip", "archive inside the archive"),
])
def test_a_hostile_zip_member_is_refused_and_the_rest_added(ws, tmp_path, member, reason):
    before = set(tmp_path.rglob("*"))
    report = add_files(ws, [("evil.zip", zip_bytes({member: b"evil text", "good.txt": OTHER}))])
    got = by_name(report)
    assert got[f"evil.zip/{member}"].status == "skipped" and reason in got[f"evil.zip/{member}"].reason
    assert got["evil.zip/good.txt"].status == "added"
    created = set(tmp_path.rglob("*")) - before
    assert {p.name for p in created if p.is_file()} <= {"good.txt", "metadata.csv", ".add.lock"}
    assert not any(p.is_file() and p.read_bytes() == b"evil text" for p in tmp_path.rglob("*"))
    assert not Path("/tmp/x.txt").is_file() or Path("/tmp/x.txt").read_bytes() != b"evil text"


def test_a_symlink_in_a_zip_is_not_followed(ws):
    report = add_files(ws, [("links.zip", zip_bytes({"ok.txt": OTHER},
                                                     symlinks={"passwd.txt": "/etc/passwd"}))])
    got = by_name(report)
    assert got["links.zip/passwd.txt"].status == "skipped"
    assert "symbolic link" in got["links.zip/passwd.txt"].reason
    assert sorted(p.name for p in ws.raw.glob("*.txt")) == ["ok.txt"]


def test_a_zip_bomb_is_refused_whole(ws):
    bomb = zip_bytes({"zeros.txt": b"0" * (20 * 2**20), "ok.txt": OTHER})
    assert len(bomb) < 200_000
    report = add_files(ws, [("bomb.zip", bomb)])
    assert [(r.name, r.status) for r in report.results] == [("bomb.zip", "skipped")]
    assert "zip bomb" in report.results[0].reason
    assert not list(ws.raw.glob("*.txt"))
    with pytest.raises(InputFileError, match="over what is left of the upload limit"):
        zip_members(bomb, "bomb.zip", budget=10 * 2**20)


def test_an_upload_over_100_mb_is_refused_and_nothing_changes(sample_ws):
    before = snapshot(sample_ws.raw)
    big = b"x" * (MAX_UPLOAD_BYTES + 1)
    with pytest.raises(UploadError, match=r"100\.0 MB, over the limit of 100 MB; nothing was added"):
        add_files(sample_ws, [("a.txt", OTHER), ("big.txt", big)])
    assert snapshot(sample_ws.raw) == before


def test_files_that_cannot_be_read_are_skipped_with_the_reason(sample_ws, tmp_path):
    before = snapshot(sample_ws.raw)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    disguised = tmp_path / "report.txt"
    disguised.write_bytes(b"%PDF-1.7 ...")
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    bad_docx = tmp_path / "bad.docx"
    bad_docx.write_bytes(b"PK\x03\x04 not a docx")
    bad_xlsx = tmp_path / "bad.xlsx"
    bad_xlsx.write_bytes(b"plain text")
    report = add_paths(sample_ws, [tmp_path / "missing.txt", tmp_path, binary, disguised, empty,
                                   bad_docx, bad_xlsx])
    reasons = {Path(r.name).name: r.reason for r in report.results}
    assert all(r.status == "skipped" for r in report.results) and len(report.results) == 7
    assert "cannot be read (No such file or directory)" in reasons["missing.txt"]
    assert "is a folder" in reasons[tmp_path.name]
    assert "binary file" in reasons["binary.txt"]
    assert "PDF document" in reasons["report.txt"]
    assert reasons["empty.docx"] == "is empty"
    assert "not a readable" in reasons["bad.docx"] and "not a readable" in reasons["bad.xlsx"]
    assert snapshot(sample_ws.raw) == before


def test_an_existing_article_is_never_overwritten(sample_ws):
    name = "001_7a61912e591ad750.txt"
    before = snapshot(sample_ws.raw)
    report = add_files(sample_ws, [(name, DATED.encode())])
    result = report.results[0]
    assert result.status == "added" and result.doc_id == "001_7a61912e591ad750-2"
    after = snapshot(sample_ws.raw)
    assert {k: after[k] for k in before if k != "metadata.csv"} == \
        {k: v for k, v in before.items() if k != "metadata.csv"}
    # the metadata file keeps every old row and gains one
    old_rows = list(csv.reader(io.StringIO(before["metadata.csv"].decode("utf-8"))))
    new_rows = list(csv.reader(io.StringIO(after["metadata.csv"].decode("utf-8"))))
    assert new_rows[: len(old_rows)] == old_rows and len(new_rows) == len(old_rows) + 1
    assert new_rows[-1][:4] == ["001_7a61912e591ad750-2.txt", "", "", "2017-11-15"]


def test_the_same_text_is_a_duplicate_and_a_syndicated_copy_is_counted(sample_ws):
    report = add_files(sample_ws, [("again.txt", ARTICLE)])
    assert report.results[0].status == "duplicate" and report.results[0].reason == "same text"
    assert report.results[0].duplicate_of == "001_7a61912e591ad750" and not report.written
    body = OTHER.decode("utf-8")
    rows = [{"text": body + "\nالمصدر: سانا", "site": "SANA"},
            {"text": body.replace("الأمريكية", "الأميركية", 1) + "\nالمصدر: الإخبارية",
             "site": "Al-Ikhbariya"}]
    table = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    report = add_files(sample_ws, [("feed.jsonl", table)])
    assert [r.status for r in report.results] == ["duplicate", "duplicate"]
    assert all(r.written and r.duplicate_of == "003_5ebe06736b7b5b94" for r in report.results)
    # the original's outlet from metadata.csv, else its dateline (موسكو-سانا, as the build reads
    # it); the copies' from the table
    from riwaya.codebook import load_codebook
    from riwaya.pipeline.clean import clean_text

    cb = load_codebook(sample_ws.codebook)
    dateline = clean_text(body, boilerplate=cb.boilerplate, sources=cb.sources).source
    original = load_metadata(sample_ws.raw).get("003_5ebe06736b7b5b94", {}).get("source") or dateline
    assert original in ("سانا", "SANA")
    assert report.copies_lines() == [f"003_5ebe06736b7b5b94: 3 copies: {original}, SANA, Al-Ikhbariya"]


def test_without_metadata_the_dateline_names_the_original(sample_ws):
    (sample_ws.raw / "metadata.csv").unlink()
    copy = OTHER.decode("utf-8").replace("موسكو-سانا", "موسكو-الإخبارية")     # its own dateline
    report = add_files(sample_ws, [("copy.txt", copy.encode())])
    assert report.results[0].duplicate_of == "003_5ebe06736b7b5b94"
    assert report.copies_lines() == ["003_5ebe06736b7b5b94: 2 copies: سانا, الإخبارية"]
    assert "near-duplicate" in report.results[0].message()


def test_metadata_in_another_layout_keeps_every_cell(ws):
    (ws.raw / "old.txt").write_text("نص قديم عن الرقة وما جرى فيها من معارك", encoding="utf-8")
    (ws.raw / "metadata.csv").write_bytes("File;Source;Extra\nold.txt;BBC;keep me\n".encode("utf-16"))
    add_files(ws, [("new.txt", DATED.encode())])
    text = (ws.raw / "metadata.csv").read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["File;Source;Extra;url;date;language;title",
                                     "old.txt;BBC;keep me;;;;"]
    meta = load_metadata(ws.raw)
    assert meta.get("old") == {"source": "BBC"} and meta.get("new") == {"date": "2017-11-15"}


def test_an_unreadable_metadata_file_refuses_the_add_before_anything_is_written(ws):
    (ws.raw / "metadata.csv").write_text("name,outlet\nx.txt,BBC\n", encoding="utf-8")
    before = snapshot(ws.raw)
    with pytest.raises(UploadError, match="metadata.csv.*'file' column.*nothing was added"):
        add_files(ws, [("new.txt", DATED.encode())])
    assert snapshot(ws.raw) == before


def test_a_date_is_read_from_the_dateline_when_none_is_given(ws):
    report = add_files(ws, [("deir.txt", DATED.encode()), ("nodate.txt", OTHER)])
    dated, undated = report.results
    assert (dated.date, dated.date_from_text) == ("2017-11-15", True)
    assert "date 2017-11-15 read from the text" in dated.message()
    assert undated.date is None and not undated.date_from_text


@pytest.mark.parametrize("header, expected", [
    (["title", "body", "source", "date", "url", "lang"],
     ("body", "title", "source", "date", "url", "lang")),
    (["Headline", "Article Text", "Publisher", "Published At", "Link"],
     ("Article Text", "Headline", "Publisher", "Published At", "Link", None)),
    (["العنوان", "النص", "المصدر", "التاريخ", "الرابط", "اللغة"],
     ("النص", "العنوان", "المصدر", "التاريخ", "الرابط", "اللغة")),
    (["id", "foo"], (None, None, None, None, None, None)),
])
def test_a_mapping_is_proposed_from_the_header(header, expected):
    m = propose_mapping(header)
    assert (m.text, m.title, m.outlet, m.date, m.url, m.language) == expected


def test_tables_in_every_format_with_an_explicit_mapping(ws):
    rows = [["headline", "content", "site", "when"],
            ["أ", "نص المقال الأول عن قصف رتل داعش قرب البوكمال", "SANA", "14/11/2017"],
            ["ب", "نص المقال الثاني عن تحرير مدينة الرقة من داعش", "RT", "03/04/2017"]]
    xlsx = xlsx_bytes(rows)
    assert table_columns("t.xlsx", xlsx) == rows[0]
    mapping = ColumnMapping(text="content", title="headline", outlet="site", date="when")
    report = add_files(ws, [("t.xlsx", xlsx)], mappings={"t.xlsx": mapping})
    assert [r.status for r in report.results] == ["added", "added"]
    assert [r.outlet for r in report.results] == ["SANA", "RT"]
    assert [r.date for r in report.results] == ["2017-11-14", None]
    assert any("03/04/2017" in w and "ambiguous" in w for w in report.warnings)
    report = add_files(ws, [("t.csv", b"a,b\n1,2\n")])
    assert report.results[0].status == "skipped"
    assert "no column holds the article text; columns are a, b" in report.results[0].reason
    report = add_files(ws, [("t.csv", b"a,b\n1,2\n")], mappings={"t.csv": ColumnMapping(text="c")})
    assert "has no column 'c'" in report.results[0].reason
    with pytest.raises(InputFileError, match="FIELD=COLUMN"):
        ColumnMapping.parse("body")
    assert ColumnMapping.parse("text=body, outlet=site") == ColumnMapping(text="body", outlet="site")


def test_add_files_says_what_it_expected():
    with pytest.raises(TypeError, match=r"\(name: str, data: bytes\) pairs"):
        add_files(None, [("a.txt", "not bytes")])


def _cli(*args, root):
    env = {**os.environ, "RIWAYA_WORKSPACES": str(root)}
    return subprocess.run([sys.executable, "-m", "riwaya", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_riwaya_add_from_the_command_line(ws, workspaces_root, tmp_path):
    (tmp_path / "deir.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "up.zip").write_bytes(zip_bytes({"a.txt": ARTICLE, "../x.txt": b"evil"}))
    (tmp_path / "big.txt").write_bytes(b"")
    os.truncate(tmp_path / "big.txt", MAX_UPLOAD_BYTES + 1)       # sparse: no 100 MB written
    res = _cli("add", tmp_path / "big.txt", "--workspace", "event", root=workspaces_root)
    assert res.returncode == 2 and "over 100 MB together" in res.stderr and "nothing was added" in res.stderr
    assert not list(ws.raw.glob("*.txt"))
    res = _cli("add", tmp_path / "deir.txt", tmp_path / "up.zip", "-w", "event", "--build",
               root=workspaces_root)
    assert res.returncode == 1, res.stderr                           # one member was skipped
    assert "workspace event: 2 added, 0 duplicates, 1 skipped" in res.stdout
    assert "deir.txt: added as doc id deir (date 2017-11-15 read from the text)" in res.stdout
    assert "up.zip/../x.txt: skipped: a path that climbs out" in res.stdout
    assert "documents   2" in res.stdout                             # built afterwards
    res = _cli("add", tmp_path / "deir.txt", "-w", "event", "--json", root=workspaces_root)
    out = json.loads(res.stdout)
    assert res.returncode == 0 and out["results"][0]["status"] == "duplicate"
    res = _cli("add", tmp_path / "deir.txt", "-w", "nope", root=workspaces_root)
    assert res.returncode == 2 and "no workspace 'nope'" in res.stderr


def test_progress_counts_every_input(ws):
    calls = []
    add_files(ws, [("up.zip", zip_bytes({"a.txt": ARTICLE, "b.txt": OTHER, "c.png": b"x"}))],
              progress=lambda done, total, what: calls.append((done, total, what)))
    assert calls == [(0, 3, "up.zip/a.txt"), (1, 3, "up.zip/b.txt"), (2, 3, "up.zip/c.png")]
