"""Fixtures shared by the tests: the bundled sample (paths, codebook, one build per session),
writable copies of it, and the network guards (no network at all; a fake Nominatim).

Constants for module-level use (parametrize lists): ``from conftest import SAMPLE_CODEBOOK``.
Session fixtures are read-only: a test that changes files takes a ``*_copy`` fixture.
"""

from __future__ import annotations

import json
import shutil
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_RAW = ROOT / "data" / "raw"
SAMPLE_CODEBOOK = ROOT / "data" / "codebook"
SAMPLE_GOLDEN = ROOT / "data" / "golden"


# --------------------------------------------------------------------------- the sample

@pytest.fixture(autouse=True)
def _main_module_kept():
    """Streamlit's AppTest leaves the page it ran in ``sys.modules["__main__"]``: a process
    spawned later in this run (a Dask worker, a build worker) would run that page again on
    start and die. Every test ends with pytest's own ``__main__`` back."""
    main = sys.modules.get("__main__")
    yield
    if main is not None and sys.modules.get("__main__") is not main:
        sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def sample_codebook():
    """``data/codebook`` loaded once (read-only)."""
    from riwaya.codebook import load_codebook

    return load_codebook(SAMPLE_CODEBOOK)


@pytest.fixture(scope="session")
def sample_gazetteer(sample_codebook):
    """The offline gazetteer of ``data/codebook/gazetteer.json`` (read-only)."""
    from riwaya.pipeline.gazetteer import load_gazetteer

    return load_gazetteer(sample_codebook.gazetteer)


@pytest.fixture(scope="session")
def place_mentions(sample_codebook, sample_gazetteer):
    """``place_mentions(text)``: (surface, entity_id, English name) of the place mentions the
    sample codebook's pipeline finds in ``text``."""
    from riwaya.pipeline.mentions import EntityIndex, find_mentions
    from riwaya.text.matcher import NormText

    index = EntityIndex.build(sample_codebook, sample_gazetteer)

    def find(text):
        out = []
        for m in find_mentions(NormText.of(text), index):
            if m.kind == "place":
                entry = sample_gazetteer.get(m.entity_id) if ":" in m.entity_id else None
                out.append((m.surface, m.entity_id, entry.name_en if entry else m.entity_id))
        return out
    return find


@dataclass(frozen=True)
class SampleBuild:
    out: Path               # the corpus folder (manifest.json + build-*/)
    report: object          # the BuildReport the build returned


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> SampleBuild:
    """``data/raw`` built with ``data/codebook`` by the real pipeline, once per session."""
    from riwaya.pipeline.build import build_corpus

    out = tmp_path_factory.mktemp("sample-build") / "processed"
    return SampleBuild(out, build_corpus(SAMPLE_RAW, SAMPLE_CODEBOOK, out))


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A writable copy of ``data/raw``."""
    return Path(shutil.copytree(SAMPLE_RAW, tmp_path / "raw"))


@pytest.fixture
def codebook_copy(tmp_path) -> Path:
    """A writable copy of ``data/codebook``."""
    return Path(shutil.copytree(SAMPLE_CODEBOOK, tmp_path / "codebook"))


@pytest.fixture
def workspaces_root(tmp_path, monkeypatch) -> Path:
    """An empty ``RIWAYA_WORKSPACES`` folder for this test (riwaya/workspace.py)."""
    root = tmp_path / "workspaces"
    monkeypatch.setenv("RIWAYA_WORKSPACES", str(root))
    return root


# --------------------------------------------------------------------------- the network

@pytest.fixture
def no_network(monkeypatch) -> list:
    """Any attempt to open a connection fails the test; returns the attempts."""
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


#: what the fake Nominatim knows
NOMINATIM_PLACES = {
    "Al-Tanf": (33.4967, 38.6344),
    "التنف": (33.4967, 38.6344),
    "Hmeimim": (35.4011, 35.9486),
}


class FakeNominatim(BaseHTTPRequestHandler):
    """Answers like Nominatim's ``/search?format=json&q=...`` and logs every request in
    ``server.log``; ``server.status`` other than 200 makes it fail."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        server = self.server
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        server.log.append({"path": parts.path, "q": query.get("q", [""])[0],
                           "format": query.get("format", [""])[0],
                           "agent": self.headers.get("User-Agent"), "at": time.monotonic()})
        if server.status != 200:
            self.send_response(server.status)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        hit = NOMINATIM_PLACES.get(query.get("q", [""])[0])
        body = [] if hit is None else [{
            "place_id": 1, "lat": str(hit[0]), "lon": str(hit[1]),
            "display_name": query["q"][0], "class": "place", "type": "village"}]
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture
def fake_nominatim(monkeypatch):
    """A fake Nominatim on 127.0.0.1 (a free port); ``.url``, ``.log``, ``.status``."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    httpd.log, httpd.status = [], 200
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def chromium():
    """Headless Debian Chromium driven by Playwright, one per test module (browser tests)."""
    from playwright.sync_api import sync_playwright

    from tests.dashboard_server import launch_browser

    with sync_playwright() as p:
        browser = launch_browser(p)
        try:
            yield browser
        finally:
            browser.close()


# --------------------------------------------------------------------------- corpora for AppTest (tests/apptest_support.py)

@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory) -> Path:
    """The synthetic fixture corpus (tests/fixture_corpus.py), written once."""
    from tests.fixture_corpus import write_fixture

    out = tmp_path_factory.mktemp("processed")
    write_fixture(out)
    return out


@pytest.fixture
def corpus_env(fixture_corpus, tmp_path, monkeypatch) -> Path:
    """The app reads the fixture corpus and has no articles to build from."""
    monkeypatch.setenv("RIWAYA_PROCESSED", str(fixture_corpus))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "no-raw"))  # nothing to build from
    return fixture_corpus


@pytest.fixture(scope="session")
def suggestions_corpus(tmp_path_factory) -> Path:
    """The fixture corpus with example-only suggestions (confidence below the rules')."""
    from tests.fixture_corpus import write_fixture

    out = tmp_path_factory.mktemp("processed-suggestions")
    write_fixture(out, suggestions=True)
    return out


@pytest.fixture
def suggestions_env(suggestions_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("RIWAYA_PROCESSED", str(suggestions_corpus))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "no-raw"))
    return suggestions_corpus


@pytest.fixture
def sample_env(sample_build, monkeypatch) -> Path:
    """The app reads the sample as the pipeline built it (once per session: ``sample_build``)."""
    monkeypatch.setenv("RIWAYA_PROCESSED", str(sample_build.out))
    monkeypatch.setenv("RIWAYA_RAW", str(ROOT / "data" / "raw"))
    monkeypatch.setenv("RIWAYA_CODEBOOK", str(ROOT / "data" / "codebook"))
    return sample_build.out
