"""The README's promises stay true: its schema table and its two commands."""

import re

import pytest

from conftest import ROOT
from riwaya.pipeline.schema import TABLES
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _schema_rows() -> dict[str, list[str]]:
    section = README.split("## The processed corpus", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        m = re.match(r"\| `(\w+)` \| (.+) \|$", line)
        if m:
            rows[m.group(1)] = re.findall(r"`(\w+)`", m.group(2))
    return rows


@pytest.mark.parametrize("table", sorted(TABLES))
def test_readme_schema_lists_every_column_in_order(table):
    assert _schema_rows()[table] == TABLES[table].names


def test_readme_commands_exist_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make run " in README and "make test " in README
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
