"""A script run's elements reach the browser together, not one by one as they are drawn.

Streamlit sends every message of a run as soon as the run writes it (its runtime flushes each
session's queue every few milliseconds), and its frontend renders React once per message
batch it receives: a filter on the Map, whose run writes about fifty elements while the
server still computes between them, cost the tab 30-40 React commits (one tab, quiet
machine; more when many sessions share the server's CPU, as each run then takes longer).
Held while the run goes on, they arrive together: about 15 commits, and the tab's busy time
per filter falls by about a fifth (``benchmarks/filter_cost.py``).

A run's messages are held at most :data:`HOLD_S` after the first of them: a long run (a
first page load that waits for the corpus, a build's progress) still shows its parts as they
come, a fraction of a second apart. Installed by ``serve.py`` (:func:`install`, once per
process). It relies on Streamlit internals (``AppSession.flush_browser_queue``, its
``_state``, ``_browser_queue`` and ``_message_enqueued_callback``; components/fastchart/README.md).
"""

from __future__ import annotations

import asyncio
import time

#: the longest a run's first held message waits (seconds)
HOLD_S = 0.4
_HELD_SINCE = "_riwaya_held_since"   # the session attribute: when its oldest held message came


def hold_for(session, now: float) -> float:
    """Seconds the ``session``'s queued messages should still wait at time ``now``: 0 (send
    them) when its run has ended or its oldest held message has waited :data:`HOLD_S`."""
    from streamlit.runtime.app_session import AppSessionState

    if session._state != AppSessionState.APP_IS_RUNNING or session._browser_queue.is_empty():
        return 0.0
    since = getattr(session, _HELD_SINCE, None)
    if since is None:
        setattr(session, _HELD_SINCE, now)
        return HOLD_S
    return max(0.0, since + HOLD_S - now)


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
        return original(self)

    flush_browser_queue.riwaya_batched = True
    AppSession.flush_browser_queue = flush_browser_queue
