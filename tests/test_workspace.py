"""Workspaces (riwaya/workspace.py): one event per folder, created empty or as a copy, names
that can never leave the workspaces folder, and the sample as the default."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLE_CODEBOOK, SAMPLE_RAW

from riwaya.codebook import load_codebook
from riwaya.config import Paths
from riwaya.errors import WorkspaceError
from riwaya.workspace import (DEFAULT_WORKSPACE, create_workspace, get_workspace, list_workspaces,
                              validate_name)


def test_the_sample_is_the_default_workspace(workspaces_root):
    for name in (None, "", DEFAULT_WORKSPACE, " sample "):
        ws = get_workspace(name)
        assert ws.is_default and ws.raw == SAMPLE_RAW and ws.codebook == SAMPLE_CODEBOOK
        assert ws.paths == Paths.from_env() == Paths.for_workspace(name)
        assert ws.review_db == ws.processed / "review.duckdb"
    assert [w.name for w in list_workspaces()] == [DEFAULT_WORKSPACE]


def test_an_empty_workspace_has_a_codebook_that_loads_with_nothing_of_the_event(workspaces_root):
    ws = create_workspace("deir-ezzor")
    assert ws.root == workspaces_root / "deir-ezzor"
    for folder in (ws.raw, ws.codebook, ws.processed, ws.stories):
        assert folder.is_dir()
    cb = load_codebook(ws.codebook)
    assert (len(cb.actors), len(cb.claims), len(cb.places)) == (0, 0, 0)
    assert cb.lexicon and cb.boilerplate and cb.sources          # the language's rules are kept
    settings = json.loads((ws.codebook / "gazetteer.json").read_text(encoding="utf-8"))
    assert settings["prefer_countries"] == [] and settings["pinned_forms"] == {}
    assert cb.gazetteer.min_population == load_codebook(SAMPLE_CODEBOOK).gazetteer.min_population
    assert ws.article_count() == 0
    assert Paths.for_workspace("deir-ezzor") == ws.paths
    assert [w.name for w in list_workspaces()] == [DEFAULT_WORKSPACE, "deir-ezzor"]
    assert not list(workspaces_root.glob(".new-*"))               # no half-made folder left


def test_a_copy_takes_the_articles_and_codebook_but_not_the_corpus(workspaces_root):
    ws = create_workspace("raqqa", copy_from="sample")
    assert sorted(p.name for p in ws.raw.iterdir()) == sorted(p.name for p in SAMPLE_RAW.iterdir()
                                                             if not p.name.startswith("."))
    assert (ws.codebook / "claims.jsonl").read_bytes() == (SAMPLE_CODEBOOK / "claims.jsonl").read_bytes()
    assert list(ws.processed.iterdir()) == []
    again = create_workspace("raqqa-2", copy_from="raqqa")
    assert again.article_count() == ws.article_count() == 5


@pytest.mark.parametrize("name, problem", [
    ("../evil", "only letters, digits"),
    ("a/b", "only letters, digits"),
    ("/etc", "only letters, digits"),
    (".hidden", "only letters, digits"),
    ("two words", "only letters, digits"),
    ("a\\b", "only letters, digits"),
    ("", "needs a name"),
    ("   ", "needs a name"),
    ("sample", "the sample's workspace"),
    ("Sample", "the sample's workspace"),
    ("x" * 41, "longer than 40"),
])
def test_names_that_could_leave_the_folder_or_clash_are_refused(workspaces_root, name, problem):
    with pytest.raises(WorkspaceError, match=problem):
        create_workspace(name)
    assert not workspaces_root.exists() or not any(workspaces_root.iterdir())


@pytest.mark.parametrize("name", ["deir", "Deir_2017", "دير-الزور", "a1"])
def test_good_names(name):
    assert validate_name(f" {name} ") == name


def test_a_taken_name_is_refused_and_the_workspace_kept(workspaces_root):
    ws = create_workspace("deir")
    (ws.raw / "mine.txt").write_text("نص", encoding="utf-8")
    for again in ("deir", "DEIR"):
        with pytest.raises(WorkspaceError, match="already exists"):
            create_workspace(again)
    assert (ws.raw / "mine.txt").read_text(encoding="utf-8") == "نص"


def test_unknown_workspace_and_unknown_source_are_named(workspaces_root):
    with pytest.raises(WorkspaceError, match="no workspace 'nope'.*riwaya new nope"):
        get_workspace("nope")
    with pytest.raises(WorkspaceError, match="no workspace 'nope'"):
        create_workspace("x", copy_from="nope")
    with pytest.raises(WorkspaceError):
        Paths.for_workspace("../data")
    with pytest.raises(TypeError, match="Expected the workspace name as str"):
        validate_name(3)


def _cli(*args, env_root):
    import os

    env = {**os.environ, "RIWAYA_WORKSPACES": str(env_root)}
    return subprocess.run([sys.executable, "-m", "riwaya", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_riwaya_new_from_the_command_line(workspaces_root):
    res = _cli("new", "deir", env_root=workspaces_root)
    assert res.returncode == 0, res.stderr
    assert "created workspace deir" in res.stdout and "an empty codebook" in res.stdout
    res = _cli("new", "copy", "--from", "sample", env_root=workspaces_root)
    assert res.returncode == 0 and "a copy of sample" in res.stdout
    res = _cli("new", "deir", env_root=workspaces_root)
    assert res.returncode == 2 and "already exists" in res.stderr
    res = _cli("new", "../x", env_root=workspaces_root)
    assert res.returncode == 2 and "only letters, digits" in res.stderr
    assert not (workspaces_root.parent / "x").exists()
    res = _cli("new", "y", "--from", "sample", "--empty", env_root=workspaces_root)
    assert res.returncode == 2 and "not allowed with" in res.stderr
    res = _cli("workspaces", env_root=workspaces_root)
    lines = res.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["sample", "copy", "deir"]
    assert lines[1].split()[1] == "5"
