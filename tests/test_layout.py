"""The package's shape: layers, contracts, public API, small modules, an installable wheel."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

import framing
from framing import schema

PACKAGE = ROOT / "framing"
BIN = Path(sys.executable).parent


def test_import_linter_layers_contract_holds():
    """An import that points up the layers (e.g. stats importing pipeline) fails this test."""
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_catches_an_upward_import(tmp_path):
    """Control: the same contract on a copy of the package with one arrow reversed is broken."""
    copy = tmp_path / "repo"
    shutil.copytree(PACKAGE, copy / "framing", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    bad = copy / "framing" / "stats" / "grouping.py"
    bad.write_text(bad.read_text(encoding="utf-8") + "\nfrom framing.pipeline import signals  # noqa\n",
                   encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy)}
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=copy, capture_output=True, text=True,
                            env=env)
    assert result.returncode != 0 and "framing.stats.grouping -> framing.pipeline.signals" in result.stdout


def test_no_module_is_over_about_300_lines():
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert max(sizes.values()) <= 330, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]


def test_public_api_is_declared_and_importable():
    for name in framing.__all__:
        assert hasattr(framing, name), name
    for sub in ("config", "io", "corpus", "extract", "stats", "pipeline", "viz", "report"):
        module = __import__(f"framing.{sub}", fromlist=["__all__"])
        assert module.__all__ and all(hasattr(module, n) for n in module.__all__), sub


def test_no_vocabulary_value_is_a_loose_literal_outside_the_schema():
    """Statuses and the unknown-group prefix are spelt once, in framing.schema."""
    literals = {*schema.STATUSES, schema.UNKNOWN_PREFIX}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "schema.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in literals:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not found, found


def test_tables_are_built_from_the_schema(seed_signals):
    for name, columns in schema.TABLES.items():
        if name in seed_signals.tables:
            assert tuple(seed_signals.tables[name].columns[:len(columns)]) == columns, name


def test_python_dash_m_framing_runs():
    result = subprocess.run([sys.executable, "-m", "framing", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"framing {framing.__version__}"


def test_misspelt_option_values_list_the_valid_ones(seed_signals):
    from framing.errors import UsageError

    with pytest.raises(UsageError, match=r"unknown level 'outlett'; valid values are \['doc_id', 'outlet'"):
        framing.outlet_table(seed_signals.frame_scores, level="outlett")
    with pytest.raises(UsageError, match=r"unknown lexicon 'stanse'; valid values are \['issues', 'stance'\]"):
        framing.outlet_table(seed_signals.frame_scores, lexicon="stanse")
    with pytest.raises(UsageError, match="n_resamples must be 0"):
        framing.compute_signals(ROOT / "data" / "raw" / "xi-trump-calls", n_resamples=1)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return next(out.glob("framing-*.whl"))


def test_the_wheel_ships_notebooks_data_and_types(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("framing/py.typed", "framing/data/lexicons/stance.yaml", "framing/data/rules/channels.yaml",
                   "framing/data/actors/actors.yaml", "framing/data/style/framing.mplstyle",
                   "framing/notebooks/02-conciliatory-vs-warning.ipynb",
                   "framing/data/demo/xi-trump-calls/000_7a1cdc4cf052a761.txt"):
        assert needed in names, needed


def test_installed_wheel_runs_a_report_outside_the_checkout(wheel, tmp_path, seeds_dir):
    """pip install the wheel into a fresh target, then `python -m framing report` from another folder."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    shutil.copytree(seeds_dir, work / "seeds")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)  # the wheel, not the checkout, is imported
    where = subprocess.run([sys.executable, "-c", "import framing; print(framing.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target))
    result = subprocess.run([sys.executable, "-m", "framing", "report", "seeds", "--out", "report",
                             "--notebooks", "01-corpus-overview", "--no-progress", "--resamples", "0"],
                            cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (work / "report" / "figures" / "articles_per_outlet.png").stat().st_size > 1000
    assert "data:image/png;base64" in (work / "report" / "01-corpus-overview.html").read_text(encoding="utf-8")
    demo = subprocess.run([sys.executable, "-c", "import framing; print(len(framing.load_corpus("
                           "framing.config.default_corpus()).articles))"], cwd=work, env=env, capture_output=True,
                          text=True)
    assert demo.stdout.strip() == "5", demo.stderr[-2000:]


def _requirement_names(specs) -> set[str]:
    import re

    return {re.split(r"[<>=!~ ;\[]", s, maxsplit=1)[0].strip().lower().replace("_", "-") for s in specs}


def test_every_imported_package_is_declared_and_pinned_in_the_lock():
    import importlib.metadata as md
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _requirement_names(project["dependencies"])
    tests_extra = _requirement_names(project["optional-dependencies"]["test"])
    optional = _requirement_names(project["optional-dependencies"]["dask"])  # the dask engine's extra
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].strip().lower().replace("_", "-") for line in lock.splitlines()
              if "==" in line and not line.startswith((" ", "#"))}
    assert declared | tests_extra | optional <= pinned, sorted((declared | tests_extra | optional) - pinned)
    owners = md.packages_distributions()
    imported = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "framing"}
    undeclared = {name: owners.get(name) for name in third_party
                  if not {d.lower().replace("_", "-") for d in owners.get(name, [])} & (declared | optional)}
    assert not undeclared, undeclared
