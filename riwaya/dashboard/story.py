"""A story: an ordered list of saved views (page + filter + selection + caption), stepped through
in presenter mode (``?story=NAME&step=2``).

A story is a JSON file, ``data/stories/NAME.json`` (``RIWAYA_STORIES``), validated by
:class:`Story` (pydantic)::

    {"title": "The video game and the Raqqa deal",
     "steps": [{"page": "pages/2_Actors_x_claims.py",
                "params": {"claim": ["VIDEO_GAME"], "cell": ["RU_MOD|VIDEO_GAME"]},
                "caption": "The Russian MoD concedes the images came from a video game."}]}

``page`` is a page script as in ``components.context.PAGES`` (``app.py`` is Overview);
``params`` its query parameters (the filter, the selection), each a list of values. A step's
URL is the page's path plus its params plus ``story``, ``step`` (1-based) and ``present=1``.
Nothing here is specific to an event: a story is data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from riwaya.atomic import write_text_atomic
from riwaya.errors import StoryError

#: query parameters that belong to the story itself, never to a step's view
STORY_PARAMS = ("story", "step", "present")
#: a story's name: its file name without ``.json``
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
MAX_STEPS = 100
MAX_BYTES = 1 << 20


class Step(BaseModel):
    """One saved view."""

    model_config = ConfigDict(extra="forbid")

    page: str = Field(description="the page script: app.py or pages/N_Name.py")
    params: dict[str, list[str]] = Field(default_factory=dict)
    caption: str = Field(default="", max_length=2000)

    @field_validator("page")
    @classmethod
    def _page(cls, value: str) -> str:
        p = PurePosixPath(value)
        if value != "app.py" and not (len(p.parts) == 2 and p.parts[0] == "pages" and p.suffix == ".py"
                                      and NAME.match(p.stem)):
            raise ValueError(f"expected app.py or pages/N_Name.py, got {value!r}")
        return value

    @field_validator("params")
    @classmethod
    def _params(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {k: [v for v in vs if v != ""] for k, vs in value.items()
                if k not in STORY_PARAMS and [v for v in vs if v != ""]}


class Story(BaseModel):
    """A titled, ordered list of :class:`Step`."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="", max_length=200)
    steps: list[Step] = Field(default_factory=list, max_length=MAX_STEPS)


def check_name(name) -> str:
    """``name`` when it is a usable story name (letters, digits, ``-``, ``_``; a file name)."""
    if not isinstance(name, str):
        raise TypeError(f"a story name: expected str, got {type(name).__name__}")
    if not NAME.match(name):
        raise StoryError(f"{name}.json", "a story name is 1 to 64 letters, digits, '-' or '_' "
                         "(it names the file), starting with a letter or digit")
    return name


def story_path(folder: Path | str, name: str) -> Path:
    return Path(folder) / f"{check_name(name)}.json"


def list_stories(folder: Path | str) -> list[str]:
    """The names of the stories in ``folder``, sorted."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.json") if NAME.match(p.stem))


def load_story(folder: Path | str, name: str) -> Story:
    """The story ``name`` of ``folder``; a :class:`StoryError` naming the file and the field
    when it is missing or malformed."""
    path = story_path(folder, name)
    if not path.is_file():
        raise StoryError(path, "no such story")
    if path.stat().st_size > MAX_BYTES:
        raise StoryError(path, f"larger than {MAX_BYTES} bytes: not a story file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoryError(path, f"not valid UTF-8 JSON ({exc})") from None
    try:
        return Story.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise StoryError(path, first["msg"], field=".".join(str(x) for x in first["loc"])) from None


def save_story(folder: Path | str, name: str, story: Story) -> Path:
    """Write ``story`` as ``folder/name.json`` (atomically: a crash leaves the old file whole)."""
    if not isinstance(story, Story):
        raise TypeError(f"save_story: expected a Story, got {type(story).__name__}")
    path = story_path(folder, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, story.model_dump_json(indent=2) + "\n")
    return path


# --------------------------------------------------------------------------- editing (pure)

def add_step(story: Story, step: Step) -> Story:
    return story.model_copy(update={"steps": [*story.steps, step]})


def move_step(story: Story, index: int, by: int) -> Story:
    """The story with step ``index`` (0-based) moved ``by`` places (clamped)."""
    steps = list(story.steps)
    if not 0 <= index < len(steps):
        raise IndexError(f"move_step: no step {index} in a story of {len(steps)}")
    target = min(max(0, index + by), len(steps) - 1)
    steps.insert(target, steps.pop(index))
    return story.model_copy(update={"steps": steps})


def delete_step(story: Story, index: int) -> Story:
    if not 0 <= index < len(story.steps):
        raise IndexError(f"delete_step: no step {index} in a story of {len(story.steps)}")
    return story.model_copy(update={"steps": [s for i, s in enumerate(story.steps) if i != index]})


# --------------------------------------------------------------------------- URLs

def url_path(page: str) -> str:
    """The URL path Streamlit gives a page script: ``pages/2_Actors_x_claims.py`` is
    ``Actors_x_claims``, ``app.py`` is ``""``."""
    if page == "app.py":
        return ""
    return re.sub(r"^\d+_", "", PurePosixPath(page).stem)


def step_number(raw, count: int) -> int:
    """The 1-based step of the URL's ``step`` value, clamped to 1..count (1 when unusable)."""
    try:
        n = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(1, n), max(1, count))


def step_params(name: str, story: Story, number: int) -> dict[str, list[str]]:
    """The query parameters of step ``number`` (1-based) of the story ``name``: its view, the
    story, the step and presenter mode."""
    step = story.steps[number - 1]
    return {**step.params, "story": [name], "step": [str(number)], "present": ["1"]}


def step_url(name: str, story: Story, number: int) -> str:
    """The app-relative URL of a step: ``Actors_x_claims?claim=VIDEO_GAME&story=x&step=2&present=1``."""
    step = story.steps[number - 1]
    return url_path(step.page) + "?" + urlencode(step_params(name, story, number), doseq=True)


def view_step(page: str, params: dict[str, list[str]], caption: str) -> Step:
    """A step of the view shown now: the page and the URL's parameters, less the story's own."""
    return Step(page=page, params={k: list(v) for k, v in params.items()}, caption=caption.strip())
