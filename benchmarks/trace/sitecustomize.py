"""Per-run trace of the dashboard server, for benchmarks/load_sessions.py ``--trace``.

On ``PYTHONPATH`` only when that option is given, and active only in the Streamlit server
(``serve.py``): every script run of every session is written as one JSON line to the file
``RIWAYA_RUN_TRACE``: the session, whether it was a full run or which fragments, when it
started and ended (wall, seconds since the epoch), the CPU seconds its thread used, how
many messages (elements) and bytes it sent to the browser, and how many of those differ from
what the session's previous run sent at the same place (``changed``, by Streamlit's own message
hash, with ``changed_kinds``): the browser re-renders those; an unchanged element keeps its
React component (Streamlit 1.67 reuses an element whose hash it already has).
"""

from __future__ import annotations

import os
import sys

_PATH = os.environ.get("RIWAYA_RUN_TRACE")


def _install(path: str) -> None:
    import json
    import threading
    import time

    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.scriptrunner import ScriptRunnerEvent

    lock = threading.Lock()
    runs: dict[int, dict] = {}
    seen: dict[int, dict[tuple, str]] = {}   # session -> {delta path: hash} of its previous runs
    original = AppSession._on_scriptrunner_event

    def traced(self, sender, event, forward_msg=None, exception=None, client_state=None,
               page_script_hash=None, fragment_ids_this_run=None, pages=None,
               run_descriptor=None):
        key = id(self)
        if event == ScriptRunnerEvent.SCRIPT_STARTED:
            runs[key] = {"session": self.id[:8], "start": time.time(),
                         "cpu0": time.thread_time(), "msgs": 0, "bytes": 0,
                         "fragments": len(fragment_ids_this_run or ()),
                         "page": (page_script_hash or "")[:8]}
        elif event == ScriptRunnerEvent.ENQUEUE_FORWARD_MSG and key in runs and forward_msg is not None:
            runs[key]["msgs"] += 1
            runs[key]["bytes"] += forward_msg.ByteSize()
            kinds = runs[key].setdefault("kinds", {})
            kind = forward_msg.WhichOneof("type") or "?"
            if kind == "delta":
                delta = forward_msg.delta
                kind = delta.WhichOneof("type") or "?"
                if kind == "new_element":
                    kind = delta.new_element.WhichOneof("type") or "?"
            size = kinds.setdefault(kind, [0, 0])
            size[0] += 1
            size[1] += forward_msg.ByteSize()
            if forward_msg.WhichOneof("type") in ("delta", "ref_hash"):
                where = tuple(forward_msg.metadata.delta_path)
                digest = forward_msg.hash or forward_msg.ref_hash
                before = seen.setdefault(key, {})
                if before.get(where) != digest:
                    runs[key]["changed"] = runs[key].get("changed", 0) + 1
                    changed = runs[key].setdefault("changed_kinds", {})
                    changed[kind] = changed.get(kind, 0) + 1
                before[where] = digest
        elif event in (ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS,
                       ScriptRunnerEvent.SCRIPT_STOPPED_FOR_RERUN,
                       ScriptRunnerEvent.FRAGMENT_STOPPED_WITH_SUCCESS,
                       ScriptRunnerEvent.SCRIPT_STOPPED_WITH_COMPILE_ERROR) and key in runs:
            run = runs.pop(key)
            run.update(end=time.time(), event=event.name,
                       cpu=round(time.thread_time() - run.pop("cpu0"), 4))
            with lock, open(path, "a", encoding="utf-8") as out:
                out.write(json.dumps(run) + "\n")
        return original(self, sender, event, forward_msg, exception, client_state,
                        page_script_hash, fragment_ids_this_run, pages, run_descriptor)

    AppSession._on_scriptrunner_event = traced


if _PATH and sys.argv and sys.argv[0].endswith("serve.py"):
    _install(_PATH)
