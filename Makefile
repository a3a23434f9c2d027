# cuf-cms: `make run` serves the site with demo content, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_PROCESSES ?= 2

.DEFAULT_GOAL := help
.PHONY: help venv venv-dev run migrate demo test fuzz test-e2e chromium java node validate lint messages format serve scheduler worker two-instances audit bench bench-data profile bench-page-cache bench-hit-path bench-newsletter bench-import clean

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

# The site's public origin (README "BASE_URL"): in `make run` the development server's own address, so
# canonical URLs, feeds and the sitemap point at it; `migrate` moves Wagtail's Site onto it. Production sets
# BASE_URL itself (its settings refuse to start without it): never exported outside `make run`.
run: export BASE_URL ?= http://$(HOST):$(PORT)

# The scheduler (scheduled publishing/expiry, retention) and the background worker (renditions, emails)
# run in the background next to runserver; the trap stops both when runserver stops (Ctrl-C included).
run: demo ## Install, migrate, load demo content, serve on http://127.0.0.1:8000 with the scheduler and the worker
	@$(PY) manage.py run_scheduler & scheduler=$$!; \
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill -TERM $$scheduler $$worker 2>/dev/null; wait $$scheduler $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

scheduler: migrate ## Run only the scheduler (publishes/unpublishes scheduled pages every 30 s)
	$(PY) manage.py run_scheduler

worker: migrate ## Run only the background worker (django-tasks db_worker: renditions, emails, retries)
	$(PY) manage.py db_worker --no-reload

test: venv-dev ## Run the test suite (SQLite, or the database named by DATABASE_URL); browser tests apart
	$(PY) -m pytest -m "not e2e" -n $(TEST_PROCESSES)

FUZZ_EXAMPLES ?= 1500
FUZZ_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/cuf_fuzz

# `make test` runs the same suite with the bounded "ci" profile; this is the long run. Failures are saved
# in tests/fuzz/examples/ (commit them: every later run, CI included, replays them first).
fuzz: venv-dev ## Long fuzz run of every public route and form, SQLite then PostgreSQL; counts in artifacts/fuzz/stats.json
	env -u DATABASE_URL HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/fuzz -n $(TEST_PROCESSES) --hypothesis-show-statistics
	DATABASE_URL=$(FUZZ_POSTGRES_URL) HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/fuzz -n $(TEST_PROCESSES) --hypothesis-show-statistics

CHROMIUM ?= /usr/bin/chromium

chromium: ## Install Debian's chromium when missing (needs root; never a downloaded browser)
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Installing chromium from Debian's packages"; \
		DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

JAVA ?= java
VALIDATORS := tools/validators

java: ## Install Debian's Java runtime when java is missing (needs root; for the Nu HTML Checker)
	@if ! command -v $(JAVA) >/dev/null 2>&1; then \
		echo "Installing default-jre-headless from Debian's packages"; \
		DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless; \
	fi

node: ## Install Debian's Node.js and npm when missing (needs root; for the validators)
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "Installing nodejs and npm from Debian's packages"; \
		DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; \
	fi

# vnu-jar and Lighthouse, pinned by package-lock.json. --ignore-scripts: vnu-jar's postinstall would
# download a Java runtime; Debian's is used instead (and Lighthouse drives Debian's chromium).
$(VALIDATORS)/node_modules/.installed: $(VALIDATORS)/package.json $(VALIDATORS)/package-lock.json
	cd $(VALIDATORS) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

validate: venv-dev chromium java node $(VALIDATORS)/node_modules/.installed ## Nu HTML Checker, JSON-LD, feeds, sitemap, Lighthouse on the demo site (production settings); table in artifacts/validate/
	CHROME_PATH=$(CHROMIUM) $(PY) -m tools.validators.run $(VALIDATE_ARGS)

test-e2e: venv-dev chromium ## Browser tests (Playwright + axe-core on Debian's chromium) against the demo site
	E2E_CHROMIUM=$(CHROMIUM) $(PY) -m pytest -m e2e tests/e2e

lint: venv-dev ## ruff, djhtml and the layers contract (import-linter, pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/lint-imports

messages: ## Compile the project's translations (locale/fr: French for strings third-party apps leave in English)
	msgfmt --check -o locale/fr/LC_MESSAGES/django.mo locale/fr/LC_MESSAGES/django.po

format: venv-dev ## Format Python and templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

serve: venv ## Production: collectstatic, then gunicorn (gunicorn.conf.py); needs SECRET_KEY, ALLOWED_HOSTS
	DJANGO_SETTINGS_MODULE=cuf_cms.settings.production $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=cuf_cms.settings.production $(VENV)/bin/gunicorn -c gunicorn.conf.py

two-instances: venv-dev ## Two gunicorn instances sharing PostgreSQL, Redis and media: prints PASS or FAIL
	$(PY) bench/two_instances.py

audit: venv-dev ## pip-audit of requirements.txt (a network failure only warns)
	$(PY) .ci/pip_audit.py

bench: venv ## Benchmark on 10,000 articles (PostgreSQL cuf_bench, Redis db 9, wrk): table + bench/results/latest.json
	$(PY) -m bench.run $(BENCH_ARGS)

profile: venv ## cProfile of one cold request per page type on the benchmark database: top functions, SQL count
	$(PY) -m bench.profile $(PROFILE_ARGS)

bench-data: venv ## Only (re)generate the benchmark dataset in PostgreSQL (cuf_bench)
	$(PY) -m bench.generate

bench-page-cache: venv ## Only the page-cache part of `make bench`: hit ratio, rps vs the bare view, purge to fresh
	$(PY) -m bench.page_cache $(BENCH_ARGS)

bench-hit-path: venv ## CPU per page-cache hit inside the WSGI app vs the bare view (no server, no wrk)
	$(PY) -m bench.hit_path $(BENCH_ARGS)

bench-newsletter: venv-dev ## One issue to 10,000 subscribers: worker + local SMTP on PostgreSQL; time, emails/s, RSS, web latency
	$(PY) -m bench.newsletter_send $(BENCH_ARGS)

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 var staticfiles

bench-import: venv ## SPIP import of the large fixture on PostgreSQL: time, memory, queries/article, re-run, redirect cost
	$(PY) -m bench.import_spip $(BENCH_ARGS)
