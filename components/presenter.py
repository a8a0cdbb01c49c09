"""Presenter mode (``?present=1``): no sidebar; one compact bar at the top of the page holds the
pages, the filter (the same widgets and URL parameters as the sidebar's, as popovers), the story
editor and the way out. Its look (type sizes, one-screen charts) is ``components.style``."""

from __future__ import annotations

import streamlit as st

from components.style import PRESENT_KEY

BAR_KEY = "presenter_bar"


def top_bar():
    """The bar's horizontal container, drawn first on the page (filled by the caller)."""
    return st.container(key=BAR_KEY, horizontal=True, vertical_alignment="center", gap="small")


def pages_menu(bar, pages, params: dict) -> None:
    """A "Pages" popover with a link to every page, keeping the filter and presenter mode."""
    with bar.popover("Pages", icon=":material/menu:", key="presenter_pages"):
        for script, label, icon in pages:
            st.page_link(script, label=label, icon=icon, query_params=params)


def _leave() -> None:
    st.session_state[PRESENT_KEY] = False


def exit_button(bar) -> None:
    """Leaves presenter mode (the sidebar comes back)."""
    bar.button("Exit presenter", key="presenter_exit", icon=":material/close_fullscreen:",
               on_click=_leave, type="tertiary")


def tools(ctx, bar, pages, params: dict) -> None:
    """The story editor and the briefing export, in the presenter ``bar`` (with the pages menu
    and the way out) or, when ``bar`` is None, in the sidebar; then, when the URL names a
    story, its step's caption with Previous / Next (:func:`components.story.bar`).

    The sidebar's two expanders are filled only once opened: a page's first run then imports
    neither the story files' models nor the briefing (they cost start-to-map a few tenths of a
    second; benchmarks/bench_dashboard.py)."""
    boxes = {}
    if bar is None:
        boxes["story"] = st.sidebar.expander("Story", icon=":material/slideshow:", key="sidebar_story",
                                             on_change="rerun")
        if ctx.has_corpus:
            boxes["briefing"] = st.sidebar.expander("Briefing", icon=":material/description:",
                                                    key="sidebar_briefing", on_change="rerun")
        if not st.query_params.get("story") and not any(box.open for box in boxes.values()):
            return
    from components import briefing, story

    label = next((lab for s, lab, _ in pages if s == story.current_page(pages)), "Overview")
    if bar is not None:
        pages_menu(bar, pages, params)
        story.editor(ctx, pages, bar.popover("Story", icon=":material/slideshow:", key="presenter_story"))
        if ctx.has_corpus:
            briefing.downloads(ctx, label, bar.popover("Briefing", icon=":material/description:",
                                                       key="presenter_briefing"))
        exit_button(bar)
    else:
        if boxes["story"].open:
            story.editor(ctx, pages, boxes["story"])
        if "briefing" in boxes and boxes["briefing"].open:
            briefing.downloads(ctx, label, boxes["briefing"])
    story.bar(ctx)
