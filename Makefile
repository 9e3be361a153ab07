# Two commands do everything on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CORPUS ?= data/raw/xi-trump-calls
OUT    ?= reports/xi-trump-calls

.PHONY: install report test lab clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "framing needs Python >= 3.11; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name framing --display-name "Python (framing)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

report: install
	$(BIN)/framing report $(CORPUS) --out $(OUT)

test: install
	$(BIN)/python -m pytest

lab: install
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) reports/*/ .pytest_cache
