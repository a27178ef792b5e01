# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PYTEST := $(VENV)/bin/pytest
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run run-search serve-search test lint check provision migrate demo bench clean help

help:
	@echo "make run        - installe, migre, charge la démo et sert le site sur http://$(HOST):$(PORT)"
	@echo "make run-search - le même site, la recherche sur un nœud OpenSearch local (Java, Maven)"
	@echo "make test       - lint, vérifications Django et tous les tests (SQLite, PostgreSQL, OpenSearch, Chromium)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

migrate: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput

demo: migrate
	DEMO_SITE_HOSTNAME=$(HOST) DEMO_SITE_PORT=$(PORT) $(PY) manage.py load_demo_content

# The site, plus the background worker that extracts the text and cover of uploaded NQI PDFs;
# both stop together on Ctrl-C.
SERVE = $(PY) manage.py db_worker --backend background & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

run: demo
	@echo "Site : http://$(HOST):$(PORT)/  -  administration : http://$(HOST):$(PORT)/admin/"
	$(SERVE)

# The same site (SQLite) with search on a local OpenSearch node that ops/with-opensearch.sh starts
# (SEARCH_URL); the indexes are rebuilt on it first. Ctrl-C stops the site, the worker and the node.
run-search: demo
	ops/with-opensearch.sh $(MAKE) --no-print-directory serve-search

serve-search:
	@test -n "$$SEARCH_URL" || { echo "SEARCH_URL manquant : lancez make run-search" >&2; exit 1; }
	$(PY) manage.py update_index
	@echo "Site : http://$(HOST):$(PORT)/  -  recherche sur OpenSearch ($$SEARCH_URL)"
	$(SERVE)

provision:
	ops/provision.sh

# Lint and formatting for all code, migrations included.
lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(VENV)/.installed-dev
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Unit and browser tests on SQLite, then the integration tests against a private PostgreSQL and a
# private OpenSearch node, each started once for that run and always stopped, even when tests fail
# (ops/with-postgres.sh, ops/with-opensearch.sh). pytest's exit code 5 (no test ran) fails the build too.
test: provision lint check
	$(PYTEST) -m "not postgres and not opensearch"
	ops/with-postgres.sh ops/with-opensearch.sh $(PYTEST) -m "postgres or opensearch"

# Performance targets live here, not in timed tests: render time, queries and HTML weight per page
# type (ops/bench.py), then the site search on SQLite, PostgreSQL and OpenSearch at 10,000 pages
# (ops/bench_search.py, each backend private and stopped afterwards; ROUNDS=n for more samples).
bench: $(VENV)/.installed-dev
	$(PY) ops/bench.py && ops/with-postgres.sh ops/with-opensearch.sh $(PY) ops/bench_search.py

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected .pytest_cache .ruff_cache
