"""Scoring the pipeline against a golden annotation (``data/golden``).

``python -m riwaya evaluate`` (riwaya/cli.py) and the tests call :func:`evaluate`:

- :mod:`riwaya.evaluate.golden`: the golden files' pydantic models and :func:`load_golden`;
- :mod:`riwaya.evaluate.score`: matching predictions with golden records and scoring them;
- :mod:`riwaya.evaluate.report`: :class:`EvalReport`, its text and JSON forms, :data:`THRESHOLDS`.

No Streamlit import here.
"""

from riwaya.errors import GoldenError
from riwaya.evaluate.golden import GoldMentions, GoldStatement, Golden, load_golden, locate
from riwaya.evaluate.report import THRESHOLDS, EvalReport
from riwaya.evaluate.score import evaluate, norm_actor

__all__ = ["THRESHOLDS", "EvalReport", "GoldMentions", "GoldStatement", "Golden", "GoldenError",
           "evaluate", "load_golden", "locate", "norm_actor"]
