"""HTML pages as input: the article's main text, found by trafilatura, before cleaning.

A raw file that is an HTML document (named ``.html``/``.htm``, or text that opens like one)
goes through trafilatura's main-text extractor (precision first, no comments, no tables):
menus, scripts, related-story lists and footers are left out, and the article comes back as
plain lines that the cleaner (:mod:`riwaya.pipeline.clean`) then treats like any text file.
trafilatura is imported only when a page needs it.
"""

from __future__ import annotations

import re
from pathlib import Path

from riwaya.errors import InputFileError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_DOCUMENT = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
                       re.IGNORECASE | re.DOTALL)
_BLOCK_TAGS = re.compile(r"</(?:p|div|li|a|span|td|h[1-6])\s*>", re.IGNORECASE)
_HEAD_OR_BODY = re.compile(r"<(?:head|body)[\s>]", re.IGNORECASE)


def looks_like_html(text: str, suffix: str = "") -> bool:
    """Whether a decoded file is an HTML document: by its name, or by how it opens (a doctype
    or ``<html>``), or a ``<head>``/``<body>`` among many closing block tags."""
    if not isinstance(text, str):
        raise TypeError(f"Expected str, got {type(text).__name__} instead")
    if suffix.lower() in HTML_SUFFIXES or _DOCUMENT.match(text[:4096]):
        return True
    return bool(_HEAD_OR_BODY.search(text[:20000])) and len(_BLOCK_TAGS.findall(text[:50000])) >= 5


def main_text(html: str, path: Path | str = "<html>") -> str:
    """The article text of an HTML page, one paragraph a line.

    Raises:
        InputFileError: trafilatura finds no article text in the page.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
    if not text or not text.strip():
        raise InputFileError(path, "is an HTML page in which no article text was found "
                                   "(trafilatura); save the article as text instead")
    return text
