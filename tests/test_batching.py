"""components/fastchart/batching.py: a run's messages are held while it runs, at most HOLD_S
after the first (RERUN_HOLD_S for a rerun of the page the tab draws), on Streamlit's own
message queue and session states."""

from __future__ import annotations

import pytest
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.app_session import AppSession, AppSessionState
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

from components.fastchart import batching


class Session:
    """What batching reads of an AppSession: its state, the page its run was asked for and
    its real message queue."""

    def __init__(self, state: AppSessionState, messages: int, page: str = "map") -> None:
        self._state = state
        self._client_state = ClientState(page_script_hash=page)
        self._browser_queue = ForwardMsgQueue()
        for i in range(messages):
            msg = ForwardMsg()
            msg.delta.new_element.markdown.body = f"element {i}"
            msg.metadata.delta_path[:] = [0, i]
            self._browser_queue.enqueue(msg)


H = batching.HOLD_S


@pytest.mark.parametrize("state, messages, times, waits", [
    # a running script's messages wait, from the first flush on, HOLD_S at most
    (AppSessionState.APP_IS_RUNNING, 3, [10.0, 10.1, 10.0 + H], [H, H - 0.1, 0.0]),
    # a finished run's (or an idle session's) go at once
    (AppSessionState.APP_NOT_RUNNING, 3, [10.0], [0.0]),
    # nothing queued: nothing to hold
    (AppSessionState.APP_IS_RUNNING, 0, [10.0], [0.0]),
])
def test_a_running_scripts_messages_wait_at_most_the_hold(state, messages, times, waits):
    s = Session(state, messages)
    assert [pytest.approx(batching.hold_for(s, t)) for t in times] == waits


R = batching.RERUN_HOLD_S


@pytest.mark.parametrize("shown, page, times, waits", [
    # a tab's first run (no page drawn yet; it asks for the main script): HOLD_S
    (None, "main", [10.0, 10.0 + H], [H, 0.0]),
    # a rerun of the page the tab draws (a filter): RERUN_HOLD_S
    ("map", "map", [10.0, 10.0 + H, 10.0 + R], [R, R - H, 0.0]),
    # another page asked for (a page link): HOLD_S, its parts show as they come
    ("map", "reader", [10.0, 10.0 + H], [H, 0.0]),
])
def test_a_rerun_of_the_page_shown_is_held_longer(shown, page, times, waits):
    s = Session(AppSessionState.APP_IS_RUNNING, 3, page)
    if shown:
        setattr(s, batching._SHOWN, shown)
    assert [pytest.approx(batching.hold_for(s, t)) for t in times] == waits


def test_the_flush_learns_the_page_the_tab_draws_from_the_navigation_it_sends():
    original = AppSession.flush_browser_queue
    try:
        batching.install()
        s = Session(AppSessionState.APP_NOT_RUNNING, 2, page="main")
        nav = ForwardMsg()
        nav.navigation.page_script_hash = "map"
        s._browser_queue.enqueue(nav)
        sent = AppSession.flush_browser_queue(s)
        assert len(sent) == 3 and getattr(s, batching._SHOWN) == "map"
        s._state = AppSessionState.APP_IS_RUNNING          # the reader's filter: a rerun of it
        s._client_state.page_script_hash = "map"
        s._browser_queue.enqueue(nav)
        assert batching.hold_for(s, 20.0) == pytest.approx(batching.RERUN_HOLD_S)
    finally:
        AppSession.flush_browser_queue = original


def test_install_wraps_the_sessions_flush_once():
    original = AppSession.flush_browser_queue
    try:
        batching.install()
        wrapped = AppSession.flush_browser_queue
        batching.install()
        assert AppSession.flush_browser_queue is wrapped and wrapped is not original
        assert wrapped.riwaya_batched
    finally:
        AppSession.flush_browser_queue = original


def test_serve_installs_it():
    from tests.dashboard_server import ROOT

    assert "batching.install()" in (ROOT / "serve.py").read_text(encoding="utf-8")
