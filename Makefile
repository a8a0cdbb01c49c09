# One command to set up and run the dashboard: `make run`. One to run the tests: `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PORT    ?= 8501

.PHONY: run setup test build bench screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# torch is installed on its own first so that the pinned CPU build wins (see requirements.txt).
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/python serve.py --server.port $(PORT)

build: setup
	$(BIN)/python -m riwaya build

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_dashboard.py

screenshots: setup
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf data/processed data/cache artifacts build riwaya.egg-info
