# reliefsite: `make run` serves the site, `make test` runs the whole suite. Both set everything up.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup migrate seed messages lint check-deploy clean

run: setup migrate seed
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# The virtualenv is rebuilt only when the lock file changes.
setup: $(STAMP) messages

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

# Compiled translations are build output, not source.
messages: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=$(VENV) -v 0

migrate: setup
	$(BIN)/python manage.py migrate --noinput -v 0

# Loads the seed data only into an empty database, so editors' changes survive a restart.
seed: migrate
	$(BIN)/python manage.py load_seeds --if-empty

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
