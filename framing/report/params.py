"""Notebook parameters: what each report notebook declares, and checking a request against them.

Each notebook declares its own parameters in one cell tagged ``parameters``; papermill reads them
(:func:`papermill.inspect_notebook`). A report hands each notebook only the parameters it declares, and a
parameter no selected notebook declares is an error that lists the valid ones.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from framing.config.files import notebook_dir
from framing.errors import UsageError

#: Parameters the report runner sets itself; a user may not set them.
RUNNER_PARAMETERS = ("tables_dir", "out_dir", "corpus", "lexicon_file")


def list_notebooks() -> list[str]:
    """The report notebooks, in the order a report runs them.

    Example:
        >>> list_notebooks()[0]
        '01-corpus-overview'
    """
    return sorted(p.stem for p in notebook_dir().glob("[0-9][0-9]-*.ipynb"))


def notebook_path(name: str) -> Path:
    """The path of a report notebook, by name (with or without ``.ipynb``).

    Raises:
        UsageError: For an unknown name (the message lists the notebooks).

    Example:
        >>> notebook_path("01-corpus-overview").name
        '01-corpus-overview.ipynb'
    """
    stem = name[:-6] if name.endswith(".ipynb") else name
    valid = list_notebooks()
    if stem not in valid:
        raise UsageError(f"unknown notebook {name!r}; valid notebooks are {valid}")
    return notebook_dir() / f"{stem}.ipynb"


@lru_cache(maxsize=32)
def _declared(path: str, mtime: float) -> dict[str, object]:
    import papermill as pm

    return {name: spec for name, spec in pm.inspect_notebook(path).items()}


def notebook_parameters(name: str) -> dict[str, str]:
    """The parameters a notebook declares, each with its default as written in the notebook.

    Example:
        >>> sorted(notebook_parameters("01-corpus-overview"))[:2]
        ['corpus', 'dpi']
    """
    path = notebook_path(name)
    declared = _declared(str(path), path.stat().st_mtime)
    return {key: str(spec["default"]) for key, spec in declared.items()}


def split_parameters(parameters: Mapping[str, object], notebooks: Sequence[str]) -> dict[str, dict[str, object]]:
    """Hand each notebook only the parameters it declares.

    Raises:
        UsageError: For a parameter none of ``notebooks`` declares, or one the runner sets itself (the message
            names the parameter and lists the valid ones).

    Example:
        >>> split_parameters({"group_by": "event"}, ["01-corpus-overview", "02-conciliatory-vs-warning"])
        {'01-corpus-overview': {}, '02-conciliatory-vs-warning': {'group_by': 'event'}}
    """
    declared = {name: notebook_parameters(name) for name in notebooks}
    valid = sorted({p for params in declared.values() for p in params} - set(RUNNER_PARAMETERS))
    for key in parameters:
        if key in RUNNER_PARAMETERS:
            raise UsageError(f"parameter {key!r} is set by the report itself; valid parameters of "
                             f"{list(notebooks)} are {valid}")
        if key not in valid:
            raise UsageError(f"unknown parameter {key!r}: no notebook of {list(notebooks)} declares it; "
                             f"valid parameters are {valid}")
    for name, params in declared.items():
        for key, value in parameters.items():
            if key in params:
                _check_type(key, value, params[key], name)
    return {name: {k: v for k, v in parameters.items() if k in params} for name, params in declared.items()}


def _check_type(key: str, value: object, default: str, notebook: str) -> None:
    """A value must have the type of the notebook's default (any type where the default is ``None``)."""
    try:
        example = ast.literal_eval(default)
    except (ValueError, SyntaxError):
        return
    if example is None or value is None:
        return
    kinds = {bool: (bool,), int: (int,), float: (int, float), str: (str,), list: (list, tuple)}
    wanted = kinds.get(type(example))
    ok = wanted is None or (isinstance(value, wanted) and not (isinstance(value, bool) and bool not in wanted))
    if not ok:
        raise UsageError(f"parameter {key!r} of {notebook} must be {type(example).__name__} like its default "
                         f"{default}; got {value!r}")


#: Parameters that name files the user gives (coded sheets, a sample key): made absolute and checked before any
#: notebook runs, because the notebooks run inside the report folder.
PATH_PARAMETERS = ("validation_sheets", "validation_key")


def resolve_paths(parameters: Mapping[str, object]) -> dict[str, object]:
    """Make the file parameters absolute, and check that each file exists.

    Raises:
        UsageError: For a file that does not exist (the message names it and the parameter).

    Example:
        >>> resolve_paths({"group_by": "event", "validation_sheets": []})
        {'group_by': 'event', 'validation_sheets': []}
    """
    out = dict(parameters)
    for name in PATH_PARAMETERS:
        value = out.get(name)
        if value in (None, "", []):
            continue
        paths = value if isinstance(value, list) else [value]
        resolved = []
        for path in paths:
            full = Path(str(path)).expanduser().resolve()
            if not full.is_file():
                raise UsageError(f"parameter {name}: {path}: no such file")
            resolved.append(str(full))
        out[name] = resolved if isinstance(value, list) else resolved[0]
    return out
