"""The batch pipeline: raw articles + codebook -> processed corpus (Parquet)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

ProgressFn = Callable[[int, int, str], None]  # (done, total, what)

DEFAULT_RAW = Path("data/raw")
DEFAULT_CODEBOOK = Path("data/codebook")
DEFAULT_OUT = Path("data/processed")


def input_fingerprint(raw_dir: Path | str, codebook_dir: Path | str) -> str:
    """A hash of every raw file and codebook file (names, sizes, contents)."""
    raise NotImplementedError


def corpus_is_stale(raw_dir: Path | str, codebook_dir: Path | str, out_dir: Path | str) -> bool:
    """True when nothing was built yet or the raw data or codebook changed since."""
    raise NotImplementedError


def build_corpus(raw_dir: Path | str = DEFAULT_RAW, codebook_dir: Path | str = DEFAULT_CODEBOOK,
                 out_dir: Path | str = DEFAULT_OUT, *, geocode_online: bool = False,
                 progress: ProgressFn | None = None) -> "BuildReport":
    """Process every article and publish the corpus atomically; returns a summary."""
    raise NotImplementedError
