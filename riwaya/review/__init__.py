"""The review loop: readers confirm, reject, correct and add statements; the decisions are kept
in a DuckDB file beside the corpus, override the machine's output everywhere, become examples
for their claim, and export as golden data. No Streamlit here (the widgets are
``components/review.py``).

- :mod:`.model`: :class:`Decision`, :class:`Target` and the sentence key;
- :mod:`.store`: :class:`ReviewStore`, the file (one writer at a time);
- :mod:`.apply`: :func:`apply_decisions`, used when the dashboard prepares the corpus;
- :mod:`.examples`: :func:`claim_examples`, handed to the build;
- :mod:`.export`: golden data for ``riwaya evaluate``, and the list (imported on its own:
  it needs :mod:`riwaya.evaluate`, which the dashboard does not).
"""

from importlib import import_module

#: each name and its module, imported when first asked for (PEP 562): a build reads the review
#: file's examples without importing pandas and DuckDB (:mod:`.examples`)
_WHERE = {
    **dict.fromkeys(("REVIEW_COLUMNS", "apply_decisions", "reviewed_corpus", "unplaced"), "apply"),
    **dict.fromkeys(("claim_examples", "review_examples", "with_review_examples"), "examples"),
    **dict.fromkeys(("ACTIONS", "Decision", "Target", "add", "confirm", "correct", "reject",
                     "sentence_key", "speaker_id", "withdraw"), "model"),
    **dict.fromkeys(("ReviewStore", "decision_of", "effective", "load_decisions"), "store"),
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


__all__ = ["ACTIONS", "Decision", "REVIEW_COLUMNS", "ReviewStore", "Target", "add",
           "apply_decisions", "claim_examples", "confirm", "correct", "decision_of", "effective",
           "load_decisions", "reject", "review_examples", "reviewed_corpus", "with_review_examples",
           "sentence_key", "speaker_id", "unplaced", "withdraw"]
