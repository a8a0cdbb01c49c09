"""Codebook regexes run with RE2: linear time, Python's Unicode meaning of the escapes kept."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SAMPLE_CODEBOOK
from riwaya.text.safe_regex import UnsafePattern, compile_safe, translate


@pytest.mark.parametrize("pattern, text", [
    (r"\w+", "البوكمال"),
    (r"[\w-]+", "أبو-كمال 12"),
    (r"\d+", "عام ٢٠١٧"),
    (r"^\s*(?P<place>[\u0621-\u064A ]{2,25}?)\s*[-–—]\s*(?P<source>[\u0621-\u064A ]{2,25}?)\s*$", "موسكو-سانا"),
    (r"\S+\s+\S+", "قال\u00a0المتحدث"),
    (r"[^\d]+", "abc١٢"),
])
def test_same_matches_as_python(pattern, text):
    py, safe = re.search(pattern, text), compile_safe(pattern).search(text)
    assert (py is None) == (safe is None)
    assert py.span() == safe.span() and py.groupdict() == safe.groupdict()


def test_translation_of_escapes():
    assert translate(r"\u0621") == r"\x{0621}"
    assert translate(r"[\w]") == r"[\p{L}\p{N}_]"
    assert translate(r"[]a]") == r"[\]a]"
    with pytest.raises(TypeError, match="expected a regular expression as str"):
        translate(3)


def test_linear_time_on_a_pattern_that_hangs_python():
    # RE2 itself runs even the classic ReDoS shape in linear time (the codebook refuses it anyway)
    import re2

    started = time.monotonic()
    assert re2.compile(r"^([a-z]+\s?)*$").search("a" * 5000 + "!") is None
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("pattern, why", [
    (r"(a)\1", "backreferences"), (r"(?=x)y", "lookarounds"), (r"(a+)+", "repeated group"),
    (r"^(\w+\s?)*$", "repeated group"),
])
def test_refused_with_the_reason(pattern, why):
    with pytest.raises(UnsafePattern, match=why):
        compile_safe(pattern)


def test_check_codebook_rejects_the_redos_rule_in_under_a_second(tmp_path):
    import shutil

    cb = tmp_path / "codebook"
    shutil.copytree(SAMPLE_CODEBOOK, cb)
    with open(cb / "boilerplate.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"pattern": "^(\\\\w+\\\\s?)*$", "action": "drop_line", "reason": "hostile"}\n')
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "riwaya", "check-codebook", "--codebook", str(cb)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "boilerplate.jsonl" in done.stderr and "field 'pattern'" in done.stderr
    assert "repeated group" in done.stderr
    # the refusal itself is immediate; the rest is the interpreter's start-up
    assert time.monotonic() - started < 15
