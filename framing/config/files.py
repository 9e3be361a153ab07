"""Find and read the files that ship with framing: lexicons, rules, actors, style, notebooks, demo corpus.

Everything is found through :mod:`importlib.resources` inside the installed package
(``framing/data/…``, ``framing/notebooks``), so a wheel works exactly like a checkout. In a source checkout
the notebooks and the demo corpus live at the top of the repository (``notebooks/``, ``data/raw/``), where a
researcher opens them; the wheel carries copies of both inside the package. Nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import yaml

from framing.errors import ConfigFileError, check_keys

DEMO_CORPUS = "xi-trump-calls"


def _package_dir() -> Path:
    return Path(str(resources.files("framing")))


def data_path(*parts: str) -> Path:
    """Return the path of a shipped data file or folder below ``framing/data``.

    Args:
        *parts: Path components, e.g. ``("lexicons", "stance.yaml")``.

    Raises:
        ConfigFileError: If nothing is shipped under that name (the message lists what is).

    Example:
        >>> data_path("rules", "boilerplate.yaml").name
        'boilerplate.yaml'
    """
    base = _package_dir() / "data"
    candidate = base.joinpath(*parts)
    if not candidate.exists():
        folder = candidate.parent
        shipped = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        raise ConfigFileError(f"no shipped data file {'/'.join(parts)!r}; {folder} holds {shipped}")
    return candidate


def notebook_dir() -> Path:
    """The folder of the report notebooks (inside the wheel, or ``notebooks/`` of a checkout).

    Example:
        >>> sorted(p.name for p in notebook_dir().glob("*.ipynb"))[0]
        '01-corpus-overview.ipynb'
    """
    shipped = _package_dir() / "notebooks"
    return shipped if shipped.is_dir() else _package_dir().parent / "notebooks"


def default_corpus() -> Path:
    """The demo corpus: five scraped articles on Xi–Trump phone calls (inside the wheel, or ``data/raw``).

    Example:
        >>> default_corpus().name
        'xi-trump-calls'
    """
    shipped = _package_dir() / "data" / "demo" / DEMO_CORPUS
    return shipped if shipped.is_dir() else _package_dir().parent / "data" / "raw" / DEMO_CORPUS


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader that refuses a key given twice in one mapping (YAML would keep the last)."""


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice (lines {seen[key] + 1} and {key_node.start_mark.line + 1})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return dict(loader.construct_pairs(node, deep=True))


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_yaml(path: str | Path) -> object:
    """Parse a UTF-8 YAML file safely; a key given twice in one mapping is an error.

    Raises:
        ConfigFileError: One line naming the file and the reason: missing, a folder, not UTF-8, invalid
            YAML or a duplicated key.

    Example:
        >>> read_yaml(data_path("rules", "negation.yaml"))["name"]
        'negation'
    """
    path = Path(path)
    if path.is_dir():
        raise ConfigFileError(f"{path}: is a folder, not a YAML file")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigFileError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise ConfigFileError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigFileError(f"{path}: invalid YAML{where}: {problem}") from exc


def read_mapping(path: Path, keys: set[str]) -> dict[str, object]:
    """A YAML file that must be a mapping with only ``keys`` (errors name the file and list the keys).

    Example:
        >>> read_mapping(data_path("rules", "credits.yaml"), {"name", "version", "description", "source",
        ...                                                    "agencies", "forms"})["name"]
        'credits'
    """
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise ConfigFileError(f"{path}: expected a mapping with keys {sorted(keys)}")
    check_keys(raw, keys, str(path))
    return raw


def rule_items(items: object, *, path: Path, kind: str, keys: set[str], required: tuple[str, ...]
               ) -> Iterator[tuple[str, dict[str, object]]]:
    """Each entry of a list of rules as ``(where, item)``, once it is a mapping with only ``keys``, every
    ``required`` key set and an ``id`` no earlier entry has (``where`` is ``"<path>: <kind> <n>"``)."""
    seen: set[object] = set()
    for i, item in enumerate(items or []):  # type: ignore[arg-type]
        where = f"{path}: {kind} {i + 1}"
        if not isinstance(item, dict):
            raise ConfigFileError(f"{where}: expected a mapping")
        check_keys(item, keys, where)
        for key in required:
            if not item.get(key):
                raise ConfigFileError(f"{where}: missing {key!r}")
        if item["id"] in seen:
            raise ConfigFileError(f"{where}: duplicate {kind} id {item['id']!r}")
        seen.add(item["id"])
        yield where, item


def compile_pattern(text: str, *, where: str, flags: int = re.IGNORECASE, what: str = "pattern") -> re.Pattern[str]:
    """``re.compile(text, flags)``, or one line naming ``where`` and the ``what`` that does not compile."""
    try:
        return re.compile(text, flags)
    except re.error as exc:
        raise ConfigFileError(f"{where}: invalid {what} {text!r}: {exc}") from exc
