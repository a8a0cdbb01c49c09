"""The cyclic garbage collector held off while a document is processed (riwaya/pipeline/collector.py)."""

import gc

import pytest

from riwaya.pipeline.collector import collector_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_is_paused_inside_and_restored_after(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        with pytest.raises(ValueError):
            with collector_paused():
                raise ValueError("a document's error")
        assert gc.isenabled() == enabled           # restored on an error too
    finally:
        (gc.enable if was else gc.disable)()


def test_cycles_made_while_paused_are_collected_after():
    class Node:
        pass

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
    assert gc.collect() >= 2            # the document's cycles: the collector finds them after


def test_a_document_is_processed_with_the_collector_paused(tmp_path, monkeypatch):
    """DocumentPipeline.process runs its document inside the pause."""
    from riwaya.pipeline import document

    seen = []
    monkeypatch.setattr(document.DocumentPipeline, "_process",
                        lambda self, task: seen.append(gc.isenabled()))
    pipeline = object.__new__(document.DocumentPipeline)
    was = gc.isenabled()
    gc.enable()
    try:
        pipeline.process(None)
        assert seen == [False] and gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
