"""components/fastchart/batching.py: a run's messages are held while it runs, at most HOLD_S
after the first, on Streamlit's own message queue and session states."""

from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.app_session import AppSession, AppSessionState
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

from components.fastchart import batching


class Session:
    """What batching reads of an AppSession: its state and its real message queue."""

    def __init__(self, state: AppSessionState, messages: int) -> None:
        self._state = state
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
