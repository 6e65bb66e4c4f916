# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
# Local runs keep a random key in .secret_key (git-ignored); production sets SECRET_KEY.
SECRET_FILE := .secret_key
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/newsroom

.PHONY: run test test-sqlite test-postgres install install-dev browser-deps lint bench bench-pages lighthouse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(SECRET_FILE):
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: install $(SECRET_FILE)
	@export SECRET_KEY="$$(cat $(SECRET_FILE))" \
		TASKS_BACKEND="$${TASKS_BACKEND:-django_tasks_db.DatabaseBackend}"; \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	$(BIN)/python manage.py load_demo && \
	$(BIN)/python manage.py curate_demo && \
	$(BIN)/python manage.py create_demo_editor && \
	echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)" && \
	export NEWSROOM_SITE_URL="$${NEWSROOM_SITE_URL:-http://$(HOST):$(PORT)}" && \
	{ $(BIN)/python manage.py db_worker & worker=$$!; } && \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT && trap 'exit 130' INT TERM && \
	$(BIN)/gunicorn newsroom.wsgi --config gunicorn.conf.py --bind $(HOST):$(PORT) --workers 2

# The browser tests drive Debian's Chromium (never a downloaded browser). A fresh
# CI machine gets it here; elsewhere this does nothing and, without Chromium, the
# browser tests skip with the reason.
browser-deps:
	@if [ "$$CI" = "true" ] && [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

test: install-dev browser-deps
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(MAKE) --no-print-directory test-sqlite
	@if $(BIN)/python scripts/postgres_available.py; then \
		$(MAKE) --no-print-directory test-postgres; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is required in CI but does not answer." >&2; exit 1; \
	else \
		echo "PostgreSQL does not answer: the PostgreSQL run was skipped."; \
	fi

test-sqlite: install-dev
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install-dev
	@echo "== test suite on PostgreSQL =="
	DATABASE_URL="$${DATABASE_URL:-$(PG_TEST_URL)}" $(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: install-dev
	@for script in bench/[!_]*.py; do case $$script in bench/pages.py|bench/lighthouse.py) continue;; esac; \
		echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Serves the story page for ../shared/peer-bench (README: Benchmarks); Ctrl-C stops it.
bench-pages: install-dev
	$(BIN)/python bench/pages.py $(if $(BENCH_POSTGRES),--postgres $(BENCH_POSTGRES))

# Lighthouse (mobile) and axe-core on the demo served as in production, both languages;
# a development tool from npm (tools/lighthouse), never part of the site.
LIGHTHOUSE_PORT ?= 8142
tools/lighthouse/node_modules/.bin/lighthouse: tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund

lighthouse: install-dev tools/lighthouse/node_modules/.bin/lighthouse
	$(BIN)/python bench/lighthouse.py --port $(LIGHTHOUSE_PORT) --axe $(LIGHTHOUSE_ARGS)

clean:
	rm -rf $(VENV) staticfiles media db.sqlite3 var/cache .pytest_cache .import_linter_cache
