"""The pages are thin: they load, call riwaya.dashboard and show; no HTML, no filtering of their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]

FORBIDDEN = {
    "HTML built in the page": re.compile(r"""["'][^"'\n]*<(?:/?[a-zA-Z][a-zA-Z0-9]*)[\s>/][^"'\n]*["']"""),
    "the standard library's html module": re.compile(r"^\s*import html\b|html\.escape\(", re.M),
    "pandas filtering in the page": re.compile(
        r"\.isin\(|\.loc\[|\.query\(|\.dropna\(|\.sort_values\(|\.drop_duplicates\(|\.merge\(|\.groupby\("
        r"|\[\w+\[[\"']\w+[\"']\]\s*(?:==|!=|<|>)"),
    "the filter applied by hand": re.compile(r"Filters\(|filters\.(?:actors|claims|stances)\b"),
}


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_pages_are_thin(page, what):
    source = page.read_text(encoding="utf-8")
    hits = [m.group(0) for m in FORBIDDEN[what].finditer(source)]
    assert not hits, f"{page.name}: {what}: {hits}"


def test_the_checks_catch_what_they_look_for():
    fat = ("x = f'<div class=\"a\">{y}</div>'\nimport html\nd = docs[docs[\"doc_id\"] == 1]\n"
           "s = st[st['source'].isin(o)]\nv = Filters(actors=a)\n")
    assert all(FORBIDDEN[what].search(fat) for what in FORBIDDEN)
