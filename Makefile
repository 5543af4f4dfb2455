# The developer interface. `make run` and `make test` are the two Quick start commands.
VENV := .venv
PY := $(VENV)/bin/python
PYTEST := $(VENV)/bin/pytest
# Tests never need a real secret; production always sets its own SECRET_KEY.
TEST_ENV := SECRET_KEY=test-only-secret-key-not-for-production-use-0123456789 DEBUG=0 HTTPS=0 TASKS_BACKEND=immediate
PYTEST_ARGS ?=

.PHONY: run test test-unit test-e2e check fmt chromium demo pdf-tools

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed chromium pdf-tools  ## install, migrate, load demo data, serve on http://127.0.0.1:8000 with the task worker
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo --publish
	DEBUG=1 bash scripts/serve-with-worker $(PY) 127.0.0.1:$(or $(PORT),8000)

test: $(VENV)/.installed chromium pdf-tools  ## install and run the whole suite (unit, integration and browser tests)
	$(TEST_ENV) $(PYTEST) $(PYTEST_ARGS)

test-unit: $(VENV)/.installed chromium pdf-tools  ## everything but the browser tests
	$(TEST_ENV) $(PYTEST) -m "not e2e" $(PYTEST_ARGS)

test-e2e: $(VENV)/.installed chromium pdf-tools  ## browser tests only (Playwright driving Debian chromium)
	$(TEST_ENV) $(PYTEST) -m e2e $(PYTEST_ARGS)

chromium:  ## browser tests need Debian's chromium at /usr/bin/chromium
	@bash scripts/ensure-chromium

pdf-tools:  ## PDF rendering needs Debian's pango; the PDF checks need poppler-utils
	@bash scripts/ensure-pdf-tools

check: $(VENV)/.installed  ## lint, format check, import contracts, Django checks
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(PY) manage.py check

fmt: $(VENV)/.installed  ## fix lint and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

demo: $(VENV)/.installed chromium pdf-tools  ## reload the demo data into the SQLite database
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo --publish
