# The two commands of the README: `make run` and `make test`. Both create .venv and
# install the pinned environment themselves (requirements.lock is a constraints file).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test bench lint clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(VENV)/bin/joballiance run

test: setup
	$(PY) -m ruff check pipeline tests benchmarks
	$(PY) -m pytest

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) data/processed/*.duckdb* reports/da reports/en reports/savings.xlsx
