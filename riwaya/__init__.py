"""Riwaya: who claimed what, about which claim, where, and how each outlet told it.

The processing pipeline. It never imports Streamlit: the dashboard (``app.py``,
``pages/``, ``components/``) reads what this package writes.
"""

__version__ = "0.1.0"
