"""riwaya.dashboard.html: every piece of the dashboard's HTML, escaped in one place."""

from __future__ import annotations

import html as std_html
import re
from types import SimpleNamespace

import pandas as pd
import pytest

from riwaya.dashboard import html, matrix, palette, reader
from riwaya.dashboard.filters import Filters

EVIL = "<img src=x onerror=alert(1)>"


def strip_tags(html_text: str) -> str:
    return std_html.unescape(re.sub(r"<[^>]+>", "", html_text))


def test_quote_html_marks_the_cue_and_is_rtl(prep):
    ev = matrix.evidence(Filters().apply(prep), actor_id="DILLON").iloc[0]
    out = html.quote_html(ev["quote"], offset=ev["start"], cue_start=ev["cue_start"], cue_end=ev["cue_end"])
    assert 'dir="rtl"' in out and "Noto Naskh Arabic" in out
    assert re.search(r"<mark[^>]*>نفى</mark>", out)
    assert strip_tags(out) == ev["quote"]


@pytest.mark.parametrize("cue_start, cue_end", [(None, None), (-5, 2), (3, 1000)])
def test_quote_html_without_a_usable_cue_still_shows_the_quote(cue_start, cue_end):
    out = html.quote_html("قال <b>x</b>", offset=0, cue_start=cue_start, cue_end=cue_end)
    assert "<mark" not in out and "&lt;b&gt;x&lt;/b&gt;" in out


def test_untrusted_article_text_is_escaped_everywhere(prep):
    reader = html.reader_html(prep, "s1")
    assert "<script>" not in reader and "&lt;script&gt;alert(" in reader
    ev = matrix.evidence(Filters(outlets=("SANA",)).apply(prep), claim_id="US_SAFE_IN_ISIS_AREAS").iloc[0]
    quote = html.quote_html(ev["quote"], offset=ev["start"], cue_start=ev["cue_start"], cue_end=ev["cue_end"])
    assert "<script>" not in quote and "&lt;script&gt;" in quote
    legend = html.legend_html([(EVIL, "#000000", "shade")])
    assert "<img" not in legend


def test_evidence_card_escapes_every_field(prep):
    ev = matrix.evidence(Filters().apply(prep), actor_id="DILLON").iloc[0]
    head = html.evidence_meta_html(SimpleNamespace(**ev.to_dict()))
    assert ">denies</span>" in head and palette.STANCE_COLOURS["denies"] in head
    assert "Beta Agency" in head and "Coalition party to deal" in head
    evil = SimpleNamespace(**{**ev.to_dict(), "actor_label": EVIL, "claim_label": '" onmouseover="x',
                              "claim_short": EVIL, "source": EVIL, "date": EVIL, "actor_surface": EVIL})
    head = html.evidence_meta_html(evil)
    assert "<img" not in head and '" onmouseover' not in head
    quote = html.evidence_quote_html(SimpleNamespace(**ev.to_dict()))
    assert "<mark" in quote and palette.STANCE_COLOURS["denies"] in quote


def test_compare_lists_escape_labels(prep):
    out = html.group_claims_html(prep, EVIL, ["VIDEO_GAME"], [])
    assert "<img" not in out
    assert '<span title="The images came from a video game.">Video game images</span>' in out
    assert "<u>Leaves out (others report it)</u><br>—" in out
    assert html.overlap_counts_html("SANA", 0, 3) == "<b>SANA</b>: 0 shared, 3 only here"
    assert "<img" not in html.overlap_counts_html(EVIL, 1, 1)
    shared = html.shared_sentence_html("<b>نص</b>", EVIL, 87.4)
    assert "<b>نص" not in shared and "<img" not in shared and "(87%)" in shared
    assert html.quote_blocks([]) == "<i>none</i>"
    assert html.quote_blocks(["أ", "<b>"]).count("riwaya-quote") == 2


def test_map_lines_escape_and_isolate_arabic(prep):
    row = pd.Series({"name_ar": "الرقة", "lat": 35.9528, "lon": 39.0079, "kind": EVIL,
                     "outlets": "SANA", "speakers": ""})
    out = html.place_meta_html(row)
    assert "35.953, 39.008" in out and "<img" not in out and "Speakers in these sentences: none" in out
    assert '<bdi dir="rtl" lang="ar" class="riwaya-ar-inline">الرقة</bdi>' in out
    assert "no coordinates" in html.place_meta_html(row.copy().replace({35.9528: float("nan")}))
    line = html.sentence_meta_html(SimpleNamespace(source=EVIL, date="2017-11-14", speakers="", stances=""))
    assert "<img" not in line and line.endswith("2017-11-14 · no claim</div>")


def test_reader_metadata_table_escapes_and_links_only_http(prep):
    doc = pd.Series({"source": EVIL, "date": "2017-11-14", "title": "<script>x</script>", "source_basis": None,
                     "file": "a.txt", "url": "https://example.org/?a=1&b='2'"})
    out = html.reader_meta_html(doc)
    assert "<img" not in out and "<script>" not in out and "Outlet found from" not in out
    assert "href='https://example.org/?a=1&amp;b=&#x27;2&#x27;'" in out and "noopener" in out
    assert "href" not in html.reader_meta_html(doc.copy().replace({doc["url"]: "javascript:alert(1)"}))
    removed = html.removed_line_html(EVIL, "<b>سطر</b>")
    assert "<img" not in removed and "&lt;b&gt;سطر" in removed


def test_scroll_script_names_only_a_sentence_number():
    assert 'getElementById("s-3")' in html.scroll_script(3)
    with pytest.raises(ValueError):
        html.scroll_script("1); alert(1")


def test_reader_html_keeps_the_text_and_marks_sentences(prep):
    out = html.reader_html(prep, "a1", focus_sentence=2)
    text = reader.article(prep, "a1")["text"]   # read from the Parquet file (test_dashboard_query)
    assert strip_tags(out) == text  # nothing lost or added, line breaks kept
    for sid in range(4):
        assert f'id="s-{sid}"' in out
    assert re.search(r'id="s-2"[^>]*riwaya-focus', out)
    assert 'id="s-1" data-sentence="1" class="riwaya-sent"' in out
    assert 'dir="rtl"' in out
    # actor shaded with its colour, place in the place colour, cue in bold
    assert palette.tint(prep.actor_colours["RU_MOD"], 0.30) in out
    assert f"outline: 1.5px dashed {palette.PLACE_COLOUR}" in out
    assert "font-weight: 700" in out
    assert html.reader_html(prep, "nope") == ""


@pytest.mark.parametrize("text, expected", [
    ("Abu Kamal · البوكمال · 34.45, 40.92",
     'Abu Kamal · <bdi dir="rtl" lang="ar" class="riwaya-ar-inline">البوكمال</bdi> · 34.45, 40.92'),
    ("US DoD · وزارة الدفاع (البنتاغون)",
     'US DoD · <bdi dir="rtl" lang="ar" class="riwaya-ar-inline">وزارة الدفاع (البنتاغون)</bdi>'),
    ("<b>x</b> و", '&lt;b&gt;x&lt;/b&gt; <bdi dir="rtl" lang="ar" class="riwaya-ar-inline">و</bdi>'),
    (None, ""),
])
def test_bidi_html_isolates_arabic_runs_and_escapes(text, expected):
    assert html.bidi_html(text) == expected


@pytest.mark.parametrize("value, expected", [("<a>", "&lt;a&gt;"), (None, ""), (float("nan"), ""), (3, "3"),
                                             ("'\"", "&#x27;&quot;")])
def test_esc(value, expected):
    assert html.esc(value) == expected
