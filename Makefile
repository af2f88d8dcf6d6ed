# LabourHub developer commands. Two matter: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PLUGINS := $(wildcard plugins/*/pyproject.toml)
# Every plugin's src/ directory: type-checked by `make lint` with no list to keep up to date.
PLUGIN_SRCS := $(wildcard plugins/*/src)
empty :=
space := $(empty) $(empty)
PLUGIN_SRC_PATH := $(subst $(space),:,$(PLUGIN_SRCS))

.PHONY: run test lint bench loadtest multinode probe install clean messages help screenshots

help:
	@echo "make run    - install, start PostgreSQL/Redis/S3, migrate, seed demo ministries, serve"
	@echo "make test   - install, start throwaway services, run the test suite"
	@echo "make lint   - ruff, mypy, import-linter"
	@echo "make bench  - benchmarks against a running stack (make run first)"
	@echo "make loadtest - mixed load across 30 ministries on one node (Locust, headless)"
	@echo "make multinode - HAProxy, 2 web nodes, 2 workers on RabbitMQ, PostgreSQL + replica; kills"
	@echo "make probe  - security probe against a running stack (make run first)"

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
	MYPYPATH=$(PLUGIN_SRC_PATH) $(VENV)/bin/mypy $(PLUGIN_SRCS)
	$(PY) infra/lint_imports.py

# The user guides' screenshots (docs/user/img/): starts its own demo stack, like `make run`.
screenshots: install
	$(PY) devtools/screenshots.py

bench: install
	$(PY) infra/devstack.py exec -- $(PY) bench/run.py $(BENCH)

# Starts its own stack; LOAD_MINISTRIES, LOAD_USERS, LOAD_SECONDS size it (docs/operations/load.md).
loadtest: install
	$(PY) infra/loadtest.py

# Starts its own stack of several nodes on loopback and checks what survives two crashes
# (docs/operations/multinode.md).
multinode: install
	$(PY) infra/multinode.py

# Run from the repository root so cms/ and tenants/ strings reach the core catalogue too.
# Plugins keep their own catalogues (see docs/operations/translations.md).
UI_LANGUAGES := es fr si ta vi
MESSAGES_IGNORE := -i ".venv/*" -i ".run/*" -i "staticfiles/*" -i "plugins/*" -i "bench/*" -i "tests/*"

PLUGIN_LOCALES := $(wildcard plugins/*/src/*/locale)
probe: install
	$(PY) infra/devstack.py exec -- $(PY) infra/probe.py

messages: install
	$(PY) manage.py makemessages $(foreach l,$(UI_LANGUAGES),-l $(l)) --no-obsolete $(MESSAGES_IGNORE)
	@for d in $(PLUGIN_LOCALES); do \
	  (cd $$d/.. && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages $(foreach l,$(UI_LANGUAGES),-l $(l)) --no-obsolete) || exit 1; \
	done
	$(PY) manage.py compilemessages --ignore .venv --ignore .run

clean:
	rm -rf .run staticfiles
