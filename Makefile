# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ADDR ?= 127.0.0.1:8000
# E-mails link to the address the app is served at (0.0.0.0 is all of this machine's addresses:
# its name then), unless SITE_URL says otherwise.
SITE_URL ?= http://$(subst 0.0.0.0,$(shell hostname),$(ADDR))
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run develop test serve bench lint format clean install benchmark mutate

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet '.[dev]'
	touch $(STAMP)

# The app as people meet it (DEBUG off: its own error pages, whitenoise static files, gunicorn);
# `DEBUG=1 make run` for development (Django's debug pages, reloading on every change).
run: $(STAMP)
	@case "$${DEBUG:-0}" in \
	  1|true|yes|on) $(MAKE) --no-print-directory develop ;; \
	  *) $(MAKE) --no-print-directory serve ;; \
	esac

develop: export DEBUG = 1
develop: export SITE_URL := $(SITE_URL)
develop: export ALLOWED_HOSTS ?= $(shell $(PYTHON) crossroads/address.py hosts $(ADDR))
develop: $(STAMP)
	@$(PYTHON) crossroads/address.py check $(ADDR)
	$(BIN)/python manage.py migrate --no-input
	@echo ""
	@echo "Crossroads (development, DEBUG on) is starting at $(SITE_URL)/  (press Ctrl+C to stop)"
	@echo ""
	$(BIN)/python manage.py runserver $(ADDR)

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

# The part of the suite that reads and writes the database, once more against a PostgreSQL server
# (Debian's `postgresql` package) instead of the embedded one: a throw-away cluster on a free port,
# removed afterwards (tests/crossroads/postgres_server.py). CI runs it after `make test`.
.PHONY: test-server
SERVER_TESTS ?= tests/offers tests/decisions tests/reminders tests/accounts \
  $(addprefix tests/crossroads/test_,lockout.py password_reset.py retention.py query.py \
    migrations.py stored_extremes.py connections.py)
test-server: $(STAMP)
	$(BIN)/python -m tests.crossroads.postgres_server \
	  $(BIN)/pytest $(SERVER_TESTS) -m "not browser and not two_servers" $(PYTEST_ARGS)

serve: export DEBUG = 0
serve: export SITE_URL := $(SITE_URL)
# Plain HTTP, no HTTPS proxy in front: cookies not marked Secure, no redirect to HTTPS.
serve: export PLAIN_HTTP ?= 1
serve: export SECRET_KEY ?= $(shell $(PYTHON) crossroads/local_secret.py)
serve: export ALLOWED_HOSTS ?= $(shell $(PYTHON) crossroads/address.py hosts $(ADDR))
serve: $(STAMP)
	@$(PYTHON) crossroads/address.py check $(ADDR)
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py migrate --no-input
	@echo ""
	@echo "Crossroads is starting at $(SITE_URL)/  (press Ctrl+C to stop)"
	@echo ""
	$(BIN)/gunicorn crossroads.wsgi --bind $(ADDR) --workers 2 --access-logfile -

# How fast every page is against a bare page, and under gunicorn (see docs/performance.md). wrk, the load
# tool, comes from Debian when missing. The benchmark has a database of its own.
bench: $(STAMP)
	@command -v wrk > /dev/null || { echo "Installing wrk (the load tool) from Debian..."; \
	  $(SUDO) apt-get install -y -qq wrk > /dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk > /dev/null; }; }
	$(BIN)/python -m bench

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark_reminders.py --users 10000

# Mutation testing of the modules that decide what a person is told ([tool.mutmut] in
# pyproject.toml); not part of `make test`. Prints each module's kill rate and the survivors.
mutate: $(STAMP)
	rm -rf mutants  # mutmut keeps old results for code that did not change, even when tests did
	$(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python scripts/mutation_report.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var staticfiles test-artifacts mutants
