# frontwatch: `make run` sets up and runs the main job; `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= frontwatch.db
OUT ?= out

.PHONY: run test lint typecheck unit bench gazetteer clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## run: ingest the bundled examples, export CSV/GeoJSON, draw the map, print a summary
run: $(STAMP)
	$(BIN)/frontwatch ingest examples/ --db $(DB)
	$(BIN)/frontwatch export --db $(DB) --format csv --out $(OUT)/events.csv
	$(BIN)/frontwatch export --db $(DB) --format geojson --out $(OUT)/events.geojson
	$(BIN)/frontwatch map --db $(DB) --out $(OUT)/map.html
	$(BIN)/frontwatch summary --db $(DB)

## test: ruff (lint + format check), mypy, pytest
test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check frontwatch tests scripts benchmarks
	$(BIN)/ruff format --check frontwatch tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

## bench: throughput (articles/s) and peak memory on a corpus; per-stage cost vs spaCy;
##        time and memory on 10k/50k/100k-word reports
bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/stage_costs.py
	$(BIN)/python benchmarks/long_input.py

## gazetteer: rebuild the shipped gazetteer from ../shared/gazetteer (installs the build extra)
gazetteer: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,build]"
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(OUT) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache
