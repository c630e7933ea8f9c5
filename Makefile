# Two commands on a fresh machine: `make demo` (scan the bundled sample archive) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := var/sample/sukamaju-bukti-dukung.zip
DEMO_ENV := SPBE_DATA_DIR=var/demo SPBE_PEMDA_NAME="Pemerintah Kabupaten Sukamaju"

.PHONY: setup demo test lint typecheck bench train clean

$(BIN)/spbe: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/spbe

setup: $(BIN)/spbe

demo: setup
	$(BIN)/python scripts/make_sample_archive.py $(SAMPLE)
	$(DEMO_ENV) $(BIN)/spbe scan $(SAMPLE) --out out/demo

test: setup
	scripts/ensure_services.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench

train: setup
	$(BIN)/spbe train

clean:
	rm -rf var out .pytest_cache
