"""The codebook: the event's actors, claims, places and the language's cue words, as data.

Read and validated once by :func:`load_codebook` (riwaya/codebook/model.py).
"""

from riwaya.codebook.model import Codebook, load_codebook

__all__ = ["Codebook", "load_codebook"]
