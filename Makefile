# Two entry points: `make run` builds the bundled corpus, `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# when govkg was last installed into the venv: an editable install sees code changes
# by itself, so only a changed pyproject.toml (dependencies, packages) reinstalls
STAMP   = $(VENV)/.installed

.PHONY: install run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# an editable install writes no bytecode for the package (pip does for a regular one), and
# where PYTHONDONTWRITEBYTECODE is set every run would compile kg again (~0.2 s a build)
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q kg
	touch $@

install: $(STAMP)

run: install
	$(BIN)/kg build data/corpus -o output

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf output/*.ttl output/*.html output/*.trig output/*.jsonld output/*.nt output/*.graphml output/*.csv
