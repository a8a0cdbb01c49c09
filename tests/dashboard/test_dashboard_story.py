"""Stories: the pydantic model, the shipped sample story, editing, URLs, and errors naming the file."""

from __future__ import annotations

import json
import shutil

import pytest

from riwaya.dashboard import story as stories
from riwaya.errors import StoryError
from tests.conftest import ROOT

SHIPPED = ROOT / "data" / "stories"


@pytest.fixture
def folder(tmp_path):
    return shutil.copytree(SHIPPED, tmp_path / "stories")


def test_the_sample_story_tells_the_two_claims_in_four_steps():
    story = stories.load_story(SHIPPED, "sample")
    assert len(story.steps) == 4 and all(s.caption for s in story.steps)
    pages = [s.page for s in story.steps]
    assert len(set(pages)) >= 2                                  # the page changes on the way
    claims = [c for s in story.steps for c in s.params.get("claim", [])]
    assert {"VIDEO_GAME", "RAQQA_DEAL", "COALITION_PARTY_TO_DEAL"} <= set(claims)
    assert story.steps[-1].params["stance"] == ["denies"]


def test_step_urls_carry_the_view_the_story_and_presenter_mode():
    story = stories.load_story(SHIPPED, "sample")
    url = stories.step_url("sample", story, 2)
    assert url.startswith("Actors_x_claims?") and "cell=RU_MOD%7CVIDEO_GAME" in url
    assert url.endswith("story=sample&step=2&present=1")
    assert stories.step_url("sample", story, 3).startswith("Timeline?")


@pytest.mark.parametrize("raw, count, expected", [
    ("2", 4, 2), ("0", 4, 1), ("9", 4, 4), ("x", 4, 1), (None, 4, 1), ("1", 0, 1)])
def test_step_numbers_are_clamped(raw, count, expected):
    assert stories.step_number(raw, count) == expected


def test_edit_save_and_reload(folder):
    story = stories.Story(title="t")
    for n in range(3):
        story = stories.add_step(story, stories.view_step("pages/1_Map.py", {"place": [f"P{n}"], "story": ["x"]},
                                                          f" step {n} "))
    assert story.steps[0].params == {"place": ["P0"]}               # the story's own params are not a view
    story = stories.move_step(story, 2, -5)                          # clamped to the top
    assert [s.caption for s in story.steps] == ["step 2", "step 0", "step 1"]
    story = stories.delete_step(story, 1)
    stories.save_story(folder, "mine", story)
    assert stories.load_story(folder, "mine") == story
    assert "mine" in stories.list_stories(folder) and "sample" in stories.list_stories(folder)
    with pytest.raises(IndexError):
        stories.delete_step(story, 5)


@pytest.mark.parametrize("content, field, problem", [
    ('{"steps": [{"page": "../../etc/passwd.py"}]}', "steps.0.page", "expected app.py or pages/N_Name.py"),
    ('{"steps": [{"page": "app.py", "params": {"claim": "X"}}]}', "steps.0.params.claim", "list"),
    ('{"steps": [], "colour": "red"}', "colour", "Extra inputs"),
    ('{"steps": [', None, "not valid UTF-8 JSON"),
])
def test_a_bad_story_file_names_the_file_and_the_field(folder, content, field, problem):
    (folder / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(StoryError, match=problem) as err:
        stories.load_story(folder, "bad")
    assert err.value.path == folder / "bad.json" and err.value.field == field


@pytest.mark.parametrize("name", ["../x", "a b", "", "x" * 65, ".hidden"])
def test_story_names_are_file_names(folder, name):
    with pytest.raises(StoryError, match="story name"):
        stories.story_path(folder, name)
    with pytest.raises(TypeError):
        stories.check_name(3)


def test_a_missing_story_says_so(folder):
    with pytest.raises(StoryError, match="no such story"):
        stories.load_story(folder, "nope")


def test_the_shipped_file_round_trips(folder):
    raw = json.loads((SHIPPED / "sample.json").read_text(encoding="utf-8"))
    assert stories.Story.model_validate(raw).model_dump() == raw


def test_captions_and_titles_are_escaped():
    from riwaya.dashboard import html

    out = html.story_caption_html("<b>t</b>", 2, 4, "<img src=x onerror=alert(1)> الرقة")
    assert "<img" not in out and "&lt;img" in out and "step 2 of 4" in out and 'dir="rtl"' in out
    step = html.story_step_html(1, "", "<i>page</i>")
    assert "(no caption)" in step and "&lt;i&gt;page" in step
