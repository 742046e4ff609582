# PoA-ISS: `make run` serves the demo site, `make test` runs the whole test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test install lint messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Refresh the interface catalogues after changing translatable strings, then compile them.
messages: install
	$(BIN)/python manage.py makemessages $(foreach l,en fr es ru ar zh_Hans,-l $(l)) \
		--no-obsolete --no-location --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv
