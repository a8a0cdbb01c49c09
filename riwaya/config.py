"""Where things are: every default path and every ``RIWAYA_*`` environment variable, once.

Relative paths are taken from the project folder (the one holding ``app.py``), so the command
line and the dashboard agree wherever they are started from.

| variable | default | what |
|---|---|---|
| ``RIWAYA_RAW`` | ``data/raw`` | the raw articles |
| ``RIWAYA_CODEBOOK`` | ``data/codebook`` | the codebook folder |
| ``RIWAYA_PROCESSED`` | ``data/processed`` | the processed corpus |
| ``RIWAYA_GOLDEN`` | ``data/golden`` | golden annotations of the sample |
| ``RIWAYA_WORKSPACES`` | ``data/workspaces`` | the workspaces made with ``riwaya new`` (one folder each) |
| ``RIWAYA_CACHE`` | beside the corpus: ``<out>/../cache`` (``data/cache``) | caches of online look-ups |
| ``RIWAYA_NOMINATIM_URL`` | the public server | a Nominatim server for ``--geocode-online`` |
| ``RIWAYA_CHROMIUM`` | ``/usr/bin/chromium`` | the Chromium that prints briefings to PDF |
| ``RIWAYA_STORIES`` | ``data/stories`` | the presenter stories, one ``NAME.json`` each |
| ``RIWAYA_REVIEW`` | beside the corpus: ``<processed>/review.duckdb`` | the readers' review decisions |
| ``RIWAYA_REVIEWER`` | the system user's login name | who is recorded with a review decision |
| ``RIWAYA_EMBEDDINGS`` | beside the corpus: ``<processed>/embeddings.npz`` | sentence embeddings of claim example matching (a cache) |
| ``RIWAYA_MODEL_CACHE`` | ``$XDG_CACHE_HOME/riwaya`` (``~/.cache/riwaya``); ``off``: none | the sentence encoder's parsed model and the gazetteer and entity index, kept between processes and corpora |

The command line's defaults, the dashboard's folders, the gazetteer's default settings and the
geocoder's server and cache all come from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from riwaya.errors import UsageError

PROJECT_ROOT = Path(__file__).resolve().parent.parent

RAW_ENV, CODEBOOK_ENV, PROCESSED_ENV = "RIWAYA_RAW", "RIWAYA_CODEBOOK", "RIWAYA_PROCESSED"
GOLDEN_ENV, CACHE_ENV, NOMINATIM_URL_ENV = "RIWAYA_GOLDEN", "RIWAYA_CACHE", "RIWAYA_NOMINATIM_URL"
DEV_CORPUS_ENV = "RIWAYA_DEV_CORPUS"
DEV2_CORPUS_ENV = "RIWAYA_DEV2_CORPUS"   # more unseen real pages (data/golden/dev2)
WORKSPACES_ENV = "RIWAYA_WORKSPACES"
STORIES_ENV = "RIWAYA_STORIES"
CHROMIUM_ENV = "RIWAYA_CHROMIUM"
BUILD_IN_ENV = "RIWAYA_BUILD_IN"  # where the dashboard's background builds run: "process" or "thread"


def background_build_in() -> str:
    """Where the dashboard runs its background builds: ``"process"`` (the default: a child
    process at a lower priority, so readers keep the server's interpreter) or ``"thread"`` (in
    the server itself, where starting processes is not allowed)."""
    value = os.environ.get(BUILD_IN_ENV, "process").strip().lower() or "process"
    if value not in ("process", "thread"):
        raise UsageError(f"{BUILD_IN_ENV}={value!r}: expected 'process' or 'thread'")
    return value
#: the Chromium that prints briefings to PDF (riwaya/dashboard/pdf.py) and runs the browser tests
DEFAULT_CHROMIUM = "/usr/bin/chromium"


def chromium_path() -> str:
    """``RIWAYA_CHROMIUM``, else Debian's ``/usr/bin/chromium``."""
    return os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM

DEFAULTS = {
    RAW_ENV: Path("data/raw"),
    CODEBOOK_ENV: Path("data/codebook"),
    PROCESSED_ENV: Path("data/processed"),
    GOLDEN_ENV: Path("data/golden"),
    CACHE_ENV: Path("data/cache"),
    # real scraped pages to measure on (not shipped: the developers' shared folder beside the
    # checkout); their golden annotation is data/golden/dev/
    DEV_CORPUS_ENV: Path("../shared/corpus/dev"),
    # a second held-out set of real pages, drawn pages in its sel/ (data/golden/dev2/README.md)
    DEV2_CORPUS_ENV: Path("../corpus/dev2/sel"),
    # one folder per workspace (riwaya/workspace.py): NAME/raw, NAME/codebook, NAME/processed
    WORKSPACES_ENV: Path("data/workspaces"),
    # presenter stories (riwaya/dashboard/story.py): one NAME.json each
    STORIES_ENV: Path("data/stories"),
}


def path_from_env(env: str) -> Path:
    """The folder named by the environment variable ``env``, else its default; relative paths
    are resolved against the project folder."""
    if env not in DEFAULTS:
        raise KeyError(f"unknown setting {env!r}: expected one of {sorted(DEFAULTS)}")
    p = Path(os.environ.get(env) or DEFAULTS[env])
    return p if p.is_absolute() else PROJECT_ROOT / p


@dataclass(frozen=True)
class Paths:
    """The folders one run works on."""

    raw: Path
    codebook: Path
    processed: Path

    @classmethod
    def from_env(cls) -> "Paths":
        return cls(path_from_env(RAW_ENV), path_from_env(CODEBOOK_ENV), path_from_env(PROCESSED_ENV))

    @classmethod
    def for_workspace(cls, name: str | None) -> "Paths":
        """The folders of the workspace ``name`` (None, "" or ``sample``: :meth:`from_env`).

        Raises:
            WorkspaceError: the name is not usable or names no workspace."""
        from riwaya.workspace import get_workspace

        return get_workspace(name).paths


def workspaces_root() -> Path:
    """The folder holding the workspaces: ``RIWAYA_WORKSPACES``, else ``data/workspaces``."""
    return path_from_env(WORKSPACES_ENV)


DEFAULT_NOMINATIM_URL = "https://nominatim.openstreetmap.org"
GEOCODE_CACHE_FILE = "geocode.json"
GAZETTEER_SETTINGS_FILE = "gazetteer.json"


def nominatim_url() -> str | None:
    """The Nominatim server ``RIWAYA_NOMINATIM_URL`` names, or None (then the public one)."""
    return os.environ.get(NOMINATIM_URL_ENV) or None


def geocode_cache(out_dir: Path | str | None = None) -> Path:
    """The geocoding cache file: in ``RIWAYA_CACHE`` when set; else beside the corpus being
    built (``<out_dir>/../cache``, which is ``data/cache`` for the default corpus); else in
    ``data/cache``."""
    if os.environ.get(CACHE_ENV) or out_dir is None:
        return path_from_env(CACHE_ENV) / GEOCODE_CACHE_FILE
    return Path(out_dir).parent / "cache" / GEOCODE_CACHE_FILE


REVIEW_ENV, REVIEWER_ENV = "RIWAYA_REVIEW", "RIWAYA_REVIEWER"
REVIEW_FILE = "review.duckdb"


def review_db(processed: Path | str | None = None) -> Path:
    """The review decisions' DuckDB file: ``RIWAYA_REVIEW`` when set; else ``review.duckdb``
    beside the corpus, in the processed folder (``processed``, else ``RIWAYA_PROCESSED``).

    It lives in that folder but belongs to no build: publishing and pruning builds
    (:mod:`riwaya.pipeline.store`) only touch ``build-*`` and ``.building-*``, so decisions
    survive every rebuild."""
    if os.environ.get(REVIEW_ENV):
        p = Path(os.environ[REVIEW_ENV])
        return p if p.is_absolute() else PROJECT_ROOT / p
    folder = Path(processed) if processed is not None else path_from_env(PROCESSED_ENV)
    return folder / REVIEW_FILE


def reviewer() -> str:
    """Who a review decision is recorded as made by: ``RIWAYA_REVIEWER``, else the login name."""
    name = os.environ.get(REVIEWER_ENV, "").strip()
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers)
        return "unknown"


def gazetteer_settings_path() -> Path:
    """The default gazetteer settings: ``gazetteer.json`` of the ``RIWAYA_CODEBOOK`` folder."""
    return path_from_env(CODEBOOK_ENV) / GAZETTEER_SETTINGS_FILE


EMBEDDINGS_ENV = "RIWAYA_EMBEDDINGS"
EMBEDDINGS_FILE = "embeddings.npz"


def embeddings_cache(out_dir: Path | str) -> Path:
    """The sentence-embedding cache of example matching: ``RIWAYA_EMBEDDINGS`` when set, else
    ``embeddings.npz`` in the corpus folder ``out_dir`` (beside the builds, which publishing
    and pruning never touch, so a rebuild encodes only new sentences)."""
    if os.environ.get(EMBEDDINGS_ENV):
        p = Path(os.environ[EMBEDDINGS_ENV])
        return p if p.is_absolute() else PROJECT_ROOT / p
    return Path(out_dir) / EMBEDDINGS_FILE


MODEL_CACHE_ENV = "RIWAYA_MODEL_CACHE"


def model_cache() -> Path | None:
    """Where models' parsed forms are kept between processes
    (:mod:`riwaya.pipeline.encoder_cache`, :mod:`riwaya.pipeline.places_cache`):
    ``RIWAYA_MODEL_CACHE`` when set (``off``: nowhere,
    None), else ``riwaya`` in ``XDG_CACHE_HOME`` or ``~/.cache``."""
    value = os.environ.get(MODEL_CACHE_ENV, "").strip()
    if value.lower() == "off":
        return None
    if value:
        p = Path(value)
        return p if p.is_absolute() else PROJECT_ROOT / p
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "riwaya"
