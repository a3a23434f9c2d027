# cuf-cms: `make run` serves the site with demo content, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help venv venv-dev run migrate demo test test-e2e chromium lint format serve clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed ## Create .venv with the runtime dependencies

venv-dev: $(VENV)/.installed-dev ## Create .venv with runtime, test and lint dependencies

migrate: venv ## Apply migrations to the database named by DATABASE_URL (SQLite by default)
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the demo content (idempotent)
	$(PY) manage.py load_demo_content

run: demo ## Install, migrate, load demo content and serve on http://127.0.0.1:8000
	$(PY) manage.py runserver $(HOST):$(PORT)

test: venv-dev ## Run the test suite (SQLite, or the database named by DATABASE_URL); browser tests apart
	$(PY) -m pytest -m "not e2e"

CHROMIUM ?= /usr/bin/chromium

chromium: ## Install Debian's chromium when missing (needs root; never a downloaded browser)
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Installing chromium from Debian's packages"; \
		DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

test-e2e: venv-dev chromium ## Browser tests (Playwright + axe-core on Debian's chromium) against the demo site
	E2E_CHROMIUM=$(CHROMIUM) $(PY) -m pytest -m e2e tests/e2e

lint: venv-dev ## ruff and djhtml
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates

format: venv-dev ## Format Python and templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 var staticfiles
