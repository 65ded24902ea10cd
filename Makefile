# reliefsite: `make run` serves the site, `make test` runs the whole suite. Both set everything up.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# make bench and make load run on the distribution's python3, in a virtualenv of their own (below).
BENCH_PYTHON ?= $(firstword $(wildcard /usr/bin/python3) $(PYTHON))
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

.PHONY: run test setup migrate seed messages lint check-deploy clean

run: setup migrate seed
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# The virtualenv is rebuilt only when the lock file changes. One recipe for both virtualenvs;
# each is built from its own interpreter.
setup: $(STAMP) messages

$(STAMP): VENV_PYTHON = $(PYTHON)
$(BENCH_STAMP): VENV_PYTHON = $(BENCH_PYTHON)
$(STAMP) $(BENCH_STAMP): requirements.lock
	test -x $(@D)/bin/python || $(VENV_PYTHON) -m venv $(@D)
	$(@D)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# Compiled translations are build output, not source.
messages: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=$(VENV) --ignore=$(BENCH_VENV) -v 0

migrate: setup
	$(BIN)/python manage.py migrate --noinput -v 0

# Loads the seed data only into an empty database, so editors' changes survive a restart.
seed: migrate
	$(BIN)/python manage.py load_seeds --if-empty

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) $(BENCH_VENV) staticfiles .pytest_cache

# Phone and desktop screenshots of every public page type into docs/screenshots/ (needs Chromium and
# a Chinese font: apt-get install chromium fonts-noto-cjk).
.PHONY: screenshots
screenshots: setup
	$(BIN)/python tools/screenshots.py

# Performance (not unit tests; need wrk: apt-get install -y wrk). Data sets stay in bench/out/.
# `make bench` prints queries, p50/p95 and req/s per page against a static file (bench/RESULTS.md);
# `make load` runs 60 s at 64 connections on the mixed public pages and fails on any error.
# They run on the interpreter production runs (docs/deploy.md): the distribution's python3, in its
# own virtualenv. With pyenv's default build (libpython shared, no PGO or LTO) every page's p95 was
# 2-19 % higher (bench/RESULTS.md). Debian's python3 needs apt-get install python3-venv.
.PHONY: bench load
bench: setup $(BENCH_STAMP)
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(BENCH_VENV)/bin/python bench/run.py $(BENCH_ARGS)

load: setup $(BENCH_STAMP)
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(BENCH_VENV)/bin/python bench/load.py $(LOAD_ARGS)
