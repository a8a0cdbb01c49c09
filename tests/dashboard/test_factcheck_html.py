"""The fact-check card (riwaya/dashboard/factcheck.py): escaped text, only http(s) links."""

from __future__ import annotations

import pytest

from riwaya.dashboard.factcheck import fact_check_html

RECORD = {"verdict": "false", "summary": "Old footage <script>alert(1)</script> from 2016",
          "url": "https://example.org/debunk", "archive_url": "javascript:alert(2)",
          "reviewed_by": "Checker & Co", "date": "2017-11-14",
          "evidence": [{"description": "an image \"<b>x</b>\"", "url": "https://example.org/img",
                        "archive_url": ""}]}


def test_the_card_escapes_every_text_and_links_only_web_addresses():
    out = fact_check_html(RECORD, claim_label="Images <i>from</i> a game")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<i>from</i>" not in out and "<b>x</b>" not in out
    assert "Checker &amp; Co" in out and ">false</b>" in out
    assert 'href="https://example.org/debunk"' in out and 'href="https://example.org/img"' in out
    assert "javascript:" not in out   # a bad link is left out, never written as a link


@pytest.mark.parametrize("empty", [None, {}])
def test_no_record_no_card(empty):
    assert fact_check_html(empty) == ""


def test_the_sample_claims_fact_check_reaches_the_card(sample_codebook):
    claim = next(c for c in sample_codebook.claims if c.id == "VIDEO_GAME")
    out = fact_check_html(claim.fact_check, claim_label=claim.label_en)
    assert "AC-130" in out and "riwaya-factcheck" in out
