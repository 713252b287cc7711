# The two commands of the README: `make run` and `make test`. Both create .venv and
# install the pinned environment themselves (requirements.lock is a constraints file).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup system-packages run test test-fast bench lint clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(VENV)/bin/joballiance run

system-packages:
	@# the workbook tests recalculate reports/savings.xlsx with LibreOffice, the dashboard's browser
	@# tests drive chromium: both from Debian's packages (never a browser a tool downloads itself)
	@if ! command -v soffice >/dev/null || ! test -x /usr/bin/chromium; then \
		apt-get update -q && apt-get install -y -q --no-install-recommends libreoffice-calc-nogui chromium; fi

test: setup system-packages
	$(PY) -m ruff check pipeline tests benchmarks
	$(PY) -m pytest

test-fast: setup
	$(PY) -m ruff check pipeline tests benchmarks
	$(PY) -m pytest -m "not slow"

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) data/processed/*.duckdb* reports/da reports/en reports/savings.xlsx reports/dashboard.html
