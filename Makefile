# LabourHub developer commands. Two matter: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PLUGINS := $(wildcard plugins/*/pyproject.toml)

.PHONY: run test lint bench install clean messages help

help:
	@echo "make run    - install, start PostgreSQL/Redis/S3, migrate, seed demo ministries, serve"
	@echo "make test   - install, start throwaway services, run the test suite"
	@echo "make lint   - ruff, mypy, import-linter"
	@echo "make bench  - benchmarks against a running stack (make run first)"

$(STAMP): requirements/base.txt requirements/dev.txt pyproject.toml $(PLUGINS) infra/system-deps.sh
	@bash infra/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/dev.txt -e . $(foreach p,$(PLUGINS),-e $(dir $(p)))
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) infra/devstack.py run

test: install
	$(PY) infra/devstack.py test -- $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy platform tenants cms devtools
	$(VENV)/bin/lint-imports

bench: install
	$(PY) infra/devstack.py exec -- $(PY) bench/run.py $(BENCH)

messages: install
	cd platform/labourhub && ../../$(PY) ../../manage.py makemessages -l es -l fr --no-obsolete -i "*/.venv/*"
	$(PY) manage.py compilemessages --ignore .venv

clean:
	rm -rf .run staticfiles
