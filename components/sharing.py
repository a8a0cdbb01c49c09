"""Where the app is and what a chart says about itself: the current view's full link (to
share), the server's address (for absolute links in exports), a chart's heading (what it
shows, the filter, the day) for its PNG."""

from __future__ import annotations

from urllib.parse import urlencode, urljoin, urlsplit

import streamlit as st

from components.context import Context
from components.figure_base import export_heading


def page_url() -> str:
    """The page's address in the browser, without its query ("" outside a browser session)."""
    try:
        url = st.context.url or ""
    except Exception:  # noqa: BLE001 - AppTest and bare mode have no browser
        url = ""
    return url.split("?", 1)[0]


def view_url() -> str:
    """The page's address with its query: the view as it is now (filter, choices)."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    query = urlencode(params, doseq=True)
    return page_url() + (f"?{query}" if query else "")


def app_base() -> str:
    """The app's root address ("http://host:8501/"), for absolute links to other pages; ""
    when unknown (the links stay relative)."""
    url = page_url()
    if not url:
        return ""
    parts = urlsplit(url)
    path = parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def absolute(link: str) -> str:
    """``link`` (app-relative, e.g. "Reader?doc=x") made absolute on this server."""
    base = app_base()
    return urljoin(base, link) if base else link


def share_view(key: str) -> None:
    """A "Share this view" popover with the link of the view, ready to copy."""
    with st.popover("Share this view", icon=":material/link:", key=key):
        st.caption("This link opens this page with the same filter and choices (copy it with the button):")
        st.code(view_url() or "(the address bar holds this view's link)", language=None, wrap_lines=True)


def heading(ctx: Context, what: str) -> tuple[str, str]:
    """(title, subtitle) written on a chart: ``what``, the active filter and today's date."""
    return export_heading(what, ctx.filters.describe(ctx.prep))
