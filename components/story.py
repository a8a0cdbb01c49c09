"""Story mode: step through saved views (``?story=NAME&step=2``) with Previous/Next or the arrow
keys (the buttons' own keyboard shortcuts), each step's caption above the page; and the editor
that saves the current view as a step, reorders and deletes steps. The story files and their
rules are :mod:`riwaya.dashboard.story`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from riwaya.config import PROJECT_ROOT, STORIES_ENV, path_from_env
from riwaya.dashboard import html
from riwaya.dashboard import story as stories
from riwaya.errors import RiwayaError

from components import filters as filter_ui

KEY = "story"


def folder(ctx) -> Path:
    """Where the stories of the workspace in view are kept."""
    ws = getattr(ctx, "workspace", None)
    return getattr(ws, "stories", None) or path_from_env(STORIES_ENV)


def current_page(pages) -> str:
    """The script of the page shown now (``app.py`` when the URL's path names no page)."""
    try:
        path = urlsplit(st.context.url or "").path.rstrip("/").rsplit("/", 1)[-1]
    except Exception:  # no browser context (AppTest)
        path = ""
    for script, _label, _icon in pages:
        if stories.url_path(script) == path and path:
            return script
    return "app.py"


def _query() -> dict[str, list[str]]:
    return {k: list(st.query_params.get_all(k)) for k in st.query_params}


def go(name: str, story: stories.Story, number: int) -> None:
    """Open step ``number`` (1-based): its page with its filter and selection. The filter's
    widgets forget their values first, so the step's URL (or its absence of a filter) decides."""
    step = story.steps[number - 1]
    if not (PROJECT_ROOT / step.page).is_file():
        st.error(html.md(f"Step {number} of the story {name} opens {step.page}, a page this dashboard "
                         f"does not have: edit or delete the step."))
        return
    for field in (*filter_ui.FIELDS, filter_ui.CONFIDENCE):
        st.session_state.pop(filter_ui.widget_key(field), None)
    st.switch_page(step.page, query_params=stories.step_params(name, story, number))


def bar(ctx) -> None:
    """When the URL names a story: its title, "step n of N", the caption, Previous / Next (and
    the arrow keys), Exit. A broken story file says what is wrong with it."""
    name = st.query_params.get("story")
    if not name:
        return
    try:
        story = stories.load_story(folder(ctx), name)
    except RiwayaError as exc:
        st.error(html.md(str(exc)))
        return
    if not story.steps:
        st.warning(f"The story {html.md(name)} has no steps yet: add views with **Story** › "
                   f"**Add this view as a step**.")
        return
    n = stories.step_number(st.query_params.get("step"), len(story.steps))
    step = story.steps[n - 1]
    with st.container(key="story_bar"):
        c = st.columns([1.7, 9, 1.4, 1.5], vertical_alignment="center")
        # the arrow keys press these buttons (Streamlit's own keyboard shortcuts)
        prev = c[0].button("Previous", key="story_prev", icon=":material/arrow_back:", disabled=n <= 1,
                           shortcut="Left")
        c[1].html(html.story_caption_html(story.title or name, n, len(story.steps), step.caption))
        nxt = c[2].button("Next", key="story_next", icon=":material/arrow_forward:",
                          disabled=n >= len(story.steps), shortcut="Right")
        leave = c[3].button("Exit story", key="story_exit", icon=":material/close:", type="tertiary")
    if prev:
        go(name, story, n - 1)
    if nxt:
        go(name, story, n + 1)
    if leave:
        st.query_params.pop("story", None)
        st.query_params.pop("step", None)
        st.rerun()


def editor(ctx, pages, box) -> None:
    """The story editor in ``box`` (the sidebar's expander, or the presenter bar's popover):
    choose or name a story, save the current view as a step with a caption, reorder and delete
    steps, present it."""
    with box:
        names = stories.list_stories(folder(ctx))
        current = st.query_params.get("story")
        options = [*names, ""]
        chosen = st.selectbox("Story", options, index=options.index(current) if current in options else 0,
                              key=f"{KEY}_name", format_func=lambda n: n or "New story…")
        name = chosen or st.text_input("New story's name (letters, digits, - and _)", key=f"{KEY}_new")
        if not name:
            return
        try:
            story = stories.load_story(folder(ctx), name) if name in names else stories.Story(title=name)
        except RiwayaError as exc:
            st.error(html.md(str(exc)))
            return
        if st.session_state.pop(f"{KEY}_added", False):
            st.session_state[f"{KEY}_caption"] = ""   # the caption went into the step just added
        caption = st.text_area("Caption of this view", key=f"{KEY}_caption", max_chars=2000,
                               placeholder="What the audience should see here")
        if st.button("Add this view as a step", key=f"{KEY}_add", icon=":material/add:"):
            query = {k: v for k, v in _query().items() if k not in stories.STORY_PARAMS}
            st.session_state[f"{KEY}_added"] = True
            _save(ctx, name, stories.add_step(story, stories.view_step(current_page(pages), query, caption)))
        for i, step in enumerate(story.steps):
            st.html(html.story_step_html(i + 1, step.caption, _label(pages, step.page)))
            c = st.container(horizontal=True, gap="small")
            c = (c, c, c)
            if c[0].button("", key=f"{KEY}_up_{i}", icon=":material/arrow_upward:", disabled=i == 0,
                           help="Move up"):
                _save(ctx, name, stories.move_step(story, i, -1))
            if c[1].button("", key=f"{KEY}_down_{i}", icon=":material/arrow_downward:",
                           disabled=i == len(story.steps) - 1, help="Move down"):
                _save(ctx, name, stories.move_step(story, i, 1))
            if c[2].button("", key=f"{KEY}_del_{i}", icon=":material/delete:", help="Delete this step"):
                _save(ctx, name, stories.delete_step(story, i))
        if story.steps and st.button("Present this story", key=f"{KEY}_present", type="primary",
                                     icon=":material/slideshow:"):
            go(name, story, 1)


def _label(pages, script: str) -> str:
    return next((label for s, label, _ in pages if s == script), script)


def _save(ctx, name: str, story: stories.Story) -> None:
    try:
        stories.save_story(folder(ctx), name, story)
    except (RiwayaError, OSError) as exc:
        st.error(html.md(f"The story could not be saved: {exc}"))
        return
    st.rerun()
