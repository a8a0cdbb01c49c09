"""Shared fixtures of the riwaya.dashboard tests: the synthetic corpus (tests/fixture_corpus.py), prepared."""

from __future__ import annotations

import pytest

from riwaya.dashboard.corpus import Prepared, prepare
from riwaya.pipeline.store import load_corpus
from tests.fixture_corpus import write_fixture


@pytest.fixture(scope="session")
def prep(tmp_path_factory) -> Prepared:
    out = tmp_path_factory.mktemp("dashboard-fixture")
    write_fixture(out)
    return prepare(load_corpus(out))


@pytest.fixture(scope="session")
def empty_prep(tmp_path_factory) -> Prepared:
    from riwaya.pipeline.store import write_corpus
    out = tmp_path_factory.mktemp("dashboard-empty")
    write_corpus(out, {})
    return prepare(load_corpus(out))


@pytest.fixture(scope="session")
def suggested_prep(tmp_path_factory) -> Prepared:
    """The fixture with the statements' provenance columns and the SUGGESTIONS article: a named
    speaker outside the codebook, an unattributed statement, an example-only suggestion."""
    out = tmp_path_factory.mktemp("dashboard-suggestions")
    write_fixture(out, suggestions=True)
    return prepare(load_corpus(out))
