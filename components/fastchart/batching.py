"""A script run's elements reach the browser together, not one by one as they are drawn.

Streamlit sends every message of a run as soon as the run writes it (its runtime flushes each
session's queue every few milliseconds), and its frontend renders React once per message
batch it receives: a filter on the Map, whose run writes about fifty elements while the
server still computes between them, cost the tab 30-40 React commits (one tab, quiet
machine; more when many sessions share the server's CPU, as each run then takes longer).
Held while the run goes on, they arrive together: about 15 commits, and the tab's busy time
per filter falls by about a fifth (``benchmarks/filter_cost.py``).

A page's first run holds its messages at most :data:`HOLD_S` after the first of them: a long
first run (a load that waits for the corpus, a build's progress) still shows its parts as
they come, a fraction of a second apart. A rerun of the page the tab already shows (a filter,
a click on the map) holds them up to :data:`RERUN_HOLD_S`: the reader sees the page as it was
until then, and when many readers share the server's cores and the run takes longer than
:data:`HOLD_S`, its elements would otherwise reach the browser in two parts, each re-rendering
the whole page (20 readers on 2 cores: 14 of 20 filters came in two parts). Installed by ``serve.py`` (:func:`install`, once per
process). It relies on Streamlit internals (``AppSession.flush_browser_queue``, its
``_state``, ``_browser_queue`` and ``_message_enqueued_callback``; components/fastchart/README.md).
"""

from __future__ import annotations

import asyncio
import time

#: the longest a run's first held message waits (seconds): a page's first run
HOLD_S = 0.4
#: ... a rerun of the page the tab shows
RERUN_HOLD_S = 3.0
_HELD_SINCE = "_riwaya_held_since"   # the session attribute: when its oldest held message came
_SHOWN = "_riwaya_shown_page"        # ... the page its tab draws (its last navigation message)


def hold_for(session, now: float) -> float:
    """Seconds the ``session``'s queued messages should still wait at time ``now``: 0 (send
    them) when its run has ended or its oldest held message has waited :data:`HOLD_S`
    (:data:`RERUN_HOLD_S` when the run is of the page its tab draws)."""
    from streamlit.runtime.app_session import AppSessionState

    if session._state != AppSessionState.APP_IS_RUNNING or session._browser_queue.is_empty():
        return 0.0
    hold = RERUN_HOLD_S if getattr(session, _SHOWN, None) == _page(session) else HOLD_S
    since = getattr(session, _HELD_SINCE, None)
    if since is None:
        setattr(session, _HELD_SINCE, now)
        return hold
    return max(0.0, since + hold - now)


def _page(session) -> str | None:
    """The page the ``session``'s run was asked for (a tab's first run asks for the app's main
    script, whose navigation then picks the page in its URL)."""
    client_state = getattr(session, "_client_state", None)
    return getattr(client_state, "page_script_hash", None) or None


def install() -> None:
    """Make every session hold its run's messages (:func:`hold_for`); idempotent."""
    from streamlit.runtime.app_session import AppSession

    if getattr(AppSession.flush_browser_queue, "riwaya_batched", False):
        return
    original = AppSession.flush_browser_queue

    def flush_browser_queue(self):
        holding = getattr(self, _HELD_SINCE, None) is not None
        wait = hold_for(self, time.monotonic())
        if wait > 0:
            # the runtime loop flushes again only when a message is enqueued: wake it when
            # a new hold ends, in case the run writes nothing more until then
            wake = getattr(self, "_message_enqueued_callback", None)
            if not holding and wake is not None:
                asyncio.get_running_loop().call_later(wait, wake)
            return []
        setattr(self, _HELD_SINCE, None)
        sent = original(self)
        for msg in sent:   # the page the tab now draws, as the app's navigation resolved it
            if msg.WhichOneof("type") == "navigation":
                setattr(self, _SHOWN, msg.navigation.page_script_hash)
        return sent

    flush_browser_queue.riwaya_batched = True
    AppSession.flush_browser_queue = flush_browser_queue
