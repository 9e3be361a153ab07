# Two commands do everything on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# One lock per Python minor version: requirements.lock (3.11), requirements-3.12.lock, requirements-3.13.lock
LOCK   := $(shell $(PYTHON) -c 'import sys; v = sys.version_info[:2]; print("requirements.lock" if v == (3, 11) else "requirements-%d.%d.lock" % v)')
CORPUS ?= data/raw/xi-trump-calls
OUT    ?= reports/xi-trump-calls

.PHONY: install report test lab clean lock mutants

# The install is pinned: every package at the version in requirements.lock (resolved for Python 3.11 on
# x86-64 Linux, with constraints.txt), then framing itself without re-resolving. `pip install framing` without the lock uses the ranges
# in pyproject.toml.
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "framing needs Python >= 3.11; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name framing --display-name "Python (framing)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

report: install
	$(BIN)/framing report $(CORPUS) --out $(OUT)

test: install
	$(BIN)/python -m pytest

lab: install
	$(BIN)/jupyter lab notebooks/

# Mutation testing (slow; not part of `make test`): see TESTING.md. Configured in pyproject.toml [tool.mutmut].
mutants: install
	$(BIN)/python -m pip install --quiet "mutmut>=3.3,<4"
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2 || true
	$(BIN)/mutmut results

# Refresh the locks after changing a dependency range in pyproject.toml (needs the network to PyPI).
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra dask --python-version 3.11 \
		--python-platform x86_64-unknown-linux-gnu -c constraints.txt --upgrade -o requirements.lock
	for v in 3.12 3.13; do $(BIN)/uv pip compile pyproject.toml --extra test --extra dask --python-version $$v \
		--python-platform x86_64-unknown-linux-gnu -c constraints.txt --upgrade -o requirements-$$v.lock; done

clean:
	rm -rf $(VENV) reports/*/ .pytest_cache mutants
